//! The one integration test binary: every module below is a concern of the contract.

mod codes;
mod corpus;
mod csv_files;
mod limits;
mod messages;
mod properties;
mod support;
mod template;
mod xlsx_files;
