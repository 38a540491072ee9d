//! The header row → which spreadsheet column holds which [`Column`], and header errors.

use crate::error::RowError;
use crate::message::Text;
use crate::model::codes::ErrorCode;
use crate::model::column::Column;
use crate::model::sheet::MAX_CELLS;
use crate::options::{Options, UnknownColumns};
use crate::read::row::Row;

/// The most unknown or repeated header cells reported one by one; past it, one more
/// error counts the rest, so a header of thousands of columns gives a short report.
const MAX_LISTED: usize = 20;

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
    /// What each spreadsheet column holds, by index; `None` under a blank header cell.
    slots: Vec<Option<Slot>>,
    /// Where each known column is, in [`Column::ALL`] order.
    known: [Option<u32>; 4],
    /// The header had an error: no user of this file can be trusted.
    pub(crate) has_errors: bool,
}

impl Header {
    /// Reads the header row, pushing its errors onto `errors`.
    pub(crate) fn read(row: &Row, options: &Options, errors: &mut Vec<RowError>) -> Header {
        let mut header = Header {
            slots: Vec::new(),
            known: [None; 4],
            has_errors: false,
        };
        let language = options.sentence_language();
        let mut listed = Vec::new();
        let mut unlisted = 0usize;
        let mut report = |error: RowError| {
            if listed.len() < MAX_LISTED {
                listed.push(error);
            } else {
                unlisted += 1;
            }
        };
        for cell in row.cells() {
            let text = row.text(cell);
            let known = if cell.kind != crate::read::row::CellKind::Value {
                None
            } else {
                options.column_for_header(text)
            };
            let slot = match known {
                Some(column) => match header.column_index(column) {
                    Some(first) => {
                        let duplicate = Text::DuplicateColumn {
                            column,
                            first,
                            second: cell.column,
                        };
                        report(
                            RowError::at(
                                ErrorCode::DuplicateColumn,
                                row.number,
                                (Some(column), Some(cell.column)),
                                duplicate,
                                language,
                            )
                            .with_value(text),
                        );
                        Slot::Skipped
                    }
                    None => {
                        if let Some(place) = header.known.get_mut(column.index()) {
                            *place = Some(cell.column);
                        }
                        Slot::Known(column)
                    }
                },
                // The errors files' own column: what it says is not the person's data.
                None if crate::message::is_errors_heading(text) => Slot::Skipped,
                None => {
                    if options.unknown_columns_policy() == UnknownColumns::Reject {
                        let unknown = Text::UnknownColumn {
                            index: cell.column,
                            header: text,
                        };
                        report(
                            RowError::at(
                                ErrorCode::UnknownColumn,
                                row.number,
                                (None, Some(cell.column)),
                                unknown,
                                language,
                            )
                            .with_value(text),
                        );
                    }
                    Slot::Skipped
                }
            };
            let index = usize::try_from(cell.column).unwrap_or(usize::MAX);
            // Cells come left to right and a row holds at most MAX_CELLS of them, so the
            // table is at most as long as the row is wide.
            if index >= header.slots.len() && index < crate::model::sheet::MAX_COLUMNS {
                header.slots.resize(index + 1, None);
            }
            if let Some(place) = header.slots.get_mut(index) {
                *place = Some(slot);
            }
        }
        if let Some(column) = row.overflow {
            report(RowError::at(
                ErrorCode::UnknownColumn,
                row.number,
                (None, Some(column)),
                Text::HeaderTooWide { max: MAX_CELLS },
                language,
            ));
        }
        if unlisted > 0 {
            listed.push(RowError::at(
                ErrorCode::UnknownColumn,
                row.number,
                (None, None),
                Text::MoreHeaderCells { count: unlisted },
                language,
            ));
        }
        errors.append(&mut listed);
        for column in Column::ALL {
            if column.is_required() && header.column_index(column).is_none() {
                errors.push(RowError::at(
                    ErrorCode::MissingColumn,
                    row.number,
                    (Some(column), None),
                    Text::MissingColumn { column },
                    language,
                ));
            }
        }
        header.has_errors = !errors.is_empty();
        header
    }

    /// The spreadsheet column holding `column`, if the header has it.
    pub(crate) fn column_index(&self, column: Column) -> Option<u32> {
        self.known.get(column.index()).copied().flatten()
    }

    /// What the spreadsheet column `index` holds; `None` under a blank header cell.
    pub(crate) fn slot(&self, index: u32) -> Option<Slot> {
        let index = usize::try_from(index).ok()?;
        self.slots.get(index).copied().flatten()
    }
}
