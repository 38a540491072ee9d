//! The full result of checking a file: valid users with their rows, and every error.

use serde::Serialize;

use crate::error::{RowError, RowErrors};
use crate::NewUser;

/// A valid user and the row it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowUser {
    /// The row as the spreadsheet numbers it.
    pub row: u32,
    /// The user.
    #[serde(flatten)]
    pub user: NewUser,
}

/// Everything one pass over a file found: every valid user with its row, and every error.
///
/// For services that import the valid rows and send the rest back to be fixed. Use
/// [`Report::into_result`] for all-or-nothing, which is what [`parse`](crate::parse)
/// does. When the header itself is wrong (a missing, repeated or unknown column) or the
/// file as a whole is refused, `users` is empty: no row of such a file can be trusted.
///
/// Serialises as `{"users": [{"row": 2, "name": …}], "errors": [{"row": 3, …}]}`.
///
/// ```
/// let csv = "User name*,Email*\nAda,ada@example.com\nBob,bob(at)example.com\n";
/// let report = bulk_users::Options::new().check(csv.as_bytes(), bulk_users::Format::Csv);
/// assert_eq!(report.users.len(), 1);
/// assert_eq!(report.users[0].row, 2);
/// assert_eq!(report.errors[0].row, Some(3));
/// assert!(!report.is_valid());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Valid users in file order.
    pub users: Vec<RowUser>,
    /// Every error, ordered by row then column.
    pub errors: Vec<RowError>,
}

impl Report {
    pub(crate) fn new(users: Vec<RowUser>, errors: Vec<RowError>) -> Self {
        let errors = RowErrors::from_vec(errors).map_or_else(Vec::new, RowErrors::into_vec);
        Report { users, errors }
    }

    pub(crate) fn file_error(error: RowError) -> Self {
        Report {
            users: Vec::new(),
            errors: vec![error],
        }
    }

    /// Whether the file has no error at all.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// All or nothing: the users when there is no error, else every error.
    pub fn into_result(self) -> Result<Vec<NewUser>, RowErrors> {
        RowErrors::none_or_all(self.errors)
            .map(|()| self.users.into_iter().map(|row| row.user).collect())
    }
}
