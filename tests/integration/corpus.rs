//! Real files written by other programs (tests/data/README.md says which), each with the
//! exact users or errors `tests/data/expected.json` gives for it.

use bulk_users::{Format, NewUser};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    file: String,
    #[serde(default)]
    expect_users: Option<Vec<NewUser>>,
    #[serde(default)]
    expect_errors: Option<Vec<ExpectedError>>,
}

#[derive(Deserialize)]
struct ExpectedError {
    row: Option<u32>,
    column: Option<String>,
    code: String,
}

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[track_caller]
fn check(file: &str) {
    let all: Vec<Expected> =
        serde_json::from_slice(&data("expected.json")).expect("expected.json parses");
    let expected = all
        .into_iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("{file} is not in expected.json"));
    let bytes = data(file);
    let format = Format::from_extension(file).expect("a known extension");
    assert_eq!(
        Format::detect(&bytes),
        Some(format),
        "{file}: detected format"
    );
    // .xls is off by default (see Options::formats); these are trusted files.
    #[cfg(not(feature = "xls"))]
    if format == Format::Xls {
        return;
    }
    let result = bulk_users::Options::new()
        .formats(Format::ALL)
        .parse(&bytes, format);
    match (expected.expect_users, expected.expect_errors, result) {
        (Some(users), _, Ok(got)) => assert_eq!(got, users, "{file}"),
        (_, Some(errors), Err(got)) => {
            let got: Vec<(Option<u32>, Option<String>, String)> = got
                .iter()
                .map(|e| {
                    (
                        e.row,
                        e.column.map(|c| c.name().to_owned()),
                        e.code.as_str().to_owned(),
                    )
                })
                .collect();
            let want: Vec<(Option<u32>, Option<String>, String)> = errors
                .into_iter()
                .map(|e| (e.row, e.column, e.code))
                .collect();
            assert_eq!(got, want, "{file}");
        }
        (_, _, Ok(got)) => panic!("{file}: expected errors, got users {got:?}"),
        (_, _, Err(got)) => panic!("{file}: expected users, got {got}"),
    }
}

macro_rules! corpus {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*
    };
}

corpus! {
    openpyxl_template_headers => "openpyxl_template_headers.xlsx",
    xlsxwriter_numbers => "xlsxwriter_numbers.xlsx",
    pandas_aliases => "pandas_aliases.xlsx",
    openpyxl_users_sheet_second => "openpyxl_users_sheet_second.xlsx",
    openpyxl_blank_rows => "openpyxl_blank_rows.xlsx",
    excel_csv_utf8_bom => "excel_csv_utf8_bom.csv",
    excel_csv_windows1252 => "excel_csv_windows1252.csv",
    excel_csv_semicolon_windows1252 => "excel_csv_semicolon_windows1252.csv",
    excel_unicode_text => "excel_unicode_text.txt",
    quoted_multiline_error => "quoted_multiline_error.csv",
    openpyxl_errors => "openpyxl_errors.xlsx",
    libreoffice_ods => "libreoffice.ods",
    libreoffice_xls => "libreoffice.xls",
    libreoffice_export_utf8 => "libreoffice_export_utf8.csv",
    libreoffice_export_default => "libreoffice_export_default.csv",
    libreoffice_resaved => "libreoffice_resaved.xlsx",
    libreoffice_formulas => "libreoffice_formulas.xlsx",
    libreoffice_number_formats => "libreoffice_number_formats.ods",
    excel_csv_windows1251 => "excel_csv_windows1251.csv",
    excel_csv_shift_jis => "excel_csv_shift_jis.csv",
    excel_sep_line => "excel_sep_line.csv",
    openpyxl_formulas_no_result => "openpyxl_formulas_no_result.xlsx",
    xlsxwriter_number_formats => "xlsxwriter_number_formats.xlsx",
}

#[test]
fn every_file_in_expected_json_has_a_test() {
    let all: Vec<Expected> = serde_json::from_slice(&data("expected.json")).expect("parses");
    assert_eq!(all.len(), 23);
}
