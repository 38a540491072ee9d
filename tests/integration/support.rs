//! Fixtures built in code, and assertions that say what differed.

use bulk_users::{Format, NewUser, RowErrors, UserType};
use rust_xlsxwriter::Workbook;

/// A grid of cells; an empty string is an empty cell, an empty row a blank row.
pub type Grid<'a> = &'a [&'a [&'a str]];

/// The grid as RFC 4180 CSV, written by the csv crate.
pub fn csv(grid: Grid) -> Vec<u8> {
    csv_with(grid, b',')
}

/// The grid as delimited text with `delimiter`.
pub fn csv_with(grid: Grid, delimiter: u8) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for row in grid {
        if row.is_empty() {
            writer.write_record([""]).expect("write a blank row");
        } else {
            writer.write_record(*row).expect("write a row");
        }
    }
    writer.into_inner().expect("flush the csv writer")
}

/// The grid as an .xlsx workbook with one sheet named `Users`, written by
/// rust_xlsxwriter; empty strings are left out, as a spreadsheet leaves empty cells out.
pub fn xlsx(grid: Grid) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Users").expect("name the sheet");
    for (r, row) in (0u32..).zip(grid) {
        for (c, value) in (0u16..).zip(row.iter()) {
            if !value.is_empty() {
                sheet.write_string(r, c, *value).expect("write a cell");
            }
        }
    }
    workbook.save_to_buffer().expect("save the workbook")
}

/// The grid in every format a test should agree on.
pub fn both(grid: Grid) -> [(Format, Vec<u8>); 2] {
    [(Format::Csv, csv(grid)), (Format::Xlsx, xlsx(grid))]
}

/// A user, briefly.
pub fn user(name: &str, email: &str, user_type: UserType, site: &str) -> NewUser {
    NewUser {
        name: name.to_owned(),
        email: email.to_owned(),
        user_type,
        site: site.to_owned(),
    }
}

/// The errors as `(row, column, code)`, the way the contract's tables read.
pub fn located(errors: &RowErrors) -> Vec<(Option<u32>, Option<&'static str>, &'static str)> {
    errors
        .iter()
        .map(|e| (e.row, e.column.map(|c| c.name()), e.code.as_str()))
        .collect()
}

/// Parses and expects exactly these errors.
#[track_caller]
pub fn assert_errors(
    bytes: &[u8],
    format: Format,
    expected: &[(Option<u32>, Option<&'static str>, &'static str)],
) {
    match bulk_users::parse(bytes, format) {
        Ok(users) => panic!("{format}: expected errors {expected:?}, got users {users:?}"),
        Err(errors) => assert_eq!(located(&errors), expected, "{format}: {errors}"),
    }
}

/// Parses and expects exactly these users.
#[track_caller]
pub fn assert_users(bytes: &[u8], format: Format, expected: &[NewUser]) {
    match bulk_users::parse(bytes, format) {
        Ok(users) => assert_eq!(users, expected, "{format}"),
        Err(errors) => panic!("{format}: expected users, got {errors}"),
    }
}

/// The standard header of the template.
pub const HEADER: &[&str] = &["User name*", "Email*", "User type", "Site"];

/// One sheet of a hand-written workbook: its name, its state (`visible`, `hidden`) and
/// the XML inside `<sheetData>`.
pub struct RawSheet<'a> {
    pub name: &'a str,
    pub state: &'a str,
    pub rows: &'a str,
}

/// A minimal .xlsx written by hand, for what spreadsheet writers do that
/// rust_xlsxwriter does not: inline strings, sparse rows, odd sheet orders.
pub fn raw_xlsx(sheets: &[RawSheet], shared_strings: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, body: String| {
        zip.start_file(name, options).expect("start a zip entry");
        zip.write_all(body.as_bytes()).expect("write a zip entry");
    };
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, sheet) in (1..).zip(sheets) {
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        book.push_str(&format!(
            r#"<sheet name="{}" sheetId="{i}" state="{}" r:id="rId{i}"/>"#,
            sheet.name, sheet.state
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#));
    }
    if shared_strings.is_some() {
        types.push_str(r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#);
        rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#);
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    put("[Content_Types].xml", types);
    put("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned());
    put("xl/workbook.xml", book);
    put("xl/_rels/workbook.xml.rels", rels);
    for (i, sheet) in (1..).zip(sheets) {
        put(
            &format!("xl/worksheets/sheet{i}.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>"#,
                sheet.rows
            ),
        );
    }
    if let Some(strings) = shared_strings {
        put(
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>"#
            ),
        );
    }
    zip.finish().expect("finish the zip").into_inner()
}
