//! The few BIFF records of an .xls that calamine reads but does not hand over, walked
//! in the workbook stream before calamine reads the sheet: each number cell's format
//! (calamine tells a date from a number, not `0%` from `#,##0`), and how far the
//! sheet's cells reach (calamine makes room for every cell the sheet claims, and a
//! 42 KB file can claim 16 million).
//!
//! Written by hand because no crate exposes these records; it reads record headers and
//! a handful of fixed fields, every read checked. Both versions calamine reads are
//! walked: BIFF8 (Excel 97 and later) and BIFF5 (Excel 5.0 and 95), whose strings are
//! bytes in the workbook's code page instead of UTF-16 or Latin-1 with a flag.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use encoding_rs::Encoding;

use super::bytes::{u16_at, u32_at};
use super::{kept, unchecked, work};
use crate::read::numfmt::{builtin_style, NumberStyle};

/// What the walk found.
#[derive(Default)]
pub(super) struct Biff {
    /// Custom number formats, by their number.
    formats: HashMap<u16, String>,
    /// Each cell format's number format, in XF order.
    xf_formats: Vec<u16>,
    /// Where each sheet's records start in the stream, in the workbook's order (the
    /// order of calamine's sheets), whatever its kind.
    sheets: Vec<usize>,
    /// Dates count from 1904.
    pub(super) is_1904: bool,
    /// The workbook is older than BIFF8 (Excel 97), as calamine reads its version:
    /// BIFF5 (Excel 5.0 and 95) in practice.
    pub(super) before_biff8: bool,
    /// The workbook is encrypted (a FILEPASS record): its records' fields are not
    /// what they say.
    pub(super) is_encrypted: bool,
    /// The workbook names the calculation engine that last calculated it (RECALCID,
    /// which Excel 2000 and later and LibreOffice write); without it, Excel calculates
    /// every formula again when it opens the file.
    has_recalc_id: bool,
    /// A record of the globals is too short for the fields calamine reads from it
    /// without looking at its length ([`unchecked::too_short`]).
    malformed: bool,
    /// The bytes calamine keeps for the globals' records ([`kept`]).
    kept: u64,
    /// The longest sheet and defined names, which formulas' text can hold ([`work`]).
    longest: work::Longest,
    stream: Vec<u8>,
}

/// How far the sheets of a workbook reach, at most: what calamine makes room for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reach {
    /// The most rows × columns a sheet says it spans (`DIMENSIONS`), for which calamine
    /// makes room before it reads the sheet's cells.
    pub(super) claimed_cells: u64,
    /// The rows × columns each sheet's cells span, first to last, added up: calamine
    /// keeps every sheet as a grid of that size.
    pub(super) spanned_cells: u64,
    /// The bytes calamine keeps beside the grids: text as long as records claim, names,
    /// shared strings ([`kept`]).
    pub(super) kept_bytes: u64,
    /// The most bytes calamine moves writing its formulas' text ([`work`]).
    pub(super) formula_work: u64,
    /// A record calamine would read into a panic or a wrapped size: a sheet said to start
    /// past the stream's end, a DIMENSIONS whose last row or column is before its
    /// first, or a record too short for what calamine reads of it. Or sheets that
    /// overlap, which calamine would read again and again.
    pub(super) broken: bool,
}

/// The cells calamine makes room for from a DIMENSIONS record, computed as calamine
/// computes them: first row, last row + 1, first column, last column + 1 (rows in 32
/// bits in BIFF8's 14 or 16 bytes, 16 in BIFF5's 10); a first column past 255 or after
/// the last counts as 0. `None` where calamine's arithmetic would wrap; `Some(0)` for a
/// record of another length, which calamine refuses.
fn claimed_cells(data: &[u8]) -> Option<u64> {
    let (first_row, last_row, at) = match data.len() {
        10 => (u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?), 4),
        14 | 16 => (u32_at(data, 0)?, u32_at(data, 4)?, 8),
        _ => return Some(0),
    };
    let first_column = u32::from(u16_at(data, at)?);
    let last_column = u32::from(u16_at(data, at + 2)?);
    let first_column = if first_column > 0xFF || last_column < first_column {
        0
    } else {
        first_column
    };
    if last_row == 0 || last_column == 0 {
        return Some(1);
    }
    let rows = last_row
        .checked_sub(1)?
        .checked_sub(first_row)?
        .checked_add(1)?;
    let columns = last_column
        .checked_sub(1)?
        .checked_sub(first_column)?
        .checked_add(1)?;
    Some(u64::from(rows).saturating_mul(u64::from(columns)))
}

/// What a sheet's records say that calamine does not hand over.
#[derive(Debug, Default)]
pub(super) struct SheetRecords {
    /// The cell format of each number or text cell, by (row, column), 0-based.
    pub(super) formats: HashMap<(u32, u32), u16>,
    /// The saved results of formulas written in BIFF4's FORMULA record (0x0406) instead
    /// of BIFF8's, as some writers do and Excel reads; calamine passes over them. By
    /// (row, column), 0-based.
    pub(super) old_formulas: BTreeMap<(u32, u32), calamine::Data>,
    /// An old formula's result is text: calamine puts the STRING record that holds it
    /// in another cell (the last BIFF8 formula's, or A1), so the sheet is not read
    /// faithfully.
    pub(super) text_misplaced: bool,
    /// The rows the sheet hides, 0-based: hidden, or filtered out.
    pub(super) hidden_rows: BTreeSet<u32>,
    /// Formula cells, by (row, column), whose saved result is a placeholder that Excel,
    /// opening the file, replaces with the calculated value ([`Biff::never_calculated`]).
    /// What the person sees is unknown.
    pub(super) uncalculated: BTreeSet<(u32, u32)>,
}

/// The (row, column) of a cell record, 0-based.
fn cell_at(data: &[u8]) -> Option<(u32, u32)> {
    Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)))
}

/// Records: (type, data), one after another, to the end of `stream` or a broken one.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    placed_records(stream, from).map(|(_, kind, data)| (kind, data))
}

/// [`records`], each with where it ends in `stream`.
fn placed_records(stream: &[u8], from: usize) -> impl Iterator<Item = (usize, u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let length = usize::from(u16_at(stream, at.checked_add(2)?)?);
        let start = at.checked_add(4)?;
        let data = stream.get(start..start.checked_add(length)?)?;
        at = start.checked_add(length)?;
        Some((at, kind, data))
    })
}

/// Where a walk is in a sheet's BOFs and EOFs: the sheet's own, and those of a chart
/// nested in it (a BOF-EOF of its own, with its data as cell records).
#[derive(Default)]
struct Nesting {
    depth: usize,
}

impl Nesting {
    /// Takes a record of kind `kind`: whether it is the EOF that ends the sheet.
    fn ends_sheet(&mut self, kind: u16) -> bool {
        match kind {
            0x0809 => self.depth = self.depth.saturating_add(1),
            0x000A => {
                self.depth = self.depth.saturating_sub(1);
                return self.depth == 0;
            }
            _ => {}
        }
        false
    }

    /// Whether a record taken last, other than a BOF or EOF, is the sheet's own.
    fn in_sheet(&self) -> bool {
        self.depth <= 1
    }
}

/// The records of the sheet whose BOF is at `start`, to its EOF, as calamine reads
/// them: the sheet's own, not those of a chart nested in it, and not the BOFs and EOFs.
fn sheet_records(stream: &[u8], start: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut all = records(stream, start);
    let mut nesting = Nesting::default();
    std::iter::from_fn(move || loop {
        let (kind, data) = all.next()?;
        if nesting.ends_sheet(kind) {
            return None;
        }
        if !matches!(kind, 0x0809 | 0x000A) && nesting.in_sheet() {
            return Some((kind, data));
        }
    })
}

/// Whether the sheet whose BOF is at `start` ends before `limit`: its EOF, nested
/// charts passed over as [`sheet_records`] passes them, ends there, or its records end
/// where calamine's reading would fail anyway.
fn ends_before(stream: &[u8], start: usize, limit: usize) -> bool {
    let mut nesting = Nesting::default();
    let mut at = start;
    for (end, kind, _) in placed_records(stream, start) {
        if at >= limit {
            return false;
        }
        if nesting.ends_sheet(kind) {
            return end <= limit;
        }
        at = end;
    }
    at < limit
}

/// The most bytes of UTF-8 a name of `count` characters (a one-byte count) takes.
fn utf8_length(count: Option<&u8>) -> u64 {
    count.map_or(0, |&c| u64::from(c).saturating_mul(3))
}

/// A BIFF5 string at `at`: a one-byte count, then bytes in the workbook's code page
/// (`None` when the workbook names none: Latin-1, as calamine reads it).
fn byte_string(data: &[u8], at: usize, code_page: Option<&'static Encoding>) -> Option<String> {
    let count = usize::from(*data.get(at)?);
    let start = at.checked_add(1)?;
    let bytes = data.get(start..start.checked_add(count)?)?;
    Some(match code_page {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    })
}

/// An `XLUnicodeString` (or its short form, a one-byte count) at `at`: Latin-1 or UTF-16.
fn unicode_string(data: &[u8], at: usize, short: bool) -> Option<String> {
    let (count, flags_at) = if short {
        (usize::from(*data.get(at)?), at.checked_add(1)?)
    } else {
        (usize::from(u16_at(data, at)?), at.checked_add(2)?)
    };
    let wide = data.get(flags_at)? & 1 == 1;
    let start = flags_at.checked_add(1)?;
    if wide {
        let bytes = data.get(start..start.checked_add(count.checked_mul(2)?)?)?;
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        let bytes = data.get(start..start.checked_add(count)?)?;
        Some(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

/// The saved result of a FORMULA record (bytes 6 to 13): a number, unless its last two
/// bytes are `FF FF`, when its first says what it is. `Some(None)` for text, which the
/// STRING record after it holds; `None` when the record is too short or the kind
/// unknown.
fn saved_result(data: &[u8]) -> Option<Option<calamine::Data>> {
    use calamine::{CellErrorType, Data};
    let result: [u8; 8] = data.get(6..14)?.try_into().ok()?;
    let [kind, _, detail, _, _, _, marker @ ..] = result;
    if marker != [0xFF, 0xFF] {
        return Some(Some(Data::Float(f64::from_le_bytes(result))));
    }
    let value = match kind {
        0 => return Some(None),
        1 => Data::Bool(detail != 0),
        2 => Data::Error(match detail {
            0x00 => CellErrorType::Null,
            0x07 => CellErrorType::Div0,
            0x17 => CellErrorType::Ref,
            0x1D => CellErrorType::Name,
            0x24 => CellErrorType::Num,
            0x2A => CellErrorType::NA,
            0x2B => CellErrorType::GettingData,
            _ => CellErrorType::Value,
        }),
        // An empty text.
        3 => Data::String(String::new()),
        _ => return None,
    };
    Some(Some(value))
}

impl Biff {
    /// Walks the workbook globals at the start of `stream`, an .xls workbook stream. A
    /// record too short for its fields is passed over.
    pub(super) fn of_stream(stream: Vec<u8>) -> Biff {
        let mut biff = Biff::default();
        biff.walk_globals(&stream);
        biff.stream = stream;
        biff
    }

    /// Whether the saved result of a FORMULA record (`data`) may be a placeholder from a
    /// writer that does not calculate, in a workbook no calculation engine has
    /// calculated (no RECALCID; BIFF5 has none): the formula is marked to be calculated
    /// when the file is opened (Apache POI and Spreadsheet::WriteExcel save 0 beside
    /// it, JExcelAPI 4), or, in BIFF8, its result is an empty text (xlwt). Excel,
    /// opening the file, shows the calculated value.
    fn never_calculated(&self, data: &[u8]) -> bool {
        const CALCULATE_ON_OPEN: u16 = 0x0002;
        if self.has_recalc_id {
            return false;
        }
        if u16_at(data, 14).is_some_and(|flags| flags & CALCULATE_ON_OPEN != 0) {
            return true;
        }
        let empty = calamine::Data::String(String::new());
        !self.before_biff8 && saved_result(data) == Some(Some(empty))
    }

    /// The workbook stream walked.
    pub(super) fn stream(&self) -> &[u8] {
        &self.stream
    }

    /// Takes the formats, cell formats, date system and sheets from the workbook
    /// globals at the start of `stream`.
    fn walk_globals(&mut self, stream: &[u8]) {
        let mut code_page = None;
        let mut records = records(stream, 0).peekable();
        while let Some((kind, data)) = records.next() {
            self.malformed |= unchecked::too_short(kind, data, self.before_biff8);
            self.kept = self.kept.saturating_add(kept::kept_by(kind, data));
            match kind {
                // BOF: the version, 0x0500 for BIFF5 (0x0600 for BIFF8).
                0x0809 => self.before_biff8 = unchecked::before_biff8(data),
                0x01C1 => self.has_recalc_id = true,
                // CODEPAGE: what BIFF5's byte strings are written in (1200 is UTF-16,
                // which BIFF5 strings never are: calamine then reads them as Latin-1).
                0x0042 => {
                    code_page = u16_at(data, 0)
                        .filter(|&number| number != 1200)
                        .and_then(codepage::to_encoding);
                }
                // FORMAT: its number, then its code.
                0x041E => {
                    let code = if self.before_biff8 {
                        byte_string(data, 2, code_page)
                    } else {
                        unicode_string(data, 2, false)
                    };
                    if let (Some(number), Some(code)) = (u16_at(data, 0), code) {
                        self.formats.insert(number, code);
                    }
                }
                // XF: the font, then the number format.
                0x00E0 => self.xf_formats.push(u16_at(data, 2).unwrap_or(0)),
                // FILEPASS: XOR obfuscation or RC4 encryption, with a password.
                0x002F => self.is_encrypted = true,
                // DATEMODE
                0x0022 => self.is_1904 = u16_at(data, 0) == Some(1),
                // BOUNDSHEET: where the sheet starts (its state, kind and name follow).
                0x0085 => {
                    if let Some(start) = u32_at(data, 0).and_then(|s| usize::try_from(s).ok()) {
                        self.sheets.push(start);
                    }
                    let name = utf8_length(data.get(6));
                    self.longest.sheet_name = self.longest.sheet_name.max(name);
                }
                // Lbl: a defined name, its length at byte 3.
                0x0018 => {
                    let name = utf8_length(data.get(3));
                    self.longest.defined_name = self.longest.defined_name.max(name);
                }
                // SST: the shared strings, which go on in the CONTINUE records after it.
                0x00FC => {
                    let mut fragments = vec![data];
                    while let Some((_, more)) = records.next_if(|&(kind, _)| kind == 0x003C) {
                        fragments.push(more);
                    }
                    match unchecked::shared_strings(&fragments) {
                        Some((strings, characters)) => {
                            let cost = kept::kept_by_shared_strings(strings, characters);
                            self.kept = self.kept.saturating_add(cost);
                        }
                        None => self.malformed = true,
                    }
                }
                // EOF of the globals.
                0x000A => break,
                _ => {}
            }
        }
    }

    /// How far the workbook's sheets reach, walked as calamine walks them: each sheet
    /// from where the workbook says it starts, a chart nested in it passed over. calamine
    /// reads every sheet when it opens a workbook, so their spans add up.
    pub(super) fn reach(&self) -> Reach {
        let mut reach = Reach {
            broken: self.malformed,
            kept_bytes: self.kept,
            ..Reach::default()
        };
        if self.sheets_overlap() {
            reach.broken = true;
            return reach;
        }
        for &start in &self.sheets {
            // calamine takes the sheet's records from there on, and panics past the end.
            if start > self.stream.len() {
                reach.broken = true;
                continue;
            }
            let (mut rows, mut columns) = ((u32::MAX, 0u32), (u32::MAX, 0u32));
            let mut cell = |row: u32, first: u32, last: u32| {
                rows = (rows.0.min(row), rows.1.max(row));
                columns = (columns.0.min(first), columns.1.max(last));
            };
            for (kind, data) in sheet_records(&self.stream, start) {
                reach.broken |= unchecked::too_short(kind, data, self.before_biff8);
                reach.kept_bytes = reach.kept_bytes.saturating_add(kept::kept_by(kind, data));
                if kind == 0x0006 {
                    let work = work::formula_work(data, self.before_biff8, self.longest);
                    reach.formula_work = reach.formula_work.saturating_add(work);
                }
                match kind {
                    0x0200 => match claimed_cells(data) {
                        Some(claimed) => {
                            reach.claimed_cells = reach.claimed_cells.max(claimed);
                        }
                        None => reach.broken = true,
                    },
                    // STRING: a formula's text, which calamine puts at the formula before
                    // it, or at A1 when there is none.
                    0x0207 => cell(0, 0, 0),
                    // Cells with a value: NUMBER, RK, FORMULA (and BIFF4's), LABEL,
                    // LABELSST, BOOLERR, RSTRING, and MULRK's run.
                    0x0203 | 0x027E | 0x0006 | 0x0406 | 0x0204 | 0x00FD | 0x0205 | 0x00D6
                    | 0x00BD => {
                        if let Some((row, column)) = cell_at(data) {
                            let last = if kind == 0x00BD {
                                let count = data.len().saturating_sub(6) / 6;
                                let count = u32::try_from(count).unwrap_or(u32::MAX);
                                column.saturating_add(count.saturating_sub(1))
                            } else {
                                column
                            };
                            cell(row, column, last);
                        }
                    }
                    _ => {}
                }
            }
            if rows.0 <= rows.1 {
                let height = u64::from(rows.1 - rows.0) + 1;
                let width = u64::from(columns.1.saturating_sub(columns.0)) + 1;
                let spanned = height.saturating_mul(width);
                reach.spanned_cells = reach.spanned_cells.saturating_add(spanned);
            }
        }
        reach
    }

    /// Whether a sheet starts where another is (or in it, before its EOF): calamine
    /// would read those records once for each, and the walk here too. Each sheet is
    /// walked only up to where the next starts, so this is one pass over the stream.
    fn sheets_overlap(&self) -> bool {
        let mut starts = self.sheets.clone();
        starts.sort_unstable();
        starts
            .windows(2)
            .any(|pair| matches!(pair, [start, next] if !ends_before(&self.stream, *start, *next)))
    }

    /// What the records of the workbook's sheet number `index` (0-based, in the
    /// workbook's order) say of its cells; nothing when there is no such sheet.
    pub(super) fn sheet(&self, index: usize) -> SheetRecords {
        let mut sheet = SheetRecords::default();
        let Some(&start) = self.sheets.get(index) else {
            return sheet;
        };
        for (kind, data) in sheet_records(&self.stream, start) {
            match kind {
                // NUMBER, RK and FORMULA: a number cell and its format; LABELSST, LABEL
                // and RSTRING: a text cell and its format (a text section shows it).
                0x0203 | 0x027E | 0x0006 | 0x00FD | 0x0204 | 0x00D6 => {
                    let Some(cell) = cell_at(data) else {
                        continue;
                    };
                    if let Some(xf) = u16_at(data, 4) {
                        sheet.formats.insert(cell, xf);
                    }
                    if kind == 0x0006 && self.never_calculated(data) {
                        sheet.uncalculated.insert(cell);
                    }
                }
                // BIFF4's FORMULA: the cell, its format, then its result as BIFF8's.
                0x0406 => {
                    let (Some(cell), Some(xf)) = (cell_at(data), u16_at(data, 4)) else {
                        continue;
                    };
                    sheet.formats.insert(cell, xf);
                    match saved_result(data) {
                        Some(Some(value)) => {
                            sheet.old_formulas.insert(cell, value);
                        }
                        Some(None) => sheet.text_misplaced = true,
                        None => {}
                    }
                }
                // ROW: its number, then at byte 12 its flags; 0x20 hides it (a filter
                // hides the rows it leaves out so too).
                0x0208 => {
                    if let (Some(row), Some(flags)) = (u16_at(data, 0), u16_at(data, 12)) {
                        if flags & 0x20 != 0 {
                            sheet.hidden_rows.insert(u32::from(row));
                        }
                    }
                }
                // MULRK: a run of number cells, each with its format.
                0x00BD => {
                    let Some((row, first)) = cell_at(data) else {
                        continue;
                    };
                    let runs = data
                        .get(4..data.len().saturating_sub(2))
                        .unwrap_or_default();
                    for (offset, run) in (0u32..).zip(runs.chunks_exact(6)) {
                        if let Some(xf) = u16_at(run, 0) {
                            sheet
                                .formats
                                .insert((row, first.saturating_add(offset)), xf);
                        }
                    }
                }
                _ => {}
            }
        }
        sheet
    }

    /// The style of the number format of cell format `xf`.
    pub(super) fn style(&self, xf: u16) -> Option<NumberStyle> {
        let number = *self.xf_formats.get(usize::from(xf))?;
        Some(match self.formats.get(&number) {
            Some(code) => NumberStyle::of_code(code),
            None => builtin_style(u32::from(number)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_stop_at_a_broken_one() {
        let stream = [0x0A, 0x00, 0x02, 0x00, 1, 2, 0x0A, 0x00, 0x09, 0x00, 1];
        let read: Vec<(u16, Vec<u8>)> = records(&stream, 0).map(|(k, d)| (k, d.to_vec())).collect();
        assert_eq!(read, [(0x000A, vec![1, 2])]);
        assert_eq!(records(&stream, 99).count(), 0);
    }

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut bytes = kind.to_le_bytes().to_vec();
        bytes.extend_from_slice(&u16::try_from(data.len()).unwrap_or(0).to_le_bytes());
        bytes.extend_from_slice(data);
        bytes
    }

    /// A DIMENSIONS record of BIFF8: first row, last row + 1, first column, last
    /// column + 1.
    fn dimensions(rows: (u32, u32), columns: (u16, u16)) -> Vec<u8> {
        let mut data = Vec::new();
        data.extend_from_slice(&rows.0.to_le_bytes());
        data.extend_from_slice(&rows.1.to_le_bytes());
        data.extend_from_slice(&columns.0.to_le_bytes());
        data.extend_from_slice(&columns.1.to_le_bytes());
        data.extend_from_slice(&[0, 0]);
        record(0x0200, &data)
    }

    fn number(row: u16, column: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend_from_slice(&column.to_le_bytes());
        data.extend_from_slice(&[0; 10]);
        record(0x0203, &data)
    }

    /// The reach of sheets, each the records given, one after another.
    fn reach_of(sheets: &[Vec<Vec<u8>>]) -> Reach {
        let (bof, eof) = (record(0x0809, &[0; 16]), record(0x000A, &[]));
        let mut biff = Biff::default();
        for sheet in sheets {
            biff.sheets.push(biff.stream.len());
            biff.stream.extend_from_slice(&bof);
            sheet.iter().for_each(|r| biff.stream.extend_from_slice(r));
            biff.stream.extend_from_slice(&eof);
        }
        biff.reach()
    }

    #[test]
    fn the_reach_of_every_sheet() {
        // DIMENSIONS of A1:IV65536 in one sheet; cells at A1 and C5 in another, and at
        // B2 and B3 in a third: calamine keeps each sheet's grid, so they add up.
        let chart = [
            record(0x0809, &[0; 16]),
            number(60_000, 200),
            record(0x000A, &[]),
        ]
        .concat();
        let reach = reach_of(&[
            vec![dimensions((0, 65_536), (0, 256))],
            vec![number(0, 0), number(4, 2), chart],
            vec![number(1, 1), number(2, 1)],
        ]);
        assert_eq!(reach.claimed_cells, 65_536 * 256);
        assert_eq!(reach.spanned_cells, 5 * 3 + 2);
        assert!(!reach.broken);
    }

    #[test]
    fn what_calamine_would_read_into_a_panic_is_broken() {
        // A last row before the first: calamine's row count wraps (Apache POI's fuzz
        // files have such records).
        let reach = reach_of(&[vec![dimensions((10, 5), (0, 3))]]);
        assert!(reach.broken);
        // A first column past 255 counts as 0, as calamine counts it.
        let reach = reach_of(&[vec![dimensions((0, 2), (300, 4))]]);
        assert_eq!((reach.claimed_cells, reach.broken), (8, false));
        // A sheet said to start past the end of the stream.
        let biff = Biff {
            sheets: vec![99],
            ..Biff::default()
        };
        assert!(biff.reach().broken);
    }

    #[test]
    fn sheets_that_overlap_are_broken() {
        let sheet = [record(0x0809, &[0; 16]), number(0, 0), record(0x000A, &[])].concat();
        // Two sheets said to start at one BOF, and one inside another (at its NUMBER,
        // after the 20 bytes of its BOF).
        for starts in [vec![0, 0], vec![0, 20]] {
            let biff = Biff {
                sheets: starts,
                stream: sheet.clone(),
                ..Biff::default()
            };
            assert!(biff.reach().broken);
        }
        // One after the other.
        let biff = Biff {
            sheets: vec![sheet.len(), 0],
            stream: [sheet.clone(), sheet].concat(),
            ..Biff::default()
        };
        assert_eq!(biff.reach().spanned_cells, 2);
        assert!(!biff.reach().broken);
    }

    #[test]
    fn what_calamine_keeps_of_text_is_counted() {
        let label = record(0x0204, &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, b'x']);
        let reach = reach_of(&[vec![label.clone(), label]]);
        assert_eq!(reach.kept_bytes, 2 * 65_535);
    }

    proptest::proptest! {
        /// Any run of records, of the kinds walked here, with any fields: walked to the
        /// end without a panic, and no reach beyond what the records say.
        #[test]
        fn any_records_are_walked(
            records in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        0x0809u16, 0x000A, 0x0200, 0x0203, 0x027E, 0x0006, 0x0204, 0x00FD,
                        0x0205, 0x00D6, 0x00BD, 0x041E, 0x00E0, 0x0022, 0x0085, 0x0042, 0x0406,
                        0x0207, 0x1234,
                    ]),
                    proptest::collection::vec(proptest::num::u8::ANY, 0..40),
                ),
                0..64,
            ),
            cut in 0usize..8,
        ) {
            let mut stream: Vec<u8> = records.iter().flat_map(|(k, d)| record(*k, d)).collect();
            stream.truncate(stream.len().saturating_sub(cut));
            let mut biff = Biff::default();
            biff.walk_globals(&stream);
            biff.stream = stream;
            let reach = biff.reach();
            let sheets = u64::try_from(biff.sheets.len()).unwrap_or(u64::MAX).max(1);
            proptest::prop_assert!(reach.spanned_cells <= sheets * 65_536 * 65_600);
            let _ = biff.sheet(0);
            let _ = biff.style(0);
        }
    }

    #[test]
    fn strings_in_both_widths() {
        assert_eq!(
            unicode_string(&[2, 0, 0, b'h', b'i'], 0, false).as_deref(),
            Some("hi")
        );
        assert_eq!(
            unicode_string(&[1, 1, 0xE9, 0], 0, true).as_deref(),
            Some("é")
        );
        assert_eq!(unicode_string(&[9, 0, 0, b'h'], 0, false), None);
    }

    #[test]
    fn a_chart_in_a_sheet_does_not_change_its_cells_formats() {
        // The sheet's A1 has cell format 40; an embedded chart's data, in a BOF-EOF of
        // its own within the sheet, has a NUMBER at A1 too (Apache POI's 34775.xls).
        let bof = record(0x0809, &[0; 16]);
        let eof = record(0x000A, &[]);
        let number = |xf: u16| {
            let mut data = vec![0, 0, 0, 0];
            data.extend_from_slice(&xf.to_le_bytes());
            data.extend_from_slice(&[0; 8]);
            record(0x0203, &data)
        };
        let stream = [bof.clone(), number(40), bof, number(0), eof.clone(), eof].concat();
        let biff = Biff {
            stream,
            sheets: vec![0],
            ..Biff::default()
        };
        let formats = biff.sheet(0).formats;
        assert_eq!(formats.get(&(0, 0)), Some(&40));
        assert_eq!(formats.len(), 1);
    }

    #[test]
    fn records_too_short_for_calamine_break_the_reach() {
        // In the globals: an EXTERNSHEET with no count (found by fuzzing: calamine reads
        // two bytes).
        let stream = [
            record(0x0809, &[0, 6]),
            record(0x0017, &[]),
            record(0x000A, &[]),
        ]
        .concat();
        let mut biff = Biff::default();
        biff.walk_globals(&stream);
        assert!(biff.reach().broken);
        // In a sheet: a FORMULA whose PtgRef has three of its four bytes, which BIFF5's
        // PtgRef has.
        let mut formula = vec![0u8; 20];
        formula.extend_from_slice(&[4, 0, 0x24, 0, 0, 0]);
        let sheet = vec![record(0x0006, &formula)];
        assert!(reach_of(std::slice::from_ref(&sheet)).broken);
        let mut biff5 = Biff {
            before_biff8: true,
            ..Biff::default()
        };
        biff5.sheets.push(0);
        biff5.stream = [record(0x0809, &[0; 16]), record(0x0006, &formula)].concat();
        assert!(!biff5.reach().broken);
    }

    #[test]
    fn a_formula_s_saved_result() {
        use calamine::{CellErrorType, Data};
        let record = |result: [u8; 8]| {
            let mut data = vec![0; 6];
            data.extend_from_slice(&result);
            data.extend_from_slice(&[0; 8]);
            data
        };
        assert_eq!(
            saved_result(&record(7.5f64.to_le_bytes())),
            Some(Some(Data::Float(7.5)))
        );
        let marked = |kind: u8, detail: u8| [kind, 0, detail, 0, 0, 0, 0xFF, 0xFF];
        assert_eq!(saved_result(&record(marked(0, 0))), Some(None));
        assert_eq!(
            saved_result(&record(marked(1, 1))),
            Some(Some(Data::Bool(true)))
        );
        assert_eq!(
            saved_result(&record(marked(2, 0x2A))),
            Some(Some(Data::Error(CellErrorType::NA)))
        );
        assert_eq!(
            saved_result(&record(marked(3, 0))),
            Some(Some(Data::String(String::new())))
        );
        assert_eq!(saved_result(&record(marked(9, 0))), None);
        assert_eq!(saved_result(&[0; 13]), None);
    }

    #[test]
    fn biff5_strings_are_bytes_in_the_code_page() {
        let windows_1252 = codepage::to_encoding(1252);
        assert_eq!(
            byte_string(&[3, b'1', b' ', 0x80], 0, windows_1252).as_deref(),
            Some("1 \u{20ac}")
        );
        let windows_1251 = codepage::to_encoding(1251);
        assert_eq!(
            byte_string(&[2, 0xF0, b'.'], 0, windows_1251).as_deref(),
            Some("\u{0440}.")
        );
        // No CODEPAGE record: Latin-1, as calamine reads the same strings.
        assert_eq!(byte_string(&[1, 0xE9], 0, None).as_deref(), Some("\u{e9}"));
        assert_eq!(byte_string(&[5, b'a'], 0, None), None);
    }

    #[test]
    fn a_biff5_workbook_s_formats_and_sheets() {
        let bof = |version: u16| {
            let mut data = version.to_le_bytes().to_vec();
            data.extend_from_slice(&[0; 6]);
            record(0x0809, &data)
        };
        let mut format = 164u16.to_le_bytes().to_vec();
        format.extend_from_slice(&[4, b'0', b' ', b'"', 0x80]);
        let mut xf = vec![0, 0];
        xf.extend_from_slice(&164u16.to_le_bytes());
        xf.extend_from_slice(&[0; 12]);
        let stream = [
            bof(0x0500),
            record(0x0042, &1252u16.to_le_bytes()),
            record(0x041E, &format),
            record(0x00E0, &xf),
            record(0x0085, &[0, 0, 0, 0, 0, 0, 5, b'N', b'o', b't', b'e', b's']),
            record(0x0085, &[9, 0, 0, 0, 0, 0, 5, b'U', b's', b'e', b'r', b's']),
            record(0x000A, &[]),
        ]
        .concat();
        let mut biff = Biff::default();
        biff.walk_globals(&stream);
        assert_eq!(
            biff.formats.get(&164).map(String::as_str),
            Some("0 \"\u{20ac}")
        );
        assert_eq!(biff.sheets, [0, 9]);
        assert_eq!(biff.style(0), Some(NumberStyle::of_code("0 \"\u{20ac}")));
    }
}
