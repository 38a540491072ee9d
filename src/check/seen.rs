//! The emails seen so far in one file, each with the row it first appeared on, found by
//! its duplicate key. The keys lie end to end in one buffer and the table holds where
//! each one is: no allocation per row, which a `HashMap<String, u32>` makes (the
//! difference is measured in BENCHMARKS.md).

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// The keys come from the upload, so their hash is keyed with a secret the process
/// draws from the operating system for each file: foldhash's `RandomState`. Keys are
/// always compared in full, so equal hashes cost time, never a wrong answer.
#[derive(Default)]
pub(crate) struct Seen {
    keys: String,
    table: HashTable<Entry>,
    hasher: foldhash::quality::RandomState,
}

#[derive(Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    row: u32,
}

impl Seen {
    /// Room for `emails` addresses of about 40 bytes.
    pub(crate) fn with_capacity(emails: usize) -> Self {
        Seen {
            keys: String::with_capacity(emails.saturating_mul(40)),
            table: HashTable::with_capacity(emails),
            hasher: foldhash::quality::RandomState::default(),
        }
    }

    /// The row `key` first appeared on; `None` when it is new, and then it is
    /// remembered for `row`.
    pub(crate) fn first_row(&mut self, key: &str, row: u32) -> Option<u32> {
        let hash = self.hasher.hash_one(key);
        let keys = &self.keys;
        let is_key = |entry: &Entry| keys.get(entry.start..entry.end) == Some(key);
        if let Some(earlier) = self.table.find(hash, is_key) {
            return Some(earlier.row);
        }
        let start = self.keys.len();
        self.keys.push_str(key);
        let entry = Entry {
            start,
            end: self.keys.len(),
            row,
        };
        let (keys, hasher) = (&self.keys, &self.hasher);
        let rehash = |e: &Entry| hasher.hash_one(keys.get(e.start..e.end).unwrap_or_default());
        self.table.insert_unique(hash, entry, rehash);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_again_as_the_table_grows() {
        // No room made first: the table grows and places every entry again many times.
        let mut seen = Seen::default();
        for n in 0..3000u32 {
            assert_eq!(seen.first_row(&format!("user{n}@example.com"), n + 2), None);
        }
        for n in (0..3000u32).rev() {
            let again = seen.first_row(&format!("user{n}@example.com"), 9999);
            assert_eq!(again, Some(n + 2));
        }
        assert_eq!(seen.first_row("other@example.com", 1), None);
    }

    #[test]
    fn each_file_hashes_with_a_secret_of_its_own() {
        let (one, two) = (Seen::default(), Seen::default());
        let key = "ada@example.com";
        assert_eq!(one.hasher.hash_one(key), one.hasher.hash_one(key));
        assert_ne!(one.hasher.hash_one(key), two.hasher.hash_one(key));
    }
}
