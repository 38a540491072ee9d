//! Each limit at its bound and one past it.

use bulk_users::{ErrorCode, Format, Options, MAX_BYTES, MAX_ROWS};

use crate::support::{assert_errors, csv, xlsx, HEADER};

fn users(count: usize) -> Vec<Vec<String>> {
    (0..count)
        .map(|i| vec![format!("User {i}"), format!("user{i}@example.com")])
        .collect()
}

fn grid_of(rows: &[Vec<String>], blank_every: usize) -> Vec<Vec<String>> {
    let mut grid = vec![HEADER.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    for (i, row) in rows.iter().enumerate() {
        if blank_every > 0 && i % blank_every == 0 {
            grid.push(Vec::new());
        }
        grid.push(row.clone());
    }
    grid
}

fn as_refs(grid: &[Vec<String>]) -> Vec<Vec<&str>> {
    grid.iter()
        .map(|row| row.iter().map(String::as_str).collect())
        .collect()
}

fn formats(grid: &[Vec<String>]) -> [(Format, Vec<u8>); 2] {
    let refs = as_refs(grid);
    let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    [(Format::Csv, csv(&slices)), (Format::Xlsx, xlsx(&slices))]
}

#[test]
fn five_hundred_users_pass_with_blank_rows_between() {
    let grid = grid_of(&users(500), 100);
    for (format, bytes) in formats(&grid) {
        let parsed = bulk_users::parse(&bytes, format);
        assert_eq!(parsed.map(|u| u.len()), Ok(500), "{format}");
    }
}

#[test]
fn the_501st_user_is_too_many_at_its_own_row() {
    // Blank rows count in the numbering but not toward the 500: one before every 100
    // users puts the 501st user on row 1 + 501 + 6 = 508.
    let grid = grid_of(&users(501), 100);
    for (format, bytes) in formats(&grid) {
        assert_errors(&bytes, format, &[(Some(508), None, "too_many_rows")]);
    }
}

#[test]
fn reading_stops_at_the_limit() {
    // A row past the limit with an error is never looked at.
    let mut grid = grid_of(&users(502), 0);
    if let Some(last) = grid.last_mut() {
        last[1] = "not an email".to_owned();
    }
    for (format, bytes) in formats(&grid) {
        assert_errors(&bytes, format, &[(Some(502), None, "too_many_rows")]);
    }
}

#[test]
fn errors_before_the_limit_are_kept() {
    let mut grid = grid_of(&users(501), 0);
    grid[2][1] = "broken".to_owned();
    for (format, bytes) in formats(&grid) {
        assert_errors(
            &bytes,
            format,
            &[
                (Some(3), Some("Email"), "invalid_email"),
                (Some(502), None, "too_many_rows"),
            ],
        );
    }
}

/// A valid CSV padded with trailing blank lines to exactly `len` bytes.
fn csv_of_len(len: usize) -> Vec<u8> {
    let mut bytes = b"User name*,Email*\r\nAda,ada@example.com\r\n".to_vec();
    bytes.resize(len, b'\n');
    bytes
}

#[test]
fn ten_mib_pass_the_size_check_and_one_byte_more_fails() {
    let at_limit = csv_of_len(MAX_BYTES);
    assert_eq!(at_limit.len(), 10_485_760);
    assert_eq!(
        bulk_users::parse(&at_limit, Format::Csv).map(|u| u.len()),
        Ok(1)
    );
    let past = csv_of_len(MAX_BYTES + 1);
    assert_errors(&past, Format::Csv, &[(None, None, "file_too_large")]);
    assert_errors(&past, Format::Xlsx, &[(None, None, "file_too_large")]);
}

#[test]
fn row_and_byte_limits_are_options() {
    let grid = grid_of(&users(3), 0);
    for (format, bytes) in formats(&grid) {
        let options = Options::new().max_rows(3);
        assert_eq!(options.parse(&bytes, format).map(|u| u.len()), Ok(3));
        let errors = Options::new()
            .max_rows(2)
            .parse(&bytes, format)
            .unwrap_err();
        assert_eq!(errors[0].row, Some(4));
        let errors = Options::new()
            .max_bytes(bytes.len() - 1)
            .parse(&bytes, format)
            .unwrap_err();
        assert_eq!(errors[0].code.as_str(), "file_too_large");
        let options = Options::new().max_bytes(bytes.len());
        assert_eq!(options.parse(&bytes, format).map(|u| u.len()), Ok(3));
    }
    assert_eq!(MAX_ROWS, 500);
}

#[test]
fn check_refuses_a_file_over_the_limit_whole() {
    // "Import unless a file-level error" must never import the first rows of a file
    // that is too long.
    for (format, bytes) in formats(&grid_of(&users(600), 0)) {
        let report = Options::new().max_rows(500).check(&bytes, format);
        assert!(report.users.is_empty(), "{format}");
        let codes: Vec<_> = report.errors.iter().map(|e| (e.row, e.code)).collect();
        assert_eq!(codes, [(Some(502), ErrorCode::TooManyRows)], "{format}");
        assert!(report.errors.iter().all(|e| e.code.is_file_level()));
        assert!(!report.is_valid());
    }
}

#[test]
fn the_too_large_refusal_without_the_bytes_is_the_one_parse_gives() {
    for language in bulk_users::Language::ALL {
        let options = Options::new().max_bytes(100).language(language);
        let upload = vec![b'a'; 101];
        let parsed = options.parse(&upload, Format::Csv).unwrap_err();
        assert_eq!(options.file_too_large(Some(101)), parsed, "{language:?}");
        let unknown = options.file_too_large(None);
        assert_eq!(unknown[0].code, ErrorCode::FileTooLarge);
        assert_ne!(unknown[0].message, parsed[0].message);
        assert!(unknown[0].message.contains("100"), "{}", unknown[0].message);
    }
}
