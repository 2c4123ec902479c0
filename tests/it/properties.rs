//! Property tests: periods against a day-by-day oracle, highlights under
//! any order, Markdown escaping read back by a Markdown parser, the
//! typesetter on arbitrary text, and every fact the summary states against
//! a recount of random datasets (issue 25, item 6).

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use azint_report::dataset::{Event as DataEvent, Kind, Source};
use azint_report::date::PartialDate;
use azint_report::period::Period;
use azint_report::report::escape::markdown;
use azint_report::summary::highlights;

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (2019i32..2028, prop::option::of((1u32..=12, prop::option::of(1u32..=31)))).prop_filter_map("a real date", |(y, md)| match md {
        None => PartialDate::year(y).ok(),
        Some((m, None)) => PartialDate::month(y, m).ok(),
        Some((m, Some(d))) => PartialDate::day(y, m, d).ok(),
    })
}

/// Days a partial date may mean, found by scanning its year (not by the
/// code under test).
fn matching_days(p: &PartialDate) -> Vec<NaiveDate> {
    let text = p.to_string();
    let mut parts = text.split('-').map(|s| s.parse::<u32>().unwrap_or(0));
    let year = parts.next().unwrap_or(0) as i32;
    let (month, day) = (parts.next(), parts.next());
    let mut d = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    let mut out = Vec::new();
    while d.year() == year {
        if month.is_none_or(|m| d.month() == m) && day.is_none_or(|x| d.day() == x) {
            out.push(d);
        }
        d = d.succ_opt().unwrap();
    }
    out
}

/// A period of one of the accepted forms, as text.
fn period_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (2019i32..2028, 0i32..3).prop_map(|(a, n)| if n == 0 { a.to_string() } else { format!("{a}-{}", a + n) }),
        (2019i32..2028, 1u32..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (2019i32..2027, 1u32..=12, 0u32..14).prop_map(|(y, m, n)| {
            let end = (y * 12 + m as i32 - 1) + n as i32;
            format!("{y}-{m:02}..{}-{:02}", end / 12, end % 12 + 1)
        }),
        (partial_date(), 0u64..500).prop_filter_map("day precision", |(p, n)| {
            let start = p.first_day();
            let end = start.checked_add_days(chrono::Days::new(n))?;
            Some(format!("{start}..{end}"))
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn an_event_is_in_a_period_exactly_when_a_day_of_its_span_is(
        date in partial_date(),
        until in prop::option::of(partial_date()),
        text in period_text(),
    ) {
        let period = Period::parse(&text).unwrap();
        let until = until.filter(|u| u.last_day() >= date.first_day());
        let first = *matching_days(&date).first().unwrap();
        let last = *matching_days(&until.unwrap_or(date)).last().unwrap();
        let mut oracle = false;
        let mut d = first;
        while d <= last {
            if d >= period.start && d <= period.end {
                oracle = true;
                break;
            }
            d = d.succ_opt().unwrap();
        }
        let span_last = until.unwrap_or(date).last_day();
        prop_assert_eq!(period.overlaps(date.first_day(), span_last), oracle, "{} {:?} {}", date, until, text);
    }

    #[test]
    fn highlights_do_not_depend_on_order(
        events in prop::collection::vec((1u8..=5, partial_date()), 1..40),
        n in 0usize..8,
        seed in any::<u64>(),
    ) {
        let list: Vec<DataEvent> = events.iter().enumerate().map(|(i, (sig, date))| event(&format!("e{i:02}"), *date, *sig)).collect();
        let forward: Vec<&DataEvent> = list.iter().collect();
        // A deterministic shuffle from the seed.
        let mut shuffled = forward.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let ids = |v: Vec<&DataEvent>| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(highlights(&forward, n)), ids(highlights(&shuffled, n)));
    }

    #[test]
    fn any_text_comes_out_of_markdown_literally(text in "\\PC{0,40}|[ -~\\n\\t]{0,40}") {
        let expected = literal(&text);
        let escaped = markdown(&text);
        prop_assert_eq!(texts(&escaped, false), expected.clone(), "paragraph: {:?}", escaped);
        prop_assert_eq!(texts(&format!("# {escaped}"), false), expected.clone(), "heading: {:?}", escaped);
        let table = format!("| h |\n| --- |\n| {escaped} |\n");
        prop_assert_eq!(texts(&table, true), if expected.is_empty() { String::new() } else { expected }, "cell: {:?}", escaped);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_text_typesets_inside_the_text_area(title in "\\PC{1,60}", body in "\\PC{0,400}", cell in "\\PC{0,80}") {
        use azint_report::options::Paper;
        use azint_report::typeset::display::Item;
        use azint_report::typeset::fonts::Fonts;
        use azint_report::typeset::geom::Pt;
        use azint_report::typeset::{typeset, Metadata, Options};
        let md = format!("# {}\n\n{}\n\n| a | b |\n| --- | ---: |\n| {} | 1 |\n", markdown(&title), markdown(&body), markdown(&cell));
        let options = Options { page: Paper::A4.size(), language: "en".into(), header: ("T".into(), "P".into()), metadata: Metadata::default(), images: Default::default(), maps: Default::default(), words: azint_report::words::Catalogue::builtin(), links: Default::default(), names: Vec::new() };
        let out = typeset(&md, &options);
        let fonts = Fonts::get();
        for page in &out.document.pages {
            for (at, item) in &page.items {
                if let Item::Text(t) = item {
                    let f = fonts.face(t.face);
                    prop_assert!(page.area.contains(&t.bounds(*at, f.ascent, f.descent), Pt(0.6)), "{:?} at {:?}", t.text, at);
                }
            }
        }
    }
}

/// What the escaped text must read as: the escape's documented changes
/// (line breaks and tabs become one space, other controls go, the ends are
/// trimmed), nothing else.
fn literal(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        match c {
            '\r' | '\n' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// The text Markdown shows for `md`: inside the first paragraph, heading or
/// (with `cell`) table body cell.
fn texts(md: &str, cell: bool) -> String {
    let mut out = String::new();
    let mut inside = false;
    let mut in_head = false;
    for event in Parser::new_ext(md, MdOptions::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) if !cell => inside = true,
            Event::Start(Tag::TableCell) if cell && !in_head => inside = true,
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => inside = false,
            Event::Text(t) | Event::Code(t) if inside => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => out.push('\n'),
            Event::Html(t) | Event::InlineHtml(t) if inside => out.push_str(&t),
            _ => {}
        }
    }
    out
}

fn event(id: &str, date: PartialDate, significance: u8) -> DataEvent {
    DataEvent {
        id: id.to_owned(),
        title: id.to_owned(),
        attribution: None,
        date,
        until: None,
        undated: false,
        status: Default::default(),
        pillar: "p".into(),
        also: Vec::new(),
        kind: Kind::Other,
        significance,
        partners: Vec::new(),
        roles: Vec::new(),
        summary: String::new(),
        figures: Vec::new(),
        sources: vec![Source { name: "s".into(), url: None, published: None, note: None, ..Source::default() }],
        tags: Vec::new(),
        file: "f.toml".into(),
        place: Default::default(),
    }
}

// ---------------------------------------------------------------------
// Issue 25, item 6: every fact the summary states, recounted from the raw
// events by an oracle of this test's own (it calls no summary code).

mod facts {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;

    use azint_report::dataset::{Dataset, Event as DataEvent, Partner, PartnerKind, Pillar, Region, ReportMeta, Role, Status};
    use azint_report::date::PartialDate;
    use azint_report::period::Period;
    use azint_report::summary::{summarise, Fact, Selection};
    use azint_report::words::Catalogue;

    const PILLARS: [&str; 3] = ["alpha", "beta", "gamma"];
    const ROLES: [Role; 4] = [Role::Party, Role::Host, Role::Counterpart, Role::Mentioned];

    /// A registry of every kind: countries of two regions, an
    /// organisation, a group with members, one without, an own body.
    fn registry() -> Vec<Partner> {
        let p = |id: &str, kind: PartnerKind, region: Option<Region>, iso: Option<&str>, members: &[&str]| Partner {
            id: id.into(),
            name: id.to_uppercase(),
            aliases: Vec::new(),
            kind,
            region,
            iso: iso.map(str::to_owned),
            members: members.iter().map(|m| m.to_string()).collect(),
        };
        vec![
            p("ge", PartnerKind::Country, Some(Region::SouthCaucasus), Some("GE"), &[]),
            p("kz", PartnerKind::Country, Some(Region::CentralAsia), Some("KZ"), &[]),
            p("de", PartnerKind::Country, Some(Region::Europe), Some("DE"), &[]),
            p("un", PartnerKind::Organisation, None, None, &[]),
            p("ca", PartnerKind::Group, Some(Region::CentralAsia), None, &["kz"]),
            p("eu-states", PartnerKind::Group, Some(Region::Europe), None, &[]),
            p("socar", PartnerKind::Domestic, None, None, &[]),
            p("sefe", PartnerKind::Company, None, None, &[]),
        ]
    }

    /// One random event: its date (a day, month or year; a span; an undated
    /// range), status, pillar, related pillars, significance and partners
    /// with roles.
    /// An event as drawn: year, month, precision (year, month, day), years
    /// to `until`, undated, planned, pillar, related pillars, significance,
    /// partners (registry index, role index).
    type Spec = (i32, u32, u8, Option<i32>, bool, bool, usize, Vec<usize>, u8, Vec<(usize, usize)>);

    fn event() -> impl Strategy<Value = Spec> {
        (
            2022i32..2028,
            1u32..=12,
            0u8..3,
            prop::option::of(0i32..3),
            any::<bool>(),
            prop::bool::weighted(0.2),
            0usize..3,
            prop::collection::vec(0usize..3, 0..2),
            1u8..=5,
            prop::collection::vec((0usize..8, 0usize..4), 0..4),
        )
    }

    /// The dataset of `spec`; without a registry (`registered` false),
    /// partners are free text under the same names.
    fn build(spec: Vec<Spec>, registered: bool) -> Dataset {
        let registry = registry();
        let events = spec
            .into_iter()
            .enumerate()
            .map(|(i, (year, month, precision, until, undated, planned, pillar, also, significance, partners))| {
                let date = match precision {
                    0 => PartialDate::year(year),
                    1 => PartialDate::month(year, month),
                    _ => PartialDate::day(year, month, 1),
                }
                .unwrap();
                let until = until.map(|n| PartialDate::year(year + n).unwrap());
                let undated = undated && until.is_some() && precision == 0;
                let mut seen = BTreeSet::new();
                let partners: Vec<(usize, usize)> = partners.into_iter().filter(|(p, _)| seen.insert(*p)).collect();
                DataEvent {
                    id: format!("e{i:02}"),
                    title: format!("Event {i}"),
                    date,
                    until,
                    undated,
                    status: if planned { Status::Planned } else { Status::Happened },
                    pillar: PILLARS[pillar].into(),
                    also: also.into_iter().filter(|&a| a != pillar).map(|a| PILLARS[a].into()).collect::<BTreeSet<std::sync::Arc<str>>>().into_iter().collect(),
                    kind: azint_report::dataset::Kind::Other,
                    significance,
                    partners: partners.iter().map(|(p, _)| registry[*p].name.clone()).collect(),
                    roles: partners.iter().map(|(_, r)| ROLES[*r]).collect(),
                    summary: "S.".into(),
                    ..DataEvent::default()
                }
            })
            .collect();
        Dataset {
            report: ReportMeta::default(),
            pillars: PILLARS
                .iter()
                .map(|id| Pillar { id: (*id).into(), name: id.to_uppercase(), short: None, summary: None, order: None, file: "f".into() })
                .collect(),
            events,
            partners: if registered { registry } else { Vec::new() },
            judgements: Vec::new(),
            sources: Vec::new(),
            places: Vec::new(),
            routes: Vec::new(),
            fallbacks: Default::default(),
            files: Vec::new(),
            contents: Vec::new(),
            report_file: None,
        }
    }

    /// The oracle's own reading of the data.
    struct Oracle<'d> {
        dataset: &'d Dataset,
        period: Period,
        selected: Vec<&'d DataEvent>,
        /// Whether the run lists every event in a chronology.
        chronology: bool,
    }

    impl<'d> Oracle<'d> {
        fn new(dataset: &'d Dataset, period: Period, chronology: bool) -> Self {
            let last = |e: &DataEvent| e.until.unwrap_or(e.date).last_day();
            let selected = dataset.events.iter().filter(|e| e.date.first_day() <= period.end && last(e) >= period.start).collect();
            Oracle { dataset, period, selected, chronology }
        }

        /// The registry's entry; `None` without a registry.
        fn partner(&self, name: &str) -> Option<&'d Partner> {
            self.dataset.partners.iter().find(|p| p.name == name)
        }

        /// The names an event has as partners: dealing roles, no own body.
        fn partners_of(&self, e: &DataEvent) -> Vec<String> {
            e.partners
                .iter()
                .zip(&e.roles)
                .filter(|(name, role)| **role != Role::Mentioned && self.partner(name).is_none_or(|p| p.kind != PartnerKind::Domestic))
                .map(|(name, _)| name.clone())
                .collect()
        }

        /// Each registered partner taking part, in registry order: what
        /// the partner map shades, tabulates and says.
        fn partner_map(&self) -> Vec<(String, usize)> {
            let tally = self.tally(&self.selected);
            self.dataset.partners.iter().filter_map(|p| tally.get(&p.name).map(|n| (p.name.clone(), *n))).collect()
        }

        /// Events per partner over `events`.
        fn tally(&self, events: &[&DataEvent]) -> BTreeMap<String, usize> {
            let mut out = BTreeMap::new();
            for e in events {
                for name in self.partners_of(e) {
                    *out.entry(name).or_default() += 1;
                }
            }
            out
        }

        fn of_pillar(&self, pillar: &str) -> Vec<&'d DataEvent> {
            self.selected.iter().copied().filter(|e| *e.pillar == *pillar).collect()
        }

        fn began_before(&self, e: &DataEvent) -> bool {
            !e.undated && e.date.first_day() < self.period.start
        }

        /// The regions an event reaches through its partners: a country's,
        /// a group's member countries', a group without members its own.
        fn regions(&self, e: &DataEvent) -> BTreeSet<Region> {
            let mut out = BTreeSet::new();
            for name in self.partners_of(e) {
                let Some(p) = self.partner(&name) else { continue };
                out.extend(self.regions_of(p));
            }
            out
        }

        /// The key figure of every pillar's events: each pillar with
        /// events, most first, and only when no pillar leads alone on what
        /// happened.
        fn pillar_events(&self, pillars: &[(String, String, usize, usize)]) -> bool {
            let planned = |q: &str| self.of_pillar(q).iter().filter(|e| e.status == Status::Planned).count();
            let mut recount: Vec<(String, String, usize, usize)> =
                PILLARS.iter().map(|q| ((*q).to_owned(), q.to_uppercase(), self.of_pillar(q).len(), planned(q))).filter(|r| r.2 > 0).collect();
            recount.sort_by_key(|r| std::cmp::Reverse(r.2));
            pillars == recount && !self.one_pillar_leads()
        }

        /// The partners' kinds, and the names the events give that are
        /// not partners: own bodies, and the rest only mentioned.
        fn kinds_and_apart(&self, tally: &BTreeMap<String, usize>, kinds: &[(PartnerKind, usize)], own: usize, mentioned: usize) -> bool {
            let mut by_kind: BTreeMap<PartnerKind, usize> = BTreeMap::new();
            for name in tally.keys() {
                if let Some(p) = self.partner(name) {
                    *by_kind.entry(p.kind).or_default() += 1;
                }
            }
            let named: BTreeSet<&String> = self.selected.iter().flat_map(|e| e.partners.iter()).collect();
            let own_bodies = named.iter().filter(|n| self.partner(n).is_some_and(|p| p.kind == PartnerKind::Domestic)).count();
            *kinds == by_kind.into_iter().collect::<Vec<_>>() && own == own_bodies && mentioned == named.len() - own_bodies - tally.len()
        }

        /// The pillar with the most events, when one has more than any
        /// other.
        fn leader(&self) -> Option<&'static str> {
            let mut c: Vec<(usize, &str)> = PILLARS.iter().map(|q| (self.of_pillar(q).len(), *q)).collect();
            c.sort_by(|a, b| b.cmp(a));
            (c[0].0 > c[1].0).then_some(c[0].1)
        }

        /// Distinct groups, partners of the period, through which an
        /// event reaches a region.
        fn groups_reaching(&self) -> usize {
            let tally = self.tally(&self.selected);
            tally.keys().filter(|n| self.partner(n).is_some_and(|p| p.kind == PartnerKind::Group && !self.regions_of(p).is_empty())).count()
        }

        /// The regions one partner reaches.
        fn regions_of(&self, p: &Partner) -> BTreeSet<Region> {
            let mut out = BTreeSet::new();
            match p.kind {
                PartnerKind::Country => out.extend(p.region),
                PartnerKind::Group if p.members.is_empty() => out.extend(p.region),
                PartnerKind::Group => {
                    for q in self.dataset.partners.iter().filter(|q| p.members.contains(&q.id) && q.kind == PartnerKind::Country) {
                        out.extend(q.region);
                    }
                }
                _ => {}
            }
            out
        }

        /// Whether one pillar has more events than any other, counting
        /// plans and without them.
        fn one_pillar_leads(&self) -> bool {
            let planned = |q: &str| self.of_pillar(q).iter().filter(|e| e.status == Status::Planned).count();
            let alone = |count: &dyn Fn(&str) -> usize| {
                let mut c: Vec<(usize, &str)> = PILLARS.iter().map(|q| (count(q), *q)).collect();
                c.sort_by(|a, b| b.cmp(a));
                (c.len() < 2 || c[0].0 > c[1].0).then_some(c[0].1)
            };
            let all = alone(&|q| self.of_pillar(q).len());
            all.is_some() && all == alone(&|q| self.of_pillar(q).len() - planned(q))
        }

        fn bilateral(&self, e: &DataEvent) -> bool {
            !self.regions(e).is_empty()
        }

        /// A ranking of `tally` shown as `ranked` with `left_out` left out:
        /// every count right, nothing cut inside a tie, within `cap`.
        fn ranking(tally: &BTreeMap<String, usize>, ranked: &[(String, usize)], left_out: usize, least: usize, most: usize, cap: usize) -> Result<(), String> {
            for (name, n) in ranked {
                if tally.get(name) != Some(n) {
                    return Err(format!("{name}: {n} events, the data say {:?}", tally.get(name)));
                }
            }
            let shown: BTreeSet<&String> = ranked.iter().map(|r| &r.0).collect();
            let rest: Vec<usize> = tally.iter().filter(|(name, _)| !shown.contains(name)).map(|(_, n)| *n).collect();
            let check = ranked.len() <= cap
                && rest.len() == left_out
                && rest.iter().min().copied().unwrap_or(0) == least
                && rest.iter().max().copied().unwrap_or(0) == most
                && ranked.iter().all(|(_, n)| rest.iter().all(|r| r < n));
            if check { Ok(()) } else { Err(format!("ranked {ranked:?}, left out {rest:?} (said {left_out}, {least}..{most})")) }
        }

        /// The data note's numbers, recounted.
        fn data_note(&self, events: usize, in_period: usize, undated: usize, planned: usize, spans: &[(String, String, usize)]) -> bool {
            let selected = &self.selected;
            let mut by_span: BTreeMap<(String, String), usize> = BTreeMap::new();
            for e in selected.iter().filter(|e| e.undated) {
                *by_span.entry((e.date.to_string(), e.until.unwrap_or(e.date).to_string())).or_default() += 1;
            }
            let mut said: Vec<(String, String, usize)> = spans.to_vec();
            said.sort();
            let recount: Vec<(String, String, usize)> = by_span.into_iter().map(|((a, b), n)| (a, b, n)).collect();
            events == self.dataset.events.len()
                && in_period == selected.len()
                && undated == selected.iter().filter(|e| e.undated).count()
                && planned == selected.iter().filter(|e| e.status == Status::Planned).count()
                && said == recount
        }

        /// The fact, recounted: `Err` says what is wrong.
        /// The timeline's sentence: the events it shows (all, or the 40
        /// most significant) of the period's, its undated and planned;
        /// counted by month only when a chronology lists every event and
        /// the timeline cannot show them all.
        fn timeline(&self, (shown, total): (usize, usize), undated: usize, planned: usize, by_month: bool) -> bool {
            let selected = &self.selected;
            total == selected.len()
                && shown == selected.len().min(40)
                && undated == selected.iter().filter(|e| e.undated).count()
                && planned == selected.iter().filter(|e| e.status == Status::Planned).count()
                && by_month == (self.chronology && selected.len() > 40)
        }

        /// The timeline chart's description: drawn, the events it shows;
        /// counted by month, the dated events and the pillars they fall
        /// in.
        fn timeline_chart(&self, period: &Period, events: usize, lanes: Option<usize>) -> bool {
            let dated: Vec<&&DataEvent> = self.selected.iter().filter(|e| !e.undated).collect();
            let by_month = self.chronology && self.selected.len() > 40;
            *period == self.period
                && match lanes {
                    Some(lanes) => {
                        let pillars: std::collections::BTreeSet<&str> = dated.iter().map(|e| &*e.pillar).collect();
                        by_month && events == dated.len() && lanes == pillars.len()
                    }
                    None => !by_month && events == self.selected.len().min(40),
                }
        }

        fn check(&self, fact: &Fact) -> Result<(), String> {
            let selected = &self.selected;
            let planned = |events: &[&DataEvent]| events.iter().filter(|e| e.status == Status::Planned).count();
            let landmarks = |events: &[&DataEvent]| events.iter().filter(|e| e.significance == 5).count();
            let ok = |cond: bool, what: &str| if cond { Ok(()) } else { Err(format!("{what}: {fact:?}")) };
            match fact {
                Fact::Totals { period, events, pillars, partners, landmarks: l, begun_before } => ok(
                    *period == self.period
                        && *events == selected.len()
                        && *pillars == PILLARS.len()
                        && (*partners, *l) == (self.tally(selected).len(), landmarks(selected))
                        && *begun_before == selected.iter().filter(|e| self.began_before(e)).count(),
                    "totals",
                ),
                Fact::Undated { count } => ok(*count > 0 && *count == selected.iter().filter(|e| e.undated).count(), "undated"),
                Fact::Planned { count } => ok(*count > 0 && *count == planned(selected), "planned"),
                Fact::LeadingPillar { pillar, name, count, total, planned: p } => {
                    let own = self.of_pillar(pillar);
                    let said = *name == pillar.to_uppercase() && own.len() == *count && *total == selected.len() && *p == planned(&own);
                    // The lead holds on what happened too: no plan makes it.
                    ok(said && self.one_pillar_leads() && self.leader() == Some(pillar.as_str()), "leading pillar")
                }
                Fact::PillarEvents { pillars } => ok(self.pillar_events(pillars), "events per pillar"),
                Fact::LeadingLandmarks { pillar, name, count, all } => {
                    let own = landmarks(&self.of_pillar(pillar));
                    let others = PILLARS.iter().filter(|q| **q != pillar.as_str()).all(|q| landmarks(&self.of_pillar(q)) < *count);
                    ok(*name == pillar.to_uppercase() && own == *count && *all == landmarks(selected) && *all > 1 && others, "leading landmarks")
                }
                Fact::LeadingYear { year, count, dated } => {
                    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
                    for e in selected.iter().filter(|e| !e.undated && e.status != Status::Planned && e.date.first_day() >= self.period.start) {
                        *years.entry(e.date.first_day().year()).or_default() += 1;
                    }
                    let alone = years.iter().all(|(y, n)| y == year || n < count);
                    ok(years.get(year) == Some(count) && *dated == years.values().sum::<usize>() && years.len() > 1 && alone, "leading year")
                }
                Fact::PillarOverview { pillar, count, total, related } => {
                    let related_events = selected.iter().filter(|e| e.also.iter().any(|a| **a == **pillar)).count();
                    ok(*count == self.of_pillar(pillar).len() && *count > 0 && *total == selected.len() && *related == related_events, "pillar overview")
                }
                Fact::PillarYears { pillar, begun_before, years, undated, planned: p } => {
                    let own = self.of_pillar(pillar);
                    let began = |y: i32| own.iter().filter(|e| !e.undated && !self.began_before(e) && e.date.first_day().year() == y).count();
                    let first = self.period.start.year();
                    let all_years: Vec<(i32, usize)> = (first..=self.period.end.year()).map(|y| (y, began(y))).collect();
                    ok(
                        *begun_before == own.iter().filter(|e| self.began_before(e)).count()
                            && *years == all_years
                            && *undated == own.iter().filter(|e| e.undated).count()
                            && *p == planned(&own),
                        "pillar years",
                    )
                }
                Fact::Partners { registry, count, kinds, ranked, left_out, least, most, own, mentioned } => {
                    let tally = self.tally(selected);
                    let counts = *registry != self.dataset.partners.is_empty() && *count == tally.len();
                    ok(counts && self.kinds_and_apart(&tally, kinds, *own, *mentioned), "partners")?;
                    Self::ranking(&tally, ranked, *left_out, *least, *most, 10)
                }
                Fact::Bilateral { events, groups } => {
                    let bilateral = selected.iter().filter(|e| self.bilateral(e)).count();
                    ok(*events == bilateral && *groups == self.groups_reaching(), "bilateral events")
                }
                Fact::Pie { slices } => {
                    let recount: Vec<(String, usize, usize)> =
                        PILLARS.iter().map(|p| ((*p).to_owned(), self.of_pillar(p).len(), planned(&self.of_pillar(p)))).collect();
                    ok(*slices == recount, "pie")
                }
                Fact::Regions { counts } => {
                    let recount: Vec<(Region, usize)> =
                        Region::ALL.iter().map(|r| (*r, selected.iter().filter(|e| self.regions(e).contains(r)).count())).collect();
                    ok(*counts == recount, "regions")
                }
                Fact::PartnerMap { counts } => ok(*counts == self.partner_map(), "partner map"),
                Fact::Timeline { shown, total, undated, planned, by_month } => {
                    ok(self.timeline((*shown, *total), *undated, *planned, *by_month), "timeline")
                }
                Fact::TimelineChart { period, events, lanes } => ok(self.timeline_chart(period, *events, *lanes), "timeline chart"),
                Fact::DataNote { events, in_period, undated, planned: p, spans } => {
                    ok(self.data_note(*events, *in_period, *undated, *p, spans), "data note")
                }
                Fact::PillarPartners { pillar, main, left_out, least, most, regions } => {
                    let own = self.of_pillar(pillar);
                    let reached: Vec<(Region, usize)> = Region::ALL
                        .iter()
                        .map(|r| (*r, own.iter().filter(|e| self.regions(e).contains(r)).count()))
                        .filter(|(_, n)| *n > 0)
                        .collect();
                    ok(*regions == reached, "pillar regions")?;
                    let tally = self.tally(&own);
                    // Main: every partner with more than one event, none
                    // with one.
                    let main_ok = main.iter().all(|m| m.1 > 1) && main.len() == tally.values().filter(|n| **n > 1).count();
                    ok(main_ok, "main partners")?;
                    Self::ranking(&tally, main, *left_out, *least, *most, usize::MAX)
                }
            }
        }
    }

    /// Whether a year's figure is due: one year alone ahead, counting
    /// dated events that happened and began inside the period.
    fn year_leader(oracle: &Oracle<'_>) -> bool {
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        for e in oracle.selected.iter().filter(|e| !e.undated && e.status != Status::Planned && e.date.first_day() >= oracle.period.start) {
            *years.entry(e.date.first_day().year()).or_default() += 1;
        }
        let mut counts: Vec<usize> = years.values().copied().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        years.len() > 1 && counts[0] > counts[1]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn every_fact_the_summary_states_is_true(
            spec in prop::collection::vec(event(), 0..50),
            period in prop::sample::select(vec!["2024-2026", "2025", "2024-07..2025-06", "2023-2027"]),
            registered in prop::bool::weighted(0.8),
            chronology in prop::bool::ANY,
        ) {
            let dataset = build(spec, registered);
            let period = Period::parse(period).unwrap();
            let words = Catalogue::builtin();
            let selection = Selection {
                period: &period,
                highlights: 3,
                pillars: &[],
                as_of: NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
                chronology,
                compare: None,
                data_source: "test".into(),
                words: &words,
            };
            let summary = summarise(&dataset, &selection);
            let oracle = Oracle::new(&dataset, period.clone(), chronology);
            for fact in &summary.facts {
                if let Err(problem) = oracle.check(fact) {
                    prop_assert!(false, "{}", problem);
                }
            }
            // And what is due is stated: the totals once, the year's
            // figure when one year leads alone.
            prop_assert_eq!(summary.facts.iter().filter(|f| matches!(f, Fact::Totals { .. })).count(), 1);
            let year = summary.facts.iter().any(|f| matches!(f, Fact::LeadingYear { .. }));
            prop_assert_eq!(year, year_leader(&oracle) && PILLARS.len() > 1 && !oracle.selected.is_empty());
            let pillars = summary.facts.iter().filter(|f| matches!(f, Fact::PillarOverview { .. })).count();
            prop_assert_eq!(pillars, PILLARS.iter().filter(|p| !oracle.of_pillar(p).is_empty()).count());
        }
    }
}
