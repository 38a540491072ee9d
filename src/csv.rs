//! Delimited text → rows of cells, with the row numbers a spreadsheet shows. No user rules.

use std::cell::RefCell;

use crate::cells::{Row, RowSink};
use crate::text::{self, TextEncoding};

/// Why delimited text could not be read through to the end it needed.
#[derive(Debug)]
pub(crate) enum CsvProblem {
    /// The text holds a NUL character: it is a binary file, not text.
    NotText,
}

/// Reads delimited text, detecting encoding and delimiter, and hands each row to `sink`
/// until the text ends or the sink stops.
pub(crate) fn read(bytes: &[u8], sink: &mut dyn RowSink) -> Result<(), CsvProblem> {
    let (encoding, body) = text::sniff(bytes);
    match encoding {
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let decoded = text::utf16(body, encoding);
            read_utf8(decoded.as_bytes(), sink).map(|_| ())
        }
        TextEncoding::Utf8 { bom } => match read_utf8(body, sink)? {
            Outcome::Done => Ok(()),
            Outcome::NotUtf8 => {
                // UTF-8 is checked one record at a time so that a file past the row limit
                // is never scanned whole; the first invalid byte restarts the read.
                sink.restart();
                let decoded = if bom {
                    text::utf8_lossy(body)
                } else {
                    text::windows_1252(body)
                };
                read_utf8(decoded.as_bytes(), sink).map(|_| ())
            }
        },
    }
}

enum Outcome {
    Done,
    NotUtf8,
}

fn read_utf8(text: &[u8], sink: &mut dyn RowSink) -> Result<Outcome, CsvProblem> {
    with_parser(text::detect_delimiter(text), |parser| {
        read_records(parser, text, sink)
    })
}

fn read_records(
    reader: &mut csv_core::Reader,
    text: &[u8],
    sink: &mut dyn RowSink,
) -> Result<Outcome, CsvProblem> {
    let mut record = Record::default();
    let mut row = Row::default();
    let mut number = 0u32;
    let mut position = 0usize;
    loop {
        let start = position;
        if !record.read(reader, text, &mut position) {
            return Ok(Outcome::Done);
        }
        number = number
            .saturating_add(blank_lines_before(text, start, position, record.bytes()))
            .saturating_add(1);
        // No early exit: the compiler then checks many bytes at once; records are short.
        if record.bytes().iter().fold(false, |nul, &b| nul | (b == 0)) {
            return Err(CsvProblem::NotText);
        }
        // One UTF-8 check for the record; each field must then start and end on a
        // character boundary (a field cut inside a character is not UTF-8 either).
        let Ok(fields) = std::str::from_utf8(record.bytes()) else {
            return Ok(Outcome::NotUtf8);
        };
        row.reset_to(number, fields);
        let mut field_start = 0usize;
        for (column, &field_end) in (0u32..).zip(record.ends()) {
            if !row.push_span(column, field_start, field_end) {
                return Ok(Outcome::NotUtf8);
            }
            field_start = field_end;
        }
        if row.is_blank() {
            continue;
        }
        if sink.row(&row).is_break() {
            return Ok(Outcome::Done);
        }
    }
}

/// Runs `read` with a parser for `delimiter` (comma, semicolon or tab): RFC 4180 quoting,
/// any line break.
///
/// Building a csv-core parser compiles its state machine, which costs as much as reading
/// a few hundred rows, so each thread keeps the three it has built and resets them for
/// the next file. (csv-core's `Clone` for a parser copies only part of that machine, so
/// one shared prototype cannot be cloned instead.)
fn with_parser<T>(delimiter: u8, read: impl FnOnce(&mut csv_core::Reader) -> T) -> T {
    thread_local! {
        static PARSERS: RefCell<[Option<csv_core::Reader>; 3]> =
            const { RefCell::new([None, None, None]) };
    }
    let slot = text::DELIMITERS.iter().position(|&d| d == delimiter);
    let cached = |slot: usize| {
        PARSERS
            .try_with(|parsers| {
                let mut parsers = parsers.try_borrow_mut().ok()?;
                parsers.get_mut(slot)?.take()
            })
            .ok()
            .flatten()
    };
    let mut parser = slot
        .and_then(cached)
        .unwrap_or_else(|| csv_core::ReaderBuilder::new().delimiter(delimiter).build());
    parser.reset();
    let result = read(&mut parser);
    if let Some(slot) = slot {
        // Put back for the next file on this thread (skipped if the thread is ending).
        let _ = PARSERS.try_with(|parsers| {
            if let Ok(mut parsers) = parsers.try_borrow_mut() {
                if let Some(place) = parsers.get_mut(slot) {
                    *place = Some(parser);
                }
            }
        });
    }
    result
}

/// One record's unquoted field bytes and where each field ends; reused from row to row.
struct Record {
    bytes: Vec<u8>,
    len: usize,
    ends: Vec<usize>,
    fields: usize,
}

impl Default for Record {
    fn default() -> Self {
        Record {
            bytes: vec![0; 1024],
            len: 0,
            ends: vec![0; 16],
            fields: 0,
        }
    }
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
                // Doubles until the longest record seen fits: at most twice that record.
                R::OutputFull => self.bytes.resize(self.bytes.len().saturating_mul(2), 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len().saturating_mul(2), 0),
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

/// The parser skips blank lines silently, and a spreadsheet shows each as a row: they
/// are the line breaks the record consumed (bytes `start..end`) that are neither inside
/// its quoted fields nor its own terminator.
fn blank_lines_before(text: &[u8], start: usize, end: usize, fields: &[u8]) -> u32 {
    let mut span = text.get(start..end).unwrap_or_default();
    // The parser stops between the CR and the LF of a CRLF: that LF is no new line.
    let after_cr = start
        .checked_sub(1)
        .and_then(|before| text.get(before))
        .is_some_and(|&b| b == b'\r');
    if after_cr {
        span = span.strip_prefix(b"\n").unwrap_or(span);
    }
    // Skipped blank lines stand at the start of the span: most records have none.
    if !matches!(span.first(), Some(b'\n' | b'\r')) {
        return 0;
    }
    let consumed = text::count_line_breaks(span);
    let terminated = u32::from(matches!(span.last(), Some(b'\n' | b'\r')));
    if consumed <= terminated {
        return 0;
    }
    let embedded = text::count_line_breaks(fields);
    consumed.saturating_sub(embedded).saturating_sub(terminated)
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
        fn restart(&mut self) {
            self.0.clear();
        }
    }

    fn rows(text: &[u8]) -> Vec<(u32, Vec<String>)> {
        let mut sink = Collect::default();
        assert!(read(text, &mut sink).is_ok());
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
    }

    #[test]
    fn windows_1252_restarts_from_the_top() {
        let got = rows(b"Name\nJos\xe9\n");
        assert_eq!(
            got,
            vec![(1, vec!["Name".to_owned()]), (2, vec!["José".to_owned()])]
        );
    }

    #[test]
    fn a_character_split_by_a_delimiter_is_not_utf8() {
        // Joined, the two fields would be the valid UTF-8 "aéb": each alone is not.
        let got = rows(b"a\xC3,\xA9b\n");
        assert_eq!(
            got,
            vec![(1, vec!["a\u{C3}".to_owned(), "\u{A9}b".to_owned()])]
        );
    }

    #[test]
    fn binary_is_not_text() {
        let mut sink = Collect::default();
        assert!(read(b"a,b\n\x00\x01", &mut sink).is_err());
    }
}
