//! Bars: an integer value axis, a bar per category, names wrapped under
//! them; the bars of undated events set apart after the years.

use super::{fmt_value, Face, Pen, Pt, GRID, INK, LABEL, LABEL_LEADING, LABEL_LINES, MUTED};
use crate::typeset::geom::Color;

/// An integer axis: a step of 1, 2 or 5 times a power of ten giving at
/// most six intervals, and the top tick.
pub fn integer_ticks(max: f64) -> (u64, u64) {
    let max = max.ceil().max(1.0) as u64;
    let mut magnitude = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if max.div_ceil(step) <= 6 {
                return (step, max.div_ceil(step) * step);
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// `undated`: how many of the last bars count undated facts.
pub(super) fn bars(pen: &mut Pen<'_>, title: &str, categories: &[String], (values, undated): (&[f64], usize), color: Color, width: f64) -> f64 {
    pen.title(title, width);
    let top = if title.is_empty() { 6.0 } else { 24.0 };
    let plot_h = 96.0;
    let (step, axis_top) = integer_ticks(values.iter().copied().fold(0.0, f64::max));
    let label_w = pen.width(Face::Sans, Pt(LABEL.0), &crate::number::thousands(axis_top as usize));
    let left = label_w + 8.0;
    let plot_w = width - left - 2.0;
    let bottom = top + plot_h;
    let mut tick = 0;
    while tick <= axis_top {
        let y = bottom - plot_h * tick as f64 / axis_top as f64;
        pen.line(left, y, left + plot_w, y, if tick == 0 { 0.8 } else { 0.4 }, if tick == 0 { MUTED } else { GRID });
        // Grouped, as every count ("2,000").
        let label = crate::number::thousands(tick as usize);
        let w = pen.width(Face::Sans, LABEL, &label);
        pen.text(left - 5.0 - w, y + 2.7, Face::Sans, LABEL, MUTED, &label);
        tick += step;
    }
    let n = values.len().max(1) as f64;
    let slot = plot_w / n;
    let bar_w = (slot * 0.6).min(48.0);
    let tint = Color { r: color.r + (1.0 - color.r) * 0.6, g: color.g + (1.0 - color.g) * 0.6, b: color.b + (1.0 - color.b) * 0.6 };
    let mut label_lines = 1;
    let first_undated = values.len().saturating_sub(undated);
    for (i, (category, &value)) in categories.iter().zip(values).enumerate() {
        let cx = left + slot * (i as f64 + 0.5);
        let h = plot_h * value / axis_top as f64;
        // The templates' bars of undated facts ("undated 2024–2026") are
        // set apart from the years: a rule before each and a light fill.
        let undated = i >= first_undated;
        if undated {
            pen.line(cx - slot / 2.0, top, cx - slot / 2.0, bottom, 0.6, MUTED);
        }
        if h > 0.0 {
            pen.rect(cx - bar_w / 2.0, bottom - h, bar_w, h, if undated { tint } else { color });
        }
        let label = fmt_value(value);
        let w = pen.width(Face::SansBold, LABEL, &label);
        pen.text(cx - w / 2.0, bottom - h - 3.0, Face::SansBold, LABEL, INK, &label);
        let lines = pen.wrap(Face::Sans, LABEL, category, slot - 2.0, LABEL_LINES);
        for (k, name) in lines.iter().enumerate() {
            let w = pen.width(Face::Sans, LABEL, name);
            pen.text(cx - w / 2.0, bottom + 11.0 + LABEL_LEADING * k as f64, Face::Sans, LABEL, MUTED, name);
        }
        label_lines = label_lines.max(lines.len());
    }
    bottom + 16.0 + LABEL_LEADING * label_lines.saturating_sub(1) as f64
}
