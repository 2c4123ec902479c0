//! The languages a briefing is written in (issue 28): English, Azerbaijani
//! and Russian. Each has its catalogue file, its CLDR locale, its
//! quotation marks and its casing rules; the code names a language by this
//! type, never by a string (clap's own value type stays in `cli.rs`).

use std::fmt;

/// A language of the briefings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// British English, the dataset's language by default.
    En,
    /// Azerbaijani, in the Latin alphabet.
    Az,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order of their codes' listing.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Az, Lang::Ru];

    /// The short code: `[report] language`, `--lang`, and the part of a
    /// file name that marks a briefing in another language than the
    /// dataset's (`azint-briefing-2024-2026.ru.pdf`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Az => "az",
            Lang::Ru => "ru",
        }
    }

    /// The BCP 47 tag the PDF states (`/Lang`, XMP `dc:language`) and the
    /// Markdown's `lang` attributes use: `en-GB`, `az`, `ru`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Az => "az",
            Lang::Ru => "ru",
        }
    }

    /// The catalogue's file name, in `templates/` and in `--templates DIR`.
    pub fn file(self) -> &'static str {
        match self {
            Lang::En => "en-GB.ftl",
            Lang::Az => "az.ftl",
            Lang::Ru => "ru.ftl",
        }
    }

    /// The built-in catalogue's text.
    pub fn builtin(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../templates/en-GB.ftl"),
            Lang::Az => include_str!("../../templates/az.ftl"),
            Lang::Ru => include_str!("../../templates/ru.ftl"),
        }
    }

    /// The language a code names: `en` (or `en-GB`), `az`, `ru`, in any
    /// case; none for another code.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "en-gb" => Some(Lang::En),
            "az" | "az-latn" => Some(Lang::Az),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The codes accepted, for messages: "en, az, ru".
    pub fn codes() -> String {
        Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
    }

    /// The quotation marks the frame quotes with: “ ” in English, « » in
    /// Azerbaijani and Russian.
    pub fn quotes(self) -> (&'static str, &'static str) {
        match self {
            Lang::En => ("\u{201C}", "\u{201D}"),
            Lang::Az | Lang::Ru => ("\u{AB}", "\u{BB}"),
        }
    }

    /// `text` in capitals by the language's rules: Azerbaijani capitalises
    /// i as İ (and ı as I), as Unicode's SpecialCasing says for `az`.
    pub fn upper(self, text: &str) -> String {
        match self {
            Lang::Az => text.chars().map(|c| if c == 'i' { 'İ'.to_string() } else { c.to_uppercase().collect() }).collect(),
            Lang::En | Lang::Ru => text.to_uppercase(),
        }
    }

    /// `text` in small letters by the language's rules: Azerbaijani writes
    /// I as ı and İ as i.
    pub fn lower(self, text: &str) -> String {
        match self {
            Lang::Az => text
                .chars()
                .map(|c| match c {
                    'I' => 'ı'.to_string(),
                    'İ' => 'i'.to_string(),
                    c => c.to_lowercase().collect(),
                })
                .collect(),
            Lang::En | Lang::Ru => text.to_lowercase(),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            assert_eq!(Lang::parse(&lang.tag().to_uppercase()), Some(lang));
        }
        assert_eq!(Lang::parse("tr"), None);
        assert_eq!(Lang::codes(), "en, az, ru");
    }

    #[test]
    fn azerbaijani_keeps_the_dot_on_the_i() {
        assert_eq!(Lang::Az.upper("İqtisadi inteqrasiya"), "İQTİSADİ İNTEQRASİYA");
        assert_eq!(Lang::Az.upper("qısa"), "QISA");
        assert_eq!(Lang::Az.lower("İRAN VƏ IRAQ"), "iran və ıraq");
        assert_eq!(Lang::En.upper("integration"), "INTEGRATION");
        assert_eq!(Lang::En.lower("IRAN"), "iran");
        assert_eq!(Lang::Ru.upper("интеграция"), "ИНТЕГРАЦИЯ");
    }
}
