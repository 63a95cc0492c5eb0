//! Server-side sessions in our own database, so that every instance sees the
//! same sessions. The cookie carries a random token; the table stores only its
//! SHA-256. Sessions end after an idle and an absolute timeout, are replaced
//! on login and privilege change, and can all be ended at once.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::crypto::{random_token, sha256_hex};
use crate::entities::session;

/// A session as the web layer needs it.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// The stored id (hash of the cookie token).
    pub id: String,
    pub user_id: i64,
    pub csrf_token: String,
    /// Password accepted, second factor still to come.
    pub mfa_pending: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

/// Starts a session; returns the cookie token and the record.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    mfa_pending: bool,
    timeouts: Timeouts,
) -> Result<(String, SessionRecord), DbErr> {
    let token = random_token();
    let now = crate::time::now();
    let model = session::ActiveModel {
        id: Set(sha256_hex(&token)),
        user_id: Set(user_id),
        csrf_token: Set(random_token()),
        mfa_pending: Set(mfa_pending),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + timeouts.absolute_secs),
    }
    .insert(db)
    .await?;
    Ok((token, to_record(model)))
}

fn to_record(m: session::Model) -> SessionRecord {
    SessionRecord {
        id: m.id,
        user_id: m.user_id,
        csrf_token: m.csrf_token,
        mfa_pending: m.mfa_pending,
        created_at: m.created_at,
        last_seen_at: m.last_seen_at,
    }
}

/// Looks up the session of a cookie token; expired sessions are removed.
/// `last_seen_at` is written at most once a minute to spare the database.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    token: &str,
    timeouts: Timeouts,
) -> Result<Option<SessionRecord>, DbErr> {
    let id = sha256_hex(token);
    let Some(model) = session::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    let now = crate::time::now();
    if model.expires_at <= now || model.last_seen_at + timeouts.idle_secs <= now {
        session::Entity::delete_by_id(id).exec(db).await?;
        return Ok(None);
    }
    if now - model.last_seen_at >= 60 {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(Some(to_record(model)))
}

/// Marks the second factor as done.
pub async fn complete_mfa<C: ConnectionTrait>(db: &C, id: &str) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(session::Column::MfaPending, Expr::value(false))
        .filter(session::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(id.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user ("überall abmelden", role change, blocking).
pub async fn delete_all_for_user<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<u64, DbErr> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// Removes expired sessions (run periodically).
pub async fn purge_expired<C: ConnectionTrait>(db: &C, timeouts: Timeouts) -> Result<u64, DbErr> {
    let now = crate::time::now();
    Ok(session::Entity::delete_many()
        .filter(
            session::Column::ExpiresAt
                .lte(now)
                .or(session::Column::LastSeenAt.lte(now - timeouts.idle_secs)),
        )
        .exec(db)
        .await?
        .rows_affected)
}

/// Sessions of a user (for the data export and the security page).
pub async fn for_user<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<SessionRecord>, DbErr> {
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(to_record)
        .collect())
}
