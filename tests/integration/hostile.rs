//! Hostile input, generated here and never stored: each is answered with an error or a
//! result, with a bounded peak allocation. `cargo test --release hostile -- --nocapture`
//! prints the figures.

use std::io::Write;

use bulk_users::{ErrorCode, Format};

use crate::alloc::{measure, MIB};
use crate::support::{raw_xlsx, users_sheet};

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
    within_bound(&format!("{name}: {} bytes in", bytes.len()), cost);
    result
        .map(|users| users.len())
        .map_err(|errors| (errors[0].code, errors[0].message.clone()))
}

/// Prints what `what` cost and asserts the bound.
#[track_caller]
fn within_bound(what: &str, cost: crate::alloc::Cost) {
    let peak = cost.peak as f64 / MIB as f64;
    println!("{what}, peak {peak:.1} MiB, {:?}", cost.elapsed);
    assert!(cost.peak < PEAK_LIMIT, "{what}: peak {} bytes", cost.peak);
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
    let skeleton = raw_xlsx(&[users_sheet("")], Some(""));
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
fn the_errors_workbook_of_a_rows_bomb_gives_the_check_s_verdict() {
    // 1 GiB of user rows: the check stops at the row limit; the errors workbook reads
    // on to keep every row it can, meets the budget, and still says what check says.
    let row = "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>"
        .repeat(1000);
    let bytes = bomb(
        "xl/worksheets/sheet1.xml",
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>User name</t></is></c><c t="inlineStr"><is><t>Email</t></is></c></row>"#,
        row.as_bytes(),
        (1 << 30) / row.len() + 1,
        "</sheetData></worksheet>",
        None,
    );
    let options = bulk_users::Options::new();
    let report = options.check(&bytes, Format::Xlsx);
    let last = report.errors.last().map(|e| (e.row, e.code));
    assert_eq!(last, Some((Some(502), ErrorCode::TooManyRows)));
    assert!(report.users.is_empty());

    let (workbook, cost) = measure(|| options.errors_xlsx(&bytes, Format::Xlsx));
    let workbook = workbook.unwrap();
    within_bound("errors workbook of a rows bomb", cost);
    crate::excel::assert_excel_opens(&workbook);
    let sheets = crate::errors_workbook::sheets(&workbook);
    let (name, problems) = &sheets[1];
    assert_eq!(name, "Problems");
    let lines: Vec<&[String]> = problems.iter().skip(1).map(Vec::as_slice).collect();
    assert_eq!(lines[0][0], "502", "the row limit, where check puts it");
    assert_eq!(
        lines[0][1],
        "The file has more than 500 users; this is the first row past the limit. Split the \
         users into files of at most 500 users each."
    );
    assert_eq!(
        lines[1][1],
        "The file is too large to show here with its problems: only rows up to 502 are \
         shown. Split it into smaller files and upload each."
    );
    assert_eq!(
        lines.len(),
        2,
        "nothing says the file expands too far: {lines:?}"
    );
    let (users_name, users) = &sheets[0];
    assert_eq!(users_name, "Users");
    assert_eq!(
        users.len(),
        502,
        "the rows the check read, up to the first past the limit"
    );

    // The same workbook from the report, without checking again.
    let from_report = options
        .errors_xlsx_from(&report, &bytes, Format::Xlsx)
        .unwrap();
    assert!(from_report == workbook, "the same workbook");
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
    let bytes = raw_xlsx(&[users_sheet(sheet)], Some(&strings));
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
    let bytes = raw_xlsx(&[users_sheet(&cell)], None);
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
    let bytes = raw_xlsx(&[users_sheet(&rows)], None);
    let (code, _) = answer("500,000 nested elements", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(code, ErrorCode::NoRows);
}

#[test]
fn rows_outside_the_sheet_are_a_damaged_file() {
    let rows = r#"<row r="4294967295"><c t="inlineStr"><is><t>User name</t></is></c></row>"#;
    let bytes = raw_xlsx(&[users_sheet(rows)], None);
    let (code, _) = answer("row 4294967295", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(code, ErrorCode::UnreadableFile);
}

/// An .ods whose `content.xml` is `prefix`, `filler` `times` over, then `suffix`,
/// deflated as it is written.
fn ods_bomb(prefix: &str, filler: &[u8], times: usize, suffix: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    zip.start_file("mimetype", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", options).unwrap();
    zip.write_all(prefix.as_bytes()).unwrap();
    for _ in 0..times {
        zip.write_all(filler).unwrap();
    }
    zip.write_all(suffix.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// The start of an .ods table whose first row is the header User name, Email.
const ODS_HEAD: &str = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Users"><table:table-row><table:table-cell><text:p>User name</text:p></table:table-cell><table:table-cell><text:p>Email</text:p></table:table-cell></table:table-row>"#;
const ODS_TAIL: &str =
    "</table:table></office:spreadsheet></office:body></office:document-content>";

fn ods_sheet(rows: &str) -> Vec<u8> {
    ods_bomb(&format!("{ODS_HEAD}{rows}{ODS_TAIL}"), b"", 0, "")
}

#[test]
fn an_ods_row_repeated_a_million_times_with_many_columns() {
    // The issue's 833-byte file: one row, repeated to the last row of the sheet, with a
    // value repeated over 16 (then 64, then 16,384) columns.
    for columns in [16, 64, 16_384] {
        let bytes = ods_sheet(&format!(
            r#"<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="{columns}"><text:p>x</text:p></table:table-cell></table:table-row>"#
        ));
        assert!(bytes.len() < 1024, "{} bytes", bytes.len());
        let errors = bulk_users::parse(&bytes, Format::Ods).unwrap_err();
        assert_eq!(
            errors.last().map(|e| (e.code, e.row)),
            Some((ErrorCode::TooManyRows, Some(502)))
        );
        answer(
            &format!("ods: 1,048,575 repeated rows x {columns} columns"),
            &bytes,
            Format::Ods,
        )
        .unwrap_err();
    }
}

#[test]
fn a_million_repeated_valid_rows_in_an_ods() {
    let bytes = ods_sheet(
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell><text:p>Ada</text:p></table:table-cell><table:table-cell><text:p>ada@example.com</text:p></table:table-cell></table:table-row>"#,
    );
    let errors = bulk_users::parse(&bytes, Format::Ods).unwrap_err();
    // The first copy is a user, the next 499 repeat its email, the 501st is over the limit.
    assert_eq!(errors.len(), 500);
    assert_eq!(errors[0].code, ErrorCode::DuplicateEmail);
    assert_eq!(errors[0].row, Some(3));
    assert_eq!(errors[499].code, ErrorCode::TooManyRows);
    assert_eq!(errors[499].row, Some(502));
    answer("ods: 1,000,000 repeated valid rows", &bytes, Format::Ods).unwrap_err();
}

#[test]
fn sixteen_million_repeated_columns_in_an_ods_header() {
    let bytes = ods_bomb(
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Users"><table:table-row><table:table-cell table:number-columns-repeated="16000000"><text:p>Phone</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Ada</text:p></table:table-cell></table:table-row>"#,
        b"",
        0,
        ODS_TAIL,
    );
    let errors = bulk_users::parse(&bytes, Format::Ods).unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
    // 16,384 unknown headers (twenty listed, then one for the rest) and a value past
    // the last column; both required columns missing.
    assert_eq!(
        codes.iter().filter(|&&c| c == "unknown_column").count(),
        21,
        "{errors}"
    );
    assert_eq!(
        codes.iter().filter(|&&c| c == "missing_column").count(),
        2,
        "{errors}"
    );
    answer(
        "ods: 16,000,000 repeated header columns",
        &bytes,
        Format::Ods,
    )
    .unwrap_err();
}

#[test]
fn a_hundred_million_blank_repeated_rows_before_a_user() {
    let bytes = ods_sheet(
        r#"<table:table-row table:number-rows-repeated="100000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell><text:p>Ada</text:p></table:table-cell><table:table-cell><text:p>ada@example.com</text:p></table:table-cell></table:table-row>"#,
    );
    let (code, message) = answer("ods: 100,000,000 blank rows", &bytes, Format::Ods).unwrap_err();
    assert_eq!(code, ErrorCode::UnreadableFile, "{message}");
    // Up to the sheet's last row is fine: blank rows cost nothing.
    let bytes = ods_sheet(
        r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell><text:p>Ada</text:p></table:table-cell><table:table-cell><text:p>ada@example.com</text:p></table:table-cell></table:table-row>"#,
    );
    assert_eq!(
        answer("ods: blank rows to the last row", &bytes, Format::Ods),
        Ok(1)
    );
}

#[test]
fn ods_spaces_and_copies_are_charged_to_the_budget() {
    let bytes = ods_sheet(
        r#"<table:table-row><table:table-cell><text:p>A<text:s text:c="4000000000"/>da</text:p></table:table-cell></table:table-row>"#,
    );
    expect_too_expanded(answer("ods: four billion spaces", &bytes, Format::Ods));
    // A long value repeated over every column of every row.
    let long = "a".repeat(60_000);
    let bytes = ods_sheet(&format!(
        r#"<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"><text:p>{long}</text:p></table:table-cell></table:table-row>"#
    ));
    expect_too_expanded(answer(
        "ods: 60 KB cell over 16,384 columns",
        &bytes,
        Format::Ods,
    ));
}

#[test]
fn an_ods_content_that_inflates_past_a_gibibyte() {
    let row = r#"<table:table-row><table:table-cell><text:p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</text:p></table:table-cell></table:table-row>"#
        .repeat(1000);
    let filler = "<text:p>".repeat(1000);
    let bytes = ods_bomb(
        ODS_HEAD,
        filler.as_bytes(),
        (1 << 30) / filler.len() + 1,
        ODS_TAIL,
    );
    expect_too_expanded(answer("ods: content bomb, 1 GiB", &bytes, Format::Ods));
    // Rows of users stop at the row limit long before the budget.
    let bytes = ods_bomb(
        ODS_HEAD,
        row.as_bytes(),
        (1 << 30) / row.len() + 1,
        ODS_TAIL,
    );
    let (code, _) = answer("ods: 1 GiB of user rows", &bytes, Format::Ods).unwrap_err();
    assert_eq!(code, ErrorCode::MissingValue);
}

/// An .xlsx of `rows`, with `merges` written after them, `times` times.
fn xlsx_with_merges(rows: &str, merge: &str, times: usize) -> Vec<u8> {
    bomb(
        "xl/worksheets/sheet1.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData><mergeCells>"#
        ),
        merge.as_bytes(),
        times,
        "</mergeCells></worksheet>",
        None,
    )
}

const XLSX_HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>User name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>"#;

#[test]
fn a_merged_range_over_the_whole_sheet_is_charged_to_the_budget() {
    // A 60 KB value in A2 merged over every cell of the sheet: only the rows read are
    // filled, and every copy counts against the budget.
    let long = "a".repeat(60_000);
    let rows = format!(
        r#"{XLSX_HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>{long}</t></is></c></row>{}"#,
        (3..=400)
            .map(|r| format!(r#"<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>u{r}@example.com</t></is></c></row>"#))
            .collect::<String>()
    );
    let bytes = xlsx_with_merges(&rows, r#"<mergeCell ref="A2:XFD1048576"/>"#, 1);
    expect_too_expanded(answer(
        "xlsx: 60 KB cell merged over the whole sheet",
        &bytes,
        Format::Xlsx,
    ));
    // The same range over a short value fits: every cell of the rows read shows it, the
    // Email cells included.
    let rows = format!(
        r#"{XLSX_HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>b@example.com</t></is></c></row>"#
    );
    let bytes = xlsx_with_merges(&rows, r#"<mergeCell ref="A2:XFD1048576"/>"#, 1);
    let (code, _) = answer(
        "xlsx: 1-byte cell merged over the whole sheet",
        &bytes,
        Format::Xlsx,
    )
    .unwrap_err();
    assert_eq!(code, ErrorCode::InvalidEmail);
}

#[test]
fn a_million_merged_ranges() {
    // Every range names a cell the rows hold, over and over: sorted once, deduplicated,
    // answered quickly. The merges alone inflate to about 26 MiB, within the budget.
    let rows = format!(
        r#"{XLSX_HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>ada@example.com</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>bob@example.com</t></is></c></row>"#
    );
    let bytes = xlsx_with_merges(&rows, r#"<mergeCell ref="A2:A3"/>"#, 1_000_000);
    assert_eq!(
        answer("xlsx: a million merged ranges", &bytes, Format::Xlsx),
        Ok(2)
    );
    // A million different ranges that each cover a few cells of the rows read.
    let mut filler = String::new();
    for i in 0..1_000u32 {
        filler.push_str(&format!(r#"<mergeCell ref="A{}:A{}"/>"#, 2, 3 + i % 700));
    }
    let bytes = xlsx_with_merges(&rows, &filler, 1_000);
    let result = answer("xlsx: a million overlapping ranges", &bytes, Format::Xlsx);
    assert_eq!(result, Ok(2));
}

#[test]
fn many_ranges_from_the_far_end_of_a_wide_row() {
    // A row of 16,384 cells and 800,000 different ranges starting at its last cell that
    // cover no other kept cell: finding each range's first cell must not scan the row
    // (it did: 3.9 s; now 0.15 s in a release build).
    let cells: String = (0..16_384u32)
        .map(|c| {
            let mut name = String::new();
            let mut n = c + 1;
            while n > 0 {
                let rem = (n - 1) % 26;
                name.insert(0, char::from(b'A' + u8::try_from(rem).unwrap()));
                n = (n - 1) / 26;
            }
            format!(r#"<c r="{name}2" t="inlineStr"><is><t>x</t></is></c>"#)
        })
        .collect();
    let rows = format!(r#"{XLSX_HEADER_ROW}<row r="2">{cells}</row>"#);
    let merges: String = (3..800_003u32)
        .map(|r| format!(r#"<mergeCell ref="XFD2:XFD{r}"/>"#))
        .collect();
    let bytes = xlsx_with_merges(&rows, &merges, 1);
    let result = answer(
        "xlsx: 800,000 ranges from the last cell of a wide row",
        &bytes,
        Format::Xlsx,
    );
    assert!(result.is_err());
}

/// The errors files keep every row of the file, past the row limit too: for the largest
/// upload accepted, in rows of one short cell each (the most cells a file of that size
/// can have) and in rows of four, they stay within the bound.
#[test]
fn the_errors_files_of_the_largest_upload_stay_bounded() {
    let short = "User name*\n".to_owned() + &"a\n".repeat((bulk_users::MAX_BYTES - 11) / 2);
    let wide = "User name*,Email*,User type,Site\n".to_owned()
        + &"Ada,bad,Boss,=x\n".repeat((bulk_users::MAX_BYTES - 33) / 16);
    let mut distinct = "User name*,Email*,User type,Site\n".to_owned();
    let mut i = 0usize;
    while distinct.len() < bulk_users::MAX_BYTES - 64 {
        distinct.push_str(&format!("n{i},e{i},t{i},s{i}\n"));
        i += 1;
    }
    let row = "a,".repeat(16_383) + "a\n";
    let widest = "User name*\n".to_owned() + &row.repeat((bulk_users::MAX_BYTES - 11) / row.len());
    let cases = [
        ("16,384 one-letter cells a row", widest),
        ("one cell a row", short),
        ("four cells a row", wide),
        ("four different cells a row", distinct),
    ];
    for (name, upload) in cases {
        assert!(upload.len() <= bulk_users::MAX_BYTES);
        let options = bulk_users::Options::new();
        let (workbook, cost) = measure(|| options.errors_xlsx(upload.as_bytes(), Format::Csv));
        let workbook = workbook.unwrap();
        crate::excel::assert_excel_opens(&workbook);
        let sizes = format!("{} bytes in, {} out", upload.len(), workbook.len());
        within_bound(&format!("errors workbook, {name}: {sizes}"), cost);
        let (file, cost) = measure(|| options.errors_csv(upload.as_bytes(), Format::Csv));
        within_bound(
            &format!("errors CSV, {name}: {} bytes out", file.len()),
            cost,
        );
    }
}
