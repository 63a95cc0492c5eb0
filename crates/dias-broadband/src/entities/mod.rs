//! SeaORM entities of the Breitband tables. Each migration's tables are
//! listed with it.

// m0017: memberships of municipality accounts, network operators.
pub mod broadband_membership;
pub mod broadband_operator;
pub mod broadband_operator_member;
