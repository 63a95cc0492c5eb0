//! Beteiligung's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! Exported: everything a person wrote or chose — proposals, comments,
//! change suggestions, supports, "hilfreich" votes, reports, opinion-map
//! statements and votes, survey answers — and, for staff and moderators,
//! their official answers and moderation actions. Deletion keeps all of it with the
//! pseudonymous account row: the contributions are part of a public
//! procedure's record, and supports and votes stay counted, so results do
//! not change after the fact (the privacy notice says so).

use async_trait::async_trait;
use dias_core::accounts::MailEnv;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::{Value, json};

use crate::entities::{
    comment, comment_vote, moderation_log, opinion_participant, opinion_statement, opinion_vote,
    proposal, proposal_answer, proposal_support, report, suggestion, suggestion_support,
    survey_answer, survey_response,
};

pub struct ParticipationData;

#[async_trait]
impl PersonalData for ParticipationData {
    fn section(&self) -> &'static str {
        "beteiligung"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let proposals: Vec<Value> = proposal::Entity::find()
            .filter(proposal::Column::AuthorId.eq(user_id))
            .order_by_asc(proposal::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "process": p.process_id,
                    "title": p.title,
                    "text": p.body_md,
                    "topic": p.topic,
                    "municipality": p.ags8,
                    "status": p.status,
                    "created_at": ts(p.created_at),
                    "withdrawn": p.withdrawn_at.is_some(),
                })
            })
            .collect();
        let comments: Vec<Value> = comment::Entity::find()
            .filter(comment::Column::AuthorId.eq(user_id))
            .order_by_asc(comment::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "process": c.process_id,
                    "on": {"kind": c.target_kind, "id": c.target_id},
                    "reply_to": c.parent_id,
                    "text": c.body,
                    "category": c.category,
                    "stance": c.stance,
                    "created_at": ts(c.created_at),
                    "edited_at": c.edited_at.map(ts),
                    "deleted": c.deleted_at.is_some(),
                })
            })
            .collect();
        let suggestions: Vec<Value> = suggestion::Entity::find()
            .filter(suggestion::Column::AuthorId.eq(user_id))
            .order_by_asc(suggestion::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "process": s.process_id,
                    "paragraph": s.paragraph_id,
                    "new_text": s.new_text,
                    "reason": s.reason,
                    "status": s.status,
                    "decision_reason": s.decision_reason,
                    "created_at": ts(s.created_at),
                })
            })
            .collect();
        let supported_proposals: Vec<i64> = proposal_support::Entity::find()
            .select_only()
            .column(proposal_support::Column::ProposalId)
            .filter(proposal_support::Column::UserId.eq(user_id))
            .order_by_asc(proposal_support::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let supported_suggestions: Vec<i64> = suggestion_support::Entity::find()
            .select_only()
            .column(suggestion_support::Column::SuggestionId)
            .filter(suggestion_support::Column::UserId.eq(user_id))
            .order_by_asc(suggestion_support::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let helpful_comments: Vec<i64> = comment_vote::Entity::find()
            .select_only()
            .column(comment_vote::Column::CommentId)
            .filter(comment_vote::Column::UserId.eq(user_id))
            .order_by_asc(comment_vote::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let reports: Vec<Value> = report::Entity::find()
            .filter(report::Column::ReporterId.eq(user_id))
            .order_by_asc(report::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|r| {
                json!({
                    "on": {"kind": r.target_kind, "id": r.target_id},
                    "reason": r.reason,
                    "note": r.note,
                    "status": r.status,
                    "created_at": ts(r.created_at),
                })
            })
            .collect();
        let statements: Vec<Value> = opinion_statement::Entity::find()
            .filter(opinion_statement::Column::AuthorId.eq(user_id))
            .order_by_asc(opinion_statement::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "conversation": s.conversation_id,
                    "text": s.body,
                    "status": s.status,
                    "created_at": ts(s.created_at),
                })
            })
            .collect();
        let participants: Vec<i64> = opinion_participant::Entity::find()
            .select_only()
            .column(opinion_participant::Column::Id)
            .filter(opinion_participant::Column::UserId.eq(user_id))
            .into_tuple()
            .all(db)
            .await?;
        let votes: Vec<Value> = opinion_vote::Entity::find()
            .filter(opinion_vote::Column::ParticipantId.is_in(participants))
            .order_by_asc(opinion_vote::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|v| {
                json!({
                    "statement": v.statement_id,
                    // 1 agree, -1 disagree, 0 pass.
                    "vote": v.value,
                    "at": ts(v.updated_at),
                })
            })
            .collect();
        let responses = survey_response::Entity::find()
            .filter(survey_response::Column::UserId.eq(user_id))
            .order_by_asc(survey_response::Column::Id)
            .all(db)
            .await?;
        let answers = survey_answer::Entity::find()
            .filter(survey_answer::Column::ResponseId.is_in(responses.iter().map(|r| r.id)))
            .order_by_asc(survey_answer::Column::Id)
            .all(db)
            .await?;
        let surveys: Vec<Value> = responses
            .iter()
            .map(|r| {
                json!({
                    "survey": r.survey_id,
                    "answered_at": ts(r.updated_at),
                    "answers": answers
                        .iter()
                        .filter(|a| a.response_id == r.id)
                        .map(|a| json!({
                            "question": a.question_id,
                            "row": a.row_no,
                            "choice": a.choice,
                            "text": a.text,
                        }))
                        .collect::<Vec<_>>(),
                })
            })
            .collect();
        let official_answers: Vec<Value> = proposal_answer::Entity::find()
            .filter(proposal_answer::Column::AuthorId.eq(user_id))
            .order_by_asc(proposal_answer::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|a| json!({"proposal": a.proposal_id, "status": a.status, "text": a.answer_md, "created_at": ts(a.created_at)}))
            .collect();
        let moderation: Vec<Value> = moderation_log::Entity::find()
            .filter(moderation_log::Column::ModeratorId.eq(user_id))
            .order_by_asc(moderation_log::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|m| json!({"process": m.process_id, "action": m.action, "on": {"kind": m.target_kind, "id": m.target_id}, "reason": m.reason, "at": ts(m.at)}))
            .collect();
        Ok(json!({
            "official_answers": official_answers,
            "moderation_actions": moderation,
            "proposals": proposals,
            "comments": comments,
            "suggestions": suggestions,
            "supported_proposals": supported_proposals,
            "supported_suggestions": supported_suggestions,
            "helpful_comments": helpful_comments,
            "reports": reports,
            "opinion_statements": statements,
            "opinion_votes": votes,
            "survey_answers": surveys,
        }))
    }

    /// Nothing: see the module comment.
    async fn erase(
        &self,
        _txn: &DatabaseTransaction,
        _env: &MailEnv<'_>,
        _user_id: i64,
    ) -> Result<(), DbErr> {
        Ok(())
    }
}
