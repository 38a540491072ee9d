//! .xlsx → rows of cells, streamed from the zip with quick-xml. No user rules.
//!
//! Calamine reads a workbook's whole shared-string table when it opens it and inflates
//! zip parts where nothing outside can count them. Here every part is read through a
//! [`Budget`], the sheet is streamed so that reading stops at the row limit, and shared
//! strings are read only as far as the rows read so far need them.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

mod merged;
mod strings;
pub(crate) mod styles;

use crate::read::merged::{Merge, Pending, Spread};
use merged::{merge_of, read_merges};
use strings::{unescape_excel, SharedStrings};

use crate::model::sheet::SHEET_ROWS;
use crate::model::text::is_error_value;
use crate::read::budget::Budget;
use crate::read::numfmt::NumberStyle;
use crate::read::row::{Row, RowSink};
use crate::read::sheet::{choose_sheet, WorkbookProblem};
use crate::read::shown::is_iso_time;
use crate::read::zip::{attribute, find, push_reference, read_part, xml_reader, Archive};
use styles::number_styles;

/// Reads the chosen sheet, handing each row to `sink` until the sheet ends or the sink
/// stops; at most `max_inflated` bytes are inflated from the zip.
pub(crate) fn read(
    bytes: &[u8],
    max_inflated: u64,
    sink: &mut dyn RowSink,
) -> Result<(), WorkbookProblem> {
    if is_encrypted(bytes) {
        return Err(WorkbookProblem::Encrypted);
    }
    let budget = Budget::new(max_inflated);
    let fail = |problem: WorkbookProblem| {
        if budget.is_spent() {
            WorkbookProblem::TooExpanded
        } else {
            problem
        }
    };
    read_with(bytes, &budget, sink).map_err(fail)
}

fn read_with(bytes: &[u8], budget: &Budget, sink: &mut dyn RowSink) -> Result<(), WorkbookProblem> {
    let mut archive = crate::read::zip::open(bytes)?;
    let book_path = office_document(&mut archive, budget)?;
    let book_dir = parent(&book_path);
    let rels = relationships(&mut archive, budget, &rels_path(&book_path))?;
    let book = read_part(&mut archive, budget, &book_path)?.ok_or(WorkbookProblem::Damaged)?;
    let (sheets, flags) = workbook_sheets(&book)?;
    let target = sheet_target(&sheets, &rels).ok_or(WorkbookProblem::NoSheet)?;
    let sheet_path = join(book_dir, &target);

    let target_of = |kind: &str| {
        rels.iter()
            .find(|rel| rel.kind.ends_with(kind))
            .map(|rel| join(book_dir, &rel.target))
    };
    let styles = match target_of("/styles") {
        Some(path) => match read_part(&mut archive, budget, &path)? {
            Some(xml) => number_styles(&xml)?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };

    // A second handle on the same bytes, so that shared strings can be read on demand
    // while the sheet is open.
    let mut strings_archive = archive.clone();
    let strings_file = match target_of("/sharedStrings") {
        Some(path) => find(&mut strings_archive, &path)
            .map(|name| strings_archive.by_name(&name))
            .transpose()
            .map_err(|_| WorkbookProblem::Damaged)?,
        None => None,
    };
    let mut strings = SharedStrings::new(strings_file.map(|file| xml_reader(budget.meter(file))));

    let sheet_name = find(&mut archive, &sheet_path).ok_or(WorkbookProblem::Damaged)?;
    let sheet_file = archive
        .by_name(&sheet_name)
        .map_err(|_| WorkbookProblem::Damaged)?;
    let cells = SheetCells {
        strings: &mut strings,
        styles: &styles,
        flags,
        budget,
        unknown: Vec::new(),
    };
    cells.stream(xml_reader(budget.meter(sheet_file)), sink)
}

/// An .xlsx protected with a password is an OLE compound file holding the encrypted
/// package, not a zip.
fn is_encrypted(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    bytes.starts_with(crate::model::format::OLE_SIGNATURE)
        && bytes.windows(NAME.len()).any(|w| w == NAME)
}

struct Relationship {
    id: String,
    target: String,
    kind: String,
}

fn relationships(
    archive: &mut Archive,
    budget: &Budget,
    path: &str,
) -> Result<Vec<Relationship>, WorkbookProblem> {
    let Some(xml) = read_part(archive, budget, path)? else {
        return Ok(Vec::new());
    };
    let mut reader = Reader::from_str(&xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event().map_err(|_| WorkbookProblem::Damaged)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                found.push(Relationship {
                    id: attribute(&e, "Id").unwrap_or_default(),
                    target: attribute(&e, "Target").unwrap_or_default(),
                    kind: attribute(&e, "Type").unwrap_or_default(),
                });
            }
            Event::Eof => return Ok(found),
            _ => {}
        }
    }
}

/// The workbook part, from the package relationships (`xl/workbook.xml` as a rule).
fn office_document(archive: &mut Archive, budget: &Budget) -> Result<String, WorkbookProblem> {
    let rels = relationships(archive, budget, "_rels/.rels")?;
    Ok(rels
        .iter()
        .find(|rel| rel.kind.ends_with("/officeDocument"))
        .map_or_else(|| "xl/workbook.xml".to_owned(), |rel| join("", &rel.target)))
}

/// A sheet as the workbook lists it.
struct BookSheet {
    name: String,
    visible: bool,
    relationship: String,
}

/// What the workbook part says that changes how cells read.
#[derive(Debug, Clone, Copy, Default)]
struct BookFlags {
    /// Dates count from 1904.
    is_1904: bool,
    /// `fullCalcOnLoad`: the writer asks for every formula to be calculated when the file
    /// is opened, because it did not calculate them (openpyxl, XlsxWriter). The values it
    /// stored, if any, are placeholders.
    full_calc_on_load: bool,
}

fn workbook_sheets(xml: &str) -> Result<(Vec<BookSheet>, BookFlags), WorkbookProblem> {
    let mut reader = Reader::from_str(xml);
    let mut sheets = Vec::new();
    let mut flags = BookFlags::default();
    let is_true = |v: String| v == "1" || v == "true";
    loop {
        match reader.read_event().map_err(|_| WorkbookProblem::Damaged)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sheet" => sheets.push(BookSheet {
                    name: attribute(&e, "name").unwrap_or_default(),
                    visible: attribute(&e, "state").is_none_or(|s| s == "visible"),
                    relationship: relationship_id(&e).unwrap_or_default(),
                }),
                // Excel 2013+ writes a second `x15:workbookPr` (in `extLst`) without
                // `date1904`: only an element that says it decides.
                "workbookPr" => {
                    if let Some(date1904) = attribute(&e, "date1904") {
                        flags.is_1904 = is_true(date1904);
                    }
                }
                "calcPr" => {
                    flags.full_calc_on_load = attribute(&e, "fullCalcOnLoad").is_some_and(is_true);
                }
                _ => {}
            },
            Event::Eof => return Ok((sheets, flags)),
            _ => {}
        }
    }
}

/// The part of the sheet to read (see [`choose_sheet`]); chart sheets are never read.
fn sheet_target(sheets: &[BookSheet], rels: &[Relationship]) -> Option<String> {
    let worksheets: Vec<(&BookSheet, &Relationship)> = sheets
        .iter()
        .filter_map(|sheet| {
            let rel = rels.iter().find(|rel| rel.id == sheet.relationship)?;
            rel.kind.ends_with("/worksheet").then_some((sheet, rel))
        })
        .collect();
    let chosen = choose_sheet(worksheets.iter().map(|(s, _)| (s.name.as_str(), s.visible)))?;
    worksheets.get(chosen).map(|(_, rel)| rel.target.clone())
}

/// The `r:id` attribute, whatever prefix the writer gave the relationships namespace.
fn relationship_id(e: &BytesStart) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == "id" && a.key.prefix().is_some())
            .then(|| a.value.into_owned())
    })
}

fn parent(path: &str) -> &str {
    path.rfind('/').and_then(|i| path.get(..=i)).unwrap_or("")
}

fn rels_path(path: &str) -> String {
    let (dir, file) = path.rfind('/').map_or(("", path), |i| {
        (
            path.get(..=i).unwrap_or(""),
            path.get(i + 1..).unwrap_or(""),
        )
    });
    format!("{dir}_rels/{file}.rels")
}

/// A relationship target resolved against the folder of the part that names it.
fn join(dir: &str, target: &str) -> String {
    let full = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in full.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// What the sheet stream needs besides the sheet itself.
struct SheetCells<'a, R: BufRead> {
    strings: &'a mut SharedStrings<R>,
    styles: &'a [NumberStyle],
    flags: BookFlags,
    budget: &'a Budget,
    /// The ranges of the array formulas read without a result.
    unknown: Vec<Merge>,
}

/// A cell's `t` attribute: how its value is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Kind {
    #[default]
    Number,
    Shared,
    Inline,
    Formula,
    Boolean,
    Error,
    Date,
}

/// The range an array formula fills (`<f t="array" ref="D2:D5">`); `None` for any other
/// formula, or an array of one cell.
fn array_range(f: &BytesStart) -> Option<Merge> {
    if attribute(f, "t").as_deref() != Some("array") {
        return None;
    }
    merge_of(&attribute(f, "ref")?)
}

/// Where the parser is inside a cell; one is reused for every cell of the sheet.
#[derive(Default)]
struct CellState {
    open: bool,
    column: u32,
    kind: Kind,
    style: usize,
    value: String,
    in_value: bool,
    in_inline_text: bool,
    in_phonetic: bool,
    /// The cell has a formula (`<f>`), whose text is `formula`.
    has_formula: bool,
    in_formula: bool,
    formula: String,
    /// The cell has a `<v>`: the result the writer saved, if it has a formula.
    has_value: bool,
    /// The range its array formula fills (`<f t="array" ref="D2:D5">`), if it has one.
    array: Option<Merge>,
}

impl CellState {
    /// Starts a cell from its `<c>` element; `next_column` is where a cell without a
    /// reference stands.
    fn start(&mut self, e: &BytesStart, next_column: u32) {
        self.open = true;
        self.column = next_column;
        self.kind = Kind::Number;
        self.style = 0;
        self.value.clear();
        self.in_value = false;
        self.in_inline_text = false;
        self.in_phonetic = false;
        self.has_formula = false;
        self.in_formula = false;
        self.formula.clear();
        self.has_value = false;
        self.array = None;
        for attribute in e.attributes().with_checks(false).flatten() {
            let value: &str = &attribute.value;
            match attribute.key.as_ref() {
                "r" => {
                    if let Some(column) = column_of(value) {
                        self.column = column;
                    }
                }
                "t" => {
                    self.kind = match value {
                        "s" => Kind::Shared,
                        "inlineStr" => Kind::Inline,
                        "str" => Kind::Formula,
                        "b" => Kind::Boolean,
                        "e" => Kind::Error,
                        "d" => Kind::Date,
                        _ => Kind::Number,
                    }
                }
                "s" => self.style = value.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
    }

    fn collects(&self) -> bool {
        // An inline string's text is in `<is>`; a `<v>` beside it is not shown.
        self.open
            && ((self.in_value && self.kind != Kind::Inline)
                || (self.in_inline_text && !self.in_phonetic))
    }
}

impl<R: BufRead> SheetCells<'_, R> {
    fn stream<S: BufRead>(
        mut self,
        mut reader: Reader<S>,
        sink: &mut dyn RowSink,
    ) -> Result<(), WorkbookProblem> {
        let mut buf = Vec::new();
        let mut row = Row::default();
        let mut row_number = 0u32;
        let mut in_row = false;
        let mut next_column = 0u32;
        let mut cell = CellState::default();
        // Rows are kept until the merged ranges, which come after them, are known.
        let mut pending = Pending::new(sink.most_rows(), self.budget);
        loop {
            // Matched as quick-xml returns it: through `next_event`'s `Result` (inlined
            // or not) or an `Option` the sheet reads 4–5 % slower, which the bound
            // beside calamine does not allow.
            buf.clear();
            let Ok(event) = reader.read_event_into(&mut buf) else {
                return Err(WorkbookProblem::Damaged);
            };
            match event {
                Event::Start(e) => match e.local_name().as_ref() {
                    "row" => {
                        row_number = row_number_of(&e, row_number)?;
                        row.reset(row_number);
                        row.hidden = is_true(attribute(&e, "hidden").as_deref());
                        in_row = true;
                        next_column = 0;
                    }
                    // A cell outside any row belongs to no row a person could see.
                    "c" if in_row => {
                        cell.start(&e, next_column);
                        next_column = cell.column.saturating_add(1);
                    }
                    "v" => {
                        cell.in_value = cell.open;
                        cell.has_value = cell.open;
                    }
                    "f" => {
                        cell.in_formula = cell.open;
                        cell.has_formula = cell.open;
                        cell.array = array_range(&e);
                    }
                    "t" => cell.in_inline_text = cell.open,
                    "rPh" => cell.in_phonetic = cell.open,
                    _ => {}
                },
                Event::Empty(e) => match e.local_name().as_ref() {
                    "row" => row_number = row_number_of(&e, row_number)?,
                    // A shared formula's other cells: `<f t="shared" si="0"/>`.
                    "f" => cell.has_formula = cell.open,
                    "v" => cell.has_value = cell.open,
                    "c" => {
                        // A cell with no value (only a style): it takes its place, no more.
                        cell.start(&e, next_column);
                        cell.open = false;
                        next_column = cell.column.saturating_add(1);
                    }
                    _ => {}
                },
                Event::Text(t) if cell.in_formula => cell.formula.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if cell.in_formula => push_reference(&r, &mut cell.formula)?,
                Event::Text(t) if cell.collects() => cell.value.push_str(&t.xml10_content()),
                Event::CData(t) if cell.collects() => cell.value.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if cell.collects() => push_reference(&r, &mut cell.value)?,
                Event::End(e) => match e.local_name().as_ref() {
                    "v" => cell.in_value = false,
                    "f" => cell.in_formula = false,
                    "t" => cell.in_inline_text = false,
                    "rPh" => cell.in_phonetic = false,
                    "c" if cell.open => {
                        cell.open = false;
                        self.finish_cell(&mut row, &cell)?;
                    }
                    "row" if in_row => {
                        in_row = false;
                        if !row.is_blank() && pending.keep(&row)?.is_break() {
                            // The sink stops here: the rows after, and the merged
                            // ranges, are not read (see the crate's decisions).
                            pending.deliver(sink);
                            return Ok(());
                        }
                        row.reset(row_number);
                    }
                    "sheetData" => {
                        let merges = read_merges(&mut reader, &mut buf)?;
                        pending.spread(std::mem::take(&mut self.unknown), Spread::Unknown)?;
                        pending.spread(merges, Spread::Merged)?;
                        pending.deliver(sink);
                        return Ok(());
                    }
                    _ => {}
                },
                Event::Eof => {
                    pending.deliver(sink);
                    return Ok(());
                }
                _ => {}
            }
        }
    }

    /// Turns a cell's value into the text a person sees, as CSV would have it.
    fn finish_cell(&mut self, row: &mut Row, cell: &CellState) -> Result<(), WorkbookProblem> {
        let column = cell.column;
        let value = cell.value.as_str();
        if cell.has_formula {
            // A formula's value is the result the spreadsheet program saved. A writer
            // that does not calculate saves none (`<v/>`, or no `<v>`), or a placeholder
            // it asks to be recalculated (`fullCalcOnLoad`): what the person would see
            // is then unknown, never an empty cell for a default to fill. An empty saved
            // text result (`t="str"`, `<v></v>`) is an empty cell: Excel writes it for
            // `=IF(A2="","",…)`.
            let no_result = self.flags.full_calc_on_load
                || !cell.has_value
                || (value.trim().is_empty() && cell.kind != Kind::Formula);
            if no_result {
                row.push_no_result(column, &cell.formula);
                // An array formula fills its whole range: every cell of it is as unknown.
                self.unknown.extend(cell.array);
                return Ok(());
            }
        }
        // Text shows through its style's text section, where it has one.
        let style = self.styles.get(cell.style);
        let push_text = |row: &mut Row, text: &str| match style.and_then(|s| s.show_text(text)) {
            Some(shown) => row.push(column, &shown),
            None => row.push(column, text),
        };
        match cell.kind {
            // An empty `<v/>` is an empty cell, as Excel opens it (some ERP exports write it).
            Kind::Shared if value.trim().is_empty() => {}
            Kind::Shared => {
                let index = value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| WorkbookProblem::Damaged)?;
                push_text(row, self.strings.get(index)?);
            }
            Kind::Inline | Kind::Formula => push_text(row, &unescape_excel(value)),
            // A boolean is 1 or 0. LibreOffice and Gnumeric read other text apart (`true`
            // is FALSE in one and TRUE in the other): what the cell shows is unknown.
            Kind::Boolean => match value.trim() {
                "1" => row.push(column, "TRUE"),
                "0" => row.push(column, "FALSE"),
                other => row.push_not_a_number(column, other),
            },
            Kind::Error => row.push_error(column, value.trim()),
            // `t="d"`: a time alone shows as it stands, as LibreOffice shows it. Other
            // text that is no date LibreOffice shows as it is and Gnumeric as a number
            // (0, or the year it starts with): no date is known.
            Kind::Date => {
                let style = style.unwrap_or(&NumberStyle::General);
                match style.show_date(value, self.flags.is_1904) {
                    Some(text) => row.push(column, &text),
                    None if is_iso_time(value) => row.push(column, value.trim()),
                    None => row.push_not_a_number(column, value.trim()),
                }
            }
            Kind::Number => {
                let trimmed = value.trim();
                if trimmed.is_empty() {
                    return Ok(());
                }
                // `NaN` and infinities parse, but no spreadsheet holds them.
                match trimmed.parse::<f64>().ok().filter(|n| n.is_finite()) {
                    Some(number) => {
                        let style = style.unwrap_or(&NumberStyle::General);
                        row.push_number(column, number, style, self.flags.is_1904);
                    }
                    // A spreadsheet error written without its type is still one.
                    None if is_error_value(trimmed) => row.push_error(column, trimmed),
                    None => row.push_not_a_number(column, trimmed),
                }
            }
        }
        Ok(())
    }
}

/// The number of a `<row>`: its `r`, else the one after `previous`. A number outside the
/// sheet is a damaged file.
fn row_number_of(e: &BytesStart, previous: u32) -> Result<u32, WorkbookProblem> {
    let reference = e
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == "r");
    let number = match reference {
        Some(r) => r
            .value
            .trim()
            .parse()
            .map_err(|_| WorkbookProblem::Damaged)?,
        None => previous.saturating_add(1),
    };
    if (1..=SHEET_ROWS).contains(&number) {
        Ok(number)
    } else {
        Err(WorkbookProblem::Damaged)
    }
}

/// The column of a cell reference such as `BC12`: 0-based, `BC` → 54.
fn column_of(value: &str) -> Option<u32> {
    let mut column = 0u32;
    let mut letters = 0;
    for byte in value.bytes().take_while(u8::is_ascii_alphabetic) {
        letters += 1;
        if letters > 3 {
            return None;
        }
        column = column * 26 + u32::from(byte.to_ascii_uppercase() - b'A') + 1;
    }
    column.checked_sub(1)
}

/// An OOXML boolean attribute's value: `1` or `true`.
fn is_true(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            join("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            join("xl/", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            join("xl/worksheets/", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(rels_path("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
        assert_eq!(rels_path("workbook.xml"), "_rels/workbook.xml.rels");
    }
}
