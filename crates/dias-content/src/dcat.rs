//! dcat (to be written).
