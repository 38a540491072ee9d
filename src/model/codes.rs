//! The stable, machine-readable names of problems and notes: what JSON carries.

use std::fmt;

/// A stable, machine-readable name for a kind of problem.
///
/// The snake_case text ([`ErrorCode::as_str`]) is what JSON carries and will not change;
/// new codes may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ErrorCode {
    /// The input is larger than the byte limit (10 MiB by default).
    FileTooLarge,
    /// The input has no bytes, or nothing but blank rows.
    EmptyFile,
    /// The input is not a readable file of the format given: damaged, protected with a
    /// password, or of another format than its name says.
    UnreadableFile,
    /// The input is in a format this service does not accept (`.xls` unless enabled
    /// with [`Options::formats`](crate::Options::formats)).
    FormatNotAccepted,
    /// The file has a header row but no users under it.
    NoRows,
    /// The file has more users than the row limit (500 by default).
    TooManyRows,
    /// A required column is not in the header.
    MissingColumn,
    /// Two header cells name the same column.
    DuplicateColumn,
    /// A header cell names no known column.
    UnknownColumn,
    /// A value stands in a column without a header.
    ExtraValue,
    /// A required value is empty.
    MissingValue,
    /// A value holds a control character (tab, line break) or a spreadsheet error, or
    /// what the spreadsheet shows for it is unknown (a formula without its result, a
    /// number shown as `#####`).
    InvalidValue,
    /// A User type is neither `Standard` nor `Privileged`.
    InvalidUserType,
    /// A value starts with `=`, `+`, `-` or `@`, which spreadsheets run as a formula.
    UnsafeValue,
    /// A value is longer than its column allows.
    ValueTooLong,
    /// An Email is not one plain address.
    InvalidEmail,
    /// An Email already appears on an earlier row.
    DuplicateEmail,
    /// A Site is not one of the customer's sites (only with
    /// [`Options::allowed_sites`](crate::Options::allowed_sites)).
    UnknownSite,
    /// An Email is not at one of the customer's domains (only with
    /// [`Options::allowed_email_domains`](crate::Options::allowed_email_domains)).
    EmailDomainNotAllowed,
    /// An Email already has an account (only with
    /// [`Options::existing_emails`](crate::Options::existing_emails) or
    /// [`Options::existing_email_check`](crate::Options::existing_email_check)).
    EmailExists,
    /// The example row of another system's template was left in (Microsoft Entra's
    /// `Chris Green, chris@contoso.com`): delete it.
    ExampleRow,
}

impl ErrorCode {
    /// Every code, in the order of this enum.
    pub const ALL: [ErrorCode; 21] = [
        ErrorCode::FileTooLarge,
        ErrorCode::EmptyFile,
        ErrorCode::UnreadableFile,
        ErrorCode::FormatNotAccepted,
        ErrorCode::NoRows,
        ErrorCode::TooManyRows,
        ErrorCode::MissingColumn,
        ErrorCode::DuplicateColumn,
        ErrorCode::UnknownColumn,
        ErrorCode::ExtraValue,
        ErrorCode::MissingValue,
        ErrorCode::InvalidValue,
        ErrorCode::InvalidUserType,
        ErrorCode::UnsafeValue,
        ErrorCode::ValueTooLong,
        ErrorCode::InvalidEmail,
        ErrorCode::DuplicateEmail,
        ErrorCode::UnknownSite,
        ErrorCode::EmailDomainNotAllowed,
        ErrorCode::EmailExists,
        ErrorCode::ExampleRow,
    ];

    /// The stable snake_case name, as in JSON: `"invalid_email"`.
    ///
    /// ```
    /// assert_eq!(bulk_users::ErrorCode::InvalidEmail.as_str(), "invalid_email");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::EmptyFile => "empty_file",
            ErrorCode::UnreadableFile => "unreadable_file",
            ErrorCode::FormatNotAccepted => "format_not_accepted",
            ErrorCode::NoRows => "no_rows",
            ErrorCode::TooManyRows => "too_many_rows",
            ErrorCode::MissingColumn => "missing_column",
            ErrorCode::DuplicateColumn => "duplicate_column",
            ErrorCode::UnknownColumn => "unknown_column",
            ErrorCode::ExtraValue => "extra_value",
            ErrorCode::MissingValue => "missing_value",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidUserType => "invalid_user_type",
            ErrorCode::UnsafeValue => "unsafe_value",
            ErrorCode::ValueTooLong => "value_too_long",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::DuplicateEmail => "duplicate_email",
            ErrorCode::UnknownSite => "unknown_site",
            ErrorCode::EmailDomainNotAllowed => "email_domain_not_allowed",
            ErrorCode::EmailExists => "email_exists",
            ErrorCode::ExampleRow => "example_row",
        }
    }

    /// The HTTP status a service answers an upload with when this is its first error:
    /// 413 (Content Too Large) for `file_too_large`, 415 (Unsupported Media Type) for
    /// `format_not_accepted`, and 422 (Unprocessable Content) for every other code: the
    /// request was understood, and the file holds what the errors say.
    ///
    /// ```
    /// use bulk_users::ErrorCode;
    /// assert_eq!(ErrorCode::FileTooLarge.http_status(), 413);
    /// assert_eq!(ErrorCode::FormatNotAccepted.http_status(), 415);
    /// assert_eq!(ErrorCode::InvalidEmail.http_status(), 422);
    /// ```
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorCode::FileTooLarge => 413,
            ErrorCode::FormatNotAccepted => 415,
            _ => 422,
        }
    }

    /// Whether the code refuses the whole file: no user of it may be imported, and
    /// [`Options::check`](crate::Options::check) gives none. `too_many_rows` is one,
    /// though it names the first row over the limit.
    pub const fn is_file_level(self) -> bool {
        matches!(
            self,
            ErrorCode::FileTooLarge
                | ErrorCode::EmptyFile
                | ErrorCode::UnreadableFile
                | ErrorCode::FormatNotAccepted
                | ErrorCode::NoRows
                | ErrorCode::TooManyRows
        )
    }
}

/// The code a snake_case name names, as in JSON: `"invalid_email".parse()`.
impl std::str::FromStr for ErrorCode {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ErrorCode::ALL
            .into_iter()
            .find(|code| code.as_str() == name)
            .ok_or(UnknownName)
    }
}

/// A name that [`FromStr`](std::str::FromStr) does not know ([`ErrorCode`], [`Format`](crate::Format)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a name this crate knows")]
pub struct UnknownName;

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of [`Note`](crate::Note). Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NoteCode {
    /// A CSV without a byte order mark was not UTF-8, and its code page was guessed
    /// from the bytes ([`Report::encoding`](crate::Report::encoding) says which).
    EncodingGuessed,
    /// Invisible characters (direction marks, zero-width spaces, soft hyphens) were
    /// removed from a value of the row.
    InvisibleCharactersRemoved,
    /// A merged cell's value was given to every cell of the row that the merge covers.
    MergedCellSpread,
    /// Rows above the header (a title, a date) were skipped; the note is on the header's
    /// row and names them.
    RowsAboveHeaderSkipped,
    /// The file is another system's user list (Microsoft Entra, Microsoft 365, Google
    /// Workspace, Okta, JumpCloud, Zoom): the note names it, the columns read and how
    /// many were ignored.
    KnownList,
    /// User names were made by joining first and last names with a space.
    NamesJoined,
    /// Rows the spreadsheet hides (hidden, or filtered out) were read like the others:
    /// the note names them, so that a page can say so.
    HiddenRowsIncluded,
    /// A CSV in UTF-16 without a byte order mark was read as UTF-16 (its ASCII
    /// characters' zero bytes tell it).
    Utf16WithoutBom,
    /// Zero bytes padding the end of a CSV were left out.
    NulPaddingIgnored,
}

impl NoteCode {
    /// The stable code, as in JSON: `encoding_guessed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            NoteCode::EncodingGuessed => "encoding_guessed",
            NoteCode::InvisibleCharactersRemoved => "invisible_characters_removed",
            NoteCode::MergedCellSpread => "merged_cell_spread",
            NoteCode::RowsAboveHeaderSkipped => "rows_above_header_skipped",
            NoteCode::KnownList => "known_list",
            NoteCode::NamesJoined => "names_joined",
            NoteCode::HiddenRowsIncluded => "hidden_rows_included",
            NoteCode::Utf16WithoutBom => "utf16_without_bom",
            NoteCode::NulPaddingIgnored => "nul_padding_ignored",
        }
    }
}
