//! Template helpers: dates at their precision, plurals, percentages,
//! numbers, links and lists; the charts in `charts`, which read their
//! rows through the typed views of `views` and their words through
//! `words`. Every word a helper writes is the run's catalogue's
//! ([`crate::words`]): plurals by CLDR's categories, lists joined CLDR's
//! way, significance and the marks of undated and planned dates.
//!
//! Every helper writes Markdown that is already safe: data text inside it
//! goes through [`super::escape::markdown`], so a helper's output reads the
//! same with `{{ }}` and `{{{ }}}`.

use std::sync::Arc;

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

mod charts;
mod views;
mod words;

use super::escape::markdown;
use crate::date::PartialDate;
use crate::words::{Arg, Catalogue};

/// A helper that needs only its parameters and the output.
struct Simple(fn(&Helper<'_>, &mut dyn Output) -> HelperResult);

impl handlebars::HelperDef for Simple {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        (self.0)(h, out)
    }
}

/// A helper that says words: its parameters, the run's catalogue and the
/// output.
pub(super) type Say = fn(&Catalogue, &Helper<'_>, &mut dyn Output) -> HelperResult;

/// A helper with the run's catalogue.
pub(super) struct Worded(pub(super) Arc<Catalogue>, pub(super) Say);

impl handlebars::HelperDef for Worded {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        (self.1)(&self.0, h, out)
    }
}

/// Registers every helper on `registry`; those that write words take them
/// from `words`.
pub fn register(registry: &mut Handlebars<'_>, words: &Arc<Catalogue>) {
    let worded = |say: Say| Box::new(Worded(words.clone(), say));
    registry.register_helper("when", worded(when));
    registry.register_helper("plural", worded(plural));
    registry.register_helper("percent", worded(percent));
    registry.register_helper("number", worded(number));
    registry.register_helper("grouped", worded(grouped));
    registry.register_helper("link", Box::new(Simple(link)));
    registry.register_helper("inline_markdown", Box::new(Simple(inline_markdown)));
    registry.register_helper("list", worded(list));
    registry.register_helper("inc", Box::new(Simple(inc)));
    registry.register_helper("level", worded(level));
    registry.register_helper("kind_word", worded(kind_word));
    registry.register_helper("pillar_colour", Box::new(Simple(pillar_colour)));
    registry.register_helper("with_delta", worded(with_delta));
    registry.register_helper("image_url", Box::new(Simple(image_url)));
    registry.register_helper("mermaid_pie", worded(charts::mermaid_pie));
    registry.register_helper("mermaid_bars", worded(charts::mermaid_bars));
    registry.register_helper("mermaid_timeline", worded(charts::mermaid_timeline));
    registry.register_helper("period_display", worded(period_display));
    registry.register_helper("digits", Box::new(Simple(digits)));
    registry.register_helper("part", Box::new(Part));
}

/// `(part "name")`: the template's inline partial `name`
/// (`{{#*inline "name"}}…{{/inline}}`) rendered where it is asked for, as
/// text to give a message (`{{t "id" sources=(part "source-list")}}`): a
/// list the template builds with its own punctuation, said inside the
/// message's whole sentence. Data text in it is escaped as anywhere else.
struct Part;

impl handlebars::HelperDef for Part {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        use handlebars::Renderable;
        let name = text(h, 0, "part")?;
        let template = rc.get_partial(name).ok_or_else(|| {
            RenderErrorReason::Other(format!("`part` names no inline partial `{name}` here; define it with {{{{#*inline \"{name}\"}}}}…{{{{/inline}}}}"))
        })?;
        // A subexpression is rendered unescaped; the partial's data text
        // must still be escaped.
        let unescaped = rc.is_disable_escape();
        rc.set_disable_escape(false);
        let rendered = template.render(r, ctx, rc, out);
        rc.set_disable_escape(unescaped);
        rendered
    }
}

/// Parameter `index` of helper `name`. A parameter whose path names nothing
/// in the data (`{{list tagz}}`) is an error that names the path, as a
/// misspelt `{{titel}}` is.
fn param<'a>(
    h: &'a Helper<'_>,
    index: usize,
    name: &'static str,
) -> Result<&'a Value, RenderError> {
    let p = h
        .param(index)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex(name, index))?;
    if p.is_value_missing() {
        let path = p.relative_path().map_or("?", String::as_str);
        return Err(RenderErrorReason::Other(format!(
            "`{path}` is not defined here (a misspelt or missing field), in parameter {} of `{name}`",
            index + 1
        ))
        .into());
    }
    Ok(p.value())
}

/// An optional parameter: `None` when not given or null, an error when its
/// path names nothing in the data (`{{link name urll}}`).
fn optional<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<Option<&'a Value>, RenderError> {
    match h.param(index) {
        None => Ok(None),
        Some(_) => param(h, index, name).map(|v| Some(v).filter(|v| !v.is_null())),
    }
}

/// The error for a parameter of the wrong type: the helper, the parameter
/// as written and what it holds.
fn expected(h: &Helper<'_>, index: usize, name: &'static str, what: &str) -> RenderError {
    let (written, value) = h.param(index).map_or(("?".to_owned(), &Value::Null), |p| {
        (p.relative_path().cloned().unwrap_or_else(|| p.value().to_string()), p.value())
    });
    let holds = match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    RenderErrorReason::Other(format!(
        "parameter {} of `{name}` must be {what}, but `{written}` is {holds}",
        index + 1
    ))
    .into()
}

fn text<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<&'a str, RenderError> {
    param(h, index, name)?
        .as_str()
        .ok_or_else(|| expected(h, index, name, "a string"))
}

fn float(h: &Helper<'_>, index: usize, name: &'static str) -> Result<f64, RenderError> {
    param(h, index, name)?
        .as_f64()
        .ok_or_else(|| expected(h, index, name, "a number"))
}

fn whole(h: &Helper<'_>, index: usize, name: &'static str) -> Result<u64, RenderError> {
    param(h, index, name)?
        .as_u64()
        .ok_or_else(|| expected(h, index, name, "a whole number"))
}

fn partial_date(text: &str) -> Result<PartialDate, RenderError> {
    PartialDate::parse(text)
        .map_err(|e| RenderError::from(RenderErrorReason::NestedError(e.into())))
}

/// `{{when d}}` → "December 2024"; `{{when d until}}` → "11–22 November
/// 2024". `until` may be null. With `undated=true` the span bounds an
/// unknown date: "undated, 2024–2026"; with `planned=true` the date is a
/// plan: "2026 (planned)".
fn when(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let from = partial_date(text(h, 0, "when")?)?;
    let mut shown = match optional(h, 1, "when")?.and_then(Value::as_str) {
        Some(until) => from.display_span_in(&partial_date(until)?, words),
        None => from.display_in(words),
    };
    let flag = |name: &str| h.hash_get(name).and_then(|v| v.value().as_bool()) == Some(true);
    for (name, id) in [("undated", "date-undated"), ("planned", "date-planned")] {
        if flag(name) {
            shown = words.text(id, &[("date", shown.into())]);
        }
    }
    out.write(&markdown(&shown))?;
    Ok(())
}

/// `{{plural n "country" "countries"}}` → "1 country", "2,500
/// countries": the form chosen by CLDR's plural rules (message `count-of`).
/// `{{plural n "event"}}` says the catalogue's `count-event` (spaces in
/// the word as hyphens), which holds both forms: a word the catalogue does
/// not count is an error that says what to add, never a plural guessed by
/// adding "s".
fn plural(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = whole(h, 0, "plural")?;
    let one = text(h, 1, "plural")?;
    let count = ("count", Arg::from(n as f64));
    let said = match optional(h, 2, "plural")?.and_then(Value::as_str) {
        Some(other) => words.try_text("count-of", &[count, ("one", one.into()), ("other", other.into())]),
        None => {
            let id = format!("count-{}", one.replace(' ', "-"));
            words.try_text(&id, &[count]).map_err(|why| {
                format!("{why}: add `{id}` to the catalogue ({}), or give both forms, {{{{plural n \"{one}\" \"…\"}}}}", words.path())
            })
        }
    };
    out.write(&markdown(&said.map_err(RenderErrorReason::Other)?))?;
    Ok(())
}

/// `{{period_display @root.period}}` → "2024–2026", "1 November 2024 –
/// 15 February 2025": a period (`start` and `end`, ISO days, as the
/// templates see one) in the run's words, so that a desk's `date-span-*`
/// messages reach it (`period.display` has the built-in ones).
fn period_display(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let value = param(h, 0, "period_display")?;
    let day = |key: &str| value.get(key).and_then(Value::as_str).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let (Some(start), Some(end)) = (day("start"), day("end")) else {
        return Err(expected(h, 0, "period_display", "a period (with `start` and `end`)"));
    };
    let label = value.get("label").and_then(Value::as_str).unwrap_or_default().to_owned();
    out.write(&markdown(&crate::period::Period { start, end, label }.display_in(words)))?;
    Ok(())
}

/// `(digits year)` → "2025": a whole number as text, for a message that
/// must not group it as a count ("2,025").
fn digits(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = param(h, 0, "digits")?.as_i64().ok_or_else(|| expected(h, 0, "digits", "a whole number"))?;
    out.write(&n.to_string())?;
    Ok(())
}

/// `{{percent 0.2857}}` → "28.6%" (in the catalogue's language: "28,6 %").
fn percent(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let x = float(h, 0, "percent")?;
    out.write(&words.percent(x))?;
    Ok(())
}

/// `{{number 1.5}}` → "1.5", `{{number 92}}` → "92": whole numbers without
/// a decimal point, others as short as they round-trip.
fn number(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    out.write(&words.figure(float(h, 0, "number")?))?;
    Ok(())
}

/// `{{grouped 2542}}` → "2,542": a count, grouped from four digits (issue
/// 27: a table's "2542" beside a sentence's "2,542"); a year is never a
/// count, so none is mistaken for one.
fn grouped(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = param(h, 0, "grouped")?.as_u64().ok_or_else(|| expected(h, 0, "grouped", "a whole number of zero or more"))?;
    out.write(&words.count(usize::try_from(n).unwrap_or(usize::MAX)))?;
    Ok(())
}

/// `{{link text url}}` → `[text](<url>)`, or the text alone when `url` is
/// null. The angle brackets keep parentheses in the address intact.
fn link(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let label = markdown(text(h, 0, "link")?);
    match optional(h, 1, "link")?.and_then(Value::as_str) {
        Some(url) => out.write(&format!("[{label}](<{}>)", destination(url)))?,
        None => out.write(&label)?,
    }
    Ok(())
}

/// `{{inline_markdown text}}`: a judgement's one paragraph of inline Markdown
/// (issue 25), written safely ([`super::inline`]).
fn inline_markdown(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    out.write(&super::inline::inline(text(h, 0, "inline_markdown")?))?;
    Ok(())
}

/// A URL as a Markdown link destination in `<…>`, read back exactly as
/// written: CommonMark reads backslash escapes and entity references there,
/// so a `\` (a trailing one escaped the closing `>`), `&copy;`, `<` or `>`
/// would change or break the link. Each is escaped with a backslash
/// (issue 10, class 15).
pub(super) fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 4);
    for c in url.chars() {
        if matches!(c, '\\' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `{{list partners}}` → "Germany, Austria and SOCAR", joined CLDR's way.
/// `{{list rows "message-id"}}` says each row (an object) with the
/// message, its fields the message's variables, and joins those.
fn list(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let items = array(h, 0, "list")?;
    let id = match optional(h, 1, "list")? {
        None => None,
        Some(id) => Some(id.as_str().ok_or_else(|| expected(h, 1, "list", "a message's id"))?),
    };
    let say = |v: &Value| -> Result<String, RenderError> {
        match (id, v) {
            (Some(id), Value::Object(fields)) => {
                let args: Vec<(&str, Arg<'_>)> = fields
                    .iter()
                    .filter_map(|(name, value)| match value {
                        Value::String(text) => Some((name.as_str(), Arg::from(markdown(text)))),
                        Value::Number(n) => n.as_f64().map(|x| (name.as_str(), Arg::Number(x))),
                        _ => None,
                    })
                    .collect();
                words.try_text(id, &args).map_err(|why| RenderErrorReason::Other(format!("{why} (in {})", words.path())).into())
            }
            (Some(_), _) => Err(expected(h, 0, "list", "a list of objects, with a message's id")),
            (None, v) => Ok(v.as_str().map_or_else(|| v.to_string(), markdown)),
        }
    };
    let items = items.iter().map(say).collect::<Result<Vec<String>, _>>()?;
    out.write(&words.and_list(&items))?;
    Ok(())
}

/// `{{inc @index}}` → the 1-based position.
fn inc(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = whole(h, 0, "inc")?;
    out.write(&(n + 1).to_string())?;
    Ok(())
}

/// `{{level 4}}` → "major": the catalogue's `significance`.
fn level(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let n = whole(h, 0, "level")?;
    out.write(&words.text("significance", &[("level", Arg::from(n as f64))]))?;
    Ok(())
}

/// `{{kind_word kind}}` → "agreement": an event's kind as a word of the
/// sentence, the catalogue's `kind-name` in small letters by the
/// language's rules (Azerbaijani "İnfrastruktur" → "infrastruktur").
fn kind_word(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let kind = text(h, 0, "kind_word")?;
    out.write(&words.lang().lower(&words.text("kind-name", &[("kind", Arg::from(kind))])))?;
    Ok(())
}

fn array<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<&'a Vec<Value>, RenderError> {
    param(h, index, name)?.as_array().ok_or_else(|| expected(h, index, name, "a list"))
}

/// `{{with_delta count other}}` → "7 (+3)": a count and its difference
/// from the `--compare` period's; the count alone when `other` is null.
fn with_delta(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let count = param(h, 0, "with_delta")?.as_i64().ok_or_else(|| expected(h, 0, "with_delta", "a whole number"))?;
    // Grouped from four digits, as every count.
    let grouped = |n: i64| words.count(usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX));
    let shown = if count < 0 { format!("−{}", grouped(count)) } else { grouped(count) };
    let text = match optional(h, 1, "with_delta")?.and_then(Value::as_i64) {
        Some(other) => match count - other {
            0 => format!("{shown} (±0)"),
            d if d > 0 => format!("{shown} (+{})", grouped(d)),
            // U+2212, as in the change counts ("+1 −2 ~3"): one minus sign
            // everywhere a difference is shown.
            d => format!("{shown} (−{})", grouped(d)),
        },
        None => shown,
    };
    out.write(&text)?;
    Ok(())
}

/// `{{{image_url report.logo}}}` → `<assets/logo.png>`: an image's address
/// as a link destination, whatever characters it holds (validation refuses
/// `<`, `>` and line breaks in it).
fn image_url(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let path = text(h, 0, "image_url")?;
    out.write(&format!("<{}>", path.replace(['<', '>', '\n', '\r'], "")))?;
    Ok(())
}

/// `{{pillar_colour colour}}` → `#1b3a5c`: the pillar's colour.
fn pillar_colour(h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let index = whole(h, 0, "pillar_colour")?;
    out.write(crate::palette::hex(index as usize))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb, &Catalogue::builtin());
        hb.render_template(template, &data).unwrap()
    }

    fn render_error(template: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb, &Catalogue::builtin());
        hb.render_template(template, &data).unwrap_err().reason().to_string()
    }

    #[test]
    fn a_misspelt_helper_parameter_is_named() {
        let data = serde_json::json!({ "tags": ["a"], "name": "N", "n": 3 });
        let err = render_error("{{list tagz}}", data.clone());
        assert!(err.contains("`tagz` is not defined here") && err.contains("`list`"), "{err}");
        let err = render_error("{{link name urll}}", data.clone());
        assert!(err.contains("`urll` is not defined here"), "{err}");
        let err = render_error("{{list name}}", data.clone());
        assert_eq!(err, "parameter 1 of `list` must be a list, but `name` is a string");
        let err = render_error("{{plural name \"event\"}}", data);
        assert!(err.contains("must be a whole number, but `name` is a string"), "{err}");
    }

    #[test]
    fn dates_keep_their_precision() {
        let data =
            serde_json::json!({ "a": "2024-12", "b": "2024-11-11", "c": "2024-11-22", "n": null });
        assert_eq!(render("{{when a}}", data.clone()), "December 2024");
        assert_eq!(render("{{when b c}}", data.clone()), "11–22 November 2024");
        assert_eq!(render("{{when a n}}", data), "December 2024");
    }

    #[test]
    fn plurals_percentages_numbers() {
        let data =
            serde_json::json!({ "one": 1, "two": 2, "share": 0.285714, "v": 1.5, "w": 92.0 });
        assert_eq!(
            render(
                "{{plural one \"event\"}}, {{plural two \"event\"}}",
                data.clone()
            ),
            "1 event, 2 events"
        );
        assert_eq!(
            render("{{plural two \"country\" \"countries\"}}", data.clone()),
            "2 countries"
        );
        // No plural is guessed by adding "s": a word the catalogue does
        // not count is an error that names the message to add.
        let err = render_error("{{plural two \"cat\"}}", data.clone());
        assert!(err.contains("add `count-cat` to the catalogue"), "{err}");
        assert_eq!(render("{{plural two \"event\"}} {{level two}} {{level 9}}", data.clone()), "2 events notable unknown");
        assert_eq!(render("{{percent share}}", data.clone()), "28.6%");
        assert_eq!(render("{{number v}} {{number w}}", data), "1.5 92");
    }

    #[test]
    fn deltas_are_signed() {
        let data = serde_json::json!({ "a": 7, "b": 4, "c": 9, "n": null });
        assert_eq!(render("{{with_delta a b}} {{with_delta a c}} {{with_delta a a}} {{with_delta a n}}", data), "7 (+3) 7 (−2) 7 (±0) 7");
    }

    #[test]
    fn links_and_lists_escape_their_text() {
        let data = serde_json::json!({ "n": "A*B", "u": "https://x.org/a_(b)", "none": null, "l": ["X", "Y|Z", "W"] });
        assert_eq!(
            render("{{link n u}}", data.clone()),
            r"[A\*B](<https://x.org/a_(b)>)"
        );
        assert_eq!(render("{{link n none}}", data.clone()), r"A\*B");
        assert_eq!(render("{{list l}}", data), r"X, Y\|Z and W");
    }

    #[test]
    fn a_part_is_the_templates_text_its_data_escaped_once() {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(markdown);
        let words = std::sync::Arc::new(Catalogue::parse("desk/en-GB.ftl", &format!("{}\nhello = Hi {{ $name }}!\n", crate::words::BUILTIN)).unwrap());
        register(&mut hb, &words);
        super::super::words::register(&mut hb, words);
        let data = serde_json::json!({ "rows": [{ "name": "A*B", "n": 2 }, { "name": "C", "n": 1 }], "y": 2025,
            "p": { "start": "2024-01-01", "end": "2026-12-31", "label": "2024-2026" } });
        let template = "{{#*inline \"names\"}}{{#each rows}}{{#unless @first}}; {{/unless}}{{name}} ({{n}}){{/each}}{{/inline~}}\n\
            {{t \"hello\" name=(part \"names\")}} {{t \"hello\" name=(digits y)}} {{t \"hello\" name=(period_display p)}}";
        assert_eq!(hb.render_template(template, &data).unwrap(), "Hi A\\*B (2); C (1)! Hi 2025! Hi 2024–2026!");
        let err = hb.render_template("{{t \"hello\" name=(part \"nameless\")}}", &data).unwrap_err().reason().to_string();
        assert!(err.contains("no inline partial `nameless`"), "{err}");
    }

    #[test]
    fn dates_say_when_they_are_undated_or_planned() {
        let data = serde_json::json!({ "a": "2024", "b": "2026", "t": true, "f": false, "n": null });
        assert_eq!(render("{{when a b undated=t}}", data.clone()), "undated, 2024–2026");
        assert_eq!(render("{{when b planned=t}}", data.clone()), "2026 (planned)");
        assert_eq!(render("{{when a b undated=t planned=t}}", data.clone()), "undated, 2024–2026 (planned)");
        assert_eq!(render("{{when a b undated=f planned=f}}", data), "2024–2026");
    }
}
