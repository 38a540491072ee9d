//! The errors file: the upload's rows as they were, each with its problems beside it, the
//! way Microsoft Entra's bulk results file works.

use std::ops::ControlFlow;

use crate::cells::{Row, RowSink};
use crate::message::{Language, Text};
use crate::report::Report;
use crate::rows::Validator;

/// The rows of a file as read, for writing back with their errors: each row's number
/// and its non-empty cells (0-based column, text).
#[derive(Default)]
pub(crate) struct Kept {
    pub(crate) rows: Vec<(u32, Vec<(u32, String)>)>,
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
        if !row.is_blank() {
            let cells = row
                .cells()
                .iter()
                .map(|cell| (cell.column, row.text(cell).to_owned()))
                .collect();
            self.kept.rows.push((row.number, cells));
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
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|&(column, _)| column))
        .max()
        .map_or(0, |last| {
            usize::try_from(last).unwrap_or(0).saturating_add(1)
        })
        .min(crate::cells::MAX_COLUMNS);
    let mut writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut line: Vec<String> = Vec::with_capacity(width + 2);
    let mut put = |line: &mut Vec<String>| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(line.iter());
        line.clear();
    };
    line.push(Text::RowHeading.render(language));
    line.extend((0..width).map(|c| crate::cells::column_letters(u32::try_from(c).unwrap_or(0))));
    line.push(Text::ErrorsHeading.render(language));
    put(&mut line);
    // Every row's problems joined once: the errors are sorted by row, so one pass
    // groups them (looking them up row by row would be quadratic).
    let mut by_row: std::collections::HashMap<Option<u32>, String> =
        std::collections::HashMap::new();
    for error in &report.errors {
        let text = by_row.entry(error.row).or_default();
        if !text.is_empty() {
            text.push(' ');
        }
        match error.column {
            Some(column) => {
                text.push_str(words.column(column));
                text.push_str(": ");
                text.push_str(&error.message);
            }
            None => text.push_str(&error.message),
        }
    }
    let problems = |row: Option<u32>| by_row.get(&row).cloned().unwrap_or_default();
    let file_problems = problems(None);
    if !file_problems.is_empty() {
        line.push(String::new());
        line.extend(std::iter::repeat_n(String::new(), width));
        line.push(file_problems);
        put(&mut line);
    }
    for (number, cells) in &kept.rows {
        line.push(number.to_string());
        line.extend(std::iter::repeat_n(String::new(), width));
        for (column, text) in cells {
            let slot = usize::try_from(*column).ok().and_then(|c| c.checked_add(1));
            if let Some(cell) = slot.and_then(|slot| line.get_mut(slot)) {
                cell.clone_from(text);
            }
        }
        line.push(problems(Some(*number)));
        put(&mut line);
    }
    writer.into_inner().unwrap_or_default()
}
