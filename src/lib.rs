//! Turn an uploaded CSV or spreadsheet of users into validated users, or into a complete
//! list of what is wrong, with the row numbers a person sees in their spreadsheet.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod budget;
mod cells;
mod column;
mod csv;
mod error;
mod errors_file;
mod format;
mod header;
mod options;
mod report;
mod rows;
mod rules;
mod template;
mod text;
mod user;
mod workbook;
mod xlsx;

pub use column::Column;
pub use error::{ErrorCode, RowError, RowErrors};
pub use format::Format;
pub use options::{
    Options, UnknownColumns, DEFAULT_SITE, MAX_BYTES, MAX_EMAIL_CHARS, MAX_INFLATED_BYTES,
    MAX_NAME_CHARS, MAX_ROWS, MAX_SITE_CHARS,
};
pub use report::{Report, RowUser};
pub use template::TemplateError;
pub use user::{NewUser, UserType};

/// Parses an upload with the default [`Options`]: every user, or every error.
///
/// # Errors
///
/// [`RowErrors`] with every problem in the file, ordered by row then column.
pub fn parse(bytes: &[u8], format: Format) -> Result<Vec<NewUser>, RowErrors> {
    Options::new().parse(bytes, format)
}

/// The default template, as the bytes of an .xlsx file: a `Users` sheet with the header,
/// a User type dropdown on the 500 user rows, a note on each header, and an
/// `Instructions` sheet. [`Options::write_template`] tailors it.
pub fn write_template() -> Vec<u8> {
    // The default options always make a valid template; a test holds it to that.
    Options::new().write_template().unwrap_or_default()
}

/// The default CSV template: the header row, UTF-8 with a byte order mark.
pub fn write_csv_template() -> Vec<u8> {
    Options::new().write_csv_template()
}
