//! The one way the crate writes CSV for a person: UTF-8 with a byte order mark, so that
//! Excel shows accents right, and CRLF line ends, as Excel writes them.

/// A CSV being written into memory.
pub(crate) struct ExcelCsv {
    writer: csv::Writer<Vec<u8>>,
}

impl ExcelCsv {
    pub(crate) fn new() -> Self {
        Self::with_room(0)
    }

    /// [`ExcelCsv::new`], with room for about `bytes` bytes, so that a large output is
    /// not copied as it grows.
    pub(crate) fn with_room(bytes: usize) -> Self {
        Self::starting(b"\xEF\xBB\xBF", bytes)
    }

    /// A CSV whose first line is `sep=,`, which names the delimiter and which Excel (and
    /// the crate) hide: the line after it is row 1.
    pub(crate) fn with_sep_line() -> Self {
        Self::starting(b"\xEF\xBB\xBFsep=,\r\n", 0)
    }

    fn starting(start: &[u8], room: usize) -> Self {
        let mut bytes = Vec::with_capacity(room.max(start.len()));
        bytes.extend_from_slice(start);
        ExcelCsv {
            writer: csv::WriterBuilder::new()
                .flexible(true)
                .terminator(csv::Terminator::CRLF)
                .from_writer(bytes),
        }
    }

    /// Writes one line of fields.
    pub(crate) fn record<I>(&mut self, fields: I)
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        // Writing to a Vec cannot fail.
        let _ = self.writer.write_record(fields);
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
}
