//! One worksheet: its cells, column widths, frozen header, dropdowns and notes, and the
//! XML parts they make (the sheet, its comments, and the drawing that shows them).

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{parts::DECLARATION, MAIN_NS};
use super::{push_attribute, push_data, SharedStrings, StyleId, WriteError, FLUSH_BYTES};
use crate::model::sheet::{SHEET_COLUMNS, SHEET_ROWS};
use crate::model::text::column_letters;

/// Excel's limits on what a dropdown may say.
const MAX_TITLE_CHARS: usize = 32;
const MAX_MESSAGE_CHARS: usize = 255;
const MAX_LIST_CHARS: usize = 255;
const MAX_SHEET_NAME_CHARS: usize = 31;

/// The pixels of Calibri 11's widest digit and a cell's padding, which turn a width in
/// characters into pixels ([`width_pixels`]); a default row's height and a default
/// column's width.
const DIGIT_PIXELS: u32 = 7;
const PADDING_PIXELS: u32 = 5;
pub(super) const ROW_PIXELS: u32 = 20;
pub(super) const COLUMN_PIXELS: u32 = 64;

/// What a cell holds: text borrowed from the upload where it can be (an errors
/// workbook holds every row of the file), or made for the sheet.
#[derive(Debug)]
enum Value<'a> {
    Text(Cow<'a, str>),
    Number(u32),
    Blank,
}

/// A cell as the XML is written from it: borrowed from the sheet or from its base rows.
#[derive(Clone, Copy)]
pub(super) enum Shown<'s> {
    Text(&'s str),
    Number(u32),
    Blank,
}

/// One cell of a sheet's base rows: 0-based row and column, text, style.
pub(crate) type BaseCell<'a> = (u32, u16, &'a str, StyleId);

/// Where a sheet's base rows come from: called for each pass over the sheet (the
/// shared strings, the used range, the rows), it gives them anew, in row then column
/// order. For the errors workbook, whose rows are every row of the upload: they stay
/// where the upload's rows are kept, never copied cell by cell.
pub(crate) type Base<'a> = &'a dyn Fn() -> Box<dyn Iterator<Item = BaseCell<'a>> + 'a>;

/// A note (a comment in Excel's files) on a cell: its text, author and box size in
/// pixels.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    pub(crate) text: String,
    pub(crate) author: &'static str,
    pub(crate) width: u32,
    pub(crate) height: u32,
}

/// The choices a dropdown offers.
#[derive(Debug)]
pub(crate) enum List {
    /// These texts (without commas or quotes).
    Texts(Vec<String>),
    /// The cells of this range, such as `Sites!$A$1:$A$30`.
    Range(String),
}

/// A dropdown on the cells of one column, rows `first..=last` (0-based).
#[derive(Debug)]
pub(crate) struct Validation {
    pub(crate) column: u16,
    pub(crate) first: u32,
    pub(crate) last: u32,
    pub(crate) list: List,
    /// The title and text shown when a cell is chosen.
    pub(crate) input: Option<(String, String)>,
    /// The title and text shown when what is typed is not in the list.
    pub(crate) error: (String, String),
}

/// A worksheet being written. Rows and columns are 0-based.
#[derive(Default)]
pub(crate) struct Sheet<'a> {
    pub(crate) name: String,
    pub(crate) hidden: bool,
    /// Width in characters and style of each column given one.
    pub(super) columns: BTreeMap<u16, (u16, StyleId)>,
    /// In the order written; a later write to a cell replaces an earlier one (and
    /// one of the base rows).
    cells: Vec<(u32, u16, Value<'a>, StyleId)>,
    base: Option<Base<'a>>,
    pub(super) notes: BTreeMap<(u32, u16), Note>,
    validations: Vec<Validation>,
    /// The rows kept in view at the top.
    frozen: u32,
}

impl<'a> Sheet<'a> {
    /// An empty sheet named `name`.
    pub(crate) fn new(name: &str) -> Self {
        Sheet {
            name: name.to_owned(),
            ..Sheet::default()
        }
    }

    /// Gives the sheet its base rows (see [`Base`]).
    pub(crate) fn base(&mut self, base: Base<'a>) {
        self.base = Some(base);
    }

    /// Sets a column's width (in characters) and the style of its empty cells.
    pub(crate) fn column(&mut self, column: u16, width: u16, style: StyleId) {
        self.columns.insert(column, (width, style));
    }

    /// Writes text; the style 0 takes the column's.
    pub(crate) fn text(
        &mut self,
        row: u32,
        column: u16,
        text: impl Into<Cow<'a, str>>,
        style: StyleId,
    ) {
        self.cells
            .push((row, column, Value::Text(text.into()), style));
    }

    /// Writes a whole number.
    pub(crate) fn number(&mut self, row: u32, column: u16, number: u32) {
        self.cells
            .push((row, column, Value::Number(number), StyleId::default()));
    }

    /// Styles a cell that holds nothing.
    pub(crate) fn blank(&mut self, row: u32, column: u16, style: StyleId) {
        self.cells.push((row, column, Value::Blank, style));
    }

    /// Puts a note on a cell (replacing any note there).
    pub(crate) fn note(&mut self, row: u32, column: u16, note: Note) {
        self.notes.insert((row, column), note);
    }

    /// Adds a dropdown.
    pub(crate) fn validate(&mut self, validation: Validation) {
        self.validations.push(validation);
    }

    /// Keeps the first `rows` rows in view.
    pub(crate) fn freeze(&mut self, rows: u32) {
        self.frozen = rows;
    }

    /// What Excel would refuse: a name it cannot take, dropdown texts over its limits,
    /// a cell off the sheet.
    pub(super) fn check(&self) -> Result<(), WriteError> {
        let name_chars = self.name.chars().count();
        if name_chars == 0
            || name_chars > MAX_SHEET_NAME_CHARS
            || self.name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            || self.name.starts_with('\'')
            || self.name.ends_with('\'')
        {
            return Err(WriteError::Limit("a sheet name that Excel cannot take"));
        }
        let off_sheet =
            |row: u32, column: u16| row >= SHEET_ROWS || u32::from(column) >= SHEET_COLUMNS;
        if self
            .cells
            .iter()
            .any(|&(row, column, ..)| off_sheet(row, column))
            || self
                .notes
                .keys()
                .any(|&(row, column)| off_sheet(row, column))
        {
            return Err(WriteError::Limit(
                "a cell past the last row or column of a sheet",
            ));
        }
        let too_long = |text: &str, most: usize| text.chars().count() > most;
        for validation in &self.validations {
            let (title, message) = &validation.error;
            let input_too_long = validation.input.as_ref().is_some_and(|(title, message)| {
                too_long(title, MAX_TITLE_CHARS) || too_long(message, MAX_MESSAGE_CHARS)
            });
            if too_long(title, MAX_TITLE_CHARS)
                || too_long(message, MAX_MESSAGE_CHARS)
                || input_too_long
            {
                return Err(WriteError::Limit(
                    "a dropdown's title or message is longer than Excel allows",
                ));
            }
            if let List::Texts(texts) = &validation.list {
                let chars: usize = texts.iter().map(|t| t.chars().count() + 1).sum();
                if chars.saturating_sub(1) > MAX_LIST_CHARS {
                    return Err(WriteError::Limit(
                        "a dropdown's list is longer than Excel allows",
                    ));
                }
            }
            if validation.first > validation.last || off_sheet(validation.last, validation.column) {
                return Err(WriteError::Limit("a dropdown off the sheet"));
            }
        }
        Ok(())
    }

    /// The cells' places in row then column order, the last write to a cell winning
    /// (sorted once a workbook, in place: 8 bytes a cell).
    pub(super) fn order(&self) -> Vec<usize> {
        let key = |&i: &usize| {
            self.cells
                .get(i)
                .map(|&(row, column, ..)| (row, column, std::cmp::Reverse(i)))
        };
        let mut order: Vec<usize> = (0..self.cells.len()).collect();
        order.sort_unstable_by_key(key);
        order.dedup_by_key(|i| key(i).map(|(row, column, _)| (row, column)));
        order
    }

    /// The cells, in row then column order: the base rows and the cells written, which
    /// replace a base cell where both are.
    pub(super) fn cells<'s>(
        &'s self,
        order: &'s [usize],
    ) -> Box<dyn Iterator<Item = (u32, u16, Shown<'s>, StyleId)> + 's> {
        let written = order.iter().filter_map(|&i| self.cells.get(i)).map(|cell| {
            let shown = match &cell.2 {
                Value::Text(text) => Shown::Text(text.as_ref()),
                Value::Number(number) => Shown::Number(*number),
                Value::Blank => Shown::Blank,
            };
            (cell.0, cell.1, shown, cell.3)
        });
        let base: Box<dyn Iterator<Item = (u32, u16, Shown<'s>, StyleId)> + 's> = match self.base {
            Some(base) => Box::new(
                base().map(|(row, column, text, style)| (row, column, Shown::Text(text), style)),
            ),
            None => Box::new(std::iter::empty()),
        };
        Box::new(Merged {
            base: base.peekable(),
            written: written.peekable(),
        })
    }

    /// The texts of the cells, in the order the sheet's XML has them.
    pub(super) fn texts<'s>(&'s self, order: &'s [usize]) -> impl Iterator<Item = &'s str> + 's {
        self.cells(order)
            .filter_map(|(_, _, shown, _)| match shown {
                Shown::Text(text) => Some(text),
                _ => None,
            })
    }

    /// A cell's style: its own, or its column's.
    fn style_of(&self, column: u16, style: StyleId) -> u32 {
        if style.0 != 0 {
            return style.0;
        }
        self.columns.get(&column).map_or(0, |&(_, style)| style.0)
    }

    /// `xl/worksheets/sheetN.xml`, written to `out` as it is made (a sheet of a million
    /// rows is tens of megabytes of XML).
    pub(super) fn write_xml(
        &self,
        order: &[usize],
        strings: &SharedStrings<'_, '_>,
        active: bool,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut xml = String::with_capacity(FLUSH_BYTES.saturating_mul(2));
        xml.push_str(DECLARATION);
        xml.push_str(&format!(
            "<worksheet xmlns=\"{MAIN_NS}\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        ));
        // The used range, and each block of 16 rows' first and last column (`spans`, a
        // hint Excel writes; written too, so files compare), in one pass over the cells.
        let mut used: Option<(u32, u32, u16, u16)> = None;
        let mut spans: BTreeMap<u32, (u16, u16)> = BTreeMap::new();
        let mut span = |row: u32, column: u16| {
            let span = spans.entry(row / 16).or_insert((column, column));
            span.0 = span.0.min(column);
            span.1 = span.1.max(column);
        };
        for (row, column, ..) in self.cells(order) {
            let (top, bottom, left, right) = used.get_or_insert((row, row, column, column));
            *top = (*top).min(row);
            *bottom = (*bottom).max(row);
            *left = (*left).min(column);
            *right = (*right).max(column);
            span(row, column);
        }
        for &(row, column) in self.notes.keys() {
            span(row, column);
        }
        match used {
            Some((top, bottom, left, right)) if (top, left) != (bottom, right) => {
                xml.push_str(&format!(
                    "<dimension ref=\"{}:{}\"/>",
                    cell_ref(top, left),
                    cell_ref(bottom, right)
                ));
            }
            Some((top, _, left, _)) => {
                xml.push_str(&format!("<dimension ref=\"{}\"/>", cell_ref(top, left)));
            }
            None => xml.push_str("<dimension ref=\"A1\"/>"),
        }
        xml.push_str("<sheetViews><sheetView ");
        if active {
            xml.push_str("tabSelected=\"1\" ");
        }
        xml.push_str("workbookViewId=\"0\"");
        if self.frozen > 0 {
            xml.push_str(&format!(
                "><pane ySplit=\"{}\" topLeftCell=\"{}\" activePane=\"bottomLeft\" state=\"frozen\"/>\
                 <selection pane=\"bottomLeft\"/></sheetView>",
                self.frozen,
                cell_ref(self.frozen, 0)
            ));
        } else {
            xml.push_str("/>");
        }
        xml.push_str("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        self.push_columns(&mut xml);
        if used.is_some() {
            self.push_rows(&mut xml, order, &spans, strings, out)?;
        } else {
            xml.push_str("<sheetData/>");
        }
        self.push_validations(&mut xml);
        xml.push_str(
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>",
        );
        if !self.notes.is_empty() {
            xml.push_str("<legacyDrawing r:id=\"rId1\"/>");
        }
        xml.push_str("</worksheet>");
        out.write_all(xml.as_bytes())
    }

    /// `<cols>`: neighbouring columns alike are one element.
    fn push_columns(&self, xml: &mut String) {
        if self.columns.is_empty() {
            return;
        }
        xml.push_str("<cols>");
        let mut runs: Vec<(u16, u16, (u16, StyleId))> = Vec::new();
        for (&column, &look) in &self.columns {
            match runs.last_mut() {
                Some((_, last, run)) if *run == look && last.checked_add(1) == Some(column) => {
                    *last = column;
                }
                _ => runs.push((column, column, look)),
            }
        }
        for (first, last, (width, style)) in runs {
            // Excel stores the width in 256ths of a character.
            let pixels = width_pixels(width);
            let chars = f64::from(pixels.saturating_mul(256) / DIGIT_PIXELS) / 256.0;
            xml.push_str(&format!(
                "<col min=\"{}\" max=\"{}\" width=\"{chars}\"",
                u32::from(first) + 1,
                u32::from(last) + 1
            ));
            if style.0 != 0 {
                xml.push_str(&format!(" style=\"{}\"", style.0));
            }
            xml.push_str(" customWidth=\"1\"/>");
        }
        xml.push_str("</cols>");
    }

    /// `<sheetData>`: each row, with its block's `spans`, and its cells.
    fn push_rows(
        &self,
        xml: &mut String,
        order: &[usize],
        spans: &BTreeMap<u32, (u16, u16)>,
        strings: &SharedStrings<'_, '_>,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        xml.push_str("<sheetData>");
        let mut open: Option<u32> = None;
        for (row, column, value, style) in self.cells(order) {
            if open != Some(row) {
                if open.is_some() {
                    xml.push_str("</row>");
                }
                if xml.len() >= FLUSH_BYTES {
                    out.write_all(xml.as_bytes())?;
                    xml.clear();
                }
                open = Some(row);
                xml.push_str(&format!("<row r=\"{}\"", u64::from(row) + 1));
                if let Some((first, last)) = spans.get(&(row / 16)) {
                    xml.push_str(&format!(
                        " spans=\"{}:{}\"",
                        u32::from(*first) + 1,
                        u32::from(*last) + 1
                    ));
                }
                xml.push('>');
            }
            xml.push_str(&format!("<c r=\"{}\"", cell_ref(row, column)));
            let style = self.style_of(column, style);
            if style != 0 {
                xml.push_str(&format!(" s=\"{style}\""));
            }
            match value {
                Shown::Text(text) => {
                    xml.push_str(&format!(" t=\"s\"><v>{}</v></c>", strings.get(text)));
                }
                Shown::Number(number) => xml.push_str(&format!("><v>{number}</v></c>")),
                Shown::Blank => xml.push_str("/>"),
            }
        }
        xml.push_str("</row></sheetData>");
        Ok(())
    }

    /// `<dataValidations>`: the dropdowns.
    fn push_validations(&self, xml: &mut String) {
        if self.validations.is_empty() {
            return;
        }
        xml.push_str(&format!(
            "<dataValidations count=\"{}\">",
            self.validations.len()
        ));
        for validation in &self.validations {
            xml.push_str(
                "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\"",
            );
            let mut attribute = |name: &str, value: &str| {
                if !value.is_empty() {
                    xml.push_str(&format!(" {name}=\""));
                    push_attribute(xml, value);
                    xml.push('"');
                }
            };
            attribute("errorTitle", &validation.error.0);
            attribute("error", &validation.error.1);
            if let Some((title, message)) = &validation.input {
                attribute("promptTitle", title);
                attribute("prompt", message);
            }
            let top = cell_ref(validation.first, validation.column);
            let bottom = cell_ref(validation.last, validation.column);
            if validation.first == validation.last {
                xml.push_str(&format!(" sqref=\"{top}\"><formula1>"));
            } else {
                xml.push_str(&format!(" sqref=\"{top}:{bottom}\"><formula1>"));
            }
            match &validation.list {
                List::Texts(texts) => {
                    xml.push('"');
                    push_data(xml, &texts.join(","));
                    xml.push('"');
                }
                List::Range(range) => push_data(xml, range),
            }
            xml.push_str("</formula1></dataValidation>");
        }
        xml.push_str("</dataValidations>");
    }
}

/// A column `width` characters wide, in pixels.
pub(super) fn width_pixels(width: u16) -> u32 {
    u32::from(width)
        .saturating_mul(DIGIT_PIXELS)
        .saturating_add(PADDING_PIXELS)
}

/// `A1`-style reference of a 0-based cell.
pub(super) fn cell_ref(row: u32, column: u16) -> String {
    format!(
        "{}{}",
        column_letters(u32::from(column)),
        u64::from(row) + 1
    )
}

/// Two runs of cells in row then column order, merged; where both have a cell, the
/// written one.
struct Merged<B: Iterator, W: Iterator<Item = B::Item>> {
    base: std::iter::Peekable<B>,
    written: std::iter::Peekable<W>,
}

impl<'s, B, W> Iterator for Merged<B, W>
where
    B: Iterator<Item = (u32, u16, Shown<'s>, StyleId)>,
    W: Iterator<Item = B::Item>,
{
    type Item = B::Item;

    fn next(&mut self) -> Option<Self::Item> {
        let place = |cell: &Self::Item| (cell.0, cell.1);
        match (self.base.peek().map(place), self.written.peek().map(place)) {
            (Some(base), Some(written)) if base < written => self.base.next(),
            (Some(base), Some(written)) if base == written => {
                self.base.next();
                self.written.next()
            }
            (_, Some(_)) => self.written.next(),
            (Some(_), None) => self.base.next(),
            (None, None) => None,
        }
    }
}
