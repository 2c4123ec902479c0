use proptest::prelude::*;

use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn labels_cannot_break_out_of_their_string() {
    assert_eq!(label("Say \"hi\": <b>#1</b>"), "Say #quot;hi#quot;: #lt;b#gt;#35;1#lt;/b#gt;");
    assert_eq!(gantt_label("Phase: one; #2"), "Phase#58; one#59; #35;2");
    assert_eq!(gantt_label("%%{init: {}}%% x"), "#37;#37;{init#58; {}}#37;#37; x");
    assert_eq!(gantt_label("Section 907 talks"), "#83;ection 907 talks");
    assert_eq!(gantt_label("click here"), "#99;lick here");
    assert_eq!(gantt_label("call of Baku"), "#99;all of Baku");
    assert_eq!(gantt_label("HREF X"), "#72;REF X");
    assert_eq!(gantt_label("2025-01-01 summit"), "#50;025-01-01 summit");
    assert_eq!(gantt_label("Titled events"), "#84;itled events");
    assert_eq!(gantt_label("COP29 in Baku"), "COP29 in Baku");
    assert_eq!(label("50%%{x}%%"), "50#37;#37;{x}#37;#37;");
    assert_eq!(decode("Phase#58; one#59; #35;2 #quot;#lt;#gt;#amp; #x; #99999999;"), "Phase: one; #2 \"<>& #x; #99999999;");
}

/// Issue 10, class 10: a description cannot open a directive, however
/// many `%` the data stacks before `{` (one pass of replacing `%%` left
/// `%%{` of `%%%{`).
#[test]
fn alt_text_leaves_no_directive() {
    assert_eq!(alt_text("a %%%{init: {}}%%% b"), "a %{init: {}}% b");
    assert_eq!(alt_text("a\n<b>\u{1}  c"), "a ‹b› c");
    assert_eq!(alt_text("50%%{x}%%"), "50%{x}%");
}

#[test]
fn a_timeline_is_written_in_the_documented_form() {
    let task = |name: &str, start: &str, end: &str, significance, key| Task {
        name: name.into(),
        start: date(start),
        end: date(end),
        significance,
        milestone: start == end,
        undated: false,
        planned: false,
        imprecise: false,
        key,
        count: 0,
    };
    let chart = Chart::Timeline {
        title: "T".into(),
        lanes: vec![
            Lane { name: "Diplomacy".into(), color: Rgb::of_pillar(0), tasks: vec![task("Visit", "2024-08-09", "2024-08-09", 3, 1)] },
            Lane {
                name: "Energy".into(),
                color: Rgb::of_pillar(2),
                tasks: vec![Task { planned: true, imprecise: true, ..task("COP29: Baku", "2024-11-11", "2024-11-22", 5, 0) }],
            },
        ],
        period: Some((date("2024-01-01"), date("2026-12-31"))),
        alt: Alt { title: "T".into(), description: "D".into() },
    };
    assert_eq!(
        write(&chart),
        "gantt\n    title T\n    dateFormat YYYY-MM-DD\n    axisFormat %Y\n    accTitle: T\n    accDescr: D\n    \
         %% lanes: #1b3a5c #2f7f79\n    %% period: 2024-01-01 2026-12-31\n    section Diplomacy\n    \
         Visit :milestone, s3e1, 2024-08-09, 0d\n    section Energy\n    COP29#58; Baku :crit, s5pme0, 2024-11-11, 2024-11-22\n"
    );
    assert_eq!(parse(&write(&chart)), Ok(chart));
}

#[test]
fn other_mermaid_is_refused_with_a_reason() {
    assert_eq!(parse("flowchart LR\n  A --> B\n").unwrap_err().to_string(), "`flowchart` charts are not drawn (pie, xychart-beta and gantt are)");
    assert_eq!(parse("pie\n  \"x : 3\n"), Err(ParseError::UnquotedSlice("\"x : 3".into())));
    assert_eq!(parse("xychart-beta\n  x-axis [a, b]\n  bar [1]\n"), Err(ParseError::Mismatch(2, 1)));
    assert_eq!(parse("gantt\n  dateFormat DD-MM-YYYY\n"), Err(ParseError::DateFormat("DD-MM-YYYY".into())));
    assert_eq!(parse("  \n%% c\n"), Err(ParseError::Empty));
    assert_eq!(parse("gantt\n  section A\n  X :s3e0, 2024-13-01, 2024-12-31\n"), Err(ParseError::NotADate("2024-13-01".into())));
}

/// Text with every character and word the subset treats as syntax.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "#58;", "#quot;", "#", "%", "%%{init: {\"theme\": \"dark\"}}%%", ":", ";", "\"", "<", ">", "&amp;", "[", "(", "{",
        "section ", "Title", "click", "accTitle: ", "accDescr:", "dateFormat", "2025-01-01", "e12", ", s3e0, 2024-01-01, 0d",
        " --> ", "pie", "bar", "x", "COP29", "Ünïcödé", "—", "\\", "`", " ", "  ",
    ]);
    prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat().trim().to_owned())
}

/// A bar category: anything, `,`, `"` and `]` too (written as entity
/// codes), and something.
fn category() -> impl Strategy<Value = String> {
    hostile().prop_filter("not empty", |t| !t.is_empty())
}

/// Accessibility text: no angle brackets, control characters or `%%`,
/// white space in single spaces.
fn alt_line() -> impl Strategy<Value = String> {
    hostile()
        .prop_map(|t| t.replace(['<', '>'], "").split_whitespace().collect::<Vec<_>>().join(" "))
        .prop_filter("no %%", |t| !t.contains("%%"))
}

fn alt() -> impl Strategy<Value = Alt> {
    (alt_line(), alt_line()).prop_map(|(title, description)| Alt { title, description })
}

fn rgb() -> impl Strategy<Value = Rgb> {
    any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Rgb(r, g, b))
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn value() -> impl Strategy<Value = f64> {
    (0u32..100_000, 0u32..4).prop_map(|(n, q)| f64::from(n) + f64::from(q) / 4.0)
}

fn task() -> impl Strategy<Value = Task> {
    (hostile(), day(), 0u64..800, 1u8..=5, any::<(bool, bool, bool, bool)>(), 0usize..100_000).prop_map(
        |(name, start, days, significance, (milestone, undated, planned, imprecise), key)| {
            let end = if milestone { start } else { start.checked_add_days(chrono::Days::new(days)).unwrap_or(start) };
            Task { name, start, end, significance, milestone, undated, planned, imprecise, key, count: (key % 7) as u32 }
        },
    )
}

fn chart() -> impl Strategy<Value = Chart> {
    let slice = (hostile(), value(), rgb()).prop_map(|(label, value, color)| Slice { label, value, color });
    let pie = (hostile(), prop::collection::vec(slice, 1..6), alt()).prop_map(|(title, slices, alt)| Chart::Pie { title, slices, alt });
    let axis = prop::option::of((hostile(), prop::option::of((value(), value()))).prop_map(|(title, range)| Axis { title, range }));
    let bars = (hostile(), prop::collection::vec((category(), value()), 0..8), 0..3usize, rgb(), axis, alt()).prop_map(
        |(title, bars, undated, color, axis, alt)| {
            let (categories, values): (Vec<String>, Vec<f64>) = bars.into_iter().unzip();
            let undated = undated.min(values.len());
            Chart::Bars { title, categories, values, undated, color, axis, alt }
        },
    );
    let lane = (hostile(), rgb(), prop::collection::vec(task(), 0..4)).prop_map(|(name, color, tasks)| Lane { name, color, tasks });
    let period = prop::option::of((day(), day()).prop_map(|(a, b)| (a.min(b), a.max(b))));
    let timeline = (hostile(), prop::collection::vec(lane, 1..4), period, alt())
        .prop_filter("a task", |(_, lanes, _, _)| lanes.iter().any(|l| !l.tasks.is_empty()))
        .prop_map(|(title, lanes, period, alt)| Chart::Timeline { title, lanes, period, alt });
    prop_oneof![pie, bars, timeline]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// What the report writes, the typesetter reads back as written: the
    /// same titles, names, numbers, dates, colours and flags, whatever
    /// syntax the text holds.
    #[test]
    fn a_written_chart_reads_back_the_same(chart in chart()) {
        let text = write(&chart);
        prop_assert_eq!(text.matches("%%{").count(), usize::from(!matches!(chart, Chart::Timeline { .. })), "{}", text);
        prop_assert_eq!(parse(&text), Ok(chart), "{}", text);
    }
}
