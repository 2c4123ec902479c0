//! Tables: column widths from the cells' text, rows as chunks that are
//! never cut, the header row repeated on every page a table continues on,
//! and the tables of one kind (a year's chronology) set to one width.

use super::*;

impl Builder<'_> {
    pub(super) fn table(&mut self, aligns: &[Align], header: &[Vec<Run>], rows: &[Vec<Vec<Run>>], x: Pt, width: Pt) {
        let columns = aligns.len().max(header.len()).max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let cell_spans = |runs: &[Run], bold: bool| {
            let family = if bold { Face::SansBold } else { Face::Sans };
            self.spans(runs, family, style::SMALL, style::TEXT)
        };
        let header_spans: Vec<Vec<Span>> = (0..columns).map(|c| cell_spans(header.get(c).map_or(&[][..], Vec::as_slice), true)).collect();
        let row_spans: Vec<Vec<Vec<Span>>> = rows
            .iter()
            .map(|row| (0..columns).map(|c| cell_spans(row.get(c).map_or(&[][..], Vec::as_slice), false)).collect())
            .collect();
        // Tables of one header (the chronology's, a table a year) share
        // their columns' widths, measured on all of their rows, so that they
        // line up down the pages.
        let key = table_key(header, columns);
        let widths = match self.siblings.get(&key) {
            Some(rows) => {
                let cache = (key.clone(), width.0.to_bits());
                if let Some(widths) = self.sibling_widths.get(&cache) {
                    widths.clone()
                } else {
                    let spans: Vec<Vec<Vec<Span>>> = rows
                        .iter()
                        .map(|row| (0..columns).map(|c| cell_spans(&without_notes(row.get(c).map_or(&[][..], Vec::as_slice)), false)).collect())
                        .collect();
                    let widths = column_widths(self.fonts, &header_spans, &spans, width, columns);
                    self.sibling_widths.insert(cache, widths.clone());
                    widths
                }
            }
            None => column_widths(self.fonts, &header_spans, &row_spans, width, columns),
        };
        let width: Pt = widths.iter().copied().sum();

        let table_from = self.chunks.len();
        let mut header_bands = self.row(&header_spans, aligns, &widths, x, width, true).into_iter();
        let header_chunk = header_bands.next().unwrap_or_default();
        // Repeated on later pages as an artifact: the header is read once.
        self.table_headers.push(artifact(&header_chunk));
        let header_index = self.table_headers.len() - 1;
        let mut first = header_chunk;
        let captioned = std::mem::take(&mut self.after_caption);
        first.space_before = if captioned { Pt(4.0) } else { Pt(8.0) };
        // A short table is a figure of its own; a caption starts one.
        let unsplit = if captioned { style::UNSPLIT_ROWS } else { style::UNSPLIT_ROWS_UNCAPTIONED };
        first.figure = !captioned && rows.len() <= unsplit;
        first.keep_with_next = true;
        first.header_of = Some(header_index);
        self.chunks.push(first);
        // A header too tall for a page: the rest follows as rows.
        self.chunks.extend(header_bands.map(|mut c| {
            c.keep_with_next = true;
            c
        }));
        self.wrap(table_from, Role::TableHead);
        let body_from = self.chunks.len();
        let n = row_spans.len();
        for (i, cells) in row_spans.iter().enumerate() {
            let bands = self.row(cells, aligns, &widths, x, width, false);
            let last = bands.len() - 1;
            for (b, mut chunk) in bands.into_iter().enumerate() {
                chunk.table_header = Some(header_index);
                if b == 0 && self.record_rows {
                    chunk.row = Some(rows[i].iter().map(|c| plain(c)).collect());
                }
                if b == last {
                    // A short table is never split; a long one keeps its
                    // first two and last two rows together.
                    chunk.keep_with_next = keeps_with_next(i, n, unsplit);
                }
                self.chunks.push(chunk);
            }
        }
        self.wrap(body_from, Role::TableBody);
        self.wrap(table_from, Role::Table);
        if let Some(last) = self.chunks.last_mut() {
            last.keep_with_next = false;
            // Space after the table: the last row gets a closing rule.
            let h = last.height;
            last.items.push((Point::new(x, h), Item::Line { to: Point::new(x + width, h), width: Pt(0.8), color: style::ACCENT }));
        }
    }

    /// The widest word of a cell's text (a no-break space ties words).
    fn longest_word(&self, spans: &[Span]) -> Pt {
        let split = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
        spans.iter().flat_map(|s| s.text.split(split).map(move |w| self.fonts.width(s.face, w, s.size))).fold(Pt::ZERO, Pt::max)
    }

    /// A table row as chunks: one, unless the row is taller than a page
    /// (a long unbreakable value in a narrow cell), when its lines are cut
    /// into bands that each fit a page under the repeated header (found by
    /// fuzzing).
    pub(super) fn row(&self, cells: &[Vec<Span>], aligns: &[Align], widths: &[Pt], x: Pt, width: Pt, header: bool) -> Vec<Chunk> {
        let (leading, pad) = style::row(self.annex);
        // Room for a band under a repeated header row and a little slack.
        let per_band = ((self.page_height.0 - 60.0 - (pad * 2.0).0) / leading.0).floor().max(1.0) as usize;
        // Per band: its lines, and each cell's items.
        let mut bands: Vec<(usize, Vec<Items>)> = vec![(1, vec![Vec::new(); cells.len()])];
        let mut cx = x;
        for (c, spans) in cells.iter().enumerate() {
            let w = widths[c];
            let inner = (w - style::CELL_PAD_X * 2.0).max(Pt(1.0));
            if !spans.is_empty() {
                // No hyphenation in cells but where a word is wider than
                // its cell (a column the table could not afford): there by
                // the language's patterns, with a visible hyphen, names
                // excepted; without patterns (Azerbaijani), between
                // characters. A column set to its text's width ("100,0 %")
                // is that width give or take a rounding: a hair of
                // tolerance keeps the line whole.
                let measure = inner + Pt(0.05);
                let setting = if self.longest_word(spans) > measure { Setting { justify: false, language: self.language, names: Some(&self.names) } } else { Setting::RAGGED };
                let lines = linebreak(spans, measure, setting);
                for (i, line) in lines.iter().enumerate() {
                    let (band, row) = (i / per_band, i % per_band);
                    while bands.len() <= band {
                        bands.push((1, vec![Vec::new(); cells.len()]));
                    }
                    bands[band].0 = bands[band].0.max(row + 1);
                    let offset = match aligns.get(c).copied().unwrap_or(Align::Left) {
                        Align::Left => Pt::ZERO,
                        Align::Right => inner - line.width,
                        Align::Center => (inner - line.width) / 2.0,
                    };
                    for (p, item) in self.line_items(spans, line, cx + style::CELL_PAD_X, leading, style::SMALL, offset.max(Pt::ZERO)) {
                        bands[band].1[c].push((Point::new(p.x, p.y + pad + leading * row as f32), item));
                    }
                }
            }
            cx += w;
        }
        let n = bands.len();
        bands
            .into_iter()
            .enumerate()
            .map(|(b, (lines, cells))| {
                let height = leading * lines as f32 + pad * 2.0;
                // A row, and in it a cell element for every column, empty
                // ones too, so that every row has as many cells as the
                // header. A row cut into bands is a row per band.
                let cell_role = if header { Role::TableHeader } else { Role::TableCell };
                let mut items = vec![open(Role::TableRow)];
                for cell in cells {
                    items.extend(tagged(cell_role.clone(), cell));
                }
                items.push(close());
                let mut chunk_items = Vec::with_capacity(items.len() + 3);
                if header && b == 0 {
                    chunk_items.push((Point::new(x, Pt::ZERO), Item::Fill { size: Size { w: width, h: height }, color: style::SHADE }));
                    chunk_items.push((Point::new(x, Pt::ZERO), Item::Line { to: Point::new(x + width, Pt::ZERO), width: Pt(0.8), color: style::ACCENT }));
                }
                chunk_items.extend(items);
                if b + 1 == n {
                    let (w, color) = if header { (Pt(0.6), style::ACCENT) } else { (Pt(0.3), style::RULE) };
                    chunk_items.push((Point::new(x, height), Item::Line { to: Point::new(x + width, height), width: w, color }));
                }
                Chunk { height, items: chunk_items, keep_with_next: b + 1 < n, ..Chunk::default() }
            })
            .collect()
    }
}

/// A cell's runs without footnote references: measuring must not number
/// a note before the text that cites it is set.
fn without_notes(runs: &[Run]) -> Vec<Run> {
    runs.iter().filter(|r| !r.style.note).cloned().collect()
}

/// What identifies tables that share their columns: the header's text.
pub(super) fn table_key(header: &[Vec<Run>], columns: usize) -> String {
    let mut key = columns.to_string();
    for cell in header {
        key.push('\u{1f}');
        key.push_str(&plain(cell));
    }
    key
}

/// Rows of the top-level tables whose header another table has too, by
/// [`table_key`]: a sample of at most 400 rows spread over them, enough to
/// measure columns (as [`column_widths`] samples one long table).
pub(super) fn sibling_tables(blocks: &[Block]) -> std::collections::HashMap<String, Vec<Vec<Vec<Run>>>> {
    let mut tables: std::collections::HashMap<String, Vec<&Vec<Vec<Vec<Run>>>>> = std::collections::HashMap::new();
    for block in blocks {
        if let Block::Table { aligns, header, rows } = block {
            let columns = aligns.len().max(header.len()).max(rows.iter().map(Vec::len).max().unwrap_or(0));
            tables.entry(table_key(header, columns)).or_default().push(rows);
        }
    }
    tables
        .into_iter()
        .filter(|(_, t)| t.len() > 1)
        .map(|(key, t)| {
            let total: usize = t.iter().map(|rows| rows.len()).sum();
            let step = (total / 400).max(1);
            let sample = t.into_iter().flatten().step_by(step).cloned().collect();
            (key, sample)
        })
        .collect()
}

/// Column widths from content: each column gets at least its longest word
/// and at most its longest line, and the table fills the text width.
fn column_widths(fonts: &Fonts, header: &[Vec<Span>], rows: &[Vec<Vec<Span>>], width: Pt, columns: usize) -> Vec<Pt> {
    let pad = style::CELL_PAD_X * 2.0;
    let mut min = vec![Pt(12.0); columns];
    let mut max = vec![Pt(12.0); columns];
    // Measuring every row of a 100,000-row table is wasted work: a sample
    // spread over the table gives the same widths.
    let step = (rows.len() / 400).max(1);
    // Each sampled cell as its words' widths and a space's, to count the
    // lines it takes at a width (below).
    let mut sample: Vec<Vec<Cell>> = Vec::new();
    for cells in std::iter::once(header).chain(rows.iter().step_by(step).map(Vec::as_slice)) {
        let mut row = vec![Cell::default(); columns];
        for (c, spans) in cells.iter().enumerate().take(columns) {
            let mut line = Pt::ZERO;
            let mut longest_word = Pt::ZERO;
            for span in spans {
                line += fonts.width(span.face, &span.text, span.size);
                row[c].space = row[c].space.max(fonts.width(span.face, " ", span.size).0);
                // A no-break space ties the words on either side.
                for word in span.text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')) {
                    let w = fonts.width(span.face, word, span.size);
                    longest_word = longest_word.max(w);
                    if !word.is_empty() {
                        row[c].words.push(w.0);
                    }
                }
            }
            min[c] = min[c].max(longest_word.min(Pt(110.0)) + pad);
            max[c] = max[c].max(line + pad);
        }
        sample.push(row);
    }
    // A column of short cells (dates, kinds, short names) never wraps:
    // "30 September / 2025" reads badly.
    for c in 0..columns {
        if max[c] <= style::NO_WRAP + pad {
            min[c] = max[c];
        }
    }
    let min_total: Pt = min.iter().copied().sum();
    let max_total: Pt = max.iter().copied().sum();
    if max_total <= width {
        // Everything fits on one line: the table still takes the whole
        // measure, so that it ends at the text's right edge (issue 27),
        // each column widened in proportion to its text; the rules between
        // rows carry the eye from a label to its number.
        return max.iter().map(|&m| m + (width - max_total) * (m.0 / max_total.0)).collect();
    }
    if min_total >= width {
        return squeezed(&min, width, pad);
    }
    // Three ways to share the room beyond the longest words, and the one
    // whose sampled rows take the fewest lines (the first of equals): in
    // proportion to what each column wants; whole columns first, those
    // that want least first (a partner table's kind column on one line);
    // a step at a time where it saves most lines.
    let room = width - min_total;
    let want: Pt = min.iter().zip(&max).map(|(&a, &b)| b - a).sum();
    let shared: Vec<Pt> = min.iter().zip(&max).map(|(&a, &b)| a + room * ((b - a).0 / want.0.max(0.001))).collect();
    let candidates = [shared, whole_first(&min, &max, room), fewest_lines(&sample, min.clone(), &max, room, pad)];
    let lines = |widths: &Vec<Pt>| -> usize { sample.iter().map(|row| row.iter().zip(widths).map(|(cell, &w)| cell.lines((w - pad).0)).max().unwrap_or(1)).sum() };
    candidates.into_iter().min_by_key(lines).unwrap_or_default()
}

/// Room given to whole columns, those that want least of it first; what
/// is left shared among the rest in proportion to what they want.
fn whole_first(min: &[Pt], max: &[Pt], mut room: Pt) -> Vec<Pt> {
    let mut widths = min.to_vec();
    let mut order: Vec<usize> = (0..min.len()).collect();
    order.sort_by(|&a, &b| (max[a] - min[a]).0.total_cmp(&(max[b] - min[b]).0));
    let mut wrapping = Vec::new();
    for c in order {
        let want = max[c] - min[c];
        if want <= room {
            widths[c] = max[c];
            room -= want;
        } else {
            wrapping.push(c);
        }
    }
    let want: Pt = wrapping.iter().map(|&c| max[c] - min[c]).sum();
    for &c in &wrapping {
        widths[c] += room * ((max[c] - min[c]).0 / want.0.max(0.001));
    }
    widths
}

/// Columns whose longest words together are wider than the table: the
/// widest column gives up room down to a floor, then the next widest, so
/// that one long cell (an address, a long first column) wraps inside its
/// words rather than every narrow header breaking in its ("Дипломат/ия");
/// only when even that cannot fit do all shrink alike.
fn squeezed(min: &[Pt], width: Pt, pad: Pt) -> Vec<Pt> {
    let floor = Pt(36.0) + pad;
    let mut widths = min.to_vec();
    let mut deficit = widths.iter().copied().sum::<Pt>() - width;
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by(|&a, &b| widths[b].0.total_cmp(&widths[a].0));
    for c in order {
        if deficit <= Pt(0.01) {
            break;
        }
        let give = (widths[c] - floor).max(Pt::ZERO).min(deficit);
        widths[c] -= give;
        deficit -= give;
    }
    if deficit > Pt(0.01) {
        let total: Pt = widths.iter().copied().sum();
        return widths.iter().map(|&w| w * (width.0 / total.0)).collect();
    }
    widths
}

/// A sampled cell: its words' widths and a space's, in points.
#[derive(Clone, Default)]
struct Cell {
    words: Vec<f32>,
    space: f32,
}

impl Cell {
    /// The lines the cell takes at `inner` wide, set ragged word by word
    /// (a word wider than the line takes as many lines as it spans).
    fn lines(&self, inner: f32) -> usize {
        let inner = inner.max(1.0);
        let (mut lines, mut x) = (1, 0.0_f32);
        for &w in &self.words {
            if x > 0.0 && x + self.space + w <= inner + 0.05 {
                x += self.space + w;
                continue;
            }
            if x > 0.0 {
                lines += 1;
            }
            let spans = (w / inner).ceil().max(1.0) as usize;
            lines += spans - 1;
            x = w - inner * (spans - 1) as f32;
        }
        lines
    }
}

/// Room beyond the columns' longest words shared so that the sampled rows
/// take the fewest lines: a step at a time to the column that saves most
/// lines for the room it takes (the kind column of a partner table whole
/// rather than a little to each column and every cell wrapping), what is
/// left in proportion to what each column still wants.
fn fewest_lines(sample: &[Vec<Cell>], mut widths: Vec<Pt>, max: &[Pt], mut room: Pt, pad: Pt) -> Vec<Pt> {
    let columns = widths.len();
    let mut lines: Vec<Vec<usize>> = sample.iter().map(|row| row.iter().zip(&widths).map(|(cell, w)| cell.lines((*w - pad).0)).collect()).collect();
    for _ in 0..64 {
        let now: usize = lines.iter().map(|row| row.iter().copied().max().unwrap_or(1)).sum();
        let mut best: Option<(f32, usize, Pt)> = None;
        for c in 0..columns {
            let cap = room.min(max[c] - widths[c]);
            if cap <= Pt(0.5) {
                continue;
            }
            for k in 1..=24 {
                let extra = cap * (k as f32 / 24.0);
                let inner = (widths[c] + extra - pad).0;
                let then: usize = sample
                    .iter()
                    .zip(&lines)
                    .map(|(row, l)| l.iter().enumerate().map(|(i, &n)| if i == c { row[c].lines(inner) } else { n }).max().unwrap_or(1))
                    .sum();
                if then < now {
                    let gain = (now - then) as f32 / extra.0;
                    if best.is_none_or(|(g, _, _)| gain > g) {
                        best = Some((gain, c, extra));
                    }
                    break;
                }
            }
        }
        let Some((_, c, extra)) = best else { break };
        widths[c] += extra;
        room -= extra;
        for (row, l) in sample.iter().zip(lines.iter_mut()) {
            l[c] = row[c].lines((widths[c] - pad).0);
        }
    }
    let want: Pt = widths.iter().zip(max).map(|(&w, &m)| (m - w).max(Pt::ZERO)).sum();
    if want.0 <= 0.001 {
        let total: Pt = widths.iter().copied().sum();
        return widths.iter().map(|&w| w + room * (w.0 / total.0)).collect();
    }
    widths.iter().zip(max).map(|(&w, &m)| w + room * ((m - w).max(Pt::ZERO).0 / want.0)).collect()
}
