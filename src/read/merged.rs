//! Merged cells, in any workbook format: a merged range shows its top-left cell's value
//! over every cell it covers, so each of those cells reads as that value.
//!
//! A reader keeps the rows it reads ([`Pending`]) — at most as many as the sink can
//! take, each charged to the budget — and spreads the ranges once it has them (an
//! .xlsx lists them after its rows). Every copy a range makes is charged too: a range
//! cannot make more text than the budget allows, whatever it claims to cover.

use std::ops::ControlFlow;

use crate::model::sheet::{SHEET_COLUMNS, SHEET_ROWS};
use crate::read::budget::Budget;
use crate::read::row::{CellKind, Row, RowSink};
use crate::read::sheet::WorkbookProblem;

/// What a kept cell costs besides its text: its place in the row's list of cells.
const CELL_COST: usize = std::mem::size_of::<(u32, usize, usize, CellKind)>();

/// A merged range, 1-based rows and 0-based columns, corners in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Merge {
    first_row: u32,
    first_column: u32,
    last_row: u32,
    last_column: u32,
}

impl Merge {
    /// The range between two corners, each (1-based row, 0-based column), in any order;
    /// `None` for a single cell, or a corner outside a sheet.
    pub(crate) fn new(one: (u32, u32), other: (u32, u32)) -> Option<Merge> {
        let in_sheet =
            |(row, column): (u32, u32)| (1..=SHEET_ROWS).contains(&row) && column < SHEET_COLUMNS;
        if !in_sheet(one) || !in_sheet(other) {
            return None;
        }
        let merge = Merge {
            first_row: one.0.min(other.0),
            first_column: one.1.min(other.1),
            last_row: one.0.max(other.0),
            last_column: one.1.max(other.1),
        };
        (one != other).then_some(merge)
    }
}

/// What a range gives every cell it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spread {
    /// A merged range: its top-left cell's value, which the person sees over the range.
    Merged,
    /// An array formula saved without its result (its top-left cell holds the formula):
    /// what the person sees in each cell it fills is unknown, as in that first cell.
    Unknown,
}

/// The rows read so far, kept until the merged ranges are known.
pub(super) struct Pending<'b> {
    rows: Vec<Row>,
    /// The most rows the sink can take before it stops; none past it are read.
    most: usize,
    budget: &'b Budget,
}

impl<'b> Pending<'b> {
    pub(super) fn new(most: Option<usize>, budget: &'b Budget) -> Self {
        Pending {
            rows: Vec::new(),
            most: most.unwrap_or(usize::MAX),
            budget,
        }
    }

    /// Keeps a copy of a non-blank row, sized to fit, while the reader goes on reusing
    /// `row` and its buffers; `Break` once the sink could take no more rows.
    pub(super) fn keep(&mut self, row: &Row) -> Result<ControlFlow<()>, WorkbookProblem> {
        let cost = row
            .text_len()
            .saturating_add(row.cells().len().saturating_mul(CELL_COST));
        if !self.budget.charge(cost) {
            return Err(WorkbookProblem::TooExpanded);
        }
        self.rows.push(row.clone());
        Ok(if self.rows.len() >= self.most {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        })
    }

    /// Hands every kept row to `sink`, in order, until it stops.
    pub(super) fn deliver(self, sink: &mut dyn RowSink) {
        for row in &self.rows {
            if sink.row(row).is_break() {
                return;
            }
        }
    }

    /// Gives every cell a range covers the value of the range's top-left cell.
    pub(super) fn spread(
        &mut self,
        mut merges: Vec<Merge>,
        what: Spread,
    ) -> Result<(), WorkbookProblem> {
        if merges.is_empty() || self.rows.is_empty() {
            return Ok(());
        }
        merges.sort_unstable();
        merges.dedup();
        // The kept rows by number (a damaged file may repeat or disorder them).
        let mut by_number: Vec<(u32, usize)> = self
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| (row.number, index))
            .collect();
        by_number.sort_unstable();
        // Every (row, column) a range gives its value to, with the value's place.
        let mut copies: Vec<Fill> = Vec::new();
        for here in merges.chunk_by(|a, b| a.first_row == b.first_row) {
            let Some(row_number) = here.first().map(|m| m.first_row) else {
                continue;
            };
            let Some(source_index) = first_index(&by_number, row_number) else {
                continue;
            };
            let Some(source) = self.rows.get(source_index) else {
                continue;
            };
            // The row's cells by column, once for all the ranges that start in it: a
            // range's first cell is found without scanning the row (a wide row and many
            // ranges would make that quadratic). On a repeated column the first wins.
            let mut columns: Vec<(u32, usize)> = source
                .cells()
                .iter()
                .enumerate()
                .map(|(index, c)| (c.column, index))
                .collect();
            columns.sort_unstable();
            for merge in here {
                let at = columns.partition_point(|&(column, _)| column < merge.first_column);
                let Some(&(_, cell)) = columns
                    .get(at)
                    .filter(|&&(column, _)| column == merge.first_column)
                else {
                    continue;
                };
                let cost = source
                    .cells()
                    .get(cell)
                    .map_or(0, |c| source.text(c).len())
                    .saturating_add(CELL_COST);
                let from = by_number.partition_point(|&(n, _)| n < merge.first_row);
                let to = by_number.partition_point(|&(n, _)| n <= merge.last_row);
                for &(_, target) in by_number.get(from..to).unwrap_or_default() {
                    for column in merge.first_column..=merge.last_column {
                        if target == source_index && column == merge.first_column {
                            continue;
                        }
                        if !self.budget.charge(cost) {
                            return Err(WorkbookProblem::TooExpanded);
                        }
                        copies.push(Fill {
                            target,
                            column,
                            source: source_index,
                            cell,
                        });
                    }
                }
            }
        }
        self.apply(copies, what);
        Ok(())
    }

    /// Rebuilds each row that receives copies: its own cells, then the copies, by column;
    /// a copy takes the place of what the file stored under the range.
    fn apply(&mut self, mut copies: Vec<Fill>, what: Spread) {
        copies.sort_unstable_by_key(|c| (c.target, c.column));
        copies.dedup_by_key(|c| (c.target, c.column));
        let mut rest = copies.as_slice();
        while let Some(first) = rest.first() {
            let target = first.target;
            let split = rest.partition_point(|c| c.target == target);
            let (these, after) = rest.split_at(split);
            rest = after;
            let Some(old) = self.rows.get(target) else {
                continue;
            };
            let mut cells: Vec<(u32, CellKind, &str)> = old
                .cells()
                .iter()
                .filter(|c| {
                    these
                        .binary_search_by_key(&c.column, |copy| copy.column)
                        .is_err()
                })
                .map(|c| (c.column, c.kind, old.text(c)))
                .collect();
            for copy in these {
                let Some(source) = self.rows.get(copy.source) else {
                    continue;
                };
                if let Some(cell) = source.cells().get(copy.cell) {
                    cells.push((copy.column, cell.kind, source.text(cell)));
                }
            }
            cells.sort_by_key(|&(column, _, _)| column);
            let mut row = Row::default();
            row.reset(old.number);
            row.overflow = old.overflow;
            row.removed_invisible = old.removed_invisible;
            row.hidden = old.hidden;
            row.spread_merged = old.spread_merged || what == Spread::Merged;
            for (column, kind, text) in cells {
                row.push_seen(column, text, kind);
            }
            if let Some(slot) = self.rows.get_mut(target) {
                *slot = row;
            }
        }
    }
}

/// One cell that a merged range covers: row `target` (an index of the kept rows) gets,
/// in `column`, the value of cell `cell` of row `source`.
#[derive(Debug, Clone, Copy)]
struct Fill {
    target: usize,
    column: u32,
    source: usize,
    cell: usize,
}

/// The index of the first kept row numbered `number`.
fn first_index(by_number: &[(u32, usize)], number: u32) -> Option<usize> {
    let at = by_number.partition_point(|&(n, _)| n < number);
    by_number
        .get(at)
        .filter(|&&(n, _)| n == number)
        .map(|&(_, index)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_between_corners() {
        let merge = |a, b, c, d| Merge {
            first_row: a,
            first_column: b,
            last_row: c,
            last_column: d,
        };
        assert_eq!(Merge::new((2, 3), (5, 3)), Some(merge(2, 3, 5, 3)));
        assert_eq!(Merge::new((3, 2), (1, 0)), Some(merge(1, 0, 3, 2)));
        assert_eq!(
            Merge::new((1, 0), (1_048_576, 16_383)),
            Some(merge(1, 0, 1_048_576, 16_383))
        );
        assert_eq!(Merge::new((1, 0), (1, 0)), None);
        assert_eq!(Merge::new((0, 0), (2, 0)), None);
        assert_eq!(Merge::new((1, 0), (1_048_577, 0)), None);
        assert_eq!(Merge::new((1, 0), (2, 16_384)), None);
    }
}
