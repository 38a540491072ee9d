//! The errors workbook: the upload back as an .xlsx to fix it in, every cell with a
//! problem filled and noted, an `Errors` column, the template's dropdowns and text
//! formats, and whole-file and header problems on a `Problems` sheet.

use std::collections::HashMap;

use rust_xlsxwriter::{Color, Format as CellFormat, FormatBorder, Note, Workbook};

use crate::error::{ErrorCode, RowError};
use crate::errors_file::Kept;
use crate::message::{words, Text};
use crate::report::Report;
use crate::template::TemplateError;
use crate::{Column, Options};

/// The last 0-based column a worksheet has (XFD).
const LAST_COLUMN: u32 = 16_383;

/// A problem's cell fill: a light amber, as spreadsheet programs mark warnings.
const WARNING: u32 = 0x00FF_E699;

/// Writes the workbook for the `kept` rows (every row of the file, even past the row
/// limit) and their `report`.
pub(crate) fn write(
    options: &Options,
    kept: &Kept,
    report: &Report,
) -> Result<Vec<u8>, TemplateError> {
    let language = options.language_value();
    let words = words(language);
    let mut workbook = Workbook::new();
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 1)?;
    workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));

    let text = CellFormat::new().set_num_format_index(49);
    let warning = CellFormat::new()
        .set_num_format_index(49)
        .set_background_color(Color::RGB(WARNING))
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0x00BF_9000));
    let header_format = CellFormat::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F_4E_79));
    let header_warning = CellFormat::new()
        .set_bold()
        .set_background_color(Color::RGB(WARNING))
        .set_border(FormatBorder::Thin);

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

    let (header_row, header_cells): (u32, &[(u32, String)]) = match kept.rows.first() {
        Some((number, cells)) => (*number, cells.as_slice()),
        None => (1, &[]),
    };
    let width = kept
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|&(column, _)| column))
        .max()
        .map_or(0, |last| last.saturating_add(1))
        .min(LAST_COLUMN);
    // The template's header when the upload gave none (it could not be read).
    let template_header: Vec<(u32, String)>;
    let header_cells = if header_cells.is_empty() {
        template_header = (0u32..)
            .zip(Column::ALL)
            .map(|(index, column)| (index, words.header(column).to_owned()))
            .collect();
        template_header.as_slice()
    } else {
        header_cells
    };
    let width = width.max(u32::try_from(header_cells.len()).unwrap_or(0));
    let errors_column = u16::try_from(width.min(LAST_COLUMN)).unwrap_or(0);
    let mut columns: Vec<(u32, Column)> = Vec::new();
    for (index, name) in header_cells {
        if let Some(column) = options.column_for_header(name) {
            if columns.iter().all(|&(_, known)| known != column) {
                columns.push((*index, column));
            }
        }
    }

    {
        let users = workbook.add_worksheet();
        users.set_name("Users")?;
        let header_index = header_row.saturating_sub(1);
        for &(index, column) in &columns {
            let Ok(col) = u16::try_from(index) else {
                continue;
            };
            users.set_column_width(col, column_width(column))?;
            if column != Column::UserType {
                users.set_column_format(col, &text)?;
            }
            let rule = Text::ColumnRule {
                column,
                default_site: options.default_site_value(),
            };
            if !by_cell.contains_key(&(header_row, index)) {
                let note = Note::new(rule.render(language))
                    .set_author("Template")
                    .add_author_prefix(false)
                    .set_width(320)
                    .set_height(90);
                users.insert_note(header_index, col, &note)?;
            }
        }
        users.set_column_width(errors_column, 60)?;

        let write_row = |sheet: &mut rust_xlsxwriter::Worksheet,
                         number: u32,
                         cells: &[(u32, String)],
                         is_header: bool|
         -> Result<(), TemplateError> {
            let index = number.saturating_sub(1);
            for (column, value) in cells {
                let Ok(col) = u16::try_from(*column) else {
                    continue;
                };
                match by_cell.get(&(number, *column)) {
                    Some(problems) => {
                        let format = if is_header { &header_warning } else { &warning };
                        sheet.write_string_with_format(index, col, value, format)?;
                        sheet.insert_note(index, col, &problem_note(problems))?;
                    }
                    None if is_header => {
                        sheet.write_string_with_format(index, col, value, &header_format)?;
                    }
                    None => {
                        sheet.write_string_with_format(index, col, value, &text)?;
                    }
                }
            }
            Ok(())
        };
        write_row(users, header_row, header_cells, true)?;
        users.write_string_with_format(
            header_index,
            errors_column,
            Text::ErrorsHeading.render(language),
            &header_format,
        )?;
        let mut last_row = header_row;
        for (number, cells) in kept.rows.iter().skip(1) {
            write_row(users, *number, cells, false)?;
            last_row = *number;
        }
        // A problem in an empty cell (a missing value): the cell is marked all the same.
        let filled: std::collections::HashSet<(u32, u32)> = kept
            .rows
            .iter()
            .flat_map(|(number, cells)| cells.iter().map(move |&(column, _)| (*number, column)))
            .collect();
        for (&(row, column), problems) in &by_cell {
            let Ok(col) = u16::try_from(column) else {
                continue;
            };
            if filled.contains(&(row, column)) || row == header_row {
                continue;
            }
            let index = row.saturating_sub(1);
            users.write_blank(index, col, &warning)?;
            users.insert_note(index, col, &problem_note(problems))?;
        }
        // Every row's problems in the Errors column (the header's stay on Problems).
        for (row, problems) in &by_row {
            if *row == header_row {
                continue;
            }
            let line: Vec<String> = problems.iter().map(|e| located(e)).collect();
            users.write_string(row.saturating_sub(1), errors_column, line.join("\n"))?;
        }
        users.set_freeze_panes(header_row, 0)?;

        // The template's dropdowns, down to the last row or the row limit, whichever is
        // further.
        let last = last_row
            .max(header_row.saturating_add(options.max_rows_value()))
            .min(1_048_575)
            .saturating_sub(1);
        let first = header_row;
        if let Some(&(index, _)) = columns.iter().find(|(_, c)| *c == Column::UserType) {
            if let Ok(col) = u16::try_from(index) {
                // What the upload holds stays as typed until the person changes it.
                let kinds = crate::template::user_type_dropdown(language)?.ignore_blank(true);
                if first <= last {
                    users.add_data_validation(first, col, last, col, &kinds)?;
                }
            }
        }
    }

    // Whole-file and header problems, and the row limit, on a sheet of their own.
    let problems: Vec<&RowError> = report
        .errors
        .iter()
        .filter(|e| {
            e.row.is_none()
                || (e.row == Some(header_row) && !kept.rows.is_empty())
                || e.code == ErrorCode::TooManyRows
        })
        .collect();
    let user_rows = kept.rows.len().saturating_sub(1);
    let over_limit = report
        .errors
        .iter()
        .any(|e| e.code == ErrorCode::TooManyRows);
    if !problems.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(Text::ProblemsSheetTitle.render(language))?;
        let bold = CellFormat::new().set_bold();
        let wrap = CellFormat::new().set_text_wrap();
        sheet.set_column_width(0, 8)?;
        sheet.set_column_width(1, 100)?;
        sheet.write_string_with_format(0, 0, Text::RowHeading.render(language), &bold)?;
        sheet.write_string_with_format(0, 1, Text::ProblemHeading.render(language), &bold)?;
        let mut line = 1u32;
        for error in &problems {
            if let Some(row) = error.row {
                sheet.write_number(line, 0, f64::from(row))?;
            }
            sheet.write_string_with_format(line, 1, located(error), &wrap)?;
            line = line.saturating_add(1);
        }
        if over_limit {
            let split = Text::SplitFile {
                users: user_rows,
                limit: options.max_rows_value(),
            };
            sheet.write_string_with_format(line, 1, split.render(language), &wrap)?;
            line = line.saturating_add(1);
        }
        if kept.rows.is_empty() {
            sheet.write_string_with_format(
                line,
                1,
                Text::UnreadableUpload.render(language),
                &wrap,
            )?;
        }
        // The workbook opens on what must be fixed first.
        sheet.set_active(true);
    } else {
        workbook.worksheet_from_index(0)?.set_active(true);
    }
    Ok(workbook.save_to_buffer()?)
}

/// The note on a cell with problems: what is wrong and how to fix it.
fn problem_note(problems: &[&RowError]) -> Note {
    let message: Vec<&str> = problems.iter().map(|e| e.message.as_str()).collect();
    Note::new(message.join("\n"))
        .set_author("Check")
        .add_author_prefix(false)
        .set_width(360)
        .set_height(110)
}

fn column_width(column: Column) -> f64 {
    match column {
        Column::UserName => 30.0,
        Column::Email => 36.0,
        Column::UserType => 16.0,
        Column::Site => 22.0,
    }
}
