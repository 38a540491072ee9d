//! What every reader produces: rows of trimmed text cells, each row with the number a
//! person sees in their spreadsheet program. Nothing here knows about users.

use std::ops::ControlFlow;

/// One non-empty cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    /// 0-based column index (A = 0).
    pub(crate) column: u32,
    /// The value, trimmed of whitespace at both ends; never empty.
    pub(crate) text: String,
    /// The cell held a spreadsheet error such as `#N/A` (its text is the error).
    pub(crate) is_error: bool,
}

/// One row as a person sees it: its 1-based number and its non-empty cells, left to right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Row {
    pub(crate) number: u32,
    pub(crate) cells: Vec<Cell>,
}

impl Row {
    pub(crate) fn new(number: u32) -> Self {
        Row {
            number,
            cells: Vec::new(),
        }
    }

    /// Adds a cell, trimmed; a cell that is empty after trimming is left out.
    pub(crate) fn push(&mut self, column: u32, raw: &str) {
        let text = trim(raw);
        if !text.is_empty() {
            self.cells.push(Cell {
                column,
                text: text.to_owned(),
                is_error: false,
            });
        }
    }

    /// Adds a cell holding a spreadsheet error such as `#N/A`.
    pub(crate) fn push_error(&mut self, column: u32, shown: &str) {
        self.cells.push(Cell {
            column,
            text: shown.to_owned(),
            is_error: true,
        });
    }

    /// A row with no non-empty cell is skipped by the rules and does not count as a user.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.is_empty()
    }
}

/// Whatever consumes rows: it can stop the reader early (at the row limit).
pub(crate) trait RowSink {
    /// Takes one row, numbered in increasing order. `Break` stops the reader.
    fn row(&mut self, row: Row) -> ControlFlow<()>;

    /// Forgets every row so far: the reader starts over from the top (delimited text that
    /// turns out not to be UTF-8 is read again as Windows-1252).
    fn restart(&mut self);
}

/// Characters a person cannot see that spreadsheet programs and copy-paste leave at the
/// ends of values: every Unicode white space (NBSP included) plus the zero-width ones and
/// the byte order mark, which `char::is_whitespace` does not cover.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Trims invisible characters at both ends.
pub(crate) fn trim(raw: &str) -> &str {
    raw.trim_matches(is_invisible)
}

/// Spreadsheet column letters for a 0-based index: 0 → `A`, 26 → `AA`.
pub(crate) fn column_letters(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_nbsp_bom_and_zero_width() {
        assert_eq!(trim("\u{FEFF}\u{00A0} Ada \u{200B}\t"), "Ada");
        assert_eq!(trim("a\u{00A0}b"), "a\u{00A0}b");
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(column_letters(u32::MAX), "MWLQKWV");
    }

    #[test]
    fn empty_cells_are_left_out() {
        let mut row = Row::new(3);
        row.push(0, "  ");
        row.push(1, " x ");
        assert_eq!(row.cells.len(), 1);
        assert_eq!(row.cells[0].text, "x");
        assert!(!row.is_blank());
    }
}
