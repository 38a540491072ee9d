//! Hostile input, generated here and never stored: each is answered with an error or a
//! result, with a bounded peak allocation. `cargo test --release hostile -- --nocapture`
//! prints the figures.

use std::io::Write;

use bulk_users::{ErrorCode, Format};

use crate::alloc::{measure, MIB};
use crate::support::{raw_xlsx, RawSheet};

/// The bound the contract sets on one upload: 256 MiB, whatever the input.
const PEAK_LIMIT: usize = 256 * MIB;

/// Parses `bytes`, prints what it cost, asserts the bound and returns the first error.
#[track_caller]
fn answer(name: &str, bytes: &[u8], format: Format) -> Result<usize, (ErrorCode, String)> {
    assert!(
        bytes.len() <= bulk_users::MAX_BYTES,
        "{name}: the input itself is too large"
    );
    let (result, cost) = measure(|| bulk_users::parse(bytes, format));
    println!(
        "{name}: {} bytes in, peak {:.1} MiB, {:?}",
        bytes.len(),
        cost.peak as f64 / MIB as f64,
        cost.elapsed
    );
    assert!(cost.peak < PEAK_LIMIT, "{name}: peak {} bytes", cost.peak);
    result
        .map(|users| users.len())
        .map_err(|errors| (errors[0].code, errors[0].message.clone()))
}

/// A workbook whose one sheet is `prefix`, then `filler` repeated `times`, then `suffix`,
/// deflated as it is written: a few MiB that inflate to gigabytes.
fn bomb(
    part: &str,
    prefix: &str,
    filler: &[u8],
    times: usize,
    suffix: &str,
    other: Option<(&str, String)>,
) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    let skeleton = raw_xlsx(
        &[RawSheet {
            name: "Users",
            state: "visible",
            rows: "",
        }],
        Some(""),
    );
    // Every part of a small valid workbook but the one blown up.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(skeleton)).unwrap();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        if name == part || other.as_ref().is_some_and(|(n, _)| *n == name) {
            continue;
        }
        zip.raw_copy_file(file).unwrap();
    }
    if let Some((name, body)) = other {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.start_file(part, options).unwrap();
    zip.write_all(prefix.as_bytes()).unwrap();
    for _ in 0..times {
        zip.write_all(filler).unwrap();
    }
    zip.write_all(suffix.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn expect_too_expanded(result: Result<usize, (ErrorCode, String)>) {
    let (code, message) = result.unwrap_err();
    assert_eq!(code, ErrorCode::UnreadableFile);
    assert!(
        message.starts_with("The workbook expands to more than 32 MiB"),
        "{message}"
    );
}

#[test]
fn a_sheet_that_inflates_past_a_gibibyte() {
    let row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"
        .repeat(1000);
    let times = (1 << 30) / row.len() + 1;
    let bytes = bomb(
        "xl/worksheets/sheet1.xml",
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>User name</t></is></c><c t="inlineStr"><is><t>Email</t></is></c></row>"#,
        row.as_bytes(),
        times,
        "</sheetData></worksheet>",
        None,
    );
    // Rows of users: reading stops at the row limit, long before the budget.
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    assert_eq!(
        errors.len(),
        501,
        "500 rows without an email, then the limit"
    );
    assert_eq!(errors[500].code, ErrorCode::TooManyRows);
    assert_eq!(errors[500].row, Some(502));
    answer("sheet bomb of user rows, 1 GiB", &bytes, Format::Xlsx).unwrap_err();

    // Styled empty rows count for nothing: the budget stops them.
    let blank =
        "<row><c s=\"1\"/><c s=\"1\"/><c s=\"1\"/><c s=\"1\"/><c s=\"1\"/></row>".repeat(1000);
    let bytes = bomb(
        "xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>",
        blank.as_bytes(),
        (1 << 30) / blank.len() + 1,
        "</sheetData></worksheet>",
        None,
    );
    expect_too_expanded(answer(
        "sheet bomb of empty rows, 1 GiB",
        &bytes,
        Format::Xlsx,
    ));
}

#[test]
fn one_cell_that_inflates_past_a_gibibyte() {
    let bytes = bomb(
        "xl/worksheets/sheet1.xml",
        r#"<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>"#,
        &[b'a'; 1 << 20],
        1024,
        "</t></is></c></row></sheetData></worksheet>",
        None,
    );
    expect_too_expanded(answer("single-cell bomb, 1 GiB", &bytes, Format::Xlsx));
}

#[test]
fn shared_strings_that_inflate_past_500_mib() {
    let sheet = r#"<worksheet><sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row r="2"><c t="s"><v>900000</v></c></row></sheetData></worksheet>"#;
    let item =
        "<si><t>Ada Lovelace, Grace Hopper, Alan Turing, Edsger Dijkstra</t></si>".repeat(1000);
    let bytes = bomb(
        "xl/sharedStrings.xml",
        "<sst><si><t>User name</t></si><si><t>Email</t></si>",
        item.as_bytes(),
        (500 << 20) / item.len() + 1,
        "</sst>",
        Some(("xl/worksheets/sheet1.xml", sheet.to_owned())),
    );
    expect_too_expanded(answer("sharedStrings bomb, 500 MiB", &bytes, Format::Xlsx));
}

#[test]
fn xml_entity_expansion_is_never_performed() {
    let mut entities = String::from("<!ENTITY a0 \"lol\">");
    for i in 1..10 {
        entities.push_str(&format!(
            "<!ENTITY a{i} \"{}\">",
            format!("&a{};", i - 1).repeat(10)
        ));
    }
    let strings = format!(
        "<!DOCTYPE sst [{entities}]><sst><si><t>User name</t></si><si><t>&a9;</t></si></sst>"
    );
    let sheet = r#"<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>"#;
    let bytes = raw_xlsx(
        &[RawSheet {
            name: "Users",
            state: "visible",
            rows: sheet,
        }],
        Some(&strings),
    );
    let (code, _) = answer("billion laughs", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(code, ErrorCode::UnreadableFile);
}

#[test]
fn a_header_of_16384_columns() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for c in 0..16_384u16 {
        sheet.write_string(0, c, format!("Column {c}")).unwrap();
    }
    sheet.write_string(1, 0, "Ada").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    // Twenty unknown columns one by one, one that counts the rest, two missing columns.
    assert_eq!(errors.len(), 23, "{errors}");
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.code == ErrorCode::UnknownColumn)
            .count(),
        21
    );
    assert!(errors
        .iter()
        .any(|e| e.message.starts_with("16364 more header cells")));
    answer("16,384 columns", &bytes, Format::Xlsx).unwrap_err();
}

#[test]
fn a_nine_mib_cell() {
    let mut csv = b"User name*,Email*\n".to_vec();
    csv.extend(std::iter::repeat_n(b'a', 9 * MIB));
    csv.extend_from_slice(b",ada@example.com\n");
    let (code, _) = answer("9 MiB cell (CSV)", &csv, Format::Csv).unwrap_err();
    assert_eq!(code, ErrorCode::ValueTooLong);

    let cell = format!(
        r#"<row r="1"><c t="inlineStr"><is><t>User name</t></is></c><c t="inlineStr"><is><t>Email</t></is></c></row><row r="2"><c t="inlineStr"><is><t>{}</t></is></c></row>"#,
        "a".repeat(9 * MIB)
    );
    let bytes = raw_xlsx(
        &[RawSheet {
            name: "Users",
            state: "visible",
            rows: &cell,
        }],
        None,
    );
    let (code, _) = answer("9 MiB cell (XLSX)", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(code, ErrorCode::ValueTooLong);
}

#[test]
fn ten_mib_of_one_unterminated_quote() {
    let mut csv = vec![b'"'];
    csv.extend(std::iter::repeat_n(b'x', bulk_users::MAX_BYTES - 1));
    // One header cell of 10 MiB: not a known column, so both required ones are missing,
    // and there are no users.
    let (code, _) = answer("10 MiB unterminated quote", &csv, Format::Csv).unwrap_err();
    assert_eq!(code, ErrorCode::NoRows);
    let errors = bulk_users::parse(&csv, Format::Csv).unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "no_rows",
            "missing_column",
            "missing_column",
            "unknown_column"
        ]
    );
}

#[test]
fn two_million_empty_lines() {
    let mut csv = vec![b'\n'; 2_000_000];
    csv.extend_from_slice(b"User name*,Email*\nAda,ada@example.com\n");
    assert_eq!(answer("2 million empty lines", &csv, Format::Csv), Ok(1));
    let users = bulk_users::parse(&csv, Format::Csv).unwrap();
    assert_eq!(users[0].email, "ada@example.com");
    let errors = bulk_users::parse(&[csv.as_slice(), b"Bob,\n"].concat(), Format::Csv).unwrap_err();
    assert_eq!(errors[0].row, Some(2_000_003));
}

#[test]
fn a_million_short_fields_on_one_line() {
    let mut csv = b"User name*,Email*\nAda,ada@example.com".to_vec();
    csv.extend(",x".repeat(1_000_000).bytes());
    let (code, message) = answer("1,000,000 extra fields", &csv, Format::Csv).unwrap_err();
    assert_eq!(code, ErrorCode::ExtraValue);
    assert_eq!(
        message,
        "Column C (and at least 16382 more columns) has a value but no header. Delete the value, or give the column a header."
    );
}

#[test]
fn deep_nesting_in_the_sheet_xml() {
    let depth = 500_000;
    let rows = format!(
        r#"<row r="1"><c t="inlineStr"><is><t>User name</t></is></c><c t="inlineStr"><is><t>Email</t></is></c></row>{}{}"#,
        "<x>".repeat(depth),
        "</x>".repeat(depth)
    );
    let bytes = raw_xlsx(
        &[RawSheet {
            name: "Users",
            state: "visible",
            rows: &rows,
        }],
        None,
    );
    let (code, _) = answer("500,000 nested elements", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(code, ErrorCode::NoRows);
}

#[test]
fn rows_outside_the_sheet_are_a_damaged_file() {
    let rows = r#"<row r="4294967295"><c t="inlineStr"><is><t>User name</t></is></c></row>"#;
    let bytes = raw_xlsx(
        &[RawSheet {
            name: "Users",
            state: "visible",
            rows,
        }],
        None,
    );
    let (code, _) = answer("row 4294967295", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(code, ErrorCode::UnreadableFile);
}
