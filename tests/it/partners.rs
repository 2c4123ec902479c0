//! The partner registry (issue 13): resolution of event partners, the
//! warnings about free-text spellings, and what the briefing makes of them.

use crate::util::{bin, stderr, stdout};

const PILLAR: &str = "[[pillar]]\nid = \"energy\"\nname = \"Energy\"\n";

fn event(id: &str, partners: &str) -> String {
    format!(
        "\n[[event]]\nid = \"{id}\"\ntitle = \"Event {id}\"\ndate = 2025-03-01\npillar = \"energy\"\n\
         kind = \"agreement\"\nsignificance = 3\npartners = [{partners}]\nsummary = \"Text.\"\n\
         sources = [{{ name = \"News.Az\" }}]\n"
    )
}

fn check(text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.toml"), text).unwrap();
    bin().args(["check", "--data"]).arg(dir.path().join("data.toml")).output().unwrap()
}

#[test]
fn without_a_registry_check_warns_about_likely_duplicate_spellings() {
    let text = format!(
        "{PILLAR}{}{}{}{}",
        event("a", "\"European Union\", \"Kazakhstan\", \"Iran\""),
        event("b", "\"the European union\", \"Oman\""),
        event("c", "\"Kazakstan\", \"Türkiye\""),
        event("d", "\"Turkiye\""),
    );
    let output = check(&text);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_eq!(warnings.len(), 3, "{err}");
    assert!(warnings[0].contains("partner `the European union` of event `b` may be `European Union` (event `a`)"), "{err}");
    assert!(warnings[1].contains("`Kazakstan` of event `c` may be `Kazakhstan` (event `a`): one letter apart"), "{err}");
    assert!(warnings[2].contains("`Turkiye` of event `d` may be `Türkiye`"), "{err}");
    // Iran and Oman are one letter apart too, but short names are only
    // compared after folding.
    assert!(!err.contains("Oman` of"), "{err}");
    assert!(stdout(&output).contains("no errors, 3 warnings"), "{}", stdout(&output));
}

#[test]
fn with_a_registry_an_alias_resolves_and_a_misspelling_is_an_error() {
    let registry = "[[partner]]\nid = \"eu\"\nname = \"European Union\"\naliases = [\"EU\", \"the EU\"]\nkind = \"organisation\"\n";
    let ok = check(&format!("{PILLAR}{registry}{}{}", event("a", "\"EU\""), event("b", "\"eu\", \"European Union\"")));
    let err = stderr(&ok);
    assert_eq!(ok.status.code(), Some(65));
    assert!(err.contains("data.toml:28:19: error: `European Union` names partner `European Union` again"), "{err}");
    let bad = check(&format!("{PILLAR}{registry}{}", event("a", "\"Europen Union\"")));
    let err = stderr(&bad);
    assert!(err.contains("data.toml:17:13: error: unknown partner `Europen Union` in `partners`"), "{err}");
    assert!(err.contains("help: did you mean `European Union`?"), "{err}");
}

#[test]
fn the_registry_name_is_shown_for_every_spelling() {
    let registry = "[[partner]]\nid = \"eu\"\nname = \"European Union\"\naliases = [\"EU\"]\nkind = \"organisation\"\n";
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.toml");
    std::fs::write(&data, format!("{PILLAR}{registry}{}{}", event("a", "\"EU\""), event("b", "\"eu\""))).unwrap();
    let output = bin()
        .args(["--data"])
        .arg(&data)
        .args(["--as-of", crate::util::AS_OF, "--format", "md", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(md.contains("European Union"), "{md}");
    assert!(!md.contains(" EU"), "{md}");
}

#[test]
fn the_default_dataset_registers_every_partner_it_names() {
    let dataset = azint_report::dataset::load(&azint_report::dataset::DataSource::Builtin).unwrap();
    assert!(dataset.partners.len() >= 25, "{}", dataset.partners.len());
    let names: std::collections::BTreeSet<&str> = dataset.partners.iter().map(|p| p.name.as_str()).collect();
    for event in &dataset.events {
        for partner in &event.partners {
            assert!(names.contains(partner.as_str()), "{}: {partner}", event.id);
        }
    }
    for partner in &dataset.partners {
        let country = partner.kind == azint_report::dataset::PartnerKind::Country;
        assert_eq!(country, partner.iso.is_some(), "{}", partner.id);
        assert_eq!(country, partner.region.is_some(), "{}", partner.id);
    }
    let report = azint_report::check(&azint_report::dataset::DataSource::Path(crate::util::root().join("data"))).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

fn briefing(text: &str, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.toml");
    std::fs::write(&data, text).unwrap();
    let output = bin()
        .args(["--data"])
        .arg(&data)
        .args(["--as-of", crate::util::AS_OF, "--format", "md", "-o", "-"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

fn dated(id: &str, date: &str, partners: &str) -> String {
    event(id, partners).replace("2025-03-01", date)
}

#[test]
fn groups_count_through_their_members_and_compare_names_new_and_absent_partners() {
    let registry = "\
[[partner]]\nid = \"kz\"\nname = \"Kazakhstan\"\nkind = \"country\"\nregion = \"central-asia\"\niso = \"KZ\"\n\
[[partner]]\nid = \"uz\"\nname = \"Uzbekistan\"\nkind = \"country\"\nregion = \"central-asia\"\niso = \"UZ\"\n\
[[partner]]\nid = \"ge\"\nname = \"Georgia\"\nkind = \"country\"\nregion = \"south-caucasus\"\niso = \"GE\"\n\
[[partner]]\nid = \"ca\"\nname = \"Central Asian states\"\nkind = \"group\"\nregion = \"central-asia\"\nmembers = [\"kz\", \"Uzbekistan\"]\n\
[[partner]]\nid = \"un\"\nname = \"United Nations\"\naliases = [\"UN\"]\nkind = \"organisation\"\n";
    let text = format!(
        "{PILLAR}{registry}{}{}{}",
        dated("a", "2025-03-01", "\"Central Asian states\""),
        dated("b", "2025-04-01", "\"UN\", \"Kazakhstan\""),
        dated("c", "2024-04-01", "\"Georgia\", \"UN\""),
    );
    let md = briefing(&text, &["--period", "2025", "--compare", "2024"]);
    assert!(md.contains("The period's events name 3 partners: 1 country, 1 international organisation and 1 group of states."), "{md}");
    // Event a reaches Kazakhstan and Uzbekistan through the group, event b
    // Kazakhstan directly: two events in Central Asia, two counterparts.
    assert!(md.contains("| Central Asia | 2 | Kazakhstan and Uzbekistan |"), "{md}");
    assert!(md.contains("No bilateral counterpart in Europe, South Caucasus,"), "{md}");
    assert!(md.contains("Compared with 2024: new partners Central Asian states and Kazakhstan; absent Georgia."), "{md}");
    assert!(md.contains("bilateral counterparts by region: Central Asia 2."), "{md}");
    assert!(md.contains("- **United Nations** (international organisation): [Energy](#1-energy) 1 April 2025\n"), "{md}");
}

#[test]
fn without_a_registry_the_briefing_says_kinds_and_regions_are_unknown() {
    let text = format!("{PILLAR}{}{}", event("a", "\"Georgia\", \"EU\""), event("b", "\"Georgia\""));
    let md = briefing(&text, &[]);
    assert!(md.contains("The period's events name 2 partners, as the sources name them; their kinds and regions are not recorded."), "{md}");
    assert!(md.contains("| Georgia | 2 | Energy |"), "{md}");
    assert!(!md.contains("| Region |"), "{md}");
    assert!(md.contains("- **EU**: [Energy](#1-energy) 1 March 2025\n"), "{md}");
}

/// The briefing of the default data with `pillar.md.hbs` overridden by
/// `template`: the command's output.
fn with_pillar_template(template: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pillar.md.hbs"), template).unwrap();
    bin()
        .args(["--period", "2024-2026", "--format", "md", "--as-of", crate::util::AS_OF, "-q", "-o", "-", "--templates"])
        .arg(dir.path())
        .output()
        .unwrap()
}

/// The targets of the index of partners' links, `#` removed.
fn index_targets(markdown: &str) -> Vec<String> {
    let index = &markdown[markdown.find("## Index of partners").expect("an index")..];
    index.split("](#").skip(1).map(|rest| rest[..rest.find(')').unwrap()].to_owned()).collect()
}

/// Issue 23, item 1: a desk that rewords the pillar heading moves the
/// anchors with it, in the Markdown and in the PDF; nothing rebuilds the
/// heading's text.
#[test]
fn issue_23_index_links_follow_a_pillar_heading_reworded_by_a_template() {
    use azint_report::typeset::blocks::{self, Block};
    use azint_report::typeset::display::{Item, Target};
    let builtin = std::fs::read_to_string(crate::util::root().join("templates/pillar.md.hbs")).unwrap();
    assert!(builtin.contains("\n## {{position}}. {{name}}\n"), "the built-in heading moved: update this test");
    let reworded = builtin.replace("\n## {{position}}. {{name}}\n", "\n## Pillar {{position}} under review: {{name}}\n");
    let output = with_pillar_template(&reworded);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let markdown = stdout(&output);
    // Every heading's anchor, by the rule GitHub follows.
    let mut slugger = azint_report::slug::Slugger::default();
    let anchors: Vec<String> = blocks::parse(&markdown)
        .iter()
        .filter_map(|b| match b {
            Block::Heading { runs, .. } => Some(slugger.next(&blocks::plain(runs))),
            _ => None,
        })
        .collect();
    let targets = index_targets(&markdown);
    assert!(targets.len() > 20, "{targets:?}");
    for target in &targets {
        assert!(target.starts_with("pillar-"), "a link to {target}, not to a reworded heading");
        assert!(anchors.contains(target), "no heading has the anchor {target}");
    }
    // The PDF: each link goes to a page, and the index's to the pillars'
    // headings.
    let doc = azint_report::typeset::typeset(&markdown, &crate::util::typeset_options(azint_report::options::Paper::A4)).document;
    let pillars: Vec<(usize, azint_report::typeset::geom::Pt)> =
        doc.headings.iter().filter(|h| h.title.starts_with("Pillar ")).map(|h| (h.page, h.y)).collect();
    assert!(pillars.len() >= 2, "{:?}", doc.headings);
    let mut to_pillars = 0;
    for (_, item) in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Link { target, .. } = item {
            if let Target::Uri(uri) = target {
                assert!(!uri.starts_with('#'), "unresolved {uri}");
            }
            if let Target::Page { page, y } = target {
                to_pillars += usize::from(pillars.contains(&(*page, *y)));
            }
        }
    }
    assert!(to_pillars >= targets.len(), "{to_pillars} links reach a pillar's heading, the index has {}", targets.len());
}

/// A pillar template that renders no heading leaves the index's links
/// nowhere to go: an error that names the template, not a broken link.
#[test]
fn issue_23_a_pillar_template_without_a_heading_is_an_error() {
    let output = with_pillar_template("{{name}}: {{count}} events.\n");
    assert_eq!(output.status.code(), Some(65), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("pillar.md.hbs") && err.contains("rendered no heading"), "{err}");
}

/// Issue 25, item 6: a partner has a role on each event; a plain name is a
/// counterpart, a table says otherwise, the two forms mix.
#[test]
fn issue_25_a_partner_has_a_role_on_each_event_and_a_plain_name_is_a_counterpart() {
    use azint_report::dataset::Role;
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{PILLAR}{}", event("a", "\"Georgia\", { name = \"Uganda\", role = \"mentioned\" }, { name = \"Iran\", role = \"host\" }"));
    std::fs::write(dir.path().join("data.toml"), text).unwrap();
    let dataset = azint_report::dataset::load(&azint_report::dataset::DataSource::Path(dir.path().join("data.toml"))).unwrap();
    let roles: Vec<(&str, Role)> = dataset.events[0].partner_roles().collect();
    assert_eq!(roles, [("Georgia", Role::Counterpart), ("Uganda", Role::Mentioned), ("Iran", Role::Host)]);
    // The default data give each partner its role from the article's words.
    let dataset = azint_report::dataset::load(&azint_report::dataset::DataSource::Builtin).unwrap();
    let role = |id: &str, name: &str| {
        let e = dataset.events.iter().find(|e| e.id == id).unwrap();
        e.partner_roles().find(|p| p.0 == name).map(|p| p.1)
    };
    // "transferring leadership to Uganda": the chair passes to it.
    assert_eq!(role("nam-chair-handover", "Uganda"), Some(Role::Mentioned));
    // "international reporting suggests that Russia aims": Russia's own stance.
    assert_eq!(role("russia-balanced-relations", "Russia"), Some(Role::Mentioned));
    assert_eq!(role("trans-caspian-action-plan", "Georgia"), Some(Role::Party));
    assert_eq!(role("china-strategic-partnership", "Shanghai Cooperation Organization"), Some(Role::Host));
    // A role that does not exist is refused at its place, with the closest.
    let output = check(&format!("{PILLAR}{}", event("a", "{ name = \"Uganda\", role = \"mention\" }")));
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert!(err.contains("data.toml:12:39:") && err.contains("unknown role `mention`") && err.contains("did you mean `mentioned`?"), "{err}");
}

/// Issue 25, item 6: Azerbaijan's own bodies are never partners, and a
/// partner only mentioned is no counterpart; both stay listed with their
/// events. The partner map's counts per country follow the same rule.
#[test]
fn issue_25_own_bodies_and_mentions_are_not_partners_but_stay_listed() {
    let registry = "\
[[partner]]\nid = \"ge\"\nname = \"Georgia\"\nkind = \"country\"\nregion = \"south-caucasus\"\niso = \"GE\"\n\
[[partner]]\nid = \"ug\"\nname = \"Uganda\"\nkind = \"country\"\nregion = \"africa\"\niso = \"UG\"\n\
[[partner]]\nid = \"socar\"\nname = \"SOCAR\"\nkind = \"domestic\"\n";
    let text = format!(
        "{PILLAR}{registry}{}{}",
        dated("a", "2025-03-01", "\"SOCAR\", \"Georgia\", { name = \"Uganda\", role = \"mentioned\" }"),
        dated("b", "2025-04-01", "{ name = \"Georgia\", role = \"host\" }, { name = \"Uganda\", role = \"party\" }"),
    );
    let md = briefing(&text, &["--period", "2025"]);
    assert!(md.contains("with 2 distinct partners"), "{md}");
    // The count says what it leaves out (issue 25).
    assert!(
        md.contains("Of the 3 bodies the period's events name, 1 is Azerbaijan's own: not counted among the 2 partners. The period's events name 2 partners: 2 countries."),
        "{md}"
    );
    assert!(md.contains("| Georgia | country | 2 |") && md.contains("| Uganda | country | 1 |"), "{md}");
    assert!(!md.contains("| SOCAR |"), "{md}");
    // The index still lists SOCAR, and Uganda with both events.
    let index = &md[md.find("## Index of partners").unwrap()..];
    assert!(index.contains("**SOCAR** (Azerbaijani body)"), "{index}");
    // Event a names its partner first, then SOCAR and Uganda apart, each
    // marked for what it is there.
    assert!(md.contains("**Partners:** Georgia, SOCAR (Azerbaijani body) and Uganda (mentioned)"), "{md}");
    let uganda = &index[index.find("**Uganda**").unwrap()..];
    // By pillar and date, as the chronology lists them, the pillar named
    // once (issue 27).
    assert!(uganda.starts_with("**Uganda** (country, Africa): [Energy](#1-energy) 1 March 2025 · 1 April 2025\n"), "{index}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.toml"), &text).unwrap();
    let dataset = azint_report::dataset::load(&azint_report::dataset::DataSource::Path(dir.path().join("d.toml"))).unwrap();
    let events: Vec<&azint_report::dataset::Event> = dataset.events.iter().collect();
    let countries = azint_report::summary::partners::by_country(&dataset, &events);
    assert_eq!(countries, [("GE".to_owned(), "Georgia".to_owned(), 2), ("UG".to_owned(), "Uganda".to_owned(), 1)]);
}
