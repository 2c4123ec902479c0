//! Writes a synthetic azint dataset of N events, for benchmarks.
//!
//! `cargo run --release --example synth -- N DIR` writes `DIR/pillars.toml`
//! and `DIR/events/<year>.toml`: realistic titles and summaries, Azerbaijani
//! and other non-ASCII names, dates at day, month and year precision, spans
//! of days to years, figures and sources. The same N gives the same files.
//!
//! `synth N DIR P` also writes `DIR/partners.toml`, a registry of P partners
//! (issue 13): countries with real ISO codes, organisations, companies,
//! Azerbaijani bodies and groups with members; names with diacritics,
//! aliases (acronyms, "the …", spellings without accents), and pairs of
//! distinct partners one letter apart. Events then name those partners, a
//! few very often and most rarely, by name, alias or id. Without the
//! registry file the same events are free text, for comparison.
//!
//! `synth N DIR P M` also writes `DIR/places.toml`: M places between the
//! Adriatic and Central Asia and M routes through two to six of them, each
//! of a pillar and a kind (issue 26), for the maps' benchmark.

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (xorshift64*), so runs are repeatable
/// without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PILLARS: &[(&str, &str)] = &[
    ("diplomacy", "Multi-vector diplomacy"),
    ("connectivity", "Connectivity and transport"),
    ("energy", "Energy and green transition"),
    ("multilateral", "Active multilateral engagement"),
];
const KINDS: &[&str] = &[
    "summit",
    "visit",
    "agreement",
    "membership",
    "chairmanship",
    "resolution",
    "programme",
    "contract",
    "infrastructure",
    "mission",
    "statement",
    "other",
];
const PARTNERS: &[&str] = &[
    "Türkiye",
    "Georgia",
    "Kazakhstan",
    "Uzbekistan",
    "Kyrgyzstan",
    "Turkmenistan",
    "China",
    "Germany",
    "Italy",
    "United Kingdom",
    "United States",
    "European Union",
    "United Nations",
    "OIC",
    "CICA",
    "D-8",
    "SOCAR",
    "SEFE",
    "Azərbaycan Dəmir Yolları",
    "Şuşa City Administration",
    "Gəncə",
    "Naxçıvan",
    "Україна",
    "Ελλάδα",
    "Česko",
];
const VERBS: &[&str] = &[
    "signs",
    "opens",
    "hosts",
    "launches",
    "agrees",
    "extends",
    "completes",
    "announces",
];
const OBJECTS: &[&str] = &[
    "a memorandum on green energy corridors",
    "a railway freight link on the Middle Corridor",
    "a summit on regional connectivity",
    "a long-term gas supply contract",
    "a programme on digital transformation",
    "talks on the Trans-Caspian route",
    "an embassy in a new partner country",
    "a resolution on humanitarian issues",
];

/// One registered partner and the spellings events may use for it.
struct SynthPartner {
    id: String,
    name: String,
    aliases: Vec<String>,
    kind: &'static str,
    region: Option<&'static str>,
    iso: Option<&'static str>,
    members: Vec<String>,
}

const SYLLABLES: &[&str] = &[
    "ka", "ra", "vo", "lin", "dar", "me", "sta", "nor", "bel", "gu", "ri", "zan", "to", "pe", "shi", "ul", "ak",
    "ez", "ön", "çe", "ğa", "ış", "mo", "té", "ber", "sun", "vik", "ald", "ha", "qu",
];
const REGIONS: &[&str] = &[
    "europe",
    "south-caucasus",
    "central-asia",
    "russia-eastern-europe",
    "middle-east",
    "south-asia",
    "east-southeast-asia",
    "africa",
    "americas",
    "oceania",
];

/// A registry of `count` partners, its spellings unique (as the registry
/// requires), deterministic.
fn registry(count: usize, rng: &mut Rng) -> Vec<SynthPartner> {
    let mut taken = std::collections::HashSet::new();
    let mut out: Vec<SynthPartner> = Vec::with_capacity(count);
    let mut codes = azint_report::dataset::iso::ALPHA2.iter().copied().filter(|c| *c != "AZ");
    let word = |rng: &mut Rng| {
        let mut w = String::new();
        for _ in 0..2 + rng.below(3) {
            w.push_str(rng.pick(SYLLABLES));
        }
        let mut chars = w.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or(w)
    };
    let unaccented = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'ö' => 'o',
                'ç' => 'c',
                'ğ' => 'g',
                'ı' => 'i',
                'ş' => 's',
                'é' => 'e',
                c => c,
            })
            .collect()
    };
    let countries: usize = (count / 25).clamp(1, 200);
    let mut serial = 0;
    while out.len() < count {
        serial += 1;
        let stem = word(rng);
        let index = out.len();
        let (kind, name, mut aliases) = if index < countries {
            ("country", format!("{stem}ia"), vec![format!("Republic of {stem}ia"), format!("the {stem}ian Republic")])
        } else {
            match rng.below(10) {
                0..=3 => {
                    let sector = rng.pick(&["Energy", "Logistics", "Rail", "Gas", "Telecom", "Shipping"]);
                    let initials: String = stem.chars().take(1).chain(sector.chars().take(1)).collect();
                    ("company", format!("{stem} {sector} AG"), vec![format!("{stem} {sector}"), format!("{}{serial}", initials.to_uppercase())])
                }
                4..=6 => {
                    let name = format!("Organisation for {stem} Cooperation");
                    ("organisation", name, vec![format!("O{}C", stem.chars().take(2).collect::<String>().to_uppercase()), format!("the {stem} Organisation")])
                }
                7..=8 => ("domestic", format!("Azərbaycan {stem} Agentliyi"), vec![format!("{stem} Agency of Azerbaijan")]),
                _ => ("group", format!("{stem} Group of States"), vec![format!("the {stem} states")]),
            }
        };
        let accent_free = unaccented(&name);
        if accent_free != name {
            aliases.push(accent_free);
        }
        let id = format!("p{serial}-{}", unaccented(&stem.to_lowercase()));
        if !taken.insert(name.to_lowercase()) || taken.contains(&id) {
            continue;
        }
        taken.insert(id.clone());
        aliases.retain(|a| taken.insert(a.to_lowercase()));
        let (region, iso) = match kind {
            "country" => (Some(rng.pick(REGIONS)), codes.next()),
            "group" => (Some(rng.pick(REGIONS)), None),
            _ => (None, None),
        };
        let members = if kind == "group" {
            let mut m: Vec<String> = (0..3 + rng.below(4)).map(|_| out[rng.below(countries.min(out.len()))].id.clone()).collect();
            m.sort();
            m.dedup();
            m
        } else {
            Vec::new()
        };
        let kind = if kind == "country" && iso.is_none() { "organisation" } else { kind };
        let region = if kind == "organisation" { None } else { region };
        // Every twentieth partner has a distinct sibling one letter apart
        // ("Karavolia" and "Karavolja"): not a typo, and a free-text check
        // must flag it for a person to decide.
        let sibling = (rng.below(20) == 0 && kind != "country").then(|| {
            let mut chars: Vec<char> = name.chars().collect();
            let at = chars.len() / 2;
            chars[at] = if chars[at] == 'x' { 'y' } else { 'x' };
            chars.into_iter().collect::<String>()
        });
        out.push(SynthPartner { id: id.clone(), name, aliases, kind, region, iso, members, });
        if let Some(name) = sibling.filter(|n| taken.insert(n.to_lowercase())) {
            if out.len() < count {
                let id = format!("{id}-x");
                taken.insert(id.clone());
                out.push(SynthPartner { id, name, aliases: Vec::new(), kind, region, iso: None, members: Vec::new() });
            }
        }
    }
    out
}

/// The registry as TOML.
fn registry_toml(partners: &[SynthPartner]) -> String {
    let mut out = String::from("schema = 1\n");
    let list = |items: &[String]| items.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
    for p in partners {
        let _ = write!(out, "\n[[partner]]\nid = \"{}\"\nname = \"{}\"\nkind = \"{}\"\n", p.id, p.name, p.kind);
        if !p.aliases.is_empty() {
            let _ = writeln!(out, "aliases = [{}]", list(&p.aliases));
        }
        if let Some(region) = p.region {
            let _ = writeln!(out, "region = \"{region}\"");
        }
        if let Some(iso) = p.iso {
            let _ = writeln!(out, "iso = \"{iso}\"");
        }
        if !p.members.is_empty() {
            let _ = writeln!(out, "members = [{}]", list(&p.members));
        }
    }
    out
}

/// A spelling of a partner the events favour: a few partners very often,
/// most rarely; the name mostly, else an alias or the id.
fn spelling<'p>(partners: &'p [SynthPartner], rng: &mut Rng) -> (usize, &'p str) {
    let n = partners.len();
    let index = rng.below(n) * rng.below(n) / n;
    let p = &partners[index];
    let text = match rng.below(10) {
        0..=6 => &p.name,
        7 | 8 if !p.aliases.is_empty() => &p.aliases[rng.below(p.aliases.len())],
        _ => &p.id,
    };
    (index, text)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synth N DIR [PARTNERS [PLACES]]";
    let n: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let dir = PathBuf::from(args.next().expect(usage));
    let registry_size: Option<usize> = args.next().map(|a| a.parse().expect(usage));
    let places: Option<usize> = args.next().map(|a| a.parse().expect(usage));
    std::fs::create_dir_all(dir.join("events")).expect("create folder");
    if let Some(count) = places {
        std::fs::write(dir.join("places.toml"), places_toml(count.max(2), &mut Rng(0x5EED_0026 ^ count as u64))).expect("write places");
    }
    let partners = registry_size.map(|count| registry(count.max(1), &mut Rng(0x5EED_0013 ^ count as u64)));
    if let Some(partners) = &partners {
        std::fs::write(dir.join("partners.toml"), registry_toml(partners)).expect("write partners");
    }

    let mut pillars = String::from("schema = 1\n\n[report]\ntitle = \"Synthetic briefing\"\n");
    for (id, name) in PILLARS {
        let _ = write!(pillars, "\n[[pillar]]\nid = \"{id}\"\nname = \"{name}\"\nsummary = \"The {name} pillar, synthetic.\"\n");
    }
    std::fs::write(dir.join("pillars.toml"), pillars).expect("write pillars");

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let years = 2000..2030;
    let mut files: Vec<String> = years.clone().map(|_| String::new()).collect();
    for i in 0..n {
        let year_index = rng.below(files.len());
        let year = years.start + year_index as i32;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let (date, until) = match rng.below(10) {
            0..=4 => (
                format!("{year}-{month:02}-{day:02}"),
                (rng.below(4) == 0)
                    .then(|| format!("{year}-{month:02}-{:02}", (day + 1 + rng.below(3)).min(28))),
            ),
            5..=7 => (format!("\"{year}-{month:02}\""), None),
            8 => (format!("\"{year}\""), None),
            _ => (
                format!("\"{year}\""),
                Some(format!("\"{}\"", year + 1 + rng.below(4) as i32)),
            ),
        };
        let (pillar, _) = PILLARS[rng.below(PILLARS.len())];
        let also = PILLARS[rng.below(PILLARS.len())].0;
        // Two entries of one event never name the same partner (the
        // registry refuses that), whatever their spelling.
        let (partner_a, partner_b) = match &partners {
            Some(registry) => {
                let (a, text_a) = spelling(registry, &mut rng);
                let (b, text_b) = spelling(registry, &mut rng);
                (text_a, if a == b { text_a } else { text_b })
            }
            None => (rng.pick(PARTNERS), rng.pick(PARTNERS)),
        };
        let out = &mut files[year_index];
        let _ = write!(
            out,
            "[[event]]\nid = \"ev-{i:07}\"\ntitle = \"{partner_a} {} {} ({i})\"\ndate = {date}\n",
            rng.pick(VERBS),
            rng.pick(OBJECTS)
        );
        if let Some(until) = until {
            let _ = writeln!(out, "until = {until}");
        }
        let _ = writeln!(out, "pillar = \"{pillar}\"");
        if also != pillar {
            let _ = writeln!(out, "also = [\"{also}\"]");
        }
        let partners = if partner_a == partner_b {
            format!("\"{partner_a}\"")
        } else {
            format!("\"{partner_a}\", \"{partner_b}\"")
        };
        let _ = write!(
            out,
            "kind = \"{}\"\nsignificance = {}\npartners = [{partners}]\nsummary = \"\"\"\nAzerbaijan and {partner_a} took a further step on {}; officials in Bakı and Şuşa called it part of a long-term strategy.\"\"\"\n",
            rng.pick(KINDS),
            1 + rng.below(5),
            rng.pick(OBJECTS),
        );
        if rng.below(3) == 0 {
            let _ = writeln!(
                out,
                "figures = [{{ label = \"Volume\", value = {}.5, unit = \"bcm/yr\" }}]",
                rng.below(40)
            );
        }
        let _ = write!(
            out,
            "sources = [{{ name = \"News.Az\", url = \"https://news.az/articles/{i}\", published = 2026-02-12 }}]\ntags = [\"synthetic\"]\n\n"
        );
    }
    for (index, text) in files.iter().enumerate() {
        let year = years.start + index as i32;
        std::fs::write(dir.join("events").join(format!("{year}.toml")), text)
            .expect("write events");
    }
}

/// `count` places and `count` routes through them (issue 26).
fn places_toml(count: usize, rng: &mut Rng) -> String {
    const ROUTE_KINDS: &[&str] = &["rail", "road", "sea", "pipeline", "multimodal"];
    let mut out = String::from("schema = 1\n");
    for i in 0..count {
        let lat = 36.0 + rng.below(1400) as f64 / 100.0;
        let lon = 14.0 + rng.below(5600) as f64 / 100.0;
        let _ = write!(out, "\n[[place]]\nid = \"p{i}\"\nname = \"Şəhər {i}\"\nlat = {lat}\nlon = {lon}\n");
    }
    for i in 0..count {
        let stops = 2 + rng.below(5);
        let mut via: Vec<String> = Vec::new();
        while via.len() < stops {
            let place = format!("\"p{}\"", rng.below(count));
            if !via.contains(&place) {
                via.push(place);
            }
        }
        let (pillar, _) = PILLARS[rng.below(PILLARS.len())];
        let kind = ROUTE_KINDS[rng.below(ROUTE_KINDS.len())];
        let _ = write!(out, "\n[[route]]\nid = \"r{i}\"\nname = \"Route {i}\"\nvia = [{}]\npillar = \"{pillar}\"\nkind = \"{kind}\"\n", via.join(", "));
    }
    out
}
