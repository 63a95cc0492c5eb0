//! Municipality boundaries for the register's maps: the BKG VG5000
//! Gemeinde polygons shipped in `data/sachsen-gemeinden.geojson`
//! (© GeoBasis-DE / BKG 2021, dl-de/by-2-0; see `data/SOURCES.md`,
//! section 3), projected once per Kreis so that a Kreis fills its map.
//!
//! Pure and read-only like [`crate::coverage`]: parsed on first use, then
//! every page only copies path strings.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded Gemeinde polygons (419 features, 240 KB).
pub const GEMEINDEN_GEOJSON: &str = include_str!("../../../data/sachsen-gemeinden.geojson");

/// Width of a Kreis map's view box; the height follows from the Kreis's shape.
pub const MAP_WIDTH: f64 = 640.0;
const PADDING: f64 = 8.0;

/// One Gemeinde's outline as SVG path data in its Kreis map's coordinates.
#[derive(Debug, Clone)]
pub struct Shape {
    pub ags8: String,
    pub path: String,
}

/// The Gemeinden of one Kreis, projected to fill the map.
#[derive(Debug, Clone)]
pub struct KreisMap {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    min_lon: f64,
    max_lat: f64,
    scale_x: f64,
    scale_y: f64,
}

impl KreisMap {
    /// Map coordinates of a geographic position.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            PADDING + (lon - self.min_lon) * self.scale_x,
            PADDING + (self.max_lat - lat) * self.scale_y,
        )
    }
}

type Ring = Vec<(f64, f64)>;

/// Projects the Gemeinden of one Kreis (`features`: AGS8 and rings).
fn project_kreis(features: &[(String, Vec<Ring>)]) -> KreisMap {
    let points = || features.iter().flat_map(|(_, r)| r.iter().flatten());
    let min_lon = points().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max_lon = points().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let min_lat = points().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max_lat = points().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    // Equirectangular with the longitude shrunk by cos(mid latitude), as
    // the core's map of the Kreise: invisible distortion at this size.
    let cos = ((min_lat + max_lat) / 2.0).to_radians().cos();
    let inner = MAP_WIDTH - 2.0 * PADDING;
    let scale_x = inner / (max_lon - min_lon).max(f64::EPSILON);
    let scale_y = scale_x / cos;
    let mut map = KreisMap {
        width: MAP_WIDTH,
        height: (max_lat - min_lat) * scale_y + 2.0 * PADDING,
        shapes: Vec::new(),
        min_lon,
        max_lat,
        scale_x,
        scale_y,
    };
    map.shapes = features
        .iter()
        .map(|(ags8, rings)| {
            let mut path = String::new();
            for ring in rings {
                for (i, (lon, lat)) in ring.iter().enumerate() {
                    let (x, y) = map.project(*lon, *lat);
                    path.push(if i == 0 { 'M' } else { 'L' });
                    path.push_str(&format!("{x:.1},{y:.1}"));
                }
                path.push('Z');
            }
            Shape {
                ags8: ags8.clone(),
                path,
            }
        })
        .collect();
    map
}

fn parse(text: &str) -> HashMap<String, KreisMap> {
    let geojson: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| {
        tracing::error!("Gemeinde boundaries: {e}");
        serde_json::Value::Null
    });
    let mut by_kreis: HashMap<String, Vec<(String, Vec<Ring>)>> = HashMap::new();
    for feature in geojson["features"].as_array().into_iter().flatten() {
        let properties = &feature["properties"];
        let (Some(ags8), Some(ags5)) = (properties["ags8"].as_str(), properties["ags5"].as_str())
        else {
            continue;
        };
        by_kreis.entry(ags5.to_owned()).or_default().push((
            ags8.to_owned(),
            dias_web::components::geojson_rings(&feature["geometry"]),
        ));
    }
    by_kreis
        .into_iter()
        .map(|(ags5, mut features)| {
            features.sort_by(|a, b| a.0.cmp(&b.0));
            (ags5, project_kreis(&features))
        })
        .collect()
}

/// The map of a Kreis's Gemeinden, or `None` for an unknown AGS5.
pub fn kreis_map(ags5: &str) -> Option<&'static KreisMap> {
    static MAPS: OnceLock<HashMap<String, KreisMap>> = OnceLock::new();
    MAPS.get_or_init(|| parse(GEMEINDEN_GEOJSON)).get(ags5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_gemeinde_has_a_shape_in_its_kreis_map() {
        let reference = dias_core::reference::cached();
        for d in &reference.districts {
            let map = kreis_map(&d.ags5).unwrap();
            let mut shapes: Vec<&str> = map.shapes.iter().map(|s| s.ags8.as_str()).collect();
            let mut expected: Vec<&str> = reference
                .municipalities_of(&d.ags5)
                .map(|m| m.ags8.as_str())
                .collect();
            shapes.sort_unstable();
            expected.sort_unstable();
            assert_eq!(shapes, expected, "{}", d.ags5);
            assert!(map.height > 100.0 && map.height < 2000.0, "{}", map.height);
            // Each Gemeinde's centre from the reference data lies on the map.
            for m in reference.municipalities_of(&d.ags5) {
                let (x, y) = map.project(m.lon, m.lat);
                assert!(x >= 0.0 && x <= map.width && y >= 0.0 && y <= map.height);
            }
        }
        assert!(kreis_map("14999").is_none());
    }

    #[test]
    fn shapes_are_closed_paths() {
        let map = kreis_map("14612").unwrap();
        assert_eq!(map.shapes.len(), 1);
        assert!(map.shapes[0].path.starts_with('M') && map.shapes[0].path.ends_with('Z'));
    }
}
