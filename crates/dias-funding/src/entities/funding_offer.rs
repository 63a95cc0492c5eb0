use sea_orm::entity::prelude::*;

/// A support offer (Angebot): the exchange record as JSON plus the columns
/// that lists filter and sort by.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "funding_offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub offer_type: String,
    pub status: String,
    /// `YYYY-MM-DD` of the first deadline on or after the day of the last
    /// write.
    pub next_deadline: Option<String>,
    /// `YYYY-MM-DD`.
    pub last_checked: String,
    /// `dias_funding::Offer` as JSON (exchange schema field names).
    pub record: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
