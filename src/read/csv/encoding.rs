//! Delimited text before it is split into fields: which encoding, which delimiter.

use encoding_rs::Encoding;

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
}

/// Reads the byte order mark, if any. Without one each field is taken as UTF-8 if it is,
/// else in the legacy code page ([`detect_legacy`]).
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

/// A code page found for the text, and whether the evidence was clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Detected {
    pub(crate) page: CodePage,
    /// When `false`, no code page read the bytes clearly better than another: the
    /// letters they stand for are not known, and are refused rather than guessed.
    pub(crate) sure: bool,
}

/// How a text ends its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineEnds {
    /// CR alone, as classic Mac programs (Excel for Mac's "CSV (Macintosh)") write.
    Cr,
    /// CR LF, as Windows and DOS programs write.
    CrLf,
    /// LF alone, or no line end at all.
    Lf,
}

impl LineEnds {
    pub(crate) fn of(text: &[u8]) -> LineEnds {
        match (memchr::memchr(b'\n', text), memchr::memchr(b'\r', text)) {
            (None, Some(_)) => LineEnds::Cr,
            (Some(_), Some(_)) if memchr::memmem::find(text, b"\r\n").is_some() => LineEnds::CrLf,
            _ => LineEnds::Lf,
        }
    }
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

/// How far ahead the best Western reading must score to be trusted: two characters
/// that only it reads as letters in their words.
const MARGIN: i64 = 4;

/// The legacy code page `sample` (lines that are not UTF-8) is most likely in, and
/// whether the evidence is clear.
///
/// Excel's plain "CSV" is written in the system's ANSI code page: Windows-1252 in the
/// West, Windows-1251 in Russia, Shift_JIS in Japan, and so on; its "CSV (Macintosh)"
/// in Mac Roman with CR line ends, its "CSV (MS-DOS)" in DOS code page 850. How it
/// decides:
///
/// 1. `chardetng` (the detector Firefox uses) weighs the non-ASCII bytes against each
///    web code page's letters and their pairs, told the top-level domain most of the
///    sample's email addresses have (`.hu` favours Windows-1250, `.ee` Windows-1257),
///    as it is told a page's domain.
/// 2. Unless a domain decided it, the single-byte reading it chose is compared with the
///    Western ones it does not know, Mac Roman and DOS 850, beside Windows-1252: each
///    scores the characters its bytes become where names have letters (a letter scores,
///    a symbol between letters or a capital inside a word costs). CR-only lines leave
///    out DOS; CR LF leaves out the Mac.
/// 3. The chosen reading is kept when it scores at least as well as the best Western
///    one; otherwise the best Western one is taken, trusted only when it is at least
///    [`MARGIN`] ahead of the next. Untrusted, the bytes are refused where they stand,
///    never read as letters nobody typed: a service that knows its customers' locale
///    names the code page ([`Options::encoding`]).
///
/// Only lines that are not UTF-8 are shown to it (at most [`DETECTION_SAMPLE`] bytes),
/// so the UTF-8 rows of a mixed file do not pull the guess towards a code page that
/// reads them as mojibake.
///
/// [`Options::encoding`]: crate::Options::encoding
pub(crate) fn detect_legacy(sample: &[u8], ends: LineEnds) -> Detected {
    let tld = common_tld(sample);
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let guess = detector.guess(tld.as_deref(), chardetng::Utf8Detection::Deny);
    let chosen = CodePage::Web(guess);
    let sure = Detected {
        page: chosen,
        sure: true,
    };
    let domain_decided = tld.is_some() && guess != encoding_rs::WINDOWS_1252;
    if domain_decided || !guess.is_single_byte() {
        return sure;
    }
    let western: &[CodePage] = match ends {
        LineEnds::Cr => &[CodePage::Web(encoding_rs::WINDOWS_1252), CodePage::Web(MAC)],
        LineEnds::CrLf => &[CodePage::Web(encoding_rs::WINDOWS_1252), CodePage::Dos850],
        LineEnds::Lf => &[
            CodePage::Web(encoding_rs::WINDOWS_1252),
            CodePage::Web(MAC),
            CodePage::Dos850,
        ],
    };
    // A domain `chardetng` counts as generic but whose country writes in its own code
    // page: that page is a candidate too, and the domain counts for it.
    let national = tld.as_deref().and_then(national_page);
    let mut scores: Vec<(i64, CodePage)> = western
        .iter()
        .copied()
        .chain(national)
        .map(|page| {
            let bonus = if Some(page) == national { MARGIN } else { 0 };
            (letter_score(sample, page).saturating_add(bonus), page)
        })
        .collect();
    scores.sort_by(|a, b| b.0.cmp(&a.0));
    let (best, page) = scores.first().copied().unwrap_or((0, chosen));
    let next = scores.get(1).map_or(i64::MIN, |&(score, _)| score);
    if guess != encoding_rs::WINDOWS_1252 && letter_score(sample, chosen) >= best {
        return sure;
    }
    if best.saturating_sub(next) < MARGIN {
        // Unsure: the bytes are refused; the report names the detector's choice.
        return Detected {
            page: chosen,
            sure: false,
        };
    }
    Detected { page, sure: true }
}

/// The code page of a country whose domain `chardetng` does not tell apart: Estonia's
/// `.ee`, whose Windows page is Baltic (1257), not Western.
fn national_page(tld: &[u8]) -> Option<CodePage> {
    match tld {
        b"ee" => Some(CodePage::Web(encoding_rs::WINDOWS_1257)),
        _ => None,
    }
}

/// Mac Roman, as the web platform names it.
const MAC: &Encoding = encoding_rs::MACINTOSH;

/// How well `page` reads the non-ASCII bytes of `sample` as the letters of names: each
/// byte that becomes a letter scores 2, or costs 2 when it is a capital after a small
/// letter or inside a word; one that becomes a control or no character, or a symbol
/// between two letters, costs 3. Characters that are UTF-8 are left out.
fn letter_score(sample: &[u8], page: CodePage) -> i64 {
    let mut table = ['\u{FFFD}'; 128];
    for (slot, byte) in table.iter_mut().zip(0x80u8..=0xFF) {
        *slot = page.char_of(byte).unwrap_or('\u{FFFD}');
    }
    let char_at = |index: Option<usize>| -> Option<char> {
        let byte = *sample.get(index?)?;
        if byte.is_ascii() {
            Some(char::from(byte))
        } else {
            table.get(usize::from(byte & 0x7F)).copied()
        }
    };
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let mut score = 0i64;
    let mut utf8_until = 0usize;
    for (index, &byte) in sample.iter().enumerate() {
        if byte.is_ascii() || index < utf8_until {
            continue;
        }
        // A character that is UTF-8 (a field pasted from elsewhere) stays UTF-8: it is
        // no evidence of the code page.
        let width = match byte {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let end = index.saturating_add(width);
        if width > 0
            && sample
                .get(index..end)
                .is_some_and(|c| std::str::from_utf8(c).is_ok())
        {
            utf8_until = end;
            continue;
        }
        let Some(c) = char_at(Some(index)) else {
            continue;
        };
        let prev = char_at(index.checked_sub(1));
        let next = char_at(index.checked_add(1));
        let change = if c.is_alphabetic() {
            let after_small = prev.is_some_and(char::is_lowercase);
            let inside = letter(prev) && next.is_some_and(char::is_lowercase);
            if c.is_uppercase() && (after_small || inside) {
                -2
            } else {
                2
            }
        } else if c.is_control() || c == '\u{FFFD}' || (letter(prev) && letter(next)) {
            -3
        } else {
            0
        };
        score = score.saturating_add(change);
    }
    score
}

/// The top-level domain most email addresses in `sample` have (`hu` for
/// `anna@example.hu`), as `chardetng` takes it: lower-case ASCII letters.
fn common_tld(sample: &[u8]) -> Option<Vec<u8>> {
    let mut counts: Vec<(Vec<u8>, usize)> = Vec::new();
    for at in memchr::memchr_iter(b'@', sample) {
        let rest = sample.get(at.saturating_add(1)..).unwrap_or_default();
        let domain_end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-'))
            .unwrap_or(rest.len());
        let domain = rest.get(..domain_end).unwrap_or_default();
        let Some(dot) = memchr::memrchr(b'.', domain) else {
            continue;
        };
        let tld = domain.get(dot.saturating_add(1)..).unwrap_or_default();
        if !(2..=6).contains(&tld.len()) || !tld.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        let tld = tld.to_ascii_lowercase();
        match counts.iter().position(|(known, _)| *known == tld) {
            Some(place) => {
                if let Some((_, count)) = counts.get_mut(place) {
                    *count = count.saturating_add(1);
                }
            }
            None if counts.len() < 64 => counts.push((tld, 1)),
            None => {}
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .map(|(tld, _)| tld)
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
    fn legacy_code_pages_are_told_apart() {
        let cases: [(&str, &'static Encoding); 5] = [
            (
                "Владимир Соловьёв;Мурманск\nТатьяна Белова;Архангельск\n",
                encoding_rs::WINDOWS_1251,
            ),
            (
                "小林 大輔,仙台支店\n加藤 明美,広島支店\n吉田 拓也,神戸営業所\n",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "Łukasz Żak,Kraków\nZofia Wójcik,Łódź\nJerzy Błaszczykowski,Gdańsk\n",
                encoding_rs::WINDOWS_1250,
            ),
            (
                "Ingrid Bergström,Göteborg\nSiobhán Ní Bhriain,Dún Laoghaire\nJosé García,Málaga\n",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "김민준,서울 본사\n이서연,부산 지점\n박지훈,대구 영업소\n",
                encoding_rs::EUC_KR,
            ),
        ];
        for (text, encoding) in cases {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable);
            let found = detect_legacy(&bytes, LineEnds::Lf);
            assert_eq!(found.page, CodePage::Web(encoding), "{text}");
            assert!(found.sure, "{text}");
        }
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(sniff(b"\xEF\xBB\xBFa").0, TextEncoding::Utf8 { bom: true });
        assert_eq!(sniff(b"\xEF\xBB\xBFa").1, b"a");
        assert_eq!(sniff(b"\xFF\xFEa\x00").0, TextEncoding::Utf16Le);
        assert_eq!(utf16(b"\xFE\xFF\x00a\x00b", TextEncoding::Utf16Be), "ab");
        let western = CodePage::Web(encoding_rs::WINDOWS_1252);
        assert_eq!(western.decode(b"Bergstr\xf6m"), "Bergström");
    }
}
