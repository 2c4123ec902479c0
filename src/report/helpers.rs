//! Template helpers: dates at their precision, plurals, percentages,
//! numbers, links and lists.
//!
//! Every helper writes Markdown that is already safe: data text inside it
//! goes through [`super::escape::markdown`], so a helper's output reads the
//! same with `{{ }}` and `{{{ }}}`.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason,
};
use serde_json::Value;

use super::escape::markdown;
use crate::date::PartialDate;

/// Registers every helper on `registry`.
pub fn register(registry: &mut Handlebars<'_>) {
    registry.register_helper("when", Box::new(when));
    registry.register_helper("plural", Box::new(plural));
    registry.register_helper("percent", Box::new(percent));
    registry.register_helper("number", Box::new(number));
    registry.register_helper("link", Box::new(link));
    registry.register_helper("list", Box::new(list));
    registry.register_helper("inc", Box::new(inc));
    registry.register_helper("level", Box::new(level));
}

fn param<'a>(
    h: &'a Helper<'_>,
    index: usize,
    name: &'static str,
) -> Result<&'a Value, RenderError> {
    h.param(index)
        .map(|p| p.value())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex(name, index).into())
}

fn text<'a>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<&'a str, RenderError> {
    param(h, index, name)?
        .as_str()
        .ok_or_else(|| RenderErrorReason::InvalidParamType("string").into())
}

fn float(h: &Helper<'_>, index: usize, name: &'static str) -> Result<f64, RenderError> {
    param(h, index, name)?
        .as_f64()
        .ok_or_else(|| RenderErrorReason::InvalidParamType("number").into())
}

fn partial_date(text: &str) -> Result<PartialDate, RenderError> {
    PartialDate::parse(text)
        .map_err(|e| RenderError::from(RenderErrorReason::NestedError(e.into())))
}

/// `{{when d}}` → "December 2024"; `{{when d until}}` → "11–22 November
/// 2024". `until` may be null.
fn when(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let from = partial_date(text(h, 0, "when")?)?;
    let shown = match h.param(1).and_then(|p| p.value().as_str()) {
        Some(until) => from.display_span(&partial_date(until)?),
        None => from.display(),
    };
    out.write(&markdown(&shown))?;
    Ok(())
}

/// `{{plural n "event"}}` → "1 event", "3 events";
/// `{{plural n "country" "countries"}}` for irregular plurals.
fn plural(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let n = param(h, 0, "plural")?
        .as_u64()
        .ok_or(RenderErrorReason::InvalidParamType("whole number"))?;
    let one = text(h, 1, "plural")?;
    let word = if n == 1 {
        one.to_owned()
    } else {
        h.param(2)
            .and_then(|p| p.value().as_str())
            .map_or_else(|| format!("{one}s"), str::to_owned)
    };
    out.write(&markdown(&format!("{} {word}", format_number(n as f64))))?;
    Ok(())
}

/// `{{percent 0.2857}}` → "28.6%".
fn percent(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let x = float(h, 0, "percent")?;
    out.write(&format!("{:.1}%", x * 100.0))?;
    Ok(())
}

/// `{{number 1.5}}` → "1.5", `{{number 92}}` → "92": whole numbers without
/// a decimal point, others as short as they round-trip.
fn number(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    out.write(&format_number(float(h, 0, "number")?))?;
    Ok(())
}

/// Formats a figure's value: whole numbers without a decimal point, others
/// as short as they round-trip; from five digits on, the whole part is
/// grouped by thousands ("2,500,000", but "1996").
pub fn format_number(x: f64) -> String {
    let text = if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    };
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    if whole.len() < 5 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `{{link text url}}` → `[text](<url>)`, or the text alone when `url` is
/// null. The angle brackets keep parentheses in the address intact.
fn link(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let label = markdown(text(h, 0, "link")?);
    match h.param(1).and_then(|p| p.value().as_str()) {
        Some(url) => out.write(&format!("[{label}](<{url}>)"))?,
        None => out.write(&label)?,
    }
    Ok(())
}

/// `{{list partners}}` → "Germany, Austria and SOCAR".
fn list(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let items = param(h, 0, "list")?
        .as_array()
        .ok_or(RenderErrorReason::InvalidParamType("array"))?;
    let items: Vec<String> = items
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), markdown))
        .collect();
    let joined = match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    out.write(&joined)?;
    Ok(())
}

/// `{{inc @index}}` → the 1-based position.
fn inc(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let n = param(h, 0, "inc")?
        .as_u64()
        .ok_or(RenderErrorReason::InvalidParamType("whole number"))?;
    out.write(&(n + 1).to_string())?;
    Ok(())
}

/// The words for significance 1 to 5.
pub const SIGNIFICANCE: [&str; 5] = ["routine", "notable", "significant", "major", "landmark"];

/// `{{level 4}}` → "major".
fn level(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let n = param(h, 0, "level")?
        .as_u64()
        .ok_or(RenderErrorReason::InvalidParamType("whole number"))?;
    let word = SIGNIFICANCE
        .get((n as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("unknown");
    out.write(word)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: Value) -> String {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        register(&mut hb);
        hb.render_template(template, &data).unwrap()
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
        assert_eq!(render("{{percent share}}", data.clone()), "28.6%");
        assert_eq!(render("{{number v}} {{number w}}", data), "1.5 92");
    }

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(format_number(1996.0), "1996");
        assert_eq!(format_number(2_500_000.0), "2,500,000");
        assert_eq!(format_number(-12345.5), "-12,345.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(1e20), "100,000,000,000,000,000,000");
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
}
