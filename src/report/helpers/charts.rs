//! The chart helpers: a summary's rows, read through typed views
//! ([`super::views`]), made into a chart of the Mermaid subset
//! ([`crate::mermaid`]) and written as a fenced block, with its words from
//! [`super::words`].

use std::cmp::Reverse;

use handlebars::{Helper, HelperResult, Output};

use super::views::{self, BarRow, PeriodRow, SliceRow, SpanRow, TimelineRow};
use super::words;
use crate::mermaid::{self, Alt, Axis, Chart, Lane, Rgb, Slice, Task};
use crate::words::Catalogue;

fn fenced(chart: &Chart, out: &mut dyn Output) -> HelperResult {
    out.write(&format!("```mermaid\n{}```", mermaid::write(chart)))?;
    Ok(())
}

/// `{{{mermaid_pie executive.pillars "title"}}}`: a pie of events per
/// pillar, slices in the pillars' colours (pillars without events are left
/// out: a slice of nothing cannot be drawn).
pub fn mermaid_pie(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let rows: Vec<SliceRow<'_>> = views::rows(h, 0, "mermaid_pie")?;
    let title = super::text(h, 1, "mermaid_pie")?;
    let mut rows: Vec<SliceRow<'_>> = rows.into_iter().filter(|r| r.count > 0).collect();
    // Mermaid draws the largest slice first and colours slices in that
    // order; sort the same way (ties keep report order) to match colours.
    rows.sort_by_key(|r| Reverse(r.count));
    let described: Vec<(&str, u64)> = rows.iter().map(|r| (r.name, r.count)).collect();
    let chart = Chart::Pie {
        title: title.to_owned(),
        slices: rows
            .iter()
            .map(|r| Slice { label: r.name.to_owned(), value: r.count as f64, color: Rgb::of_pillar(r.colour) })
            .collect(),
        alt: Alt { title: title.to_owned(), description: words::pie(&described, words) },
    };
    fenced(&chart, out)
}

/// `{{{mermaid_bars per_year "title" colour undated}}}`: events per year as
/// bars on an integer axis (rows with a `name`, such as regions, are
/// labelled by it); the optional `undated` counts (span bounds and
/// a count) get a bar each of their own, "undated 2024–2026" (message
/// `chart-bar-undated`), after the
/// years and never inside one.
pub fn mermaid_bars(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let rows: Vec<BarRow<'_>> = views::rows(h, 0, "mermaid_bars")?;
    let title = super::text(h, 1, "mermaid_bars")?;
    let colour = super::whole(h, 2, "mermaid_bars")? as usize;
    let undated: Vec<SpanRow<'_>> = match super::optional(h, 3, "mermaid_bars")? {
        Some(_) => views::rows(h, 3, "mermaid_bars")?,
        None => Vec::new(),
    };
    let mut categories = Vec::with_capacity(rows.len() + undated.len());
    let mut counts = Vec::with_capacity(rows.len() + undated.len());
    for (i, row) in rows.iter().enumerate() {
        // Rows with a `name` (regions, issue 13) are labelled by it.
        let label = match (row.name, row.year) {
            (Some(name), _) => name.to_owned(),
            (None, Some(year)) => year.to_string(),
            (None, None) => {
                return Err(handlebars::RenderErrorReason::Other(format!(
                    "parameter 1 of `mermaid_bars`, item {}: a bar needs a `name` or a `year`",
                    i + 1
                ))
                .into())
            }
        };
        categories.push(label);
        counts.push(row.count);
    }
    for span in &undated {
        let (from, until) = (super::partial_date(span.from)?, super::partial_date(span.until)?);
        categories.push(words::undated_bar(&from.display_span_in(&until, words), words));
        counts.push(span.count);
    }
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    // Named bars (regions) are said by the chart's title, years as years.
    let named = rows.iter().any(|r| r.name.is_some()).then_some(title);
    let chart = Chart::Bars {
        title: title.to_owned(),
        alt: Alt { title: title.to_owned(), description: words::bars(&categories, &counts, named, words) },
        categories,
        values: counts.iter().map(|&n| n as f64).collect(),
        undated: undated.len(),
        color: Rgb::of_pillar(colour),
        axis: Some(Axis { title: words::value_axis(words), range: Some((0.0, top as f64)) }),
    };
    fenced(&chart, out)
}

/// `{{{mermaid_timeline executive.timeline @root.period "title"}}}`: a gantt
/// chart with a section (lane) per pillar; a one-day event is a milestone,
/// landmark and major events are marked `crit`, undated facts `done`
/// (grey) with "(undated)" after the name, and each task's id carries its
/// significance and flags (`s4e12`, `s3ue7` undated, `s4pe9` planned) for
/// the PDF's marks.
///
/// With a fourth parameter, the chronology (`@root.chronology`), the chart
/// counts instead of drawing (issue 27, item 5): every dated event of the
/// period, by the month it began in and its lane (a task `c12` over the
/// month), those known only to the year by year (`c3` over the year, `m`).
pub fn mermaid_timeline(words: &Catalogue, h: &Helper<'_>, out: &mut dyn Output) -> HelperResult {
    let period: PeriodRow = views::one(h, 1, "mermaid_timeline")?;
    let title = super::text(h, 2, "mermaid_timeline")?;
    // `alt=`: the description's counts, written by the summary from its
    // fact (issue 25, item 6); without it (a desk's template), counted
    // here.
    let alt = h.hash_get("alt").and_then(|v| v.value().as_str()).filter(|a| !a.is_empty());
    if h.param(3).is_some() {
        let chronology: ChronologyRows<'_> = views::one(h, 3, "mermaid_timeline")?;
        let mut chart = dense(&chronology, &period, title, words);
        if let (Some(alt), Chart::Timeline { alt: described, .. }) = (alt, &mut chart) {
            described.description = alt.to_owned();
        }
        return fenced(&chart, out);
    }
    let events: Vec<TimelineRow<'_>> = views::rows(h, 0, "mermaid_timeline")?;
    let mut lanes: Vec<(usize, &str)> = events.iter().map(|e| (e.colour, e.lane)).collect();
    lanes.sort();
    lanes.dedup();
    let lanes = lanes
        .into_iter()
        .map(|(colour, name)| Lane {
            name: name.to_owned(),
            color: Rgb::of_pillar(colour),
            tasks: events.iter().enumerate().filter(|(_, e)| e.colour == colour).map(|(key, e)| task(e, key, words)).collect(),
        })
        .collect();
    let chart = Chart::Timeline {
        title: title.to_owned(),
        lanes,
        period: Some((period.start, period.end)),
        alt: Alt {
            title: title.to_owned(),
            description: match alt {
                Some(head) => words::timeline_lanes(head.to_owned(), &events, words),
                None => words::timeline(&events, period.start, period.end, words),
            },
        },
    };
    fenced(&chart, out)
}

/// What a dense timeline reads of the chronology.
#[derive(serde::Deserialize)]
struct ChronologyRows<'a> {
    #[serde(borrow)]
    before: Vec<EntryRow<'a>>,
    #[serde(borrow)]
    years: Vec<YearRow<'a>>,
}

#[derive(serde::Deserialize)]
struct YearRow<'a> {
    #[serde(borrow)]
    events: Vec<EntryRow<'a>>,
    #[serde(borrow)]
    months: Vec<MonthRow<'a>>,
}

#[derive(serde::Deserialize)]
struct MonthRow<'a> {
    #[serde(borrow)]
    events: Vec<EntryRow<'a>>,
}

#[derive(serde::Deserialize)]
struct EntryRow<'a> {
    /// ISO at the data's precision: `2025`, `2025-03`, `2025-03-12`.
    date: &'a str,
    pillar_short: &'a str,
    colour: usize,
}

/// A lane's counts by (year, month), month 0 for a count of the year.
type Counts = std::collections::BTreeMap<(i32, u32), u32>;

/// The counts of a dense timeline: per lane, the events begun in each
/// month of the period (one begun before it counts in its first month),
/// and those known only to a year, by year.
fn dense(chronology: &ChronologyRows<'_>, period: &PeriodRow, title: &str, words: &Catalogue) -> Chart {
    use chrono::{Datelike, NaiveDate};
    use std::collections::BTreeMap;
    let entries = chronology.before.iter().chain(chronology.years.iter().flat_map(|y| y.events.iter().chain(y.months.iter().flat_map(|m| &m.events))));
    let mut cells: BTreeMap<(usize, &str), Counts> = BTreeMap::new();
    let mut total = 0usize;
    for e in entries {
        let mut parts = e.date.split('-');
        let Some(year) = parts.next().and_then(|y| y.parse::<i32>().ok()) else { continue };
        let month = parts.next().and_then(|m| m.parse::<u32>().ok()).unwrap_or(0);
        let first = (period.start.year(), period.start.month());
        let key = if (year, month.max(1)) < first { (first.0, if month == 0 { 0 } else { first.1 }) } else { (year, month) };
        *cells.entry((e.colour, e.pillar_short)).or_default().entry(key).or_default() += 1;
        total += 1;
    }
    let mut key = 0;
    let lanes = cells
        .into_iter()
        .map(|((colour, name), counts)| Lane {
            name: name.to_owned(),
            color: Rgb::of_pillar(colour),
            tasks: counts
                .into_iter()
                .filter_map(|((year, month), n)| {
                    let start = NaiveDate::from_ymd_opt(year, month.max(1), 1)?;
                    let end = if month == 0 { NaiveDate::from_ymd_opt(year, 12, 31)? } else { start.checked_add_months(chrono::Months::new(1))?.pred_opt()? };
                    key += 1;
                    Some(Task {
                        name: words.text("timeline-cell", &[("count", (n as usize).into())]),
                        start: start.max(period.start),
                        end: end.min(period.end),
                        significance: 1,
                        milestone: false,
                        undated: false,
                        planned: false,
                        imprecise: month == 0,
                        key,
                        count: n,
                    })
                })
                .collect(),
        })
        .collect::<Vec<_>>();
    let (from, until) = (period.start.year().to_string(), period.end.year().to_string());
    let description = words.text("timeline-dense-alt", &[("count", total.into()), ("lanes", lanes.len().into()), ("from", from.into()), ("until", until.into())]);
    Chart::Timeline { title: title.to_owned(), lanes, period: Some((period.start, period.end)), alt: Alt { title: title.to_owned(), description } }
}

fn task(e: &TimelineRow<'_>, key: usize, words: &Catalogue) -> Task {
    Task {
        name: words::task_name(e.title, e.undated, e.planned, words),
        start: e.start,
        end: if e.single_day { e.start } else { e.end },
        significance: e.significance,
        milestone: e.single_day,
        undated: e.undated,
        planned: e.planned,
        imprecise: e.imprecise,
        key,
        count: 0,
    }
}

#[cfg(test)]
mod tests {
    use handlebars::Handlebars;
    use serde_json::Value;

    use super::*;

    fn registry() -> Handlebars<'static> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        super::super::register(&mut hb, &Catalogue::builtin());
        hb
    }

    fn render(template: &str, data: Value) -> String {
        registry().render_template(template, &data).unwrap()
    }

    #[test]
    fn pie_slices_are_largest_first_with_matching_colours() {
        let data = serde_json::json!({ "rows": [
            { "name": "A \"q\"", "count": 2, "colour": 0 },
            { "name": "B: colon", "count": 5, "colour": 1 },
            { "name": "C", "count": 0, "colour": 2 }
        ]});
        let out = render("{{{mermaid_pie rows \"Events\"}}}", data);
        assert!(out.contains("\"pie1\": \"#b98020\", \"pie2\": \"#1b3a5c\""), "{out}");
        assert!(out.contains("    \"B: colon\" : 5\n    \"A #quot;q#quot;\" : 2\n```"), "{out}");
        assert!(!out.contains("\"C\""));
    }

    #[test]
    fn timeline_tasks_carry_significance_and_kind_of_mark() {
        let data = serde_json::json!({
            "events": [
                { "title": "COP29: Baku", "pillar_name": "Energy", "colour": 2, "start": "2024-11-11", "end": "2024-11-22", "significance": 5, "single_day": false, "undated": false, "planned": false, "imprecise": false, "lane": "Energy", "when": "W" },
                { "title": "Visit", "pillar_name": "Diplomacy", "colour": 0, "start": "2024-08-09", "end": "2024-08-09", "significance": 3, "single_day": true, "undated": false, "planned": false, "imprecise": false, "lane": "Diplomacy", "when": "W" }
            ],
            "period": { "start": "2024-01-01", "end": "2026-12-31" }
        });
        let out = render("{{{mermaid_timeline events period \"T\"}}}", data);
        assert!(out.contains("    section Diplomacy\n    Visit :milestone, s3e1, 2024-08-09, 0d\n"), "{out}");
        assert!(out.contains("    section Energy\n    COP29#58; Baku :crit, s5e0, 2024-11-11, 2024-11-22\n"), "{out}");
        assert!(out.contains("    %% lanes: #1b3a5c #2f7f79\n"), "{out}");
        assert!(
            out.contains(
                "axisFormat %Y\n    accTitle: T\n    accDescr: A timeline of 2 events from 2024 to 2026, \
                 one lane per pillar. Diplomacy: Visit on 9 August 2024. Energy: COP29: Baku from 11 November 2024 to 22 November 2024.\n"
            ),
            "{out}"
        );
    }

    /// Issue 25: a description keeps the data's precision: an event known
    /// to the month is said by its month, one undated within a span by the
    /// span, a plan as a plan, the period by its years; never the days
    /// drawn for them.
    #[test]
    fn the_timeline_says_dates_at_the_datas_precision() {
        let data = serde_json::json!({
            "events": [
                { "title": "Charter", "pillar_name": "Diplomacy", "colour": 0, "start": "2026-02-01", "end": "2026-02-28", "significance": 5, "single_day": false, "undated": false, "planned": false, "imprecise": true, "lane": "Diplomacy", "when": "February 2026" },
                { "title": "Contract", "pillar_name": "Energy", "colour": 2, "start": "2024-01-01", "end": "2026-12-31", "significance": 4, "single_day": false, "undated": true, "planned": false, "imprecise": false, "lane": "Energy", "when": "undated, 2024–2026" },
                { "title": "Summit", "pillar_name": "Energy", "colour": 2, "start": "2026-05-04", "end": "2026-05-04", "significance": 4, "single_day": true, "undated": false, "planned": true, "imprecise": false, "lane": "Energy", "when": "4 May 2026 (planned)" }
            ],
            "period": { "start": "2024-01-01", "end": "2026-12-31" }
        });
        let out = render("{{{mermaid_timeline events period \"T\"}}}", data);
        assert!(
            out.contains(
                "accDescr: A timeline of 3 events from 2024 to 2026, one lane per pillar. Diplomacy: Charter, February 2026. \
                 Energy: Contract, undated, 2024–2026; Summit, 4 May 2026 (planned).\n"
            ),
            "{out}"
        );
        assert!(!out.contains("1 February") && !out.contains("1 January"), "{out}");
    }

    /// Issue 27, item 5: past the events a timeline draws, it counts them
    /// by month and lane, from the chronology: a month's cell, a year's band
    /// for those known only to the year, one begun before the period in
    /// its first month.
    #[test]
    fn a_dense_timeline_counts_by_month_and_lane() {
        let e = |date: &str, lane: &str, colour: usize| serde_json::json!({ "date": date, "pillar_short": lane, "colour": colour });
        let data = serde_json::json!({
            "chronology": {
                "before": [e("2021-06-01", "Energy", 2)],
                "years": [
                    { "year": 2024, "events": [e("2024-03-02", "Energy", 2), e("2024-03", "Energy", 2), e("2024", "Trade", 1)], "months": [] },
                    { "year": 2025, "events": [], "months": [{ "name": "May 2025", "events": [e("2025-05-09", "Trade", 1)] }] }
                ]
            },
            "period": { "start": "2024-01-01", "end": "2026-12-31" }
        });
        let out = render("{{{mermaid_timeline 0 period \"T\" chronology}}}", data);
        assert!(out.contains("    section Trade\n    1 event :s1mc1e1, 2024-01-01, 2024-12-31\n    1 event :s1c1e2, 2025-05-01, 2025-05-31\n"), "{out}");
        assert!(out.contains("    section Energy\n    1 event :s1c1e3, 2024-01-01, 2024-01-31\n    2 events :s1c2e4, 2024-03-01, 2024-03-31\n"), "{out}");
        assert!(out.contains("accDescr: Events per month and pillar: 5 events in 2 lanes from 2024 to 2026"), "{out}");
    }

    /// Issue 25, item 6: the briefing's template gives the description's
    /// counts as the summary wrote them from its fact (`alt=`); the chart
    /// follows them with the events it names, or, counted by month, says
    /// only them.
    #[test]
    fn a_timelines_counts_come_from_the_summarys_fact() {
        let data = serde_json::json!({
            "events": [
                { "title": "Visit", "pillar_name": "Diplomacy", "colour": 0, "start": "2024-08-09", "end": "2024-08-09", "significance": 3, "single_day": true, "undated": false, "planned": false, "imprecise": false, "lane": "Diplomacy", "when": "W" }
            ],
            "period": { "start": "2024-01-01", "end": "2026-12-31" },
            "chronology": { "before": [], "years": [] },
            "alt": "Counted by the fact."
        });
        let out = render("{{{mermaid_timeline events period \"T\" alt=alt}}}", data.clone());
        assert!(out.contains("    accDescr: Counted by the fact. Diplomacy: Visit on 9 August 2024.\n"), "{out}");
        let out = render("{{{mermaid_timeline events period \"T\" chronology alt=alt}}}", data);
        assert!(out.contains("    accDescr: Counted by the fact.\n"), "{out}");
    }

    /// Bars of regions are said as what they count, not as years.
    #[test]
    fn named_bars_are_not_said_as_years() {
        let data = serde_json::json!({ "rows": [{ "name": "Europe", "count": 3 }, { "name": "Oceania", "count": 0 }] });
        let out = render("{{{mermaid_bars rows \"Events by region\" 0}}}", data);
        assert!(out.contains("accDescr: A bar chart, Events by region: three events in Europe; none in the others.\n"), "{out}");
        assert!(!out.contains("year"), "{out}");
    }

    #[test]
    fn charts_say_what_they_show_in_words() {
        let data = serde_json::json!({
            "rows": [{ "name": "A", "count": 2, "colour": 0 }, { "name": "B <b>", "count": 1, "colour": 1 }],
            "years": [{ "year": 2024, "count": 3 }, { "year": 2025, "count": 0 }, { "year": 2026, "count": 1 }]
        });
        let pie = render("{{{mermaid_pie rows \"Events per pillar\"}}}", data.clone());
        assert!(
            pie.contains("    accTitle: Events per pillar\n    accDescr: A pie chart of three events: A two events (67 percent) and B ‹b› one event (33 percent).\n"),
            "{pie}"
        );
        let bars = render("{{{mermaid_bars years \"Events per year\" 0}}}", data);
        assert!(
            bars.contains("    accDescr: A bar chart of events per year from 2024 to 2026: three events in 2024 and one event in 2026; no events in the other years.\n"),
            "{bars}"
        );
    }

    #[test]
    fn bars_give_undated_counts_their_own_bar() {
        let data = serde_json::json!({
            "years": [{ "year": 2024, "count": 2 }, { "year": 2025, "count": 0 }],
            "undated": [{ "from": "2024", "until": "2026", "count": 6 }]
        });
        let out = render("{{{mermaid_bars years \"T\" 0 undated}}}", data.clone());
        assert!(out.contains("x-axis [2024, 2025, \"undated 2024–2026\"]"), "{out}");
        assert!(out.contains("bar [2, 0, 6]"), "{out}");
        assert!(out.contains("0 --> 6"), "{out}");
        let chart = crate::mermaid::parse(out.trim_start_matches("```mermaid\n").trim_end_matches("```")).unwrap();
        let Chart::Bars { categories, values, undated, .. } = chart else { panic!("{out}") };
        assert_eq!(categories, ["2024", "2025", "undated 2024–2026"]);
        assert_eq!(values, [2.0, 0.0, 6.0]);
        assert_eq!(undated, 1, "the last bar is marked by number: {out}");
        let without = render("{{{mermaid_bars years \"T\" 0}}}", data.clone());
        assert!(without.contains("x-axis [2024, 2025]") && !without.contains("%% undated"), "{without}");

        // The label is the catalogue's (`chart-bar-undated`): a desk's
        // words, and the bar still marked as undated.
        let desk = crate::words::BUILTIN.replacen("chart-bar-undated = undated { $span }", "chart-bar-undated = { $span } without a date", 1);
        let desk = std::sync::Arc::new(Catalogue::parse("desk/en-GB.ftl", &desk).unwrap());
        let mut hb = Handlebars::new();
        super::super::register(&mut hb, &desk);
        let out = hb.render_template("{{{mermaid_bars years \"T\" 0 undated}}}", &data).unwrap();
        assert!(out.contains("x-axis [2024, 2025, \"2024–2026 without a date\"]") && out.contains("%% undated: 1"), "{out}");
    }

    #[test]
    fn timeline_tasks_flag_undated_and_planned_events() {
        let data = serde_json::json!({
            "events": [
                { "title": "Somewhere", "pillar_name": "D", "colour": 0, "start": "2024-01-01", "end": "2026-12-31", "significance": 3, "single_day": false, "undated": true, "planned": false, "imprecise": false, "lane": "D", "when": "W" },
                { "title": "Summit", "pillar_name": "D", "colour": 0, "start": "2026-01-01", "end": "2026-12-31", "significance": 4, "single_day": false, "undated": false, "planned": true, "imprecise": false, "lane": "D", "when": "W" }
            ],
            "period": { "start": "2024-01-01", "end": "2026-12-31" }
        });
        let out = render("{{{mermaid_timeline events period \"T\"}}}", data);
        assert!(out.contains("    Somewhere (undated) :done, s3ue0, 2024-01-01, 2026-12-31\n"), "{out}");
        assert!(out.contains("    Summit (planned) :crit, s4pe1, 2026-01-01, 2026-12-31\n"), "{out}");
    }

    /// A summary row without a field the chart needs (a field renamed in
    /// the summary) is an error naming the helper, the row and the field,
    /// at the template's line; never a chart of zeros.
    #[test]
    fn a_row_missing_a_field_fails_at_the_templates_line() {
        let mut hb = registry();
        let rows = serde_json::json!({ "pillars": [
            { "name": "A", "count": 2, "colour": 0 },
            { "name": "B", "events": 1, "colour": 1 }
        ]});
        hb.register_template_string("counts", "Pillars\n\n{{{mermaid_pie pillars \"T\"}}}\n").unwrap();
        let err = hb.render("counts", &rows).unwrap_err();
        assert_eq!(err.reason().to_string(), "parameter 1 of `mermaid_pie` (`pillars`, item 2): missing field `count`");
        assert_eq!((err.template_name.as_deref(), err.line_no), (Some("counts"), Some(3)));

        let event = serde_json::json!({ "events": [{ "title": "X", "pillar_name": "D", "lane": "D", "colour": 0, "start": "2024-01-01",
            "end": "2024-01-01", "significance": 3, "single_day": true, "undated": false, "planned": false }],
            "period": { "start": "2024-01-01", "end": "2024-12-31" } });
        hb.register_template_string("timeline", "{{{mermaid_timeline events period \"T\"}}}").unwrap();
        let err = hb.render("timeline", &event).unwrap_err();
        assert_eq!(err.reason().to_string(), "parameter 1 of `mermaid_timeline` (`events`, item 1): missing field `imprecise`");
        let wrong = serde_json::json!({ "events": [], "period": { "start": "2024", "end": "2024-12-31" } });
        let err = hb.render("timeline", &wrong).unwrap_err();
        assert_eq!(err.reason().to_string(), "parameter 2 of `mermaid_timeline` (`period`): `2024` is not a YYYY-MM-DD date");
        let bars = serde_json::json!({ "rows": [{ "label": "X", "count": 1 }] });
        let err = registry().render_template("{{{mermaid_bars rows \"T\" 0}}}", &bars).unwrap_err();
        assert_eq!(err.reason().to_string(), "parameter 1 of `mermaid_bars`, item 1: a bar needs a `name` or a `year`");
    }
}
