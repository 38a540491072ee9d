//! The invariants of `parse`, shared by the fuzz targets and the replay test
//! (`tests/integration/replay.rs` includes this file), so a crash or a broken promise
//! found once is checked the same way forever.

use bulk_users::{ErrorCode, Format, Options};
use std::io::Write;

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
///   errors in row order;
/// - the upload as a grid ([`Options::table`]) writes out as CSV and reads back as the
///   same grid (less rows left with no value), and is never longer than twice the limit.
pub fn check(bytes: &[u8], format: Format) {
    let options = Options::new();
    let report = options.check(bytes, format);
    if let Some(mut table) = options.table(&report, bytes, format) {
        assert!(table.rows.len() <= 1000, "{} rows", table.rows.len());
        let csv = table.to_csv();
        let again = options.check(&csv, Format::Csv);
        let read = options.table(&again, &csv, Format::Csv);
        table
            .rows
            .retain(|row| row.values().iter().any(|value| !value.is_empty()));
        for row in &mut table.rows {
            for value in [
                &mut row.name,
                &mut row.email,
                &mut row.user_type,
                &mut row.site,
            ] {
                *value = value.replace('\0', "\u{FFFD}");
            }
        }
        assert_eq!(read.as_ref(), Some(&table), "grid round trip");
    }
    match options.parse(bytes, format) {
        Ok(users) => {
            assert!(
                !users.is_empty() && users.len() <= 500,
                "{} users",
                users.len()
            );
            let csv = options.write_csv_template_with(&users);
            assert_eq!(
                options.parse(&csv, Format::Csv).as_ref(),
                Ok(&users),
                "CSV round trip"
            );
            let xlsx = options
                .write_template_with(&users)
                .expect("valid users fit the template");
            assert_eq!(
                options.parse(&xlsx, Format::Xlsx).as_ref(),
                Ok(&users),
                "XLSX round trip"
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            let max_row = match format {
                Format::Csv => u32::try_from(bytes.len())
                    .unwrap_or(u32::MAX)
                    .saturating_add(1),
                _ => 1_048_576,
            };
            let mut previous = 0;
            for error in errors.iter() {
                assert!(!error.message.trim().is_empty(), "{error:?}");
                assert!(ErrorCode::ALL.contains(&error.code));
                // Whole-file problems have no row; too_many_rows refuses the whole file
                // and names the first row over the limit.
                let rowless = error.row.is_none();
                assert!(!rowless || error.code.is_file_level(), "{error:?}");
                assert!(
                    rowless || !error.code.is_file_level() || error.code == ErrorCode::TooManyRows,
                    "{error:?}"
                );
                if let Some(row) = error.row {
                    assert!(
                        row >= 1 && row <= max_row,
                        "row {row} outside the file: {error:?}"
                    );
                    assert!(row >= previous, "errors out of order");
                    previous = row;
                }
            }
        }
    }
}

/// Builds a workbook around fuzzed XML parts, so that the fuzzer works on the sheet and
/// shared strings rather than on the zip container.
#[allow(dead_code)]
pub fn workbook(
    sheet: &str,
    shared_strings: Option<&str>,
    styles: Option<&str>,
    deflate: bool,
) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut parts: Vec<(&str, String)> = vec![
        ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet.to_owned()),
    ];
    if let Some(strings) = shared_strings {
        parts.push(("xl/sharedStrings.xml", strings.to_owned()));
    }
    if let Some(styles) = styles {
        parts.push(("xl/styles.xml", styles.to_owned()));
    }
    for (name, body) in parts {
        if zip.start_file(name, options).is_err() || zip.write_all(body.as_bytes()).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// The input of the `parse_xlsx` target as a workbook: the bytes up to the first `0xFF`
/// are the sheet's XML, up to the second the shared strings, the rest the styles; the
/// first byte's low bit chooses deflate or stored.
pub fn workbook_from_fuzz(data: &[u8]) -> Vec<u8> {
    let deflate = data.first().is_some_and(|b| b & 1 == 1);
    let mut parts = data.get(1..).unwrap_or_default().splitn(3, |&b| b == 0xFF);
    let text = |part: Option<&[u8]>| part.map(|p| String::from_utf8_lossy(p).into_owned());
    let sheet = text(parts.next()).unwrap_or_default();
    let strings = text(parts.next());
    let styles = text(parts.next());
    workbook(&sheet, strings.as_deref(), styles.as_deref(), deflate)
}

/// The input of the `parse_ods` target as an OpenDocument spreadsheet: the bytes up to
/// the first `0xFF` are the `content.xml`, the rest the manifest; the first byte's low
/// bit chooses deflate or stored.
pub fn ods_from_fuzz(data: &[u8]) -> Vec<u8> {
    let deflate = data.first().is_some_and(|b| b & 1 == 1);
    let mut parts = data.get(1..).unwrap_or_default().splitn(2, |&b| b == 0xFF);
    let content = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let manifest = parts
        .next()
        .map(|p| String::from_utf8_lossy(p).into_owned());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let mut parts: Vec<(&str, &[u8])> = vec![
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ];
    if let Some(manifest) = &manifest {
        parts.push(("META-INF/manifest.xml", manifest.as_bytes()));
    }
    for (name, body) in parts {
        if zip.start_file(name, options).is_err() || zip.write_all(body).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}
