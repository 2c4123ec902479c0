//! Every word the summary writes, from the run's catalogue
//! ([`crate::words`], `templates/en-GB.ftl`, section "The summary's
//! sentences"): the key figures, the names of the chronology's month
//! groups, and the display names of event kinds, partner kinds and regions.
//!
//! The catalogue is the run's (a desk's `--templates DIR/en-GB.ftl` when
//! there is one), given in the [`super::Selection`]. Numbers reach the
//! messages as numbers, so that they choose plural forms and are grouped
//! the CLDR way ("2,500"); years as text, so that 2025 is never "2,025".
//! The names of kinds and regions are said once a run, not once an event.
//! `tests/it/words.rs` fails when an English word is written here again.


use chrono::Datelike;

use crate::dataset::{Event, Kind, PartnerKind, Region};
use crate::period::Period;
use crate::words::{Arg, Catalogue};

/// The run's catalogue, with the names it gives kinds and regions.
pub(super) struct Wording<'w> {
    words: &'w Catalogue,
    /// By position in [`Kind::ALL`].
    kinds: Vec<String>,
    /// By position in [`PartnerKind::ALL`].
    partner_kinds: Vec<String>,
    /// By position in [`Region::ALL`].
    regions: Vec<String>,
}

/// Where `value` stands in `all` (every value is there: `all` is its
/// type's `ALL`).
fn slot<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

impl<'w> Wording<'w> {
    pub(super) fn new(words: &'w Catalogue) -> Self {
        let say = |id: &str, variable: &str, name: &str| words.text(id, &[(variable, Arg::from(name))]);
        Wording {
            words,
            kinds: Kind::ALL.iter().map(|k| say("kind-name", "kind", k.as_str())).collect(),
            partner_kinds: PartnerKind::ALL.iter().map(|k| say("partner-kind", "kind", k.as_str())).collect(),
            regions: Region::ALL.iter().map(|r| say("region-name", "region", r.as_str())).collect(),
        }
    }

    /// The run's catalogue itself.
    pub(super) fn words(&self) -> &'w Catalogue {
        self.words
    }

    /// An event kind's name at the start of a table cell: "Summit".
    pub(super) fn kind(&self, kind: Kind) -> &str {
        &self.kinds[slot(Kind::ALL, &kind)]
    }

    /// A partner kind's name, for a table cell: "international
    /// organisation".
    pub(super) fn partner_kind(&self, kind: PartnerKind) -> &str {
        &self.partner_kinds[slot(PartnerKind::ALL, &kind)]
    }

    /// A partner kind's name after `count`: "country", "countries".
    pub(super) fn partner_kind_counted(&self, kind: PartnerKind, count: usize) -> String {
        self.words.text("partner-kind-counted", &[("kind", Arg::from(kind.as_str())), ("count", Arg::from(count))])
    }

    /// A region's name: "South Caucasus".
    pub(super) fn region(&self, region: Region) -> &str {
        &self.regions[slot(Region::ALL, &region)]
    }

    /// The heading of the column of events begun before the period:
    /// "Begun before 2024".
    pub(super) fn begun_before(&self, period: &Period) -> String {
        self.words.text("chronology-begun-before", &[("year", Arg::from(period.start.year().to_string()))])
    }

    /// The label of the undated events of `span`: "Undated, 2024–2026".
    pub(super) fn undated_column(&self, span: &super::views::SpanCount) -> String {
        let parse = |text: &str| crate::date::PartialDate::parse(text).ok();
        let shown = match (parse(&span.from), parse(&span.until)) {
            (Some(from), Some(until)) => from.display_span_in(&until, self.words),
            _ => format!("{}–{}", span.from, span.until),
        };
        self.words.text("column-undated", &[("span", Arg::from(shown))])
    }

    /// A pie slice's name: the pillar's, with its planned events said.
    pub(super) fn slice(&self, name: &str, planned: usize) -> String {
        if planned == 0 {
            return name.to_owned();
        }
        self.words.text("slice-planned", &[("name", Arg::from(name)), ("planned", Arg::from(planned))])
    }

    /// The name of the row of planned events in a pillar's table.
    pub(super) fn of_them_planned(&self) -> String {
        self.words.text("row-planned", &[])
    }

    /// The name of the group an event of a long year falls in: "Begun
    /// before 2024" for one carried into the period, "2025, month not
    /// known" for one known only to the year, else its month, "March 2025".
    pub(super) fn month_group(&self, year: i32, e: &Event, period: &Period) -> String {
        let year_text = || Arg::from(year.to_string());
        if period.began_before(e) {
            self.words.text("chronology-begun-before", &[("year", year_text())])
        } else if e.date.precision() == crate::date::Precision::Year {
            self.words.text("chronology-month-not-known", &[("year", year_text())])
        } else {
            self.words.date(year, Some(e.first_day().month()), None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::tests::event;

    #[test]
    fn the_names_are_the_catalogues() {
        let words = Catalogue::builtin();
        let wording = Wording::new(&words);
        assert_eq!(wording.kind(Kind::Infrastructure), "Infrastructure");
        assert_eq!(wording.kind(Kind::Other), "Other");
        assert_eq!(wording.partner_kind(PartnerKind::Domestic), "Azerbaijani body");
        assert_eq!(wording.partner_kind_counted(PartnerKind::Country, 1), "country");
        assert_eq!(wording.partner_kind_counted(PartnerKind::Country, 3), "countries");
        assert_eq!(wording.partner_kind_counted(PartnerKind::Group, 2), "groups of states");
        assert_eq!(wording.region(Region::RussiaEasternEurope), "Russia and Eastern Europe");
        assert_eq!(wording.region(Region::Oceania), "Oceania");
    }

    #[test]
    fn month_groups_keep_years_ungrouped() {
        let words = Catalogue::builtin();
        let wording = Wording::new(&words);
        let period = Period::parse("2024-2026").unwrap();
        let mut early = event("early", "2021", 2);
        early.until = Some(crate::date::PartialDate::parse("2025").unwrap());
        assert_eq!(wording.month_group(2024, &early, &period), "Begun before 2024");
        assert_eq!(wording.month_group(2025, &event("y", "2025", 2), &period), "2025, month not known");
        assert_eq!(wording.month_group(2025, &event("m", "2025-03", 2), &period), "March 2025");
    }
}
