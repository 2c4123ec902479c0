//! Typed views of what the chart helpers are given: the rows of the
//! summary a template passes them, deserialised field by field.
//!
//! A view fails loudly: a row without a field the chart needs (a summary
//! field renamed, or a template passing the wrong list) is a template error
//! that names the helper, the parameter, the row and the field, at the
//! template's line, never a chart of zeros. The test at the foot
//! serialises the summary's own types into these views, so a rename on
//! either side fails it.

use chrono::NaiveDate;
use handlebars::{Helper, RenderError, RenderErrorReason};
use serde::{Deserialize, Deserializer};

/// A slice of the pie: a pillar's row of the executive summary
/// (`summary::PillarRow`).
#[derive(Debug, Deserialize)]
pub struct SliceRow<'a> {
    pub name: &'a str,
    pub count: u64,
    /// The pillar's position, 0-based: its colour.
    pub colour: usize,
}

/// A bar: a region (`summary::partners::RegionRow`), labelled by its
/// name, or a year (`summary::YearCount`).
#[derive(Debug, Deserialize)]
pub struct BarRow<'a> {
    #[serde(default, borrow)]
    pub name: Option<&'a str>,
    #[serde(default)]
    pub year: Option<i64>,
    pub count: u64,
}

/// Undated events of one span, a bar after the years
/// (`summary::SpanCount`).
#[derive(Debug, Deserialize)]
pub struct SpanRow<'a> {
    pub from: &'a str,
    pub until: &'a str,
    pub count: u64,
}

/// An event on the timeline (`summary::TimelineEvent`).
#[derive(Debug, Deserialize)]
pub struct TimelineRow<'a> {
    pub title: &'a str,
    pub pillar_name: &'a str,
    /// The lane's label.
    pub lane: &'a str,
    pub colour: usize,
    #[serde(deserialize_with = "iso_day")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "iso_day")]
    pub end: NaiveDate,
    pub significance: u8,
    pub single_day: bool,
    pub undated: bool,
    pub planned: bool,
    pub imprecise: bool,
    /// The date as the data give it, in words ("February 2026").
    pub when: &'a str,
}

/// The period the timeline's axis spans (`period::Period` as serialised).
#[derive(Debug, Deserialize)]
pub struct PeriodRow {
    #[serde(deserialize_with = "iso_day")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "iso_day")]
    pub end: NaiveDate,
}

fn iso_day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = <&str>::deserialize(d)?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a YYYY-MM-DD date")))
}

/// The parameter as the template wrote it, for messages.
fn written(h: &Helper<'_>, index: usize) -> String {
    h.param(index).and_then(|p| p.relative_path().cloned()).unwrap_or_else(|| "?".to_owned())
}

fn failed(h: &Helper<'_>, index: usize, name: &str, item: Option<usize>, why: &serde_json::Error) -> RenderError {
    let item = item.map_or_else(String::new, |i| format!(", item {}", i + 1));
    RenderErrorReason::Other(format!("parameter {} of `{name}` (`{}`{item}): {why}", index + 1, written(h, index))).into()
}

/// Parameter `index` of helper `name` as a list of `T`.
pub fn rows<'a, T: Deserialize<'a>>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<Vec<T>, RenderError> {
    let list = super::array(h, index, name)?;
    list.iter()
        .enumerate()
        .map(|(i, row)| T::deserialize(row).map_err(|e| failed(h, index, name, Some(i), &e)))
        .collect()
}

/// Parameter `index` of helper `name` as one `T`.
pub fn one<'a, T: Deserialize<'a>>(h: &'a Helper<'_>, index: usize, name: &'static str) -> Result<T, RenderError> {
    T::deserialize(super::param(h, index, name)?).map_err(|e| failed(h, index, name, None, &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::partners::RegionRow;
    use crate::period::Period;
    use crate::summary::{PillarRow, SpanCount, TimelineEvent, YearCount};

    fn view<'a, T: Deserialize<'a>>(value: &'a serde_json::Value) -> T {
        T::deserialize(value).unwrap_or_else(|e| panic!("{e} in {value}"))
    }

    /// The summary's own rows read as the views: a field renamed or
    /// retyped on either side fails here, not as a grey chart.
    #[test]
    fn the_summary_rows_read_as_the_chart_views() {
        let row = serde_json::to_value(PillarRow {
            id: "p".into(),
            name: "Energy".into(),
            colour: 2,
            count: 7,
            share: 0.5,
            planned: 0,
            related: 1,
            compare: None,
        })
        .unwrap();
        let slice: SliceRow<'_> = view(&row);
        assert_eq!((slice.name, slice.count, slice.colour), ("Energy", 7, 2));

        let region = serde_json::to_value(RegionRow {
            region: "europe",
            name: "Europe".into(),
            count: 9,
            counterparts: 3,
            names: vec!["France".into()],
            more: 0,
        })
        .unwrap();
        let bar: BarRow<'_> = view(&region);
        assert_eq!((bar.name, bar.count), (Some("Europe"), 9));
        let year = serde_json::to_value(YearCount { year: 2025, count: 4 }).unwrap();
        let bar: BarRow<'_> = view(&year);
        assert_eq!((bar.name, bar.year, bar.count), (None, Some(2025), 4));
        let span = serde_json::to_value(SpanCount { from: "2024".into(), until: "2026".into(), count: 6 }).unwrap();
        let span: SpanRow<'_> = view(&span);
        assert_eq!((span.from, span.until, span.count), ("2024", "2026", 6));

        let event = serde_json::to_value(TimelineEvent {
            title: "COP29".into(),
            pillar_name: "Energy".into(),
            colour: 2,
            start: "2024-11-11".into(),
            end: "2024-11-22".into(),
            significance: 5,
            single_day: false,
            undated: false,
            planned: true,
            imprecise: true,
            lane: "Energy".into(),
            when: "November 2024".into(),
        })
        .unwrap();
        let event: TimelineRow<'_> = view(&event);
        assert_eq!((event.title, event.lane, event.significance), ("COP29", "Energy", 5));
        assert_eq!(event.end, NaiveDate::from_ymd_opt(2024, 11, 22).unwrap());
        assert!(event.planned && event.imprecise && !event.undated && !event.single_day);
        assert_eq!(event.when, "November 2024");

        let period = serde_json::to_value(Period::parse("2024-2026").unwrap()).unwrap();
        let period: PeriodRow = view(&period);
        assert_eq!(period.start, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    }
}
