//! The rows of a file as read, kept beside the check for the errors files: the one
//! reading pass hands each row to the validator and keeps a copy.

use std::ops::ControlFlow;

use super::Validator;
use crate::model::sheet::SHEET_ROWS;
use crate::read::row::{Row, RowSink};

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
    /// Reading stopped before the end of the file: the decompression budget or a
    /// damaged part stopped it after the check had its verdict (the row limit), so rows
    /// after the last kept one are not here.
    pub(crate) stopped_early: bool,
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

    /// Says that reading stopped before the end of the file, if any row is kept.
    pub(crate) fn cut_short(&mut self) {
        self.stopped_early = !self.rows.is_empty();
    }

    /// Lets go of the rows after row `last`.
    #[cfg(feature = "template")]
    pub(crate) fn keep_up_to(&mut self, last: u32) {
        let rows = self.rows.partition_point(|&(number, _)| number <= last);
        self.rows.truncate(rows);
        let cells = self.rows.last().map_or(0, |&(_, end)| end);
        let text = match cells.checked_sub(1) {
            Some(before) => self.cells.get(before).map_or(0, |&(_, end)| end),
            None => 0,
        };
        self.cells.truncate(cells);
        if self.text.is_char_boundary(text) {
            self.text.truncate(text);
        }
    }

    /// How many bytes of text the kept cells hold.
    pub(crate) fn text_len(&self) -> usize {
        self.text.len()
    }

    /// How many rows are kept.
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
/// limit and the decompression budget still bound it. Without a validator it only keeps
/// the rows, to the end: for a file whose report is already made.
pub(crate) struct Tee<'v, 'o> {
    validator: Option<&'v mut Validator<'o>>,
    pub(crate) kept: Kept,
    to_the_end: bool,
    /// Without a validator: the most rows to read, as the validator would.
    most: Option<usize>,
    /// The validator has its verdict: it has every row it needs, or there is none.
    pub(crate) validator_done: bool,
}

impl<'v, 'o> Tee<'v, 'o> {
    pub(crate) fn new(validator: Option<&'v mut Validator<'o>>, to_the_end: bool) -> Self {
        Tee {
            validator_done: validator.is_none(),
            to_the_end: to_the_end || validator.is_none(),
            validator,
            kept: Kept::default(),
            most: None,
        }
    }

    /// Keeps the rows only, of a file already checked: all of them, or with `most`, the
    /// rows the check read (`most_rows` of a validator of these options).
    #[cfg(feature = "template")]
    pub(crate) fn rows_only(most: Option<usize>) -> Self {
        let mut tee = Tee::new(None, most.is_none());
        tee.most = most;
        tee
    }
}

impl RowSink for Tee<'_, '_> {
    fn row(&mut self, row: &Row) -> ControlFlow<()> {
        let mut flow = ControlFlow::Continue(());
        if let Some(validator) = self
            .validator
            .as_deref_mut()
            .filter(|_| !self.validator_done)
        {
            flow = validator.row(row);
            self.validator_done = flow.is_break();
        }
        if self.to_the_end {
            flow = ControlFlow::Continue(());
        }
        // A sheet ends at row 1,048,576: the errors workbook cannot show a row past it,
        // so reading to the end stops there, once the validator has what it needs.
        if self.to_the_end && row.number > SHEET_ROWS {
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
        match &self.validator {
            Some(validator) if !self.to_the_end => validator.most_rows(),
            Some(_) => None,
            None => self.most,
        }
    }
}
