//! contacts (to be written).
