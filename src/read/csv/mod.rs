//! Delimited text → rows of cells, with the row numbers a spreadsheet shows. No user rules.

use crate::model::codepage::CodePage;
use crate::read::row::{Row, RowSink, Undecoded};

mod detect;
pub(crate) mod encoding;

use encoding::{Decoder, RecordText, TextEncoding};

/// Why delimited text could not be read through to the end it needed.
#[derive(Debug)]
pub(crate) enum CsvProblem {
    /// The text holds a NUL character: it is a binary file, not text.
    NotText,
    /// The text is UTF-32, an encoding the crate does not read.
    Utf32,
}

/// How the text of a delimited file was read, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextInfo {
    /// UTF-8 unless a byte order mark said UTF-16, or some field was not UTF-8 and was
    /// read in this legacy code page.
    pub(crate) encoding: CodePage,
    /// Whether that code page was guessed from the bytes rather than declared by a byte
    /// order mark or named by the service.
    pub(crate) guessed: bool,
    pub(crate) delimiter: u8,
    /// The text was UTF-16 without a byte order mark, told by the zero bytes of its
    /// ASCII characters.
    pub(crate) unmarked_utf16: bool,
    /// Zero bytes that padded the end of the file were left out.
    pub(crate) nul_padding: bool,
}

/// Reads delimited text, detecting encoding and delimiter, and hands each row to `sink`
/// until the text ends or the sink stops. `named` is the encoding the service says its
/// customers' files are in, if it knows.
pub(crate) fn read(
    bytes: &[u8],
    named: Option<CodePage>,
    sink: &mut dyn RowSink,
) -> Result<TextInfo, CsvProblem> {
    // Zero bytes padding the end (as some exporters fill a block) are no text.
    let unpadded = bytes
        .len()
        .saturating_sub(bytes.iter().rev().take_while(|&&b| b == 0).count());
    let (bytes, nul_padding) = match bytes.get(..unpadded) {
        Some(text) if unpadded < bytes.len() && !text.is_empty() && !text.contains(&0) => {
            (text, true)
        }
        _ => (bytes, false),
    };
    let (sniffed, body) = encoding::sniff(bytes);
    let unmarked = match sniffed {
        TextEncoding::Utf8 { bom: false } => encoding::unmarked(body),
        _ => None,
    };
    if sniffed == TextEncoding::Utf32 || unmarked == Some(TextEncoding::Utf32) {
        return Err(CsvProblem::Utf32);
    }
    // Unmarked UTF-16 is recognised unless the service names the encoding.
    let unmarked = unmarked.filter(|_| named.is_none());
    let utf16 = match (sniffed, named) {
        _ if unmarked.is_some() => unmarked,
        (TextEncoding::Utf16Le | TextEncoding::Utf16Be, _) => Some(sniffed),
        (TextEncoding::Utf8 { bom: false }, Some(CodePage::Web(e)))
            if e == encoding_rs::UTF_16LE =>
        {
            Some(TextEncoding::Utf16Le)
        }
        (TextEncoding::Utf8 { bom: false }, Some(CodePage::Web(e)))
            if e == encoding_rs::UTF_16BE =>
        {
            Some(TextEncoding::Utf16Be)
        }
        _ => None,
    };
    if let Some(utf16) = utf16 {
        // Decoded whole: UTF-16 cannot be split at ASCII bytes. An unpaired surrogate
        // becomes U+FFFD, which the rules refuse where it stands.
        let decoded = encoding::utf16(body, utf16);
        let mut decoder = Decoder::strict();
        let delimiter = read_text(decoded.as_bytes(), &mut decoder, sink)?;
        let encoding = CodePage::Web(match utf16 {
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            _ => encoding_rs::UTF_16LE,
        });
        return Ok(TextInfo {
            encoding,
            guessed: false,
            delimiter,
            unmarked_utf16: unmarked.is_some(),
            nul_padding,
        });
    }
    let mut decoder = match sniffed {
        // A byte order mark means UTF-8: a bad byte is an error where it stands, never a
        // reason to read the file in another code page.
        TextEncoding::Utf8 { bom: true } => Decoder::strict(),
        _ => Decoder::new(body, named),
    };
    let delimiter = read_text(body, &mut decoder, sink)?;
    let utf8 = CodePage::Web(encoding_rs::UTF_8);
    let (encoding, guessed) = decoder.legacy_used().unwrap_or((utf8, false));
    Ok(TextInfo {
        encoding,
        guessed,
        delimiter,
        unmarked_utf16: false,
        nul_padding,
    })
}

/// Reads decoded or raw text: the delimiter from a `sep=` line (which Excel hides, so
/// the row after it is row 1) or from the header.
fn read_text(text: &[u8], decoder: &mut Decoder, sink: &mut dyn RowSink) -> Result<u8, CsvProblem> {
    let (delimiter, text) = match encoding::sep_line(text) {
        Some((delimiter, rest)) => (delimiter, rest),
        None => (encoding::detect_delimiter(text), text),
    };
    let mut parser = Parser::new(delimiter);
    read_records(&mut parser, delimiter, text, decoder, sink, Lines::Split)?;
    Ok(delimiter)
}

/// How lines without a quote are read: split here, or by the parser like every other
/// (the tests compare the two).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    Split,
    #[cfg(test)]
    Parser,
}

fn read_records(
    parser: &mut Parser,
    delimiter: u8,
    text: &[u8],
    decoder: &mut Decoder,
    sink: &mut dyn RowSink,
    lines: Lines,
) -> Result<(), CsvProblem> {
    let mut record = Record::default();
    let mut row = Row::default();
    let mut number = 0u32;
    let mut position = 0usize;
    let mut checked = CheckedUtf8::new(text);
    loop {
        let rest = text.get(position..).unwrap_or_default();
        if rest.is_empty() {
            return Ok(());
        }
        // Most lines hold no quote: their fields are the bytes between delimiters, and
        // the parser, which looks at every byte in turn, is needed only for the others.
        let line_end = match memchr::memchr3(b'\n', b'\r', b'"', rest) {
            Some(end) if rest.get(end) != Some(&b'"') => Some(end),
            None => Some(rest.len()),
            Some(_) => None,
        };
        if line_end == Some(0) {
            // A blank line is a row of the spreadsheet, and no record.
            position = past_line_break(text, position);
            number = number.saturating_add(1);
            continue;
        }
        number = number.saturating_add(1);
        match line_end.filter(|_| lines == Lines::Split) {
            Some(end) => {
                let line = rest.get(..end).unwrap_or_default();
                let line_text = checked.get(position, position.saturating_add(end));
                position = past_line_break(text, position.saturating_add(end));
                // Each field ends at a delimiter, and the next starts after it.
                let ends = memchr::memchr_iter(delimiter, line).chain(std::iter::once(line.len()));
                let spans = ends.scan(0usize, |start, end| {
                    let span = (*start, end);
                    *start = end.saturating_add(1);
                    Some(span)
                });
                fill_row(&mut row, number, (line, line_text), spans, decoder)?;
            }
            None => {
                // A quote: the parser reads the record from the start of its line, over
                // as many lines as its quoted fields take; a spreadsheet shows it as
                // one row.
                if !record.read(parser.get(), text, &mut position) {
                    return Ok(());
                }
                // The parser stops between the CR and the LF of a CRLF.
                let after_cr = position
                    .checked_sub(1)
                    .and_then(|before| text.get(before))
                    .is_some_and(|&b| b == b'\r');
                if after_cr && text.get(position) == Some(&b'\n') {
                    position = position.saturating_add(1);
                }
                // The parser's fields lie end to end, quotes and delimiters taken out.
                let spans = record.ends().iter().scan(0usize, |start, &end| {
                    let span = (*start, end);
                    *start = end;
                    Some(span)
                });
                fill_row(&mut row, number, (record.bytes(), None), spans, decoder)?;
            }
        }
        if row.is_blank() {
            continue;
        }
        if sink.row(&row).is_break() {
            return Ok(());
        }
    }
}

/// The text's UTF-8, checked a block at a time as reading gets there (blocks end at a
/// line break), so that a line is not checked again on its own: the block's `str` gives
/// it. A block that is not UTF-8 (or a line longer than a block) leaves its lines to be
/// checked one by one, as they would be without it. Reading stops at the row limit, so
/// a file past it costs at most one block more.
struct CheckedUtf8<'t> {
    text: &'t [u8],
    /// Where the checked block starts in `text`, and the block if it is UTF-8.
    start: usize,
    block: Option<&'t str>,
    /// Where the next block starts.
    end: usize,
}

/// How many bytes a block of [`CheckedUtf8`] spans at least (it runs on to a line break).
const UTF8_BLOCK: usize = 1 << 15;

impl<'t> CheckedUtf8<'t> {
    fn new(text: &'t [u8]) -> Self {
        CheckedUtf8 {
            text,
            start: 0,
            block: None,
            end: 0,
        }
    }

    /// The text of `start..end`, if it lies in a checked block of UTF-8.
    fn get(&mut self, start: usize, end: usize) -> Option<&'t str> {
        if end > self.end && start >= self.end {
            // The next block: from here to the first line break at least UTF8_BLOCK on.
            let from = self.end.max(start);
            let rest = self.text.get(from..).unwrap_or_default();
            let cut = rest
                .get(UTF8_BLOCK..)
                .and_then(|tail| memchr::memchr2(b'\n', b'\r', tail))
                .map_or(rest.len(), |at| {
                    at.saturating_add(UTF8_BLOCK).saturating_add(1)
                });
            let block = rest.get(..cut).unwrap_or_default();
            self.block = simdutf8::basic::from_utf8(block).ok();
            self.start = from;
            self.end = from.saturating_add(cut);
        }
        let block = self.block?;
        block.get(start.checked_sub(self.start)?..end.checked_sub(self.start)?)
    }
}

/// Makes `row` row `number`, its cells the `spans` (byte ranges) of one record's
/// `bytes`. A record with non-ASCII bytes is read as the decoder says: as UTF-8, or
/// field by field in the file's legacy code page. A NUL means the file is binary.
fn fill_row(
    row: &mut Row,
    number: u32,
    (bytes, checked): (&[u8], Option<&str>),
    spans: impl Iterator<Item = (usize, usize)> + Clone,
    decoder: &mut Decoder,
) -> Result<(), CsvProblem> {
    // No early exit: the compiler then checks many bytes at once; records are short.
    // (One flag a fold: a fold of several flags is not vectorised.)
    let nul = bytes.iter().fold(false, |nul, &b| nul | (b == 0));
    let high = bytes.iter().fold(false, |high, &b| high | (b >= 0x80));
    // Lead bytes of a C1 control or U+FFFD: only text that is not ASCII has them.
    let suspect = high
        && bytes
            .iter()
            .fold(false, |suspect, &b| suspect | (b == 0xC2) | (b == 0xEF));
    if nul {
        return Err(CsvProblem::NotText);
    }
    let is_ascii = !high;
    let utf8 = if is_ascii {
        checked.or_else(|| std::str::from_utf8(bytes).ok())
    } else {
        let utf8 = checked.or_else(|| std::str::from_utf8(bytes).ok());
        match decoder.record(bytes, utf8.is_some()) {
            RecordText::Utf8 => utf8,
            RecordText::Fields {
                legacy,
                keep_utf8,
                sure,
            } => {
                row.reset(number);
                for (column, (start, end)) in (0u32..).zip(spans) {
                    let field = bytes.get(start..end).unwrap_or_default();
                    match std::str::from_utf8(field) {
                        Ok(text) if keep_utf8 || field.is_ascii() => row.push(column, text),
                        // A UTF-8 file whose field is CESU-8: not letters of a code page.
                        _ if keep_utf8 && is_cesu8(field) => {
                            row.undecoded = Some(Undecoded::Cesu8);
                            row.push(column, &String::from_utf8_lossy(field));
                        }
                        // Which letters the bytes are could not be told: they are shown
                        // as unreadable, and the rules refuse them where they stand.
                        _ if !sure => {
                            row.undecoded = Some(Undecoded::Unsure);
                            row.push(column, &String::from_utf8_lossy(&unsure(field)));
                        }
                        _ => {
                            let text = legacy.decode(field);
                            if text.contains('\u{FFFD}') {
                                row.undecoded = Some(Undecoded::NotIn(legacy.name()));
                            }
                            row.push(column, &text);
                        }
                    }
                }
                return Ok(());
            }
        }
    };
    if let Some(fields) = utf8 {
        row.reset_to(number, fields, is_ascii, !suspect);
        // Spans of UTF-8 split at ASCII bytes fall on character boundaries.
        for (column, (start, end)) in (0u32..).zip(spans) {
            if !row.push_span(column, start, end) {
                let field = bytes.get(start..end).unwrap_or_default();
                row.push(column, &String::from_utf8_lossy(field));
            }
        }
    }
    Ok(())
}

/// Whether `field` holds a surrogate written as UTF-8 (`ED A0..BF xx`): CESU-8, which
/// UTF-8 forbids and no code page's letters look like.
fn is_cesu8(field: &[u8]) -> bool {
    field
        .windows(3)
        .any(|w| matches!(w, [0xED, 0xA0..=0xBF, 0x80..=0xBF]))
}

/// `field` with each byte that is not ASCII made one that is not UTF-8 either, so that it
/// reads as U+FFFD.
fn unsure(field: &[u8]) -> Vec<u8> {
    field
        .iter()
        .map(|&b| if b.is_ascii() { b } else { 0xFF })
        .collect()
}

/// `position`, at the end of a line, moved past its line break: CRLF, CR or LF.
fn past_line_break(text: &[u8], position: usize) -> usize {
    match text.get(position) {
        Some(b'\r') if text.get(position.saturating_add(1)) == Some(&b'\n') => {
            position.saturating_add(2)
        }
        Some(b'\r' | b'\n') => position.saturating_add(1),
        _ => position,
    }
}

/// The parser of one file, for the lines that hold a quote: built when the first such
/// line comes.
struct Parser {
    reader: Option<csv_core::Reader>,
    delimiter: u8,
}

impl Parser {
    fn new(delimiter: u8) -> Self {
        Parser {
            reader: None,
            delimiter,
        }
    }

    /// The parser, at the start of a record: RFC 4180 quoting, any line break.
    fn get(&mut self) -> &mut csv_core::Reader {
        let delimiter = self.delimiter;
        self.reader.get_or_insert_with(|| {
            let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
            // `encoding::sniff` has dropped the byte order mark; the parser would drop
            // another at the start of its first input. Given a line break first, it
            // keeps any it meets.
            let _ = reader.read_record(b"\n", &mut [], &mut []);
            reader
        })
    }
}

/// One record's unquoted field bytes and where each field ends; reused from row to row,
/// and made only when a line has a quote.
#[derive(Default)]
struct Record {
    bytes: Vec<u8>,
    len: usize,
    ends: Vec<usize>,
    fields: usize,
}

impl Record {
    /// Reads the next record of `text` from `*position` on, moving `*position` past it.
    /// `false` at the end of the text.
    fn read(&mut self, reader: &mut csv_core::Reader, text: &[u8], position: &mut usize) -> bool {
        use csv_core::ReadRecordResult as R;
        self.len = 0;
        self.fields = 0;
        loop {
            // An empty input tells the parser the text has ended.
            let input = text.get(*position..).unwrap_or_default();
            let output = self.bytes.get_mut(self.len..).unwrap_or_default();
            let ends = self.ends.get_mut(self.fields..).unwrap_or_default();
            let (result, read, written, ended) = reader.read_record(input, output, ends);
            *position = position.saturating_add(read);
            self.len = self.len.saturating_add(written);
            self.fields = self.fields.saturating_add(ended);
            match result {
                R::InputEmpty => {}
                // Doubles until the longest record seen fits: at most twice that record
                // (or 256 bytes).
                R::OutputFull => {
                    let room = self.bytes.len().saturating_mul(2).max(256);
                    self.bytes.resize(room, 0);
                }
                R::OutputEndsFull => {
                    let room = self.ends.len().saturating_mul(2).max(16);
                    self.ends.resize(room, 0);
                }
                R::Record => return true,
                R::End => return false,
            }
        }
    }

    fn bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    fn ends(&self) -> &[usize] {
        self.ends.get(..self.fields).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::ControlFlow;

    #[derive(Default)]
    struct Collect(Vec<(u32, Vec<String>)>);

    impl RowSink for Collect {
        fn row(&mut self, row: &Row) -> ControlFlow<()> {
            let texts = row.cells().iter().map(|c| row.text(c).to_owned()).collect();
            self.0.push((row.number, texts));
            ControlFlow::Continue(())
        }
    }

    fn rows(text: &[u8]) -> Vec<(u32, Vec<String>)> {
        let mut sink = Collect::default();
        assert!(read(text, None, &mut sink).is_ok());
        sink.0
    }

    fn numbers(text: &[u8]) -> Vec<u32> {
        rows(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn row_numbers_count_blank_lines_and_not_embedded_breaks() {
        assert_eq!(numbers(b"h\n\na\r\n\r\n\r\nb"), vec![1, 3, 6]);
        assert_eq!(numbers(b"\n\nh\na"), vec![3, 4]);
        assert_eq!(numbers(b"h\n\"x\ny\nz\"\nb\n"), vec![1, 2, 3]);
        assert_eq!(numbers(b"h\r\"x\r\ny\"\r\rb\r"), vec![1, 2, 4]);
        assert_eq!(numbers(b"h\n  ,  \nb\n"), vec![1, 3]);
        // A quoted field left open to the end, its last byte a line break.
        assert_eq!(numbers(b"\r\n\"a\r"), vec![2]);
    }

    #[test]
    fn fields_that_are_not_utf8_are_read_in_the_detected_code_page() {
        // Most non-ASCII rows are UTF-8: the file is, and in the one row that is not,
        // only the field that is not is read in the code page.
        let got = rows("Name,Site\nZoë,Köln\nJos\u{e9},M\u{e1}laga\n".as_bytes());
        assert_eq!(got.len(), 3);
        let mut text = b"Name,Site\nZo\xc3\xab,K\xc3\xb6ln\nJos\xe9,M\xc3\xa1laga\n".to_vec();
        assert_eq!(
            rows(&text)[2],
            (3, vec!["José".to_owned(), "Málaga".to_owned()])
        );
        // Most are not: the file is in the code page, every non-ASCII field with it, even
        // one that happens to be valid UTF-8.
        text.extend_from_slice(b"Fran\xe7ois,Orl\xe9ans\nJ\xfcrgen,D\xfcsseldorf\n");
        assert_eq!(
            rows(&text)[2],
            (3, vec!["José".to_owned(), "MÃ¡laga".to_owned()])
        );
        let mut sink = Collect::default();
        let info = read(b"Name;Site\nJos\xe9;x\n", None, &mut sink).ok();
        assert_eq!(
            info,
            Some(TextInfo {
                encoding: CodePage::Web(encoding_rs::WINDOWS_1252),
                guessed: true,
                delimiter: b';',
                unmarked_utf16: false,
                nul_padding: false,
            })
        );
        let info = read(b"sep=,\nName;Site\n", None, &mut sink).ok();
        assert_eq!(
            info,
            Some(TextInfo {
                encoding: CodePage::Web(encoding_rs::UTF_8),
                guessed: false,
                delimiter: b',',
                unmarked_utf16: false,
                nul_padding: false,
            })
        );
        let info = read(
            b"Name\nJos\xe9\n",
            Some(CodePage::Web(encoding_rs::WINDOWS_1250)),
            &mut sink,
        )
        .ok();
        assert_eq!(
            info.map(|i| (i.encoding, i.guessed)),
            Some((CodePage::Web(encoding_rs::WINDOWS_1250), false))
        );
    }

    #[test]
    fn a_sep_line_is_hidden_as_excel_hides_it() {
        assert_eq!(
            rows(b"sep=;\r\nName;Site\r\na,b;c\r\n"),
            vec![
                (1, vec!["Name".to_owned(), "Site".to_owned()]),
                (2, vec!["a,b".to_owned(), "c".to_owned()])
            ]
        );
    }

    #[test]
    fn a_character_split_by_a_delimiter_is_not_utf8() {
        // Joined, the two fields would be the valid UTF-8 "aéb": each alone is not.
        let mut sink = Collect::default();
        let read = read(
            b"a\xC3,\xA9b\n",
            Some(CodePage::Web(encoding_rs::WINDOWS_1252)),
            &mut sink,
        );
        assert!(read.is_ok());
        assert_eq!(
            sink.0,
            vec![(1, vec!["a\u{C3}".to_owned(), "\u{A9}b".to_owned()])]
        );
    }

    /// Rows read from `text` with `delimiter`, lines without a quote read as `lines`
    /// says, and how the read ended.
    fn read_as(text: &[u8], delimiter: u8, lines: Lines) -> (String, Vec<(u32, Vec<String>)>) {
        let mut parser = Parser::new(delimiter);
        let mut sink = Collect::default();
        let mut decoder = Decoder::new(text, None);
        let end = match read_records(&mut parser, delimiter, text, &mut decoder, &mut sink, lines) {
            Ok(()) => "done",
            Err(CsvProblem::NotText) => "not text",
            Err(CsvProblem::Utf32) => "UTF-32",
        };
        (end.to_owned(), sink.0)
    }

    #[test]
    fn lines_split_here_read_as_the_parser_reads_them() {
        for text in [
            &b"h,i\r\n\r\na,\"b\r\nc\"\r\n\rd;e\n\n"[..],
            b"a\r\r\nb\n\r\"c\"\r\r\n",
            b"\"a\"\r\n\r\nb,c",
            b"a,b\n\xEF\xBB\xBF\"x\",y\n",
            b"x\"y,z\n\"",
            b",,\n ,\t\n",
        ] {
            for delimiter in encoding::DELIMITERS {
                assert_eq!(
                    read_as(text, delimiter, Lines::Split),
                    read_as(text, delimiter, Lines::Parser),
                    "{:?}",
                    String::from_utf8_lossy(text)
                );
            }
        }
        // A byte order mark left in the text is a value's (trimmed as invisible), so a
        // quote after it is a character of the value.
        let (_, rows) = read_as(b"\xEF\xBB\xBF\ra\n\xEF\xBB\xBF\"x\"\n", b',', Lines::Split);
        assert_eq!(
            rows,
            vec![(2, vec!["a".to_owned()]), (3, vec!["\"x\"".to_owned()])]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_as_the_parser_reads_it(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    &b"a"[..], b"bc", b"\xC3\xA9", b",", b";", b"\t", b"\"", b"\r", b"\n",
                    b" ", b"\xEF\xBB\xBF", b"\xFF", b"\x00", b"\r\n",
                ]),
                0..40,
            ),
            delimiter in proptest::sample::select(encoding::DELIMITERS.to_vec()),
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                read_as(&text, delimiter, Lines::Split),
                read_as(&text, delimiter, Lines::Parser)
            );
        }
    }

    #[test]
    fn binary_is_not_text() {
        let mut sink = Collect::default();
        assert!(read(b"a,b\n\x00\x01", None, &mut sink).is_err());
    }
}
