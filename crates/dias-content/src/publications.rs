//! publications (to be written).
