//! The municipality register: every Saxon Gemeinde of the reference data
//! with its latest gigabit share, a page per Kreis and per Gemeinde with
//! the Breitbandatlas figures over time. Everything is read from memory
//! (reference data and the embedded history): no database query.

use askama::Template;
use axum::Router;
use axum::extract::State;

use super::query::{Lenient, Segments};
use axum::response::Response;
use axum::routing::get;
use dias_core::entities::{district, municipality};
use dias_core::i18n::Value;
use dias_web::components::{Bar, BarChart};
use dias_web::forms::page;
use dias_web::table::{Cell, Table, TableFormat};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::lagebild::{
    AREA_SERIES, LineChart, SortHeader, SortQuery, gigabit_label, percent, share_legend, shown,
    sort_descending, sort_header, stand_label,
};
use crate::coverage::{self, Area, Stand, Technology};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/gemeinden", get(list))
        .route(
            "/breitband/gemeinden.csv",
            get(|ctx: Ctx, Lenient(q): Lenient<ListQuery>| list_download(ctx, TableFormat::Csv, q)),
        )
        .route(
            "/breitband/gemeinden.xlsx",
            get(|ctx: Ctx, Lenient(q): Lenient<ListQuery>| {
                list_download(ctx, TableFormat::Xlsx, q)
            }),
        )
        .route("/breitband/gemeinden/{ags8}", get(gemeinde))
        .route("/breitband/gemeinden/{ags8}/{file}", get(gemeinde_download))
        .route("/breitband/kreise/{ags5}", get(kreis))
        .route("/breitband/kreise/{ags5}/{file}", get(kreis_download))
}

/// Longest name filter accepted; longer input is refused (400).
const MAX_QUERY: usize = 100;

/// A Gemeinde in a list: reference data plus its newest gigabit share.
#[derive(Debug, Clone)]
struct Row {
    ags8: String,
    name: String,
    population: i64,
    gigabit: Option<(Stand, f64)>,
}

impl Row {
    fn of(m: &municipality::Model) -> Self {
        Row {
            ags8: m.ags8.clone(),
            name: m.name.clone(),
            population: m.population,
            gigabit: coverage::history()
                .gemeinde(&m.ags8)
                .and_then(Area::latest_gigabit),
        }
    }
}

/// A history AGS that is no page: merged since the source's boundary status.
#[derive(Debug, Clone)]
struct Former {
    ags8: String,
    name: String,
    gigabit: String,
}

fn former_in(ctx: &Ctx, ags5: Option<&str>) -> Vec<Former> {
    coverage::history()
        .former_municipalities()
        .into_iter()
        .filter(|a| ags5.is_none_or(|k| a.ags.starts_with(k)))
        .map(|a| Former {
            ags8: a.ags.clone(),
            name: if a.name.is_empty() {
                ctx.t("broadband-register-name-unknown")
            } else {
                a.name.clone()
            },
            gigabit: gigabit_label(ctx, a.latest_gigabit()),
        })
        .collect()
}

#[derive(Debug, Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kreis: String,
}

struct Group {
    district: district::Model,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "broadband/gemeinden.html")]
struct ListPage {
    ctx: Ctx,
    q: String,
    kreis: String,
    districts: Vec<district::Model>,
    groups: Vec<Group>,
    count_text: String,
    /// `q=…&kreis=…` for the download links, so they hold what is shown.
    download_query: String,
    total: usize,
    former: Vec<Former>,
    filtered: bool,
}

impl ListPage {
    fn gigabit(&self, row: &Row) -> String {
        row.gigabit
            .map(|(_, share)| format!("{} %", percent(&self.ctx, share)))
            .unwrap_or_else(|| self.ctx.t("broadband-register-no-value"))
    }

    fn stand(&self, row: &Row) -> String {
        row.gigabit
            .map(|(stand, _)| stand_label(&self.ctx, stand))
            .unwrap_or_default()
    }
}

/// The register filtered by `q` (name or AGS prefix) and `kreis`, grouped
/// by Kreis; bad filters are refused (400).
fn filtered_groups(ctx: &Ctx, query: &ListQuery) -> AppResult<(String, String, Vec<Group>)> {
    let reference = dias_core::reference::cached();
    let q = query.q.trim().to_owned();
    if q.chars().count() > MAX_QUERY {
        return Err(AppError::BadRequest(
            ctx.t("broadband-register-query-too-long"),
        ));
    }
    let kreis = query.kreis.trim().to_owned();
    if !kreis.is_empty() && reference.district(&kreis).is_none() {
        return Err(AppError::BadRequest(
            ctx.t("broadband-register-unknown-district"),
        ));
    }
    let needle = q.to_lowercase();
    let matches = |m: &municipality::Model| {
        (kreis.is_empty() || m.district_ags5 == kreis)
            && (needle.is_empty()
                || m.name.to_lowercase().contains(&needle)
                || m.ags8.starts_with(&needle))
    };
    let groups: Vec<Group> = reference
        .districts
        .iter()
        .map(|d| Group {
            district: d.clone(),
            rows: reference
                .municipalities_of(&d.ags5)
                .filter(|m| matches(m))
                .map(Row::of)
                .collect(),
        })
        .filter(|g| !g.rows.is_empty())
        .collect();
    Ok((q, kreis, groups))
}

/// The list as a download, with the same filters as the page.
fn list_table(ctx: &Ctx, groups: &[Group]) -> Table {
    let mut table = Table::new(
        ctx.t("broadband-register-title"),
        vec![
            ctx.t("broadband-register-ags"),
            ctx.t("broadband-register-municipality"),
            ctx.t("broadband-register-district"),
            ctx.t("broadband-register-population"),
            format!("{} (%)", ctx.t("broadband-register-gigabit-share")),
            ctx.t("broadband-register-stand"),
        ],
    );
    for group in groups {
        for row in &group.rows {
            table.push(vec![
                Cell::Text(row.ags8.clone()),
                Cell::Text(row.name.clone()),
                Cell::Text(group.district.name.clone()),
                Cell::Int(row.population),
                row.gigabit
                    .map(|(_, share)| Cell::Num(share))
                    .unwrap_or(Cell::Text(String::new())),
                Cell::Text(
                    row.gigabit
                        .map(|(stand, _)| stand.to_string())
                        .unwrap_or_default(),
                ),
            ]);
        }
    }
    table
}

async fn list_download(ctx: Ctx, format: TableFormat, query: ListQuery) -> AppResult<Response> {
    let (_, _, groups) = filtered_groups(&ctx, &query)?;
    list_table(&ctx, &groups)
        .download(format, "breitband-gemeinden")
        .map_err(AppError::Internal)
}

async fn list(ctx: Ctx, Lenient(query): Lenient<ListQuery>) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let (q, kreis, groups) = filtered_groups(&ctx, &query)?;
    let download_query =
        serde_urlencoded::to_string([("q", &q), ("kreis", &kreis)]).unwrap_or_default();
    let shown: usize = groups.iter().map(|g| g.rows.len()).sum();
    let total = reference.municipalities.len();
    let count_text = ctx.catalog.get_with(
        ctx.locale(),
        "broadband-register-count",
        &[
            ("shown", Value::from(shown.to_string())),
            ("total", Value::from(total.to_string())),
        ],
    );
    page(&ListPage {
        filtered: !q.is_empty() || !kreis.is_empty(),
        former: former_in(&ctx, None),
        total,
        districts: reference.districts.clone(),
        ctx,
        q,
        kreis,
        groups,
        count_text,
        download_query,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    Population,
    Gigabit,
}

impl SortKey {
    const ALL: [SortKey; 3] = [SortKey::Name, SortKey::Population, SortKey::Gigabit];

    fn slug(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Population => "einwohner",
            SortKey::Gigabit => "gigabit",
        }
    }
}

#[derive(Template)]
#[template(path = "broadband/kreis.html")]
struct KreisPage {
    ctx: Ctx,
    district: district::Model,
    rows: Vec<Row>,
    headers: Vec<SortHeader>,
    gigabit: String,
    map: Option<GemeindenMap>,
    chart: LineChart,
    former: Vec<Former>,
    projects: Vec<super::projects::ListRow>,
    surveys: Vec<super::surveys::AreaSurvey>,
}

impl KreisPage {
    fn gigabit_of(&self, row: &Row) -> String {
        row.gigabit
            .map(|(_, share)| format!("{} %", percent(&self.ctx, share)))
            .unwrap_or_else(|| self.ctx.t("broadband-register-no-value"))
    }
}

/// A Gemeinde region of a Kreis map.
struct MapRegion {
    path: String,
    level: Option<u8>,
    title: String,
}

struct MapPoint {
    x: f64,
    y: f64,
    r: f64,
    title: String,
}

/// A Kreis's Gemeinden, shaded by gigabit share, with their centres as
/// points; optionally one Gemeinde outlined. The Gemeinden table on the
/// page carries the same values as text.
#[derive(Template)]
#[template(path = "broadband/lagebild_gemeinden_map.html")]
struct GemeindenMap {
    id: &'static str,
    title: String,
    description: String,
    view_box: String,
    regions: Vec<MapRegion>,
    highlight: Option<String>,
    points: Vec<MapPoint>,
    legend: Vec<(u8, String)>,
    no_data: String,
    attribution: &'static str,
    sources_link: String,
}

fn gemeinden_map(
    ctx: &Ctx,
    ags5: &str,
    highlight: Option<&str>,
    title: String,
    description: String,
) -> Option<GemeindenMap> {
    let map = crate::register::kreis_map(ags5)?;
    let reference = dias_core::reference::cached();
    let history = coverage::history();
    let name = |ags8: &str| {
        reference
            .municipality(ags8)
            .map(|m| m.name_short.clone())
            .unwrap_or_default()
    };
    let regions = map
        .shapes
        .iter()
        .map(|shape| {
            let gigabit = history.gemeinde(&shape.ags8).and_then(Area::latest_gigabit);
            MapRegion {
                path: shape.path.clone(),
                level: gigabit.map(|(_, share)| coverage::share_level(share)),
                title: format!("{}: {}", name(&shape.ags8), gigabit_label(ctx, gigabit)),
            }
        })
        .collect();
    let points = reference
        .municipalities_of(ags5)
        .map(|m| {
            let (x, y) = map.project(m.lon, m.lat);
            MapPoint {
                x,
                y,
                r: if Some(m.ags8.as_str()) == highlight {
                    6.0
                } else {
                    3.5
                },
                title: m.name_short.clone(),
            }
        })
        .collect();
    Some(GemeindenMap {
        id: if highlight.is_some() {
            "gemeinde"
        } else {
            "kreis"
        },
        title,
        description,
        view_box: format!("0 0 {:.0} {:.0}", map.width, map.height),
        regions,
        highlight: highlight.and_then(|h| {
            map.shapes
                .iter()
                .find(|s| s.ags8 == h)
                .map(|s| s.path.clone())
        }),
        points,
        legend: share_legend(ctx),
        no_data: ctx.t("broadband-register-no-value"),
        attribution: "© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0",
        sources_link: ctx.t("broadband-register-sources-link"),
    })
}

fn district_or_404(ags5: &str) -> AppResult<&'static district::Model> {
    dias_core::reference::cached()
        .district(ags5)
        .ok_or(AppError::NotFound)
}

fn area_chart(ctx: &Ctx, area: Option<&Area>, title: String, base: String) -> LineChart {
    let data = area
        .map(|a| coverage::series_table(a, AREA_SERIES).without_empty_series())
        .unwrap_or(coverage::SeriesTable {
            series: Vec::new(),
            rows: Vec::new(),
        });
    LineChart::new(
        ctx,
        "zeitreihe",
        title,
        ctx.t("broadband-register-over-time-description"),
        &data,
        Some(base),
    )
    .with_note(ctx.t("broadband-register-over-time-note"))
}

async fn kreis(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(ags5): Segments<String>,
    Lenient(sort): Lenient<SortQuery>,
) -> AppResult<Response> {
    let district = district_or_404(&ags5)?.clone();
    let key = match sort.sortierung.as_str() {
        "" | "name" => SortKey::Name,
        "einwohner" => SortKey::Population,
        "gigabit" => SortKey::Gigabit,
        _ => return Err(AppError::BadRequest(ctx.t("broadband-register-bad-sort"))),
    };
    let descending = sort_descending(&ctx, &sort)?;
    let reference = dias_core::reference::cached();
    let history = coverage::history();
    let municipalities: Vec<&municipality::Model> = reference.municipalities_of(&ags5).collect();
    let mut rows: Vec<Row> = municipalities.iter().map(|m| Row::of(m)).collect();
    match key {
        SortKey::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
        SortKey::Population => rows.sort_by_key(|r| r.population),
        // Without a value sorts below every value.
        SortKey::Gigabit => rows.sort_by(|a, b| {
            let share = |r: &Row| r.gigabit.map(|(_, s)| s).unwrap_or(-1.0);
            share(a).total_cmp(&share(b))
        }),
    }
    if descending {
        rows.reverse();
    }
    let headers = SortKey::ALL
        .iter()
        .map(|k| {
            sort_header(
                match k {
                    SortKey::Name => ctx.t("broadband-register-municipality"),
                    SortKey::Population => ctx.t("broadband-register-population"),
                    SortKey::Gigabit => ctx.t("broadband-register-gigabit-share"),
                },
                &format!("/breitband/kreise/{ags5}"),
                "gemeinden",
                k.slug(),
                (*k == key).then_some(descending),
                *k != SortKey::Name,
            )
        })
        .collect();
    let area = history.kreis(&ags5);
    let gigabit = gigabit_label(&ctx, area.and_then(Area::latest_gigabit));
    let map = gemeinden_map(
        &ctx,
        &ags5,
        None,
        ctx.t1(
            "broadband-register-kreis-map-title",
            "name",
            &district.name_short,
        ),
        ctx.t("broadband-register-kreis-map-description"),
    );
    let chart = area_chart(
        &ctx,
        area,
        ctx.t1(
            "broadband-register-over-time-title",
            "name",
            &district.name_short,
        ),
        format!("/breitband/kreise/{ags5}/zeitreihe"),
    );
    let projects = super::projects::area_projects(&state, &ctx, &ags5, None).await?;
    let surveys = super::surveys::area_surveys(&state, &ctx, &ags5).await?;
    page(&KreisPage {
        projects,
        surveys,
        former: former_in(&ctx, Some(&ags5)),
        ctx,
        district,
        rows,
        headers,
        gigabit,
        map,
        chart,
    })
}

async fn kreis_download(
    ctx: Ctx,
    Segments((ags5, file)): Segments<(String, String)>,
) -> AppResult<Response> {
    let district = district_or_404(&ags5)?;
    let format = match file.rsplit_once('.') {
        Some(("zeitreihe", ext)) => TableFormat::from_extension(ext).ok_or(AppError::NotFound)?,
        _ => return Err(AppError::NotFound),
    };
    let chart = area_chart(
        &ctx,
        coverage::history().kreis(&ags5),
        ctx.t1(
            "broadband-register-over-time-title",
            "name",
            &district.name_short,
        ),
        String::new(),
    );
    chart
        .table
        .download(format, &format!("breitband-kreis-{ags5}-zeitreihe"))
        .map_err(AppError::Internal)
}

/// The bandwidth classes at one stand: a row per class, a column each for
/// all technologies, the wired ones and FTTH/B.
fn classes_table(ctx: &Ctx, area: &Area, stand: Stand) -> Table {
    let technologies = [Technology::All, Technology::Fixed, Technology::Fttb];
    let mut classes: Vec<u16> = technologies
        .iter()
        .flat_map(|t| area.classes_at(*t, stand))
        .collect();
    classes.sort_unstable();
    classes.dedup();
    let mut headers = vec![ctx.t("broadband-register-class")];
    headers.extend(technologies.iter().map(|t| {
        format!(
            "{} (%)",
            match t {
                Technology::All => ctx.t("broadband-register-tech-all"),
                Technology::Fixed => ctx.t("broadband-register-tech-fixed"),
                other => other.code().to_owned(),
            }
        )
    }));
    let mut table = Table::new(
        ctx.t1(
            "broadband-register-classes-title",
            "stand",
            stand.to_string(),
        ),
        headers,
    );
    for class in classes {
        let mut row = vec![Cell::Text(format!("≥ {class} Mbit/s"))];
        row.extend(technologies.iter().map(|t| {
            area.share(*t, class, stand)
                .map(Cell::Num)
                .unwrap_or(Cell::Text(String::new()))
        }));
        table.push(row);
    }
    table
}

/// A predecessor's figures, shown on the merged Gemeinde's page.
struct Predecessor {
    ags8: String,
    name: String,
    gigabit: String,
}

#[derive(Template)]
#[template(path = "broadband/gemeinde.html")]
struct GemeindePage {
    ctx: Ctx,
    municipality: municipality::Model,
    district: district::Model,
    households: i64,
    gigabit: String,
    latest: Option<String>,
    classes: Option<Table>,
    classes_shown: Vec<Vec<String>>,
    bars: Option<BarChart>,
    chart: Option<LineChart>,
    predecessors: Vec<Predecessor>,
    map: Option<GemeindenMap>,
    projects: Vec<super::projects::ListRow>,
    surveys: Vec<super::surveys::AreaSurvey>,
}

fn gemeinde_or_404(ags8: &str) -> AppResult<&'static municipality::Model> {
    dias_core::reference::cached()
        .municipality(ags8)
        .ok_or(AppError::NotFound)
}

async fn gemeinde(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(ags8): Segments<String>,
) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let municipality = gemeinde_or_404(&ags8)?.clone();
    let district = reference
        .district(&municipality.district_ags5)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let history = coverage::history();
    let area = history.gemeinde(&ags8);
    let latest_gigabit = area.and_then(Area::latest_gigabit);
    let latest_stand = area.and_then(|a| a.stands().last().copied());
    let classes = area
        .zip(latest_stand)
        .map(|(a, stand)| classes_table(&ctx, a, stand));
    let classes_shown = classes
        .iter()
        .flat_map(|t| t.rows.iter())
        .map(|row| row.iter().map(|c| shown(&ctx, c)).collect())
        .collect();
    let bars = area.zip(latest_stand).map(|(a, stand)| {
        BarChart {
            id: "klassen".into(),
            title: ctx.t1(
                "broadband-register-classes-chart-title",
                "stand",
                stand_label(&ctx, stand),
            ),
            description: ctx.t("broadband-register-classes-chart-description"),
            label_header: ctx.t("broadband-register-class"),
            value_header: ctx.t("broadband-register-share-households"),
            table_summary: ctx.t("broadband-register-chart-table-summary"),
            bars: a
                .classes_at(Technology::All, stand)
                .into_iter()
                .filter_map(|class| {
                    let share = a.share(Technology::All, class, stand)?;
                    Some(Bar {
                        label: format!("≥ {class} Mbit/s"),
                        value: share,
                        value_text: format!("{} %", percent(&ctx, share)),
                        y: 0.0,
                        width: 0.0,
                    })
                })
                .collect(),
        }
        .layout()
    });
    let chart = area.map(|a| {
        area_chart(
            &ctx,
            Some(a),
            ctx.t1(
                "broadband-register-over-time-title",
                "name",
                &municipality.name_short,
            ),
            format!("/breitband/gemeinden/{ags8}/zeitreihe"),
        )
    });
    let predecessors = coverage::predecessors(&ags8)
        .iter()
        .filter_map(|p| history.gemeinde(p))
        .map(|a| Predecessor {
            ags8: a.ags.clone(),
            name: a.name.clone(),
            gigabit: gigabit_label(&ctx, a.latest_gigabit()),
        })
        .collect();
    let projects = super::projects::area_projects(
        &state,
        &ctx,
        &municipality.district_ags5,
        Some(&municipality.ags8),
    )
    .await?;
    let surveys = super::surveys::area_surveys(&state, &ctx, &municipality.ags8).await?;
    let map = gemeinden_map(
        &ctx,
        &district.ags5,
        Some(&ags8),
        ctx.catalog.get_with(
            ctx.locale(),
            "broadband-register-gemeinde-map-title",
            &[
                ("name", Value::from(municipality.name_short.clone())),
                ("district", Value::from(district.name_short.clone())),
            ],
        ),
        ctx.t("broadband-register-gemeinde-map-description"),
    );
    page(&GemeindePage {
        map,
        projects,
        surveys,
        households: municipality.population / 2,
        gigabit: gigabit_label(&ctx, latest_gigabit),
        latest: latest_stand.map(|s| stand_label(&ctx, s)),
        ctx,
        municipality,
        district,
        classes,
        classes_shown,
        bars,
        chart,
        predecessors,
    })
}

async fn gemeinde_download(
    ctx: Ctx,
    Segments((ags8, file)): Segments<(String, String)>,
) -> AppResult<Response> {
    let municipality = gemeinde_or_404(&ags8)?;
    let area = coverage::history()
        .gemeinde(&ags8)
        .ok_or(AppError::NotFound)?;
    let (name, ext) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let format = TableFormat::from_extension(ext).ok_or(AppError::NotFound)?;
    let table = match name {
        "zeitreihe" => {
            area_chart(
                &ctx,
                Some(area),
                ctx.t1(
                    "broadband-register-over-time-title",
                    "name",
                    &municipality.name_short,
                ),
                String::new(),
            )
            .table
        }
        "klassen" => {
            let stand = area.stands().last().copied().ok_or(AppError::NotFound)?;
            classes_table(&ctx, area, stand)
        }
        _ => return Err(AppError::NotFound),
    };
    table
        .download(format, &format!("breitband-gemeinde-{ags8}-{name}"))
        .map_err(AppError::Internal)
}
