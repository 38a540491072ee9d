//! Delimited text before it is split into fields: which encoding, which delimiter.

use super::detect::{detect_legacy, Detected, LineEnds};
use crate::model::codepage::CodePage;

/// How the bytes of a delimited text file are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    /// UTF-8; `bom` says whether the file declared it with a byte order mark.
    Utf8 { bom: bool },
    /// UTF-16 little-endian with a byte order mark (Excel's "Unicode Text").
    Utf16Le,
    /// UTF-16 big-endian with a byte order mark.
    Utf16Be,
    /// UTF-32, either byte order (PowerShell's `Export-Csv -Encoding UTF32` writes it),
    /// which is not read.
    Utf32,
}

/// Reads the byte order mark, if any. Without one each field is taken as UTF-8 if it is,
/// else in the legacy code page ([`detect_legacy`]).
pub(crate) fn sniff(bytes: &[u8]) -> (TextEncoding, &[u8]) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (TextEncoding::Utf8 { bom: true }, rest)
    } else if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        // UTF-32's little-endian mark starts with UTF-16's.
        (TextEncoding::Utf32, bytes)
    } else if bytes.starts_with(b"\xFF\xFE") {
        (TextEncoding::Utf16Le, bytes)
    } else if bytes.starts_with(b"\xFE\xFF") {
        (TextEncoding::Utf16Be, bytes)
    } else {
        (TextEncoding::Utf8 { bom: false }, bytes)
    }
}

/// UTF-32 or UTF-16 without a byte order mark (PowerShell's `Export-Csv -Encoding
/// UTF32`, pandas' `to_csv(encoding="utf-16-le")`), told by the zero bytes beside each
/// ASCII character in the first kilobytes: nearly every group of four bytes a character
/// below U+10000 that is not zero, its two high bytes zero and always on the same side
/// (UTF-32); or nearly every other byte zero, always on the same side, and the bytes
/// beside them not (UTF-16).
pub(crate) fn unmarked(bytes: &[u8]) -> Option<TextEncoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    // Text without a zero byte is neither (the common case, found at memory speed).
    memchr::memchr(0, head)?;
    let nearly_all = |count: usize, of: usize| of >= 4 && count >= of.saturating_mul(9) / 10;
    let quads = head.len() / 4;
    let characters = |[high, higher, low]: [usize; 3]| {
        head.chunks_exact(4)
            .filter(|quad| {
                quad.get(high) == Some(&0)
                    && quad.get(higher) == Some(&0)
                    && quad.get(low) != Some(&0)
            })
            .count()
    };
    if nearly_all(characters([2, 3, 0]), quads) || nearly_all(characters([1, 0, 3]), quads) {
        return Some(TextEncoding::Utf32);
    }
    let pairs = head.len() / 2;
    let zero_at = |side: usize| {
        head.chunks_exact(2)
            .filter(|pair| pair.get(side) == Some(&0))
            .count()
    };
    let (first, second) = (zero_at(0), zero_at(1));
    let few = pairs / 10;
    if nearly_all(second, pairs) && first <= few {
        Some(TextEncoding::Utf16Le)
    } else if nearly_all(first, pairs) && second <= few {
        Some(TextEncoding::Utf16Be)
    } else {
        None
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

/// The most bytes of lines that are not UTF-8 the code-page detector is shown: enough
/// for any real list of users, and a bound on its time.
const DETECTION_SAMPLE: usize = 1 << 20;

/// The most lines with non-ASCII bytes looked at to decide a file's encoding.
const SAMPLE_LINES: usize = 1024;

/// How the records of a text (not UTF-16) are decoded, decided once, the first time a
/// record holds a byte that is not ASCII. All-ASCII text never gets that far.
pub(crate) struct Decoder<'t> {
    state: State<'t>,
    /// Whether some field was decoded in the legacy code page.
    used: bool,
}

enum State<'t> {
    /// A byte order mark said UTF-8: a bad byte becomes U+FFFD, never another code page.
    Strict,
    /// Not looked at yet: the whole text, and the code page the service named, if any.
    Unknown {
        text: &'t [u8],
        named: Option<CodePage>,
    },
    /// Looked at. `legacy` is `None` when no line looked at needed a code page (one
    /// further on is then detected from itself).
    Known {
        legacy: Option<Detected>,
        guessed: bool,
        /// Most rows with non-ASCII bytes are UTF-8: the file is UTF-8, and a row that is
        /// not was pasted from elsewhere. Otherwise the file is in the legacy code page,
        /// and a row that happens to be valid UTF-8 is read in it too.
        utf8_rows: bool,
        /// How the text ends its lines: evidence of the system that wrote it.
        ends: LineEnds,
    },
}

/// How to read one record that holds non-ASCII bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordText {
    /// As UTF-8, as it is.
    Utf8,
    /// Field by field in `legacy`; with `keep_utf8`, a field that is valid UTF-8 stays
    /// UTF-8. Without `sure`, the non-ASCII bytes of other fields are not read as any
    /// letter.
    Fields {
        legacy: CodePage,
        keep_utf8: bool,
        sure: bool,
    },
}

impl<'t> Decoder<'t> {
    /// For text that a byte order mark declared UTF-8.
    pub(crate) fn strict() -> Self {
        Decoder {
            state: State::Strict,
            used: false,
        }
    }

    /// For `text` without a byte order mark; `named` is the service's code page.
    pub(crate) fn new(text: &'t [u8], named: Option<CodePage>) -> Self {
        Decoder {
            state: State::Unknown { text, named },
            used: false,
        }
    }

    /// How to read `record`, which has non-ASCII bytes; `is_utf8` says whether it is
    /// valid UTF-8 as a whole.
    pub(crate) fn record(&mut self, record: &[u8], is_utf8: bool) -> RecordText {
        if let State::Unknown { text, named } = self.state {
            self.state = classify(text, named);
        }
        let (legacy, keep_utf8) = match &mut self.state {
            State::Known {
                legacy,
                utf8_rows,
                ends,
                ..
            } => {
                if is_utf8 && *utf8_rows {
                    return RecordText::Utf8;
                }
                let ends = *ends;
                let legacy = *legacy.get_or_insert_with(|| detect_legacy(record, ends));
                (legacy, *utf8_rows)
            }
            _ if is_utf8 => return RecordText::Utf8,
            _ => (
                Detected {
                    page: CodePage::Web(encoding_rs::UTF_8),
                    sure: true,
                },
                true,
            ),
        };
        self.used = true;
        RecordText::Fields {
            legacy: legacy.page,
            keep_utf8,
            sure: legacy.sure,
        }
    }

    /// The legacy code page some field was read in, and whether it was guessed; `None`
    /// when every field was UTF-8.
    pub(crate) fn legacy_used(&self) -> Option<(CodePage, bool)> {
        match self.state {
            State::Known {
                legacy: Some(legacy),
                guessed,
                ..
            } if self.used => Some((legacy.page, guessed)),
            _ => None,
        }
    }
}

/// Looks at the whole text once: how many lines with non-ASCII bytes are UTF-8 and how
/// many are not, and the code page of those that are not: the one the service named,
/// else the one detected ([`detect_legacy`]).
fn classify<'t>(text: &[u8], named: Option<CodePage>) -> State<'t> {
    let named = named.map(|page| Detected { page, sure: true });
    // The common case: the text (or as much of it as a file at the row limit holds) is
    // UTF-8. A line further on that is not is detected from itself when it comes.
    // simdutf8 checks the megabyte in a third of the time std takes: what keeps a file
    // over the row limit as cheap to refuse as one at the limit is to read.
    let head = text.get(..DETECTION_SAMPLE).unwrap_or(text);
    let ends = LineEnds::of(head);
    let head_is_utf8 = match simdutf8::compat::from_utf8(head) {
        Ok(_) => true,
        // Cut inside a character at the end of the head: UTF-8 so far.
        Err(error) => error.error_len().is_none(),
    };
    if head_is_utf8 {
        return State::Known {
            legacy: named,
            guessed: named.is_none(),
            utf8_rows: true,
            ends,
        };
    }
    let (mut utf8_lines, mut legacy_lines) = (0usize, 0usize);
    let mut sample = Vec::new();
    let mut start = 0usize;
    let ends_at = memchr::memchr2_iter(b'\n', b'\r', text).chain(std::iter::once(text.len()));
    for end in ends_at {
        let line = text.get(start..end).unwrap_or_default();
        start = end.saturating_add(1);
        // Enough lines to decide, as many as a file at the row limit has: a file past
        // it costs no more.
        if sample.len() >= DETECTION_SAMPLE
            || utf8_lines.saturating_add(legacy_lines) >= SAMPLE_LINES
        {
            break;
        }
        if line.is_ascii() {
            continue;
        }
        if std::str::from_utf8(line).is_ok() {
            utf8_lines = utf8_lines.saturating_add(1);
        } else {
            legacy_lines = legacy_lines.saturating_add(1);
            let room = DETECTION_SAMPLE.saturating_sub(sample.len());
            sample.extend_from_slice(line.get(..room).unwrap_or(line));
            sample.push(b'\n');
        }
    }
    let (legacy, guessed) = match named {
        Some(named) => (Some(named), false),
        None if legacy_lines == 0 => (None, true),
        None => (Some(detect_legacy(&sample, ends)), true),
    };
    State::Known {
        legacy,
        guessed,
        utf8_rows: utf8_lines >= legacy_lines,
        ends,
    }
}

/// A first line `sep=;` (or `sep=,`, or `sep=` and a tab), as tools that target Excel
/// write it: Excel takes the delimiter from it and hides the line. The delimiter and the
/// text after the line.
pub(crate) fn sep_line(text: &[u8]) -> Option<(u8, &[u8])> {
    let head = text.get(..4)?;
    if !head.eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let delimiter = *text.get(4)?;
    if !DELIMITERS.contains(&delimiter) {
        return None;
    }
    let rest = text.get(5..)?;
    let rest = match rest {
        [b'\r', b'\n', rest @ ..] | [b'\n', rest @ ..] | [b'\r', rest @ ..] => rest,
        [] => rest,
        _ => return None,
    };
    Some((delimiter, rest))
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
    fn sep_lines() {
        assert_eq!(sep_line(b"sep=;\r\na;b"), Some((b';', &b"a;b"[..])));
        assert_eq!(sep_line(b"SEP=\t\na"), Some((b'\t', &b"a"[..])));
        assert_eq!(sep_line(b"sep=,"), Some((b',', &b""[..])));
        assert_eq!(sep_line(b"sep=|\na"), None);
        assert_eq!(sep_line(b"sep=;;\na"), None);
        assert_eq!(sep_line(b"separator\n"), None);
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(sniff(b"\xEF\xBB\xBFa").0, TextEncoding::Utf8 { bom: true });
        assert_eq!(sniff(b"\xEF\xBB\xBFa").1, b"a");
        assert_eq!(sniff(b"\xFF\xFEa\x00").0, TextEncoding::Utf16Le);
        assert_eq!(
            sniff(b"\xFF\xFE\x00\x00a\x00\x00\x00").0,
            TextEncoding::Utf32
        );
        assert_eq!(utf16(b"\xFE\xFF\x00a\x00b", TextEncoding::Utf16Be), "ab");
        let western = CodePage::Web(encoding_rs::WINDOWS_1252);
        assert_eq!(western.decode(b"Bergstr\xf6m"), "Bergström");
    }
}
