//! An .ods's data styles, as far as they change what a number shows: each cell style's
//! `number:*-style`, as the format code that shows a value the same way, so that a
//! number is rendered from `office:value` as LibreOffice renders it rather than from the
//! text a writer put beside it (pandas writes `101.0` for 101, which LibreOffice shows
//! as `101`); and the document's limit on the decimals of LibreOffice's Standard format,
//! which a cell without a data style shows. No user rules.
//!
//! A data style is a list of parts (digits, literal text, a currency symbol, date and
//! time fields) and conditions that hand some values to another style; each becomes its
//! piece of an Excel format code, which [`numfmt`](crate::read::numfmt) renders.
//! Fractions, text styles, boolean styles and conditions other than a sign test have no
//! code here: such a cell shows the text the file holds.

use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::read::numfmt::{NumberSeparators, NumberStyle};
use crate::read::sheet::WorkbookProblem;
use crate::read::zip::attribute;

/// The most data styles and cell styles kept; a file with more is not a list of users.
const MAX_STYLES: usize = 4096;
/// The most parts one data style may have.
const MAX_PARTS: usize = 64;

/// What a cell style does to a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CellNumbers {
    /// No data style: the value as LibreOffice's Standard format shows it, with at most
    /// `decimals` decimals when the document limits them (its default cell style's
    /// `style:decimal-places`).
    General { decimals: Option<u16> },
    /// A data style this crate renders.
    Style(NumberStyle),
    /// A data style it does not: the cell shows the text the file holds.
    Unrendered,
}

/// The cell styles of a document, by name.
#[derive(Default)]
pub(super) struct CellStyles {
    data: HashMap<String, DataStyle>,
    /// Each cell style's data style and parent style.
    cells: HashMap<String, (Option<String>, Option<String>)>,
    /// What each cell style does to a number, worked out once by
    /// [`CellStyles::resolve`] after every part is read, not once a cell.
    numbers: HashMap<String, CellNumbers>,
    /// The document's limit on the decimals of the Standard format, if it sets one.
    standard_decimals: Option<u16>,
    /// What a cell without a data style, or of a style that is not there, shows.
    general: CellNumbers,
}

impl Default for CellNumbers {
    fn default() -> Self {
        CellNumbers::General { decimals: None }
    }
}

impl CellStyles {
    /// What the cell style `name` does to a number; [`CellNumbers::General`] for a style
    /// that is not there.
    pub(super) fn numbers(&self, name: Option<&str>) -> &CellNumbers {
        name.and_then(|n| self.numbers.get(n))
            .unwrap_or(&self.general)
    }

    /// What a number shows as without a data style: LibreOffice's Standard format, within
    /// the document's limit on decimals.
    fn standard(&self) -> CellNumbers {
        CellNumbers::General {
            decimals: self.standard_decimals,
        }
    }

    /// Works out, once, what each cell style does to a number.
    pub(super) fn resolve(&mut self) {
        self.general = self.standard();
        let numbers = self
            .cells
            .keys()
            .map(|name| (name.clone(), self.numbers_of(name)))
            .collect();
        self.numbers = numbers;
    }

    /// What the cell style `name` does to a number, through its parents, as far as 8
    /// deep.
    fn numbers_of(&self, name: &str) -> CellNumbers {
        let mut name = Some(name);
        for _ in 0..8 {
            let Some((data, parent)) = name.and_then(|n| self.cells.get(n)) else {
                break;
            };
            if let Some(data) = data {
                // A name no data style has (Gnumeric names `General`, which it never
                // defines): LibreOffice shows the value as its Standard format.
                if !self.data.contains_key(data) {
                    return self.standard();
                }
                let separators = self.data.get(data).and_then(|style| style.separators);
                let code = self.code(data, 0);
                return match (code.map(|code| NumberStyle::of_code(&code)), separators) {
                    (Some(NumberStyle::General), _) => self.standard(),
                    (Some(style), Some(separators)) => {
                        CellNumbers::Style(style.with_separators(separators))
                    }
                    // A code in a locale whose separators are not known here.
                    (Some(_), None) | (None, _) => CellNumbers::Unrendered,
                };
            }
            name = parent.as_deref();
        }
        self.standard()
    }

    /// The format code of the data style `name`, with the styles its conditions apply.
    fn code(&self, name: &str, depth: usize) -> Option<String> {
        let style = self.data.get(name)?;
        let own = style.code()?;
        match style.maps.as_slice() {
            [] => Some(own),
            [(condition, applied)] if depth == 0 => {
                let other = self.code(applied, depth.saturating_add(1))?;
                match condition.replace(' ', "").as_str() {
                    // The other style shows what is not negative, this one the rest (as
                    // an Excel code's second section, without the minus sign).
                    "value()>=0" => Some(format!("{other};{own}")),
                    "value()<0" => Some(format!("{own};{other}")),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Reads the data styles and cell styles of one part (`styles.xml`, or
    /// `content.xml` up to its body), adding them to those read before.
    pub(super) fn read<R: BufRead>(
        &mut self,
        reader: &mut Reader<R>,
    ) -> Result<(), WorkbookProblem> {
        let mut buf = Vec::new();
        let mut open: Option<(String, DataStyle)> = None;
        // Inside the document's default cell style.
        let mut in_default_cell = false;
        loop {
            let (e, is_start) = match crate::read::zip::next_event(reader, &mut buf)? {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) => {
                    if e.local_name().as_ref() == "default-style" {
                        in_default_cell = false;
                    }
                    if e.name().prefix().is_some_and(|p| p.as_ref() == "number")
                        && e.local_name().as_ref().ends_with("-style")
                    {
                        if let Some((name, style)) = open.take() {
                            if self.data.len() < MAX_STYLES {
                                self.data.insert(name, style);
                            }
                        }
                    }
                    continue;
                }
                Event::Text(t) => {
                    if let Some((_, style)) = &mut open {
                        style.text(&t.xml10_content());
                    }
                    continue;
                }
                Event::GeneralRef(r) => {
                    if let Some((_, style)) = &mut open {
                        let mut text = String::new();
                        crate::read::zip::push_reference(&r, &mut text)?;
                        style.text(&text);
                    }
                    continue;
                }
                Event::Eof => return Ok(()),
                _ => continue,
            };
            let local = e.local_name();
            let is_number = e.name().prefix().is_some_and(|p| p.as_ref() == "number");
            match local.as_ref() {
                // Everything up to the body is read; the body is not.
                "body" => return Ok(()),
                "default-style" if !is_number => {
                    let family = attribute(&e, "family");
                    in_default_cell = is_start && family.as_deref() == Some("table-cell");
                }
                "table-cell-properties" if in_default_cell => {
                    if let Some(decimals) = attribute(&e, "decimal-places") {
                        self.standard_decimals = decimals.trim().parse().ok();
                    }
                }
                "style" if !is_number => {
                    let is_cell = attribute(&e, "family").as_deref() == Some("table-cell");
                    if let (true, Some(name)) = (is_cell, attribute(&e, "name")) {
                        if self.cells.len() < MAX_STYLES {
                            let data = attribute(&e, "data-style-name");
                            let parent = attribute(&e, "parent-style-name");
                            self.cells.insert(name, (data, parent));
                        }
                    }
                }
                kind if is_number && kind.ends_with("-style") => {
                    let family = Family::of(kind);
                    let style = DataStyle::new(family, &e);
                    match (is_start, attribute(&e, "name")) {
                        (true, Some(name)) => open = Some((name, style)),
                        (false, Some(name)) if self.data.len() < MAX_STYLES => {
                            self.data.insert(name, style);
                        }
                        _ => {}
                    }
                }
                "map" => {
                    if let Some((_, style)) = &mut open {
                        if let (Some(condition), Some(applied)) = (
                            attribute(&e, "condition"),
                            attribute(&e, "apply-style-name"),
                        ) {
                            style.maps.push((condition, applied));
                        }
                    }
                }
                _ if is_number => {
                    if let Some((_, style)) = &mut open {
                        style.part(&e, is_start);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Which `number:*-style` a data style is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Number,
    Percentage,
    Currency,
    Date,
    Time,
    /// `number:text-style`: literal text around the cell's text (`number:text-content`).
    Text,
    Other,
}

impl Family {
    fn of(local_name: &str) -> Family {
        match local_name {
            "number-style" => Family::Number,
            "percentage-style" => Family::Percentage,
            "currency-style" => Family::Currency,
            "date-style" => Family::Date,
            "time-style" => Family::Time,
            "text-style" => Family::Text,
            _ => Family::Other,
        }
    }
}

/// The separators LibreOffice shows numbers with in a data style's locale, as
/// LibreOffice 7.4 shows them (`tests/conformance/libreoffice/ods_styles.tsv`); `None`
/// for a locale not listed (India's grouping of lakhs, for one).
fn separators_of(language: &str, country: &str) -> Option<NumberSeparators> {
    const NO_BREAK_SPACE: char = '\u{A0}';
    let (decimal, group) = match (language, country) {
        ("en", "US" | "GB") | ("ja", "JP") | ("zh", "CN") | ("ko", "KR") | ("he", "IL") => {
            ('.', ',')
        }
        ("de", "DE" | "AT")
        | ("es", "ES")
        | ("it", "IT")
        | ("nl", "NL")
        | ("pt", "BR")
        | ("da", "DK")
        | ("tr", "TR")
        | ("el", "GR")
        | ("ro", "RO") => (',', '.'),
        ("fr", "FR")
        | ("pt", "PT")
        | ("sv", "SE")
        | ("fi", "FI")
        | ("nb", "NO")
        | ("pl", "PL")
        | ("cs", "CZ")
        | ("ru", "RU")
        | ("hu", "HU")
        | ("uk", "UA") => (',', NO_BREAK_SPACE),
        ("de", "CH") => ('.', '\''),
        // Arabic's own decimal and thousands separators (U+066B, U+066C).
        ("ar", "EG") => ('\u{66B}', '\u{66C}'),
        _ => return None,
    };
    Some(NumberSeparators { decimal, group })
}

/// One part of a data style, as a piece of a format code; `None`: not rendered here.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Code(Option<String>),
    /// A `number:text` or `number:currency-symbol`, whose text follows.
    Literal(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct DataStyle {
    family: Family,
    /// A time style whose hours count on past 24 (`number:truncate-on-overflow="false"`).
    elapsed: bool,
    /// The separators of the style's locale (`number:language` and `number:country`);
    /// `None` for a locale whose separators are not known here.
    separators: Option<NumberSeparators>,
    /// Whether the style's `AM` and `PM` are English ones: LibreOffice writes its
    /// locale's words (`午後`, `nachm.`) in other languages.
    english_am_pm: bool,
    parts: Vec<Part>,
    maps: Vec<(String, String)>,
    /// Too many parts to keep.
    overflow: bool,
}

impl DataStyle {
    fn new(family: Family, e: &BytesStart) -> Self {
        let (language, country) = (attribute(e, "language"), attribute(e, "country"));
        DataStyle {
            family,
            elapsed: attribute(e, "truncate-on-overflow").as_deref() == Some("false"),
            english_am_pm: language.as_deref().is_none_or(|language| language == "en"),
            separators: match (language, country) {
                (Some(language), Some(country)) => separators_of(&language, &country),
                // A language without a country shows as the invariant locale.
                _ => Some(NumberSeparators::INVARIANT),
            },
            parts: Vec::new(),
            maps: Vec::new(),
            overflow: false,
        }
    }

    fn push(&mut self, part: Part) {
        if self.parts.len() < MAX_PARTS {
            self.parts.push(part);
        } else {
            self.overflow = true;
        }
    }

    /// Text inside the style: a literal's, for the part just opened.
    fn text(&mut self, text: &str) {
        if let Some(Part::Literal(literal)) = self.parts.last_mut() {
            if literal.len() < 256 {
                literal.push_str(text);
            }
        }
    }

    /// A `number:…` element inside the style.
    fn part(&mut self, e: &BytesStart, is_start: bool) {
        let long = attribute(e, "style").as_deref() == Some("long");
        let int = |name: &str| attribute(e, name).and_then(|v| v.trim().parse::<usize>().ok());
        let code = match e.local_name().as_ref() {
            "text" | "currency-symbol" => {
                if is_start {
                    self.push(Part::Literal(String::new()));
                }
                return;
            }
            "number" => number_code(
                int("min-integer-digits").unwrap_or(1),
                int("decimal-places"),
                int("min-decimal-places"),
                attribute(e, "grouping").as_deref() == Some("true"),
                attribute(e, "display-factor").as_deref(),
                attribute(e, "decimal-replacement").is_some(),
            ),
            "scientific-number" => {
                let places = int("decimal-places").unwrap_or(0).min(30);
                let integer = "0".repeat(int("min-integer-digits").unwrap_or(1).clamp(1, 30));
                let exponent = "0".repeat(int("min-exponent-digits").unwrap_or(1).clamp(1, 5));
                let point = if places > 0 { "." } else { "" };
                Some(format!(
                    "{integer}{point}{}E+{exponent}",
                    "0".repeat(places)
                ))
            }
            "day" => Some(if long { "dd" } else { "d" }.to_owned()),
            "month" => Some(if long { "mm" } else { "m" }.to_owned()),
            "year" => Some(if long { "yyyy" } else { "yy" }.to_owned()),
            "day-of-week" => Some("ddd".to_owned()),
            "hours" => Some(if long { "hh" } else { "h" }.to_owned()),
            "minutes" => Some(if long { "mm" } else { "m" }.to_owned()),
            "seconds" => {
                let places = int("decimal-places").unwrap_or(0).min(3);
                let point = if places > 0 { "." } else { "" };
                let seconds = if long { "ss" } else { "s" };
                Some(format!("{seconds}{point}{}", "0".repeat(places)))
            }
            "am-pm" if self.english_am_pm => Some("AM/PM".to_owned()),
            "text-content" => Some("@".to_owned()),
            // Fractions, eras, quarters, weeks and booleans.
            _ => None,
        };
        self.push(Part::Code(code));
    }

    /// The format code that shows a value as this style does, or `None`.
    fn code(&self) -> Option<String> {
        if self.overflow || self.family == Family::Other {
            return None;
        }
        let mut code = String::new();
        let mut hours_seen = false;
        for part in &self.parts {
            match part {
                Part::Code(piece) => {
                    let piece = piece.as_deref()?;
                    if self.elapsed && !hours_seen && piece.starts_with('h') {
                        // The first hours count on: `[h]`.
                        code.push('[');
                        code.push_str(piece);
                        code.push(']');
                        hours_seen = true;
                        continue;
                    }
                    code.push_str(piece);
                }
                Part::Literal(text) => {
                    for c in text.chars() {
                        // In a percentage style, the `%` is the one that scales.
                        if c == '%' && self.family == Family::Percentage {
                            code.push('%');
                        } else {
                            code.push('\\');
                            code.push(c);
                        }
                    }
                }
            }
        }
        match self.family {
            // A date or time style with no field of its own shows no date.
            Family::Date | Family::Time if !code.chars().any(|c| "dmyhs".contains(c)) => None,
            _ if code.is_empty() => None,
            _ => Some(code),
        }
    }
}

/// The code of a `number:number`: `#,##0.00`, `000`, `0.0##`, and a `,` per 1,000 of a
/// display factor; `General` for a plain number without decimal places said. `None` for
/// what has no code (a replacement for the decimals, a factor that is no power of 1,000).
fn number_code(
    min_integer: usize,
    decimals: Option<usize>,
    min_decimals: Option<usize>,
    grouping: bool,
    factor: Option<&str>,
    replaced: bool,
) -> Option<String> {
    if replaced {
        return None;
    }
    // Without decimal places said, LibreOffice's Standard format.
    let Some(decimals) = decimals else {
        let plain = min_integer <= 1 && !grouping && factor.is_none_or(|f| f.trim() == "1");
        return plain.then(|| "General".to_owned());
    };
    let decimals = decimals.min(30);
    let min_integer = min_integer.min(30);
    let mut integer = if grouping {
        let width = min_integer.max(4);
        let mut places = "#".repeat(width.saturating_sub(min_integer)) + &"0".repeat(min_integer);
        places.insert(1, ',');
        places
    } else if min_integer == 0 {
        "#".to_owned()
    } else {
        "0".repeat(min_integer)
    };
    if decimals > 0 {
        let shown = min_decimals.unwrap_or(decimals).min(decimals);
        integer.push('.');
        integer.push_str(&"0".repeat(shown));
        integer.push_str(&"#".repeat(decimals.saturating_sub(shown)));
    }
    match factor.map(str::trim) {
        None | Some("1") => {}
        Some(factor) => {
            let thousands = match factor {
                "1000" => 1,
                "1000000" => 2,
                "1000000000" => 3,
                _ => return None,
            };
            integer.push_str(&",".repeat(thousands));
        }
    }
    Some(integer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(xml: &str) -> CellStyles {
        let mut styles = CellStyles::default();
        let mut reader = Reader::from_reader(xml.as_bytes());
        assert!(styles.read(&mut reader).is_ok());
        styles.resolve();
        styles
    }

    #[test]
    fn number_codes() {
        assert_eq!(
            number_code(1, Some(2), None, true, None, false).as_deref(),
            Some("#,##0.00")
        );
        assert_eq!(
            number_code(3, Some(0), None, false, None, false).as_deref(),
            Some("000")
        );
        assert_eq!(
            number_code(0, Some(0), None, true, None, false).as_deref(),
            Some("#,###")
        );
        assert_eq!(
            number_code(1, Some(3), Some(1), false, None, false).as_deref(),
            Some("0.0##")
        );
        assert_eq!(
            number_code(1, Some(1), None, false, Some("1000000"), false).as_deref(),
            Some("0.0,,")
        );
        assert_eq!(number_code(1, Some(1), None, false, Some("7"), false), None);
        assert_eq!(
            number_code(1, None, None, false, None, false).as_deref(),
            Some("General")
        );
        assert_eq!(number_code(1, None, None, true, None, false), None);
        assert_eq!(number_code(1, Some(2), None, false, None, true), None);
    }

    #[test]
    fn cell_styles_through_data_styles_and_parents() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:style="s" xmlns:number="n"><office:automatic-styles>
            <number:percentage-style style:name="N1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
            <number:number-style style:name="P"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>
            <number:number-style style:name="N2"><number:text>(</number:text><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>)</number:text><style:map style:condition="value()&gt;=0" style:apply-style-name="P"/></number:number-style>
            <number:time-style style:name="N3" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>
            <number:number-style style:name="N4"><number:fraction number:min-integer-digits="0"/></number:number-style>
            <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
            <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
            <style:style style:name="ce3" style:family="table-cell" style:parent-style-name="ce1"/>
            <style:style style:name="ce4" style:family="table-cell" style:data-style-name="N3"/>
            <style:style style:name="ce5" style:family="table-cell" style:data-style-name="N4"/>
            <style:style style:name="ce6" style:family="table-cell"/>
            </office:automatic-styles><office:body><number:number-style style:name="late"/></office:body></office:document-content>"#;
        let styles = styles(xml);
        let show = |name: &str, value: f64| match styles.numbers(Some(name)) {
            CellNumbers::Style(style) => style.try_show(value, false),
            other => Some(format!("{other:?}")),
        };
        assert_eq!(show("ce1", 0.652).as_deref(), Some("65.2%"));
        assert_eq!(
            show("ce3", 0.652).as_deref(),
            Some("65.2%"),
            "through the parent"
        );
        assert_eq!(show("ce2", -3.0).as_deref(), Some("(3.00)"));
        assert_eq!(show("ce2", 3.0).as_deref(), Some("3.00"));
        assert_eq!(show("ce4", 1.5).as_deref(), Some("36:00"));
        assert_eq!(show("ce5", 0.5).as_deref(), Some("Unrendered"));
        assert_eq!(
            show("ce6", 0.5).as_deref(),
            Some("General { decimals: None }")
        );
        assert_eq!(styles.numbers(Some("none")), &CellNumbers::default());
        assert_eq!(styles.numbers(None), &CellNumbers::default());
        assert!(!styles.data.contains_key("late"), "the body is not read");
    }

    #[test]
    fn the_default_cell_style_limits_the_decimals_of_the_standard_format() {
        let xml = r#"<office:document-styles xmlns:office="o" xmlns:style="s"><office:styles>
            <style:default-style style:family="graphic"><style:table-cell-properties style:decimal-places="4"/></style:default-style>
            <style:default-style style:family="table-cell"><style:table-cell-properties style:decimal-places="13"/></style:default-style>
            <style:style style:name="ce1" style:family="table-cell"><style:table-cell-properties style:decimal-places="2"/></style:style>
            </office:styles></office:document-styles>"#;
        let styles = styles(xml);
        let limited = CellNumbers::General { decimals: Some(13) };
        assert_eq!(styles.numbers(None), &limited);
        // A cell style's own decimal-places is not the document's (LibreOffice 7.4).
        assert_eq!(styles.numbers(Some("ce1")), &limited);
        assert_eq!(
            self::styles(r#"<office:document-styles xmlns:office="o"/>"#).numbers(None),
            &CellNumbers::default()
        );
    }
}
