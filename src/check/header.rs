//! The header row → which spreadsheet column holds which [`Column`], and header errors.
//! Another system's list (`systems.rs`) maps its own headers; a list of first and last
//! names has them joined into the User name.

use crate::check::suggest;
use crate::check::systems::{Field, System, NAME_PARTS};
use crate::error::RowError;
use crate::message::Text;
use crate::model::codes::{ErrorCode, NoteCode};
use crate::model::column::{header_key, Column};
use crate::model::sheet::MAX_CELLS;
use crate::options::{Options, UnknownColumns};
use crate::read::row::{CellKind, Row};
use crate::report::Note;

/// The most unknown or repeated header cells reported one by one; past it, one more
/// error counts the rest, so a header of thousands of columns gives a short report.
const MAX_LISTED: usize = 20;

/// A header's errors: the first [`MAX_LISTED`] one by one, the rest counted. An error
/// past them is never made, so a header of thousands of unknown cells costs a count.
#[derive(Default)]
struct Listing {
    listed: Vec<RowError>,
    unlisted: usize,
}

impl Listing {
    fn report(&mut self, error: impl FnOnce() -> RowError) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(error());
        } else {
            self.unlisted += 1;
        }
    }
}

/// The places of a first and a last name among a row's values, after our columns; and
/// how many places there are.
pub(crate) const FIRST: usize = 4;
pub(crate) const LAST: usize = 5;
pub(crate) const PLACES: usize = 6;

/// What one spreadsheet column of the header holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A value that is read: its place among a row's values ([`Column::index`] for our
    /// columns, then [`FIRST`] and [`LAST`]), for the first header of its name.
    Read(usize),
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
    /// Where the first and the last name are, when the list has them.
    first: Option<u32>,
    last: Option<u32>,
    /// The system whose list this is, if another system's.
    pub(crate) system: Option<&'static System>,
    /// The header had an error: no user of this file can be trusted.
    pub(crate) has_errors: bool,
}

impl Header {
    /// Reads `row` as the header if it can be one: it names both required columns and
    /// holds no email address (a row of data never is the header). Its errors and notes
    /// come with it.
    pub(crate) fn try_read(
        row: &Row,
        options: &Options,
    ) -> Option<(Header, Vec<RowError>, Vec<Note>)> {
        let holds_address = row.cells().iter().any(|cell| {
            let text = row.text(cell);
            text.contains('@') && crate::check::email::email(text).is_ok()
        });
        if holds_address {
            return None;
        }
        let (mut errors, mut notes) = (Vec::new(), Vec::new());
        let header = Header::read(row, options, &mut errors, &mut notes);
        let named = !errors.iter().any(|e| e.code == ErrorCode::MissingColumn);
        named.then_some((header, errors, notes))
    }

    /// Reads the header row, pushing its errors onto `errors` and what it assumed onto
    /// `notes`.
    pub(crate) fn read(
        row: &Row,
        options: &Options,
        errors: &mut Vec<RowError>,
        notes: &mut Vec<Note>,
    ) -> Header {
        let mut header = Header {
            slots: Vec::new(),
            known: [None; 4],
            first: None,
            last: None,
            system: None,
            has_errors: false,
        };
        let keys: Vec<String> = row
            .cells()
            .iter()
            .filter(|cell| cell.kind == CellKind::Value)
            .map(|cell| key_of(row.text(cell)))
            .collect();
        header.system = System::recognise(&keys);
        let mut used: Vec<&str> = Vec::new();
        let language = options.sentence_language();
        let mut listing = Listing::default();
        for cell in row.cells() {
            let text = row.text(cell);
            let field = if cell.kind != CellKind::Value {
                None
            } else if let Some(system) = header.system {
                system.field(&key_of(text))
            } else {
                options
                    .column_for_header(text)
                    .map(Field::Column)
                    .or_else(|| {
                        let key = key_of(text);
                        NAME_PARTS
                            .iter()
                            .find(|(part, _)| *part == key)
                            .map(|&(_, field)| field)
                    })
            };
            if field.is_some() {
                used.push(text);
            }
            let known = match field {
                Some(Field::Column(column)) => Some(column),
                Some(part) => {
                    let place = if part == Field::First {
                        &mut header.first
                    } else {
                        &mut header.last
                    };
                    let slot = match place {
                        Some(_) => Slot::Skipped,
                        None => {
                            *place = Some(cell.column);
                            Slot::Read(if part == Field::First { FIRST } else { LAST })
                        }
                    };
                    header.place(cell.column, slot);
                    continue;
                }
                None => None,
            };
            let slot = match known {
                Some(column) => match header.column_index(column) {
                    Some(first) => {
                        let duplicate = Text::DuplicateColumn {
                            column,
                            first,
                            second: cell.column,
                        };
                        listing.report(|| {
                            RowError::at(
                                ErrorCode::DuplicateColumn,
                                row.number,
                                (Some(column), Some(cell.column)),
                                duplicate,
                                language,
                            )
                            .with_value(text)
                        });
                        Slot::Skipped
                    }
                    None => {
                        if let Some(place) = header.known.get_mut(column.index()) {
                            *place = Some(cell.column);
                        }
                        Slot::Read(column.index())
                    }
                },
                // The errors files' own column: what it says is not the person's data.
                None if crate::message::is_errors_heading(text) => Slot::Skipped,
                // Another system's other columns are ignored.
                None if header.system.is_some() => Slot::Skipped,
                None => {
                    if options.unknown_columns_policy() == UnknownColumns::Reject {
                        // Made, with its suggestion, only if it is listed one by one.
                        listing.report(|| {
                            let unknown = Text::UnknownColumn {
                                index: cell.column,
                                header: text,
                            };
                            let error = RowError::at(
                                ErrorCode::UnknownColumn,
                                row.number,
                                (None, Some(cell.column)),
                                unknown,
                                language,
                            )
                            .with_value(text);
                            match suggest::header(text) {
                                Some(meant) => error.with_suggestion(meant),
                                None => error,
                            }
                        });
                    }
                    Slot::Skipped
                }
            };
            header.place(cell.column, slot);
        }
        if let Some(column) = row.overflow {
            listing.report(|| {
                RowError::at(
                    ErrorCode::UnknownColumn,
                    row.number,
                    (None, Some(column)),
                    Text::HeaderTooWide { max: MAX_CELLS },
                    language,
                )
            });
        }
        if listing.unlisted > 0 {
            listing.listed.push(RowError::at(
                ErrorCode::UnknownColumn,
                row.number,
                (None, None),
                Text::MoreHeaderCells {
                    count: listing.unlisted,
                },
                language,
            ));
        }
        errors.append(&mut listing.listed);
        let names_joined = header.column_index(Column::UserName).is_none()
            && (header.first.is_some() || header.last.is_some());
        for column in Column::ALL {
            let named = header.column_index(column).is_some()
                || (column == Column::UserName && names_joined);
            if column.is_required() && !named {
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
        if let Some(system) = header.system {
            let ignored = keys.len().saturating_sub(used.len());
            let text = Text::KnownList {
                system: system.name,
                used: &used,
                ignored,
            };
            notes.push(Note::at(row.number, NoteCode::KnownList, text, language));
        }
        header
    }

    fn place(&mut self, column: u32, slot: Slot) {
        let index = usize::try_from(column).unwrap_or(usize::MAX);
        // Cells come left to right and a row holds at most MAX_CELLS of them, so the
        // table is at most as long as the row is wide.
        if index >= self.slots.len() && index < crate::model::sheet::MAX_COLUMNS {
            self.slots.resize(index + 1, None);
        }
        if let Some(place) = self.slots.get_mut(index) {
            *place = Some(slot);
        }
    }

    /// The spreadsheet column holding `column`, if the header has it; for a User name
    /// joined from first and last names, the first name's (or the last's).
    pub(crate) fn place_of(&self, column: Column) -> Option<u32> {
        self.column_index(column).or_else(|| {
            (column == Column::UserName)
                .then_some(self.first.or(self.last))
                .flatten()
        })
    }

    /// The spreadsheet column holding `column`, if the header has it.
    pub(crate) fn column_index(&self, column: Column) -> Option<u32> {
        self.known.get(column.index()).copied().flatten()
    }

    /// What the spreadsheet column `index` holds; `None` under a blank header cell.
    fn slot(&self, index: u32) -> Option<Slot> {
        let index = usize::try_from(index).ok()?;
        self.slots.get(index).copied().flatten()
    }

    /// `row`'s cells in the places of their headers.
    #[inline]
    pub(crate) fn values<'r>(&self, row: &'r Row) -> Placed<'r> {
        let mut placed = Placed {
            texts: [""; PLACES],
            kinds: [CellKind::Value; PLACES],
            extra: None,
            extra_count: 0,
        };
        for cell in row.cells() {
            match self.slot(cell.column) {
                Some(Slot::Read(place)) => {
                    let text = placed.texts.get_mut(place);
                    if let (Some(text), Some(kind)) = (text, placed.kinds.get_mut(place)) {
                        *text = row.text(cell);
                        *kind = cell.kind;
                    }
                }
                Some(Slot::Skipped) => {}
                None => placed.add_extra(cell.column, row.text(cell)),
            }
        }
        if let Some(column) = row.overflow {
            placed.add_extra(column, "");
        }
        placed
    }
}

/// A row's cells in the places of their headers ([`Header::values`]).
pub(crate) struct Placed<'r> {
    /// The text of each place (`""` where the row has none), in [`Column::ALL`] order,
    /// then [`FIRST`] and [`LAST`].
    pub(crate) texts: [&'r str; PLACES],
    /// What each place's cell holds: a value, or why there is none.
    pub(crate) kinds: [CellKind; PLACES],
    /// The first value under a blank header cell, or past the cells a row keeps (its text
    /// then `""`), and how many such values there are.
    pub(crate) extra: Option<(u32, &'r str)>,
    pub(crate) extra_count: usize,
}

impl<'r> Placed<'r> {
    fn add_extra(&mut self, column: u32, text: &'r str) {
        self.extra.get_or_insert((column, text));
        self.extra_count += 1;
    }
}

/// A header text in the form headers are compared in; a cell far longer than any header
/// is not folded.
fn key_of(text: &str) -> String {
    if text.len() > 256 {
        return String::new();
    }
    header_key(text)
}
