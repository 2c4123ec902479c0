//! Geography for the maps (issue 26): the country shapes the briefing
//! ships (Natural Earth, [`shapes`]) and the projections that put them on a
//! page ([`projection`]), with the arithmetic they need ([`math`]). A leaf:
//! it knows nothing of the dataset or of how a map is drawn.

pub mod math;
pub mod projection;
pub mod shapes;

pub use projection::{Lambert, Projection};
pub use shapes::{Country, Layer, Line, LineKind, LonLat};
