use sea_orm::entity::prelude::*;

/// A document of a funding project, stored as a blob.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "broadband_project_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i64,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    #[sea_orm(column_type = "Blob")]
    pub data: Vec<u8>,
    pub uploaded_by: Option<i64>,
    pub uploaded_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
