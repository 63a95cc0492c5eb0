//! news (to be written).
