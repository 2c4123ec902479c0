//! Typography a typesetter signs, and a PDF that reads as print (issue 27,
//! items 4 and 7): links, metadata, line and page breaks.

use azint_report::typeset::display::Item;
use azint_report::typeset::flow::Links;
use azint_report::typeset::{self, Typeset};

use crate::util::{bin, default_markdown, stderr, typeset_options, AS_OF};

/// The document information's text strings by key.
fn info(path: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let doc = lopdf::Document::load(path).unwrap();
    let id = doc.trailer.get(b"Info").and_then(lopdf::Object::as_reference).unwrap();
    let dict = doc.get_object(id).and_then(lopdf::Object::as_dict).unwrap();
    dict.iter()
        .filter_map(|(k, v)| match v {
            lopdf::Object::String(bytes, _) => {
                Some((String::from_utf8_lossy(k).into_owned(), azint_report::typeset::tags::read_text_string(bytes)))
            }
            _ => None,
        })
        .collect()
}

/// The XMP packet, as text.
fn xmp(path: &std::path::Path) -> String {
    let doc = lopdf::Document::load(path).unwrap();
    let id = doc.catalog().unwrap().get(b"Metadata").and_then(lopdf::Object::as_reference).unwrap();
    let stream = doc.get_object(id).and_then(lopdf::Object::as_stream).unwrap();
    String::from_utf8(stream.content.clone()).unwrap()
}

/// Author from `[report] author`, else the organisation; the tool as the
/// Creator with its version; keywords as the standard writes them, "a, b,
/// c"; the XMP says the same.
#[test]
fn the_metadata_names_author_creator_and_keywords_as_the_standard_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&crate::util::root().join("data"), &dir.path().join("data"));
    let pillars = dir.path().join("data/pillars.toml");
    let text = std::fs::read_to_string(&pillars).unwrap();
    let run = |name: &str| {
        let path = dir.path().join(name);
        let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "-q", "--no-changes", "-o"]).arg(&path).current_dir(dir.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        path
    };
    std::fs::write(&pillars, text.replacen("[report]\n", "[report]\norganisation = \"Desk of Studies\"\n", 1)).unwrap();
    let path = run("organisation.pdf");
    let info_of = info(&path);
    assert_eq!(info_of.get("Author").map(String::as_str), Some("Desk of Studies"), "{info_of:?}");
    assert_eq!(info_of.get("Creator"), Some(&format!("azint-report {}", env!("CARGO_PKG_VERSION"))));
    let keywords = info_of.get("Keywords").unwrap();
    assert_eq!(
        keywords,
        "Multi-vector diplomacy, Connectivity and transport expansion, Energy and green transition diplomacy, Active multilateral engagement"
    );
    let packet = xmp(&path);
    assert!(packet.contains(&format!("<pdf:Keywords>{keywords}</pdf:Keywords>")), "{packet}");
    assert!(packet.contains(&format!("<xmp:CreatorTool>azint-report {}</xmp:CreatorTool>", env!("CARGO_PKG_VERSION"))), "{packet}");
    assert!(packet.contains("<rdf:li>Desk of Studies</rdf:li>"), "{packet}");
    std::fs::write(&pillars, text.replacen("[report]\n", "[report]\nauthor = \"A. Analyst\"\norganisation = \"Desk\"\n", 1)).unwrap();
    assert_eq!(info(&run("author.pdf")).get("Author").map(String::as_str), Some("A. Analyst"));
}

/// The colours of the text items that are links (the items between a
/// link's open and close tags).
fn link_colors(typeset: &Typeset) -> Vec<azint_report::typeset::geom::Color> {
    use azint_report::typeset::display::{Role, Tag};
    let mut colors = Vec::new();
    for page in &typeset.document.pages {
        let mut depth = 0usize;
        for (_, item) in &page.items {
            match item {
                Item::Tag(Tag::Open(Role::Link(_))) => depth += 1,
                Item::Tag(Tag::Close) if depth > 0 => depth -= 1,
                Item::Text(text) if depth > 0 => colors.push(text.color),
                _ => {}
            }
        }
    }
    colors
}

/// Links are dark and quiet in print, the default: the text's colour, so
/// seventy titles do not read as a web page; `--links colour` colours them
/// for a screen.
#[test]
fn links_are_quiet_in_print_and_coloured_for_a_screen() {
    let print = typeset::typeset(default_markdown(), &typeset_options(azint_report::options::Paper::A4));
    let link = azint_report::typeset::geom::Color::rgb(0x1a, 0x4f, 0x9c);
    let body = azint_report::typeset::geom::Color::rgb(0x1d, 0x1d, 0x1f);
    let colors = link_colors(&print);
    assert!(colors.len() > 20, "{} links", colors.len());
    assert!(!colors.contains(&link));
    assert!(colors.iter().filter(|c| **c == body).count() > 20);
    let screen = typeset::typeset(default_markdown(), &typeset::Options { links: Links::Colour, ..typeset_options(azint_report::options::Paper::A4) });
    assert!(link_colors(&screen).iter().filter(|c| **c == link).count() > 20);
    // The option reaches the PDF from the command line.
    let out = |links: &str| {
        let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--no-changes", "--links", links, "-q", "-o", "-"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        output.stdout
    };
    assert_ne!(out("quiet"), out("colour"));
}

/// The last line of the text and of the footnotes on each page, as text
/// (the notes lie below the short rule that opens a page's foot).
fn last_lines(page: &azint_report::typeset::display::Page) -> Vec<String> {
    let rule = page.items.iter().find_map(|(p, i)| match i {
        Item::Line { to, .. } if to.y == p.y && (to.x - p.x).0 > 71.0 && (to.x - p.x).0 < 73.0 => Some(p.y),
        _ => None,
    });
    let mut lines: Vec<(bool, f32, f32, String)> = Vec::new();
    for (p, item) in &page.items {
        if let Item::Text(t) = item {
            lines.push((rule.is_some_and(|r| p.y > r), p.y.0, p.x.0, t.text.clone()));
        }
    }
    let mut out = Vec::new();
    for foot in [false, true] {
        let ys = lines.iter().filter(|l| l.0 == foot).map(|l| l.1);
        let Some(last) = ys.reduce(f32::max) else { continue };
        // A footnote number is raised above its line.
        let mut line: Vec<_> = lines.iter().filter(|l| l.0 == foot && (l.1 - last).abs() < 4.0).collect();
        line.sort_by(|a, b| a.2.total_cmp(&b.2));
        out.push(line.iter().map(|l| l.3.as_str()).collect::<Vec<_>>().join(""));
    }
    out
}

/// Whether `line` ends inside a word: a hyphen, dash or slash right after
/// a letter or digit.
fn ends_inside_a_word(line: &str) -> bool {
    let mut end = line.trim_end().chars().rev();
    matches!((end.next(), end.next()), (Some('-' | '\u{2010}' | '–' | '—' | '/'), Some(c)) if c.is_alphanumeric())
}

/// Text of long words that the patterns hyphenate, footnotes with it: a
/// hyphenated line meets a page's foot on many pages.
fn hyphen_rich_markdown() -> String {
    let words = [
        "internationalisation", "cooperation", "organisational", "multilateralism", "transportation", "infrastructure",
        "negotiations", "representatives", "implementation", "understanding", "diversification", "interconnection",
    ];
    let mut md = String::from("# Words\n\n");
    let mut state = 7u32;
    for p in 0..60 {
        let mut text = String::new();
        for k in 0..(40 + p % 17) {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            text.push_str(words[(state >> 16) as usize % words.len()]);
            text.push_str(if k % 5 == 4 { ", and " } else { " " });
        }
        md.push_str(text.trim_end());
        if p % 4 == 0 {
            md.push_str(&format!("[^n{p}]"));
        }
        md.push_str(".\n\n");
        if p % 4 == 0 {
            md.push_str(&format!("[^n{p}]: {}\n\n", text.repeat(1 + p % 3).trim_end()));
        }
    }
    md
}

/// No word is split across pages, footnotes included (issue 27: footnote 1
/// broke "sec-" / "tion" across two pages): a line that ends inside a
/// word is never the last of a page's text or of its footnotes.
#[test]
fn no_word_is_split_across_pages_text_or_footnotes() {
    let options = typeset_options(azint_report::options::Paper::A4);
    for (name, md) in [("hyphen-rich", hyphen_rich_markdown()), ("default", default_markdown().to_owned())] {
        let out = typeset::typeset(&md, &options);
        assert!(name == "default" || out.document.pages.len() > 10, "{}", out.document.pages.len());
        for (n, page) in out.document.pages.iter().enumerate() {
            for line in last_lines(page) {
                assert!(!ends_inside_a_word(&line), "{name}: page {} ends inside a word: {line:?}", n + 1);
            }
        }
    }
}

/// The words of a PDF by page, in reading order, from `pdftotext -bbox`
/// (poppler, as a reader's tools see the file).
fn pdf_words(pdf: &std::path::Path) -> Vec<Vec<String>> {
    let output = std::process::Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut pages = Vec::new();
    for page in text.split("<page ").skip(1) {
        let words = page
            .split("<word ")
            .skip(1)
            .filter_map(|w| Some(w.split_once('>')?.1.split_once("</word>")?.0.replace("&amp;", "&").replace("&apos;", "'")))
            .collect();
        pages.push(words);
    }
    pages
}

/// No capitalised word (a proper name: "Azer-baijan", "Eu-rope",
/// "Organi-zation") and no word of a pillar's or partner's name is
/// hyphenated across lines (issue 27), checked on the words poppler reads
/// from the default briefing and the whole dataset's.
#[test]
fn no_name_or_capitalised_word_is_hyphenated() {
    let dir = tempfile::tempdir().unwrap();
    for (file, period) in [("default.pdf", Some("2024-2026")), ("whole.pdf", None)] {
        let path = dir.path().join(file);
        let mut command = bin();
        command.args(["--as-of", AS_OF, "-q", "--no-changes", "-o"]).arg(&path).current_dir(crate::util::root());
        if let Some(period) = period {
            command.args(["--period", period]);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let summary: serde_json::Value = serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap()).unwrap();
        let names: Vec<&str> = summary["pillars"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
        assert_eq!(names.len(), 4);
        let name_words = azint_report::typeset::linebreak::name_words(names.iter().copied());
        let mut hyphenated = 0;
        for (n, words) in pdf_words(&path).iter().enumerate() {
            for pair in words.windows(2) {
                let Some(head) = pair[0].strip_suffix('-') else { continue };
                if !head.chars().last().is_some_and(char::is_alphabetic) {
                    continue;
                }
                hyphenated += 1;
                let start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
                let rest: String = pair[1].chars().take_while(|c| c.is_alphabetic()).collect();
                let whole = format!("{}{rest}", &head[start..]).to_lowercase();
                assert!(!head.starts_with(char::is_uppercase), "{file} page {}: {:?} / {:?}", n + 1, pair[0], pair[1]);
                assert!(!name_words.contains(&whole), "{file} page {}: a name's word hyphenated: {:?} / {:?}", n + 1, pair[0], pair[1]);
            }
        }
        // The text is still hyphenated where it may be.
        assert!(hyphenated > 0, "{file}: no hyphenated line at all");
    }
}

/// Every face draws the no-break spaces the typesetter ties words with
/// (U+00A0, and U+202F, CLDR's narrow one), as wide as a space or
/// narrower: a tie never shows as a missing glyph or a gap.
#[test]
fn the_fonts_draw_the_no_break_spaces() {
    use azint_report::typeset::fonts::{Face, Fonts};
    use azint_report::typeset::geom::Pt;
    let fonts = Fonts::get();
    for face in Face::ALL {
        let data = fonts.face(face);
        let space = fonts.advance(face, ' ', Pt(10.0));
        for c in ['\u{a0}', '\u{202f}'] {
            assert!(data.has_glyph(c), "{face:?} cannot draw U+{:04X}", c as u32);
            let width = fonts.advance(face, c, Pt(10.0));
            assert!(width.0 > 0.0 && width.0 <= space.0 + 0.01, "{face:?} U+{:04X}: {width:?} against a space's {space:?}", c as u32);
            // U+00A0 is drawn with the space's glyph: as wide.
            assert!(c != '\u{a0}' || (width.0 - space.0).abs() < 0.01, "{face:?}: {width:?} against {space:?}");
        }
    }
}

/// One right edge (issue 27): the rules of tables and headings end at the
/// measure's right edge, where the justified text ends, and nothing runs
/// past it; a justified word space is at most 1.5 times its natural width.
#[test]
fn text_tables_and_rules_share_one_right_edge_and_word_gaps_stay_bounded() {
    use azint_report::typeset::fonts::Fonts;
    let out = typeset::typeset(default_markdown(), &typeset_options(azint_report::options::Paper::A4));
    let fonts = Fonts::get();
    let (mut rules, mut widest_gap) = (0, 0.0f32);
    for page in &out.document.pages {
        let right = page.area.origin.x + page.area.size.w;
        assert!((page.area.size.w - azint_report::typeset::geom::Pt(400.0)).0.abs() < 0.01);
        for (at, item) in &page.items {
            match item {
                // Rules that open at the measure's left edge: a table's, a
                // heading's (a chart draws its axes inside its own frame).
                Item::Line { to, .. } if to.y == at.y && (at.x - page.area.origin.x).0.abs() < 0.6 && (to.x - at.x).0 > 100.0 => {
                    rules += 1;
                    assert!((to.x - right).0.abs() < 0.6, "a rule from {:?} ends at {:?}, the measure at {right:?}", at, to.x);
                }
                Item::Text(t) => {
                    assert!((at.x + t.width - right).0 < 0.6, "{:?} runs past the measure", t.text);
                    let space = fonts.advance(t.face, ' ', t.size);
                    if t.text.contains(' ') {
                        widest_gap = widest_gap.max((space + t.space_adjust).0 / space.0);
                    }
                }
                _ => {}
            }
        }
    }
    assert!(rules > 20, "{rules} rules");
    assert!(widest_gap <= 1.5 + 1e-3, "a word space {widest_gap:.2} times its width");
    assert!(widest_gap > 1.0, "nothing justified");
}

/// Numbers of four or more digits that are neither grouped nor a year
/// (1000 to 2100 alone), in `text`.
fn ungrouped(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == ',' || chars[i - 1] == '.')) {
            let run: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
            let year = run.len() == 4 && (1000..=2100).contains(&run.parse::<u32>().unwrap_or(0));
            if run.len() >= 4 && !year {
                found.push(chars[i.saturating_sub(20)..(i + run.len() + 5).min(chars.len())].iter().collect());
            }
            i += run.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Every count of four or more digits in the running text, the tables and
/// the charts' words is grouped ("1,230"), years apart (issue 27: "8589"
/// in a 10,000-event briefing): a briefing of 2,430 events (a total no year
/// could be), in its Markdown
/// (Mermaid's data lines apart, which must be plain numbers) and its PDF.
#[test]
fn every_count_of_four_digits_or_more_is_grouped() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&crate::util::root().join("data"), &dir.path().join("data"));
    let mut events = String::new();
    for n in 0..2400 {
        let pillar = ["diplomacy", "connectivity", "energy", "multilateral"][n % 4];
        events.push_str(&format!(
            "[[event]]\nid = \"synthetic-{n}\"\ntitle = \"A meeting on trade\"\ndate = 2025-{:02}-{:02}\npillar = \"{pillar}\"\nkind = \"visit\"\nsignificance = 2\npartners = [\"United Nations\"]\nsummary = \"Talks were held.\"\nsources = [{{ name = \"News.Az\", url = \"https://news.az/\", published = 2026-02-12 }}]\n\n",
            n % 12 + 1,
            n % 28 + 1
        ));
    }
    std::fs::write(dir.path().join("data/events/synthetic.toml"), events).unwrap();
    let output = bin().args(["--period", "2024-2026", "--as-of", AS_OF, "--no-changes", "--format", "both", "-q", "--out-dir", "out"]).current_dir(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = std::fs::read_to_string(dir.path().join("out/azint-briefing-2024-2026.md")).unwrap();
    assert!(md.contains(" | 2,430 |\n"), "the table's total is grouped");
    // Mermaid's data lines (`"label" : 1230`, bar values) are data a chart
    // reads, not text; so are the colours' comments.
    let mut fenced = false;
    let prose: String = md
        .lines()
        .filter(|l| {
            if l.starts_with("```") {
                fenced = !fenced;
            }
            !fenced || l.trim_start().starts_with("accDescr")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut prose = prose.as_str();
    let mut text = String::new();
    while let Some((before, after)) = prose.split_once("<!--") {
        text.push_str(before);
        prose = after.split_once("-->").map_or("", |(_, rest)| rest);
    }
    text.push_str(prose);
    assert_eq!(ungrouped(&text), Vec::<String>::new());
    let text = std::process::Command::new("pdftotext").arg(dir.path().join("out/azint-briefing-2024-2026.pdf")).arg("-").output().unwrap();
    assert_eq!(ungrouped(&String::from_utf8_lossy(&text.stdout)), Vec::<String>::new());
}

/// A lead-in keeps with what it introduces, and a heading with what
/// follows it (issue 27: "The most frequent:" ended a page and its table
/// began the next): wherever the page breaks fall, the lead-in's last line
/// shares a page with the table's first row and the list's first item.
#[test]
fn a_lead_in_keeps_with_its_table_or_list() {
    let options = typeset_options(azint_report::options::Paper::A4);
    let page_of = |out: &Typeset, text: &str| {
        out.document.pages.iter().position(|p| p.items.iter().any(|(_, i)| matches!(i, Item::Text(t) if t.text.replace('\u{a0}', " ").contains(text))))
    };
    for filler in 20..40 {
        let md = format!(
            "# T\n\n{}The period's events name many partners. The most frequent:\n\n| Partner | Events |\n| --- | ---: |\n| Zeta first row | 5 |\n| Row two | 3 |\n\nA list follows\n\n- Item one\n- Item two\n\n## Heading at the foot\n\nText under the heading.\n",
            "A line of text.\n\n".repeat(filler)
        );
        let out = typeset::typeset(&md, &options);
        assert_eq!(page_of(&out, "most frequent:"), page_of(&out, "Zeta first row"), "{filler}");
        assert_eq!(page_of(&out, "A list follows"), page_of(&out, "Item one"), "{filler}");
        assert_eq!(page_of(&out, "Heading at the foot"), page_of(&out, "Text under the heading"), "{filler}");
    }
}

/// A table that breaks repeats its header on every page it continues on
/// and leaves at least two rows on either side of each break.
#[test]
fn a_broken_table_repeats_its_header_and_leaves_two_rows_each_side() {
    let options = typeset_options(azint_report::options::Paper::A4);
    for before in [0, 10, 20, 28, 33] {
        let rows: String = (0..70).map(|i| format!("| row {i} | {i} |\n")).collect();
        let md = format!("# T\n\n{}| Name | Count |\n| --- | ---: |\n{rows}\nAfter.\n", "A line of text.\n\n".repeat(before));
        let out = typeset::typeset(&md, &options);
        let mut pages_with_rows = 0;
        for page in &out.document.pages {
            let texts: Vec<&str> = page.items.iter().filter_map(|(_, i)| match i {
                Item::Text(t) => Some(t.text.as_str()),
                _ => None,
            }).collect();
            let rows = texts.iter().filter(|t| t.starts_with("row")).count();
            if rows == 0 {
                continue;
            }
            pages_with_rows += 1;
            assert!(texts.contains(&"Name"), "{before}: a page of rows without the header");
            assert!(rows >= 2, "{before}: a page with {rows} row");
        }
        assert!(pages_with_rows >= 2, "{before}");
    }
}

/// The texts a typeset document draws, line by line.
fn drawn(out: &Typeset) -> Vec<String> {
    out.document.pages.iter().flat_map(|p| p.items.iter()).filter_map(|(_, i)| match i {
        Item::Text(t) => Some(t.text.clone()),
        _ => None,
    }).collect()
}

/// A table whose longest words are together wider than the measure keeps
/// every column's word whole but the widest column's, which gives up the
/// room (issue 27 item 4: the Russian overview's header read
/// "Дипломат/ия", "Многосторонност/ь", "Итог/о", split with no hyphen);
/// and a column set to its text's width ("100,0 %") holds it on one line.
#[test]
fn a_tight_table_splits_only_its_widest_column() {
    let options = typeset_options(azint_report::options::Paper::A4);
    let url = "https://example.org/a/very/long/address/that/is/all/one/word/and/more";
    let rows: String = (0..6).map(|i| format!("| {url}{i} | {url} | {i} | 2 | 3 | 100,0\u{a0}% |\n")).collect();
    let md = format!("| Ссылка | Адрес | Дипломатия | Взаимосвязанность | Многосторонность | Итого |\n| --- | --- | ---: | ---: | ---: | ---: |\n{rows}");
    let texts = drawn(&typeset::typeset(&md, &options));
    for word in ["Дипломатия", "Взаимосвязанность", "Многосторонность", "Итого"] {
        assert!(texts.iter().any(|t| t.contains(word)), "{word} split: {texts:?}");
    }
    // The table was too tight: the addresses had to break.
    assert!(!texts.iter().any(|t| t.contains(url)), "{texts:?}");
    assert!(!texts.iter().any(|t| t.trim() == "%"), "a percentage broke: {texts:?}");
}

/// Where the table cannot afford a column's longest word, the word breaks
/// by the language's patterns with a visible hyphen (Russian has them),
/// not between two letters with no mark.
#[test]
fn a_word_too_wide_for_its_squeezed_column_is_hyphenated() {
    let options = typeset::Options { language: "ru".to_owned(), ..typeset_options(azint_report::options::Paper::A4) };
    let long = "достопримечательностями высокопревосходительство";
    let md = format!(
        "| {long} | Дипломатия | Взаимосвязанность | Многосторонность | Председательство | Инфраструктура | Итого |\n| --- | --- | --- | --- | --- | --- | --- |\n| {long} | 1 | 2 | 3 | 4 | 5 | 6 |\n"
    );
    let texts = drawn(&typeset::typeset(&md, &options));
    assert!(texts.iter().any(|t| t.ends_with('-')), "no hyphen: {texts:?}");
    for t in texts.iter().filter(|t| t.chars().all(char::is_alphabetic)) {
        // Every piece of the long words is a whole word or ends at a hyphen.
        assert!(!"достопримечательностями высокопревосходительство".split(' ').any(|w| w.starts_with(t.as_str()) && w != t), "split with no hyphen: {t:?} in {texts:?}");
    }
}
