use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "processes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub teaser: String,
    pub description_md: String,
    pub organiser: String,
    pub scope_ags5: Option<String>,
    pub visibility: String,
    pub support_limit: i32,
    pub support_threshold: i32,
    pub report_threshold: i32,
    pub premoderation: bool,
    /// A phase staff declared current regardless of the dates.
    pub phase_override: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
