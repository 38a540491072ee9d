//! The shared-string table of an .xlsx, read only as far as the cells need it, and
//! Excel's `_xHHHH_` escapes.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::read::sheet::WorkbookProblem;
use crate::read::zip::push_reference;

/// The most shared strings kept: a reference past it is refused rather than read to.
const MAX_SHARED_STRINGS: usize = 1 << 20;

/// The shared-string table, read only as far as the cells read so far refer to. The
/// strings live end to end in one buffer: no allocation per string.
pub(super) struct SharedStrings<R: BufRead> {
    reader: Option<Reader<R>>,
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
    item: String,
    buf: Vec<u8>,
}

impl<R: BufRead> SharedStrings<R> {
    pub(super) fn new(reader: Option<Reader<R>>) -> Self {
        SharedStrings {
            reader,
            text: String::new(),
            ends: Vec::new(),
            item: String::new(),
            buf: Vec::new(),
        }
    }

    pub(super) fn get(&mut self, index: usize) -> Result<&str, WorkbookProblem> {
        if index >= MAX_SHARED_STRINGS {
            return Err(WorkbookProblem::TooExpanded);
        }
        while self.ends.len() <= index {
            let Some(reader) = self.reader.as_mut() else {
                return Err(WorkbookProblem::Damaged);
            };
            if next_string(reader, &mut self.buf, &mut self.item)? {
                self.text.push_str(&unescape_excel(&self.item));
                self.ends.push(self.text.len());
            } else {
                self.reader = None;
            }
        }
        let start = match index.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(0);
        self.text.get(start..end).ok_or(WorkbookProblem::Damaged)
    }
}

/// Reads the next `<si>` of the table into `text`, its text runs joined, phonetic runs
/// left out; `false` at the end of the table.
fn next_string<R: BufRead>(
    reader: &mut Reader<R>,
    buf: &mut Vec<u8>,
    text: &mut String,
) -> Result<bool, WorkbookProblem> {
    text.clear();
    let mut in_item = false;
    let mut in_text = false;
    let mut in_phonetic = false;
    loop {
        // Matched as quick-xml returns it, as the sheet's cells are (see there).
        buf.clear();
        let Ok(event) = reader.read_event_into(buf) else {
            return Err(WorkbookProblem::Damaged);
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => in_item = true,
                "t" => in_text = in_item,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => return Ok(true),
            Event::End(e) => match e.local_name().as_ref() {
                "si" => return Ok(true),
                "t" => in_text = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Text(t) if in_text && !in_phonetic => text.push_str(&t.xml10_content()),
            Event::CData(t) if in_text && !in_phonetic => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text && !in_phonetic => push_reference(&r, text)?,
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

/// Excel writes characters XML cannot hold as `_xHHHH_` (UTF-16 units), and a literal
/// `_x` as `_x005F_x`.
pub(super) fn unescape_excel(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut units: Vec<u16> = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        let (before, from) = rest.split_at(at);
        units.extend(before.encode_utf16());
        let hex = from
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()) && from.get(6..7) == Some("_"));
        match hex.and_then(|h| u16::from_str_radix(h, 16).ok()) {
            Some(unit) => {
                units.push(unit);
                rest = from.get(7..).unwrap_or("");
            }
            None => {
                units.extend("_x".encode_utf16());
                rest = from.get(2..).unwrap_or("");
            }
        }
    }
    units.extend(rest.encode_utf16());
    Cow::Owned(String::from_utf16_lossy(&units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape_excel("a_x000D_"), "a\r");
        assert_eq!(unescape_excel("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_excel("_xD83D__xDCF7_"), "📷");
        assert_eq!(unescape_excel("_xZZ"), "_xZZ");
        assert_eq!(unescape_excel("_x+00D_"), "_x+00D_");
        assert_eq!(unescape_excel("plain"), "plain");
    }
}
