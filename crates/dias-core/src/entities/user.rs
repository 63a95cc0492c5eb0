use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub email: Option<String>,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub locale: String,
    pub notify_frequency: String,
    pub email_verified_at: Option<i64>,
    pub blocked_at: Option<i64>,
    pub blocked_reason: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<i64>,
    pub failed_logins: i32,
    pub locked_until: Option<i64>,
    pub last_login_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub deleted_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
