//! Turn an uploaded CSV or spreadsheet of users into validated users, or into a complete
//! list of what is wrong, with the row numbers a person sees in their spreadsheet.
//!
//! An IT-services portal lets a customer's admin add many users at once: they download
//! the template, fill it in, upload it. This crate is the part between the upload and
//! the accounts: bytes in, either every user or every problem. It does no I/O, never
//! panics, and bounds its time and memory for any input up to the size limit.
//!
//! # Parse an upload
//!
//! ```
//! use bulk_users::{Format, UserType};
//!
//! let upload = "User name*,Email*,User type,Site\n\
//!               Ada Lovelace,ada@Example.com,privileged,London\n\
//!               Grace Hopper,grace@example.com,,\n";
//! let users = bulk_users::parse(upload.as_bytes(), Format::Csv)?;
//! assert_eq!(users.len(), 2);
//! assert_eq!(users[0].email, "ada@example.com"); // the domain is lower-cased
//! assert_eq!(users[0].user_type, UserType::Privileged);
//! assert_eq!(users[1].site, "HQ"); // empty Site means HQ
//! # Ok::<(), bulk_users::RowErrors>(())
//! ```
//!
//! The format comes from the file name, else from the bytes:
//!
//! ```
//! use bulk_users::Format;
//! let format = Format::of_file("users.xlsx", b"PK\x03\x04");
//! assert_eq!(format, Some(Format::Xlsx));
//! ```
//!
//! # Show the errors
//!
//! Parsing is all or nothing, and reports every problem in the file, ordered by row and
//! column, each with a stable code and a message for the person who filled it in.
//!
//! ```
//! use bulk_users::{Column, ErrorCode, Format};
//!
//! let upload = "User name*,Email*,User type\n\
//!               Alan Turing,alan(at)example.com,Standard\n\
//!               ,grace@example.com,Admin\n";
//! let errors = bulk_users::parse(upload.as_bytes(), Format::Csv).unwrap_err();
//! assert_eq!(errors.len(), 3);
//! assert_eq!((errors[0].row, errors[0].column), (Some(2), Some(Column::Email)));
//! assert_eq!(errors[0].code, ErrorCode::InvalidEmail);
//! assert_eq!(errors[1].code.as_str(), "missing_value");
//! assert_eq!(
//!     errors[2].to_string(),
//!     "Row 3, User type: \"Admin\" is not a user type. Use Standard or Privileged, or \
//!      leave the cell empty for Standard."
//! );
//! // What a web front end receives:
//! let json = serde_json::to_value(&errors).unwrap();
//! assert_eq!(json["errors"][0]["code"], "invalid_email");
//! ```
//!
//! # Use options
//!
//! [`parse`] is [`Options::new`]`.parse`. Options set the limits, the defaults and the
//! policies of one service or one customer:
//!
//! ```
//! use bulk_users::{Format, Options, UnknownColumns, UserType};
//!
//! let options = Options::new()
//!     .max_rows(100)
//!     .default_site("Oslo")
//!     .default_user_type(UserType::Standard)
//!     .allowed_sites(["Oslo", "Bergen"])
//!     .unknown_columns(UnknownColumns::Ignore);
//! let upload = "Name,E-mail,Site,Phone\nAda,ada@example.com,bergen,555-0100\n";
//! let users = options.parse(upload.as_bytes(), Format::Csv)?;
//! assert_eq!(users[0].site, "Bergen"); // the customer's own spelling
//! # Ok::<(), bulk_users::RowErrors>(())
//! ```
//!
//! The same settings written down, in a configuration file, an environment variable or
//! a page's options, are [`Settings`]: one snake_case JSON form, checked when it is read.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! let settings: bulk_users::Settings =
//!     serde_json::from_str(r#"{"max_rows": 100, "default_site": "Oslo"}"#)?;
//! let options = settings.to_options()?;
//! assert_eq!(options.rows_limit(), 100);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Write the template
//!
//! ```
//! let xlsx: Vec<u8> = bulk_users::write_template(); // offer it for download
//! assert!(xlsx.starts_with(b"PK"));
//! let csv: Vec<u8> = bulk_users::write_csv_template();
//! assert!(csv.ends_with(b"User name*,Email*,User type,Site\r\n"));
//! // An unfilled template has a header and no users.
//! let errors = bulk_users::parse(&xlsx, bulk_users::Format::Xlsx).unwrap_err();
//! assert_eq!(errors[0].code.as_str(), "no_rows");
//! ```
//!
//! # Import the valid rows, return the rest
//!
//! [`Options::check`] gives every valid user with its row and every error in one pass;
//! [`Options::errors_csv`] gives the file back with an `Errors` column to fix it in.
//!
//! ```
//! use bulk_users::{Format, Options};
//!
//! let upload = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
//! let report = Options::new().check(upload.as_bytes(), Format::Csv);
//! assert_eq!(report.users.len(), 1);
//! assert_eq!(report.users[0].row, 2);
//! assert_eq!(report.errors[0].row, Some(3));
//! let to_fix = Options::new().errors_csv(upload.as_bytes(), Format::Csv);
//! assert!(String::from_utf8(to_fix).unwrap().contains("3,Bob,bob(at)example.com,"));
//! ```
//!
//! # In the person's language
//!
//! Every sentence (messages, notes, the template, the errors files) comes in the
//! language the service chooses; codes, rows and columns never change.
//!
//! ```
//! use bulk_users::{Format, Language, Options};
//!
//! let language = Language::negotiate("ja,en;q=0.8"); // an Accept-Language header
//! let errors = Options::new()
//!     .language(language)
//!     .parse("User name*,Email*\nAda,\n".as_bytes(), Format::Csv)
//!     .unwrap_err();
//! assert_eq!(errors[0].code.as_str(), "missing_value");
//! assert_eq!(
//!     errors[0].to_string(),
//!     "2 行目、メールアドレス：「メールアドレス」が空欄です。ユーザーごとに入力が必要です。"
//! );
//! ```
//!
//! # Give the person their spreadsheet back
//!
//! [`Options::errors_xlsx`] returns the upload as a workbook: each cell with a problem
//! filled and noted, an `Errors` column, whole-file problems on a `Problems` sheet. Fixed
//! and uploaded again, it parses (the `Errors` column is ignored).
//!
//! ```
//! # #[cfg(feature = "template")] {
//! use bulk_users::{Format, Options};
//! let upload = "User name*,Email*\nAda,ada(at)example.com\n";
//! let workbook = Options::new().errors_xlsx(upload.as_bytes(), Format::Csv)?;
//! let again = bulk_users::parse(&workbook, Format::Xlsx).unwrap_err();
//! assert_eq!((again[0].row, again[0].code.as_str()), (Some(2), "invalid_email"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Let the person fix it in a grid
//!
//! [`Options::table`] gives the upload as a [`Table`]: every row under the header, at its
//! row number, in the template's four columns. A page shows it, the person edits it, and
//! [`Table::to_csv`] writes it back as a CSV that checks at the same rows and cells. The
//! browser package's `<bulk-users-upload>` element is this, in a page.
//!
//! ```
//! use bulk_users::{Format, Options};
//! let upload = "User name*,Email*\nAda,ada(at)example.com\n";
//! let options = Options::new();
//! let report = options.check(upload.as_bytes(), Format::Csv);
//! let mut table = options.table(&report, upload.as_bytes(), Format::Csv).unwrap();
//! table.rows[0].email = "ada@example.com".into();
//! assert!(options.check(&table.to_csv(), Format::Csv).is_valid());
//! ```
//!
//! # The customer's own rules
//!
//! ```
//! use bulk_users::{Format, Options};
//! let options = Options::new()
//!     .allowed_email_domains(["contoso.com"])
//!     .existing_emails(["grace@contoso.com"]);
//! let upload = "User name*,Email*\nAda,ada@gmail.com\nGrace,Grace@Contoso.com\n";
//! let errors = options.parse(upload.as_bytes(), Format::Csv).unwrap_err();
//! assert_eq!(errors[0].code.as_str(), "email_domain_not_allowed");
//! assert_eq!(errors[1].code.as_str(), "email_exists");
//! ```
//!
//! # The rules
//!
//! | column | required | values | empty means |
//! |---|---|---|---|
//! | `User name*` | yes | text, at most 256 characters | `missing_value` |
//! | `Email*` | yes | one plain `name@example.com`, at most 254 characters | `missing_value` |
//! | `User type` | no | `Standard` or `Privileged`, any case | `Standard` |
//! | `Site` | no | text, at most 256 characters | `HQ` |
//!
//! The header is the first row, among the first ten non-blank rows, that names both
//! required columns and holds no email address; rows above it (a title, a date) are
//! skipped with a `rows_above_header_skipped` note. When no row does, the first
//! non-blank row is the header and its problems are reported there. Case, spaces and a
//! trailing `*` do not matter and aliases ([`Column::aliases`]) are accepted, and so are
//! the template headers of every [`Language`].
//!
//! Other systems' user lists are read as they are: the Microsoft Entra bulk-create
//! template (its bracketed property names decide: `[displayName]`,
//! `[userPrincipalName]`), Microsoft 365's users export and add-users template, Google
//! Workspace, Okta, JumpCloud and Zoom, each told by its own header set. Their other
//! columns are ignored, a `known_list` note names the system and the columns read, and
//! role or admin columns are never taken for the User type. First and last names are
//! joined with one space (a `names_joined` note). Entra's example row left in is
//! `example_row`.
//!
//! An error carries a [`RowError::suggestion`] where one fix is clearly meant: a header,
//! user type or allowed site one or two letters off, an email domain one or two edits
//! from an allowed domain (or, for an invalid address, a common mail provider). The
//! message says it too; the crate never applies it.
//!
//! Hidden and filtered rows of a workbook are read like the others (the same grid gives
//! the same answer in every format), and a `hidden_rows_included` note names them.
//!
//! Rows are numbered as a spreadsheet shows them. Values are trimmed
//! (non-breaking and zero-width spaces too); control characters are `invalid_value`, a
//! User name or Site starting with `=`, `+`, `-` or `@` is `unsafe_value`. The same email twice is `duplicate_email`. Files over 10 MiB
//! ([`MAX_BYTES`]) or with more than 500 users ([`MAX_ROWS`]) are refused, and reading
//! stops at the first user over the limit. A workbook may inflate to at most 32 MiB
//! ([`MAX_INFLATED_BYTES`]).
//!
//! # Error codes
//!
//! | code | row | what is wrong |
//! |---|---|---|
//! | `file_too_large` | none | more bytes than [`Options::max_bytes`] (10 MiB) |
//! | `empty_file` | none | no bytes, or nothing but blank rows |
//! | `unreadable_file` | none | not a file of the format (a web page, an XML Spreadsheet 2003 or a flat OpenDocument file among them), damaged, password-protected, a zip bomb, a row past 1,048,576 |
//! | `format_not_accepted` | none | a format not in [`Options::formats`] (`.xls` unless enabled) |
//! | `no_rows` | none | a header and no users |
//! | `too_many_rows` | the first over the limit | more users than [`Options::max_rows`] (500) |
//! | `missing_column`, `duplicate_column`, `unknown_column` | the header's | the header row |
//! | `extra_value` | its row | a value under no header |
//! | `missing_value` | its row | a required value is empty |
//! | `invalid_value` | its row | a control character, a spreadsheet error (`#N/A`), a formula whose result the file does not hold, characters that could not be decoded, a number Excel shows as `#####`, a number cell holding no number |
//! | `invalid_user_type` | its row | neither Standard nor Privileged |
//! | `unsafe_value` | its row | a User name or Site starting with `=`, `+`, `-`, `@` |
//! | `value_too_long` | its row | longer than the column allows |
//! | `invalid_email` | its row | not one plain address |
//! | `duplicate_email` | each later row | the same mailbox as an earlier row |
//! | `unknown_site` | its row | not one of [`Options::allowed_sites`] |
//! | `email_domain_not_allowed` | its row | not at one of [`Options::allowed_email_domains`] |
//! | `email_exists` | its row | already has an account ([`Options::existing_emails`], [`Options::existing_email_check`]) |
//! | `example_row` | its row | the example row of another system's template (Microsoft Entra's) |
//!
//! [`ErrorCode::http_status`] gives the status a web service answers with: 413 for
//! `file_too_large`, 415 for `format_not_accepted`, 422 for the others.
//!
//! # What a value is
//!
//! A value is what the person sees in their spreadsheet, or a located error; never a
//! silently different value.
//!
//! - Every value is trimmed, in Unicode NFC, and free of invisible format characters
//!   (direction marks, zero-width space, word joiner, soft hyphen); zero-width joiners
//!   stay. [`Report::notes`] says on which rows characters were removed.
//! - CSV without a byte order mark: each row is UTF-8 if it is; when most rows with
//!   non-ASCII bytes are not, the file is in a legacy code page (Excel's plain "CSV"),
//!   detected from those rows (Windows-1250 to 1258, Shift_JIS, GBK, Big5, EUC-KR…) or
//!   named by [`Options::encoding`]. [`Report::encoding`] says which, with an
//!   `encoding_guessed` note when it was detected. A byte order mark means UTF-8: a bad
//!   byte is `invalid_value` at its cell. U+FFFD and C1 controls never reach a user.
//! - A first line `sep=;` names the delimiter and is not a row, as in Excel.
//! - Workbook numbers read through their number format (`0123`, `98,765`, `25.0%`,
//!   `Site 7`, `1 1/4`, a time of day as `4:17 PM`), as the spreadsheet shows them;
//!   dates as ISO 8601; an .ods data style of a locale shows its separators
//!   (`1.234,50`). A formula gives the result the spreadsheet program saved; one with
//!   none, or in a workbook marked to be recalculated on opening (as openpyxl and
//!   XlsxWriter write them), is `invalid_value`, and so is an .xls formula saved with
//!   an empty result in a workbook no calculation engine has calculated (as xlwt
//!   writes them). An .ods merged cell's value shows in every cell it covers.
//! - A number through a date or a time format that no date has (negative in the 1900
//!   date system, past 9999-12-31) is `invalid_value`: Excel shows `#####` there. So is
//!   a cell the file marks as a number, a date or a boolean without one that reads as
//!   such (`NaN`, `<v>true</v>` in a boolean, an .ods `office:value` missing): the
//!   spreadsheet programs show such cells differently.
//! - Email domains are mapped as mail maps them (UTS #46): `ada@ＥＸＡＭＰＬＥ.com` is
//!   `ada@example.com`, and `bücher.de` and `xn--bcher-kva.de` are one domain (the
//!   output holds the Unicode form).
//!
//! # Decisions
//!
//! - A User type that is neither Standard nor Privileged is `invalid_user_type`.
//! - Dates in workbooks read as ISO 8601 (`2024-03-01`), whatever the cell's format; a
//!   time of day alone shows as its format shows it (`9:05`, `4:17 PM`), its seconds
//!   rounded as Excel rounds them (LibreOffice cuts them). A date saved as a date
//!   rather than a number (`t="d"` in .xlsx, an .ods date cell) reads the same way: as
//!   ISO 8601, or through a format that shows only its time of day (`13:30`) or a
//!   number (its serial), as that format shows it.
//! - When the header itself is wrong, [`Report::users`] is empty: no row can be trusted.
//! - One `extra_value` per row, however many stray cells; at most twenty unknown or
//!   repeated header cells are listed one by one, then one error counts the rest.
//! - A row keeps at most 16,384 cells (Excel's width); more is reported, not stored.
//! - An OpenDocument file's repeats are never expanded up front: a blank row or cell
//!   repeated any number of times costs nothing, and each copy of a repeated value is
//!   counted against [`MAX_INFLATED_BYTES`] like inflated bytes. A row past 1,048,576
//!   (the last row of Excel and LibreOffice) makes the file `unreadable_file`. To choose
//!   the table an .ods is read twice: once for the names of its tables (stopping at one
//!   named Users), once for the chosen table's rows; both count against the budget.
//! - A formula cell whose result the file does not hold is `invalid_value`, asking the
//!   person to open and save the file again: its value is unknown, and an empty cell
//!   would silently become the default.
//! - Which encoding a CSV is in is decided once for the file, by its rows with non-ASCII
//!   bytes: if at least as many are UTF-8 as not, UTF-8 rows stay UTF-8 and the others
//!   (pasted from elsewhere) are read in the code page, field by field; otherwise every
//!   such row is read in the code page, even one that happens to be valid UTF-8 (a
//!   Windows-1250 `čś` is the bytes of a valid Chinese character).
//! - A number format the crate does not render (a code over 256 bytes, a letter of a
//!   date inside a number's code, a time code with a month's `m`) shows the number as
//!   General. An .ods data style of a locale whose separators or AM/PM words are not
//!   known here shows the text the file holds.
//! - `*.contoso.com` in [`Options::allowed_email_domains`] allows contoso.com's
//!   subdomains, not contoso.com itself.
//! - A merged range's value (its top-left cell's) is the value of every cell it covers,
//!   whatever the file stores under it, in .xlsx, .ods and .xls. An .xlsx lists its
//!   merged ranges after its rows, so its rows are kept until the list is read: at most
//!   as many as the row limit lets through, every kept byte and every copy a range makes
//!   charged to the decompression budget. A sheet with more users than the limit is not
//!   read past the first user over it (the contract: an over-limit file costs no more
//!   than one at the limit), so its merged ranges are not known: its rows read as the
//!   file stores them, and the answer (`too_many_rows`) asks for the file to be split
//!   anyway.
//!
//! # Cargo features
//!
//! - `template` (default): writing workbooks, the .xlsx and CSV templates and
//!   [`Options::errors_xlsx`], on the calling thread, with `rust_xlsxwriter`.
//! - `serde` (default): `Serialize` and `Deserialize` on the output types, in their JSON
//!   forms, and on [`Settings`], the options as a configuration file holds them.
//! - `xls` (default): `.xls` through calamine. Even with it, a service must list
//!   [`Format::Xls`] in [`Options::formats`] to accept `.xls`; see there why. Without
//!   it, `Format::Xls` still exists and is refused like any format not accepted.
//!
//! With no default features the crate reads CSV, XLSX and ODS and checks them, with fewer
//! crates in its tree (`cargo tree -e normal --no-default-features` lists them).
//!
//! # State
//!
//! The crate keeps nothing between calls: no caches, no thread-local buffers. Each call
//! makes its buffers for its file and frees them after, so one [`Options`] can be
//! shared by every thread of a service.
//!
//! # Memory, and how many uploads to check at once
//!
//! What one call allocates at its peak, on the worst input of at most 10 MiB the test
//! suite knows (`cargo test --release hostile -- --nocapture` prints each case; every
//! case is asserted under 256 MiB), besides the upload's own bytes:
//!
//! | call | worst peak | on |
//! |---|---|---|
//! | [`parse`], [`Options::check`] | about 100 MiB | an `.ods` whose content inflates past 1 GiB (stopped at the 32 MiB budget) |
//! | [`Options::errors_csv`] | about 200 MiB | a 10 MiB CSV of one-letter cells, 16,384 a row |
//! | [`Options::errors_xlsx`] | about 225 MiB | the same CSV, every row written back |
//!
//! A valid 500-user file costs at most four times its size plus 1 MiB. The calls are
//! CPU work of up to about a second on the worst input: run them off an async
//! executor's threads, and bound how many run at once by the memory you give them (a
//! semaphore of, say, 2 checks and 1 errors workbook for 512 MiB), taking the slot
//! before reading the request body. The repository's `service/` does exactly this,
//! with read timeouts, and holds 64 concurrent workbook bombs under 512 MiB.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]

mod check;
mod checker;
mod engine;
mod error;
mod message;
mod model;
mod options;
mod read;
mod report;
mod settings;
mod write;

#[allow(deprecated)]
pub use checker::Checker;
pub use error::{RowError, RowErrors};
pub use message::Language;
pub use model::codes::{ErrorCode, NoteCode, UnknownName};
pub use model::column::{Column, MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_SITE_CHARS};
pub use model::format::Format;
pub use model::table::{Table, TableRow};
pub use model::user::{NewUser, UserType};
pub use options::{Options, UnknownColumns, DEFAULT_SITE, MAX_BYTES, MAX_INFLATED_BYTES, MAX_ROWS};
pub use report::{Note, Report, RowUser};
pub use settings::{Settings, SettingsError};
#[cfg(feature = "template")]
pub use write::template::TemplateError;

/// The README's examples, run as doctests so that they cannot drift.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Parses an upload with the default [`Options`]: every user, or every error.
///
/// # Errors
///
/// [`RowErrors`] with every problem in the file, ordered by row then column.
pub fn parse(bytes: &[u8], format: Format) -> Result<Vec<NewUser>, RowErrors> {
    Options::new().parse(bytes, format)
}

#[cfg(feature = "template")]
/// The default template, as the bytes of an .xlsx file: a `Users` sheet with the header,
/// a User type dropdown on the 500 user rows, a note on each header, and an
/// `Instructions` sheet. [`Options::write_template`] tailors it.
pub fn write_template() -> Vec<u8> {
    // The default options always make a valid template; a test holds it to that.
    Options::new().write_template().unwrap_or_default()
}

/// The default CSV template: the header row, UTF-8 with a byte order mark.
#[cfg(feature = "template")]
pub fn write_csv_template() -> Vec<u8> {
    Options::new().write_csv_template()
}
