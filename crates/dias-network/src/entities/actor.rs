use sea_orm::entity::prelude::*;

/// An organisation profile (Akteur).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "actors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub short_description: String,
    pub description_md: String,
    /// Comma-separated competence slugs.
    pub competences: String,
    /// Comma-separated industry slugs.
    pub industries: String,
    /// Comma-separated offer slugs.
    pub offers: String,
    pub size_class: String,
    pub founding_year: Option<i32>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub ags5: String,
    pub lat: f64,
    pub lon: f64,
    pub website: String,
    /// Never shown publicly.
    pub contact_email: String,
    pub status: String,
    pub decline_reason: Option<String>,
    pub verified_at: Option<i64>,
    pub verified_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
