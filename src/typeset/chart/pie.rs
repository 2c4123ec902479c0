//! Pies: wedges from a rotation recurrence (no trigonometry), each wide
//! one with its count, and a legend of name, count and share.

use super::{color_of, pt, Face, Pen, Pt, Slice, INK};
use crate::typeset::geom::Color;

/// Points of the unit circle every degree, clockwise from 12 o'clock (y
/// down), by repeated rotation with the constants of a one-degree turn.
fn circle() -> &'static [(f64, f64); 361] {
    static CIRCLE: std::sync::OnceLock<[(f64, f64); 361]> = std::sync::OnceLock::new();
    CIRCLE.get_or_init(|| {
        const C: f64 = 0.999_847_695_156_391_3; // cos 1°
        const S: f64 = 0.017_452_406_437_283_51; // sin 1°
        let mut points = [(0.0, -1.0); 361];
        let (mut x, mut y) = (0.0f64, -1.0f64);
        for p in points.iter_mut().skip(1) {
            let nx = x * C - y * S;
            let ny = x * S + y * C;
            // Renormalise so the error never grows.
            let len = (nx * nx + ny * ny).sqrt();
            x = nx / len;
            y = ny / len;
            *p = (x, y);
        }
        points[360] = (0.0, -1.0);
        points
    })
}

/// The unit-circle point at `degrees` (0 to 360) clockwise from the top.
pub(super) fn at_degrees(degrees: f64) -> (f64, f64) {
    let c = circle();
    let d = degrees.clamp(0.0, 360.0);
    let i = (d.floor() as usize).min(359);
    let f = d - i as f64;
    let (x0, y0) = c[i];
    let (x1, y1) = c[i + 1];
    let (x, y) = (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
    let len = (x * x + y * y).sqrt();
    (x / len, y / len)
}

/// The wedge boundaries, in degrees from 0 to 360, of slices in order.
pub fn pie_angles(values: &[f64]) -> Vec<(f64, f64)> {
    let total: f64 = values.iter().sum();
    let mut start = 0.0;
    values
        .iter()
        .map(|v| {
            let end = if total > 0.0 { start + 360.0 * v / total } else { start };
            let wedge = (start, end);
            start = end;
            wedge
        })
        .collect()
}

pub(super) fn pie(pen: &mut Pen<'_>, title: &str, slices: &[Slice], width: f64) -> f64 {
    pen.title(title, width);
    let top = if title.is_empty() { 0.0 } else { 20.0 };
    let radius = 62.0f64.min(width / 5.0);
    let (cx, cy) = (radius + 4.0, top + radius + 4.0);
    let values: Vec<f64> = slices.iter().map(|s| s.value).collect();
    let total: f64 = values.iter().sum();
    for (slice, (from, to)) in slices.iter().zip(pie_angles(&values)) {
        if to - from <= 0.0 {
            continue;
        }
        let mut points = vec![pt(cx, cy)];
        let mut d = from;
        loop {
            let (x, y) = at_degrees(d);
            points.push(pt(cx + x * radius, cy + y * radius));
            if d >= to {
                break;
            }
            d = (d.floor() + 1.0).min(to);
        }
        pen.polygon(points, color_of(slice.color));
    }
    // White seams between wedges.
    if slices.iter().filter(|s| s.value > 0.0).count() > 1 {
        for (from, _) in pie_angles(&values) {
            let (x, y) = at_degrees(from);
            pen.line(cx, cy, cx + x * radius, cy + y * radius, 1.2, Color::grey(1.0));
        }
    }
    // Each wide enough wedge says its count, which the legend repeats, so
    // wedge and name pair up without hue: in greyscale too (issue 27,
    // item 5).
    for (slice, (from, to)) in slices.iter().zip(pie_angles(&values)) {
        if to - from < 24.0 {
            continue;
        }
        let (x, y) = at_degrees((from + to) / 2.0);
        let n = super::fmt_value(slice.value);
        let w = pen.width(Face::SansBold, Pt(8.0), &n);
        let c = color_of(slice.color);
        let ink = if 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 0.55 { Color::grey(1.0) } else { INK };
        pen.text(cx + x * radius * 0.64 - w / 2.0, cy + y * radius * 0.64 + 2.8, Face::SansBold, Pt(8.0), ink, &n);
    }
    // Legend: colour, name, count and share.
    let lx = cx + radius + 22.0;
    let row = 15.0;
    let legend_top = cy - row * slices.len() as f64 / 2.0;
    for (i, slice) in slices.iter().enumerate() {
        let y = legend_top + row * i as f64;
        pen.rect(lx, y + 2.0, 9.0, 9.0, color_of(slice.color));
        let share = if total > 0.0 { slice.value / total * 100.0 } else { 0.0 };
        let label = super::words::pie_legend(pen.words, &slice.label, slice.value, share);
        let label = pen.fit(Face::Sans, Pt(8.2), &label, width - lx - 14.0);
        pen.text(lx + 14.0, y + 10.0, Face::Sans, Pt(8.2), INK, &label);
    }
    let legend_bottom = legend_top + row * slices.len() as f64;
    (cy + radius + 4.0).max(legend_bottom + 2.0)
}
