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
