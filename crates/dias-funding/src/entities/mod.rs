//! SeaORM entities of the Förderlotse tables (migration m0014).

pub mod funding_offer;
