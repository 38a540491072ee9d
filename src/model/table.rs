//! An upload as the rows of the template's four columns, for a person to correct in a
//! grid and check again.

use super::sheet::SHEET_COLUMNS;

/// An upload as a grid of the template's four columns: each row of the file under its
/// header, with the values a person sees in it, at the row number the file gives it.
/// Made by [`Options::table`](crate::Options::table); written back by
/// [`Table::to_csv`] to a CSV the crate reads at the same rows and cells, which is how a
/// page checks the grid again after each edit.
///
/// Serialises as `{"header_row": 1, "columns": [0, 1, 2, 3], "rows": [{"row": 2,
/// "name": "Ada", "email": "ada@example.com", "user_type": "", "site": ""}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Table {
    /// The row of the header (1-based), as the file gives it.
    pub header_row: u32,
    /// The spreadsheet column (0-based: A is 0) of each of [`Column::ALL`](crate::Column::ALL)
    /// in the file, so that a problem names the cell the file has it in. A column the
    /// file lacks is after the file's last.
    pub columns: [u32; 4],
    /// The rows under the header that hold a value, in the file's order; a page adds and
    /// removes rows here.
    pub rows: Vec<TableRow>,
}

/// Where a table's columns can be written: `columns` when they are four different
/// columns of a sheet (A to XFD), else A to D.
pub(crate) fn usable_columns(columns: [u32; 4]) -> [u32; 4] {
    let mut sorted = columns;
    sorted.sort_unstable();
    let distinct = sorted.windows(2).all(|pair| pair.first() != pair.get(1));
    if distinct && sorted.iter().all(|&column| column < SHEET_COLUMNS) {
        columns
    } else {
        [0, 1, 2, 3]
    }
}

/// One row of a [`Table`]: its number and its four values as a person sees them (an
/// empty cell is `""`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TableRow {
    /// The row's number in the file (1-based); a row added after reading takes a number
    /// after the file's last.
    pub row: u32,
    /// The User name.
    pub name: String,
    /// The Email.
    pub email: String,
    /// The User type.
    pub user_type: String,
    /// The Site.
    pub site: String,
}

impl TableRow {
    /// The row's four values, in [`Column::ALL`](crate::Column::ALL) order.
    pub fn values(&self) -> [&str; 4] {
        [&self.name, &self.email, &self.user_type, &self.site]
    }

    /// The value of the column at `index` in [`Column::ALL`](crate::Column::ALL), to fill in.
    pub(crate) fn value_mut(&mut self, index: usize) -> Option<&mut String> {
        match index {
            0 => Some(&mut self.name),
            1 => Some(&mut self.email),
            2 => Some(&mut self.user_type),
            3 => Some(&mut self.site),
            _ => None,
        }
    }
}
