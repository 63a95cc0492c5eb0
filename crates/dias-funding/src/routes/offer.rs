//! `/foerderung/angebote/{slug}`: one offer with all its public fields.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::{day, eur, percent, regions, term, terms};
use crate::check::Availability;
use crate::offer::Offer;
use crate::store;
use crate::vocab::{Origin, Status};

/// A row of the conditions table.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub value: String,
}

/// A Förderstufe as shown.
#[derive(Debug, Clone)]
pub struct TierView {
    pub label: String,
    pub size: String,
    pub rate: String,
    pub max: String,
}

#[derive(Template)]
#[template(path = "funding/offer.html")]
struct OfferPage {
    ctx: Ctx,
    offer: Offer,
    body_html: String,
    example: bool,
    facts: Vec<Row>,
    conditions: Vec<Row>,
    tiers: Vec<TierView>,
    deadlines: Vec<Row>,
    status: String,
    status_class: &'static str,
    availability: String,
    contact: Vec<Row>,
    legal: Vec<Row>,
    legal_date: Option<String>,
    combinable: Vec<(String, String)>,
    last_checked: String,
    updated_at: i64,
    /// The Redaktion's bar: preview notice or edit link.
    preview: Option<super::editorial::Preview>,
    can_edit: bool,
    /// The Merkliste button (engineer A's `routes/watch.rs`).
    watch: super::watch::WatchButton,
    links: crate::links::ModuleLinks,
}

fn row(label: String, value: String) -> Option<Row> {
    (!value.is_empty()).then_some(Row { label, value })
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let stored = store::by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    render(&state, ctx, stored, None).await
}

/// The page of a stored offer, or of an editor's unsaved form (`preview`,
/// see the Redaktion), which nothing stores.
pub(super) async fn render(
    state: &AppState,
    ctx: Ctx,
    stored: store::StoredOffer,
    preview: Option<super::editorial::Preview>,
) -> AppResult<Response> {
    let others = store::by_slugs(&state.db, &stored.offer.combinable_with).await?;
    let today = crate::today();
    let watch = super::watch::button(state, &ctx, stored.id, &stored.offer.slug).await?;
    let o = stored.offer;
    let t = |id: &str| ctx.t(id);
    let links = crate::links::module_links(
        |name| state.registry.has(name),
        o.eligible_groups
            .contains(&crate::vocab::EligibleGroup::Municipality),
        &format!("/foerderung/angebote/{}", o.slug),
    );

    let facts: Vec<Row> = [
        row(t("funding-field-offer-type"), term(&ctx, o.offer_type)),
        row(t("funding-facet-foerderart"), terms(&ctx, &o.funding_types)),
        row(t("funding-facet-bereich"), terms(&ctx, &o.areas)),
        row(
            t("funding-facet-berechtigte"),
            terms(&ctx, &o.eligible_groups),
        ),
        row(
            t("funding-facet-groesse"),
            if o.company_sizes.is_empty() {
                String::new()
            } else {
                terms(&ctx, &o.company_sizes)
            },
        ),
        row(t("funding-field-industries"), terms(&ctx, &o.industries)),
        row(t("funding-facet-gebiet"), regions(&ctx, &o.regions)),
        row(
            t("funding-facet-ebene"),
            format!("{} – {}", term(&ctx, o.funder_level), o.funder),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();

    let basis = o
        .amount_basis
        .map(|b| format!(" ({})", term(&ctx, b)))
        .unwrap_or_default();
    let conditions: Vec<Row> = [
        row(
            t("funding-field-rate"),
            o.rate_max_percent
                .map(|r| percent(&ctx, r))
                .unwrap_or_default(),
        ),
        row(
            t("funding-field-amount-min"),
            o.amount_min_eur
                .map(|a| format!("{}{basis}", eur(&ctx, a)))
                .unwrap_or_default(),
        ),
        row(
            t("funding-field-amount-max"),
            o.amount_max_eur
                .map(|a| format!("{}{basis}", eur(&ctx, a)))
                .unwrap_or_default(),
        ),
        row(t("funding-field-bonus"), o.bonus_notes.clone()),
        row(t("funding-field-procedure"), term(&ctx, o.procedure)),
        row(
            t("funding-field-programme-end"),
            o.programme_end.map(|d| day(&ctx, d)).unwrap_or_default(),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let tiers = o
        .tiers
        .iter()
        .map(|tier| TierView {
            label: tier.label.clone(),
            size: tier.size.map(|s| term(&ctx, s)).unwrap_or_default(),
            rate: tier
                .rate_percent
                .map(|r| percent(&ctx, r))
                .unwrap_or_default(),
            max: tier.max_eur.map(|a| eur(&ctx, a)).unwrap_or_default(),
        })
        .collect();
    let deadlines = o
        .deadlines
        .iter()
        .map(|d| Row {
            label: day(&ctx, d.date),
            value: if d.date < today {
                format!("{} ({})", d.note, t("funding-deadline-passed"))
                    .trim()
                    .to_owned()
            } else {
                d.note.clone()
            },
        })
        .collect();
    let contact: Vec<Row> = [
        row(
            t("funding-field-contact-institution"),
            o.contact_institution.clone(),
        ),
        row(
            t("funding-field-contact-address"),
            o.contact_address.clone(),
        ),
        row(t("funding-field-contact-phone"), o.contact_phone.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let legal: Vec<Row> = [
        row(t("funding-field-legal-basis"), o.legal_basis.clone()),
        row(t("funding-field-legal-citation"), o.legal_citation.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let availability = Availability::of(&o, today);
    let combinable = o
        .combinable_with
        .iter()
        .filter_map(|slug| others.get(slug))
        .map(|s| (s.offer.slug.clone(), s.offer.title.clone()))
        .collect();
    page(&OfferPage {
        links,
        // The text sits under the page's h2 „Beschreibung“.
        body_html: dias_core::markdown::render_below(&o.body, 2),
        example: o.origin != Origin::Editorial,
        facts,
        conditions,
        tiers,
        deadlines,
        status: term(&ctx, o.status),
        status_class: match o.status {
            Status::Open => "ok",
            Status::Announced | Status::Stopped => "warn",
            Status::Ended => "muted",
        },
        availability: ctx.t(availability.message_id()),
        contact,
        legal,
        legal_date: o.legal_date.map(|d| day(&ctx, d)),
        combinable,
        last_checked: day(&ctx, o.last_checked),
        updated_at: stored.updated_at,
        can_edit: preview.is_none() && super::editorial::can_edit(&ctx),
        preview,
        watch,
        offer: o,
        ctx,
    })
}
