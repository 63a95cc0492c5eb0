use sea_orm::entity::prelude::*;

/// A funding project (Förderprojekt) of a Gemeinde or a Kreis.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "broadband_projects")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// AGS-8 of a Gemeinde or AGS-5 of a Kreis.
    pub area: String,
    pub district_ags5: String,
    /// Slug of the current stage (`crate::projects::Stage`).
    pub stage: String,
    /// Selection model (`crate::projects::Model`), empty until chosen.
    pub model: String,
    pub federal_cents: i64,
    pub state_cents: i64,
    pub municipal_cents: i64,
    pub eligible_cents: i64,
    pub addresses_planned: i64,
    pub addresses_connected: i64,
    #[sea_orm(column_type = "Text")]
    pub responsible: String,
    pub next_due_date: Option<String>,
    pub version: i32,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
