//! The `[report]` table read in its file: the briefing's title block.

use toml::de::DeValue;

use super::super::lang::TextKind;
use super::super::model::ReportMeta;
use super::{FileChecker, FileDefs, Value, REPORT_KEYS};

impl FileChecker<'_> {
    pub(super) fn report(&mut self, value: &Value<'_>, merged: &mut FileDefs) {
        let DeValue::Table(table) = value.get_ref() else {
            return self.type_error(value, "report", "a table, written `[report]`");
        };
        let span = value.span();
        let mut report = ReportMeta::default();
        for (key, v) in table.iter() {
            let name = key.get_ref().as_ref();
            match name {
                // Kept as the language's code: "en-GB" or "EN" is `en`, the
                // key its texts are given under (red team).
                "language" => match self.line(v, name).map(|code| (crate::words::Lang::parse(&code), code)) {
                    Some((Some(lang), _)) => report.language = lang.code().to_owned(),
                    Some((None, code)) => {
                        let expected = format!("`language` is `{code}`: expected one of the briefing's languages, {}", crate::words::Lang::codes());
                        self.error(&v.span(), expected);
                    }
                    None => {}
                },
                "title" => {
                    if let Some(s) = self.line_in(v, name, TextKind::ReportTitle) {
                        report.title = s;
                    }
                }
                "subtitle" => report.subtitle = self.line_in(v, name, TextKind::ReportSubtitle),
                "author" => report.author = self.line(v, name),
                "organisation" => report.organisation = self.line(v, name),
                "distribution" => report.distribution = self.line(v, name),
                "reference" => report.reference = self.line(v, name),
                "logo" => report.logo = self.line(v, name).filter(|path| {
                    let lower = path.to_lowercase();
                    let image = [".png", ".jpg", ".jpeg"].iter().any(|e| lower.ends_with(e));
                    let plain = !path.contains("://") && !path.contains(['<', '>']) && !path.is_empty();
                    if !(image && plain) {
                        self.error(
                            &v.span(),
                            format!("`logo` is `{path}`: expected the path of a PNG or JPEG file, relative to the data folder"),
                        );
                    }
                    image && plain
                }),
                _ => self.unknown_key(key, name, REPORT_KEYS, "in `[report]`"),
            }
        }
        merged.report = Some((report, self.place(&span)));
    }
}
