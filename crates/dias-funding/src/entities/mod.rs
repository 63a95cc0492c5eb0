//! SeaORM entities of the Förderlotse tables (migration m0014).

pub mod funding_offer;
pub mod funding_offer_version;
pub mod funding_status_log;
