//! Workbooks (.xlsx, .ods, and .xls with the `xls` feature) → rows of cells: the one
//! dispatcher. What the readers share is in `sheet.rs`. No user rules.

use crate::cells::RowSink;
use crate::sheet::WorkbookProblem;
use crate::Format;

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
        Format::Ods => crate::ods::read(bytes, max_inflated, sink),
        #[cfg(feature = "xls")]
        Format::Xls => crate::xls::read(bytes, sink),
        #[cfg(not(feature = "xls"))]
        Format::Xls => Err(WorkbookProblem::NotBuiltIn),
        _ => crate::xlsx::read(bytes, max_inflated, sink),
    }
}
