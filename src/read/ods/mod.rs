//! OpenDocument spreadsheets (.ods) → rows of cells, streamed from the zip with quick-xml
//! under the decompression budget. No user rules.
//!
//! An .ods says "this row 1,048,575 times" or "this cell 16,384 times" in a few bytes.
//! Nothing a file only claims is expanded up front: blank repeats move the row or column
//! number and cost nothing; a repeated value is handed over copy by copy, each copy
//! charged to the budget, so reading stops at the row limit or the budget, whichever
//! comes first. A row past the sheet's last row makes the file unreadable.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

mod cell;
mod styles;

use cell::{rows_repeated, CellStart};
use styles::CellStyles;

use crate::model::sheet::{SHEET_COLUMNS, SHEET_ROWS};
use crate::read::budget::{Budget, Part};
use crate::read::row::{CellKind, Row, RowSink};
use crate::read::sheet::{choose_sheet, WorkbookProblem};
use crate::read::zip::{attribute, find, push_reference, read_part, skip_element, xml_reader};

/// Reads the chosen table, handing each row to `sink` until the table ends or the sink
/// stops; at most `max_inflated` bytes are inflated from the zip or copied by repeats.
pub(crate) fn read(
    bytes: &[u8],
    max_inflated: u64,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    let budget = Budget::new(max_inflated);
    read_with(bytes, &budget, sink).map_err(|problem| {
        if budget.is_spent() {
            WorkbookProblem::TooExpanded
        } else {
            problem
        }
    })
}

fn read_with(bytes: &[u8], budget: &Budget, sink: &mut dyn RowSink) -> Result<(), WorkbookProblem> {
    let mut archive = crate::read::zip::open(bytes)?;
    // An encrypted package keeps its manifest in the clear and says so there.
    if let Some(manifest) = read_part(&mut archive, budget, "META-INF/manifest.xml")? {
        if manifest.contains("encryption-data") {
            return Err(WorkbookProblem::Encrypted);
        }
    }
    let uncalculated = match read_part(&mut archive, budget, "meta.xml")? {
        Some(meta) => stores_placeholder_results(&meta),
        None => false,
    };
    let content = find(&mut archive, "content.xml").ok_or(WorkbookProblem::Damaged)?;
    // Which table to read depends on every table's name: one pass over the document
    // that skips their contents, then one that reads the chosen table. Its bytes count
    // once against the budget, however often they are read.
    let content_read = Part::default();
    let tables = {
        let file = archive
            .by_name(&content)
            .map_err(|_| WorkbookProblem::Damaged)?;
        tables(&mut xml_reader(budget.meter_part(file, &content_read)))?
    };
    let chosen = choose_sheet(tables.iter().map(|t| (t.name.as_str(), t.visible)))
        .ok_or(WorkbookProblem::NoSheet)?;
    // The data styles that show numbers: the shared ones, then the document's own.
    let mut styles = CellStyles::default();
    if let Some(shared) = read_part(&mut archive, budget, "styles.xml")? {
        styles.read(&mut Reader::from_str(&shared))?;
    }
    {
        let file = archive
            .by_name(&content)
            .map_err(|_| WorkbookProblem::Damaged)?;
        styles.read(&mut xml_reader(budget.meter_part(file, &content_read)))?;
    }
    styles.resolve();
    let file = archive
        .by_name(&content)
        .map_err(|_| WorkbookProblem::Damaged)?;
    let mut reader = xml_reader(budget.meter_part(file, &content_read));
    let mut buf = Vec::new();
    let mut index = 0usize;
    loop {
        match crate::read::zip::next_event(&mut reader, &mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == "table" => {
                if index == chosen {
                    let mut table = Table::new(budget, &styles);
                    table.uncalculated = uncalculated;
                    return table.stream(&mut reader, sink);
                }
                index = index.saturating_add(1);
                skip_element(&mut reader, &mut buf)?;
            }
            Event::Empty(e) if e.local_name().as_ref() == "table" => {
                if index == chosen {
                    return Ok(());
                }
                index = index.saturating_add(1);
            }
            Event::Eof => return Err(WorkbookProblem::Damaged),
            _ => {}
        }
    }
}

/// A table as the document lists it.
struct TableName {
    name: String,
    visible: bool,
}

/// Every table of the document, in order, with whether it is shown (a table whose
/// automatic style says `table:display="false"` is hidden), up to the first one named
/// Users.
fn tables<R: BufRead>(reader: &mut Reader<R>) -> Result<Vec<TableName>, WorkbookProblem> {
    let mut buf = Vec::new();
    let mut found = Vec::new();
    let mut hidden_styles: Vec<String> = Vec::new();
    let mut style: Option<String> = None;
    loop {
        let (e, is_start) = match crate::read::zip::next_event(reader, &mut buf)? {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) if e.local_name().as_ref() == "style" => {
                style = None;
                continue;
            }
            Event::Eof => return Ok(found),
            _ => continue,
        };
        match e.local_name().as_ref() {
            "style" if is_start => {
                style = (attribute(&e, "family").as_deref() == Some("table"))
                    .then(|| attribute(&e, "name"))
                    .flatten();
            }
            "table-properties" => {
                if let Some(name) = &style {
                    if attribute(&e, "display").as_deref() == Some("false") {
                        hidden_styles.push(name.clone());
                    }
                }
            }
            "table" => {
                let visible =
                    attribute(&e, "style-name").is_none_or(|name| !hidden_styles.contains(&name));
                let name = attribute(&e, "name").unwrap_or_default();
                // A table named Users is chosen whatever follows: no need to read on.
                let is_users = name.trim().eq_ignore_ascii_case("users");
                found.push(TableName { name, visible });
                if is_users {
                    return Ok(found);
                }
                if is_start {
                    skip_element(reader, &mut buf)?;
                }
            }
            _ => {}
        }
    }
}

/// A merged cell: its value shows over every cell it spans.
struct Span {
    first_column: u32,
    last_column: u32,
    last_row: u64,
    text: String,
    kind: CellKind,
}

/// The most merged ranges kept open at once; a file with more is not one a person made.
const MAX_SPANS: usize = 16_384;

/// The most column ranges whose default cell style is kept; columns past them have none.
const MAX_COLUMN_STYLES: usize = 1024;

/// The reader of one table: rows, cells, repeats and merged ranges.
struct Table<'b> {
    budget: &'b Budget,
    styles: &'b CellStyles,
    /// Each `table:table-column` range's default cell style: the column after the
    /// range, and the style.
    column_styles: Vec<(u32, Option<String>)>,
    /// The default cell style of the row being read.
    row_style: Option<String>,
    /// The document's formulas hold placeholders, not their results.
    uncalculated: bool,
    row: Row,
    /// The number of the next row, counted in u64 so that no repeat count can overflow it.
    next_row: u64,
    column: u32,
    spans: Vec<Span>,
    /// The text of the cell being read, its paragraphs joined by line breaks.
    text: String,
    paragraphs: usize,
}

impl<'b> Table<'b> {
    fn new(budget: &'b Budget, styles: &'b CellStyles) -> Self {
        Table {
            budget,
            styles,
            column_styles: Vec::new(),
            row_style: None,
            uncalculated: false,
            row: Row::default(),
            next_row: 1,
            column: 0,
            spans: Vec::new(),
            text: String::new(),
            paragraphs: 0,
        }
    }

    fn charge(&self, bytes: usize) -> Result<(), WorkbookProblem> {
        if self.budget.charge(bytes) {
            Ok(())
        } else {
            Err(WorkbookProblem::TooExpanded)
        }
    }

    /// Reads the table whose start tag was just read, to its end.
    fn stream<R: BufRead>(
        mut self,
        reader: &mut Reader<R>,
        sink: &mut dyn RowSink,
    ) -> Result<(), WorkbookProblem> {
        let mut buf = Vec::new();
        let mut depth = 1usize;
        let mut repeat = 1u32;
        loop {
            match crate::read::zip::next_event(reader, &mut buf)? {
                Event::Start(e) => match e.local_name().as_ref() {
                    "table-row" => {
                        repeat = rows_repeated(&e);
                        self.start_row()?;
                        self.row.hidden = is_hidden(&e);
                        self.row_style = attribute(&e, "default-cell-style-name");
                        depth = depth.saturating_add(1);
                    }
                    "table-column" => {
                        self.add_column_style(&e);
                        depth = depth.saturating_add(1);
                    }
                    "table-cell" | "covered-table-cell" => {
                        let cell = CellStart::read(&e);
                        self.read_cell_content(reader, &mut buf)?;
                        self.finish_cell(&cell)?;
                    }
                    // Drawings and nested tables hold text that is not in any cell.
                    _ if e.local_name().as_ref() == "shapes" || is_drawing(&e) => {
                        skip_element(reader, &mut buf)?;
                    }
                    _ => depth = depth.saturating_add(1),
                },
                Event::Empty(e) => match e.local_name().as_ref() {
                    "table-column" => self.add_column_style(&e),
                    "table-row" => {
                        let repeat = rows_repeated(&e);
                        self.start_row()?;
                        self.row.hidden = is_hidden(&e);
                        if self.end_row(repeat, sink)?.is_break() {
                            return Ok(());
                        }
                    }
                    "table-cell" | "covered-table-cell" => {
                        let cell = CellStart::read(&e);
                        self.text.clear();
                        self.paragraphs = 0;
                        self.finish_cell(&cell)?;
                    }
                    _ => {}
                },
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                    if e.local_name().as_ref() == "table-row"
                        && self.end_row(repeat, sink)?.is_break()
                    {
                        return Ok(());
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// A `table:table-column`: its columns' default cell style.
    fn add_column_style(&mut self, e: &BytesStart) {
        let start = self.column_styles.last().map_or(0, |&(end, _)| end);
        let repeated = attribute(e, "number-columns-repeated")
            .and_then(|n| n.trim().parse::<u32>().ok())
            .filter(|&n| n > 0)
            .unwrap_or(1);
        if self.column_styles.len() < MAX_COLUMN_STYLES {
            let style = attribute(e, "default-cell-style-name");
            self.column_styles
                .push((start.saturating_add(repeated), style));
        }
    }

    /// The name of the style that applies to a cell at `column` whose own is `own`: its
    /// own, else its row's default, else its column's, which is the document's
    /// `Default` for a declared column that names none. `None` beyond the declared
    /// columns.
    fn style_of<'s>(&'s self, own: Option<&'s str>, column: u32) -> Option<&'s str> {
        own.or(self.row_style.as_deref()).or_else(|| {
            let at = self
                .column_styles
                .partition_point(|&(end, _)| end <= column);
            self.column_styles
                .get(at)
                .map(|(_, style)| style.as_deref().unwrap_or("Default"))
        })
    }

    fn start_row(&mut self) -> Result<(), WorkbookProblem> {
        let number = u32::try_from(self.next_row)
            .ok()
            .filter(|&n| n <= SHEET_ROWS)
            .ok_or(WorkbookProblem::Damaged)?;
        self.row.reset(number);
        self.column = 0;
        self.spans.retain(|span| span.last_row >= self.next_row);
        Ok(())
    }

    /// Hands the row over `repeat` times, each copy with its own number, and moves past
    /// it. A blank row is never handed over, however often it repeats.
    fn end_row(
        &mut self,
        repeat: u32,
        sink: &mut dyn RowSink,
    ) -> Result<std::ops::ControlFlow<()>, WorkbookProblem> {
        let first = self.next_row;
        let last = first.saturating_add(u64::from(repeat)).saturating_sub(1);
        if last > u64::from(SHEET_ROWS) {
            return Err(WorkbookProblem::Damaged);
        }
        self.next_row = last.saturating_add(1);
        if self.row.is_blank() {
            return Ok(std::ops::ControlFlow::Continue(()));
        }
        for (copy, number) in (first..=last).enumerate() {
            if copy > 0 {
                self.charge(self.row.text_len().max(1))?;
            }
            // `last` is at most SHEET_ROWS, so every number fits.
            self.row.number = u32::try_from(number).unwrap_or(SHEET_ROWS);
            if sink.row(&self.row).is_break() {
                return Ok(std::ops::ControlFlow::Break(()));
            }
        }
        Ok(std::ops::ControlFlow::Continue(()))
    }

    /// Reads what is inside a cell into `self.text`: its paragraphs, with `text:s`
    /// spaces, tabs and line breaks; annotations, drawings and the reading of a ruby
    /// (`text:ruby-text`, a phonetic guide above its base text) are left out, as
    /// LibreOffice shows the cell.
    ///
    /// Only the cell's own paragraphs (`text:p`) are its text, and each is kept as it
    /// stands, its runs of spaces and its line breaks included: LibreOffice and Gnumeric
    /// show it so (ODF would fold each run into one space, and pandas writes
    /// `Ada   Lovelace` as it is). Both show nothing of a heading, a list or a section
    /// in a cell, or of white space between paragraphs.
    fn read_cell_content<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
        buf: &mut Vec<u8>,
    ) -> Result<(), WorkbookProblem> {
        self.text.clear();
        self.paragraphs = 0;
        // 1 in the cell, 2 and more in one of its paragraphs.
        let mut depth = 1usize;
        loop {
            match crate::read::zip::next_event(reader, buf)? {
                Event::Start(e) => match e.local_name().as_ref() {
                    "annotation" | "note" | "table" | "ruby-text" => skip_element(reader, buf)?,
                    _ if is_drawing(&e) => skip_element(reader, buf)?,
                    "p" if depth == 1 => {
                        self.start_paragraph();
                        depth = depth.saturating_add(1);
                    }
                    _ if depth == 1 => skip_element(reader, buf)?,
                    _ => {
                        self.special(&e)?;
                        depth = depth.saturating_add(1);
                    }
                },
                Event::Empty(e) => match e.local_name().as_ref() {
                    "p" if depth == 1 => self.start_paragraph(),
                    _ if depth == 1 => {}
                    _ => self.special(&e)?,
                },
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Event::Text(t) if depth > 1 => {
                    self.text.push_str(&t.xml10_content());
                }
                Event::CData(t) if depth > 1 => {
                    self.text.push_str(&t.xml10_content());
                }
                Event::GeneralRef(r) if depth > 1 => {
                    push_reference(&r, &mut self.text)?;
                }
                Event::Eof => return Err(WorkbookProblem::Damaged),
                _ => {}
            }
        }
    }

    fn start_paragraph(&mut self) {
        if self.paragraphs > 0 {
            self.text.push('\n');
        }
        self.paragraphs = self.paragraphs.saturating_add(1);
    }

    /// `text:s` (spaces, `text:c` of them), `text:tab` and `text:line-break` in a
    /// paragraph.
    fn special(&mut self, e: &BytesStart) -> Result<(), WorkbookProblem> {
        match e.local_name().as_ref() {
            "s" => {
                let count = attribute(e, "c")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                self.charge(count)?;
                self.text.extend(std::iter::repeat_n(' ', count));
            }
            "tab" => self.text.push('\t'),
            "line-break" => self.text.push('\n'),
            _ => {}
        }
        Ok(())
    }

    /// Places the cell just read (its text in `self.text`) in the row, as many times as
    /// it repeats, and opens its merged range if it has one.
    fn finish_cell(&mut self, cell: &CellStart) -> Result<(), WorkbookProblem> {
        // The cell's text is lent out while the row takes it, and its buffer kept.
        let cell_text = std::mem::take(&mut self.text);
        let result = self.place_cell(cell, &cell_text);
        self.text = cell_text;
        result
    }

    fn place_cell(&mut self, cell: &CellStart, cell_text: &str) -> Result<(), WorkbookProblem> {
        let style = self.style_of(cell.style.as_deref(), self.column);
        let numbers = self.styles.numbers(style);
        let styled = style.is_some();
        let (shown, kind) = match &cell.formula {
            // What such a formula shows is computed when the file is opened.
            Some(formula) if self.uncalculated => (
                Some(std::borrow::Cow::Borrowed(formula.as_str())),
                CellKind::NoResult,
            ),
            _ => cell.shown(cell_text, self.paragraphs, numbers, styled),
        };
        let first = self.column;
        let repeated = cell.columns_repeated;
        self.column = first.saturating_add(repeated);
        let row_number = u64::from(self.row.number);
        if cell.is_covered {
            // The value of a merged range shows in every cell it covers.
            for offset in 0..repeated {
                let column = first.saturating_add(offset);
                if column >= SHEET_COLUMNS {
                    break;
                }
                let span = self.spans.iter().find(|s| {
                    (s.first_column..=s.last_column).contains(&column) && s.last_row >= row_number
                });
                if let Some(span) = span {
                    let (text, kind) = (span.text.clone(), span.kind);
                    self.charge(text.len())?;
                    self.place(column, &text, kind);
                    self.row.spread_merged = true;
                } else if let Some(text) = &shown {
                    self.charge(text.len())?;
                    self.place(column, text, kind);
                }
            }
            return Ok(());
        }
        let Some(text) = shown else {
            return Ok(());
        };
        let spans_more = cell.columns_spanned > 1 || cell.rows_spanned > 1;
        if spans_more && self.spans.len() < MAX_SPANS {
            self.spans.push(Span {
                first_column: first,
                last_column: first.saturating_add(cell.columns_spanned.saturating_sub(1)),
                last_row: row_number.saturating_add(u64::from(cell.rows_spanned.saturating_sub(1))),
                text: text.clone().into_owned(),
                kind,
            });
        }
        for offset in 0..repeated {
            let column = first.saturating_add(offset);
            if column >= SHEET_COLUMNS {
                // A value claimed past the sheet's last column: counted, not stored.
                self.row.mark_overflow(column);
                break;
            }
            if offset > 0 {
                self.charge(text.len())?;
            }
            self.place(column, &text, kind);
        }
        Ok(())
    }

    fn place(&mut self, column: u32, text: &str, kind: CellKind) {
        match kind {
            CellKind::Value => self.row.push(column, text),
            CellKind::Error => self.row.push_error(column, text),
            CellKind::NoResult => self.row.push_no_result(column, text),
            CellKind::NotANumber => self.row.push_not_a_number(column, text),
            // LibreOffice shows every number, even through a date code.
            CellKind::NoDate => self.row.push_seen(column, text, kind),
        }
    }
}

/// Whether the document's `meta.xml` names a writer that stores a placeholder (`0`,
/// `FALSE`, empty text) beside each formula instead of its result, leaving the
/// calculation to the program that opens the file, as LibreOffice does: SheetJS.
fn stores_placeholder_results(meta: &str) -> bool {
    let generator = meta
        .split_once("generator>")
        .map_or("", |(_, rest)| rest.split('<').next().unwrap_or(""));
    generator.trim().to_ascii_lowercase().starts_with("sheetjs")
}

/// Whether an element belongs to drawings (frames, shapes, their text boxes).
fn is_drawing(e: &BytesStart) -> bool {
    e.name().prefix().is_some_and(|p| p.as_ref() == "draw")
}

/// Whether a `table:table-row` is hidden: collapsed, or filtered out.
fn is_hidden(e: &quick_xml::events::BytesStart) -> bool {
    matches!(
        attribute(e, "visibility").as_deref(),
        Some("collapse" | "filter")
    )
}
