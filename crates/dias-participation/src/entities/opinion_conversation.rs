use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "opinion_conversations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    pub question: String,
    pub allow_anonymous: bool,
    pub votes_version: i64,
    pub computed_version: i64,
    pub queued: bool,
    pub claimed_by: Option<String>,
    pub claimed_until: Option<i64>,
    pub computed_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
