use sea_orm::entity::prelude::*;

/// A newsletter subscription (pending until confirmed; deleted on unsubscribe).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_newsletter_subscribers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub email: String,
    pub locale: String,
    pub topics: String,
    pub status: String,
    pub token_salt: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub last_mail_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
