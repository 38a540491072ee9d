//! The few BIFF8 records of an .xls that calamine reads but does not hand over, walked
//! in the workbook stream before calamine reads the sheet: each number cell's format
//! (calamine tells a date from a number, not `0%` from `#,##0`), and how far the
//! sheet's cells reach (calamine makes room for every cell the sheet claims, and a
//! 42 KB file can claim 16 million).
//!
//! Written by hand because no crate exposes these records; it reads record headers and
//! a handful of fixed fields, every read checked.

use std::collections::HashMap;
use std::io::Read;

use crate::read::numfmt::{builtin_style, NumberStyle};

/// What the walk found.
#[derive(Default)]
pub(super) struct Biff {
    /// Custom number formats, by their number.
    formats: HashMap<u16, String>,
    /// Each cell format's number format, in XF order.
    xf_formats: Vec<u16>,
    /// Each worksheet's name and where its records start in the stream.
    sheets: Vec<(String, usize)>,
    /// Dates count from 1904.
    pub(super) is_1904: bool,
    stream: Vec<u8>,
}

/// How far the sheets of a workbook reach, at most: what calamine makes room for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reach {
    /// The most rows × columns a sheet says it spans (`DIMENSIONS`).
    pub(super) claimed_cells: u64,
    /// The most rows × columns a sheet's cells span, first to last.
    pub(super) spanned_cells: u64,
}

/// The (row, column) of a cell record, 0-based.
fn cell_at(data: &[u8]) -> Option<(u32, u32)> {
    Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)))
}

/// Records: (type, data), one after another, to the end of `stream` or a broken one.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let header = stream.get(at..at.checked_add(4)?)?;
        let kind = u16::from_le_bytes([*header.first()?, *header.get(1)?]);
        let length = usize::from(u16::from_le_bytes([*header.get(2)?, *header.get(3)?]));
        let start = at.checked_add(4)?;
        let data = stream.get(start..start.checked_add(length)?)?;
        at = start.checked_add(length)?;
        Some((kind, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
    ]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
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

impl Biff {
    /// Walks the workbook globals of the .xls in `bytes`; `None` when it holds no
    /// workbook stream (calamine then says what is wrong). A record too short for its
    /// fields is passed over.
    pub(super) fn read(bytes: &[u8]) -> Option<Biff> {
        let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
        let mut stream = Vec::new();
        let limit = u64::try_from(bytes.len()).ok()?;
        let workbook = file
            .open_stream("/Workbook")
            .or_else(|_| file.open_stream("/Book"))
            .ok()?;
        // A stream is never longer than the file that holds it.
        workbook.take(limit).read_to_end(&mut stream).ok()?;
        let mut biff = Biff::default();
        for (kind, data) in records(&stream, 0) {
            match kind {
                // FORMAT: its number, then its code.
                0x041E => {
                    let code = unicode_string(data, 2, false);
                    if let (Some(number), Some(code)) = (u16_at(data, 0), code) {
                        biff.formats.insert(number, code);
                    }
                }
                // XF: the font, then the number format.
                0x00E0 => biff.xf_formats.push(u16_at(data, 2).unwrap_or(0)),
                // DATEMODE
                0x0022 => biff.is_1904 = u16_at(data, 0) == Some(1),
                // BOUNDSHEET: where the sheet starts, its state and kind, its name.
                0x0085 => {
                    let start = u32_at(data, 0).and_then(|s| usize::try_from(s).ok());
                    let name = unicode_string(data, 6, true);
                    if let (Some(start), Some(0), Some(name)) = (start, data.get(5), name) {
                        biff.sheets.push((name, start));
                    }
                }
                // EOF of the globals.
                0x000A => break,
                _ => {}
            }
        }
        biff.stream = stream;
        Some(biff)
    }

    /// How far the workbook's sheets reach, over every substream of the stream (so
    /// that no sheet escapes the count, whichever is read).
    pub(super) fn reach(&self) -> Reach {
        let mut reach = Reach::default();
        let (mut rows, mut columns) = ((u32::MAX, 0u32), (u32::MAX, 0u32));
        let mut depth = 0usize;
        for (kind, data) in records(&self.stream, 0) {
            match kind {
                0x0809 => {
                    if depth == 0 {
                        (rows, columns) = ((u32::MAX, 0), (u32::MAX, 0));
                    }
                    depth = depth.saturating_add(1);
                }
                0x000A => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 && rows.0 <= rows.1 {
                        let height = u64::from(rows.1 - rows.0) + 1;
                        let width = u64::from(columns.1.saturating_sub(columns.0)) + 1;
                        let spanned = height.saturating_mul(width);
                        reach.spanned_cells = reach.spanned_cells.max(spanned);
                    }
                }
                // DIMENSIONS: first row, last row + 1, first column, last column + 1
                // (rows in 32 bits in BIFF8, 16 in BIFF5).
                0x0200 => {
                    let (rows, at) = if data.len() >= 14 {
                        let (first, last) = (u32_at(data, 0), u32_at(data, 4));
                        (last.zip(first).map(|(l, f)| l.saturating_sub(f)), 8)
                    } else {
                        let (first, last) = (u16_at(data, 0), u16_at(data, 2));
                        (
                            last.zip(first).map(|(l, f)| u32::from(l.saturating_sub(f))),
                            4,
                        )
                    };
                    let columns = u16_at(data, at + 2)
                        .zip(u16_at(data, at))
                        .map(|(l, f)| l.saturating_sub(f));
                    if let (Some(rows), Some(columns)) = (rows, columns) {
                        let claimed = u64::from(rows).saturating_mul(u64::from(columns));
                        reach.claimed_cells = reach.claimed_cells.max(claimed);
                    }
                }
                // Cells with a value: NUMBER, RK, FORMULA, LABEL, LABELSST, BOOLERR,
                // RSTRING, and MULRK's run.
                0x0203 | 0x027E | 0x0006 | 0x0204 | 0x00FD | 0x0205 | 0x00D6 | 0x00BD => {
                    if let Some((row, column)) = cell_at(data) {
                        let last = if kind == 0x00BD {
                            let count = data.len().saturating_sub(6) / 6;
                            let count = u32::try_from(count).unwrap_or(u32::MAX);
                            column.saturating_add(count.saturating_sub(1))
                        } else {
                            column
                        };
                        rows = (rows.0.min(row), rows.1.max(row));
                        columns = (columns.0.min(column), columns.1.max(last));
                    }
                }
                _ => {}
            }
        }
        reach
    }

    /// The cell format of each number cell of the worksheet named `name`, by (row,
    /// column), 0-based; empty when the sheet is not found.
    pub(super) fn number_formats(&self, name: &str) -> HashMap<(u32, u32), u16> {
        let mut formats = HashMap::new();
        let Some(&(_, start)) = self.sheets.iter().find(|(n, _)| n == name) else {
            return formats;
        };
        let mut depth = 0usize;
        for (kind, data) in records(&self.stream, start) {
            match kind {
                // BOF: the sheet's own, or a chart nested in it.
                0x0809 => depth = depth.saturating_add(1),
                0x000A => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                // NUMBER, RK and FORMULA: a number cell and its format.
                0x0203 | 0x027E | 0x0006 => {
                    if let (Some(cell), Some(xf)) = (cell_at(data), u16_at(data, 4)) {
                        formats.insert(cell, xf);
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
                            formats.insert((row, first.saturating_add(offset)), xf);
                        }
                    }
                }
                _ => {}
            }
        }
        formats
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

    #[test]
    fn the_reach_of_every_sheet() {
        let bof = record(0x0809, &[0; 16]);
        let eof = record(0x000A, &[]);
        // DIMENSIONS of A1:IV65536 (BIFF8), and cells at A1 and C5 in another sheet.
        let mut dimensions = Vec::new();
        for part in [0u32.to_le_bytes(), 65_536u32.to_le_bytes()] {
            dimensions.extend_from_slice(&part);
        }
        dimensions.extend_from_slice(&[0, 0, 0, 1, 0, 0]);
        let number = |row: u16, column: u16| {
            let mut data = row.to_le_bytes().to_vec();
            data.extend_from_slice(&column.to_le_bytes());
            data.extend_from_slice(&[0; 10]);
            record(0x0203, &data)
        };
        let stream = [
            bof.clone(),
            eof.clone(),
            bof.clone(),
            record(0x0200, &dimensions),
            eof.clone(),
            bof,
            number(0, 0),
            number(4, 2),
            eof,
        ]
        .concat();
        let biff = Biff {
            stream,
            ..Biff::default()
        };
        let reach = biff.reach();
        assert_eq!(reach.claimed_cells, 65_536 * 256);
        assert_eq!(reach.spanned_cells, 5 * 3);
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
                        0x0205, 0x00D6, 0x00BD, 0x041E, 0x00E0, 0x0022, 0x0085, 0x1234,
                    ]),
                    proptest::collection::vec(proptest::num::u8::ANY, 0..40),
                ),
                0..64,
            ),
            cut in 0usize..8,
        ) {
            let mut stream: Vec<u8> = records.iter().flat_map(|(k, d)| record(*k, d)).collect();
            stream.truncate(stream.len().saturating_sub(cut));
            let biff = Biff { stream, ..Biff::default() };
            let reach = biff.reach();
            proptest::prop_assert!(reach.spanned_cells <= 65_536 * 65_600);
            let _ = biff.number_formats("Sheet1");
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
}
