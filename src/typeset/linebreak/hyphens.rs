//! Hyphenation points from the `hyphenation` crate's embedded patterns,
//! remembered per word.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use hyphenation::{Hyphenator, Language, Load, Standard};

/// Hyphenation points (byte offsets) by word.
type Points = HashMap<Box<str>, Box<[usize]>>;

thread_local! {
    /// Each word's hyphenation points, by language, as they are found: a
    /// briefing says "Azerbaijan" and "cooperation" hundreds of times, and
    /// finding them walks the patterns from every letter of the word.
    static POINTS: std::cell::RefCell<HashMap<Language, Points>> = Default::default();
}

/// The most words whose hyphenation points are kept, per language.
const MAX_REMEMBERED_WORDS: usize = 200_000;

/// Calls `point` with each hyphenation point (a byte offset) of `word` in
/// `language`.
pub(super) fn hyphenation_points(language: Language, word: &str, mut point: impl FnMut(usize)) {
    POINTS.with_borrow_mut(|points| {
        let known = points.entry(language).or_default();
        if let Some(found) = known.get(word) {
            found.iter().copied().for_each(&mut point);
            return;
        }
        let found: Box<[usize]> = match dictionary(language) {
            Some(dictionary) => dictionary.hyphenate(word).breaks.into(),
            None => Box::default(),
        };
        found.iter().copied().for_each(&mut point);
        // A long watch keeps every word ever typed: start again past a
        // bound far above a briefing's vocabulary.
        if known.len() >= MAX_REMEMBERED_WORDS {
            known.clear();
        }
        known.insert(word.into(), found);
    });
}

/// Hyphenation dictionaries, loaded once per language and process.
pub(super) fn dictionary(language: Language) -> Option<&'static Standard> {
    static DICTIONARIES: OnceLock<Mutex<HashMap<Language, Option<&'static Standard>>>> = OnceLock::new();
    let map = DICTIONARIES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
    *map.entry(language)
        .or_insert_with(|| Standard::from_embedded(language).ok().map(|d| &*Box::leak(Box::new(d))))
}

/// The hyphenation language for a report `language` code, if there are
/// patterns for it ("en" → US English, "ru" → Russian). Azerbaijani has
/// none: the crate's Turkish patterns do not know ə as a vowel, and no
/// other source has Azerbaijani ones (docs/cli.md, Languages), so "az"
/// gives none rather than Turkish break points.
pub fn language(code: &str) -> Option<Language> {
    let code = code.trim().to_ascii_lowercase();
    let code = match code.as_str() {
        "az" => return None,
        "en" => "en-us",
        "de" => "de-1996",
        "el" => "el-monoton",
        other => other,
    };
    Language::try_from_code(code)
}
