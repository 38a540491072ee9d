//! The errors file: the upload's rows as they were, each with its problems beside it, the
//! way Microsoft Entra's bulk results file works.

use std::fmt::Write as _;

use super::csv::ExcelCsv;
use crate::check::kept::Kept;
use crate::error::RowErrors;
use crate::message::{Language, Text};
use crate::report::Report;

/// Writes the CSV: `Row`, the file's own columns, `Errors`; whole-file problems first.
pub(crate) fn write(kept: &Kept, report: &Report, language: Language) -> Vec<u8> {
    let words = crate::message::words(language);
    let width = kept
        .rows()
        .flat_map(|row| row.cells().map(|(column, _)| column))
        .max()
        .map_or(0, |last| {
            usize::try_from(last).unwrap_or(0).saturating_add(1)
        })
        .min(crate::model::sheet::MAX_COLUMNS);
    // Room for what is written, so that the output is not copied as it grows: the
    // kept text, the messages with their column names, and each row's number and commas.
    let messages: usize = report
        .errors
        .iter()
        .map(|e| e.message.len().saturating_add(16))
        .sum();
    let rows = kept.len().saturating_mul(width.saturating_add(12));
    let room = kept
        .text_len()
        .saturating_add(messages)
        .saturating_add(rows);
    let mut writer = ExcelCsv::with_room(room);
    // One line's fields, emptied after each line and filled again: their room is kept,
    // so a row costs no allocation once the widest has been written.
    let mut line: Vec<String> = vec![String::new(); width.saturating_add(2)];
    let mut put = |line: &mut Vec<String>| {
        writer.record(line.iter());
        line.iter_mut().for_each(String::clear);
    };
    if let Some((first, rest)) = line.split_first_mut() {
        first.push_str(&Text::RowHeading.render(language));
        for (index, field) in (0u32..).zip(rest.iter_mut().take(width)) {
            field.push_str(&crate::model::text::column_letters(index));
        }
    }
    if let Some(last) = line.last_mut() {
        last.push_str(&Text::ErrorsHeading.render(language));
    }
    put(&mut line);
    // "Email: …", one after another.
    let add = |text: &mut String, error: &crate::error::RowError| {
        if !text.is_empty() {
            text.push(' ');
        }
        if let Some(column) = error.column {
            text.push_str(words.column(column));
            text.push_str(": ");
        }
        text.push_str(&error.message);
    };
    if let Some(last) = line.last_mut() {
        let file = report.errors.iter().filter(|error| error.row.is_none());
        file.for_each(|error| add(last, error));
        if !last.is_empty() {
            put(&mut line);
        }
    }
    // The errors are sorted by row, and so are the kept rows: one pass over both gives
    // each row its problems.
    let mut errors = report.errors.iter().filter(|e| e.row.is_some()).peekable();
    let mut problems = |row: u32, text: &mut String| {
        // Errors of a row that was not kept have no line to go on.
        while errors.next_if(|error| error.row < Some(row)).is_some() {}
        while let Some(error) = errors.next_if(|error| error.row == Some(row)) {
            add(text, error);
        }
    };
    for row in kept.rows() {
        if let Some(first) = line.first_mut() {
            let _ = write!(first, "{}", row.number);
        }
        for (column, text) in row.cells() {
            let slot = usize::try_from(column).ok().and_then(|c| c.checked_add(1));
            if let Some(cell) = slot
                .filter(|&slot| slot <= width)
                .and_then(|slot| line.get_mut(slot))
            {
                cell.push_str(text);
            }
        }
        if let Some(last) = line.last_mut() {
            problems(row.number, last);
        }
        put(&mut line);
    }
    writer.into_bytes()
}

impl RowErrors {
    /// The errors as a CSV table a person can open in a spreadsheet: `Row`, `Cell`,
    /// `Column`, `Code`, `Problem`, one line each, UTF-8 with a byte order mark. For the
    /// file's own rows beside their errors, see
    /// [`Options::errors_csv`](crate::Options::errors_csv).
    ///
    /// ```
    /// let errors = bulk_users::parse(b"User name*,Email*\n,ada@example.com\n", bulk_users::Format::Csv)
    ///     .unwrap_err();
    /// assert_eq!(
    ///     String::from_utf8(errors.to_csv()).unwrap(),
    ///     "\u{FEFF}Row,Cell,Column,Code,Problem\r\n\
    ///      2,A2,User name,missing_value,User name is empty. Every user needs a user name.\r\n",
    /// );
    /// ```
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = ExcelCsv::new();
        writer.record(["Row", "Cell", "Column", "Code", "Problem"]);
        for error in self.iter() {
            let row = error.row.map(|row| row.to_string()).unwrap_or_default();
            let cell = match (error.column_letter(), error.row) {
                (Some(letter), Some(row)) => format!("{letter}{row}"),
                _ => String::new(),
            };
            let column = error
                .column
                .map(crate::model::column::Column::name)
                .unwrap_or_default();
            writer.record([
                row.as_str(),
                cell.as_str(),
                column,
                error.code.as_str(),
                error.message.as_str(),
            ]);
        }
        writer.into_bytes()
    }
}
