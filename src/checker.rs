//! [`Checker`]: options and the buffers one file's check leaves for the next, held by
//! the caller.

use crate::engine::{self, Reuse};
use crate::error::RowErrors;
use crate::model::format::Format;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::report::Report;

/// [`Options`] with the buffers that checking a file fills, kept for the next file: for
/// a worker that checks many uploads one after another.
///
/// [`Options::parse`] and [`Options::check`] make their buffers anew for every file and
/// free them after. A `Checker` keeps them, emptied (no user's data stays behind), and
/// only while they are small (those of about a thousand users): the list of users, the
/// index of emails seen, and the CSV parsers, whose state machines cost as much to build
/// as reading a few hundred rows. The answers are exactly those of its options.
///
/// The crate keeps nothing between calls itself: no thread keeps buffers behind the
/// caller's back. A `Checker` is `Send`: a service can keep one per worker thread, or
/// make one per batch.
///
/// ```
/// use bulk_users::{Checker, Format, Options};
///
/// let mut checker = Checker::new(Options::new().default_site("Paris"));
/// for upload in ["User name*,Email*\nAda,ada@example.com\n", "Name,Email\nBob,bob@example.com\n"] {
///     let users = checker.parse(upload.as_bytes(), Format::Csv)?;
///     assert_eq!(users[0].site, "Paris");
/// }
/// # Ok::<(), bulk_users::RowErrors>(())
/// ```
pub struct Checker {
    options: Options,
    /// On the heap: the parsers' state machines make it several kilobytes, and held in a
    /// caller's stack frame it measured 15 % slower (criterion `checker/csv/500`).
    reuse: Box<Reuse>,
}

impl Checker {
    /// A checker with these options and no buffers yet.
    pub fn new(options: Options) -> Self {
        Checker {
            options,
            reuse: Box::default(),
        }
    }

    /// The options it checks with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// [`Options::parse`], reusing the buffers.
    ///
    /// # Errors
    ///
    /// [`RowErrors`] with every problem found, ordered by row then column.
    pub fn parse(&mut self, bytes: &[u8], format: Format) -> Result<Vec<NewUser>, RowErrors> {
        engine::parse(&self.options, Some(&mut self.reuse), bytes, format)
    }

    /// [`Options::check`], reusing the buffers.
    pub fn check(&mut self, bytes: &[u8], format: Format) -> Report {
        engine::check(&self.options, &mut self.reuse, bytes, format)
    }
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl From<Options> for Checker {
    fn from(options: Options) -> Self {
        Checker::new(options)
    }
}
