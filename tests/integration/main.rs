//! The one integration test binary: every module below is a concern of the contract.
//! It needs the default features (templates, serde, .xls).
#![cfg(all(feature = "template", feature = "serde", feature = "xls"))]

mod alloc;
mod codes;
mod conformance;
mod corpus;
mod csv_files;
mod customer;
mod errors_workbook;
mod excel;
mod hostile;
mod languages;
mod layers;
mod limits;
mod lists;
mod memory;
mod messages;
mod ods_files;
mod options;
mod peer_suites;
mod properties;
mod replay;
mod settings;
mod support;
mod table;
mod template;
mod xlsx_files;
