use sea_orm::entity::prelude::*;

/// One chosen option, matrix cell, scale value or free text of an answer set.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub response_id: i64,
    pub question_id: i64,
    pub row_no: i32,
    pub choice: Option<i32>,
    pub text: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
