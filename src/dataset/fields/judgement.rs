//! One `[[judgement]]` read in its file (issue 25); the rules that need
//! the whole dataset are [`crate::dataset::judgements::check`].

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

use super::super::judgements::{block_construct, Confidence, Judgement, JudgementDef, Likelihood};
use super::super::lang::TextKind;
use super::{FileChecker, FileDefs, Fields, Value, JUDGEMENT_KEYS};

impl FileChecker<'_> {
    pub(super) fn judgement(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut fields = Fields::new(self, table, &span, JUDGEMENT_KEYS, "in `[[judgement]]`");
        let id = fields.optional("id", |c, v| c.id(v, "id"));
        let text = fields.required("text", |c, v| {
            c.translated(v, "text", TextKind::JudgementText, |c, v, key| c.inline_markdown(v, key)).map(|(shown, _)| shown)
        });
        let likelihood = fields.required("likelihood", |c, v| c.named(v, "likelihood", Likelihood::parse, Likelihood::NAMES));
        let confidence = fields.required("confidence", |c, v| c.named(v, "confidence", Confidence::parse, Confidence::NAMES));
        let evidence = fields.required("evidence", |c, v| {
            let list = c.strings(v, "evidence")?;
            if list.is_empty() {
                c.error(&v.span(), "`evidence` is empty: a judgement rests on at least one event")
                    .help = Some("list the ids of the events it rests on: `evidence = [\"cop29-baku\"]`".to_owned());
                return None;
            }
            Some(list)
        });
        let pillar = fields.optional("pillar", |c, v| c.line(v, "pillar"));
        let reviewed = fields.optional("reviewed", |c, v| c.full_date(v, "reviewed"));
        let mut def = JudgementDef {
            id: id.as_ref().map(|(id, span)| (id.clone(), self.place(span))),
            evidence: evidence.iter().flat_map(|(list, _)| list).map(|(e, span)| (e.clone(), self.place(span))).collect(),
            pillar: pillar.as_ref().map(|(p, span)| (p.clone(), self.place(span))),
            judgement: None,
        };
        if let (Some((text, _)), Some((likelihood, _)), Some((confidence, _)), Some((evidence, _))) =
            (text, likelihood, confidence, evidence)
        {
            def.judgement = Some(Judgement {
                id: id.map(|i| i.0),
                text,
                likelihood,
                confidence,
                evidence: evidence.into_iter().map(|(e, _)| e).collect(),
                pillar: pillar.map(|p| Arc::from(p.0)),
                reviewed: reviewed.map(|r| r.0),
                file: Arc::clone(&self.path),
                place: self.place(&span),
            });
        }
        merged.judgements.push(def);
    }
}

impl FileChecker<'_> {
    /// Free text ([`FileChecker::text`]) that is one paragraph of inline
    /// Markdown: a block construct is refused where it stands in the file.
    fn inline_markdown(&mut self, v: &Value<'_>, key: &str) -> Option<String> {
        let raw = self.string(v, key)?.to_owned();
        // Each line read without its indent: a multi-line string indented
        // in the file is not a code block.
        let dedented = raw.split('\n').map(str::trim_start).collect::<Vec<_>>().join("\n");
        if let Some((at, what)) = block_construct(&dedented) {
            let line = dedented[..at].matches('\n').count();
            let column = at - dedented[..at].rfind('\n').map_or(0, |n| n + 1);
            let raw_line_start: usize = raw.split('\n').take(line).map(|l| l.len() + 1).sum();
            let raw_line = raw.get(raw_line_start..).and_then(|rest| rest.split('\n').next()).unwrap_or("");
            let indent = raw_line.len() - raw_line.trim_start().len();
            let at = (raw_line_start + indent + column).min(raw.len());
            let start = self.offset_in_string(&v.span(), &raw, at);
            self.error(&(start..start + 1), format!("`{key}` holds {what}: a judgement is one paragraph of inline Markdown"))
                .help = Some("keep to text, *emphasis*, **strong**, `code` and [links](https://...), on one paragraph".to_owned());
            return None;
        }
        self.text(v, key)
    }

    /// Where the byte `at` of the string `raw`, whose value spans `span`,
    /// stands in the piece: after the opening quotes (and the line break a
    /// multi-line string drops), when the file spells the string as it
    /// reads up to there; else the value's start.
    fn offset_in_string(&self, span: &Range<usize>, raw: &str, at: usize) -> usize {
        let Some(literal) = self.file.text.get(self.base + span.start..self.base + span.end) else {
            return span.start;
        };
        let quotes = if literal.starts_with("\"\"\"") || literal.starts_with("'''") { 3 } else { 1 };
        let body = &literal[quotes.min(literal.len())..];
        let dropped = if quotes == 3 { ["\r\n", "\n"].iter().find(|b| body.starts_with(**b)).map_or(0, |b| b.len()) } else { 0 };
        let body = &body[dropped..];
        match (body.get(..at), raw.get(..at)) {
            (Some(file), Some(read)) if file == read => span.start + quotes + dropped + at,
            _ => span.start,
        }
    }
}
