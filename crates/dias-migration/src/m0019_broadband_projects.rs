//! Breitband: funding projects (Förderprojekte).
//!
//! `broadband_projects` is one gigabit funding project of a Gemeinde
//! (`area` = AGS-8) or a whole Kreis (`area` = AGS-5); `district_ags5` is
//! the Kreis of either, for the list filter and the Lagebild. Amounts are
//! integer euro cents. `next_due_date` is the earliest planned date of a
//! stage the project has not reached yet (kept by the store), so that
//! "overdue" is one comparison in a list query. `version` guards against
//! concurrent edits.
//!
//! `broadband_project_stages` holds the planned and the actual date of each
//! stage; `broadband_project_events` is the history (stage changes, edits
//! with old and new values, documents added and removed);
//! `broadband_project_documents` keeps uploaded files as blobs.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BroadbandProjects {
    Table,
    Id,
    Name,
    Area,
    DistrictAgs5,
    Stage,
    Model,
    FederalCents,
    StateCents,
    MunicipalCents,
    EligibleCents,
    AddressesPlanned,
    AddressesConnected,
    Responsible,
    NextDueDate,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BroadbandProjectStages {
    Table,
    Id,
    ProjectId,
    Stage,
    PlannedDate,
    ReachedDate,
}

#[derive(DeriveIden)]
enum BroadbandProjectEvents {
    Table,
    Id,
    ProjectId,
    Kind,
    UserId,
    At,
    FromStage,
    ToStage,
    Date,
    Note,
    Changes,
}

#[derive(DeriveIden)]
enum BroadbandProjectDocuments {
    Table,
    Id,
    ProjectId,
    Filename,
    Mime,
    Size,
    Data,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BroadbandProjects::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandProjects::Id))
                    .col(string_len(BroadbandProjects::Name, 200))
                    .col(string_len(BroadbandProjects::Area, 8))
                    .col(string_len(BroadbandProjects::DistrictAgs5, 5))
                    .col(string_len(BroadbandProjects::Stage, 40))
                    .col(string_len(BroadbandProjects::Model, 40).default(""))
                    .col(big_integer(BroadbandProjects::FederalCents).default(0))
                    .col(big_integer(BroadbandProjects::StateCents).default(0))
                    .col(big_integer(BroadbandProjects::MunicipalCents).default(0))
                    .col(big_integer(BroadbandProjects::EligibleCents).default(0))
                    .col(big_integer(BroadbandProjects::AddressesPlanned).default(0))
                    .col(big_integer(BroadbandProjects::AddressesConnected).default(0))
                    .col(text(BroadbandProjects::Responsible).default(""))
                    .col(string_len_null(BroadbandProjects::NextDueDate, 10))
                    .col(integer(BroadbandProjects::Version).default(1))
                    .col(big_integer_null(BroadbandProjects::CreatedBy))
                    .col(big_integer(BroadbandProjects::CreatedAt))
                    .col(big_integer(BroadbandProjects::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(BroadbandProjects::Table, BroadbandProjects::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            (
                "idx_broadband_projects_district",
                BroadbandProjects::DistrictAgs5,
            ),
            ("idx_broadband_projects_area", BroadbandProjects::Area),
            (
                "idx_broadband_projects_next_due",
                BroadbandProjects::NextDueDate,
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(BroadbandProjects::Table)
                        .if_not_exists()
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(BroadbandProjectStages::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandProjectStages::Id))
                    .col(big_integer(BroadbandProjectStages::ProjectId))
                    .col(string_len(BroadbandProjectStages::Stage, 40))
                    .col(string_len_null(BroadbandProjectStages::PlannedDate, 10))
                    .col(string_len_null(BroadbandProjectStages::ReachedDate, 10))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandProjectStages::Table,
                                BroadbandProjectStages::ProjectId,
                            )
                            .to(BroadbandProjects::Table, BroadbandProjects::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_project_stages_once")
                    .table(BroadbandProjectStages::Table)
                    .if_not_exists()
                    .col(BroadbandProjectStages::ProjectId)
                    .col(BroadbandProjectStages::Stage)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandProjectEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandProjectEvents::Id))
                    .col(big_integer(BroadbandProjectEvents::ProjectId))
                    .col(string_len(BroadbandProjectEvents::Kind, 20))
                    .col(big_integer_null(BroadbandProjectEvents::UserId))
                    .col(big_integer(BroadbandProjectEvents::At))
                    .col(string_len(BroadbandProjectEvents::FromStage, 40).default(""))
                    .col(string_len(BroadbandProjectEvents::ToStage, 40).default(""))
                    .col(string_len(BroadbandProjectEvents::Date, 10).default(""))
                    .col(text(BroadbandProjectEvents::Note).default(""))
                    .col(text(BroadbandProjectEvents::Changes).default(""))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandProjectEvents::Table,
                                BroadbandProjectEvents::ProjectId,
                            )
                            .to(BroadbandProjects::Table, BroadbandProjects::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandProjectEvents::Table,
                                BroadbandProjectEvents::UserId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_project_events_project")
                    .table(BroadbandProjectEvents::Table)
                    .if_not_exists()
                    .col(BroadbandProjectEvents::ProjectId)
                    .col(BroadbandProjectEvents::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandProjectDocuments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandProjectDocuments::Id))
                    .col(big_integer(BroadbandProjectDocuments::ProjectId))
                    .col(string_len(BroadbandProjectDocuments::Filename, 200))
                    .col(string_len(BroadbandProjectDocuments::Mime, 100))
                    .col(big_integer(BroadbandProjectDocuments::Size))
                    .col(blob(BroadbandProjectDocuments::Data))
                    .col(big_integer_null(BroadbandProjectDocuments::UploadedBy))
                    .col(big_integer(BroadbandProjectDocuments::UploadedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandProjectDocuments::Table,
                                BroadbandProjectDocuments::ProjectId,
                            )
                            .to(BroadbandProjects::Table, BroadbandProjects::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandProjectDocuments::Table,
                                BroadbandProjectDocuments::UploadedBy,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_project_documents_project")
                    .table(BroadbandProjectDocuments::Table)
                    .if_not_exists()
                    .col(BroadbandProjectDocuments::ProjectId)
                    .to_owned(),
            )
            .await
    }
}
