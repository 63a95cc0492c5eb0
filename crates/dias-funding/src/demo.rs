//! Demo data: the shipped catalogue (real offers in the editors' words and
//! marked examples); `Scale::Large` adds 20,000 synthetic offers for the
//! benchmarks, inserted in bulk.

use dias_web::registry::Scale;
use sea_orm::DatabaseConnection;

use crate::catalogue;

/// Seed of the synthetic offers, so every large demo is the same.
const SEED: u64 = 6;

pub async fn seed(db: &DatabaseConnection, scale: Scale) -> Result<String, String> {
    let report = catalogue::load().map_err(|e| e.to_string())?;
    if !report.problems.is_empty() {
        return Err(format!(
            "Förderkatalog: {} Probleme, zuerst in Zeile {}",
            report.problems.len(),
            report.problems[0].line
        ));
    }
    let today = crate::today();
    let mut offers = report.offers;
    crate::watch::demo_near_deadline(&mut offers, today);
    if scale == Scale::Large {
        offers.extend(catalogue::synthetic(catalogue::LARGE_SCALE, SEED, today));
    }
    let count = crate::store::insert_many(db, &offers, today, dias_core::time::now())
        .await
        .map_err(|e| e.to_string())?;
    Ok(format!("{count} Förderangebote"))
}
