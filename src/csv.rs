//! Delimited text → rows of cells, with the row numbers a spreadsheet shows. No user rules.

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
    let delimiter = text::detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut row = Row::default();
    let mut number = 0u32;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(Outcome::Done),
            // Reading from a byte slice cannot fail with I/O; records are flexible and
            // the text is checked below, so there is nothing left to fail.
            Err(_) => return Ok(Outcome::Done),
        }
        let start = record.position().map_or(0, csv::Position::byte);
        let end = reader.position().byte();
        number = number
            .saturating_add(blank_lines_before(text, start, end, &record))
            .saturating_add(1);
        if record.as_slice().contains(&0) {
            return Err(CsvProblem::NotText);
        }
        row.reset(number);
        for (column, field) in (0u32..).zip(record.iter()) {
            let Ok(value) = std::str::from_utf8(field) else {
                return Ok(Outcome::NotUtf8);
            };
            row.push(column, value);
        }
        if row.is_blank() {
            continue;
        }
        if sink.row(&row).is_break() {
            return Ok(Outcome::Done);
        }
    }
}

/// The csv crate skips blank lines silently, and a spreadsheet shows each as a row: they
/// are the line breaks the record consumed (bytes `start..end`) that are neither inside
/// its quoted fields nor its own terminator.
fn blank_lines_before(text: &[u8], start: u64, end: u64, record: &csv::ByteRecord) -> u32 {
    let mut span = text.get(to_index(start)..to_index(end)).unwrap_or_default();
    // The reader stops between the CR and the LF of a CRLF: that LF is no new line.
    let after_cr = start > 0 && text.get(to_index(start) - 1) == Some(&b'\r');
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
    let embedded = text::count_line_breaks(record.as_slice());
    consumed.saturating_sub(embedded).saturating_sub(terminated)
}

fn to_index(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
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
    fn binary_is_not_text() {
        let mut sink = Collect::default();
        assert!(read(b"a,b\n\x00\x01", &mut sink).is_err());
    }
}
