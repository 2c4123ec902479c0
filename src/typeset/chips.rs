//! Pillar colours from the charts (issue 27, item 8): the Markdown carries
//! each pillar's colour once, where GitHub reads it too, in its charts (a
//! pie's `pie1`… theme variables beside the slices' names, a timeline's
//! lane colours beside the lanes' names), not in an HTML comment on every
//! table row. This pass, run over the parsed blocks, gives the headings
//! and table cells that name a charted pillar their colour: a heading's
//! tab ([`Block::Colour`] before it) by any chart's name, a cell's chip (a
//! chip run first) by a timeline lane's, the short name tables use.
//! A document without charts, or a name no chart shows, draws no colour.

use std::collections::BTreeMap;

use super::blocks::{plain, Block, Run, Style};

/// The names charts of `blocks` give a colour, with that colour
/// (`#rrggbb`): the timelines' lanes (short names, as tables name
/// pillars), then every name including the pies' slices (for headings);
/// the first chart to name one decides.
fn palette(blocks: &[Block]) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    use crate::mermaid::{parse, Chart};
    let (mut lanes_of, mut names) = (BTreeMap::new(), BTreeMap::new());
    for block in blocks {
        let Block::Code { lang, text } = block else { continue };
        if lang != "mermaid" {
            continue;
        }
        match parse(text) {
            Ok(Chart::Pie { slices, .. }) => {
                for s in slices {
                    names.entry(s.label).or_insert_with(|| s.color.hex());
                }
            }
            Ok(Chart::Timeline { lanes, .. }) => {
                for l in lanes {
                    names.entry(l.name.clone()).or_insert_with(|| l.color.hex());
                    lanes_of.entry(l.name).or_insert_with(|| l.color.hex());
                }
            }
            _ => {}
        }
    }
    (lanes_of, names)
}

/// A numbered heading's name: `2. Energy` gives `Energy`.
fn unnumbered(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text[digits..].strip_prefix(". ") {
        Some(rest) if digits > 0 => rest,
        _ => text,
    }
}

/// `blocks` with the colours of the names its charts colour.
pub fn apply(mut blocks: Vec<Block>) -> Vec<Block> {
    let (lanes, names) = palette(&blocks);
    if names.is_empty() {
        return blocks;
    }
    let chip = |hex: &str| Run { text: hex.to_owned(), style: Style { chip: true, ..Style::default() }, link: None };
    let mut out = Vec::with_capacity(blocks.len() + 8);
    for mut block in blocks.drain(..) {
        match &mut block {
            Block::Heading { level: 2, runs } => {
                let already = matches!(out.last(), Some(Block::Colour(_)));
                if let Some(hex) = names.get(unnumbered(plain(runs).trim())).filter(|_| !already) {
                    out.push(Block::Colour(hex.clone()));
                }
            }
            Block::Table { rows, .. } => {
                for cell in rows.iter_mut().flatten() {
                    let has_chip = cell.iter().any(|r| r.style.chip);
                    if let Some(hex) = lanes.get(plain(cell).trim()).filter(|_| !has_chip) {
                        cell.insert(0, chip(hex));
                    }
                }
            }
            _ => {}
        }
        out.push(block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::blocks::parse;

    #[test]
    fn issue_27_charted_names_get_their_colours_without_comments() {
        let md = "```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    %% lanes: #112233 #445566\n    section Energy\n    A :milestone, s3e1, 2024-03-01, 0d\n    section Trade\n    B :milestone, s3e2, 2024-04-01, 0d\n```\n\n## 2. Energy\n\n| Date | Pillar |\n| --- | --- |\n| 2024 | Trade |\n| 2025 | Other |\n";
        let blocks = parse(md);
        let colour = blocks.iter().position(|b| matches!(b, Block::Colour(c) if c == "#112233"));
        let heading = blocks.iter().position(|b| matches!(b, Block::Heading { .. }));
        assert_eq!(colour.map(|c| c + 1), heading, "the tab's colour just before the heading: {blocks:?}");
        let Some(Block::Table { rows, .. }) = blocks.iter().find(|b| matches!(b, Block::Table { .. })) else { panic!() };
        assert!(rows[0][1][0].style.chip && rows[0][1][0].text == "#445566", "{rows:?}");
        assert!(!rows[1][1].iter().any(|r| r.style.chip), "a name no chart colours");
        assert!(!rows[0][0].iter().any(|r| r.style.chip));
    }
}
