//! Demo data of the Anfragen module: teams of the demo staff, topic
//! settings, inquiries in every status, answer templates and FAQ entries.
//! Each area adds its own seeding below.

use dias_web::registry::Scale;
use sea_orm::DatabaseConnection;

pub async fn seed(db: &DatabaseConnection, scale: Scale) -> Result<String, String> {
    let _ = (db, scale);
    Ok(String::new())
}
