//! The size of a worksheet, in Excel and LibreOffice alike: what readers refuse past and
//! writers never write past.

/// A worksheet's last row, in Excel and LibreOffice alike: a row past it is a damaged
/// (or hostile) file, never a row a person could have typed.
pub(crate) const SHEET_ROWS: u32 = 1_048_576;

/// A worksheet's width: 16,384 columns (A to XFD).
pub(crate) const SHEET_COLUMNS: u32 = 16_384;

/// The most cells a row keeps: Excel's column count. A row with more non-empty cells
/// than this is marked, not stored, so one long line cannot take unbounded memory.
pub(crate) const MAX_CELLS: usize = 16_384;

/// The widest header understood: a header cell further right than this (possible in
/// delimited text after thousands of empty fields) is not looked at.
pub(crate) const MAX_COLUMNS: usize = 65_536;
