//! The file formats an upload can be in, and how to tell them apart.

/// The first bytes of an OLE compound file: a legacy `.xls`, or an `.xlsx` encrypted
/// with a password.
pub(crate) const OLE_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The format of an uploaded file.
///
/// ```
/// use bulk_users::Format;
/// assert_eq!(Format::from_extension("users.XLSX"), Some(Format::Xlsx));
/// assert_eq!(Format::from_extension("csv"), Some(Format::Csv));
/// assert_eq!(Format::detect(b"PK\x03\x04rest of a zip"), Some(Format::Xlsx));
/// assert_eq!(Format::detect(b"User name*,Email*\n"), Some(Format::Csv));
/// ```
///
/// Serialises as it displays: `"csv"`, `"xlsx"`, `"xls"`, `"ods"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Format {
    /// Delimited text: comma, semicolon or tab separated, in UTF-8, UTF-16, or the
    /// legacy code page the bytes are in, detected (`.csv`, `.tsv`, `.txt`).
    Csv,
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// A legacy Excel 97–2003 workbook (`.xls`).
    Xls,
    /// An OpenDocument spreadsheet (`.ods`).
    Ods,
}

impl Format {
    /// Every format, in the order of this enum.
    pub const ALL: [Format; 4] = [Format::Csv, Format::Xlsx, Format::Xls, Format::Ods];

    /// The format of an uploaded file: the one its name's extension names, else the
    /// one its bytes look like ([`Format::detect`]). `None` when neither tells.
    ///
    /// ```
    /// use bulk_users::Format;
    /// assert_eq!(Format::of_file("users.CSV", b"PK\x03\x04"), Some(Format::Csv));
    /// assert_eq!(Format::of_file("upload", b"PK\x03\x04"), Some(Format::Xlsx));
    /// assert_eq!(Format::of_file("upload", b"\x00\x01"), None);
    /// ```
    pub fn of_file(name: &str, bytes: &[u8]) -> Option<Format> {
        Format::from_extension(name).or_else(|| Format::detect(bytes))
    }

    /// The format a file name or bare extension names, ignoring case: `"users.csv"`,
    /// `".xlsx"` and `"XLS"` all work. `None` for anything else.
    pub fn from_extension(name: &str) -> Option<Format> {
        let extension = name.rsplit('.').next().unwrap_or(name).trim();
        let lower = extension.to_ascii_lowercase();
        match lower.as_str() {
            "csv" | "tsv" | "txt" | "tab" => Some(Format::Csv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }

    /// The format the bytes look like, from their signature: a zip holding an
    /// OpenDocument `mimetype` is `Ods`, any other zip `Xlsx`, an OLE compound file
    /// `Xls`, and text (or UTF-16 with a byte order mark) `Csv`. `None` for empty input
    /// or other binary data.
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        const ZIP: &[u8] = b"PK\x03\x04";
        const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
        if bytes.starts_with(ZIP) {
            // ODF puts an uncompressed `mimetype` entry first, its content near byte 38.
            let head = bytes.get(..128).unwrap_or(bytes);
            let is_ods = head.windows(ODS_MIME.len()).any(|w| w == ODS_MIME);
            return Some(if is_ods { Format::Ods } else { Format::Xlsx });
        }
        if bytes.starts_with(OLE_SIGNATURE) {
            return Some(Format::Xls);
        }
        if bytes.is_empty() {
            return None;
        }
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return Some(Format::Csv);
        }
        let head = bytes.get(..8192).unwrap_or(bytes);
        if head.contains(&0) {
            return None;
        }
        Some(Format::Csv)
    }

    /// The usual file extension, without the dot.
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

/// A text file that no reader here takes, of the kinds programs save under a
/// spreadsheet's name: many systems' "Export to Excel" writes a web page or an XML
/// Spreadsheet 2003 and names it `.xls`. Excel opens both (after a warning), so the
/// person sees a sheet; the upload is refused with a message that says how to save it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// A web page (HTML) holding a table.
    WebPage,
    /// Excel's XML Spreadsheet 2003 (SpreadsheetML).
    XmlSpreadsheet,
    /// A flat OpenDocument spreadsheet (`.fods`): the document in one XML file, not in
    /// the zip an `.ods` is.
    FlatOpenDocument,
}

impl Markup {
    /// What `bytes` are, judged from their first 4 KiB of text (UTF-8, or UTF-16 with a
    /// byte order mark): markup that opens with `<` and declares SpreadsheetML's
    /// namespace or Excel's `progid`, that opens an OpenDocument `office:document`, or
    /// that opens an `html` or `table` element.
    /// `None` for anything else, a CSV among them.
    pub(crate) fn of(bytes: &[u8]) -> Option<Markup> {
        const HEAD: usize = 4096;
        // The text's bytes, as ASCII where it is ASCII.
        let head: Vec<u8> = match bytes {
            [0xFF, 0xFE, rest @ ..] => rest.iter().step_by(2).take(HEAD).copied().collect(),
            [0xFE, 0xFF, rest @ ..] => rest.iter().skip(1).step_by(2).take(HEAD).copied().collect(),
            _ => {
                let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                // Most uploads are told from their first byte, without a copy.
                if text.trim_ascii_start().first() != Some(&b'<') {
                    return None;
                }
                text.get(..HEAD).unwrap_or(text).to_vec()
            }
        };
        let head = head.to_ascii_lowercase();
        let text = head.trim_ascii_start();
        if !text.starts_with(b"<") {
            return None;
        }
        let holds = |needle: &[u8]| text.windows(needle.len()).any(|w| w == needle);
        if holds(b"urn:schemas-microsoft-com:office:spreadsheet")
            || holds(b"progid=\"excel.sheet\"")
        {
            Some(Markup::XmlSpreadsheet)
        } else if holds(b"<office:document") && holds(b"opendocument") {
            Some(Markup::FlatOpenDocument)
        } else if holds(b"<html") || holds(b"<table") {
            Some(Markup::WebPage)
        } else {
            None
        }
    }
}

/// The format an extension or file name names, as [`Format::from_extension`].
///
/// ```
/// assert_eq!("xlsx".parse(), Ok(bulk_users::Format::Xlsx));
/// ```
impl std::str::FromStr for Format {
    type Err = super::codes::UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::from_extension(name).ok_or(super::codes::UnknownName)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.extension())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(Format::from_extension("a.b.Ods"), Some(Format::Ods));
        assert_eq!(Format::from_extension("report.pdf"), None);
        assert_eq!(Format::from_extension(""), None);
    }

    #[test]
    fn web_pages_and_xml_spreadsheets_are_told_from_text() {
        let of = |text: &str| Markup::of(text.as_bytes());
        assert_eq!(of("<!DOCTYPE html>\n<html><table>"), Some(Markup::WebPage));
        assert_eq!(
            of("\u{FEFF}  <TABLE><tr><td>Ada</td>"),
            Some(Markup::WebPage)
        );
        assert_eq!(
            of("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook>"),
            Some(Markup::XmlSpreadsheet)
        );
        assert_eq!(
            of("<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
            Some(Markup::XmlSpreadsheet)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<html>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(Markup::of(&utf16), Some(Markup::WebPage));
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("<html>".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(Markup::of(&utf16be), Some(Markup::WebPage));
        // Its body's `<table:table>` does not make a flat OpenDocument file a web page.
        assert_eq!(
            of("<?xml version=\"1.0\"?><office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><table:table>"),
            Some(Markup::FlatOpenDocument)
        );
        // A list of users, even one whose first value is in angle brackets, is none.
        assert_eq!(of("User name*,Email*\nAda,ada@example.com\n"), None);
        assert_eq!(of("<Ada>,ada@example.com\n"), None);
        assert_eq!(of("<?xml version=\"1.0\"?><note/>"), None);
        assert_eq!(Markup::of(b"PK\x03\x04<html>"), None);
        assert_eq!(Markup::of(b""), None);
    }

    #[test]
    fn signatures() {
        assert_eq!(Format::detect(b""), None);
        assert_eq!(Format::detect(b"\x00\x01binary"), None);
        assert_eq!(
            Format::detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."),
            Some(Format::Xls)
        );
        assert_eq!(Format::detect(b"\xFF\xFEU\x00"), Some(Format::Csv));
    }
}
