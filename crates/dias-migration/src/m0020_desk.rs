//! Anfragen: the service desk.
//!
//! `desk_inquiries` is one question to the agency (a „Vorgang“). Its
//! reference (`DIAS-2026-000123`) is printed for people; the private status
//! link carries a token that is the HMAC of a random `token_salt` under the
//! instance's secret key, so the server can put the link into every mail
//! while the table alone grants nothing; lookups go by its SHA-256
//! (`token_hash`). Both are cleared when the inquiry is anonymized. `due_at` is the
//! end of the working day by which the next answer is due (kept by the
//! store, so "overdue" is one comparison in a list query); `version` guards
//! concurrent edits by staff.
//!
//! `desk_events` is the history and the conversation in one: every change,
//! internal note, public reply and sender reply, with `public` telling
//! whether the sender sees it. `desk_attachments` keeps files as blobs,
//! `desk_links` connects an inquiry with objects of other modules by their
//! portal path. Teams, their members and the topic settings (which team
//! answers a topic, target answer time in working days) are configuration
//! staff edit; `desk_templates` are the Textbausteine, `desk_faqs` the
//! public FAQ published from answered inquiries.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DeskTeams {
    Table,
    Id,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DeskTeamMembers {
    Table,
    Id,
    TeamId,
    UserId,
}

#[derive(DeriveIden)]
enum DeskTopics {
    Table,
    Id,
    Topic,
    TeamId,
    TargetDays,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DeskInquiries {
    Table,
    Id,
    Reference,
    TokenSalt,
    TokenHash,
    SenderType,
    Topic,
    Ags8,
    Subject,
    Message,
    SenderName,
    SenderEmail,
    UserId,
    Locale,
    Status,
    AssigneeId,
    TeamId,
    ContextPath,
    DueAt,
    CreatedAt,
    UpdatedAt,
    FirstAnswerAt,
    ClosedAt,
    AnonymizedAt,
    Version,
}

#[derive(DeriveIden)]
enum DeskEvents {
    Table,
    Id,
    InquiryId,
    Kind,
    AuthorId,
    Public,
    Body,
    Data,
    At,
}

#[derive(DeriveIden)]
enum DeskAttachments {
    Table,
    Id,
    InquiryId,
    EventId,
    Filename,
    Mime,
    Size,
    Data,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DeskLinks {
    Table,
    Id,
    InquiryId,
    Path,
    Label,
    AddedBy,
    At,
}

#[derive(DeriveIden)]
enum DeskTemplates {
    Table,
    Id,
    Title,
    Topic,
    Body,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DeskFaqs {
    Table,
    Id,
    Slug,
    Topic,
    Question,
    Answer,
    InquiryId,
    Published,
    Position,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

fn index(
    name: &str,
    table: impl IntoIden,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table).if_not_exists();
    for col in cols {
        index.col(Alias::new(*col));
    }
    if unique {
        index.unique();
    }
    index.to_owned()
}

fn user_fk(table: impl IntoIden, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DeskTeams::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskTeams::Id))
                    .col(string_len(DeskTeams::Name, 120))
                    .col(big_integer(DeskTeams::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_teams_name",
                DeskTeams::Table,
                &["name"],
                true,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskTeamMembers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskTeamMembers::Id))
                    .col(big_integer(DeskTeamMembers::TeamId))
                    .col(big_integer(DeskTeamMembers::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskTeamMembers::Table, DeskTeamMembers::TeamId)
                            .to(DeskTeams::Table, DeskTeams::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskTeamMembers::Table, DeskTeamMembers::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_team_members_once",
                DeskTeamMembers::Table,
                &["team_id", "user_id"],
                true,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskTopics::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskTopics::Id))
                    .col(string_len(DeskTopics::Topic, 40))
                    .col(big_integer_null(DeskTopics::TeamId))
                    .col(integer(DeskTopics::TargetDays))
                    .col(big_integer(DeskTopics::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskTopics::Table, DeskTopics::TeamId)
                            .to(DeskTeams::Table, DeskTeams::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_topics_topic",
                DeskTopics::Table,
                &["topic"],
                true,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskInquiries::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskInquiries::Id))
                    .col(string_len(DeskInquiries::Reference, 20))
                    .col(string_len_null(DeskInquiries::TokenSalt, 64))
                    .col(string_len_null(DeskInquiries::TokenHash, 64))
                    .col(string_len(DeskInquiries::SenderType, 20))
                    .col(string_len(DeskInquiries::Topic, 40))
                    .col(string_len_null(DeskInquiries::Ags8, 8))
                    .col(string_len(DeskInquiries::Subject, 200))
                    .col(text(DeskInquiries::Message))
                    .col(string_len(DeskInquiries::SenderName, 120).default(""))
                    .col(string_len(DeskInquiries::SenderEmail, 254).default(""))
                    .col(big_integer_null(DeskInquiries::UserId))
                    .col(string_len(DeskInquiries::Locale, 5).default("de"))
                    .col(string_len(DeskInquiries::Status, 20))
                    .col(big_integer_null(DeskInquiries::AssigneeId))
                    .col(big_integer_null(DeskInquiries::TeamId))
                    .col(string_len_null(DeskInquiries::ContextPath, 500))
                    .col(big_integer(DeskInquiries::DueAt))
                    .col(big_integer(DeskInquiries::CreatedAt))
                    .col(big_integer(DeskInquiries::UpdatedAt))
                    .col(big_integer_null(DeskInquiries::FirstAnswerAt))
                    .col(big_integer_null(DeskInquiries::ClosedAt))
                    .col(big_integer_null(DeskInquiries::AnonymizedAt))
                    .col(integer(DeskInquiries::Version).default(1))
                    .foreign_key(&mut user_fk(DeskInquiries::Table, DeskInquiries::UserId))
                    .foreign_key(&mut user_fk(
                        DeskInquiries::Table,
                        DeskInquiries::AssigneeId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskInquiries::Table, DeskInquiries::TeamId)
                            .to(DeskTeams::Table, DeskTeams::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols, unique) in [
            ("idx_desk_inquiries_reference", &["reference"][..], true),
            ("idx_desk_inquiries_token", &["token_hash"][..], true),
            (
                "idx_desk_inquiries_status_due",
                &["status", "due_at"][..],
                false,
            ),
            ("idx_desk_inquiries_team", &["team_id", "status"][..], false),
            (
                "idx_desk_inquiries_assignee",
                &["assignee_id", "status"][..],
                false,
            ),
            ("idx_desk_inquiries_closed", &["closed_at"][..], false),
            ("idx_desk_inquiries_created", &["created_at"][..], false),
            ("idx_desk_inquiries_user", &["user_id"][..], false),
        ] {
            manager
                .create_index(index(name, DeskInquiries::Table, cols, unique))
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DeskEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskEvents::Id))
                    .col(big_integer(DeskEvents::InquiryId))
                    .col(string_len(DeskEvents::Kind, 20))
                    .col(big_integer_null(DeskEvents::AuthorId))
                    .col(boolean(DeskEvents::Public).default(false))
                    .col(text(DeskEvents::Body).default(""))
                    .col(text(DeskEvents::Data).default(""))
                    .col(big_integer(DeskEvents::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskEvents::Table, DeskEvents::InquiryId)
                            .to(DeskInquiries::Table, DeskInquiries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(DeskEvents::Table, DeskEvents::AuthorId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_events_inquiry",
                DeskEvents::Table,
                &["inquiry_id", "at"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskAttachments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskAttachments::Id))
                    .col(big_integer(DeskAttachments::InquiryId))
                    .col(big_integer_null(DeskAttachments::EventId))
                    .col(string_len(DeskAttachments::Filename, 150))
                    .col(string_len(DeskAttachments::Mime, 100))
                    .col(big_integer(DeskAttachments::Size))
                    .col(blob(DeskAttachments::Data))
                    .col(big_integer(DeskAttachments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskAttachments::Table, DeskAttachments::InquiryId)
                            .to(DeskInquiries::Table, DeskInquiries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_attachments_inquiry",
                DeskAttachments::Table,
                &["inquiry_id"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskLinks::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskLinks::Id))
                    .col(big_integer(DeskLinks::InquiryId))
                    .col(string_len(DeskLinks::Path, 500))
                    .col(string_len(DeskLinks::Label, 200).default(""))
                    .col(big_integer_null(DeskLinks::AddedBy))
                    .col(big_integer(DeskLinks::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskLinks::Table, DeskLinks::InquiryId)
                            .to(DeskInquiries::Table, DeskInquiries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(DeskLinks::Table, DeskLinks::AddedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_links_inquiry",
                DeskLinks::Table,
                &["inquiry_id"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskTemplates::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskTemplates::Id))
                    .col(string_len(DeskTemplates::Title, 200))
                    .col(string_len_null(DeskTemplates::Topic, 40))
                    .col(text(DeskTemplates::Body))
                    .col(big_integer_null(DeskTemplates::CreatedBy))
                    .col(big_integer(DeskTemplates::CreatedAt))
                    .col(big_integer(DeskTemplates::UpdatedAt))
                    .foreign_key(&mut user_fk(DeskTemplates::Table, DeskTemplates::CreatedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DeskFaqs::Table)
                    .if_not_exists()
                    .col(big_pk_auto(DeskFaqs::Id))
                    .col(string_len(DeskFaqs::Slug, 120))
                    .col(string_len(DeskFaqs::Topic, 40))
                    .col(string_len(DeskFaqs::Question, 300))
                    .col(text(DeskFaqs::Answer))
                    .col(big_integer_null(DeskFaqs::InquiryId))
                    .col(boolean(DeskFaqs::Published).default(false))
                    .col(integer(DeskFaqs::Position).default(0))
                    .col(big_integer_null(DeskFaqs::CreatedBy))
                    .col(big_integer(DeskFaqs::CreatedAt))
                    .col(big_integer(DeskFaqs::UpdatedAt))
                    .col(big_integer_null(DeskFaqs::PublishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DeskFaqs::Table, DeskFaqs::InquiryId)
                            .to(DeskInquiries::Table, DeskInquiries::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(&mut user_fk(DeskFaqs::Table, DeskFaqs::CreatedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_desk_faqs_slug",
                DeskFaqs::Table,
                &["slug"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_desk_faqs_topic",
                DeskFaqs::Table,
                &["published", "topic"],
                false,
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DeskFaqs::Table.into_iden(),
            DeskTemplates::Table.into_iden(),
            DeskLinks::Table.into_iden(),
            DeskAttachments::Table.into_iden(),
            DeskEvents::Table.into_iden(),
            DeskInquiries::Table.into_iden(),
            DeskTopics::Table.into_iden(),
            DeskTeamMembers::Table.into_iden(),
            DeskTeams::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
