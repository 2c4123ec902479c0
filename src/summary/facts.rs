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

use super::wording::Wording;
use crate::dataset::PartnerKind;
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
    /// many of them are only planned.
    LeadingPillar { pillar: String, name: String, count: usize, total: usize, planned: usize },
    /// A key figure: the pillar with more landmark events than any other,
    /// of `all` landmarks (more than one).
    LeadingLandmarks { pillar: String, name: String, count: usize, all: usize },
    /// A key figure: the year in which more events began than in any other,
    /// counting dated events that happened and began inside the period, of
    /// `dated` such events.
    LeadingYear { year: i32, count: usize, dated: usize },
    /// A pillar's overview: its events, of `total` in the period, and the
    /// related events of other pillars.
    PillarOverview { pillar: String, count: usize, total: usize, related: usize },
    /// The partner analysis: distinct partners, by kind (registry order),
    /// the `ranked` most frequent in a table, and those left out of it,
    /// with the fewest and most events one of them has.
    Partners { count: usize, kinds: Vec<(PartnerKind, usize)>, ranked: Vec<(String, usize)>, left_out: usize, least: usize, most: usize },
    /// The partner analysis: events with a bilateral counterpart (a
    /// country, or a member country of a group, in a role that deals).
    Bilateral { events: usize },
    /// A pillar's partners: the main ones with their events, and those left
    /// out, as in [`Fact::Partners`].
    PillarPartners { pillar: String, main: Vec<(String, usize)>, left_out: usize, least: usize, most: usize },
}

/// The sentence of `fact`, in the run's words; `None` for facts whose
/// sentence a template writes around a table ([`Fact::Partners`],
/// [`Fact::Bilateral`], [`Fact::PillarPartners`]: the template prints the
/// fact's own numbers, carried by the views built from it).
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
        Fact::LeadingLandmarks { name, count, all, .. } => {
            words.text("figure-pillar-landmarks", &[("pillar", Arg::from(name.as_str())), ("count", n(*count)), ("all", n(*all))])
        }
        Fact::LeadingYear { year, count, dated } => {
            words.text("figure-year-began", &[("year", Arg::from(year.to_string())), ("count", n(*count)), ("dated", n(*dated))])
        }
        Fact::PillarOverview { count, total, related, .. } => {
            let share = if *total == 0 { 0.0 } else { *count as f64 / *total as f64 };
            words.text(
                "pillar-counts",
                &[("count", n(*count)), ("share", Arg::from(format!("{:.1}%", share * 100.0))), ("related", n(*related))],
            )
        }
        Fact::Partners { .. } | Fact::Bilateral { .. } | Fact::PillarPartners { .. } => return None,
    })
}

/// The facts of a summary, in the order the briefing states them: the
/// opening, the key figures, the partner analysis, then each pillar's
/// overview and partners.
pub(super) fn state(executive: &super::Executive, figures: Vec<Fact>, pillars: &[super::PillarSummary], period: &Period) -> Vec<Fact> {
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
    let partners = &executive.partners;
    if partners.count > 0 {
        facts.push(Fact::Partners {
            count: partners.count,
            kinds: partners.by_kind.iter().filter_map(|k| Some((PartnerKind::parse(k.kind)?, k.count))).collect(),
            ranked: partners.top.iter().map(|r| (r.name.clone(), r.events)).collect(),
            left_out: partners.rest.count,
            least: partners.rest.least,
            most: partners.rest.most,
        });
        if partners.registry {
            facts.push(Fact::Bilateral { events: partners.bilateral_events });
        }
    }
    for p in pillars.iter().filter(|p| p.count > 0) {
        facts.push(Fact::PillarOverview { pillar: p.id.clone(), count: p.count, total: totals.events, related: p.related_count });
        let spread = &p.partner_spread;
        if !spread.main.is_empty() || spread.rest.count > 0 {
            facts.push(Fact::PillarPartners {
                pillar: p.id.clone(),
                main: spread.main.iter().map(|m| (m.name.clone(), m.count)).collect(),
                left_out: spread.rest.count,
                least: spread.rest.least,
                most: spread.rest.most,
            });
        }
    }
    facts
}

/// Writes each fact's sentence where the templates read it: the opening
/// and the key figures of the executive summary, each pillar's overview.
pub(super) fn render(facts: &[Fact], executive: &mut super::Executive, pillars: &mut [super::PillarSummary], wording: &Wording<'_>) {
    let mut opening = Vec::new();
    for fact in facts {
        let Some(sentence) = say(fact, wording) else { continue };
        match fact {
            Fact::Totals { .. } | Fact::Undated { .. } | Fact::Planned { .. } => opening.push(sentence),
            Fact::LeadingPillar { .. } | Fact::LeadingLandmarks { .. } | Fact::LeadingYear { .. } => executive.key_figures.push(sentence),
            Fact::PillarOverview { pillar, .. } => {
                if let Some(p) = pillars.iter_mut().find(|p| p.id == *pillar) {
                    p.overview = sentence;
                }
            }
            Fact::Partners { .. } | Fact::Bilateral { .. } | Fact::PillarPartners { .. } => {}
        }
    }
    executive.opening = opening.join(" ");
}
