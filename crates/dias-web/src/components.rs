//! UI components rendered on the server: pagination, SVG bar charts (always
//! with a data table) and the SVG map of Saxony's Kreise (shading and points,
//! always with a table or list beside it in the page).

use std::sync::LazyLock;

use askama::Template;

/// Escapes text for HTML outside templates.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `12.345` in German, `12,345` in English.
pub fn format_number(n: i64, locale: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if locale == "en" { ',' } else { '.' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Page links for a list. `base` is the list URL with its other parameters;
/// the page parameter is appended.
#[derive(Debug, Clone)]
pub struct Pagination {
    pub page: u64,
    pub pages: u64,
    pub base: String,
    pub param: &'static str,
}

/// The deepest page any list serves (handlers refuse deeper `seite` values
/// with 400); pagination never links beyond it. Narrowing a filter or
/// reversing the order reaches the rest.
pub const MAX_PAGE: u64 = 1_000;

/// The query parameter of every paginated list.
pub const PAGE_PARAM: &str = "seite";

/// A `seite` value as every list reads it: an integer from 1 to
/// [`MAX_PAGE`] in plain digits; `None` for anything else (`0`, `-1`,
/// `abc`, `1e9`, `1.5`, too large). An empty value means page 1 and is
/// the handlers' business.
pub fn parse_page(raw: &str) -> Option<u64> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse::<u64>()
        .ok()
        .filter(|n| (1..=MAX_PAGE).contains(n))
}

tokio::task_local! {
    /// Set by [`Pagination::new`] when a request asks for a page beyond
    /// the list's last; the `pagination` middleware answers 404 then.
    pub(crate) static BEYOND_LAST: std::cell::Cell<bool>;
}

impl Pagination {
    /// The pagination of a list of `total` entries. A `page` beyond the
    /// last is shown as the last, and marks the request so that the
    /// `pagination` middleware ([`crate::middleware::pagination`]) turns
    /// its answer into a 404: every list follows that rule through this
    /// one constructor.
    pub fn new(page: u64, total: u64, per_page: u64, base: String) -> Self {
        let pages = total.div_ceil(per_page.max(1)).clamp(1, MAX_PAGE);
        if page > pages {
            let _ = BEYOND_LAST.try_with(|beyond| beyond.set(true));
        }
        Pagination {
            page: page.clamp(1, pages),
            pages,
            base,
            param: "seite",
        }
    }

    pub fn is_current(&self, page: impl std::borrow::Borrow<u64>) -> bool {
        *page.borrow() == self.page
    }

    pub fn href(&self, page: impl std::borrow::Borrow<u64>) -> String {
        let page = *page.borrow();
        let join = if self.base.contains('?') { '&' } else { '?' };
        if page == 1 {
            self.base.clone()
        } else {
            format!("{}{join}{}={page}", self.base, self.param)
        }
    }

    /// Links to show: (number, href, is current); `None` marks a gap.
    pub fn links(&self) -> Vec<Option<(u64, String, bool)>> {
        self.items()
            .into_iter()
            .map(|item| item.map(|n| (n, self.href(n), n == self.page)))
            .collect()
    }

    /// Page numbers to show; `None` marks a gap.
    pub fn items(&self) -> Vec<Option<u64>> {
        let mut out = Vec::new();
        let mut last = 0;
        for p in 1..=self.pages {
            if p == 1 || p == self.pages || p.abs_diff(self.page) <= 2 {
                if last != 0 && p > last + 1 {
                    out.push(None);
                }
                out.push(Some(p));
                last = p;
            }
        }
        out
    }

    pub fn has_prev(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }

    pub fn prev(&self) -> u64 {
        self.page.saturating_sub(1).max(1)
    }

    pub fn next(&self) -> u64 {
        (self.page + 1).min(self.pages)
    }
}

/// A horizontal bar chart with its data table.
#[derive(Template, Debug, Clone)]
#[template(path = "components/bar_chart.html")]
pub struct BarChart {
    pub id: String,
    pub title: String,
    pub description: String,
    pub label_header: String,
    pub value_header: String,
    pub table_summary: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub value_text: String,
    /// Computed by [`BarChart::layout`].
    pub y: f64,
    pub width: f64,
}

impl BarChart {
    pub const LABEL_WIDTH: f64 = 290.0;
    pub const BAR_AREA: f64 = 420.0;
    pub const ROW: f64 = 28.0;

    /// Scales the bars to the largest value.
    pub fn layout(mut self) -> Self {
        let max = self.bars.iter().map(|b| b.value).fold(0.0, f64::max);
        for (i, bar) in self.bars.iter_mut().enumerate() {
            bar.y = i as f64 * Self::ROW;
            bar.width = if max > 0.0 {
                (bar.value / max * Self::BAR_AREA).max(1.0)
            } else {
                0.0
            };
        }
        self
    }

    pub fn height(&self) -> f64 {
        self.bars.len() as f64 * Self::ROW + 4.0
    }

    pub fn total_width(&self) -> f64 {
        Self::LABEL_WIDTH + Self::BAR_AREA + 110.0
    }
}

/// A column chart of a series over time (e.g. contributions per week) with
/// its data table. Every column is labelled in the table; the axis shows
/// the first, the middle and the last label so they never overlap.
#[derive(Template, Debug, Clone)]
#[template(path = "components/column_chart.html")]
pub struct ColumnChart {
    pub id: String,
    pub title: String,
    pub description: String,
    pub label_header: String,
    pub value_header: String,
    pub table_summary: String,
    pub columns: Vec<Column>,
    /// The largest value, written at the top of the axis.
    pub max_text: String,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub value: f64,
    pub value_text: String,
    /// Computed by [`ColumnChart::layout`].
    pub x: f64,
    pub height: f64,
    pub axis_label: bool,
    /// `text-anchor` of the axis label, so the last one stays inside.
    pub anchor: &'static str,
}

impl ColumnChart {
    pub const WIDTH: f64 = 720.0;
    pub const PLOT_HEIGHT: f64 = 200.0;
    pub const LEFT: f64 = 60.0;
    pub const TOP: f64 = 16.0;

    /// Scales the columns to the largest value and picks the axis labels.
    pub fn layout(mut self) -> Self {
        let max = self.columns.iter().map(|c| c.value).fold(0.0, f64::max);
        let n = self.columns.len();
        let step = self.column_step();
        for (i, column) in self.columns.iter_mut().enumerate() {
            column.x = Self::LEFT + i as f64 * step;
            column.height = if max > 0.0 {
                (column.value / max * Self::PLOT_HEIGHT).max(if column.value > 0.0 {
                    1.0
                } else {
                    0.0
                })
            } else {
                0.0
            };
            column.axis_label = i == 0 || i + 1 == n || (n > 4 && i == n / 2);
            column.anchor = if i + 1 == n && n > 1 { "end" } else { "start" };
        }
        self
    }

    fn column_step(&self) -> f64 {
        (Self::WIDTH - Self::LEFT - 10.0) / self.columns.len().max(1) as f64
    }

    pub fn column_width(&self) -> f64 {
        (self.column_step() * 0.8).max(1.0)
    }

    pub fn baseline(&self) -> f64 {
        Self::TOP + Self::PLOT_HEIGHT
    }

    pub fn total_height(&self) -> f64 {
        Self::TOP + Self::PLOT_HEIGHT + 30.0
    }
}

/// Width of the map's view box; the height follows from Saxony's shape.
const MAP_WIDTH: f64 = 800.0;

struct Projection {
    min_lon: f64,
    max_lat: f64,
    scale_x: f64,
    scale_y: f64,
    height: f64,
}

struct DistrictShape {
    ags5: String,
    name: String,
    path: String,
}

struct SaxonyMap {
    projection: Projection,
    districts: Vec<DistrictShape>,
}

/// The outer and inner rings (lon, lat) of a GeoJSON Polygon or
/// MultiPolygon geometry; anything else has none.
pub fn geojson_rings(geometry: &serde_json::Value) -> Vec<Vec<(f64, f64)>> {
    let to_ring = |ring: &serde_json::Value| -> Vec<(f64, f64)> {
        ring.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
            .collect()
    };
    let coordinates = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => coordinates
            .as_array()
            .into_iter()
            .flatten()
            .map(to_ring)
            .collect(),
        Some("MultiPolygon") => coordinates
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|poly| poly.as_array().into_iter().flatten().map(to_ring))
            .collect(),
        _ => Vec::new(),
    }
}

static MAP: LazyLock<SaxonyMap> = LazyLock::new(|| {
    let geojson: serde_json::Value = serde_json::from_str(dias_core::reference::DISTRICTS_GEOJSON)
        .unwrap_or(serde_json::Value::Null);
    let features: Vec<&serde_json::Value> = geojson["features"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let all_points: Vec<(f64, f64)> = features
        .iter()
        .flat_map(|f| geojson_rings(&f["geometry"]))
        .flatten()
        .collect();
    let min_lon = all_points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max_lon = all_points
        .iter()
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max);
    let min_lat = all_points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max_lat = all_points
        .iter()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max);
    // Equirectangular with the longitude shrunk by cos(mid latitude): at
    // Saxony's size the distortion is invisible and the maths stays simple.
    let mid_lat = ((min_lat + max_lat) / 2.0).to_radians();
    let scale_x =
        MAP_WIDTH / ((max_lon - min_lon) * mid_lat.cos()).max(f64::EPSILON) * mid_lat.cos();
    let scale_y = scale_x / mid_lat.cos();
    let height = (max_lat - min_lat) * scale_y;
    let projection = Projection {
        min_lon,
        max_lat,
        scale_x,
        scale_y,
        height,
    };
    let districts = features
        .iter()
        .map(|f| {
            let mut path = String::new();
            for ring in geojson_rings(&f["geometry"]) {
                for (i, (lon, lat)) in ring.iter().enumerate() {
                    let (x, y) = projection.project(*lon, *lat);
                    path.push(if i == 0 { 'M' } else { 'L' });
                    path.push_str(&format!("{x:.1},{y:.1}"));
                }
                path.push('Z');
            }
            DistrictShape {
                ags5: f["properties"]["ags5"].as_str().unwrap_or("").to_owned(),
                name: f["properties"]["name"].as_str().unwrap_or("").to_owned(),
                path,
            }
        })
        .collect();
    SaxonyMap {
        projection,
        districts,
    }
});

impl Projection {
    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.min_lon) * self.scale_x,
            (self.max_lat - lat) * self.scale_y,
        )
    }
}

/// An SVG map of Saxony's Kreise with optional shading and points.
#[derive(Template, Debug, Clone)]
#[template(path = "components/map.html")]
pub struct MapView {
    pub title: String,
    pub description: String,
    pub regions: Vec<MapRegion>,
    pub points: Vec<MapPoint>,
    pub legend: Vec<(u8, String)>,
    pub attribution: String,
    pub width: f64,
    pub height: f64,
}

#[derive(Debug, Clone)]
pub struct MapRegion {
    pub ags5: String,
    pub name: String,
    pub path: String,
    /// Shading level 1–5, or none.
    pub level: Option<u8>,
    pub href: Option<String>,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub label: String,
}

impl MapView {
    /// The map with every Kreis; `shade` gives (level, label) per AGS5 and
    /// `href` a link per AGS5.
    pub fn districts(
        title: String,
        description: String,
        shade: impl Fn(&str) -> (Option<u8>, String),
        href: impl Fn(&str) -> Option<String>,
    ) -> Self {
        let map = &*MAP;
        let regions = map
            .districts
            .iter()
            .map(|d| {
                let (level, label) = shade(&d.ags5);
                MapRegion {
                    ags5: d.ags5.clone(),
                    name: d.name.clone(),
                    path: d.path.clone(),
                    level,
                    href: href(&d.ags5),
                    label,
                }
            })
            .collect();
        MapView {
            title,
            description,
            regions,
            points: Vec::new(),
            legend: Vec::new(),
            attribution: "© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0".into(),
            width: MAP_WIDTH,
            height: map.projection.height,
        }
    }

    /// Adds a point at a geographic position.
    pub fn point(mut self, lon: f64, lat: f64, r: f64, label: String) -> Self {
        let (x, y) = MAP.projection.project(lon, lat);
        self.points.push(MapPoint { x, y, r, label });
        self
    }

    pub fn with_legend(mut self, legend: Vec<(u8, String)>) -> Self {
        self.legend = legend;
        self
    }

    pub fn view_box(&self) -> String {
        format!("0 0 {:.0} {:.0}", self.width, self.height)
    }
}

/// Level 1–5 of `value` within `max`, for map shading.
pub fn level(value: f64, max: f64) -> Option<u8> {
    if max <= 0.0 || value <= 0.0 {
        return None;
    }
    Some(((value / max * 5.0).ceil() as u8).clamp(1, 5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_chart_scales_to_the_largest_value_and_labels_ends() {
        let column = |value: f64| Column {
            label: format!("W{value}"),
            value,
            value_text: value.to_string(),
            x: 0.0,
            height: 0.0,
            axis_label: false,
            anchor: "start",
        };
        let chart = ColumnChart {
            id: "c".into(),
            title: String::new(),
            description: String::new(),
            label_header: String::new(),
            value_header: String::new(),
            table_summary: String::new(),
            columns: [10.0, 0.0, 5.0, 20.0, 1.0, 0.0].map(column).to_vec(),
            max_text: "20".into(),
        }
        .layout();
        let heights: Vec<f64> = chart.columns.iter().map(|c| c.height).collect();
        assert_eq!(heights, vec![100.0, 0.0, 50.0, 200.0, 10.0, 0.0]);
        let labelled: Vec<usize> = (0..6).filter(|i| chart.columns[*i].axis_label).collect();
        assert_eq!(labelled, vec![0, 3, 5]);
        assert!(chart.columns.windows(2).all(|w| w[0].x < w[1].x));
    }

    #[test]
    fn numbers_are_grouped_per_locale() {
        assert_eq!(format_number(4_038_131, "de"), "4.038.131");
        assert_eq!(format_number(4_038_131, "en"), "4,038,131");
        assert_eq!(format_number(-999, "de"), "-999");
        assert_eq!(format_number(1000, "de"), "1.000");
    }

    #[test]
    fn pagination_never_links_beyond_the_deepest_page_served() {
        let p = Pagination::new(1, 20_068, 20, "/liste".into());
        assert_eq!(p.pages, MAX_PAGE);
        let last = p.links().into_iter().flatten().map(|(n, _, _)| n).max();
        assert_eq!(last, Some(MAX_PAGE));
        assert_eq!(
            Pagination::new(5_000, 20_068, 20, "/liste".into()).page,
            MAX_PAGE
        );
    }

    #[test]
    fn pagination_shows_ends_and_neighbours_with_gaps() {
        let p = Pagination::new(10, 500, 20, "/liste?q=x".into());
        assert_eq!(p.pages, 25);
        assert_eq!(
            p.items(),
            vec![
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(25)
            ]
        );
        assert_eq!(p.href(3), "/liste?q=x&seite=3");
        assert_eq!(p.href(1), "/liste?q=x");
    }

    #[test]
    fn map_has_all_kreise_inside_the_view_box() {
        let map = MapView::districts("t".into(), "d".into(), |_| (None, String::new()), |_| None)
            .point(13.7373, 51.0504, 4.0, "Dresden".into());
        assert_eq!(map.regions.len(), 13);
        assert!(map.height > 400.0 && map.height < 800.0, "{}", map.height);
        let p = &map.points[0];
        assert!(p.x > 0.0 && p.x < map.width && p.y > 0.0 && p.y < map.height);
        let svg = map.render().unwrap();
        assert!(svg.contains("role=\"img\""));
        assert_eq!(svg.matches("class=\"map__region").count(), 13);
    }

    #[test]
    fn chart_renders_bars_and_a_table_with_the_same_values() {
        let chart = BarChart {
            id: "c".into(),
            title: "Einwohner".into(),
            description: "je Kreis".into(),
            label_header: "Kreis".into(),
            value_header: "Einwohner".into(),
            table_summary: "Daten als Tabelle".into(),
            bars: vec![
                Bar {
                    label: "A".into(),
                    value: 10.0,
                    value_text: "10".into(),
                    y: 0.0,
                    width: 0.0,
                },
                Bar {
                    label: "B<script>".into(),
                    value: 5.0,
                    value_text: "5".into(),
                    y: 0.0,
                    width: 0.0,
                },
            ],
        }
        .layout();
        assert_eq!(chart.bars[0].width, BarChart::BAR_AREA);
        assert_eq!(chart.bars[1].width, BarChart::BAR_AREA / 2.0);
        let html = chart.render().unwrap();
        assert_eq!(html.matches("<rect").count(), 2);
        assert_eq!(html.matches("<tr>").count(), 3);
        assert!(!html.contains("<script>"));
    }
}
