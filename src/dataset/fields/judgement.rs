//! One `[[judgement]]` read in its file (issue 25); the rules that need
//! the whole dataset are [`crate::dataset::judgements::check`].

use std::ops::Range;
use std::sync::Arc;

use toml::de::DeTable;

use super::super::judgements::{Confidence, Judgement, JudgementDef, Likelihood};
use super::{FileChecker, FileDefs, Fields, JUDGEMENT_KEYS};

impl FileChecker<'_> {
    pub(super) fn judgement(&mut self, (table, span): (&DeTable<'_>, Range<usize>), merged: &mut FileDefs) {
        let mut fields = Fields::new(self, table, &span, JUDGEMENT_KEYS, "in `[[judgement]]`");
        let id = fields.optional("id", |c, v| c.id(v, "id"));
        let text = fields.required("text", |c, v| c.text(v, "text"));
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
