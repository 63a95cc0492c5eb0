//! Advice for municipalities: `/breitband/beratung` (ask the agency's
//! broadband advisers, with the Gemeinde chosen) and
//! `/breitband/so-funktioniert-es` (the procedure explained in plain
//! language, its rule table taken from the engine's rule sets).
//!
//! With the Anfragen module registered the advice page hands the request
//! over as a new inquiry ([`crate::links::inquiry`]); without it the page
//! names the agency's contact instead, so there is never a dead link or a
//! form that goes nowhere.

use askama::Template;
use axum::Router;
use axum::extract::State;

use super::query::Lenient;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dias_core::i18n::Value;
use dias_core::policy::Role;
use dias_mev::RuleSets;
use dias_mev::evaluate::COLOUR_THRESHOLD_MBPS;
use dias_web::forms::{ShownErrors, page, page_with_status};
use dias_web::{AppError, AppResult, AppState, Ctx};
use jiff::civil::Date;
use serde::Deserialize;

use crate::members;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/beratung", get(advice))
        .route("/breitband/so-funktioniert-es", get(explain))
}

/// One Gemeinde in the select.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The Gemeinden of one Kreis (`<optgroup>`).
#[derive(Debug, Clone)]
pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// All Gemeinden of the reference data grouped by Kreis, both by name.
fn municipality_groups(selected: Option<&str>) -> Vec<ChoiceGroup> {
    let reference = dias_core::reference::cached();
    let mut districts: Vec<_> = reference.districts.iter().collect();
    districts.sort_by(|a, b| a.name.cmp(&b.name));
    districts
        .into_iter()
        .map(|d| {
            let mut municipalities: Vec<_> = reference.municipalities_of(&d.ags5).collect();
            municipalities.sort_by(|a, b| a.name.cmp(&b.name));
            ChoiceGroup {
                label: d.name.clone(),
                choices: municipalities
                    .into_iter()
                    .map(|m| Choice {
                        value: m.ags8.clone(),
                        label: m.name.clone(),
                        selected: selected == Some(m.ags8.as_str()),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The chosen Gemeinde.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub ags8: String,
    pub name: String,
    pub district: String,
}

#[derive(Template)]
#[template(path = "broadband/advice.html")]
struct AdvicePage {
    ctx: Ctx,
    errors: ShownErrors,
    groups: Vec<ChoiceGroup>,
    chosen: Option<Chosen>,
    /// The new inquiry in the Anfragen module, when it is registered.
    inquiry: Option<String>,
}

#[derive(Deserialize, Default)]
struct AdviceQuery {
    #[serde(default)]
    gemeinde: String,
}

/// The advice page. The Gemeinde comes from `?gemeinde=`, else from the
/// account's first Gemeinde membership; an unknown one is answered with
/// 422 and the question again.
async fn advice(
    State(state): State<AppState>,
    ctx: Ctx,
    Lenient(query): Lenient<AdviceQuery>,
) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let asked = query.gemeinde.trim();
    let mut errors = ShownErrors::none();
    let ags8 = if asked.is_empty() {
        match ctx.principal() {
            Some(me) if me.role == Role::Municipality => members::areas_of(&state.db, me.user_id)
                .await?
                .into_iter()
                .find(|a| a.len() == 8),
            _ => None,
        }
    } else if reference.municipality(asked).is_some() {
        Some(asked.to_owned())
    } else {
        errors.items.push((
            "gemeinde".to_owned(),
            ctx.t("broadband-advice-unknown-municipality"),
        ));
        None
    };
    let chosen = ags8.as_deref().and_then(|ags8| {
        let m = reference.municipality(ags8)?;
        Some(Chosen {
            ags8: m.ags8.clone(),
            name: m.name.clone(),
            district: reference
                .district(&m.district_ags5)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
        })
    });
    let inquiry = crate::links::inquiry(
        |name| state.registry.has(name),
        chosen.as_ref().map(|c| c.ags8.as_str()),
        &ctx.path_and_query(),
    );
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page_with_status(
        status,
        &AdvicePage {
            groups: municipality_groups(chosen.as_ref().map(|c| c.ags8.as_str())),
            chosen,
            inquiry,
            errors,
            ctx,
        },
    )
}

/// One alternative of a rule set's „versorgt“ line, in words.
#[derive(Debug, Clone)]
pub struct ConditionText {
    pub down: f32,
    pub up: f32,
    pub text: String,
}

/// A row of the rule table.
#[derive(Debug, Clone)]
pub struct RuleRow {
    pub id: String,
    pub name: String,
    /// (ISO date, as the reader reads it)
    pub from: (String, String),
    pub until: Option<(String, String)>,
    pub conditions: Vec<ConditionText>,
    pub notes: Vec<String>,
}

/// A speed as the reader writes it (1.000 / 1,000), decimals only where
/// a rule has them.
fn mbps(ctx: &Ctx, value: f32) -> String {
    if value.fract() == 0.0 {
        dias_web::components::format_number(value as i64, ctx.locale())
    } else if ctx.locale() == "en" {
        value.to_string()
    } else {
        value.to_string().replace('.', ",")
    }
}

fn day(ctx: &Ctx, date: Date) -> (String, String) {
    let shown = if ctx.locale() == "en" {
        date.strftime("%-d %B %Y").to_string()
    } else {
        date.strftime("%d.%m.%Y").to_string()
    };
    (date.to_string(), shown)
}

/// The rule sets the engine evaluates with, in words.
fn rule_rows(ctx: &Ctx, sets: &RuleSets) -> Vec<RuleRow> {
    sets.iter()
        .map(|set| RuleRow {
            id: set.id.clone(),
            name: set.name.clone(),
            from: day(ctx, set.in_force_from),
            until: set.in_force_until.map(|d| day(ctx, d)),
            conditions: set
                .supplied_when
                .iter()
                .map(|c| ConditionText {
                    down: c.down_min,
                    up: c.up_min,
                    text: if c.up_min > 0.0 {
                        ctx.catalog.get_with(
                            ctx.locale(),
                            "broadband-explain-rule-down-up",
                            &[
                                ("down", Value::from(mbps(ctx, c.down_min))),
                                ("up", Value::from(mbps(ctx, c.up_min))),
                            ],
                        )
                    } else {
                        ctx.t1("broadband-explain-rule-down", "down", mbps(ctx, c.down_min))
                    },
                })
                .collect(),
            notes: [
                set.socio_economic_eligible_unless_supplied
                    .then(|| ctx.t("broadband-explain-rule-socio-economic")),
                set.dark_grey_colour.then(|| {
                    ctx.t1(
                        "broadband-explain-rule-dark-grey",
                        "min",
                        mbps(ctx, COLOUR_THRESHOLD_MBPS),
                    )
                }),
            ]
            .into_iter()
            .flatten()
            .collect(),
        })
        .collect()
}

/// The steps of a funding project after the market survey, in order
/// (message ids `broadband-explain-stage-<slug>` and `…-text`).
pub const STAGES: [&str; 12] = [
    "beratung",
    "potenzialanalyse",
    "markterkundung",
    "foerderantrag",
    "vorlaeufiger-bescheid",
    "auswahlverfahren",
    "konkretisierung",
    "endgueltiger-bescheid",
    "kofinanzierung",
    "bau",
    "inbetriebnahme",
    "verwendungsnachweis",
];

/// A section of the knowledge page: its anchor and heading, for the
/// table of contents and the heading itself.
#[derive(Debug, Clone)]
pub struct Section {
    pub anchor: &'static str,
    pub title: String,
}

/// The sections in order: anchor and message id of the heading.
const SECTIONS: [(&str, &str); 9] = [
    ("warum", "broadband-explain-why-title"),
    ("wer", "broadband-explain-who-title"),
    ("antwort", "broadband-explain-answer-title"),
    ("fristen", "broadband-explain-deadlines-title"),
    ("ergebnis", "broadband-explain-status-title"),
    ("regelwerke", "broadband-explain-rules-title"),
    ("farben", "broadband-explain-colours-title"),
    ("danach", "broadband-explain-after-title"),
    ("dias", "broadband-explain-dias-title"),
];

#[derive(Template)]
#[template(path = "broadband/procedure.html")]
struct ExplainPage {
    ctx: Ctx,
    sections: Vec<Section>,
    rules: Vec<RuleRow>,
    /// The colour classes' line (Mbit/s), as written.
    colour_min: String,
    stages: Vec<(String, String)>,
    advice_href: String,
}

impl ExplainPage {
    /// The heading of the section with this anchor.
    fn title(&self, anchor: &str) -> String {
        self.sections
            .iter()
            .find(|s| s.anchor == anchor)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    }
}

async fn explain(ctx: Ctx) -> AppResult<Response> {
    let sets = RuleSets::built_in().map_err(|e| AppError::Internal(e.to_string()))?;
    let rules = rule_rows(&ctx, &sets);
    let sections = SECTIONS
        .iter()
        .map(|(anchor, id)| Section {
            anchor,
            title: ctx.t(id),
        })
        .collect();
    let stages = STAGES
        .iter()
        .map(|slug| {
            (
                ctx.t(&format!("broadband-explain-stage-{slug}")),
                ctx.t(&format!("broadband-explain-stage-{slug}-text")),
            )
        })
        .collect();
    page(&ExplainPage {
        sections,
        rules,
        colour_min: mbps(&ctx, COLOUR_THRESHOLD_MBPS),
        stages,
        advice_href: crate::links::advice_url(None),
        ctx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gemeinde_is_offered_once_under_its_kreis() {
        let reference = dias_core::reference::cached();
        let groups = municipality_groups(Some("14521010"));
        assert_eq!(groups.len(), reference.districts.len());
        let all: Vec<&Choice> = groups.iter().flat_map(|g| g.choices.iter()).collect();
        assert_eq!(all.len(), reference.municipalities.len());
        let selected: Vec<&str> = all
            .iter()
            .filter(|c| c.selected)
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(selected, ["14521010"]);
    }
}
