//! The few functions of a real variable the projections need, from `+`,
//! `*`, `/` and `sqrt` only: IEEE arithmetic rounds these the same on every
//! platform, where the C library's `sin` or `pow` may differ in the last
//! bit; so a map is the same bytes everywhere (style.md: no sin/cos/powf in
//! charts). Accurate to a few units in the last place over the ranges a map
//! uses (angles within ±2π), which the tests check against the standard
//! library.

/// π/2 in two parts, for range reduction without losing digits.
const PIO2_HI: f64 = std::f64::consts::FRAC_PI_2;
const PIO2_LO: f64 = 6.123_233_995_736_766e-17;
const LN2: f64 = std::f64::consts::LN_2;

/// sin and cos of `x` (radians).
pub fn sin_cos(x: f64) -> (f64, f64) {
    if !x.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let k = (x / PIO2_HI).round();
    let r = (x - k * PIO2_HI) - k * PIO2_LO;
    let r2 = r * r;
    // Taylor series to r^19 and r^18: |r| <= π/4 leaves < 1e-17.
    let sin = r * sin_series(r2);
    let cos = cos_series(r2);
    match (k as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    }
}

/// sin(r)/r for r² = `r2`, by Horner's rule on the Taylor series.
fn sin_series(r2: f64) -> f64 {
    let mut acc = 1.0;
    for n in (1..10).rev() {
        let n = f64::from(n);
        acc = 1.0 - acc * r2 / ((2.0 * n) * (2.0 * n + 1.0));
    }
    acc
}

/// cos(r) for r² = `r2`.
fn cos_series(r2: f64) -> f64 {
    let mut acc = 1.0;
    for n in (1..10).rev() {
        let n = f64::from(n);
        acc = 1.0 - acc * r2 / ((2.0 * n - 1.0) * (2.0 * n));
    }
    acc
}

/// The arc tangent of `x`, in (-π/2, π/2).
pub fn atan(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x.abs() > 1.0 {
        return x.signum() * PIO2_HI - atan(1.0 / x);
    }
    // Twice atan(x) = 2 atan(x / (1 + sqrt(1 + x²))): |x| <= tan(π/16).
    let mut t = x;
    for _ in 0..2 {
        t /= 1.0 + (1.0 + t * t).sqrt();
    }
    let t2 = t * t;
    let mut acc = 0.0;
    for n in (0..14).rev() {
        acc = 1.0 / f64::from(2 * n + 1) - t2 * acc;
    }
    4.0 * t * acc
}

/// The arc sine of `x`, for |x| <= 1.
pub fn asin(x: f64) -> f64 {
    if x >= 1.0 {
        return PIO2_HI;
    }
    if x <= -1.0 {
        return -PIO2_HI;
    }
    atan(x / (1.0 - x * x).sqrt())
}

/// The natural logarithm of `x` > 0.
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || !x.is_finite() {
        return f64::NAN;
    }
    // x = m · 2^e with m in [1/√2, √2]: the exponent from the bits.
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if e == -1023 {
        // Subnormal: never met on a map; scale it into range.
        return ln(x * 2f64.powi(60)) - 60.0 * LN2;
    }
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut acc = 0.0;
    for n in (0..16).rev() {
        acc = 1.0 / f64::from(2 * n + 1) + s2 * acc;
    }
    e as f64 * LN2 + 2.0 * s * acc
}

/// e to the power `x`, for |x| < 700.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() || x.abs() >= 700.0 {
        return f64::NAN;
    }
    let k = (x / LN2).round();
    let r = x - k * LN2;
    let mut acc = 1.0;
    for n in (1..22).rev() {
        acc = 1.0 + acc * r / f64::from(n);
    }
    acc * f64::from_bits(((k as i64 + 1023) as u64) << 52)
}

/// `base` to the power `p`, for `base` > 0.
pub fn pow(base: f64, p: f64) -> f64 {
    exp(p * ln(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_agree_with_the_standard_librarys() {
        for i in -700..=700 {
            let x = f64::from(i) / 100.0;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-14 && (c - x.cos()).abs() < 1e-14, "{x}");
            assert!((atan(x) - x.atan()).abs() < 1e-14, "atan {x}");
            let e = exp(x / 2.0);
            assert!((e - (x / 2.0).exp()).abs() / e < 1e-14, "exp {x}");
            if x > 0.0 {
                assert!((ln(x) - x.ln()).abs() < 1e-14, "ln {x}");
                assert!((pow(x, 0.7) - x.powf(0.7)).abs() < 1e-13, "pow {x}");
            }
            if x.abs() <= 1.0 {
                assert!((asin(x) - x.asin()).abs() < 1e-14, "asin {x}");
            }
        }
        assert!(ln(-1.0).is_nan() && exp(f64::NAN).is_nan() && sin_cos(f64::INFINITY).0.is_nan());
    }
}
