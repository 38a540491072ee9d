//! The decompression budget: every byte inflated from a workbook's zip is counted, across
//! all the parts read, so that a small file that expands to gigabytes is stopped early.
//! Sizes declared in the zip can lie; what is counted is what is actually produced.

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
        }
    }
}

/// A reader whose bytes are charged to a [`Budget`]; past the limit it fails.
pub(crate) struct Metered<R> {
    inner: R,
    budget: Budget,
}

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.budget.is_spent() {
            return Err(io::Error::other("the decompression budget is spent"));
        }
        let n = self.inner.read(buf)?;
        let used = self.budget.used.get().saturating_add(n as u64);
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
}
