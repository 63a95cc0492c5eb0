use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "phases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    pub position: i32,
    pub name: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub commenting: bool,
    pub proposals: bool,
    pub supporting: bool,
    pub suggestions: bool,
    pub statement_voting: bool,
    pub survey: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
