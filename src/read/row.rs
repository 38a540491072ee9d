//! What every reader produces: rows of trimmed text cells, each row with the number a
//! person sees in their spreadsheet program. Nothing here knows about users.

use std::ops::ControlFlow;

use crate::model::sheet::MAX_CELLS;
use crate::model::text::trim;
use crate::read::numfmt::NumberStyle;
use crate::read::shown::number_text;

/// Why text could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undecoded {
    /// The file's code page could not be told: which letters the bytes are is unknown.
    Unsure,
    /// CESU-8 (Oracle's and Java's "UTF8"): characters beyond the Basic Multilingual
    /// Plane written as two three-byte halves, which UTF-8 forbids.
    Cesu8,
    /// Bytes that are no character in the code page the text was read in (its name).
    NotIn(&'static str),
}

/// One non-empty cell of a row; its text lives in the row's buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell {
    /// 0-based column index (A = 0).
    pub(crate) column: u32,
    start: usize,
    end: usize,
    /// What the cell's text is: a value, or why there is none.
    pub(crate) kind: CellKind,
}

/// What a cell's text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum CellKind {
    /// The value a person sees.
    #[default]
    Value,
    /// A spreadsheet error such as `#N/A`; the text is the error.
    Error,
    /// A formula whose result was never saved (the file was written by a program that
    /// does not calculate, or is marked to be recalculated when opened); the text is
    /// the formula. What the person would see is unknown, so it is never a value.
    NoResult,
    /// A cell the file marks as a number whose text is no number (a writer that put
    /// `2024-03-01 00:00:00` there): spreadsheet programs show it differently
    /// (LibreOffice the digits it starts with), so what the person sees is unknown; the
    /// text is the file's.
    NotANumber,
    /// A number that goes through a date or a time code as a date or a time no date
    /// has, which Excel shows as `#####` ([`NumberStyle::hides_in_hashes`]); the text is
    /// the number as General shows it.
    NoDate,
}

/// One row as a person sees it: its 1-based number and its non-empty cells, left to
/// right. Readers reuse one `Row`, so reading allocates nothing per row once warm; the
/// workbook readers that keep rows until the merged ranges are known keep a copy of
/// each, made at its size.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Row {
    pub(crate) number: u32,
    text: String,
    cells: Vec<Cell>,
    /// The first column past [`MAX_CELLS`] that held a value, if any.
    pub(crate) overflow: Option<u32>,
    /// Whether invisible characters were removed from a value of this row.
    pub(crate) removed_invisible: bool,
    /// Whether a merged cell's value was given to a cell of this row that it covers.
    pub(crate) spread_merged: bool,
    /// Whether the spreadsheet hides the row (hidden, or filtered out).
    pub(crate) hidden: bool,
    /// Why some of the row's text could not be decoded (it is U+FFFD there), when the
    /// reader knows better than "not in this encoding".
    pub(crate) undecoded: Option<Undecoded>,
    /// Whether the text given to [`Row::reset_to`] is all ASCII: its spans then need no
    /// Unicode cleaning.
    text_is_ascii: bool,
    /// Whether the text given to [`Row::reset_to`] has no byte that starts a C1 control
    /// or U+FFFD (`C2`, `EF`): its values need no check for them.
    text_is_plain: bool,
}

impl Row {
    /// Empties the row for reuse as row `number`, keeping its buffers.
    pub(crate) fn reset(&mut self, number: u32) {
        self.number = number;
        self.text.clear();
        self.cells.clear();
        self.overflow = None;
        self.removed_invisible = false;
        self.spread_merged = false;
        self.hidden = false;
        self.undecoded = None;
        self.text_is_ascii = false;
        self.text_is_plain = false;
    }

    /// Adds a cell as a person sees it ([`seen`]); a cell that is then empty is left out.
    pub(crate) fn push(&mut self, column: u32, raw: &str) {
        let trimmed = trim(raw);
        match self.clean(trimmed) {
            Some(cleaned) => self.push_cell(column, trim(&cleaned), CellKind::Value),
            None => self.push_cell(column, trimmed, CellKind::Value),
        }
    }

    /// [`seen`], noting on the row that invisible characters were removed.
    fn clean(&mut self, text: &str) -> Option<String> {
        let (cleaned, removed) = seen(text)?;
        self.removed_invisible |= removed;
        Some(cleaned)
    }

    /// Adds a cell holding a spreadsheet error such as `#N/A`.
    pub(crate) fn push_error(&mut self, column: u32, shown: &str) {
        self.push_cell(column, shown, CellKind::Error);
    }

    /// Adds a formula cell without a saved result; `formula` is its text as the file
    /// keeps it (empty if unknown), and the cell's text is the formula as a person types
    /// it: one `=`, then the formula (some writers keep the `=`, most do not).
    pub(crate) fn push_no_result(&mut self, column: u32, formula: &str) {
        let formula = trim(formula);
        let formula = formula.strip_prefix('=').unwrap_or(formula);
        self.push_cell(column, &format!("={formula}"), CellKind::NoResult);
    }

    /// Adds a cell the file marks as a number whose `text` is no number.
    pub(crate) fn push_not_a_number(&mut self, column: u32, text: &str) {
        self.push_cell(column, trim(text), CellKind::NotANumber);
    }

    /// Adds a number as a cell of `style` shows it, or, where Excel shows `#####`
    /// instead, as a cell that is no value ([`CellKind::NoDate`]). A number no
    /// spreadsheet holds (`NaN`, an infinity) is no number.
    pub(crate) fn push_number(
        &mut self,
        column: u32,
        number: f64,
        style: &NumberStyle,
        is_1904: bool,
    ) {
        if !number.is_finite() {
            self.push_cell(column, &number_text(number), CellKind::NotANumber);
        } else if style.hides_in_hashes(number, is_1904) {
            self.push_cell(column, &number_text(number), CellKind::NoDate);
        } else {
            self.push(column, &style.show(number, is_1904));
        }
    }

    /// Adds a cell whose text is already as a person sees it (a copy of another row's
    /// cell, as a merged range makes).
    pub(crate) fn push_seen(&mut self, column: u32, text: &str, kind: CellKind) {
        self.push_cell(column, text, kind);
    }

    fn push_cell(&mut self, column: u32, text: &str, kind: CellKind) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.keep_span(column, start, self.text.len(), kind);
    }

    /// Records that the row has a value in `column`, past what a row keeps.
    pub(crate) fn mark_overflow(&mut self, column: u32) {
        self.overflow.get_or_insert(column);
    }

    /// How many bytes of text the row holds.
    pub(crate) fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Empties the row for reuse as row `number`, its text the whole of `text`: the cells
    /// are then spans of it ([`Row::push_span`]), one copy for the row instead of one a cell.
    /// `is_ascii` and `is_plain` say what the caller knows of `text` (see the fields).
    pub(crate) fn reset_to(&mut self, number: u32, text: &str, is_ascii: bool, is_plain: bool) {
        self.reset(number);
        self.text.push_str(text);
        self.text_is_ascii = is_ascii;
        self.text_is_plain = is_plain || is_ascii;
    }

    /// Adds the cell whose raw text is bytes `start..end` of the text given to
    /// [`Row::reset_to`], trimmed. `false` when those bytes do not start and end on
    /// character boundaries (the row is then unchanged).
    pub(crate) fn push_span(&mut self, column: u32, start: usize, end: usize) -> bool {
        let Some(raw) = self.text.get(start..end) else {
            return false;
        };
        let trimmed = trim(raw);
        if trimmed.is_empty() {
            return true;
        }
        let cleaned = if self.text_is_ascii {
            None
        } else {
            seen(trimmed)
        };
        if let Some((cleaned, removed)) = cleaned {
            // The text as seen differs from the bytes: it goes after the record's text.
            self.removed_invisible |= removed;
            self.push_cell(column, trim(&cleaned), CellKind::Value);
            return true;
        }
        // `trimmed` lies within `raw`: its offset there is where it starts.
        let offset = (trimmed.as_ptr() as usize).saturating_sub(raw.as_ptr() as usize);
        let start = start.saturating_add(offset);
        self.keep_span(
            column,
            start,
            start.saturating_add(trimmed.len()),
            CellKind::Value,
        );
        true
    }

    /// Records the cell whose text is bytes `start..end` of the row's text, unless the
    /// row already holds [`MAX_CELLS`].
    fn keep_span(&mut self, column: u32, start: usize, end: usize, kind: CellKind) {
        if self.cells.len() >= MAX_CELLS {
            self.overflow.get_or_insert(column);
            return;
        }
        self.cells.push(Cell {
            column,
            start,
            end,
            kind,
        });
    }

    /// The non-empty cells, left to right.
    pub(crate) fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// The text of one of this row's cells.
    pub(crate) fn text(&self, cell: &Cell) -> &str {
        self.text.get(cell.start..cell.end).unwrap_or_default()
    }

    /// Whether every cell's text is known, without looking at it again (a CSV record
    /// checked as a whole), to hold no U+FFFD and no C1 control.
    pub(crate) fn is_known_plain(&self) -> bool {
        self.text_is_plain
    }

    /// A row with no non-empty cell is skipped by the rules and does not count as a user.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.is_empty() && self.overflow.is_none()
    }
}

/// Whatever consumes rows: it can stop the reader early (at the row limit).
pub(crate) trait RowSink {
    /// Takes one row, numbered in increasing order. `Break` stops the reader.
    fn row(&mut self, row: &Row) -> ControlFlow<()>;

    /// The most non-blank rows this sink takes before it stops the reader, if it ever
    /// does: a reader that has to keep rows before handing them over (an .xlsx, whose
    /// merged ranges come after its rows) keeps no more than that.
    fn most_rows(&self) -> Option<usize> {
        None
    }
}

/// Invisible format characters that are removed wherever they stand in a value: bidi
/// marks and embeddings, zero-width space, word joiner, soft hyphen and U+FEFF. A person
/// cannot see them, and they make "HQ" and "H\u{200B}Q" two sites. Zero-width joiner and
/// non-joiner stay: some scripts and emoji need them.
pub(crate) fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The text a person sees, when it differs from `text`: invisible format characters
/// removed ([`is_removed`]) and the rest in Unicode NFC, so that a decomposed `é` is the
/// same text as a composed one. `None` when `text` is already so (all ASCII text is);
/// the flag says whether characters were removed.
pub(crate) fn seen(text: &str) -> Option<(String, bool)> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if text.is_ascii() {
        return None;
    }
    // Below U+0300 every character is composed (NFC) and starts no combination; only the
    // soft hyphen is removed there. Most accented names never leave this range.
    // In UTF-8 that is every byte below 0xCC; the soft hyphen is `C2 AD`, so no byte
    // 0xAD rules it out (an `í`, `C3 AD`, takes the longer way).
    let below_combining = text
        .bytes()
        .fold(true, |below, b| below & (b < 0xCC) & (b != 0xAD));
    if below_combining {
        return None;
    }
    let removed = text.chars().any(is_removed);
    if !removed && is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let cleaned: String = text.chars().filter(|&c| !is_removed(c)).nfc().collect();
    Some((cleaned, removed))
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
    fn values_are_what_a_person_sees() {
        let mut row = Row::default();
        row.reset(2);
        row.push(0, "Privileged\u{200E}");
        row.push(1, "H\u{200B}Q");
        row.push(2, "\u{202A} jose\u{301}@example.com\u{202C}");
        row.push(3, "\u{1F468}\u{200D}\u{1F4BB} cafe\u{AD}");
        let texts: Vec<&str> = row.cells().iter().map(|c| row.text(c)).collect();
        assert_eq!(
            texts,
            [
                "Privileged",
                "HQ",
                "jos\u{E9}@example.com",
                "\u{1F468}\u{200D}\u{1F4BB} cafe"
            ]
        );
        assert!(row.removed_invisible);
        row.reset(3);
        row.push(0, "Jos\u{E9}");
        assert!(!row.removed_invisible);
        assert_eq!(seen("Jos\u{E9}"), None);
        assert_eq!(seen("plain ascii"), None);
    }

    #[test]
    fn spans_are_cleaned_too() {
        let mut row = Row::default();
        row.reset_to(2, "H\u{200B}Q,e\u{301}", false, false);
        assert!(row.push_span(0, 0, 5));
        assert!(row.push_span(1, 6, 9));
        let texts: Vec<&str> = row.cells().iter().map(|c| row.text(c)).collect();
        assert_eq!(texts, ["HQ", "\u{E9}"]);
    }

    #[test]
    fn empty_cells_are_left_out_and_buffers_are_reused() {
        let mut row = Row::default();
        row.reset(3);
        row.push(0, "  ");
        row.push(1, " x ");
        assert_eq!(row.cells().len(), 1);
        assert_eq!(row.text(&row.cells()[0]), "x");
        assert!(!row.is_blank());
        row.reset(4);
        assert!(row.is_blank());
        assert_eq!(row.number, 4);
    }

    #[test]
    fn spans_of_the_row_text_are_trimmed_and_must_fall_on_character_boundaries() {
        let mut row = Row::default();
        row.reset_to(7, " Ada \u{A0}|  |é", false, false);
        // " Ada \u{A0}" is bytes 0..7, "  " 8..10, "é" 11..13.
        assert!(row.push_span(0, 0, 7));
        assert!(row.push_span(1, 8, 10));
        assert!(row.push_span(2, 11, 13));
        let texts: Vec<(u32, &str)> = row
            .cells()
            .iter()
            .map(|c| (c.column, row.text(c)))
            .collect();
        assert_eq!(texts, vec![(0, "Ada"), (2, "é")]);
        assert_eq!(row.number, 7);
        // Byte 12 is inside "é": not a span of text.
        assert!(!row.push_span(3, 11, 12));
        assert_eq!(row.cells().len(), 2);
    }

    #[test]
    fn a_row_keeps_at_most_max_cells() {
        let mut row = Row::default();
        for column in 0..20_000 {
            row.push(column, "v");
        }
        assert_eq!(row.cells().len(), MAX_CELLS);
        assert_eq!(row.overflow, Some(16_384));
    }
}
