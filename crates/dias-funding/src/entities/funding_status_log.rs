use sea_orm::entity::prelude::*;

/// A change of an offer's status (migration m0016).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "funding_status_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub offer_id: i64,
    /// Status slugs (`vocab::Status`).
    pub from_status: String,
    pub to_status: String,
    pub note: String,
    pub user_id: Option<i64>,
    pub at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
