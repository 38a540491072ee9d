//! The decompression budget: every byte inflated from a workbook's zip is counted, across
//! all the parts read, so that a small file that expands to gigabytes is stopped early.
//! Sizes declared in the zip can lie; what is counted is what is actually produced. A
//! part read more than once (an .ods's content, looked through for its tables' names
//! before the chosen one is read) counts once: the limit is the file's, and the work
//! stays within the readings times the limit.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// A shared count of inflated bytes against a limit.
#[derive(Debug, Clone)]
pub(crate) struct Budget {
    used: Rc<Cell<u64>>,
    limit: u64,
}

impl Budget {
    pub(crate) fn new(limit: u64) -> Self {
        Budget {
            used: Rc::new(Cell::new(0)),
            limit,
        }
    }

    /// Whether a read has gone past the limit.
    pub(crate) fn is_spent(&self) -> bool {
        self.used.get() > self.limit
    }

    /// Charges `bytes` that a reader makes without inflating them (an OpenDocument repeat
    /// count copies a cell, a row or spaces): `false` once past the limit.
    pub(crate) fn charge(&self, bytes: usize) -> bool {
        let used = self
            .used
            .get()
            .saturating_add(u64::try_from(bytes).unwrap_or(u64::MAX));
        self.used.set(used);
        used <= self.limit
    }

    /// `inner`, with every byte read from it charged to this budget.
    pub(crate) fn meter<R: Read>(&self, inner: R) -> Metered<R> {
        Metered {
            inner,
            budget: self.clone(),
            part: None,
        }
    }

    /// `inner`, a reading of `part` from its start, charged for the bytes past where any
    /// earlier reading of it got.
    pub(crate) fn meter_part<R: Read>(&self, inner: R, part: &Part) -> Metered<R> {
        Metered {
            inner,
            budget: self.clone(),
            part: Some((part.clone(), 0)),
        }
    }
}

/// How far any reading of one part has got: a reading charges only what lies past it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Part(Rc<Cell<u64>>);

/// A reader whose bytes are charged to a [`Budget`]; past the limit it fails.
pub(crate) struct Metered<R> {
    inner: R,
    budget: Budget,
    /// The part this reads from its start, and how far this reading has got.
    part: Option<(Part, u64)>,
}

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.budget.is_spent() {
            return Err(io::Error::other("the decompression budget is spent"));
        }
        let n = self.inner.read(buf)?;
        let mut charged = n as u64;
        if let Some((part, position)) = &mut self.part {
            *position = position.saturating_add(charged);
            let furthest = part.0.get();
            charged = position.saturating_sub(furthest);
            part.0.set(furthest.max(*position));
        }
        let used = self.budget.used.get().saturating_add(charged);
        self.budget.used.set(used);
        if used > self.budget.limit {
            return Err(io::Error::other("the decompression budget is spent"));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_past_the_limit_across_readers() {
        let budget = Budget::new(10);
        let mut first = String::new();
        assert!(budget
            .meter(&b"123456"[..])
            .read_to_string(&mut first)
            .is_ok());
        let mut second = String::new();
        assert!(budget
            .meter(&b"123456"[..])
            .read_to_string(&mut second)
            .is_err());
        assert!(budget.is_spent());
    }

    #[test]
    fn a_part_read_again_counts_once() {
        let budget = Budget::new(10);
        let part = Part::default();
        for _ in 0..3 {
            let mut text = String::new();
            let reading = budget
                .meter_part(&b"12345678"[..], &part)
                .read_to_string(&mut text);
            assert!(reading.is_ok());
        }
        assert_eq!(budget.used.get(), 8);
        // Another part counts on top.
        let mut other = String::new();
        assert!(budget
            .meter(&b"123"[..])
            .read_to_string(&mut other)
            .is_err());
    }
}
