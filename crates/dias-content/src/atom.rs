//! atom (to be written).
