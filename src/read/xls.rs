//! Legacy Excel 97–2003 workbooks (.xls) → rows of cells, through calamine. Only with the
//! `xls` feature, and only when a service lists [`Format::Xls`](crate::Format::Xls) in
//! its options: calamine reads a legacy sheet whole, trusting the sizes it declares, so
//! a crafted file can make it panic or fail an allocation, and either ends a process
//! built with `panic = "abort"` (nothing here catches a panic). No user rules.

use std::io::Cursor;

use calamine::{DataType, Reader, SheetType, SheetVisible};

use crate::read::row::{Row, RowSink};
use crate::read::sheet::{choose_sheet, WorkbookProblem};
use crate::read::shown::{datetime_text, number_text};

/// Reads the chosen sheet, handing each row to `sink` until the sheet ends or the sink
/// stops.
pub(crate) fn read(bytes: &[u8], sink: &mut dyn RowSink) -> Result<(), WorkbookProblem> {
    let mut workbook = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => WorkbookProblem::Encrypted,
        _ => WorkbookProblem::Damaged,
    })?;
    let worksheets: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let chosen = choose_sheet(worksheets.iter().map(|(n, v)| (n.as_str(), *v)))
        .and_then(|index| worksheets.get(index))
        .ok_or(WorkbookProblem::NoSheet)?;
    let range = workbook
        .worksheet_range(&chosen.0)
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
