//! What to watch (issue 25, item 3): plans whose date has not passed and
//! spans still running at the report's date, from the data, in date order,
//! near the top of the briefing in both formats; left out when empty.

use crate::util::{bin, default_markdown, stderr, stdout};

/// The briefing's Markdown for 2024–2026 as of `as_of`, and standard error.
fn briefing(as_of: &str) -> (String, String) {
    let output = bin().args(["--period", "2024-2026", "--format", "md", "--as-of", as_of, "-o", "-"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    (stdout(&output), stderr(&output))
}

/// The list's lines, after its lead line.
fn watch_list(md: &str) -> Vec<&str> {
    let Some(from) = md.find("**What to watch**") else { return Vec::new() };
    md[from..].lines().skip(1).skip_while(|l| l.is_empty()).take_while(|l| l.starts_with("- ")).collect()
}

#[test]
fn the_default_list_holds_the_running_spans_then_the_plans_in_date_order() {
    let md = default_markdown();
    assert!(md.contains("\n**What to watch** on 12 February 2026: plans ahead, spans still running\n"), "{md}");
    let multilateral = "Active multilateral engagement";
    assert_eq!(
        watch_list(md),
        [
            format!("- *2024–2026* · Chairmanship of CICA for 2024–2026 · {multilateral}"),
            format!("- *2025–2029* · Decent Work Country Programme 2025–2029 with the ILO on job creation, social protection and labour rights · {multilateral}"),
            format!("- *2026 (planned)* · CICA summit expected to be held in Azerbaijan · {multilateral}"),
            format!("- *2026 (planned)* · Azerbaijan to host the OIC Summit · {multilateral}"),
        ]
    );
    // Near the top: in the executive summary, after its first paragraph,
    // before the key figures.
    let (summary, watch, figures) =
        (md.find("## Executive summary").unwrap(), md.find("\n**What to watch**").unwrap(), md.find("> **Key figures**").unwrap());
    assert!(summary < watch && watch < figures, "{md}");
    // The UN framework "for 2021–2025" ended before the report's date; an
    // undated fact's span bounds a date, it is not running.
    assert!(!watch_list(md).iter().any(|l| l.contains("2021") || l.contains("undated")), "{md}");
}

#[test]
fn a_plan_whose_date_has_passed_is_not_listed_and_check_warns_of_it() {
    let (md, _) = briefing("2027-01-15");
    assert_eq!(
        watch_list(&md),
        ["- *2025–2029* · Decent Work Country Programme 2025–2029 with the ILO on job creation, social protection and labour rights · Active multilateral engagement"],
        "the plans for 2026 have passed; the ILO programme still runs"
    );
    assert!(md.contains("\n**What to watch** on 15 January 2027:"), "{md}");
    let check = bin().args(["check", "--as-of", "2027-01-15"]).output().unwrap();
    let err = stderr(&check);
    assert!(err.contains("warning: event `cica-summit-2026` is planned for 2026; still planned as of 2027-01-15?"), "{err}");
    assert!(err.contains("warning: event `oic-summit-2026` is planned for 2026; still planned as of 2027-01-15?"), "{err}");
}

#[test]
fn a_plan_is_listed_through_its_last_day() {
    let (md, _) = briefing("2026-12-31");
    let list = watch_list(&md);
    assert!(list.iter().any(|l| l.contains("CICA summit expected to be held")), "{md}");
    assert!(!list.iter().any(|l| l.contains("Chairmanship of CICA")), "the chairmanship's last day is not after the report's date: {md}");
}

#[test]
fn with_nothing_ahead_there_is_no_section() {
    let (md, _) = briefing("2030-01-01");
    assert!(!md.contains("What to watch"), "{md}");
    assert!(md.contains("> **Key figures**"), "the rest of the summary stays");
}

#[test]
fn the_list_is_in_the_pdf_and_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let output = bin()
        .args(["--period", "2024-2026", "--format", "pdf", "--as-of", crate::util::AS_OF, "-q", "-o"])
        .arg(dir.path().join("b.pdf"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::process::Command::new("pdftotext").args(["-layout", "b.pdf", "-"]).current_dir(dir.path()).output().unwrap();
    let flat: String = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("What to watch on 12 February 2026"), "{flat}");
    assert!(flat.contains("2025–2029 · Decent Work Country Programme 2025–2029 with the ILO on job creation, social protection and labour rights ·"), "{flat}");
    crate::tagged::check_tagged(default_markdown());
}
