//! Every sentence the summary composes about the counts, as a typed fact
//! (issue 25, item 6): one [`Fact`] a sentence, a variant per kind of
//! sentence, holding exactly the numbers and names the sentence states.
//!
//! The summary first states its facts ([`Summary::facts`]), then renders
//! each into its sentence ([`say`]) from the run's catalogue; a sentence
//! is never written from anything but its fact. `tests/it/properties.rs`
//! recounts every fact of random datasets from the raw events with an
//! oracle of its own, matching every variant (no `_` arm): a new kind of
//! sentence does not compile until the oracle checks it.
//!
//! [`Summary::facts`]: super::Summary::facts

use std::collections::BTreeMap;

use chrono::Datelike;

use super::wording::Wording;
use super::PillarSummary;
use crate::dataset::{Event, PartnerKind, Status};
use crate::period::Period;
use crate::words::Arg;

/// One fact the briefing states in a sentence of its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Fact {
    /// The executive summary's opening: the period's events, the pillars
    /// reported, the distinct partners (roles that deal, no own bodies),
    /// the landmark events and those begun before the period.
    Totals { period: Period, events: usize, pillars: usize, partners: usize, landmarks: usize, begun_before: usize },
    /// Events of the period without a date of their own (when any).
    Undated { count: usize },
    /// Events only planned (when any).
    Planned { count: usize },
    /// A key figure: the pillar with more events than any other, with how
    /// many of them are only planned; stated only when it leads alone
    /// counting what happened too (a lead no plan makes).
    LeadingPillar { pillar: String, name: String, count: usize, total: usize, planned: usize },
    /// A key figure when no pillar leads alone on what happened (a tie, or
    /// a lead that rests on plans): every pillar with events, as `(id,
    /// name, events, planned)`, most events first, then report order; no
    /// pillar singled out.
    PillarEvents { pillars: Vec<(String, String, usize, usize)> },
    /// A key figure: the pillar with more landmark events than any other,
    /// of `all` landmarks (more than one).
    LeadingLandmarks { pillar: String, name: String, count: usize, all: usize },
    /// A key figure: the year in which more events began than in any other,
    /// counting dated events that happened and began inside the period, of
    /// `dated` such events.
    LeadingYear { year: i32, count: usize, dated: usize },
    /// A pillar's overview: its events, of `total` in the period, and the
    /// related events of other pillars (its row of the table of events per
    /// pillar).
    PillarOverview { pillar: String, count: usize, total: usize, related: usize },
    /// A pillar's events by year (its column of the overview's table of
    /// events per pillar by year and by kind): those begun before the period,
    /// those that began in each year of it, the undated ones, and the
    /// planned ones among all of them (the table's own rows and cells are
    /// built from the same counts).
    PillarYears { pillar: String, begun_before: usize, years: Vec<(i32, usize)>, undated: usize, planned: usize },
    /// The partner analysis: distinct partners, by kind (registry order),
    /// the `ranked` most frequent in a table, and those left out of it,
    /// with the fewest and most events one of them has; and the names the
    /// events give that are not counted: `own` of Azerbaijan's own bodies,
    /// `mentioned` names no event of the period has as a partner.
    Partners {
        registry: bool,
        count: usize,
        own: usize,
        mentioned: usize,
        kinds: Vec<(PartnerKind, usize)>,
        ranked: Vec<(String, usize)>,
        left_out: usize,
        least: usize,
        most: usize,
    },
    /// The partner analysis: events with a bilateral counterpart (a
    /// country, or a member country of a group, in a role that deals), and
    /// the distinct groups through which a region is reached (0: only
    /// countries count).
    Bilateral { events: usize, groups: usize },
    /// The pie of events per pillar: each pillar's events and planned
    /// events, in report order (the chart's slices, its description and
    /// accDescr are written from them).
    Pie { slices: Vec<(String, usize, usize)> },
    /// The bar chart of events with a bilateral counterpart per region, in
    /// the fixed order of regions (its bars, description and accDescr).
    Regions { counts: Vec<(crate::dataset::Region, usize)> },
    /// The partner map (issue 26): each registered partner of the period
    /// with the events it takes part in (a role that deals, never an own
    /// body), in registry order; its shading, table, list and alt text are
    /// written from it.
    PartnerMap { counts: Vec<(String, usize)> },
    /// The timeline: the events it shows of the period's `total`, with the
    /// undated and planned ones of the period, and whether it counts them
    /// by month (`by_month`: a chronology lists them all, and the timeline
    /// is too full to draw one by one). Its sentence is written from it.
    Timeline { shown: usize, total: usize, undated: usize, planned: usize, by_month: bool },
    /// The timeline chart's description for screen readers (its Mermaid
    /// accDescr and the PDF's alt text), as far as it counts: the
    /// `events` it draws over the period and, counted by month, the
    /// `lanes` (pillars) its dated events fall in (`None`: drawn one by
    /// one, a lane a pillar). The events it then names are the data's.
    TimelineChart { period: Period, events: usize, lanes: Option<usize> },
    /// The data note: the dataset's events and those of the period, with
    /// the undated and planned ones among them, and the undated per span.
    DataNote { events: usize, in_period: usize, undated: usize, planned: usize, spans: Vec<(String, String, usize)> },
    /// A pillar's partners: the main ones, all those with more than one
    /// event of the pillar, with their events, and those left out (at one
    /// event each), as in [`Fact::Partners`].
    PillarPartners {
        pillar: String,
        main: Vec<(String, usize)>,
        left_out: usize,
        least: usize,
        most: usize,
        regions: Vec<(crate::dataset::Region, usize)>,
    },
}

/// The sentence of `fact`, in the run's words; `None` for facts whose
/// words a template or a chart writes around a table or a chart
/// ([`Fact::PillarOverview`] and [`Fact::PillarYears`], a pillar's row and
/// column of the overview's tables since issue 27 item 2, [`Fact::Pie`],
/// [`Fact::Regions`], [`Fact::PartnerMap`], [`Fact::DataNote`]: they print
/// the fact's own numbers, carried by the views the fact is stated from).
pub(super) fn say(fact: &Fact, wording: &Wording<'_>) -> Option<String> {
    let words = wording.words();
    let n = Arg::from;
    Some(match fact {
        Fact::Totals { period, events, pillars, partners, landmarks, begun_before } => words.text(
            "summary-counts",
            &[
                ("period", Arg::from(period.display_in(words))),
                ("events", n(*events)),
                ("pillars", n(*pillars)),
                ("partners", n(*partners)),
                ("landmarks", n(*landmarks)),
                ("carried", n(*begun_before)),
            ],
        ),
        Fact::Undated { count } => words.text("summary-undated", &[("count", n(*count))]),
        Fact::Planned { count } => words.text("summary-planned", &[("count", n(*count))]),
        Fact::LeadingPillar { name, count, total, planned, .. } => words.text(
            "figure-pillar-events",
            &[
                ("pillar", Arg::from(name.as_str())),
                ("count", n(*count)),
                ("total", n(*total)),
                ("percent", n((count * 100 + total / 2) / (*total).max(1))),
                ("planned", n(*planned)),
            ],
        ),
        Fact::PillarEvents { pillars } => {
            let each: Vec<String> = pillars
                .iter()
                .map(|(_, name, count, planned)| {
                    words.text("figure-pillar-each", &[("pillar", Arg::from(name.as_str())), ("count", n(*count)), ("planned", n(*planned))])
                })
                .collect();
            words.text("figure-pillar-all", &[("pillars", Arg::from(each.join(", ")))])
        }
        Fact::LeadingLandmarks { name, count, all, .. } => {
            words.text("figure-pillar-landmarks", &[("pillar", Arg::from(name.as_str())), ("count", n(*count)), ("all", n(*all))])
        }
        Fact::LeadingYear { year, count, dated } => {
            words.text("figure-year-began", &[("year", Arg::from(year.to_string())), ("count", n(*count)), ("dated", n(*dated))])
        }
        Fact::Partners { registry, count, kinds, ranked, left_out, least, most, own, mentioned } => {
            let rest = rest(wording, *left_out, *least, *most);
            let kinds: Vec<String> = kinds
                .iter()
                .map(|(k, c)| words.text("partners-of-kind", &[("count", n(*c)), ("name", Arg::from(wording.partner_kind_counted(*k, *c)))]))
                .collect();
            let kinds = Arg::from(words.and_list(&kinds));
            let sentence = match (registry, ranked.is_empty()) {
                (true, false) => words.text("partners-named-by-kind", &[("count", n(*count)), ("kinds", kinds)]),
                (true, true) => words.text("partners-named-by-kind-tied", &[("count", n(*count)), ("kinds", kinds), ("rest", Arg::from(rest))]),
                (false, false) => words.text("partners-named", &[("count", n(*count))]),
                (false, true) => words.text("partners-named-tied", &[("count", n(*count)), ("rest", Arg::from(rest))]),
            };
            if own + mentioned == 0 {
                sentence
            } else {
                // What the count leaves out, said first: the events name
                // more than their partners (issue 25, item 6).
                let apart = words.text(
                    "partners-not-counted",
                    &[("named", n(count + own + mentioned)), ("own", n(*own)), ("mentioned", n(*mentioned)), ("count", n(*count))],
                );
                [apart, sentence].join(" ")
            }
        }
        Fact::Timeline { shown, total, undated, planned, by_month } => timeline(wording, *shown, *total, *undated, *planned, *by_month),
        Fact::TimelineChart { period, events, lanes } => timeline_chart(wording, period, *events, *lanes),
        Fact::Bilateral { events, groups } => words.text("partners-by-region", &[("events", n(*events)), ("groups", n(*groups))]),
        Fact::PillarPartners { main, left_out, least, most, regions, .. } => pillar_partners(wording, main, *left_out, *least, *most, regions),
        Fact::PillarOverview { .. }
        | Fact::PillarYears { .. }
        | Fact::Pie { .. }
        | Fact::Regions { .. }
        | Fact::PartnerMap { .. }
        | Fact::DataNote { .. } => return None,
    })
}

/// The sentence over the timeline: all the period's events, the most
/// significant of them, or (`by_month`) all of them counted by month.
fn timeline(wording: &Wording<'_>, shown: usize, total: usize, undated: usize, planned: usize, by_month: bool) -> String {
    let (words, n) = (wording.words(), Arg::from);
    if by_month {
        words.text("timeline-dense", &[("total", n(total)), ("undated", n(undated))])
    } else if shown < total {
        words.text("timeline-some", &[("shown", n(shown)), ("total", n(total)), ("undated", n(undated)), ("planned", n(planned))])
    } else {
        words.text("timeline-all", &[("total", n(total)), ("undated", n(undated)), ("planned", n(planned))])
    }
}

/// The timeline chart's description, as far as it counts.
fn timeline_chart(wording: &Wording<'_>, period: &Period, events: usize, lanes: Option<usize>) -> String {
    let (words, n) = (wording.words(), Arg::from);
    match lanes {
        Some(lanes) => {
            let (from, until) = (period.start.year().to_string(), period.end.year().to_string());
            words.text("timeline-dense-alt", &[("count", n(events)), ("lanes", n(lanes)), ("from", Arg::from(from)), ("until", Arg::from(until))])
        }
        None => {
            let (first, last) = crate::date::PartialDate::span_of(period.start, period.end);
            let (from, until) = (first.display_in(words), last.display_in(words));
            words.text("mermaid-timeline", &[("count", n(events)), ("from", Arg::from(from)), ("until", Arg::from(until))])
        }
    }
}

/// Key figures the counts support (issue 25, item 5), without an
/// evaluative word: the pillar with the most events, with how many of
/// them are only planned, and the one with the most landmark events,
/// each when one has more than any other; the year in which the most
/// dated events began, counting only those that began inside the
/// period (a programme begun earlier is no year's), when one year has
/// more than any other.
pub(super) fn figures(pillars: &[PillarSummary], selected: &[&Event], period: &Period) -> Vec<Fact> {
    let mut out = Vec::new();
    let total = selected.len();
    if total == 0 || pillars.len() < 2 {
        return out;
    }
    // By id: two pillars may share a name.
    let name_of = |id: &str| pillars.iter().find(|p| p.id == id).map_or("", |p| p.name.as_str()).to_owned();
    let counts: Vec<(&str, usize)> = pillars.iter().map(|p| (p.id.as_str(), p.count)).collect();
    let planned_of = |id: &str| selected.iter().filter(|e| *e.pillar == *id && e.status == Status::Planned).count();
    // What happened, without plans: a lead stated must hold there too.
    let happened: Vec<(&str, usize)> = counts.iter().map(|&(id, n)| (id, n - planned_of(id))).collect();
    match (leader(&counts), leader(&happened)) {
        (Some((id, n, _)), Some((same, ..))) if id == same => {
            out.push(Fact::LeadingPillar { pillar: id.to_owned(), name: name_of(id), count: n, total, planned: planned_of(id) });
        }
        _ => {
            let mut each: Vec<(String, String, usize, usize)> =
                counts.iter().filter(|c| c.1 > 0).map(|&(id, n)| (id.to_owned(), name_of(id), n, planned_of(id))).collect();
            each.sort_by_key(|p| std::cmp::Reverse(p.2));
            out.push(Fact::PillarEvents { pillars: each });
        }
    }
    let landmarks: Vec<(&str, usize)> = pillars
        .iter()
        .map(|p| (p.id.as_str(), selected.iter().filter(|e| *e.pillar == *p.id && e.significance == 5).count()))
        .collect();
    let all: usize = landmarks.iter().map(|l| l.1).sum();
    // One landmark in all is no figure of where landmarks fall ("1 of
    // the 1"): the event itself is the first highlight.
    if let Some((id, n, _)) = leader(&landmarks).filter(|_| all > 1) {
        out.push(Fact::LeadingLandmarks { pillar: id.to_owned(), name: name_of(id), count: n, all });
    }
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    // What happened: a plan has not begun, whatever its date says.
    for e in selected.iter().filter(|e| !e.undated && e.status != Status::Planned && !period.began_before(*e)) {
        *years.entry(e.first_day().year()).or_default() += 1;
    }
    let dated: usize = years.values().sum();
    let by_year: Vec<(String, usize)> = years.iter().map(|(y, n)| (y.to_string(), *n)).collect();
    let by_year: Vec<(&str, usize)> = by_year.iter().map(|(y, n)| (y.as_str(), *n)).collect();
    if years.len() > 1 {
        if let Some((year, n, _)) = leader(&by_year) {
            out.push(Fact::LeadingYear { year: year.parse().unwrap_or_default(), count: n, dated });
        }
    }
    out
}

/// The one that leads alone, with its count and the next one's: `None` on
/// a tie for first place or when all are zero.
fn leader<'a>(counts: &[(&'a str, usize)]) -> Option<(&'a str, usize, usize)> {
    let mut sorted = counts.to_vec();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.1));
    match sorted.as_slice() {
        [(name, first), (_, second), ..] if first > second && *first > 0 => Some((name, *first, *second)),
        _ => None,
    }
}

/// Partners left out of a ranking, said by their numbers.
fn rest(wording: &Wording<'_>, count: usize, least: usize, most: usize) -> String {
    let n = Arg::from;
    if least == most {
        wording.words().text("partners-at-each", &[("count", n(count)), ("events", n(least))])
    } else {
        wording.words().text("partners-at-range", &[("count", n(count)), ("least", n(least)), ("most", n(most))])
    }
}

/// A pillar's partners in one sentence: the main ones, those left out, the
/// regions reached.
fn pillar_partners(
    wording: &Wording<'_>,
    main: &[(String, usize)],
    left_out: usize,
    least: usize,
    most: usize,
    regions: &[(crate::dataset::Region, usize)],
) -> String {
    let words = wording.words();
    let partners: Vec<String> =
        main.iter().map(|(name, count)| words.text("partner-with-count", &[("name", Arg::from(name.as_str())), ("count", Arg::from(*count))])).collect();
    let partners = Arg::from(partners.join(", "));
    let regions: Vec<String> = regions
        .iter()
        .map(|(r, count)| words.text("region-with-count", &[("name", Arg::from(wording.region(*r))), ("count", Arg::from(*count))]))
        .collect();
    let with_regions = !regions.is_empty();
    let regions = Arg::from(regions.join(", "));
    let rest = Arg::from(rest(wording, left_out, least, most));
    match (main.is_empty(), left_out > 0, with_regions) {
        (false, false, false) => words.text("pillar-partners", &[("partners", partners), ("more", Arg::from(0usize))]),
        (false, false, true) => words.text("pillar-partners-regions", &[("partners", partners), ("more", Arg::from(0usize)), ("regions", regions)]),
        (false, true, false) => words.text("pillar-partners-rest", &[("partners", partners), ("rest", rest)]),
        (false, true, true) => words.text("pillar-partners-rest-regions", &[("partners", partners), ("rest", rest), ("regions", regions)]),
        (true, _, false) => words.text("pillar-partners-tied", &[("rest", rest)]),
        (true, _, true) => words.text("pillar-partners-tied-regions", &[("rest", rest), ("regions", regions)]),
    }
}

/// The facts of a summary, in the order the briefing states them: the
/// opening, the key figures, the partner analysis, then each pillar's
/// overview and partners.
pub(super) fn state(
    executive: &super::Executive,
    figures: Vec<Fact>,
    pillars: &[super::PillarSummary],
    data: &super::DataNote,
    (period, chronology): (&Period, bool),
) -> Vec<Fact> {
    let totals = &executive.totals;
    let mut facts = vec![Fact::Totals {
        period: period.clone(),
        events: totals.events,
        pillars: totals.pillars,
        partners: totals.partners,
        landmarks: totals.landmarks,
        begun_before: totals.carried_in,
    }];
    if totals.undated > 0 {
        facts.push(Fact::Undated { count: totals.undated });
    }
    if totals.planned > 0 {
        facts.push(Fact::Planned { count: totals.planned });
    }
    facts.extend(figures);
    if totals.events > 0 {
        facts.push(Fact::Pie { slices: executive.pie.iter().zip(pillars).map(|(s, p)| (p.id.clone(), s.count, p.planned)).collect() });
        facts.push(Fact::Timeline {
            shown: executive.timeline.len(),
            total: totals.events,
            undated: data.undated_in_period,
            planned: data.planned_in_period,
            by_month: chronology && executive.timeline.len() < totals.events,
        });
        facts.push(timeline_chart_fact(executive, pillars, data, (period, chronology)));
    }
    let partners = &executive.partners;
    if partners.count > 0 {
        facts.push(Fact::Partners {
            registry: partners.registry,
            count: partners.count,
            own: partners.own,
            mentioned: partners.mentioned,
            kinds: partners.by_kind.iter().filter_map(|k| Some((PartnerKind::parse(k.kind)?, k.count))).collect(),
            ranked: partners.top.iter().map(|r| (r.name.clone(), r.events)).collect(),
            left_out: partners.rest.count,
            least: partners.rest.least,
            most: partners.rest.most,
        });
        if partners.registry {
            facts.push(Fact::Bilateral { events: partners.bilateral_events, groups: partners.groups });
            facts.push(Fact::Regions {
                counts: partners.regions.iter().filter_map(|r| Some((crate::dataset::Region::parse(r.region)?, r.count))).collect(),
            });
        }
    }
    for p in pillars.iter().filter(|p| p.count > 0) {
        facts.push(Fact::PillarOverview { pillar: p.id.clone(), count: p.count, total: totals.events, related: p.related_count });
        facts.push(Fact::PillarYears {
            pillar: p.id.clone(),
            begun_before: p.begun_before,
            years: p.per_year.iter().map(|y| (y.year, y.count)).collect(),
            undated: p.undated.iter().map(|s| s.count).sum(),
            planned: p.planned,
        });
        let spread = &p.partner_spread;
        if !spread.main.is_empty() || spread.rest.count > 0 {
            facts.push(Fact::PillarPartners {
                pillar: p.id.clone(),
                main: spread.main.iter().map(|m| (m.name.clone(), m.count)).collect(),
                left_out: spread.rest.count,
                least: spread.rest.least,
                most: spread.rest.most,
                regions: spread.by_region.clone(),
            });
        }
    }
    facts.push(Fact::DataNote {
        events: data.events_in_dataset,
        in_period: data.events_in_period,
        undated: data.undated_in_period,
        planned: data.planned_in_period,
        spans: data.undated_spans.iter().map(|s| (s.from.clone(), s.until.clone(), s.count)).collect(),
    });
    facts
}

/// The timeline chart's fact: counted by month, the dated events of the
/// period (the undated are left out of it) and the pillars they fall in;
/// drawn, the events it shows.
fn timeline_chart_fact(executive: &super::Executive, pillars: &[PillarSummary], data: &super::DataNote, (period, chronology): (&Period, bool)) -> Fact {
    let totals = &executive.totals;
    if chronology && executive.timeline.len() < totals.events {
        let lanes = pillars.iter().filter(|p| p.count > p.undated.iter().map(|s| s.count).sum::<usize>()).count();
        Fact::TimelineChart { period: period.clone(), events: totals.events - data.undated_in_period, lanes: Some(lanes) }
    } else {
        Fact::TimelineChart { period: period.clone(), events: executive.timeline.len(), lanes: None }
    }
}

/// Writes each fact's sentence where the templates read it: the opening
/// and the key figures of the executive summary, each pillar's partners.
pub(super) fn render(facts: &[Fact], executive: &mut super::Executive, pillars: &mut [super::PillarSummary], wording: &Wording<'_>) {
    let mut opening = Vec::new();
    for fact in facts {
        let Some(sentence) = say(fact, wording) else { continue };
        match fact {
            Fact::Totals { .. } | Fact::Undated { .. } | Fact::Planned { .. } => opening.push(sentence),
            Fact::LeadingPillar { .. } | Fact::PillarEvents { .. } | Fact::LeadingLandmarks { .. } | Fact::LeadingYear { .. } => {
                executive.key_figures.push(sentence)
            }
            Fact::PillarPartners { pillar, .. } => {
                if let Some(p) = pillars.iter_mut().find(|p| p.id == *pillar) {
                    p.partner_spread.line = sentence;
                }
            }
            Fact::Partners { ranked, left_out, least, most, .. } => {
                executive.partners.opening = sentence;
                if !ranked.is_empty() && *left_out > 0 {
                    let rest = rest(wording, *left_out, *least, *most);
                    executive.partners.rest_sentence = wording.words().text("partners-rest", &[("rest", Arg::from(rest))]);
                }
            }
            Fact::Bilateral { .. } => executive.partners.bilateral_sentence = sentence,
            Fact::Timeline { .. } => executive.timeline_sentence = sentence,
            Fact::TimelineChart { .. } => executive.timeline_alt = sentence,
            Fact::PillarOverview { .. }
            | Fact::PillarYears { .. }
            | Fact::Pie { .. }
            | Fact::Regions { .. }
            | Fact::PartnerMap { .. }
            | Fact::DataNote { .. } => {}
        }
    }
    executive.opening = opening.join(" ");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Catalogue;

    /// The timeline's sentence is written from its fact (issue 25, item
    /// 6), as the opening is: the numbers it states are the fact's, which
    /// the property test recounts.
    #[test]
    fn the_timeline_sentence_is_its_facts() {
        let words = Catalogue::builtin();
        let wording = Wording::new(&words);
        let say = |shown, total, by_month| say(&Fact::Timeline { shown, total, undated: 2, planned: 1, by_month }, &wording).unwrap();
        let all = say(7, 7, false);
        assert!(all.starts_with("All 7 events of the period"), "{all}");
        assert!(all.ends_with("one lane per pillar, undated facts and plans included."), "{all}");
        let some = say(5, 9, false);
        assert!(some.starts_with("The 5 most significant events of the 9 of the period"), "{some}");
        let dense = say(40, 90, true);
        assert!(dense.starts_with("90 events of the period, too many to draw one by one"), "{dense}");
        assert!(!dense.contains("planned"), "{dense}");
    }

    /// The timeline chart's description counts what its fact holds: the
    /// events drawn over the period's years, or by month, the dated events
    /// and their lanes.
    #[test]
    fn the_timeline_charts_description_is_its_facts() {
        let words = Catalogue::builtin();
        let wording = Wording::new(&words);
        let period = Period::parse("2024-2026").unwrap();
        let drawn = say(&Fact::TimelineChart { period: period.clone(), events: 12, lanes: None }, &wording).unwrap();
        assert_eq!(drawn, "A timeline of 12 events from 2024 to 2026, one lane per pillar.");
        let dense = say(&Fact::TimelineChart { period, events: 80, lanes: Some(4) }, &wording).unwrap();
        assert!(dense.starts_with("Events per month and pillar: 80 events in 4 lanes from 2024 to 2026"), "{dense}");
    }
}
