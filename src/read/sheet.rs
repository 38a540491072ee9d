//! What the workbook readers share: why a workbook cannot be read, and which of its
//! sheets is read.

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
