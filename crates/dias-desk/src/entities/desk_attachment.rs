use sea_orm::entity::prelude::*;

/// A file sent with an inquiry, stored as a blob.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "desk_attachments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub inquiry_id: i64,
    pub event_id: Option<i64>,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    #[sea_orm(column_type = "Blob")]
    pub data: Vec<u8>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
