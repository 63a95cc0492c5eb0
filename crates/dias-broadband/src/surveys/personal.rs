//! Market surveys in the account export and deletion: the procedures a
//! person opened, the operators they invited, the response files they
//! uploaded and the evaluations they started.
//!
//! A procedure, its uploads and results are the record of a municipality's
//! market survey and of the operators' answers, filed with a funding
//! application; deleting an account keeps them and only removes the link
//! to the person.

use std::collections::HashMap;

use async_trait::async_trait;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::{Value, json};

use crate::entities::{
    broadband_survey as survey, broadband_survey_invitation as invitation,
    broadband_survey_result as result, broadband_survey_upload as upload,
};
use crate::personal::Part;

pub struct SurveyActivity;

#[async_trait]
impl Part for SurveyActivity {
    fn key(&self) -> &'static str {
        "market_surveys"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let opened = survey::Entity::find()
            .filter(survey::Column::CreatedBy.eq(user_id))
            .order_by_asc(survey::Column::Id)
            .all(db)
            .await?;
        let uploads = upload::Entity::find()
            .filter(upload::Column::UserId.eq(user_id))
            .order_by_asc(upload::Column::Id)
            .all(db)
            .await?;
        let invited: Vec<(i64, i64, i64)> = invitation::Entity::find()
            .select_only()
            .columns([
                invitation::Column::SurveyId,
                invitation::Column::OperatorId,
                invitation::Column::CreatedAt,
            ])
            .filter(invitation::Column::InvitedBy.eq(user_id))
            .order_by_asc(invitation::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let evaluated: Vec<(i64, i32, i64)> = result::Entity::find()
            .select_only()
            .columns([
                result::Column::SurveyId,
                result::Column::Version,
                result::Column::CreatedAt,
            ])
            .filter(result::Column::CreatedBy.eq(user_id))
            .order_by_asc(result::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let mut ids: Vec<i64> = uploads.iter().map(|u| u.survey_id).collect();
        ids.extend(invited.iter().map(|i| i.0));
        ids.extend(evaluated.iter().map(|e| e.0));
        ids.sort_unstable();
        ids.dedup();
        let titles: HashMap<i64, String> = if ids.is_empty() {
            HashMap::new()
        } else {
            survey::Entity::find()
                .select_only()
                .columns([survey::Column::Id, survey::Column::Title])
                .filter(survey::Column::Id.is_in(ids))
                .into_tuple::<(i64, String)>()
                .all(db)
                .await?
                .into_iter()
                .collect()
        };
        let operators: HashMap<i64, String> = crate::members::operators(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        Ok(json!({
            "opened": opened.iter().map(|s| json!({
                "title": s.title,
                "areas": s.areas,
                "start": s.start_date,
                "deadline": s.deadline,
                "at": ts(s.created_at),
            })).collect::<Vec<_>>(),
            "invitations": invited.iter().map(|(s, o, at)| json!({
                "survey": titles.get(s),
                "operator": operators.get(o),
                "at": ts(*at),
            })).collect::<Vec<_>>(),
            "uploads": uploads.iter().map(|u| json!({
                "survey": titles.get(&u.survey_id),
                "operator": operators.get(&u.operator_id),
                "version": u.version,
                "file": u.file_name,
                "late": u.late,
                "at": ts(u.created_at),
            })).collect::<Vec<_>>(),
            "evaluations": evaluated.iter().map(|(s, v, at)| json!({
                "survey": titles.get(s),
                "version": v,
                "at": ts(*at),
            })).collect::<Vec<_>>(),
        }))
    }

    async fn erase(&self, txn: &DatabaseTransaction, user_id: i64) -> Result<(), DbErr> {
        let none = Expr::value(Option::<i64>::None);
        survey::Entity::update_many()
            .col_expr(survey::Column::CreatedBy, none.clone())
            .filter(survey::Column::CreatedBy.eq(user_id))
            .exec(txn)
            .await?;
        invitation::Entity::update_many()
            .col_expr(invitation::Column::InvitedBy, none.clone())
            .filter(invitation::Column::InvitedBy.eq(user_id))
            .exec(txn)
            .await?;
        upload::Entity::update_many()
            .col_expr(upload::Column::UserId, none.clone())
            .filter(upload::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        result::Entity::update_many()
            .col_expr(result::Column::CreatedBy, none)
            .filter(result::Column::CreatedBy.eq(user_id))
            .exec(txn)
            .await?;
        Ok(())
    }
}
