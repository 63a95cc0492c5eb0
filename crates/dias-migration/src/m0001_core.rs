//! Core tables: accounts, sessions, one-time tokens, audit log, outbox, jobs,
//! mail and the Saxon reference data (Kreise and Gemeinden).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    Locale,
    NotifyFrequency,
    EmailVerifiedAt,
    BlockedAt,
    BlockedReason,
    TotpSecret,
    TotpEnabledAt,
    FailedLogins,
    LockedUntil,
    LastLoginAt,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    CsrfToken,
    MfaPending,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AccountTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorId,
    Action,
    TargetKind,
    TargetId,
    Details,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    At,
    Topic,
    Kind,
    Key,
    Payload,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    Status,
    Progress,
    ProgressTotal,
    Message,
    Attempts,
    RunAfter,
    LockedBy,
    LockedUntil,
    CreatedBy,
    CreatedAt,
    StartedAt,
    FinishedAt,
    Error,
}

#[derive(DeriveIden)]
enum Mails {
    Table,
    Id,
    CreatedAt,
    ToAddr,
    Subject,
    BodyText,
    Status,
    Attempts,
    SentAt,
    Error,
}

#[derive(DeriveIden)]
enum Districts {
    Table,
    Ags5,
    Name,
    NameShort,
    Kind,
    Nuts3,
    AreaKm2,
    Population,
}

#[derive(DeriveIden)]
enum Municipalities {
    Table,
    Ags8,
    Name,
    NameShort,
    Kind,
    DistrictAgs5,
    AreaKm2,
    Population,
    Postcode,
    Lat,
    Lon,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Users::Id))
                    // NULL once the account is deleted (the row stays as a pseudonym).
                    .col(string_len_null(Users::Email, 254).unique_key())
                    .col(string_len(Users::DisplayName, 80))
                    .col(string_null(Users::PasswordHash))
                    .col(string_len(Users::Role, 32).default("participant"))
                    .col(string_len(Users::Locale, 8).default("de"))
                    .col(string_len(Users::NotifyFrequency, 16).default("daily"))
                    .col(big_integer_null(Users::EmailVerifiedAt))
                    .col(big_integer_null(Users::BlockedAt))
                    .col(string_len_null(Users::BlockedReason, 500))
                    .col(string_null(Users::TotpSecret))
                    .col(big_integer_null(Users::TotpEnabledAt))
                    .col(integer(Users::FailedLogins).default(0))
                    .col(big_integer_null(Users::LockedUntil))
                    .col(big_integer_null(Users::LastLoginAt))
                    .col(big_integer(Users::CreatedAt))
                    .col(big_integer(Users::UpdatedAt))
                    .col(big_integer_null(Users::DeletedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_role")
                    .table(Users::Table)
                    .col(Users::Role)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .if_not_exists()
                    // SHA-256 of the cookie value: a leaked table yields no live session.
                    .col(string_len(Sessions::Id, 64).primary_key())
                    .col(big_integer(Sessions::UserId))
                    .col(string_len(Sessions::CsrfToken, 64))
                    .col(boolean(Sessions::MfaPending).default(false))
                    .col(big_integer(Sessions::CreatedAt))
                    .col(big_integer(Sessions::LastSeenAt))
                    .col(big_integer(Sessions::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_user")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AccountTokens::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AccountTokens::Id))
                    .col(big_integer(AccountTokens::UserId))
                    .col(string_len(AccountTokens::Purpose, 32))
                    .col(string_len(AccountTokens::TokenHash, 64).unique_key())
                    .col(big_integer(AccountTokens::CreatedAt))
                    .col(big_integer(AccountTokens::ExpiresAt))
                    .col(big_integer_null(AccountTokens::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccountTokens::Table, AccountTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(big_pk_auto(AuditLog::Id))
                    .col(big_integer(AuditLog::At))
                    .col(big_integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::TargetKind, 64))
                    .col(string_len_null(AuditLog::TargetId, 64))
                    .col(text(AuditLog::Details))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_log_at")
                    .table(AuditLog::Table)
                    .col(AuditLog::At)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Outbox::Id))
                    .col(big_integer(Outbox::At))
                    .col(string_len(Outbox::Topic, 32))
                    .col(string_len(Outbox::Kind, 64))
                    .col(string_len(Outbox::Key, 128))
                    .col(text(Outbox::Payload))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Jobs::Id))
                    .col(string_len(Jobs::Kind, 64))
                    .col(text(Jobs::Payload))
                    .col(string_len(Jobs::Status, 16))
                    .col(big_integer(Jobs::Progress).default(0))
                    .col(big_integer(Jobs::ProgressTotal).default(0))
                    .col(string_len_null(Jobs::Message, 500))
                    .col(integer(Jobs::Attempts).default(0))
                    .col(big_integer(Jobs::RunAfter))
                    .col(string_len_null(Jobs::LockedBy, 64))
                    .col(big_integer_null(Jobs::LockedUntil))
                    .col(big_integer_null(Jobs::CreatedBy))
                    .col(big_integer(Jobs::CreatedAt))
                    .col(big_integer_null(Jobs::StartedAt))
                    .col(big_integer_null(Jobs::FinishedAt))
                    .col(text_null(Jobs::Error))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_jobs_status_run_after")
                    .table(Jobs::Table)
                    .col(Jobs::Status)
                    .col(Jobs::RunAfter)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Mails::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Mails::Id))
                    .col(big_integer(Mails::CreatedAt))
                    .col(string_len(Mails::ToAddr, 254))
                    .col(string_len(Mails::Subject, 300))
                    .col(text(Mails::BodyText))
                    .col(string_len(Mails::Status, 16))
                    .col(integer(Mails::Attempts).default(0))
                    .col(big_integer_null(Mails::SentAt))
                    .col(text_null(Mails::Error))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mails_status")
                    .table(Mails::Table)
                    .col(Mails::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mails_to")
                    .table(Mails::Table)
                    .col(Mails::ToAddr)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Districts::Table)
                    .if_not_exists()
                    .col(string_len(Districts::Ags5, 5).primary_key())
                    .col(string_len(Districts::Name, 120))
                    .col(string_len(Districts::NameShort, 120))
                    .col(string_len(Districts::Kind, 40))
                    .col(string_len(Districts::Nuts3, 8))
                    .col(double(Districts::AreaKm2))
                    .col(big_integer(Districts::Population))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Municipalities::Table)
                    .if_not_exists()
                    .col(string_len(Municipalities::Ags8, 8).primary_key())
                    .col(string_len(Municipalities::Name, 160))
                    .col(string_len(Municipalities::NameShort, 160))
                    .col(string_len(Municipalities::Kind, 40))
                    .col(string_len(Municipalities::DistrictAgs5, 5))
                    .col(double(Municipalities::AreaKm2))
                    .col(big_integer(Municipalities::Population))
                    .col(string_len(Municipalities::Postcode, 5))
                    .col(double(Municipalities::Lat))
                    .col(double(Municipalities::Lon))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Municipalities::Table, Municipalities::DistrictAgs5)
                            .to(Districts::Table, Districts::Ags5),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_municipalities_district")
                    .table(Municipalities::Table)
                    .col(Municipalities::DistrictAgs5)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // Migrations are additive; a downgrade restores a backup instead.
        Ok(())
    }
}
