//! What every fuzz target checks, beyond "no panic".

#[path = "invariants.rs"]
mod invariants;
pub use invariants::{check, format_for, ods_from_fuzz, workbook, workbook_from_fuzz};
