use sea_orm::entity::prelude::*;

/// The PDF of a publication (one; replacing keeps the download URL).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_publication_files")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub publication_id: i64,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    pub sha256: String,
    #[sea_orm(column_type = "Blob")]
    pub data: Vec<u8>,
    pub uploaded_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
