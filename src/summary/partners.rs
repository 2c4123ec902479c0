//! Who Azerbaijan works with (issue 13): the period's partners by kind,
//! the most frequent ones, bilateral counterparts by region, what changed
//! against the `--compare` period, and the index of partners.
//!
//! Kinds and regions come from the `[[partner]]` registry; without one,
//! partners are free text and only names and counts are known.
//!
//! A partner counts on an event only where it deals with Azerbaijan there
//! ([`Role::deals`]: `party`, `host`, `counterpart`, never `mentioned`),
//! and Azerbaijan's own bodies (`kind = "domestic"`) never count (issue 25,
//! item 6): both are still listed with their events in the index.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::wording::Wording;
use crate::dataset::{Dataset, Event, Partner, PartnerKind, Region, Role, Status};

/// How many partners the executive summary ranks.
pub const TOP_PARTNERS: usize = 10;
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
    /// The [`TOP_PARTNERS`] most frequent, by events, then name, cut
    /// before a tie rather than inside it ([`cut`]).
    pub top: Vec<PartnerRow>,
    /// The partners left out of `top`.
    pub rest: Rest,
    /// Regions of bilateral counterparts, in the fixed order, each region
    /// once (zero where none): countries, and groups through their members.
    pub regions: Vec<RegionRow>,
    /// Display names of the regions without any counterpart.
    pub regions_without: Vec<String>,
    /// Events with at least one bilateral counterpart.
    pub bilateral_events: usize,
    /// Distinct groups through which an event reaches a region (0 when
    /// only countries do).
    pub groups: usize,
    /// Names the events give that are Azerbaijan's own bodies: never
    /// partners.
    pub own: usize,
    /// Other names no event of the period has as a partner: only
    /// mentioned.
    pub mentioned: usize,
    /// The opening sentence, from its [`super::Fact::Partners`]: Markdown
    /// made of the catalogue's words and numbers only (no data), printed as
    /// it is (the catalogue's sentence without a registry quotes
    /// `[[partner]]` as code).
    pub opening: String,
    /// After the table, the partners left out of it; empty when none are.
    pub rest_sentence: String,
    /// Over the table of regions, from its [`super::Fact::Bilateral`].
    pub bilateral_sentence: String,
    /// `--compare`: partners new in this period and absent from it.
    pub compare: Option<PartnerChange>,
    /// Every partner with its events, by name (for the JSON summary).
    #[serde(skip)]
    pub all: Vec<NameCount>,
}

/// Partners of one kind.
#[derive(Clone, Debug, Serialize)]
pub struct KindCount {
    pub kind: &'static str,
    /// Singular or plural as the count asks: "1 company", "3 countries".
    pub name: String,
    pub count: usize,
}

/// One partner ranked by events.
#[derive(Clone, Debug, Serialize)]
pub struct PartnerRow {
    pub name: String,
    /// "country", "international organisation"…; none without a registry.
    pub kind: Option<String>,
    pub events: usize,
    /// Short names of the pillars of its events, in report order.
    pub pillars: Vec<String>,
}

/// Bilateral counterparts of one region.
#[derive(Clone, Debug, Serialize)]
pub struct RegionRow {
    pub region: &'static str,
    /// The region's name in the run's catalogue.
    pub name: String,
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

/// The partners a ranking leaves out, said by their numbers: how many,
/// and the fewest and most events one of them has.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rest {
    pub count: usize,
    pub least: usize,
    pub most: usize,
    /// Whether `least` and `most` differ.
    pub range: bool,
}

/// Keeps the first `n` of `ranked` (most events first), never cutting
/// inside a tie (issue 25, item 6: no ranking from a tie): when the first
/// one left out has as many events as the last one kept, every one with
/// that many is left out too. What is left out is returned as numbers.
pub fn cut<T>(ranked: &mut Vec<T>, n: usize, events: impl Fn(&T) -> usize) -> Rest {
    if ranked.len() <= n {
        return Rest::default();
    }
    let boundary = events(&ranked[n]);
    let kept = ranked.iter().take_while(|r| events(r) > boundary).count();
    let left: Vec<usize> = ranked.drain(kept..).map(|r| events(&r)).collect();
    let (least, most) = (left.iter().copied().min().unwrap_or(0), left.iter().copied().max().unwrap_or(0));
    Rest { count: left.len(), least, most, range: least != most }
}

/// A pillar's partners in one line.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PillarPartners {
    /// Those with more than one event of the pillar, most first, ties in
    /// full, with their events.
    pub main: Vec<NameCount>,
    /// Further partners not named.
    pub rest: Rest,
    /// Events per region of bilateral counterparts, regions with events only.
    pub regions: Vec<NameCount>,
    /// The same by region, for its fact.
    #[serde(skip)]
    pub by_region: Vec<(Region, usize)>,
    /// The line, from its [`super::Fact::PillarPartners`]; empty without
    /// partners.
    pub line: String,
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
    /// The partner kind's name in the run's catalogue, as in [`PartnerRow`].
    pub kind: Option<String>,
    /// The region's name in the run's catalogue.
    pub region: Option<String>,
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
    /// Where the link to the pillar's section points (the pillar's
    /// `anchor`, resolved by the report).
    pub anchor: String,
    /// The pillar's short name, as the chronology's rows give it: with
    /// the date, where the reader finds the event there.
    pub pillar: String,
    /// The event before it in the entry is of the same pillar: the
    /// pillar is named once for its events (issue 27, item 2).
    pub same_pillar: bool,
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

    /// Whether `name` on an event in `role` is one of Azerbaijan's partners
    /// there: it deals with Azerbaijan, and it is not one of Azerbaijan's
    /// own bodies.
    /// Whether the registry marks `name` as one of Azerbaijan's own bodies.
    pub(super) fn own(&self, name: &str) -> bool {
        self.partner(name).is_some_and(|p| p.kind == PartnerKind::Domestic)
    }

    pub(super) fn counts(&self, name: &str, role: Role) -> bool {
        role.deals() && self.partner(name).is_none_or(|p| p.kind != PartnerKind::Domestic)
    }

    /// A partner's bilateral counterparts with their regions, sorted: a
    /// country itself, a group's member countries (a group without members
    /// stands for itself in its own region); none for other kinds.
    fn counterparts(&self, partner: Option<&'d Partner>) -> Vec<(Region, &'d str)> {
        let mut out = Vec::new();
        let Some(partner) = partner else { return out };
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
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn capped(mut names: Vec<String>) -> (Vec<String>, usize) {
    let more = names.len().saturating_sub(NAMES_LISTED);
    names.truncate(NAMES_LISTED);
    (names, more)
}

/// The period's partners, tallied in one pass over the selected events
/// and shared by every view of them (the executive summary, each pillar's
/// line, the index, the JSON summary): each distinct partner once, with
/// its registry entry, the positions of its events and the regions of its
/// bilateral counterparts; each event with the regions it reaches. Names
/// are looked up once per mention, counterparts once per partner
/// (benches/partners.sh: 100,000 events naming 5,000 partners).
pub struct Tally<'d> {
    /// Distinct names, in order of first mention, partners or not.
    names: Vec<&'d str>,
    partners: Vec<Option<&'d Partner>>,
    /// Per name: positions in `selected` (date order) of the events on
    /// which it is a partner ([`Lookup::counts`]); empty for a name that
    /// never is (an own body, a state only mentioned).
    events: Vec<Vec<u32>>,
    /// Per name: positions of every event naming it, for the index.
    named: Vec<Vec<u32>>,
    /// Per partner: its bilateral counterparts, `(region, name)`, sorted.
    counterparts: Vec<Vec<(Region, &'d str)>>,
    /// Per selected event: the regions of its counterparts, one bit each
    /// (bit `i` is `Region::ALL[i]`).
    regions: Vec<u16>,
    registry: bool,
}

fn bit(region: Region) -> u16 {
    1 << Region::ALL.iter().position(|&r| r == region).unwrap_or(0)
}

impl<'d> Tally<'d> {
    pub fn new(lookup: &Lookup<'d>, selected: &[&'d Event]) -> Self {
        let mut index: HashMap<&'d str, u32> = HashMap::new();
        let mut tally = Tally {
            names: Vec::new(),
            partners: Vec::new(),
            events: Vec::new(),
            named: Vec::new(),
            counterparts: Vec::new(),
            regions: Vec::with_capacity(selected.len()),
            registry: lookup.registry,
        };
        let mut masks: Vec<u16> = Vec::new();
        for (position, e) in selected.iter().enumerate() {
            let mut mask = 0;
            for (name, role) in e.partner_roles() {
                let p = *index.entry(name).or_insert_with(|| {
                    let partner = lookup.partner(name);
                    let counterparts = lookup.counterparts(partner);
                    masks.push(counterparts.iter().fold(0, |m, &(r, _)| m | bit(r)));
                    tally.names.push(name);
                    tally.partners.push(partner);
                    tally.events.push(Vec::new());
                    tally.named.push(Vec::new());
                    tally.counterparts.push(counterparts);
                    (tally.names.len() - 1) as u32
                }) as usize;
                tally.named[p].push(position as u32);
                if lookup.counts(name, role) {
                    tally.events[p].push(position as u32);
                    mask |= masks[p];
                }
            }
            tally.regions.push(mask);
        }
        tally
    }

    /// Distinct partners: names that are a partner on at least one event.
    pub fn len(&self) -> usize {
        self.events.iter().filter(|e| !e.is_empty()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Distinct names that are Azerbaijan's own bodies.
    pub fn own(&self) -> usize {
        self.partners.iter().filter(|p| p.is_some_and(|p| p.kind == PartnerKind::Domestic)).count()
    }

    /// The positions of the names that are partners, in order of first
    /// mention.
    fn counted(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.names.len()).filter(|&p| !self.events[p].is_empty())
    }

    /// Each partner's name and number of events, by name.
    pub fn counts(&self) -> Vec<NameCount> {
        let mut all: Vec<NameCount> =
            self.counted().map(|p| NameCount { name: self.names[p].to_owned(), count: self.events[p].len() }).collect();
        all.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        all
    }
}

/// Events per region, from events' region masks: each event once in each
/// region it reaches.
fn region_counts(masks: impl Iterator<Item = u16>) -> [usize; 16] {
    let mut counts = [0; 16];
    for mut mask in masks {
        while mask != 0 {
            counts[mask.trailing_zeros() as usize] += 1;
            mask &= mask - 1;
        }
    }
    counts
}

/// The executive summary's view of the selected events' partners.
/// `pillar_order` maps pillar ids to their position and short name; `other` is
/// the `--compare` period's selected events.
pub(super) fn summarise<'d>(
    lookup: &Lookup<'d>,
    tally: &Tally<'d>,
    selected: &[&'d Event],
    pillar_order: &BTreeMap<&str, (usize, &str)>,
    other: Option<&[&'d Event]>,
    wording: &Wording<'_>,
) -> Partners {
    let per_region = region_counts(tally.regions.iter().copied());
    let bilateral_events = tally.regions.iter().filter(|&&m| m != 0).count();
    // Distinct counterparts per region: from the partners, once each.
    let mut by_region: BTreeMap<Region, BTreeSet<&str>> = BTreeMap::new();
    for list in tally.counted().map(|p| &tally.counterparts[p]) {
        for &(region, name) in list {
            by_region.entry(region).or_default().insert(name);
        }
    }
    let names_by_position: BTreeMap<usize, &str> = pillar_order.values().copied().collect();
    let mut ranked: Vec<(&str, usize, usize)> = tally.counted().map(|p| (tally.names[p], tally.events[p].len(), p)).collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| wording.words().compare(a.0, b.0)));
    let rest = cut(&mut ranked, TOP_PARTNERS, |r| r.1);
    let top = ranked
        .iter()
        .map(|&(name, n, p)| {
            let positions: BTreeSet<usize> = tally.events[p]
                .iter()
                .map(|&i| pillar_order.get(&*selected[i as usize].pillar).map_or(usize::MAX, |o| o.0))
                .collect();
            PartnerRow {
                name: name.to_owned(),
                kind: tally.partners[p].map(|p| wording.partner_kind(p.kind).to_owned()),
                events: n,
                pillars: positions.iter().filter_map(|i| names_by_position.get(i)).map(|s| s.to_string()).collect(),
            }
        })
        .collect();
    let mut kinds: BTreeMap<PartnerKind, usize> = BTreeMap::new();
    for p in tally.counted().filter_map(|p| tally.partners[p]) {
        *kinds.entry(p.kind).or_default() += 1;
    }
    let regions = Region::ALL
        .iter()
        .enumerate()
        .map(|(i, &region)| {
            let names = by_region.remove(&region).unwrap_or_default();
            let counterparts = names.len();
            // In the briefing's alphabet ("Çin" before "Tailand" in az),
            // not in the bytes' order the set keeps.
            let mut names: Vec<&str> = names.into_iter().collect();
            names.sort_by(|a, b| wording.words().compare(a, b));
            let (names, more) = capped(names.into_iter().map(str::to_owned).collect());
            RegionRow { region: region.as_str(), name: wording.region(region).to_owned(), count: per_region[i], counterparts, names, more }
        })
        .collect::<Vec<_>>();
    // The lists are capped: the partners with most events come first, so
    // what is named is what matters.
    let compare = other.map(|other| {
        let mut before: HashMap<&str, usize> = HashMap::new();
        for e in other {
            for (name, _) in e.partner_roles().filter(|&(name, role)| lookup.counts(name, role)) {
                *before.entry(name).or_default() += 1;
            }
        }
        let now: HashMap<&str, usize> = tally.counted().map(|p| (tally.names[p], tally.events[p].len())).collect();
        let ordered = |mut list: Vec<(&str, usize)>| {
            list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| wording.words().compare(a.0, b.0)));
            capped(list.into_iter().map(|(name, _)| name.to_owned()).collect())
        };
        let (new, new_more) = ordered(now.iter().filter(|(name, _)| !before.contains_key(*name)).map(|(n, c)| (*n, *c)).collect());
        let (absent, absent_more) =
            ordered(before.iter().filter(|(name, _)| !now.contains_key(*name)).map(|(name, n)| (*name, *n)).collect());
        PartnerChange { new, new_more, absent, absent_more }
    });
    Partners {
        registry: tally.registry,
        count: tally.len(),
        by_kind: kinds.into_iter().map(|(k, count)| KindCount { kind: k.as_str(), name: wording.partner_kind_counted(k, count), count }).collect(),
        top,
        rest,
        regions_without: if tally.registry { regions.iter().filter(|r| r.count == 0).map(|r| r.name.clone()).collect() } else { Vec::new() },
        regions: if tally.registry { regions } else { Vec::new() },
        bilateral_events,
        groups: tally
            .counted()
            .filter(|&p| tally.partners[p].is_some_and(|q| q.kind == PartnerKind::Group) && !tally.counterparts[p].is_empty())
            .count(),
        own: tally.own(),
        mentioned: tally.names.len() - tally.len() - tally.own(),
        opening: String::new(),
        rest_sentence: String::new(),
        bilateral_sentence: String::new(),
        compare,
        all: tally.counts(),
    }
}

/// Each pillar's partners (`pillars` in report order): the most frequent,
/// and events per region.
pub(super) fn pillars(tally: &Tally<'_>, selected: &[&Event], pillars: &[&str], wording: &Wording<'_>) -> Vec<PillarPartners> {
    let slot: HashMap<&str, usize> = pillars.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let of = |position: u32| slot.get(&*selected[position as usize].pillar).copied();
    let mut counts: Vec<HashMap<u32, usize>> = vec![HashMap::new(); pillars.len()];
    for (p, events) in tally.events.iter().enumerate() {
        for &position in events {
            if let Some(i) = of(position) {
                *counts[i].entry(p as u32).or_default() += 1;
            }
        }
    }
    let mut masks: Vec<Vec<u16>> = vec![Vec::new(); pillars.len()];
    for (position, &mask) in tally.regions.iter().enumerate() {
        if let Some(i) = of(position as u32) {
            masks[i].push(mask);
        }
    }
    counts
        .into_iter()
        .zip(masks)
        .map(|(counts, masks)| {
            let mut ranked: Vec<(&str, usize)> = counts.into_iter().map(|(p, n)| (tally.names[p as usize], n)).collect();
            ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| wording.words().compare(a.0, b.0)));
            // Main partners are all those with more than one event of the
            // pillar, ties in full (issue 25): a partner at one event is no
            // main one, and the rest are said by their numbers.
            let more_than_one = ranked.iter().filter(|r| r.1 > 1).count();
            let rest = cut(&mut ranked, more_than_one, |r| r.1);
            let per_region = region_counts(masks.into_iter());
            PillarPartners {
                main: ranked.into_iter().map(|(name, count)| NameCount { name: name.to_owned(), count }).collect(),
                rest,
                regions: Region::ALL
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| per_region[i] > 0)
                    .map(|(i, r)| NameCount { name: wording.region(*r).to_owned(), count: per_region[i] })
                    .collect(),
                by_region: Region::ALL.iter().enumerate().filter(|&(i, _)| per_region[i] > 0).map(|(i, r)| (*r, per_region[i])).collect(),
                line: String::new(),
            }
        })
        .collect()
}

/// The index of partners: every partner of the selected events (in date
/// order already), by name, with its most significant events by date.
pub(super) fn index(
    tally: &Tally<'_>,
    selected: &[&Event],
    (anchors, shorts): (&BTreeMap<&str, String>, &BTreeMap<&str, &str>),
    wording: &Wording<'_>,
) -> Vec<IndexEntry> {
    // By name as people sort, in the briefing's alphabet: "Serbia" before
    // "SOCAR"; Azerbaijani "Cənub" before "Çin", Russian Cyrillic first.
    let mut order: Vec<(&str, usize)> = tally.names.iter().enumerate().map(|(p, name)| (*name, p)).collect();
    // Every name events give, partners or not: the index is where a reader
    // finds what named it.
    order.sort_unstable_by(|a, b| wording.words().compare(a.0, b.0).then(a.1.cmp(&b.1)));
    let listed = index_events(order.len());
    order
        .into_iter()
        .map(|(name, p)| {
            let events: Vec<&Event> = tally.named[p].iter().map(|&i| selected[i as usize]).collect();
            let more = events.len().saturating_sub(listed);
            let chosen: Vec<&Event> = if more == 0 {
                events
            } else {
                let keep: BTreeSet<&str> = super::highlights(&events, listed).iter().map(|e| e.id.as_str()).collect();
                events.into_iter().filter(|e| keep.contains(e.id.as_str())).collect()
            };
            let partner = tally.partners[p];
            // A name no event of the period has as a partner, and no own
            // body (its kind says so): only mentioned.
            let mentioned = tally.events[p].is_empty() && partner.is_none_or(|q| q.kind != PartnerKind::Domestic);
            IndexEntry {
                name: if mentioned { wording.words().text("partner-mentioned", &[("name", name.into())]) } else { name.to_owned() },
                kind: partner.map(|p| wording.partner_kind(p.kind).to_owned()),
                region: partner.and_then(|p| p.region).map(|r| wording.region(r).to_owned()),
                events: by_pillar(chosen)
                    .into_iter()
                    .map(|(e, same_pillar)| {
                        let anchor = anchors.get(&*e.pillar).cloned().unwrap_or_default();
                        IndexEvent {
                            title: super::views::shown_title(wording.words(), e),
                            date: e.date.to_string(),
                            until: e.until.map(|u| u.to_string()),
                            undated: e.undated,
                            planned: e.status == Status::Planned,
                            anchor,
                            pillar: shorts.get(&*e.pillar).map_or(&*e.pillar, |s| *s).to_owned(),
                            same_pillar,
                        }
                    })
                    .collect(),
                more,
            }
        })
        .collect()
}

/// A partner's events (by date) grouped by pillar, the pillars in the
/// order their first event comes, each event by date within its pillar;
/// with each, whether the one before it is of the same pillar.
fn by_pillar(events: Vec<&Event>) -> Vec<(&Event, bool)> {
    let mut pillars: Vec<&str> = Vec::new();
    for e in &events {
        if !pillars.contains(&&*e.pillar) {
            pillars.push(&e.pillar);
        }
    }
    let mut out: Vec<(&Event, bool)> = Vec::with_capacity(events.len());
    for pillar in pillars {
        for (i, e) in events.iter().filter(|e| *e.pillar == *pillar).enumerate() {
            out.push((e, i > 0));
        }
    }
    out
}

/// Events per partner country, for the partner map (issue 26): each
/// registered country an event names in a role that deals with Azerbaijan
/// ([`Role::deals`]; a country only `mentioned` is not a partner there),
/// each event once, as `(iso, name, events)` by ISO code. Countries reached
/// only through a group are not counted: the map shows who the events
/// name. Without a registry there are no countries.
pub fn by_country(dataset: &Dataset, events: &[&Event]) -> Vec<(String, String, usize)> {
    let lookup = Lookup::new(dataset);
    let mut counts: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for e in events {
        for (name, role) in e.partner_roles() {
            let Some(partner) = lookup.partner(name).filter(|p| p.kind == PartnerKind::Country) else { continue };
            if let (Some(iso), true) = (partner.iso.as_deref(), lookup.counts(name, role)) {
                counts.entry(iso).or_insert((partner.name.as_str(), 0)).1 += 1;
            }
        }
    }
    counts.into_iter().map(|(iso, (name, n))| (iso.to_owned(), name.to_owned(), n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ranking_is_never_cut_inside_a_tie() {
        let ranked = |counts: &[usize]| -> Vec<usize> { counts.to_vec() };
        let mut all = ranked(&[5, 3, 2, 2, 1, 1, 1]);
        assert_eq!(cut(&mut all, 3, |&n| n), Rest { count: 5, least: 1, most: 2, range: true });
        assert_eq!(all, [5, 3]);
        let mut all = ranked(&[5, 3, 2, 1, 1]);
        assert_eq!(cut(&mut all, 3, |&n| n), Rest { count: 2, least: 1, most: 1, range: false });
        assert_eq!(all, [5, 3, 2]);
        let mut all = ranked(&[1, 1, 1]);
        assert_eq!(cut(&mut all, 2, |&n| n), Rest { count: 3, least: 1, most: 1, range: false });
        assert!(all.is_empty());
        let mut all = ranked(&[1, 1]);
        assert_eq!(cut(&mut all, 2, |&n| n), Rest::default());
        assert_eq!(all, [1, 1]);
    }

    #[test]
    fn the_index_lists_fewer_events_a_partner_as_partners_grow() {
        assert_eq!(index_events(28), INDEX_EVENTS);
        assert_eq!(index_events(400), 2);
        assert_eq!(index_events(5_000), 1);
        assert_eq!(index_events(0), INDEX_EVENTS);
    }
}
