//! Debates (Debatte): a question that people answer with pro, contra and
//! neutral comments. The comments are ordinary threaded comments with
//! `target_kind = 'debate'` (see [`crate::store::add_comment`]), so replies,
//! helpful marks, editing, deletion, reports and moderation work as on
//! proposals. Staff create and edit debates and close one with a conclusion;
//! a closed debate takes no new comments and shows its conclusion first.
//! Commenting is open only while the current phase has `commenting` on.

use std::collections::HashMap;

use dias_core::policy::Principal;
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult, outbox};
use dias_search::{SearchDoc, SearchSource};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entities::{comment, debate, process};
use crate::store::{self, KIND_DEBATE, NewComment, ProcessWithPhases, Target};

/// Longest question, in characters.
pub const QUESTION_MAX: usize = 300;
/// Longest description or conclusion, in characters.
pub const TEXT_MAX: usize = 20_000;

/// Whether the debate still takes comments (apart from the phase).
pub fn is_closed(d: &debate::Model) -> bool {
    d.closed_at.is_some()
}

/// Visible comments of a debate by stance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StanceCounts {
    pub pro: i64,
    pub contra: i64,
    pub neutral: i64,
}

impl StanceCounts {
    pub fn total(&self) -> i64 {
        self.pro + self.contra + self.neutral
    }
}

/// What staff enter for a debate.
#[derive(Debug, Clone, Default)]
pub struct DebateInput {
    pub question: String,
    pub description: String,
}

fn validate(input: &DebateInput) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let question = required_text(&mut errors, "question", &input.question, QUESTION_MAX);
    let description = required_text(&mut errors, "description", &input.description, TEXT_MAX);
    errors.into_result()?;
    Ok((question, description))
}

/// The debates of a process, newest first.
pub async fn list(db: &DatabaseConnection, process_id: i64) -> Result<Vec<debate::Model>, DbErr> {
    debate::Entity::find()
        .filter(debate::Column::ProcessId.eq(process_id))
        .order_by_desc(debate::Column::Id)
        .all(db)
        .await
}

pub async fn get(db: &DatabaseConnection, process_id: i64, id: i64) -> CoreResult<debate::Model> {
    debate::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|d| d.process_id == process_id)
        .ok_or(CoreError::NotFound)
}

/// Stance counts of several debates in one query.
pub async fn stance_counts(
    db: &DatabaseConnection,
    ids: &[i64],
) -> Result<HashMap<i64, StanceCounts>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    #[derive(Debug, FromQueryResult)]
    struct Row {
        target_id: i64,
        stance: String,
        count: i64,
    }
    let rows = comment::Entity::find()
        .select_only()
        .column(comment::Column::TargetId)
        .column(comment::Column::Stance)
        .column_as(comment::Column::Id.count(), "count")
        .filter(comment::Column::TargetKind.eq(KIND_DEBATE))
        .filter(comment::Column::TargetId.is_in(ids.to_vec()))
        .filter(comment::Column::HiddenAt.is_null())
        .filter(comment::Column::DeletedAt.is_null())
        .group_by(comment::Column::TargetId)
        .group_by(comment::Column::Stance)
        .into_model::<Row>()
        .all(db)
        .await?;
    let mut out: HashMap<i64, StanceCounts> = HashMap::new();
    for r in rows {
        let c = out.entry(r.target_id).or_default();
        match r.stance.as_str() {
            "pro" => c.pro += r.count,
            "contra" => c.contra += r.count,
            _ => c.neutral += r.count,
        }
    }
    Ok(out)
}

pub async fn create(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    input: &DebateInput,
) -> CoreResult<i64> {
    let (question, description) = validate(input)?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let created = debate::ActiveModel {
        process_id: Set(process_id),
        question: Set(question),
        description_md: Set(description),
        conclusion_md: Set(None),
        closed_at: Set(None),
        closed_by: Set(None),
        created_by: Set(who.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    outbox::search_changed(&txn, KIND_DEBATE, &created.id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "debate.created",
        "debate",
        Some(&created.id.to_string()),
        serde_json::json!({ "process_id": process_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

/// Staff change question and description; a closed debate's conclusion may
/// be corrected too (`conclusion` is ignored while the debate is open).
pub async fn update(
    db: &DatabaseConnection,
    process_id: i64,
    id: i64,
    input: &DebateInput,
    conclusion: &str,
) -> CoreResult<()> {
    let d = get(db, process_id, id).await?;
    let mut errors = FieldErrors::new();
    let question = required_text(&mut errors, "question", &input.question, QUESTION_MAX);
    let description = required_text(&mut errors, "description", &input.description, TEXT_MAX);
    let conclusion = if is_closed(&d) {
        Some(required_text(
            &mut errors,
            "conclusion",
            conclusion,
            TEXT_MAX,
        ))
    } else {
        None
    };
    errors.into_result()?;
    let txn = dias_core::db::begin_write(db).await?;
    let mut update = debate::Entity::update_many()
        .col_expr(debate::Column::Question, Expr::value(question))
        .col_expr(debate::Column::DescriptionMd, Expr::value(description))
        .col_expr(
            debate::Column::UpdatedAt,
            Expr::value(dias_core::time::now()),
        );
    if let Some(conclusion) = conclusion {
        update = update.col_expr(debate::Column::ConclusionMd, Expr::value(conclusion));
    }
    update
        .filter(debate::Column::Id.eq(d.id))
        .exec(&txn)
        .await?;
    outbox::search_changed(&txn, KIND_DEBATE, &d.id.to_string()).await?;
    txn.commit().await?;
    Ok(())
}

/// Staff close a debate with a public conclusion.
pub async fn close(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    id: i64,
    conclusion: &str,
) -> CoreResult<()> {
    let d = get(db, process_id, id).await?;
    if is_closed(&d) {
        return Err(CoreError::Conflict("debate-already-closed".into()));
    }
    let mut errors = FieldErrors::new();
    let conclusion = required_text(&mut errors, "conclusion", conclusion, TEXT_MAX);
    errors.into_result()?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let closed = debate::Entity::update_many()
        .col_expr(debate::Column::ConclusionMd, Expr::value(conclusion))
        .col_expr(debate::Column::ClosedAt, Expr::value(now))
        .col_expr(debate::Column::ClosedBy, Expr::value(who.user_id))
        .col_expr(debate::Column::UpdatedAt, Expr::value(now))
        .filter(debate::Column::Id.eq(d.id))
        // Of two concurrent closes one wins; the other is told so.
        .filter(debate::Column::ClosedAt.is_null())
        .exec(&txn)
        .await?;
    if closed.rows_affected == 0 {
        return Err(CoreError::Conflict("debate-already-closed".into()));
    }
    outbox::search_changed(&txn, KIND_DEBATE, &d.id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "debate.closed",
        "debate",
        Some(&d.id.to_string()),
        serde_json::json!({ "process_id": process_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A comment on a debate: refused on a closed debate and, like every
/// comment, outside a commenting phase.
pub async fn add_comment(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    id: i64,
    input: &NewComment,
) -> CoreResult<i64> {
    let d = get(db, process.process.id, id).await?;
    if is_closed(&d) {
        return Err(CoreError::Conflict("debate-closed-refused".into()));
    }
    store::add_comment(db, who, process, Target::Debate(id), input).await
}

// ------------------------------------------------------------------ search

pub struct DebateSource;

fn doc(d: &debate::Model, slug: &str) -> SearchDoc {
    let mut body = dias_core::markdown::to_plain_text(&d.description_md);
    if let Some(conclusion) = &d.conclusion_md {
        body.push(' ');
        body.push_str(&dias_core::markdown::to_plain_text(conclusion));
    }
    SearchDoc {
        kind: KIND_DEBATE.into(),
        id: d.id.to_string(),
        title: d.question.clone(),
        body,
        url: format!("/beteiligung/{slug}/debatten/{}", d.id),
        date: Some(d.created_at),
    }
}

#[async_trait::async_trait]
impl SearchSource for DebateSource {
    fn kind(&self) -> &'static str {
        KIND_DEBATE
    }
    fn label_key(&self) -> &'static str {
        "search-kind-debate"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        let slugs: HashMap<i64, String> = process::Entity::find()
            .filter(process::Column::Visibility.ne("draft"))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.slug))
            .collect();
        Ok(debate::Entity::find()
            .all(db)
            .await?
            .iter()
            .filter_map(|d| slugs.get(&d.process_id).map(|slug| doc(d, slug)))
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let Some(d) = debate::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        Ok(process::Entity::find_by_id(d.process_id)
            .one(db)
            .await?
            .filter(|p| p.visibility != "draft")
            .map(|p| doc(&d, &p.slug)))
    }
}

// ------------------------------------------------------------------ export

/// The debates of a process as rows of the process export (the conclusion
/// in `category`, where suggestions keep their decision's reason).
pub async fn export_rows(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Vec<crate::export::Row>, DbErr> {
    Ok(list(db, process_id)
        .await?
        .into_iter()
        .rev()
        .map(|d| crate::export::Row {
            kind: "debate",
            id: d.id,
            created_at: dias_core::time::format_rfc3339(d.created_at),
            title: d.question,
            text: d.description_md,
            status: if d.closed_at.is_some() {
                "closed".into()
            } else {
                "open".into()
            },
            category: d.conclusion_md.unwrap_or_default(),
            ..crate::export::Row::default()
        })
        .collect())
}

// ------------------------------------------------------------------ demo

#[derive(serde::Deserialize)]
struct DemoDebate {
    question: String,
    description: String,
    conclusion: Option<String>,
}

/// Demo comments per debate of `demo/debates.json` (same order): stance and text.
const DEMO_COMMENTS: [&[(&str, &str)]; 3] = [
    &[
        (
            "pro",
            "Meine Mutter ist 84 und hat kein Smartphone. Ohne einen festen Anspruch auf einen Termin im Bürgeramt wäre sie auf fremde Hilfe angewiesen.",
        ),
        (
            "pro",
            "Ein Recht auf analoge Wege schützt auch Menschen, die digitale Angebote aus Datenschutzgründen bewusst nicht nutzen wollen.",
        ),
        (
            "contra",
            "Ein gesetzlicher Anspruch für jede Leistung bindet Personal in Doppelstrukturen. Besser wären Hilfsangebote in Bibliotheken und Bürgerbüros, die beim Online-Antrag unterstützen.",
        ),
        (
            "contra",
            "Wenn jede Leistung dauerhaft auch auf Papier angeboten werden muss, wird die Digitalisierung nie wirklich Zeit sparen.",
        ),
        (
            "neutral",
            "Wichtig wäre, zwischen Leistungen für Bürgerinnen und Bürger und solchen für Unternehmen zu unterscheiden. Von Unternehmen kann man digitale Wege eher verlangen.",
        ),
        (
            "pro",
            "Telefonische Erledigung sollte ausdrücklich dazugehören. Gerade im ländlichen Raum ist das nächste Bürgeramt oft weit weg.",
        ),
        (
            "neutral",
            "Gibt es Zahlen, wie viele Anträge heute noch auf Papier eingehen? Das würde die Debatte versachlichen.",
        ),
        (
            "contra",
            "Ein Anspruch ja, aber nicht per Gesetz für jede Einzelleistung. Eine Servicegarantie der Kommunen würde reichen.",
        ),
    ],
    &[
        (
            "pro",
            "Eine automatische Vollständigkeitsprüfung würde viele Rückfragen ersparen. Die Entscheidung selbst muss natürlich beim Menschen bleiben.",
        ),
        (
            "contra",
            "Wer einen Bescheid bekommt, muss nachvollziehen können, wie er zustande kam. Bei KI-Systemen ist das oft nicht möglich.",
        ),
        (
            "pro",
            "In der Elterngeldstelle warten Anträge wochenlang, weil Unterlagen fehlen. Hier könnte eine Vorprüfung sofort helfen.",
        ),
        (
            "neutral",
            "Entscheidend ist, dass jede Vorprüfung protokolliert wird und Antragstellende eine Prüfung durch einen Menschen verlangen können.",
        ),
        (
            "contra",
            "Trainingsdaten aus der Vergangenheit spiegeln alte Fehler wider. Ohne unabhängige Prüfung auf Benachteiligung sollte kein System eingesetzt werden.",
        ),
        (
            "pro",
            "Sortieren und Zuordnen von Post ist ein guter Anfang mit geringem Risiko. Damit kann die Verwaltung Erfahrungen sammeln.",
        ),
        (
            "neutral",
            "Die EU-Verordnung über künstliche Intelligenz setzt hier ohnehin Grenzen. Die Strategie sollte darauf ausdrücklich verweisen.",
        ),
        (
            "contra",
            "Die Beschäftigten müssen frühzeitig einbezogen werden, sonst entsteht Misstrauen gegenüber jeder neuen Technik.",
        ),
    ],
    &[
        (
            "pro",
            "Schulen und Gewerbegebiete zuerst ist richtig: Dort profitieren auf einen Schlag sehr viele Menschen.",
        ),
        (
            "contra",
            "Unser Dorf hat seit Jahren nur 6 Mbit/s. Wer auf dem Land wohnt, darf nicht immer als Letzter an der Reihe sein.",
        ),
        (
            "neutral",
            "Man könnte beides verbinden: Die Trassen zu den Schulen so planen, dass die umliegenden Straßen gleich mit erschlossen werden.",
        ),
        (
            "contra",
            "Homeoffice und Telemedizin funktionieren nur mit einem guten Anschluss zu Hause. Die Haushalte sollten nicht bis 2030 warten müssen.",
        ),
        (
            "pro",
            "Krankenhäuser und Pflegeheime brauchen stabile Leitungen für die Telematikinfrastruktur. Das hat Vorrang.",
        ),
        (
            "neutral",
            "Wichtig ist vor allem eine verlässliche Zeitplanung, damit Haushalte wissen, wann sie angeschlossen werden.",
        ),
        (
            "contra",
            "Gewerbegebiete werden oft ohnehin von den Netzbetreibern erschlossen. Fördermittel sollten dorthin, wo der Markt nicht hinkommt.",
        ),
        (
            "pro",
            "Ohne schnelle Anschlüsse in den Schulen bleibt jedes Tablet-Programm Stückwerk.",
        ),
    ],
];

/// The debates of `demo/debates.json` with their comments; a debate with
/// a conclusion is closed.
pub(crate) async fn seed_demo(
    db: &DatabaseConnection,
    process_id: i64,
    participants: &[i64],
    staff: i64,
    comments_per_debate: usize,
) -> Result<String, String> {
    use rand::{Rng, SeedableRng};
    let debates: Vec<DemoDebate> = serde_json::from_str(include_str!("../demo/debates.json"))
        .map_err(|e| format!("demo/debates.json: {e}"))?;
    if participants.is_empty() {
        return Err("no participants or comment texts for the demo debates".into());
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(2027);
    let now = dias_core::time::now();
    let day = 86_400;
    let mut comment_rows = Vec::new();
    for (i, d) in debates.iter().enumerate() {
        let created_at = now - (12 - i as i64) * day;
        let closed_at = d.conclusion.as_ref().map(|_| now - 2 * day);
        let created = debate::ActiveModel {
            process_id: Set(process_id),
            question: Set(d.question.clone()),
            description_md: Set(d.description.clone()),
            conclusion_md: Set(d.conclusion.clone()),
            closed_at: Set(closed_at),
            closed_by: Set(closed_at.map(|_| staff)),
            created_by: Set(staff),
            created_at: Set(created_at),
            updated_at: Set(closed_at.unwrap_or(created_at)),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(|e| e.to_string())?;
        let until = closed_at.unwrap_or(now);
        let texts = DEMO_COMMENTS.get(i).copied().unwrap_or(&[]);
        // The hand-written comments once in order, then drawn again for
        // the large scale.
        for n in 0..comments_per_debate.max(texts.len()) {
            let Some(&(stance, text)) = texts
                .get(n)
                .or_else(|| texts.get(rng.gen_range(0..texts.len().max(1))))
            else {
                break;
            };
            comment_rows.push(comment::ActiveModel {
                process_id: Set(process_id),
                target_kind: Set(KIND_DEBATE.into()),
                target_id: Set(created.id),
                parent_id: Set(None),
                depth: Set(0),
                author_id: Set(participants[rng.gen_range(0..participants.len())]),
                body: Set(text.to_owned()),
                category: Set(None),
                stance: Set(stance.to_owned()),
                upvotes: Set(0),
                hidden_at: Set(None),
                deleted_at: Set(None),
                created_at: Set(rng.gen_range(created_at..until)),
                edited_at: Set(None),
                ..Default::default()
            });
        }
    }
    for chunk in comment_rows.chunks(1_000) {
        comment::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(format!(
        "{} Debatten mit {} Kommentaren",
        debates.len(),
        comment_rows.len()
    ))
}
