use super::*;
use hyphenation::Hyphenator;

fn span(text: &str) -> Span {
    Span { text: text.to_owned(), face: Face::Serif, size: Pt(10.0), color: Color::BLACK, link: None, strike: false, raise: Pt::ZERO, chip: false, lang: None }
}

const TEXT: &str = "Azerbaijan's international integration has increasingly followed a clearly defined \
    strategic formula built on four core pillars: multi-vector diplomacy, connectivity and transport \
    expansion, energy and green transition diplomacy, and active multilateral engagement. Together, \
    these pillars have transformed Azerbaijan from a country that merely participates in international \
    processes into one that increasingly helps shape regional and global agendas.";

fn setting() -> Setting<'static> {
    Setting { justify: true, language: language("en"), names: None }
}

#[test]
fn a_word_met_again_gets_the_dictionarys_points() {
    let language = language("en").unwrap();
    let direct = dictionary(language).unwrap().hyphenate("cooperation").breaks;
    assert!(!direct.is_empty());
    for _ in 0..2 {
        let mut points = Vec::new();
        hyphenation_points(language, "cooperation", |b| points.push(b));
        assert_eq!(points, direct);
    }
    let mut other = Vec::new();
    hyphenation_points(language, "integration", |b| other.push(b));
    assert_eq!(other, dictionary(language).unwrap().hyphenate("integration").breaks);
}

#[test]
fn a_no_break_space_joins_a_day_and_its_month() {
    // Wide enough for "on 4" but not "on 4 February": the day goes to
    // the next line with its month.
    let spans = vec![span("Signed on 4\u{a0}February 2020 in Baku")];
    let fonts = Fonts::get();
    let width = fonts.width(Face::Serif, "Signed on 4 Feb", Pt(10.0));
    let lines = linebreak(&spans, width, Setting::RAGGED);
    let texts: Vec<String> = lines.iter().map(|l| l.fragments.iter().map(|f| f.text.as_str()).collect::<String>()).collect();
    assert!(texts.iter().any(|t| t.contains("4\u{a0}February")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.trim_end().ends_with('4')), "{texts:?}");
}

#[test]
fn justified_lines_fill_the_measure_except_the_last() {
    let lines = linebreak(&[span(TEXT)], Pt(300.0), setting());
    assert!(lines.len() > 3);
    let space = Fonts::get().advance(Face::Serif, ' ', Pt(10.0));
    for line in &lines[..lines.len() - 1] {
        // Full, or short with its spaces at the bound (issue 27: 1.5 times).
        let at_bound = line.fragments.iter().all(|f| (f.space_adjust.0 - space.0 * (MAX_GAP as f32 - 1.0)).abs() < 0.01);
        assert!((line.width.0 - 300.0).abs() < 0.05 || line.width.0 < 300.0 && at_bound, "{:?} {}", line.width, line.text());
    }
    assert!(lines.last().unwrap().width.0 < 300.0);
    let text: String = lines.iter().map(|l| l.text().trim_end_matches('-').to_owned()).collect::<Vec<_>>().join(" ");
    let words = |s: &str| s.split_whitespace().collect::<String>().replace('-', "");
    assert_eq!(words(&text), words(TEXT));
}

#[test]
fn never_more_than_two_hyphenated_lines_in_a_row_and_short_words_whole() {
    for width in [120.0, 150.0, 180.0, 240.0] {
        let lines = linebreak(&[span(TEXT)], Pt(width), setting());
        let flags: Vec<bool> = lines.iter().map(|l| l.hyphenated).collect();
        assert!(!flags.windows(3).any(|w| w.iter().all(|&h| h)), "{width}: {flags:?}");
        for line in lines.iter().filter(|l| l.hyphenated) {
            let last = line.text();
            let piece = last.trim_end_matches('-').rsplit(' ').next().unwrap_or("");
            assert!(piece.chars().count() >= 2, "{last}");
        }
    }
}

#[test]
fn a_token_wider_than_the_line_breaks_between_characters() {
    let url = "https://example.org/a-very-long-path/with/many/segments/that/never/fits/in/one/narrow/line";
    let lines = linebreak(&[span(url)], Pt(60.0), setting());
    assert!(lines.len() > 3);
    for line in &lines {
        assert!(line.width.0 <= 60.05, "{:?} {}", line.width, line.text());
    }
    let joined: String = lines.iter().map(Line::text).collect();
    assert_eq!(joined, url);
}

#[test]
fn ragged_lines_keep_natural_spaces() {
    let lines = linebreak(&[span(TEXT)], Pt(200.0), Setting::RAGGED);
    for line in &lines {
        assert!(line.width.0 <= 200.05);
        assert!(line.fragments.iter().all(|f| f.space_adjust == Pt::ZERO));
    }
}

#[test]
fn a_word_across_spans_wider_than_the_line_still_fits() {
    // Found by fuzzing: a code span glued to the next word.
    let code = Span { face: Face::Mono, size: Pt(9.2), ..span(&("\u{fffd}".repeat(39) + "per")) };
    let spans = [code, span("ation confirm that Azerbaijan will host the OIC Summit in 2026.")];
    for justify in [true, false] {
        let lines = linebreak(&spans, Pt(451.28), Setting { justify, language: language("en"), names: None });
        for line in &lines {
            assert!(line.width.0 <= 451.3, "{justify}: {:?} {}", line.width, line.text());
        }
    }
}

#[test]
fn hard_breaks_end_lines() {
    let spans = [span("one"), span("\n"), span("two")];
    let lines = linebreak(&spans, Pt(300.0), setting());
    assert_eq!(lines.iter().map(Line::text).collect::<Vec<_>>(), ["one", "two"]);
}

#[test]
fn azerbaijani_text_breaks_without_losing_letters() {
    let text = "Azərbaycan Respublikası Şuşa şəhərində Qarabağ Bəyannaməsi qəbul edildi; İlham Əliyev çıxış etdi.";
    let lines = linebreak(&[span(text)], Pt(90.0), Setting { justify: true, language: None, names: None });
    let joined: String = lines.iter().map(Line::text).collect::<Vec<_>>().join(" ");
    assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
}

/// Capitalised words and the words of the names given as data are never
/// hyphenated, nor a capitalised compound parted at its hyphen (issue 27:
/// "Azer-baijan", "Con-nectivity").
#[test]
fn names_and_capitalised_words_are_left_whole() {
    let text = "Azerbaijan Organization Development Multi-vector engagement transportation ".repeat(12);
    let broken = |names| {
        let lines = linebreak(&[span(&text)], Pt(150.0), Setting { names, ..setting() });
        let ends: Vec<String> = lines.iter().filter(|l| l.split).map(|l| l.text().trim_end().rsplit(' ').next().unwrap_or("").to_owned()).collect();
        ends
    };
    let without = broken(None);
    assert!(without.iter().any(|w| w.starts_with("en")), "{without:?}");
    assert!(without.iter().all(|w| !w.starts_with(char::is_uppercase)), "{without:?}");
    let names = name_words(["Active multilateral engagement"]);
    let with = broken(Some(&names));
    assert!(with.iter().all(|w| !w.starts_with("en") && !w.starts_with(char::is_uppercase)), "{with:?}");
}

#[test]
fn russian_is_hyphenated_and_azerbaijani_is_not() {
    let russian = language("ru").expect("Russian patterns");
    let mut points = Vec::new();
    hyphenation_points(russian, "интеграция", |b| points.push(b));
    assert!(!points.is_empty(), "no break point in a Russian word");
    assert!(points.iter().all(|&b| "интеграция".is_char_boundary(b)));
    assert_eq!(language("az"), None);
    assert_eq!(language("tr").map(|_| ()), Some(()), "the Turkish patterns are there, and not used for az");
}
