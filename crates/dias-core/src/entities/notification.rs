use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub args: String,
    pub title: String,
    pub summary: String,
    pub link: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
    pub mail_state: String,
    pub mailed_at: Option<i64>,
    pub mail_batch: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
