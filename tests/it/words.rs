//! The catalogue of words (`templates/en-GB.ftl`): a desk's copy in
//! `--templates` reaches the Markdown and the PDF, and a bad one is refused
//! with its file, line and column.

use std::sync::Arc;

use azint_report::typeset::display::{Item, Role, Tag};
use azint_report::typeset::{self, Options};
use azint_report::words::{Catalogue, BUILTIN, FILE};

use crate::util::{bin, copy_dir, root, stderr, stdout, typeset_options};

/// The built-in catalogue with one phrase corrected.
fn corrected(from: &str, to: &str) -> String {
    assert!(BUILTIN.contains(from), "{from}");
    BUILTIN.replacen(from, to, 1)
}

/// What screen readers are told for each link and figure of a document.
fn said(document: &typeset::Document) -> Vec<String> {
    document
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|(_, item)| match item {
            Item::Tag(Tag::Open(Role::Link(s) | Role::Figure(s))) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

const MARKDOWN: &str = "# Briefing\n\n<!-- toc -->\n\n## Energy\n\nSee [the source](https://example.org).\n\n\
    > [!NOTE]\n> Figures are provisional.\n\n- [x] checked\n";

/// [`MARKDOWN`] run past the pages of a short briefing, which prints no
/// contents (issue 27, item 1).
fn long_markdown() -> String {
    let more: String = (0..=typeset::SHORT_PAGES).map(|n| format!("\n<!-- pagebreak -->\n\n## Part {n}\n\nText.\n")).collect();
    format!("{MARKDOWN}{more}")
}

#[test]
fn the_typesetter_takes_its_words_from_the_catalogue_it_is_given() {
    let long = long_markdown();
    let builtin = typeset::typeset(&long, &typeset_options(azint_report::options::Paper::A4));
    let text = builtin.document.text_dump();
    assert!(text.contains("Contents") && text.contains("Figures are provisional."), "{text}");
    let told = said(&builtin.document);
    assert!(told.contains(&"Go to the section “Energy”".to_owned()), "{told:?}");
    assert!(told.contains(&"Link to https://example.org".to_owned()), "{told:?}");
    assert!(told.contains(&"Done".to_owned()), "{told:?}");

    let desk = corrected("contents = Contents", "contents = In this briefing");
    let desk = desk.replacen("Go to the section “{ $title }”", "Read “{ $title }”", 1);
    let words = Arc::new(Catalogue::parse("desk/en-GB.ftl", &desk).expect("the desk's catalogue"));
    let options = Options { words, ..typeset_options(azint_report::options::Paper::A4) };
    let typeset = typeset::typeset(&long, &options);
    let text = typeset.document.text_dump();
    assert!(text.contains("In this briefing") && !text.contains("Contents"), "{text}");
    assert!(said(&typeset.document).contains(&"Read “Energy”".to_owned()));
}

#[test]
fn a_desks_catalogue_is_read_from_the_templates_folder() {
    let templates = tempfile::tempdir().unwrap();
    // A template that says a message of its own, added to the catalogue.
    let desk = format!("{}\nbriefing-events = {{ $count ->\n    [one] one event\n   *[other] {{ $count }} events\n}}\n", corrected("contents = Contents", "contents = In this briefing"));
    std::fs::write(templates.path().join(FILE), desk).unwrap();
    std::fs::write(templates.path().join("briefing.md.hbs"), "# {{t \"contents\"}}\n\n{{t \"briefing-events\" count=executive.totals.events}}\n").unwrap();
    let output = bin().args(["--format", "md", "-q", "--as-of", "2026-02-12", "-o", "-", "--templates"]).arg(templates.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert!(markdown.starts_with("# In this briefing\n\n"), "{markdown}");
    assert!(markdown.trim_end().ends_with(" events"), "{markdown}");
}

#[test]
fn a_bad_catalogue_is_refused_with_its_file_line_and_column() {
    let templates = tempfile::tempdir().unwrap();
    let path = templates.path().join(FILE);
    std::fs::write(&path, corrected("Image { $src }", "Image { $source }")).unwrap();
    let line = BUILTIN.lines().position(|l| l.starts_with("image-without-alt =")).unwrap() + 1;
    let output = bin().args(["--format", "md", "-o", "-", "--templates"]).arg(templates.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    let at = format!("{}:{line}:1: error: the message `image-without-alt` uses `$source`", path.display());
    assert!(err.contains(&at), "{err}");
    assert!(stdout(&output).is_empty());

    std::fs::write(&path, corrected("contents = Contents", "contents = { Contents")).unwrap();
    let line = BUILTIN.lines().position(|l| l.starts_with("contents =")).unwrap() + 1;
    let output = bin().args(["--format", "md", "-o", "-", "--templates"]).arg(templates.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    let err = stderr(&output);
    assert!(err.contains(&format!("{}:{line}:", path.display())) && err.contains("invalid catalogue"), "{err}");
}

/// A catalogue under another name (`en-gb.ftl`) would be silently ignored,
/// the desk's corrections lost: it is refused, as a misnamed template is.
#[test]
fn a_misnamed_catalogue_is_refused_not_ignored() {
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(templates.path().join("en-gb.ftl"), corrected("contents = Contents", "contents = Inhalt")).unwrap();
    let output = bin().args(["--format", "md", "-o", "-", "--templates"]).arg(templates.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(65), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("en-gb.ftl: error: `en-gb.ftl` is no catalogue the tool reads"), "{err}");
    assert!(err.contains("en-GB.ftl"), "{err}");
    assert!(stdout(&output).is_empty());
}

/// The built-in catalogue with each message of the templates' running
/// sentences (sections `## words` and `## pages4`, the pillars' entries and
/// the overview's tables of issue 27) marked `⟦id⟧` at its start, and the
/// years of a span joined with "to": the messages' ids.
fn marked() -> (String, Vec<String>) {
    const SECTIONS: [&str; 2] = ["## words", "## pages4"];
    assert!(SECTIONS.iter().all(|s| BUILTIN.lines().any(|l| l == *s)), "the templates' sections of the catalogue");
    let mut ids = Vec::new();
    let mut out = String::new();
    let (mut inside, mut after_blank) = (false, true);
    for line in BUILTIN.lines() {
        // A section begins with `## name` after a blank line; the lines of
        // `##` under it are its comment.
        if line.starts_with("## ") && after_blank {
            inside = SECTIONS.contains(&line);
        }
        after_blank = line.is_empty();
        match line.split_once(" = ") {
            Some((id, text)) if inside && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && !id.is_empty() => {
                out.push_str(&format!("{id} = ⟦{id}⟧{text}\n"));
                ids.push(id.to_owned());
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    (out.replacen("date-span-years = { $from }–{ $until }", "date-span-years = { $from } to { $until }", 1), ids)
}

/// A dataset that reaches the templates' rarer sentences: 45 events of one
/// pillar, all also bearing on the other and each with a partner of its
/// own besides a shared one (a timeline of the most significant, related
/// events cut short, an index entry cut short, new partners cut short
/// under --compare); a planned undated fact; an event of 2023 with no
/// partner; `report` holds the `[report]` table's lines.
fn crowded(dir: &std::path::Path, report: &str) {
    std::fs::create_dir_all(dir.join("events")).unwrap();
    let pillars = format!("[report]\ntitle = \"Crowded\"\n{report}\n\n[[pillar]]\nid = \"a\"\nname = \"Alpha\"\n\n[[pillar]]\nid = \"b\"\nname = \"Beta\"\n");
    std::fs::write(dir.join("pillars.toml"), pillars).unwrap();
    let mut events = String::new();
    for i in 1..=45 {
        events.push_str(&format!(
            "[[event]]\nid = \"e{i}\"\ntitle = \"Event {i}\"\ndate = 2025-{:02}-{:02}\npillar = \"a\"\nalso = [\"b\"]\nkind = \"visit\"\n\
             significance = {}\npartners = [\"Hub\", \"P{i}\"]\nsummary = \"S.\"\n\
             sources = [{{ name = \"Src\", url = \"https://example.org/\", published = 2026-01-01 }}]\n\n",
            i % 12 + 1,
            i % 27 + 1,
            i % 5 + 1
        ));
    }
    events.push_str(
        "[[event]]\nid = \"plan\"\ntitle = \"A plan\"\ndate = \"2025..2026\"\nstatus = \"planned\"\npillar = \"b\"\nkind = \"programme\"\n\
         significance = 3\npartners = [\"Hub\"]\nsummary = \"S.\"\nsources = [{ name = \"Other\" }]\n\n\
         [[event]]\nid = \"alone\"\ntitle = \"Alone\"\ndate = 2023-05-01\npillar = \"a\"\nkind = \"statement\"\nsignificance = 2\n\
         summary = \"S.\"\nsources = [{ name = \"Other\" }]\n",
    );
    std::fs::write(dir.join("events/all.toml"), events).unwrap();
}

/// Every sentence the templates write is the run's catalogue's (issue
/// 23): with a desk's copy that marks each message of the templates'
/// section, the Markdown of a few runs holds every mark, and the period
/// is said with the desk's `date-span-years` (not the built-in words of
/// `period.display`).
#[test]
fn a_desks_catalogue_rewords_every_sentence_of_the_templates() {
    let (desk, ids) = marked();
    assert!(ids.len() > 50, "{ids:?}");
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(templates.path().join(FILE), desk).unwrap();
    let data = tempfile::tempdir().unwrap();
    let both = data.path().join("both");
    crowded(&both, "organisation = \"Org\"\nauthor = \"Ann\"\nreference = \"R-1\"");
    let org = data.path().join("org");
    crowded(&org, "organisation = \"Org\"\nlogo = \"logo.png\"");
    let author = data.path().join("author");
    crowded(&author, "author = \"Ann\"\nlogo = \"logo.png\"");
    // The default data and one more action plan and forum of the same
    // month: pillars whose partners each have more than one event (all
    // main ones, none left over), with regions and without.
    let twice = data.path().join("twice");
    copy_dir(&root().join("data"), &twice);
    std::fs::write(
        twice.join("events/twice.toml"),
        "[[event]]\nid = \"second-plan\"\ntitle = \"A second plan\"\ndate = 2025-09-15\npillar = \"connectivity\"\nkind = \"agreement\"\n\
         significance = 2\npartners = [\"Kazakhstan\", \"Georgia\"]\nsummary = \"S.\"\nsources = [{ name = \"Other\" }]\n\n\
         [[event]]\nid = \"second-forum\"\ntitle = \"A second forum\"\ndate = 2025-09-16\npillar = \"multilateral\"\nkind = \"summit\"\n\
         significance = 2\npartners = [\"Organization of Islamic Cooperation\", \"CICA\", \"International Labour Organization\", \"United Nations\"]\n\
         summary = \"S.\"\nsources = [{ name = \"Other\" }]\n",
    )
    .unwrap();
    let twice = twice.display().to_string();
    let (both, org, author) = (both.display().to_string(), org.display().to_string(), author.display().to_string());
    let runs: [&[&str]; 10] = [
        &["--data", &twice, "--period", "2025-09"],
        &[],
        // Crowded and without the chronology: the timeline of the most
        // significant, not counts (issue 27, item 5).
        &["--data", &org, "--no-chronology"],
        &["--period", "2025", "--compare", "2025"],
        &["--period", "2025", "--compare", "2024"],
        &["--data", &both, "--period", "2025", "--compare", "2024"],
        &["--data", &org],
        &["--data", &author, "--period", "2023"],
        &["--data", &author, "--period", "2019"],
        // One pillar of two: the other's events that bear on it are
        // listed, cut short (issue 27: the rest say it in their entries).
        &["--data", &org, "--pillar", "b"],
    ];
    let mut markdown = String::new();
    for args in runs {
        let output = bin().args(["--format", "md", "-q", "--as-of", "2026-02-12", "-o", "-", "--templates"]).arg(templates.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        markdown.push_str(&stdout(&output));
    }
    let missing: Vec<&String> = ids.iter().filter(|id| !markdown.contains(&format!("⟦{id}⟧"))).collect();
    assert!(missing.is_empty(), "messages the desk's catalogue did not reach: {missing:?}");
    assert!(markdown.contains("⟦briefing⟧Briefing for **2021 to 2026**"), "{}", &markdown[..600.min(markdown.len())]);
    assert!(markdown.contains("⟦counts-compared⟧Beside each count, the difference from 2025,"), "the --compare period");
}
