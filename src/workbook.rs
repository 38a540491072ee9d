//! Legacy and OpenDocument workbooks (.xls, .ods) → rows of cells through calamine, and
//! how a spreadsheet shows a number. No user rules. (.xlsx has its own streaming reader.)

use std::io::{Cursor, Read};

use calamine::{
    DataType, ExcelDateTime, ExcelDateTimeType, Reader, Sheet, SheetType, SheetVisible,
};

use crate::budget::Budget;
use crate::cells::{Row, RowSink};
use crate::Format;

/// Why a workbook could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WorkbookProblem {
    /// The workbook is protected with a password.
    Encrypted,
    /// The bytes are not a workbook of the format, or it is damaged.
    Damaged,
    /// The workbook has no worksheet at all.
    NoSheet,
    /// The workbook expands past the decompression budget.
    TooExpanded,
}

/// Reads the chosen sheet of a workbook, handing each row to `sink` until the sheet ends
/// or the sink stops.
pub(crate) fn read(
    bytes: &[u8],
    format: Format,
    max_inflated: u64,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    match format {
        Format::Xls | Format::Ods => {
            // calamine has panicked on malformed files (an out-of-range sector in an OLE
            // container, found by fuzzing): a panic in it is a damaged file, never ours.
            let read =
                std::panic::AssertUnwindSafe(|| read_legacy(bytes, format, max_inflated, sink));
            std::panic::catch_unwind(read).unwrap_or(Err(WorkbookProblem::Damaged))
        }
        _ => crate::xlsx::read(bytes, max_inflated, sink),
    }
}

fn read_legacy(
    bytes: &[u8],
    format: Format,
    max_inflated: u64,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    match format {
        Format::Xls => {
            let workbook = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::XlsError::Password => WorkbookProblem::Encrypted,
                _ => WorkbookProblem::Damaged,
            })?;
            read_range(workbook, sink)
        }
        Format::Ods => {
            check_ods_expansion(bytes, max_inflated)?;
            let workbook = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::OdsError::Password => WorkbookProblem::Encrypted,
                _ => WorkbookProblem::Damaged,
            })?;
            read_range(workbook, sink)
        }
        _ => Err(WorkbookProblem::Damaged),
    }
}

/// calamine inflates an .ods's `content.xml` whole and out of sight: measure it first,
/// through the budget, so that a zip bomb is refused before calamine starts.
fn check_ods_expansion(bytes: &[u8], max_inflated: u64) -> Result<(), WorkbookProblem> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| WorkbookProblem::Damaged)?;
    let budget = Budget::new(max_inflated);
    let file = archive
        .by_name("content.xml")
        .map_err(|_| WorkbookProblem::Damaged)?;
    std::io::copy(&mut budget.meter(file).take(u64::MAX), &mut std::io::sink()).map_err(|_| {
        if budget.is_spent() {
            WorkbookProblem::TooExpanded
        } else {
            WorkbookProblem::Damaged
        }
    })?;
    Ok(())
}

/// The sheet to read: the one named `Users` (any case) if there is one, else the first
/// visible worksheet, else the first worksheet.
fn choose_sheet(sheets: &[Sheet]) -> Option<String> {
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets()
        .find(|s| s.name.trim().eq_ignore_ascii_case("users"))
        .or_else(|| worksheets().find(|s| s.visible == SheetVisible::Visible))
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
}

/// .xls and .ods are read whole by calamine; their rows are then handed over in order.
fn read_range<'a, R: Reader<Cursor<&'a [u8]>>>(
    mut workbook: R,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    let name = choose_sheet(workbook.sheets_metadata()).ok_or(WorkbookProblem::NoSheet)?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|_| WorkbookProblem::Damaged)?;
    let Some((first_row, first_column)) = range.start() else {
        return Ok(());
    };
    let mut row = Row::default();
    for (r, cells) in (first_row..).zip(range.rows()) {
        row.reset(r.saturating_add(1));
        for (c, value) in (first_column..).zip(cells) {
            push_value(&mut row, c, value);
        }
        if !row.is_blank() && sink.row(&row).is_break() {
            break;
        }
    }
    Ok(())
}

/// Turns a cell's value into the text a person sees, as CSV would have it.
fn push_value<T: DataType>(row: &mut Row, column: u32, value: &T) {
    if let Some(text) = value.get_string() {
        row.push(column, text);
    } else if let Some(int) = value.get_int() {
        row.push(column, &int.to_string());
    } else if let Some(float) = value.get_float() {
        row.push(column, &number_text(float));
    } else if let Some(boolean) = value.get_bool() {
        row.push(column, if boolean { "TRUE" } else { "FALSE" });
    } else if let Some(datetime) = value.get_datetime() {
        let text = if datetime.is_duration() {
            number_text(datetime.as_f64())
        } else {
            datetime_text(datetime.as_f64(), false)
        };
        row.push(column, &text);
    } else if let Some(iso) = value.get_datetime_iso().or(value.get_duration_iso()) {
        row.push(column, iso);
    } else if let Some(error) = value.get_error() {
        row.push_error(column, &error.to_string());
    }
}

/// A number as a spreadsheet shows it in a General cell: `101`, `2.5`, `1000`, never
/// `101.0` or `1e3`, rounded to Excel's 15 significant digits (`0.1 + 0.2` shows `0.3`).
pub(crate) fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Exact: a whole number below 10^15 fits an i64 without loss.
        return format!("{}", value as i64);
    }
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    let text = format!("{rounded}");
    if text == "-0" {
        "0".to_owned()
    } else {
        text
    }
}

/// A date serial as ISO 8601 text: `2024-03-01`, `2024-03-01 09:30:00`, or `09:30:00`
/// for a time alone. A serial outside Excel's dates keeps its number.
pub(crate) fn datetime_text(serial: f64, is_1904: bool) -> String {
    if !(0.0..2_958_466.0).contains(&serial) {
        return number_text(serial);
    }
    let datetime = ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, is_1904);
    let (year, month, day, hour, minute, second, _) = datetime.to_ymd_hms_milli();
    if serial < 1.0 {
        format!("{hour:02}:{minute:02}:{second:02}")
    } else if serial.fract() != 0.0 {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(number_text(101.0), "101");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1000.0), "1000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(123_456_789_012.0), "123456789012");
    }

    #[test]
    fn dates_read_as_iso() {
        assert_eq!(datetime_text(45352.0, false), "2024-03-01");
        assert_eq!(datetime_text(45352.5, false), "2024-03-01 12:00:00");
        assert_eq!(datetime_text(0.25, false), "06:00:00");
        assert_eq!(datetime_text(43890.0, true), "2024-03-01");
        assert_eq!(datetime_text(-1.0, false), "-1");
    }
}
