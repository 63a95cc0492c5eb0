use sea_orm::entity::prelude::*;

/// A file or image in the media library; images need alt text, files a description.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_media")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    pub sha256: String,
    #[sea_orm(column_type = "Blob")]
    pub data: Vec<u8>,
    #[sea_orm(column_type = "Text")]
    pub alt_text: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub description: Option<String>,
    pub uploaded_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
