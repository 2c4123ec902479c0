//! Tests of compiling and rendering the templates.

use super::*;

/// Handlebars copies the context of every partial it includes: one
/// included from the document with no section of its own would copy the
/// whole summary (at 10,000 events, 60 ms of a 340 ms Markdown
/// briefing). Every partial the document includes outside an `each`
/// (which gives it the item) is given its section.
#[test]
fn the_document_gives_each_partial_its_section() {
    let briefing = BUILTIN.iter().find(|(file, _)| *file == "briefing.md.hbs").map(|(_, text)| *text).unwrap();
    let text = without_comments(briefing);
    let mut checked = 0;
    for (at, _) in text.match_indices("{{>") {
        let before = &text[..at];
        if before.matches("{{#each").count() > before.matches("{{/each}}").count() {
            continue;
        }
        let call = &text[at + 3..at + text[at..].find("}}").unwrap()];
        assert!(call.split_whitespace().count() >= 2, "`{{{{>{call}}}}}` gives the partial the whole summary");
        checked += 1;
    }
    assert!(checked >= 5, "the document's partials were not found");
}

#[test]
fn builtin_table_names_every_template_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".hbs"))
        .collect();
    on_disk.sort();
    let mut built_in: Vec<String> = BUILTIN.iter().map(|(f, _)| f.to_string()).collect();
    built_in.sort();
    assert_eq!(on_disk, built_in);
}

#[test]
fn a_template_syntax_error_names_file_line_and_column() {
    let mut sources = builtin();
    sources[1].text = "line one\n{{#if x}}\nno close\n".to_owned();
    sources[1].path = "mine/executive-summary.md.hbs".to_owned();
    let Err(ReportError::Invalid(diags)) = Templates::compile(&sources) else {
        panic!("compiled")
    };
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].path, "mine/executive-summary.md.hbs");
    assert!(diags[0].position.is_some(), "{}", diags[0]);
}

#[test]
fn an_error_in_a_section_template_names_it_at_its_own_line() {
    // The pillar template is registered behind a wrapper (issue 23):
    // its errors still name its file, line and column.
    let mut sources = builtin();
    sources.iter_mut().find(|s| s.file == "briefing.md.hbs").unwrap().text = "{{#each pillars}}{{> pillar}}{{/each}}\n".to_owned();
    sources.iter_mut().find(|s| s.file == "pillar.md.hbs").unwrap().text = "## {{name}}\n\n  {{nmae}}\n".to_owned();
    let templates = Templates::compile(&sources).unwrap();
    let data = serde_json::json!({ "pillars": [{ "id": "p", "name": "P" }] });
    let Err(ReportError::Invalid(diags)) = templates.render(&data) else {
        panic!("rendered")
    };
    assert_eq!((diags[0].path.as_str(), diags[0].position), ("templates/pillar.md.hbs", Some((3, 3))));
}

#[test]
fn a_misspelt_variable_fails_in_strict_mode_with_its_line() {
    let mut sources = builtin();
    let main = sources
        .iter_mut()
        .find(|s| s.file == "briefing.md.hbs")
        .unwrap();
    main.text = "# Title\n\n{{report.titel}}\n".to_owned();
    let templates = Templates::compile(&sources).unwrap();
    let data = serde_json::json!({ "report": { "title": "x" } });
    let Err(ReportError::Invalid(diags)) = templates.render(&data) else {
        panic!("rendered")
    };
    assert_eq!(diags[0].path, "templates/briefing.md.hbs");
    assert_eq!(diags[0].position.map(|p| p.0), Some(3));
}

fn with(overrides: &[(&str, &str)]) -> Vec<TemplateSource> {
    let mut sources = builtin();
    for (file, text) in overrides {
        let source = sources.iter_mut().find(|s| s.file == *file).unwrap();
        source.text = (*text).to_owned();
        source.path = format!("mine/{file}");
    }
    sources
}

fn problems(sources: &[TemplateSource]) -> Vec<String> {
    match Templates::compile(sources) {
        Err(ReportError::Invalid(diags)) => diags.iter().map(ToString::to_string).collect(),
        _ => panic!("compiled"),
    }
}

/// Issue 10, class 12: includes that recurse overflowed the stack.
#[test]
fn templates_that_include_each_other_are_refused() {
    let found = problems(&with(&[("chronology.md.hbs", "{{> sources}}"), ("sources.md.hbs", "{{> chronology}}")]));
    assert_eq!(found, ["mine/chronology.md.hbs: error: the templates include each other without end (chronology → sources → chronology): partials must not recurse"]);
    let found = problems(&with(&[("chronology.md.hbs", "{{#*inline \"row\"}}{{> row}}{{/inline}}{{> row}}")]));
    assert_eq!(found, ["mine/chronology.md.hbs: error: the templates include each other without end (row → row): partials must not recurse"]);
    let found = problems(&with(&[("chronology.md.hbs", "a\n {{> (lookup . \"x\")}}")]));
    assert_eq!(found, ["mine/chronology.md.hbs:2:2: error: a partial's name must be written out (`{{> name}}`), not computed"]);
    // A comment is not an include.
    assert!(Templates::compile(&with(&[("chronology.md.hbs", "{{!-- {{> chronology}} --}}{{! (((( }}")])).is_ok());
}

/// Issue 10, class 12: thousands of nested blocks overflowed the stack.
#[test]
fn blocks_nested_too_deep_are_refused_with_the_place() {
    let deep = format!("{}x{}", "{{#if true}}".repeat(5000), "{{/if}}".repeat(5000));
    let found = problems(&with(&[("chronology.md.hbs", &deep)]));
    assert_eq!(found, ["mine/chronology.md.hbs:1:771: error: blocks nest deeper than 64 levels"]);
    let deep = format!("{{{{x {}y{}}}}}", "(a ".repeat(5000), ")".repeat(5000));
    let found = problems(&with(&[("chronology.md.hbs", &deep)]));
    assert_eq!(found, ["mine/chronology.md.hbs:1:197: error: blocks nest deeper than 64 levels"]);
    let fine = format!("{}x{}", "{{#if true}}".repeat(MAX_NESTING), "{{/if}}".repeat(MAX_NESTING));
    assert!(Templates::compile(&with(&[("chronology.md.hbs", &fine)])).is_ok());
}

/// Issue 10, class 12: the output is capped with a clear error.
#[test]
fn output_over_the_cap_is_an_error() {
    let sources = with(&[("briefing.md.hbs", "{{#each items}}{{#each ../items}}0123456789{{/each}}{{/each}}")]);
    let mut templates = Templates::compile(&sources).unwrap();
    let data = serde_json::json!({ "items": vec![1; 100] });
    assert_eq!(templates.render(&data).unwrap().len(), 100_000);
    templates.max_output = 99_999;
    let Err(ReportError::Invalid(diags)) = templates.render(&data) else { panic!("rendered") };
    assert!(diags[0].to_string().starts_with("mine/briefing.md.hbs: error: the templates' output is over 0 MiB, the limit"), "{}", diags[0]);
}

/// Issue 29, item 4: Markdown nested by a loop, which no look at the
/// template alone finds, is refused once written, with the depth and the
/// line of the output; at the bound it is accepted.
#[test]
fn markdown_a_loop_nests_too_deep_is_refused() {
    for open in ["> ", "*a ", "- "] {
        let close = if open == "*a " { " b*" } else { "" };
        let template = format!("x\n\n{{{{#each items}}}}{open}{{{{/each}}}}deep{{{{#each items}}}}{close}{{{{/each}}}}\n");
        let templates = Templates::compile(&with(&[("briefing.md.hbs", &template)])).unwrap();
        let per = if open == "- " { 2 } else { 1 };
        let fits = serde_json::json!({ "items": vec![1; crate::report::templates::MAX_MARKDOWN_NESTING / per] });
        assert!(templates.render(&fits).is_ok(), "{open:?}");
        let deep = serde_json::json!({ "items": vec![1; 5000] });
        let Err(ReportError::Invalid(diags)) = templates.render(&deep) else { panic!("{open:?} rendered") };
        assert_eq!(diags[0].to_string(), "mine/briefing.md.hbs: error: the Markdown it writes nests 33 levels deep at line 3 of its output (quotes, lists, footnotes, emphasis), deeper than 32: does a template repeat `>` or `-` inside a loop?", "{open:?}");
    }
}

/// Issue 29, item 5: a template whose loops would write 10 GB stops at
/// the limit as it writes, in the time the limit's bytes take, with the
/// limit's error: the writer refuses the first byte past it and the
/// render ends there.
#[test]
fn a_template_that_loops_stops_at_the_limit_as_it_writes() {
    let sources = with(&[("briefing.md.hbs", "{{#each items}}{{#each ../items}}{{#each ../../items}}0123456789{{/each}}{{/each}}{{/each}}")]);
    let mut templates = Templates::compile(&sources).unwrap();
    templates.max_output = 1 << 20;
    let data = serde_json::json!({ "items": vec![1; 1000] });
    let started = std::time::Instant::now();
    let Err(ReportError::Invalid(diags)) = templates.render(&data) else { panic!("rendered") };
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
    assert!(diags[0].to_string().starts_with("mine/briefing.md.hbs: error: the templates' output is over 1 MiB, the limit"), "{}", diags[0]);
}
