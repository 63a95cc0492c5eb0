//! The actor map's geometry: projection onto the shell's map of Saxony and
//! grid clustering of dense points. Pure functions; the page draws the
//! result as server-side SVG.

use std::sync::LazyLock;

use dias_web::components::MapView;

use crate::snapshot::Projected;

/// Side of a clustering cell in map units (the map is 800 units wide):
/// points closer than this would overlap and are drawn as one cluster.
pub const CELL: f64 = 28.0;

/// The shell map's projection is linear in longitude and latitude; it is
/// recovered once from two projected points instead of copying its code.
struct Linear {
    x0: f64,
    y0: f64,
    sx: f64,
    sy: f64,
}

static PROJECTION: LazyLock<Linear> = LazyLock::new(|| {
    let map = MapView::districts(
        String::new(),
        String::new(),
        |_| (None, String::new()),
        |_| None,
    )
    .point(0.0, 0.0, 0.0, String::new())
    .point(1.0, 1.0, 0.0, String::new());
    let (a, b) = (&map.points[0], &map.points[1]);
    Linear {
        x0: a.x,
        y0: a.y,
        sx: b.x - a.x,
        sy: a.y - b.y,
    }
});

/// (lon, lat) → the position on the shell's map of Saxony.
pub fn project(lon: f64, lat: f64) -> Projected {
    let p = &*PROJECTION;
    Projected {
        x: p.x0 + lon * p.sx,
        y: p.y0 - lat * p.sy,
    }
}

/// Points that share a grid cell, drawn as one circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub x: f64,
    pub y: f64,
    pub count: usize,
    /// Snapshot position of one member (the only one when `count == 1`).
    pub first: usize,
}

impl Cluster {
    /// Radius growing with the logarithm of the count, so that a cluster of
    /// 5,000 stays on the map.
    pub fn radius(&self) -> f64 {
        if self.count == 1 {
            5.0
        } else {
            (7.0 + 3.0 * (self.count as f64).log2()).min(CELL * 0.9)
        }
    }
}

/// Cells per side of the clustering grid; the map (800 units wide) needs
/// about 30, so every point falls inside.
const GRID: usize = 64;

/// Groups points by grid cell; each cluster sits at its members' centroid.
/// Clusters come out ordered by cell (rows, then columns), so the SVG is
/// stable between requests. A flat grid instead of a map keeps this at a
/// few nanoseconds per point for 20,000 actors.
pub fn cluster(points: impl Iterator<Item = (Projected, usize)>, cell: f64) -> Vec<Cluster> {
    let mut cells: Vec<(f64, f64, usize, usize)> = vec![(0.0, 0.0, 0, 0); GRID * GRID];
    let index = |v: f64| ((v / cell).floor().max(0.0) as usize).min(GRID - 1);
    for (p, position) in points {
        let c = &mut cells[index(p.y) * GRID + index(p.x)];
        if c.2 == 0 {
            c.3 = position;
        }
        c.0 += p.x;
        c.1 += p.y;
        c.2 += 1;
    }
    cells
        .into_iter()
        .filter(|c| c.2 > 0)
        .map(|(sx, sy, count, first)| Cluster {
            x: sx / count as f64,
            y: sy / count as f64,
            count,
            first,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dresden_lies_east_of_leipzig_and_inside_the_map() {
        let dresden = project(13.7373, 51.0504);
        let leipzig = project(12.3731, 51.3397);
        let map = MapView::districts(
            String::new(),
            String::new(),
            |_| (None, String::new()),
            |_| None,
        )
        .point(13.7373, 51.0504, 1.0, String::new());
        assert!((map.points[0].x - dresden.x).abs() < 1e-6);
        assert!((map.points[0].y - dresden.y).abs() < 1e-6);
        assert!(dresden.x > leipzig.x && dresden.y > leipzig.y);
        assert!(dresden.x > 0.0 && dresden.x < map.width && dresden.y < map.height);
    }

    #[test]
    fn close_points_merge_and_far_points_stay_alone() {
        let p = |x, y| Projected { x, y };
        let clusters = cluster(
            vec![(p(10.0, 10.0), 0), (p(12.0, 14.0), 1), (p(300.0, 200.0), 2)].into_iter(),
            CELL,
        );
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].count, 2);
        assert_eq!((clusters[0].x, clusters[0].y), (11.0, 12.0));
        assert_eq!(clusters[1].count, 1);
        assert_eq!(clusters[1].first, 2);
        assert!(clusters[0].radius() > clusters[1].radius());
    }
}
