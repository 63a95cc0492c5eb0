//! pages (to be written).
