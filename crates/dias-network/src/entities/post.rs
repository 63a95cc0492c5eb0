use sea_orm::entity::prelude::*;

/// A news or knowledge post (Beitrag).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The actor it is published for; `None` for DiAS (staff).
    pub actor_id: Option<i64>,
    pub author_id: Option<i64>,
    pub title: String,
    pub teaser: String,
    pub body_md: String,
    /// Comma-separated competence and industry slugs.
    pub topics: String,
    /// `pending`, `published` or `rejected`.
    pub status: String,
    pub reject_reason: Option<String>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<i64>,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
