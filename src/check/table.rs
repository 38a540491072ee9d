//! An upload as a [`Table`]: each row under the header, its cells put in the template's
//! columns as the check puts them (another system's headers mapped, first and last names
//! joined).

use std::ops::ControlFlow;

use super::header::{Header, Placed, FIRST, LAST};
use super::{join_names, HEADER_SEARCH_ROWS};
use crate::model::column::Column;
use crate::model::table::{usable_columns, Table, TableRow};
use crate::options::Options;
use crate::read::row::{Row, RowSink};

/// Builds the table of a file whose report gave its header row.
pub(crate) struct TableSink<'o> {
    options: &'o Options,
    header_row: u32,
    /// Rows the check found to be another system's example row: not users, left out.
    left_out: Vec<u32>,
    header: Option<Header>,
    table: Table,
    /// The most rows the table takes.
    most: usize,
    /// The file has more rows than that, or rows out of order (a damaged workbook's
    /// rows can repeat a number): no grid can keep its row numbers.
    unusable: bool,
}

impl<'o> TableSink<'o> {
    pub(crate) fn new(options: &'o Options, header_row: u32, left_out: Vec<u32>) -> Self {
        let limit = usize::try_from(options.rows_limit()).unwrap_or(usize::MAX);
        TableSink {
            options,
            header_row,
            left_out,
            header: None,
            table: Table {
                header_row,
                ..Table::default()
            },
            most: limit.saturating_mul(2),
            unusable: false,
        }
    }

    /// The table, unless the header was not met, the file holds more rows than it takes,
    /// or its rows are out of order.
    pub(crate) fn finish(self) -> Option<Table> {
        (self.header.is_some() && !self.unusable).then_some(self.table)
    }
}

/// Where each of [`Column::ALL`] is in the header row: its own column, or one after the
/// row's last for a column the file lacks; A to D where that is not four columns of a
/// sheet (a damaged workbook can give two cells one place).
fn columns(header: &Header, row: &Row) -> [u32; 4] {
    let last = row.cells().iter().map(|cell| cell.column).max();
    let mut next = last.map_or(0, |last| last.saturating_add(1));
    let columns = Column::ALL.map(|column| {
        header.place_of(column).unwrap_or_else(|| {
            let place = next;
            next = next.saturating_add(1);
            place
        })
    });
    usable_columns(columns)
}

impl RowSink for TableSink<'_> {
    fn row(&mut self, row: &Row) -> ControlFlow<()> {
        if row.number < self.header_row || row.is_blank() {
            return ControlFlow::Continue(());
        }
        let Some(header) = &self.header else {
            // The header row itself: understood as the check understood it.
            let header = Header::read(row, self.options, &mut Vec::new(), &mut Vec::new());
            self.table.columns = columns(&header, row);
            self.header = Some(header);
            return ControlFlow::Continue(());
        };
        if self.left_out.contains(&row.number) {
            return ControlFlow::Continue(());
        }
        let last = self.table.rows.last().map_or(self.header_row, |r| r.row);
        if self.table.rows.len() >= self.most || row.number <= last {
            self.unusable = true;
            return ControlFlow::Break(());
        }
        // A formula whose result the file does not hold is its text, as the formula a
        // person typed (with its `=`), which a check refuses as one.
        let Placed { texts, .. } = header.values(row);
        let mut line = TableRow {
            row: row.number,
            ..TableRow::default()
        };
        for (index, text) in texts.iter().take(Column::ALL.len()).enumerate() {
            if let Some(value) = line.value_mut(index) {
                value.push_str(text);
            }
        }
        let (first, last) = (texts.get(FIRST), texts.get(LAST));
        if let (true, Some(first), Some(last)) = (line.name.is_empty(), first, last) {
            line.name = join_names([first, last]);
        }
        self.table.rows.push(line);
        ControlFlow::Continue(())
    }

    /// The title rows the header may be under, the header, the rows the table takes and
    /// one more, to know there are more.
    fn most_rows(&self) -> Option<usize> {
        Some(
            self.most
                .saturating_add(HEADER_SEARCH_ROWS)
                .saturating_add(2),
        )
    }
}
