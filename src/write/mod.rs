//! What the crate writes for a person: the template, the errors CSV and the errors
//! workbook. Writers take what the check kept and the report; they never read a file.

mod csv;
pub(crate) mod errors_csv;
#[cfg(feature = "template")]
pub(crate) mod errors_workbook;
mod table;
#[cfg(feature = "template")]
pub(crate) mod template;
#[cfg(feature = "template")]
mod workbook;
