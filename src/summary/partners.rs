//! Who Azerbaijan works with (issue 13): the period's partners by kind,
//! the most frequent ones, bilateral counterparts by region, what changed
//! against the `--compare` period, and the index of partners.
//!
//! Kinds and regions come from the `[[partner]]` registry; without one,
//! partners are free text and only names and counts are known.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::dataset::{Dataset, Event, Partner, PartnerKind, Region, Status};

/// How many partners the executive summary ranks.
pub const TOP_PARTNERS: usize = 10;
/// How many partners a pillar's line names.
pub const PILLAR_PARTNERS: usize = 5;
/// How many names a list in the executive summary gives before "and N
/// more", so a registry of thousands stays a paragraph.
pub const NAMES_LISTED: usize = 12;
/// How many events the index lists under one partner at most (the most
/// significant, by date); the count always covers them all.
pub const INDEX_EVENTS: usize = 5;
/// How many events the whole index lists: with many partners each gets
/// fewer (at least one), so that a registry of thousands adds a reference
/// list, not a second chronology (benches/partners.sh).
pub const INDEX_BUDGET: usize = 1_000;

/// Events listed under each partner when `partners` are indexed.
pub fn index_events(partners: usize) -> usize {
    (INDEX_BUDGET / partners.max(1)).clamp(1, INDEX_EVENTS)
}

/// The partners of the period, for the executive summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Partners {
    /// Whether the dataset has a registry: kinds and regions are known.
    pub registry: bool,
    /// Distinct partners named by the period's events.
    pub count: usize,
    /// Kinds that occur, in the registry's order.
    pub by_kind: Vec<KindCount>,
    /// The [`TOP_PARTNERS`] most frequent, by events, then name.
    pub top: Vec<PartnerRow>,
    /// Regions of bilateral counterparts, in the fixed order, each region
    /// once (zero where none): countries, and groups through their members.
    pub regions: Vec<RegionRow>,
    /// Display names of the regions without any counterpart.
    pub regions_without: Vec<&'static str>,
    /// Events with at least one bilateral counterpart.
    pub bilateral_events: usize,
    /// `--compare`: partners new in this period and absent from it.
    pub compare: Option<PartnerChange>,
}

/// Partners of one kind.
#[derive(Clone, Debug, Serialize)]
pub struct KindCount {
    pub kind: &'static str,
    /// Singular or plural as the count asks: "1 company", "3 countries".
    pub name: &'static str,
    pub count: usize,
}

/// One partner ranked by events.
#[derive(Clone, Debug, Serialize)]
pub struct PartnerRow {
    pub name: String,
    /// "country", "international organisation"…; none without a registry.
    pub kind: Option<&'static str>,
    pub events: usize,
    /// Names of the pillars of its events, in report order.
    pub pillars: Vec<String>,
}

/// Bilateral counterparts of one region.
#[derive(Clone, Debug, Serialize)]
pub struct RegionRow {
    pub region: &'static str,
    pub name: &'static str,
    /// Events with a counterpart in the region (each event once).
    pub count: usize,
    /// Distinct counterparts.
    pub counterparts: usize,
    /// The first [`NAMES_LISTED`] of them, by name.
    pub names: Vec<String>,
    pub more: usize,
}

/// Partners of this period and not of the `--compare` one, and the
/// reverse, each by events (most first), then name.
#[derive(Clone, Debug, Serialize)]
pub struct PartnerChange {
    pub new: Vec<String>,
    pub new_more: usize,
    pub absent: Vec<String>,
    pub absent_more: usize,
}

/// A pillar's partners in one line.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PillarPartners {
    /// The [`PILLAR_PARTNERS`] most frequent, with their events.
    pub main: Vec<NameCount>,
    /// Further partners not named.
    pub more: usize,
    /// Events per region of bilateral counterparts, regions with events only.
    pub regions: Vec<NameCount>,
}

/// A name and a count.
#[derive(Clone, Debug, Serialize)]
pub struct NameCount {
    pub name: String,
    pub count: usize,
}

/// One partner in the index at the end of the briefing.
#[derive(Clone, Debug, Serialize)]
pub struct IndexEntry {
    pub name: String,
    pub kind: Option<&'static str>,
    pub region: Option<&'static str>,
    /// At most [`index_events`], by date.
    pub events: Vec<IndexEvent>,
    /// Events of the partner not listed.
    pub more: usize,
}

/// An event under a partner in the index.
#[derive(Clone, Debug, Serialize)]
pub struct IndexEvent {
    pub title: String,
    pub date: String,
    pub until: Option<String>,
    pub undated: bool,
    pub planned: bool,
    /// The Markdown anchor of the pillar's section.
    pub anchor: String,
}

/// The registry, looked up by name (event partners hold registry names)
/// and by id (group members hold ids).
pub struct Lookup<'d> {
    by_name: HashMap<&'d str, &'d Partner>,
    by_id: HashMap<&'d str, &'d Partner>,
    registry: bool,
}

impl<'d> Lookup<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        Lookup {
            by_name: dataset.partners.iter().map(|p| (p.name.as_str(), p)).collect(),
            by_id: dataset.partners.iter().map(|p| (p.id.as_str(), p)).collect(),
            registry: !dataset.partners.is_empty(),
        }
    }

    fn partner(&self, name: &str) -> Option<&'d Partner> {
        self.by_name.get(name).copied()
    }

    /// The bilateral counterparts an event names, with their regions:
    /// countries, and the member countries of groups (a group without
    /// members stands for itself in its own region).
    fn counterparts(&self, event: &'d Event, out: &mut Vec<(Region, &'d str)>) {
        out.clear();
        for name in &event.partners {
            let Some(partner) = self.partner(name) else { continue };
            match (partner.kind, partner.region) {
                (PartnerKind::Country, Some(region)) => out.push((region, partner.name.as_str())),
                (PartnerKind::Group, region) if partner.members.is_empty() => {
                    out.extend(region.map(|r| (r, partner.name.as_str())));
                }
                (PartnerKind::Group, _) => {
                    for member in partner.members.iter().filter_map(|m| self.by_id.get(m.as_str())) {
                        if let (PartnerKind::Country, Some(region)) = (member.kind, member.region) {
                            out.push((region, member.name.as_str()));
                        }
                    }
                }
                _ => {}
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// The singular name of a kind, for a table cell.
pub fn singular(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::Country => "country",
        PartnerKind::Organisation => "international organisation",
        PartnerKind::Company => "company",
        PartnerKind::Domestic => "Azerbaijani body",
        PartnerKind::Group => "group of states",
    }
}

fn counted(kind: PartnerKind, count: usize) -> &'static str {
    match (kind, count) {
        (PartnerKind::Country, 1) => "country",
        (PartnerKind::Country, _) => "countries",
        (PartnerKind::Organisation, 1) => "international organisation",
        (PartnerKind::Organisation, _) => "international organisations",
        (PartnerKind::Company, 1) => "company",
        (PartnerKind::Company, _) => "companies",
        (PartnerKind::Domestic, 1) => "Azerbaijani body",
        (PartnerKind::Domestic, _) => "Azerbaijani bodies",
        (PartnerKind::Group, 1) => "group of states",
        (PartnerKind::Group, _) => "groups of states",
    }
}

/// The GitHub-style anchor of a heading: lower case, spaces to `-`,
/// everything but letters, digits, `-` and `_` dropped.
pub fn anchor(heading: &str) -> String {
    heading
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn capped(mut names: Vec<String>) -> (Vec<String>, usize) {
    let more = names.len().saturating_sub(NAMES_LISTED);
    names.truncate(NAMES_LISTED);
    (names, more)
}

/// The executive summary's view of the selected events' partners.
/// `pillar_order` maps pillar ids to their position and name; `other` is
/// the `--compare` period's selected events.
pub fn summarise<'d>(
    lookup: &Lookup<'d>,
    selected: &[&'d Event],
    pillar_order: &BTreeMap<&str, (usize, &str)>,
    other: Option<&[&'d Event]>,
) -> Partners {
    let mut events: HashMap<&str, (usize, BTreeSet<usize>)> = HashMap::new();
    let mut by_region: BTreeMap<Region, (usize, BTreeSet<&str>)> = BTreeMap::new();
    let mut bilateral_events = 0;
    let mut scratch = Vec::new();
    for e in selected {
        let position = pillar_order.get(&*e.pillar).map_or(usize::MAX, |p| p.0);
        for name in &e.partners {
            let entry = events.entry(name.as_str()).or_default();
            entry.0 += 1;
            entry.1.insert(position);
        }
        lookup.counterparts(e, &mut scratch);
        if !scratch.is_empty() {
            bilateral_events += 1;
        }
        let mut last = None;
        for &(region, name) in &scratch {
            let slot = by_region.entry(region).or_default();
            if last != Some(region) {
                slot.0 += 1;
                last = Some(region);
            }
            slot.1.insert(name);
        }
    }
    let names_by_position: BTreeMap<usize, &str> = pillar_order.values().copied().collect();
    let mut ranked: Vec<(&str, usize)> = events.iter().map(|(name, (n, _))| (*name, *n)).collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top = ranked
        .iter()
        .take(TOP_PARTNERS)
        .map(|&(name, n)| PartnerRow {
            name: name.to_owned(),
            kind: lookup.partner(name).map(|p| singular(p.kind)),
            events: n,
            pillars: events[name].1.iter().filter_map(|i| names_by_position.get(i)).map(|s| s.to_string()).collect(),
        })
        .collect();
    let mut kinds: BTreeMap<PartnerKind, usize> = BTreeMap::new();
    for name in events.keys() {
        if let Some(p) = lookup.partner(name) {
            *kinds.entry(p.kind).or_default() += 1;
        }
    }
    let regions = Region::ALL
        .iter()
        .map(|&region| {
            let (count, names) = by_region.remove(&region).unwrap_or_default();
            let counterparts = names.len();
            let (names, more) = capped(names.into_iter().map(str::to_owned).collect());
            RegionRow { region: region.as_str(), name: region.display(), count, counterparts, names, more }
        })
        .collect::<Vec<_>>();
    // The lists are capped: the partners with most events come first, so
    // what is named is what matters.
    let compare = other.map(|other| {
        let mut before: HashMap<&str, usize> = HashMap::new();
        for e in other {
            for name in &e.partners {
                *before.entry(name.as_str()).or_default() += 1;
            }
        }
        let ordered = |mut list: Vec<(&str, usize)>| {
            list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            capped(list.into_iter().map(|(name, _)| name.to_owned()).collect())
        };
        let (new, new_more) =
            ordered(events.iter().filter(|(name, _)| !before.contains_key(*name)).map(|(name, (n, _))| (*name, *n)).collect());
        let (absent, absent_more) =
            ordered(before.iter().filter(|(name, _)| !events.contains_key(*name)).map(|(name, n)| (*name, *n)).collect());
        PartnerChange { new, new_more, absent, absent_more }
    });
    Partners {
        registry: lookup.registry,
        count: events.len(),
        by_kind: kinds.into_iter().map(|(k, count)| KindCount { kind: k.as_str(), name: counted(k, count), count }).collect(),
        top,
        regions_without: if lookup.registry { regions.iter().filter(|r| r.count == 0).map(|r| r.name).collect() } else { Vec::new() },
        regions: if lookup.registry { regions } else { Vec::new() },
        bilateral_events,
        compare,
    }
}

/// One pillar's partners: the most frequent, and events per region.
pub fn pillar(lookup: &Lookup<'_>, own: &[&Event]) -> PillarPartners {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut regions: BTreeMap<Region, usize> = BTreeMap::new();
    let mut scratch = Vec::new();
    for e in own {
        for name in &e.partners {
            *counts.entry(name.as_str()).or_default() += 1;
        }
        lookup.counterparts(e, &mut scratch);
        let mut last = None;
        for &(region, _) in &scratch {
            if last != Some(region) {
                *regions.entry(region).or_default() += 1;
                last = Some(region);
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let more = ranked.len().saturating_sub(PILLAR_PARTNERS);
    ranked.truncate(PILLAR_PARTNERS);
    PillarPartners {
        main: ranked.into_iter().map(|(name, count)| NameCount { name: name.to_owned(), count }).collect(),
        more,
        regions: regions.into_iter().map(|(r, count)| NameCount { name: r.display().to_owned(), count }).collect(),
    }
}

/// The index of partners: every partner of the selected events (in date
/// order already), by name, with its most significant events by date.
pub fn index(
    lookup: &Lookup<'_>,
    selected: &[&Event],
    anchors: &BTreeMap<&str, String>,
) -> Vec<IndexEntry> {
    let mut by_partner: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for &e in selected {
        for name in &e.partners {
            by_partner.entry(name.as_str()).or_default().push(e);
        }
    }
    // By name as people sort: "Serbia" before "SOCAR".
    let mut by_partner: Vec<(&str, Vec<&Event>)> = by_partner.into_iter().collect();
    by_partner.sort_by_cached_key(|(name, _)| (name.to_lowercase(), *name));
    let listed = index_events(by_partner.len());
    by_partner
        .into_iter()
        .map(|(name, events)| {
            let more = events.len().saturating_sub(listed);
            let chosen: Vec<&Event> = if more == 0 {
                events
            } else {
                let keep: BTreeSet<&str> = super::highlights(&events, listed).iter().map(|e| e.id.as_str()).collect();
                events.into_iter().filter(|e| keep.contains(e.id.as_str())).collect()
            };
            let partner = lookup.partner(name);
            IndexEntry {
                name: name.to_owned(),
                kind: partner.map(|p| singular(p.kind)),
                region: partner.and_then(|p| p.region).map(Region::display),
                events: chosen
                    .into_iter()
                    .map(|e| {
                        let anchor = anchors.get(&*e.pillar).cloned().unwrap_or_default();
                        IndexEvent {
                            title: e.title.clone(),
                            date: e.date.to_string(),
                            until: e.until.map(|u| u.to_string()),
                            undated: e.undated,
                            planned: e.status == Status::Planned,
                            anchor,
                        }
                    })
                    .collect(),
                more,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_lists_fewer_events_a_partner_as_partners_grow() {
        assert_eq!(index_events(28), INDEX_EVENTS);
        assert_eq!(index_events(400), 2);
        assert_eq!(index_events(5_000), 1);
        assert_eq!(index_events(0), INDEX_EVENTS);
    }

    #[test]
    fn anchors_follow_github() {
        assert_eq!(anchor("1. Multi-vector diplomacy"), "1-multi-vector-diplomacy");
        assert_eq!(anchor("2. Connectivity & transport"), "2-connectivity--transport");
        assert_eq!(anchor("3. Énergie"), "3-énergie");
    }
}
