//! Lagebild: Saxony's broadband coverage from the Breitbandatlas history —
//! the map of Kreise shaded by gigabit share with the Gemeinden as points,
//! and the Land's coverage over time by bandwidth class and technology.
//! Every chart has its table on the page and as CSV/XLSX download; the
//! line chart used here is also used by the Kreis and Gemeinde pages.

use askama::Template;
use axum::Router;

use super::query::{Lenient, Segments};
use axum::response::Response;
use axum::routing::get;
use dias_web::components::MapView;
use dias_web::forms::page;
use dias_web::table::{Cell, Table, TableFormat};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use crate::coverage::{self, Area, GIGABIT_MBPS, Series, SeriesTable, Stand, Technology};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/lagebild", get(show))
        .route("/breitband/lagebild/{file}", get(download))
}

/// The Land charts of the page, by the name in their download URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chart {
    /// All technologies by bandwidth class.
    Classes,
    /// Single technologies, each at the class it is reported for.
    Technologies,
    /// The Kreise at the latest stand (the map's table).
    Districts,
}

impl Chart {
    fn from_slug(slug: &str) -> Option<Self> {
        match slug {
            "bandbreiten" => Some(Chart::Classes),
            "technologien" => Some(Chart::Technologies),
            "kreise" => Some(Chart::Districts),
            _ => None,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Chart::Classes => "bandbreiten",
            Chart::Technologies => "technologien",
            Chart::Districts => "kreise",
        }
    }
}

const fn series(technology: Technology, min_mbps: u16) -> Series {
    Series {
        technology,
        min_mbps,
    }
}

/// The Land's bandwidth classes (Paket 1 has only ≥ 16 and ≥ 50 Mbit/s).
const CLASS_SERIES: &[Series] = &[
    series(Technology::All, 16),
    series(Technology::All, 30),
    series(Technology::All, 50),
    series(Technology::All, 100),
    series(Technology::All, 200),
    series(Technology::All, 400),
    series(Technology::All, 1000),
];

/// One line per technology at a class the source reports it for over most
/// stands: DSL and cable at ≥ 50 Mbit/s, cable and fibre at gigabit, LTE at
/// ≥ 6 Mbit/s and 5G at ≥ 2 Mbit/s (its only class, one stand).
const TECHNOLOGY_SERIES: &[Series] = &[
    series(Technology::Dsl, 50),
    series(Technology::Catv, 50),
    series(Technology::Catv, 1000),
    series(Technology::Fttb, 1000),
    series(Technology::Lte, 6),
    series(Technology::FiveG, 2),
];

/// The Kreis and Gemeinde pages' lines over time.
pub(super) const AREA_SERIES: &[Series] = &[
    series(Technology::All, 16),
    series(Technology::All, 50),
    series(Technology::All, 100),
    series(Technology::All, 1000),
    series(Technology::Fixed, 1000),
    series(Technology::Fttb, 1000),
];

/// A share as the page shows it: the source's value with the locale's
/// decimal separator (never rounded further, so it matches the download).
pub(super) fn percent(ctx: &Ctx, share: f64) -> String {
    let text = share.to_string();
    if ctx.locale() == "de" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// „Juni 2021“ / „June 2021“.
pub(super) fn stand_label(ctx: &Ctx, stand: Stand) -> String {
    let id = if stand.month == 6 {
        "broadband-register-stand-mid"
    } else {
        "broadband-register-stand-end"
    };
    ctx.t1(id, "year", stand.year)
}

/// Label of a series: „≥ 1000 Mbit/s, FTTH/B“.
pub(super) fn series_label(ctx: &Ctx, s: Series) -> String {
    let tech = match s.technology {
        Technology::All => ctx.t("broadband-register-tech-all"),
        Technology::Fixed => ctx.t("broadband-register-tech-fixed"),
        Technology::Wireless => ctx.t("broadband-register-tech-wireless"),
        Technology::Catv => ctx.t("broadband-register-tech-catv"),
        other => other.code().to_owned(),
    };
    format!("≥ {} Mbit/s, {tech}", s.min_mbps)
}

/// The table of a chart: the same cells go to the page, CSV and XLSX.
pub(super) fn series_download_table(ctx: &Ctx, title: &str, table: &SeriesTable) -> Table {
    let mut headers = vec![ctx.t("broadband-register-stand")];
    headers.extend(
        table
            .series
            .iter()
            .map(|s| format!("{} (%)", series_label(ctx, *s))),
    );
    let mut out = Table::new(title, headers);
    for (stand, values) in &table.rows {
        let mut row = vec![Cell::Text(stand.to_string())];
        row.extend(values.iter().map(|v| match v {
            Some(share) => Cell::Num(*share),
            None => Cell::Text(String::new()),
        }));
        out.push(row);
    }
    out
}

/// A cell as the page shows it.
pub(super) fn shown(ctx: &Ctx, cell: &Cell) -> String {
    match cell {
        Cell::Num(x) => percent(ctx, *x),
        Cell::Int(n) => ctx.number(n),
        Cell::Text(t) if t.is_empty() => "–".into(),
        Cell::Text(t) => t.clone(),
    }
}

/// Line colours: each has at least 4.5:1 against white; lines are also
/// told apart by dash pattern and marker shape, and by the legend and table.
const COLOURS: [&str; 7] = [
    "#00594f", "#1d4f91", "#b3261e", "#5a2a82", "#7a4a00", "#1b1f23", "#a3005c",
];
const DASHES: [&str; 7] = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 4", "1 2"];

#[derive(Debug, Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Cross,
    Plus,
}

const MARKERS: [Marker; 7] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Cross,
    Marker::Plus,
];

impl Marker {
    /// SVG path of the marker centred at (x, y).
    fn path(self, x: f64, y: f64) -> String {
        let r = 4.5;
        match self {
            Marker::Circle => format!(
                "M{:.1},{y:.1}a{r},{r} 0 1,0 {:.1},0a{r},{r} 0 1,0 {:.1},0Z",
                x - r,
                2.0 * r,
                -2.0 * r
            ),
            Marker::Square => format!(
                "M{:.1},{:.1}h{:.1}v{:.1}h{:.1}Z",
                x - r,
                y - r,
                2.0 * r,
                2.0 * r,
                -2.0 * r
            ),
            Marker::Triangle => format!(
                "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
                y - r - 1.0,
                x + r + 0.5,
                y + r,
                x - r - 0.5,
                y + r
            ),
            Marker::TriangleDown => format!(
                "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
                y + r + 1.0,
                x + r + 0.5,
                y - r,
                x - r - 0.5,
                y - r
            ),
            Marker::Diamond => format!(
                "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z",
                y - r - 1.0,
                x + r + 1.0,
                y + r + 1.0,
                x - r - 1.0
            ),
            Marker::Cross => format!(
                "M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}",
                x - r,
                y - r,
                x + r,
                y + r,
                x - r,
                y + r,
                x + r,
                y - r
            ),
            Marker::Plus => format!(
                "M{:.1},{y:.1}H{:.1}M{x:.1},{:.1}V{:.1}",
                x - r - 1.0,
                x + r + 1.0,
                y - r - 1.0,
                y + r + 1.0
            ),
        }
    }

    /// Open markers are drawn as strokes, not fills.
    fn is_stroke(self) -> bool {
        matches!(self, Marker::Cross | Marker::Plus)
    }
}

#[derive(Debug, Clone)]
pub(super) struct LinePoint {
    pub marker: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub label: String,
    pub colour: &'static str,
    pub dash: &'static str,
    pub stroke_marker: bool,
    /// Polylines between values of consecutive stands; a gap in the source
    /// is a gap in the line.
    pub segments: Vec<String>,
    pub points: Vec<LinePoint>,
    /// The marker drawn in the legend.
    pub legend_marker: String,
}

/// A line chart of shares (0–100 %) over time, with its table visible
/// below and download links. Server-side SVG, no script.
#[derive(Template, Debug, Clone)]
#[template(path = "broadband/lagebild_line_chart.html")]
pub(super) struct LineChart {
    pub id: String,
    pub title: String,
    pub description: String,
    pub lines: Vec<Line>,
    pub x_ticks: Vec<(f64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    pub table: Table,
    pub shown_rows: Vec<Vec<String>>,
    /// (CSV, XLSX) download URLs.
    pub downloads: Option<(String, String)>,
    pub note: String,
    pub legend_label: String,
    pub table_caption: String,
    pub download_intro: String,
    pub csv_label: String,
    pub xlsx_label: String,
    pub source: String,
    pub sources_link: String,
}

impl LineChart {
    pub const WIDTH: f64 = 720.0;
    pub const LEFT: f64 = 48.0;
    pub const RIGHT: f64 = 16.0;
    pub const TOP: f64 = 12.0;
    pub const PLOT_HEIGHT: f64 = 240.0;

    pub fn height(&self) -> f64 {
        Self::TOP + Self::PLOT_HEIGHT + 32.0
    }

    pub fn baseline(&self) -> f64 {
        Self::TOP + Self::PLOT_HEIGHT
    }

    pub fn plot_right(&self) -> f64 {
        Self::WIDTH - Self::RIGHT
    }

    pub fn view_box(&self) -> String {
        format!("0 0 {:.0} {:.0}", Self::WIDTH, self.height())
    }

    /// Builds the chart of `data`; `downloads` is the URL without extension.
    pub fn new(
        ctx: &Ctx,
        id: &str,
        title: String,
        description: String,
        data: &SeriesTable,
        downloads: Option<String>,
    ) -> Self {
        let table = series_download_table(ctx, &title, data);
        let shown_rows = table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| shown(ctx, c)).collect())
            .collect();
        // Time axis: a stand is the end of its month.
        let at = |s: Stand| f64::from(s.year) + f64::from(s.month) / 12.0;
        let first = data.rows.first().map(|(s, _)| at(*s)).unwrap_or(0.0);
        let last = data.rows.last().map(|(s, _)| at(*s)).unwrap_or(1.0);
        let (from, to) = (first.floor(), last.ceil().max(first.floor() + 1.0));
        let plot_width = Self::WIDTH - Self::LEFT - Self::RIGHT;
        let x = |t: f64| Self::LEFT + (t - from) / (to - from) * plot_width;
        let y = |share: f64| Self::TOP + (100.0 - share) / 100.0 * Self::PLOT_HEIGHT;
        let years = (to - from) as i64;
        let step = if years > 8 { 2 } else { 1 };
        let x_ticks = (0..=years)
            .step_by(step)
            .map(|i| {
                let year = from + i as f64;
                (x(year), format!("{year:.0}"))
            })
            .collect();
        let y_ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
            .iter()
            .map(|v| (y(*v), format!("{v:.0} %")))
            .collect();
        let lines = data
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let marker = MARKERS[i % MARKERS.len()];
                let label = series_label(ctx, *s);
                let mut positions = Vec::with_capacity(data.rows.len());
                let mut points = Vec::new();
                for (stand, values) in &data.rows {
                    let position = values[i].map(|share| (x(at(*stand)), y(share)));
                    if let (Some((px, py)), Some(share)) = (position, values[i]) {
                        points.push(LinePoint {
                            marker: marker.path(px, py),
                            title: format!(
                                "{label}, {}: {} %",
                                stand_label(ctx, *stand),
                                percent(ctx, share)
                            ),
                        });
                    }
                    positions.push(position);
                }
                let segments = polylines(&positions);
                Line {
                    label,
                    colour: COLOURS[i % COLOURS.len()],
                    dash: DASHES[i % DASHES.len()],
                    stroke_marker: marker.is_stroke(),
                    segments,
                    points,
                    legend_marker: marker.path(10.0, 10.0),
                }
            })
            .collect();
        LineChart {
            id: id.to_owned(),
            description,
            lines,
            x_ticks,
            y_ticks,
            table,
            shown_rows,
            downloads: downloads.map(|base| (format!("{base}.csv"), format!("{base}.xlsx"))),
            note: String::new(),
            legend_label: ctx.t("broadband-register-legend"),
            table_caption: ctx.t1("broadband-register-table-of", "title", &title),
            download_intro: ctx.t("broadband-register-download"),
            csv_label: ctx.t1("broadband-register-download-csv", "title", &title),
            xlsx_label: ctx.t1("broadband-register-download-xlsx", "title", &title),
            source: ctx.t("broadband-register-source"),
            sources_link: ctx.t("broadband-register-sources-link"),
            title,
        }
    }

    pub fn with_note(mut self, note: String) -> Self {
        self.note = note;
        self
    }
}

/// SVG polyline point lists through consecutive positions; a missing
/// value ends a line, and a single point between gaps is only a marker.
fn polylines(positions: &[Option<(f64, f64)>]) -> Vec<String> {
    positions
        .split(Option::is_none)
        .filter(|run| run.len() > 1)
        .map(|run| {
            run.iter()
                .flatten()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// `?sortierung=…&richtung=auf|ab` of a table sorted through links.
#[derive(Debug, Deserialize, Default)]
pub(super) struct SortQuery {
    #[serde(default)]
    pub sortierung: String,
    #[serde(default)]
    pub richtung: String,
}

/// `richtung`: ascending unless `ab`; anything else is refused.
pub(super) fn sort_descending(ctx: &Ctx, query: &SortQuery) -> AppResult<bool> {
    match query.richtung.as_str() {
        "" | "auf" => Ok(false),
        "ab" => Ok(true),
        _ => Err(AppError::BadRequest(ctx.t("broadband-register-bad-sort"))),
    }
}

/// A column header of a table sorted through links: its link (empty when
/// the column does not sort) and its `aria-sort`.
pub(super) struct SortHeader {
    pub label: String,
    pub href: String,
    pub aria_sort: &'static str,
    pub numeric: bool,
}

/// The header of a sortable column. `current` is `Some(descending)` for
/// the column the table is sorted by. A first click sorts figures from the
/// largest and names from A; a second click reverses.
pub(super) fn sort_header(
    label: String,
    base: &str,
    anchor: &str,
    slug: &str,
    current: Option<bool>,
    numeric: bool,
) -> SortHeader {
    let next_descending = match current {
        Some(descending) => !descending,
        None => numeric,
    };
    SortHeader {
        label,
        href: format!(
            "{base}?sortierung={slug}&richtung={}#{anchor}",
            if next_descending { "ab" } else { "auf" }
        ),
        aria_sort: match current {
            None => "none",
            Some(false) => "ascending",
            Some(true) => "descending",
        },
        numeric,
    }
}

/// A Kreis in the Lagebild's table and map.
#[derive(Debug, Clone)]
struct DistrictRow {
    ags5: String,
    name: String,
    gigabit: Option<(Stand, f64)>,
    fttb: Option<f64>,
    at_100: Option<f64>,
    municipalities: usize,
}

fn district_rows() -> Vec<DistrictRow> {
    let reference = dias_core::reference::cached();
    let history = coverage::history();
    reference
        .districts
        .iter()
        .map(|d| {
            let area = history.kreis(&d.ags5);
            let gigabit = area.and_then(Area::latest_gigabit);
            let at = |tech: Technology, min: u16| {
                gigabit.and_then(|(stand, _)| area.and_then(|a| a.share(tech, min, stand)))
            };
            DistrictRow {
                ags5: d.ags5.clone(),
                name: d.name.clone(),
                gigabit,
                fttb: at(Technology::Fttb, GIGABIT_MBPS),
                at_100: at(Technology::All, 100),
                municipalities: reference.municipalities_of(&d.ags5).count(),
            }
        })
        .collect()
}

/// The Kreise table (the map's text alternative and its download).
fn districts_table(ctx: &Ctx, rows: &[DistrictRow]) -> Table {
    let mut table = Table::new(
        ctx.t("broadband-lagebild-districts-title"),
        vec![
            ctx.t("broadband-register-kreis-key"),
            ctx.t("broadband-register-district"),
            ctx.t("broadband-register-stand"),
            format!("{} (%)", series_label(ctx, series(Technology::All, 1000))),
            format!("{} (%)", series_label(ctx, series(Technology::Fttb, 1000))),
            format!("{} (%)", series_label(ctx, series(Technology::All, 100))),
            ctx.t("broadband-register-municipalities-count"),
        ],
    );
    let num = |v: Option<f64>| v.map(Cell::Num).unwrap_or(Cell::Text(String::new()));
    for d in rows {
        table.push(vec![
            Cell::Text(d.ags5.clone()),
            Cell::Text(d.name.clone()),
            Cell::Text(d.gigabit.map(|(s, _)| s.to_string()).unwrap_or_default()),
            num(d.gigabit.map(|(_, v)| v)),
            num(d.fttb),
            num(d.at_100),
            Cell::Int(d.municipalities as i64),
        ]);
    }
    table
}

fn chart_table(ctx: &Ctx, chart: Chart) -> Table {
    let land = coverage::history().land();
    let data = |s: &[Series]| {
        land.map(|a| coverage::series_table(a, s).without_empty_series())
            .unwrap_or(SeriesTable {
                series: Vec::new(),
                rows: Vec::new(),
            })
    };
    match chart {
        Chart::Classes => series_download_table(
            ctx,
            &ctx.t("broadband-lagebild-classes-title"),
            &data(CLASS_SERIES),
        ),
        Chart::Technologies => series_download_table(
            ctx,
            &ctx.t("broadband-lagebild-tech-title"),
            &data(TECHNOLOGY_SERIES),
        ),
        Chart::Districts => {
            let mut rows = district_rows();
            sort_districts(&mut rows, "name", false);
            districts_table(ctx, &rows)
        }
    }
}

/// The legend of the gigabit shading: fixed 20-point steps.
pub(super) fn share_legend(ctx: &Ctx) -> Vec<(u8, String)> {
    (1..=5u8)
        .map(|level| {
            let from = u32::from(level - 1) * 20;
            let text = if level == 5 {
                ctx.t1("broadband-lagebild-legend-top", "from", from)
            } else {
                ctx.catalog.get_with(
                    ctx.locale(),
                    "broadband-lagebild-legend-step",
                    &[
                        ("from", dias_core::i18n::Value::from(from.to_string())),
                        ("to", dias_core::i18n::Value::from((from + 20).to_string())),
                    ],
                )
            };
            (level, text)
        })
        .collect()
}

/// Map label of an area's gigabit share.
pub(super) fn gigabit_label(ctx: &Ctx, gigabit: Option<(Stand, f64)>) -> String {
    match gigabit {
        Some((stand, share)) => ctx.catalog.get_with(
            ctx.locale(),
            "broadband-register-gigabit-value",
            &[
                ("share", dias_core::i18n::Value::from(percent(ctx, share))),
                (
                    "stand",
                    dias_core::i18n::Value::from(stand_label(ctx, stand)),
                ),
            ],
        ),
        None => ctx.t("broadband-register-no-figures"),
    }
}

/// Columns the Kreise table sorts by, by their URL slug and table column.
const DISTRICT_SORTS: &[(&str, usize)] = &[
    ("name", 1),
    ("gigabit", 3),
    ("glasfaser", 4),
    ("100", 5),
    ("gemeinden", 6),
];

fn sort_districts(rows: &mut [DistrictRow], slug: &str, descending: bool) {
    // Kreise without a value sort below every value.
    let figure = |v: Option<f64>| v.unwrap_or(-1.0);
    match slug {
        "gigabit" => rows.sort_by(|a, b| {
            figure(a.gigabit.map(|g| g.1)).total_cmp(&figure(b.gigabit.map(|g| g.1)))
        }),
        "glasfaser" => rows.sort_by(|a, b| figure(a.fttb).total_cmp(&figure(b.fttb))),
        "100" => rows.sort_by(|a, b| figure(a.at_100).total_cmp(&figure(b.at_100))),
        "gemeinden" => rows.sort_by_key(|d| d.municipalities),
        _ => rows.sort_by(|a, b| a.name.cmp(&b.name)),
    }
    if descending {
        rows.reverse();
    }
}

#[derive(Template)]
#[template(path = "broadband/lagebild.html")]
struct LagebildPage {
    ctx: Ctx,
    map: MapView,
    districts: Vec<Vec<String>>,
    district_links: Vec<String>,
    district_headers: Vec<SortHeader>,
    latest: String,
    land_gigabit: String,
    charts: Vec<LineChart>,
}

async fn show(ctx: Ctx, Lenient(sort): Lenient<SortQuery>) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let history = coverage::history();
    let slug = match sort.sortierung.as_str() {
        "" => "name",
        s if DISTRICT_SORTS.iter().any(|(slug, _)| *slug == s) => s,
        _ => return Err(AppError::BadRequest(ctx.t("broadband-register-bad-sort"))),
    };
    let descending = sort_descending(&ctx, &sort)?;
    let mut rows = district_rows();
    sort_districts(&mut rows, slug, descending);
    let map = MapView::districts(
        ctx.t("broadband-lagebild-map-title"),
        ctx.t("broadband-lagebild-map-description"),
        |ags5| match rows.iter().find(|d| d.ags5 == ags5) {
            Some(d) => (
                d.gigabit.map(|(_, share)| coverage::share_level(share)),
                gigabit_label(&ctx, d.gigabit),
            ),
            None => (None, String::new()),
        },
        |ags5| Some(format!("/breitband/kreise/{ags5}")),
    )
    .with_legend(share_legend(&ctx));
    let map = reference.municipalities.iter().fold(map, |map, m| {
        let gigabit = history.gemeinde(&m.ags8).and_then(Area::latest_gigabit);
        map.point(
            m.lon,
            m.lat,
            2.5,
            format!("{}: {}", m.name_short, gigabit_label(&ctx, gigabit)),
        )
    });
    let table = districts_table(&ctx, &rows);
    let districts = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| shown(&ctx, c)).collect())
        .collect();
    let district_links = rows
        .iter()
        .map(|d| format!("/breitband/kreise/{}", d.ags5))
        .collect();
    let land = history.land();
    let land_gigabit = land
        .and_then(Area::latest_gigabit)
        .map(|g| gigabit_label(&ctx, Some(g)))
        .unwrap_or_default();
    let latest = land
        .and_then(|a| a.stands().last().copied())
        .map(|s| stand_label(&ctx, s))
        .unwrap_or_default();
    let chart = |c: Chart, series: &[Series], title: &str, description: &str, note: &str| {
        let data = land
            .map(|a| coverage::series_table(a, series).without_empty_series())
            .unwrap_or(SeriesTable {
                series: Vec::new(),
                rows: Vec::new(),
            });
        LineChart::new(
            &ctx,
            c.slug(),
            ctx.t(title),
            ctx.t(description),
            &data,
            Some(format!("/breitband/lagebild/{}", c.slug())),
        )
        .with_note(ctx.t(note))
    };
    let charts = vec![
        chart(
            Chart::Classes,
            CLASS_SERIES,
            "broadband-lagebild-classes-title",
            "broadband-lagebild-classes-description",
            "broadband-lagebild-classes-note",
        ),
        chart(
            Chart::Technologies,
            TECHNOLOGY_SERIES,
            "broadband-lagebild-tech-title",
            "broadband-lagebild-tech-description",
            "broadband-lagebild-tech-note",
        ),
    ];
    page(&LagebildPage {
        ctx,
        map,
        districts,
        district_links,
        district_headers: table
            .headers
            .iter()
            .enumerate()
            .map(
                |(column, label)| match DISTRICT_SORTS.iter().find(|(_, c)| *c == column) {
                    Some((s, _)) => sort_header(
                        label.clone(),
                        "/breitband/lagebild",
                        "tabelle-kreise",
                        s,
                        (*s == slug).then_some(descending),
                        column > 1,
                    ),
                    None => SortHeader {
                        label: label.clone(),
                        href: String::new(),
                        aria_sort: "",
                        numeric: column > 2,
                    },
                },
            )
            .collect(),
        latest,
        land_gigabit,
        charts,
    })
}

/// `/breitband/lagebild/{chart}.{csv|xlsx}`; anything else is not a page.
async fn download(ctx: Ctx, Segments(file): Segments<String>) -> AppResult<Response> {
    let (slug, ext) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let chart = Chart::from_slug(slug).ok_or(AppError::NotFound)?;
    let format = TableFormat::from_extension(ext).ok_or(AppError::NotFound)?;
    chart_table(&ctx, chart)
        .download(format, &format!("breitband-sachsen-{}", chart.slug()))
        .map_err(AppError::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_distinct_shapes() {
        let paths: Vec<String> = MARKERS.iter().map(|m| m.path(10.0, 10.0)).collect();
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), MARKERS.len());
    }

    #[test]
    fn lines_break_at_gaps_in_the_source() {
        let p = |x: f64| Some((x, 1.0));
        assert_eq!(
            polylines(&[p(1.0), p(2.0), None, p(3.0), None, p(4.0), p(5.0), p(6.0)]),
            vec!["1.0,1.0 2.0,1.0", "4.0,1.0 5.0,1.0 6.0,1.0"]
        );
        assert!(polylines(&[None, p(1.0), None]).is_empty());
        assert!(polylines(&[]).is_empty());
    }

    #[test]
    fn chart_slugs_round_trip() {
        for c in [Chart::Classes, Chart::Technologies, Chart::Districts] {
            assert_eq!(Chart::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Chart::from_slug("nichts"), None);
    }
}
