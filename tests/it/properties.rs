//! Property tests: periods against a day-by-day oracle, highlights under
//! any order, Markdown escaping read back by a Markdown parser, and the
//! typesetter on arbitrary text.

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
        let options = Options { page: Paper::A4.size(), language: "en".into(), header: ("T".into(), "P".into()), metadata: Metadata::default(), images: Default::default(), words: azint_report::words::Catalogue::builtin(), links: Default::default(), names: Vec::new() };
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
        summary: String::new(),
        figures: Vec::new(),
        sources: vec![Source { name: "s".into(), url: None, published: None, note: None, ..Source::default() }],
        tags: Vec::new(),
        file: "f.toml".into(),
        place: Default::default(),
    }
}
