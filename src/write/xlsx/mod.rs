//! Writing .xlsx workbooks: the template and the errors workbook, and nothing else.
//!
//! Written by hand rather than with a general workbook writer. Our two workbooks use a
//! fixed handful of features (text, whole-number cells, a few cell styles, column widths,
//! a frozen header, list dropdowns, notes, a hidden sheet), and a general writer carries
//! every feature a workbook can have into the browser build, where it was 198 KB of the
//! 718 KB module (gzipped). The parts written here are the ones a general writer that
//! Excel is tested against writes for the same workbook (`tests/data/rust_xlsxwriter/`
//! holds them; a test compares every part), so what Excel opens cleanly stays what it
//! opens.
//!
//! Bounded: an errors workbook's rows of the upload are read in place (a sheet's base
//! rows), not copied; the sheet and shared-strings XML are handed to the zip writer
//! [`FLUSH_BYTES`] at a time.

mod notes;
mod parts;
mod sheet;

use std::collections::HashMap;
use std::io::Write as _;

pub(crate) use sheet::{BaseCell, List, Note, Sheet, Validation};

/// The zip container being written.
type Zip = zip::ZipWriter<std::io::Cursor<Vec<u8>>>;

/// Why a workbook could not be written: a text breaks one of Excel's limits, or the zip
/// writer failed.
#[derive(Debug)]
pub(crate) enum WriteError {
    /// A text is longer than Excel allows where it goes, or a sheet name is not one.
    Limit(&'static str),
    /// The zip container could not be written.
    Zip(zip::result::ZipError),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Limit(what) => f.write_str(what),
            WriteError::Zip(error) => write!(f, "the zip container could not be written: {error}"),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<zip::result::ZipError> for WriteError {
    fn from(error: zip::result::ZipError) -> Self {
        WriteError::Zip(error)
    }
}

impl From<std::io::Error> for WriteError {
    fn from(error: std::io::Error) -> Self {
        WriteError::Zip(zip::result::ZipError::Io(error))
    }
}

/// A cell style. The default (no field set) is Excel's Normal style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Style {
    pub(crate) bold: bool,
    /// The font size in points, when not 11.
    pub(crate) size: Option<u8>,
    /// The font colour (RGB), when not the theme's text colour.
    pub(crate) color: Option<u32>,
    /// A solid fill (RGB).
    pub(crate) fill: Option<u32>,
    pub(crate) border: Border,
    /// Number format `@`: what is typed stays text.
    pub(crate) text: bool,
    /// Text wraps inside the cell.
    pub(crate) wrap: bool,
}

/// A cell's border: thin lines in the automatic colour or in one colour (RGB).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Border {
    #[default]
    None,
    /// The bottom edge only.
    Bottom,
    /// All four edges.
    All(Option<u32>),
}

/// A style registered with [`Styles::add`]: its place in the workbook's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct StyleId(u32);

/// The workbook's cell styles, in the order they were first used.
#[derive(Debug, Default)]
pub(crate) struct Styles(Vec<Style>);

impl Styles {
    /// The id of `style` if it is registered (the default style always is).
    pub(crate) fn find(&self, style: Style) -> Option<StyleId> {
        if style == Style::default() {
            return Some(StyleId(0));
        }
        let index = self.0.iter().position(|known| *known == style)?;
        u32::try_from(index)
            .ok()
            .map(|i| StyleId(i.saturating_add(1)))
    }

    /// The id of `style`, registering it on first use (the default style is always 0).
    pub(crate) fn add(&mut self, style: Style) -> StyleId {
        if style == Style::default() {
            return StyleId(0);
        }
        let index = place(&mut self.0, style);
        StyleId(u32::try_from(index).map_or(0, |i| i.saturating_add(1)))
    }
}

/// A workbook being written; its sheets may borrow their texts for `'a`.
#[derive(Default)]
pub(crate) struct Book<'a> {
    /// The document title in its properties.
    pub(crate) title: Option<String>,
    pub(crate) styles: Styles,
    sheets: Vec<Sheet<'a>>,
    /// The sheet it opens on.
    active: usize,
}

impl<'a> Book<'a> {
    /// Adds `sheet` after the others; `active` makes it the one the workbook opens on.
    pub(crate) fn push(&mut self, sheet: Sheet<'a>, active: bool) {
        if active {
            self.active = self.sheets.len();
        }
        self.sheets.push(sheet);
    }

    /// The .xlsx file.
    pub(crate) fn save(&self) -> Result<Vec<u8>, WriteError> {
        for sheet in &self.sheets {
            sheet.check()?;
        }
        let orders: Vec<Vec<usize>> = self.sheets.iter().map(Sheet::order).collect();
        let strings = SharedStrings::of(&self.sheets, &orders);
        let notes_sheets = self.sheets.iter().filter(|s| !s.notes.is_empty()).count();

        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let part = |zip: &mut Zip, name: &str, xml: &str| -> Result<(), WriteError> {
            zip.start_file(name, options)?;
            zip.write_all(xml.as_bytes())?;
            Ok(())
        };
        let types = parts::content_types(self.sheets.len(), notes_sheets, !strings.is_empty());
        part(&mut zip, "[Content_Types].xml", &types)?;
        part(&mut zip, "_rels/.rels", parts::ROOT_RELS)?;
        let rels = parts::workbook_rels(self.sheets.len(), !strings.is_empty());
        part(&mut zip, "xl/_rels/workbook.xml.rels", &rels)?;
        part(&mut zip, "xl/theme/theme1.xml", parts::THEME)?;
        let styles = parts::styles(&self.styles.0, notes_sheets > 0);
        part(&mut zip, "xl/styles.xml", &styles)?;
        part(
            &mut zip,
            "xl/workbook.xml",
            &parts::workbook(&self.sheets, self.active),
        )?;
        let mut notes_seen = 0usize;
        let mut shape_base = 1024u32;
        let mut data_id = 1u32;
        let mut drawings = Vec::new();
        for ((index, sheet), order) in self.sheets.iter().enumerate().zip(&orders) {
            let number = index.saturating_add(1);
            zip.start_file(format!("xl/worksheets/sheet{number}.xml"), options)?;
            sheet.write_xml(order, &strings, index == self.active, &mut zip)?;
            if !sheet.notes.is_empty() {
                notes_seen = notes_seen.saturating_add(1);
                let rels = parts::sheet_rels(notes_seen);
                part(
                    &mut zip,
                    &format!("xl/worksheets/_rels/sheet{number}.xml.rels"),
                    &rels,
                )?;
                let count = u32::try_from(sheet.notes.len()).unwrap_or(u32::MAX);
                drawings.push((notes_seen, sheet, data_id, shape_base));
                // Each drawing's shapes start at the next block of 1,024 ids.
                let blocks = count.saturating_add(1024) / 1024;
                data_id = data_id.saturating_add(blocks);
                shape_base = shape_base.saturating_add(blocks.saturating_mul(1024));
            }
        }
        if !strings.is_empty() {
            zip.start_file("xl/sharedStrings.xml", options)?;
            strings.write_xml(&mut zip)?;
        }
        part(
            &mut zip,
            "docProps/core.xml",
            &parts::core(self.title.as_deref()),
        )?;
        part(&mut zip, "docProps/app.xml", &parts::app(&self.sheets))?;
        for (number, sheet, data_id, shape_base) in drawings {
            let vml = sheet.vml(data_id, shape_base);
            part(
                &mut zip,
                &format!("xl/drawings/vmlDrawing{number}.vml"),
                &vml,
            )?;
            part(
                &mut zip,
                &format!("xl/comments{number}.xml"),
                &sheet.comments(),
            )?;
        }
        Ok(zip.finish()?.into_inner())
    }
}

/// Every text cell's string, once, numbered in the order the cells come (sheet by
/// sheet, row by row), as Excel's shared strings table.
struct SharedStrings<'b, 'a> {
    index: HashMap<&'b str, u32>,
    /// The sheets and their cells' order, to list the strings in the order they came.
    sheets: &'b [Sheet<'a>],
    orders: &'b [Vec<usize>],
    /// How many text cells refer to the table.
    uses: usize,
}

impl<'b, 'a: 'b> SharedStrings<'b, 'a> {
    fn of(sheets: &'b [Sheet<'a>], orders: &'b [Vec<usize>]) -> Self {
        let mut index = HashMap::new();
        let mut uses = 0usize;
        for text in Self::texts(sheets, orders) {
            uses = uses.saturating_add(1);
            let next = u32::try_from(index.len()).unwrap_or(u32::MAX);
            index.entry(text).or_insert(next);
        }
        SharedStrings {
            index,
            sheets,
            orders,
            uses,
        }
    }

    /// Every text cell's text, sheet by sheet, in each sheet's order.
    fn texts(
        sheets: &'b [Sheet<'a>],
        orders: &'b [Vec<usize>],
    ) -> impl Iterator<Item = &'b str> + use<'b, 'a> {
        sheets
            .iter()
            .zip(orders)
            .flat_map(|(sheet, order)| sheet.texts(order))
    }

    fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    fn get(&self, text: &str) -> u32 {
        self.index.get(text).copied().unwrap_or(0)
    }

    /// `xl/sharedStrings.xml`, written to `out` as it is made: each string where it
    /// first came (its number), found again by walking the cells in the same order.
    fn write_xml(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut xml = String::with_capacity(FLUSH_BYTES.saturating_mul(2));
        xml.push_str(parts::DECLARATION);
        xml.push_str(&format!(
            "<sst xmlns=\"{MAIN_NS}\" count=\"{}\" uniqueCount=\"{}\">",
            self.uses,
            self.index.len()
        ));
        let mut next = 0u32;
        for text in Self::texts(self.sheets, self.orders) {
            if self.index.get(text) != Some(&next) {
                continue;
            }
            next = next.saturating_add(1);
            xml.push_str("<si>");
            text_element(&mut xml, text);
            xml.push_str("</si>");
            if xml.len() >= FLUSH_BYTES {
                out.write_all(xml.as_bytes())?;
                xml.clear();
            }
        }
        xml.push_str("</sst>");
        out.write_all(xml.as_bytes())
    }
}

/// Where `item` is in `list`, added at the end if it is not yet (styles, fonts, fills,
/// borders and note authors are each listed once, in the order first used).
fn place<T: PartialEq>(list: &mut Vec<T>, item: T) -> usize {
    match list.iter().position(|known| *known == item) {
        Some(index) => index,
        None => {
            list.push(item);
            list.len() - 1
        }
    }
}

/// How much part XML is made before it is handed to the zip writer (a sheet of a
/// million rows is tens of megabytes of XML).
const FLUSH_BYTES: usize = 1 << 16;

/// The main SpreadsheetML namespace.
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// A `<t>` element holding `text`: whitespace at either end kept, control characters as
/// Excel's `_xHHHH_` escapes (and a literal escape-like text protected by `_x005F`).
fn text_element(xml: &mut String, text: &str) {
    let edge = |c: Option<char>| matches!(c, Some('\t' | '\n' | ' '));
    if edge(text.chars().next()) || edge(text.chars().next_back()) {
        xml.push_str("<t xml:space=\"preserve\">");
    } else {
        xml.push_str("<t>");
    }
    push_data(xml, text);
    xml.push_str("</t>");
}

/// `text` as XML character data, with Excel's escapes for control characters.
fn push_data(xml: &mut String, text: &str) {
    let mut rest = text;
    while let Some((i, c)) = rest.char_indices().find(|&(i, c)| {
        matches!(c, '&' | '<' | '>' | '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
            || (c == '_' && looks_like_escape(rest.get(i..).unwrap_or_default()))
    }) {
        xml.push_str(rest.get(..i).unwrap_or_default());
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '_' => xml.push_str("_x005F_"),
            _ => xml.push_str(&format!("_x{:04X}_", u32::from(c))),
        }
        rest = rest.get(i.saturating_add(c.len_utf8())..).unwrap_or_default();
    }
    xml.push_str(rest);
}

/// Whether `text` starts with `_xHHHH_`, which a reader would take for an escape.
fn looks_like_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 7
        && bytes.get(..2) == Some(b"_x")
        && bytes
            .get(2..6)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        && bytes.get(6) == Some(&b'_')
}

/// `text` as an XML attribute value (in double quotes).
fn push_attribute(xml: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '"' => xml.push_str("&quot;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '\n' => xml.push_str("&#xA;"),
            c => xml.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_as_excel_does() {
        let mut xml = String::new();
        push_data(&mut xml, "a&b<c>\"d\" \u{1}\r\t\n_x0041_ _x00G1_ _x");
        assert_eq!(
            xml,
            "a&amp;b&lt;c&gt;\"d\" _x0001__x000D_\t\n_x005F_x0041_ _x00G1_ _x"
        );
        let mut xml = String::new();
        push_attribute(&mut xml, "a&\"<\n>'");
        assert_eq!(xml, "a&amp;&quot;&lt;&#xA;&gt;'");
        let mut xml = String::new();
        text_element(&mut xml, " x");
        text_element(&mut xml, "<r>x</r>");
        assert_eq!(
            xml,
            "<t xml:space=\"preserve\"> x</t><t>&lt;r&gt;x&lt;/r&gt;</t>"
        );
    }

    #[test]
    fn styles_are_numbered_in_order_of_first_use() {
        let mut styles = Styles::default();
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        let text = Style {
            text: true,
            ..Style::default()
        };
        assert_eq!(styles.add(Style::default()), StyleId(0));
        assert_eq!(styles.add(text), StyleId(1));
        assert_eq!(styles.add(bold), StyleId(2));
        assert_eq!(styles.add(text), StyleId(1));
    }
}
