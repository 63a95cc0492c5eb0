//! Answer templates (Textbausteine): texts staff insert into a public reply
//! and adapt. A template belongs to one topic or to all of them.

use dias_core::validation::FieldErrors;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::entities::desk_template;
use crate::vocab::Topic;

pub use crate::entities::desk_template::Model as AnswerTemplate;

/// The longest title (the column's length) and body.
pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 20_000;

/// A checked template as the form produces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    /// `None`: for every topic.
    pub topic: Option<Topic>,
    pub body: String,
}

/// Checks the typed fields (`titel`, `thema`, `text`); errors name those
/// fields with message ids.
pub fn check(title: &str, topic: &str, body: &str) -> Result<Draft, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = title.trim();
    if title.is_empty() {
        errors.add("titel", "desk-staff-template-error-title-missing");
    } else if title.chars().count() > MAX_TITLE {
        errors.add("titel", "desk-staff-template-error-title-long");
    }
    let topic = match topic.trim() {
        "" => None,
        key => {
            let parsed = Topic::parse(key);
            if parsed.is_none() {
                errors.add("thema", "desk-staff-template-error-topic");
            }
            parsed
        }
    };
    let body = body.trim();
    if body.is_empty() {
        errors.add("text", "desk-staff-template-error-body-missing");
    } else if body.chars().count() > MAX_BODY {
        errors.add("text", "desk-staff-template-error-body-long");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Draft {
        title: title.to_owned(),
        topic,
        body: body.to_owned(),
    })
}

/// Every template: general ones first, then by topic and title.
pub async fn list<C: ConnectionTrait>(db: &C) -> Result<Vec<AnswerTemplate>, DbErr> {
    let mut all = desk_template::Entity::find()
        .order_by_asc(desk_template::Column::Title)
        .order_by_asc(desk_template::Column::Id)
        .all(db)
        .await?;
    all.sort_by_key(|t| {
        (
            t.topic.as_deref().and_then(Topic::parse),
            t.title.to_lowercase(),
        )
    });
    Ok(all)
}

/// The templates offered for a reply on `topic`: that topic's and the
/// general ones, by title.
pub async fn for_topic<C: ConnectionTrait>(
    db: &C,
    topic: &str,
) -> Result<Vec<AnswerTemplate>, DbErr> {
    desk_template::Entity::find()
        .filter(
            Condition::any()
                .add(desk_template::Column::Topic.eq(topic))
                .add(desk_template::Column::Topic.is_null()),
        )
        .order_by_asc(desk_template::Column::Title)
        .order_by_asc(desk_template::Column::Id)
        .all(db)
        .await
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<AnswerTemplate>, DbErr> {
    desk_template::Entity::find_by_id(id).one(db).await
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    draft: &Draft,
    author: Option<i64>,
    now: i64,
) -> Result<AnswerTemplate, DbErr> {
    desk_template::ActiveModel {
        title: Set(draft.title.clone()),
        topic: Set(draft.topic.map(|t| t.key().to_owned())),
        body: Set(draft.body.clone()),
        created_by: Set(author),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Replaces a template's fields; `false` when it does not exist (any more).
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    draft: &Draft,
    now: i64,
) -> Result<bool, DbErr> {
    let Some(found) = by_id(db, id).await? else {
        return Ok(false);
    };
    let mut active: desk_template::ActiveModel = found.into();
    active.title = Set(draft.title.clone());
    active.topic = Set(draft.topic.map(|t| t.key().to_owned()));
    active.body = Set(draft.body.clone());
    active.updated_at = Set(now);
    active.update(db).await?;
    Ok(true)
}

pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    Ok(desk_template::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected
        > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_needs_a_title_and_a_text_and_a_known_topic() {
        let draft = check("  Förderaufruf  ", "foerderung", " Sehr geehrte … ").unwrap();
        assert_eq!(draft.title, "Förderaufruf");
        assert_eq!(draft.topic, Some(Topic::Funding));
        assert_eq!(draft.body, "Sehr geehrte …");
        assert_eq!(check("Allgemein", "", "Text").unwrap().topic, None);
        let errors = check(" ", "wetter", "").unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["titel", "thema", "text"]);
        assert!(check(&"x".repeat(201), "", "Text").is_err());
    }
}
