use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "municipalities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ags8: String,
    pub name: String,
    pub name_short: String,
    pub kind: String,
    pub district_ags5: String,
    pub area_km2: f64,
    pub population: i64,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
