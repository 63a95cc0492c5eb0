//! Accounts: registration with e-mail verification, sign-in with growing
//! delays after failures, password reset, profile and notification settings,
//! the second factor, data export and deletion, and the admin operations on
//! users. Functions here know nothing of HTTP.

pub mod password;
pub mod personal_data;
pub mod totp;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use crate::crypto::{random_token, sha256_hex};
use crate::entities::{account_token, audit_entry, user};
use crate::i18n::{Catalog, Value};
use crate::policy::{Principal, Role};
use crate::validation::{self, FieldErrors};
use crate::{CoreError, CoreResult, audit, mail, outbox, sessions};

const VERIFY_PURPOSE: &str = "verify-email";
const RESET_PURPOSE: &str = "reset-password";
const VERIFY_TTL_SECS: i64 = 48 * 3600;
const RESET_TTL_SECS: i64 = 3600;
/// Failures allowed before sign-in is delayed.
const FREE_FAILURES: i32 = 5;
/// The display name of a deleted account (its pseudonym).
pub const DELETED_NAME: &str = "Gelöschtes Konto";

/// How often a person wants notification mail.
pub const NOTIFY_FREQUENCIES: [&str; 4] = ["immediately", "daily", "weekly", "off"];

/// What mail texts need: translations and the public address of the portal.
#[derive(Clone, Copy)]
pub struct MailEnv<'a> {
    pub catalog: &'a Catalog,
    pub public_url: &'a str,
}

pub fn principal(u: &user::Model) -> Option<Principal> {
    Some(Principal {
        user_id: u.id,
        role: Role::parse(&u.role).unwrap_or(Role::Participant),
        display_name: u.display_name.clone(),
        email: u.email.clone()?,
        locale: u.locale.clone(),
        totp_enabled: u.totp_enabled_at.is_some(),
    })
}

/// Loads an active (not deleted, not blocked) account.
pub async fn active_user<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<user::Model>, DbErr> {
    Ok(user::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|u| u.deleted_at.is_none() && u.blocked_at.is_none()))
}

pub async fn find_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .one(db)
        .await
}

#[derive(Debug, Clone, Default)]
pub struct Registration {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub password_confirm: String,
    pub accept_privacy: bool,
    pub locale: String,
}

/// Registers an account and mails a verification link. A second registration
/// with a known address sends the owner a notice instead of revealing that
/// the address exists.
pub async fn register(
    db: &DatabaseConnection,
    env: MailEnv<'_>,
    form: &Registration,
) -> CoreResult<()> {
    let mut errors = FieldErrors::new();
    let email = validation::email(&mut errors, "email", &form.email);
    let display_name =
        validation::required_text(&mut errors, "display_name", &form.display_name, 80);
    password::check_strength(
        &mut errors,
        "password",
        &form.password,
        &email,
        &display_name,
    );
    if form.password != form.password_confirm {
        errors.add("password_confirm", "error-password-mismatch");
    }
    if !form.accept_privacy {
        errors.add("accept_privacy", "error-accept-privacy");
    }
    errors.into_result()?;
    let locale = crate::i18n::normalize(&form.locale);

    if let Some(existing) = find_by_email(db, &email).await? {
        let subject = env
            .catalog
            .get(&existing.locale, "mail-already-registered-subject");
        let body = env.catalog.get_with(
            &existing.locale,
            "mail-already-registered-body",
            &[(
                "url",
                Value::from(format!("{}/konto/passwort-vergessen", env.public_url)),
            )],
        );
        mail::queue(db, &email, &subject, &body).await?;
        return Ok(());
    }

    let hash = password::hash(&form.password).map_err(CoreError::Other)?;
    let now = crate::time::now();
    let txn = crate::db::begin_write(db).await?;
    let created = user::ActiveModel {
        email: Set(Some(email.clone())),
        display_name: Set(display_name),
        password_hash: Set(Some(hash)),
        role: Set(Role::Participant.as_str().to_owned()),
        locale: Set(locale.to_owned()),
        notify_frequency: Set("daily".to_owned()),
        failed_logins: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    send_verification(&txn, env, &created).await?;
    txn.commit().await?;
    Ok(())
}

async fn issue_token<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    purpose: &str,
    ttl: i64,
) -> Result<String, DbErr> {
    let token = random_token();
    let now = crate::time::now();
    account_token::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.to_owned()),
        token_hash: Set(sha256_hex(&token)),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

async fn send_verification<C: ConnectionTrait>(
    db: &C,
    env: MailEnv<'_>,
    u: &user::Model,
) -> Result<(), DbErr> {
    let Some(email) = &u.email else { return Ok(()) };
    let token = issue_token(db, u.id, VERIFY_PURPOSE, VERIFY_TTL_SECS).await?;
    let url = format!("{}/konto/bestaetigen/{token}", env.public_url);
    let subject = env.catalog.get(&u.locale, "mail-verify-subject");
    let body = env.catalog.get_with(
        &u.locale,
        "mail-verify-body",
        &[
            ("name", Value::from(u.display_name.clone())),
            ("url", Value::from(url)),
        ],
    );
    mail::queue(db, email, &subject, &body).await?;
    Ok(())
}

/// Finds an unused, unexpired token of `purpose`.
async fn valid_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: &str,
) -> Result<Option<account_token::Model>, DbErr> {
    Ok(account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(sha256_hex(token)))
        .filter(account_token::Column::Purpose.eq(purpose))
        .one(db)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > crate::time::now()))
}

/// Whether a verification link is still good (to show the confirm button).
pub async fn verification_token_valid(db: &DatabaseConnection, token: &str) -> CoreResult<bool> {
    Ok(valid_token(db, token, VERIFY_PURPOSE).await?.is_some())
}

/// Confirms the e-mail address of a verification link.
pub async fn verify_email(db: &DatabaseConnection, token: &str) -> CoreResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let Some(t) = valid_token(&txn, token, VERIFY_PURPOSE).await? else {
        return Err(CoreError::NotFound);
    };
    let now = crate::time::now();
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::Id.eq(t.id))
        .exec(&txn)
        .await?;
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(now))
        .filter(user::Column::Id.eq(t.user_id))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Why a sign-in failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginError {
    /// Wrong address or password; deliberately not saying which.
    InvalidCredentials,
    NotVerified,
    Blocked,
    /// Too many failures: try again after this many seconds.
    Delayed(i64),
}

/// Checks e-mail and password. After five failures each further failure
/// doubles a waiting time (30 s up to 15 min), stored in the database so that
/// it holds across instances.
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &str,
    password_input: &str,
) -> CoreResult<Result<user::Model, LoginError>> {
    let email = email.trim().to_lowercase();
    let Some(u) = find_by_email(db, &email)
        .await?
        .filter(|u| u.deleted_at.is_none())
    else {
        password::verify_dummy(password_input);
        return Ok(Err(LoginError::InvalidCredentials));
    };
    let now = crate::time::now();
    if let Some(until) = u.locked_until.filter(|until| *until > now) {
        return Ok(Err(LoginError::Delayed(until - now)));
    }
    let ok = u
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(password_input, h));
    if !ok {
        let failures = u.failed_logins + 1;
        let locked_until = (failures >= FREE_FAILURES).then(|| {
            let exponent = Ord::min(failures - FREE_FAILURES, 5) as u32;
            now + Ord::min(30i64 << exponent, 900)
        });
        user::Entity::update_many()
            .col_expr(user::Column::FailedLogins, Expr::value(failures))
            .col_expr(user::Column::LockedUntil, Expr::value(locked_until))
            .filter(user::Column::Id.eq(u.id))
            .exec(db)
            .await?;
        return Ok(Err(LoginError::InvalidCredentials));
    }
    if u.blocked_at.is_some() {
        return Ok(Err(LoginError::Blocked));
    }
    if u.email_verified_at.is_none() {
        return Ok(Err(LoginError::NotVerified));
    }
    user::Entity::update_many()
        .col_expr(user::Column::FailedLogins, Expr::value(0))
        .col_expr(user::Column::LockedUntil, Expr::value(Option::<i64>::None))
        .col_expr(user::Column::LastLoginAt, Expr::value(now))
        .filter(user::Column::Id.eq(u.id))
        .exec(db)
        .await?;
    Ok(Ok(u))
}

/// Mails a reset link if the address belongs to an account; says nothing
/// either way to the requester.
pub async fn request_password_reset(
    db: &DatabaseConnection,
    env: MailEnv<'_>,
    email_input: &str,
) -> CoreResult<()> {
    let mut errors = FieldErrors::new();
    let email = validation::email(&mut errors, "email", email_input);
    errors.into_result()?;
    let Some(u) = find_by_email(db, &email)
        .await?
        .filter(|u| u.deleted_at.is_none())
    else {
        return Ok(());
    };
    let token = issue_token(db, u.id, RESET_PURPOSE, RESET_TTL_SECS).await?;
    let url = format!("{}/konto/passwort-neu/{token}", env.public_url);
    let subject = env.catalog.get(&u.locale, "mail-reset-subject");
    let body = env.catalog.get_with(
        &u.locale,
        "mail-reset-body",
        &[
            ("name", Value::from(u.display_name.clone())),
            ("url", Value::from(url)),
        ],
    );
    mail::queue(db, &email, &subject, &body).await?;
    Ok(())
}

pub async fn reset_token_valid(db: &DatabaseConnection, token: &str) -> CoreResult<bool> {
    Ok(valid_token(db, token, RESET_PURPOSE).await?.is_some())
}

/// Sets a new password from a reset link; ends all sessions of the account.
/// A reset also proves control of the address, so it verifies it.
pub async fn reset_password(
    db: &DatabaseConnection,
    token: &str,
    new_password: &str,
    confirm: &str,
) -> CoreResult<()> {
    let Some(t) = valid_token(db, token, RESET_PURPOSE).await? else {
        return Err(CoreError::NotFound);
    };
    let u = user::Entity::find_by_id(t.user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    let mut errors = FieldErrors::new();
    password::check_strength(
        &mut errors,
        "password",
        new_password,
        u.email.as_deref().unwrap_or(""),
        &u.display_name,
    );
    if new_password != confirm {
        errors.add("password_confirm", "error-password-mismatch");
    }
    errors.into_result()?;
    let hash = password::hash(new_password).map_err(CoreError::Other)?;
    let now = crate::time::now();
    let txn = crate::db::begin_write(db).await?;
    account_token::Entity::update_many()
        .col_expr(account_token::Column::UsedAt, Expr::value(now))
        .filter(account_token::Column::UserId.eq(u.id))
        .filter(account_token::Column::Purpose.eq(RESET_PURPOSE))
        .exec(&txn)
        .await?;
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::FailedLogins, Expr::value(0))
        .col_expr(user::Column::LockedUntil, Expr::value(Option::<i64>::None))
        .col_expr(
            user::Column::EmailVerifiedAt,
            Expr::value(u.email_verified_at.unwrap_or(now)),
        )
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(u.id))
        .exec(&txn)
        .await?;
    sessions::delete_all_for_user(&txn, u.id).await?;
    txn.commit().await?;
    Ok(())
}

/// Changes display name and language.
pub async fn update_profile(
    db: &DatabaseConnection,
    user_id: i64,
    display_name: &str,
    locale: &str,
) -> CoreResult<()> {
    let mut errors = FieldErrors::new();
    let display_name = validation::required_text(&mut errors, "display_name", display_name, 80);
    if !crate::i18n::LOCALES.contains(&locale) {
        errors.add("locale", "error-invalid-choice");
    }
    errors.into_result()?;
    user::Entity::update_many()
        .col_expr(user::Column::DisplayName, Expr::value(display_name))
        .col_expr(user::Column::Locale, Expr::value(locale))
        .col_expr(user::Column::UpdatedAt, Expr::value(crate::time::now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_locale(db: &DatabaseConnection, user_id: i64, locale: &str) -> CoreResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::Locale,
            Expr::value(crate::i18n::normalize(locale)),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn update_notifications(
    db: &DatabaseConnection,
    user_id: i64,
    frequency: &str,
) -> CoreResult<()> {
    if !NOTIFY_FREQUENCIES.contains(&frequency) {
        return Err(FieldErrors::single("frequency", "error-invalid-choice").into());
    }
    user::Entity::update_many()
        .col_expr(user::Column::NotifyFrequency, Expr::value(frequency))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Changes the password after checking the current one; ends other sessions.
pub async fn change_password(
    db: &DatabaseConnection,
    user_id: i64,
    current: &str,
    new_password: &str,
    confirm: &str,
    keep_session: &str,
) -> CoreResult<()> {
    let u = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    let mut errors = FieldErrors::new();
    if !u
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(current, h))
    {
        errors.add("current_password", "error-password-wrong");
    }
    password::check_strength(
        &mut errors,
        "password",
        new_password,
        u.email.as_deref().unwrap_or(""),
        &u.display_name,
    );
    if new_password != confirm {
        errors.add("password_confirm", "error-password-mismatch");
    }
    errors.into_result()?;
    let hash = password::hash(new_password).map_err(CoreError::Other)?;
    let txn = crate::db::begin_write(db).await?;
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(crate::time::now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    crate::entities::session::Entity::delete_many()
        .filter(crate::entities::session::Column::UserId.eq(user_id))
        .filter(crate::entities::session::Column::Id.ne(keep_session))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Stores a proposed TOTP secret after the user proved it with a code.
pub async fn enable_totp(
    db: &DatabaseConnection,
    user_id: i64,
    secret: &str,
    code: &str,
) -> CoreResult<()> {
    if !totp::check(secret, code) {
        return Err(FieldErrors::single("code", "error-totp-wrong").into());
    }
    let now = crate::time::now();
    user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(secret))
        .col_expr(user::Column::TotpEnabledAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    audit::record(
        db,
        Some(user_id),
        "account.totp_enabled",
        "user",
        Some(&user_id.to_string()),
        serde_json::Value::Null,
    )
    .await?;
    Ok(())
}

/// Checks a second-factor code of an account.
pub async fn check_totp(db: &DatabaseConnection, user_id: i64, code: &str) -> CoreResult<bool> {
    let u = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    Ok(u.totp_secret
        .as_deref()
        .is_some_and(|s| totp::check(s, code)))
}

/// Everything stored about a person, for the DSGVO export (Art. 15, 20).
#[derive(Debug, Serialize)]
pub struct AccountExport {
    pub format: &'static str,
    pub exported_at: String,
    pub account: ExportedAccount,
    pub sessions: Vec<ExportedSession>,
    pub audit_entries_about_you: Vec<ExportedAudit>,
    pub follows: Vec<ExportedFollow>,
    pub notifications: Vec<ExportedNotification>,
    /// The modules' sections ([`personal_data::PersonalData`]), by name.
    pub modules: std::collections::BTreeMap<&'static str, serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct ExportedFollow {
    pub kind: String,
    pub id: i64,
    pub since: String,
}

#[derive(Debug, Serialize)]
pub struct ExportedNotification {
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub link: String,
    pub created_at: String,
    pub read_at: Option<String>,
    pub mailed_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportedAccount {
    pub id: i64,
    pub email: Option<String>,
    pub display_name: String,
    pub role: String,
    pub locale: String,
    pub notify_frequency: String,
    pub email_verified_at: Option<String>,
    pub second_factor_enabled: bool,
    pub created_at: String,
    pub last_login_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportedSession {
    pub started_at: String,
    pub last_seen_at: String,
}

#[derive(Debug, Serialize)]
pub struct ExportedAudit {
    pub at: String,
    pub action: String,
    pub details: serde_json::Value,
}

pub async fn export(
    db: &DatabaseConnection,
    user_id: i64,
    modules: &[std::sync::Arc<dyn personal_data::PersonalData>],
) -> CoreResult<AccountExport> {
    let u = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    let sessions = sessions::for_user(db, user_id).await?;
    let audit_rows = audit_entry::Entity::find()
        .filter(
            Condition::any()
                .add(audit_entry::Column::ActorId.eq(user_id))
                .add(
                    Condition::all()
                        .add(audit_entry::Column::TargetKind.eq("user"))
                        .add(audit_entry::Column::TargetId.eq(user_id.to_string())),
                ),
        )
        .order_by_asc(audit_entry::Column::Id)
        .all(db)
        .await?;
    let (follows, notifications) = crate::notifications::of_user(db, user_id).await?;
    let mut sections = std::collections::BTreeMap::new();
    for module in modules {
        sections.insert(module.section(), module.export(db, user_id).await?);
    }
    let ts = crate::time::format_rfc3339;
    Ok(AccountExport {
        format: "dias-account-export/1",
        exported_at: ts(crate::time::now()),
        account: ExportedAccount {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            role: u.role,
            locale: u.locale,
            notify_frequency: u.notify_frequency,
            email_verified_at: u.email_verified_at.map(ts),
            second_factor_enabled: u.totp_enabled_at.is_some(),
            created_at: ts(u.created_at),
            last_login_at: u.last_login_at.map(ts),
        },
        sessions: sessions
            .into_iter()
            .map(|s| ExportedSession {
                started_at: ts(s.created_at),
                last_seen_at: ts(s.last_seen_at),
            })
            .collect(),
        audit_entries_about_you: audit_rows
            .into_iter()
            .map(|a| ExportedAudit {
                at: ts(a.at),
                action: a.action,
                details: serde_json::from_str(&a.details).unwrap_or(serde_json::Value::Null),
            })
            .collect(),
        follows: follows
            .into_iter()
            .map(|f| ExportedFollow {
                kind: f.target_kind,
                id: f.target_id,
                since: ts(f.created_at),
            })
            .collect(),
        notifications: notifications
            .into_iter()
            .map(|n| ExportedNotification {
                kind: n.kind,
                title: n.title,
                summary: n.summary,
                link: n.link,
                created_at: ts(n.created_at),
                read_at: n.read_at.map(ts),
                mailed_at: n.mailed_at.map(ts),
            })
            .collect(),
        modules: sections,
    })
}

/// Deletes an account after checking its password. The row stays as a
/// pseudonym so that contributions keep their author id; every personal
/// field is cleared, sessions and tokens are removed, each module removes
/// what only served the person ([`personal_data::PersonalData::erase`]) in
/// the same transaction, and the outbox announces `account.deleted`.
pub async fn delete_account(
    db: &DatabaseConnection,
    user_id: i64,
    password_input: &str,
    modules: &[std::sync::Arc<dyn personal_data::PersonalData>],
    env: &MailEnv<'_>,
) -> CoreResult<()> {
    let u = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    if !u
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(password_input, h))
    {
        return Err(FieldErrors::single("password", "error-password-wrong").into());
    }
    let now = crate::time::now();
    let txn = crate::db::begin_write(db).await?;
    // Modules first: they may need the address (invitations sent to it).
    for module in modules {
        module.erase(&txn, env, user_id).await?;
    }
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(Option::<String>::None))
        .col_expr(user::Column::DisplayName, Expr::value(DELETED_NAME))
        .col_expr(
            user::Column::PasswordHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            user::Column::TotpSecret,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(user::Column::Role, Expr::value(Role::Participant.as_str()))
        .col_expr(user::Column::DeletedAt, Expr::value(now))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    sessions::delete_all_for_user(&txn, user_id).await?;
    account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    crate::notifications::delete_for_user(&txn, user_id).await?;
    outbox::publish(
        &txn,
        "account",
        "account.deleted",
        &user_id.to_string(),
        serde_json::Value::Null,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Creates a verified account directly (CLI, demo data).
pub async fn create_verified<C: ConnectionTrait>(
    db: &C,
    email: &str,
    display_name: &str,
    password_input: &str,
    role: Role,
) -> CoreResult<user::Model> {
    let mut errors = FieldErrors::new();
    let email = validation::email(&mut errors, "email", email);
    let display_name = validation::required_text(&mut errors, "display_name", display_name, 80);
    password::check_strength(
        &mut errors,
        "password",
        password_input,
        &email,
        &display_name,
    );
    errors.into_result()?;
    if find_by_email(db, &email).await?.is_some() {
        return Err(CoreError::Conflict(format!(
            "an account with {email} exists"
        )));
    }
    let hash = password::hash(password_input).map_err(CoreError::Other)?;
    let now = crate::time::now();
    Ok(user::ActiveModel {
        email: Set(Some(email)),
        display_name: Set(display_name),
        password_hash: Set(Some(hash)),
        role: Set(role.as_str().to_owned()),
        locale: Set("de".to_owned()),
        notify_frequency: Set("daily".to_owned()),
        email_verified_at: Set(Some(now)),
        failed_logins: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Users matching a query in e-mail or name (admin search), newest first.
/// The admin list is small (hundreds to a few thousand staff-visible
/// accounts per page view); filtering happens on lower-cased columns.
pub async fn search_users(
    db: &DatabaseConnection,
    query: &str,
    role: Option<Role>,
    page: u64,
    per_page: u64,
) -> CoreResult<(Vec<user::Model>, u64)> {
    let mut select = user::Entity::find().filter(user::Column::DeletedAt.is_null());
    let q = query.trim().to_lowercase();
    if !q.is_empty() {
        // Exact address or name prefix; full-text search over people is not
        // offered on purpose (data minimisation).
        select = select.filter(
            Condition::any()
                .add(user::Column::Email.eq(q.clone()))
                .add(user::Column::Email.starts_with(q.clone()))
                .add(user::Column::DisplayName.starts_with(query.trim())),
        );
    }
    if let Some(role) = role {
        select = select.filter(user::Column::Role.eq(role.as_str()));
    }
    let paginator = select
        .order_by_desc(user::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page.saturating_sub(1)).await?, total))
}

/// Changes a role; the person's sessions end so the new rights apply at once.
pub async fn set_role(
    db: &DatabaseConnection,
    actor: &Principal,
    user_id: i64,
    role: Role,
) -> CoreResult<()> {
    let u = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    if u.id == actor.user_id && role != Role::Admin {
        return Err(FieldErrors::single("role", "error-cannot-demote-self").into());
    }
    let txn = crate::db::begin_write(db).await?;
    user::Entity::update_many()
        .col_expr(user::Column::Role, Expr::value(role.as_str()))
        .col_expr(user::Column::UpdatedAt, Expr::value(crate::time::now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    if u.id != actor.user_id {
        sessions::delete_all_for_user(&txn, user_id).await?;
    }
    audit::record(
        &txn,
        Some(actor.user_id),
        "user.role_changed",
        "user",
        Some(&user_id.to_string()),
        serde_json::json!({ "from": u.role, "to": role.as_str() }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Blocks (with a reason) or unblocks an account.
pub async fn set_blocked(
    db: &DatabaseConnection,
    actor: &Principal,
    user_id: i64,
    blocked: bool,
    reason: &str,
) -> CoreResult<()> {
    if user_id == actor.user_id {
        return Err(FieldErrors::single("reason", "error-cannot-block-self").into());
    }
    let mut errors = FieldErrors::new();
    let reason = if blocked {
        validation::required_text(&mut errors, "reason", reason, 500)
    } else {
        String::new()
    };
    errors.into_result()?;
    user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    let txn = crate::db::begin_write(db).await?;
    let now = crate::time::now();
    user::Entity::update_many()
        .col_expr(user::Column::BlockedAt, Expr::value(blocked.then_some(now)))
        .col_expr(
            user::Column::BlockedReason,
            Expr::value(blocked.then(|| reason.clone())),
        )
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    if blocked {
        sessions::delete_all_for_user(&txn, user_id).await?;
    }
    audit::record(
        &txn,
        Some(actor.user_id),
        if blocked {
            "user.blocked"
        } else {
            "user.unblocked"
        },
        "user",
        Some(&user_id.to_string()),
        serde_json::json!({ "reason": reason }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
