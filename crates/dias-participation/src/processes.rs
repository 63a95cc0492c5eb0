//! Staff set up processes and their phases: the form rules as plain
//! functions (`ProcessInput::validate`, `PhaseInput::validate`,
//! `overlapping`) and the writes that keep phases in date order.

use std::collections::HashSet;

use dias_core::error::{CoreError, CoreResult};
use dias_core::validation::{FieldErrors, required_text};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::entities::{phase, process};

pub const VISIBILITIES: [&str; 3] = ["draft", "published", "archived"];

/// Paths under `/beteiligung/` that a process slug must not take.
const RESERVED_SLUGS: [&str; 2] = ["neu", "moderation"];

/// The process form as submitted (strings, so it can be shown again).
#[derive(Debug, Clone, Default)]
pub struct ProcessInput {
    pub title: String,
    pub slug: String,
    pub teaser: String,
    pub description_md: String,
    pub organiser: String,
    pub scope_ags5: String,
    pub visibility: String,
    pub support_limit: String,
    pub support_threshold: String,
    pub report_threshold: String,
    pub premoderation: bool,
    pub phase_override: String,
    /// The opinion map's question (empty: the default question).
    pub opinion_question: String,
    /// Whether visitors may vote on statements without an account.
    pub opinion_anonymous: bool,
}

/// A checked process form.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessFields {
    pub title: String,
    pub slug: String,
    pub teaser: String,
    pub description_md: String,
    pub organiser: String,
    pub scope_ags5: Option<String>,
    pub visibility: String,
    pub support_limit: i32,
    pub support_threshold: i32,
    pub report_threshold: i32,
    pub premoderation: bool,
    pub phase_override: Option<i64>,
    pub opinion_question: String,
    pub opinion_anonymous: bool,
}

fn number_in(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    range: std::ops::RangeInclusive<i32>,
) -> i32 {
    match value.trim().parse::<i32>() {
        Ok(n) if range.contains(&n) => n,
        Ok(_) => {
            errors.add(field, "process-error-out-of-range");
            0
        }
        Err(_) => {
            errors.add(field, "process-error-number");
            0
        }
    }
}

impl ProcessInput {
    /// Checks the form. `known_kreise` are the AGS of the Kreise a process may
    /// be limited to; `phase_ids` are the phases an override may name.
    pub fn validate(
        &self,
        known_kreise: &HashSet<&str>,
        phase_ids: &[i64],
    ) -> Result<ProcessFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = required_text(&mut errors, "title", &self.title, 200);
        let slug = if self.slug.trim().is_empty() {
            dias_core::slug::slugify(&title, 80, "")
        } else {
            self.slug.trim().to_owned()
        };
        let slug_ok = slug.len() >= 3 && dias_core::slug::is_valid(&slug, 80);
        if slug.is_empty() && title.is_empty() {
            // Nothing to derive it from yet: the title's error says enough.
        } else if !slug_ok {
            errors.add("slug", "process-error-slug");
        } else if RESERVED_SLUGS.contains(&slug.as_str()) {
            errors.add("slug", "process-error-slug-reserved");
        }
        let teaser = required_text(&mut errors, "teaser", &self.teaser, 400);
        let description_md = self.description_md.trim().to_owned();
        if description_md.chars().count() > 20_000 {
            errors.add("description_md", "error-too-long");
        }
        let organiser = required_text(&mut errors, "organiser", &self.organiser, 200);
        let scope_ags5 = match self.scope_ags5.trim() {
            "" => None,
            ags5 if known_kreise.contains(ags5) => Some(ags5.to_owned()),
            _ => {
                errors.add("scope_ags5", "error-invalid-choice");
                None
            }
        };
        if !VISIBILITIES.contains(&self.visibility.as_str()) {
            errors.add("visibility", "error-invalid-choice");
        }
        let support_limit = number_in(&mut errors, "support_limit", &self.support_limit, 1..=100);
        let support_threshold = number_in(
            &mut errors,
            "support_threshold",
            &self.support_threshold,
            1..=1_000_000,
        );
        let report_threshold = number_in(
            &mut errors,
            "report_threshold",
            &self.report_threshold,
            1..=100,
        );
        let phase_override = match self.phase_override.trim() {
            "" => None,
            id => match id.parse::<i64>() {
                Ok(id) if phase_ids.contains(&id) => Some(id),
                _ => {
                    errors.add("phase_override", "error-invalid-choice");
                    None
                }
            },
        };
        let opinion_question = self.opinion_question.trim().to_owned();
        if opinion_question.chars().count() > 300 {
            errors.add("opinion_question", "error-too-long");
        }
        errors.into_result()?;
        Ok(ProcessFields {
            opinion_question,
            opinion_anonymous: self.opinion_anonymous,
            title,
            slug,
            teaser,
            description_md,
            organiser,
            scope_ags5,
            visibility: self.visibility.clone(),
            support_limit,
            support_threshold,
            report_threshold,
            premoderation: self.premoderation,
            phase_override,
        })
    }

    /// The form pre-filled from a stored process.
    pub fn from_model(p: &process::Model) -> Self {
        ProcessInput {
            title: p.title.clone(),
            slug: p.slug.clone(),
            teaser: p.teaser.clone(),
            description_md: p.description_md.clone(),
            organiser: p.organiser.clone(),
            scope_ags5: p.scope_ags5.clone().unwrap_or_default(),
            visibility: p.visibility.clone(),
            support_limit: p.support_limit.to_string(),
            support_threshold: p.support_threshold.to_string(),
            report_threshold: p.report_threshold.to_string(),
            premoderation: p.premoderation,
            phase_override: p
                .phase_override
                .map(|id| id.to_string())
                .unwrap_or_default(),
            opinion_question: String::new(),
            opinion_anonymous: false,
        }
    }

    /// The empty form of a new process, with the usual defaults.
    pub fn new_defaults(organiser: &str) -> Self {
        ProcessInput {
            organiser: organiser.to_owned(),
            visibility: "draft".into(),
            support_limit: "10".into(),
            support_threshold: "100".into(),
            report_threshold: "3".into(),
            ..Default::default()
        }
    }
}

/// The switches of a phase, in the order the form shows them.
pub const SWITCHES: [&str; 6] = [
    "commenting",
    "proposals",
    "supporting",
    "suggestions",
    "statement_voting",
    "survey",
];

/// The phase form as submitted.
#[derive(Debug, Clone, Default)]
pub struct PhaseInput {
    pub name: String,
    pub description: String,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub ends_on: String,
    pub switches: HashSet<String>,
}

/// A checked phase form: `[starts_at, ends_at)` in Unix seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseFields {
    pub name: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub switches: [bool; 6],
}

impl PhaseInput {
    pub fn validate(&self) -> Result<PhaseFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = required_text(&mut errors, "name", &self.name, 120);
        let description = self.description.trim().to_owned();
        if description.chars().count() > 2_000 {
            errors.add("description", "error-too-long");
        }
        let starts_at = dias_core::time::berlin_day_start(&self.starts_on);
        if starts_at.is_none() {
            errors.add("starts_on", "phase-error-date");
        }
        // The phase ends when the day after its last day begins.
        let ends_at = dias_core::time::berlin_day_end(&self.ends_on);
        if ends_at.is_none() {
            errors.add("ends_on", "phase-error-date");
        }
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            errors.add("ends_on", "phase-error-order");
        }
        errors.into_result()?;
        let on = |key: &str| self.switches.contains(key);
        Ok(PhaseFields {
            name,
            description,
            starts_at: starts_at.unwrap_or_default(),
            ends_at: ends_at.unwrap_or_default(),
            switches: SWITCHES.map(on),
        })
    }

    pub fn from_model(p: &phase::Model) -> Self {
        let mut switches = HashSet::new();
        for (key, on) in SWITCHES.iter().zip(switch_values(p)) {
            if on {
                switches.insert((*key).to_owned());
            }
        }
        PhaseInput {
            name: p.name.clone(),
            description: p.description.clone(),
            starts_on: dias_core::time::date_input_value(p.starts_at),
            ends_on: dias_core::time::date_input_value(p.ends_at - 1),
            switches,
        }
    }
}

pub fn switch_values(p: &phase::Model) -> [bool; 6] {
    [
        p.commenting,
        p.proposals,
        p.supporting,
        p.suggestions,
        p.statement_voting,
        p.survey,
    ]
}

/// The first phase of `others` whose dates intersect `[starts_at, ends_at)`:
/// the current phase is derived from dates, so two phases may not share a day.
pub fn overlapping(others: &[phase::Model], starts_at: i64, ends_at: i64) -> Option<&phase::Model> {
    others
        .iter()
        .find(|o| o.starts_at < ends_at && starts_at < o.ends_at)
}

async fn slug_taken<C: ConnectionTrait>(
    db: &C,
    slug: &str,
    except: Option<i64>,
) -> CoreResult<bool> {
    let mut query = process::Entity::find().filter(process::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(process::Column::Id.ne(id));
    }
    Ok(query.one(db).await?.is_some())
}

/// Creates a process; the slug must be free.
pub async fn create_process(
    db: &DatabaseConnection,
    f: &ProcessFields,
) -> CoreResult<process::Model> {
    if slug_taken(db, &f.slug, None).await? {
        return Err(FieldErrors::single("slug", "process-error-slug-taken").into());
    }
    let now = dias_core::time::now();
    let model = process::ActiveModel {
        slug: Set(f.slug.clone()),
        title: Set(f.title.clone()),
        teaser: Set(f.teaser.clone()),
        description_md: Set(f.description_md.clone()),
        organiser: Set(f.organiser.clone()),
        scope_ags5: Set(f.scope_ags5.clone()),
        visibility: Set(f.visibility.clone()),
        support_limit: Set(f.support_limit),
        support_threshold: Set(f.support_threshold),
        report_threshold: Set(f.report_threshold),
        premoderation: Set(f.premoderation),
        phase_override: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::opinion::store::configure(db, model.id, &f.opinion_question, f.opinion_anonymous)
        .await?;
    dias_core::outbox::search_changed(db, crate::store::KIND_PROCESS, &model.id.to_string())
        .await?;
    Ok(model)
}

/// Saves the process form; a changed slug must be free.
pub async fn update_process(
    db: &DatabaseConnection,
    id: i64,
    f: &ProcessFields,
) -> CoreResult<process::Model> {
    if slug_taken(db, &f.slug, Some(id)).await? {
        return Err(FieldErrors::single("slug", "process-error-slug-taken").into());
    }
    let txn = dias_core::db::begin_write(db).await?;
    let before = process::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(CoreError::NotFound)?;
    // Whether everything of the process leaves or enters the public search,
    // or changes its address there.
    let search_wide = before.visibility != f.visibility
        && (before.visibility == "draft" || f.visibility == "draft")
        || before.slug != f.slug;
    let mut model: process::ActiveModel = before.into();
    model.slug = Set(f.slug.clone());
    model.title = Set(f.title.clone());
    model.teaser = Set(f.teaser.clone());
    model.description_md = Set(f.description_md.clone());
    model.organiser = Set(f.organiser.clone());
    model.scope_ags5 = Set(f.scope_ags5.clone());
    model.visibility = Set(f.visibility.clone());
    model.support_limit = Set(f.support_limit);
    model.support_threshold = Set(f.support_threshold);
    model.report_threshold = Set(f.report_threshold);
    model.premoderation = Set(f.premoderation);
    model.phase_override = Set(f.phase_override);
    model.updated_at = Set(dias_core::time::now());
    let model = model.update(&txn).await?;
    crate::opinion::store::configure(&txn, id, &f.opinion_question, f.opinion_anonymous).await?;
    if search_wide {
        // The search documents of its proposals, paragraphs and debates
        // change with it: every instance rebuilds its index.
        dias_core::outbox::search_changed(&txn, dias_search::indexer::REBUILD, "").await?;
    } else {
        dias_core::outbox::search_changed(&txn, crate::store::KIND_PROCESS, &id.to_string())
            .await?;
    }
    txn.commit().await?;
    Ok(model)
}

/// Adds (`phase_id` None) or changes a phase, refusing overlaps, and keeps
/// positions in date order.
pub async fn save_phase(
    db: &DatabaseConnection,
    process_id: i64,
    phase_id: Option<i64>,
    f: &PhaseFields,
) -> CoreResult<i64> {
    let txn = dias_core::db::begin_write(db).await?;
    let others: Vec<phase::Model> = phase::Entity::find()
        .filter(phase::Column::ProcessId.eq(process_id))
        .all(&txn)
        .await?
        .into_iter()
        .filter(|p| Some(p.id) != phase_id)
        .collect();
    if overlapping(&others, f.starts_at, f.ends_at).is_some() {
        return Err(FieldErrors::single("starts_on", "phase-error-overlap").into());
    }
    let [
        commenting,
        proposals,
        supporting,
        suggestions,
        statement_voting,
        survey,
    ] = f.switches;
    let mut model = match phase_id {
        Some(id) => {
            let existing = phase::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|p| p.process_id == process_id)
                .ok_or(CoreError::NotFound)?;
            phase::ActiveModel::from(existing)
        }
        None => phase::ActiveModel {
            process_id: Set(process_id),
            position: Set(0),
            ..Default::default()
        },
    };
    model.name = Set(f.name.clone());
    model.description = Set(f.description.clone());
    model.starts_at = Set(f.starts_at);
    model.ends_at = Set(f.ends_at);
    model.commenting = Set(commenting);
    model.proposals = Set(proposals);
    model.supporting = Set(supporting);
    model.suggestions = Set(suggestions);
    model.statement_voting = Set(statement_voting);
    model.survey = Set(survey);
    let id = match phase_id {
        Some(_) => model.update(&txn).await?.id,
        None => model.insert(&txn).await?.id,
    };
    renumber(&txn, process_id).await?;
    touch(&txn, process_id).await?;
    txn.commit().await?;
    Ok(id)
}

/// Removes a phase (contributions belong to the process, not to a phase, so
/// nothing else goes); an override naming it falls back to the dates.
pub async fn delete_phase(
    db: &DatabaseConnection,
    process_id: i64,
    phase_id: i64,
) -> CoreResult<()> {
    let txn = dias_core::db::begin_write(db).await?;
    let result = phase::Entity::delete_many()
        .filter(phase::Column::Id.eq(phase_id))
        .filter(phase::Column::ProcessId.eq(process_id))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(CoreError::NotFound);
    }
    process::Entity::update_many()
        .col_expr(
            process::Column::PhaseOverride,
            Expr::value(Option::<i64>::None),
        )
        .filter(process::Column::Id.eq(process_id))
        .filter(process::Column::PhaseOverride.eq(phase_id))
        .exec(&txn)
        .await?;
    renumber(&txn, process_id).await?;
    touch(&txn, process_id).await?;
    txn.commit().await?;
    Ok(())
}

async fn renumber<C: ConnectionTrait>(db: &C, process_id: i64) -> CoreResult<()> {
    let phases = phase::Entity::find()
        .filter(phase::Column::ProcessId.eq(process_id))
        .order_by_asc(phase::Column::StartsAt)
        .order_by_asc(phase::Column::Id)
        .all(db)
        .await?;
    for (i, p) in phases.into_iter().enumerate() {
        let position = i as i32 + 1;
        if p.position != position {
            phase::Entity::update_many()
                .col_expr(phase::Column::Position, Expr::value(position))
                .filter(phase::Column::Id.eq(p.id))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

async fn touch<C: ConnectionTrait>(db: &C, process_id: i64) -> CoreResult<()> {
    process::Entity::update_many()
        .col_expr(
            process::Column::UpdatedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(process::Column::Id.eq(process_id))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kreise() -> HashSet<&'static str> {
        ["14521", "14612"].into_iter().collect()
    }

    fn valid() -> ProcessInput {
        ProcessInput {
            title: "Smarte Region Erzgebirge".into(),
            teaser: "Wie soll die Region digital werden?".into(),
            organiser: "Digitalagentur Sachsen".into(),
            scope_ags5: "14521".into(),
            visibility: "draft".into(),
            support_limit: "5".into(),
            support_threshold: "50".into(),
            report_threshold: "3".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_form_derives_the_slug_from_the_title() {
        let f = valid().validate(&kreise(), &[]).unwrap();
        assert_eq!(f.slug, "smarte-region-erzgebirge");
        assert_eq!(f.scope_ags5.as_deref(), Some("14521"));
        assert_eq!(
            (f.support_limit, f.support_threshold, f.report_threshold),
            (5, 50, 3)
        );
        assert_eq!(f.phase_override, None);
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut input = valid();
        input.title = String::new();
        input.slug = "Mit Leerzeichen".into();
        input.teaser = "x".repeat(401);
        input.scope_ags5 = "99999".into();
        input.visibility = "geheim".into();
        input.support_limit = "0".into();
        input.support_threshold = "viele".into();
        input.phase_override = "7".into();
        let errors = input.validate(&kreise(), &[1, 2]).unwrap_err();
        assert_eq!(errors.get("title"), Some("error-required"));
        assert_eq!(errors.get("slug"), Some("process-error-slug"));
        assert_eq!(errors.get("teaser"), Some("error-too-long"));
        assert_eq!(errors.get("scope_ags5"), Some("error-invalid-choice"));
        assert_eq!(errors.get("visibility"), Some("error-invalid-choice"));
        assert_eq!(
            errors.get("support_limit"),
            Some("process-error-out-of-range")
        );
        assert_eq!(
            errors.get("support_threshold"),
            Some("process-error-number")
        );
        assert_eq!(errors.get("phase_override"), Some("error-invalid-choice"));
        let mut reserved = valid();
        reserved.slug = "neu".into();
        assert_eq!(
            reserved.validate(&kreise(), &[]).unwrap_err().get("slug"),
            Some("process-error-slug-reserved")
        );
    }

    #[test]
    fn phase_dates_cover_whole_berlin_days() {
        let input = PhaseInput {
            name: "Konsultation".into(),
            starts_on: "2026-10-25".into(),
            ends_on: "2026-10-25".into(),
            switches: ["commenting".to_owned(), "survey".to_owned()]
                .into_iter()
                .collect(),
            ..Default::default()
        };
        let f = input.validate().unwrap();
        // 25 October 2026 is the day clocks go back: 25 hours long.
        assert_eq!(f.ends_at - f.starts_at, 25 * 3600);
        assert_eq!(f.switches, [true, false, false, false, false, true]);
        let mut backwards = input.clone();
        backwards.starts_on = "2026-10-26".into();
        assert_eq!(
            backwards.validate().unwrap_err().get("ends_on"),
            Some("phase-error-order")
        );
        let mut nonsense = input;
        nonsense.starts_on = "31.02.2026".into();
        assert_eq!(
            nonsense.validate().unwrap_err().get("starts_on"),
            Some("phase-error-date")
        );
    }

    #[test]
    fn phases_may_touch_but_not_overlap() {
        let phase = |id, starts_at, ends_at| phase::Model {
            id,
            process_id: 1,
            position: 1,
            name: String::new(),
            description: String::new(),
            starts_at,
            ends_at,
            commenting: false,
            proposals: false,
            supporting: false,
            suggestions: false,
            statement_voting: false,
            survey: false,
        };
        let others = [phase(1, 0, 100), phase(2, 200, 300)];
        assert_eq!(overlapping(&others, 100, 200), None);
        assert_eq!(overlapping(&others, 99, 150).map(|p| p.id), Some(1));
        assert_eq!(overlapping(&others, 150, 201).map(|p| p.id), Some(2));
        assert_eq!(overlapping(&others, -50, 400).map(|p| p.id), Some(1));
    }
}
