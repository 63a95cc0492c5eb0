use sea_orm::entity::prelude::*;

/// An event (Veranstaltung) of the KI-Netzwerk.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The organising actor; `None` when DiAS organises it.
    pub actor_id: Option<i64>,
    pub title: String,
    pub description_md: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub online: bool,
    pub online_url: String,
    pub venue: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub ags5: String,
    /// Comma-separated competence and industry slugs.
    pub topics: String,
    /// Seats; `None` takes everyone.
    pub capacity: Option<i32>,
    /// Confirmed registrations, kept in step with the registrations table.
    pub confirmed_count: i32,
    pub cancelled_at: Option<i64>,
    pub cancel_reason: Option<String>,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
