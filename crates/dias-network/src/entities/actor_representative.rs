use sea_orm::entity::prelude::*;

/// An account that manages an actor (Ansprechperson).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "actor_representatives")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub actor_id: i64,
    pub user_id: i64,
    /// Wants partner requests (Kooperationsgesuche) that match the actor.
    pub partner_requests_opt_in: bool,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
