//! Förder-Check: which offers fit a situation, and why.
//!
//! The questionnaire has seven optional [`Answers`]: who you are
//! (Förderberechtigte), your seat (Kreis, optionally the Gemeinde), your
//! company size, your industry, what you plan (Förderbereiche) and what kind
//! of support you want (Förderarten). [`evaluate`] compares them with the
//! conditions stored on an offer and returns a [`Verdict`] with one
//! [`Finding`] per condition: matched, failed, or not decidable because an
//! answer is missing — which names the [`Question`] that would decide it
//! („unklar — fehlende Angabe: Unternehmensgröße“).
//!
//! Two kinds of condition are told apart:
//! - **eligibility** (group, region, size, industry): the offer restricts
//!   who may apply. An unanswered question the offer depends on makes the
//!   result `unklar`; a question the offer does not depend on is not asked
//!   (an offer for all sizes needs no size).
//! - **wishes** (themes, kinds of support): unanswered means "anything";
//!   answered, at least one must meet the offer's values.
//!
//! The offer's state comes last: an offer that has ended (status
//! `ausgelaufen`, or a programme end in the past) or is in Antragstopp is
//! never `passt`, whatever the conditions say; see [`Availability`].
//!
//! [`check`] evaluates a catalogue and ranks it: fitting open offers first,
//! then fitting offers not yet open, then `unklar` by the number of missing
//! answers, then `passt nicht`, with stopped and ended offers last. The
//! answers travel as URL query parameters ([`Answers::to_query`],
//! [`Answers::from_query`], [`canonical_query`]) so a result is a
//! shareable link and nothing personal is stored.
//!
//! A result page of a large catalogue (20,000 offers at `--scale large`)
//! must not explain every offer: [`rank`] orders light [`Rating`]s, each
//! ranking key computed once, and [`check_page`] builds the findings only
//! for the offers of the page shown.

use dias_core::validation::FieldErrors;
use jiff::civil::Date;
use serde::Serialize;

use crate::offer::{Deadline, Offer, Tier};
use crate::vocab::{
    CompanySize, EligibleGroup, FundingArea, FundingType, Industry, Region, Status, Term,
};

/// The questions of the questionnaire, with their URL parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Question {
    Group,
    District,
    Municipality,
    Size,
    Industry,
    Theme,
    FundingType,
}

impl Question {
    pub const ALL: [Question; 7] = [
        Question::Group,
        Question::District,
        Question::Municipality,
        Question::Size,
        Question::Industry,
        Question::Theme,
        Question::FundingType,
    ];

    /// The URL query parameter (German, like every route).
    pub fn param(self) -> &'static str {
        match self {
            Question::Group => "wer",
            Question::District => "kreis",
            Question::Municipality => "gemeinde",
            Question::Size => "groesse",
            Question::Industry => "branche",
            Question::Theme => "thema",
            Question::FundingType => "art",
        }
    }

    /// What the question asks about, as named after „fehlende Angabe:“.
    pub fn label_de(self) -> &'static str {
        match self {
            Question::Group => "Förderberechtigte",
            Question::District => "Sitz (Kreis)",
            Question::Municipality => "Gemeinde",
            Question::Size => "Unternehmensgröße",
            Question::Industry => "Branche",
            Question::Theme => "Vorhaben (Förderbereich)",
            Question::FundingType => "Förderart",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Question::Group => "funding-question-wer",
            Question::District => "funding-question-kreis",
            Question::Municipality => "funding-question-gemeinde",
            Question::Size => "funding-question-groesse",
            Question::Industry => "funding-question-branche",
            Question::Theme => "funding-question-thema",
            Question::FundingType => "funding-question-art",
        }
    }
}

/// The answers of one person. Every answer is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    pub group: Option<EligibleGroup>,
    /// AGS5 of the Kreis of the seat.
    pub district: Option<String>,
    /// AGS8 of the Gemeinde of the seat; decides offers for single
    /// Gemeinden. Implies the Kreis.
    pub municipality: Option<String>,
    pub size: Option<CompanySize>,
    pub industry: Option<Industry>,
    pub themes: Vec<FundingArea>,
    pub funding_types: Vec<FundingType>,
}

impl Answers {
    /// The answers as a URL query: one parameter per answer, lists as
    /// repeated parameters (what a form with checkboxes sends), in the
    /// questionnaire's order and list items in vocabulary order without
    /// repeats, so equal answers always give the same link. Empty answers
    /// are left out, so no answers give an empty query.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(group) = self.group {
            pairs.push((Question::Group.param(), group.slug()));
        }
        if let Some(district) = &self.district {
            pairs.push((Question::District.param(), district.as_str()));
        }
        if let Some(municipality) = &self.municipality {
            pairs.push((Question::Municipality.param(), municipality.as_str()));
        }
        if let Some(size) = self.size {
            pairs.push((Question::Size.param(), size.slug()));
        }
        if let Some(industry) = self.industry {
            pairs.push((Question::Industry.param(), industry.slug()));
        }
        let mut themes = self.themes.clone();
        themes.sort();
        themes.dedup();
        for theme in themes {
            pairs.push((Question::Theme.param(), theme.slug()));
        }
        let mut kinds = self.funding_types.clone();
        kinds.sort();
        kinds.dedup();
        for kind in kinds {
            pairs.push((Question::FundingType.param(), kind.slug()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// Reads answers from a URL query. Empty values count as unanswered
    /// (a form's „keine Angabe“); unknown parameters are ignored (tracking
    /// or paging parameters); an unknown value, a single-valued question
    /// given twice, or a Gemeinde outside the given Kreis is an error for
    /// that question, so the form can show it. A Gemeinde also sets the
    /// Kreis. List answers are kept in vocabulary order without repeats, so
    /// equal answers give equal queries.
    pub fn from_query(query: &str) -> Result<Answers, FieldErrors> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut errors = FieldErrors::new();
        let Ok(pairs) = serde_urlencoded::from_str::<Vec<(String, String)>>(query) else {
            errors.add("query", "funding-error-query");
            return Err(errors);
        };
        let mut answers = Answers::default();
        let reference = dias_core::reference::cached();
        let mut seen = Vec::new();
        for (key, value) in &pairs {
            let value = value.trim();
            let Some(question) = Question::ALL
                .iter()
                .copied()
                .find(|q| q.param() == key.as_str())
            else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            let single = !matches!(question, Question::Theme | Question::FundingType);
            if single && seen.contains(&question) {
                errors.add(question.param(), "funding-error-answer-twice");
                continue;
            }
            seen.push(question);
            let known = match question {
                Question::Group => EligibleGroup::from_slug(value).map(|g| answers.group = Some(g)),
                Question::District => reference
                    .district(value)
                    .map(|d| answers.district = Some(d.ags5.clone())),
                Question::Municipality => reference
                    .municipality(value)
                    .map(|m| answers.municipality = Some(m.ags8.clone())),
                Question::Size => CompanySize::from_slug(value).map(|s| answers.size = Some(s)),
                Question::Industry => {
                    Industry::from_slug(value).map(|i| answers.industry = Some(i))
                }
                Question::Theme => FundingArea::from_slug(value).map(|t| answers.themes.push(t)),
                Question::FundingType => {
                    FundingType::from_slug(value).map(|k| answers.funding_types.push(k))
                }
            };
            if known.is_none() {
                errors.add(question.param(), "error-invalid-choice");
            }
        }
        if let Some(municipality) = answers.municipality.clone() {
            let of_municipality = municipality.get(..5).map(str::to_owned);
            if answers.district.is_some() && answers.district != of_municipality {
                errors.add(
                    Question::Municipality.param(),
                    "funding-error-municipality-district",
                );
            } else {
                answers.district = of_municipality;
            }
        }
        answers.themes.sort();
        answers.themes.dedup();
        answers.funding_types.sort();
        answers.funding_types.dedup();
        let errors = FieldErrors(dedup_errors(errors.0));
        errors.into_result().map(|()| answers)
    }
}

fn dedup_errors(
    errors: Vec<dias_core::validation::FieldError>,
) -> Vec<dias_core::validation::FieldError> {
    let mut out: Vec<dias_core::validation::FieldError> = Vec::new();
    for error in errors {
        if !out.contains(&error) {
            out.push(error);
        }
    }
    out
}

/// A condition of an offer that the check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    Group,
    Region,
    Size,
    Industry,
    Theme,
    FundingType,
    Status,
}

impl Criterion {
    pub fn label_de(self) -> &'static str {
        match self {
            Criterion::Group => "Förderberechtigte",
            Criterion::Region => "Fördergebiet",
            Criterion::Size => "Unternehmensgröße",
            Criterion::Industry => "Branche",
            Criterion::Theme => "Förderbereich",
            Criterion::FundingType => "Förderart",
            Criterion::Status => "Antragsstatus",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Criterion::Group => "funding-criterion-group",
            Criterion::Region => "funding-criterion-region",
            Criterion::Size => "funding-criterion-size",
            Criterion::Industry => "funding-criterion-industry",
            Criterion::Theme => "funding-criterion-theme",
            Criterion::FundingType => "funding-criterion-funding-type",
            Criterion::Status => "funding-criterion-status",
        }
    }
}

/// How one condition came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome", content = "question")]
pub enum Outcome {
    Matched,
    Failed,
    /// Cannot be decided without an answer to this question.
    Missing(Question),
}

/// One condition, its outcome and the reason (a message id of
/// `locales/*.ftl`, e.g. `funding-reason-group-failed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub criterion: Criterion,
    #[serde(flatten)]
    pub outcome: Outcome,
    pub reason: &'static str,
}

/// The answer of the check for one offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Fits,
    Unclear,
    Fails,
}

impl Verdict {
    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Fits => "passt",
            Verdict::Unclear => "unklar",
            Verdict::Fails => "passt-nicht",
        }
    }

    pub fn label_de(self) -> &'static str {
        match self {
            Verdict::Fits => "passt",
            Verdict::Unclear => "unklar",
            Verdict::Fails => "passt nicht",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Verdict::Fits => "funding-verdict-passt",
            Verdict::Unclear => "funding-verdict-unklar",
            Verdict::Fails => "funding-verdict-passt-nicht",
        }
    }
}

/// Whether one can apply today, from the status and the dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Availability {
    /// Applications possible now.
    Open,
    /// Announced, not yet open.
    Announced,
    /// Open in principle, but every known Stichtag or call deadline has
    /// passed and the next one is not known yet.
    AwaitingDeadline,
    /// Antragstopp: no applications for now.
    Stopped,
    /// Ended: status `ausgelaufen` or the programme end has passed.
    Ended,
}

impl Availability {
    pub fn of(offer: &Offer, today: Date) -> Availability {
        if offer.status == Status::Ended || offer.has_ended_by(today) {
            return Availability::Ended;
        }
        match offer.status {
            Status::Stopped => Availability::Stopped,
            Status::Announced => Availability::Announced,
            _ if !offer.deadlines.is_empty() && offer.next_deadline(today).is_none() => {
                Availability::AwaitingDeadline
            }
            _ => Availability::Open,
        }
    }

    /// Whether the offer cannot be applied for now or later under its
    /// present terms.
    pub fn is_closed(self) -> bool {
        matches!(self, Availability::Stopped | Availability::Ended)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Availability::Open => "funding-availability-open",
            Availability::Announced => "funding-availability-announced",
            Availability::AwaitingDeadline => "funding-availability-awaiting",
            Availability::Stopped => "funding-availability-stopped",
            Availability::Ended => "funding-availability-ended",
        }
    }
}

/// The result for one offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation<'a> {
    #[serde(skip)]
    pub offer: &'a Offer,
    pub slug: &'a str,
    pub verdict: Verdict,
    pub availability: Availability,
    pub findings: Vec<Finding>,
    /// The questions whose answers would decide the open conditions, in
    /// questionnaire order without repeats.
    pub missing: Vec<Question>,
    /// The rate and ceiling for the answered company size, if the offer
    /// has tiers by size.
    pub tier: Option<&'a Tier>,
    pub next_deadline: Option<&'a Deadline>,
}

impl Evaluation<'_> {
    pub fn failed(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Failed)
    }

    pub fn matched(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Matched)
    }

    /// The verdict in a German sentence, e.g. „unklar — fehlende Angabe:
    /// Unternehmensgröße, Branche“ or „passt nicht — Förderberechtigte“.
    pub fn summary_de(&self) -> String {
        match self.verdict {
            Verdict::Fits => self.verdict.label_de().to_owned(),
            Verdict::Unclear => format!(
                "unklar — fehlende Angabe: {}",
                self.missing
                    .iter()
                    .map(|q| q.label_de())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Verdict::Fails => format!(
                "passt nicht — {}",
                self.failed()
                    .map(|f| f.criterion.label_de())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

fn finding(criterion: Criterion, outcome: Outcome, reason: &'static str) -> Finding {
    Finding {
        criterion,
        outcome,
        reason,
    }
}

fn group_finding(offer: &Offer, answers: &Answers) -> Finding {
    match answers.group {
        None => finding(
            Criterion::Group,
            Outcome::Missing(Question::Group),
            "funding-reason-group-missing",
        ),
        Some(group) if offer.eligible_groups.contains(&group) => finding(
            Criterion::Group,
            Outcome::Matched,
            "funding-reason-group-matched",
        ),
        Some(_) => finding(
            Criterion::Group,
            Outcome::Failed,
            "funding-reason-group-failed",
        ),
    }
}

/// The region condition. The questionnaire only offers Saxon Kreise, so a
/// seat in Saxony is taken for granted: offers for Saxony, the federal
/// level or the EU match without an answer.
fn region_finding(offer: &Offer, answers: &Answers) -> Finding {
    use Criterion::Region as C;
    if offer.regions.iter().any(Region::covers_saxony) {
        return finding(C, Outcome::Matched, "funding-reason-region-saxony");
    }
    let district = answers.district.as_deref();
    if let Some(district) = district
        && offer
            .regions
            .iter()
            .any(|r| matches!(r, Region::District(ags) if ags == district))
    {
        return finding(C, Outcome::Matched, "funding-reason-region-district");
    }
    let municipalities: Vec<&str> = offer
        .regions
        .iter()
        .filter_map(|r| match r {
            Region::Municipality(ags) => Some(ags.as_str()),
            _ => None,
        })
        .collect();
    match (district, answers.municipality.as_deref()) {
        (None, _) => finding(
            C,
            Outcome::Missing(Question::District),
            "funding-reason-region-missing",
        ),
        (Some(_), Some(municipality)) if municipalities.contains(&municipality) => {
            finding(C, Outcome::Matched, "funding-reason-region-municipality")
        }
        (Some(district), None) if municipalities.iter().any(|m| m.get(..5) == Some(district)) => {
            finding(
                C,
                Outcome::Missing(Question::Municipality),
                "funding-reason-region-municipality-missing",
            )
        }
        (Some(_), _) => finding(C, Outcome::Failed, "funding-reason-region-failed"),
    }
}

/// Size matters only when the offer limits it and the person may be a
/// company (a Kommune has no company size; its group already fails).
fn size_finding(offer: &Offer, answers: &Answers) -> Option<Finding> {
    use Criterion::Size as C;
    if offer.company_sizes.is_empty() || answers.group.is_some_and(|g| !g.has_size()) {
        return None;
    }
    Some(match answers.size {
        None => finding(
            C,
            Outcome::Missing(Question::Size),
            "funding-reason-size-missing",
        ),
        Some(size) if offer.company_sizes.contains(&size) => {
            finding(C, Outcome::Matched, "funding-reason-size-matched")
        }
        Some(_) => finding(C, Outcome::Failed, "funding-reason-size-failed"),
    })
}

fn industry_finding(offer: &Offer, answers: &Answers) -> Option<Finding> {
    use Criterion::Industry as C;
    if offer.industries.is_empty() || answers.group.is_some_and(|g| !g.has_size()) {
        return None;
    }
    Some(match answers.industry {
        None => finding(
            C,
            Outcome::Missing(Question::Industry),
            "funding-reason-industry-missing",
        ),
        Some(industry) if offer.industries.contains(&industry) => {
            finding(C, Outcome::Matched, "funding-reason-industry-matched")
        }
        Some(_) => finding(C, Outcome::Failed, "funding-reason-industry-failed"),
    })
}

fn theme_finding(offer: &Offer, answers: &Answers) -> Option<Finding> {
    use Criterion::Theme as C;
    if answers.themes.is_empty() {
        return None;
    }
    let covered = answers
        .themes
        .iter()
        .any(|wish| offer.areas.iter().any(|area| area.covers(*wish)));
    Some(if covered {
        finding(C, Outcome::Matched, "funding-reason-theme-matched")
    } else {
        finding(C, Outcome::Failed, "funding-reason-theme-failed")
    })
}

fn funding_type_finding(offer: &Offer, answers: &Answers) -> Option<Finding> {
    use Criterion::FundingType as C;
    if answers.funding_types.is_empty() {
        return None;
    }
    let wanted = answers
        .funding_types
        .iter()
        .any(|kind| offer.funding_types.contains(kind));
    Some(if wanted {
        finding(C, Outcome::Matched, "funding-reason-funding-type-matched")
    } else {
        finding(C, Outcome::Failed, "funding-reason-funding-type-failed")
    })
}

fn status_finding(availability: Availability) -> Finding {
    use Criterion::Status as C;
    match availability {
        Availability::Open => finding(C, Outcome::Matched, "funding-reason-status-open"),
        Availability::Announced => finding(C, Outcome::Matched, "funding-reason-status-announced"),
        Availability::AwaitingDeadline => {
            finding(C, Outcome::Matched, "funding-reason-status-awaiting")
        }
        Availability::Stopped => finding(C, Outcome::Failed, "funding-reason-status-stopped"),
        Availability::Ended => finding(C, Outcome::Failed, "funding-reason-status-ended"),
    }
}

/// The conditions of one offer, without a list on the heap: ranking
/// thousands of offers needs the outcomes, not a `Vec` per offer.
fn findings_of(
    offer: &Offer,
    answers: &Answers,
    availability: Availability,
) -> [Option<Finding>; 7] {
    [
        Some(group_finding(offer, answers)),
        Some(region_finding(offer, answers)),
        size_finding(offer, answers),
        industry_finding(offer, answers),
        theme_finding(offer, answers),
        funding_type_finding(offer, answers),
        Some(status_finding(availability)),
    ]
}

fn verdict_of<'f>(findings: impl Iterator<Item = &'f Finding> + Clone) -> (Verdict, usize) {
    // Each criterion asks at most one question, so the missing findings
    // are the distinct missing questions.
    let missing = findings
        .clone()
        .filter(|f| matches!(f.outcome, Outcome::Missing(_)))
        .count();
    let verdict = if findings.clone().any(|f| f.outcome == Outcome::Failed) {
        Verdict::Fails
    } else if missing > 0 {
        Verdict::Unclear
    } else {
        Verdict::Fits
    };
    (verdict, missing)
}

/// Checks one offer against the answers on `today` (Europe/Berlin).
pub fn evaluate<'a>(offer: &'a Offer, answers: &Answers, today: Date) -> Evaluation<'a> {
    let availability = Availability::of(offer, today);
    let findings: Vec<Finding> = findings_of(offer, answers, availability)
        .into_iter()
        .flatten()
        .collect();
    let mut missing: Vec<Question> = findings
        .iter()
        .filter_map(|f| match f.outcome {
            Outcome::Missing(q) => Some(q),
            _ => None,
        })
        .collect();
    missing.sort();
    missing.dedup();
    let (verdict, _) = verdict_of(findings.iter());
    Evaluation {
        offer,
        slug: &offer.slug,
        verdict,
        availability,
        findings,
        missing,
        tier: answers.size.and_then(|size| offer.tier_for(size)),
        next_deadline: offer.next_deadline(today),
    }
}

/// What ranking needs of one offer: the verdict without the findings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rating<'a> {
    pub offer: &'a Offer,
    pub verdict: Verdict,
    pub availability: Availability,
    /// How many questions are unanswered that the offer depends on.
    pub missing: usize,
    pub next_deadline: Option<&'a Deadline>,
}

/// Rates one offer; agrees with [`evaluate`] on verdict and availability.
pub fn rate<'a>(offer: &'a Offer, answers: &Answers, today: Date) -> Rating<'a> {
    let availability = Availability::of(offer, today);
    let findings = findings_of(offer, answers, availability);
    let (verdict, missing) = verdict_of(findings.iter().flatten());
    Rating {
        offer,
        verdict,
        availability,
        missing,
        next_deadline: offer.next_deadline(today),
    }
}

/// The ranking key: smaller sorts first.
fn rank_key<'a>(r: &Rating<'a>) -> impl Ord + use<'a> {
    let class = match (r.verdict, r.availability) {
        (Verdict::Fits, Availability::Open) => 0,
        (Verdict::Fits, _) => 1,
        (Verdict::Unclear, _) => 2,
        (Verdict::Fails, a) if !a.is_closed() => 3,
        (Verdict::Fails, Availability::Stopped) => 4,
        (Verdict::Fails, _) => 5,
    };
    let offer: &'a Offer = r.offer;
    let specificity = offer
        .regions
        .iter()
        .map(Region::specificity)
        .max()
        .unwrap_or(0);
    // Offers with a deadline sort before those without, the nearest first.
    let deadline = r.next_deadline.map(|d| d.date);
    (
        class,
        r.missing,
        r.availability,
        std::cmp::Reverse(specificity),
        deadline.is_none(),
        deadline,
        offer.title.as_str(),
        offer.slug.as_str(),
    )
}

/// Rates every offer and ranks them (see the module docs). The key of
/// each offer is computed once, not per comparison.
pub fn rank<'a>(offers: &'a [Offer], answers: &Answers, today: Date) -> Vec<Rating<'a>> {
    ranked_ratings(offers, answers, today)
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

/// The ratings in rank order, each with its offer's position.
fn ranked_ratings<'a>(
    offers: &'a [Offer],
    answers: &Answers,
    today: Date,
) -> Vec<(u32, Rating<'a>)> {
    let mut ratings: Vec<(u32, Rating<'a>)> = offers
        .iter()
        .enumerate()
        .map(|(p, offer)| (p as u32, rate(offer, answers, today)))
        .collect();
    ratings.sort_by_cached_key(|(_, r)| rank_key(r));
    ratings
}

/// The outcome of a check without references into the catalogue: the
/// positions of the offers in rank order and the count of each verdict —
/// small enough to keep per answers while the catalogue is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    pub order: Vec<u32>,
    pub fits: usize,
    pub unclear: usize,
    pub fails: usize,
}

pub fn ranking(offers: &[Offer], answers: &Answers, today: Date) -> Ranking {
    let ranked = ranked_ratings(offers, answers, today);
    let count = |v: Verdict| ranked.iter().filter(|(_, r)| r.verdict == v).count();
    Ranking {
        fits: count(Verdict::Fits),
        unclear: count(Verdict::Unclear),
        fails: count(Verdict::Fails),
        order: ranked.iter().map(|(p, _)| *p).collect(),
    }
}

/// Checks every offer and ranks the results, with all findings.
pub fn check<'a>(offers: &'a [Offer], answers: &Answers, today: Date) -> Vec<Evaluation<'a>> {
    rank(offers, answers, today)
        .into_iter()
        .map(|r| evaluate(r.offer, answers, today))
        .collect()
}

/// One page of a ranked check: the counts over all offers, and the
/// findings only of the offers on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckPage<'a> {
    pub total: usize,
    pub fits: usize,
    pub unclear: usize,
    pub fails: usize,
    /// Rank of the first offer of the page, from 0.
    pub offset: usize,
    pub evaluations: Vec<Evaluation<'a>>,
}

/// Ranks every offer and evaluates in full only `limit` offers from
/// `offset` on: a page of the result costs the ranking plus one page of
/// findings, however large the catalogue.
pub fn check_page<'a>(
    offers: &'a [Offer],
    answers: &Answers,
    today: Date,
    offset: usize,
    limit: usize,
) -> CheckPage<'a> {
    page_of(
        offers,
        &ranking(offers, answers, today),
        answers,
        today,
        offset,
        limit,
    )
}

/// One page of a ranking made before (see [`ranking`]) of the same offers
/// and answers: only the page's offers are evaluated.
pub fn page_of<'a>(
    offers: &'a [Offer],
    ranking: &Ranking,
    answers: &Answers,
    today: Date,
    offset: usize,
    limit: usize,
) -> CheckPage<'a> {
    CheckPage {
        total: ranking.order.len(),
        fits: ranking.fits,
        unclear: ranking.unclear,
        fails: ranking.fails,
        offset,
        evaluations: ranking
            .order
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(|&p| offers.get(p as usize))
            .map(|offer| evaluate(offer, answers, today))
            .collect(),
    }
}

/// The one URL query of a check result: the answers in questionnaire
/// order ([`Answers::to_query`]) and the page, if not the first. Any other
/// spelling of the same result is redirected here, so caches and shared
/// links agree.
pub fn canonical_query(answers: &Answers, page: u64) -> String {
    let mut query = answers.to_query();
    if page > 1 && !query.is_empty() {
        query.push_str(&format!("&seite={page}"));
    }
    query
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::offer::tests::{sample, today};
    use crate::vocab::{Origin, Procedure};

    fn small_company_from_erzgebirge() -> Answers {
        Answers {
            group: Some(EligibleGroup::Company),
            district: Some("14521".into()),
            size: Some(CompanySize::Small),
            ..Answers::default()
        }
    }

    fn outcome_of(e: &Evaluation<'_>, criterion: Criterion) -> Option<Outcome> {
        e.findings
            .iter()
            .find(|f| f.criterion == criterion)
            .map(|f| f.outcome)
    }

    #[test]
    fn a_small_company_in_the_erzgebirgskreis_fits_a_saxon_programme_for_smes() {
        let offer = sample();
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.verdict, Verdict::Fits, "{:?}", e.findings);
        assert_eq!(e.availability, Availability::Open);
        assert_eq!(outcome_of(&e, Criterion::Group), Some(Outcome::Matched));
        assert_eq!(outcome_of(&e, Criterion::Region), Some(Outcome::Matched));
        assert_eq!(outcome_of(&e, Criterion::Size), Some(Outcome::Matched));
        assert_eq!(e.tier.map(|t| t.rate_percent), Some(Some(50)));
        assert_eq!(e.summary_de(), "passt");
    }

    #[test]
    fn a_kommune_does_not_fit_an_offer_for_companies_and_is_not_asked_its_size() {
        let offer = sample();
        let answers = Answers {
            group: Some(EligibleGroup::Municipality),
            district: Some("14521".into()),
            ..Answers::default()
        };
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.verdict, Verdict::Fails);
        assert_eq!(outcome_of(&e, Criterion::Group), Some(Outcome::Failed));
        assert_eq!(outcome_of(&e, Criterion::Size), None);
        assert!(e.missing.is_empty());
        assert_eq!(e.summary_de(), "passt nicht — Förderberechtigte");
    }

    #[test]
    fn missing_answers_make_the_result_unclear_and_are_named() {
        let offer = sample();
        let answers = Answers {
            group: Some(EligibleGroup::Company),
            ..Answers::default()
        };
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.verdict, Verdict::Unclear);
        assert_eq!(e.missing, vec![Question::Size]);
        assert_eq!(
            e.summary_de(),
            "unklar — fehlende Angabe: Unternehmensgröße"
        );

        let e = evaluate(&offer, &Answers::default(), today());
        assert_eq!(e.verdict, Verdict::Unclear);
        assert_eq!(e.missing, vec![Question::Group, Question::Size]);
        assert_eq!(
            e.summary_de(),
            "unklar — fehlende Angabe: Förderberechtigte, Unternehmensgröße"
        );
    }

    #[test]
    fn a_failed_condition_outweighs_missing_answers() {
        let offer = sample();
        let answers = Answers {
            size: Some(CompanySize::Large),
            ..Answers::default()
        };
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.verdict, Verdict::Fails);
        assert_eq!(outcome_of(&e, Criterion::Size), Some(Outcome::Failed));
        assert_eq!(e.missing, vec![Question::Group]);
    }

    #[test]
    fn an_ended_programme_is_never_offered_as_open() {
        let mut offer = sample();
        offer.status = Status::Ended;
        offer.programme_end = Some(date(2024, 12, 31));
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.verdict, Verdict::Fails);
        assert_eq!(e.availability, Availability::Ended);
        assert_eq!(outcome_of(&e, Criterion::Status), Some(Outcome::Failed));
        assert_eq!(e.summary_de(), "passt nicht — Antragsstatus");

        // Still marked open by mistake, but its end has passed: ended all the same.
        let mut offer = sample();
        offer.programme_end = Some(date(2026, 11, 26));
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.availability, Availability::Ended);
        assert_eq!(e.verdict, Verdict::Fails);
        // The last day itself is still open.
        offer.programme_end = Some(today());
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.availability, Availability::Open);
    }

    #[test]
    fn an_antragstopp_does_not_fit_until_it_is_lifted() {
        let mut offer = sample();
        offer.status = Status::Stopped;
        offer.status_note = "Mittel ausgeschöpft".into();
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.verdict, Verdict::Fails);
        assert_eq!(e.availability, Availability::Stopped);
        let status = e
            .findings
            .iter()
            .find(|f| f.criterion == Criterion::Status)
            .unwrap();
        assert_eq!(status.reason, "funding-reason-status-stopped");
    }

    #[test]
    fn an_announced_offer_fits_but_is_not_open() {
        let mut offer = sample();
        offer.status = Status::Announced;
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.verdict, Verdict::Fits);
        assert_eq!(e.availability, Availability::Announced);
    }

    #[test]
    fn past_stichtage_without_a_next_one_mean_waiting() {
        let mut offer = sample();
        offer.procedure = Procedure::CutOff;
        offer.deadlines = vec![crate::offer::Deadline {
            date: date(2026, 9, 30),
            note: String::new(),
        }];
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.availability, Availability::AwaitingDeadline);
        assert_eq!(e.next_deadline, None);
        offer.deadlines.push(crate::offer::Deadline {
            date: date(2027, 3, 31),
            note: "Frühjahr".into(),
        });
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(e.availability, Availability::Open);
        assert_eq!(e.next_deadline.map(|d| d.date), Some(date(2027, 3, 31)));
    }

    #[test]
    fn offers_for_one_kreis_need_the_kreis_and_match_only_it() {
        let mut offer = sample();
        offer.regions = vec![Region::District("14521".into())];
        let e = evaluate(&offer, &small_company_from_erzgebirge(), today());
        assert_eq!(outcome_of(&e, Criterion::Region), Some(Outcome::Matched));
        let mut answers = small_company_from_erzgebirge();
        answers.district = Some("14612".into());
        let e = evaluate(&offer, &answers, today());
        assert_eq!(outcome_of(&e, Criterion::Region), Some(Outcome::Failed));
        answers.district = None;
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.missing, vec![Question::District]);
        assert_eq!(e.summary_de(), "unklar — fehlende Angabe: Sitz (Kreis)");
    }

    #[test]
    fn offers_for_single_gemeinden_ask_for_the_gemeinde_only_inside_their_kreis() {
        let mut offer = sample();
        offer.regions = vec![Region::Municipality("14521020".into())];
        let answers = small_company_from_erzgebirge();
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.missing, vec![Question::Municipality]);
        let mut elsewhere = answers.clone();
        elsewhere.district = Some("14713".into());
        assert_eq!(
            outcome_of(&evaluate(&offer, &elsewhere, today()), Criterion::Region),
            Some(Outcome::Failed)
        );
        let mut annaberg = answers.clone();
        annaberg.municipality = Some("14521020".into());
        assert_eq!(evaluate(&offer, &annaberg, today()).verdict, Verdict::Fits);
        let mut aue = answers;
        aue.municipality = Some("14521035".into());
        assert_eq!(evaluate(&offer, &aue, today()).verdict, Verdict::Fails);
    }

    #[test]
    fn themes_match_through_their_level_one_area() {
        let mut offer = sample();
        offer.areas = vec![FundingArea::Digitalisation];
        let mut answers = small_company_from_erzgebirge();
        answers.themes = vec![FundingArea::ArtificialIntelligence];
        assert_eq!(evaluate(&offer, &answers, today()).verdict, Verdict::Fits);
        answers.themes = vec![FundingArea::Broadband];
        let e = evaluate(&offer, &answers, today());
        assert_eq!(outcome_of(&e, Criterion::Theme), Some(Outcome::Failed));
        answers.themes = vec![FundingArea::Broadband, FundingArea::ItSecurity];
        assert_eq!(evaluate(&offer, &answers, today()).verdict, Verdict::Fits);
    }

    #[test]
    fn the_kind_of_support_wanted_must_be_offered() {
        let offer = sample();
        let mut answers = small_company_from_erzgebirge();
        answers.funding_types = vec![FundingType::Loan];
        let e = evaluate(&offer, &answers, today());
        assert_eq!(
            outcome_of(&e, Criterion::FundingType),
            Some(Outcome::Failed)
        );
        answers.funding_types = vec![FundingType::Loan, FundingType::Grant];
        assert_eq!(evaluate(&offer, &answers, today()).verdict, Verdict::Fits);
    }

    #[test]
    fn industries_restrict_only_when_the_offer_lists_them() {
        let mut offer = sample();
        let answers = small_company_from_erzgebirge();
        assert_eq!(
            outcome_of(&evaluate(&offer, &answers, today()), Criterion::Industry),
            None
        );
        offer.industries = vec![Industry::Manufacturing];
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.missing, vec![Question::Industry]);
        let mut retail = answers.clone();
        retail.industry = Some(Industry::Trade);
        assert_eq!(evaluate(&offer, &retail, today()).verdict, Verdict::Fails);
        let mut maker = answers;
        maker.industry = Some(Industry::Manufacturing);
        assert_eq!(evaluate(&offer, &maker, today()).verdict, Verdict::Fits);
    }

    #[test]
    fn ranking_puts_fitting_open_offers_first_and_ended_ones_last() {
        let make = |slug: &str, edit: &dyn Fn(&mut Offer)| {
            let mut offer = sample();
            offer.slug = slug.into();
            offer.title = format!("Angebot {slug}");
            offer.origin = Origin::Editorial;
            edit(&mut offer);
            offer
        };
        let offers = vec![
            make("ended", &|o| {
                o.status = Status::Ended;
                o.programme_end = Some(date(2024, 12, 31));
            }),
            make("stopped", &|o| {
                o.status = Status::Stopped;
                o.status_note = "Mittel erschöpft".into();
            }),
            make("for-kommunen", &|o| {
                o.eligible_groups = vec![EligibleGroup::Municipality];
                o.company_sizes.clear();
                o.tiers.clear();
            }),
            make("two-missing", &|o| {
                o.industries = vec![Industry::Manufacturing];
                o.regions = vec![Region::Municipality("14521020".into())];
            }),
            make("one-missing", &|o| {
                o.industries = vec![Industry::Manufacturing]
            }),
            make("announced", &|o| o.status = Status::Announced),
            make("fits-saxony", &|_| {}),
            make("fits-kreis", &|o| {
                o.regions = vec![Region::District("14521".into())]
            }),
        ];
        let ranked: Vec<&str> = check(&offers, &small_company_from_erzgebirge(), today())
            .iter()
            .map(|e| e.slug)
            .collect();
        assert_eq!(
            ranked,
            vec![
                "fits-kreis",
                "fits-saxony",
                "announced",
                "one-missing",
                "two-missing",
                "for-kommunen",
                "stopped",
                "ended"
            ]
        );
    }

    #[test]
    fn answers_round_trip_through_the_url_query() {
        let answers = Answers {
            group: Some(EligibleGroup::Company),
            district: Some("14521".into()),
            municipality: Some("14521020".into()),
            size: Some(CompanySize::Small),
            industry: Some(Industry::Manufacturing),
            themes: vec![
                FundingArea::Digitalisation,
                FundingArea::ArtificialIntelligence,
            ],
            funding_types: vec![FundingType::Grant, FundingType::Loan],
        };
        let query = answers.to_query();
        assert_eq!(
            query,
            "wer=unternehmen&kreis=14521&gemeinde=14521020&groesse=klein&branche=verarbeitendes-gewerbe\
             &thema=digitalisierung&thema=kuenstliche-intelligenz&art=zuschuss&art=darlehen"
        );
        assert_eq!(Answers::from_query(&query), Ok(answers.clone()));
        assert_eq!(Answers::from_query(&format!("?{query}")), Ok(answers));
        assert_eq!(Answers::default().to_query(), "");
        assert_eq!(Answers::from_query(""), Ok(Answers::default()));
    }

    /// Property: for random answers, reading the link gives the answers
    /// back (lists in vocabulary order), and the link of what was read is
    /// the same link.
    #[test]
    fn random_answers_survive_the_shareable_link() {
        use rand::rngs::StdRng;
        use rand::seq::SliceRandom;
        use rand::{Rng, SeedableRng};
        let mut rng = StdRng::seed_from_u64(27);
        let reference = dias_core::reference::cached();
        for _ in 0..500 {
            let mut answers = Answers {
                group: rng
                    .gen_bool(0.7)
                    .then(|| *EligibleGroup::ALL.choose(&mut rng).unwrap()),
                size: rng
                    .gen_bool(0.5)
                    .then(|| *CompanySize::ALL.choose(&mut rng).unwrap()),
                industry: rng
                    .gen_bool(0.3)
                    .then(|| *Industry::ALL.choose(&mut rng).unwrap()),
                ..Answers::default()
            };
            if rng.gen_bool(0.5) {
                let m = reference.municipalities.choose(&mut rng).unwrap();
                answers.municipality = Some(m.ags8.clone());
                answers.district = Some(m.district_ags5.clone());
            } else if rng.gen_bool(0.7) {
                answers.district = Some(reference.districts.choose(&mut rng).unwrap().ags5.clone());
            }
            for _ in 0..rng.gen_range(0..4) {
                answers
                    .themes
                    .push(*FundingArea::ALL.choose(&mut rng).unwrap());
            }
            for _ in 0..rng.gen_range(0..3) {
                answers
                    .funding_types
                    .push(*FundingType::ALL.choose(&mut rng).unwrap());
            }
            let link = answers.to_query();
            let read = Answers::from_query(&link).unwrap();
            answers.themes.sort();
            answers.themes.dedup();
            answers.funding_types.sort();
            answers.funding_types.dedup();
            assert_eq!(read, answers, "{link}");
            assert_eq!(read.to_query(), link);
        }
    }

    #[test]
    fn the_query_reader_is_forgiving_where_it_can_be_and_strict_where_it_must() {
        // Empty form values, unknown parameters, repeats and order do not matter.
        let answers = Answers::from_query(
            "art=darlehen&groesse=&utm_source=x&art=zuschuss&art=darlehen&wer=kommune",
        )
        .unwrap();
        assert_eq!(answers.group, Some(EligibleGroup::Municipality));
        assert_eq!(answers.size, None);
        assert_eq!(
            answers.funding_types,
            vec![FundingType::Grant, FundingType::Loan]
        );
        // A Gemeinde implies its Kreis.
        let answers = Answers::from_query("gemeinde=14521020").unwrap();
        assert_eq!(answers.district.as_deref(), Some("14521"));

        let errors = Answers::from_query("wer=hund&kreis=99999&thema=x&wer=kommune").unwrap_err();
        assert_eq!(errors.get("wer"), Some("error-invalid-choice"));
        assert_eq!(errors.get("kreis"), Some("error-invalid-choice"));
        assert_eq!(errors.get("thema"), Some("error-invalid-choice"));
        assert!(
            errors
                .0
                .iter()
                .any(|e| e.field == "wer" && e.message == "funding-error-answer-twice")
        );
        let errors = Answers::from_query("kreis=14612&gemeinde=14521020").unwrap_err();
        assert_eq!(
            errors.get("gemeinde"),
            Some("funding-error-municipality-district")
        );
    }

    #[test]
    fn the_gemeinde_decides_offers_for_single_gemeinden() {
        let mut offer = sample();
        offer.regions = vec![
            Region::Municipality("14521020".into()),
            Region::Municipality("14521035".into()),
        ];
        let answers = small_company_from_erzgebirge();
        let e = evaluate(&offer, &answers, today());
        assert_eq!(e.summary_de(), "unklar — fehlende Angabe: Gemeinde");
        for (ags8, verdict, reason) in [
            (
                "14521035",
                Verdict::Fits,
                "funding-reason-region-municipality",
            ),
            ("14521040", Verdict::Fails, "funding-reason-region-failed"),
        ] {
            let answers =
                Answers::from_query(&format!("wer=unternehmen&groesse=klein&gemeinde={ags8}"))
                    .unwrap();
            let e = evaluate(&offer, &answers, today());
            assert_eq!(e.verdict, verdict, "{ags8}");
            let region = e
                .findings
                .iter()
                .find(|f| f.criterion == Criterion::Region)
                .unwrap();
            assert_eq!(region.reason, reason);
        }
        // The Gemeinde does not matter to offers for the whole Kreis or Land.
        let mut kreis = sample();
        kreis.regions = vec![Region::District("14521".into())];
        let mut in_aue = answers.clone();
        in_aue.municipality = Some("14521035".into());
        assert_eq!(evaluate(&kreis, &in_aue, today()).verdict, Verdict::Fits);
        assert_eq!(evaluate(&sample(), &in_aue, today()).verdict, Verdict::Fits);
    }

    #[test]
    fn a_rating_agrees_with_the_full_evaluation() {
        let offers = crate::catalogue::synthetic(2_000, 6, today());
        let answer_sets = [
            Answers::default(),
            small_company_from_erzgebirge(),
            Answers::from_query("wer=kommune&gemeinde=14626010&thema=digitalisierung").unwrap(),
            Answers::from_query("wer=unternehmen&groesse=mittel&branche=handel&art=darlehen")
                .unwrap(),
        ];
        for answers in &answer_sets {
            for offer in &offers {
                let e = evaluate(offer, answers, today());
                let r = rate(offer, answers, today());
                assert_eq!(
                    (r.verdict, r.availability, r.missing, r.next_deadline),
                    (e.verdict, e.availability, e.missing.len(), e.next_deadline),
                    "{}",
                    offer.slug
                );
            }
        }
    }

    /// 20,000 offers (the size of `--scale large`): one page of the check
    /// ranks them all but builds the findings of one page only, and the
    /// page agrees with the full check.
    #[test]
    fn a_page_of_a_large_check_evaluates_only_its_offers() {
        let offers = crate::catalogue::synthetic(20_000, 7, today());
        let answers = small_company_from_erzgebirge();
        let started = std::time::Instant::now();
        let page = check_page(&offers, &answers, today(), 40, 20);
        let elapsed = started.elapsed();
        assert_eq!(page.total, 20_000);
        assert_eq!(page.fits + page.unclear + page.fails, 20_000);
        assert_eq!(page.evaluations.len(), 20);
        let full = check(&offers, &answers, today());
        let expected: Vec<&str> = full[40..60].iter().map(|e| e.slug).collect();
        let got: Vec<&str> = page.evaluations.iter().map(|e| e.slug).collect();
        assert_eq!(got, expected);
        assert_eq!(page.evaluations[0], full[40]);
        assert_eq!(
            page.fits,
            full.iter().filter(|e| e.verdict == Verdict::Fits).count()
        );
        // Beyond the end: counts, no findings.
        let beyond = check_page(&offers, &answers, today(), 20_000, 20);
        assert!(beyond.evaluations.is_empty());
        assert_eq!(beyond.fits, page.fits);
        eprintln!("check_page of 20,000 offers: {elapsed:?} (unoptimised build)");
    }

    #[test]
    fn the_canonical_query_has_the_answers_in_order_and_the_page_after_the_first() {
        let answers = Answers::from_query(
            "art=darlehen&groesse=klein&thema=&wer=unternehmen&kreis=14521&art=zuschuss&utm_source=x",
        )
        .unwrap();
        assert_eq!(
            canonical_query(&answers, 1),
            "wer=unternehmen&kreis=14521&groesse=klein&art=zuschuss&art=darlehen"
        );
        assert_eq!(
            canonical_query(&answers, 3),
            "wer=unternehmen&kreis=14521&groesse=klein&art=zuschuss&art=darlehen&seite=3"
        );
        // No answers: no result list, so no page either.
        assert_eq!(canonical_query(&Answers::default(), 2), "");
    }
}
