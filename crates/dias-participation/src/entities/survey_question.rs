use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub position: i32,
    /// `single` | `multiple` | `text` | `scale` | `matrix`
    pub kind: String,
    pub text: String,
    pub required: bool,
    /// JSON array of strings: the choices, or a matrix's columns.
    pub options_json: String,
    /// JSON array of strings: a matrix's rows.
    pub rows_json: String,
    pub scale_min: Option<i32>,
    pub scale_max: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
