//! Issue 29, item 6: every keyword of every Mermaid diagram type the tool
//! writes (gantt, pie, xychart), at every position in a name or title, is
//! read back as written: by the typesetter's reader here, and by Mermaid's
//! own parser in CI (`.ci/run` sets `AZINT_MERMAID_KEYWORDS` to a folder,
//! where this test writes the charts and a briefing of them, with the
//! names Mermaid must read, for `.ci/mermaid-check.mjs --expect`).

use azint_report::mermaid::{parse, write, Alt, Axis, Chart, Lane, Rgb, Slice, Task};
use chrono::NaiveDate;

use crate::util::{bin, stderr, AS_OF};

/// The words the lexers of Mermaid 11 read as keywords, for the three
/// diagram types written (mermaid's gantt.jison, xychart.jison and the
/// pie grammar of @mermaid-js/parser), with the shared ones (`accTitle`,
/// `accDescr`, `%%`), the task tags and the gantt's date form.
pub const KEYWORDS: &[&str] = &[
    // gantt
    "gantt", "dateFormat", "inclusiveEndDates", "topAxis", "axisFormat", "tickInterval", "includes", "excludes",
    "todayMarker", "weekday monday", "weekday tuesday", "weekday wednesday", "weekday thursday", "weekday friday",
    "weekday saturday", "weekday sunday", "weekend friday", "weekend saturday", "title", "accTitle", "accTitle:",
    "accDescr", "accDescr:", "accDescr {", "accDescription", "section", "click", "call", "href", "2025-01-01",
    "after", "until", "milestone", "crit", "done", "active", "vert",
    // pie
    "pie", "showData",
    // xychart
    "xychart-beta", "xychart", "vertical", "horizontal", "x-axis", "y-axis", "line", "bar", "-->",
    // any block
    "%%", "%%{init: {}}%%", "---", "#", ";", ":", "\"", "`", "[", "]", ",",
];

/// Every keyword alone, first, in the middle and last, and in capitals.
pub fn names() -> Vec<String> {
    let mut out = Vec::new();
    for k in KEYWORDS {
        out.push((*k).to_owned());
        out.push(format!("{k} of Baku"));
        out.push(format!("Baku {k} talks"));
        out.push(format!("Talks {k}"));
        out.push(format!("{} X", k.to_uppercase()));
    }
    out
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn alt(name: &str) -> Alt {
    Alt { title: name.to_owned(), description: format!("A chart about {name}, described at length.") }
}

/// For each name: a gantt titled by it with a lane and a task of it, a pie
/// with a slice of it, a bar chart whose title, category and axis it is.
fn charts(name: &str) -> [Chart; 3] {
    let task = Task {
        name: name.to_owned(),
        start: day("2025-02-03"),
        end: day("2025-03-04"),
        significance: 4,
        milestone: false,
        undated: false,
        planned: false,
        imprecise: false,
        key: 0,
        count: 0,
    };
    let lane = Lane { name: name.to_owned(), color: Rgb::of_pillar(0), tasks: vec![task] };
    [
        Chart::Timeline { title: name.to_owned(), lanes: vec![lane], period: Some((day("2025-01-01"), day("2025-12-31"))), alt: alt(name) },
        Chart::Pie { title: name.to_owned(), slices: vec![Slice { label: name.to_owned(), value: 3.0, color: Rgb::of_pillar(1) }], alt: alt(name) },
        Chart::Bars {
            title: name.to_owned(),
            categories: vec![name.to_owned(), "2025".to_owned()],
            values: vec![1.0, 2.0],
            undated: 0,
            color: Rgb::of_pillar(2),
            axis: Some(Axis { title: name.to_owned(), range: Some((0.0, 3.0)) }),
            alt: alt(name),
        },
    ]
}

/// What the writer normalises (white space), as the reader gives it back.
fn normal(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_keyword_at_every_place_is_read_back_as_written() {
    let mut markdown = String::from("# Mermaid keywords\n\n");
    let mut expected = Vec::new();
    for name in names() {
        for chart in charts(&name) {
            let text = write(&chart);
            assert_eq!(text.matches("%%{").count(), usize::from(text.starts_with("%%{init: {\"theme\": \"base\"")), "a directive from {name:?}:\n{text}");
            let read = parse(&text).unwrap_or_else(|e| panic!("{name:?}: {e:?}\n{text}"));
            match (&read, &chart) {
                (Chart::Timeline { title, lanes, .. }, _) => {
                    assert_eq!(title, &normal(&name), "{text}");
                    assert_eq!(lanes[0].name, normal(&name), "{text}");
                    assert_eq!(lanes[0].tasks[0].name, normal(&name), "{text}");
                    expected.push(format!("section {}", normal(&name)));
                    expected.push(format!("task {}", normal(&name)));
                }
                (Chart::Pie { slices, .. }, _) => {
                    assert_eq!(slices[0].label, normal(&name), "{text}");
                    expected.push(format!("slice {}", normal(&name)));
                }
                (Chart::Bars { title, .. }, _) => assert_eq!(title, &normal(&name), "{text}"),
            }
            markdown.push_str(&format!("```mermaid\n{text}```\n\n"));
        }
    }
    if let Some(dir) = std::env::var_os("AZINT_MERMAID_KEYWORDS") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("charts.md"), markdown).unwrap();
        std::fs::write(dir.join("charts-expected.txt"), expected.join("\n") + "\n").unwrap();
    }
}

/// A dataset whose pillar names and event titles hold every keyword at
/// every place, in years of fewer events than the timeline shows, so that
/// each year's briefing names every one of its events in its gantt.
fn dataset(names: &[String]) -> (String, Vec<(i32, Vec<String>)>) {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut toml = String::new();
    let pillars = ["section", "title", "click", "gantt", "%%{init: {}}%%", "accTitle: x"];
    for (i, p) in pillars.iter().enumerate() {
        toml.push_str(&format!("[[pillar]]\nid = \"p{i}\"\nname = {}\n\n", quote(&format!("{p} pillar {i}"))));
    }
    let mut years = Vec::new();
    for (y, chunk) in names.chunks(36).enumerate() {
        let year = 2000 + y as i32;
        let mut titles = Vec::new();
        for (i, name) in chunk.iter().enumerate() {
            let title = normal(name);
            toml.push_str(&format!(
                "[[event]]\nid = \"e{y}-{i}\"\ntitle = {}\ndate = \"{year}-{:02}-{:02}\"\npillar = \"p{}\"\nkind = \"other\"\nsignificance = 3\nsummary = \"s\"\nsources = [{{ name = \"S\" }}]\n\n",
                quote(&title),
                i % 12 + 1,
                i % 28 + 1,
                i % pillars.len()
            ));
            titles.push(title);
        }
        years.push((year, titles));
    }
    (toml, years)
}

/// Through the binary: a briefing a year whose gantt names every event of
/// the year as its data writes it (the typesetter's reading here, Mermaid's
/// in CI).
#[test]
fn a_briefing_whose_titles_hold_every_keyword_charts_them_as_written() {
    use azint_report::typeset::chart::{parse as read, Chart as Drawn};
    let names: Vec<String> = names().into_iter().filter(|n| !n.trim().is_empty()).collect();
    let (toml, years) = dataset(&names);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.toml"), toml).unwrap();
    let out_dir = std::env::var_os("AZINT_MERMAID_KEYWORDS").map(std::path::PathBuf::from);
    for (year, titles) in years {
        let output = bin().args(["--format", "md", "-o", "-", "--as-of", AS_OF, "--period", &year.to_string(), "--data"]).arg(dir.path().join("data.toml")).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let markdown = String::from_utf8(output.stdout).unwrap();
        let mut tasks = Vec::new();
        let mut expected = Vec::new();
        for block in markdown.split("```mermaid\n").skip(1) {
            let source = block.split("```").next().unwrap();
            assert_eq!(source.matches("%%{").count(), usize::from(source.starts_with("%%{init: {\"theme\": \"base\"")), "a directive from the data:\n{source}");
            if let Drawn::Timeline { lanes, .. } = read(source).unwrap() {
                for lane in lanes {
                    expected.push(format!("section {}", lane.name));
                    tasks.extend(lane.tasks.iter().map(|t| t.name.clone()));
                }
            }
        }
        let mut want = titles.clone();
        want.sort();
        tasks.sort();
        assert_eq!(tasks, want, "{year}");
        expected.extend(titles.iter().map(|t| format!("task {t}")));
        if let Some(out) = &out_dir {
            std::fs::create_dir_all(out).unwrap();
            std::fs::write(out.join(format!("briefing-{year}.md")), &markdown).unwrap();
            std::fs::write(out.join(format!("briefing-{year}-expected.txt")), expected.join("\n") + "\n").unwrap();
        }
    }
}
