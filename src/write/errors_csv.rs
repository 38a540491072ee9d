//! The errors file: the upload's rows as they were, each with its problems beside it, the
//! way Microsoft Entra's bulk results file works.

use std::fmt::Write as _;

use crate::check::kept::Kept;
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
    let mut writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // One line's fields, emptied after each line and filled again: their room is kept,
    // so a row costs no allocation once the widest has been written.
    let mut line: Vec<String> = vec![String::new(); width.saturating_add(2)];
    let mut put = |line: &mut Vec<String>| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(line.iter());
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
    let add = |text: &mut String, error: &crate::RowError| {
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
    writer.into_inner().unwrap_or_default()
}
