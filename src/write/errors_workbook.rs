//! The errors workbook: the upload back as an .xlsx to fix it in, every cell with a
//! problem filled and noted, an `Errors` column, the template's dropdown and text
//! formats, and whole-file and header problems on a `Problems` sheet.

use std::collections::{BTreeMap, HashMap};

use rust_xlsxwriter::{Format, Worksheet};

use crate::check::kept::Kept;
use crate::error::RowError;
use crate::message::{words, Text};
use crate::model::codes::ErrorCode;
use crate::model::column::Column;
use crate::model::sheet::{SHEET_COLUMNS, SHEET_ROWS};
use crate::options::Options;
use crate::report::Report;
use crate::write::template::TemplateError;
use crate::write::workbook::{self, Styles};

/// The last 0-based column a worksheet has (XFD)...
const LAST_COLUMN: u32 = SHEET_COLUMNS - 1;
/// ...and the last row, as the spreadsheet numbers it.
const LAST_ROW: u32 = SHEET_ROWS;

/// What the writer holds in memory for each row and each cell of the Users sheet
/// (measured: a sheet of 500,000 one-cell rows takes 413 MB, of 500,000 cells in rows
/// of 16,384 takes 93 MB)...
const ROW_BYTES: usize = 650;
const CELL_BYTES: usize = 200;
/// ...and the most it may hold: the Users sheet shows the upload's rows while they fit,
/// which bounds the memory of the largest upload (a 10 MiB file has up to five million
/// cells). That is 95,000 users of four columns, 190 times the default row limit.
pub(crate) const MAX_SHEET_BYTES: usize = 128 << 20;

/// Writes the workbook for the `kept` rows and their `report`.
pub(crate) fn write(
    options: &Options,
    kept: &Kept,
    report: &Report,
) -> Result<Vec<u8>, TemplateError> {
    let language = options.sentence_language();
    let words = words(language);
    let styles = Styles::new();

    // Where each problem stands: by cell, and by row for the Errors column.
    let mut by_cell: HashMap<(u32, u32), Vec<&RowError>> = HashMap::new();
    let mut by_row: BTreeMap<u32, Vec<&RowError>> = BTreeMap::new();
    for error in &report.errors {
        if let Some(row) = error.row {
            by_row.entry(row).or_default().push(error);
            if let Some(column) = error.column_index {
                by_cell.entry((row, column)).or_default().push(error);
            }
        }
    }
    let located = |error: &RowError| match error.column {
        Some(column) => format!("{}: {}", words.column(column), error.message),
        None => error.message.clone(),
    };

    let shown = shown_rows(kept);
    let all_shown = shown == kept.len() && !kept.stopped_early;
    let rows = || kept.rows().take(shown);
    let last_shown = rows().last().map_or(0, |row| row.number);

    // The header where the check found it (under a title, say), else the first row.
    let header = report
        .header_row
        .and_then(|number| kept.row(number))
        .or_else(|| kept.get(0))
        .filter(|row| row.number <= LAST_ROW);
    let header_row = header.map_or(1, |row| row.number);
    let header_index = header_row.saturating_sub(1);
    let mut header_cells: Vec<(u32, &str)> =
        header.map(|row| row.cells().collect()).unwrap_or_default();
    let width = rows()
        .flat_map(|row| row.cells().map(|(column, _)| column))
        .max()
        .map_or(0, |last| last.saturating_add(1));
    // The template's header when the upload gave none (it could not be read).
    let template_header = header_cells.is_empty();
    if template_header {
        header_cells = (0u32..)
            .zip(Column::ALL)
            .map(|(index, column)| (index, words.header(column)))
            .collect();
    }
    let width = width.max(u32::try_from(header_cells.len()).unwrap_or(0));
    let errors_column = u16::try_from(width.min(LAST_COLUMN)).unwrap_or(0);
    let mut columns: Vec<(u16, Column)> = Vec::new();
    for &(index, name) in &header_cells {
        if let (Some(column), Ok(index)) = (options.column_for_header(name), u16::try_from(index)) {
            if columns.iter().all(|&(_, known)| known != column) {
                columns.push((index, column));
            }
        }
    }

    let mut users = Worksheet::new();
    users.set_name("Users")?;
    for &(index, column) in &columns {
        users.set_column_width(index, workbook::width(column))?;
        if let Some(format) = styles.column(column) {
            users.set_column_format(index, format)?;
        }
        if !by_cell.contains_key(&(header_row, u32::from(index))) {
            users.insert_note(header_index, index, &workbook::column_note(options, column))?;
        }
    }
    users.set_column_width(errors_column, 60)?;

    // The upload's cells where they were; what a cell cannot hold is cut and noted.
    let mut notes: BTreeMap<(u32, u32), Vec<String>> = BTreeMap::new();
    for row in rows() {
        let index = row.number.saturating_sub(1);
        for (column, text) in row.cells() {
            let Ok(col) = u16::try_from(column) else {
                continue;
            };
            let marked = by_cell.contains_key(&(row.number, column));
            let format = cell_format(&styles, row.number == header_row, marked);
            let (value, cut) = workbook::fit(text);
            workbook::write_text(&mut users, index, col, value.as_ref(), format)?;
            if let Some(length) = cut {
                let line = workbook::cut_text(language, length);
                notes.entry((row.number, column)).or_default().push(line);
            }
        }
    }
    if template_header {
        for &(column, text) in &header_cells {
            if let Ok(col) = u16::try_from(column) {
                workbook::write_text(&mut users, header_index, col, text, &styles.header)?;
            }
        }
    }
    let heading = Text::ErrorsHeading.render(language);
    users.write_string_with_format(header_index, errors_column, heading, &styles.header)?;

    // Each cell with a problem gets a note saying what is wrong and how to fix it; an
    // empty one (a missing value) is marked all the same.
    for (&(row, column), problems) in &by_cell {
        if row <= last_shown {
            let lines = problems.iter().map(|error| error.message.clone());
            let note = notes.entry((row, column)).or_default();
            let cut = std::mem::take(note);
            note.extend(lines);
            note.extend(cut);
        }
    }
    for ((row, column), lines) in notes {
        let Ok(col) = u16::try_from(column) else {
            continue;
        };
        let index = row.saturating_sub(1);
        if !filled(kept, row, column) {
            if row == header_row {
                continue;
            }
            users.write_blank(index, col, &styles.warning)?;
        }
        users.insert_note(
            index,
            col,
            &workbook::note(&lines.join("\n"), "Check", 360, 110),
        )?;
    }
    // Every row's problems in the Errors column (the header's stay on Problems).
    for (&row, problems) in by_row.range(..=last_shown) {
        if row == header_row {
            continue;
        }
        let lines: Vec<String> = problems.iter().map(|e| located(e)).collect();
        let lines = lines.join("\n");
        let (line, _) = workbook::fit(&lines);
        let plain = Format::default();
        workbook::write_text(
            &mut users,
            row.saturating_sub(1),
            errors_column,
            &line,
            &plain,
        )?;
    }
    users.set_freeze_panes(header_row.min(LAST_ROW - 1), 0)?;

    // The User type dropdown, down to the last row or the row limit, whichever is
    // further. What the upload holds stays as typed until the person changes it.
    let last = last_shown
        .max(header_row.saturating_add(options.rows_limit()))
        .min(LAST_ROW - 1)
        .saturating_sub(1);
    if let Some(&(col, _)) = columns.iter().find(|(_, c)| *c == Column::UserType) {
        if header_row <= last {
            let dropdown = workbook::user_type_dropdown(language)?;
            users.add_data_validation(header_row, col, last, col, &dropdown)?;
        }
    }

    // Whole-file and header problems, the row limit, and rows not shown, on a sheet of
    // their own.
    let problems: Vec<&RowError> = report
        .errors
        .iter()
        .filter(|e| {
            e.row.is_none()
                || (e.row == Some(header_row) && !kept.is_empty())
                || e.code == ErrorCode::TooManyRows
        })
        .collect();
    let over_limit = report
        .errors
        .iter()
        .any(|e| e.code == ErrorCode::TooManyRows);
    let mut lines: Vec<(Option<u32>, String)> = problems
        .iter()
        .map(|error| (error.row, located(error)))
        .collect();
    if over_limit && !kept.stopped_early {
        let split = Text::SplitFile {
            users: kept.len().saturating_sub(1),
            limit: options.rows_limit(),
        };
        lines.push((None, split.render(language)));
    }
    if !all_shown {
        let cut = Text::RowsNotShown { last: last_shown };
        lines.push((None, cut.render(language)));
    }
    if kept.is_empty() {
        lines.push((None, Text::UnreadableUpload.render(language)));
    }

    let mut book = workbook::book(None)?;
    // The workbook opens on what must be fixed first.
    if problems.is_empty() && all_shown {
        users.set_active(true);
        book.push_worksheet(users);
    } else {
        book.push_worksheet(users);
        let mut sheet = Worksheet::new();
        sheet.set_name(Text::ProblemsSheetTitle.render(language))?;
        sheet.set_active(true);
        sheet.set_column_width(0, 8)?;
        sheet.set_column_width(1, 100)?;
        let heading = Text::RowHeading.render(language);
        sheet.write_string_with_format(0, 0, heading, &styles.bold)?;
        let heading = Text::ProblemHeading.render(language);
        sheet.write_string_with_format(0, 1, heading, &styles.bold)?;
        for (line, (row, text)) in (1u32..).zip(&lines) {
            if let Some(row) = row {
                sheet.write_number(line, 0, *row)?;
            }
            let (text, _) = workbook::fit(text);
            workbook::write_text(&mut sheet, line, 1, &text, &styles.wrap)?;
        }
        book.push_worksheet(sheet);
    }
    workbook::save(&mut book)
}

/// How many kept rows the Users sheet shows: all of them when they fit the sheet and
/// [`MAX_SHEET_BYTES`], else as many whole rows as do.
fn shown_rows(kept: &Kept) -> usize {
    let mut bytes = 0usize;
    kept.rows()
        .take_while(|row| {
            let cells = row.cells().count().saturating_mul(CELL_BYTES);
            bytes = bytes.saturating_add(ROW_BYTES).saturating_add(cells);
            row.number <= LAST_ROW && bytes <= MAX_SHEET_BYTES
        })
        .count()
}

/// The format of an upload's cell: the header's or a row's, marked or not.
fn cell_format(styles: &Styles, header: bool, marked: bool) -> &Format {
    match (header, marked) {
        (true, false) => &styles.header,
        (true, true) => &styles.header_warning,
        (false, false) => &styles.text,
        (false, true) => &styles.warning,
    }
}

/// Whether the upload has a value in the cell.
fn filled(kept: &Kept, row: u32, column: u32) -> bool {
    kept.row(row)
        .is_some_and(|row| row.cells().any(|(c, _)| c == column))
}
