use sea_orm::entity::prelude::*;

/// One participant's answer set of a survey.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_responses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub user_id: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
