use sea_orm::entity::prelude::*;

/// One inquiry (Vorgang). The status link's token is the HMAC of
/// `token_salt` under the secret key; `token_hash` is its SHA-256.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "desk_inquiries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub reference: String,
    pub token_salt: Option<String>,
    pub token_hash: Option<String>,
    pub sender_type: String,
    pub topic: String,
    pub ags8: Option<String>,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    pub sender_name: String,
    pub sender_email: String,
    pub user_id: Option<i64>,
    pub locale: String,
    pub status: String,
    pub assignee_id: Option<i64>,
    pub team_id: Option<i64>,
    pub context_path: Option<String>,
    pub due_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub first_answer_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub anonymized_at: Option<i64>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
