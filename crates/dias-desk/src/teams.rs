//! Teams of agency staff and the topic settings: which team answers a
//! topic and within how many working days. A staff member's "Meine Teams"
//! queue is the set of teams they belong to here.
//!
//! Deleting a team leaves its inquiries and topics without a team (the
//! foreign keys set them to NULL) and removes its memberships (cascade),
//! so nothing has to be cleaned up by hand.

use dias_core::entities::user;
use dias_core::policy::Role;
use dias_core::validation::FieldErrors;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entities::{desk_team, desk_team_member, desk_topic};
use crate::vocab::{DEFAULT_TARGET_DAYS, Topic};

pub use crate::entities::desk_team::Model as Team;

/// The longest team name (the column's length).
pub const MAX_NAME: usize = 120;
/// The range of a topic's target answer time, in working days.
pub const TARGET_DAYS: std::ops::RangeInclusive<i32> = 1..=60;

/// A topic's setting as shown and edited; topics never configured get the
/// default target and no team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicSetting {
    pub topic: Topic,
    pub team_id: Option<i64>,
    pub target_days: i32,
}

/// A team name, trimmed, or the field's error (message ids).
pub fn check_name(errors: &mut FieldErrors, field: &str, typed: &str) -> Option<String> {
    let name = typed.trim();
    if name.is_empty() {
        errors.add(field, "desk-staff-team-error-name-missing");
        None
    } else if name.chars().count() > MAX_NAME {
        errors.add(field, "desk-staff-team-error-name-long");
        None
    } else {
        Some(name.to_owned())
    }
}

/// A target time typed into the form, or `None` outside 1–60 working days.
pub fn parse_target_days(typed: &str) -> Option<i32> {
    typed
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| TARGET_DAYS.contains(d))
}

/// Whether an account may be in a team (and be assigned inquiries).
pub fn may_work(account: &user::Model) -> bool {
    account.deleted_at.is_none()
        && account.blocked_at.is_none()
        && Role::parse(&account.role).is_some_and(Role::is_staff_or_above)
}

pub async fn list<C: ConnectionTrait>(db: &C) -> Result<Vec<Team>, DbErr> {
    desk_team::Entity::find()
        .order_by_asc(desk_team::Column::Name)
        .order_by_asc(desk_team::Column::Id)
        .all(db)
        .await
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Team>, DbErr> {
    desk_team::Entity::find_by_id(id).one(db).await
}

async fn name_taken<C: ConnectionTrait>(db: &C, name: &str, except: i64) -> Result<bool, DbErr> {
    Ok(desk_team::Entity::find()
        .filter(desk_team::Column::Name.eq(name))
        .filter(desk_team::Column::Id.ne(except))
        .one(db)
        .await?
        .is_some())
}

/// Creates a team; `None` when the name is taken.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    name: &str,
    now: i64,
) -> Result<Option<Team>, DbErr> {
    if name_taken(db, name, 0).await? {
        return Ok(None);
    }
    desk_team::ActiveModel {
        name: Set(name.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(Some)
}

/// Renames a team; `false` when the name belongs to another team.
pub async fn rename<C: ConnectionTrait>(db: &C, id: i64, name: &str) -> Result<bool, DbErr> {
    if name_taken(db, name, id).await? {
        return Ok(false);
    }
    desk_team::Entity::update_many()
        .col_expr(
            desk_team::Column::Name,
            sea_orm::sea_query::Expr::value(name.to_owned()),
        )
        .filter(desk_team::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(true)
}

/// Deletes a team. Memberships go with it; its inquiries and topics keep
/// no team. The memberships are removed explicitly too, so a database
/// without enforced foreign keys ends in the same state.
pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    desk_team_member::Entity::delete_many()
        .filter(desk_team_member::Column::TeamId.eq(id))
        .exec(db)
        .await?;
    desk_topic::Entity::update_many()
        .col_expr(
            desk_topic::Column::TeamId,
            sea_orm::sea_query::Expr::value(Option::<i64>::None),
        )
        .filter(desk_topic::Column::TeamId.eq(id))
        .exec(db)
        .await?;
    crate::entities::desk_inquiry::Entity::update_many()
        .col_expr(
            crate::entities::desk_inquiry::Column::TeamId,
            sea_orm::sea_query::Expr::value(Option::<i64>::None),
        )
        .filter(crate::entities::desk_inquiry::Column::TeamId.eq(id))
        .exec(db)
        .await?;
    let deleted = desk_team::Entity::delete_by_id(id).exec(db).await?;
    Ok(deleted.rows_affected > 0)
}

/// Every membership with its account, by team and name (one query each).
pub async fn members<C: ConnectionTrait>(db: &C) -> Result<Vec<(i64, user::Model)>, DbErr> {
    let rows = desk_team_member::Entity::find()
        .order_by_asc(desk_team_member::Column::Id)
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    let mut out: Vec<(i64, user::Model)> = rows
        .iter()
        .filter_map(|m| {
            users
                .iter()
                .find(|u| u.id == m.user_id)
                .map(|u| (m.team_id, u.clone()))
        })
        .collect();
    out.sort_by(|a, b| {
        (a.0, a.1.display_name.to_lowercase(), a.1.id).cmp(&(
            b.0,
            b.1.display_name.to_lowercase(),
            b.1.id,
        ))
    });
    Ok(out)
}

/// The ids of a team's members.
pub async fn member_ids<C: ConnectionTrait>(db: &C, team_id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(desk_team_member::Entity::find()
        .filter(desk_team_member::Column::TeamId.eq(team_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect())
}

/// The teams an account belongs to ("Meine Teams").
pub async fn teams_of<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(desk_team_member::Entity::find()
        .filter(desk_team_member::Column::UserId.eq(user_id))
        .order_by_asc(desk_team_member::Column::TeamId)
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_id)
        .collect())
}

/// Adds an account to a team; `false` when it already was a member.
pub async fn add_member<C: ConnectionTrait>(
    db: &C,
    team_id: i64,
    user_id: i64,
) -> Result<bool, DbErr> {
    let inserted = desk_team_member::Entity::insert(desk_team_member::ActiveModel {
        team_id: Set(team_id),
        user_id: Set(user_id),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            desk_team_member::Column::TeamId,
            desk_team_member::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(inserted > 0)
}

/// Removes an account from a team; `false` when it was not a member.
pub async fn remove_member<C: ConnectionTrait>(
    db: &C,
    team_id: i64,
    user_id: i64,
) -> Result<bool, DbErr> {
    let deleted = desk_team_member::Entity::delete_many()
        .filter(desk_team_member::Column::TeamId.eq(team_id))
        .filter(desk_team_member::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected > 0)
}

/// The settings of all six topics, in vocabulary order (one query).
pub async fn topic_settings<C: ConnectionTrait>(db: &C) -> Result<Vec<TopicSetting>, DbErr> {
    let rows = desk_topic::Entity::find().all(db).await?;
    Ok(Topic::ALL
        .iter()
        .map(|topic| match rows.iter().find(|r| r.topic == topic.key()) {
            Some(row) => TopicSetting {
                topic: *topic,
                team_id: row.team_id,
                target_days: row.target_days,
            },
            None => TopicSetting {
                topic: *topic,
                team_id: None,
                target_days: DEFAULT_TARGET_DAYS,
            },
        })
        .collect())
}

/// Stores a topic's team and target time. Inquiries already received keep
/// their team and due date; the setting applies to new ones and to
/// inquiries moved to the topic.
pub async fn set_topic<C: ConnectionTrait>(
    db: &C,
    setting: &TopicSetting,
    now: i64,
) -> Result<(), DbErr> {
    desk_topic::Entity::insert(desk_topic::ActiveModel {
        topic: Set(setting.topic.key().to_owned()),
        team_id: Set(setting.team_id),
        target_days: Set(setting.target_days),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(desk_topic::Column::Topic)
            .update_columns([
                desk_topic::Column::TeamId,
                desk_topic::Column::TargetDays,
                desk_topic::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// Accounts that may work inquiries (staff and admins), by name.
pub async fn staff_accounts<C: ConnectionTrait>(db: &C) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Role.is_in([Role::Staff.as_str(), Role::Admin.as_str()]))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::BlockedAt.is_null())
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_days_are_between_one_and_sixty_working_days() {
        assert_eq!(parse_target_days(" 5 "), Some(5));
        assert_eq!(parse_target_days("1"), Some(1));
        assert_eq!(parse_target_days("60"), Some(60));
        for bad in ["0", "61", "-3", "", "fünf", "2.5"] {
            assert_eq!(parse_target_days(bad), None, "{bad}");
        }
    }

    #[test]
    fn team_names_are_trimmed_and_limited() {
        let mut errors = FieldErrors::new();
        assert_eq!(
            check_name(&mut errors, "name", "  Breitband  ").as_deref(),
            Some("Breitband")
        );
        assert!(errors.is_empty());
        assert_eq!(check_name(&mut errors, "name", "   "), None);
        assert_eq!(check_name(&mut errors, "name", &"x".repeat(121)), None);
        assert_eq!(errors.0.len(), 2);
    }
}
