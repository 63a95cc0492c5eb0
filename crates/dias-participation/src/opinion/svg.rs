//! The scatter of participants for the results page, laid out on the server
//! and drawn as inline SVG by the template (no script). Each group has its
//! own colour *and* marker shape, so the picture does not rely on colour;
//! markers carry a dark outline for contrast against the white ground. The
//! viewer's own point is drawn larger, ringed and labelled.

/// Drawing area (viewBox units).
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 420.0;
const MARGIN: f64 = 24.0;
/// More points than this are thinned evenly (the table has the numbers).
pub const MAX_POINTS: usize = 2_000;

/// Colours (Okabe–Ito, distinguishable with colour-vision deficiencies)
/// and shapes per group, in group order.
const COLOURS: [&str; 5] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6A00"];
const SHAPES: [Shape; 5] = [
    Shape::Circle,
    Shape::Square,
    Shape::Triangle,
    Shape::Diamond,
    Shape::Cross,
];
/// Participants not (yet) in a group.
const UNGROUPED_COLOUR: &str = "#767676";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
    Ring,
}

impl Shape {
    /// Message id naming the shape (legend, description).
    pub fn name_key(self) -> &'static str {
        match self {
            Shape::Circle => "opinion-shape-circle",
            Shape::Square => "opinion-shape-square",
            Shape::Triangle => "opinion-shape-triangle",
            Shape::Diamond => "opinion-shape-diamond",
            Shape::Cross => "opinion-shape-cross",
            Shape::Ring => "opinion-shape-ring",
        }
    }

    /// SVG path of the marker centred at (x, y) with radius r.
    pub fn path(self, x: f64, y: f64, r: f64) -> String {
        match self {
            Shape::Circle | Shape::Ring => format!(
                "M{:.1} {y:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0z",
                x - r,
                2.0 * r,
                -2.0 * r
            ),
            Shape::Square => {
                let s = r * 0.9;
                format!(
                    "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}z",
                    x - s,
                    y - s,
                    2.0 * s,
                    2.0 * s,
                    -2.0 * s
                )
            }
            Shape::Triangle => {
                let h = r * 1.2;
                format!(
                    "M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}z",
                    y - h,
                    x + h,
                    y + h * 0.8,
                    x - h,
                    y + h * 0.8
                )
            }
            Shape::Diamond => {
                let d = r * 1.25;
                format!(
                    "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}z",
                    y - d,
                    x + d,
                    y + d,
                    x - d
                )
            }
            Shape::Cross => {
                let a = r * 1.1;
                let b = r * 0.4;
                format!(
                    "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}z",
                    x - b,
                    y - a,
                    2.0 * b,
                    a - b,
                    a - b,
                    2.0 * b,
                    -(a - b),
                    a - b,
                    -2.0 * b,
                    -(a - b),
                    -(a - b),
                    -2.0 * b
                )
            }
        }
    }
}

/// How a group is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub colour: &'static str,
    pub shape: Shape,
}

/// The style of the i-th group, or of the ungrouped (`None`).
pub fn style(group_index: Option<usize>) -> Style {
    match group_index {
        Some(i) => Style {
            colour: COLOURS[i % COLOURS.len()],
            shape: SHAPES[i % SHAPES.len()],
        },
        None => Style {
            colour: UNGROUPED_COLOUR,
            shape: Shape::Ring,
        },
    }
}

/// One drawn marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub d: String,
    pub fill: &'static str,
    pub x: f64,
    pub y: f64,
}

/// The laid-out scatter.
#[derive(Debug, Clone, PartialEq)]
pub struct Scatter {
    pub markers: Vec<Marker>,
    /// The viewer's own marker, drawn last (on top).
    pub me: Option<Marker>,
    /// Where the label of the viewer's marker goes and its anchor.
    pub me_label: Option<(f64, f64, &'static str)>,
    /// Points drawn and points there are.
    pub drawn: usize,
    pub total: usize,
}

/// Lays out participants `(id, x, y, group index)`; `me` is the viewer's
/// participant id.
pub fn layout(points: &[(String, f64, f64, Option<usize>)], me: Option<&str>) -> Scatter {
    let finite: Vec<&(String, f64, f64, Option<usize>)> = points
        .iter()
        .filter(|p| p.1.is_finite() && p.2.is_finite())
        .collect();
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for p in &finite {
        min_x = min_x.min(p.1);
        max_x = max_x.max(p.1);
        min_y = min_y.min(p.2);
        max_y = max_y.max(p.2);
    }
    let span_x = (max_x - min_x).max(1e-9);
    let span_y = (max_y - min_y).max(1e-9);
    let sx = |x: f64| MARGIN + (x - min_x) / span_x * (WIDTH - 2.0 * MARGIN);
    // SVG's y grows downwards.
    let sy = |y: f64| HEIGHT - MARGIN - (y - min_y) / span_y * (HEIGHT - 2.0 * MARGIN);
    let stride = finite.len().div_ceil(MAX_POINTS).max(1);
    let mut markers = Vec::new();
    let mut mine = None;
    for (i, p) in finite.iter().enumerate() {
        let is_me = me == Some(p.0.as_str());
        if is_me {
            mine = Some(*p);
            continue;
        }
        if i % stride != 0 {
            continue;
        }
        let st = style(p.3);
        let (x, y) = (sx(p.1), sy(p.2));
        markers.push(Marker {
            d: st.shape.path(x, y, 4.0),
            fill: if st.shape == Shape::Ring {
                "#ffffff"
            } else {
                st.colour
            },
            x,
            y,
        });
    }
    let me_marker = mine.map(|p| {
        let st = style(p.3);
        let (x, y) = (sx(p.1), sy(p.2));
        Marker {
            d: st.shape.path(x, y, 8.0),
            fill: st.colour,
            x,
            y,
        }
    });
    let me_label = me_marker.as_ref().map(|m| {
        if m.x > WIDTH - 90.0 {
            (m.x - 14.0, m.y + 5.0, "end")
        } else {
            (m.x + 14.0, m.y + 5.0, "start")
        }
    });
    Scatter {
        drawn: markers.len() + usize::from(me_marker.is_some()),
        total: finite.len(),
        markers,
        me: me_marker,
        me_label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_fit_the_canvas_and_the_viewer_is_separate() {
        let points = vec![
            ("1".to_owned(), -2.0, 1.0, Some(0)),
            ("2".to_owned(), 3.0, -1.0, Some(1)),
            ("3".to_owned(), 0.0, 0.0, None),
        ];
        let s = layout(&points, Some("2"));
        assert_eq!(s.markers.len(), 2);
        assert_eq!(s.total, 3);
        let me = s.me.unwrap();
        assert!((me.x - (WIDTH - MARGIN)).abs() < 1e-9);
        assert!((me.y - (HEIGHT - MARGIN)).abs() < 1e-9);
        assert_eq!(s.me_label.unwrap().2, "end");
        for m in &s.markers {
            assert!((0.0..=WIDTH).contains(&m.x) && (0.0..=HEIGHT).contains(&m.y));
        }
    }

    #[test]
    fn many_points_are_thinned_and_groups_differ_in_shape() {
        let points: Vec<_> = (0..5_000)
            .map(|i| {
                (
                    i.to_string(),
                    f64::from(i),
                    f64::from(i % 7),
                    Some(i as usize % 3),
                )
            })
            .collect();
        let s = layout(&points, None);
        assert!(s.drawn <= MAX_POINTS);
        assert_eq!(s.total, 5_000);
        assert_ne!(style(Some(0)).shape, style(Some(1)).shape);
        assert_ne!(style(Some(0)).colour, style(Some(1)).colour);
    }
}
