//! The one pipeline every entry point runs: the whole-file refusals, then the reader
//! for the format, into a sink (the validator, or the validator and a copy of the
//! rows). `impl Options` here is the crate's API for running them; `options.rs` holds
//! only the settings.

use crate::check::{Scratch, Validator, MAX_RESERVED_ROWS, MIN_ROW_BYTES};
use crate::error::{RowError, RowErrors};
use crate::message::Text;
use crate::model::codes::ErrorCode;
use crate::model::format::Format;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::read::csv::{Parsers, TextInfo};
use crate::read::row::RowSink;
use crate::read::WorkbookProblem;
use crate::report::Report;

impl Options {
    /// Parses an upload all-or-nothing: every user, or every error in the file.
    ///
    /// # Errors
    ///
    /// [`RowErrors`] with every problem found, ordered by row then column.
    /// For many files with the same options, a [`Checker`](crate::Checker) keeps its
    /// buffers from one file to the next.
    pub fn parse(&self, bytes: &[u8], format: Format) -> Result<Vec<NewUser>, RowErrors> {
        parse(self, None, bytes, format)
    }

    /// Checks an upload in one pass and returns every valid user with its row and every
    /// error: for services that import the valid rows and return the rest. For a CSV,
    /// the report also says which encoding and delimiter were used.
    pub fn check(&self, bytes: &[u8], format: Format) -> Report {
        check(self, &mut Reuse::default(), bytes, format)
    }

    /// The errors file: a CSV of every row read, as it was, with a `Row` column first and
    /// an `Errors` column last saying what is wrong with that row (empty when nothing
    /// is), whole-file problems on a line of their own first. For the person who has to
    /// fix the file, the way Microsoft Entra's bulk results file works. UTF-8 with a byte
    /// order mark, so Excel opens it with accents intact.
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    ///
    /// let upload = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
    /// let file = Options::new().errors_csv(upload.as_bytes(), Format::Csv);
    /// let text = String::from_utf8(file).unwrap();
    /// assert_eq!(
    ///     text,
    ///     "\u{FEFF}Row,A,B,Errors\r\n\
    ///      1,User name*,Email*,\r\n\
    ///      2,Ada,ada@example.com,\r\n\
    ///      3,Bob,bob(at)example.com,\"Email: \"\"bob(at)example.com\"\" is not an email address. \
    ///      Use the form name@example.com.\"\r\n",
    /// );
    /// ```
    pub fn errors_csv(&self, bytes: &[u8], format: Format) -> Vec<u8> {
        let (kept, report) = kept_and_report(self, bytes, format, false);
        crate::write::errors_csv::write(&kept, &report, self.language_value())
    }
}

#[cfg(feature = "template")]
impl Options {
    /// The upload back as an .xlsx workbook for the person to fix and upload again: a
    /// `Users` sheet with the upload's header and every row where it was (row numbers
    /// as the report gives them, blank rows kept), every value as the crate read it;
    /// each cell with a problem filled in a warning colour with a note saying what is
    /// wrong and how to fix it; an `Errors` column with each row's problems (ignored
    /// when the file is uploaded again); the template's notes, User type dropdown and
    /// text formats on the columns. Header and whole-file problems are on a `Problems`
    /// sheet, which the workbook opens on when it has any. Over the row limit the
    /// workbook still holds every row of the file, and `Problems` says to split it. An
    /// upload that cannot be read gives `Problems` saying why and the empty template.
    /// A valid upload gives the same workbook with nothing marked. All sentences are in
    /// [`Options::language`].
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let upload = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
    /// let workbook = Options::new().errors_xlsx(upload.as_bytes(), Format::Csv)?;
    /// assert!(workbook.starts_with(b"PK"));
    /// // Fix the marked cell and upload the workbook again: the Errors column is ignored.
    /// # Ok::<(), bulk_users::TemplateError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`TemplateError`](crate::TemplateError) if the workbook writer fails.
    pub fn errors_xlsx(
        &self,
        bytes: &[u8],
        format: Format,
    ) -> Result<Vec<u8>, crate::TemplateError> {
        let (kept, report) = kept_and_report(self, bytes, format, true);
        crate::write::errors_workbook::write(self, &kept, &report)
    }
}

/// What one file's check leaves behind for the next: emptied buffers, built parsers.
#[derive(Default)]
pub(crate) struct Reuse {
    scratch: Scratch,
    parsers: Parsers,
}

/// [`Options::parse`], with buffers from `reuse`, given back to it; without, with new
/// ones, and the list the users were gathered in is the answer.
pub(crate) fn parse(
    options: &Options,
    reuse: Option<&mut Reuse>,
    bytes: &[u8],
    format: Format,
) -> Result<Vec<NewUser>, RowErrors> {
    if let Some(refused) = refusal(options, bytes, format) {
        return Err(RowErrors::one(refused));
    }
    let mut fresh = Parsers::default();
    let (scratch, parsers, keep) = match reuse {
        Some(reuse) => (
            std::mem::take(&mut reuse.scratch),
            &mut reuse.parsers,
            Some(&mut reuse.scratch),
        ),
        None => (Scratch::default(), &mut fresh, None),
    };
    let mut validator = Validator::new(options, room(options, bytes, format), scratch);
    match read(options, parsers, bytes, format, &mut validator) {
        Ok(_) => validator.finish_all_or_nothing(keep),
        Err(unreadable) => Err(RowErrors::one(unreadable)),
    }
}

/// [`Options::check`], with buffers from `reuse`, given back to it.
pub(crate) fn check(options: &Options, reuse: &mut Reuse, bytes: &[u8], format: Format) -> Report {
    if let Some(refused) = refusal(options, bytes, format) {
        return Report::file_error(refused);
    }
    let scratch = std::mem::take(&mut reuse.scratch);
    let mut validator = Validator::new(options, room(options, bytes, format), scratch);
    match read(options, &mut reuse.parsers, bytes, format, &mut validator) {
        Ok(Some(text)) => validator
            .finish(&mut reuse.scratch)
            .with_text(text, options.language_value()),
        Ok(None) => validator.finish(&mut reuse.scratch),
        Err(unreadable) => Report::file_error(unreadable),
    }
}

/// How many rows to make room for in the user list and the email index: never more
/// than the row limit and than the file's size allows ([`MIN_ROW_BYTES`] a row), nor
/// than [`MAX_RESERVED_ROWS`], unless the file is delimited text and a service raised
/// the limit past that: then its line breaks are counted (real bytes, not a claim;
/// the count stops at the limit), so that a list of 100,000 users is not grown, copied
/// and rehashed seven times on the way.
fn room(options: &Options, bytes: &[u8], format: Format) -> usize {
    let limit = usize::try_from(options.max_rows_value()).unwrap_or(usize::MAX);
    // The header and one row past the limit are rows too.
    let most = limit
        .saturating_add(2)
        .min(bytes.len() / MIN_ROW_BYTES)
        .max(1);
    if most <= MAX_RESERVED_ROWS || format != Format::Csv {
        return most.min(MAX_RESERVED_ROWS);
    }
    crate::read::csv::line_breaks(bytes, most)
}

/// Every row of the file as read (`to_the_end`: past the row limit too) and its report,
/// for the errors files; a file refused or unreadable keeps no row.
fn kept_and_report(
    options: &Options,
    bytes: &[u8],
    format: Format,
    to_the_end: bool,
) -> (crate::check::kept::Kept, Report) {
    let nothing = crate::check::kept::Kept::default;
    if let Some(refused) = refusal(options, bytes, format) {
        return (nothing(), Report::file_error(refused));
    }
    let mut reuse = Reuse::default();
    let rows = room(options, bytes, format);
    let mut validator = Validator::new(options, rows, Scratch::default());
    let mut tee = crate::check::kept::Tee::new(&mut validator, to_the_end);
    match read(options, &mut reuse.parsers, bytes, format, &mut tee) {
        Ok(_) => {
            let kept = std::mem::take(&mut tee.kept);
            (kept, validator.finish(&mut reuse.scratch))
        }
        Err(unreadable) => (nothing(), Report::file_error(unreadable)),
    }
}

/// The whole-file refusals, checked before any parsing: size, emptiness, format.
pub(crate) fn refusal(options: &Options, bytes: &[u8], format: Format) -> Option<RowError> {
    let language = options.language_value();
    let max = options.max_bytes_value();
    if bytes.len() > max {
        let text = Text::FileTooLarge {
            size: bytes.len(),
            max,
        };
        return Some(RowError::file(ErrorCode::FileTooLarge, text, language));
    }
    if bytes.is_empty() {
        return Some(RowError::file(
            ErrorCode::EmptyFile,
            Text::EmptyFile,
            language,
        ));
    }
    if !options.accepts(format) {
        let text = Text::FormatNotAccepted {
            format,
            accepted: options.formats_list(),
        };
        return Some(RowError::file(ErrorCode::UnreadableFile, text, language));
    }
    None
}

/// Runs the reader for `format` into `sink`; a file that cannot be read gives the
/// `unreadable_file` error that says why. For a CSV, how its text was read.
pub(crate) fn read(
    options: &Options,
    parsers: &mut Parsers,
    bytes: &[u8],
    format: Format,
    sink: &mut dyn RowSink,
) -> Result<Option<TextInfo>, RowError> {
    let language = options.language_value();
    let unreadable = |text: Text| RowError::file(ErrorCode::UnreadableFile, text, language);
    let looks_like = Format::detect(bytes);
    let mismatch = |expected: Format| match looks_like {
        Some(actual) if actual != expected => Text::WrongFormat { expected, actual },
        _ => Text::Unreadable { expected },
    };
    match format {
        Format::Csv => {
            if looks_like.is_some_and(|actual| actual != Format::Csv) {
                return Err(unreadable(mismatch(Format::Csv)));
            }
            crate::read::csv::read(bytes, options.named_encoding(), parsers, sink)
                .map(Some)
                .map_err(|_| unreadable(Text::BinaryData))
        }
        _ => {
            let max_inflated = options.max_inflated_value();
            crate::read::read(bytes, format, max_inflated, sink)
                .map(|()| None)
                .map_err(|problem| {
                    unreadable(match problem {
                        WorkbookProblem::TooExpanded => Text::TooExpanded {
                            limit: usize::try_from(max_inflated).unwrap_or(usize::MAX),
                        },
                        WorkbookProblem::Encrypted => Text::Encrypted,
                        WorkbookProblem::NoSheet => Text::NoSheet,
                        WorkbookProblem::Damaged => mismatch(format),
                        #[cfg(not(feature = "xls"))]
                        WorkbookProblem::NotBuiltIn => Text::NotBuiltIn { format },
                    })
                })
        }
    }
}
