//! Outgoing mail. Mail is queued in the `mails` table inside the transaction
//! of the change that causes it; a delivery worker sends it by SMTP. With
//! `dev_mail` nothing leaves the machine: mail stays in the table, where admins
//! read it in the "Postausgang".
//!
//! A mail sent by SMTP is kept without the secrets of the private links it
//! carried ([`redact_secret_links`]) and deleted after [`KEEP_SENT_SECS`]
//! ([`purge_old`]): the table and its backups open no status page and no
//! account.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use tokio::sync::watch;

use crate::entities::mail;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
/// Kept for the development mailbox, never sent.
pub const STORED: &str = "stored";
pub const FAILED: &str = "failed";

/// How long sent (and finally failed) mail stays in the table.
pub const KEEP_SENT_SECS: i64 = 90 * 24 * 3600;

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

/// Sends pending mail until `shutdown` turns true. `secret_paths` are the
/// path prefixes of private links (see [`redact_secret_links`]).
pub async fn run_delivery(
    db: DatabaseConnection,
    transport: Transport,
    secret_paths: Vec<&'static str>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        if let Err(e) = deliver_pending(&db, &transport, &secret_paths).await {
            tracing::warn!(error = %e, "mail delivery round failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = shutdown.changed() => {}
        }
    }
}

/// One delivery round; returns how many mails were handled. A mail sent by
/// SMTP is stored with its private links redacted (`secret_paths`, see
/// [`redact_secret_links`]); kept mail (`dev_mail`) stays whole, because the
/// developer mailbox and the browser tests follow its links.
pub async fn deliver_pending(
    db: &DatabaseConnection,
    transport: &Transport,
    secret_paths: &[&str],
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
        let mut update = mail::Entity::update_many()
            .col_expr(mail::Column::Status, Expr::value(status))
            .col_expr(mail::Column::Error, Expr::value(error))
            .col_expr(
                mail::Column::SentAt,
                Expr::value((status == SENT).then(crate::time::now)),
            );
        if status == SENT {
            let kept = redact_secret_links(&m.body_text, secret_paths);
            if kept != m.body_text {
                update = update.col_expr(mail::Column::BodyText, Expr::value(kept));
            }
        }
        update.filter(mail::Column::Id.eq(m.id)).exec(db).await?;
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

/// `body` with the segment after every occurrence of one of `prefixes`
/// (path prefixes of private links, e.g. `/anfragen/status/`) replaced by
/// `…` — in full links (`https://…/anfragen/status/<token>`) and bare paths
/// alike. The segment is the token: the URL-safe characters up to the next
/// `/`, `?`, `#`, space or punctuation; a sentence's final dot stays.
pub fn redact_secret_links(body: &str, prefixes: &[&str]) -> String {
    let prefixes: Vec<&str> = prefixes.iter().copied().filter(|p| !p.is_empty()).collect();
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    loop {
        // The earliest occurrence of any prefix; the longest one there.
        let next = prefixes
            .iter()
            .filter_map(|p| rest.find(p).map(|at| (at, p.len())))
            .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)));
        let Some((at, len)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let token_chars = |c: char| c.is_ascii_alphanumeric() || "-_~.%".contains(c);
        let mut end = rest.find(|c: char| !token_chars(c)).unwrap_or(rest.len());
        end = rest[..end].trim_end_matches('.').len();
        if end > 0 {
            out.push('…');
            rest = &rest[end..];
        }
    }
}

/// Deletes mail sent more than [`KEEP_SENT_SECS`] ago, and mail given up
/// as failed that was queued as long ago; returns how many. Pending mail
/// and the development mailbox are left alone.
pub async fn purge_old<C: ConnectionTrait>(db: &C, now: i64) -> Result<u64, DbErr> {
    let before = now - KEEP_SENT_SECS;
    let result = mail::Entity::delete_many()
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(mail::Column::Status.eq(SENT))
                        .add(mail::Column::SentAt.lt(before)),
                )
                .add(
                    Condition::all()
                        .add(mail::Column::Status.eq(FAILED))
                        .add(mail::Column::CreatedAt.lt(before)),
                ),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected)
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

#[cfg(test)]
mod tests {
    use super::redact_secret_links;

    const PREFIXES: [&str; 3] = [
        "/konto/bestaetigen/",
        "/konto/passwort-neu/",
        "/anfragen/status/",
    ];

    fn redact(body: &str) -> String {
        redact_secret_links(body, &PREFIXES)
    }

    #[test]
    fn tokens_in_full_links_are_replaced() {
        let body = "Ihr Vorgang: https://dias.example.org/anfragen/status/aB3_x-Yz9Q\n\nMit freundlichen Grüßen";
        assert_eq!(
            redact(body),
            "Ihr Vorgang: https://dias.example.org/anfragen/status/…\n\nMit freundlichen Grüßen"
        );
        assert_eq!(
            redact("Bestätigen: http://127.0.0.1:8080/konto/bestaetigen/TOKEN123\n"),
            "Bestätigen: http://127.0.0.1:8080/konto/bestaetigen/…\n"
        );
    }

    #[test]
    fn bare_paths_every_occurrence_and_what_follows_the_token_are_kept_apart() {
        assert_eq!(
            redact("/konto/passwort-neu/abc und /anfragen/status/def/anhang/3?x=1#a"),
            "/konto/passwort-neu/… und /anfragen/status/…/anhang/3?x=1#a"
        );
        assert_eq!(
            redact("<https://x.de/anfragen/status/t1>, (https://x.de/anfragen/status/t2)."),
            "<https://x.de/anfragen/status/…>, (https://x.de/anfragen/status/…)."
        );
        assert_eq!(
            redact("Link: https://x.de/anfragen/status/tok."),
            "Link: https://x.de/anfragen/status/…."
        );
    }

    #[test]
    fn text_without_a_token_stays_as_it_is() {
        for body in [
            "Keine Links hier. Grüße aus Dresden – ä ö ü ß",
            "https://x.de/anfragen/neu",
            "Ende: /anfragen/status/",
            "/anfragen/status/ mit Leerzeichen",
            "https://x.de/anfragen/status",
        ] {
            assert_eq!(redact(body), body);
        }
        assert_eq!(
            redact_secret_links("/anfragen/status/x", &[""]),
            "/anfragen/status/x"
        );
        assert_eq!(
            redact_secret_links("/anfragen/status/x", &[]),
            "/anfragen/status/x"
        );
    }
}
