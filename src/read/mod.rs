//! Workbooks (.xlsx, .ods, and .xls with the `xls` feature) → rows of cells: the one
//! dispatcher, and what the workbook readers share: why a workbook cannot be read and
//! which sheet is read. Readers only read: no user rules.

pub(crate) mod budget;
pub(crate) mod csv;
pub(crate) mod numfmt;
pub(crate) mod ods;
pub(crate) mod row;
pub(crate) mod shown;
#[cfg(feature = "xls")]
pub(crate) mod xls;
pub(crate) mod xlsx;
pub(crate) mod zip;

use crate::model::format::Format;
use row::RowSink;

/// Reads the chosen sheet of a workbook, handing each row to `sink` until the sheet ends
/// or the sink stops. Every reader here is free of panics by construction: none is
/// caught, so a service built with `panic = "abort"` is as safe.
pub(crate) fn read(
    bytes: &[u8],
    format: Format,
    max_inflated: u64,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    match format {
        Format::Ods => crate::read::ods::read(bytes, max_inflated, sink),
        #[cfg(feature = "xls")]
        Format::Xls => crate::read::xls::read(bytes, sink),
        #[cfg(not(feature = "xls"))]
        Format::Xls => Err(WorkbookProblem::NotBuiltIn),
        _ => crate::read::xlsx::read(bytes, max_inflated, sink),
    }
}

/// Why a workbook could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WorkbookProblem {
    /// The workbook is protected with a password.
    Encrypted,
    /// The bytes are not a workbook of the format, or it is damaged.
    Damaged,
    /// The workbook has no worksheet at all.
    NoSheet,
    /// The workbook expands past the decompression budget.
    TooExpanded,
    /// This build cannot read the format (.xls without the `xls` feature).
    #[cfg(not(feature = "xls"))]
    NotBuiltIn,
}

/// The sheet to read, given each sheet's name and whether it is visible, in workbook
/// order: the one named `Users` (any case) if there is one, else the first visible
/// sheet, else the first sheet. `None` when there is no sheet.
pub(crate) fn choose_sheet<'a>(
    sheets: impl Iterator<Item = (&'a str, bool)> + Clone,
) -> Option<usize> {
    let mut all = sheets.enumerate();
    all.clone()
        .find(|(_, (name, _))| name.trim().eq_ignore_ascii_case("users"))
        .or_else(|| all.clone().find(|&(_, (_, visible))| visible))
        .or_else(|| all.next())
        .map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_sheet_then_the_first_visible_then_the_first() {
        let pick = |sheets: &[(&'static str, bool)]| choose_sheet(sheets.iter().copied());
        assert_eq!(pick(&[("Notes", true), (" USERS ", false)]), Some(1));
        assert_eq!(pick(&[("Hidden", false), ("Shown", true)]), Some(1));
        assert_eq!(pick(&[("Hidden", false), ("Also", false)]), Some(0));
        assert_eq!(pick(&[]), None);
    }
}
