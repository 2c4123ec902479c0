//! The catalogue of words in the templates: `{{t "message-id" name=value}}`
//! says a message of the run's catalogue ([`crate::words`]), so that a
//! template takes its words from the one place a desk corrects them.
//!
//! The message is the desk's own Markdown and is written as it stands;
//! text given to it from the data goes through [`super::escape::markdown`]
//! first, so the helper's output reads the same with `{{ }}` and `{{{ }}}`.
//! Numbers stay numbers: they choose the plural form and are grouped
//! ("2,500"); a list is given as one text, joined CLDR's way ("A, B and
//! C").

use std::path::Path;
use std::sync::Arc;

use handlebars::{Handlebars, Helper, HelperResult, Output, RenderErrorReason};
use serde_json::Value;

use super::lang_span::escape;
use super::ReportError;
use crate::words::{Arg, Catalogue, WordsError};

/// The catalogue of a run: `en-GB.ftl` in the `--templates` folder when
/// there is one, the built-in one otherwise.
pub fn load(dir: Option<&Path>, lang: crate::words::Lang) -> Result<Arc<Catalogue>, ReportError> {
    Catalogue::load_in(dir, lang).map_err(|e| match e {
        WordsError::Io { path, source } => ReportError::Io { path, source },
        WordsError::Invalid(problems) => ReportError::Invalid(problems),
    })
}

/// Registers `{{t}}` on `registry`, saying the messages of `words`.
pub fn register(registry: &mut Handlebars<'_>, words: Arc<Catalogue>) {
    registry.register_helper("t", Box::new(super::helpers::Worded(words, say)));
}

/// The `{{t}}` helper: message `id` of `words` with the values given by name.
fn say(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let other = |message: String| RenderErrorReason::Other(message);
    let id = match h.param(0).map(|p| p.value()) {
        Some(Value::String(id)) => id.as_str(),
        _ => return Err(other("`t` takes a message's id, as a string: {{t \"contents\"}}".to_owned()).into()),
    };
    if h.param(1).is_some() {
        return Err(other(format!("`t` takes the message's values by name: {{{{t \"{id}\" count=3}}}}")).into());
    }
    let mut args = Vec::with_capacity(h.hash().len());
    let mut names: Vec<&str> = h.hash().keys().copied().collect();
    names.sort_unstable();
    for name in names {
        let Some(value) = h.hash_get(name) else { continue };
        let arg = match value.value() {
            // Data text is escaped; the template's own (a literal, or a
            // helper's output: `(when date)`, `(part "list")`) is Markdown
            // already.
            Value::String(text) if value.relative_path().is_some() => Arg::from(escape(text)),
            Value::String(text) => Arg::from(text.as_str()),
            Value::Number(n) => Arg::Number(n.as_f64().unwrap_or(0.0)),
            _ if value.is_value_missing() => {
                let path = value.relative_path().map_or("?", String::as_str);
                return Err(other(format!("`{path}` is not defined here (a misspelt or missing field), in `{name}` of `t`")).into());
            }
            Value::Bool(b) => Arg::from(b.to_string()),
            // A list is said as one, CLDR's way: "A, B and C".
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), escape)).collect();
                Arg::from(words.and_list(&items))
            }
            _ => return Err(other(format!("`{name}` of `t` must be a string, a number or a list")).into()),
        };
        args.push((name, arg));
    }
    let text = words.try_text(id, &args).map_err(|why| other(format!("{why} (in {})", words.path())))?;
    out.write(&text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, words: &str, data: Value) -> Result<String, String> {
        let text = format!("{}\n{words}\n", crate::words::BUILTIN);
        let catalogue = Catalogue::parse("desk/en-GB.ftl", &text).map_err(|p| format!("{p:?}"))?;
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        register(&mut registry, Arc::new(catalogue));
        registry.register_template_string("t", template).map_err(|e| e.to_string())?;
        registry.render("t", &data).map_err(|e| e.to_string())
    }

    #[test]
    fn a_template_says_a_message_with_plurals_and_grouped_numbers() {
        let words = "events = { $count ->\n    [one] one event\n   *[other] { $count } events\n} in { $pillar }";
        let data = serde_json::json!({ "n": 2500, "pillar": { "name": "Energy *and* trade" } });
        assert_eq!(
            render("{{t \"events\" count=n pillar=pillar.name}}", words, data).as_deref(),
            Ok("2,500 events in Energy \\*and\\* trade")
        );
        let data = serde_json::json!({ "n": 1, "pillar": { "name": "Energy" } });
        assert_eq!(render("{{{t \"events\" count=n pillar=pillar.name}}}", words, data).as_deref(), Ok("one event in Energy"));
        assert_eq!(render("{{t \"contents\"}}", "", Value::Null).as_deref(), Ok("Contents"));
        let data = serde_json::json!({ "l": ["A*", "B", "C"], "one": ["A"] });
        assert_eq!(render("{{t \"hello\" name=l}}, {{t \"hello\" name=one}}", "hello = Hi { $name }", data).as_deref(), Ok("Hi A\\*, B and C, Hi A"));
    }

    #[test]
    fn a_wrong_use_is_an_error_not_a_blank() {
        let words = "hello = Hello { $name }";
        for (template, says) in [
            ("{{t \"goodbye\"}}", "no message `goodbye` (in desk/en-GB.ftl)"),
            ("{{t \"hello\"}}", "`hello` cannot be said"),
            ("{{t \"hello\" nme=\"x\"}}", "`hello` cannot be said"),
            ("{{t \"hello\" name=missing}}", "`missing` is not defined here"),
            ("{{t \"hello\" name=object}}", "must be a string, a number or a list"),
            ("{{t 3}}", "takes a message's id"),
            ("{{t \"hello\" \"desk\"}}", "by name"),
        ] {
            let data = serde_json::json!({ "object": { "a": 1 } });
            match render(template, words, data) {
                Err(e) => assert!(e.contains(says), "{template}: {e}"),
                Ok(text) => panic!("{template} gave {text:?}"),
            }
        }
    }
}
