//! The facts of the crate, defined once: columns, users, formats, codes, problems and the
//! size of a sheet. Imports nothing of the crate.

pub(crate) mod codepage;
pub(crate) mod codes;
pub(crate) mod column;
pub(crate) mod format;
pub(crate) mod problem;
pub(crate) mod sheet;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod user;
