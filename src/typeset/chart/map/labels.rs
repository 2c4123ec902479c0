//! Where a map's labels go: greedily, most important first, each at the
//! first of eight positions around its point where it neither overlaps a
//! label already placed or an obstacle (a dot, the legend) nor leaves the
//! frame (Imhof's order of preference: right, left, above, below, then
//! the corners). A label with no free position there moves further out,
//! ring by ring, to where it and the leader line back to its point cross
//! nothing placed ([`leader`] says where that line runs); only a label
//! with no room anywhere in the frame is left out, and the map's legend
//! and description still name the place.

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
        let free = |b: &LabelBox| b.inside(frame) && !taken.iter().any(|t| t.overlaps(b)) && !obstacles.iter().any(|o| o.overlaps(b));
        let found = candidates(label).into_iter().find(|b| free(b)).or_else(|| {
            // Further out, with a leader line that crosses no label and no
            // obstacle but the point's own.
            far_candidates(label).into_iter().find(|b| {
                let Some((from, to)) = leader(label.anchor, b, label.gap) else { return false };
                free(b)
                    && !taken.iter().any(|t| crosses(from, to, t))
                    && !obstacles.iter().filter(|o| !contains(o, label.anchor)).any(|o| crosses(from, to, o))
            })
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

/// Rings further out than the eight near positions, as multiples of the
/// label's height beyond its gap, tried in the same order of preference
/// at each distance.
const RINGS: [f64; 6] = [1.2, 2.2, 3.4, 4.8, 6.5, 8.5];

/// The positions of the rings, nearest first.
fn far_candidates(l: &Label) -> Vec<LabelBox> {
    let h = l.ascent + l.descent;
    RINGS.iter().flat_map(|k| candidates(&Label { gap: l.gap + k * h, ..l.clone() })).collect()
}

/// The leader line from a label's point to its box, when the box lies
/// further from the point than its gap (and a half) says: from the point
/// to the nearest point of the box. `None` for a label beside its point.
pub fn leader(anchor: (f64, f64), b: &LabelBox, gap: f64) -> Option<((f64, f64), (f64, f64))> {
    let to = (anchor.0.clamp(b.x, b.x + b.w), anchor.1.clamp(b.y, b.y + b.h));
    let (dx, dy) = (to.0 - anchor.0, to.1 - anchor.1);
    (dx.hypot(dy) > gap * 1.5 + 0.5).then_some((anchor, to))
}

/// Whether a box holds a point.
fn contains(b: &LabelBox, p: (f64, f64)) -> bool {
    p.0 >= b.x && p.0 <= b.x + b.w && p.1 >= b.y && p.1 <= b.y + b.h
}

/// Whether the segment from `a` to `b` passes through the box (Liang and
/// Barsky).
fn crosses(a: (f64, f64), b: (f64, f64), r: &LabelBox) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - r.x), (dx, r.x + r.w - a.0), (-dy, a.1 - r.y), (dy, r.y + r.h - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    t0 < t1
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

    /// Issue 26: where the eight near positions are taken, a label moves
    /// further out with a leader line, and its line crosses no label.
    #[test]
    fn a_crowded_label_moves_out_with_a_leader() {
        let label = |x: f64, y: f64| Label { anchor: (x, y), width: 40.0, ascent: 5.0, descent: 2.0, gap: 3.0 };
        // A cluster of five points within a few points of each other.
        let labels: Vec<Label> = [(100.0, 50.0), (104.0, 53.0), (98.0, 56.0), (106.0, 47.0), (101.0, 60.0)].iter().map(|&(x, y)| label(x, y)).collect();
        let obstacles: Vec<LabelBox> = labels.iter().map(|l| LabelBox::around(l.anchor, 2.5)).collect();
        let frame = [0.0, 0.0, 300.0, 120.0];
        let placed = place(&labels, frame, &obstacles);
        assert!(placed.iter().all(Option::is_some), "every label placed: {placed:?}");
        let boxes: Vec<LabelBox> = placed.iter().flatten().copied().collect();
        let mut leaders = 0;
        for (i, (l, b)) in labels.iter().zip(&boxes).enumerate() {
            assert!(b.inside(frame));
            assert!(boxes.iter().enumerate().all(|(j, o)| i == j || !o.overlaps(b)), "{boxes:?}");
            if let Some((from, to)) = leader(l.anchor, b, l.gap) {
                leaders += 1;
                assert!(boxes.iter().enumerate().all(|(j, o)| i == j || !crosses(from, to, o)), "{i}: {boxes:?}");
            }
        }
        assert!(leaders > 0, "the cluster needs leaders: {boxes:?}");
        // Without the rings, the same cluster drops labels.
        let near: Vec<bool> = labels.iter().scan(Vec::<LabelBox>::new(), |taken, l| {
            let b = candidates(l).into_iter().find(|b| b.inside(frame) && !taken.iter().any(|t| t.overlaps(b)) && !obstacles.iter().any(|o| o.overlaps(b)));
            taken.extend(b);
            Some(b.is_some())
        }).collect();
        assert!(near.contains(&false), "the test's cluster is crowded enough: {near:?}");
    }
}
