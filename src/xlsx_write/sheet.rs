//! One worksheet: its cells, column widths, frozen header, dropdowns and notes, and the
//! XML parts they make (the sheet, its comments, and the drawing that shows them).

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{parts::DECLARATION, MAIN_NS};
use super::{push_attribute, push_data, text_element, SharedStrings, StyleId, WriteError};
use crate::cells::column_letters;

/// How much sheet XML is made before it is handed to the zip writer.
const FLUSH_BYTES: usize = 1 << 16;

/// Rows and columns a worksheet has (0-based bounds are one less).
const ROWS: u32 = 1_048_576;
const COLUMNS: u32 = 16_384;
/// Excel's limits on what a dropdown may say.
const MAX_TITLE_CHARS: usize = 32;
const MAX_MESSAGE_CHARS: usize = 255;
const MAX_LIST_CHARS: usize = 255;
const MAX_SHEET_NAME_CHARS: usize = 31;

/// The pixels of Calibri 11's widest digit and a cell's padding, which turn a width in
/// characters into pixels; a default row's height and a default column's width.
const DIGIT_PIXELS: u32 = 7;
const PADDING_PIXELS: u32 = 5;
const ROW_PIXELS: u32 = 20;
const COLUMN_PIXELS: u32 = 64;

/// What a cell holds: text borrowed from the upload where it can be (an errors
/// workbook holds every row of the file), or made for the sheet.
#[derive(Debug)]
enum Value<'a> {
    Text(Cow<'a, str>),
    Number(u32),
    Blank,
}

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
#[derive(Debug, Default)]
pub(crate) struct Sheet<'a> {
    pub(crate) name: String,
    pub(crate) hidden: bool,
    /// Width in characters and style of each column given one.
    columns: BTreeMap<u16, (u16, StyleId)>,
    /// In the order written; a later write to a cell replaces an earlier one.
    cells: Vec<(u32, u16, Value<'a>, StyleId)>,
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

    /// Makes room for `cells` more cells at once (a sheet of every row of an upload is
    /// millions of cells: grown by doubling it would briefly need half as much again).
    pub(crate) fn reserve(&mut self, cells: usize) {
        self.cells.reserve_exact(cells);
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
        let off_sheet = |row: u32, column: u16| row >= ROWS || u32::from(column) >= COLUMNS;
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

    /// The cells in `order`.
    fn sorted<'s>(
        &'s self,
        order: &'s [usize],
    ) -> impl Iterator<Item = &'s (u32, u16, Value<'a>, StyleId)> + Clone {
        order.iter().filter_map(|&i| self.cells.get(i))
    }

    /// The texts of the cells, in the order the sheet's XML has them.
    pub(super) fn texts<'s>(&'s self, order: &'s [usize]) -> impl Iterator<Item = &'s str> {
        self.sorted(order)
            .filter_map(|(_, _, value, _)| match value {
                Value::Text(text) => Some(text.as_ref()),
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
        strings: &SharedStrings<'_>,
        active: bool,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let cells = self.sorted(order);
        let mut xml = String::with_capacity(FLUSH_BYTES.saturating_mul(2));
        xml.push_str(DECLARATION);
        xml.push_str(&format!(
            "<worksheet xmlns=\"{MAIN_NS}\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        ));
        // The used range.
        let rows = cells.clone().map(|c| c.0);
        let columns = cells.clone().map(|c| c.1);
        match (
            rows.clone().min(),
            rows.max(),
            columns.clone().min(),
            columns.max(),
        ) {
            (Some(top), Some(bottom), Some(left), Some(right))
                if (top, left) != (bottom, right) =>
            {
                xml.push_str(&format!(
                    "<dimension ref=\"{}:{}\"/>",
                    cell_ref(top, left),
                    cell_ref(bottom, right)
                ));
            }
            (Some(top), _, Some(left), _) => {
                xml.push_str(&format!("<dimension ref=\"{}\"/>", cell_ref(top, left)));
            }
            _ => xml.push_str("<dimension ref=\"A1\"/>"),
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
        self.push_rows(&mut xml, cells, strings, out)?;
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
            let pixels = u32::from(width)
                .saturating_mul(DIGIT_PIXELS)
                .saturating_add(PADDING_PIXELS);
            // Excel stores the width in 256ths of a character.
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

    /// `<sheetData>`: each row with its cells. `spans` (the row's block of 16's first and
    /// last column) is a hint Excel writes; written too, so files compare.
    fn push_rows<'s>(
        &'s self,
        xml: &mut String,
        cells: impl Iterator<Item = &'s (u32, u16, Value<'a>, StyleId)> + Clone,
        strings: &SharedStrings<'_>,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        if cells.clone().next().is_none() {
            xml.push_str("<sheetData/>");
            return Ok(());
        }
        let mut spans: BTreeMap<u32, (u16, u16)> = BTreeMap::new();
        let columns_of_rows = cells
            .clone()
            .map(|c| (c.0, c.1))
            .chain(self.notes.keys().copied());
        for (row, column) in columns_of_rows {
            let span = spans.entry(row / 16).or_insert((column, column));
            span.0 = span.0.min(column);
            span.1 = span.1.max(column);
        }
        xml.push_str("<sheetData>");
        let mut open: Option<u32> = None;
        for &(row, column, ref value, style) in cells {
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
                Value::Text(text) => {
                    xml.push_str(&format!(" t=\"s\"><v>{}</v></c>", strings.get(text)));
                }
                Value::Number(number) => xml.push_str(&format!("><v>{number}</v></c>")),
                Value::Blank => xml.push_str("/>"),
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

    /// `xl/commentsN.xml`: the notes' texts and authors.
    pub(super) fn comments(&self) -> String {
        // "Author" is the default author, always listed first.
        let mut authors = vec!["Author"];
        let mut author_of = |name: &'static str| match authors.iter().position(|a| *a == name) {
            Some(index) => index,
            None => {
                authors.push(name);
                authors.len() - 1
            }
        };
        let ids: Vec<usize> = self.notes.values().map(|n| author_of(n.author)).collect();
        let mut xml = String::from(DECLARATION);
        xml.push_str(&format!("<comments xmlns=\"{MAIN_NS}\"><authors>"));
        for author in &authors {
            xml.push_str("<author>");
            push_data(&mut xml, author);
            xml.push_str("</author>");
        }
        xml.push_str("</authors><commentList>");
        for ((&(row, column), note), id) in self.notes.iter().zip(ids) {
            xml.push_str(&format!(
                "<comment ref=\"{}\" authorId=\"{id}\"><text><r><rPr><sz val=\"8\"/>\
                 <color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>",
                cell_ref(row, column)
            ));
            text_element(&mut xml, &note.text);
            xml.push_str("</r></text></comment>");
        }
        xml.push_str("</commentList></comments>");
        xml
    }

    /// `xl/drawings/vmlDrawingN.vml`: the boxes that show the notes, hidden until the
    /// pointer is on the cell, each placed beside its cell as Excel places them.
    pub(super) fn vml(&self, data_id: u32, shape_base: u32) -> String {
        let blocks = u32::try_from(self.notes.len() / 1024).unwrap_or(u32::MAX);
        let ids: Vec<String> = (0..=blocks)
            .map(|block| data_id.saturating_add(block).to_string())
            .collect();
        let mut xml = format!(
            "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
             xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\">\
             <o:idmap v:ext=\"edit\" data=\"{}\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" \
             coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">\
             <v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>",
            ids.join(",")
        );
        for (z, (&(row, column), note)) in (1u32..).zip(&self.notes) {
            let place = self.place(row, column, note);
            let points = |pixels: f64| (pixels + 0.25).floor() * 72.0 / 96.0;
            xml.push_str(&format!(
                "<v:shape id=\"_x0000_s{}\" type=\"#_x0000_t202\" style=\"position:absolute;\
                 margin-left:{}pt;margin-top:{}pt;width:{}pt;height:{}pt;z-index:{z};visibility:hidden\" \
                 fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>\
                 <v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>\
                 <v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>\
                 <x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>\
                 <x:Anchor>{}, {}, {}, {}, {}, {}, {}, {}</x:Anchor><x:AutoFill>False</x:AutoFill>\
                 <x:Row>{row}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>",
                shape_base.saturating_add(z),
                points(place.left as f64),
                points(place.top as f64),
                points(f64::from(note.width)),
                points(f64::from(note.height)),
                place.from.0,
                place.from.1,
                place.from.2,
                place.from.3,
                place.to.0,
                place.to.1,
                place.to.2,
                place.to.3,
            ));
        }
        xml.push_str("</xml>");
        xml
    }

    /// A column's width in pixels.
    fn column_pixels(&self, column: u32) -> u32 {
        u16::try_from(column)
            .ok()
            .and_then(|c| self.columns.get(&c))
            .map_or(COLUMN_PIXELS, |&(width, _)| {
                u32::from(width)
                    .saturating_mul(DIGIT_PIXELS)
                    .saturating_add(PADDING_PIXELS)
            })
    }

    /// Pixels from the sheet's left edge to `column`'s: the set columns before it, and
    /// the default width for the rest (a sum over at most the set columns).
    fn column_offset(&self, column: u32) -> u64 {
        let set: Vec<(u32, u32)> = self
            .columns
            .keys()
            .map(|&c| u32::from(c))
            .filter(|&c| c < column)
            .map(|c| (c, self.column_pixels(c)))
            .collect();
        let defaults = u64::from(column).saturating_sub(set.len() as u64);
        defaults.saturating_mul(u64::from(COLUMN_PIXELS))
            + set.iter().map(|&(_, px)| u64::from(px)).sum::<u64>()
    }

    /// Where the box of the note on (`row`, `column`) goes: one column right of the cell
    /// and one row up (nearer the edges at the sheet's last rows and columns), 15 pixels
    /// in and 10 down; then the cells its corners fall in.
    fn place(&self, row: u32, column: u16, note: &Note) -> Place {
        let column = u32::from(column);
        let (start_row, y_offset) = match ROWS.saturating_sub(row) {
            _ if row == 0 => (0, 2),
            3 => (ROWS - 7, 16),
            2 => (ROWS - 6, 16),
            1 => (ROWS - 5, 14),
            _ => (row.saturating_sub(1), 10),
        };
        let (start_column, x_offset) = match COLUMNS.saturating_sub(column) {
            3 => (COLUMNS - 6, 49),
            2 => (COLUMNS - 5, 49),
            1 => (COLUMNS - 4, 49),
            _ => (column.saturating_add(1), 15),
        };
        let left = self
            .column_offset(start_column)
            .saturating_add(u64::from(x_offset));
        let top = u64::from(start_row)
            .saturating_mul(u64::from(ROW_PIXELS))
            .saturating_add(u64::from(y_offset));
        let (mut first_column, mut x1) = (start_column, x_offset);
        while x1 >= self.column_pixels(first_column) && first_column < COLUMNS {
            x1 -= self.column_pixels(first_column);
            first_column += 1;
        }
        let (first_row, y1) = (
            start_row.saturating_add(y_offset / ROW_PIXELS),
            y_offset % ROW_PIXELS,
        );
        let (mut last_column, mut x2) = (first_column, x1.saturating_add(note.width));
        while x2 >= self.column_pixels(last_column) && last_column < COLUMNS {
            x2 -= self.column_pixels(last_column);
            last_column += 1;
        }
        let height = y1.saturating_add(note.height);
        let (last_row, y2) = (
            first_row.saturating_add(height / ROW_PIXELS),
            height % ROW_PIXELS,
        );
        Place {
            left,
            top,
            from: (first_column, x1, first_row, y1),
            to: (last_column, x2, last_row, y2),
        }
    }
}

/// A note box's position: pixels from the sheet's top left corner, and its corners as
/// (column, pixels into it, row, pixels into it).
struct Place {
    left: u64,
    top: u64,
    from: (u32, u32, u32, u32),
    to: (u32, u32, u32, u32),
}

/// `A1`-style reference of a 0-based cell.
fn cell_ref(row: u32, column: u16) -> String {
    format!(
        "{}{}",
        column_letters(u32::from(column)),
        u64::from(row) + 1
    )
}
