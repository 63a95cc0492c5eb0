//! Demo content in German about DiAS's real tasks. (to be written)

use dias_web::registry::DemoEnv;
use sea_orm::DatabaseConnection;

pub async fn seed(_db: &DatabaseConnection, _env: DemoEnv) -> Result<String, String> {
    Ok(String::new())
}
