//! newsletter (to be written).
