//! Saxony's Kreise and their Gemeinden from the shipped reference data.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use dias_core::entities::{district, municipality};
use dias_search::{SearchDoc, SearchSource};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::components::{Bar, BarChart, MapView, level};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::page;

#[derive(Template)]
#[template(path = "districts.html")]
struct DistrictsPage {
    ctx: Ctx,
    districts: Vec<(district::Model, i64)>,
    map: MapView,
    chart: BarChart,
    total_population: i64,
}

fn density(d: &district::Model) -> f64 {
    if d.area_km2 > 0.0 {
        d.population as f64 / d.area_km2
    } else {
        0.0
    }
}

pub async fn list(ctx: Ctx) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let districts = reference.districts.clone();
    let municipalities = &reference.municipalities;
    let count = |ags5: &str| {
        municipalities
            .iter()
            .filter(|m| m.district_ags5 == ags5)
            .count() as i64
    };
    let max_density = districts.iter().map(density).fold(0.0, f64::max);
    let map = MapView::districts(
        ctx.t("districts-map-title"),
        ctx.t("districts-map-description"),
        |ags5| match districts.iter().find(|d| d.ags5 == ags5) {
            Some(d) => (
                level(density(d), max_density),
                ctx.t1(
                    "districts-density-value",
                    "value",
                    format!("{:.0}", density(d)),
                ),
            ),
            None => (None, String::new()),
        },
        |ags5| Some(format!("/kreise/{ags5}")),
    )
    .with_legend(
        (1..=5u8)
            .map(|l| {
                let upper = max_density * f64::from(l) / 5.0;
                (
                    l,
                    ctx.t1("districts-legend-upto", "value", format!("{upper:.0}")),
                )
            })
            .collect(),
    );
    let mut sorted = districts.clone();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.population));
    let chart = BarChart {
        id: "einwohner".into(),
        title: ctx.t("districts-chart-title"),
        description: ctx.t("districts-chart-description"),
        label_header: ctx.t("district"),
        value_header: ctx.t("population"),
        table_summary: ctx.t("chart-table-summary"),
        bars: sorted
            .iter()
            .map(|d| Bar {
                label: d.name_short.clone(),
                value: d.population as f64,
                value_text: ctx.number(&d.population),
                y: 0.0,
                width: 0.0,
            })
            .collect(),
    }
    .layout();
    let total_population = districts.iter().map(|d| d.population).sum();
    let districts = districts
        .into_iter()
        .map(|d| {
            let n = count(&d.ags5);
            (d, n)
        })
        .collect();
    page(&DistrictsPage {
        ctx,
        districts,
        map,
        chart,
        total_population,
    })
}

#[derive(Template)]
#[template(path = "district.html")]
struct DistrictPage {
    ctx: Ctx,
    district: district::Model,
    municipalities: Vec<municipality::Model>,
    map: MapView,
}

pub async fn show(ctx: Ctx, Path(ags5): Path<String>) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let district = reference
        .district(&ags5)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let municipalities: Vec<municipality::Model> =
        reference.municipalities_of(&ags5).cloned().collect();
    let mut map = MapView::districts(
        ctx.t1("district-map-title", "name", &district.name_short),
        ctx.t("district-map-description"),
        |a| {
            if a == ags5 {
                (Some(3), String::new())
            } else {
                (None, String::new())
            }
        },
        |_| None,
    );
    for m in &municipalities {
        map = map.point(m.lon, m.lat, 3.0, m.name_short.clone());
    }
    page(&DistrictPage {
        ctx,
        district,
        municipalities,
        map,
    })
}

/// Kreise as search documents.
pub struct DistrictSource;

fn district_doc(d: &district::Model, municipalities: &[municipality::Model]) -> SearchDoc {
    let names: Vec<&str> = municipalities.iter().map(|m| m.name.as_str()).collect();
    SearchDoc {
        kind: "district".into(),
        id: d.ags5.clone(),
        title: d.name.clone(),
        body: format!(
            "{} in Sachsen, {} Einwohnerinnen und Einwohner (Zensus 2022). Gemeinden: {}",
            d.kind,
            d.population,
            names.join(", ")
        ),
        url: format!("/kreise/{}", d.ags5),
        date: None,
    }
}

#[async_trait::async_trait]
impl SearchSource for DistrictSource {
    fn kind(&self) -> &'static str {
        "district"
    }
    fn label_key(&self) -> &'static str {
        "search-kind-district"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        let districts = dias_core::reference::districts(db).await?;
        let municipalities = dias_core::reference::municipalities(db).await?;
        Ok(districts
            .iter()
            .map(|d| {
                let own: Vec<municipality::Model> = municipalities
                    .iter()
                    .filter(|m| m.district_ags5 == d.ags5)
                    .cloned()
                    .collect();
                district_doc(d, &own)
            })
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Some(d) = district::Entity::find_by_id(id.to_owned()).one(db).await? else {
            return Ok(None);
        };
        let own = municipality::Entity::find()
            .filter(municipality::Column::DistrictAgs5.eq(id))
            .all(db)
            .await?;
        Ok(Some(district_doc(&d, &own)))
    }
}
