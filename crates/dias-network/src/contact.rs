//! The contact form of a profile: a message reaches every representative of
//! an actor by mail, with Reply-To set to the sender, so that the sender
//! never learns the representatives' addresses and the portal keeps no
//! copy beyond the mail queue. What stays is an audit line saying that a
//! message went to the actor and to how many people — not its text.
//!
//! Visitors without an account are kept apart from bots without any third
//! party: a hidden field people leave empty (honeypot), a signed start time
//! that must lie at least [`MIN_FILL_SECS`] back (bots post at once), and a
//! rate limit per address in the handler.

use dias_core::accounts::MailEnv;
use dias_core::i18n::Value;
use dias_core::validation::{self, FieldErrors};
use dias_core::{CoreResult, audit};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use crate::entities::{actor, actor_representative};

/// Faster than this, nobody has read the form.
pub const MIN_FILL_SECS: i64 = 3;
/// A form older than this is stale (the token is not reused forever).
pub const MAX_FORM_AGE_SECS: i64 = 24 * 3600;
/// Messages per address and hour.
pub const PER_HOUR: u32 = 5;

/// The form as submitted (kept on errors).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct ContactInput {
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub reply_to: String,
    /// The honeypot: hidden from people, filled by bots.
    #[serde(default)]
    pub homepage: String,
    /// When the form was shown, signed: `<unix>.<mac>`.
    #[serde(default)]
    pub started: String,
}

/// A checked message.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidMessage {
    pub subject: String,
    pub message: String,
    pub reply_to: String,
}

/// Why a submission is taken for a bot's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spam {
    Honeypot,
    TooFast,
    BadToken,
}

/// The signed start time a form carries.
pub fn form_token(key: &[u8], now: i64) -> String {
    format!(
        "{now}.{}",
        dias_core::crypto::sign(key, &format!("contact-form:{now}"))
    )
}

/// Checks the honeypot and the fill time.
pub fn spam_check(input: &ContactInput, key: &[u8], now: i64) -> Result<(), Spam> {
    if !input.homepage.trim().is_empty() {
        return Err(Spam::Honeypot);
    }
    let Some((at, mac)) = input.started.split_once('.') else {
        return Err(Spam::BadToken);
    };
    let Ok(at) = at.parse::<i64>() else {
        return Err(Spam::BadToken);
    };
    let expected = dias_core::crypto::sign(key, &format!("contact-form:{at}"));
    if !dias_core::crypto::constant_time_eq(mac, &expected) || now - at > MAX_FORM_AGE_SECS {
        return Err(Spam::BadToken);
    }
    if now - at < MIN_FILL_SECS {
        return Err(Spam::TooFast);
    }
    Ok(())
}

pub fn validate(input: &ContactInput) -> Result<ValidMessage, FieldErrors> {
    let mut errors = FieldErrors::new();
    let subject = validation::required_text(&mut errors, "subject", &input.subject, 150);
    if subject.contains(['\r', '\n']) {
        errors.add("subject", "matching-error-one-line");
    }
    let message = validation::required_text(&mut errors, "message", &input.message, 5_000);
    let reply_to = validation::email(&mut errors, "reply_to", &input.reply_to);
    errors.into_result()?;
    Ok(ValidMessage {
        subject,
        message,
        reply_to,
    })
}

/// Mails the message to every representative of `actor` (each in their
/// language) with Reply-To = sender, and records that it happened.
/// Returns the number of recipients.
pub async fn send(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    actor: &actor::Model,
    sender_user: Option<i64>,
    sender_name: &str,
    m: &ValidMessage,
) -> CoreResult<usize> {
    let txn = db.begin().await?;
    let user_ids: Vec<i64> = actor_representative::Entity::find()
        .filter(actor_representative::Column::ActorId.eq(actor.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    let users = if user_ids.is_empty() {
        Vec::new()
    } else {
        dias_core::entities::user::Entity::find()
            .filter(dias_core::entities::user::Column::Id.is_in(user_ids))
            .filter(dias_core::entities::user::Column::DeletedAt.is_null())
            .all(&txn)
            .await?
    };
    let url = format!("{}/netzwerk/akteure/{}", env.public_url, actor.slug);
    let mut sent = 0;
    for u in &users {
        let Some(to) = u.email.as_deref() else {
            continue;
        };
        let args = [
            ("actor", Value::from(actor.name.clone())),
            ("subject", Value::from(m.subject.clone())),
            ("message", Value::from(m.message.clone())),
            ("sender", Value::from(sender_name.to_owned())),
            ("reply", Value::from(m.reply_to.clone())),
            ("url", Value::from(url.clone())),
        ];
        let subject = env
            .catalog
            .get_with(&u.locale, "matching-contact-mail-subject", &args);
        let body = env
            .catalog
            .get_with(&u.locale, "matching-contact-mail-body", &args);
        dias_core::mail::queue_with_reply_to(&txn, to, Some(&m.reply_to), &subject, &body).await?;
        sent += 1;
    }
    // Only that a message went out, never its text or the sender's address.
    audit::record(
        &txn,
        sender_user,
        "network.contact_sent",
        "actor",
        Some(&actor.id.to_string()),
        serde_json::json!({ "recipients": sent }),
    )
    .await?;
    txn.commit().await?;
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a-test-key-of-some-length";

    fn input(started: String) -> ContactInput {
        ContactInput {
            subject: "Projektidee".into(),
            message: "Guten Tag, wir hätten eine Idee.".into(),
            reply_to: "Anna@Example.org".into(),
            homepage: String::new(),
            started,
        }
    }

    #[test]
    fn people_pass_and_bots_are_recognised() {
        let shown = form_token(KEY, 1_000);
        assert_eq!(spam_check(&input(shown.clone()), KEY, 1_010), Ok(()));
        assert_eq!(
            spam_check(&input(shown.clone()), KEY, 1_001),
            Err(Spam::TooFast)
        );
        let mut bot = input(shown.clone());
        bot.homepage = "https://spam.example".into();
        assert_eq!(spam_check(&bot, KEY, 1_010), Err(Spam::Honeypot));
        let forged = "900.abc".to_owned();
        assert_eq!(spam_check(&input(forged), KEY, 1_010), Err(Spam::BadToken));
        assert_eq!(
            spam_check(&input(shown), KEY, 1_000 + MAX_FORM_AGE_SECS + 1),
            Err(Spam::BadToken)
        );
        assert_eq!(
            spam_check(&input(String::new()), KEY, 5),
            Err(Spam::BadToken)
        );
    }

    #[test]
    fn a_message_needs_subject_text_and_a_reply_address() {
        let valid = validate(&input(String::new())).unwrap();
        assert_eq!(valid.reply_to, "anna@example.org");
        let errors = validate(&ContactInput {
            subject: "a\nBcc: x@example.org".into(),
            reply_to: "nicht-gueltig".into(),
            ..ContactInput::default()
        })
        .unwrap_err();
        assert_eq!(errors.get("subject"), Some("matching-error-one-line"));
        assert_eq!(errors.get("message"), Some("error-required"));
        assert_eq!(errors.get("reply_to"), Some("error-email-invalid"));
    }
}
