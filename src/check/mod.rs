//! Rows of cells → users or errors, for every format; checks across rows (duplicate
//! emails, the row limit). This is the only module that knows the rules of a user.

pub(crate) mod customer;
pub(crate) mod header;
pub(crate) mod kept;
pub(crate) mod rules;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::ops::ControlFlow;

use crate::check::header::{position, Header, Slot};
use crate::error::{RowError, RowErrors};
use crate::message::{Language, Text};
use crate::model::codes::ErrorCode;
use crate::model::codes::NoteCode;
use crate::model::column::Column;
use crate::model::problem::Problem;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::read::row::{CellKind, Row, RowSink};
use crate::report::{Note, Report, RowUser};

/// Takes the rows of one file, in order, and builds its [`Report`].
pub(crate) struct Validator<'o> {
    options: &'o Options,
    header: Option<Header>,
    errors: Vec<RowError>,
    /// What was assumed or changed, row by row.
    notes: Vec<Note>,
    user_rows: u32,
    /// How many users to make room for once the header is read.
    expected: usize,
    /// The valid users so far and the emails seen, in buffers this thread reuses.
    scratch: Scratch,
}

/// The fewest bytes a user row takes in delimited text, `a,b@c.de` and a line break:
/// room is never made for more users than the file could hold...
pub(crate) const MIN_ROW_BYTES: usize = 10;

/// ...nor, unless the rows were counted, for more than this many up front; past it the
/// lists grow as rows come. A [`Checker`](crate::Checker) keeps buffers of up to this
/// size.
pub(crate) const MAX_RESERVED_ROWS: usize = 1024;

/// The buffers a validator fills, which a [`Checker`](crate::Checker) keeps from one file
/// to the next.
///
/// Making room for 500 users takes blocks of tens of kilobytes, and the users of the
/// previous file, freed by the caller, lie in the allocator as thousands of small
/// blocks. glibc's allocator merges all of those before it hands out a large block;
/// done at the start of every file, that merging and what follows from it cost, in the
/// benchmark, as much as checking the emails. With these buffers kept, a file needs no
/// large block until its users are known, and then one, of the right size, for the
/// answer. (Whether the caller's own frees cause the merge is up to the caller's heap.)
///
/// They are kept only while they are no bigger than [`MAX_RESERVED_ROWS`] rows need
/// (about 200 KB), and empty: no user's data stays behind.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Valid users, and beside them the row each came from.
    users: Vec<NewUser>,
    user_row_numbers: Vec<u32>,
    /// Every valid email so far, with the row it first appeared on.
    seen: SeenEmails,
}

impl Scratch {
    /// The buffers, emptied, for the next file; new ones if a large file has grown them
    /// past what [`MAX_RESERVED_ROWS`] rows need.
    fn recycle(mut self) -> Scratch {
        self.clear();
        let small = self.users.capacity() <= MAX_RESERVED_ROWS
            && self.user_row_numbers.capacity() <= MAX_RESERVED_ROWS
            && self.seen.fits(MAX_RESERVED_ROWS);
        if small {
            self
        } else {
            Scratch::default()
        }
    }

    fn clear(&mut self) {
        self.users.clear();
        self.user_row_numbers.clear();
        self.seen.clear();
    }
}

impl<'o> Validator<'o> {
    /// A validator for a file that holds at most `rows` rows (the caller's estimate:
    /// see [`MIN_ROW_BYTES`]), filling `scratch` (empty).
    pub(crate) fn new(options: &'o Options, rows: usize, scratch: Scratch) -> Self {
        let limit = usize::try_from(options.max_rows_value()).unwrap_or(usize::MAX);
        Validator {
            options,
            header: None,
            errors: Vec::new(),
            notes: Vec::new(),
            user_rows: 0,
            expected: limit.min(rows),
            scratch,
        }
    }

    /// The report, once the reader has handed over every row it will; the buffers go
    /// back to `keep` for the next file.
    pub(crate) fn finish(mut self, keep: &mut Scratch) -> Report {
        let errors = self.close();
        let scratch = &mut self.scratch;
        let users = scratch
            .user_row_numbers
            .drain(..)
            .zip(scratch.users.drain(..))
            .map(|(row, user)| RowUser { row, user })
            .collect();
        let report = Report::new(users, errors, std::mem::take(&mut self.notes));
        *keep = self.scratch.recycle();
        report
    }

    /// All or nothing, as [`Report::into_result`], once the reader has handed over every
    /// row it will. With `keep`, the buffers go back to it and the answer gets its own
    /// block of the right size (see [`Scratch`]); without, the list the users were
    /// gathered in is the answer, unless it has far more room than users.
    pub(crate) fn finish_all_or_nothing(
        mut self,
        keep: Option<&mut Scratch>,
    ) -> Result<Vec<NewUser>, RowErrors> {
        let errors = self.close();
        let result = RowErrors::none_or_all(errors).map(|()| {
            let users = &mut self.scratch.users;
            let roomy = users.capacity() / 2 > users.len().saturating_add(16);
            if keep.is_none() && !roomy {
                return std::mem::take(users);
            }
            let mut answer = Vec::with_capacity(users.len());
            answer.append(users);
            answer
        });
        if let Some(keep) = keep {
            *keep = self.scratch.recycle();
        }
        result
    }

    /// Every error, with the whole-file errors added; the users are left only if the
    /// file can have any.
    fn close(&mut self) -> Vec<RowError> {
        let language = self.options.language_value();
        let Some(header) = &self.header else {
            let empty = RowError::file(ErrorCode::EmptyFile, Text::EmptyFile, language);
            return vec![empty];
        };
        if self.user_rows == 0 {
            self.errors
                .push(RowError::file(ErrorCode::NoRows, Text::NoRows, language));
        }
        if header.has_errors {
            // A file whose header is wrong may have its columns mixed up: none of its
            // users can be trusted.
            self.scratch.clear();
        }
        std::mem::take(&mut self.errors)
    }

    fn user_row(&mut self, row: &Row) {
        let Some(header) = &self.header else {
            return;
        };
        // The text of each known column, in `Column::ALL` order, and whether its cell
        // held a spreadsheet error.
        let mut texts = [""; 4];
        let mut kinds = [CellKind::Value; 4];
        let mut extra: Option<(u32, &str)> = None;
        let mut extra_count = 0usize;
        for cell in row.cells() {
            match header.slot(cell.column) {
                Some(Slot::Known(column)) => {
                    let place = position(column);
                    if let (Some(text), Some(kind)) = (texts.get_mut(place), kinds.get_mut(place)) {
                        *text = row.text(cell);
                        *kind = cell.kind;
                    }
                }
                Some(Slot::Skipped) => {}
                None => {
                    extra.get_or_insert((cell.column, row.text(cell)));
                    extra_count += 1;
                }
            }
        }
        if let Some(column) = row.overflow {
            extra.get_or_insert((column, ""));
            extra_count += 1;
        }
        let language = self.options.language_value();
        if let Some((column, text)) = extra {
            // Past MAX_CELLS a row stops counting: say "at least".
            let extra_value = Text::ExtraValue {
                index: column,
                more: extra_count.saturating_sub(1),
                at_least: row.overflow.is_some(),
            };
            self.errors.push(
                RowError::at(
                    ErrorCode::ExtraValue,
                    row.number,
                    (None, Some(column)),
                    extra_value,
                    language,
                )
                .with_value(text),
            );
        }

        let options = self.options;
        let [name, email, user_type, site] = texts;
        let [name_error, email_error, user_type_error, site_error] = kinds;
        let mut field = Field {
            errors: &mut self.errors,
            header,
            language,
            plain: row.is_known_plain(),
            row: row.number,
        };
        let name = field.check(Column::UserName, name, name_error, rules::user_name);
        let email = field.check(Column::Email, email, email_error, rules::email);
        let user_type = field.check(Column::UserType, user_type, user_type_error, |text| {
            if text.is_empty() {
                Ok(options.default_user_type_value())
            } else {
                rules::user_type(text)
            }
        });
        let site = field.check(Column::Site, site, site_error, |text| {
            if text.is_empty() {
                Ok(options.default_site_value())
            } else {
                rules::site(text, options.allowed_sites_list())
            }
        });

        let mut duplicate = false;
        if let Some(address) = &email {
            if let Some(first) = self.scratch.seen.first_row(address, row.number) {
                duplicate = true;
                self.errors.push(
                    RowError::at(
                        ErrorCode::DuplicateEmail,
                        row.number,
                        (Some(Column::Email), header.column_index(Column::Email)),
                        Text::DuplicateEmail { address, first },
                        language,
                    )
                    .with_value(address),
                );
            } else if let Some(problem) =
                customer_problem(options, address, self.scratch.seen.last_key())
            {
                // Asked once per distinct address: a repeat is a duplicate instead.
                duplicate = true;
                self.errors.push(
                    RowError::at(
                        problem.code(),
                        row.number,
                        (Some(Column::Email), header.column_index(Column::Email)),
                        Text::Cell {
                            problem: &problem,
                            column: Column::Email,
                            value: address,
                        },
                        language,
                    )
                    .with_value(address),
                );
            }
        }
        if let (None, false, Some(name), Some(email), Some(user_type), Some(site)) =
            (extra, duplicate, name, email, user_type, site)
        {
            // The values are copied only now, for a row known to be valid.
            self.scratch.users.push(NewUser {
                name: name.to_owned(),
                email,
                user_type,
                site: site.to_owned(),
            });
            self.scratch.user_row_numbers.push(row.number);
        }
    }
}

/// What the customer's own rules say of a valid address seen for the first time.
/// `key` is the address's duplicate key, just added to the index.
fn customer_problem(options: &Options, address: &str, key: &str) -> Option<Problem> {
    if !crate::check::customer::is_allowed(options.email_domain_rules(), address) {
        let allowed = options.email_domain_shown().to_vec();
        return Some(Problem::EmailDomain { allowed });
    }
    if options
        .existing_accounts()
        .is_some_and(|existing| existing.has(key, address))
    {
        return Some(Problem::EmailExists);
    }
    None
}

/// Checks the cells of one row, column by column, recording what is wrong.
struct Field<'a> {
    errors: &'a mut Vec<RowError>,
    header: &'a Header,
    language: Language,
    /// The row's text is known to hold no U+FFFD and no C1 control.
    plain: bool,
    row: u32,
}

impl Field<'_> {
    /// Applies `rule` to the trimmed `text` of `column` (`""` for an empty cell), or
    /// records why it cannot be used. `None` when this row cannot become a user.
    fn check<'t, T>(
        &mut self,
        column: Column,
        text: &'t str,
        kind: CellKind,
        rule: impl FnOnce(&'t str) -> Result<T, Problem>,
    ) -> Option<T> {
        let index = self.header.column_index(column);
        // A required column missing from the header is reported once, there.
        if index.is_none() && column.is_required() {
            return None;
        }
        let result = match kind {
            CellKind::Value if self.plain => rule(text),
            CellKind::Value => rules::readable(text).and_then(|()| rule(text)),
            CellKind::Error => Err(Problem::ErrorCell),
            CellKind::NoResult => Err(Problem::NoResult),
        };
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                let cell = Text::Cell {
                    problem: &problem,
                    column,
                    value: text,
                };
                let mut error = RowError::at(
                    problem.code(),
                    self.row,
                    (Some(column), index),
                    cell,
                    self.language,
                );
                if !text.is_empty() {
                    error = error.with_value(text);
                }
                self.errors.push(error);
                None
            }
        }
    }
}

impl RowSink for Validator<'_> {
    fn row(&mut self, row: &Row) -> ControlFlow<()> {
        if row.is_blank() {
            return ControlFlow::Continue(());
        }
        let language = self.options.language_value();
        if row.removed_invisible {
            let code = NoteCode::InvisibleCharactersRemoved;
            self.notes.push(Note::row(row.number, code, language));
        }
        if row.spread_merged {
            let code = NoteCode::MergedCellSpread;
            self.notes.push(Note::row(row.number, code, language));
        }
        if self.header.is_none() {
            self.header = Some(Header::read(row, self.options, &mut self.errors));
            // Growing the list and the email index row by row costs more than making
            // room once: at most the row limit, and at most what the file's size allows.
            self.scratch.users.reserve(self.expected);
            self.scratch.user_row_numbers.reserve(self.expected);
            self.scratch.seen.reserve(self.expected);
            return ControlFlow::Continue(());
        }
        self.user_rows = self.user_rows.saturating_add(1);
        let limit = self.options.max_rows_value();
        if self.user_rows > limit {
            self.errors.push(RowError::at(
                ErrorCode::TooManyRows,
                row.number,
                (None, None),
                Text::TooManyRows { limit },
                self.options.language_value(),
            ));
            return ControlFlow::Break(());
        }
        self.user_row(row);
        ControlFlow::Continue(())
    }

    /// The header, the users up to the limit, and the first user over it.
    fn most_rows(&self) -> Option<usize> {
        let limit = usize::try_from(self.options.max_rows_value()).unwrap_or(usize::MAX);
        Some(limit.saturating_add(2))
    }
}

/// The emails seen so far, compared case-insensitively, without an allocation per row:
/// lower-cased keys live end to end in one growing buffer, each remembered in `entries`
/// with the row it first appeared on, and the table holds only the index of an entry
/// (4 bytes and a control byte a slot). For 100,000 addresses the table is about
/// 650 KB, where the map of hashes to keys and rows it replaces took 4.3 MB and missed
/// the processor's cache on every row; the 100,000-user parse is 14 % faster for it
/// (`BENCHMARKS.md`, eighth round).
///
/// The keys come from the upload, so their hash must not be craftable into collisions:
/// it is foldhash keyed with a secret drawn anew for every file ([`FileSeed`]) from the
/// operating system's randomness (through std's `RandomState`), never shown outside the
/// process. foldhash instead of std's SipHash because the switch takes 6 % off the
/// 500-user parse (`BENCHMARKS.md`, eighth round).
/// foldhash calls itself "minimally DoS-resistant": its authors' worry is an attacker
/// who studies a long-running program to learn its secret, and here the secret lives
/// for one file. Keys are always compared in full, so equal hashes of different keys
/// cost time, never a wrong answer; and a default row limit of 500 makes even every key
/// colliding a matter of 125,000 comparisons.
#[derive(Default)]
struct SeenEmails {
    keys: String,
    /// Every key remembered, in the order first seen.
    entries: Vec<Seen>,
    /// Indexes into `entries`, by the key's hash.
    first: hashbrown::HashTable<u32>,
    seed: FileSeed,
}

#[derive(Clone, Copy)]
struct Seen {
    start: usize,
    /// The key's length: at most a few kilobytes (an address has at most 254
    /// characters). Beside the row, 16 bytes an entry.
    len: u32,
    row: u32,
}

impl Seen {
    fn key<'k>(&self, keys: &'k str) -> Option<&'k str> {
        let end = self.start.checked_add(usize::try_from(self.len).ok()?)?;
        keys.get(self.start..end)
    }
}

impl SeenEmails {
    /// Makes room for `emails` addresses (of 40 bytes, a guess: longer ones grow it).
    fn reserve(&mut self, emails: usize) {
        let (entries, keys, seed) = (&self.entries, &self.keys, &self.seed);
        self.first
            .reserve(emails, |&index| rehash(entries, keys, seed, index));
        self.entries.reserve(emails);
        self.keys.reserve(emails.saturating_mul(40));
    }

    /// Whether the index is no bigger than `emails` addresses of up to 64 bytes need.
    fn fits(&self, emails: usize) -> bool {
        self.first.capacity() <= emails.saturating_mul(2)
            && self.entries.capacity() <= emails
            && self.keys.capacity() <= emails.saturating_mul(64)
    }

    /// Forgets every email, keeping the room, with a new secret for the hash.
    fn clear(&mut self) {
        self.keys.clear();
        self.entries.clear();
        self.first.clear();
        self.seed = FileSeed::default();
    }

    /// The key of the address [`SeenEmails::first_row`] last remembered.
    fn last_key(&self) -> &str {
        let last = self.entries.last();
        last.and_then(|e| e.key(&self.keys)).unwrap_or_default()
    }

    /// The row `address` first appeared on, or `None` (and it is remembered for `row`).
    fn first_row(&mut self, address: &str, row: u32) -> Option<u32> {
        // The key goes straight into the buffer, and is taken back out if it was seen.
        let start = self.keys.len();
        rules::push_email_key(address, &mut self.keys);
        let (entries, keys, seed) = (&self.entries, &self.keys, &self.seed);
        let key = keys.get(start..).unwrap_or_default();
        let is_key = |&index: &u32| entry(entries, index).and_then(|e| e.key(keys)) == Some(key);
        let rehash = |&index: &u32| rehash(entries, keys, seed, index);
        let first = match self.first.entry(seed.hash(key), is_key, rehash) {
            hashbrown::hash_table::Entry::Occupied(found) => {
                entry(entries, *found.get()).map(|earlier| earlier.row)
            }
            hashbrown::hash_table::Entry::Vacant(slot) => {
                // Rows are numbered in a `u32`: a file has fewer distinct keys.
                if let Ok(index) = u32::try_from(entries.len()) {
                    slot.insert(index);
                    // A key longer than 4 GiB (none is) would never be found again.
                    let len = u32::try_from(key.len()).unwrap_or(u32::MAX);
                    self.entries.push(Seen { start, len, row });
                    return None;
                }
                // Not remembered: its key leaves the buffer like a repeat's.
                None
            }
        };
        self.keys.truncate(start);
        first
    }
}

fn entry(entries: &[Seen], index: u32) -> Option<&Seen> {
    entries.get(usize::try_from(index).ok()?)
}

/// The hash of a remembered key again, for when the table grows.
fn rehash(entries: &[Seen], keys: &str, seed: &FileSeed, index: u32) -> u64 {
    let key = entry(entries, index).and_then(|e| e.key(keys));
    seed.hash(key.unwrap_or_default())
}

/// The secret of one file's email hashes: foldhash's two seeds, drawn from std's
/// `RandomState` (whose keys come from the operating system).
struct FileSeed {
    shared: foldhash::SharedSeed,
    per_hasher: u64,
}

impl Default for FileSeed {
    fn default() -> Self {
        let state = RandomState::new();
        FileSeed {
            shared: foldhash::SharedSeed::from_u64(state.hash_one(0u8)),
            per_hasher: state.hash_one(1u8),
        }
    }
}

impl FileSeed {
    /// The keyed hash of one key: its bytes in one write (one key per hash, so no
    /// length needs to separate them).
    fn hash(&self, key: &str) -> u64 {
        let mut hasher = foldhash::quality::FoldHasher::with_seed(self.per_hasher, &self.shared);
        hasher.write(key.as_bytes());
        hasher.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_hashes_with_a_secret_of_its_own() {
        let key = "ada@example.com";
        let (one, two) = (FileSeed::default(), FileSeed::default());
        assert_eq!(one.hash(key), one.hash(key));
        assert_ne!(one.hash(key), two.hash(key));
        let mut seen = SeenEmails::default();
        let before = seen.seed.hash(key);
        seen.clear();
        assert_ne!(seen.seed.hash(key), before);
    }

    #[test]
    fn the_index_finds_every_key_again_as_it_grows() {
        // No room made first: the table grows, and places every entry again, many times.
        let mut seen = SeenEmails::default();
        for n in 0..3000u32 {
            assert_eq!(seen.first_row(&format!("user{n}@example.com"), n + 2), None);
        }
        for n in (0..3000u32).rev() {
            let again = seen.first_row(&format!("USER{n}@Example.COM"), 9999);
            assert_eq!(again, Some(n + 2));
        }
        assert_eq!(seen.entries.len(), 3000);
        seen.clear();
        assert_eq!(seen.first_row("user7@example.com", 2), None);
        assert_eq!(seen.entries.len(), 1);
    }

    #[test]
    fn different_addresses_with_one_hash_are_told_apart() {
        let mut seen = SeenEmails::default();
        // Room first: growing would place every entry by its own key's hash again.
        seen.reserve(16);
        // An earlier key in the table under the hash of another: what a clash looks like.
        seen.keys.push_str("bob@example.com");
        seen.entries.push(Seen {
            start: 0,
            len: 15,
            row: 2,
        });
        let hash = seen.seed.hash("ada@example.com");
        seen.first.insert_unique(hash, 0, |_| hash);
        assert_eq!(seen.first_row("Ada@Example.com", 3), None);
        assert_eq!(seen.entries.len(), 2);
        assert_eq!(seen.last_key(), "ada@example.com");
        assert_eq!(seen.first_row("ADA@example.com", 4), Some(3));
        assert_eq!(seen.first_row("bob@example.com", 5), None);
        assert_eq!(seen.last_key(), "bob@example.com");
        assert_eq!(seen.first_row("BOB@EXAMPLE.COM", 6), Some(5));
        assert_eq!(seen.keys, "bob@example.comada@example.combob@example.com");
    }
}
