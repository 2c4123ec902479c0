//! Every English sentence and phrase the summary composes, in one place:
//! the key judgements and the names of the chronology's month groups. A
//! later step moves these words into the Fluent catalogue; until then they
//! stay here, together, worded exactly as printed.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::PillarSummary;
use crate::dataset::Event;
use crate::period::Period;

/// Key judgements the counts support: the pillar with the most events and
/// the one with the most landmark events, when one leads alone; the
/// busiest year of the dated events, when one leads alone.
pub(super) fn judgements(pillars: &[PillarSummary], selected: &[&Event], period: &Period) -> Vec<String> {
    let mut out = Vec::new();
    let total = selected.len();
    if total == 0 || pillars.len() < 2 {
        return out;
    }
    let leader = |counts: &[(&str, usize)]| -> Option<(String, usize, usize)> {
        let mut sorted = counts.to_vec();
        sorted.sort_by_key(|s| std::cmp::Reverse(s.1));
        match sorted.as_slice() {
            [(name, first), (_, second), ..] if first > second && *first > 0 => Some(((*name).to_owned(), *first, *second)),
            _ => None,
        }
    };
    let counts: Vec<(&str, usize)> = pillars.iter().map(|p| (p.name.as_str(), p.count)).collect();
    if let Some((name, n, next)) = leader(&counts) {
        out.push(format!(
            "{name} is the most active pillar: {n} of the {total} events ({}%), against {next} for the next.",
            (n * 100 + total / 2) / total
        ));
    }
    let landmarks: Vec<(&str, usize)> = pillars
        .iter()
        .map(|p| (p.name.as_str(), selected.iter().filter(|e| *e.pillar == *p.id && e.significance == 5).count()))
        .collect();
    if let Some((name, n, _)) = leader(&landmarks) {
        let all: usize = landmarks.iter().map(|l| l.1).sum();
        out.push(format!("{name} holds the most landmark events: {n} of {all}."));
    }
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for year in selected.iter().filter_map(|e| period.year_of(e)) {
        *years.entry(year).or_default() += 1;
    }
    let dated: usize = years.values().sum();
    let by_year: Vec<(String, usize)> = years.iter().map(|(y, n)| (y.to_string(), *n)).collect();
    let by_year: Vec<(&str, usize)> = by_year.iter().map(|(y, n)| (y.as_str(), *n)).collect();
    if years.len() > 1 {
        if let Some((year, n, _)) = leader(&by_year) {
            out.push(format!("{year} is the busiest year: {n} of the {dated} dated events began in it."));
        }
    }
    out
}

/// The name of the group an event of a long year falls in: "Begun before
/// 2024" for one carried into the period, "2025, month not known" for
/// one known only to the year, else its month, "March 2025".
pub(super) fn month_group(year: i32, e: &Event, period: &Period) -> String {
    if period.began_before(e) {
        format!("Begun before {year}")
    } else if e.date.precision() == crate::date::Precision::Year {
        format!("{year}, month not known")
    } else {
        format!("{} {year}", crate::date::month_name(e.first_day().month()))
    }
}
