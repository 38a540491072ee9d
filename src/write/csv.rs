//! The one way the crate writes CSV for a person: UTF-8 with a byte order mark, so that
//! Excel shows accents right, and CRLF line ends, as Excel writes them.

/// A CSV being written into memory.
pub(crate) struct ExcelCsv {
    writer: csv::Writer<Vec<u8>>,
}

impl ExcelCsv {
    pub(crate) fn new() -> Self {
        Self::starting(b"\xEF\xBB\xBF")
    }

    /// [`ExcelCsv::new`], with room for about `bytes` bytes.
    pub(crate) fn with_room(bytes: usize) -> Self {
        let mut start = Vec::with_capacity(bytes);
        start.extend_from_slice(b"\xEF\xBB\xBF");
        Self::writing_to(start)
    }

    /// A CSV whose first line is `sep=,`, which names the delimiter and which Excel (and
    /// the crate) hide: the line after it is row 1.
    pub(crate) fn with_sep_line() -> Self {
        Self::starting(b"\xEF\xBB\xBFsep=,\r\n")
    }

    fn starting(start: &[u8]) -> Self {
        Self::writing_to(start.to_vec())
    }

    fn writing_to(start: Vec<u8>) -> Self {
        ExcelCsv {
            writer: csv::WriterBuilder::new()
                .flexible(true)
                .terminator(csv::Terminator::CRLF)
                .from_writer(start),
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
