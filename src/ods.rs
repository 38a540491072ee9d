//! OpenDocument spreadsheets (.ods) → rows of cells, streamed from the zip with quick-xml
//! under the decompression budget. No user rules.
//!
//! An .ods says "this row 1,048,575 times" or "this cell 16,384 times" in a few bytes.
//! Nothing a file only claims is expanded up front: blank repeats move the row or column
//! number and cost nothing; a repeated value is handed over copy by copy, each copy
//! charged to the budget, so reading stops at the row limit or the budget, whichever
//! comes first. A row past the sheet's last row makes the file unreadable.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::budget::Budget;
use crate::cells::{CellKind, Row, RowSink};
use crate::package::{attribute, find, push_reference, read_part, skip_element, xml_reader};
use crate::workbook::{choose_sheet, number_text, WorkbookProblem, SHEET_COLUMNS, SHEET_ROWS};

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
    let mut archive = crate::package::open(bytes)?;
    // An encrypted package keeps its manifest in the clear and says so there.
    if let Some(manifest) = read_part(&mut archive, budget, "META-INF/manifest.xml")? {
        if manifest.contains("encryption-data") {
            return Err(WorkbookProblem::Encrypted);
        }
    }
    let content = find(&mut archive, "content.xml").ok_or(WorkbookProblem::Damaged)?;
    // Which table to read depends on every table's name: one pass over the document
    // that skips their contents, then one that reads the chosen table.
    let tables = {
        let file = archive
            .by_name(&content)
            .map_err(|_| WorkbookProblem::Damaged)?;
        tables(&mut xml_reader(budget.meter(file)))?
    };
    let chosen = choose_sheet(tables.iter().map(|t| (t.name.as_str(), t.visible)))
        .ok_or(WorkbookProblem::NoSheet)?;
    let file = archive
        .by_name(&content)
        .map_err(|_| WorkbookProblem::Damaged)?;
    let mut reader = xml_reader(budget.meter(file));
    let mut buf = Vec::new();
    let mut index = 0usize;
    loop {
        buf.clear();
        match reader
            .read_event_into(&mut buf)
            .map_err(|_| WorkbookProblem::Damaged)?
        {
            Event::Start(e) if e.local_name().as_ref() == "table" => {
                if index == chosen {
                    return Table::new(budget).stream(&mut reader, sink);
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
        buf.clear();
        let (e, is_start) = match reader
            .read_event_into(&mut buf)
            .map_err(|_| WorkbookProblem::Damaged)?
        {
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

/// How a cell stores its value, from its attributes.
#[derive(Default)]
struct CellStart {
    value_type: Option<String>,
    value: Option<String>,
    date_value: Option<String>,
    time_value: Option<String>,
    boolean_value: Option<String>,
    string_value: Option<String>,
    formula: Option<String>,
    is_error: bool,
    is_covered: bool,
    columns_repeated: u32,
    columns_spanned: u32,
    rows_spanned: u32,
}

impl CellStart {
    fn read(e: &BytesStart) -> Self {
        let mut cell = CellStart {
            is_covered: e.local_name().as_ref() == "covered-table-cell",
            columns_repeated: 1,
            columns_spanned: 1,
            rows_spanned: 1,
            ..CellStart::default()
        };
        for a in e.attributes().with_checks(false).flatten() {
            let value = || {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            };
            let count = || {
                a.value
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or(1)
            };
            let is_calcext = a.key.prefix().is_some_and(|p| p.as_ref() == "calcext");
            match a.key.local_name().as_ref() {
                "value-type" if is_calcext => {
                    cell.is_error = &*a.value == "error";
                }
                "value-type" => cell.value_type = value(),
                "value" => cell.value = value(),
                "date-value" => cell.date_value = value(),
                "time-value" => cell.time_value = value(),
                "boolean-value" => cell.boolean_value = value(),
                "string-value" => cell.string_value = value(),
                "formula" => cell.formula = value(),
                "number-columns-repeated" => cell.columns_repeated = count(),
                "number-columns-spanned" => cell.columns_spanned = count(),
                "number-rows-spanned" => cell.rows_spanned = count(),
                _ => {}
            }
        }
        cell
    }
}

/// The reader of one table: rows, cells, repeats and merged ranges.
struct Table<'b> {
    budget: &'b Budget,
    row: Row,
    /// The number of the next row, counted in u64 so that no repeat count can overflow it.
    next_row: u64,
    column: u32,
    spans: Vec<Span>,
    /// The text of the cell being read, its paragraphs joined by line breaks.
    text: String,
    paragraphs: usize,
    /// Whether the last character of `text` is a space that ODF's white-space rule folds.
    folded_space: bool,
}

impl<'b> Table<'b> {
    fn new(budget: &'b Budget) -> Self {
        Table {
            budget,
            row: Row::default(),
            next_row: 1,
            column: 0,
            spans: Vec::new(),
            text: String::new(),
            paragraphs: 0,
            folded_space: false,
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
            buf.clear();
            match reader
                .read_event_into(&mut buf)
                .map_err(|_| WorkbookProblem::Damaged)?
            {
                Event::Start(e) => match e.local_name().as_ref() {
                    "table-row" => {
                        repeat = rows_repeated(&e);
                        self.start_row()?;
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
                    "table-row" => {
                        let repeat = rows_repeated(&e);
                        self.start_row()?;
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
    /// spaces, tabs and line breaks; annotations and drawings are left out.
    fn read_cell_content<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
        buf: &mut Vec<u8>,
    ) -> Result<(), WorkbookProblem> {
        self.text.clear();
        self.paragraphs = 0;
        self.folded_space = false;
        let mut depth = 1usize;
        loop {
            buf.clear();
            match reader
                .read_event_into(buf)
                .map_err(|_| WorkbookProblem::Damaged)?
            {
                Event::Start(e) => match e.local_name().as_ref() {
                    "annotation" | "note" | "table" => skip_element(reader, buf)?,
                    _ if is_drawing(&e) => skip_element(reader, buf)?,
                    "p" | "h" => {
                        self.start_paragraph();
                        depth = depth.saturating_add(1);
                    }
                    _ => {
                        self.special(&e)?;
                        depth = depth.saturating_add(1);
                    }
                },
                Event::Empty(e) => match e.local_name().as_ref() {
                    "p" | "h" => self.start_paragraph(),
                    _ => self.special(&e)?,
                },
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Event::Text(t) if self.paragraphs > 0 => {
                    let content = t.xml10_content();
                    self.push_folded(&content);
                }
                Event::CData(t) if self.paragraphs > 0 => {
                    let content = t.xml10_content();
                    self.push_folded(&content);
                }
                Event::GeneralRef(r) if self.paragraphs > 0 => {
                    let mut one = String::new();
                    push_reference(&r, &mut one)?;
                    self.push_folded(&one);
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
        self.folded_space = false;
    }

    /// `text:s` (spaces, `text:c` of them), `text:tab` and `text:line-break`: characters
    /// the white-space rule would otherwise fold away.
    fn special(&mut self, e: &BytesStart) -> Result<(), WorkbookProblem> {
        if self.paragraphs == 0 {
            return Ok(());
        }
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
            _ => return Ok(()),
        }
        self.folded_space = false;
        Ok(())
    }

    /// Appends paragraph text as ODF defines it: each run of spaces, tabs and line
    /// breaks in the XML is one space.
    fn push_folded(&mut self, content: &str) {
        for c in content.chars() {
            if matches!(c, ' ' | '\t' | '\r' | '\n') {
                if !self.folded_space {
                    self.text.push(' ');
                    self.folded_space = true;
                }
            } else {
                self.text.push(c);
                self.folded_space = false;
            }
        }
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
        let (shown, kind) = Self::shown(cell_text, self.paragraphs, cell);
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
        }
    }

    /// The text a person sees in the cell, and what kind of text it is; `None` for an
    /// empty cell. Numbers, currencies and percentages are the text the file shows
    /// (`text:p`), which their number format made; dates and booleans come from their
    /// values, as the .xlsx reader gives them.
    fn shown<'t>(
        text: &'t str,
        paragraphs: usize,
        cell: &'t CellStart,
    ) -> (Option<Cow<'t, str>>, CellKind) {
        let paragraph = (paragraphs > 0).then_some(text);
        if cell.is_error {
            return (
                Some(Cow::Borrowed(paragraph.unwrap_or("#VALUE!"))),
                CellKind::Error,
            );
        }
        let value = match cell.value_type.as_deref() {
            Some("date") => cell.date_value.as_deref().and_then(iso_date),
            Some("time") => cell.time_value.as_deref().and_then(iso_time),
            Some("boolean") => cell.boolean_value.as_deref().map(|b| {
                if b.trim() == "true" {
                    "TRUE".to_owned()
                } else {
                    "FALSE".to_owned()
                }
            }),
            Some("float" | "percentage" | "currency") if paragraph.is_none() => cell
                .value
                .as_deref()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .map(number_text),
            _ => None,
        };
        match value {
            Some(text) => (Some(Cow::Owned(text)), CellKind::Value),
            None => match (paragraph, cell.value_type.as_deref(), &cell.formula) {
                (Some(text), _, _) => (Some(Cow::Borrowed(text)), CellKind::Value),
                (None, Some("string"), _) => (
                    cell.string_value.as_deref().map(Cow::Borrowed),
                    CellKind::Value,
                ),
                // A formula the writer never calculated: its result is unknown.
                (None, None, Some(formula)) => {
                    (Some(Cow::Borrowed(formula.as_str())), CellKind::NoResult)
                }
                _ => (None, CellKind::Value),
            },
        }
    }
}

/// Whether an element belongs to drawings (frames, shapes, their text boxes).
fn is_drawing(e: &BytesStart) -> bool {
    e.name().prefix().is_some_and(|p| p.as_ref() == "draw")
}

/// `table:number-rows-repeated`, at least 1.
fn rows_repeated(e: &BytesStart) -> u32 {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "number-rows-repeated")
        .and_then(|a| a.value.trim().parse::<u32>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

/// `office:date-value` as the .xlsx reader shows a date: `2024-03-01`, or
/// `2024-03-01 09:30:00` when it has a time of day.
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let (date, time) = match value.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let is_date = date.len() >= 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit() || (i == 0 && b == b'-')
            }
        });
    if !is_date {
        return None;
    }
    match time.map(|t| t.get(..8).unwrap_or(t)) {
        None | Some("00:00:00") => Some(date.to_owned()),
        Some(time) if is_clock(time) => Some(format!("{date} {time}")),
        Some(_) => None,
    }
}

/// `office:time-value` (an ISO 8601 duration such as `PT09H30M00S`) as `09:30:00`.
fn iso_time(value: &str) -> Option<String> {
    let rest = value.trim().strip_prefix("PT")?;
    let (hours, rest) = rest.split_once('H')?;
    let (minutes, rest) = rest.split_once('M')?;
    let seconds = rest.strip_suffix('S')?;
    let hours: u64 = hours.parse().ok()?;
    let minutes: u64 = minutes.parse().ok()?;
    let seconds: f64 = seconds.parse().ok()?;
    if !(0.0..60.0).contains(&seconds) || minutes >= 60 {
        return None;
    }
    Some(format!(
        "{hours:02}:{minutes:02}:{:02}",
        seconds.round() as u64
    ))
}

fn is_clock(time: &str) -> bool {
    time.len() == 8
        && time.bytes().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                b == b':'
            } else {
                b.is_ascii_digit()
            }
        })
}
