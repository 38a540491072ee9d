//! The header row → which spreadsheet column holds which [`Column`], and header errors.

use crate::cells::{column_letters, Row};
use crate::error::{shorten, ErrorCode, RowError};
use crate::options::{Options, UnknownColumns};
use crate::Column;

/// What one spreadsheet column of the header holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A known column, first of its name.
    Known(Column),
    /// A header whose values are not read: unknown or repeated.
    Skipped,
}

/// The header, understood.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// Sorted by spreadsheet column index; blank header cells are absent.
    slots: Vec<(u32, Slot)>,
    /// The header had an error: no user of this file can be trusted.
    pub(crate) has_errors: bool,
}

impl Header {
    /// Reads the header row, pushing its errors onto `errors`.
    pub(crate) fn read(row: &Row, options: &Options, errors: &mut Vec<RowError>) -> Header {
        let mut header = Header {
            slots: Vec::with_capacity(row.cells.len()),
            has_errors: false,
        };
        let expected = expected_columns();
        for cell in &row.cells {
            let letter = column_letters(cell.column);
            let known = if cell.is_error {
                None
            } else {
                options.column_for_header(&cell.text)
            };
            let slot = match known {
                Some(column) => match header.column_index(column) {
                    Some(first) => {
                        errors.push(
                            RowError::at(
                                ErrorCode::DuplicateColumn,
                                row.number,
                                Some(column),
                                Some(cell.column),
                                format!(
                                    "Columns {} and {letter} are both {column}. Keep one of \
                                     them and delete the other.",
                                    column_letters(first),
                                ),
                            )
                            .with_value(&cell.text),
                        );
                        Slot::Skipped
                    }
                    None => Slot::Known(column),
                },
                None => {
                    if options.unknown_columns_policy() == UnknownColumns::Reject {
                        errors.push(
                            RowError::at(
                                ErrorCode::UnknownColumn,
                                row.number,
                                None,
                                Some(cell.column),
                                format!(
                                    "Column {letter} is headed \"{}\", which is not a column \
                                     this upload knows. The columns are {expected}. Rename \
                                     the header or delete the column.",
                                    shorten(&cell.text, 40),
                                ),
                            )
                            .with_value(&cell.text),
                        );
                    }
                    Slot::Skipped
                }
            };
            header.slots.push((cell.column, slot));
        }
        for column in Column::ALL {
            if column.is_required() && header.column_index(column).is_none() {
                errors.push(RowError::at(
                    ErrorCode::MissingColumn,
                    row.number,
                    Some(column),
                    None,
                    format!(
                        "The header row has no {column} column. Add a column headed \
                         \"{}\".",
                        column.template_header(),
                    ),
                ));
            }
        }
        header.has_errors = !errors.is_empty();
        header.slots.sort_by_key(|&(index, _)| index);
        header
    }

    /// The spreadsheet column holding `column`, if the header has it.
    pub(crate) fn column_index(&self, column: Column) -> Option<u32> {
        self.slots
            .iter()
            .find(|&&(_, slot)| slot == Slot::Known(column))
            .map(|&(index, _)| index)
    }

    /// What the spreadsheet column `index` holds; `None` under a blank header cell.
    pub(crate) fn slot(&self, index: u32) -> Option<Slot> {
        self.slots
            .binary_search_by_key(&index, |&(i, _)| i)
            .ok()
            .and_then(|found| self.slots.get(found))
            .map(|&(_, slot)| slot)
    }
}

/// `"User name", "Email", "User type" and "Site"`, for messages.
pub(crate) fn expected_columns() -> String {
    let names: Vec<String> = Column::ALL
        .iter()
        .map(|column| format!("\"{}\"", column.name()))
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}
