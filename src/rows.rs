//! Rows of cells → users or errors, for every format; checks across rows (duplicate
//! emails, the row limit). This is the only module that knows the rules of a user.

use std::collections::hash_map::{Entry, HashMap, RandomState};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::ops::ControlFlow;

use crate::cells::{column_letters, Cell, Row, RowSink};
use crate::error::{ErrorCode, RowError};
use crate::header::{position, Header, Slot};
use crate::options::Options;
use crate::report::{Report, RowUser};
use crate::rules::{self, Problem};
use crate::{Column, NewUser, UserType};

/// Takes the rows of one file, in order, and builds its [`Report`].
pub(crate) struct Validator<'o> {
    options: &'o Options,
    header: Option<Header>,
    users: Vec<RowUser>,
    errors: Vec<RowError>,
    /// Every valid email so far, with the row it first appeared on.
    seen: SeenEmails,
    user_rows: u32,
}

impl<'o> Validator<'o> {
    pub(crate) fn new(options: &'o Options) -> Self {
        Validator {
            options,
            header: None,
            users: Vec::new(),
            errors: Vec::new(),
            seen: SeenEmails::default(),
            user_rows: 0,
        }
    }

    /// The report, once the reader has handed over every row it will.
    pub(crate) fn finish(mut self) -> Report {
        let Some(header) = &self.header else {
            return Report::file_error(RowError::file(
                ErrorCode::EmptyFile,
                "The file is empty: it has no header row and no users. Fill in the \
                 template with one user per row and upload it again."
                    .to_owned(),
            ));
        };
        if self.user_rows == 0 {
            self.errors.push(RowError::file(
                ErrorCode::NoRows,
                "The file has a header row but no users. Add one user per row under the \
                 header."
                    .to_owned(),
            ));
        }
        if header.has_errors {
            // A file whose header is wrong may have its columns mixed up: none of its
            // users can be trusted.
            self.users.clear();
        }
        Report::new(self.users, self.errors)
    }

    fn user_row(&mut self, row: &Row) {
        let Some(header) = &self.header else {
            return;
        };
        let mut values: [Option<Cell>; 4] = [None; 4];
        let mut extra: Option<(u32, &str)> = None;
        let mut extra_count = 0usize;
        for cell in row.cells() {
            match header.slot(cell.column) {
                Some(Slot::Known(column)) => {
                    if let Some(value) = values.get_mut(position(column)) {
                        *value = Some(*cell);
                    }
                }
                Some(Slot::Skipped) => {}
                None => {
                    extra.get_or_insert((cell.column, row.text(cell)));
                    extra_count += 1;
                }
            }
        }
        if let Some(column) = row.overflow {
            extra.get_or_insert((column, ""));
            extra_count += 1;
        }
        if let Some((column, text)) = extra {
            // Past MAX_CELLS a row stops counting: say "at least".
            let at_least = if row.overflow.is_some() {
                "at least "
            } else {
                ""
            };
            let others = match extra_count.saturating_sub(1) {
                0 => String::new(),
                1 => format!(" (and {at_least}1 more column)"),
                more => format!(" (and {at_least}{more} more columns)"),
            };
            self.errors.push(
                RowError::at(
                    ErrorCode::ExtraValue,
                    row.number,
                    None,
                    Some(column),
                    format!(
                        "Column {}{others} has a value but no header. Delete the value, or \
                         give the column a header.",
                        column_letters(column),
                    ),
                )
                .with_value(text),
            );
        }

        let mut row_ok = extra.is_none();
        let mut fields: [Option<Field>; 4] = [None, None, None, None];
        for (slot, column) in fields.iter_mut().zip(Column::ALL) {
            let index = header.column_index(column);
            // A required column missing from the header is reported once, there.
            if index.is_none() && column.is_required() {
                row_ok = false;
                continue;
            }
            let cell = values.get(position(column)).copied().flatten();
            let text = cell.map_or("", |cell| row.text(&cell));
            let result = match cell {
                Some(cell) if cell.is_error => Err(Problem::ErrorCell),
                _ => check(self.options, column, text),
            };
            match result {
                Ok(field) => *slot = Some(field),
                Err(problem) => {
                    row_ok = false;
                    let message = problem.message(column, text);
                    let mut error =
                        RowError::at(problem.code(), row.number, Some(column), index, message);
                    if !text.is_empty() {
                        error = error.with_value(text);
                    }
                    self.errors.push(error);
                }
            }
        }
        let [name, email, user_type, site] = fields;

        if let Some(Field::Email(address)) = &email {
            if let Some(first) = self.seen.first_row(address, row.number) {
                row_ok = false;
                self.errors.push(
                    RowError::at(
                        ErrorCode::DuplicateEmail,
                        row.number,
                        Some(Column::Email),
                        header.column_index(Column::Email),
                        format!(
                            "{address} is already used on row {first}. Each user needs \
                             their own email address."
                        ),
                    )
                    .with_value(address),
                );
            }
        }
        if !row_ok {
            return;
        }
        if let (
            Some(Field::Text(name)),
            Some(Field::Email(address)),
            Some(Field::Type(user_type)),
            Some(Field::Text(site)),
        ) = (name, email, user_type, site)
        {
            self.users.push(RowUser {
                row: row.number,
                user: NewUser {
                    name,
                    email: address,
                    user_type,
                    site,
                },
            });
        }
    }
}

/// A checked value.
enum Field {
    Text(String),
    Email(String),
    Type(UserType),
}

/// Applies the column's rule, with the options' defaults for empty optional cells.
fn check(options: &Options, column: Column, text: &str) -> Result<Field, Problem> {
    match column {
        Column::UserName => rules::user_name(text).map(Field::Text),
        Column::Email => rules::email(text).map(Field::Email),
        Column::UserType if text.is_empty() => Ok(Field::Type(options.default_user_type_value())),
        Column::UserType => rules::user_type(text).map(Field::Type),
        Column::Site if text.is_empty() => Ok(Field::Text(options.default_site_value().to_owned())),
        Column::Site => rules::site(text, options.allowed_sites_list()).map(Field::Text),
    }
}

impl RowSink for Validator<'_> {
    fn row(&mut self, row: &Row) -> ControlFlow<()> {
        if row.is_blank() {
            return ControlFlow::Continue(());
        }
        if self.header.is_none() {
            self.header = Some(Header::read(row, self.options, &mut self.errors));
            return ControlFlow::Continue(());
        }
        self.user_rows = self.user_rows.saturating_add(1);
        let limit = self.options.max_rows_value();
        if self.user_rows > limit {
            self.errors.push(RowError::at(
                ErrorCode::TooManyRows,
                row.number,
                None,
                None,
                format!(
                    "The file has more than {limit} users; this is the first row past the \
                     limit. Split the users into files of at most {limit} users each."
                ),
            ));
            return ControlFlow::Break(());
        }
        self.user_row(row);
        ControlFlow::Continue(())
    }

    fn restart(&mut self) {
        *self = Validator::new(self.options);
    }
}

/// The emails seen so far, compared case-insensitively, without an allocation per row:
/// lower-cased keys live in one growing buffer, and the map goes from a keyed hash of a
/// key (SipHash with random keys, so collisions cannot be crafted) to its first row.
/// That hash is already uniform and secret, so the map uses it as it is
/// ([`KeyedHash`]) instead of hashing it a second time on every lookup and resize.
#[derive(Default)]
struct SeenEmails {
    keys: String,
    first: HashMap<u64, Seen, BuildHasherDefault<KeyedHash>>,
    /// Different keys whose hashes collided: astronomically rare, checked one by one.
    clashes: Vec<Seen>,
    hasher: RandomState,
    scratch: String,
}

#[derive(Clone, Copy)]
struct Seen {
    start: usize,
    end: usize,
    row: u32,
}

impl SeenEmails {
    /// The row `address` first appeared on, or `None` (and it is remembered for `row`).
    fn first_row(&mut self, address: &str, row: u32) -> Option<u32> {
        rules::email_key(address, &mut self.scratch);
        let key = self.scratch.as_str();
        let hash = self.hasher.hash_one(key);
        let is_key = |seen: &Seen| self.keys.get(seen.start..seen.end) == Some(key);
        let found = match self.first.get(&hash) {
            Some(seen) if is_key(seen) => return Some(seen.row),
            Some(_) => self
                .clashes
                .iter()
                .find(|seen| is_key(seen))
                .map(|seen| seen.row),
            None => None,
        };
        if found.is_some() {
            return found;
        }
        let seen = Seen {
            start: self.keys.len(),
            end: self.keys.len() + key.len(),
            row,
        };
        self.keys.push_str(key);
        match self.first.entry(hash) {
            Entry::Occupied(_) => self.clashes.push(seen),
            Entry::Vacant(slot) => {
                slot.insert(seen);
            }
        }
        None
    }
}

/// The hasher of a map whose keys are already keyed SipHash values: it passes them on.
#[derive(Default)]
struct KeyedHash(u64);

impl Hasher for KeyedHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys reach this map; fold anything else in rather than lose it.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}
