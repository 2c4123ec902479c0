//! Typographic geometry: points, sizes and rectangles in PDF points, with
//! the origin at the top left of the page and y growing downwards. Only
//! [`super::pdf`] flips y for PDF.

use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A length in PDF points (1/72 inch).
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Pt(pub f32);

impl Pt {
    pub const ZERO: Pt = Pt(0.0);

    pub fn max(self, other: Pt) -> Pt {
        if self >= other { self } else { other }
    }

    pub fn min(self, other: Pt) -> Pt {
        if self <= other { self } else { other }
    }

    /// Rounded to 1/100 pt, so output never depends on float noise.
    pub fn rounded(self) -> Pt {
        Pt((self.0 * 100.0).round() / 100.0)
    }
}

impl Add for Pt {
    type Output = Pt;
    fn add(self, o: Pt) -> Pt {
        Pt(self.0 + o.0)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, o: Pt) {
        self.0 += o.0;
    }
}

impl Sub for Pt {
    type Output = Pt;
    fn sub(self, o: Pt) -> Pt {
        Pt(self.0 - o.0)
    }
}

impl SubAssign for Pt {
    fn sub_assign(&mut self, o: Pt) {
        self.0 -= o.0;
    }
}

impl Mul<f32> for Pt {
    type Output = Pt;
    fn mul(self, k: f32) -> Pt {
        Pt(self.0 * k)
    }
}

impl Div<f32> for Pt {
    type Output = Pt;
    fn div(self, k: f32) -> Pt {
        Pt(self.0 / k)
    }
}

impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

impl std::iter::Sum for Pt {
    fn sum<I: Iterator<Item = Pt>>(iter: I) -> Pt {
        Pt(iter.map(|p| p.0).sum())
    }
}

/// A point on the page, from the top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: Pt,
    pub y: Pt,
}

impl Point {
    pub fn new(x: Pt, y: Pt) -> Point {
        Point { x, y }
    }
}

/// A width and a height.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: Pt,
    pub h: Pt,
}

/// A rectangle: top-left corner and size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub origin: Point,
    pub size: Size,
}

impl Rect {
    pub fn new(x: Pt, y: Pt, w: Pt, h: Pt) -> Rect {
        Rect { origin: Point { x, y }, size: Size { w, h } }
    }

    pub fn right(&self) -> Pt {
        self.origin.x + self.size.w
    }

    pub fn bottom(&self) -> Pt {
        self.origin.y + self.size.h
    }

    /// Whether `other` lies inside `self`, allowing `slack` for rounding.
    pub fn contains(&self, other: &Rect, slack: Pt) -> bool {
        other.origin.x.0 >= self.origin.x.0 - slack.0
            && other.origin.y.0 >= self.origin.y.0 - slack.0
            && other.right().0 <= self.right().0 + slack.0
            && other.bottom().0 <= self.bottom().0 + slack.0
    }
}

/// A colour, RGB from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Color {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Color {
    pub const BLACK: Color = Color::grey(0.0);

    pub const fn grey(v: f32) -> Color {
        Color { r: v, g: v, b: v }
    }

    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r: r as f32 / 255.0, g: g as f32 / 255.0, b: b as f32 / 255.0 }
    }
}
