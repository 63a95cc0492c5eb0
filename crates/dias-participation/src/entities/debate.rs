use sea_orm::entity::prelude::*;

/// Debatte: a question discussed with pro, contra and neutral comments.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "debates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    pub question: String,
    pub description_md: String,
    pub conclusion_md: Option<String>,
    pub closed_at: Option<i64>,
    pub closed_by: Option<i64>,
    pub created_by: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
