//! Where a map's labels go: greedily, most important first, each at the
//! first of eight positions around its point where it neither overlaps a
//! label already placed or an obstacle (a dot, the legend) nor leaves the
//! frame (Imhof's order of preference: right, left, above, below, then
//! the corners). A label with no free position is left out and the map's
//! table and description still name the place.

/// A label to place: its anchor (a dot's centre), the text's size.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub anchor: (f64, f64),
    pub width: f64,
    /// Above and below the baseline.
    pub ascent: f64,
    pub descent: f64,
    /// Room between the anchor and the text.
    pub gap: f64,
}

/// A placed label's box (x, y of its top-left corner, width, height) and
/// baseline origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub baseline: (f64, f64),
}

impl LabelBox {
    /// Whether two boxes share any area.
    pub fn overlaps(&self, o: &LabelBox) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// Whether the box lies within the frame x, y, width, height.
    pub fn inside(&self, f: [f64; 4]) -> bool {
        self.x >= f[0] && self.y >= f[1] && self.x + self.w <= f[0] + f[2] && self.y + self.h <= f[1] + f[3]
    }

    /// A box around a point, `r` each way.
    pub fn around(p: (f64, f64), r: f64) -> LabelBox {
        LabelBox { x: p.0 - r, y: p.1 - r, w: 2.0 * r, h: 2.0 * r, baseline: p }
    }
}

/// Places `labels` in order inside `frame`, clear of `obstacles` and of
/// each other; `None` for a label that fits nowhere.
pub fn place(labels: &[Label], frame: [f64; 4], obstacles: &[LabelBox]) -> Vec<Option<LabelBox>> {
    let mut taken: Vec<LabelBox> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    for label in labels {
        let found = candidates(label).into_iter().find(|b| {
            b.inside(frame) && !taken.iter().any(|t| t.overlaps(b)) && !obstacles.iter().any(|o| o.overlaps(b))
        });
        if let Some(b) = found {
            taken.push(b);
        }
        out.push(found);
    }
    out
}

/// The eight positions around the anchor, in order of preference.
fn candidates(l: &Label) -> Vec<LabelBox> {
    let (ax, ay) = l.anchor;
    let h = l.ascent + l.descent;
    let g = l.gap;
    // Top-left corners.
    let middle = ay - h / 2.0;
    let corners = [
        (ax + g, middle),
        (ax - g - l.width, middle),
        (ax - l.width / 2.0, ay - g - h),
        (ax - l.width / 2.0, ay + g),
        (ax + g * 0.7, ay - g * 0.7 - h),
        (ax + g * 0.7, ay + g * 0.7),
        (ax - g * 0.7 - l.width, ay - g * 0.7 - h),
        (ax - g * 0.7 - l.width, ay + g * 0.7),
    ];
    corners.into_iter().map(|(x, y)| LabelBox { x, y, w: l.width, h, baseline: (x, y + l.ascent) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crowded_labels_move_aside_and_never_overlap() {
        let label = |x: f64| Label { anchor: (x, 50.0), width: 30.0, ascent: 6.0, descent: 2.0, gap: 3.0 };
        let labels: Vec<Label> = (0..6).map(|i| label(40.0 + f64::from(i) * 14.0)).collect();
        let placed = place(&labels, [0.0, 0.0, 200.0, 100.0], &[]);
        let boxes: Vec<LabelBox> = placed.iter().flatten().copied().collect();
        assert!(boxes.len() >= 2, "{placed:?}");
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.inside([0.0, 0.0, 200.0, 100.0]));
            assert!(boxes[i + 1..].iter().all(|b| !a.overlaps(b)), "{boxes:?}");
        }
        // At the frame's right edge a label goes left of its point.
        let edge = place(&[Label { anchor: (195.0, 50.0), width: 30.0, ascent: 6.0, descent: 2.0, gap: 3.0 }], [0.0, 0.0, 200.0, 100.0], &[]);
        assert!(edge[0].is_some_and(|b| b.x + b.w <= 195.0));
    }
}
