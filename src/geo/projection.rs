//! Map projections on the sphere, in units of its radius: Equal Earth for
//! the world (equal-area: a country's shade is not inflated by its
//! latitude) and Lambert's conformal conic for a region (shapes and
//! bearings true, the projection of aeronautical and regional charts).
//! `y` grows northwards; the drawing flips it.

use super::math::{asin, ln, pow, sin_cos};
use super::shapes::LonLat;

const RAD: f64 = std::f64::consts::PI / 180.0;

/// A projection of longitude and latitude to the plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Projection {
    /// Šavrič, Patterson and Jenny (2018), `+proj=eqearth`, centred on
    /// `lon0`.
    EqualEarth { lon0: f64 },
    /// Snyder (1987), pp. 104-107, on the sphere: `+proj=lcc`.
    Lambert(Lambert),
}

/// Lambert's conformal conic: the standard parallels, the origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lambert {
    pub lat1: f64,
    pub lat2: f64,
    pub lat0: f64,
    pub lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
}

fn tan_half(lat: f64) -> f64 {
    // tan(π/4 + φ/2)
    let (s, c) = sin_cos(std::f64::consts::FRAC_PI_4 + lat * RAD / 2.0);
    s / c
}

impl Lambert {
    /// The projection with standard parallels `lat1` and `lat2` (degrees,
    /// distinct, same hemisphere) and origin (`lat0`, `lon0`).
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64) -> Lambert {
        let cos1 = sin_cos(lat1 * RAD).1;
        let cos2 = sin_cos(lat2 * RAD).1;
        let n = if (lat1 - lat2).abs() < 1e-9 {
            sin_cos(lat1 * RAD).0
        } else {
            ln(cos1 / cos2) / ln(tan_half(lat2) / tan_half(lat1))
        };
        let f = cos1 * pow(tan_half(lat1), n) / n;
        let rho0 = f / pow(tan_half(lat0), n);
        Lambert { lat1, lat2, lat0, lon0, n, f, rho0 }
    }

    /// Parallels at a sixth of the span in from its edges (Kavraisky's
    /// rule, as regional charts choose them), origin at its middle, all
    /// rounded to half a degree so that the map does not shift with a
    /// place moved a kilometre.
    pub fn for_box(west: f64, south: f64, east: f64, north: f64) -> Lambert {
        let half = |v: f64| (v * 2.0).round() / 2.0;
        let span = (north - south).max(2.0);
        let mid = (north + south) / 2.0;
        let (lat1, lat2) = (half(mid - span / 3.0), half(mid + span / 3.0));
        let (lat1, lat2) = if lat1 == lat2 { (lat1 - 0.5, lat2 + 0.5) } else { (lat1, lat2) };
        // Both parallels in the hemisphere of the middle, off the pole.
        let clamp = |v: f64| v.clamp(-80.0, 80.0);
        Lambert::new(clamp(lat1), clamp(lat2), clamp(half(mid)), half((west + east) / 2.0))
    }
}

impl Projection {
    /// The point on the plane.
    pub fn project(&self, p: LonLat) -> (f64, f64) {
        match self {
            Projection::EqualEarth { lon0 } => equal_earth(wrap(p.lon - lon0) * RAD, p.lat * RAD),
            Projection::Lambert(l) => {
                let lat = p.lat.clamp(-89.5, 89.5);
                let rho = l.f / pow(tan_half(lat), l.n);
                let (s, c) = sin_cos(l.n * wrap(p.lon - l.lon0) * RAD);
                (rho * s, l.rho0 - rho * c)
            }
        }
    }
}

/// A longitude difference brought into [-180, 180], 180 kept as it is:
/// Natural Earth cuts its rings at the antimeridian, and a point of such a
/// cut wrapped to the other side would draw a line across the world.
fn wrap(d: f64) -> f64 {
    if (-180.0..=180.0).contains(&d) {
        d
    } else {
        (d + 180.0).rem_euclid(360.0) - 180.0
    }
}

fn equal_earth(lambda: f64, phi: f64) -> (f64, f64) {
    const A1: f64 = 1.340_264;
    const A2: f64 = -0.081_106;
    const A3: f64 = 0.000_893;
    const A4: f64 = 0.003_796;
    let m = 3f64.sqrt() / 2.0;
    let theta = asin(m * sin_cos(phi).0);
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * sin_cos(theta).1 / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/fixtures/geo/pyproj.tsv`, written once by
    /// `src/geo/pyproj_check.py` with pyproj 3.7: the projections agree
    /// with PROJ's to a millionth of the radius (a tenth of a point on a
    /// page 500 points wide is a two-hundredth of the radius).
    #[test]
    fn projections_agree_with_pyproj() {
        let fixture = include_str!("../../tests/fixtures/geo/pyproj.tsv");
        let mut seen = 0;
        for line in fixture.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let num = |i: usize| f[i].parse::<f64>().unwrap();
            let projection = match f[0] {
                "eqearth" => Projection::EqualEarth { lon0: num(2) },
                _ => Projection::Lambert(Lambert::new(num(2), num(3), num(4), num(5))),
            };
            let (x, y) = projection.project(LonLat { lon: num(6), lat: num(7) });
            assert!((x - num(8)).abs() < 1e-6 && (y - num(9)).abs() < 1e-6, "{line}: {x} {y}");
            seen += 1;
        }
        assert!(seen >= 8, "{seen}");
    }

    #[test]
    fn the_box_rule_picks_parallels_inside_the_box() {
        let l = Lambert::for_box(37.0, 36.0, 55.0, 47.0);
        assert_eq!((l.lat1, l.lat2, l.lat0, l.lon0), (38.0, 45.0, 41.5, 46.0));
    }
}
