use sea_orm::entity::prelude::*;

/// One version of an offer: the whole record as it was stored (migration
/// m0016).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "funding_offer_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub offer_id: i64,
    /// 1, 2, … per offer.
    pub version: i32,
    /// `dias_funding::Offer` as JSON, as in `funding_offers.record`.
    pub record: String,
    pub author_id: Option<i64>,
    pub note: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
