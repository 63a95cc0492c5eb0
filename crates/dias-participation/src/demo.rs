//! Demo data: the process "Digitalstrategie Sachsen — Fortschreibung" with
//! its strategy text, proposals, answers, comments, supports and change
//! suggestions, written in German (see `demo/`). `Scale::Large` adds
//! generated proposals and comments for benchmarks.

use std::collections::HashMap;

use dias_core::entities::user;
use dias_web::registry::Scale;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Deserialize;

use crate::entities::{
    comment, paragraph, phase, process, proposal, proposal_answer, proposal_support, suggestion,
    suggestion_support,
};

const STRATEGY: &str = include_str!("../demo/strategy.md");
const PROPOSALS: &str = include_str!("../demo/proposals.json");
const COMMENTS: &str = include_str!("../demo/comments.json");
const SUGGESTIONS: &str = include_str!("../demo/suggestions.json");
const FRAGMENTS: &str = include_str!("../demo/fragments.json");

pub const SLUG: &str = "digitalstrategie-sachsen";
const DAY: i64 = 86_400;

#[derive(Deserialize)]
struct DemoProposal {
    title: String,
    body: String,
    topic: String,
    ags8: Option<String>,
    status: String,
    answer: Option<String>,
}

#[derive(Deserialize)]
struct DemoComment {
    stance: String,
    category: String,
    text: String,
}

#[derive(Deserialize)]
struct DemoSuggestion {
    chapter: i32,
    section: i32,
    paragraph: i32,
    new_text: String,
    reason: String,
    decision: Option<String>,
    decision_reason: Option<String>,
}

#[derive(Deserialize)]
struct Fragments {
    title_starts: Vec<String>,
    title_objects: Vec<String>,
    title_places: Vec<String>,
    body_sentences: Vec<String>,
    comment_sentences: Vec<String>,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("demo/{name}: {e}"))
}

fn db_err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

pub async fn seed(db: &DatabaseConnection, scale: Scale) -> Result<String, String> {
    let proposals_in: Vec<DemoProposal> = parse("proposals.json", PROPOSALS)?;
    let comments_in: Vec<DemoComment> = parse("comments.json", COMMENTS)?;
    let suggestions_in: Vec<DemoSuggestion> = parse("suggestions.json", SUGGESTIONS)?;
    let fragments: Fragments = parse("fragments.json", FRAGMENTS)?;
    let mut rng = StdRng::seed_from_u64(2026);
    let now = dias_core::time::now();

    let participants: Vec<i64> = user::Entity::find()
        .filter(user::Column::Role.eq("participant"))
        .filter(user::Column::DeletedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|u| u.id)
        .collect();
    if participants.is_empty() {
        return Err("no participant accounts to write demo contributions".into());
    }
    let staff = user::Entity::find()
        .filter(user::Column::Role.is_in(["staff", "admin"]))
        .one(db)
        .await
        .map_err(db_err)?
        .map(|u| u.id)
        .unwrap_or(participants[0]);

    let process = process::ActiveModel {
        slug: Set(SLUG.into()),
        title: Set("Digitalstrategie Sachsen — Fortschreibung".into()),
        teaser: Set("Der Freistaat schreibt seine Digitalstrategie fort. Lesen Sie den Entwurf, kommentieren Sie ihn und bringen Sie Ihre Vorschläge ein.".into()),
        description_md: Set("Die Digitalstrategie beschreibt, wie Sachsen die digitale Transformation in den kommenden Jahren gestalten will: vom Gigabitausbau über die digitale Verwaltung bis zu künstlicher Intelligenz.\n\nIn der **Konsultationsphase** können alle Interessierten den Entwurf Absatz für Absatz kommentieren, neue Formulierungen vorschlagen und eigene Vorschläge einreichen. Die Digitalagentur Sachsen wertet alle Beiträge aus und nimmt zu jedem Vorschlag Stellung. Welche Hinweise in die überarbeitete Fassung eingeflossen sind, ist an jedem Beitrag nachvollziehbar.".into()),
        organiser: Set("Digitalagentur Sachsen im Auftrag der Sächsischen Staatskanzlei".into()),
        scope_ags5: Set(None),
        visibility: Set("published".into()),
        support_limit: Set(10),
        support_threshold: Set(if scale == Scale::Large { 25 } else { 5 }),
        report_threshold: Set(3),
        premoderation: Set(false),
        created_at: Set(now - 30 * DAY),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;

    let phases = [
        (
            "Information",
            "Vorstellung des Entwurfs in Veranstaltungen in allen Kreisen.",
            now - 30 * DAY,
            now - 14 * DAY,
            [true, false, false, false],
        ),
        (
            "Konsultation",
            "Kommentieren, Änderungen vorschlagen, eigene Vorschläge einreichen und unterstützen.",
            now - 14 * DAY,
            now + 28 * DAY,
            [true, true, true, true],
        ),
        (
            "Auswertung",
            "Die Digitalagentur wertet alle Beiträge aus und nimmt Stellung.",
            now + 28 * DAY,
            now + 56 * DAY,
            [false, false, false, false],
        ),
        (
            "Ergebnis",
            "Die überarbeitete Fassung wird veröffentlicht; jeder Beitrag zeigt, was aus ihm wurde.",
            now + 56 * DAY,
            now + 120 * DAY,
            [false, false, false, false],
        ),
    ];
    for (i, (name, description, starts, ends, [commenting, proposals, supporting, suggestions])) in
        phases.into_iter().enumerate()
    {
        phase::ActiveModel {
            process_id: Set(process.id),
            position: Set(i as i32 + 1),
            name: Set(name.into()),
            description: Set(description.into()),
            starts_at: Set(starts),
            ends_at: Set(ends),
            commenting: Set(commenting),
            proposals: Set(proposals),
            supporting: Set(supporting),
            suggestions: Set(suggestions),
            statement_voting: Set(false),
            survey: Set(false),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }

    let (version_id, problems) =
        crate::store::import_version(db, process.id, "Konsultationsentwurf", STRATEGY, &[])
            .await
            .map_err(|e| format!("strategy text: {e}"))?;
    if !problems.is_empty() {
        return Err(format!(
            "demo/strategy.md has {} structure problems, first at line {}",
            problems.len(),
            problems[0].line
        ));
    }
    let paragraphs = paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.eq(version_id))
        .all(db)
        .await
        .map_err(db_err)?;
    let by_position: HashMap<(i32, i32, i32), i64> = paragraphs
        .iter()
        .map(|p| ((p.chapter_no, p.section_no, p.position), p.id))
        .collect();

    // Hand-written proposals, then generated ones for the large scale.
    let mut rows: Vec<proposal::ActiveModel> = Vec::new();
    let mut answers: Vec<(usize, String, String)> = Vec::new();
    for (i, p) in proposals_in.iter().enumerate() {
        if let Some(answer) = &p.answer {
            answers.push((i, p.status.clone(), answer.clone()));
        }
        rows.push(proposal_row(
            process.id,
            participants[i % participants.len()],
            &p.title,
            &p.body,
            &p.topic,
            p.ags8.clone(),
            &p.status,
            now - (i as i64 + 1) * 3_600 * 7,
        ));
    }
    let generated = match scale {
        Scale::Small => 0,
        Scale::Large => 10_000,
    };
    let municipalities: Vec<String> = dias_core::reference::municipalities(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|m| m.ags8)
        .collect();
    for i in 0..generated {
        let title = format!(
            "{} {} {}",
            fragments
                .title_starts
                .choose(&mut rng)
                .map(String::as_str)
                .unwrap_or("Mehr"),
            fragments
                .title_objects
                .choose(&mut rng)
                .map(String::as_str)
                .unwrap_or("Digitalisierung"),
            fragments
                .title_places
                .choose(&mut rng)
                .map(String::as_str)
                .unwrap_or("in Sachsen"),
        );
        let sentences: Vec<&str> = (0..rng.gen_range(2..6))
            .filter_map(|_| {
                fragments
                    .body_sentences
                    .choose(&mut rng)
                    .map(String::as_str)
            })
            .collect();
        let topic = crate::domain::TOPICS[rng.gen_range(0..crate::domain::TOPICS.len())];
        let ags8 = rng
            .gen_bool(0.3)
            .then(|| municipalities[rng.gen_range(0..municipalities.len())].clone());
        let status = [
            "submitted",
            "submitted",
            "submitted",
            "in_review",
            "accepted",
            "rejected",
        ][rng.gen_range(0..6)];
        rows.push(proposal_row(
            process.id,
            participants[rng.gen_range(0..participants.len())],
            &title,
            &sentences.join(" "),
            topic,
            ags8,
            status,
            now - rng.gen_range(0..14 * DAY) - (i as i64 % 60),
        ));
    }
    for chunk in rows.chunks(500) {
        proposal::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    let proposal_ids: Vec<i64> = proposal::Entity::find()
        .filter(proposal::Column::ProcessId.eq(process.id))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| p.id)
        .collect();

    for (i, status, answer) in answers {
        let Some(&pid) = proposal_ids.get(i) else {
            continue;
        };
        proposal_answer::ActiveModel {
            proposal_id: Set(pid),
            status: Set(status),
            answer_md: Set(answer),
            cost_eur: Set(None),
            author_id: Set(staff),
            created_at: Set(now - DAY),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }

    // Supports: every participant backs a few proposals, the hand-written
    // ones more often; the per-person limit of the process holds.
    let mut support_rows = Vec::new();
    let mut support_counts: HashMap<i64, i32> = HashMap::new();
    let popular = proposal_ids.len().min(proposals_in.len());
    for &user in &participants {
        let n = rng.gen_range(0..=6);
        let mut chosen: Vec<i64> = Vec::new();
        for _ in 0..n {
            let pid = if rng.gen_bool(0.6) && popular > 0 {
                proposal_ids[rng.gen_range(0..popular)]
            } else {
                proposal_ids[rng.gen_range(0..proposal_ids.len())]
            };
            if !chosen.contains(&pid) {
                chosen.push(pid);
            }
        }
        for pid in chosen {
            *support_counts.entry(pid).or_default() += 1;
            support_rows.push(proposal_support::ActiveModel {
                process_id: Set(process.id),
                proposal_id: Set(pid),
                user_id: Set(user),
                created_at: Set(now - rng.gen_range(0..14 * DAY)),
                ..Default::default()
            });
        }
    }
    for chunk in support_rows.chunks(1_000) {
        proposal_support::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }

    // Comments on proposals (the first proposal gets a long thread) and on paragraphs.
    let target_comments = match scale {
        Scale::Small => 150,
        Scale::Large => 110_000,
    };
    let mut comment_rows: Vec<comment::ActiveModel> = Vec::new();
    let mut comment_counts: HashMap<i64, i32> = HashMap::new();
    for i in 0..target_comments {
        let pid = if i < 220 {
            proposal_ids[0]
        } else if rng.gen_bool(0.5) && popular > 0 {
            proposal_ids[rng.gen_range(0..popular)]
        } else {
            proposal_ids[rng.gen_range(0..proposal_ids.len())]
        };
        let text = if i % 3 == 0 || scale == Scale::Small {
            comments_in[rng.gen_range(0..comments_in.len())]
                .text
                .clone()
        } else {
            let n = rng.gen_range(1..3);
            (0..n)
                .filter_map(|_| fragments.comment_sentences.choose(&mut rng).cloned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let stance = ["pro", "contra", "neutral"][rng.gen_range(0..3)];
        *comment_counts.entry(pid).or_default() += 1;
        comment_rows.push(comment_row(
            process.id,
            "proposal",
            pid,
            participants[rng.gen_range(0..participants.len())],
            text,
            None,
            stance,
            now - rng.gen_range(0..14 * DAY),
        ));
    }
    let paragraph_ids: Vec<i64> = paragraphs.iter().map(|p| p.id).collect();
    for i in 0..(paragraph_ids.len() * 2) {
        let c = &comments_in[i % comments_in.len()];
        let pid = paragraph_ids[rng.gen_range(0..paragraph_ids.len())];
        comment_rows.push(comment_row(
            process.id,
            "paragraph",
            pid,
            participants[rng.gen_range(0..participants.len())],
            c.text.clone(),
            Some(c.category.clone()),
            &c.stance,
            now - rng.gen_range(0..14 * DAY),
        ));
    }
    for chunk in comment_rows.chunks(1_000) {
        comment::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    // Replies in the first thread, so the demo shows nesting.
    let first_comments = comment::Entity::find()
        .filter(comment::Column::TargetKind.eq("proposal"))
        .filter(comment::Column::TargetId.eq(proposal_ids[0]))
        .all(db)
        .await
        .map_err(db_err)?;
    for parent in first_comments.iter().take(10) {
        let reply = comment_row(
            process.id,
            "proposal",
            proposal_ids[0],
            participants[rng.gen_range(0..participants.len())],
            comments_in[rng.gen_range(0..comments_in.len())]
                .text
                .clone(),
            None,
            "neutral",
            parent.created_at + 3_600,
        );
        let mut reply = reply;
        reply.parent_id = Set(Some(parent.id));
        reply.depth = Set(1);
        reply.insert(db).await.map_err(db_err)?;
        *comment_counts.entry(proposal_ids[0]).or_default() += 1;
    }

    // Denormalised counters in one UPDATE per changed proposal.
    for (&pid, &count) in &support_counts {
        proposal::Entity::update_many()
            .col_expr(
                proposal::Column::SupportsCount,
                sea_orm::sea_query::Expr::value(count),
            )
            .filter(proposal::Column::Id.eq(pid))
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    for (&pid, &count) in &comment_counts {
        proposal::Entity::update_many()
            .col_expr(
                proposal::Column::CommentsCount,
                sea_orm::sea_query::Expr::value(count),
            )
            .filter(proposal::Column::Id.eq(pid))
            .exec(db)
            .await
            .map_err(db_err)?;
    }

    // Change suggestions on the consultation draft, some already decided.
    let mut suggestion_total = 0;
    for s in &suggestions_in {
        let Some(&pid) = by_position.get(&(s.chapter, s.section, s.paragraph)) else {
            return Err(format!(
                "demo/suggestions.json names paragraph {}/{}/{} which the text does not have",
                s.chapter, s.section, s.paragraph
            ));
        };
        let decided = s.decision.is_some();
        let created = suggestion::ActiveModel {
            process_id: Set(process.id),
            paragraph_id: Set(pid),
            author_id: Set(participants[rng.gen_range(0..participants.len())]),
            new_text: Set(s.new_text.clone()),
            reason: Set(s.reason.clone()),
            status: Set(s.decision.clone().unwrap_or_else(|| "open".into())),
            decision_reason: Set(s.decision_reason.clone()),
            decided_by: Set(decided.then_some(staff)),
            decided_at: Set(decided.then_some(now - DAY)),
            adopted_in_version_id: Set(None),
            supports_count: Set(0),
            comments_count: Set(0),
            hidden_at: Set(None),
            created_at: Set(now - rng.gen_range(DAY..10 * DAY)),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        let mut supporters = participants.clone();
        supporters.shuffle(&mut rng);
        let n = rng.gen_range(0..12).min(supporters.len());
        for &u in &supporters[..n] {
            suggestion_support::ActiveModel {
                suggestion_id: Set(created.id),
                user_id: Set(u),
                created_at: Set(now - DAY),
                ..Default::default()
            }
            .insert(db)
            .await
            .map_err(db_err)?;
        }
        suggestion::Entity::update_many()
            .col_expr(
                suggestion::Column::SupportsCount,
                sea_orm::sea_query::Expr::value(n as i32),
            )
            .filter(suggestion::Column::Id.eq(created.id))
            .exec(db)
            .await
            .map_err(db_err)?;
        suggestion_total += 1;
    }
    // Debate comments beyond the hand-written ones, and survey answer sets.
    let (debate_comments, answer_sets) = match scale {
        Scale::Small => (0, 50),
        Scale::Large => (300, 3_000),
    };
    let debates =
        crate::debates::seed_demo(db, process.id, &participants, staff, debate_comments).await?;
    let surveys =
        crate::surveys::seed_demo(db, process.id, &participants, staff, answer_sets).await?;
    tracing::info!(
        "{}",
        crate::opinion::demo::seed(db, process.id, scale).await?
    );
    Ok(format!(
        "1 Verfahren, {} Absätze, {} Vorschläge, {} Kommentare, {} Unterstützungen, {} Änderungsvorschläge, {debates}, {surveys}",
        paragraphs.len(),
        proposal_ids.len(),
        comment_rows.len() + 10,
        support_rows.len(),
        suggestion_total
    ))
}

#[expect(clippy::too_many_arguments, reason = "a row has this many columns")]
fn proposal_row(
    process_id: i64,
    author: i64,
    title: &str,
    body: &str,
    topic: &str,
    ags8: Option<String>,
    status: &str,
    created: i64,
) -> proposal::ActiveModel {
    proposal::ActiveModel {
        process_id: Set(process_id),
        author_id: Set(author),
        title: Set(title.chars().take(150).collect()),
        body_md: Set(body.to_owned()),
        topic: Set(topic.to_owned()),
        ags8: Set(ags8),
        status: Set(status.to_owned()),
        supports_count: Set(0),
        comments_count: Set(0),
        hidden_at: Set(None),
        withdrawn_at: Set(None),
        created_at: Set(created),
        updated_at: Set(created),
        ..Default::default()
    }
}

#[expect(clippy::too_many_arguments, reason = "a row has this many columns")]
fn comment_row(
    process_id: i64,
    kind: &str,
    target: i64,
    author: i64,
    body: String,
    category: Option<String>,
    stance: &str,
    created: i64,
) -> comment::ActiveModel {
    comment::ActiveModel {
        process_id: Set(process_id),
        target_kind: Set(kind.to_owned()),
        target_id: Set(target),
        parent_id: Set(None),
        depth: Set(0),
        author_id: Set(author),
        body: Set(body),
        category: Set(category),
        stance: Set(stance.to_owned()),
        upvotes: Set(0),
        hidden_at: Set(None),
        deleted_at: Set(None),
        created_at: Set(created),
        edited_at: Set(None),
        ..Default::default()
    }
}
