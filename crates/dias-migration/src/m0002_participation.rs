//! Beteiligung: processes, phases, the strategy text in versions, comments,
//! change suggestions, proposals with supports and official answers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
    Slug,
    Title,
    Teaser,
    DescriptionMd,
    Organiser,
    ScopeAgs5,
    Visibility,
    SupportLimit,
    SupportThreshold,
    ReportThreshold,
    Premoderation,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Phases {
    Table,
    Id,
    ProcessId,
    Position,
    Name,
    Description,
    StartsAt,
    EndsAt,
    Commenting,
    Proposals,
    Supporting,
    Suggestions,
    StatementVoting,
    Survey,
}

#[derive(DeriveIden)]
enum TextVersions {
    Table,
    Id,
    ProcessId,
    Number,
    Title,
    Note,
    PublishedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TextParagraphs {
    Table,
    Id,
    VersionId,
    ChapterNo,
    ChapterTitle,
    SectionNo,
    SectionTitle,
    Position,
    Anchor,
    BodyMd,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
    ProcessId,
    TargetKind,
    TargetId,
    ParentId,
    Depth,
    AuthorId,
    Body,
    Category,
    Stance,
    Upvotes,
    HiddenAt,
    DeletedAt,
    CreatedAt,
    EditedAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    ProcessId,
    AuthorId,
    Title,
    BodyMd,
    Topic,
    Ags8,
    Status,
    SupportsCount,
    CommentsCount,
    HiddenAt,
    WithdrawnAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProposalSupports {
    Table,
    Id,
    ProcessId,
    ProposalId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProposalAnswers {
    Table,
    Id,
    ProposalId,
    Status,
    AnswerMd,
    CostEur,
    AuthorId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Suggestions {
    Table,
    Id,
    ProcessId,
    ParagraphId,
    AuthorId,
    NewText,
    Reason,
    Status,
    DecisionReason,
    DecidedBy,
    DecidedAt,
    AdoptedInVersionId,
    SupportsCount,
    CommentsCount,
    HiddenAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SuggestionSupports {
    Table,
    Id,
    SuggestionId,
    UserId,
    CreatedAt,
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for col in cols {
        stmt.col(col);
    }
    if unique {
        stmt.unique();
    }
    manager.create_index(stmt.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Processes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Processes::Id))
                    .col(string_len(Processes::Slug, 80).unique_key())
                    .col(string_len(Processes::Title, 200))
                    .col(string_len(Processes::Teaser, 500))
                    .col(text(Processes::DescriptionMd))
                    .col(string_len(Processes::Organiser, 200))
                    .col(string_len_null(Processes::ScopeAgs5, 5))
                    .col(string_len(Processes::Visibility, 16))
                    .col(integer(Processes::SupportLimit))
                    .col(integer(Processes::SupportThreshold))
                    .col(integer(Processes::ReportThreshold))
                    .col(boolean(Processes::Premoderation).default(false))
                    .col(big_integer(Processes::CreatedAt))
                    .col(big_integer(Processes::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Phases::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Phases::Id))
                    .col(big_integer(Phases::ProcessId))
                    .col(integer(Phases::Position))
                    .col(string_len(Phases::Name, 200))
                    .col(text(Phases::Description))
                    .col(big_integer(Phases::StartsAt))
                    .col(big_integer(Phases::EndsAt))
                    .col(boolean(Phases::Commenting))
                    .col(boolean(Phases::Proposals))
                    .col(boolean(Phases::Supporting))
                    .col(boolean(Phases::Suggestions))
                    .col(boolean(Phases::StatementVoting))
                    .col(boolean(Phases::Survey))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Phases::Table, Phases::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_phases_process",
            Phases::Table,
            vec![Phases::ProcessId.into_iden(), Phases::Position.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TextVersions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(TextVersions::Id))
                    .col(big_integer(TextVersions::ProcessId))
                    .col(integer(TextVersions::Number))
                    .col(string_len(TextVersions::Title, 200))
                    .col(text(TextVersions::Note))
                    .col(big_integer_null(TextVersions::PublishedAt))
                    .col(big_integer(TextVersions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TextVersions::Table, TextVersions::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_text_versions_process",
            TextVersions::Table,
            vec![
                TextVersions::ProcessId.into_iden(),
                TextVersions::Number.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TextParagraphs::Table)
                    .if_not_exists()
                    .col(big_pk_auto(TextParagraphs::Id))
                    .col(big_integer(TextParagraphs::VersionId))
                    .col(integer(TextParagraphs::ChapterNo))
                    .col(string_len(TextParagraphs::ChapterTitle, 300))
                    .col(integer(TextParagraphs::SectionNo))
                    .col(string_len(TextParagraphs::SectionTitle, 300))
                    .col(integer(TextParagraphs::Position))
                    .col(string_len(TextParagraphs::Anchor, 64))
                    .col(text(TextParagraphs::BodyMd))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TextParagraphs::Table, TextParagraphs::VersionId)
                            .to(TextVersions::Table, TextVersions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_text_paragraphs_version",
            TextParagraphs::Table,
            vec![
                TextParagraphs::VersionId.into_iden(),
                TextParagraphs::ChapterNo.into_iden(),
                TextParagraphs::SectionNo.into_iden(),
                TextParagraphs::Position.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_text_paragraphs_anchor",
            TextParagraphs::Table,
            vec![TextParagraphs::Anchor.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Comments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Comments::Id))
                    .col(big_integer(Comments::ProcessId))
                    .col(string_len(Comments::TargetKind, 16))
                    .col(big_integer(Comments::TargetId))
                    .col(big_integer_null(Comments::ParentId))
                    .col(integer(Comments::Depth))
                    .col(big_integer(Comments::AuthorId))
                    .col(text(Comments::Body))
                    .col(string_len_null(Comments::Category, 16))
                    .col(string_len(Comments::Stance, 16))
                    .col(integer(Comments::Upvotes).default(0))
                    .col(big_integer_null(Comments::HiddenAt))
                    .col(big_integer_null(Comments::DeletedAt))
                    .col(big_integer(Comments::CreatedAt))
                    .col(big_integer_null(Comments::EditedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_comments_target",
            Comments::Table,
            vec![
                Comments::TargetKind.into_iden(),
                Comments::TargetId.into_iden(),
                Comments::Id.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_comments_process",
            Comments::Table,
            vec![Comments::ProcessId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Proposals::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Proposals::Id))
                    .col(big_integer(Proposals::ProcessId))
                    .col(big_integer(Proposals::AuthorId))
                    .col(string_len(Proposals::Title, 200))
                    .col(text(Proposals::BodyMd))
                    .col(string_len(Proposals::Topic, 32))
                    .col(string_len_null(Proposals::Ags8, 8))
                    .col(string_len(Proposals::Status, 24))
                    .col(integer(Proposals::SupportsCount).default(0))
                    .col(integer(Proposals::CommentsCount).default(0))
                    .col(big_integer_null(Proposals::HiddenAt))
                    .col(big_integer_null(Proposals::WithdrawnAt))
                    .col(big_integer(Proposals::CreatedAt))
                    .col(big_integer(Proposals::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposals::Table, Proposals::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_proposals_process_supports",
            Proposals::Table,
            vec![
                Proposals::ProcessId.into_iden(),
                Proposals::SupportsCount.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_proposals_process_created",
            Proposals::Table,
            vec![
                Proposals::ProcessId.into_iden(),
                Proposals::CreatedAt.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_proposals_process_topic",
            Proposals::Table,
            vec![
                Proposals::ProcessId.into_iden(),
                Proposals::Topic.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProposalSupports::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ProposalSupports::Id))
                    .col(big_integer(ProposalSupports::ProcessId))
                    .col(big_integer(ProposalSupports::ProposalId))
                    .col(big_integer(ProposalSupports::UserId))
                    .col(big_integer(ProposalSupports::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalSupports::Table, ProposalSupports::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_proposal_supports_unique",
            ProposalSupports::Table,
            vec![
                ProposalSupports::ProposalId.into_iden(),
                ProposalSupports::UserId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "idx_proposal_supports_user",
            ProposalSupports::Table,
            vec![
                ProposalSupports::ProcessId.into_iden(),
                ProposalSupports::UserId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProposalAnswers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ProposalAnswers::Id))
                    .col(big_integer(ProposalAnswers::ProposalId))
                    .col(string_len(ProposalAnswers::Status, 24))
                    .col(text(ProposalAnswers::AnswerMd))
                    .col(big_integer_null(ProposalAnswers::CostEur))
                    .col(big_integer(ProposalAnswers::AuthorId))
                    .col(big_integer(ProposalAnswers::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalAnswers::Table, ProposalAnswers::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_proposal_answers_proposal",
            ProposalAnswers::Table,
            vec![ProposalAnswers::ProposalId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Suggestions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Suggestions::Id))
                    .col(big_integer(Suggestions::ProcessId))
                    .col(big_integer(Suggestions::ParagraphId))
                    .col(big_integer(Suggestions::AuthorId))
                    .col(text(Suggestions::NewText))
                    .col(text(Suggestions::Reason))
                    .col(string_len(Suggestions::Status, 24))
                    .col(text_null(Suggestions::DecisionReason))
                    .col(big_integer_null(Suggestions::DecidedBy))
                    .col(big_integer_null(Suggestions::DecidedAt))
                    .col(big_integer_null(Suggestions::AdoptedInVersionId))
                    .col(integer(Suggestions::SupportsCount).default(0))
                    .col(integer(Suggestions::CommentsCount).default(0))
                    .col(big_integer_null(Suggestions::HiddenAt))
                    .col(big_integer(Suggestions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_suggestions_paragraph",
            Suggestions::Table,
            vec![Suggestions::ParagraphId.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "idx_suggestions_process",
            Suggestions::Table,
            vec![Suggestions::ProcessId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SuggestionSupports::Table)
                    .if_not_exists()
                    .col(big_pk_auto(SuggestionSupports::Id))
                    .col(big_integer(SuggestionSupports::SuggestionId))
                    .col(big_integer(SuggestionSupports::UserId))
                    .col(big_integer(SuggestionSupports::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SuggestionSupports::Table, SuggestionSupports::SuggestionId)
                            .to(Suggestions::Table, Suggestions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_suggestion_supports_unique",
            SuggestionSupports::Table,
            vec![
                SuggestionSupports::SuggestionId.into_iden(),
                SuggestionSupports::UserId.into_iden(),
            ],
            true,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
