//! Funding projects in the database: a project row, one row per stage with
//! its planned and reached date, the history and the documents. Every write
//! that changes a project checks the version the form was loaded with, so
//! two people editing at once never silently overwrite each other.

use std::collections::HashMap;

use dias_core::entities::user;
use jiff::civil::Date;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{
    Amounts, Change, DocumentKind, SelectionModel, Stage, StageChange, ValidProject, changes,
    next_due,
};
use crate::entities::{
    broadband_project as project, broadband_project_document as document,
    broadband_project_event as event, broadband_project_stage as stage_row,
};

/// Rows per bulk insert (well below SQLite's parameter limit).
const CHUNK: usize = 200;

/// A project with its stage dates.
#[derive(Debug, Clone)]
pub struct Project {
    pub row: project::Model,
    pub stage: Stage,
    pub planned: [Option<Date>; 12],
    pub reached: [Option<Date>; 12],
}

impl Project {
    pub fn valid(&self) -> ValidProject {
        ValidProject {
            name: self.row.name.clone(),
            area: self.row.area.clone(),
            district_ags5: self.row.district_ags5.clone(),
            model: SelectionModel::from_slug(&self.row.model),
            amounts: amounts_of(&self.row),
            addresses_planned: self.row.addresses_planned,
            addresses_connected: self.row.addresses_connected,
            responsible: self.row.responsible.clone(),
            planned: self.planned,
        }
    }
}

pub fn amounts_of(row: &project::Model) -> Amounts {
    Amounts {
        federal: row.federal_cents,
        state: row.state_cents,
        municipal: row.municipal_cents,
        eligible: row.eligible_cents,
    }
}

/// The stage of a stored row; an unknown value (never written by this
/// code) reads as the first stage rather than failing the page.
pub fn stage_of(row: &project::Model) -> Stage {
    Stage::from_slug(&row.stage).unwrap_or(Stage::first())
}

/// A project id with its planned and reached date per stage.
type StageDates = (i64, [Option<Date>; 12], [Option<Date>; 12]);

/// The form was loaded from an older version than the one stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stale {
    pub current: i32,
}

fn date_text(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn parse(text: &Option<String>) -> Option<Date> {
    text.as_deref().and_then(|t| t.parse().ok())
}

/// What a new project starts with: the first stage, reached today.
pub async fn create(
    db: &DatabaseConnection,
    user_id: i64,
    valid: &ValidProject,
    today: Date,
    now: i64,
) -> Result<project::Model, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let stage = Stage::first();
    let mut reached = [None; 12];
    reached[stage.index()] = Some(today);
    let row = project::ActiveModel {
        name: Set(valid.name.clone()),
        area: Set(valid.area.clone()),
        district_ags5: Set(valid.district_ags5.clone()),
        stage: Set(stage.slug().to_owned()),
        model: Set(valid.model.map(|m| m.slug().to_owned()).unwrap_or_default()),
        federal_cents: Set(valid.amounts.federal),
        state_cents: Set(valid.amounts.state),
        municipal_cents: Set(valid.amounts.municipal),
        eligible_cents: Set(valid.amounts.eligible),
        addresses_planned: Set(valid.addresses_planned),
        addresses_connected: Set(valid.addresses_connected),
        responsible: Set(valid.responsible.clone()),
        next_due_date: Set(date_text(next_due(stage, &valid.planned))),
        version: Set(1),
        created_by: Set(Some(user_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_stage_rows(&txn, &[(row.id, valid.planned, reached)]).await?;
    record(
        &txn,
        row.id,
        "created",
        Some(user_id),
        now,
        EventDetail {
            to_stage: stage.slug(),
            date: today.to_string(),
            ..EventDetail::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

async fn insert_stage_rows<C: ConnectionTrait>(
    db: &C,
    projects: &[StageDates],
) -> Result<(), DbErr> {
    let rows: Vec<stage_row::ActiveModel> = projects
        .iter()
        .flat_map(|(id, planned, reached)| {
            Stage::ALL.into_iter().map(move |s| stage_row::ActiveModel {
                project_id: Set(*id),
                stage: Set(s.slug().to_owned()),
                planned_date: Set(date_text(planned[s.index()])),
                reached_date: Set(date_text(reached[s.index()])),
                ..Default::default()
            })
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        stage_row::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

#[derive(Default)]
struct EventDetail<'a> {
    from_stage: &'a str,
    to_stage: &'a str,
    date: String,
    note: String,
    changes: String,
}

async fn record<C: ConnectionTrait>(
    db: &C,
    project_id: i64,
    kind: &str,
    user_id: Option<i64>,
    now: i64,
    detail: EventDetail<'_>,
) -> Result<(), DbErr> {
    event::ActiveModel {
        project_id: Set(project_id),
        kind: Set(kind.to_owned()),
        user_id: Set(user_id),
        at: Set(now),
        from_stage: Set(detail.from_stage.to_owned()),
        to_stage: Set(detail.to_stage.to_owned()),
        date: Set(detail.date),
        note: Set(detail.note),
        changes: Set(detail.changes),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

fn fill_dates(rows: &[stage_row::Model]) -> ([Option<Date>; 12], [Option<Date>; 12]) {
    let mut planned = [None; 12];
    let mut reached = [None; 12];
    for r in rows {
        if let Some(s) = Stage::from_slug(&r.stage) {
            planned[s.index()] = parse(&r.planned_date);
            reached[s.index()] = parse(&r.reached_date);
        }
    }
    (planned, reached)
}

pub async fn load<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Project>, DbErr> {
    let Some(row) = project::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let rows = stage_row::Entity::find()
        .filter(stage_row::Column::ProjectId.eq(id))
        .all(db)
        .await?;
    let (planned, reached) = fill_dates(&rows);
    Ok(Some(Project {
        stage: stage_of(&row),
        row,
        planned,
        reached,
    }))
}

/// Several projects with their stage dates, in two queries.
pub async fn with_stages<C: ConnectionTrait>(
    db: &C,
    rows: Vec<project::Model>,
) -> Result<Vec<Project>, DbErr> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut by_project: HashMap<i64, Vec<stage_row::Model>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for r in stage_row::Entity::find()
            .filter(stage_row::Column::ProjectId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            by_project.entry(r.project_id).or_default().push(r);
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let (planned, reached) = fill_dates(by_project.get(&row.id).map_or(&[], |v| v));
            Project {
                stage: stage_of(&row),
                row,
                planned,
                reached,
            }
        })
        .collect())
}

/// Bumps the version if it is still `base`; `Err(Stale)` otherwise.
async fn claim<C: ConnectionTrait>(
    db: &C,
    id: i64,
    base: i32,
    now: i64,
) -> Result<Result<(), Stale>, DbErr> {
    let result = project::Entity::update_many()
        .col_expr(project::Column::Version, Expr::value(base + 1))
        .col_expr(project::Column::UpdatedAt, Expr::value(now))
        .filter(project::Column::Id.eq(id))
        .filter(project::Column::Version.eq(base))
        .exec(db)
        .await?;
    if result.rows_affected == 1 {
        return Ok(Ok(()));
    }
    let current = project::Entity::find_by_id(id)
        .one(db)
        .await?
        .map_or(0, |p| p.version);
    Ok(Err(Stale { current }))
}

/// Saves an edit made on version `base`, recording every changed field with
/// its old and new value. Nothing changes when the stored version moved on.
pub async fn update(
    db: &DatabaseConnection,
    user_id: i64,
    id: i64,
    base: i32,
    valid: &ValidProject,
    now: i64,
) -> Result<Result<Vec<Change>, Stale>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let Some(old) = load(&txn, id).await? else {
        return Err(DbErr::RecordNotFound(format!("project {id}")));
    };
    if let Err(stale) = claim(&txn, id, base, now).await? {
        return Ok(Err(stale));
    }
    let changed = changes(&old.valid(), valid);
    project::Entity::update_many()
        .col_expr(project::Column::Name, Expr::value(valid.name.clone()))
        .col_expr(project::Column::Area, Expr::value(valid.area.clone()))
        .col_expr(
            project::Column::DistrictAgs5,
            Expr::value(valid.district_ags5.clone()),
        )
        .col_expr(
            project::Column::Model,
            Expr::value(valid.model.map(|m| m.slug().to_owned()).unwrap_or_default()),
        )
        .col_expr(
            project::Column::FederalCents,
            Expr::value(valid.amounts.federal),
        )
        .col_expr(
            project::Column::StateCents,
            Expr::value(valid.amounts.state),
        )
        .col_expr(
            project::Column::MunicipalCents,
            Expr::value(valid.amounts.municipal),
        )
        .col_expr(
            project::Column::EligibleCents,
            Expr::value(valid.amounts.eligible),
        )
        .col_expr(
            project::Column::AddressesPlanned,
            Expr::value(valid.addresses_planned),
        )
        .col_expr(
            project::Column::AddressesConnected,
            Expr::value(valid.addresses_connected),
        )
        .col_expr(
            project::Column::Responsible,
            Expr::value(valid.responsible.clone()),
        )
        .col_expr(
            project::Column::NextDueDate,
            Expr::value(date_text(next_due(old.stage, &valid.planned))),
        )
        .filter(project::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    for stage in Stage::ALL {
        if old.planned[stage.index()] != valid.planned[stage.index()] {
            stage_row::Entity::update_many()
                .col_expr(
                    stage_row::Column::PlannedDate,
                    Expr::value(date_text(valid.planned[stage.index()])),
                )
                .filter(stage_row::Column::ProjectId.eq(id))
                .filter(stage_row::Column::Stage.eq(stage.slug()))
                .exec(&txn)
                .await?;
        }
    }
    if !changed.is_empty() {
        record(
            &txn,
            id,
            "edited",
            Some(user_id),
            now,
            EventDetail {
                changes: serde_json::to_string(&changed)
                    .map_err(|e| DbErr::Custom(e.to_string()))?,
                ..EventDetail::default()
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(changed))
}

/// Moves a project to another stage (checked by
/// [`super::validate_stage_change`]) if it is still at version `base`.
pub async fn change_stage(
    db: &DatabaseConnection,
    user_id: i64,
    id: i64,
    base: i32,
    change: &StageChange,
    now: i64,
) -> Result<Result<(), Stale>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let Some(old) = load(&txn, id).await? else {
        return Err(DbErr::RecordNotFound(format!("project {id}")));
    };
    if old.stage != change.from {
        let current = old.row.version;
        return Ok(Err(Stale { current }));
    }
    if let Err(stale) = claim(&txn, id, base, now).await? {
        return Ok(Err(stale));
    }
    let reached = super::reached_after(change, &old.reached);
    project::Entity::update_many()
        .col_expr(project::Column::Stage, Expr::value(change.to.slug()))
        .col_expr(
            project::Column::NextDueDate,
            Expr::value(date_text(next_due(change.to, &old.planned))),
        )
        .filter(project::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    for stage in Stage::ALL {
        if old.reached[stage.index()] != reached[stage.index()] {
            stage_row::Entity::update_many()
                .col_expr(
                    stage_row::Column::ReachedDate,
                    Expr::value(date_text(reached[stage.index()])),
                )
                .filter(stage_row::Column::ProjectId.eq(id))
                .filter(stage_row::Column::Stage.eq(stage.slug()))
                .exec(&txn)
                .await?;
        }
    }
    record(
        &txn,
        id,
        "stage",
        Some(user_id),
        now,
        EventDetail {
            from_stage: change.from.slug(),
            to_stage: change.to.slug(),
            date: change.date.to_string(),
            note: change.note.clone(),
            changes: String::new(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// A document without its bytes, for lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub id: i64,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    pub uploaded_at: i64,
}

pub async fn add_document(
    db: &DatabaseConnection,
    user_id: i64,
    project_id: i64,
    kind: DocumentKind,
    filename: &str,
    bytes: Vec<u8>,
    now: i64,
) -> Result<i64, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let size = bytes.len() as i64;
    let row = document::ActiveModel {
        project_id: Set(project_id),
        filename: Set(filename.to_owned()),
        mime: Set(kind.mime().to_owned()),
        size: Set(size),
        data: Set(bytes),
        uploaded_by: Set(Some(user_id)),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        project_id,
        "document_added",
        Some(user_id),
        now,
        EventDetail {
            changes: filename.to_owned(),
            ..EventDetail::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Removes a document; `false` when it is not one of this project's.
pub async fn remove_document(
    db: &DatabaseConnection,
    user_id: i64,
    project_id: i64,
    document_id: i64,
    now: i64,
) -> Result<bool, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let Some(info) = document_info(&txn, project_id, document_id).await? else {
        return Ok(false);
    };
    document::Entity::delete_by_id(document_id)
        .exec(&txn)
        .await?;
    record(
        &txn,
        project_id,
        "document_removed",
        Some(user_id),
        now,
        EventDetail {
            changes: info.filename,
            ..EventDetail::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

fn info_query() -> sea_orm::Select<document::Entity> {
    document::Entity::find()
        .select_only()
        .column(document::Column::Id)
        .column(document::Column::Filename)
        .column(document::Column::Mime)
        .column(document::Column::Size)
        .column(document::Column::UploadedAt)
}

type InfoRow = (i64, String, String, i64, i64);

fn info_of((id, filename, mime, size, uploaded_at): InfoRow) -> DocumentInfo {
    DocumentInfo {
        id,
        filename,
        mime,
        size,
        uploaded_at,
    }
}

async fn document_info<C: ConnectionTrait>(
    db: &C,
    project_id: i64,
    document_id: i64,
) -> Result<Option<DocumentInfo>, DbErr> {
    Ok(info_query()
        .filter(document::Column::Id.eq(document_id))
        .filter(document::Column::ProjectId.eq(project_id))
        .into_tuple::<InfoRow>()
        .one(db)
        .await?
        .map(info_of))
}

/// The documents of a project, newest first, without their bytes.
pub async fn documents<C: ConnectionTrait>(
    db: &C,
    project_id: i64,
) -> Result<Vec<DocumentInfo>, DbErr> {
    Ok(info_query()
        .filter(document::Column::ProjectId.eq(project_id))
        .order_by_desc(document::Column::UploadedAt)
        .order_by_desc(document::Column::Id)
        .into_tuple::<InfoRow>()
        .all(db)
        .await?
        .into_iter()
        .map(info_of)
        .collect())
}

/// One document with its bytes, if it belongs to the project.
pub async fn document<C: ConnectionTrait>(
    db: &C,
    project_id: i64,
    document_id: i64,
) -> Result<Option<document::Model>, DbErr> {
    document::Entity::find_by_id(document_id)
        .filter(document::Column::ProjectId.eq(project_id))
        .one(db)
        .await
}

/// A history entry with the name of the person who made it (if the account
/// still exists).
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub event: event::Model,
    pub who: Option<String>,
    pub changes: Vec<Change>,
}

/// The history of a project, newest first; names in one query.
pub async fn history<C: ConnectionTrait>(
    db: &C,
    project_id: i64,
) -> Result<Vec<HistoryEntry>, DbErr> {
    let events = event::Entity::find()
        .filter(event::Column::ProjectId.eq(project_id))
        .order_by_desc(event::Column::At)
        .order_by_desc(event::Column::Id)
        .all(db)
        .await?;
    let mut ids: Vec<i64> = events.iter().filter_map(|e| e.user_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<i64, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::DisplayName)
            .filter(user::Column::Id.is_in(ids))
            .into_tuple::<(i64, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(events
        .into_iter()
        .map(|event| HistoryEntry {
            who: event.user_id.and_then(|id| names.get(&id).cloned()),
            changes: if event.kind == "edited" {
                serde_json::from_str(&event.changes).unwrap_or_default()
            } else {
                Vec::new()
            },
            event,
        })
        .collect())
}

/// Filters of the project list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub district: Option<String>,
    pub stage: Option<Stage>,
    pub overdue: bool,
}

fn filtered(filter: &Filter, today: Date) -> sea_orm::Select<project::Entity> {
    let mut query = project::Entity::find();
    if let Some(ags5) = &filter.district {
        query = query.filter(project::Column::DistrictAgs5.eq(ags5.as_str()));
    }
    if let Some(stage) = filter.stage {
        query = query.filter(project::Column::Stage.eq(stage.slug()));
    }
    if filter.overdue {
        query = query.filter(project::Column::NextDueDate.lt(today.to_string()));
    }
    query
}

/// One page of projects by name, and how many match.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    today: Date,
    page: u64,
    per_page: u64,
) -> Result<(Vec<project::Model>, u64), DbErr> {
    let total = filtered(filter, today).count(db).await?;
    let rows = filtered(filter, today)
        .order_by_asc(project::Column::Name)
        .order_by_asc(project::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Totals of the projects matching a filter: the list's public summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub projects: i64,
    pub amounts: Amounts,
    pub addresses_planned: i64,
    pub addresses_connected: i64,
}

/// Sums in Rust over the few columns needed (one query): `SUM` of a
/// `BIGINT` is `NUMERIC` on PostgreSQL and would need a cast per backend.
pub async fn totals<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    today: Date,
) -> Result<Totals, DbErr> {
    let rows: Vec<(i64, i64, i64, i64, i64, i64)> = filtered(filter, today)
        .select_only()
        .column(project::Column::FederalCents)
        .column(project::Column::StateCents)
        .column(project::Column::MunicipalCents)
        .column(project::Column::EligibleCents)
        .column(project::Column::AddressesPlanned)
        .column(project::Column::AddressesConnected)
        .into_tuple()
        .all(db)
        .await?;
    let mut t = Totals::default();
    for (federal, state, municipal, eligible, planned, connected) in rows {
        t.projects += 1;
        t.amounts.federal += federal;
        t.amounts.state += state;
        t.amounts.municipal += municipal;
        t.amounts.eligible += eligible;
        t.addresses_planned += planned;
        t.addresses_connected += connected;
    }
    Ok(t)
}

/// Overdue projects with their stage dates (for the „Überfällig“
/// overview), the longest overdue first.
pub async fn overdue_projects<C: ConnectionTrait>(
    db: &C,
    today: Date,
) -> Result<Vec<Project>, DbErr> {
    let rows = project::Entity::find()
        .filter(project::Column::NextDueDate.lt(today.to_string()))
        .order_by_asc(project::Column::NextDueDate)
        .order_by_asc(project::Column::Name)
        .all(db)
        .await?;
    with_stages(db, rows).await
}

/// The projects touching an area page: for a Kreis all projects in it, for
/// a Gemeinde its own and those of its whole Kreis. One query.
pub async fn for_area<C: ConnectionTrait>(
    db: &C,
    ags5: &str,
    ags8: Option<&str>,
) -> Result<Vec<project::Model>, DbErr> {
    let query = project::Entity::find();
    let query = match ags8 {
        Some(ags8) => query.filter(project::Column::Area.is_in([ags8, ags5])),
        None => query.filter(project::Column::DistrictAgs5.eq(ags5)),
    };
    query.order_by_asc(project::Column::Name).all(db).await
}

/// What the Lagebild charts need of every project: stage, Kreis, amounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    pub stage: String,
    pub district_ags5: String,
    pub amounts: Amounts,
}

pub async fn chart_rows<C: ConnectionTrait>(db: &C) -> Result<Vec<ChartRow>, DbErr> {
    Ok(project::Entity::find()
        .select_only()
        .column(project::Column::Stage)
        .column(project::Column::DistrictAgs5)
        .column(project::Column::FederalCents)
        .column(project::Column::StateCents)
        .column(project::Column::MunicipalCents)
        .column(project::Column::EligibleCents)
        .into_tuple::<(String, String, i64, i64, i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(
            |(stage, district_ags5, federal, state, municipal, eligible)| ChartRow {
                stage,
                district_ags5,
                amounts: Amounts {
                    federal,
                    state,
                    municipal,
                    eligible,
                },
            },
        )
        .collect())
}

/// A project for bulk seeding (demo data): its values, the stage it is at
/// and the stage dates.
#[derive(Debug, Clone)]
pub struct Seed {
    pub valid: ValidProject,
    pub stage: Stage,
    pub reached: [Option<Date>; 12],
}

/// Inserts projects in bulk, each with its stage rows and a „created“
/// history entry; returns how many.
pub async fn insert_many(
    db: &DatabaseConnection,
    seeds: &[Seed],
    now: i64,
) -> Result<usize, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let rows: Vec<project::ActiveModel> = seeds
        .iter()
        .map(|s| project::ActiveModel {
            name: Set(s.valid.name.clone()),
            area: Set(s.valid.area.clone()),
            district_ags5: Set(s.valid.district_ags5.clone()),
            stage: Set(s.stage.slug().to_owned()),
            model: Set(s
                .valid
                .model
                .map(|m| m.slug().to_owned())
                .unwrap_or_default()),
            federal_cents: Set(s.valid.amounts.federal),
            state_cents: Set(s.valid.amounts.state),
            municipal_cents: Set(s.valid.amounts.municipal),
            eligible_cents: Set(s.valid.amounts.eligible),
            addresses_planned: Set(s.valid.addresses_planned),
            addresses_connected: Set(s.valid.addresses_connected),
            responsible: Set(s.valid.responsible.clone()),
            next_due_date: Set(date_text(next_due(s.stage, &s.valid.planned))),
            version: Set(1),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        project::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    // Ids of the rows just inserted: the newest ones, in insertion order.
    let mut ids: Vec<i64> = project::Entity::find()
        .select_only()
        .column(project::Column::Id)
        .order_by_desc(project::Column::Id)
        .limit(seeds.len() as u64)
        .into_tuple::<i64>()
        .all(&txn)
        .await?;
    ids.reverse();
    let stages: Vec<StageDates> = ids
        .iter()
        .zip(seeds)
        .map(|(id, s)| (*id, s.valid.planned, s.reached))
        .collect();
    insert_stage_rows(&txn, &stages).await?;
    let events: Vec<event::ActiveModel> = ids
        .iter()
        .zip(seeds)
        .map(|(id, s)| event::ActiveModel {
            project_id: Set(*id),
            kind: Set("created".to_owned()),
            user_id: Set(None),
            at: Set(now),
            from_stage: Set(String::new()),
            to_stage: Set(s.stage.slug().to_owned()),
            date: Set(date_text(s.reached[s.stage.index()]).unwrap_or_default()),
            note: Set(String::new()),
            changes: Set(String::new()),
            ..Default::default()
        })
        .collect();
    for chunk in events.chunks(CHUNK) {
        event::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(seeds.len())
}

/// Whether any project exists (the demo seeds only once).
pub async fn any<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    Ok(project::Entity::find().count(db).await? > 0)
}
