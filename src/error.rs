//! The error report: what is wrong, where, and how to fix it.

use std::fmt;

use crate::model::codes::ErrorCode;

use crate::message::{shorten, Language, Text};
use crate::model::column::Column;
use crate::model::text::column_letters;

/// One problem in the file, located where a person can find it.
///
/// Serialises as `{"row": 3, "column": "Email", "cell": "B3", "code": "invalid_email",
/// "message": "…", "value": "bob(at)example.com"}`: `cell` is the spreadsheet cell
/// (absent where the problem has none), `value` the value as the file shows it (absent
/// where none applies), `suggestion` the fix clearly meant (absent where none is clear).
///
/// ```
/// let errors = bulk_users::parse(b"User name*,Email*\nAda,x\n", bulk_users::Format::Csv)
///     .unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&errors[0])?,
///     r#"{"row":2,"column":"Email","cell":"B2","code":"invalid_email","message":"\"x\" is not an email address. Use the form name@example.com.","value":"x"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "json::RowErrorJson", from = "json::RowErrorJson")
)]
#[non_exhaustive]
pub struct RowError {
    /// The row as the spreadsheet numbers it (the header is usually row 1); `None` for
    /// problems of the whole file.
    pub row: Option<u32>,
    /// The canonical column, or `None` where no canonical column applies (an unknown
    /// header, a value without a header, a whole-file problem).
    pub column: Option<Column>,
    /// What kind of problem this is.
    pub code: ErrorCode,
    /// What is wrong and how to fix it, in plain words for the person who filled in the
    /// file. It does not repeat the row; [`RowError`]'s `Display` adds it.
    pub message: String,
    /// The one fix clearly meant, where there is one ("did you mean"): the column a
    /// mistyped header names (`Email` for `Emial`), the address with its domain as meant
    /// (`ada@gmail.com` for `ada@gmial.com`), the allowed site or the user type a value
    /// is one or two letters from. The message says it too. The crate never applies it:
    /// the person, or the page, decides. `None` where no single fix is clear.
    pub suggestion: Option<String>,
    /// The offending value, cut to at most 64 characters, where one applies.
    pub value: Option<String>,
    /// 0-based index of the spreadsheet column the problem is in, where one applies.
    pub column_index: Option<u32>,
    /// The language of `message`, which `Display` speaks too.
    language: Language,
}

impl RowError {
    pub(crate) fn file(code: ErrorCode, text: Text, language: Language) -> Self {
        RowError {
            row: None,
            column: None,
            code,
            message: text.render(language),
            suggestion: None,
            value: None,
            column_index: None,
            language,
        }
    }

    /// An error at `row` (and `column`, spreadsheet column `column_index`), saying `text`.
    pub(crate) fn at(
        code: ErrorCode,
        row: u32,
        (column, column_index): (Option<Column>, Option<u32>),
        text: Text,
        language: Language,
    ) -> Self {
        RowError {
            row: Some(row),
            column,
            code,
            message: text.render(language),
            suggestion: None,
            value: None,
            column_index,
            language,
        }
    }

    /// The error with `meant` as its suggestion, which its message names too.
    pub(crate) fn with_suggestion(mut self, meant: String) -> Self {
        let did_you_mean = Text::DidYouMean { meant: &meant }.render(self.language);
        self.message.push_str(&did_you_mean);
        self.suggestion = Some(meant);
        self
    }

    pub(crate) fn with_value(mut self, value: &str) -> Self {
        self.value = Some(shorten(value, 64));
        self
    }

    /// The language the message is in, which `Display` speaks too.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The spreadsheet column letters of [`RowError::column_index`]: `Some("C")`.
    pub fn column_letter(&self) -> Option<String> {
        self.column_index.map(column_letters)
    }

    fn sort_key(&self) -> (u32, u32) {
        (
            self.row.unwrap_or(0),
            self.column_index.map_or(0, |index| index.saturating_add(1)),
        )
    }
}

/// "Row 3, Email: …" in the language of the message.
impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = crate::message::words(self.language);
        match (self.row, self.column) {
            (Some(row), Some(column)) => f.write_str(&(words.row_column)(
                row,
                words.column(column),
                &self.message,
            )),
            (Some(row), None) => f.write_str(&(words.row)(row, &self.message)),
            (None, _) => f.write_str(&self.message),
        }
    }
}

/// Everything wrong with a file: a non-empty list of [`RowError`]s ordered by row, then
/// by column from left to right, whole-file problems first.
///
/// Serialises as `{"errors": [...], "language": "en"}`: the language the messages are
/// in, which a round trip through JSON keeps.
///
/// ```
/// let bytes = b"User name*,Email*\nAda Lovelace,ada(at)example.com\n";
/// let errors = bulk_users::parse(bytes, bulk_users::Format::Csv).unwrap_err();
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors[0].row, Some(2));
/// assert_eq!(errors[0].code, bulk_users::ErrorCode::InvalidEmail);
/// assert_eq!(
///     errors.to_string(),
///     "1 problem in the file:\n  Row 2, Email: \"ada(at)example.com\" is not an email \
///      address. Use the form name@example.com.",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "json::RowErrorsJson", try_from = "json::RowErrorsJson")
)]
pub struct RowErrors {
    errors: Vec<RowError>,
}

impl RowErrors {
    /// Orders the errors; `None` when there are none.
    pub(crate) fn from_vec(mut errors: Vec<RowError>) -> Option<Self> {
        if errors.is_empty() {
            return None;
        }
        errors.sort_by_key(RowError::sort_key);
        Some(RowErrors { errors })
    }

    /// A file refused as a whole: this one error.
    pub(crate) fn one(error: RowError) -> Self {
        RowErrors {
            errors: vec![error],
        }
    }

    /// All or nothing: `Ok` when there are no errors, else all of them, ordered.
    pub(crate) fn none_or_all(errors: Vec<RowError>) -> Result<(), Self> {
        RowErrors::from_vec(errors).map_or(Ok(()), Err)
    }

    /// The language the messages are in.
    pub fn language(&self) -> Language {
        self.errors
            .first()
            .map_or(Language::English, RowError::language)
    }

    /// The errors, in order.
    pub fn as_slice(&self) -> &[RowError] {
        &self.errors
    }

    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, RowError> {
        self.errors.iter()
    }

    /// How many errors there are (at least one).
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors, in order.
    pub fn into_vec(self) -> Vec<RowError> {
        self.errors
    }

    /// Whether any error has this code.
    pub fn contains(&self, code: ErrorCode) -> bool {
        self.errors.iter().any(|error| error.code == code)
    }
}

impl std::ops::Deref for RowErrors {
    type Target = [RowError];

    fn deref(&self) -> &[RowError] {
        &self.errors
    }
}

impl IntoIterator for RowErrors {
    type Item = RowError;
    type IntoIter = std::vec::IntoIter<RowError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a RowErrors {
    type Item = &'a RowError;
    type IntoIter = std::slice::Iter<'a, RowError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl fmt::Display for RowErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = crate::message::words(self.language());
        f.write_str(&(words.summary)(self.errors.len()))?;
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RowErrors {}

/// The JSON forms: what a front end reads, and what reads back the same.
#[cfg(feature = "serde")]
pub(crate) mod json {
    use super::{Column, ErrorCode, Language, RowError, RowErrors};
    use crate::model::text::{cell_place, column_letters};

    /// [`RowError`] as JSON.
    #[derive(serde::Serialize, serde::Deserialize)]
    pub(crate) struct RowErrorJson {
        row: Option<u32>,
        column: Option<Column>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cell: Option<String>,
        code: ErrorCode,
        message: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suggestion: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
    }

    impl From<RowError> for RowErrorJson {
        fn from(error: RowError) -> Self {
            let cell = match (error.row, error.column_index) {
                (Some(row), Some(index)) => Some(format!("{}{row}", column_letters(index))),
                _ => None,
            };
            RowErrorJson {
                row: error.row,
                column: error.column,
                cell,
                code: error.code,
                message: error.message,
                suggestion: error.suggestion,
                value: error.value,
            }
        }
    }

    /// Read alone, an error's `Display` speaks English; read within [`RowErrors`] or a
    /// [`Report`](crate::Report), the language they carry.
    impl From<RowErrorJson> for RowError {
        fn from(json: RowErrorJson) -> Self {
            let place = json.cell.as_deref().and_then(cell_place);
            RowError {
                row: json.row,
                column: json.column,
                code: json.code,
                message: json.message,
                suggestion: json.suggestion,
                value: json.value,
                column_index: place.map(|(index, _)| index),
                language: Language::English,
            }
        }
    }

    /// [`RowErrors`] as JSON.
    #[derive(serde::Serialize, serde::Deserialize)]
    pub(crate) struct RowErrorsJson {
        errors: Vec<RowError>,
        #[serde(default)]
        language: Language,
    }

    impl From<RowErrors> for RowErrorsJson {
        fn from(errors: RowErrors) -> Self {
            RowErrorsJson {
                language: errors.language(),
                errors: errors.errors,
            }
        }
    }

    impl TryFrom<RowErrorsJson> for RowErrors {
        type Error = &'static str;

        fn try_from(json: RowErrorsJson) -> Result<Self, Self::Error> {
            let errors = in_language(json.errors, json.language);
            RowErrors::from_vec(errors).ok_or("a list of errors is never empty")
        }
    }

    /// The errors, their `Display` in `language`.
    pub(crate) fn in_language(mut errors: Vec<RowError>, language: Language) -> Vec<RowError> {
        for error in &mut errors {
            error.language = language;
        }
        errors
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_names() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
