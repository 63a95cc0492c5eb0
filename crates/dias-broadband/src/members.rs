//! Memberships: which areas a municipality account acts for, and which
//! operators an operator account answers for (tables of m0017).

use dias_core::entities::user;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, JoinType, QueryFilter,
    QueryOrder, QuerySelect, Set, SqlErr,
};

use crate::entities::{broadband_membership, broadband_operator, broadband_operator_member};

/// Whether memberships for `areas` (AGS-8 of a Gemeinde or AGS-5 of a
/// Kreis) cover the Gemeinde `ags8`: a Kreis covers all its Gemeinden.
pub fn covers(areas: &[String], ags8: &str) -> bool {
    areas
        .iter()
        .any(|area| area == ags8 || (area.len() == 5 && ags8.starts_with(area.as_str())))
}

/// Whether the memberships cover every Gemeinde of an area (an MEV or a
/// project may span several). An empty area is covered by nobody.
pub fn covers_all(areas: &[String], ags8s: &[String]) -> bool {
    !ags8s.is_empty() && ags8s.iter().all(|ags8| covers(areas, ags8))
}

/// The areas an account acts for, sorted.
pub async fn areas_of<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Vec<String>, DbErr> {
    Ok(broadband_membership::Entity::find()
        .filter(broadband_membership::Column::UserId.eq(user_id))
        .order_by_asc(broadband_membership::Column::Area)
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.area)
        .collect())
}

/// Adds a membership; adding an existing one is not an error.
pub async fn add_membership<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    area: &str,
) -> Result<(), DbErr> {
    let exists = broadband_membership::Entity::find()
        .filter(broadband_membership::Column::UserId.eq(user_id))
        .filter(broadband_membership::Column::Area.eq(area))
        .one(db)
        .await?
        .is_some();
    if !exists {
        broadband_membership::ActiveModel {
            user_id: Set(user_id),
            area: Set(area.to_owned()),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

pub async fn remove_membership<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    area: &str,
) -> Result<(), DbErr> {
    broadband_membership::Entity::delete_many()
        .filter(broadband_membership::Column::UserId.eq(user_id))
        .filter(broadband_membership::Column::Area.eq(area))
        .exec(db)
        .await?;
    Ok(())
}

/// All operators, by name.
pub async fn operators<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<broadband_operator::Model>, DbErr> {
    broadband_operator::Entity::find()
        .order_by_asc(broadband_operator::Column::Name)
        .all(db)
        .await
}

/// The operator of this name, created if it does not exist yet.
pub async fn operator_named<C: ConnectionTrait>(
    db: &C,
    name: &str,
) -> Result<broadband_operator::Model, DbErr> {
    if let Some(found) = broadband_operator::Entity::find()
        .filter(broadband_operator::Column::Name.eq(name))
        .one(db)
        .await?
    {
        return Ok(found);
    }
    broadband_operator::ActiveModel {
        name: Set(name.to_owned()),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The operators an account answers for, by name.
pub async fn operators_of<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<broadband_operator::Model>, DbErr> {
    let ids: Vec<i64> = broadband_operator_member::Entity::find()
        .filter(broadband_operator_member::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.operator_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    broadband_operator::Entity::find()
        .filter(broadband_operator::Column::Id.is_in(ids))
        .order_by_asc(broadband_operator::Column::Name)
        .all(db)
        .await
}

/// Lets an account answer for an operator; adding it twice is not an error.
pub async fn add_operator_member<C: ConnectionTrait>(
    db: &C,
    operator_id: i64,
    user_id: i64,
) -> Result<(), DbErr> {
    let exists = broadband_operator_member::Entity::find()
        .filter(broadband_operator_member::Column::OperatorId.eq(operator_id))
        .filter(broadband_operator_member::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .is_some();
    if !exists {
        broadband_operator_member::ActiveModel {
            operator_id: Set(operator_id),
            user_id: Set(user_id),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

pub async fn remove_operator_member<C: ConnectionTrait>(
    db: &C,
    operator_id: i64,
    user_id: i64,
) -> Result<(), DbErr> {
    broadband_operator_member::Entity::delete_many()
        .filter(broadband_operator_member::Column::OperatorId.eq(operator_id))
        .filter(broadband_operator_member::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// An area as typed (spaces allowed), if it names a Kreis (AGS-5) or a
/// Gemeinde (AGS-8) of the reference data.
pub fn known_area(input: &str) -> Option<String> {
    let area: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let reference = dias_core::reference::cached();
    let known = match area.len() {
        8 => reference.municipality(&area).is_some(),
        5 => reference.district(&area).is_some(),
        _ => false,
    };
    known.then_some(area)
}

/// Every membership with its account, by account name and area (one
/// query, for the Verwaltung).
pub async fn all_memberships<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(broadband_membership::Model, user::Model)>, DbErr> {
    let rows = broadband_membership::Entity::find()
        .select_also(user::Entity)
        .join(
            JoinType::InnerJoin,
            broadband_membership::Entity::belongs_to(user::Entity)
                .from(broadband_membership::Column::UserId)
                .to(user::Column::Id)
                .into(),
        )
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .order_by_asc(broadband_membership::Column::Area)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, u)| u.map(|u| (m, u)))
        .collect())
}

/// Every operator account with its operator id, by account name (one
/// query, for the Verwaltung).
pub async fn all_operator_members<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(broadband_operator_member::Model, user::Model)>, DbErr> {
    let rows = broadband_operator_member::Entity::find()
        .select_also(user::Entity)
        .join(
            JoinType::InnerJoin,
            broadband_operator_member::Entity::belongs_to(user::Entity)
                .from(broadband_operator_member::Column::UserId)
                .to(user::Column::Id)
                .into(),
        )
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, u)| u.map(|u| (m, u)))
        .collect())
}

/// Creates an operator unless one of that name exists already, whatever
/// its case („Netz AG“ and „NETZ AG“ would be one company twice); `None`
/// then.
pub async fn create_operator<C: ConnectionTrait>(
    db: &C,
    name: &str,
) -> Result<Option<broadband_operator::Model>, DbErr> {
    let taken = broadband_operator::Entity::find()
        .filter(
            Expr::expr(Func::lower(Expr::col(broadband_operator::Column::Name)))
                .eq(name.to_lowercase()),
        )
        .one(db)
        .await?
        .is_some();
    if taken {
        return Ok(None);
    }
    let inserted = broadband_operator::ActiveModel {
        name: Set(name.to_owned()),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(model) => Ok(Some(model)),
        // Created by someone else in the meantime.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_kreise_and_gemeinden_of_saxony_are_areas() {
        assert_eq!(known_area(" 14521010 ").as_deref(), Some("14521010"));
        assert_eq!(known_area("14 521").as_deref(), Some("14521"));
        assert_eq!(known_area("14521999"), None);
        assert_eq!(known_area("14999"), None);
        assert_eq!(known_area("1452"), None);
        assert_eq!(known_area("Amtsberg"), None);
        assert_eq!(known_area(""), None);
    }

    #[test]
    fn a_kreis_covers_its_gemeinden_only() {
        let areas = vec!["14521".to_owned(), "14612000".to_owned()];
        assert!(covers(&areas, "14521010"));
        assert!(covers(&areas, "14612000"));
        assert!(!covers(&areas, "14522010"));
        assert!(!covers(&["14521010".to_owned()], "14521020"));
        assert!(covers_all(&areas, &["14521010".into(), "14612000".into()]));
        assert!(!covers_all(&areas, &["14521010".into(), "14713000".into()]));
        assert!(!covers_all(&areas, &[]));
    }
}
