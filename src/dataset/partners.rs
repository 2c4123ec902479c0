//! The partner registry (issue 13): the rules that need every
//! `[[partner]]` of the dataset, and the events' `partners` resolved
//! against it.
//!
//! With a registry, an event names a partner by its id, name or alias, and
//! the dataset keeps the registry's name, so every report shows one
//! spelling. Without one, partners stay free text and [`likely_duplicates`]
//! warns about spellings that probably mean the same counterpart.

use std::collections::HashMap;

use crate::diag::{did_you_mean, Diagnostic, Place};

use super::load::DataFile;
use super::model::{Event, Partner};

/// One `[[partner]]` as checked in its file, with the places the
/// registry-wide rules point at. `partner.members` are as written.
#[derive(Clone, Debug)]
pub struct PartnerDef {
    pub partner: Partner,
    pub id_place: Place,
    pub name_place: Place,
    pub alias_places: Vec<Place>,
    pub member_places: Vec<Place>,
}

/// The registry of a dataset: every partner, and every spelling that names
/// one (ids, names, aliases), compared without regard to case.
pub struct Registry {
    partners: Vec<Partner>,
    /// Lower-cased spelling → index into `partners`.
    spellings: HashMap<String, usize>,
    /// Spelling as the registry writes it → index: most event entries
    /// match one exactly, without lower-casing a copy first.
    exact: HashMap<String, usize>,
    /// For "did you mean", built on the first unknown spelling.
    suggestions: std::sync::OnceLock<Suggestions>,
}

/// Every spelling of the registry as written, and a deletion index over
/// their folded forms ([`fold`]; each form and each form with one
/// character removed): the close spellings of a misspelt partner are found
/// without comparing it with thousands, so a file with many misspellings
/// stays linear in its size.
struct Suggestions {
    spellings: Vec<String>,
    index: HashMap<String, Vec<u32>>,
}

impl Suggestions {
    fn new(partners: &[Partner]) -> Self {
        let spellings: Vec<String> = partners
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases).chain([&p.id]))
            .cloned()
            .collect();
        let mut index: HashMap<String, Vec<u32>> = HashMap::with_capacity(spellings.len() * 8);
        for (n, spelling) in spellings.iter().enumerate() {
            for variant in variants(&fold(spelling)) {
                let list = index.entry(variant).or_default();
                if list.last() != Some(&(n as u32)) {
                    list.push(n as u32);
                }
            }
        }
        Suggestions { spellings, index }
    }

    /// "did you mean" for the closest spelling within two edits of the
    /// folded forms, if any.
    fn suggest(&self, word: &str) -> Option<String> {
        let mut candidates: Vec<u32> =
            variants(&fold(word)).iter().filter_map(|v| self.index.get(v)).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        did_you_mean(word, candidates.iter().map(|&n| self.spellings[n as usize].as_str())).or_else(|| {
            // Equal once folded ("the eu" for "EU"), which the edit distance
            // of the spellings as written may not see.
            let key = fold(word);
            candidates
                .iter()
                .map(|&n| self.spellings[n as usize].as_str())
                .find(|s| fold(s) == key)
                .map(|s| crate::diag::with_difference(format!("did you mean `{s}`?"), word, s))
        })
    }
}

/// A key and every key with one character removed.
fn variants(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(key.to_owned());
    for skip in 0..chars.len() {
        out.push(chars.iter().enumerate().filter(|&(i, _)| i != skip).map(|(_, c)| c).collect());
    }
    out
}

impl Registry {
    /// Checks the `[[partner]]` tables of all files (`(file index, def)`, in
    /// file order): unique ids, no spelling shared by two partners,
    /// registered members. `None` when the dataset has no registry.
    pub fn build(files: &[DataFile], defs: Vec<(usize, PartnerDef)>, diagnostics: &mut Vec<Diagnostic>) -> Option<Registry> {
        if defs.is_empty() {
            return None;
        }
        let mut partners = Vec::with_capacity(defs.len());
        let mut spellings: HashMap<String, usize> = HashMap::with_capacity(defs.len() * 3);
        let mut exact: HashMap<String, usize> = HashMap::with_capacity(defs.len() * 3);
        // Where each spelling was first given, for "first defined at".
        let mut first: HashMap<String, (usize, Place)> = HashMap::with_capacity(defs.len() * 3);
        let mut ids: HashMap<String, (usize, Place)> = HashMap::with_capacity(defs.len());
        let mut members = Vec::with_capacity(defs.len());
        for (file, def) in defs {
            let path = &files[file].path;
            let index = partners.len();
            if let Some((first_file, place)) = ids.get(&def.partner.id) {
                diagnostics.push(
                    Diagnostic::error_at_place(
                        path,
                        def.id_place,
                        format!("duplicate partner id `{}`: ids must be unique across all files", def.partner.id),
                    )
                    .with_help(format!("`{}` is first defined at {}", def.partner.id, at(files, *first_file, place))),
                );
                continue;
            }
            ids.insert(def.partner.id.clone(), (file, def.id_place));
            let names = std::iter::once((&def.partner.id, def.id_place, "id"))
                .chain(std::iter::once((&def.partner.name, def.name_place, "name")))
                .chain(def.partner.aliases.iter().zip(&def.alias_places).map(|(a, p)| (a, *p, "alias")));
            for (spelling, place, what) in names {
                let key = spelling.to_lowercase();
                match spellings.get(&key) {
                    Some(&owner) if owner == index => {
                        exact.insert(spelling.clone(), index);
                    }
                    Some(&owner) => {
                        let (first_file, first_place) = first[&key];
                        diagnostics.push(
                            Diagnostic::error_at_place(
                                path,
                                place,
                                format!(
                                    "{what} `{spelling}` of partner `{}` already names partner `{}`: \
                                     a spelling may name one partner only",
                                    def.partner.id, partners_id(&partners, owner)
                                ),
                            )
                            .with_help(format!("`{spelling}` is first given at {}", at(files, first_file, &first_place))),
                        );
                    }
                    None => {
                        exact.insert(spelling.clone(), index);
                        spellings.insert(key.clone(), index);
                        first.insert(key, (file, place));
                    }
                }
            }
            members.push((file, def.member_places));
            partners.push(def.partner);
        }
        let mut registry = Registry { partners, spellings, exact, suggestions: std::sync::OnceLock::new() };
        // Members name partners by any spelling; they are kept as ids.
        for (index, (file, places)) in members.into_iter().enumerate() {
            let written = std::mem::take(&mut registry.partners[index].members);
            let mut resolved = Vec::with_capacity(written.len());
            for (member, place) in written.into_iter().zip(places) {
                match registry.find(&member) {
                    Some(m) if m == index => diagnostics.push(Diagnostic::error_at_place(
                        &files[file].path,
                        place,
                        format!("group `{}` lists itself as a member", registry.partners[index].id),
                    )),
                    Some(m) => resolved.push(registry.partners[m].id.clone()),
                    None => diagnostics.push(registry.unknown(&files[file].path, place, &member, "members")),
                }
            }
            registry.partners[index].members = resolved;
        }
        Some(registry)
    }

    /// The partner a spelling names.
    pub fn find(&self, spelling: &str) -> Option<usize> {
        self.exact.get(spelling).or_else(|| self.spellings.get(&spelling.to_lowercase())).copied()
    }

    fn unknown(&self, path: &str, place: Place, spelling: &str, what: &str) -> Diagnostic {
        let help = self
            .suggestions
            .get_or_init(|| Suggestions::new(&self.partners))
            .suggest(spelling)
            .unwrap_or_else(|| "add it to the registry as a `[[partner]]`, or as an alias of one".to_owned());
        Diagnostic::error_at_place(
            path,
            place,
            format!("unknown partner `{spelling}` in `{what}`: expected the id, name or alias of a `[[partner]]`"),
        )
        .with_help(help)
    }

    /// Replaces each entry of the events' `partners` by the registry name
    /// of the partner it names; an entry that names none, or a second entry
    /// naming the same partner, is an error at its place. `places` holds
    /// the place of every entry, in order (as the file's checker left
    /// them).
    pub fn resolve(&self, path: &str, events: &mut [Event], places: &[Place], diagnostics: &mut Vec<Diagnostic>) {
        let mut places = places.iter();
        let mut seen: Vec<usize> = Vec::new();
        for event in events {
            seen.clear();
            for entry in &mut event.partners {
                let place = places.next().copied().unwrap_or(event.place);
                match self.find(entry) {
                    Some(index) if seen.contains(&index) => diagnostics.push(
                        Diagnostic::error_at_place(
                            path,
                            place,
                            format!("`{entry}` names partner `{}` again in `partners`", self.partners[index].name),
                        )
                        .with_help("list each partner once"),
                    ),
                    Some(index) => {
                        seen.push(index);
                        if *entry != self.partners[index].name {
                            entry.clone_from(&self.partners[index].name);
                        }
                    }
                    None => diagnostics.push(self.unknown(path, place, entry, "partners")),
                }
            }
        }
    }

    /// The partners, in file order.
    pub fn into_partners(self) -> Vec<Partner> {
        self.partners
    }
}

fn partners_id(partners: &[Partner], index: usize) -> &str {
    partners.get(index).map_or("", |p| p.id.as_str())
}

/// `path:line:col`.
fn at(files: &[DataFile], file: usize, place: &Place) -> String {
    format!("{}:{}:{}", files[file].path, place.line, place.col)
}

/// A spelling folded for comparison: lower case, common Latin accents
/// removed (`Türkiye` → `turkiye`), punctuation and spaces dropped, and a
/// leading "the" ignored (`the EU` → `eu`).
pub fn fold(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
            'ğ' | 'ģ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
            'ķ' => 'k',
            'ł' | 'ľ' | 'ļ' => 'l',
            'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        out.push(base);
    }
    out
}

/// Folded spellings shorter than this are compared for equality only:
/// "Iran" and "Oman" are one edit apart and different countries.
const NEAR_MISS_FROM: usize = 6;

/// Warnings about free-text partner names that probably mean one
/// counterpart: equal once folded ([`fold`]), or one edit apart
/// (insertion, deletion, substitution or swap of neighbours) when longer
/// than [`NEAR_MISS_FROM`] characters.
///
/// Linear in the names: spellings are grouped by folded key, and near
/// misses are found through a deletion index (every key and every key with
/// one character removed), so no two names are compared unless they share
/// an entry of it. One warning per pair, at the first event using the
/// later spelling, in file order.
pub fn likely_duplicates(events: &[Event]) -> Vec<Diagnostic> {
    // Each distinct spelling once, in order of first use.
    let mut spellings: HashMap<&str, usize> = HashMap::new();
    let mut firsts: Vec<(&str, &Event)> = Vec::new();
    for event in events {
        for name in &event.partners {
            spellings.entry(name.as_str()).or_insert_with(|| {
                firsts.push((name, event));
                firsts.len() - 1
            });
        }
    }
    let folded: Vec<String> = firsts.iter().map(|(name, _)| fold(name)).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // Equal once folded: each spelling against the first of its key.
    let mut by_key: HashMap<&str, usize> = HashMap::with_capacity(folded.len());
    for (index, key) in folded.iter().enumerate() {
        match by_key.get(key.as_str()) {
            Some(&first) => pairs.push((first, index)),
            None => {
                by_key.insert(key, index);
            }
        }
    }
    // One edit apart: distinct keys sharing a deletion variant. The
    // variants are kept as hashes in one sorted vector, not as strings in a
    // map: 100,000 spellings would otherwise cost more memory than the
    // events (benches/partners.sh). A hash collision only adds a pair that
    // the edit distance then rejects.
    let mut variants: Vec<(u64, u32)> = Vec::new();
    for (&key, &index) in &by_key {
        let chars: Vec<char> = key.chars().collect();
        if chars.len() < NEAR_MISS_FROM {
            continue;
        }
        let hash = |skip: Option<usize>| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for (i, c) in chars.iter().enumerate() {
                if Some(i) != skip {
                    c.hash(&mut h);
                }
            }
            h.finish()
        };
        variants.push((hash(None), index as u32));
        variants.extend((0..chars.len()).map(|skip| (hash(Some(skip)), index as u32)));
    }
    variants.sort_unstable();
    variants.dedup();
    let mut near: Vec<(usize, usize)> = Vec::new();
    for list in variants.chunk_by(|a, b| a.0 == b.0) {
        // A variant shared by very many keys says little; skip it rather
        // than compare them all.
        if list.len() < 2 || list.len() > 8 {
            continue;
        }
        for (i, &(_, a)) in list.iter().enumerate() {
            for &(_, b) in &list[i + 1..] {
                let (a, b) = (a.min(b) as usize, a.max(b) as usize);
                if a != b && strsim::damerau_levenshtein(&folded[a], &folded[b]) <= 1 {
                    near.push((a, b));
                }
            }
        }
    }
    near.sort_unstable();
    near.dedup();
    pairs.extend(near);
    pairs.sort_unstable_by_key(|&(a, b)| (b, a));
    pairs
        .into_iter()
        .map(|(a, b)| {
            let (name, event) = firsts[b];
            let (other, first_event) = firsts[a];
            let how = if folded[a] == folded[b] { "the same name spelt differently" } else { "one letter apart" };
            // Names that look alike say where they differ (issue 29, item 2).
            let how = match crate::diag::spelling::difference(name, other) {
                Some(difference) if difference.contains("U+") => format!("{how}: `{name}` {difference}"),
                _ => how.to_owned(),
            };
            Diagnostic::error_at_place(
                &event.file,
                event.place,
                format!("partner `{name}` of event `{}` may be `{other}` (event `{}`): {how}", event.id, first_event.id),
            )
            .with_help("use one spelling, or add a `[[partner]]` registry with aliases")
            .warning()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_punctuation_and_a_leading_the() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("TURKIYE"), "turkiye");
        assert_eq!(fold("the E.U."), "eu");
        assert_eq!(fold("Azərbaycan Dəmir Yolları"), "azerbaycandemiryollari");
        assert_eq!(fold("U.S."), fold("US"));
        assert_ne!(fold("Iran"), fold("Oman"));
    }

    fn partner(id: &str, name: &str, aliases: &[&str]) -> Partner {
        Partner {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: super::super::model::PartnerKind::Organisation,
            region: None,
            iso: None,
            members: Vec::new(),
        }
    }

    fn event(id: &str, partners: &[&str]) -> Event {
        let mut event = crate::dataset::validate::validate_text(
            "d.toml",
            "[[pillar]]\nid = \"p\"\nname = \"P\"\n[[event]]\nid = \"e\"\ntitle = \"t\"\ndate = \"2025\"\npillar = \"p\"\nkind = \"other\"\nsignificance = 1\nsummary = \"s\"\nsources = [{ name = \"s\" }]\n",
        )
        .unwrap()
        .events
        .remove(0);
        event.id = id.into();
        event.partners = partners.iter().map(|p| p.to_string()).collect();
        event
    }

    #[test]
    fn issue_29_look_alike_free_text_partners_say_where_they_differ() {
        let events = [event("a", &["Kazakhstan"]), event("b", &["Kaz\u{0430}khstan"]), event("c", &["Kazakhstn"])];
        let warnings: Vec<String> = likely_duplicates(&events).iter().map(|d| d.message.clone()).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].ends_with("one letter apart: `Kaz\u{0430}khstan` differs in U+0430 `\u{0430}` where it has U+0061 `a`"), "{warnings:?}");
        assert!(warnings[1].ends_with("one letter apart"), "{warnings:?}");
    }

    #[test]
    fn suggestions_come_from_the_deletion_index() {
        let s = Suggestions::new(&[
            partner("eu", "European Union", &["EU"]),
            partner("de", "Germany", &[]),
            partner("un", "United Nations", &["UN"]),
        ]);
        assert_eq!(s.suggest("Gremany").as_deref(), Some("did you mean `Germany`?"));
        assert_eq!(s.suggest("Europen Union").as_deref(), Some("did you mean `European Union`?"));
        assert_eq!(s.suggest("the UN").as_deref(), Some("did you mean `UN`?"));
        assert_eq!(s.suggest("Kazakhstan"), None);
    }
}
