//! A [`Table`] back as a CSV the crate reads at the same rows and cells.

use std::borrow::Cow;

use super::csv::ExcelCsv;
use crate::model::column::Column;
use crate::model::sheet::SHEET_ROWS;
use crate::model::table::{usable_columns, Table};

impl Table {
    /// The table as a CSV that the crate reads back with every value in its row and its
    /// cell: the header (the columns' English names) at
    /// [`header_row`](Table::header_row), each row at its number, blank lines between.
    /// Checking it gives the problems of the grid as it stands, at the file's row numbers,
    /// which is how a page checks a grid again after each edit. UTF-8 with a byte order
    /// mark and a `sep=,` line, which Excel hides.
    ///
    /// Rows go in order of their numbers; a row numbered at or before the one before it,
    /// or past a sheet's last row, goes on the next line. Columns that are not four
    /// different places within a sheet's width are taken as A to D. A NUL character
    /// (which a damaged workbook can hold, and which no text file does) is written as
    /// U+FFFD, which a check refuses in its cell as it refuses the NUL.
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    ///
    /// let upload = "Title\n\nEmail,User name\nada(at)example.com,Ada\n";
    /// let options = Options::new();
    /// let report = options.check(upload.as_bytes(), Format::Csv);
    /// let mut table = options.table(&report, upload.as_bytes(), Format::Csv).unwrap();
    /// assert_eq!(table.rows[0].email, "ada(at)example.com");
    /// // The person corrects the address in the grid; the grid is checked again.
    /// table.rows[0].email = "ada@example.com".into();
    /// let again = options.check(&table.to_csv(), Format::Csv);
    /// assert!(again.is_valid());
    /// assert_eq!(again.users[0].row, 4);
    /// ```
    pub fn to_csv(&self) -> Vec<u8> {
        let columns = usable_columns(self.columns);
        let width = columns.iter().max().map_or(0, |&last| last as usize + 1);
        let mut rows: Vec<_> = self.rows.iter().collect();
        rows.sort_by_key(|row| row.row);
        let header = (self.header_row, Column::ALL.map(Column::name));
        let lines = std::iter::once(header).chain(rows.iter().map(|row| (row.row, row.values())));
        let mut writer = ExcelCsv::with_sep_line();
        let mut written = 0u32;
        for (at, values) in lines {
            // Blank lines up to the row's place, then the row.
            let at = if at <= written || at > SHEET_ROWS {
                written.saturating_add(1)
            } else {
                at
            };
            for _ in written.saturating_add(1)..at {
                writer.record([""; 0]);
            }
            let mut line = vec![Cow::Borrowed(""); width];
            for (&column, value) in columns.iter().zip(values) {
                if let Some(cell) = line.get_mut(column as usize) {
                    *cell = if value.contains('\0') {
                        Cow::Owned(value.replace('\0', "\u{FFFD}"))
                    } else {
                        Cow::Borrowed(value)
                    };
                }
            }
            let line = line.iter().map(|cell| cell.as_bytes());
            writer.record(line);
            written = at;
        }
        writer.into_bytes()
    }
}
