//! The Handlebars templates: built-in ones compiled into the binary, and
//! overrides from `--templates DIR` by file name.

use std::collections::BTreeMap;
use std::path::Path;

use handlebars::{Handlebars, RenderErrorReason};

use super::{escape, helpers, ReportError};
use crate::diag::Diagnostic;

/// The built-in templates, `templates/` in the repository. `briefing` is the
/// document; the others are partials it includes as `{{> name}}`.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "briefing.md.hbs",
        include_str!("../../templates/briefing.md.hbs"),
    ),
    (
        "executive-summary.md.hbs",
        include_str!("../../templates/executive-summary.md.hbs"),
    ),
    (
        "pillar.md.hbs",
        include_str!("../../templates/pillar.md.hbs"),
    ),
    (
        "highlight.md.hbs",
        include_str!("../../templates/highlight.md.hbs"),
    ),
    (
        "chronology.md.hbs",
        include_str!("../../templates/chronology.md.hbs"),
    ),
    (
        "sources.md.hbs",
        include_str!("../../templates/sources.md.hbs"),
    ),
];

/// The template that renders the whole document.
pub const MAIN: &str = "briefing";

/// File names end in this; the name registered is the file name without it.
pub const EXTENSION: &str = ".md.hbs";

/// One template's text and the path its errors name.
#[derive(Clone, Debug)]
pub struct TemplateSource {
    /// The file name, e.g. `pillar.md.hbs`.
    pub file: String,
    /// Where it came from: `templates/pillar.md.hbs (built in)` or the
    /// override's path.
    pub path: String,
    pub text: String,
}

/// The built-in templates.
pub fn builtin() -> Vec<TemplateSource> {
    BUILTIN
        .iter()
        .map(|&(file, text)| TemplateSource {
            file: file.to_owned(),
            path: format!("templates/{file}"),
            text: text.to_owned(),
        })
        .collect()
}

/// The files in a `--templates` folder (none when it cannot be read), so
/// that no report is written over one.
pub fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir).map(|entries| entries.flatten().map(|e| e.path()).collect()).unwrap_or_default()
}

/// The largest template read: 1 MiB (the built-in ones are a few KiB).
pub const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// The built-in templates with those in `dir` put in their place.
///
/// Every `*.hbs` file in `dir` must be named like a built-in template: a
/// misspelt override would otherwise be silently ignored. Other files and
/// hidden files are skipped.
pub fn with_overrides(dir: &Path) -> Result<Vec<TemplateSource>, ReportError> {
    let mut templates = builtin();
    let entries = std::fs::read_dir(dir).map_err(|e| ReportError::io(dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ReportError::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && name.ends_with(".hbs") {
            paths.push((name, entry.path()));
        }
    }
    paths.sort();
    let mut unknown = Vec::new();
    for (name, path) in paths {
        let display = path.display().to_string();
        let Some(slot) = templates.iter_mut().find(|t| t.file == name) else {
            let names: Vec<&str> = BUILTIN.iter().map(|(f, _)| *f).collect();
            let help = crate::diag::did_you_mean(&name, names.iter().copied())
                .unwrap_or_else(|| format!("the templates are: {}", names.join(", ")));
            unknown.push(
                Diagnostic::error_in(&display, format!("`{name}` overrides no built-in template"))
                    .with_help(help),
            );
            continue;
        };
        let bytes = match crate::input::read(&path, MAX_TEMPLATE_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::input::ReadError::Io(e)) => return Err(ReportError::io(&path, e)),
            Err(crate::input::ReadError::TooLarge(limit)) => {
                unknown.push(Diagnostic::error_in(&display, format!("the template is over {} MiB, the limit", limit >> 20)));
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => {
                *slot = TemplateSource {
                    file: name,
                    path: display,
                    text,
                }
            }
            Err(_) => unknown.push(Diagnostic::error_in(
                &display,
                "the template is not valid UTF-8",
            )),
        }
    }
    if unknown.is_empty() {
        Ok(templates)
    } else {
        Err(ReportError::Invalid(unknown))
    }
}

/// Compiled templates, ready to render.
pub struct Templates {
    registry: Handlebars<'static>,
    /// Registered name → path, to name files in errors.
    paths: BTreeMap<String, String>,
}

impl Templates {
    /// Compiles `sources`, reporting every template that does not parse.
    pub fn compile(sources: &[TemplateSource]) -> Result<Templates, ReportError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(escape::markdown);
        helpers::register(&mut registry);
        let mut paths = BTreeMap::new();
        let mut problems = Vec::new();
        for source in sources {
            let name = source
                .file
                .strip_suffix(EXTENSION)
                .unwrap_or(&source.file)
                .to_owned();
            if let Err(e) = registry.register_template_string(&name, &source.text) {
                let mut d =
                    Diagnostic::error_in(&source.path, format!("invalid template: {}", e.reason()));
                d.position = e.pos();
                problems.push(d);
            }
            paths.insert(name, source.path.clone());
        }
        if problems.is_empty() {
            Ok(Templates { registry, paths })
        } else {
            Err(ReportError::Invalid(problems))
        }
    }

    /// Renders the main template with `data`.
    pub fn render<T: serde::Serialize>(&self, data: &T) -> Result<String, ReportError> {
        self.registry.render(MAIN, data).map_err(|e| {
            let name = e.template_name.clone().unwrap_or_else(|| MAIN.to_owned());
            let path = self.paths.get(&name).cloned().unwrap_or(name);
            let reason = match e.reason() {
                RenderErrorReason::MissingVariable(Some(name)) => {
                    format!("`{name}` is not defined here (a misspelt or missing field)")
                }
                other => other.to_string(),
            };
            let mut d = Diagnostic::error_in(&path, format!("template failed: {reason}"));
            if let (Some(line), Some(col)) = (e.line_no, e.column_no) {
                d.position = Some((line, col));
            }
            ReportError::Invalid(vec![d])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_names_every_template_file() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".hbs"))
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = BUILTIN.iter().map(|(f, _)| f.to_string()).collect();
        built_in.sort();
        assert_eq!(on_disk, built_in);
    }

    #[test]
    fn a_template_syntax_error_names_file_line_and_column() {
        let mut sources = builtin();
        sources[1].text = "line one\n{{#if x}}\nno close\n".to_owned();
        sources[1].path = "mine/executive-summary.md.hbs".to_owned();
        let Err(ReportError::Invalid(diags)) = Templates::compile(&sources) else {
            panic!("compiled")
        };
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].path, "mine/executive-summary.md.hbs");
        assert!(diags[0].position.is_some(), "{}", diags[0]);
    }

    #[test]
    fn a_misspelt_variable_fails_in_strict_mode_with_its_line() {
        let mut sources = builtin();
        let main = sources
            .iter_mut()
            .find(|s| s.file == "briefing.md.hbs")
            .unwrap();
        main.text = "# Title\n\n{{report.titel}}\n".to_owned();
        let templates = Templates::compile(&sources).unwrap();
        let data = serde_json::json!({ "report": { "title": "x" } });
        let Err(ReportError::Invalid(diags)) = templates.render(&data) else {
            panic!("rendered")
        };
        assert_eq!(diags[0].path, "templates/briefing.md.hbs");
        assert_eq!(diags[0].position.map(|p| p.0), Some(3));
    }
}
