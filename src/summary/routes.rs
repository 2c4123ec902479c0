#[derive(Debug, Clone, serde::Serialize)]
pub struct RouteView {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub pillar: String,
    pub places: Vec<PlaceView>,
    pub events: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PlaceView {
    pub id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
}
