//! Places and routes (issue 26, item 2): each problem of a `[[place]]` or
//! a `[[route]]` refused at its place with what was expected, `check`
//! listing all of them, and the default corridors resolved for the maps.

use azint_report::dataset::{DataSource, DatasetError};
use azint_report::period::Period;
use azint_report::summary::routes::{routes, RouteView};
use azint_report::summary::Selection;

use crate::util::{bin, stderr, stdout};

/// A pillar and two events for places and routes to name.
const BASE: &str = r#"[[pillar]]
id = "connectivity"
name = "Connectivity"

[[event]]
id = "action-plan"
title = "Action plan"
date = 2025-09-30
pillar = "connectivity"
kind = "agreement"
significance = 3
summary = "S."
sources = [{ name = "S" }]

[[event]]
id = "rail-export"
title = "Rail export"
date = "2024"
pillar = "connectivity"
kind = "infrastructure"
significance = 3
summary = "S."
sources = [{ name = "S" }]
"#;

/// Two places and a route through them, after [`BASE`]: line 29 is the
/// first place's `[[place]]`, 32 its `lat`, 33 its `lon`.
const PLACES: &str = r#"
[[place]]
id = "baku"
name = "Baku"
lat = 40.37767
lon = 49.89201
country = "AZ"

[[place]]
id = "tbilisi"
name = "Tbilisi"
lat = 41.69143
lon = 44.83412

[[route]]
id = "rail"
name = "Rail"
via = ["baku", "tbilisi"]
pillar = "connectivity"
kind = "rail"
events = ["action-plan"]
"#;

/// Every problem `check` reports for the files `files` (name, text) of a
/// folder, as the binary prints them (first lines only, with `help`
/// lines kept after their problem).
fn check(files: &[(&str, &str)]) -> (bool, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let output = bin().current_dir(dir.path()).args(["check", "--data", "."]).output().unwrap();
    let (err, out) = (stderr(&output), stdout(&output));
    let lines = err.lines().chain(out.lines()).map(|l| l.strip_prefix("./").unwrap_or(l).to_owned()).collect();
    (output.status.success(), lines)
}

/// The problems of one file, `BASE` with `extra` after it.
fn problems(extra: &str) -> Vec<String> {
    let text = format!("{BASE}{extra}");
    let (_, lines) = check(&[("d.toml", &text)]);
    lines.into_iter().filter(|l| !l.starts_with("d.toml: ") && !l.starts_with(".: ")).collect()
}

/// The line and column (1-based, characters) where `needle` starts in
/// `BASE` + `extra`.
fn at(extra: &str, needle: &str) -> String {
    let text = format!("{BASE}{extra}");
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[..offset].rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("d.toml:{line}:{col}")
}

#[test]
fn the_base_with_places_and_a_route_is_valid() {
    let (ok, lines) = check(&[("d.toml", &format!("{BASE}{PLACES}"))]);
    assert!(ok, "{lines:#?}");
    assert!(lines.iter().all(|l| !l.contains("warning")), "{lines:#?}");
}

#[test]
fn every_bad_coordinate_is_one_error_at_its_value() {
    // Generated: each class of wrong value, as latitude and as longitude.
    let cases: &[(&str, &str, &str)] = &[
        ("nan", "`{k}` is `nan`: expected a finite number of degrees", ""),
        ("+nan", "`{k}` is `+nan`: expected a finite number of degrees", ""),
        ("-nan", "`{k}` is `-nan`: expected a finite number of degrees", ""),
        ("inf", "`{k}` is `inf`: expected a finite number of degrees", ""),
        ("+inf", "`{k}` is `+inf`: expected a finite number of degrees", ""),
        ("-inf", "`{k}` is `-inf`: expected a finite number of degrees", ""),
        ("\"40.5\"", "`{k}` must be a number of degrees", "write it without quotes: `{k} = 40.5`"),
        ("\"Baku\"", "`{k}` must be a number of degrees", ""),
        ("true", "`{k}` must be a number of degrees", ""),
        ("[40, 49]", "`{k}` must be a number of degrees", ""),
        ("1e400", "`{k}` is `1e400`: expected a finite number of degrees", ""),
        ("9223372036854775808", "`{k}` is 9223372036854775808: expected -", ""),
    ];
    let mut tried = 0;
    for (key, bound) in [("lat", 90), ("lon", 180)] {
        let over = [format!("{}", bound + 1), format!("-{}", bound + 1), format!("{}.0001", bound)];
        let mut all: Vec<(String, String, String)> =
            cases.iter().map(|(v, m, h)| ((*v).to_owned(), m.replace("{k}", key), h.replace("{k}", key))).collect();
        for v in over {
            all.push((v.clone(), format!("`{key}` is {v}: expected -{bound} to {bound} degrees"), String::new()));
        }
        for (value, message, help) in all {
            let original = if key == "lat" { "lat = 40.37767" } else { "lon = 49.89201" };
            let extra = PLACES.replacen(original, &format!("{key} = {value}"), 1);
            let found = problems(&extra);
            let errors: Vec<&String> = found.iter().filter(|l| l.contains(": error: ")).collect();
            assert_eq!(errors.len(), 1, "{key} = {value}: {found:#?}");
            let place = at(&extra, &format!("{key} = {value}"));
            let col: usize = place.rsplit(':').next().unwrap().parse().unwrap();
            let expected = format!("{}:{}: error: {message}", place.rsplit_once(':').unwrap().0, col + key.len() + 3);
            assert!(errors[0].starts_with(&expected), "{key} = {value}:\n{}\nexpected {expected}", errors[0]);
            if !help.is_empty() {
                assert!(found.iter().any(|l| l.contains(&help)), "{key} = {value}: {found:#?}");
            }
            tried += 1;
        }
    }
    assert_eq!(tried, 30);
}

#[test]
fn whole_degrees_and_the_bounds_are_coordinates() {
    for (lat, lon) in [("90", "180"), ("-90", "-180"), ("0", "0"), ("40", "-0.0"), ("89.999999", "179.5")] {
        let extra = PLACES.replacen("lat = 40.37767", &format!("lat = {lat}"), 1).replacen("lon = 49.89201", &format!("lon = {lon}"), 1);
        let found = problems(&extra);
        assert!(found.iter().all(|l| !l.contains("error")), "{lat}, {lon}: {found:#?}");
    }
}

#[test]
fn a_latitude_out_of_range_that_fits_a_longitude_asks_whether_they_are_swapped() {
    let extra = PLACES.replacen("lat = 40.37767", "lat = 120", 1);
    let found = problems(&extra);
    assert!(found.iter().any(|l| l.contains("are `lat` and `lon` swapped?")), "{found:#?}");
}

/// `(replace, with, the place of the error, its words, its help)`.
type Case = (&'static str, &'static str, &'static str, &'static str, &'static str);

const CASES: &[Case] = &[
    (r#"via = ["baku", "tbilisi"]"#, r#"via = ["baku", "tblisi"]"#, "\"tblisi\"", "unknown place `tblisi` in `via`: expected the id of a `[[place]]`", "did you mean `tbilisi`?"),
    (r#"via = ["baku", "tbilisi"]"#, r#"via = ["baku"]"#, "[\"baku\"]", "`via` names one place: a route goes through at least two places", "list the ids of its places"),
    (r#"via = ["baku", "tbilisi"]"#, "via = []", "[]", "`via` names no place", ""),
    (r#"via = ["baku", "tbilisi"]"#, r#"via = ["baku", "baku"]"#, "\"baku\"]", "`baku` is listed twice in `via`", ""),
    (r#"pillar = "connectivity""#, r#"pillar = "conectivity""#, "\"conectivity\"", "unknown pillar `conectivity`: expected the id of a `[[pillar]]`", "did you mean `connectivity`?"),
    (r#"events = ["action-plan"]"#, r#"events = ["action-plans"]"#, "\"action-plans\"", "unknown event `action-plans` in `events`: expected the id of an `[[event]]`", "did you mean `action-plan`?"),
    (r#"kind = "rail""#, r#"kind = "railway""#, "\"railway\"", "unknown kind `railway`", "expected one of: rail, road, sea, pipeline, multimodal"),
    (r#"kind = "rail""#, r#"kind = "rial""#, "\"rial\"", "unknown kind `rial`", "did you mean `rail`?"),
    (r#"country = "AZ""#, r#"country = "az""#, "\"az\"", "`country` `az` is not an ISO 3166-1 alpha-2 country code", "codes are upper case: `AZ`"),
    (r#"country = "AZ""#, r#"country = "Azerbaijan""#, "\"Azerbaijan\"", "`country` `Azerbaijan` is not an ISO 3166-1 alpha-2 country code", ""),
    ("[[route]]", "[[place]]\nid = \"baku\"\nname = \"Baku again\"\nlat = 1\nlon = 1\n\n[[route]]", "\"baku\"\nname = \"Baku again\"", "duplicate place id `baku`: ids must be unique across all files", "`baku` is first defined at ./d.toml:26:6"),
    ("id = \"rail\"", "id = \"Rail line\"", "\"Rail line\"", "`id` `Rail line` may only contain a-z, 0-9 and `-`", "for example `rail-line`"),
    ("lat = 40.37767", "lati = 40.37767", "lati", "unknown key `lati` in `[[place]]`", "did you mean `lat`?"),
    ("name = \"Rail\"\n", "", "[[route]]", "missing required key `name` in `[[route]]`", ""),
    ("lon = 44.83412\n", "", "[[place]]\nid = \"tbilisi\"", "missing required key `lon` in `[[place]]`", ""),
];

#[test]
fn each_problem_is_one_error_at_its_place_with_what_was_expected() {
    for &(from, to, needle, words, help) in CASES {
        let extra = PLACES.replacen(from, to, 1);
        assert_ne!(extra, PLACES, "{from}");
        let found = problems(&extra);
        let errors: Vec<&String> = found.iter().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(errors.len(), 1, "{to}: {found:#?}");
        let place = at(&extra, needle);
        let expected = format!("{place}: error: {words}");
        assert!(errors[0].starts_with(&expected), "{to}:\n{}\nexpected {expected}", errors[0]);
        if !help.is_empty() {
            let index = found.iter().position(|l| l == errors[0]).unwrap();
            let after = found.get(index + 1).map_or("", String::as_str);
            assert!(after.starts_with("  help: ") && after.contains(help), "{to}: {found:#?}");
        }
    }
}

#[test]
fn ids_are_unique_across_files_and_references_cross_files() {
    let (first, second) = PLACES.split_at(PLACES.find("[[route]]").unwrap());
    // The route in one file names places of another: valid.
    let (ok, lines) = check(&[("a.toml", &format!("{BASE}{first}")), ("b.toml", second)]);
    assert!(ok, "{lines:#?}");
    // The same route in both: the second is the duplicate, pointing at the first.
    let (ok, lines) = check(&[("a.toml", &format!("{BASE}{PLACES}")), ("b.toml", second)]);
    assert!(!ok);
    let errors: Vec<&String> = lines.iter().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{lines:#?}");
    assert!(errors[0].starts_with("b.toml:2:6: error: duplicate route id `rail`"), "{}", errors[0]);
    assert!(lines.iter().any(|l| l.contains("`rail` is first defined at ./a.toml:")), "{lines:#?}");
}

#[test]
fn check_lists_every_problem_of_places_and_routes() {
    // Every case of CASES that keeps the file parseable, at once, plus a
    // bad coordinate; each is reported, none hides another.
    let mut extra = PLACES.to_owned();
    for (from, to) in [
        ("lat = 40.37767", "lat = nan"),
        ("lon = 44.83412", "lon = -181"),
        ("country = \"AZ\"", "country = \"az\""),
        (r#"via = ["baku", "tbilisi"]"#, r#"via = ["baku", "tblisi"]"#),
        (r#"pillar = "connectivity""#, r#"pillar = "conectivity""#),
        (r#"events = ["action-plan"]"#, r#"events = ["action-plans"]"#),
        (r#"kind = "rail""#, r#"kind = "railway""#),
    ] {
        extra = extra.replacen(from, to, 1);
    }
    extra.push_str("\n[[route]]\nid = \"rail\"\nname = \"Again\"\nvia = [\"baku\"]\npillar = \"connectivity\"\n");
    let text = format!("{BASE}{extra}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.toml"), &text).unwrap();
    let output = bin().current_dir(dir.path()).args(["check", "--data", "d.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    for words in [
        "`lat` is `nan`",
        "`lon` is -181",
        "`country` `az`",
        "unknown kind `railway`",
        "`via` names one place",
        "duplicate route id `rail`",
    ] {
        assert_eq!(errors.iter().filter(|l| l.contains(words)).count(), 1, "{words}: {err}");
    }
    for words in ["unknown place `tblisi`", "unknown pillar `conectivity`", "unknown event `action-plans`"] {
        assert_eq!(errors.iter().filter(|l| l.contains(words)).count(), 1, "{words}: {err}");
    }
    // The first place is broken, but its id stands: `baku` in `via` is
    // not blamed too.
    assert_eq!(errors.len(), 9, "{err}");
    assert!(err.contains("d.toml: 9 problems in 1 file"), "{err}");
}

#[test]
fn a_place_on_no_route_is_a_warning_and_the_data_are_used() {
    let extra = format!("{PLACES}\n[[place]]\nid = \"kars\"\nname = \"Kars\"\nlat = 40.59825\nlon = 43.08548\n");
    let (ok, lines) = check(&[("d.toml", &format!("{BASE}{extra}"))]);
    assert!(ok, "{lines:#?}");
    let place = at(&extra, "[[place]]\nid = \"kars\"");
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{place}: warning: place `kars` is on no route: no map draws it"))),
        "{lines:#?}"
    );
}

fn default_routes(period: &str, pillars: &[String]) -> Vec<RouteView> {
    let dataset = azint_report::dataset::load(&DataSource::Builtin).unwrap();
    let period = Period::parse(period).unwrap();
    let words = azint_report::words::Catalogue::builtin();
    let selection = Selection {
        period: &period,
        highlights: 3,
        pillars,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
        chronology: false,
        compare: None,
        data_source: "data (built in)".to_owned(),
        words: &words,
    };
    routes(&dataset, &selection)
}

#[test]
fn the_default_routes_are_the_articles_corridors_with_their_places_resolved() {
    let all = default_routes("2024-2026", &[]);
    let names: Vec<(&str, Option<&str>, &str)> = all.iter().map(|r| (r.name.as_str(), r.kind.map(|k| k.as_str()), r.pillar.as_str())).collect();
    assert_eq!(
        names,
        [
            ("Middle Corridor (Trans-Caspian route)", Some("multimodal"), "connectivity"),
            ("Baku–Tbilisi–Kars railway", Some("rail"), "connectivity"),
            ("Southern Gas Corridor", Some("pipeline"), "energy"),
        ]
    );
    let places = |r: &RouteView| r.places.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(places(&all[1]), ["Baku", "Tbilisi", "Akhalkalaki", "Kars"]);
    assert_eq!(places(&all[0]), ["Aktau", "Baku", "Tbilisi", "Kars"]);
    assert_eq!(places(&all[2]).first().map(String::as_str), Some("Sangachal"));
    assert_eq!(places(&all[2]).last().map(String::as_str), Some("Melendugno"));
    // Within the region the route map shows, each in its country.
    for place in all.iter().flat_map(|r| &r.places) {
        assert!((35.0..45.0).contains(&place.lat) && (15.0..55.0).contains(&place.lon), "{place:?}");
        assert!(place.country.is_some(), "{place:?}");
    }
    let baku = &all[1].places[0];
    assert_eq!((baku.lat, baku.lon, baku.country.as_deref()), (40.37767, 49.89201, Some("AZ")));
    // Each route's events are default events, of the period.
    assert_eq!(all[0].events, ["rail-export-baku-china", "trans-caspian-action-plan", "middle-corridor-rail-modernisation"]);
}

#[test]
fn the_default_routes_follow_the_period_and_the_pillars() {
    // 2021 holds none of the routes' events.
    assert!(default_routes("2021", &[]).is_empty());
    let energy = default_routes("2024-2026", &["energy".to_owned()]);
    assert_eq!(energy.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["southern-gas-corridor"]);
    // 2025: the action plan; the undated modernisation (2024..2026) is
    // in the period by the period's rule.
    let year = default_routes("2025", &["connectivity".to_owned()]);
    assert_eq!(year.len(), 2);
    assert!(!year[0].events.contains(&"rail-export-baku-china".to_owned()), "{:?}", year[0].events);
}

#[test]
fn the_default_data_check_clean_with_places_and_routes() {
    let dataset = azint_report::dataset::load(&DataSource::Builtin).unwrap();
    assert_eq!(dataset.routes.len(), 3);
    assert_eq!(dataset.places.len(), 11);
    assert!(azint_report::dataset::places::unused(&dataset.places, &dataset.routes).is_empty());
    match azint_report::dataset::load(&DataSource::Path(crate::util::root().join("data/places.toml"))) {
        Err(DatasetError::Invalid(problems)) => {
            // Alone, the file names events and pillars of other files:
            // only the dataset-wide "none defined" errors, no follow-on.
            assert!(problems.iter().all(|d| d.position.is_none()), "{problems:#?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn hostile_routes_are_refused_briefly_and_quickly() {
    // Issue 29, item 11: a route through one place 10,000 times, and
    // 10,000 misspelt places among 10,000 (each "did you mean" found
    // without comparing it with every place).
    let mut text = format!("{BASE}{PLACES}");
    for i in 0..10_000 {
        text.push_str(&format!("[[place]]\nid = \"place-{i:05}\"\nname = \"P {i}\"\nlat = 1\nlon = 1\n"));
    }
    let baku = vec!["\"baku\""; 10_000].join(", ");
    let misspelt: Vec<String> = (0..10_000).map(|i| format!("\"plaec-{i:05}\"")).collect();
    // The typos first: the first 100 problems of a file are listed.
    text.push_str(&format!("[[route]]\nid = \"typos\"\nname = \"Typos\"\nvia = [{}]\npillar = \"connectivity\"\n", misspelt.join(", ")));
    text.push_str(&format!("[[route]]\nid = \"loop\"\nname = \"Loop\"\nvia = [{baku}]\npillar = \"connectivity\"\n"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.toml"), &text).unwrap();
    let started = std::time::Instant::now();
    let output = bin().current_dir(dir.path()).args(["check", "--data", "d.toml"]).output().unwrap();
    let elapsed = started.elapsed();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert!(err.lines().count() < 250, "{} lines", err.lines().count());
    assert!(err.contains("help: did you mean `place-00000`?"), "{err}");
    assert!(err.contains("help: did you mean `place-00099`?"), "{err}");
    // 10,000 misspelt and 9,999 repeats, counted.
    assert!(err.contains("d.toml: 19999 problems in 1 file"), "{err}");
    // Comparing each misspelling with every place took minutes.
    assert!(elapsed.as_secs() < 60, "{elapsed:?}");
}
