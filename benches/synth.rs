//! Writes a synthetic azint dataset of N events, for benchmarks.
//!
//! `cargo run --release --example synth -- N DIR` writes `DIR/pillars.toml`
//! and `DIR/events/<year>.toml`: realistic titles and summaries, Azerbaijani
//! and other non-ASCII names, dates at day, month and year precision, spans
//! of days to years, figures and sources. The same N gives the same files.

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

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synth N DIR";
    let n: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let dir = PathBuf::from(args.next().expect(usage));
    std::fs::create_dir_all(dir.join("events")).expect("create folder");

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
        let partner_a = rng.pick(PARTNERS);
        let partner_b = rng.pick(PARTNERS);
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
