//! [`Checker`]: options held for many files, kept so that code written against it
//! still builds.

use crate::error::RowErrors;
use crate::model::format::Format;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::report::Report;

/// [`Options`] held for many files.
///
/// A `Checker` used to keep its buffers from one file to the next; measured, that saved
/// nothing a service would notice, and the crate now keeps nothing between files. It
/// answers exactly as [`Options::parse`] and [`Options::check`] do: call those instead.
#[deprecated(
    since = "0.1.0",
    note = "a Checker keeps nothing between files: call Options::parse and Options::check"
)]
#[derive(Debug, Clone)]
pub struct Checker {
    options: Options,
}

#[allow(deprecated)]
impl Checker {
    /// A checker with these options.
    pub fn new(options: Options) -> Self {
        Checker { options }
    }

    /// The options it checks with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// [`Options::parse`].
    ///
    /// # Errors
    ///
    /// [`RowErrors`] with every problem found, ordered by row then column.
    pub fn parse(&mut self, bytes: &[u8], format: Format) -> Result<Vec<NewUser>, RowErrors> {
        self.options.parse(bytes, format)
    }

    /// [`Options::check`].
    pub fn check(&mut self, bytes: &[u8], format: Format) -> Report {
        self.options.check(bytes, format)
    }
}

#[allow(deprecated)]
impl From<Options> for Checker {
    fn from(options: Options) -> Self {
        Checker::new(options)
    }
}
