use sea_orm::entity::prelude::*;

/// One saved edit of a profile: which fields, old and new values as JSON.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "actor_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub actor_id: i64,
    pub user_id: Option<i64>,
    pub at: i64,
    /// Comma-separated field names.
    pub fields: String,
    pub old_values: String,
    pub new_values: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
