//! Outgoing mail. Mail is queued in the `mails` table inside the transaction
//! of the change that causes it; a delivery worker sends it by SMTP. With
//! `dev_mail` nothing leaves the machine: mail stays in the table, where admins
//! read it in the "Postausgang".

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use tokio::sync::watch;

use crate::entities::mail;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
/// Kept for the development mailbox, never sent.
pub const STORED: &str = "stored";
pub const FAILED: &str = "failed";

/// Queues a plain-text mail.
pub async fn queue<C: ConnectionTrait>(
    db: &C,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<i64, DbErr> {
    queue_with_reply_to(db, to, None, subject, body).await
}

/// Queues a plain-text mail whose answers go to `reply_to` (e.g. the person
/// who wrote through a contact form) rather than to the portal.
pub async fn queue_with_reply_to<C: ConnectionTrait>(
    db: &C,
    to: &str,
    reply_to: Option<&str>,
    subject: &str,
    body: &str,
) -> Result<i64, DbErr> {
    let model = mail::ActiveModel {
        reply_to: Set(reply_to.map(str::to_owned)),
        created_at: Set(crate::time::now()),
        to_addr: Set(to.to_owned()),
        subject: Set(subject.to_owned()),
        body_text: Set(body.to_owned()),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// How mail leaves.
#[derive(Clone)]
pub enum Transport {
    /// Keep it in the database (development, tests, demo).
    Store,
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Box<Mailbox>,
    },
}

impl Transport {
    /// Builds the transport from configuration.
    pub fn from_config(config: &crate::config::Config) -> Result<Transport, String> {
        match (&config.smtp_url, config.dev_mail) {
            (Some(url), false) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| format!("smtp_url: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                let from = config
                    .mail_from
                    .parse()
                    .map_err(|e| format!("mail_from: {e}"))?;
                Ok(Transport::Smtp {
                    transport: Box::new(transport),
                    from: Box::new(from),
                })
            }
            _ => Ok(Transport::Store),
        }
    }
}

/// Sends pending mail until `shutdown` turns true.
pub async fn run_delivery(
    db: DatabaseConnection,
    transport: Transport,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        if let Err(e) = deliver_pending(&db, &transport).await {
            tracing::warn!(error = %e, "mail delivery round failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = shutdown.changed() => {}
        }
    }
}

/// One delivery round; returns how many mails were handled.
pub async fn deliver_pending(
    db: &DatabaseConnection,
    transport: &Transport,
) -> Result<usize, DbErr> {
    let pending = mail::Entity::find()
        .filter(mail::Column::Status.eq(PENDING))
        .order_by_asc(mail::Column::Id)
        .limit(50)
        .all(db)
        .await?;
    let count = pending.len();
    for m in pending {
        // Claim the row first so that two instances never send the same mail.
        let claimed = mail::Entity::update_many()
            .col_expr(
                mail::Column::Attempts,
                Expr::col(mail::Column::Attempts).add(1),
            )
            .col_expr(mail::Column::Status, Expr::value("sending"))
            .filter(mail::Column::Id.eq(m.id))
            .filter(mail::Column::Status.eq(PENDING))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let (status, error) = match transport {
            Transport::Store => (STORED, None),
            Transport::Smtp { transport, from } => match send(transport, from, &m).await {
                Ok(()) => (SENT, None),
                Err(e) if m.attempts + 1 < 5 => (PENDING, Some(e)),
                Err(e) => (FAILED, Some(e)),
            },
        };
        mail::Entity::update_many()
            .col_expr(mail::Column::Status, Expr::value(status))
            .col_expr(mail::Column::Error, Expr::value(error))
            .col_expr(
                mail::Column::SentAt,
                Expr::value((status == SENT).then(crate::time::now)),
            )
            .filter(mail::Column::Id.eq(m.id))
            .exec(db)
            .await?;
    }
    Ok(count)
}

async fn send(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    m: &mail::Model,
) -> Result<(), String> {
    let to: Mailbox = m.to_addr.parse().map_err(|e| format!("recipient: {e}"))?;
    let mut builder = Message::builder().from(from.clone()).to(to);
    if let Some(reply_to) = &m.reply_to {
        let reply_to: Mailbox = reply_to.parse().map_err(|e| format!("reply-to: {e}"))?;
        builder = builder.reply_to(reply_to);
    }
    let message = builder
        .subject(m.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(m.body_text.clone())
        .map_err(|e| e.to_string())?;
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Newest mails first, optionally only those to one address.
pub async fn page(
    db: &DatabaseConnection,
    to: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<mail::Model>, u64), DbErr> {
    let mut query = mail::Entity::find().order_by_desc(mail::Column::Id);
    if let Some(to) = to {
        query = query.filter(mail::Column::ToAddr.eq(to.trim().to_lowercase()));
    }
    let paginator = query.paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page.saturating_sub(1)).await?, total))
}
