//! Delimited text before it is split into fields: which encoding, which delimiter.

use std::borrow::Cow;

/// How the bytes of a delimited text file are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    /// UTF-8; `bom` says whether the file declared it with a byte order mark.
    Utf8 { bom: bool },
    /// UTF-16 little-endian with a byte order mark (Excel's "Unicode Text").
    Utf16Le,
    /// UTF-16 big-endian with a byte order mark.
    Utf16Be,
}

/// Reads the byte order mark, if any. Without one the text is taken as UTF-8 until a
/// byte says otherwise (see [`windows_1252`]).
pub(crate) fn sniff(bytes: &[u8]) -> (TextEncoding, &[u8]) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (TextEncoding::Utf8 { bom: true }, rest)
    } else if bytes.starts_with(b"\xFF\xFE") {
        (TextEncoding::Utf16Le, bytes)
    } else if bytes.starts_with(b"\xFE\xFF") {
        (TextEncoding::Utf16Be, bytes)
    } else {
        (TextEncoding::Utf8 { bom: false }, bytes)
    }
}

/// Decodes UTF-16 with its byte order mark into UTF-8; unpaired surrogates become U+FFFD.
pub(crate) fn utf16(bytes: &[u8], encoding: TextEncoding) -> String {
    let encoding = match encoding {
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    text.into_owned()
}

/// Excel's plain "CSV" on Windows writes the ANSI code page, Windows-1252 in the West:
/// taken when the bytes are not UTF-8. Every byte maps to a character, so this cannot fail.
pub(crate) fn windows_1252(bytes: &[u8]) -> Cow<'_, str> {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text
}

/// UTF-8 that was declared by a byte order mark but holds invalid bytes: they become
/// U+FFFD rather than guessing another encoding against the file's own word.
pub(crate) fn utf8_lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// The delimiters understood, in order of preference on a tie.
pub(crate) const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Picks the delimiter among comma, semicolon and tab by counting them, outside quoted
/// fields, in the first line that is not blank (the header). A tie or no candidate at all
/// gives the comma, then the semicolon.
pub(crate) fn detect_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut seen_content = false;
    for &byte in text {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                seen_content = true;
            }
            b'\n' | b'\r' if !in_quotes => {
                if seen_content {
                    break;
                }
            }
            _ if in_quotes => {}
            _ => {
                if let Some(slot) = DELIMITERS.iter().position(|&c| c == byte) {
                    if let Some(count) = counts.get_mut(slot) {
                        *count += 1;
                    }
                    seen_content = true;
                } else if !byte.is_ascii_whitespace() {
                    seen_content = true;
                }
            }
        }
    }
    let mut best = 0;
    for (slot, &count) in counts.iter().enumerate() {
        if count > counts.get(best).copied().unwrap_or(0) {
            best = slot;
        }
    }
    DELIMITERS.get(best).copied().unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_ignores_quoted_fields_and_leading_blank_lines() {
        assert_eq!(detect_delimiter(b"a;b;c\n1,2,3,4,5\n"), b';');
        assert_eq!(detect_delimiter(b"\"a,b,c\";d;e\n"), b';');
        assert_eq!(detect_delimiter(b"\r\n  \r\na\tb\n"), b'\t');
        assert_eq!(detect_delimiter(b"single\n"), b',');
        assert_eq!(detect_delimiter(b"a,b;c\n"), b',');
        assert_eq!(detect_delimiter(b""), b',');
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(sniff(b"\xEF\xBB\xBFa").0, TextEncoding::Utf8 { bom: true });
        assert_eq!(sniff(b"\xEF\xBB\xBFa").1, b"a");
        assert_eq!(sniff(b"\xFF\xFEa\x00").0, TextEncoding::Utf16Le);
        assert_eq!(utf16(b"\xFE\xFF\x00a\x00b", TextEncoding::Utf16Be), "ab");
        assert_eq!(windows_1252(b"Bergstr\xf6m"), "Bergström");
    }
}
