use super::*;

fn sample(variable: &str) -> Arg<'static> {
    Arg::from(format!("<{variable}>"))
}

/// The built-in text with `from` replaced by `to` (which must be there).
fn edited(from: &str, to: &str) -> String {
    assert!(BUILTIN.contains(from), "{from} is not in the built-in catalogue");
    BUILTIN.replacen(from, to, 1)
}

fn problems(text: &str) -> Vec<String> {
    match Catalogue::parse("desk/en-GB.ftl", text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .iter()
            .map(|d| {
                let (line, col) = d.position.unwrap_or((0, 0));
                format!("{}:{line}:{col}: {}", d.path, d.message)
            })
            .collect(),
    }
}

/// The built-in text of message `id`: its first line and the indented
/// lines under it.
fn definition(id: &str) -> String {
    let mut lines = BUILTIN.lines().skip_while(|l| !l.starts_with(&format!("{id} =")));
    let first = lines.next().unwrap_or_default();
    std::iter::once(first).chain(lines.take_while(|l| l.starts_with(' '))).collect::<Vec<_>>().join("\n")
}
/// Variables that only choose a form of their message (a plural, a
/// field's name, a significance), never printed in it.
const SELECTORS: &[(&str, &str)] = &[("change-field", "count"), ("significance", "level"), ("mermaid-task", "state"), ("mermaid-events", "count"), ("count-of", "one")];

#[test]
fn the_builtin_catalogue_is_valid() {
    let catalogue = Catalogue::parse("templates/en-GB.ftl", BUILTIN).expect("the built-in catalogue");
    for (id, variables) in MESSAGES {
        let args: Vec<(&str, Arg)> = variables.iter().map(|v| (*v, sample(v))).collect();
        let text = catalogue.try_text(id, &args).unwrap_or_else(|e| panic!("{e}"));
        assert!(!text.trim().is_empty(), "{id} is blank");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id} holds isolation marks: {text:?}");
        for v in variables.iter().filter(|v| !SELECTORS.contains(&(*id, **v))) {
            // A variable that only chooses a variant (`{ $kind -> ...}`) is
            // not printed.
            let chooses = definition(id).contains(&format!("{{ ${v} ->"));
            assert!(chooses || text.contains(&format!("<{v}>")), "{id} lost ${v}: {text}");
        }
    }
}

#[test]
fn words_are_the_ones_printed_before() {
    let words = Catalogue::builtin();
    assert_eq!(words.text("contents", &[]), "Contents");
    assert_eq!(words.text("link-to-section", &[("title", "Energy".into())]), "Go to the section “Energy”");
    assert_eq!(words.text("link-to-note", &[("number", "1234".into())]), "Footnote 1234");
    assert_eq!(words.text("date-span-days", &[("from", "11".into()), ("until", "22 November 2024".into())]), "11–22 November 2024");
}

#[test]
fn a_syntax_error_names_its_line_and_column() {
    let found = problems(&edited("contents = Contents", "contents = { Contents"));
    assert!(!found.is_empty());
    let line = BUILTIN.lines().position(|l| l.starts_with("contents =")).expect("contents") + 1;
    assert!(found[0].starts_with(&format!("desk/en-GB.ftl:{line}:")), "{found:?}");
    assert!(found[0].contains("invalid catalogue"), "{found:?}");
}

#[test]
fn a_missing_message_is_an_error() {
    let found = problems(&edited("task-done = Done\n", ""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("the message `task-done` is missing"), "{found:?}");
}

#[test]
fn a_message_may_use_only_the_variables_given_and_must_keep_them() {
    let found = problems(&edited("Image { $src }", "Image { $source }"));
    let line = BUILTIN.lines().position(|l| l.starts_with("image-without-alt =")).expect("the message") + 1;
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|p| p.starts_with(&format!("desk/en-GB.ftl:{line}:1: "))), "{found:?}");
    assert!(found[0].contains("uses `$source`, which the tool does not give it (it gives: $src)"), "{found:?}");
    assert!(found[1].contains("leaves out `$src`"), "{found:?}");
    let found = problems(&edited("contents = Contents", "contents = Contents { $page }"));
    assert!(found[0].contains("uses `$page`, which the tool does not give it (it gives: none)"), "{found:?}");
}

#[test]
fn references_must_exist() {
    let found = problems(&edited("contents = Contents", "contents = { -house } { index } { TITLE() }"));
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().any(|p| p.contains("the term `-house`")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("the message `index`")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("`TITLE()`")), "{found:?}");
    let text = format!("{}\n-house = Our house\nabout = About {{ -house }}\n", edited("contents = Contents", "contents = { about }"));
    assert_eq!(problems(&text), Vec::<String>::new());
}

#[test]
fn duplicates_and_direction_marks_are_refused() {
    let found = problems(&format!("{BUILTIN}\ncontents = Table of contents\n"));
    assert!(found.iter().any(|p| p.contains("`contents` is defined twice")), "{found:?}");
    let found = problems(&edited("Contents", "\u{2068}Contents\u{2069}"));
    assert!(found.iter().any(|p| p.contains("U+2068")), "{found:?}");
}

#[test]
fn plurals_follow_cldr_and_numbers_are_grouped() {
    let text = format!("{BUILTIN}\nevents = {{ $count ->\n    [one] one event\n   *[other] {{ $count }} events\n}}\n");
    let words = Catalogue::parse("t.ftl", &text).expect("a catalogue");
    assert_eq!(words.text("events", &[("count", 1usize.into())]), "one event");
    assert_eq!(words.text("events", &[("count", 0usize.into())]), "0 events");
    assert_eq!(words.text("events", &[("count", 2500usize.into())]), "2,500 events");
    assert_eq!(words.text("events", &[("count", (-1234i64).into())]), "-1,234 events");
    assert_eq!(words.text("events", &[("count", 2.5f64.into())]), "2.5 events");
}

#[test]
fn an_unknown_message_or_variable_is_said_not_printed() {
    let text = format!("{BUILTIN}\nhello = Hello {{ $name }}\n");
    let words = Catalogue::parse("t.ftl", &text).expect("a catalogue");
    assert_eq!(words.try_text("hello", &[("name", "desk".into())]).as_deref(), Ok("Hello desk"));
    let missing = words.try_text("hello", &[]).expect_err("no $name");
    assert!(missing.contains("`hello` cannot be said"), "{missing}");
    let unknown = words.try_text("goodbye", &[]).expect_err("no such message");
    assert!(unknown.contains("no message `goodbye`"), "{unknown}");
}

#[test]
fn a_desk_overrides_the_catalogue_from_its_templates_folder() {
    let dir = tempfile::tempdir().expect("a folder");
    assert_eq!(Catalogue::load(Some(dir.path())).expect("built in").text("contents", &[]), "Contents");
    let path = dir.path().join(FILE);
    std::fs::write(&path, edited("contents = Contents", "contents = In this briefing")).expect("written");
    let words = Catalogue::load(Some(dir.path())).expect("the desk's");
    assert_eq!(words.text("contents", &[]), "In this briefing");
    assert_eq!(words.path(), path.display().to_string());
    std::fs::write(&path, "contents = Contents\n").expect("written");
    match Catalogue::load(Some(dir.path())) {
        Err(WordsError::Invalid(problems)) => {
            assert_eq!(problems.len(), MESSAGES.len() - 1);
            assert!(problems.iter().all(|p| p.path == path.display().to_string()));
        }
        other => panic!("{other:?}"),
    }
    std::fs::write(&path, [0xff, 0xfe]).expect("written");
    assert!(matches!(Catalogue::load(Some(dir.path())), Err(WordsError::Invalid(_))));
}

/// Each message of a catalogue's text with the variables it uses.
fn messages_and_variables(text: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn pattern(p: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
            Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match i {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let resource = fluent_syntax::parser::parse(text).expect("parses");
    let mut found = std::collections::BTreeMap::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut variables = std::collections::BTreeSet::new();
            m.value.iter().for_each(|p| pattern(p, &mut variables));
            found.insert(m.id.name.to_owned(), variables);
        }
    }
    found
}

/// Sample values for every message: numbers where a message chooses its
/// form by them, texts otherwise.
fn sample_args(id: &str, variables: &[&str], n: f64) -> Vec<(&'static str, Arg<'static>)> {
    let numeric = |v: &str| {
        !matches!(v, "date" | "from" | "until" | "title" | "period" | "source" | "name" | "label" | "events" | "partners" | "kinds" | "rest" | "regions" | "pillar")
            || (id.starts_with("count") || id.contains("-count") || id.starts_with("summary-") || id.starts_with("about-") || id.starts_with("timeline")) && v == "events"
    };
    variables
        .iter()
        .map(|v| {
            let name: &'static str = MESSAGES.iter().flat_map(|(_, vs)| vs.iter()).find(|x| *x == v).copied().unwrap_or("x");
            let arg = if numeric(v) { Arg::Number(n) } else { sample(v) };
            (name, arg)
        })
        .collect()
}

#[test]
fn the_builtin_catalogues_are_valid_and_alike() {
    let english = messages_and_variables(BUILTIN);
    for lang in [Lang::Az, Lang::Ru] {
        let text = lang.builtin();
        let catalogue = Catalogue::parse_in(lang, &format!("templates/{}", lang.file()), text).unwrap_or_else(|e| panic!("{}: {e:?}", lang.file()));
        assert_eq!(catalogue.lang(), lang);
        let theirs = messages_and_variables(text);
        assert_eq!(theirs.keys().collect::<Vec<_>>(), english.keys().collect::<Vec<_>>(), "{}: not the same messages", lang.file());
        for (id, variables) in &english {
            assert_eq!(&theirs[id], variables, "{}: `{id}` does not use the same variables", lang.file());
        }
        for (id, variables) in MESSAGES {
            for n in [0.0, 1.0, 2.0, 5.0, 21.0] {
                let text = catalogue.try_text(id, &sample_args(id, variables, n)).unwrap_or_else(|e| panic!("{}: {e}", lang.file()));
                assert!(!text.trim().is_empty(), "{}: {id} is blank", lang.file());
                assert!(!text.contains(['\u{2068}', '\u{2069}', '“', '”']), "{}: {id}: {text:?}", lang.file());
            }
        }
        // The English words of the frame are not left in.
        assert_ne!(catalogue.text("contents", &[]), "Contents");
    }
}

#[test]
fn russian_plurals_have_three_forms() {
    let ru = Catalogue::builtin_in(Lang::Ru);
    let said: Vec<String> = [1usize, 2, 5, 11, 21, 22, 25, 111, 1000].iter().map(|n| ru.text("count-event", &[("count", (*n).into())])).collect();
    assert_eq!(
        said,
        ["1 событие", "2 события", "5 событий", "11 событий", "21 событие", "22 события", "25 событий", "111 событий", "1\u{a0}000 событий"]
    );
    let az = Catalogue::builtin_in(Lang::Az);
    assert_eq!(az.text("count-event", &[("count", 5usize.into())]), "5 hadisə");
    assert_eq!(az.text("count-event", &[("count", 1234usize.into())]), "1.234 hadisə");
}

#[test]
fn each_language_has_its_dates_numbers_lists_and_quotes() {
    let (en, az, ru) = (Catalogue::builtin(), Catalogue::builtin_in(Lang::Az), Catalogue::builtin_in(Lang::Ru));
    assert_eq!(az.date(2026, Some(2), Some(12)), "12 fevral 2026");
    assert_eq!(ru.date(2026, Some(2), Some(12)), "12 февраля 2026\u{202f}г.");
    assert_eq!(az.figure(1234.5), "1234,5");
    assert_eq!(ru.figure(12345.5), "12\u{a0}345,5");
    assert_eq!(az.and_list(&["A", "B", "C"]), "A, B və C");
    assert_eq!(ru.and_list(&["A", "B", "C"]), "A, B и C");
    assert_eq!(en.quote("x"), "“x”");
    assert_eq!(az.quote("x"), "«x»");
    assert_eq!(ru.text("link-to-section", &[("title", "Энергетика".into())]), "Перейти к разделу «Энергетика»");
    assert_eq!(ru.text("page-footer", &[("page", 3usize.into()), ("pages", 12usize.into())]), "Страница 3 из 12");
    assert_eq!(az.text("page-footer", &[("page", 3usize.into()), ("pages", 12usize.into())]), "Səhifə 3 / 12");
}

/// A desk's message that says nothing for some count, or for any value,
/// is refused at its line: it would leave a blank heading or cell.
#[test]
fn a_desks_message_that_can_say_nothing_is_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let blanks = [
        ("contents = Содержание", "contents = { \"\" }"),
        ("contents = Содержание", "contents = { \"\u{200B}\" }"),
        ("contents = Содержание", "contents = {\"  \"}"),
    ];
    for (from, to) in blanks {
        let text = Lang::Ru.builtin().replacen(from, to, 1);
        assert_ne!(text, Lang::Ru.builtin(), "{to}");
        std::fs::write(dir.path().join("ru.ftl"), text).expect("written");
        let Err(WordsError::Invalid(problems)) = Catalogue::load_in(Some(dir.path()), Lang::Ru) else { panic!("{to}: accepted") };
        assert!(problems.iter().any(|p| p.message.contains("`contents` can say nothing")), "{to}: {problems:?}");
    }
    // Blank for one plural form only.
    let one = "count-event = { $count ->\n    [one] {\"\"}\n    [few] { $count } события\n   *[many] { $count } событий\n}";
    let text = Lang::Ru.builtin();
    let start = text.find("count-event =").expect("the message");
    let end = start + text[start..].find("\n}").expect("its end") + 2;
    std::fs::write(dir.path().join("ru.ftl"), format!("{}{one}{}", &text[..start], &text[end..])).expect("written");
    assert!(matches!(Catalogue::load_in(Some(dir.path()), Lang::Ru), Err(WordsError::Invalid(_))), "a blank plural form");
}

#[test]
fn a_catalogue_saved_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let text = Lang::Ru.builtin().replacen("contents = Содержание", "contents = Оглавление", 1);
    std::fs::write(dir.path().join("ru.ftl"), format!("\u{feff}{text}")).expect("written");
    assert_eq!(Catalogue::load_in(Some(dir.path()), Lang::Ru).expect("the desk's").text("contents", &[]), "Оглавление");
}

#[test]
fn a_desk_overrides_each_language_by_its_file_name() {
    let dir = tempfile::tempdir().expect("a folder");
    let text = Lang::Ru.builtin().replacen("contents = Содержание", "contents = Оглавление", 1);
    std::fs::write(dir.path().join("ru.ftl"), text).expect("written");
    assert_eq!(Catalogue::load_in(Some(dir.path()), Lang::Ru).expect("the desk's").text("contents", &[]), "Оглавление");
    assert_eq!(Catalogue::load_in(Some(dir.path()), Lang::Az).expect("built in").text("contents", &[]), "Mündəricat");
    std::fs::write(dir.path().join("az.ftl"), "contents = Mündəricat\n").expect("written");
    assert!(matches!(Catalogue::load_in(Some(dir.path()), Lang::Az), Err(WordsError::Invalid(_))));
}

#[test]
fn a_russian_date_is_not_followed_by_a_second_full_stop() {
    let ru = Catalogue::builtin_in(Lang::Ru);
    let date = ru.date(2026, Some(2), Some(12));
    for id in ["briefing", "briefing-by", "briefing-by-author", "briefing-author"] {
        let args = [("period", Arg::from("2024–2026")), ("date", Arg::from(date.clone())), ("organisation", "Desk".into()), ("author", "A".into())];
        let variables = MESSAGES.iter().find(|(m, _)| *m == id).map(|(_, v)| *v).unwrap_or_default();
        let args: Vec<_> = args.into_iter().filter(|(n, _)| variables.contains(n)).collect();
        let text = ru.text(id, &args);
        assert!(!text.contains("г.."), "{id}: {text}");
    }
}

#[test]
fn the_about_note_says_the_translations_of_the_scales_are_the_desks() {
    let scale = [("scale", Arg::from("x"))];
    let az = Catalogue::builtin_in(Lang::Az);
    let ru = Catalogue::builtin_in(Lang::Ru);
    assert!(az.text("about-likelihood", &scale).contains("tərcümə redaksiyaya məxsusdur"));
    assert!(az.text("about-admiralty", &[]).contains("tərcümə redaksiyaya məxsusdur"));
    assert!(ru.text("about-likelihood", &scale).contains("перевод принадлежит редакции"));
    assert!(ru.text("about-admiralty", &[]).contains("перевод принадлежит редакции"));
    let likely = [("likelihood", Arg::from("very-likely")), ("from", Arg::from("80")), ("to", Arg::from("95"))];
    assert_eq!(ru.text("likelihood-range", &likely), "весьма вероятно (80–95\u{a0}%)");
    assert_eq!(az.text("likelihood-range", &likely), "çox ehtimal (80–95%)");
}
