//! The country shapes, decoded from `shapes.bin` (written by
//! `generate.py` beside this file, from Natural Earth through world-atlas;
//! its docstring gives the format and the point of view).

use std::sync::OnceLock;

/// The encoded shapes, compiled in.
static SHAPES: &[u8] = include_bytes!("shapes.bin");

/// A longitude and latitude, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A country's outline: its rings (islands, exclaves and holes; filled
/// even-odd).
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2; `--` for a territory of no state.
    pub iso: String,
    pub rings: Vec<Vec<LonLat>>,
    /// Each ring's box, west, south, east, north (as [`box_of`] gives
    /// it): a map leaves out the rings outside what it shows before it
    /// projects a point of them.
    pub boxes: Vec<[f64; 4]>,
}

/// What a drawn line is: it is drawn once, not once per country beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Coast,
    Border,
}

/// A coastline or a land border.
#[derive(Clone, Debug)]
pub struct Line {
    pub kind: LineKind,
    pub points: Vec<LonLat>,
    /// Its box, west, south, east, north.
    pub bounds: [f64; 4],
}

/// The box of `points`: west, south, east, north (empty points give an
/// inverted box, which meets nothing).
pub fn box_of(points: &[LonLat]) -> [f64; 4] {
    points.iter().fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| [b[0].min(p.lon), b[1].min(p.lat), b[2].max(p.lon), b[3].max(p.lat)])
}

/// Whether two boxes (west, south, east, north) share a point.
pub fn meets(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// The shapes of one scale and extent.
#[derive(Clone, Debug)]
pub struct Layer {
    /// West, south, east, north, in degrees: what the layer covers.
    pub bounds: [f64; 4],
    pub countries: Vec<Country>,
    pub lines: Vec<Line>,
}

impl Layer {
    /// Whether the layer covers the box west, south, east, north.
    pub fn covers(&self, b: [f64; 4]) -> bool {
        self.bounds[0] <= b[0] && self.bounds[1] <= b[1] && self.bounds[2] >= b[2] && self.bounds[3] >= b[3]
    }
}

/// The world at 1:110m (no Antarctica).
pub fn world() -> &'static Layer {
    &layers()[0]
}

/// The Black Sea to Central Asia at 1:50m (10°E to 90°E, 24°N to 58°N).
pub fn region() -> &'static Layer {
    &layers()[1]
}

fn layers() -> &'static [Layer; 2] {
    static LAYERS: OnceLock<[Layer; 2]> = OnceLock::new();
    LAYERS.get_or_init(|| {
        // The file is ours and tested; a damaged one draws no shapes
        // rather than stopping a run.
        let mut layers = decode(SHAPES).unwrap_or_default().into_iter();
        let empty = || Layer { bounds: [0.0; 4], countries: Vec::new(), lines: Vec::new() };
        [layers.next().unwrap_or_else(empty), layers.next().unwrap_or_else(empty)]
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let out = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(out)
    }

    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn varint(&mut self) -> Option<u64> {
        let mut out = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.take(1)?.first()?;
            out |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(out);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i64> {
        let n = self.varint()?;
        Some((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    /// A count, bounded by the bytes left (each item takes one at least).
    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn path(&mut self, origin: (f64, f64), grid: f64) -> Option<Vec<LonLat>> {
        let n = self.count()?;
        let (mut x, mut y) = (0i64, 0i64);
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            x = x.checked_add(self.signed()?)?;
            y = y.checked_add(self.signed()?)?;
            out.push(LonLat { lon: origin.0 + x as f64 * grid, lat: origin.1 + y as f64 * grid });
        }
        Some(out)
    }
}

/// Decodes the layers of `bytes`; `None` if they are not what
/// `generate.py` writes.
pub fn decode(bytes: &[u8]) -> Option<Vec<Layer>> {
    let mut r = Reader { bytes: bytes.strip_prefix(b"AZGEO1")?, at: 0 };
    let layers = *r.take(1)?.first()?;
    let mut out = Vec::new();
    for _ in 0..layers {
        let bounds = [r.i32()?, r.i32()?, r.i32()?, r.i32()?].map(|v| f64::from(v) / 1e4);
        let grid = f64::from(u32::from_le_bytes(r.take(4)?.try_into().ok()?)) / 1e6;
        let origin = (bounds[0], bounds[1]);
        let mut countries = Vec::new();
        for _ in 0..r.count()? {
            let iso = String::from_utf8(r.take(2)?.to_vec()).ok()?;
            let mut rings = Vec::new();
            for _ in 0..r.count()? {
                rings.push(r.path(origin, grid)?);
            }
            let boxes = rings.iter().map(|r| box_of(r)).collect();
            countries.push(Country { iso, rings, boxes });
        }
        let mut lines = Vec::new();
        for _ in 0..r.count()? {
            let kind = if *r.take(1)?.first()? == 0 { LineKind::Coast } else { LineKind::Border };
            let points = r.path(origin, grid)?;
            lines.push(Line { kind, bounds: box_of(&points), points });
        }
        out.push(Layer { bounds, countries, lines });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country<'a>(layer: &'a Layer, iso: &str) -> &'a Country {
        layer.countries.iter().find(|c| c.iso == iso).unwrap_or_else(|| panic!("{iso} missing"))
    }

    /// Whether `p` lies inside the country's rings (even-odd).
    fn contains(c: &Country, p: LonLat) -> bool {
        let mut inside = false;
        for ring in &c.rings {
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                if (a.lat > p.lat) != (b.lat > p.lat) && p.lon < a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon) {
                    inside = !inside;
                }
            }
        }
        inside
    }

    #[test]
    fn both_layers_decode_with_the_countries_the_maps_need() {
        let (world, region) = (world(), region());
        assert!(world.countries.len() > 150 && region.countries.len() > 40);
        for iso in ["AZ", "GE", "AM", "TR", "KZ", "TM", "IR", "RU", "UA"] {
            assert!(!country(region, iso).rings.is_empty(), "{iso}");
        }
        for iso in ["US", "UG", "TH", "OM", "AZ"] {
            assert!(!country(world, iso).rings.is_empty(), "{iso}");
        }
        assert!(world.lines.iter().any(|l| l.kind == LineKind::Border) && region.lines.iter().any(|l| l.kind == LineKind::Coast));
        assert!(world.countries.iter().all(|c| c.iso != "AQ"), "no Antarctica on a world map of partners");
    }

    /// The point of view of docs/maps.md: internationally recognised
    /// borders.
    #[test]
    fn borders_are_the_internationally_recognised_ones() {
        let region = region();
        let simferopol = LonLat { lon: 34.10, lat: 44.95 };
        assert!(contains(country(region, "UA"), simferopol) && !contains(country(region, "RU"), simferopol));
        let stepanakert = LonLat { lon: 46.75, lat: 39.82 };
        assert!(contains(country(region, "AZ"), stepanakert));
        let sukhumi = LonLat { lon: 41.02, lat: 43.00 };
        let tskhinvali = LonLat { lon: 43.96, lat: 42.23 };
        assert!(contains(country(region, "GE"), sukhumi) && contains(country(region, "GE"), tskhinvali));
        let famagusta = LonLat { lon: 33.90, lat: 35.15 };
        assert!(contains(country(region, "CY"), famagusta));
    }

    #[test]
    fn damaged_bytes_decode_to_nothing_not_a_panic() {
        assert!(decode(b"nonsense").is_none());
        for cut in [7, 20, 40, 1000] {
            assert!(decode(&SHAPES[..cut]).is_none(), "{cut}");
        }
        let mut huge = b"AZGEO1\x01".to_vec();
        huge.extend([0u8; 20]);
        huge.extend([0xff; 12]);
        assert!(decode(&huge).is_none());
    }
}
