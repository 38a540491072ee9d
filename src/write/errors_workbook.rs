//! The errors workbook: the upload back as an .xlsx to fix it in, every cell with a
//! problem filled and noted, an `Errors` column, the template's dropdowns and text
//! formats, and whole-file and header problems on a `Problems` sheet.

use std::collections::HashMap;

use crate::check::kept::Kept;
use crate::error::RowError;
use crate::message::{words, Text};
use crate::model::codes::ErrorCode;
use crate::model::column::Column;
use crate::model::sheet::{SHEET_COLUMNS, SHEET_ROWS};
use crate::options::Options;
use crate::report::Report;
use crate::write::template::{
    column_note, save, user_type_dropdown, TemplateError, BOLD, HEADER, TEXT, WRAP,
};
use crate::write::xlsx::{BaseCell, Book, Border, Note, Sheet, Style, StyleId, Styles};

/// The last 0-based column a worksheet has (XFD)...
const LAST_COLUMN: u32 = SHEET_COLUMNS - 1;
/// ...and the last row, as the spreadsheet numbers it.
const LAST_ROW: u32 = SHEET_ROWS;

/// A problem's cell fill: a light amber, as spreadsheet programs mark warnings...
const WARNING: u32 = 0x00FF_E699;
/// ...and its border, a darker amber.
const WARNING_BORDER: u32 = 0x00BF_9000;

/// Writes the workbook for the `kept` rows (every row of the file, even past the row
/// limit) and their `report`.
pub(crate) fn write<'k>(
    options: &Options,
    kept: &'k Kept,
    report: &'k Report,
) -> Result<Vec<u8>, TemplateError> {
    let language = options.sentence_language();
    let words = words(language);
    let mut styles = Styles::default();

    let warning = Style {
        fill: Some(WARNING),
        border: Border::All(Some(WARNING_BORDER)),
        ..TEXT
    };
    let header_warning = Style {
        bold: true,
        fill: Some(WARNING),
        border: Border::All(None),
        ..Style::default()
    };

    // Where each problem stands: by cell, and by row for the Errors column.
    let mut by_cell: HashMap<(u32, u32), Vec<&RowError>> = HashMap::new();
    let mut by_row: HashMap<u32, Vec<&RowError>> = HashMap::new();
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

    // Every kept row is on the sheet: reading for the workbook stops at its last row.
    let header = kept.get(0).filter(|row| row.number <= LAST_ROW);
    let header_row = header.map_or(1, |row| row.number);
    let mut header_cells: Vec<(u32, &str)> =
        header.map(|row| row.cells().collect()).unwrap_or_default();
    let width = kept
        .rows()
        .flat_map(|row| row.cells().map(|(column, _)| column))
        .max()
        .map_or(0, |last| last.saturating_add(1))
        .min(LAST_COLUMN);
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
    let mut columns: Vec<(u32, Column)> = Vec::new();
    for &(index, name) in &header_cells {
        if let Some(column) = options.column_for_header(name) {
            if columns.iter().all(|&(_, known)| known != column) {
                columns.push((index, column));
            }
        }
    }

    // The styles, registered in the order the cells first use them (the workbook lists
    // them so): the columns', the header's, then the rows'.
    let column_styles: Vec<(u16, Column, StyleId)> = columns
        .iter()
        .filter_map(|&(index, column)| {
            let col = u16::try_from(index).ok()?;
            let style = if column == Column::UserType {
                StyleId::default()
            } else {
                styles.add(TEXT)
            };
            Some((col, column, style))
        })
        .collect();
    // The four styles an upload's cell can have, chosen by whether it is in the header
    // and whether it has a problem.
    let kinds = [HEADER, header_warning, TEXT, warning];
    let kind = |number: u32, column: u32| {
        usize::from(number != header_row) * 2 + usize::from(by_cell.contains_key(&(number, column)))
    };
    let cell_style = |number: u32, column: u32| kinds.get(kind(number, column)).copied();
    for &(column, _) in &header_cells {
        styles.add(cell_style(header_row, column).unwrap_or(HEADER));
    }
    let header_style = styles.add(HEADER);
    let (mut text_seen, mut warning_seen) = (false, false);
    for row in kept.rows().skip(1).take_while(|row| row.number <= LAST_ROW) {
        for (column, _) in row.cells() {
            let style = cell_style(row.number, column).unwrap_or(TEXT);
            text_seen |= style == TEXT;
            warning_seen |= style == warning;
            styles.add(style);
        }
        if text_seen && warning_seen {
            break;
        }
    }
    let ids = kinds.map(|style| styles.find(style).unwrap_or_default());
    let style_id =
        |number: u32, column: u32| ids.get(kind(number, column)).copied().unwrap_or_default();
    // The upload's own rows stay where they are kept: the sheet reads them as it writes
    // (10 MiB of upload can be five million cells).
    let base = move || -> Box<dyn Iterator<Item = BaseCell<'_>> + '_> {
        let rows = kept.rows().take_while(|row| row.number <= LAST_ROW);
        Box::new(rows.flat_map(move |row| {
            row.cells().filter_map(move |(column, text)| {
                let col = u16::try_from(column).ok()?;
                let style = style_id(row.number, column);
                Some((row.number.saturating_sub(1), col, text, style))
            })
        }))
    };

    let mut users = Sheet::new("Users");
    users.base(&base);
    let header_index = header_row.saturating_sub(1);
    for &(col, column, style) in &column_styles {
        users.column(col, column_width(column), style);
        if !by_cell.contains_key(&(header_row, u32::from(col))) {
            users.note(header_index, col, column_note(options, column));
        }
    }
    users.column(errors_column, 60, StyleId::default());
    if template_header {
        for &(column, text) in &header_cells {
            if let Ok(col) = u16::try_from(column) {
                users.text(header_index, col, text, header_style);
            }
        }
    }
    let heading = Text::ErrorsHeading.render(language);
    users.text(header_index, errors_column, heading, header_style);
    let last_row = kept
        .rows()
        .take_while(|row| row.number <= LAST_ROW)
        .last()
        .map_or(header_row, |row| row.number.max(header_row));
    // Each cell with a problem gets a note; an empty one (a missing value) is marked
    // all the same.
    let mut marked: Vec<(&(u32, u32), &Vec<&RowError>)> = by_cell
        .iter()
        .filter(|(&(row, _), _)| row <= LAST_ROW)
        .collect();
    marked.sort_by_key(|(&cell, _)| cell);
    let filled = |row: u32, column: u32| {
        kept.row(row)
            .is_some_and(|row| row.cells().any(|(c, _)| c == column))
    };
    for (&(row, column), problems) in marked {
        let Ok(col) = u16::try_from(column) else {
            continue;
        };
        let index = row.saturating_sub(1);
        if filled(row, column) {
            users.note(index, col, problem_note(problems));
        } else if row != header_row {
            users.blank(index, col, styles.add(warning));
            users.note(index, col, problem_note(problems));
        }
    }
    // Every row's problems in the Errors column (the header's stay on Problems).
    for (row, problems) in &by_row {
        if *row == header_row || *row > LAST_ROW {
            continue;
        }
        let line: Vec<String> = problems.iter().map(|e| located(e)).collect();
        let index = row.saturating_sub(1);
        users.text(index, errors_column, line.join("\n"), StyleId::default());
    }
    users.freeze(header_row.min(LAST_ROW - 1));

    // The template's dropdowns, down to the last row or the row limit, whichever is
    // further.
    let last = last_row
        .max(header_row.saturating_add(options.rows_limit()))
        .min(LAST_ROW - 1)
        .saturating_sub(1);
    let first = header_row;
    if let Some(&(index, _)) = columns.iter().find(|(_, c)| *c == Column::UserType) {
        if let Ok(col) = u16::try_from(index) {
            // What the upload holds stays as typed until the person changes it.
            if first <= last {
                users.validate(user_type_dropdown(language, col, first, last));
            }
        }
    }

    // Whole-file and header problems, and the row limit, on a sheet of their own.
    let problems: Vec<&RowError> = report
        .errors
        .iter()
        .filter(|e| {
            e.row.is_none()
                || (e.row == Some(header_row) && !kept.is_empty())
                || e.code == ErrorCode::TooManyRows
        })
        .collect();
    let user_rows = kept.len().saturating_sub(1);
    let over_limit = report
        .errors
        .iter()
        .any(|e| e.code == ErrorCode::TooManyRows);
    let mut problems_sheet = None;
    if !problems.is_empty() {
        let mut sheet = Sheet::new(&Text::ProblemsSheetTitle.render(language));
        let bold = styles.add(BOLD);
        let wrap = styles.add(WRAP);
        sheet.column(0, 8, StyleId::default());
        sheet.column(1, 100, StyleId::default());
        sheet.text(0, 0, Text::RowHeading.render(language), bold);
        sheet.text(0, 1, Text::ProblemHeading.render(language), bold);
        let mut line = 1u32;
        for error in &problems {
            if let Some(row) = error.row {
                sheet.number(line, 0, row);
            }
            sheet.text(line, 1, located(error), wrap);
            line = line.saturating_add(1);
        }
        if over_limit {
            let split = Text::SplitFile {
                users: user_rows,
                limit: options.rows_limit(),
            };
            sheet.text(line, 1, split.render(language), wrap);
            line = line.saturating_add(1);
        }
        if kept.is_empty() {
            sheet.text(line, 1, Text::UnreadableUpload.render(language), wrap);
        }
        problems_sheet = Some(sheet);
    }
    let mut book = Book::default();
    book.styles = styles;
    // The workbook opens on what must be fixed first.
    book.push(users, problems_sheet.is_none());
    if let Some(sheet) = problems_sheet {
        book.push(sheet, true);
    }
    save(&book)
}

/// The note on a cell with problems: what is wrong and how to fix it.
fn problem_note(problems: &[&RowError]) -> Note {
    let message: Vec<&str> = problems.iter().map(|e| e.message.as_str()).collect();
    Note {
        text: message.join("\n"),
        author: "Check",
        width: 360,
        height: 110,
    }
}

fn column_width(column: Column) -> u16 {
    match column {
        Column::UserName => 30,
        Column::Email => 36,
        Column::UserType => 16,
        Column::Site => 22,
    }
}
