//! Retention (DSGVO Art. 5 Abs. 1 Buchst. e): an inquiry closed more than
//! `desk_retention_months` calendar months ago is anonymized by a daily
//! background job ([`RetentionJob`]).
//!
//! Anonymizing ([`anonymize`], shared with the account deletion in
//! `crate::personal`) removes everything about the sender and the case:
//! name, e-mail, account, subject (a neutral placeholder), message, every
//! history entry's text and data, attachments, links and the context path,
//! the status link's salt and hash, so the link opens nothing any more,
//! and the mails about the inquiry kept in the mail queue. What the
//! statistics need stays: topic, sender type, Gemeinde, dates, status,
//! team and assignee. FAQ entries stay: staff removed the personal data
//! when they published them.
//!
//! Inquiries nobody closes would never be anonymized: the same job first
//! closes those answered (`beantwortet`) or waiting for the sender
//! (`rueckfrage`) without any change for [`AUTO_CLOSE_DAYS`] days
//! ([`close_inactive`]); the period then runs from that closing. The
//! sender can still reply through the link, which reopens the inquiry.
//!
//! The period is the instance's `desk_retention_months`, which the job
//! keeps from its environment ([`JobEnv`]) when the workers start; a run's
//! payload (`{"months": n}`) may name another one.

use std::sync::{Arc, OnceLock};

use dias_core::entities::mail;
use dias_core::jobs::{JobContext, JobEnv, JobHandler};
use jiff::ToSpan;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::{desk_attachment, desk_event, desk_inquiry, desk_link};
use crate::store;
use crate::vocab::{Status, event};

/// Job kind of the retention run.
pub const RETENTION_JOB: &str = "desk.retention";
/// Daily: the period is counted in months, a day's delay is immaterial.
pub const RETENTION_EVERY_SECS: i64 = 24 * 3600;
/// The subject an anonymized inquiry keeps (data, not a UI text: the pages
/// show their own label for anonymized inquiries).
pub const ANONYMIZED_SUBJECT: &str = "[anonymisiert]";
/// Days without a change after which an answered inquiry, or one waiting
/// for the sender, is closed.
pub const AUTO_CLOSE_DAYS: i64 = 30;
/// Inquiries per transaction, and the most ids in one `IN` list.
const BATCH: u64 = 500;
/// The period when the job's environment does not name one: the
/// configuration's default.
pub const DEFAULT_MONTHS: u32 = 12;

/// The moment before which an inquiry must have been closed to be
/// anonymized at `now`: `months` calendar months back in Berlin time
/// (31 March − 1 month = 28/29 February, as the calendar has it).
pub fn cutoff(now: i64, months: u32) -> i64 {
    let zone = jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC);
    let Ok(at) = jiff::Timestamp::from_second(now) else {
        return now;
    };
    at.to_zoned_datetime(zone)
        .checked_sub(i64::from(months).months())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(now)
}

/// Anonymizes these inquiries (see the module documentation) and records
/// an internal history entry on each. Already anonymized ones are left as
/// they are. Returns how many were anonymized. Run it inside a
/// transaction; `ids` at most a few hundred.
pub async fn anonymize<C: ConnectionTrait>(db: &C, ids: &[i64], now: i64) -> Result<usize, DbErr> {
    if ids.is_empty() {
        return Ok(0);
    }
    let rows: Vec<(i64, String)> = desk_inquiry::Entity::find()
        .select_only()
        .column(desk_inquiry::Column::Id)
        .column(desk_inquiry::Column::Reference)
        .filter(desk_inquiry::Column::Id.is_in(ids.to_vec()))
        .filter(desk_inquiry::Column::AnonymizedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let references: Vec<&str> = rows.iter().map(|(_, r)| r.as_str()).collect();
    forget_mails(db, &references).await?;
    desk_inquiry::Entity::update_many()
        .col_expr(desk_inquiry::Column::SenderName, Expr::value(""))
        .col_expr(desk_inquiry::Column::SenderEmail, Expr::value(""))
        .col_expr(
            desk_inquiry::Column::UserId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(
            desk_inquiry::Column::Subject,
            Expr::value(ANONYMIZED_SUBJECT),
        )
        .col_expr(desk_inquiry::Column::Message, Expr::value(""))
        .col_expr(
            desk_inquiry::Column::ContextPath,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            desk_inquiry::Column::TokenSalt,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            desk_inquiry::Column::TokenHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(desk_inquiry::Column::AnonymizedAt, Expr::value(now))
        .col_expr(desk_inquiry::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            desk_inquiry::Column::Version,
            Expr::col(desk_inquiry::Column::Version).add(1),
        )
        .filter(desk_inquiry::Column::Id.is_in(ids.clone()))
        .exec(db)
        .await?;
    desk_event::Entity::update_many()
        .col_expr(desk_event::Column::Body, Expr::value(""))
        .col_expr(desk_event::Column::Data, Expr::value(""))
        .filter(desk_event::Column::InquiryId.is_in(ids.clone()))
        .exec(db)
        .await?;
    desk_attachment::Entity::delete_many()
        .filter(desk_attachment::Column::InquiryId.is_in(ids.clone()))
        .exec(db)
        .await?;
    desk_link::Entity::delete_many()
        .filter(desk_link::Column::InquiryId.is_in(ids.clone()))
        .exec(db)
        .await?;
    for id in &ids {
        store::add_event(db, *id, event::ANONYMIZED, None, false, "", "", now).await?;
    }
    Ok(ids.len())
}

/// Whether `subject` names `reference` (not a longer one that starts
/// like it: `DIAS-2026-100000` is not `DIAS-2026-1000001`).
pub fn names_reference(subject: &str, reference: &str) -> bool {
    subject.match_indices(reference).any(|(at, _)| {
        !subject[at + reference.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Deletes the mails about these inquiries from the mail queue: they hold
/// the sender's address and the texts of the conversation. Every mail of
/// the desk names its inquiry's reference in the subject.
async fn forget_mails<C: ConnectionTrait>(db: &C, references: &[&str]) -> Result<(), DbErr> {
    let candidates: Vec<(i64, String)> = mail::Entity::find()
        .select_only()
        .column(mail::Column::Id)
        .column(mail::Column::Subject)
        .filter(mail::Column::Subject.contains("DIAS-"))
        .into_tuple()
        .all(db)
        .await?;
    let doomed: Vec<i64> = candidates
        .into_iter()
        .filter(|(_, subject)| references.iter().any(|r| names_reference(subject, r)))
        .map(|(id, _)| id)
        .collect();
    for chunk in doomed.chunks(BATCH as usize) {
        mail::Entity::delete_many()
            .filter(mail::Column::Id.is_in(chunk.to_vec()))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Closes every inquiry answered or waiting for the sender whose last
/// change (`updated_at`) is [`AUTO_CLOSE_DAYS`] days or more before `now`:
/// status `geschlossen`, `closed_at` now, a public status entry in the
/// history (the sender sees the neutral „Stand geändert: Geschlossen“) and
/// the version bumped, so a staff member's open form notices. Each
/// inquiry is only written if it is still as read (same version), so a
/// change in between wins. Returns how many were closed.
pub async fn close_inactive(db: &DatabaseConnection, now: i64) -> Result<usize, DbErr> {
    let before = now - AUTO_CLOSE_DAYS * 86_400;
    let waiting = [Status::Answered.key(), Status::AwaitingSender.key()];
    let mut done = 0usize;
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, String, i32)> = desk_inquiry::Entity::find()
            .select_only()
            .column(desk_inquiry::Column::Id)
            .column(desk_inquiry::Column::Status)
            .column(desk_inquiry::Column::Version)
            .filter(desk_inquiry::Column::Status.is_in(waiting))
            .filter(desk_inquiry::Column::UpdatedAt.lte(before))
            .filter(desk_inquiry::Column::AnonymizedAt.is_null())
            .filter(desk_inquiry::Column::Id.gt(after))
            .order_by_asc(desk_inquiry::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        let Some((last, _, _)) = rows.last() else {
            break;
        };
        after = *last;
        let txn = dias_core::db::begin_write(db).await?;
        for (id, status, version) in &rows {
            let Some(from) = Status::parse(status) else {
                continue;
            };
            let changed = desk_inquiry::Entity::update_many()
                .col_expr(
                    desk_inquiry::Column::Status,
                    Expr::value(Status::Closed.key()),
                )
                .col_expr(desk_inquiry::Column::ClosedAt, Expr::value(now))
                .col_expr(desk_inquiry::Column::UpdatedAt, Expr::value(now))
                .col_expr(desk_inquiry::Column::Version, Expr::value(version + 1))
                .filter(desk_inquiry::Column::Id.eq(*id))
                .filter(desk_inquiry::Column::Version.eq(*version))
                .exec(&txn)
                .await?
                .rows_affected;
            if changed == 1 {
                let data = serde_json::json!({
                    "from": from.key(),
                    "to": Status::Closed.key(),
                    "auto": true,
                })
                .to_string();
                store::add_event(&txn, *id, event::STATUS, None, true, "", &data, now).await?;
                done += 1;
            }
        }
        txn.commit().await?;
    }
    tracing::info!(closed = done, "desk auto-close run");
    Ok(done)
}

/// Anonymizes every inquiry closed before [`cutoff`]`(now, months)` and not
/// anonymized yet, [`BATCH`] per transaction; progress goes to `job`.
/// Returns how many were anonymized.
pub async fn anonymize_expired(
    db: &DatabaseConnection,
    months: u32,
    now: i64,
    job: Option<&JobContext>,
) -> Result<usize, DbErr> {
    let before = cutoff(now, months);
    let due = || {
        desk_inquiry::Entity::find()
            .filter(desk_inquiry::Column::Status.eq(Status::Closed.key()))
            .filter(desk_inquiry::Column::ClosedAt.lt(before))
            .filter(desk_inquiry::Column::AnonymizedAt.is_null())
    };
    let total = i64::try_from(due().count(db).await?).unwrap_or(i64::MAX);
    if let Some(job) = job {
        job.progress(0, total, "").await?;
    }
    let mut done = 0usize;
    loop {
        let ids: Vec<i64> = due()
            .select_only()
            .column(desk_inquiry::Column::Id)
            .order_by_asc(desk_inquiry::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        if ids.is_empty() {
            break;
        }
        let txn = dias_core::db::begin_write(db).await?;
        let count = anonymize(&txn, &ids, now).await?;
        txn.commit().await?;
        if count == 0 {
            // Another run took them meanwhile; nothing left for this one.
            break;
        }
        done += count;
        if let Some(job) = job {
            let done = i64::try_from(done).unwrap_or(i64::MAX);
            job.progress(done, Ord::max(total, done), &format!("{done}"))
                .await?;
        }
    }
    tracing::info!(anonymized = done, months, "desk retention run");
    Ok(done)
}

/// The daily job: [`close_inactive`], then [`anonymize_expired`] with the
/// configured period.
#[derive(Default)]
pub struct RetentionJob {
    /// The configured period, from the job environment.
    months: OnceLock<u32>,
}

impl RetentionJob {
    pub fn handler() -> Arc<dyn JobHandler> {
        Arc::new(RetentionJob::default())
    }

    /// The period of a run: the job's payload (`{"months": n}`), else the
    /// configured period, else the default.
    fn months(&self, payload: &serde_json::Value) -> u32 {
        payload
            .get("months")
            .and_then(serde_json::Value::as_u64)
            .and_then(|m| u32::try_from(m).ok())
            .filter(|m| (1..=120).contains(m))
            .or_else(|| self.months.get().copied())
            .unwrap_or(DEFAULT_MONTHS)
    }
}

impl JobHandler for RetentionJob {
    fn bind(&self, env: &JobEnv) {
        let _ = self.months.set(env.config.desk_retention_months);
    }

    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            let months = self.months(&ctx.payload());
            let now = dias_core::time::now();
            close_inactive(&ctx.db, now)
                .await
                .map_err(|e| e.to_string())?;
            anonymize_expired(&ctx.db, months, now, Some(&ctx))
                .await
                .map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn berlin(y: i16, m: i8, d: i8, h: i8) -> i64 {
        date(y, m, d)
            .at(h, 0, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Berlin").unwrap())
            .unwrap()
            .timestamp()
            .as_second()
    }

    #[test]
    fn the_cutoff_counts_calendar_months_in_berlin() {
        assert_eq!(cutoff(berlin(2026, 11, 28, 6), 12), berlin(2025, 11, 28, 6));
        // Across the change to summer time the wall clock stays.
        assert_eq!(cutoff(berlin(2026, 4, 15, 3), 1), berlin(2026, 3, 15, 3));
        // The last of a long month goes to the last of the short one.
        assert_eq!(cutoff(berlin(2026, 3, 31, 12), 1), berlin(2026, 2, 28, 12));
        assert_eq!(cutoff(berlin(2024, 3, 31, 12), 1), berlin(2024, 2, 29, 12));
    }

    #[test]
    fn a_reference_is_not_a_longer_one() {
        assert!(names_reference(
            "Ihre Anfrage DIAS-2026-000123: Frage",
            "DIAS-2026-000123"
        ));
        assert!(names_reference(
            "Ihr Link zur Anfrage DIAS-2026-000123",
            "DIAS-2026-000123"
        ));
        assert!(!names_reference(
            "Anfrage DIAS-2026-1000001",
            "DIAS-2026-100000"
        ));
        assert!(!names_reference(
            "Anfrage DIAS-2026-000124",
            "DIAS-2026-000123"
        ));
    }

    #[test]
    fn a_payload_overrides_the_period() {
        let job = RetentionJob::default();
        assert_eq!(job.months(&serde_json::Value::Null), DEFAULT_MONTHS);
        assert_eq!(job.months(&serde_json::json!({"months": 6})), 6);
        assert_eq!(
            job.months(&serde_json::json!({"months": 0})),
            DEFAULT_MONTHS
        );
    }
}
