//! What the zip-based workbooks (.xlsx, .ods) share: finding and reading a part under the
//! decompression budget, and the few XML helpers both streams need. No user rules.

use std::borrow::Cow;
use std::io::{BufReader, Cursor, Read};

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;

use crate::read::budget::Budget;
use crate::read::sheet::WorkbookProblem;

/// A workbook's zip, read from the upload's bytes.
pub(crate) type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Opens the zip; anything that is not one is a damaged file.
pub(crate) fn open(bytes: &[u8]) -> Result<Archive<'_>, WorkbookProblem> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|_| WorkbookProblem::Damaged)
}

/// A part's bytes as UTF-8: a part that starts with a UTF-16 byte order mark (as XML
/// allows, and Excel opens) is transcoded as it is read; any other passes through.
/// A UTF-16 unit that is no character reads as U+FFFD, which the checks refuse.
fn utf8<R: Read>(inner: R) -> DecodeReaderBytes<R, Vec<u8>> {
    DecodeReaderBytesBuilder::new()
        .utf8_passthru(true)
        .strip_bom(true)
        .build(inner)
}

/// A streaming XML reader of a part, in UTF-8 whatever the part's encoding, that keeps
/// text as it is and tolerates mismatched end tags (some writers produce them; the
/// structure that matters is the start tags).
pub(crate) fn xml_reader<R: Read>(inner: R) -> Reader<BufReader<DecodeReaderBytes<R, Vec<u8>>>> {
    let mut reader = Reader::from_reader(BufReader::new(utf8(inner)));
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    reader
}

/// The zip entry named `path`, or one that differs only in case or writes `\\` for `/`
/// (some writers do both; Excel opens such files).
pub(crate) fn find(archive: &mut Archive, path: &str) -> Option<String> {
    if archive.index_for_name(path).is_some() {
        return Some(path.to_owned());
    }
    let same = |name: &str| {
        name.len() == path.len()
            && name
                .bytes()
                .zip(path.bytes())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b) || (a == b'\\' && b == b'/'))
    };
    archive
        .file_names()
        .flatten()
        .find(|name| same(name))
        .map(Cow::into_owned)
}

/// A small part, whole, under the budget; `None` if the zip has no such part.
pub(crate) fn read_part(
    archive: &mut Archive,
    budget: &Budget,
    path: &str,
) -> Result<Option<String>, WorkbookProblem> {
    let Some(name) = find(archive, path) else {
        return Ok(None);
    };
    let file = archive
        .by_name(&name)
        .map_err(|_| WorkbookProblem::Damaged)?;
    let mut text = String::new();
    utf8(budget.meter(file))
        .read_to_string(&mut text)
        .map_err(|_| WorkbookProblem::Damaged)?;
    Ok(Some(text))
}

/// The value of attribute `name` (local name, any prefix), unescaped.
pub(crate) fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .map(Cow::into_owned)
                    .ok()
            })
            .flatten()
    })
}

/// Adds a character or predefined entity reference. Any other entity is refused: XML
/// entity expansion (the "billion laughs") is never performed.
pub(crate) fn push_reference(
    reference: &BytesRef,
    text: &mut String,
) -> Result<(), WorkbookProblem> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        text.push(c);
        return Ok(());
    }
    let predefined = match &**reference {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return Err(WorkbookProblem::Damaged),
    };
    text.push_str(predefined);
    Ok(())
}

/// The next XML event, read into `buf` (emptied first); a reader error means a damaged
/// file.
pub(crate) fn next_event<'b, R: std::io::BufRead>(
    reader: &mut Reader<R>,
    buf: &'b mut Vec<u8>,
) -> Result<Event<'b>, WorkbookProblem> {
    buf.clear();
    reader
        .read_event_into(buf)
        .map_err(|_| WorkbookProblem::Damaged)
}

/// Skips the rest of the element whose start was just read, however deep, without
/// keeping any of it.
pub(crate) fn skip_element<R: std::io::BufRead>(
    reader: &mut Reader<R>,
    buf: &mut Vec<u8>,
) -> Result<(), WorkbookProblem> {
    let mut depth = 1usize;
    loop {
        match next_event(reader, buf)? {
            Event::Start(_) => depth = depth.saturating_add(1),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(());
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
