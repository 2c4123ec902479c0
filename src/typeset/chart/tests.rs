use chrono::NaiveDate;

use super::*;
use crate::mermaid::Alt;
use crate::typeset::geom::Rect;
use pie::at_degrees;

/// The built-in catalogue: the words the charts have always set.
fn en() -> std::sync::Arc<Catalogue> {
    Catalogue::builtin()
}

fn bars_chart(values: &[f64]) -> Chart {
    Chart::Bars {
        title: "Events per year".into(),
        categories: (0..values.len()).map(|i| (2024 + i).to_string()).collect(),
        values: values.to_vec(),
        undated: 0,
        color: Rgb::of_pillar(0),
        axis: None,
        alt: Alt::default(),
    }
}

/// The text of every text item, in drawing order.
fn texts(d: &Drawing) -> Vec<&str> {
    d.items
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect()
}

/// The box of every item, to check the chart stays in its frame.
fn boxes(d: &Drawing) -> Vec<Rect> {
    let fonts = Fonts::get();
    d.items
        .iter()
        .map(|(p, item)| match item {
            Item::Text(t) => {
                let f = fonts.face(t.face);
                t.bounds(*p, f.ascent, f.descent)
            }
            Item::Fill { size, .. } => Rect::new(p.x, p.y, size.w, size.h),
            Item::Line { to, .. } => Rect::new(p.x.min(to.x), p.y.min(to.y), (to.x - p.x).max(p.x - to.x), (to.y - p.y).max(p.y - to.y)),
            Item::Polygon { .. } | Item::Path(_) => {
                let points: Vec<Point> = match item {
                    Item::Path(path) => path.parts.iter().flatten().copied().collect(),
                    Item::Polygon { points, .. } => points.clone(),
                    _ => Vec::new(),
                };
                let xs = points.iter().map(|p| p.x.0);
                let ys = points.iter().map(|p| p.y.0);
                let (x0, x1) = (xs.clone().fold(f32::MAX, f32::min), xs.fold(f32::MIN, f32::max));
                let (y0, y1) = (ys.clone().fold(f32::MAX, f32::min), ys.fold(f32::MIN, f32::max));
                Rect::new(Pt(x0), Pt(y0), Pt(x1 - x0), Pt(y1 - y0))
            }
            Item::Link { size, .. } | Item::Image { size, .. } => Rect::new(p.x, p.y, size.w, size.h),
            Item::Tag(_) => Rect::new(p.x, p.y, Pt::ZERO, Pt::ZERO),
        })
        .collect()
}

fn inside(d: &Drawing) {
    let frame = Rect::new(Pt::ZERO, Pt::ZERO, d.size.w, d.size.h);
    for b in boxes(d) {
        assert!(frame.contains(&b, Pt(0.6)), "{b:?} outside {frame:?}");
    }
}

#[test]
fn bar_heights_are_proportional_to_counts() {
    let d = draw(&bars_chart(&[7.0, 0.0, 2.0, 3.5]), Pt(400.0), &en());
    let heights: Vec<f32> = d.items.iter().filter_map(|(_, i)| match i {
        Item::Fill { size, .. } => Some(size.h.0),
        _ => None,
    }).collect();
    assert_eq!(heights.len(), 3, "no bar for zero");
    assert!((heights[0] / heights[1] - 3.5).abs() < 0.01, "{heights:?}");
    assert!((heights[2] / heights[1] - 1.75).abs() < 0.01, "{heights:?}");
    inside(&d);
}

/// The regions chart of the partners (issue 13): ten bars in the text
/// width; a name too wide for its bar goes on more lines, whole words,
/// not "South Cau…".
#[test]
fn long_bar_names_wrap_rather_than_shorten() {
    let names = ["Europe", "South Caucasus", "Central Asia", "Russia and Eastern Europe", "Middle East", "South Asia",
        "East and Southeast Asia", "Africa", "Americas", "Oceania"];
    let chart = Chart::Bars {
        title: "Events with a bilateral counterpart, by region".into(),
        categories: names.iter().map(|n| n.to_string()).collect(),
        values: vec![9.0, 3.0, 4.0, 1.0, 2.0, 0.0, 2.0, 1.0, 1.0, 0.0],
        undated: 0,
        color: Rgb::of_pillar(0),
        axis: None,
        alt: Alt::default(),
    };
    let d = draw(&chart, Pt(467.0), &en());
    let texts = texts(&d);
    assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
    let words: String = texts.iter().filter(|t| t.chars().any(char::is_alphabetic)).copied().collect::<Vec<_>>().join(" ");
    for name in names {
        assert!(words.contains(name.split(' ').next().unwrap()), "{name} in {words}");
    }
    assert!(texts.contains(&"Caucasus"), "{texts:?}");
    inside(&d);
    // A name with no room at all is still shortened, never spilled.
    let squeezed = Chart::Bars { title: "Squeezed".into(), categories: vec!["Supercalifragilistic".into(); 12], values: vec![1.0; 12], undated: 0, color: Rgb::of_pillar(0), axis: None, alt: Alt::default() };
    inside(&draw(&squeezed, Pt(200.0), &en()));
}

#[test]
fn axis_ticks_are_integers() {
    assert_eq!(integer_ticks(0.0), (1, 1));
    assert_eq!(integer_ticks(7.0), (2, 8));
    assert_eq!(integer_ticks(5.0), (1, 5));
    assert_eq!(integer_ticks(23.0), (5, 25));
    assert_eq!(integer_ticks(1234.0), (500, 1500));
}

#[test]
fn an_all_zero_chart_has_an_axis_and_no_bars() {
    let d = draw(&bars_chart(&[0.0, 0.0]), Pt(300.0), &en());
    assert!(!d.items.iter().any(|(_, i)| matches!(i, Item::Fill { .. })));
    inside(&d);
}

#[test]
fn pie_wedges_make_a_full_circle() {
    let angles = pie_angles(&[9.0, 3.0, 7.0, 11.0]);
    assert_eq!(angles.first().map(|a| a.0), Some(0.0));
    assert!((angles.last().map_or(0.0, |a| a.1) - 360.0).abs() < 1e-9);
    for pair in angles.windows(2) {
        assert_eq!(pair[0].1, pair[1].0);
    }
    assert!((angles[1].1 - angles[1].0 - 36.0).abs() < 1e-9);
    let (x, y) = at_degrees(90.0);
    assert!((x - 1.0).abs() < 1e-9 && y.abs() < 1e-9, "{x} {y}");
    let (x, y) = at_degrees(180.0);
    assert!(x.abs() < 1e-9 && (y - 1.0).abs() < 1e-9, "{x} {y}");
}

#[test]
fn pies_parse_and_draw_inside_their_frame() {
    let chart = parse("%%{init: {\"theme\": \"base\", \"themeVariables\": {\"pie1\": \"#d49a2a\"}}}%%\npie showData title Events\n    \"A #quot;q#quot;: x\" : 5\n    \"B\" : 0\n").unwrap();
    let Chart::Pie { title, slices, .. } = &chart else { panic!() };
    assert_eq!(title, "Events");
    assert_eq!(slices[0].label, "A \"q\": x");
    assert_eq!(slices[0].color, Rgb(0xd4, 0x9a, 0x2a));
    inside(&draw(&chart, Pt(460.0), &en()));
}

#[test]
fn timelines_parse_spans_milestones_and_significance() {
    let text = "gantt\n    title T\n    dateFormat YYYY-MM-DD\n    axisFormat %Y\n    %% lanes: #1b3a5c #2f7f79\n    section Diplomacy\n    Visit :milestone, s3e1, 2024-08-09, 0d\n    section Energy\n    COP29 - Baku :crit, s5e0, 2024-11-11, 2024-11-22\n";
    let chart = parse(text).unwrap();
    let Chart::Timeline { lanes, .. } = &chart else { panic!() };
    assert_eq!(lanes.len(), 2);
    assert_eq!(lanes[1].color, Rgb(0x2f, 0x7f, 0x79));
    assert_eq!(lanes[0].tasks[0].start, lanes[0].tasks[0].end);
    assert_eq!(lanes[1].tasks[0].significance, 5);
    inside(&draw(&chart, Pt(460.0), &en()));
}

#[test]
fn a_single_event_timeline_is_drawn() {
    let chart = parse("gantt\n    dateFormat YYYY-MM-DD\n    section A\n    One :s2e0, 2025-03-01, 2025-03-31\n").unwrap();
    let d = draw(&chart, Pt(300.0), &en());
    assert!(d.items.iter().any(|(_, i)| matches!(i, Item::Polygon { .. })));
    inside(&d);
}

/// A pillar's name too long for its lane's label is set smaller, on
/// two lines where need be, not cut.
#[test]
fn long_lane_names_are_not_cut() {
    let gantt = "gantt\n    dateFormat YYYY-MM-DD\n    section Active multilateral engagement\n    One :s2e0, 2025-03-01, 2025-03-31\n    \
        section Energy security, green transition and the diversification of export routes\n    Two :s2e1, 2025-04-01, 2025-04-30\n";
    let chart = parse(gantt).unwrap();
    let d = draw(&chart, Pt(467.0), &en());
    let texts = texts(&d);
    // Whole, on one line or two.
    let whole = texts.contains(&"Active multilateral engagement") || texts.windows(2).any(|w| format!("{} {}", w[0], w[1]) == "Active multilateral engagement");
    assert!(whole, "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Energy security")), "{texts:?}");
    assert!(texts.iter().filter(|t| t.contains('…')).count() <= 1, "only what two lines cannot hold: {texts:?}");
    inside(&d);
}

#[test]
fn other_mermaid_is_refused_with_a_reason() {
    assert!(parse("flowchart LR\n  A --> B\n").unwrap_err().to_string().contains("`flowchart` charts are not drawn"));
    assert!(parse("pie\n  \"x : 3\n").is_err());
    assert!(parse("xychart-beta\n  x-axis [a, b]\n  bar [1]\n").is_err());
    assert!(parse("gantt\n  dateFormat DD-MM-YYYY\n").is_err());
}

#[test]
fn drawing_twice_gives_the_same_items() {
    let chart = bars_chart(&[1.0, 2.0, 3.0]);
    assert_eq!(draw(&chart, Pt(333.3), &en()).items, draw(&chart, Pt(333.3), &en()).items);
}

#[test]
fn undated_tasks_are_dots_without_a_mark_and_plans_are_hollow() {
    let text = "gantt\n    dateFormat YYYY-MM-DD\n    section D\n    Somewhere (undated) :done, s3ue0, 2024-01-01, 2026-12-31\n    Summit (planned) :crit, s4pe1, 2026-01-01, 2026-12-31\n    Visit :milestone, s3e2, 2024-08-09, 0d\n";
    let chart = parse(text).unwrap();
    let Chart::Timeline { lanes, .. } = &chart else { panic!() };
    let flags: Vec<(bool, bool, u8)> = lanes[0].tasks.iter().map(|t| (t.undated, t.planned, t.significance)).collect();
    assert_eq!(flags, [(true, false, 3), (false, true, 4), (false, false, 3)]);
    let d = draw(&chart, Pt(460.0), &en());
    inside(&d);
    let white = Color::grey(1.0);
    let polygons: Vec<&Color> = d.items.iter().filter_map(|(_, i)| match i {
        Item::Polygon { color, .. } => Some(color),
        _ => None,
    }).collect();
    // Many dots for the undated fact, a hollow mark (white inside) for
    // the plan, and the key's second line names both.
    assert!(polygons.len() > 40, "{}", polygons.len());
    assert!(polygons.iter().any(|c| **c == white));
    let texts = texts(&d);
    assert!(texts.contains(&"dotted: known only to lie within the span"), "{texts:?}");
    assert!(texts.contains(&"hollow: planned, not yet held"), "{texts:?}");
    // A timeline without them keeps its one-line key.
    let plain = draw(&parse("gantt\n    dateFormat YYYY-MM-DD\n    section D\n    Visit :milestone, s3e2, 2024-08-09, 0d\n").unwrap(), Pt(460.0), &en());
    assert!(!plain.items.iter().any(|(_, i)| matches!(i, Item::Text(t) if t.text.starts_with("dotted"))));
    assert!(plain.size.h < d.size.h);
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Issue 9: the axis spans the period the chart names, not the events
/// drawn (all in 2026 here).
#[test]
fn the_timeline_axis_spans_the_period() {
    let source = "gantt\n    dateFormat YYYY-MM-DD\n    %% period: 2024-01-01 2026-12-31\n    section D\n    Visit :milestone, s3e2, 2026-08-09, 0d\n";
    let chart = parse(source).unwrap();
    let Chart::Timeline { lanes, period, .. } = &chart else { panic!() };
    assert_eq!(*period, Some((day("2024-01-01"), day("2026-12-31"))));
    assert_eq!(axis_span(lanes, *period), (day("2024-01-01"), day("2027-01-01")));
    let d = draw(&chart, Pt(460.0), &en());
    let labels = texts(&d);
    for year in ["2024", "2025", "2026"] {
        assert!(labels.contains(&year), "{labels:?}");
    }
    inside(&d);
}

#[test]
fn axis_ticks_fit_the_length_of_the_axis() {
    let labels = |from: &str, to: &str| -> Vec<String> {
        axis_ticks(day(from), day(to), &en()).into_iter().filter_map(|t| t.label.map(|l| l.0)).collect()
    };
    assert_eq!(labels("2024-01-01", "2027-01-01"), ["2024", "2025", "2026"]);
    assert_eq!(labels("2025-03-01", "2025-04-01"), ["Mar"]);
    assert_eq!(labels("2025-01-01", "2026-01-01").len(), 12);
    // Eighteen months: years labelled, quarters marked.
    let ticks = axis_ticks(day("2024-01-01"), day("2025-07-01"), &en());
    assert_eq!(ticks.iter().filter(|t| !t.major && t.at < day("2025-07-01")).count(), 4, "{ticks:?}");
    // Forty years: a label every tenth year, and every year a line.
    let long = axis_ticks(day("1990-01-01"), day("2030-01-01"), &en());
    assert_eq!(long.iter().filter(|t| t.label.is_some()).count(), 4);
    assert_eq!(long.len(), 41);
}

/// Issue 27, item 5: an event known to the year is a band across the
/// year, never a mark at a point (which reads as a date); bands over the
/// same days, and marks that would overlap, are one, with their number on
/// their own lane.
#[test]
fn imprecise_events_are_bands_over_their_span_and_close_marks_are_counted() {
    let source = "gantt\n    dateFormat YYYY-MM-DD\n    %% period: 2024-01-01 2024-12-31\n    section D\n    A :s3me1, 2024-01-01, 2024-12-31\n    B :s2me2, 2024-01-01, 2024-12-31\n    C :milestone, s4e3, 2024-02-01, 0d\n    E :milestone, s2e4, 2024-02-02, 0d\n    section F\n    G :milestone, s2e5, 2024-06-01, 0d\n";
    let d = draw(&parse(source).unwrap(), Pt(460.0), &en());
    let diamonds: Vec<f32> = d.items.iter().filter_map(|(p, i)| match i { Item::Polygon { points, .. } if points.len() == 4 && p.y.0 < 70.0 => Some(points[0].x.0), _ => None }).collect();
    // Two marks (C and E as one, and G) and no mark for the year's pair.
    let (left, width) = (460.0f32 * 0.22 + 8.0, 460.0f32 - (460.0 * 0.22 + 8.0) - 6.0);
    assert!(!diamonds.iter().any(|x| (x - (left + width * 0.5)).abs() < 4.0), "no mark mid-year: {diamonds:?}");
    // The band: a fill from the year's first day to its last, in lane D.
    let lane_d = (4.0f32, 26.0f32);
    let band = d.items.iter().any(|(p, i)| matches!(i, Item::Fill { size, .. } if (p.x.0 - left).abs() < 1.0 && size.w.0 > width * 0.95 && p.y.0 > lane_d.0 && p.y.0 < lane_d.1));
    assert!(band, "a band across the year");
    // Both counts, "2" for the pair of bands and "2" for C and E, sit
    // inside lane D, not between lanes.
    let counts: Vec<f32> = d.items.iter().filter_map(|(p, i)| match i { Item::Text(t) if t.text == "2" => Some(p.y.0), _ => None }).collect();
    assert_eq!(counts.len(), 2 + 1, "two counts and the key's 2: {counts:?}");
    assert!(counts.iter().filter(|y| **y > lane_d.0 && **y < lane_d.1).count() == 2, "{counts:?}");
}

/// A lane's long name wraps to two lines rather than being cut.
#[test]
fn lane_names_are_never_cut() {
    let source = "gantt\n    dateFormat YYYY-MM-DD\n    section Active multilateral engagement\n    A :milestone, s3e1, 2024-03-01, 0d\n";
    let d = draw(&parse(source).unwrap(), Pt(460.0), &en());
    let texts = texts(&d);
    assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
    assert!(texts.contains(&"Active multilateral") && texts.contains(&"engagement"), "{texts:?}");
    inside(&d);
}

/// The built-in catalogue says what the code said before the words moved
/// (issue 23): the descriptions, the legend and the axis's months, to the
/// byte.
#[test]
fn the_catalogues_words_are_the_ones_printed_before() {
    let pie = parse("pie showData title Partners\n    \"EU\" : 3\n    \"Türkiye\" : 1\n").unwrap();
    assert_eq!(description(&pie, &en()), "Pie chart, Partners: EU 3 (75%); Türkiye 1 (25%).");
    assert!(texts(&draw(&pie, Pt(460.0), &en())).contains(&"EU — 3 (75.0%)"));
    let untitled = parse("pie showData\n    \"EU\" : 2500\n").unwrap();
    // A count of four digits is grouped (issue 27).
    assert_eq!(description(&untitled, &en()), "Pie chart: EU 2,500 (100%).");
    assert_eq!(description(&bars_chart(&[7.0, 0.0]), &en()), "Bar chart, Events per year: 2024: 7; 2025: 0.");
    let months: Vec<String> = axis_ticks(day("2025-01-01"), day("2026-01-01"), &en()).into_iter().filter_map(|t| t.label.map(|l| l.0)).collect();
    assert_eq!(months, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
}

/// A long timeline names its first 60 events and counts the rest.
#[test]
fn a_long_timelines_description_counts_what_it_does_not_name() {
    let mut source = "gantt\n    dateFormat YYYY-MM-DD\n    section Energy\n".to_owned();
    for i in 0..65 {
        source.push_str(&format!("    E{i} :milestone, e{i}, 2024-01-{:02}, 0d\n", i % 28 + 1));
    }
    let said = description(&parse(&source).unwrap(), &en());
    assert!(said.starts_with("Timeline: 65 events in 1 lanes from 1 January 2024 to 28 January 2024. Energy: E0 (1 January 2024); "), "{said}");
    assert!(said.ends_with("; E59 (4 January 2024). And 5 more."), "{said}");
}

/// The timeline's key is the catalogue's.
#[test]
fn the_timelines_key_is_the_catalogues() {
    let source = "gantt\n    dateFormat YYYY-MM-DD\n    section D\n    Visit :milestone, s3e2, 2024-08-09, 0d\n";
    let desk = crate::words::BUILTIN.replacen("chart-key-significance = Significance, from 1 (least) to 5 (most):", "chart-key-significance = Weight:", 1);
    let desk = Catalogue::parse("desk/en-GB.ftl", &desk).unwrap();
    let d = draw(&parse(source).unwrap(), Pt(460.0), &desk);
    assert!(texts(&d).contains(&"Weight:") && !texts(&d).iter().any(|t| t.starts_with("Significance")), "{:?}", texts(&d));
    assert!(texts(&draw(&parse(source).unwrap(), Pt(460.0), &en())).contains(&"Significance, from 1 (least) to 5 (most):"));
}

/// Issue 27, item 5: a pie reads in greyscale: each wide wedge says its
/// count, which its legend line repeats, so no pairing rests on hue.
#[test]
fn pie_wedges_say_their_counts() {
    let pie = parse("pie showData title Partners\n    \"EU\" : 7\n    \"Türkiye\" : 3\n    \"Oman\" : 0.1\n").unwrap();
    let d = draw(&pie, Pt(460.0), &en());
    let said = texts(&d);
    assert!(said.contains(&"7") && said.contains(&"3"), "{said:?}");
    assert!(!said.contains(&"0.1"), "a sliver is too narrow to say it: {said:?}");
    inside(&d);
}

/// Issue 27, item 5: a dense timeline draws a numbered cell per month, in
/// steps of value (a fuller month darker, so greyscale keeps it), and a
/// key in words; no significance marks.
#[test]
fn a_dense_timeline_draws_numbered_cells_in_steps_of_value() {
    let source = "gantt\n    dateFormat YYYY-MM-DD\n    %% lanes: #1b3a5c\n    %% period: 2024-01-01 2024-12-31\n    section D\n    12 events :s1c12e1, 2024-03-01, 2024-03-31\n    3 events :s1c3e2, 2024-04-01, 2024-04-30\n    5 events :s1mc5e3, 2024-01-01, 2024-12-31\n";
    let d = draw(&parse(source).unwrap(), Pt(460.0), &en());
    let said = texts(&d);
    assert!(said.contains(&"12") && said.contains(&"3") && said.contains(&"5"), "{said:?}");
    assert!(said.contains(&"a cell: events begun in that month, darker for more"), "{said:?}");
    assert!(!said.iter().any(|t| t.starts_with("Significance")), "{said:?}");
    let value = |c: &Color| 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
    let cells: Vec<f32> = d.items.iter().filter_map(|(_, i)| match i { Item::Fill { size, color } if size.h.0 > 10.0 && size.w.0 > 5.0 && size.w.0 < 60.0 => Some(value(color)), _ => None }).collect();
    assert!(cells.len() >= 2 && cells[0] < cells[1] - 0.2, "March (12) darker than April (3): {cells:?}");
    inside(&d);
}

/// Issue 29: a count as large as the id can hold is drawn, not a panic.
#[test]
fn a_huge_count_in_a_desks_chart_is_drawn() {
    let source = "gantt\n    dateFormat YYYY-MM-DD\n    section D\n    x :s1c4294967295e1, 2024-03-01, 2024-03-31\n    y :s1c1e2, 2024-04-01, 2024-04-30\n";
    let d = draw(&parse(source).unwrap(), Pt(460.0), &en());
    inside(&d);
}
