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

/// The grid in every format a test should agree on: CSV, XLSX and ODS.
pub fn every_format(grid: Grid) -> [(Format, Vec<u8>); 3] {
    [
        (Format::Csv, csv(grid)),
        (Format::Xlsx, xlsx(grid)),
        (Format::Ods, ods(grid)),
    ]
}

/// The grid as an .ods with one table named `Users`, its cells written as LibreOffice
/// writes text cells: runs of spaces as `text:s`, tabs and line breaks as elements.
pub fn ods(grid: Grid) -> Vec<u8> {
    let mut rows = String::new();
    for row in grid {
        rows.push_str("<table:table-row>");
        for value in row.iter() {
            if value.is_empty() {
                rows.push_str("<table:table-cell/>");
            } else {
                rows.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                    ods_text(value)
                ));
            }
        }
        rows.push_str("</table:table-row>");
    }
    raw_ods(&[RawTable {
        name: "Users",
        hidden: false,
        rows: &rows,
    }])
}

/// An .ods string cell holding `text` (written as XML already) in one paragraph.
pub fn text_cell(text: &str) -> String {
    string_cell(&format!("<text:p>{text}</text:p>"))
}

/// An .ods string cell whose content is `xml`: its paragraphs and whatever else.
pub fn string_cell(xml: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string">{xml}</table:table-cell>"#)
}

/// Text as it stands inside an ODF paragraph.
pub fn ods_text(value: &str) -> String {
    let mut out = String::new();
    let mut spaces = 0usize;
    let flush = |out: &mut String, spaces: &mut usize, at_start: bool| {
        if *spaces > 0 {
            let literal = usize::from(!at_start);
            out.push_str(&" ".repeat(literal));
            if *spaces > literal {
                out.push_str(&format!(r#"<text:s text:c="{}"/>"#, *spaces - literal));
            }
            *spaces = 0;
        }
    };
    for c in value.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        let at_start = out.is_empty();
        flush(&mut out, &mut spaces, at_start);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' => out.push_str("<text:tab/>"),
            '\n' => out.push_str("<text:line-break/>"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    if spaces > 0 {
        out.push_str(&format!(r#"<text:s text:c="{spaces}"/>"#));
    }
    out
}

/// One table of a hand-written .ods: its name, whether it is hidden, and the XML of its
/// rows.
pub struct RawTable<'a> {
    pub name: &'a str,
    pub hidden: bool,
    pub rows: &'a str,
}

/// The `content.xml` of an .ods holding `tables`.
pub fn ods_content(tables: &[RawTable]) -> String {
    let mut body = String::new();
    for table in tables {
        let style = if table.hidden { "hidden" } else { "shown" };
        body.push_str(&format!(
            r#"<table:table table:name="{}" table:style-name="{style}"><table:table-column/>{}</table:table>"#,
            table.name, table.rows
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:automatic-styles><style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
    )
}

/// A minimal .ods written by hand, with the parts LibreOffice needs to open it.
pub fn raw_ods(tables: &[RawTable]) -> Vec<u8> {
    ods_package(&ods_content(tables), None)
}

/// An .ods package around `content`; `manifest` replaces the usual manifest.
pub fn ods_package(content: &str, manifest: Option<&str>) -> Vec<u8> {
    ods_parts(content, manifest, None)
}

/// An .ods package around `content` and `styles` (the document's `styles.xml`).
pub fn ods_package_styled(content: &str, styles: &str) -> Vec<u8> {
    ods_parts(content, None, Some(styles))
}

fn ods_parts(content: &str, manifest: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).expect("start mimetype");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write mimetype");
    zip.start_file("META-INF/manifest.xml", deflated)
        .expect("start the manifest");
    let usual = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip.write_all(manifest.unwrap_or(usual).as_bytes())
        .expect("write the manifest");
    zip.start_file("content.xml", deflated)
        .expect("start content.xml");
    zip.write_all(content.as_bytes())
        .expect("write content.xml");
    if let Some(styles) = styles {
        zip.start_file("styles.xml", deflated)
            .expect("start styles.xml");
        zip.write_all(styles.as_bytes()).expect("write styles.xml");
    }
    zip.finish().expect("finish the zip").into_inner()
}

/// A user, briefly.
pub fn user(name: &str, email: &str, user_type: UserType, site: &str) -> NewUser {
    NewUser::new(name, email, user_type, site)
}

/// Each user as `(name, user type, site)`: what a test of values read from a file
/// compares.
pub fn names_types_sites(users: &[NewUser]) -> Vec<(&str, UserType, &str)> {
    users
        .iter()
        .map(|u| (u.name.as_str(), u.user_type, u.site.as_str()))
        .collect()
}

/// The errors as `(row, code, value)`: where, what, and the value the person sees.
pub fn valued(errors: &[bulk_users::RowError]) -> Vec<(Option<u32>, &str, Option<&str>)> {
    errors
        .iter()
        .map(|e| (e.row, e.code.as_str(), e.value.as_deref()))
        .collect()
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
    raw_xlsx_with_tail(sheets, shared_strings, "")
}

/// One visible sheet named `Users`, its rows written by hand.
pub fn users_sheet(rows: &str) -> RawSheet<'_> {
    RawSheet {
        name: "Users",
        state: "visible",
        rows,
    }
}

/// One `Users` sheet written by hand, with `<mergeCells>` after its rows as Excel writes
/// them: `merges` are range references such as `D2:D5`.
pub fn raw_xlsx_merged(rows: &str, shared_strings: Option<&str>, merges: &[&str]) -> Vec<u8> {
    let list: String = merges
        .iter()
        .map(|r| format!(r#"<mergeCell ref="{r}"/>"#))
        .collect();
    let tail = format!(
        r#"<mergeCells count="{}">{list}</mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#,
        merges.len()
    );
    raw_xlsx_with_tail(&[users_sheet(rows)], shared_strings, &tail)
}

/// [`raw_xlsx`], with `tail` after every sheet's `</sheetData>`.
pub fn raw_xlsx_with_tail(
    sheets: &[RawSheet],
    shared_strings: Option<&str>,
    tail: &str,
) -> Vec<u8> {
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
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData>{tail}</worksheet>"#,
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

/// The text of part `name` of a zip package.
pub fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The bytes of `tests/data/{name}`.
pub fn data_file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}
