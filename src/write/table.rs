//! A [`Table`] back as a CSV the crate reads at the same rows and cells.

use super::csv::ExcelCsv;
use crate::model::column::Column;
use crate::model::sheet::{SHEET_COLUMNS, SHEET_ROWS};
use crate::model::table::Table;

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
    /// different places within a sheet's width are taken as A to D.
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
        let mut columns = self.columns;
        let mut sorted = columns;
        sorted.sort_unstable();
        let distinct = sorted.windows(2).all(|pair| pair.first() != pair.get(1));
        if !distinct || sorted.iter().any(|&column| column >= SHEET_COLUMNS) {
            columns = [0, 1, 2, 3];
        }
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
            let mut line = vec![""; width];
            for (&column, value) in columns.iter().zip(values) {
                if let Some(cell) = line.get_mut(column as usize) {
                    *cell = value;
                }
            }
            writer.record(&line);
            written = at;
        }
        writer.into_bytes()
    }
}
