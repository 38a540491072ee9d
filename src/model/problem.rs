//! What is wrong with one value, as data: the checks build it, each language's
//! catalogue turns it into a sentence.

use super::codes::ErrorCode;

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A required value is empty.
    Missing,
    /// The cell holds a spreadsheet error such as `#N/A`.
    ErrorCell,
    /// A formula whose result the file does not hold.
    NoResult,
    /// Text in a cell the file marks as a number.
    NotANumber,
    /// A number that goes through a date or a time code as no date has: Excel shows
    /// `#####`.
    NoDate,
    /// A control character: a tab or line break inside the value, for instance.
    Control,
    /// U+FFFD: bytes that could not be read in the file's encoding.
    Unreadable,
    /// Letters whose bytes fit more than one code page equally well: which letters
    /// they are is not known.
    UnsureEncoding,
    /// CESU-8 (Oracle's and Java's "UTF8") in a UTF-8 file.
    Cesu8,
    /// Bytes that are no character in the code page the file was read in (its name).
    NotIn { encoding: &'static str },
    /// More characters than the column allows.
    TooLong { chars: usize, max: usize },
    /// Starts with a character spreadsheets run as a formula.
    Unsafe { first: char },
    /// Neither Standard nor Privileged.
    UserType,
    /// Not one plain email address.
    Email(EmailProblem),
    /// Not one of the customer's sites (which are listed).
    UnknownSite { allowed: Vec<String> },
    /// An address outside the customer's domains (as the service wrote them).
    EmailDomain { allowed: Vec<String> },
    /// An address that already has an account.
    EmailExists,
}

/// Why an email address was refused, so the message can say how to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EmailProblem {
    /// An ordinary space inside the address.
    Space,
    /// A character a person cannot see (non-breaking or zero-width space).
    Hidden,
    /// A name with the address in angle brackets: `Ada <ada@example.com>`.
    DisplayName,
    /// More than one `@`.
    ManyAts,
    /// Anything else.
    Form,
}

impl Problem {
    pub(crate) fn code(&self) -> ErrorCode {
        match self {
            Problem::Missing => ErrorCode::MissingValue,
            Problem::ErrorCell
            | Problem::NoResult
            | Problem::NotANumber
            | Problem::NoDate
            | Problem::Control
            | Problem::Unreadable
            | Problem::UnsureEncoding
            | Problem::Cesu8
            | Problem::NotIn { .. } => ErrorCode::InvalidValue,
            Problem::TooLong { .. } => ErrorCode::ValueTooLong,
            Problem::Unsafe { .. } => ErrorCode::UnsafeValue,
            Problem::UserType => ErrorCode::InvalidUserType,
            Problem::Email(_) => ErrorCode::InvalidEmail,
            Problem::UnknownSite { .. } => ErrorCode::UnknownSite,
            Problem::EmailDomain { .. } => ErrorCode::EmailDomainNotAllowed,
            Problem::EmailExists => ErrorCode::EmailExists,
        }
    }
}
