//! Kooperationsgesuche: partner requests that representatives post for
//! their actor. On publication a request is matched to the verified
//! profiles; the representatives of the best matching actors who opted in
//! are notified in the same transaction — never the requesting actor's own
//! representatives. A request is open until its deadline and then only
//! shown as closed.

use dias_core::notifications::{self, NewNotification};
use dias_core::policy::Principal;
use dias_core::validation::{self, FieldErrors};
use dias_core::{CoreResult, audit, outbox};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use crate::domain::{self, COMPETENCES, INDUSTRIES, Term};
use crate::entities::{actor, actor_representative, partner_request};
use crate::matching::Index;

/// Search document kind of partner requests.
pub const KIND_REQUEST: &str = "partner_request";
/// How many of the best matching actors are told about a new request.
pub const NOTIFY_TOP: usize = 20;
/// Deadlines lie at most this far ahead.
pub const MAX_DAYS: i64 = 366;
pub const PER_PAGE: u64 = 20;

/// The form as submitted (kept on errors).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestInput {
    pub title: String,
    pub body: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    /// `YYYY-MM-DD`, the last day on which the request is open.
    pub deadline: String,
}

impl RequestInput {
    /// Reads the form's pairs; checkbox groups repeat their name.
    pub fn from_pairs(pairs: &[(String, String)]) -> RequestInput {
        let mut input = RequestInput::default();
        for (key, value) in pairs {
            match key.as_str() {
                "title" => input.title = value.clone(),
                "body" => input.body = value.clone(),
                "competences" => input.competences.push(value.clone()),
                "industries" => input.industries.push(value.clone()),
                "deadline" => input.deadline = value.clone(),
                _ => {}
            }
        }
        input
    }
}

/// A checked request, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidRequest {
    pub title: String,
    pub body_md: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    /// End of the deadline's Berlin day.
    pub deadline: i64,
}

fn checked(
    errors: &mut FieldErrors,
    field: &str,
    values: &[String],
    terms: &[Term],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        match domain::find(terms, v.trim()) {
            Some(t) => {
                if !out.iter().any(|o| o == t.slug) {
                    out.push(t.slug.to_owned());
                }
            }
            None => {
                errors.add(field, "error-invalid-choice");
                return Vec::new();
            }
        }
    }
    out.sort_by_key(|s| terms.iter().position(|t| t.slug == s));
    out
}

/// Checks a request: title, text, at least one wanted competence, and a
/// deadline from today up to a year ahead.
pub fn validate(input: &RequestInput, now: i64) -> Result<ValidRequest, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = validation::required_text(&mut errors, "title", &input.title, 200);
    let body_md = validation::required_text(&mut errors, "body", &input.body, 5_000);
    let competences = checked(&mut errors, "competences", &input.competences, &COMPETENCES);
    if competences.is_empty() && errors.get("competences").is_none() {
        errors.add("competences", "network-error-choose-one");
    }
    let industries = checked(&mut errors, "industries", &input.industries, &INDUSTRIES);
    let deadline = match dias_core::time::berlin_day_end(&input.deadline) {
        None if input.deadline.trim().is_empty() => {
            errors.add("deadline", "error-required");
            0
        }
        None => {
            errors.add("deadline", "matching-error-deadline");
            0
        }
        Some(end) if end <= now || end > now + MAX_DAYS * 86_400 => {
            errors.add("deadline", "matching-error-deadline-range");
            0
        }
        Some(end) => end,
    };
    errors.into_result()?;
    Ok(ValidRequest {
        title,
        body_md,
        competences,
        industries,
        deadline,
    })
}

pub fn is_open(r: &partner_request::Model, now: i64) -> bool {
    r.deadline > now
}

/// The text a request is matched by.
pub fn match_text(title: &str, body_md: &str) -> String {
    format!("{title} {}", dias_core::markdown::to_plain_text(body_md))
}

/// The accounts to tell about a request: opted-in representatives of the
/// matched actors, minus everyone who represents the requesting actor.
pub fn recipients(requester_reps: &[i64], opted_in: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut out: Vec<i64> = opted_in
        .into_iter()
        .filter(|u| !requester_reps.contains(u))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Publishes a request for `actor` and notifies the matching actors'
/// opted-in representatives, all in one transaction. Returns the request
/// and how many were notified.
pub async fn publish(
    db: &DatabaseConnection,
    who: &Principal,
    actor: &actor::Model,
    v: &ValidRequest,
    index: &Index,
) -> CoreResult<(partner_request::Model, usize)> {
    let now = dias_core::time::now();
    let txn = db.begin().await?;
    let created = partner_request::ActiveModel {
        actor_id: Set(actor.id),
        author_id: Set(Some(who.user_id)),
        title: Set(v.title.clone()),
        body_md: Set(v.body_md.clone()),
        competences: Set(v.competences.join(",")),
        industries: Set(v.industries.join(",")),
        deadline: Set(v.deadline),
        notified_count: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let query = index.query_for_request(
        actor.id,
        &actor.category,
        &actor.ags5,
        &v.competences,
        &v.industries,
        &match_text(&v.title, &v.body_md),
    );
    let matched: Vec<i64> = index
        .rank(&query, NOTIFY_TOP)
        .into_iter()
        .map(|m| m.id)
        .collect();
    let notified = if matched.is_empty() {
        0
    } else {
        let requester_reps = representatives_of(&txn, &[actor.id], false).await?;
        let opted_in = representatives_of(&txn, &matched, true).await?;
        let users = recipients(&requester_reps, opted_in);
        let link = format!("/netzwerk/kooperationsgesuche/{}", created.id);
        let summary = dias_core::markdown::to_plain_text(&v.body_md);
        notifications::notify(
            &txn,
            &users,
            &NewNotification {
                kind: "matching-notif-request",
                args: serde_json::json!({ "actor": actor.name }),
                title: &v.title,
                summary: &summary,
                link: &link,
            },
        )
        .await?
    };
    partner_request::Entity::update_many()
        .col_expr(
            partner_request::Column::NotifiedCount,
            Expr::value(i32::try_from(notified).unwrap_or(i32::MAX)),
        )
        .filter(partner_request::Column::Id.eq(created.id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Some(who.user_id),
        "network.partner_request_published",
        "partner_request",
        Some(&created.id.to_string()),
        serde_json::json!({ "actor_id": actor.id, "notified": notified }),
    )
    .await?;
    outbox::search_changed(&txn, KIND_REQUEST, &created.id.to_string()).await?;
    txn.commit().await?;
    Ok((created, notified))
}

/// User ids representing any of `actors` (only those who opted in, if
/// asked), in one query.
async fn representatives_of<C: ConnectionTrait>(
    db: &C,
    actors: &[i64],
    opted_in_only: bool,
) -> Result<Vec<i64>, DbErr> {
    let mut query = actor_representative::Entity::find()
        .filter(actor_representative::Column::ActorId.is_in(actors.to_vec()));
    if opted_in_only {
        query = query.filter(actor_representative::Column::PartnerRequestsOptIn.eq(true));
    }
    Ok(query
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect())
}

/// A request with its actor's public name and slug.
#[derive(Debug, Clone)]
pub struct Listed {
    pub request: partner_request::Model,
    pub actor_name: String,
    pub actor_slug: String,
    /// For matching the request from its actor's point of view.
    pub actor_category: String,
    pub actor_ags5: String,
}

async fn with_actors<C: ConnectionTrait>(
    db: &C,
    requests: Vec<partner_request::Model>,
) -> Result<Vec<Listed>, DbErr> {
    let ids: Vec<i64> = requests.iter().map(|r| r.actor_id).collect();
    let actors = crate::store::actors_by_ids(db, &ids).await?;
    Ok(requests
        .into_iter()
        .filter_map(|r| {
            let a = actors
                .iter()
                .find(|a| a.id == r.actor_id && a.status == domain::VERIFIED)?;
            Some(Listed {
                actor_name: a.name.clone(),
                actor_slug: a.slug.clone(),
                actor_category: a.category.clone(),
                actor_ags5: a.ags5.clone(),
                request: r,
            })
        })
        .collect())
}

/// One page of open requests, the nearest deadline first, with the total.
pub async fn open_page(
    db: &DatabaseConnection,
    now: i64,
    page: u64,
) -> Result<(Vec<Listed>, u64), DbErr> {
    let paginator = partner_request::Entity::find()
        .filter(partner_request::Column::Deadline.gt(now))
        .order_by_asc(partner_request::Column::Deadline)
        .order_by_asc(partner_request::Column::Id)
        .paginate(db, PER_PAGE);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page.saturating_sub(1)).await?;
    Ok((with_actors(db, rows).await?, total))
}

/// The newest closed requests (archive below the list).
pub async fn recently_closed(
    db: &DatabaseConnection,
    now: i64,
    limit: u64,
) -> Result<Vec<Listed>, DbErr> {
    use sea_orm::QuerySelect;
    let rows = partner_request::Entity::find()
        .filter(partner_request::Column::Deadline.lte(now))
        .order_by_desc(partner_request::Column::Deadline)
        .order_by_desc(partner_request::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    with_actors(db, rows).await
}

/// A request whose actor is public.
pub async fn get<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Listed>, DbErr> {
    let Some(r) = partner_request::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(with_actors(db, vec![r]).await?.into_iter().next())
}

/// Search documents of open partner requests of verified actors. A request
/// leaves the index when it is deleted or its actor is no longer public;
/// one past its deadline stays findable and its page says it is closed.
pub struct RequestSource;

fn request_doc(l: &Listed) -> dias_search::SearchDoc {
    dias_search::SearchDoc {
        kind: KIND_REQUEST.into(),
        id: l.request.id.to_string(),
        title: l.request.title.clone(),
        body: format!(
            "{} {}",
            l.actor_name,
            dias_core::markdown::to_plain_text(&l.request.body_md)
        ),
        url: format!("/netzwerk/kooperationsgesuche/{}", l.request.id),
        date: Some(l.request.created_at),
    }
}

#[async_trait::async_trait]
impl dias_search::SearchSource for RequestSource {
    fn kind(&self) -> &'static str {
        KIND_REQUEST
    }
    fn label_key(&self) -> &'static str {
        "matching-search-kind-request"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<dias_search::SearchDoc>, DbErr> {
        let rows = partner_request::Entity::find()
            .order_by_asc(partner_request::Column::Id)
            .all(db)
            .await?;
        Ok(with_actors(db, rows)
            .await?
            .iter()
            .map(request_doc)
            .collect())
    }
    async fn one(
        &self,
        db: &DatabaseConnection,
        id: &str,
    ) -> Result<Option<dias_search::SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(get(db, id).await?.as_ref().map(request_doc))
    }
}

/// Demo partner requests of fictional actors (one already closed):
/// actor slug, title, text, competences, industries, days until the deadline.
type DemoRequest = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    i64,
);

const DEMO: &[DemoRequest] = &[
    (
        "torgauer-agrardaten-eg",
        "Partner für Bildverarbeitung auf dem Acker gesucht",
        "Unsere Genossenschaft sammelt seit Jahren Drohnen- und Feldbilder aus Nordsachsen. Wir möchten daraus Unkraut- und Schädlingskarten erzeugen, die direkt auf dem Traktor laufen.\n\nWir suchen eine Forschungsgruppe oder ein Unternehmen mit Erfahrung in Bildverarbeitung und Edge-KI, das mit uns einen Förderantrag stellt. Wir bringen Daten, Versuchsflächen und Praxiswissen mit.",
        &["bildverarbeitung", "edge-ki"],
        &["umwelt-landwirtschaft"],
        45,
    ),
    (
        "mediscan-chemnitz-gmbh",
        "Klinischer Partner für die Validierung eines Befundungsassistenten",
        "Wir entwickeln einen Assistenten, der Röntgenbilder der Lunge vorsortiert. Für die klinische Validierung suchen wir eine Klinik oder Professur in Sachsen, die eine retrospektive Studie mit uns plant.\n\nErfahrung mit erklärbaren Verfahren und der Zertifizierung nach MDR ist willkommen.",
        &["deep-learning", "vertrauenswuerdige-ki"],
        &["gesundheit"],
        60,
    ),
    (
        "saechsischer-verbund-kommunale-ki",
        "Sprachmodelle für Bürgeranfragen: Pilotkommunen und Entwickler gesucht",
        "Der Verbund möchte prüfen, wie Sprachmodelle Anfragen an Bürgerbüros vorsortieren und Antwortentwürfe vorschlagen können – datenschutzgerecht und auf eigener Infrastruktur.\n\nGesucht sind zwei bis drei Pilotkommunen sowie ein Team mit Erfahrung in Sprachverarbeitung.",
        &["nlp", "generative-ki"],
        &["verwaltung"],
        30,
    ),
    (
        "pirnaer-logistik-optimierung-gmbh",
        "Forschungspartner für Tourenplanung mit Echtzeitdaten",
        "Unsere Tourenplanung für Lieferdienste im Elbtal soll Verkehrs- und Wetterprognosen einbeziehen. Wir suchen eine Hochschule oder ein Institut für ein gemeinsames Forschungsprojekt zu Optimierung und Prognosen.",
        &["optimierung", "zeitreihen"],
        &["logistik", "mobilitaet"],
        90,
    ),
    (
        "zwickauer-fahrzeugdaten-gmbh",
        "Datenpartner für vorausschauende Wartung von Fahrzeugflotten",
        "Für ein Projekt zur vorausschauenden Wartung suchten wir Flottenbetreiber, die Sensordaten ihrer Fahrzeuge teilen. Das Gesuch ist abgeschlossen; vielen Dank für die Rückmeldungen.",
        &["zeitreihen", "maschinelles-lernen"],
        &["mobilitaet"],
        -10,
    ),
];

/// Seeds the demo partner requests (called from `demo.rs`).
pub async fn seed_demo(db: &DatabaseConnection) -> Result<String, String> {
    let now = dias_core::time::now();
    let slugs: Vec<&str> = DEMO.iter().map(|d| d.0).collect();
    let actors = actor::Entity::find()
        .filter(actor::Column::Slug.is_in(slugs))
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    let rows: Vec<partner_request::ActiveModel> = DEMO
        .iter()
        .filter_map(|(slug, title, body, competences, industries, days)| {
            let a = actors.iter().find(|a| a.slug == *slug)?;
            // Deadlines at the end of a Berlin day, like the form's.
            let day = dias_core::time::date_input_value(now + days * 86_400);
            let deadline = dias_core::time::berlin_day_end(&day)?;
            Some(partner_request::ActiveModel {
                actor_id: Set(a.id),
                author_id: Set(None),
                title: Set((*title).to_owned()),
                body_md: Set((*body).to_owned()),
                competences: Set(competences.join(",")),
                industries: Set(industries.join(",")),
                deadline: Set(deadline),
                notified_count: Set(0),
                created_at: Set(now - (days.abs() + 5) * 86_400 / 3),
                updated_at: Set(now),
                ..Default::default()
            })
        })
        .collect();
    let n = rows.len();
    if n > 0 {
        partner_request::Entity::insert_many(rows)
            .exec(db)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(format!("{n} Kooperationsgesuche"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> RequestInput {
        RequestInput {
            title: "Partner für Obstbau-Kameras".into(),
            body: "Wir suchen eine Professur für Bildverarbeitung.".into(),
            competences: vec!["robotik".into(), "bildverarbeitung".into()],
            industries: vec!["umwelt-landwirtschaft".into()],
            deadline: "2026-12-31".into(),
        }
    }

    #[test]
    fn a_request_needs_text_a_competence_and_a_deadline_within_a_year() {
        let now = dias_core::time::berlin_day_start("2026-11-27").unwrap();
        let valid = validate(&input(), now).unwrap();
        assert_eq!(valid.competences, vec!["bildverarbeitung", "robotik"]);
        assert_eq!(
            valid.deadline,
            dias_core::time::berlin_day_start("2027-01-01").unwrap()
        );
        let mut bad = input();
        bad.title = " ".into();
        bad.competences.clear();
        bad.deadline = "2026-11-26".into();
        let errors = validate(&bad, now).unwrap_err();
        assert_eq!(errors.get("title"), Some("error-required"));
        assert_eq!(errors.get("competences"), Some("network-error-choose-one"));
        assert_eq!(
            errors.get("deadline"),
            Some("matching-error-deadline-range")
        );
        let mut far = input();
        far.deadline = "2028-01-01".into();
        assert!(validate(&far, now).is_err());
        let mut odd = input();
        odd.industries = vec!["raumfahrt".into()];
        odd.deadline = "morgen".into();
        let errors = validate(&odd, now).unwrap_err();
        assert_eq!(errors.get("industries"), Some("error-invalid-choice"));
        assert_eq!(errors.get("deadline"), Some("matching-error-deadline"));
    }

    #[test]
    fn the_requesters_own_representatives_are_never_recipients() {
        assert_eq!(recipients(&[1, 2], [3, 2, 4, 3]), vec![3, 4]);
        assert!(recipients(&[5], [5]).is_empty());
    }
}
