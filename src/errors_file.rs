//! The errors file: the upload's rows as they were, each with its problems beside it, the
//! way Microsoft Entra's bulk results file works.

use std::fmt::Write as _;
use std::ops::ControlFlow;

use crate::cells::{Row, RowSink};
use crate::message::{Language, Text};
use crate::report::Report;
use crate::rows::Validator;

/// The rows of a file as read, for writing back with their errors: each row's number
/// and its non-empty cells (0-based column, text). Kept compact, as a file of a million
/// one-letter rows has a million rows: the texts end to end in one buffer, and per cell
/// and per row only where it ends.
#[derive(Default)]
pub(crate) struct Kept {
    text: String,
    /// Each kept cell: its column, and where its text ends in `text`.
    cells: Vec<(u32, usize)>,
    /// Each kept row: its number, and where its cells end in `cells`.
    rows: Vec<(u32, usize)>,
}

/// One kept row.
#[derive(Clone, Copy)]
pub(crate) struct KeptRow<'k> {
    pub(crate) number: u32,
    kept: &'k Kept,
    /// Its cells' place in `kept.cells`, and where the first one's text starts.
    first_cell: usize,
    end_cell: usize,
    text_start: usize,
}

impl<'k> KeptRow<'k> {
    /// The row's cells: 0-based column and text.
    pub(crate) fn cells(self) -> impl Iterator<Item = (u32, &'k str)> {
        let cells = self.kept.cells.get(self.first_cell..self.end_cell);
        cells
            .unwrap_or_default()
            .iter()
            .scan(self.text_start, |start, &(column, end)| {
                let text = self.kept.text.get(*start..end).unwrap_or_default();
                *start = end;
                Some((column, text))
            })
    }
}

impl Kept {
    fn push(&mut self, row: &Row) {
        for cell in row.cells() {
            self.text.push_str(row.text(cell));
            self.cells.push((cell.column, self.text.len()));
        }
        self.rows.push((row.number, self.cells.len()));
    }

    /// How many rows are kept.
    #[cfg(feature = "template")]
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    #[cfg(feature = "template")]
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `index`th kept row.
    pub(crate) fn get(&self, index: usize) -> Option<KeptRow<'_>> {
        let &(number, end_cell) = self.rows.get(index)?;
        let first_cell = match index.checked_sub(1) {
            Some(before) => self.rows.get(before).map_or(0, |&(_, end)| end),
            None => 0,
        };
        let text_start = match first_cell.checked_sub(1) {
            Some(before) => self.cells.get(before).map_or(0, |&(_, end)| end),
            None => 0,
        };
        Some(KeptRow {
            number,
            kept: self,
            first_cell,
            end_cell,
            text_start,
        })
    }

    /// The rows, in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = KeptRow<'_>> {
        (0..self.rows.len()).filter_map(|index| self.get(index))
    }

    /// The kept row numbered `number`, if any (rows are kept in order).
    #[cfg(feature = "template")]
    pub(crate) fn row(&self, number: u32) -> Option<KeptRow<'_>> {
        let index = self.rows.binary_search_by_key(&number, |&(n, _)| n).ok()?;
        self.get(index)
    }
}

/// Hands each row to the validator and keeps a copy of it, in one pass. With
/// `to_the_end`, reading goes on after the validator stops at the row limit, so that
/// every row of the file is kept (the errors workbook loses nothing typed); the byte
/// limit and the decompression budget still bound it.
pub(crate) struct Tee<'v, 'o> {
    pub(crate) validator: &'v mut Validator<'o>,
    pub(crate) kept: Kept,
    pub(crate) to_the_end: bool,
    pub(crate) validator_done: bool,
}

impl<'v, 'o> Tee<'v, 'o> {
    pub(crate) fn new(validator: &'v mut Validator<'o>, to_the_end: bool) -> Self {
        Tee {
            validator,
            kept: Kept::default(),
            to_the_end,
            validator_done: false,
        }
    }
}

impl RowSink for Tee<'_, '_> {
    fn row(&mut self, row: &Row) -> ControlFlow<()> {
        let mut flow = ControlFlow::Continue(());
        if !self.validator_done {
            flow = self.validator.row(row);
            self.validator_done = flow.is_break();
        }
        if self.to_the_end {
            flow = ControlFlow::Continue(());
        }
        // A sheet ends at row 1,048,576: the errors workbook cannot show a row past it,
        // so reading to the end stops there, once the validator has what it needs.
        if self.to_the_end && row.number > crate::sheet::SHEET_ROWS {
            return if self.validator_done {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            };
        }
        if !row.is_blank() {
            self.kept.push(row);
        }
        flow
    }

    fn most_rows(&self) -> Option<usize> {
        if self.to_the_end {
            None
        } else {
            self.validator.most_rows()
        }
    }
}

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
        .min(crate::cells::MAX_COLUMNS);
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
            field.push_str(&crate::cells::column_letters(index));
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
