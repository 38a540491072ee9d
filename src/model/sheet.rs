//! The size of a worksheet, in Excel and LibreOffice alike: what readers refuse past and
//! writers never write past.

/// A worksheet's last row, in Excel and LibreOffice alike: a row past it is a damaged
/// (or hostile) file, never a row a person could have typed.
pub(crate) const SHEET_ROWS: u32 = 1_048_576;

/// A worksheet's width: 16,384 columns (A to XFD).
pub(crate) const SHEET_COLUMNS: u32 = 16_384;
