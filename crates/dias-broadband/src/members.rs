//! Memberships: which areas a municipality account acts for, and which
//! operators an operator account answers for (tables of m0017).

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
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

#[cfg(test)]
mod tests {
    use super::*;

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
