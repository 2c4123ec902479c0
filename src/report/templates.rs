//! The Handlebars templates: built-in ones compiled into the binary, and
//! overrides from `--templates DIR` by file name.

use std::collections::BTreeMap;
use std::path::Path;

use handlebars::{Handlebars, RenderErrorReason};

use super::{helpers, lang_span, words, ReportError};
use crate::diag::Diagnostic;
use output::Capped;
pub use output::MAX_MARKDOWN_NESTING;

/// The built-in templates, `templates/` in the repository. `briefing` is the
/// document; the others are partials it includes as `{{> name}}`. Each is
/// kept small: Handlebars finds every element's line and column by walking
/// its template from the start, so compiling costs the square of a
/// template's length.
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
        "provenance.md.hbs",
        include_str!("../../templates/provenance.md.hbs"),
    ),
    (
        "watch.md.hbs",
        include_str!("../../templates/watch.md.hbs"),
    ),
    (
        "counts.md.hbs",
        include_str!("../../templates/counts.md.hbs"),
    ),
    (
        "partners.md.hbs",
        include_str!("../../templates/partners.md.hbs"),
    ),
    (
        "map-partners.md.hbs",
        include_str!("../../templates/map-partners.md.hbs"),
    ),
    (
        "map-routes.md.hbs",
        include_str!("../../templates/map-routes.md.hbs"),
    ),
    (
        "timeline.md.hbs",
        include_str!("../../templates/timeline.md.hbs"),
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
        "chronology-table.md.hbs",
        include_str!("../../templates/chronology-table.md.hbs"),
    ),
    (
        "changes.md.hbs",
        include_str!("../../templates/changes.md.hbs"),
    ),
    (
        "partner-index.md.hbs",
        include_str!("../../templates/partner-index.md.hbs"),
    ),
    (
        "about.md.hbs",
        include_str!("../../templates/about.md.hbs"),
    ),
    (
        "sources.md.hbs",
        include_str!("../../templates/sources.md.hbs"),
    ),
];

/// The template that renders the whole document.
pub const MAIN: &str = "briefing";

/// The templates that render a section links may point to, with the field
/// of their context that names the section: each is registered behind a
/// wrapper that marks where its output begins and ends, so that
/// [`super::sections`] finds the heading it actually rendered.
pub const SECTIONS: &[(&str, &str)] = &[("pillar", "id")];

/// The name a section template's own text is registered under; its name
/// goes to the wrapper.
fn section_body(name: &str) -> String {
    format!("{name}--section")
}

/// The wrapper of section template `name`, whose context names the
/// section in `key`.
fn section_wrapper(name: &str, key: &str) -> String {
    format!("{{{{section_mark \"{key}\"}}}}{{{{> {body}}}}}{{{{section_end}}}}", body = section_body(name))
}

/// `{{section_mark "field"}}`: the mark of the section the context's
/// `field` names (nothing without one); `{{section_end}}`: the end mark.
/// Not for templates to call: only the wrappers do.
fn register_section_helpers(registry: &mut Handlebars<'_>) {
    use handlebars::{Context, Helper, HelperResult, Output, RenderContext};
    registry.register_helper(
        "section_mark",
        Box::new(|h: &Helper<'_>, _: &Handlebars<'_>, ctx: &Context, rc: &mut RenderContext<'_, '_>, out: &mut dyn Output| -> HelperResult {
            let field = h.param(0).and_then(|p| p.value().as_str()).unwrap_or("id");
            if let Some(key) = rc.evaluate(ctx, field)?.as_json().as_str() {
                out.write(&crate::slug::mark(key))?;
            }
            Ok(())
        }),
    );
    registry.register_helper(
        "section_end",
        Box::new(|_: &Helper<'_>, _: &Handlebars<'_>, _: &Context, _: &mut RenderContext<'_, '_>, out: &mut dyn Output| -> HelperResult {
            out.write(&crate::slug::end_mark())?;
            Ok(())
        }),
    );
}

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
    let mut misnamed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ReportError::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Any case of `.hbs`: `briefing.md.HBS` is a template meant to
        // override, and an error when it overrides nothing, not ignored.
        if !name.starts_with('.') && name.to_ascii_lowercase().ends_with(".hbs") {
            paths.push((name, entry.path()));
        } else if name.to_ascii_lowercase().ends_with(".ftl") && !crate::words::Lang::ALL.iter().any(|lang| name == lang.file()) {
            // A catalogue under another name would be ignored: say so.
            let files = crate::words::Lang::ALL.map(|lang| lang.file());
            let help = crate::diag::suggest(&name, &files, "the catalogues are");
            misnamed.push(
                Diagnostic::error_in(&entry.path().display().to_string(), format!("`{name}` is no catalogue the tool reads"))
                    .with_help(help),
            );
        }
    }
    paths.sort();
    misnamed.sort_by(|a, b| a.path.cmp(&b.path));
    let mut unknown = misnamed;
    for (name, path) in paths {
        let display = path.display().to_string();
        let Some(slot) = templates.iter_mut().find(|t| t.file == name) else {
            let names: Vec<&str> = BUILTIN.iter().map(|(f, _)| *f).collect();
            let help = crate::diag::suggest(&name, &names, "the templates are");
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
    /// The most bytes a render may produce.
    max_output: usize,
    /// Raw HTML the templates write, which the PDF does not draw: a
    /// warning each, with the template and line.
    pub html: Vec<Diagnostic>,
    /// The catalogue `{{t}}` says its messages from, for the typesetter too.
    words: std::sync::Arc<crate::words::Catalogue>,
}

/// The most bytes the templates may produce: 1 GiB, far above the
/// briefing of the largest dataset accepted, but a template that repeats
/// the data inside itself (`{{#each}}` in `{{#each}}`) stops here with an
/// error rather than filling memory (issue 10, class 12).
pub const MAX_OUTPUT_BYTES: usize = 1 << 30;

/// How deeply blocks and subexpressions may nest in one template. The
/// templates parser and renderer recurse per level, and thousands of levels
/// overflowed the stack (issue 10, class 12); the built-in ones use four.
pub const MAX_NESTING: usize = 64;

/// Refuses what would make Handlebars recurse without end or too deep: a
/// template that includes itself, directly or through others, and blocks
/// nested deeper than [`MAX_NESTING`]. Checked on the text, before the
/// parser sees it.
fn structure(sources: &[TemplateSource]) -> Vec<Diagnostic> {
    let name_of = |file: &str| file.strip_suffix(EXTENSION).unwrap_or(file).to_owned();
    let mut problems = Vec::new();
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut defined_in: BTreeMap<String, usize> = BTreeMap::new();
    for (index, source) in sources.iter().enumerate() {
        let text = &without_comments(&source.text);
        if let Some((line, col)) = too_deep(text) {
            let mut d = Diagnostic::error_in(&source.path, format!("blocks nest deeper than {MAX_NESTING} levels"));
            d.position = Some((line, col));
            problems.push(d);
        }
        match includes(text) {
            Ok(found) => {
                let name = name_of(&source.file);
                for (from, to) in found {
                    if let Some(inline) = &from {
                        defined_in.entry(inline.clone()).or_insert(index);
                    }
                    graph.entry(from.unwrap_or_else(|| name.clone())).or_default().push(to);
                }
            }
            Err(offset) => {
                let mut d = Diagnostic::error_in(&source.path, "a partial's name must be written out (`{{> name}}`), not computed");
                d.position = Some(crate::diag::line_col(text, offset));
                problems.push(d);
            }
        }
    }
    // Each cycle once, named by the template it starts from or, for inline
    // partials, the template that defines them.
    let mut reported: Vec<std::collections::BTreeSet<String>> = Vec::new();
    for source in sources {
        let Some(cycle) = cycle_from(&name_of(&source.file), &graph) else { continue };
        let members: std::collections::BTreeSet<String> = cycle.iter().cloned().collect();
        if reported.contains(&members) {
            continue;
        }
        let path = sources
            .iter()
            .find(|s| members.contains(&name_of(&s.file)))
            .or_else(|| defined_in.get(&cycle[0]).and_then(|&i| sources.get(i)))
            .map_or(source.path.as_str(), |s| s.path.as_str());
        problems.push(Diagnostic::error_in(
            path,
            format!("the templates include each other without end ({}): partials must not recurse", cycle.join(" → ")),
        ));
        reported.push(members);
    }
    problems
}

/// `text` with its comments (`{{! … }}`, `{{!-- … --}}`) blanked out,
/// lines and offsets kept, so that nothing in a comment counts.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        let after = rest[at + 2..].trim_start_matches('~');
        let skipped = rest.len() - (at + 2) - after.len();
        let Some(comment) = after.strip_prefix('!') else {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
            continue;
        };
        let close = if comment.starts_with("--") { "--}}" } else { "}}" };
        let end = comment.find(close).map_or(comment.len(), |e| e + close.len());
        let length = 2 + skipped + 1 + end;
        out.push_str(&rest[..at]);
        out.extend(rest[at..at + length].chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        rest = &rest[at + length..];
    }
    out.push_str(rest);
    out
}

/// What a template includes: (who includes, the partial's name), where
/// who is the template itself (`None`) or an inline partial it defines
/// (`{{#*inline "name"}}`), which can recurse as well. A partial whose name
/// is computed (`{{> (lookup …)}}`) cannot be checked and is an error: the
/// byte offset of the first.
fn includes(text: &str) -> Result<Vec<(Option<String>, String)>, usize> {
    let name = |rest: &str| -> String {
        rest.trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
            .collect()
    };
    let mut found = Vec::new();
    let mut inline: Vec<String> = Vec::new();
    for (at, _) in text.match_indices("{{") {
        let rest = text[at + 2..].trim_start_matches(['~', '{']).trim_start();
        if let Some(def) = rest.strip_prefix("#*inline") {
            inline.push(name(def));
        } else if rest.starts_with("/inline") {
            inline.pop();
        } else if let Some(partial) = rest.strip_prefix('>').or_else(|| rest.strip_prefix("#>")) {
            let partial = partial.trim_start();
            if partial.starts_with('(') || partial.starts_with('[') {
                return Err(at);
            }
            let partial = name(partial);
            if !partial.is_empty() && partial != "@partial-block" {
                found.push((inline.last().cloned(), partial));
            }
        }
    }
    Ok(found)
}

/// A cycle of includes reachable from `start`, as the path around it
/// (first and last the same), if there is one. Depth-first with the path
/// on a stack; each node is finished once, so this is linear in the
/// includes.
fn cycle_from(start: &str, graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    let mut path: Vec<&str> = vec![start];
    let mut next = vec![0usize];
    let mut done = std::collections::BTreeSet::new();
    while let (Some(&current), Some(index)) = (path.last(), next.last_mut()) {
        let children = graph.get(current).map_or(&[][..], Vec::as_slice);
        let Some(child) = children.get(*index) else {
            done.insert(current);
            path.pop();
            next.pop();
            continue;
        };
        *index += 1;
        if let Some(at) = path.iter().position(|p| p == child) {
            let mut cycle: Vec<String> = path[at..].iter().map(|p| p.to_string()).collect();
            cycle.push(child.clone());
            return Some(cycle);
        }
        if !done.contains(child.as_str()) {
            path.push(child);
            next.push(0);
        }
    }
    None
}

/// Where blocks (`{{#…}}`, `{{^…}}`) and subexpressions (`(…)` inside a
/// mustache) first nest deeper than [`MAX_NESTING`]: 1-based line and
/// column.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut inside = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let opens = bytes[i..].starts_with(b"{{");
        if opens {
            inside = true;
            let mut j = i + 2;
            while j < bytes.len() && matches!(bytes[j], b'~' | b'{' | b' ') {
                j += 1;
            }
            match bytes.get(j) {
                Some(b'#') => depth += 1,
                Some(b'^') if !text[j + 1..].trim_start().starts_with("}}") => depth += 1,
                Some(b'/') => depth = depth.saturating_sub(1),
                _ => {}
            }
            i = j;
        } else if inside && bytes[i..].starts_with(b"}}") {
            inside = false;
            i += 2;
            continue;
        } else if inside && bytes[i] == b'(' {
            depth += 1;
        } else if inside && bytes[i] == b')' {
            depth = depth.saturating_sub(1);
        }
        if depth > MAX_NESTING {
            return Some(crate::diag::line_col(text, i));
        }
        i += 1;
    }
    None
}

impl Templates {
    /// Compiles `sources` with the built-in catalogue of words.
    pub fn compile(sources: &[TemplateSource]) -> Result<Templates, ReportError> {
        Templates::compile_with(sources, crate::words::Catalogue::builtin())
    }

    /// Compiles `sources`, reporting every template that does not parse;
    /// `{{t}}` says the messages of `catalogue`.
    pub fn compile_with(sources: &[TemplateSource], catalogue: std::sync::Arc<crate::words::Catalogue>) -> Result<Templates, ReportError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(lang_span::escape);
        helpers::register(&mut registry, &catalogue);
        register_section_helpers(&mut registry);
        words::register(&mut registry, catalogue.clone());
        let mut paths = BTreeMap::new();
        let mut problems = structure(sources);
        if !problems.is_empty() {
            return Err(ReportError::Invalid(problems));
        }
        for source in sources {
            let name = source
                .file
                .strip_suffix(EXTENSION)
                .unwrap_or(&source.file)
                .to_owned();
            let section = SECTIONS.iter().find(|(n, _)| *n == name);
            let registered = section.map_or_else(|| name.clone(), |(n, _)| section_body(n));
            if let Err(e) = registry.register_template_string(&registered, &source.text) {
                let mut d =
                    Diagnostic::error_in(&source.path, format!("invalid template: {}", e.reason()));
                d.position = e.pos();
                problems.push(d);
            }
            if let Some((n, key)) = section {
                // Our own text: it always parses.
                let _ = registry.register_template_string(n, section_wrapper(n, key));
                paths.insert(registered, source.path.clone());
            }
            paths.insert(name, source.path.clone());
        }
        problems.extend(sources.iter().filter_map(output::nests_too_deep));
        if problems.is_empty() {
            let html = sources.iter().flat_map(raw_html).collect();
            Ok(Templates { registry, paths, max_output: MAX_OUTPUT_BYTES, html, words: catalogue })
        } else {
            Err(ReportError::Invalid(problems))
        }
    }

    /// The path the template `name` (without its extension) came from.
    pub fn path_of(&self, name: &str) -> String {
        self.paths.get(name).cloned().unwrap_or_else(|| name.to_owned())
    }

    /// The catalogue of words the templates were compiled with.
    pub fn words(&self) -> &std::sync::Arc<crate::words::Catalogue> {
        &self.words
    }

    /// Renders the main template with `data`.
    pub fn render<T: serde::Serialize>(&self, data: &T) -> Result<String, ReportError> {
        self.render_named(MAIN, data)
    }

    /// Renders the template named `template` (a partial, as `changes`) with `data`:
    /// the change report is the `changes` partial on its own (issue 24).
    pub fn render_named<T: serde::Serialize>(&self, template: &str, data: &T) -> Result<String, ReportError> {
        let mut out = Capped::new(self.max_output);
        let rendered = self.registry.render_to_write(template, data, &mut out);
        if out.over() {
            let path = self.paths.get(template).cloned().unwrap_or_else(|| template.to_owned());
            return Err(ReportError::Invalid(vec![Diagnostic::error_in(
                &path,
                format!("the templates' output is over {} MiB, the limit: does a template repeat the data inside itself?", self.max_output >> 20),
            )]));
        }
        rendered.map_err(|e| {
            let name = e.template_name.clone().unwrap_or_else(|| template.to_owned());
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
        })?;
        // The escape function and helpers only ever give text, so the
        // output is UTF-8.
        let markdown = String::from_utf8(out.into_bytes()).map_err(|e| {
            ReportError::Invalid(vec![Diagnostic::error_in(template, format!("the templates' output is not UTF-8: {e}"))])
        })?;
        if let Some((offset, depth)) = output::nesting(&markdown) {
            let line = crate::diag::line_col(&markdown, offset).0;
            return Err(ReportError::Invalid(vec![Diagnostic::error_in(
                &self.path_of(template),
                format!("the Markdown it writes nests {depth} levels deep at line {line} of its output (quotes, lists, footnotes, emphasis), deeper than {MAX_MARKDOWN_NESTING}: does a template repeat `>` or `-` inside a loop?"),
            )]));
        }
        Ok(markdown)
    }
}

/// Raw HTML in a template's Markdown (not comments, which viewers hide and
/// the hints use): the PDF does not draw it, so each is named with its
/// template and line. Data text is escaped, so only templates write HTML.
fn raw_html(source: &TemplateSource) -> Vec<Diagnostic> {
    use pulldown_cmark::{Event, Options, Parser};
    // Handlebars comments are not Markdown.
    let text = &source.text;
    let mut out = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_GFM | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let (Event::Html(html) | Event::InlineHtml(html)) = event else { continue };
        let html = html.trim();
        if html.is_empty() || html.starts_with("<!--") || html.starts_with("{{") {
            continue;
        }
        let shown: String = html.chars().take(40).collect();
        out.push(
            Diagnostic::error_at(
                &source.path,
                text,
                range.start,
                format!("raw HTML (`{shown}`) is not drawn in the PDF (the text between tags is set as text); write Markdown instead"),
            )
            .warning(),
        );
    }
    out
}

mod output;

#[cfg(test)]
mod tests;
