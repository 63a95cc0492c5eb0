//! `/foerderung/redaktion`: the editors' pages (staff only, through
//! [`FundingAction::Edit`]). The overview with the „Prüfung fällig“ queue,
//! the create/edit form with preview, the version history with the diff of
//! each version, restoring a version, the status change and „Als geprüft
//! markieren“.
//!
//! Every write goes through [`store::save_checked`] with the version the
//! page was rendered from, so each change is a version, status changes are
//! logged, the search index and the snapshot follow, and nobody overwrites
//! a version they have not seen: an edit over a newer version comes back
//! merged field by field ([`editorial::merge`]), an action over one is
//! refused. Reading the form
//! and comparing versions is [`crate::editorial`]'s; whether a record may
//! be stored is [`crate::offer::validate`]'s alone.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use dias_core::i18n::Value;
use dias_core::validation::FieldErrors;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{day, term};
use crate::editorial::{self, FieldChange, LineTag, MUNICIPALITIES, Merged, OfferInput};
use crate::offer::{self, Offer};
use crate::policy::FundingAction;
use crate::snapshot::SnapshotCache;
use crate::store::{self, StoredOffer};
use crate::vocab::{
    AmountBasis, CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, Industry,
    OfferType, Origin, Procedure, Region, Status, Term,
};

const BASE: &str = "/foerderung/redaktion";
/// Offers per page of the overview.
const PER_PAGE: usize = 50;
/// Offers of the review queue shown on the overview (the filter lists all).
const QUEUE_SHOWN: usize = 20;
/// Longest change note, in characters.
const MAX_NOTE: usize = 500;
/// Longest value of the other side shown beside a conflicting field, in
/// characters; the diff link shows all of it.
const MAX_THEIRS: usize = 300;
/// The language of the records: the catalogue is German whatever
/// language the editor's pages are in.
const RECORD_LOCALE: &str = "de";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(overview))
        .route("/foerderung/redaktion/neu", get(new_form).post(create))
        .route("/foerderung/redaktion/{slug}", get(edit_form).post(update))
        .route("/foerderung/redaktion/{slug}/versionen", get(history))
        .route(
            "/foerderung/redaktion/{slug}/versionen/{version}",
            get(version_diff),
        )
        .route(
            "/foerderung/redaktion/{slug}/versionen/{version}/wiederherstellen",
            post(restore),
        )
        .route("/foerderung/redaktion/{slug}/status", post(change_status))
        .route("/foerderung/redaktion/{slug}/geprueft", post(mark_checked))
}

/// Whether the visitor may use the Redaktion (for links on public pages).
pub(crate) fn can_edit(ctx: &Ctx) -> bool {
    ctx.can(&FundingAction::Edit)
}

fn edit_path(slug: &str) -> String {
    format!("{BASE}/{slug}")
}

fn history_path(slug: &str) -> String {
    format!("{BASE}/{slug}/versionen")
}

/// A choice of a select, radio or checkbox group.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn term_choices<T: Term>(ctx: &Ctx, selected: impl Fn(&str) -> bool) -> Vec<Choice> {
    T::ALL
        .iter()
        .map(|t| Choice {
            value: t.slug().to_owned(),
            label: term(ctx, *t),
            selected: selected(t.slug()),
        })
        .collect()
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Open => "ok",
        Status::Announced | Status::Stopped => "warn",
        Status::Ended => "muted",
    }
}

// ---------------------------------------------------------------- overview

#[derive(Debug, Default, Deserialize)]
struct OverviewQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    pruefung: String,
    #[serde(default)]
    seite: String,
}

/// An offer in the overview or the queue.
#[derive(Debug, Clone)]
pub struct OverviewRow {
    pub slug: String,
    pub title: String,
    pub status: String,
    pub status_class: &'static str,
    pub last_checked: String,
    pub reviewer: String,
    pub due: bool,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "funding/editorial.html")]
struct OverviewPage {
    ctx: Ctx,
    q: String,
    due_only: bool,
    statuses: Vec<Choice>,
    months: u32,
    queue: Vec<OverviewRow>,
    queue_total: usize,
    rows: Vec<OverviewRow>,
    total: usize,
    all: usize,
    pagination: Pagination,
}

async fn overview(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    Query(query): Query<OverviewQuery>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let page_number = match query.seite.as_str() {
        "" => 1,
        n => match n.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => return Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    };
    let status = Status::from_slug(&query.status);
    let q: String = query.q.trim().chars().take(200).collect();
    let needle = q.to_lowercase();
    let due_only = query.pruefung == "1";
    let months = state.config.funding_review_months;
    // The snapshot holds every offer in title order: one counter query
    // however many offers there are.
    let snapshot = cache.get(&state.db).await?;
    let today = snapshot.today;
    let row = |position: usize, o: &Offer| OverviewRow {
        slug: o.slug.clone(),
        title: o.title.clone(),
        status: term(&ctx, o.status),
        status_class: status_class(o.status),
        last_checked: day(&ctx, o.last_checked),
        reviewer: o.reviewer.clone(),
        due: editorial::review_due(o, today, months),
        updated: snapshot
            .updated_at(position)
            .map(|t| ctx.format_date(&t))
            .unwrap_or_default(),
    };

    let mut due: Vec<(usize, &Offer)> = snapshot
        .offers()
        .iter()
        .enumerate()
        .filter(|(_, o)| editorial::review_due(o, today, months))
        .collect();
    // Oldest check first; the title order of the snapshot breaks ties.
    due.sort_by_key(|(p, o)| (o.last_checked, *p));
    let queue_total = due.len();
    let queue = due
        .iter()
        .take(QUEUE_SHOWN)
        .map(|(p, o)| row(*p, o))
        .collect();

    let matching: Vec<(usize, &Offer)> = if due_only {
        due
    } else {
        snapshot.offers().iter().enumerate().collect()
    }
    .into_iter()
    .filter(|(_, o)| status.is_none_or(|s| o.status == s))
    .filter(|(_, o)| {
        needle.is_empty() || o.title.to_lowercase().contains(&needle) || o.slug.contains(&needle)
    })
    .collect();
    let total = matching.len();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if !q.is_empty() {
        pairs.push(("q", &q));
    }
    if let Some(s) = status {
        pairs.push(("status", s.slug()));
    }
    if due_only {
        pairs.push(("pruefung", "1"));
    }
    let query_string = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    let base = if query_string.is_empty() {
        BASE.to_owned()
    } else {
        format!("{BASE}?{query_string}")
    };
    let pagination = Pagination::new(page_number, total as u64, PER_PAGE as u64, base);
    let skip = (pagination.page as usize - 1) * PER_PAGE;
    let rows = matching
        .iter()
        .skip(skip)
        .take(PER_PAGE)
        .map(|(p, o)| row(*p, o))
        .collect();
    page(&OverviewPage {
        statuses: term_choices::<Status>(&ctx, |s| status.is_some_and(|t| t.slug() == s)),
        q,
        due_only,
        months,
        queue,
        queue_total,
        rows,
        total,
        all: snapshot.len(),
        pagination,
        ctx,
    })
}

// -------------------------------------------------------------------- form

/// One field of the form, described for the template.
#[derive(Debug, Clone)]
pub struct FieldView {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    /// `text`, `url`, `email`, `date`, `number`, `textarea`, `select` or
    /// `checkboxes`.
    pub widget: &'static str,
    pub value: String,
    pub rows: u8,
    pub required: bool,
    pub choices: Vec<Choice>,
    /// Label of the empty option of an optional select.
    pub empty: String,
}

#[derive(Debug, Clone)]
pub struct Fieldset {
    pub id: &'static str,
    pub legend: String,
    pub fields: Vec<FieldView>,
}

#[derive(Template)]
#[template(path = "funding/editorial_form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    /// `None` while creating.
    slug: Option<String>,
    title: String,
    fieldsets: Vec<Fieldset>,
    base_version: i32,
    note: String,
    /// The versions stored meanwhile, when the save was refused for them.
    conflict: Option<ConflictView>,
}

/// The box above a form that was saved over a newer version.
#[derive(Debug, Clone)]
pub struct ConflictView {
    /// The version now stored.
    pub current: i32,
    /// The version the editor had loaded (first side of the diff link).
    pub base: i32,
    /// Labels of the fields taken over from the newer versions.
    pub taken: String,
    /// Fields both sides changed differently.
    pub conflicts: usize,
}

impl FormPage {
    fn action(&self) -> String {
        form_page_action(self.slug.as_deref())
    }
}

/// Fields whose value is required by the schema (marked in the form).
fn required(name: &str) -> bool {
    crate::exchange::FIELDS
        .iter()
        .any(|f| f.name == name && f.required)
}

fn label(ctx: &Ctx, name: &str) -> String {
    ctx.t(&format!(
        "funding-editorial-field-{}",
        name.replace('_', "-")
    ))
}

/// The hint of a field, or empty: hints exist for the fields whose format
/// needs explaining.
fn hint(ctx: &Ctx, name: &str) -> String {
    const WITH_HINT: &[&str] = &[
        "slug",
        "title",
        "summary",
        "body",
        "keywords",
        "areas",
        "company_sizes",
        "industries",
        "regions",
        MUNICIPALITIES,
        "contact_phone",
        "contact_email",
        "rate_max_percent",
        "amount_basis",
        "amount_min_eur",
        "tiers",
        "deadlines",
        "programme_end",
        "status_note",
        "combinable_with",
        "source_url",
        "last_checked",
    ];
    if WITH_HINT.contains(&name) {
        ctx.t(&format!(
            "funding-editorial-hint-{}",
            name.replace('_', "-")
        ))
    } else {
        String::new()
    }
}

fn fieldsets(ctx: &Ctx, input: &OfferInput, creating: bool) -> Vec<Fieldset> {
    let field = |name: &'static str, widget: &'static str| FieldView {
        name,
        label: label(ctx, name),
        hint: hint(ctx, name),
        widget,
        value: input.get(name).to_owned(),
        rows: match name {
            "body" => 16,
            "summary" | "bonus_notes" | "status_note" | "tiers" | "deadlines" => 4,
            _ => 5,
        },
        required: required(name),
        choices: Vec::new(),
        empty: String::new(),
    };
    let select = |name: &'static str, choices: Vec<Choice>| FieldView {
        choices,
        empty: if required(name) {
            ctx.t("funding-editorial-choose")
        } else {
            ctx.t("funding-editorial-none")
        },
        ..field(name, "select")
    };
    let checkboxes = |name: &'static str, choices: Vec<Choice>| FieldView {
        choices,
        ..field(name, "checkboxes")
    };
    fn picked<T: Term>(ctx: &Ctx, input: &OfferInput, name: &str) -> Vec<Choice> {
        term_choices::<T>(ctx, |slug| input.get(name) == slug)
    }
    fn ticked<T: Term>(ctx: &Ctx, input: &OfferInput, name: &str) -> Vec<Choice> {
        term_choices::<T>(ctx, |slug| input.has(name, slug))
    }
    let areas = FundingArea::ALL
        .iter()
        .map(|a| Choice {
            value: a.slug().to_owned(),
            label: match a.parent() {
                Some(parent) => format!("{}: {}", term(ctx, parent), term(ctx, *a)),
                None => term(ctx, *a),
            },
            selected: input.has("areas", a.slug()),
        })
        .collect();
    let wide = [Region::Eu, Region::Federal, Region::Saxony];
    let regions = wide
        .into_iter()
        .chain(
            dias_core::reference::cached()
                .districts
                .iter()
                .map(|d| Region::District(d.ags5.clone())),
        )
        .map(|r| Choice {
            value: r.slug().to_owned(),
            label: super::region(ctx, &r),
            selected: input.has("regions", r.slug()),
        })
        .collect();

    let mut basics = vec![
        select("origin", picked::<Origin>(ctx, input, "origin")),
        select("offer_type", picked::<OfferType>(ctx, input, "offer_type")),
        field("title", "text"),
        field("summary", "textarea"),
        field("body", "textarea"),
        field("keywords", "textarea"),
    ];
    if creating {
        basics.insert(0, field("slug", "text"));
    }
    let t = |id: &str| ctx.t(id);
    vec![
        Fieldset {
            id: "fs-basics",
            legend: t("funding-editorial-section-basics"),
            fields: basics,
        },
        Fieldset {
            id: "fs-classification",
            legend: t("funding-editorial-section-classification"),
            fields: vec![
                checkboxes(
                    "funding_types",
                    ticked::<FundingType>(ctx, input, "funding_types"),
                ),
                checkboxes("areas", areas),
                checkboxes(
                    "eligible_groups",
                    ticked::<EligibleGroup>(ctx, input, "eligible_groups"),
                ),
                checkboxes(
                    "company_sizes",
                    ticked::<CompanySize>(ctx, input, "company_sizes"),
                ),
                checkboxes("industries", ticked::<Industry>(ctx, input, "industries")),
            ],
        },
        Fieldset {
            id: "fs-regions",
            legend: t("funding-editorial-section-regions"),
            fields: vec![
                checkboxes("regions", regions),
                field(MUNICIPALITIES, "textarea"),
            ],
        },
        Fieldset {
            id: "fs-funder",
            legend: t("funding-editorial-section-funder"),
            fields: vec![
                select(
                    "funder_level",
                    picked::<FunderLevel>(ctx, input, "funder_level"),
                ),
                field("funder", "text"),
                field("contact_institution", "text"),
                field("contact_address", "text"),
                field("contact_phone", "text"),
                field("contact_email", "email"),
                field("contact_url", "url"),
            ],
        },
        Fieldset {
            id: "fs-figures",
            legend: t("funding-editorial-section-figures"),
            fields: vec![
                field("rate_max_percent", "number"),
                select(
                    "amount_basis",
                    picked::<AmountBasis>(ctx, input, "amount_basis"),
                ),
                field("amount_min_eur", "number"),
                field("amount_max_eur", "number"),
                field("tiers", "textarea"),
                field("bonus_notes", "textarea"),
            ],
        },
        Fieldset {
            id: "fs-procedure",
            legend: t("funding-editorial-section-procedure"),
            fields: vec![
                select("procedure", picked::<Procedure>(ctx, input, "procedure")),
                field("deadlines", "textarea"),
                field("programme_end", "date"),
                select("status", picked::<Status>(ctx, input, "status")),
                field("status_note", "textarea"),
                field("combinable_with", "textarea"),
            ],
        },
        Fieldset {
            id: "fs-legal",
            legend: t("funding-editorial-section-legal"),
            fields: vec![
                field("legal_basis", "text"),
                field("legal_citation", "text"),
                field("legal_url", "url"),
                field("legal_date", "date"),
            ],
        },
        Fieldset {
            id: "fs-source",
            legend: t("funding-editorial-section-source"),
            fields: vec![
                field("source_url", "url"),
                field("source_licence", "text"),
                field("last_checked", "date"),
                field("reviewer", "text"),
            ],
        },
    ]
}

struct FormState {
    input: OfferInput,
    slug: Option<String>,
    title: String,
    base_version: i32,
    note: String,
    errors: ShownErrors,
    conflict: Option<ConflictView>,
}

fn form_page(ctx: Ctx, form: FormState) -> FormPage {
    FormPage {
        fieldsets: fieldsets(&ctx, &form.input, form.slug.is_none()),
        errors: form.errors,
        slug: form.slug,
        title: form.title,
        base_version: form.base_version,
        note: form.note,
        conflict: form.conflict,
        ctx,
    }
}

/// An empty offer form with the fields most new offers share filled in.
fn blank(ctx: &Ctx) -> OfferInput {
    let mut input = OfferInput::default();
    input.set("origin", Origin::Editorial.slug());
    input.set("status", Status::Open.slug());
    input.set("last_checked", crate::today().to_string());
    input.set("reviewer", team(ctx));
    input
}

/// The reviewer of the record: the team, never a person. The record is
/// published (page, API, open data under a licence) and every version is
/// kept, so a name there could never be erased; who acted is the
/// version's author, in the staff-only history.
fn team(ctx: &Ctx) -> String {
    ctx.catalog.get(RECORD_LOCALE, "funding-editorial-team")
}

async fn new_form(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let input = blank(&ctx);
    page(&form_page(
        ctx,
        FormState {
            input,
            slug: None,
            title: String::new(),
            base_version: 0,
            note: String::new(),
            errors: ShownErrors::none(),
            conflict: None,
        },
    ))
}

async fn stored(state: &AppState, slug: &str) -> AppResult<StoredOffer> {
    store::by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let stored = stored(&state, &slug).await?;
    let version = store::latest_version(&state.db, stored.id).await?;
    page(&form_page(
        ctx,
        FormState {
            input: OfferInput::from_offer(&stored.offer),
            slug: Some(slug),
            title: stored.offer.title,
            base_version: version,
            note: String::new(),
            errors: ShownErrors::none(),
            conflict: None,
        },
    ))
}

/// What the form's buttons ask for. Their name is `schritt`, not
/// `action`: a control named `action` hides the form's `action` property
/// from scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intent {
    Save,
    Preview,
    /// Back from the preview to the form, input kept.
    Edit,
}

fn intent(pairs: &[(String, String)]) -> Intent {
    match pairs
        .iter()
        .find(|(k, _)| k == "schritt")
        .map(|(_, v)| v.as_str())
    {
        Some("vorschau") => Intent::Preview,
        Some("zurueck") => Intent::Edit,
        _ => Intent::Save,
    }
}

fn form_value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The version a form was rendered from; -1 (never stored) if missing,
/// so that a form without it counts as stale.
fn form_version(pairs: &[(String, String)]) -> i32 {
    form_value(pairs, "version").trim().parse().unwrap_or(-1)
}

/// The label of a term slug of a select or checkbox field, if it is one.
fn term_label(ctx: &Ctx, field: &str, slug: &str) -> Option<String> {
    fn of<T: Term>(ctx: &Ctx, slug: &str) -> Option<String> {
        T::from_slug(slug).map(|t| term(ctx, t))
    }
    match field {
        "origin" => of::<Origin>(ctx, slug),
        "offer_type" => of::<OfferType>(ctx, slug),
        "funding_types" => of::<FundingType>(ctx, slug),
        "areas" => of::<FundingArea>(ctx, slug),
        "eligible_groups" => of::<EligibleGroup>(ctx, slug),
        "company_sizes" => of::<CompanySize>(ctx, slug),
        "industries" => of::<Industry>(ctx, slug),
        "funder_level" => of::<FunderLevel>(ctx, slug),
        "amount_basis" => of::<AmountBasis>(ctx, slug),
        "procedure" => of::<Procedure>(ctx, slug),
        "status" => of::<Status>(ctx, slug),
        "regions" => Region::from_slug(slug).map(|r| super::region(ctx, &r)),
        _ => None,
    }
}

/// The form after a save over newer versions: the merge, each conflict
/// as an error beside its field with the other side's value, and the box
/// that names what was taken over and links the changes.
fn merged_form(ctx: &Ctx, form: &mut FormState, merged: Merged, base: i32, current: i32) {
    let mut errors = ShownErrors::none();
    for conflict in &merged.conflicts {
        let theirs: Vec<String> = conflict
            .theirs
            .iter()
            .map(|v| term_label(ctx, conflict.field, v).unwrap_or_else(|| v.clone()))
            .collect();
        let mut shown: String = theirs.join(" · ").chars().take(MAX_THEIRS).collect();
        if shown.chars().count() == MAX_THEIRS {
            shown.push('…');
        }
        if shown.is_empty() {
            shown = ctx.t("funding-editorial-conflict-empty");
        }
        let message = ctx.catalog.get_with(
            ctx.locale(),
            "funding-editorial-conflict-field",
            &[
                ("field", Value::from(label(ctx, conflict.field))),
                ("theirs", Value::from(shown)),
            ],
        );
        errors.items.push((conflict.field.to_owned(), message));
    }
    let taken = merged
        .taken
        .iter()
        .map(|f| label(ctx, f))
        .collect::<Vec<_>>()
        .join(", ");
    let mut input = merged.input;
    if let Some(slug) = &form.slug {
        input.set("slug", slug.clone());
    }
    form.input = input;
    form.base_version = current;
    form.errors = errors;
    form.conflict = Some(ConflictView {
        current,
        base,
        taken,
        conflicts: merged.conflicts.len(),
    });
}

/// The change note, or an error on the `note` field.
fn change_note(pairs: &[(String, String)], errors: &mut FieldErrors) -> String {
    let note = form_value(pairs, "note").trim().to_owned();
    if note.chars().count() > MAX_NOTE {
        errors.add("note", "error-too-long");
    }
    note
}

/// Create (`slug` = `None`) or edit: read, validate, preview or save.
async fn submit(
    state: AppState,
    ctx: Ctx,
    slug: Option<String>,
    pairs: Vec<(String, String)>,
) -> AppResult<Response> {
    let me = ctx.require(&FundingAction::Edit)?.user()?.user_id;
    let existing = match &slug {
        Some(slug) => Some(stored(&state, slug).await?),
        None => None,
    };
    let mut input = OfferInput::from_pairs(&pairs);
    if let Some(slug) = &slug {
        // The slug is the offer's key; editing never moves it.
        input.set("slug", slug.clone());
    }
    let base_version: i32 = form_value(&pairs, "version").trim().parse().unwrap_or(0);
    let today = crate::today();
    let intent = intent(&pairs);
    let mut form = FormState {
        slug: slug.clone(),
        title: existing
            .as_ref()
            .map(|s| s.offer.title.clone())
            .unwrap_or_default(),
        base_version,
        note: form_value(&pairs, "note").to_owned(),
        errors: ShownErrors::none(),
        conflict: None,
        input,
    };
    if intent == Intent::Edit {
        return page(&form_page(ctx, form));
    }
    let mut errors = FieldErrors::new();
    let note = change_note(&pairs, &mut errors);
    let parsed = form.input.to_offer(today);
    let offer = match parsed {
        Ok(offer) if errors.is_empty() => offer,
        other => {
            if let Err(invalid) = other {
                errors.0.extend(invalid.0);
            }
            form.errors = ShownErrors::new(&ctx, &errors);
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(ctx, form));
        }
    };
    if slug.is_none() && store::by_slug(&state.db, &offer.slug).await?.is_some() {
        errors.add("slug", "funding-editorial-error-slug-taken");
        form.errors = ShownErrors::new(&ctx, &errors);
        return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(ctx, form));
    }
    if intent == Intent::Preview {
        let now = dias_core::time::now();
        let preview = Preview {
            action: form_page_action(slug.as_deref()),
            fields: pairs
                .into_iter()
                .filter(|(k, _)| k != "_csrf" && k != "schritt")
                .collect(),
        };
        let stored = StoredOffer {
            id: existing.as_ref().map_or(0, |s| s.id),
            created_at: existing.as_ref().map_or(now, |s| s.created_at),
            updated_at: now,
            offer,
        };
        return super::offer::render(&state, ctx, stored, Some(preview)).await;
    }
    let saved = store::save_checked(
        &state.db,
        &offer,
        Some(me),
        &note,
        if slug.is_some() {
            store::Base::Version(base_version)
        } else {
            store::Base::New
        },
        today,
        dias_core::time::now(),
    )
    .await?;
    match saved {
        Ok(_) => Ok(see_other(&format!(
            "{}?hinweis=funding-editorial-saved",
            history_path(&offer.slug)
        ))),
        Err(_) if slug.is_none() => {
            // Someone created the same slug between the check and the save.
            errors.add("slug", "funding-editorial-error-slug-taken");
            form.errors = ShownErrors::new(&ctx, &errors);
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(ctx, form))
        }
        Err(conflict) => {
            let theirs = stored(&state, &offer.slug).await?;
            // An offer edited before versions existed got that record as
            // version 1 with the other side's save.
            let base = base_version.max(1);
            let base_offer = store::version(&state.db, theirs.id, base)
                .await?
                .map_or_else(|| theirs.offer.clone(), |v| v.offer);
            let merged = editorial::merge(&base_offer, &offer, &theirs.offer);
            form.title = theirs.offer.title.clone();
            merged_form(&ctx, &mut form, merged, base, conflict.current);
            page_with_status(StatusCode::CONFLICT, &form_page(ctx, form))
        }
    }
}

fn form_page_action(slug: Option<&str>) -> String {
    match slug {
        Some(slug) => edit_path(slug),
        None => format!("{BASE}/neu"),
    }
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    submit(state, ctx, None, pairs).await
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    submit(state, ctx, Some(slug), pairs).await
}

/// The unsaved form behind a preview of the offer page: sent back with
/// „Weiter bearbeiten“ or „Speichern“.
#[derive(Debug, Clone)]
pub struct Preview {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

// ----------------------------------------------------------------- history

#[derive(Debug, Clone)]
pub struct VersionRow {
    pub version: i32,
    pub date: String,
    pub author: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct LogRow {
    pub date: String,
    pub from: String,
    pub to: String,
    pub note: String,
    pub user: String,
}

#[derive(Template)]
#[template(path = "funding/editorial_history.html")]
struct HistoryPage {
    ctx: Ctx,
    slug: String,
    title: String,
    current: i32,
    versions: Vec<VersionRow>,
    log: Vec<LogRow>,
    statuses: Vec<Choice>,
    status_note: String,
    errors: ShownErrors,
    due: bool,
    last_checked: String,
    reviewer: String,
    /// The version an action was sent from, when it was refused because
    /// the offer has changed since.
    stale: Option<i32>,
}

fn author(ctx: &Ctx, id: Option<i64>, name: Option<String>) -> String {
    match (id, name) {
        (_, Some(name)) => name,
        (Some(_), None) => ctx.t("funding-editorial-author-deleted"),
        // The catalogue, an import without account, or an author whose
        // account was deleted: the history does not say which.
        (None, None) => ctx.t("funding-editorial-author-none"),
    }
}

async fn history_page(
    state: &AppState,
    ctx: Ctx,
    stored: StoredOffer,
    status_input: Option<(String, String)>,
    errors: ShownErrors,
) -> AppResult<HistoryPage> {
    let versions = store::versions(&state.db, stored.id).await?;
    let log = store::status_log(&state.db, stored.id).await?;
    let o = &stored.offer;
    let (status, status_note) =
        status_input.unwrap_or_else(|| (o.status.slug().to_owned(), o.status_note.clone()));
    Ok(HistoryPage {
        slug: o.slug.clone(),
        title: o.title.clone(),
        current: versions.first().map_or(0, |v| v.version),
        versions: versions
            .into_iter()
            .map(|v| VersionRow {
                version: v.version,
                date: ctx.format_datetime(&v.created_at),
                author: author(&ctx, v.author_id, v.author),
                note: v.note,
            })
            .collect(),
        log: log
            .into_iter()
            .map(|l| LogRow {
                date: ctx.format_datetime(&l.at),
                from: term(&ctx, l.from),
                to: term(&ctx, l.to),
                user: author(&ctx, l.user_id, l.user),
                note: l.note,
            })
            .collect(),
        statuses: term_choices::<Status>(&ctx, |s| s == status),
        status_note,
        errors,
        due: editorial::review_due(o, crate::today(), state.config.funding_review_months),
        last_checked: day(&ctx, o.last_checked),
        reviewer: o.reviewer.clone(),
        stale: None,
        ctx,
    })
}

async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let stored = stored(&state, &slug).await?;
    page(&history_page(&state, ctx, stored, None, ShownErrors::none()).await?)
}

/// A diff line for the template.
#[derive(Debug, Clone)]
pub struct LineView {
    /// `same`, `removed`, `added` or `gap`.
    pub class: &'static str,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct ChangeView {
    pub field: &'static str,
    pub label: String,
    pub old: String,
    pub new: String,
    pub lines: Vec<LineView>,
}

#[derive(Template)]
#[template(path = "funding/editorial_diff.html")]
struct DiffPage {
    ctx: Ctx,
    slug: String,
    title: String,
    version: i32,
    previous: Option<i32>,
    current: i32,
    date: String,
    author: String,
    note: String,
    changes: Vec<ChangeView>,
}

fn change_view(ctx: &Ctx, change: FieldChange) -> ChangeView {
    ChangeView {
        field: change.field,
        label: label(ctx, change.field),
        old: change.old,
        new: change.new,
        lines: change
            .lines
            .into_iter()
            .map(|l| LineView {
                class: match l.tag {
                    LineTag::Same => "same",
                    LineTag::Removed => "removed",
                    LineTag::Added => "added",
                    LineTag::Gap => "gap",
                },
                text: l.text,
            })
            .collect(),
    }
}

#[derive(Debug, Default, Deserialize)]
struct DiffQuery {
    /// Another version to compare with instead of the previous one.
    #[serde(default)]
    gegen: String,
}

async fn version_diff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, version)): Path<(String, String)>,
    Query(query): Query<DiffQuery>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let version: i32 = version.parse().map_err(|_| AppError::NotFound)?;
    let stored = stored(&state, &slug).await?;
    let (this, mut previous) = store::version_pair(&state.db, stored.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    if !query.gegen.is_empty() {
        let other: i32 = query.gegen.parse().map_err(|_| AppError::NotFound)?;
        if other != version {
            previous = Some(
                store::version(&state.db, stored.id, other)
                    .await?
                    .ok_or(AppError::NotFound)?,
            );
        }
    }
    let current = store::latest_version(&state.db, stored.id).await?;
    let changes = editorial::diff(previous.as_ref().map(|p| &p.offer), &this.offer)
        .into_iter()
        .map(|c| change_view(&ctx, c))
        .collect();
    page(&DiffPage {
        slug,
        title: stored.offer.title,
        version,
        previous: previous.map(|p| p.info.version),
        current,
        date: ctx.format_datetime(&this.info.created_at),
        author: author(&ctx, this.info.author_id, this.info.author),
        note: this.info.note,
        changes,
        ctx,
    })
}

// ----------------------------------------------------------------- actions

/// Saves a changed offer from one of the history page's actions and
/// redirects with `notice` (a message id); an invalid result shows the
/// history page with the errors.
#[allow(clippy::too_many_arguments)]
async fn save_action(
    state: &AppState,
    ctx: Ctx,
    stored: StoredOffer,
    offer: Offer,
    base: i32,
    note: &str,
    status_input: Option<(String, String)>,
    notice: &str,
) -> AppResult<Response> {
    let me = ctx.user()?.user_id;
    let today = crate::today();
    if let Err(errors) = offer::validate(&offer, today) {
        let shown = ShownErrors::new(&ctx, &errors);
        let on_this_page = errors
            .0
            .iter()
            .all(|e| e.field == "status" || e.field == "status_note");
        if on_this_page {
            let page = history_page(state, ctx, stored, status_input, shown).await?;
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        // The record breaks a rule in a field this page does not show (a
        // passed programme end, say): the whole form, to fix it there.
        return invalid_in_form(state, ctx, stored, &offer, shown, note).await;
    }
    let saved = store::save_checked(
        &state.db,
        &offer,
        Some(me),
        note,
        store::Base::Version(base),
        today,
        dias_core::time::now(),
    )
    .await?;
    if saved.is_err() {
        // Sent from a page older than the stored offer: the action
        // would apply to values the editor has not seen.
        let current = store::by_slug(&state.db, &offer.slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut page = history_page(state, ctx, current, status_input, ShownErrors::none()).await?;
        page.stale = Some(base);
        return page_with_status(StatusCode::CONFLICT, &page);
    }
    let key = notice.trim_start_matches("notice-");
    Ok(see_other(&format!(
        "{}?hinweis={key}",
        history_path(&offer.slug)
    )))
}

/// The edit form filled with `offer`, which breaks a rule, with the
/// errors (422); it starts from the stored version, so saving it is an
/// ordinary edit.
async fn invalid_in_form(
    state: &AppState,
    ctx: Ctx,
    stored: StoredOffer,
    offer: &Offer,
    errors: ShownErrors,
    note: &str,
) -> AppResult<Response> {
    let current = store::latest_version(&state.db, stored.id).await?;
    let mut input = OfferInput::from_offer(offer);
    input.set("slug", stored.offer.slug.clone());
    let form = FormState {
        input,
        slug: Some(stored.offer.slug.clone()),
        title: stored.offer.title,
        base_version: current,
        errors,
        note: note.to_owned(),
        conflict: None,
    };
    page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(ctx, form))
}

async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let stored = stored(&state, &slug).await?;
    let status_text = form_value(&pairs, "status").trim().to_owned();
    let note = form_value(&pairs, "status_note")
        .trim()
        .replace("\r\n", "\n");
    let Some(status) = Status::from_slug(&status_text) else {
        let mut errors = FieldErrors::new();
        errors.add("status", "funding-editorial-error-term");
        let shown = ShownErrors::new(&ctx, &errors);
        let page = history_page(&state, ctx, stored, Some((status_text, note)), shown).await?;
        return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut offer = stored.offer.clone();
    offer.status = status;
    offer.status_note = note.clone();
    let log_note = if note.is_empty() {
        ctx.t1(
            "funding-editorial-status-note",
            "status",
            term(&ctx, status),
        )
    } else {
        note.clone()
    };
    save_action(
        &state,
        ctx,
        stored,
        offer,
        form_version(&pairs),
        &log_note,
        Some((status_text, note)),
        "notice-funding-editorial-status-changed",
    )
    .await
}

async fn mark_checked(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let stored = stored(&state, &slug).await?;
    let mut offer = stored.offer.clone();
    offer.last_checked = crate::today();
    offer.reviewer = team(&ctx);
    let note = ctx.t("funding-editorial-checked-note");
    save_action(
        &state,
        ctx,
        stored,
        offer,
        form_version(&pairs),
        &note,
        None,
        "notice-funding-editorial-checked",
    )
    .await
}

async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, version)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Edit)?;
    let version: i32 = version.parse().map_err(|_| AppError::NotFound)?;
    let stored = stored(&state, &slug).await?;
    let old = store::version(&state.db, stored.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = crate::today();
    let note = ctx.t1("funding-editorial-restored-note", "version", version);
    if let Err(errors) = offer::validate(&old.offer, today) {
        // An old version may break today's rules (a passed programme end,
        // say): the editor gets it in the form to fix before saving.
        let shown = ShownErrors::new(&ctx, &errors);
        return invalid_in_form(&state, ctx, stored, &old.offer, shown, &note).await;
    }
    save_action(
        &state,
        ctx,
        stored,
        old.offer,
        form_version(&pairs),
        &note,
        None,
        "notice-funding-editorial-restored",
    )
    .await
}
