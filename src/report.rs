//! The full result of checking a file: valid users with their rows, and every error.

use crate::error::{RowError, RowErrors};
use crate::message::{Language, Text};
use crate::model::codes::NoteCode;
use crate::model::user::NewUser;

/// A valid user and the row it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RowUser {
    /// The row as the spreadsheet numbers it.
    pub row: u32,
    /// The user.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub user: NewUser,
}

/// Everything one pass over a file found: every valid user with its row, and every error.
///
/// For services that import the valid rows and send the rest back to be fixed. Use
/// [`Report::into_result`] for all-or-nothing, which is what [`parse`](crate::parse)
/// does. When the header itself is wrong (a missing, repeated or unknown column) or the
/// file as a whole is refused, `users` is empty: no row of such a file can be trusted.
///
/// Serialises as `{"users": [{"row": 2, "name": …}], "errors": [{"row": 3, …}],
/// "encoding": …, "delimiter": …, "notes": […], "language": "en"}`.
///
/// ```
/// let csv = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
/// let report = bulk_users::Options::new().check(csv.as_bytes(), bulk_users::Format::Csv);
/// assert_eq!(report.users.len(), 1);
/// assert_eq!(report.users[0].row, 2);
/// assert_eq!(report.errors[0].row, Some(3));
/// assert!(!report.is_valid());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "ReportJson")
)]
#[non_exhaustive]
pub struct Report {
    /// Valid users in file order.
    pub users: Vec<RowUser>,
    /// Every error, ordered by row then column.
    pub errors: Vec<RowError>,
    /// For a CSV, the encoding its text was read in, by its standard name: `UTF-8`,
    /// `UTF-16LE`, `windows-1251`, `Shift_JIS`… `None` for workbooks, whose text is
    /// always Unicode, and for a file refused before it was read.
    pub encoding: Option<String>,
    /// For a CSV, the delimiter its fields were split at: `,`, `;` or a tab.
    pub delimiter: Option<char>,
    /// What was assumed or changed on the way, that a person may want to confirm
    /// (the encoding was guessed, invisible characters were removed, a merged cell was
    /// spread over its range): never errors, ordered by row, the file's own first.
    pub notes: Vec<Note>,
    /// The language of every message and note, as [`Options::language`](crate::Options::language)
    /// set it.
    pub language: Language,
    /// The row the header was found on, when the file has one.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) header_row: Option<u32>,
}

/// [`Report`] as JSON is read: the errors' `Display` in the report's language.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct ReportJson {
    users: Vec<RowUser>,
    errors: Vec<RowError>,
    encoding: Option<String>,
    delimiter: Option<char>,
    notes: Vec<Note>,
    #[serde(default)]
    language: Language,
}

#[cfg(feature = "serde")]
impl From<ReportJson> for Report {
    fn from(json: ReportJson) -> Self {
        Report {
            users: json.users,
            errors: crate::error::json::in_language(json.errors, json.language),
            encoding: json.encoding,
            delimiter: json.delimiter,
            notes: json.notes,
            language: json.language,
            header_row: None,
        }
    }
}

/// Something the crate assumed or changed while reading a file, that is not wrong but
/// that a person may want to confirm, as rust-url reports syntax violations beside a
/// successful parse. A page can ask: "We read your file as Cyrillic (Windows-1251). Is
/// that right?"
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Note {
    /// The row as the spreadsheet numbers it; `None` for the whole file.
    pub row: Option<u32>,
    /// What kind of note, a stable code.
    pub code: NoteCode,
    /// What was done, in plain words.
    pub message: String,
}

impl Note {
    pub(crate) fn row(row: u32, code: NoteCode, language: Language) -> Self {
        let text = match code {
            NoteCode::MergedCellSpread => Text::MergedSpread,
            _ => Text::InvisibleRemoved,
        };
        Note {
            row: Some(row),
            code,
            message: text.render(language),
        }
    }

    /// A note on the whole file saying `text`.
    pub(crate) fn file(code: NoteCode, text: Text, language: Language) -> Self {
        Note {
            row: None,
            code,
            message: text.render(language),
        }
    }

    /// A note at `row` saying `text`.
    pub(crate) fn at(row: u32, code: NoteCode, text: Text, language: Language) -> Self {
        Note {
            row: Some(row),
            code,
            message: text.render(language),
        }
    }

    pub(crate) fn encoding_guessed(name: &str, language: Language) -> Self {
        Note {
            row: None,
            code: NoteCode::EncodingGuessed,
            message: Text::EncodingGuessed { name }.render(language),
        }
    }
}

impl Report {
    pub(crate) fn new(
        users: Vec<RowUser>,
        errors: Vec<RowError>,
        notes: Vec<Note>,
        language: Language,
    ) -> Self {
        let errors = RowErrors::from_vec(errors).map_or_else(Vec::new, RowErrors::into_vec);
        Report {
            users,
            errors,
            encoding: None,
            delimiter: None,
            notes,
            language,
            header_row: None,
        }
    }

    pub(crate) fn with_header_row(mut self, row: Option<u32>) -> Self {
        self.header_row = row;
        self
    }

    pub(crate) fn file_error(error: RowError) -> Self {
        let language = error.language();
        Report::new(Vec::new(), vec![error], Vec::new(), language)
    }

    /// Records how a CSV's text was read.
    pub(crate) fn with_text(
        mut self,
        encoding: &str,
        (guessed, unmarked_utf16, nul_padding): (bool, bool, bool),
        delimiter: u8,
        language: Language,
    ) -> Self {
        let name = encoding;
        let mut notes = Vec::new();
        if guessed {
            notes.push(Note::encoding_guessed(name, language));
        }
        if unmarked_utf16 {
            let text = Text::Utf16WithoutBom { name };
            notes.push(Note::file(NoteCode::Utf16WithoutBom, text, language));
        }
        if nul_padding {
            let text = Text::NulPadding;
            notes.push(Note::file(NoteCode::NulPaddingIgnored, text, language));
        }
        self.notes.splice(0..0, notes);
        self.encoding = Some(name.to_owned());
        self.delimiter = Some(char::from(delimiter));
        self
    }

    /// Whether the file has no error at all.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// All or nothing: the users when there is no error, else every error.
    pub fn into_result(self) -> Result<Vec<NewUser>, RowErrors> {
        RowErrors::none_or_all(self.errors)
            .map(|()| self.users.into_iter().map(|row| row.user).collect())
    }
}
