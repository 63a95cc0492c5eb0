//! `/foerderung/check`: the Förder-Check. The questionnaire is a GET form
//! whose answers come back in the URL, so the result is a shareable link,
//! the answers stay in the form to be changed in place, and nothing about
//! the person is stored.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use dias_web::components::Pagination;
use dias_web::forms::{ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::{day, eur, percent, term};
use crate::check::{
    Answers, Evaluation, Outcome, Question, Verdict, canonical_query, page_of, rate,
};
use crate::links::{ModuleLinks, is_dias_offer, module_links};
use crate::snapshot::SnapshotCache;
use crate::vocab::{CompanySize, EligibleGroup, FundingArea, FundingType, Industry, Term};

const PER_PAGE: u64 = 20;
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;

/// A choice of the questionnaire.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Choices under a heading (`<optgroup>`).
#[derive(Debug, Clone)]
pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// One question: a fieldset of radios or checkboxes, or a select.
#[derive(Debug, Clone)]
pub struct QuestionView {
    pub param: &'static str,
    pub legend: String,
    pub hint: String,
    /// `radio`, `checkbox`, `select`, or `grouped` (a select of
    /// `groups`).
    pub kind: &'static str,
    /// The id of the field that an error message links to.
    pub anchor: String,
    /// Whether any choice is selected (else "keine Angabe" is).
    pub any_selected: bool,
    pub choices: Vec<Choice>,
    pub groups: Vec<ChoiceGroup>,
}

/// One condition of an offer as the result names it.
#[derive(Debug, Clone)]
pub struct FindingView {
    pub criterion: String,
    pub reason: String,
    /// `ok`, `warn` (missing answer) or `muted` (failed).
    pub class: &'static str,
    pub outcome: String,
}

/// One ranked offer.
#[derive(Debug, Clone)]
pub struct ResultView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub verdict: &'static str,
    pub verdict_label: String,
    pub verdict_class: &'static str,
    pub missing: String,
    pub availability: String,
    pub findings: Vec<FindingView>,
    pub tier: Option<String>,
    pub next_deadline: Option<String>,
}

#[derive(Template)]
#[template(path = "funding/check.html")]
struct CheckPage {
    ctx: Ctx,
    errors: ShownErrors,
    questions: Vec<QuestionView>,
    answered: bool,
    results: Vec<ResultView>,
    fits: usize,
    unclear: usize,
    fails: usize,
    pagination: Pagination,
    share: String,
    links: ModuleLinks,
    /// The Digitalagentur's own offers that are not ruled out.
    own: Vec<OwnOffer>,
}

/// An advice offer of the Digitalagentur, linked beside the results.
#[derive(Debug, Clone)]
pub struct OwnOffer {
    pub slug: String,
    pub title: String,
    pub verdict_label: String,
    pub verdict_class: &'static str,
}

/// The raw values of the URL per question, to keep the visitor's input in
/// the form even when some of it was refused.
fn raw_values(pairs: &[(String, String)], param: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, v)| k == param && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .collect()
}

fn term_choices<T: Term>(
    param: &str,
    selected: &[String],
    ctx: &Ctx,
    filter: impl Fn(&T) -> bool,
) -> Vec<Choice> {
    T::ALL
        .iter()
        .filter(|t| filter(t))
        .map(|t| Choice {
            id: format!("{param}-{}", t.slug()),
            value: t.slug().to_owned(),
            label: term(ctx, *t),
            selected: selected.iter().any(|s| s == t.slug()),
        })
        .collect()
}

/// The field an error of a question links to: the select, or the first
/// option of a fieldset.
fn anchor(question: Question) -> String {
    match question {
        Question::Group => "wer-keine".to_owned(),
        Question::Size => "groesse-keine".to_owned(),
        Question::District => "kreis".to_owned(),
        Question::Municipality => "gemeinde".to_owned(),
        Question::Industry => "branche".to_owned(),
        Question::Theme => format!("thema-{}", FundingArea::ALL[0].slug()),
        Question::FundingType => format!("art-{}", FundingType::ALL[0].slug()),
    }
}

fn questions(ctx: &Ctx, pairs: &[(String, String)]) -> Vec<QuestionView> {
    let q = |question: Question, kind: &'static str, choices: Vec<Choice>| QuestionView {
        param: question.param(),
        legend: ctx.t(&format!("funding-check-q-{}", question.param())),
        hint: ctx.t(&format!("funding-check-hint-{}", question.param())),
        kind,
        anchor: anchor(question),
        any_selected: choices.iter().any(|c| c.selected),
        choices,
        groups: Vec::new(),
    };
    let values = |question: Question| raw_values(pairs, question.param());
    let districts = {
        let selected = values(Question::District);
        dias_core::reference::cached()
            .districts
            .iter()
            .map(|d| Choice {
                id: format!("kreis-{}", d.ags5),
                value: d.ags5.clone(),
                label: d.name.clone(),
                selected: selected.contains(&d.ags5),
            })
            .collect()
    };
    vec![
        q(
            Question::Group,
            "radio",
            term_choices::<EligibleGroup>("wer", &values(Question::Group), ctx, |_| true),
        ),
        q(Question::District, "select", districts),
        municipality_question(ctx, pairs),
        q(
            Question::Size,
            "radio",
            term_choices::<CompanySize>("groesse", &values(Question::Size), ctx, |_| true),
        ),
        q(
            Question::Industry,
            "select",
            term_choices::<Industry>("branche", &values(Question::Industry), ctx, |_| true),
        ),
        q(
            Question::Theme,
            "checkbox",
            term_choices::<FundingArea>("thema", &values(Question::Theme), ctx, |a| {
                a.parent().is_none()
            }),
        ),
        q(
            Question::FundingType,
            "checkbox",
            term_choices::<FundingType>("art", &values(Question::FundingType), ctx, |_| true),
        ),
    ]
}

/// The Gemeinde: a select of the Gemeinden grouped by Kreis. Once a Kreis
/// is chosen (and the chosen Gemeinde, if any, lies in it) only that
/// Kreis's Gemeinden are listed; without JavaScript the list narrows when
/// the form is sent, with htmx as soon as the Kreis changes.
fn municipality_question(ctx: &Ctx, pairs: &[(String, String)]) -> QuestionView {
    let reference = dias_core::reference::cached();
    let question = Question::Municipality;
    let selected = raw_values(pairs, question.param());
    let district = raw_values(pairs, Question::District.param())
        .into_iter()
        .next()
        .filter(|d| reference.district(d).is_some())
        .filter(|d| selected.iter().all(|m| m.starts_with(d.as_str())));
    let groups: Vec<ChoiceGroup> = reference
        .districts
        .iter()
        .filter(|d| district.as_ref().is_none_or(|chosen| *chosen == d.ags5))
        .map(|d| {
            let mut choices: Vec<Choice> = reference
                .municipalities_of(&d.ags5)
                .map(|m| Choice {
                    id: format!("gemeinde-{}", m.ags8),
                    value: m.ags8.clone(),
                    label: m.name.clone(),
                    selected: selected.contains(&m.ags8),
                })
                .collect();
            choices.sort_by(|a, b| a.label.cmp(&b.label));
            ChoiceGroup {
                label: d.name.clone(),
                choices,
            }
        })
        .collect();
    QuestionView {
        param: question.param(),
        legend: ctx.t("funding-check-q-gemeinde"),
        hint: ctx.t("funding-check-hint-gemeinde"),
        kind: "grouped",
        anchor: anchor(question),
        any_selected: groups.iter().flat_map(|g| &g.choices).any(|c| c.selected),
        choices: Vec::new(),
        groups,
    }
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Fits => "ok",
        Verdict::Unclear => "warn",
        Verdict::Fails => "muted",
    }
}

fn result_view(ctx: &Ctx, e: &Evaluation<'_>) -> ResultView {
    let missing = if e.missing.is_empty() {
        String::new()
    } else {
        ctx.t1(
            "funding-missing-answer",
            "questions",
            e.missing
                .iter()
                .map(|q| ctx.t(q.message_id()))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    ResultView {
        slug: e.offer.slug.clone(),
        title: e.offer.title.clone(),
        summary: e.offer.summary.clone(),
        verdict: e.verdict.slug(),
        verdict_label: ctx.t(e.verdict.message_id()),
        verdict_class: verdict_class(e.verdict),
        missing,
        availability: ctx.t(e.availability.message_id()),
        findings: e
            .findings
            .iter()
            .map(|f| {
                let (class, outcome) = match f.outcome {
                    Outcome::Matched => ("ok", "funding-outcome-matched"),
                    Outcome::Failed => ("muted", "funding-outcome-failed"),
                    Outcome::Missing(_) => ("warn", "funding-outcome-missing"),
                };
                FindingView {
                    criterion: ctx.t(f.criterion.message_id()),
                    reason: ctx.t(f.reason),
                    class,
                    outcome: ctx.t(outcome),
                }
            })
            .collect(),
        tier: e.tier.map(|t| {
            let mut parts = vec![t.label.clone()];
            parts.extend(t.rate_percent.map(|r| percent(ctx, r)));
            parts.extend(
                t.max_eur
                    .map(|m| ctx.t1("funding-up-to", "amount", eur(ctx, m))),
            );
            parts.join(", ")
        }),
        next_deadline: e.next_deadline.map(|d| day(ctx, d.date)),
    }
}

/// The canonical URL of a check result (see [`canonical_query`]).
fn check_url(query: &str) -> String {
    if query.is_empty() {
        "/foerderung/check".to_owned()
    } else {
        format!("/foerderung/check?{query}")
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let raw = raw.unwrap_or_default();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&raw).unwrap_or_default();
    let mut page_number = 1;
    if let Some((_, value)) = pairs.iter().find(|(k, v)| k == "seite" && !v.is_empty()) {
        page_number = match value.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => return Err(AppError::BadRequest(ctx.t("error-page-number"))),
        };
    }
    let questions = questions(&ctx, &pairs);
    let answers = match Answers::from_query(&raw) {
        Ok(answers) => answers,
        Err(mut errors) => {
            // Point each message at a field of this form; an unreadable
            // address at the first question.
            for e in &mut errors.0 {
                let question = Question::ALL
                    .iter()
                    .find(|q| q.param() == e.field)
                    .copied()
                    .unwrap_or(Question::Group);
                e.field = anchor(question);
            }
            let errors = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CheckPage {
                    ctx,
                    errors,
                    questions,
                    answered: false,
                    results: Vec::new(),
                    fits: 0,
                    unclear: 0,
                    fails: 0,
                    pagination: Pagination::new(1, 0, PER_PAGE, "/foerderung/check".to_owned()),
                    share: String::new(),
                    links: ModuleLinks::default(),
                    own: Vec::new(),
                },
            );
        }
    };
    let answered = answers != Answers::default();
    let share = check_url(&answers.to_query());
    let snapshot = if answered {
        Some(cache.get(&state.db).await?)
    } else {
        None
    };
    // Every offer is ranked, so the number of pages is known before the
    // check runs; a page beyond the last is the last.
    let total = snapshot.as_ref().map_or(0, |s| s.offers().len() as u64);
    let pagination = Pagination::new(page_number, total, PER_PAGE, share.clone());
    // One URL per result: other orders, empty or unknown parameters and
    // page numbers out of range are sent to it.
    let canonical = canonical_query(&answers, pagination.page);
    if raw != canonical {
        return Ok(see_other(&check_url(&canonical)));
    }
    let links = module_links(
        |name| state.registry.has(name),
        answers.group == Some(EligibleGroup::Municipality),
        &share,
    );
    let Some(snapshot) = snapshot else {
        return page(&CheckPage {
            ctx,
            errors: ShownErrors::none(),
            questions,
            answered,
            results: Vec::new(),
            fits: 0,
            unclear: 0,
            fails: 0,
            pagination,
            share,
            links,
            own: Vec::new(),
        });
    };
    let offset = ((pagination.page - 1) * PER_PAGE) as usize;
    let ranking = snapshot.ranking(&answers);
    let result = page_of(
        snapshot.offers(),
        &ranking,
        &answers,
        snapshot.today,
        offset,
        PER_PAGE as usize,
    );
    let own = snapshot
        .offers()
        .iter()
        .filter(|o| is_dias_offer(o))
        .map(|o| rate(o, &answers, snapshot.today))
        .filter(|r| r.verdict != Verdict::Fails)
        .map(|r| OwnOffer {
            slug: r.offer.slug.clone(),
            title: r.offer.title.clone(),
            verdict_label: ctx.t(r.verdict.message_id()),
            verdict_class: verdict_class(r.verdict),
        })
        .collect();
    let results = result
        .evaluations
        .iter()
        .map(|e| result_view(&ctx, e))
        .collect();
    page(&CheckPage {
        ctx,
        errors: ShownErrors::none(),
        questions,
        answered,
        results,
        fits: result.fits,
        unclear: result.unclear,
        fails: result.fails,
        pagination,
        share,
        links,
        own,
    })
}

#[cfg(test)]
mod tests {
    use dias_core::i18n::{Catalog, message_ids};

    /// The check's own catalogue pair defines the same messages, and every
    /// id the questionnaire builds from the Gemeinde question exists.
    #[test]
    fn the_check_messages_exist_in_german_and_english() {
        let mut de = message_ids(include_str!("../../locales/de-check.ftl"));
        let mut en = message_ids(include_str!("../../locales/en-check.ftl"));
        de.sort();
        en.sort();
        assert_eq!(de, en);
        let catalog = Catalog::new(crate::MESSAGES).unwrap_or_else(|e| panic!("{e:?}"));
        for id in ["funding-check-q-gemeinde", "funding-check-hint-gemeinde"] {
            for locale in ["de", "en"] {
                assert_ne!(catalog.get(locale, id), id, "{id} in {locale}");
            }
        }
    }
}
