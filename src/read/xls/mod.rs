//! Legacy Excel 97–2003 workbooks (.xls) → rows of cells, through calamine. Only with the
//! `xls` feature, and only when a service lists [`Format::Xls`](crate::Format::Xls) in
//! its options: calamine reads a legacy sheet whole, trusting the sizes it declares, so
//! a crafted file can make it panic or fail an allocation, and either ends a process
//! built with `panic = "abort"` (nothing here catches a panic). No user rules.
//!
//! The workbook stream is taken out of the file's container here ([`compound`]), and
//! calamine is given it alone, in a container written here ([`container`]). Before
//! calamine reads it, its records are walked ([`biff`]): a file whose records cannot be
//! reached is refused, and so is an encrypted one, and one with a record calamine would
//! read past its end ([`unchecked`]); a workbook whose sheets claim, or whose cells span,
//! more cells than the decompression budget has room for is refused without calamine
//! making room for them; and each number cell's format is kept, so that a number shows
//! as its format shows it (`65.2%`), and a date counts from 1904 when the workbook does;
//! formulas in BIFF4's record, which calamine passes over, give their saved results from
//! the walk.

use std::io::Cursor;

use calamine::{DataType, Reader, SheetType, SheetVisible};

mod biff;
mod bytes;
mod compound;
mod container;
mod kept;
mod unchecked;
mod work;

use crate::read::budget::Budget;
use crate::read::merged::{Merge, Pending, Spread};
use crate::read::numfmt::NumberStyle;
use crate::read::row::{Row, RowSink};
use crate::read::sheet::{choose_sheet, WorkbookProblem};
use crate::read::shown::{datetime_text, number_text};

/// Reads the chosen sheet, handing each row to `sink` until the sheet ends or the sink
/// stops. A workbook whose cells calamine would need more than `max_inflated` bytes to
/// hold is refused first.
pub(crate) fn read(
    bytes: &[u8],
    max_inflated: u64,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    // A file whose container or workbook stream cannot be read is refused (in 532 .xls
    // files of calamine's, SheetJS's and Apache POI's tests, calamine refused every such
    // file too).
    let stream = compound::workbook_stream(bytes).ok_or(WorkbookProblem::Damaged)?;
    let records = biff::Biff::of_stream(stream);
    // Read before the sizes, which encryption makes noise of.
    if records.is_encrypted {
        return Err(WorkbookProblem::Encrypted);
    }
    let reach = records.reach();
    if reach.broken || reach.formula_work > work::MOST_WORK {
        return Err(WorkbookProblem::Damaged);
    }
    let room =
        |cells: u64, each: usize| cells.saturating_mul(u64::try_from(each).unwrap_or(u64::MAX));
    let reserved = room(
        reach.claimed_cells,
        std::mem::size_of::<calamine::Cell<calamine::Data>>(),
    );
    // Each sheet as a grid of values, and one of formulas' text; then the text, names
    // and shared strings calamine keeps beside them.
    let each = std::mem::size_of::<calamine::Data>() + std::mem::size_of::<String>();
    let dense = room(reach.spanned_cells, each).saturating_add(reach.kept_bytes);
    if reserved > max_inflated || dense > max_inflated {
        return Err(WorkbookProblem::TooExpanded);
    }
    // BIFF8 text is UTF-16 or Latin-1, flagged string by string, whatever the CODEPAGE
    // record says; calamine decodes it through that code page, and some writers put
    // 1252 there (every letter then followed by a NUL). Telling calamine 1200 (UTF-16)
    // reads BIFF8 as Excel does; BIFF5's text is in the code page, so it keeps it.
    let mut options = calamine::XlsOptions::default();
    if !records.before_biff8 {
        options.force_codepage = Some(1200);
    }
    let repackaged = container::repackaged(records.stream()).ok_or(WorkbookProblem::Damaged)?;
    let mut workbook =
        calamine::Xls::new_with_options(Cursor::new(repackaged), options).map_err(|e| match e {
            calamine::XlsError::Password => WorkbookProblem::Encrypted,
            _ => WorkbookProblem::Damaged,
        })?;
    // Each worksheet with its place among all the workbook's sheets, which the records
    // walked above count in the same order.
    let worksheets: Vec<(usize, String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.typ == SheetType::WorkSheet)
        .map(|(place, s)| (place, s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let (place, chosen, _) = choose_sheet(worksheets.iter().map(|(_, n, v)| (n.as_str(), *v)))
        .and_then(|index| worksheets.get(index))
        .ok_or(WorkbookProblem::NoSheet)?;
    let is_1904 = workbook.has_1904_epoch();
    let sheet = records.sheet(*place);
    if sheet.text_misplaced {
        return Err(WorkbookProblem::Damaged);
    }
    let style = |row: u32, column: u32| {
        let xf = sheet.formats.get(&(row, column))?;
        records.style(*xf)
    };
    let range = workbook
        .worksheet_range(chosen)
        .map_err(|_| WorkbookProblem::Damaged)?;
    // The rows of calamine's cells, and of the old formulas it passed over.
    let read = range.start().zip(range.end());
    let saved_rows = sheet.old_formulas.keys().map(|&(r, _)| r);
    let (Some(first), Some(last)) = (
        saved_rows.clone().chain(read.map(|((r, _), _)| r)).min(),
        saved_rows.chain(read.map(|(_, (r, _))| r)).max(),
    ) else {
        return Ok(());
    };
    let first_column = read.map_or(0, |((_, c), _)| c);
    // The text of the formulas whose result is unknown, for the person to see which.
    let formulas = (!sheet.uncalculated.is_empty())
        .then(|| workbook.worksheet_formula(chosen).ok())
        .flatten();
    // Rows are kept, then given their merged ranges' values, as an .xlsx's are.
    let budget = Budget::new(max_inflated);
    let mut pending = Pending::new(sink.most_rows(), &budget);
    let mut rows = range.rows();
    let mut row = Row::default();
    for r in first..=last {
        let cells = match read {
            Some(((top, _), (bottom, _))) if (top..=bottom).contains(&r) => {
                rows.next().unwrap_or_default()
            }
            _ => &[],
        };
        row.reset(r.saturating_add(1));
        row.hidden = sheet.hidden_rows.contains(&r);
        let mut saved = sheet
            .old_formulas
            .range((r, 0)..=(r, u32::MAX))
            .map(|(&(_, c), value)| (c, value))
            .peekable();
        for (c, value) in (first_column..).zip(cells) {
            while let Some((before, old)) = saved.next_if(|&(sc, _)| sc < c) {
                push_value(&mut row, before, old, style(r, before), is_1904);
            }
            // An old formula's cell is one calamine left empty.
            let value = match saved.next_if(|&(sc, _)| sc == c) {
                Some((_, old)) if value.is_empty() => old,
                _ => value,
            };
            if sheet.uncalculated.contains(&(r, c)) {
                let formula = formulas.as_ref().and_then(|f| f.get_value((r, c)));
                row.push_no_result(c, formula.map_or("", String::as_str));
                continue;
            }
            // Most of a sparse sheet's grid is empty: its format is not looked up.
            if !value.is_empty() {
                push_value(&mut row, c, value, style(r, c), is_1904);
            }
        }
        for (c, old) in saved {
            push_value(&mut row, c, old, style(r, c), is_1904);
        }
        if !row.is_blank() && pending.keep(&row)?.is_break() {
            break;
        }
    }
    // calamine's ranges count rows and columns from 0, corners included.
    let merges = workbook
        .merge_cells_by_sheet_name(chosen)
        .unwrap_or_default()
        .iter()
        .filter_map(|range| {
            let corner = |(row, column): (u32, u32)| (row.saturating_add(1), column);
            Merge::new(corner(range.start), corner(range.end))
        })
        .collect();
    pending.spread(merges, Spread::Merged)?;
    pending.deliver(sink);
    Ok(())
}

/// Turns a cell's value into the text a person sees, as CSV would have it: a number,
/// or text, through its cell's number format (`style`) where the records gave it.
fn push_value<T: DataType>(
    row: &mut Row,
    column: u32,
    value: &T,
    style: Option<NumberStyle>,
    is_1904: bool,
) {
    let number = value
        .get_float()
        .or_else(|| value.get_int().map(|int| int as f64))
        .or_else(|| value.get_datetime().map(|datetime| datetime.as_f64()));
    if let (Some(number), Some(style)) = (number, &style) {
        row.push_number(column, number, style, is_1904);
    } else if let Some(text) = value.get_string() {
        match style.and_then(|style| style.show_text(text)) {
            Some(shown) => row.push(column, &shown),
            None => row.push(column, text),
        }
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
            datetime_text(datetime.as_f64(), is_1904)
        };
        row.push(column, &text);
    } else if let Some(iso) = value.get_datetime_iso().or(value.get_duration_iso()) {
        row.push(column, iso);
    } else if let Some(error) = value.get_error() {
        row.push_error(column, &error.to_string());
    }
}
