//! Workbooks (.xlsx, .xls, .ods) → rows of cells, through calamine. No user rules.

use std::io::Cursor;

use calamine::{DataType, Reader, Sheet, SheetType, SheetVisible};

use crate::cells::{Row, RowSink};
use crate::Format;

/// Why a workbook could not be read.
#[derive(Debug)]
pub(crate) enum WorkbookProblem {
    /// The workbook is protected with a password.
    Encrypted,
    /// The bytes are not a workbook of the format, or it is damaged.
    Damaged,
    /// The workbook has no worksheet at all.
    NoSheet,
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

/// Reads the chosen sheet of a workbook, handing each row to `sink` until the sheet ends
/// or the sink stops.
pub(crate) fn read(
    bytes: &[u8],
    format: Format,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    match format {
        Format::Xls => {
            let workbook = calamine::Xls::new(Cursor::new(bytes)).map_err(xls_problem)?;
            read_range(workbook, sink)
        }
        Format::Ods => {
            let workbook = calamine::Ods::new(Cursor::new(bytes)).map_err(ods_problem)?;
            read_range(workbook, sink)
        }
        _ => read_xlsx(bytes, sink),
    }
}

/// Streams the sheet cell by cell, so that reading stops at the row limit.
fn read_xlsx(bytes: &[u8], sink: &mut dyn RowSink) -> Result<(), WorkbookProblem> {
    let mut workbook = calamine::Xlsx::new(Cursor::new(bytes)).map_err(xlsx_problem)?;
    let name = choose_sheet(workbook.sheets_metadata()).ok_or(WorkbookProblem::NoSheet)?;
    let mut cells = workbook
        .worksheet_cells_reader(&name)
        .map_err(xlsx_problem)?;
    let mut row: Option<Row> = None;
    while let Some(cell) = cells.next_cell().map_err(xlsx_problem)? {
        let (r, c) = cell.get_position();
        let number = r.saturating_add(1);
        if row.as_ref().is_some_and(|current| current.number != number) {
            if let Some(done) = row.take() {
                if !done.is_blank() && sink.row(done).is_break() {
                    return Ok(());
                }
            }
        }
        let current = row.get_or_insert_with(|| Row::new(number));
        push_value(current, c, cell.get_value());
    }
    if let Some(done) = row {
        if !done.is_blank() {
            // The sheet has ended: whether the sink wants more no longer matters.
            let _ = sink.row(done);
        }
    }
    Ok(())
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
    for (r, cells) in (first_row..).zip(range.rows()) {
        let mut row = Row::new(r.saturating_add(1));
        for (c, value) in (first_column..).zip(cells) {
            push_value(&mut row, c, value);
        }
        if !row.is_blank() && sink.row(row).is_break() {
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
        row.push(column, &datetime_text(&datetime));
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

/// A date as ISO 8601 text: `2024-03-01`, `2024-03-01 09:30:00`, or `09:30:00` for a time
/// alone. Durations keep their serial number.
fn datetime_text(datetime: &calamine::ExcelDateTime) -> String {
    let serial = datetime.as_f64();
    if datetime.is_duration() || !(0.0..2_958_466.0).contains(&serial) {
        return number_text(serial);
    }
    let (year, month, day, hour, minute, second, _) = datetime.to_ymd_hms_milli();
    let has_time = serial.fract() != 0.0;
    if serial < 1.0 {
        format!("{hour:02}:{minute:02}:{second:02}")
    } else if has_time {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
}

fn xlsx_problem(error: calamine::XlsxError) -> WorkbookProblem {
    match error {
        calamine::XlsxError::Password => WorkbookProblem::Encrypted,
        _ => WorkbookProblem::Damaged,
    }
}

fn xls_problem(error: calamine::XlsError) -> WorkbookProblem {
    match error {
        calamine::XlsError::Password => WorkbookProblem::Encrypted,
        _ => WorkbookProblem::Damaged,
    }
}

fn ods_problem(error: calamine::OdsError) -> WorkbookProblem {
    match error {
        calamine::OdsError::Password => WorkbookProblem::Encrypted,
        _ => WorkbookProblem::Damaged,
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
}
