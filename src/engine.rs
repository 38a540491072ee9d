//! The one pipeline every entry point runs: the whole-file refusals, then the reader
//! for the format, into a sink (the validator, or the validator and a copy of the
//! rows). `impl Options` here is the crate's API for running them; `options.rs` holds
//! only the settings.

use crate::check::kept::{Kept, Tee};
use crate::check::table::TableSink;
use crate::check::Validator;
use crate::error::{RowError, RowErrors};
use crate::message::Text;
use crate::model::codes::ErrorCode;
use crate::model::format::{Format, Markup};
use crate::model::table::Table;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::read::csv::{CsvProblem, TextInfo};
use crate::read::row::RowSink;
use crate::read::sheet::WorkbookProblem;
use crate::report::Report;

impl Options {
    /// Parses an upload all-or-nothing: every user, or every error in the file.
    ///
    /// # Errors
    ///
    /// [`RowErrors`] with every problem found, ordered by row then column.
    pub fn parse(&self, bytes: &[u8], format: Format) -> Result<Vec<NewUser>, RowErrors> {
        parse(self, bytes, format)
    }

    /// Checks an upload in one pass and returns every valid user with its row and every
    /// error: for services that import the valid rows and return the rest. For a CSV,
    /// the report also says which encoding and delimiter were used.
    pub fn check(&self, bytes: &[u8], format: Format) -> Report {
        check(self, bytes, format)
    }

    /// The distinct addresses of an upload that the customer's directory should be
    /// asked about: exactly those [`Options::existing_email_check`] would be asked, in
    /// the same form (domain mapped, lower case), in file order. For a directory that
    /// is asked asynchronously: look them up, then check the upload with the ones that
    /// have an account given to [`Options::existing_emails`].
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let upload = "User name*,Email*\nAda,Ada@Example.com\nBob,bob@example.com\nBob,BOB@example.com\n";
    /// let options = Options::new();
    /// let ask = options.emails_to_look_up(upload.as_bytes(), Format::Csv);
    /// assert_eq!(ask, ["ada@example.com", "bob@example.com"]);
    /// let found = ["ada@example.com"]; // what the directory answered
    /// let report = options.existing_emails(found).check(upload.as_bytes(), Format::Csv);
    /// assert_eq!(report.errors[0].code.as_str(), "email_exists");
    /// assert_eq!(report.errors[0].row, Some(2));
    /// ```
    pub fn emails_to_look_up(&self, bytes: &[u8], format: Format) -> Vec<String> {
        let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = std::sync::Arc::clone(&asked);
        let recording = self.clone().existing_email_check(move |key| {
            if let Ok(mut asked) = record.lock() {
                asked.push(key.to_owned());
            }
            false
        });
        // The check runs on this thread and the closure goes with `recording`.
        let _ = check(&recording, bytes, format);
        drop(recording);
        let mut asked = asked
            .lock()
            .map(|mut a| std::mem::take(&mut *a))
            .unwrap_or_default();
        asked.shrink_to_fit();
        asked
    }

    /// The `file_too_large` refusal for an upload the service stopped reading past
    /// [`Options::bytes_limit`], in [`Options::language`], as [`Options::parse`] would
    /// give it: `size` is the upload's size where the service knows it (a
    /// `Content-Length`), `None` where it only knows the upload is larger than the limit.
    /// For the answer a service sends (413) without reading the whole body.
    ///
    /// ```
    /// use bulk_users::{Language, Options};
    /// let options = Options::new().max_bytes(1_000_000).language(Language::French);
    /// let errors = options.file_too_large(None);
    /// assert_eq!(errors[0].code.as_str(), "file_too_large");
    /// assert_eq!(errors[0].row, None);
    /// assert_eq!(
    ///     errors[0].message,
    ///     "Le fichier dépasse 1000000 octets (976 Kio), le maximum accepté. Répartissez \
    ///      les utilisateurs dans des fichiers plus petits."
    /// );
    /// ```
    pub fn file_too_large(&self, size: Option<usize>) -> RowErrors {
        let text = Text::FileTooLarge {
            size,
            max: self.bytes_limit(),
        };
        let language = self.sentence_language();
        RowErrors::one(RowError::file(ErrorCode::FileTooLarge, text, language))
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
        crate::write::errors_csv::write(&kept, &report, self.sentence_language())
    }

    /// The upload as a [`Table`] of the template's four columns, for a person to correct
    /// in a grid: every row under the header that holds a value, at its row number, with
    /// the values the check read (another system's headers mapped, first and last names
    /// joined). `report` is what [`Options::check`] gave for these `bytes`, as for
    /// [`Options::errors_xlsx_from`]. [`Table::to_csv`] writes the grid back for checking
    /// again.
    ///
    /// Left out, as the report says why: columns the template does not have, a repeated
    /// column, values under no header, and another system's example row. A value the file
    /// could not give (a formula without a saved result) is the formula's text, which a
    /// check refuses.
    ///
    /// `None` when the file has no table to correct: it was refused or could not be
    /// read, it has no header naming the required columns, or it holds more than twice
    /// [`Options::max_rows`] rows (then splitting the file is the fix).
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    ///
    /// let upload = "Email,User name,Phone\nada@example.com,Ada,1\n\nbob(at)example.com,Bob,2\n";
    /// let options = Options::new().unknown_columns(bulk_users::UnknownColumns::Ignore);
    /// let report = options.check(upload.as_bytes(), Format::Csv);
    /// let table = options.table(&report, upload.as_bytes(), Format::Csv).unwrap();
    /// assert_eq!(table.header_row, 1);
    /// // User name, Email, User type, Site: where the file has them, the rest after it.
    /// assert_eq!(table.columns, [1, 0, 3, 4]);
    /// assert_eq!(
    ///     table.rows.iter().map(|r| (r.row, r.name.as_str())).collect::<Vec<_>>(),
    ///     [(2, "Ada"), (4, "Bob")],
    /// );
    /// ```
    pub fn table(&self, report: &Report, bytes: &[u8], format: Format) -> Option<Table> {
        let header_row = report.header_row?;
        let no_header = report
            .errors
            .iter()
            .any(|e| e.code == ErrorCode::MissingColumn || e.row.is_none() && refused(e.code));
        if no_header || refusal(self, bytes, format).is_some() {
            return None;
        }
        let examples = report
            .errors
            .iter()
            .filter(|e| e.code == ErrorCode::ExampleRow);
        let mut sink = TableSink::new(self, header_row, examples.filter_map(|e| e.row).collect());
        read(self, bytes, format, &mut sink).ok()?;
        sink.finish()
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
    ///
    /// Every workbook stays within Excel's limits: a value longer than a cell holds
    /// (32,767 characters) is cut with `…` and its note says how long it was. The
    /// writer holds the sheet in memory (about 650 bytes a row and 200 a cell), so the
    /// Users sheet shows the upload's rows while they fit 128 MiB, about 95,000 users of
    /// four columns; past that, `Problems` says up to which row it shows and to split
    /// the file.
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

    /// [`Options::errors_xlsx`] for an upload already checked: `report` is what
    /// [`Options::check`] gave for these `bytes` with these options. The verdict is the
    /// report's, so the upload is not checked twice (and a directory behind
    /// [`Options::existing_email_check`] is not asked twice); the rows are read again
    /// for their values. A report of other bytes or other options gives a workbook that
    /// marks the wrong cells.
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let upload = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
    /// let options = Options::new();
    /// let report = options.check(upload.as_bytes(), Format::Csv);
    /// if !report.is_valid() {
    ///     let workbook = options.errors_xlsx_from(&report, upload.as_bytes(), Format::Csv)?;
    ///     assert_eq!(workbook, options.errors_xlsx(upload.as_bytes(), Format::Csv)?);
    /// }
    /// # Ok::<(), bulk_users::TemplateError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`TemplateError`](crate::TemplateError) if the workbook writer fails.
    pub fn errors_xlsx_from(
        &self,
        report: &Report,
        bytes: &[u8],
        format: Format,
    ) -> Result<Vec<u8>, crate::TemplateError> {
        let kept = kept_for(self, report, bytes, format);
        crate::write::errors_workbook::write(self, &kept, report)
    }
}

/// [`Options::parse`]: every user, or every error.
pub(crate) fn parse(
    options: &Options,
    bytes: &[u8],
    format: Format,
) -> Result<Vec<NewUser>, RowErrors> {
    if let Some(refused) = refusal(options, bytes, format) {
        return Err(RowErrors::one(refused));
    }
    let mut validator = Validator::new(options, bytes.len());
    match read(options, bytes, format, &mut validator) {
        Ok(_) => validator.finish_all_or_nothing(),
        Err(unreadable) => Err(RowErrors::one(unreadable)),
    }
}

/// [`Options::check`]: every valid user and every error, and how a CSV's text was read.
pub(crate) fn check(options: &Options, bytes: &[u8], format: Format) -> Report {
    if let Some(refused) = refusal(options, bytes, format) {
        return Report::file_error(refused);
    }
    let mut validator = Validator::new(options, bytes.len());
    match read(options, bytes, format, &mut validator) {
        Ok(Some(text)) => validator.finish().with_text(
            text.encoding.name(),
            (text.guessed, text.unmarked_utf16, text.nul_padding),
            text.delimiter,
            options.sentence_language(),
        ),
        Ok(None) => validator.finish(),
        Err(unreadable) => Report::file_error(unreadable),
    }
}

/// Every row of the file as read (`to_the_end`: past the row limit too) and its report,
/// for the errors files; a file refused or unreadable keeps no row. The verdict is the
/// one [`check`] gives: once the validator has it (the row limit), a budget or a damage
/// met further on only cuts the rows kept short.
fn kept_and_report(
    options: &Options,
    bytes: &[u8],
    format: Format,
    to_the_end: bool,
) -> (Kept, Report) {
    if let Some(refused) = refusal(options, bytes, format) {
        return (Kept::default(), Report::file_error(refused));
    }
    let mut validator = Validator::new(options, bytes.len());
    let mut tee = Tee::new(Some(&mut validator), to_the_end);
    let result = read(options, bytes, format, &mut tee);
    let kept = std::mem::take(&mut tee.kept);
    match result {
        Ok(_) => (kept, validator.finish()),
        Err(_) if to_the_end => {
            // Reading on past the rows the check needs met the budget or a damaged
            // part: the verdict is the check's, with the rows it read.
            let (mut kept, report) = kept_and_report(options, bytes, format, false);
            kept.cut_short();
            (kept, report)
        }
        Err(unreadable) => (Kept::default(), Report::file_error(unreadable)),
    }
}

/// The rows of a file already checked, for its errors workbook: read to the end (or,
/// where the budget stops that, as far as the check read), not checked again.
#[cfg(feature = "template")]
fn kept_for(options: &Options, report: &Report, bytes: &[u8], format: Format) -> Kept {
    let refused = report
        .errors
        .iter()
        .any(|e| e.row.is_none() && refused(e.code));
    if refused || refusal(options, bytes, format).is_some() {
        return Kept::default();
    }
    let mut tee = Tee::rows_only(None);
    if read(options, bytes, format, &mut tee).is_ok() {
        return tee.kept;
    }
    let mut tee = Tee::rows_only(Some(crate::check::rows_read(options)));
    let result = read(options, bytes, format, &mut tee);
    let mut kept = std::mem::take(&mut tee.kept);
    if result.is_err() {
        return Kept::default();
    }
    // The check stops at the first row past the limit.
    let limit_row = report
        .errors
        .iter()
        .find(|e| e.code == ErrorCode::TooManyRows);
    if let Some(last) = limit_row.and_then(|e| e.row) {
        kept.keep_up_to(last);
    }
    kept.cut_short();
    kept
}

/// Whether a whole-file problem of this code means the file was not read at all.
fn refused(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::FileTooLarge
            | ErrorCode::EmptyFile
            | ErrorCode::UnreadableFile
            | ErrorCode::FormatNotAccepted
    )
}

/// The whole-file refusals, checked before any parsing: size, emptiness, format.
pub(crate) fn refusal(options: &Options, bytes: &[u8], format: Format) -> Option<RowError> {
    let language = options.sentence_language();
    let max = options.bytes_limit();
    if bytes.len() > max {
        let text = Text::FileTooLarge {
            size: Some(bytes.len()),
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
        return Some(RowError::file(ErrorCode::FormatNotAccepted, text, language));
    }
    None
}

/// Runs the reader for `format` into `sink`; a file that cannot be read gives the
/// `unreadable_file` error that says why. For a CSV, how its text was read.
pub(crate) fn read(
    options: &Options,
    bytes: &[u8],
    format: Format,
    sink: &mut dyn RowSink,
) -> Result<Option<TextInfo>, RowError> {
    let language = options.sentence_language();
    let unreadable = |text: Text| RowError::file(ErrorCode::UnreadableFile, text, language);
    // A web page or an XML Spreadsheet 2003 under any name: say what it is.
    if let Some(markup) = Markup::of(bytes) {
        return Err(unreadable(Text::Markup {
            expected: format,
            markup,
        }));
    }
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
            crate::read::csv::read(bytes, options.named_encoding(), sink)
                .map(Some)
                .map_err(|problem| {
                    unreadable(match problem {
                        CsvProblem::NotText => Text::BinaryData,
                        CsvProblem::Utf32 => Text::Utf32,
                    })
                })
        }
        _ => {
            let max_inflated = options.max_inflated_value();
            crate::read::read(bytes, format, max_inflated, sink)
                .map(|()| None)
                .map_err(|problem| match problem {
                    WorkbookProblem::TooExpanded => unreadable(Text::TooExpanded {
                        limit: usize::try_from(max_inflated).unwrap_or(usize::MAX),
                    }),
                    WorkbookProblem::Encrypted => unreadable(Text::Encrypted),
                    WorkbookProblem::NoSheet => unreadable(Text::NoSheet),
                    WorkbookProblem::Damaged => unreadable(mismatch(format)),
                    #[cfg(not(feature = "xls"))]
                    WorkbookProblem::NotBuiltIn => RowError::file(
                        ErrorCode::FormatNotAccepted,
                        Text::NotBuiltIn { format },
                        language,
                    ),
                })
        }
    }
}
