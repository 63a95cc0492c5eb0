//! Demo data of the Breitband module: the demo municipality account acts
//! for a real Gemeinde, two demo operator accounts answer for two
//! fictional operators. Each area adds its own seeding below.

use dias_core::entities::user;
use dias_web::registry::Scale;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::members;

/// The Gemeinde the demo municipality account acts for (Amtsberg,
/// Erzgebirgskreis).
pub const DEMO_AGS8: &str = "14521010";

/// The demo operators (fictional companies) and their accounts, created by
/// `dias demo` in the shell.
pub const DEMO_OPERATORS: [(&str, &str); 2] = [
    (
        "Erzgebirge Glasfaser GmbH (Demo)",
        "netzbetreiber@demo.dias.example",
    ),
    (
        "Sachsen Kabel & Funk AG (Demo)",
        "netzbetreiber2@demo.dias.example",
    ),
];

async fn user_id(db: &DatabaseConnection, email: &str) -> Result<Option<i64>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .map(|u| u.id))
}

async fn seed_members(db: &DatabaseConnection) -> Result<(), DbErr> {
    if let Some(id) = user_id(db, "kommune@demo.dias.example").await? {
        members::add_membership(db, id, DEMO_AGS8).await?;
    }
    for (name, email) in DEMO_OPERATORS {
        let operator = members::operator_named(db, name).await?;
        if let Some(id) = user_id(db, email).await? {
            members::add_operator_member(db, operator.id, id).await?;
        }
    }
    Ok(())
}

pub async fn seed(db: &DatabaseConnection, _scale: Scale) -> Result<String, String> {
    seed_members(db).await.map_err(|e| e.to_string())?;
    let projects = crate::projects::demo::seed(db).await?;
    let surveys = crate::surveys::demo::seed(db).await?;
    // One summary line for the module (the caller names the module): the
    // areas' own lines without their "Breitband:" prefix (empty when there
    // was nothing to seed).
    let mut parts = vec!["Demo-Kommune und zwei Demo-Netzbetreiber".to_owned()];
    for line in [projects, surveys] {
        let line = line.trim_start_matches("Breitband:").trim();
        if !line.is_empty() {
            parts.push(line.to_owned());
        }
    }
    Ok(parts.join("; "))
}
