//! Saxony's reference data: the 13 Kreise and 419 Gemeinden shipped in the
//! repository's `data/` folder (Destatis GV-ISys 31.12.2019, Zensus 2022;
//! dl-de/by-2-0 and CC BY 4.0, see data/SOURCES.md). Loaded into the database
//! on first start.

use sea_orm::{
    ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryOrder, TransactionSession,
    TransactionTrait,
};
use serde::Deserialize;

use crate::entities::{district, municipality};

pub const DISTRICTS_CSV: &str = include_str!("../../../data/sachsen-districts.csv");
pub const MUNICIPALITIES_CSV: &str = include_str!("../../../data/sachsen-municipalities.csv");
pub const DISTRICTS_GEOJSON: &str = include_str!("../../../data/sachsen-kreise.geojson");
pub const SOURCES_MD: &str = include_str!("../../../data/SOURCES.md");

#[derive(Debug, Deserialize)]
struct DistrictRow {
    ags5: String,
    name: String,
    name_short: String,
    #[serde(rename = "type")]
    kind: String,
    nuts3: String,
    area_km2: f64,
    population_zensus2022: i64,
}

#[derive(Debug, Deserialize)]
struct MunicipalityRow {
    ags8: String,
    name: String,
    name_short: String,
    #[serde(rename = "type")]
    kind: String,
    district_ags5: String,
    area_km2: f64,
    population_zensus2022: i64,
    postcode: String,
    lat: f64,
    lon: f64,
}

fn parse<T: for<'de> Deserialize<'de>>(csv_text: &str) -> Result<Vec<T>, DbErr> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| {
            row.map_err(|e| DbErr::Custom(format!("reference data line {}: {e}", i + 2)))
        })
        .collect()
}

/// Loads the reference data unless it is already there.
pub async fn load_if_empty<C: ConnectionTrait + TransactionTrait>(db: &C) -> Result<(), DbErr> {
    if district::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let districts: Vec<DistrictRow> = parse(DISTRICTS_CSV)?;
    let municipalities: Vec<MunicipalityRow> = parse(MUNICIPALITIES_CSV)?;
    let txn = crate::db::begin_write(db).await?;
    district::Entity::insert_many(districts.into_iter().map(|d| {
        district::ActiveModel::from(district::Model {
            ags5: d.ags5,
            name: d.name,
            name_short: d.name_short,
            kind: d.kind,
            nuts3: d.nuts3,
            area_km2: d.area_km2,
            population: d.population_zensus2022,
        })
    }))
    .exec(&txn)
    .await?;
    for chunk in municipalities.chunks(100) {
        municipality::Entity::insert_many(chunk.iter().map(|m| {
            municipality::ActiveModel::from(municipality::Model {
                ags8: m.ags8.clone(),
                name: m.name.clone(),
                name_short: m.name_short.clone(),
                kind: m.kind.clone(),
                district_ags5: m.district_ags5.clone(),
                area_km2: m.area_km2,
                population: m.population_zensus2022,
                postcode: m.postcode.clone(),
                lat: m.lat,
                lon: m.lon,
            })
        }))
        .exec(&txn)
        .await?;
    }
    txn.commit().await
}

/// The shipped reference data, parsed once. Pages read it from memory: it
/// changes only with a new release, and it is what `load_if_empty` stored.
#[derive(Debug)]
pub struct Reference {
    pub districts: Vec<district::Model>,
    pub municipalities: Vec<municipality::Model>,
}

static REFERENCE: std::sync::LazyLock<Reference> = std::sync::LazyLock::new(|| {
    let mut districts: Vec<district::Model> = parse::<DistrictRow>(DISTRICTS_CSV)
        .unwrap_or_default()
        .into_iter()
        .map(|d| district::Model {
            ags5: d.ags5,
            name: d.name,
            name_short: d.name_short,
            kind: d.kind,
            nuts3: d.nuts3,
            area_km2: d.area_km2,
            population: d.population_zensus2022,
        })
        .collect();
    districts.sort_by(|a, b| a.name_short.cmp(&b.name_short));
    let mut municipalities: Vec<municipality::Model> = parse::<MunicipalityRow>(MUNICIPALITIES_CSV)
        .unwrap_or_default()
        .into_iter()
        .map(|m| municipality::Model {
            ags8: m.ags8,
            name: m.name,
            name_short: m.name_short,
            kind: m.kind,
            district_ags5: m.district_ags5,
            area_km2: m.area_km2,
            population: m.population_zensus2022,
            postcode: m.postcode,
            lat: m.lat,
            lon: m.lon,
        })
        .collect();
    municipalities.sort_by(|a, b| a.name_short.cmp(&b.name_short));
    Reference {
        districts,
        municipalities,
    }
});

pub fn cached() -> &'static Reference {
    &REFERENCE
}

impl Reference {
    pub fn district(&self, ags5: &str) -> Option<&district::Model> {
        self.districts.iter().find(|d| d.ags5 == ags5)
    }

    pub fn municipality(&self, ags8: &str) -> Option<&municipality::Model> {
        self.municipalities.iter().find(|m| m.ags8 == ags8)
    }

    pub fn municipalities_of(&self, ags5: &str) -> impl Iterator<Item = &municipality::Model> {
        self.municipalities
            .iter()
            .filter(move |m| m.district_ags5 == ags5)
    }
}

pub async fn districts<C: ConnectionTrait>(db: &C) -> Result<Vec<district::Model>, DbErr> {
    district::Entity::find()
        .order_by_asc(district::Column::NameShort)
        .all(db)
        .await
}

pub async fn municipalities<C: ConnectionTrait>(db: &C) -> Result<Vec<municipality::Model>, DbErr> {
    municipality::Entity::find()
        .order_by_asc(municipality::Column::NameShort)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_hold_all_kreise_and_gemeinden() {
        let districts: Vec<DistrictRow> = parse(DISTRICTS_CSV).unwrap();
        let municipalities: Vec<MunicipalityRow> = parse(MUNICIPALITIES_CSV).unwrap();
        assert_eq!(districts.len(), 13);
        assert_eq!(municipalities.len(), 419);
        assert!(
            municipalities
                .iter()
                .all(|m| districts.iter().any(|d| d.ags5 == m.district_ags5))
        );
        let total: i64 = municipalities.iter().map(|m| m.population_zensus2022).sum();
        assert_eq!(total, 4_038_131);
        assert_eq!(cached().districts.len(), 13);
        assert_eq!(cached().municipalities_of("14521").count(), 59);
        assert_eq!(
            cached()
                .municipality("14612000")
                .map(|m| m.name_short.as_str()),
            Some("Dresden")
        );
    }
}
