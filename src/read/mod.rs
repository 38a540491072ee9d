//! Workbooks (.xlsx, .ods, and .xls with the `xls` feature) → rows of cells: the one
//! dispatcher, and what the workbook readers share: why a workbook cannot be read and
//! which sheet is read. Readers only read: no user rules.

pub(crate) mod budget;
pub(crate) mod csv;
pub(crate) mod merged;
pub(crate) mod numfmt;
pub(crate) mod ods;
pub(crate) mod row;
pub(crate) mod sheet;
pub(crate) mod shown;
#[cfg(feature = "xls")]
pub(crate) mod xls;
pub(crate) mod xlsx;
pub(crate) mod zip;

use crate::model::format::Format;
use row::RowSink;
pub(crate) use sheet::WorkbookProblem;

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
        Format::Xls => crate::read::xls::read(bytes, max_inflated, sink),
        #[cfg(not(feature = "xls"))]
        Format::Xls => Err(WorkbookProblem::NotBuiltIn),
        _ => crate::read::xlsx::read(bytes, max_inflated, sink),
    }
}
