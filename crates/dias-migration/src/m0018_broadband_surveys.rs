//! Breitband: market-survey procedures (Markterkundungsverfahren, MEV).
//!
//! `broadband_surveys` is one procedure: its parameters (rule set, start,
//! response deadline, horizon) and the address list it asks about;
//! `broadband_survey_areas` names its Gemeinden (one row each, so the
//! Gemeinde page finds a municipality's procedures through an index).
//! `broadband_survey_invitations` are the invited operators,
//! `broadband_survey_uploads` every response file an operator sent (a new
//! upload is a new version; nothing stored is ever replaced) and
//! `broadband_survey_results` every evaluation (version 1, 2, …). The files
//! themselves — address list, uploads, result files — are blobs in
//! `broadband_survey_files`, so a procedure moves with its database.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandSurveys {
    Table,
    Id,
    Title,
    Areas,
    RuleSet,
    StartDate,
    Deadline,
    HorizonYears,
    Synthetic,
    AddressFileId,
    AddressCount,
    AddressReport,
    JobId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandSurveyAreas {
    Table,
    Id,
    SurveyId,
    Ags8,
}

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandSurveyFiles {
    Table,
    Id,
    SurveyId,
    Kind,
    Name,
    Size,
    Data,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandSurveyInvitations {
    Table,
    Id,
    SurveyId,
    OperatorId,
    InvitedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandSurveyUploads {
    Table,
    Id,
    SurveyId,
    OperatorId,
    UserId,
    Version,
    FileName,
    OriginalFileId,
    AcceptedFileId,
    RowsTotal,
    RowsAccepted,
    RowsRejected,
    Late,
    Report,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandSurveyResults {
    Table,
    Id,
    SurveyId,
    Version,
    RuleSet,
    EvaluatedOn,
    Summary,
    AddressesFileId,
    MunicipalitiesFileId,
    ProtocolFileId,
    RejectedFileId,
    ResponsesFileId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BroadbandOperators {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

fn survey_fk<T: IntoIden + Clone + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(BroadbandSurveys::Table, BroadbandSurveys::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn user_fk<T: IntoIden + Clone + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    // The procedure outlives the account that opened it or uploaded to it.
    ForeignKey::create()
        .from(table, column)
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
                    .table(BroadbandSurveys::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandSurveys::Id))
                    .col(string_len(BroadbandSurveys::Title, 200))
                    .col(text(BroadbandSurveys::Areas))
                    .col(string_len(BroadbandSurveys::RuleSet, 40))
                    .col(string_len(BroadbandSurveys::StartDate, 10))
                    .col(string_len(BroadbandSurveys::Deadline, 10))
                    .col(integer(BroadbandSurveys::HorizonYears))
                    .col(boolean(BroadbandSurveys::Synthetic))
                    .col(big_integer_null(BroadbandSurveys::AddressFileId))
                    .col(big_integer(BroadbandSurveys::AddressCount))
                    .col(text(BroadbandSurveys::AddressReport))
                    .col(big_integer_null(BroadbandSurveys::JobId))
                    .col(big_integer_null(BroadbandSurveys::CreatedBy))
                    .col(big_integer(BroadbandSurveys::CreatedAt))
                    .foreign_key(&mut user_fk(
                        BroadbandSurveys::Table,
                        BroadbandSurveys::CreatedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandSurveyAreas::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandSurveyAreas::Id))
                    .col(big_integer(BroadbandSurveyAreas::SurveyId))
                    .col(string_len(BroadbandSurveyAreas::Ags8, 8))
                    .foreign_key(&mut survey_fk(
                        BroadbandSurveyAreas::Table,
                        BroadbandSurveyAreas::SurveyId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_survey_areas_once")
                    .table(BroadbandSurveyAreas::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyAreas::SurveyId)
                    .col(BroadbandSurveyAreas::Ags8)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // The Gemeinde page lists its procedures.
                    .name("idx_broadband_survey_areas_ags8")
                    .table(BroadbandSurveyAreas::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyAreas::Ags8)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandSurveyFiles::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandSurveyFiles::Id))
                    .col(big_integer(BroadbandSurveyFiles::SurveyId))
                    .col(string_len(BroadbandSurveyFiles::Kind, 40))
                    .col(string_len(BroadbandSurveyFiles::Name, 200))
                    .col(big_integer(BroadbandSurveyFiles::Size))
                    .col(blob(BroadbandSurveyFiles::Data))
                    .col(big_integer(BroadbandSurveyFiles::CreatedAt))
                    .foreign_key(&mut survey_fk(
                        BroadbandSurveyFiles::Table,
                        BroadbandSurveyFiles::SurveyId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_survey_files_survey")
                    .table(BroadbandSurveyFiles::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyFiles::SurveyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandSurveyInvitations::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandSurveyInvitations::Id))
                    .col(big_integer(BroadbandSurveyInvitations::SurveyId))
                    .col(big_integer(BroadbandSurveyInvitations::OperatorId))
                    .col(big_integer_null(BroadbandSurveyInvitations::InvitedBy))
                    .col(big_integer(BroadbandSurveyInvitations::CreatedAt))
                    .foreign_key(&mut survey_fk(
                        BroadbandSurveyInvitations::Table,
                        BroadbandSurveyInvitations::SurveyId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandSurveyInvitations::Table,
                                BroadbandSurveyInvitations::OperatorId,
                            )
                            .to(BroadbandOperators::Table, BroadbandOperators::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(
                        BroadbandSurveyInvitations::Table,
                        BroadbandSurveyInvitations::InvitedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_survey_invitations_once")
                    .table(BroadbandSurveyInvitations::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyInvitations::SurveyId)
                    .col(BroadbandSurveyInvitations::OperatorId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // "Meine Verfahren" of an operator.
                    .name("idx_broadband_survey_invitations_operator")
                    .table(BroadbandSurveyInvitations::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyInvitations::OperatorId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandSurveyUploads::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandSurveyUploads::Id))
                    .col(big_integer(BroadbandSurveyUploads::SurveyId))
                    .col(big_integer(BroadbandSurveyUploads::OperatorId))
                    .col(big_integer_null(BroadbandSurveyUploads::UserId))
                    .col(integer(BroadbandSurveyUploads::Version))
                    .col(string_len(BroadbandSurveyUploads::FileName, 200))
                    .col(big_integer(BroadbandSurveyUploads::OriginalFileId))
                    .col(big_integer(BroadbandSurveyUploads::AcceptedFileId))
                    .col(big_integer(BroadbandSurveyUploads::RowsTotal))
                    .col(big_integer(BroadbandSurveyUploads::RowsAccepted))
                    .col(big_integer(BroadbandSurveyUploads::RowsRejected))
                    .col(boolean(BroadbandSurveyUploads::Late))
                    .col(text(BroadbandSurveyUploads::Report))
                    .col(big_integer(BroadbandSurveyUploads::CreatedAt))
                    .foreign_key(&mut survey_fk(
                        BroadbandSurveyUploads::Table,
                        BroadbandSurveyUploads::SurveyId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandSurveyUploads::Table,
                                BroadbandSurveyUploads::OperatorId,
                            )
                            .to(BroadbandOperators::Table, BroadbandOperators::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(
                        BroadbandSurveyUploads::Table,
                        BroadbandSurveyUploads::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_survey_uploads_version")
                    .table(BroadbandSurveyUploads::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyUploads::SurveyId)
                    .col(BroadbandSurveyUploads::OperatorId)
                    .col(BroadbandSurveyUploads::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandSurveyResults::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandSurveyResults::Id))
                    .col(big_integer(BroadbandSurveyResults::SurveyId))
                    .col(integer(BroadbandSurveyResults::Version))
                    .col(string_len(BroadbandSurveyResults::RuleSet, 40))
                    .col(string_len(BroadbandSurveyResults::EvaluatedOn, 10))
                    .col(text(BroadbandSurveyResults::Summary))
                    .col(big_integer(BroadbandSurveyResults::AddressesFileId))
                    .col(big_integer(BroadbandSurveyResults::MunicipalitiesFileId))
                    .col(big_integer(BroadbandSurveyResults::ProtocolFileId))
                    .col(big_integer(BroadbandSurveyResults::RejectedFileId))
                    .col(big_integer(BroadbandSurveyResults::ResponsesFileId))
                    .col(big_integer_null(BroadbandSurveyResults::CreatedBy))
                    .col(big_integer(BroadbandSurveyResults::CreatedAt))
                    .foreign_key(&mut survey_fk(
                        BroadbandSurveyResults::Table,
                        BroadbandSurveyResults::SurveyId,
                    ))
                    .foreign_key(&mut user_fk(
                        BroadbandSurveyResults::Table,
                        BroadbandSurveyResults::CreatedBy,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_survey_results_version")
                    .table(BroadbandSurveyResults::Table)
                    .if_not_exists()
                    .col(BroadbandSurveyResults::SurveyId)
                    .col(BroadbandSurveyResults::Version)
                    .unique()
                    .to_owned(),
            )
            .await
    }
}
