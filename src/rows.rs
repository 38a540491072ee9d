//! Rows of cells → users or errors, for every format; checks across rows (duplicate
//! emails, the row limit). This is the only module that knows the rules of a user.

use std::collections::HashMap;
use std::ops::ControlFlow;

use crate::cells::{column_letters, Cell, Row, RowSink};
use crate::error::{ErrorCode, RowError};
use crate::header::{Header, Slot};
use crate::options::Options;
use crate::report::{Report, RowUser};
use crate::rules::{self, Problem};
use crate::{Column, NewUser};

/// Takes the rows of one file, in order, and builds its [`Report`].
pub(crate) struct Validator<'o> {
    options: &'o Options,
    header: Option<Header>,
    users: Vec<RowUser>,
    errors: Vec<RowError>,
    /// Lower-cased email → the row it first appeared on.
    first_rows: HashMap<String, u32>,
    user_rows: u32,
}

impl<'o> Validator<'o> {
    pub(crate) fn new(options: &'o Options) -> Self {
        Validator {
            options,
            header: None,
            users: Vec::new(),
            errors: Vec::new(),
            first_rows: HashMap::new(),
            user_rows: 0,
        }
    }

    /// The report, once the reader has handed over every row it will.
    pub(crate) fn finish(mut self) -> Report {
        match &self.header {
            None => {
                return Report::file_error(RowError::file(
                    ErrorCode::EmptyFile,
                    "The file is empty: it has no header row and no users. Fill in the \
                     template with one user per row and upload it again."
                        .to_owned(),
                ));
            }
            Some(header) => {
                if self.user_rows == 0 {
                    self.errors.push(RowError::file(
                        ErrorCode::NoRows,
                        "The file has a header row but no users. Add one user per row \
                         under the header."
                            .to_owned(),
                    ));
                }
                if header.has_errors {
                    // A file whose header is wrong may have its columns mixed up: none of
                    // its users can be trusted.
                    self.users.clear();
                }
            }
        }
        Report::new(self.users, self.errors)
    }

    fn user_row(&mut self, row: &Row) {
        let Some(header) = &self.header else {
            return;
        };
        let mut values: [Option<&Cell>; 4] = [None; 4];
        for cell in &row.cells {
            match header.slot(cell.column) {
                Some(Slot::Known(column)) => {
                    if let Some(value) = values.get_mut(column_position(column)) {
                        *value = Some(cell);
                    }
                }
                Some(Slot::Skipped) => {}
                None => self.errors.push(
                    RowError::at(
                        ErrorCode::ExtraValue,
                        row.number,
                        None,
                        Some(cell.column),
                        format!(
                            "Column {} has a value but no header. Delete the value, or \
                             give the column a header.",
                            column_letters(cell.column),
                        ),
                    )
                    .with_value(&cell.text),
                ),
            }
        }
        let options = self.options;
        let mut row_ok = true;
        let mut checked = |column: Column, errors: &mut Vec<RowError>| -> Option<Field> {
            let cell = values.get(column_position(column)).copied().flatten();
            let index = header.column_index(column);
            // A required column missing from the header is reported once, there.
            if index.is_none() && column.is_required() {
                row_ok = false;
                return None;
            }
            let text = cell.map_or("", |cell| cell.text.as_str());
            let result = match cell {
                Some(cell) if cell.is_error => Err(Problem::ErrorCell),
                _ => check(options, column, text),
            };
            match result {
                Ok(field) => Some(field),
                Err(problem) => {
                    row_ok = false;
                    let message = problem.message(column, text);
                    let mut error =
                        RowError::at(problem.code(), row.number, Some(column), index, message);
                    if !text.is_empty() {
                        error = error.with_value(text);
                    }
                    errors.push(error);
                    None
                }
            }
        };
        let name = checked(Column::UserName, &mut self.errors);
        let email = checked(Column::Email, &mut self.errors);
        let user_type = checked(Column::UserType, &mut self.errors);
        let site = checked(Column::Site, &mut self.errors);

        if let Some(Field::Text(address)) = &email {
            let key = address.to_lowercase();
            if let Some(&first) = self.first_rows.get(&key) {
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
            } else {
                self.first_rows.insert(key, row.number);
            }
        }
        if !row_ok {
            return;
        }
        if let (
            Some(Field::Text(name)),
            Some(Field::Text(email)),
            Some(Field::Type(user_type)),
            Some(Field::Text(site)),
        ) = (name, email, user_type, site)
        {
            self.users.push(RowUser {
                row: row.number,
                user: NewUser {
                    name,
                    email,
                    user_type,
                    site,
                },
            });
        }
    }
}

/// Applies the column's rule, with the options' defaults for empty optional cells.
fn check(options: &Options, column: Column, text: &str) -> Result<Field, Problem> {
    {
        match column {
            Column::UserName => rules::user_name(text).map(Field::Text),
            Column::Email => rules::email(text).map(Field::Text),
            Column::UserType if text.is_empty() => {
                Ok(Field::Type(options.default_user_type_value()))
            }
            Column::UserType => rules::user_type(text).map(Field::Type),
            Column::Site if text.is_empty() => {
                Ok(Field::Text(options.default_site_value().to_owned()))
            }
            Column::Site => rules::site(text, options.allowed_sites_list()).map(Field::Text),
        }
    }
}

/// A checked value.
enum Field {
    Text(String),
    Type(crate::UserType),
}

fn column_position(column: Column) -> usize {
    Column::ALL
        .iter()
        .position(|&c| c == column)
        .unwrap_or_default()
}

impl RowSink for Validator<'_> {
    fn row(&mut self, row: Row) -> ControlFlow<()> {
        if row.is_blank() {
            return ControlFlow::Continue(());
        }
        if self.header.is_none() {
            self.header = Some(Header::read(&row, self.options, &mut self.errors));
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
        self.user_row(&row);
        ControlFlow::Continue(())
    }

    fn restart(&mut self) {
        *self = Validator::new(self.options);
    }
}
