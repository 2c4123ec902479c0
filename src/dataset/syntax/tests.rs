use super::*;

/// Every mistake of `text` as `line:col: message`.
fn mistakes(text: &str) -> Vec<String> {
    let (_, errors) = toml::de::DeTable::parse_recoverable(text);
    assert!(!errors.is_empty(), "parses: {text}");
    let lines = LineIndex::new(text);
    explain(text, &lines, errors)
        .into_iter()
        .map(|m| {
            let place = lines.place(text, m.offset);
            format!("{}:{}: {}", place.line, place.col, m.message)
        })
        .collect()
}

#[test]
fn each_common_mistake_is_one_error_at_its_line() {
    let cases: &[(&str, &str)] = &[
        ("a = 1\ntitle = \"Talks\nb = 2\n", "2:9: this string has no closing quote: add `\"` at the end of the line"),
        ("a = 1\ntitle = 'Talks\nb = 2\n", "2:9: this string has no closing quote: add `'` at the end"),
        ("partners = [\"SOCAR]\nb = 2\n", "1:13: this string has no closing quote: add `\"` before the `]`"),
        ("s = \"\"\"\ntext\n\n[[e]]\nb = 2\nt = \"\"\"\nmore\n\"\"\"\n", "1:5: the text that opens here with `\"\"\"` is not closed: add `\"\"\"` after its last line (line 2)"),
        ("s = ''' text\nb = 2\n", "1:5: the text that opens here with `'''` is not closed"),
        // Issue 28: the next language's text opens right after, so the
        // first `"""` met opens a text, and closes none.
        ("a = 1\ns.en = \"\"\"\nText on\ntwo lines.\ns.az = \"\"\"\nMətn.\"\"\"\nb = 2\n", "2:8: the text that opens here with `\"\"\"` is not closed: add `\"\"\"` after its last line (line 4)"),
        ("a = 1\ns = \"\"\nSome text here\nand more.\"\"\"\nb = 2\n", "2:5: `s = \"\"` is an empty string, and the text on the lines below it is outside any string"),
        ("a = 1\nkind \"summit\"\nb = 2\n", "2:6: `kind` has no `=` before its value: write `kind = \"summit\"`"),
        ("s = \"\"\nkind \"summit\"\n", "2:6: `kind` has no `=` before its value"),
        ("tags = [\"a\", \"b\"\n\n[[e]]\nb = 2\n", "1:17: the array that opens on this line has no closing `]`: add `]` after its last item"),
        ("tags = [\n  \"a\",\n  \"b\"\nc = 1\n", "3:6: the array that opens at line 1 has no closing `]`: add `]` after its last item"),
        ("s = [{ x = 1 ]\nb = 2\n", "1:14: the inline table that opens at line 1, column 6 has no closing `}`: add `}` before this `]`"),
        ("s = [{ x = 1 }\nb = 2\n", "1:15: the array that opens on this line has no closing `]`: add `]` after its last item"),
        ("[[event]\nb = 2\n", "1:9: this table header is not closed: write `[[event]]`"),
        ("[report\nb = 2\n", "1:8: this table header is not closed: write `[report]`"),
        ("a = 2 x\nb = 2\n", "1:7: unexpected `x` after the value `2` of `a`"),
        ("a = \"x\" y\nb = 2\n", "1:9: unexpected `y` after the value of `a`"),
        ("date = 12/03/2025\n", "1:8: `12/03/2025` is not a date the dataset reads"),
        ("date = 2025-03\n", "1:8: `2025-03` must be in quotes: a month or a year is written `date = \"2025-03\"`"),
        ("date = 2023-02-29\n", "1:8: invalid `date`: 2023-02-29 is not a date in the calendar"),
        ("kind = summit\n", "1:8: `summit` is text and must be in quotes: write `kind = \"summit\"`"),
        ("figures = [ x\n  { a = 1 },\n]\n", "1:13: `x` is text and must be in quotes: write `\"x\"`"),
        ("a = 1\nb = 2\na = 3\n", "3:1: `a` is given twice in this file; the first is at line 1"),
        ("[r]\na = 1\n[r]\nb = 1\n", "3:2: `[r]` is defined twice in this file; the first is at line 1"),
        ("a = \"x\\q\"\n", "1:7: `\\q` is not an escape"),
        ("[pillar]\nid = \"a\"\n[[pillar]]\nid = \"b\"\n", "1:1: `[pillar]` is one table, but pillars are an array of tables: write `[[pillar]]`"),
        ("[[partner]]\nid = \"a\"\n[partner]]\nid = \"b\"\n", "3:1: `[partner]]` is one table, but partners are an array of tables: write `[[partner]]`"),
        ("[[x]]\na = 1\n[x]\na = 2\n", "3:1: `[x]` is one table, but `x` is an array of tables: write `[[x]]`"),
        ("[report]]\ntitle = \"a\"\n", "1:1: this header opens with `[` and closes with `]]`: write `[report]`"),
        ("[[event]]\ndate = \"2025\"\nkind statement\n", "3:6: `kind` has no `=` before its value: write `kind = \"statement\"`"),
        ("[[event]]\ntags energy\n", "2:6: `tags` has no `=` before its value: write `tags = [\"energy\"]`"),
        ("[[event]]\ntitle = \"x\"\nsignifcance level = 2\n", "3:1: a key has no spaces: write `signifcance_level` or quote it: `\"signifcance level\"`"),
        ("[[event]]\nsignificance = high\n", "2:16: `high` is not a number: `significance` is a whole number from 1 to 5"),
        ("[[event]]\nsources = [{ name = \"x\", published = yesterday }]\n", "2:38: `yesterday` is not a day: write it `YYYY-MM-DD`"),
        ("[[event]]\nfigures = [{ label = \"x\", value = 2.5bn }]\n", "2:35: `2.5bn` is not a number: write `value = 2.5`"),
        ("[[event]]\nfigures = [{ label = \"x\", value = 1, approx = yes }]\n", "2:47: `yes` is not `true` or `false`"),
        ("s = [{ a = \"x\" b = 1 }]\n", "1:15: a `,` is missing between two `key = value` of this inline table"),
        ("s = [{ a \"x\", b = 1 }]\n", "1:10: `a` has no `=` before its value: write `a = \"x\"`"),
        ("s = [{ a = \"x, b = 1, c = \"y\" }]\n", "1:12: this string has no closing quote: add `\"` before the `,`"),
        ("s = [{ a = 1 b = 2 }]\n", "1:13: a `,` is missing between two `key = value` of this inline table"),
        ("[[pillar]]\nid = \"a\"\n[pillar", "3:8: this table header is not closed, and pillars are an array of tables: write `[[pillar]]`"),
        ("[[pillar]]\nid = \"a\"\n[pillar\nid = \"b\"\n", "3:8: this table header is not closed, and pillars are an array of tables"),
        ("a = 1\n[report", "2:8: this table header is not closed: write `[report]`"),
        ("a = [1,,2]\n", "1:8: this `,` is one too many: delete it"),
    ];
    for (text, expected) in cases {
        let found = mistakes(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        assert!(found[0].starts_with(expected), "{text:?}: {found:#?}");
    }
}

#[test]
fn independent_mistakes_are_each_reported() {
    let text = "[[e]]\ntitle = \"one\n\n[[e]]\nkind \"x\"\n\n[[e]]\ntags = [\"a\"\n\n[[e]]\nok = 1\n";
    let found = mistakes(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].starts_with("2:9: this string has no closing quote"), "{found:#?}");
    assert!(found[1].starts_with("5:6: `kind` has no `=`"), "{found:#?}");
    assert!(found[2].starts_with("8:12: the array that opens on this line"), "{found:#?}");
}

#[test]
fn places_after_inserted_text_map_back_to_the_file() {
    let mut patched = Patched { text: "abcdef".to_owned(), edits: Vec::new() };
    patched.apply(Repair::Replace(2..2, "XY".to_owned()));
    patched.apply(Repair::Replace(0..1, String::new()));
    assert_eq!(patched.text, "bXYcdef");
    assert_eq!(patched.original(0), 1);
    assert_eq!(patched.original(1), 2);
    assert_eq!(patched.original(2), 2);
    assert_eq!(patched.original(3), 2);
    assert_eq!(patched.original(4), 3);
    patched.apply(Repair::Blank(0..4));
    assert_eq!(patched.text, "    def");
}

#[test]
fn nothing_panics_and_every_round_ends() {
    let base = include_str!("../../../data/events/2025.toml");
    let bytes: Vec<usize> = base.char_indices().map(|(i, _)| i).step_by(7).collect();
    for &at in &bytes {
        let mut text = base.to_owned();
        text.remove(at);
        if toml::de::DeTable::parse(&text).is_err() {
            let found = mistakes(&text);
            assert!(!found.is_empty(), "at {at}");
        }
    }
}

/// Any one character put anywhere, or taken away: no panic, every round
/// ends, and a file that does not parse gets at least one error.
#[test]
fn any_character_anywhere_is_explained_without_panic() {
    let base = include_str!("../../../data/events/2024.toml");
    let places: Vec<usize> = base.char_indices().map(|(i, _)| i).step_by(61).collect();
    for &at in &places {
        for insert in ["\"", "'", "[", "]", "{", "}", "=", "\\", "\n", "#", "ə", "\"\"\"", ""] {
            let mut text = base.to_owned();
            if insert.is_empty() {
                text.remove(at);
            } else {
                text.insert_str(at, insert);
            }
            if toml::de::DeTable::parse(&text).is_err() {
                assert!(!mistakes(&text).is_empty(), "{insert:?} at {at}");
            }
        }
    }
}

#[test]
fn a_repair_is_parsed_again_from_its_tables_header() {
    let text = "a = 1\n[[e]]\nb = [\n  \"[x]\",\n]\ns = \"\"\"\n[[not]]\n\"\"\"\nc = 2\n";
    assert_eq!(header_before(text, 0, text.find("c = 2").unwrap()), 6);
    assert_eq!(header_before(text, 6, text.find("c = 2").unwrap()), 6);
    assert_eq!(header_before(text, 0, 3), 0);
    // A table given twice across the part parsed again is still found.
    let twice = "[r]\na = 1\n[[e]]\nx = \"open\n[r]\nb = 2\n";
    let found = mistakes(twice);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[1].starts_with("5:2: `[r]` is defined twice"), "{found:#?}");
}

#[test]
fn many_mistakes_in_a_large_file_are_each_reported() {
    let event = |n: usize| format!("[[event]]\nid = \"e{n}\"\ntitle = \"Event {n}\nsummary = \"\"\"\nText of\nevent {n}.\"\"\"\n\n");
    let text: String = (0..150).map(event).collect();
    let found = mistakes(&text);
    assert_eq!(found.len(), crate::diag::LISTED_PER_FILE, "{:#?}", &found[..found.len().min(5)]);
    for (n, found) in found.iter().enumerate() {
        assert!(found.starts_with(&format!("{}:9: this string has no closing quote", 3 + 7 * n)), "{found}");
    }
}

/// Whatever a one-token slip does to a data file, the analyst reads plain
/// words: no message keeps the parser's own ("invalid TOML: … expected").
/// The slips are those that reach the parser's other messages: signs,
/// radix prefixes, underscores, control characters, doubled commas and
/// `=`, broken escapes and keys, half-written values.
#[test]
fn every_parser_message_that_is_reached_is_in_plain_words() {
    let base = include_str!("../../../data/events/2025.toml");
    let places: Vec<usize> = base.char_indices().map(|(i, _)| i).step_by(13).collect();
    let slips = [
        "+", "-", "0x", "0X1", "_", "__", "\r", "\u{1}", ",", ",,", "=", "= =", "\\u12", "\\", "'''", "\"\"\"", "1e", "tru", "nan",
        ".", "..", "{", "}", "[[", "]]", "{ ,", "= 1 =", "0b2", "00", "1__2", "#\u{7}", " x = ", "\"a\" = ", "''' = 1",
    ];
    let mut left = Vec::new();
    let mut tried = 0;
    for &at in &places {
        for slip in slips {
            let mut text = base.to_owned();
            text.insert_str(at, slip);
            if toml::de::DeTable::parse(&text).is_ok() {
                continue;
            }
            tried += 1;
            for found in mistakes(&text) {
                if found.contains("invalid TOML") || found.contains("key-value") {
                    left.push(format!("{slip:?} at {at}: {found}"));
                }
            }
        }
    }
    assert!(tried > 1_200, "{tried} slips");
    assert!(left.is_empty(), "{} of {tried}:\n{}", left.len(), left[..left.len().min(30)].join("\n"));
}

/// Each of the parser's descriptions has its plain words, found for the
/// message as the parser gives it (with its `, expected …`).
#[test]
fn each_parser_description_has_plain_words() {
    for (parser, words) in super::plain::PLAIN {
        assert_eq!(super::plain::plain(&format!("{parser}, expected `,`")), Some(*words), "{parser}");
        assert!(!words.contains("key-value") && !words.contains("expected"), "{words}");
    }
    assert_eq!(super::plain::plain("missing comma between array elements"), Some("a `,` is missing between two items of this array"));
    assert_eq!(super::plain::plain("something a later parser says"), None);
}
