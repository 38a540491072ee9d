//! The code pages a delimited text file can be written in: those of the web platform
//! (`encoding_rs`: Windows, ISO, Mac Roman, KOI8, the East Asian ones) and the DOS pages
//! Excel's "CSV (MS-DOS)" still writes, which the web platform does not have.

use std::borrow::Cow;

use encoding_rs::Encoding;

/// A code page a text file's bytes are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodePage {
    /// One of the web platform's encodings.
    Web(&'static Encoding),
    /// DOS Western European (850), which Excel writes for "CSV (MS-DOS)" in Western
    /// Europe.
    Dos850,
    /// DOS United States (437).
    Dos437,
}

impl CodePage {
    /// The code page a label names: the web platform's labels (`windows-1252`,
    /// `macintosh`, `shift_jis`…), and `ibm850`/`cp850`/`850`, `ibm437`/`cp437`/`437`.
    pub(crate) fn for_label(label: &str) -> Option<CodePage> {
        let label = label.trim().to_ascii_lowercase();
        match label.as_str() {
            "ibm850" | "cp850" | "850" | "dos-850" => Some(CodePage::Dos850),
            "ibm437" | "cp437" | "437" | "dos-437" => Some(CodePage::Dos437),
            _ => Encoding::for_label(label.as_bytes()).map(CodePage::Web),
        }
    }

    /// Its standard name: `windows-1252`, `macintosh`, `IBM850`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            CodePage::Web(encoding) => encoding.name(),
            CodePage::Dos850 => "IBM850",
            CodePage::Dos437 => "IBM437",
        }
    }

    /// `bytes` read in this code page; bytes it does not define become U+FFFD. (The web
    /// platform maps some undefined bytes of a single-byte page to C1 controls, 0x81 in
    /// Windows-1252: no text holds those, so they are U+FFFD here too.)
    pub(crate) fn decode(self, bytes: &[u8]) -> Cow<'_, str> {
        let table = match self {
            CodePage::Web(encoding) => {
                let text = encoding.decode_without_bom_handling(bytes).0;
                let c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
                if !encoding.is_single_byte() || !text.contains(c1) {
                    return text;
                }
                let text = text.chars().map(|c| if c1(c) { '\u{FFFD}' } else { c });
                return Cow::Owned(text.collect());
            }
            CodePage::Dos850 => &oem_cp::code_table::DECODING_TABLE_CP850,
            CodePage::Dos437 => &oem_cp::code_table::DECODING_TABLE_CP437,
        };
        if bytes.is_ascii() {
            return String::from_utf8_lossy(bytes);
        }
        Cow::Owned(oem_cp::decode_string_complete_table(bytes, table))
    }

    /// The character one byte stands for (a byte of a single-byte code page).
    pub(crate) fn char_of(self, byte: u8) -> Option<char> {
        let decoded = self.decode(std::slice::from_ref(&byte));
        let mut chars = decoded.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dos_and_mac_pages_read_their_letters() {
        let dos = CodePage::for_label("cp850");
        assert_eq!(dos, Some(CodePage::Dos850));
        assert_eq!(
            CodePage::Dos850.decode(b"H\x82l\x8Ane Orl\x82ans"),
            "Hélène Orléans"
        );
        let mac = CodePage::for_label("macintosh").map(|page| page.name());
        assert_eq!(mac, Some("macintosh"));
        let mac = CodePage::for_label("macintosh").map(|page| page.decode(b"Jos\x8E M\x9Fller"));
        assert_eq!(mac.as_deref(), Some("José Müller"));
        assert_eq!(CodePage::Dos437.char_of(0x81), Some('ü'));
        // Undefined in Windows-1252, where the web platform gives a C1 control.
        let western = CodePage::Web(encoding_rs::WINDOWS_1252);
        assert_eq!(western.decode(b"Ada\x81"), "Ada\u{FFFD}");
    }
}
