//! Beteiligung: debates (Debatte) and surveys (Umfrage).
//!
//! A debate is a question that people answer with pro, contra or neutral
//! comments; its comments live in `comments` (`target_kind = 'debate'`), so
//! threads, moderation and exports work as for every other comment. Staff
//! close a debate with a conclusion (`closed_at`, `conclusion_md`).
//!
//! A survey has ordered questions; each participant has at most one answer
//! set (`survey_responses`, unique per survey and person) whose answers are
//! rows of `survey_answers`: one row per chosen option (several for
//! multiple choice), per matrix row, per scale value or per free text.
//! Choices are stored as indexes into the question's option list, which
//! cannot change once a survey exists; results are counted with one grouped
//! query over `(survey_id, question_id, row_no, choice)`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Debates {
    Table,
    Id,
    ProcessId,
    Question,
    DescriptionMd,
    ConclusionMd,
    ClosedAt,
    ClosedBy,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    ProcessId,
    Title,
    DescriptionMd,
    ClosedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SurveyQuestions {
    Table,
    Id,
    SurveyId,
    Position,
    Kind,
    Text,
    Required,
    OptionsJson,
    RowsJson,
    ScaleMin,
    ScaleMax,
}

#[derive(DeriveIden)]
enum SurveyResponses {
    Table,
    Id,
    SurveyId,
    UserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SurveyAnswers {
    Table,
    Id,
    SurveyId,
    ResponseId,
    QuestionId,
    RowNo,
    Choice,
    Text,
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table).if_not_exists();
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
                    .table(Debates::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Debates::Id))
                    .col(big_integer(Debates::ProcessId))
                    .col(string_len(Debates::Question, 300))
                    .col(text(Debates::DescriptionMd))
                    .col(text_null(Debates::ConclusionMd))
                    .col(big_integer_null(Debates::ClosedAt))
                    .col(big_integer_null(Debates::ClosedBy))
                    .col(big_integer(Debates::CreatedBy))
                    .col(big_integer(Debates::CreatedAt))
                    .col(big_integer(Debates::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Debates::Table, Debates::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_debates_process",
            Debates::Table,
            vec![Debates::ProcessId.into_iden(), Debates::Id.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Surveys::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Surveys::Id))
                    .col(big_integer(Surveys::ProcessId))
                    .col(string_len(Surveys::Title, 200))
                    .col(text(Surveys::DescriptionMd))
                    .col(big_integer_null(Surveys::ClosedAt))
                    .col(big_integer(Surveys::CreatedBy))
                    .col(big_integer(Surveys::CreatedAt))
                    .col(big_integer(Surveys::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Surveys::Table, Surveys::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_surveys_process",
            Surveys::Table,
            vec![Surveys::ProcessId.into_iden(), Surveys::Id.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SurveyQuestions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(SurveyQuestions::Id))
                    .col(big_integer(SurveyQuestions::SurveyId))
                    .col(integer(SurveyQuestions::Position))
                    // 'single' | 'multiple' | 'text' | 'scale' | 'matrix'
                    .col(string_len(SurveyQuestions::Kind, 16))
                    .col(text(SurveyQuestions::Text))
                    .col(boolean(SurveyQuestions::Required).default(false))
                    // JSON array of strings: choices, or a matrix's columns.
                    .col(text(SurveyQuestions::OptionsJson))
                    // JSON array of strings: a matrix's rows.
                    .col(text(SurveyQuestions::RowsJson))
                    .col(integer_null(SurveyQuestions::ScaleMin))
                    .col(integer_null(SurveyQuestions::ScaleMax))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyQuestions::Table, SurveyQuestions::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_survey_questions_survey",
            SurveyQuestions::Table,
            vec![
                SurveyQuestions::SurveyId.into_iden(),
                SurveyQuestions::Position.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SurveyResponses::Table)
                    .if_not_exists()
                    .col(big_pk_auto(SurveyResponses::Id))
                    .col(big_integer(SurveyResponses::SurveyId))
                    .col(big_integer(SurveyResponses::UserId))
                    .col(big_integer(SurveyResponses::CreatedAt))
                    .col(big_integer(SurveyResponses::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyResponses::Table, SurveyResponses::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One answer set per person and survey, also when two submits race.
        index(
            manager,
            "idx_survey_responses_unique",
            SurveyResponses::Table,
            vec![
                SurveyResponses::SurveyId.into_iden(),
                SurveyResponses::UserId.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SurveyAnswers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(SurveyAnswers::Id))
                    .col(big_integer(SurveyAnswers::SurveyId))
                    .col(big_integer(SurveyAnswers::ResponseId))
                    .col(big_integer(SurveyAnswers::QuestionId))
                    // The matrix row; 0 for the other kinds.
                    .col(integer(SurveyAnswers::RowNo).default(0))
                    // Option or column index, or the scale value; NULL for free text.
                    .col(integer_null(SurveyAnswers::Choice))
                    .col(text_null(SurveyAnswers::Text))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SurveyAnswers::Table, SurveyAnswers::ResponseId)
                            .to(SurveyResponses::Table, SurveyResponses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Results: counts grouped by question, row and choice.
        index(
            manager,
            "idx_survey_answers_results",
            SurveyAnswers::Table,
            vec![
                SurveyAnswers::SurveyId.into_iden(),
                SurveyAnswers::QuestionId.into_iden(),
                SurveyAnswers::RowNo.into_iden(),
                SurveyAnswers::Choice.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_survey_answers_response",
            SurveyAnswers::Table,
            vec![SurveyAnswers::ResponseId.into_iden()],
            false,
        )
        .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
