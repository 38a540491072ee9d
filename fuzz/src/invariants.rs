//! The invariants of `parse`, shared by the fuzz targets and the replay test
//! (`tests/integration/replay.rs` includes this file), so a crash or a broken promise
//! found once is checked the same way forever.

use bulk_users::{ErrorCode, Format, Options};

/// The format a fuzz input is parsed as, from its first byte.
pub fn format_for(first: u8) -> Format {
    Format::ALL[usize::from(first) % Format::ALL.len()]
}

/// Parses `bytes` as `format` and panics if any promise of the crate is broken:
/// - whatever parses is at most the row limit, and writes out as CSV and as the .xlsx
///   template and parses back to the very same users (so every user satisfies every
///   rule);
/// - whatever fails carries at least one error, each with a non-empty message, a row
///   that is null exactly for whole-file problems and otherwise inside the file, and the
///   errors in row order.
pub fn check(bytes: &[u8], format: Format) {
    let options = Options::new();
    match options.parse(bytes, format) {
        Ok(users) => {
            assert!(!users.is_empty() && users.len() <= 500, "{} users", users.len());
            let csv = options.write_csv_template_with(&users);
            assert_eq!(options.parse(&csv, Format::Csv).as_ref(), Ok(&users), "CSV round trip");
            let xlsx = options.write_template_with(&users).expect("valid users fit the template");
            assert_eq!(options.parse(&xlsx, Format::Xlsx).as_ref(), Ok(&users), "XLSX round trip");
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            let max_row = match format {
                Format::Csv => u32::try_from(bytes.len()).unwrap_or(u32::MAX).saturating_add(1),
                _ => 1_048_576,
            };
            let mut previous = 0;
            for error in errors.iter() {
                assert!(!error.message.trim().is_empty(), "{error:?}");
                assert!(ErrorCode::ALL.contains(&error.code));
                assert_eq!(error.row.is_none(), error.code.is_file_level(), "{error:?}");
                if let Some(row) = error.row {
                    assert!(row >= 1 && row <= max_row, "row {row} outside the file: {error:?}");
                    assert!(row >= previous, "errors out of order");
                    previous = row;
                }
            }
        }
    }
}
