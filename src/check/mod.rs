//! Rows of cells → users or errors, for every format; checks across rows (duplicate
//! emails, the row limit). This is the only module that knows the rules of a user.

pub(crate) mod customer;
pub(crate) mod email;
pub(crate) mod header;
pub(crate) mod kept;
pub(crate) mod rules;
mod seen;
mod suggest;
mod systems;
pub(crate) mod table;

use std::ops::ControlFlow;

use customer::Customer;
use seen::Seen;

use crate::check::header::{Header, Placed};
use crate::error::{RowError, RowErrors};
use crate::message::{Language, Text};
use crate::model::codes::{ErrorCode, NoteCode};
use crate::model::column::Column;
use crate::model::problem::Problem;
use crate::model::text::is_error_value;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::read::row::{CellKind, Row, RowSink, Undecoded};
use crate::report::{Note, Report, RowUser};

/// The most users room is made for before any is read; past it the lists grow.
const MAX_ROOM: usize = 1024;

/// Takes the rows of one file, in order, and builds its [`Report`].
pub(crate) struct Validator<'o> {
    options: &'o Options,
    customer: Customer<'o>,
    header: Option<Header>,
    errors: Vec<RowError>,
    /// What was assumed or changed, row by row.
    notes: Vec<Note>,
    user_rows: u32,
    /// The valid users so far, and beside them the row each came from.
    users: Vec<NewUser>,
    user_rows_of: Vec<u32>,
    /// Every valid email's key so far, with the row it first appeared on.
    seen: Seen,
    /// The key of the address being checked, made in the same buffer for every row.
    key: String,
    /// While the header is looked for: the non-blank rows read so far, none of which can
    /// be the header.
    above: Vec<Row>,
    /// The header's row, once found.
    header_row: Option<u32>,
    /// Whether a User name was joined from first and last names (noted once).
    joined: bool,
    /// The hidden rows read (the first [`MAX_LISTED_ROWS`]), and how many there were.
    hidden: Vec<u32>,
    hidden_count: usize,
}

/// The most row numbers a note lists; past it, it counts the rest.
const MAX_LISTED_ROWS: usize = 20;

/// The header is looked for among this many non-blank rows at the top of a file.
pub(crate) const HEADER_SEARCH_ROWS: usize = 10;

impl<'o> Validator<'o> {
    /// A validator for a file of `bytes` bytes.
    pub(crate) fn new(options: &'o Options, bytes: usize) -> Self {
        // Room for the users the file can hold, made once: at most the row limit, and at
        // most what the file's size allows (a user takes at least `a,b@c.de` and a line
        // break). Growing the lists row by row costs a service's 500-user parse more
        // than a tenth (BENCHMARKS.md).
        let limit = usize::try_from(options.rows_limit()).unwrap_or(usize::MAX);
        let room = limit.min(bytes / 10).min(MAX_ROOM);
        Validator {
            options,
            customer: Customer::new(options),
            header: None,
            errors: Vec::new(),
            notes: Vec::new(),
            user_rows: 0,
            users: Vec::with_capacity(room),
            user_rows_of: Vec::with_capacity(room),
            seen: Seen::with_capacity(room),
            key: String::new(),
            above: Vec::new(),
            header_row: None,
            joined: false,
            hidden: Vec::new(),
            hidden_count: 0,
        }
    }

    /// The report, once the reader has handed over every row it will.
    pub(crate) fn finish(mut self) -> Report {
        let errors = self.close();
        let users = self.user_rows_of.into_iter().zip(self.users);
        let users = users.map(|(row, user)| RowUser { row, user }).collect();
        let mut notes = self.notes;
        if self.hidden_count > 0 {
            let text = Text::HiddenRows {
                rows: &self.hidden,
                more: self.hidden_count.saturating_sub(self.hidden.len()),
            };
            let language = self.options.sentence_language();
            notes.push(Note::file(NoteCode::HiddenRowsIncluded, text, language));
        }
        // By row, the file's own first; a row's notes in the order they were made.
        notes.sort_by_key(|note| note.row);
        let language = self.options.sentence_language();
        Report::new(users, errors, notes, language).with_header_row(self.header_row)
    }

    /// All or nothing, as [`Report::into_result`], once the reader has handed over every
    /// row it will.
    pub(crate) fn finish_all_or_nothing(mut self) -> Result<Vec<NewUser>, RowErrors> {
        let errors = self.close();
        RowErrors::none_or_all(errors).map(|()| self.users)
    }

    /// Every error, with the whole-file errors added; the users are left only if the
    /// file can have any.
    fn close(&mut self) -> Vec<RowError> {
        if self.header.is_none() {
            // No row among the first few names the columns: the first is the header.
            let _ = self.settle();
        }
        let language = self.options.sentence_language();
        let Some(header) = &self.header else {
            let empty = RowError::file(ErrorCode::EmptyFile, Text::EmptyFile, language);
            return vec![empty];
        };
        if self.user_rows == 0 {
            self.errors
                .push(RowError::file(ErrorCode::NoRows, Text::NoRows, language));
        }
        let over_limit = self.user_rows > self.options.rows_limit();
        if header.has_errors || over_limit {
            // A file whose header is wrong may have its columns mixed up: none of its
            // users can be trusted. A file over the row limit is refused whole, so that
            // "import unless a file-level error" never imports the first rows of it.
            self.users.clear();
            self.user_rows_of.clear();
        }
        std::mem::take(&mut self.errors)
    }

    fn user_row(&mut self, row: &Row) {
        let Some(header) = &self.header else {
            return;
        };
        let Placed {
            texts,
            kinds,
            extra,
            extra_count,
        } = header.values(row);
        let language = self.options.sentence_language();
        if let Some((column, text)) = extra {
            // Past MAX_CELLS a row stops counting: say "at least".
            let extra_value = Text::ExtraValue {
                index: column,
                more: extra_count.saturating_sub(1),
                at_least: row.overflow.is_some(),
            };
            self.errors.push(
                RowError::at(
                    ErrorCode::ExtraValue,
                    row.number,
                    (None, Some(column)),
                    extra_value,
                    language,
                )
                .with_value(text),
            );
        }

        let options = self.options;
        let [name, email, user_type, site, first, last] = texts;
        let [mut name_error, email_error, user_type_error, site_error, first_error, last_error] =
            kinds;
        let mut joined_name = None;
        if name.is_empty() && !(first.is_empty() && last.is_empty()) {
            joined_name = Some(join_names([first, last]));
            // A spreadsheet error in either part is the joined name's.
            name_error = if first_error == CellKind::Value {
                last_error
            } else {
                first_error
            };
        }
        if joined_name.is_some() && !self.joined {
            self.joined = true;
            let text = Text::NamesJoined {
                display_name: header.column_index(Column::UserName).is_some(),
            };
            let at = self.header_row.unwrap_or(row.number);
            self.notes
                .push(Note::at(at, NoteCode::NamesJoined, text, language));
        }
        let name = joined_name.as_deref().unwrap_or(name);
        if let Some((example_name, example_email)) = header.system.and_then(|s| s.example) {
            if name == example_name && email.eq_ignore_ascii_case(example_email) {
                let system = header.system.map_or("", |s| s.name);
                self.errors.push(RowError::at(
                    ErrorCode::ExampleRow,
                    row.number,
                    (None, None),
                    Text::ExampleRow { system },
                    language,
                ));
                return;
            }
        }
        let mut field = Field {
            errors: &mut self.errors,
            header,
            options,
            customer: &self.customer,
            language,
            plain: row.is_known_plain(),
            undecoded: row.undecoded,
            row: row.number,
        };
        let name = field.check(Column::UserName, name, name_error, rules::user_name);
        let email = field.check(Column::Email, email, email_error, email::email);
        let user_type = field.check(Column::UserType, user_type, user_type_error, |text| {
            if text.is_empty() {
                Ok(options.default_user_type_value())
            } else {
                rules::user_type(text)
            }
        });
        let site = field.check(Column::Site, site, site_error, |text| {
            if text.is_empty() {
                Ok(options.default_site_value())
            } else {
                rules::site(text, options.allowed_sites_list())
            }
        });

        let mut duplicate = false;
        if let Some(address) = &email {
            let key = &mut self.key;
            key.clear();
            email::push_key(address, key);
            let place = (Some(Column::Email), header.column_index(Column::Email));
            // A repeat is a duplicate; the customer's rules are asked once per distinct
            // address.
            if let Some(first) = self.seen.first_row(key, row.number) {
                duplicate = true;
                let text = Text::DuplicateEmail { address, first };
                self.errors.push(
                    RowError::at(ErrorCode::DuplicateEmail, row.number, place, text, language)
                        .with_value(address),
                );
            } else if let Some(problem) = self.customer.problem(address, key) {
                duplicate = true;
                let text = Text::Cell {
                    problem: &problem,
                    column: Column::Email,
                    value: address,
                };
                let mut error = RowError::at(problem.code(), row.number, place, text, language)
                    .with_value(address);
                if let Some(meant) = suggestion(&problem, address, options, &self.customer) {
                    error = error.with_suggestion(meant);
                }
                self.errors.push(error);
            }
        }
        if let (None, false, Some(name), Some(email), Some(user_type), Some(site)) =
            (extra, duplicate, name, email, user_type, site)
        {
            // The values are copied only now, for a row known to be valid.
            let user = NewUser {
                name: name.to_owned(),
                email,
                user_type,
                site: site.to_owned(),
            };
            self.users.push(user);
            self.user_rows_of.push(row.number);
        }
    }
}

/// Checks the cells of one row, column by column, recording what is wrong.
struct Field<'a> {
    errors: &'a mut Vec<RowError>,
    header: &'a Header,
    options: &'a Options,
    customer: &'a Customer<'a>,
    language: Language,
    /// The row's text is known to hold no U+FFFD and no C1 control.
    plain: bool,
    /// What its U+FFFD stand for, when the reader knows.
    undecoded: Option<Undecoded>,
    row: u32,
}

impl Field<'_> {
    /// Applies `rule` to the trimmed `text` of `column` (`""` for an empty cell), or
    /// records why it cannot be used. `None` when this row cannot become a user.
    fn check<'t, T>(
        &mut self,
        column: Column,
        text: &'t str,
        kind: CellKind,
        rule: impl FnOnce(&'t str) -> Result<T, Problem>,
    ) -> Option<T> {
        let index = self.header.place_of(column);
        // A required column missing from the header is reported once, there.
        if index.is_none() && column.is_required() {
            return None;
        }
        let result = match kind {
            // A spreadsheet error saved as text (a CSV export of a sheet whose lookups
            // failed) is what the same grid gives as an error cell in a workbook.
            CellKind::Value if is_error_value(text) => Err(Problem::ErrorCell),
            CellKind::Value if self.plain => rule(text),
            CellKind::Value => rules::readable(text).and_then(|()| rule(text)),
            CellKind::Error => Err(Problem::ErrorCell),
            CellKind::NoResult => Err(Problem::NoResult),
            CellKind::NotANumber => Err(Problem::NotANumber),
            CellKind::NoDate => Err(Problem::NoDate),
        };
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                let problem = match (problem, self.undecoded) {
                    (Problem::Unreadable, Some(Undecoded::Unsure)) => Problem::UnsureEncoding,
                    (Problem::Unreadable, Some(Undecoded::Cesu8)) => Problem::Cesu8,
                    (Problem::Unreadable, Some(Undecoded::NotIn(encoding))) => {
                        Problem::NotIn { encoding }
                    }
                    (problem, _) => problem,
                };
                let cell = Text::Cell {
                    problem: &problem,
                    column,
                    value: text,
                };
                let mut error = RowError::at(
                    problem.code(),
                    self.row,
                    (Some(column), index),
                    cell,
                    self.language,
                );
                if !text.is_empty() {
                    error = error.with_value(text);
                }
                if let Some(meant) = suggestion(&problem, text, self.options, self.customer) {
                    error = error.with_suggestion(meant);
                }
                self.errors.push(error);
                None
            }
        }
    }
}

impl RowSink for Validator<'_> {
    fn row(&mut self, row: &Row) -> ControlFlow<()> {
        if row.is_blank() {
            return ControlFlow::Continue(());
        }
        let language = self.options.sentence_language();
        if row.removed_invisible {
            let code = NoteCode::InvisibleCharactersRemoved;
            self.notes.push(Note::row(row.number, code, language));
        }
        if row.spread_merged {
            let code = NoteCode::MergedCellSpread;
            self.notes.push(Note::row(row.number, code, language));
        }
        if row.hidden {
            self.hidden_count = self.hidden_count.saturating_add(1);
            if self.hidden.len() < MAX_LISTED_ROWS {
                self.hidden.push(row.number);
            }
        }
        if self.header.is_none() {
            return self.look_for_header(row);
        }
        self.body_row(row)
    }

    /// The header, the users up to the limit, the first user over it, and the rows
    /// that the header may be under.
    fn most_rows(&self) -> Option<usize> {
        Some(rows_read(self.options))
    }
}

/// The most rows a check of `options` reads: the users, the header and the rows the
/// header may stand under.
pub(crate) fn rows_read(options: &Options) -> usize {
    let limit = usize::try_from(options.rows_limit()).unwrap_or(usize::MAX);
    limit.saturating_add(1 + HEADER_SEARCH_ROWS)
}

impl Validator<'_> {
    /// A row while the header is looked for: the header if it names both required
    /// columns, else kept until the header is found or the search ends.
    fn look_for_header(&mut self, row: &Row) -> ControlFlow<()> {
        if let Some((header, mut errors, mut notes)) = Header::try_read(row, self.options) {
            let above: Vec<u32> = self.above.drain(..).map(|row| row.number).collect();
            if !above.is_empty() {
                let text = Text::RowsAboveHeader { rows: &above };
                let language = self.options.sentence_language();
                let code = NoteCode::RowsAboveHeaderSkipped;
                self.notes.push(Note::at(row.number, code, text, language));
            }
            self.errors.append(&mut errors);
            self.notes.append(&mut notes);
            self.header = Some(header);
            self.header_row = Some(row.number);
            return ControlFlow::Continue(());
        }
        self.above.push(row.clone());
        if self.above.len() >= HEADER_SEARCH_ROWS {
            return self.settle();
        }
        ControlFlow::Continue(())
    }

    /// No row of the search names both required columns: the first is the header (its
    /// problems are reported there), and the others are rows under it.
    fn settle(&mut self) -> ControlFlow<()> {
        let rows = std::mem::take(&mut self.above);
        let Some((first, rest)) = rows.split_first() else {
            return ControlFlow::Continue(());
        };
        self.read_header(first);
        for row in rest {
            self.body_row(row)?;
        }
        ControlFlow::Continue(())
    }

    fn read_header(&mut self, row: &Row) {
        let header = Header::read(row, self.options, &mut self.errors, &mut self.notes);
        self.header = Some(header);
        self.header_row = Some(row.number);
    }

    /// A row under the header: a user, or the first row over the limit.
    fn body_row(&mut self, row: &Row) -> ControlFlow<()> {
        self.user_rows = self.user_rows.saturating_add(1);
        let limit = self.options.rows_limit();
        if self.user_rows > limit {
            self.errors.push(RowError::at(
                ErrorCode::TooManyRows,
                row.number,
                (None, None),
                Text::TooManyRows { limit },
                self.options.sentence_language(),
            ));
            return ControlFlow::Break(());
        }
        self.user_row(row);
        ControlFlow::Continue(())
    }
}

/// A first and a last name joined with one space, as the name shows in the source; one
/// alone when the other is empty.
pub(crate) fn join_names([first, last]: [&str; 2]) -> String {
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_owned(),
        _ => last.to_owned(),
    }
}

/// The fix clearly meant for `problem` in `text`, if there is one.
fn suggestion(
    problem: &Problem,
    text: &str,
    options: &Options,
    customer: &Customer,
) -> Option<String> {
    match problem {
        Problem::UserType => suggest::user_type(text),
        Problem::UnknownSite { .. } => suggest::site(text, options.allowed_sites_list()),
        Problem::EmailDomain { .. } => suggest::email(text, &customer.domains()),
        // Only an address the rules accept is a fix.
        Problem::Email(_) => {
            let meant = suggest::email(text, &customer.domains())?;
            email::email(&meant).ok()
        }
        _ => None,
    }
}
