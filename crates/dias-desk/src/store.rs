//! The inquiry itself: creating one, finding it by its private token, its
//! reference or id, and its history. Queue work (assign, status, notes,
//! replies), FAQ, statistics and retention keep their own store functions
//! in their modules; they all write history through [`add_event`].
//!
//! Times are unix seconds (UTC). The reference `DIAS-<year>-<id, six
//! digits>` is derived from the row id, so it is unique without a counter
//! and never changes. The status token is the HMAC of a random salt under
//! the instance's secret key ([`status_token`]): the server can put the
//! link into every mail, yet the database alone (salt and the token's
//! hash) opens nothing.

use dias_core::crypto::{random_token, sha256_hex, sign};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};

use crate::calendar;
use crate::entities::{desk_attachment, desk_event, desk_inquiry, desk_link, desk_topic};
use crate::vocab::{DEFAULT_TARGET_DAYS, SenderType, Status, Topic, event};

pub use crate::entities::desk_inquiry::Model as Inquiry;

/// A checked inquiry as the form produces it.
#[derive(Debug, Clone)]
pub struct NewInquiry {
    pub sender_type: SenderType,
    pub topic: Topic,
    pub ags8: Option<String>,
    pub subject: String,
    pub message: String,
    pub sender_name: String,
    pub sender_email: String,
    /// The account the sender was signed in with, if any.
    pub user_id: Option<i64>,
    pub locale: String,
    /// A portal path the inquiry was started from (`kontext`), already
    /// checked by [`crate::links::local_path`].
    pub context_path: Option<String>,
    pub attachment: Option<NewAttachment>,
}

/// A file whose type has been checked from its bytes.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub filename: String,
    pub mime: String,
    pub data: Vec<u8>,
}

/// An attachment without its bytes, for lists.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct AttachmentInfo {
    pub id: i64,
    pub inquiry_id: i64,
    pub event_id: Option<i64>,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    pub created_at: i64,
}

/// The team and target answer time (working days) configured for a topic.
pub async fn topic_setting<C: ConnectionTrait>(
    db: &C,
    topic: Topic,
) -> Result<(Option<i64>, u32), DbErr> {
    let row = desk_topic::Entity::find()
        .filter(desk_topic::Column::Topic.eq(topic.key()))
        .one(db)
        .await?;
    Ok(match row {
        Some(row) => (
            row.team_id,
            u32::try_from(row.target_days).unwrap_or(1).max(1),
        ),
        None => (None, DEFAULT_TARGET_DAYS as u32),
    })
}

pub fn reference(year: i16, id: i64) -> String {
    format!("DIAS-{year}-{id:06}")
}

/// The status token for a salt under `secret` (bulk loaders that insert
/// rows themselves store the salt and the token's SHA-256 like [`create`]).
pub fn token_from_salt(secret: &[u8], salt: &str) -> String {
    sign(secret, &format!("desk-status:{salt}"))
}

/// The token of an inquiry's private status link (`/anfragen/status/<token>`);
/// `None` once it is anonymized. `secret` is the instance's secret key.
pub fn status_token(secret: &[u8], inquiry: &Inquiry) -> Option<String> {
    inquiry
        .token_salt
        .as_deref()
        .map(|salt| token_from_salt(secret, salt))
}

/// Stores a new inquiry with its first history entry, its attachment and
/// its context link in one transaction. Returns the inquiry and its status
/// token ([`status_token`]).
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    secret: &[u8],
    new: NewInquiry,
    now: i64,
) -> Result<(Inquiry, String), DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let (team_id, target_days) = topic_setting(&txn, new.topic).await?;
    let salt = random_token();
    let token = token_from_salt(secret, &salt);
    let inserted = desk_inquiry::ActiveModel {
        // A placeholder that cannot collide; replaced below once the id is known.
        reference: Set(format!("tmp-{}", &salt[..16])),
        token_salt: Set(Some(salt)),
        token_hash: Set(Some(sha256_hex(&token))),
        sender_type: Set(new.sender_type.key().to_owned()),
        topic: Set(new.topic.key().to_owned()),
        ags8: Set(new.ags8.clone()),
        subject: Set(new.subject.clone()),
        message: Set(new.message.clone()),
        sender_name: Set(new.sender_name.clone()),
        sender_email: Set(new.sender_email.clone()),
        user_id: Set(new.user_id),
        locale: Set(new.locale.clone()),
        status: Set(Status::New.key().to_owned()),
        assignee_id: Set(None),
        team_id: Set(team_id),
        context_path: Set(new.context_path.clone()),
        due_at: Set(calendar::due_at(now, target_days)),
        created_at: Set(now),
        updated_at: Set(now),
        first_answer_at: Set(None),
        closed_at: Set(None),
        anonymized_at: Set(None),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let year = calendar::berlin_date(now).year();
    let mut active: desk_inquiry::ActiveModel = inserted.into();
    active.reference = Set(reference(year, *active.id.as_ref()));
    let inquiry = active.update(&txn).await?;
    let created = add_event(&txn, inquiry.id, event::CREATED, None, true, "", "", now).await?;
    if let Some(file) = new.attachment {
        desk_attachment::ActiveModel {
            inquiry_id: Set(inquiry.id),
            event_id: Set(Some(created)),
            filename: Set(file.filename),
            mime: Set(file.mime),
            size: Set(file.data.len() as i64),
            data: Set(file.data),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    if let Some(path) = &new.context_path {
        desk_link::ActiveModel {
            inquiry_id: Set(inquiry.id),
            path: Set(path.clone()),
            label: Set(String::new()),
            added_by: Set(None),
            at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok((inquiry, token))
}

/// Appends a history entry; returns its id.
#[allow(clippy::too_many_arguments)]
pub async fn add_event<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
    kind: &str,
    author_id: Option<i64>,
    public: bool,
    body: &str,
    data: &str,
    at: i64,
) -> Result<i64, DbErr> {
    let model = desk_event::ActiveModel {
        inquiry_id: Set(inquiry_id),
        kind: Set(kind.to_owned()),
        author_id: Set(author_id),
        public: Set(public),
        body: Set(body.to_owned()),
        data: Set(data.to_owned()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// The inquiry a status-link token opens; `None` for unknown tokens and
/// for anonymized inquiries (their hash is gone).
pub async fn by_token<C: ConnectionTrait>(db: &C, token: &str) -> Result<Option<Inquiry>, DbErr> {
    // Tokens are 43 URL-safe characters; anything else cannot match and
    // need not reach the database.
    if token.len() < 20
        || token.len() > 100
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Ok(None);
    }
    desk_inquiry::Entity::find()
        .filter(desk_inquiry::Column::TokenHash.eq(sha256_hex(token)))
        .one(db)
        .await
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Inquiry>, DbErr> {
    desk_inquiry::Entity::find_by_id(id).one(db).await
}

pub async fn by_reference<C: ConnectionTrait>(
    db: &C,
    reference: &str,
) -> Result<Option<Inquiry>, DbErr> {
    desk_inquiry::Entity::find()
        .filter(desk_inquiry::Column::Reference.eq(reference.trim().to_uppercase()))
        .one(db)
        .await
}

/// An inquiry's history, oldest first; with `public_only` just what the
/// sender may see (never internal notes or assignments).
pub async fn history<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
    public_only: bool,
) -> Result<Vec<desk_event::Model>, DbErr> {
    let mut query = desk_event::Entity::find().filter(desk_event::Column::InquiryId.eq(inquiry_id));
    if public_only {
        query = query.filter(desk_event::Column::Public.eq(true));
    }
    query
        .order_by_asc(desk_event::Column::At)
        .order_by_asc(desk_event::Column::Id)
        .all(db)
        .await
}

/// An inquiry's attachments without their bytes.
pub async fn attachments<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
) -> Result<Vec<AttachmentInfo>, DbErr> {
    desk_attachment::Entity::find()
        .select_only()
        .columns([
            desk_attachment::Column::Id,
            desk_attachment::Column::InquiryId,
            desk_attachment::Column::EventId,
            desk_attachment::Column::Filename,
            desk_attachment::Column::Mime,
            desk_attachment::Column::Size,
            desk_attachment::Column::CreatedAt,
        ])
        .filter(desk_attachment::Column::InquiryId.eq(inquiry_id))
        .order_by_asc(desk_attachment::Column::Id)
        .into_model::<AttachmentInfo>()
        .all(db)
        .await
}

/// One attachment with its bytes, only if it belongs to `inquiry_id`.
pub async fn attachment<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
    attachment_id: i64,
) -> Result<Option<desk_attachment::Model>, DbErr> {
    desk_attachment::Entity::find_by_id(attachment_id)
        .filter(desk_attachment::Column::InquiryId.eq(inquiry_id))
        .one(db)
        .await
}

/// The links of an inquiry to other modules' objects, oldest first.
pub async fn links<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
) -> Result<Vec<desk_link::Model>, DbErr> {
    desk_link::Entity::find()
        .filter(desk_link::Column::InquiryId.eq(inquiry_id))
        .order_by_asc(desk_link::Column::Id)
        .all(db)
        .await
}
