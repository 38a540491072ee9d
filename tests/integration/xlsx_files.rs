//! Workbooks as spreadsheet programs write them: typed cells, formulas, sparse sheets.

use bulk_users::{Format, Options, UserType};
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Formula, Workbook};

use crate::support::{
    assert_errors, assert_users, raw_xlsx, raw_xlsx_merged, user, users_sheet, valued, RawSheet,
    HEADER,
};

fn header(sheet: &mut rust_xlsxwriter::Worksheet, row: u32) {
    for (c, h) in (0u16..).zip(HEADER) {
        sheet.write_string(row, c, *h).unwrap();
    }
}

#[test]
fn typed_cells_read_as_a_person_sees_them() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(sheet, 0);
    // Integers typed as floats, a fraction, a large whole number, a boolean, a date.
    sheet.write_number(1, 0, 4242.0).unwrap();
    sheet.write_string(1, 1, "badge@example.com").unwrap();
    sheet.write_number(1, 3, 101.0).unwrap();
    sheet.write_string(2, 0, "B").unwrap();
    sheet.write_string(2, 1, "b@example.com").unwrap();
    sheet.write_number(2, 3, 1.5).unwrap();
    sheet.write_string(3, 0, "C").unwrap();
    sheet.write_string(3, 1, "c@example.com").unwrap();
    sheet.write_number(3, 3, 1000.0).unwrap();
    sheet.write_string(4, 0, "D").unwrap();
    sheet.write_string(4, 1, "d@example.com").unwrap();
    sheet.write_boolean(4, 3, true).unwrap();
    let date = ExcelDateTime::from_ymd(2024, 3, 1).unwrap();
    let date_format = CellFormat::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(5, 0, "E").unwrap();
    sheet.write_string(5, 1, "e@example.com").unwrap();
    sheet
        .write_datetime_with_format(5, 3, &date, &date_format)
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let standard = UserType::Standard;
    assert_users(
        &bytes,
        Format::Xlsx,
        &[
            user("4242", "badge@example.com", standard, "101"),
            user("B", "b@example.com", standard, "1.5"),
            user("C", "c@example.com", standard, "1000"),
            user("D", "d@example.com", standard, "TRUE"),
            user("E", "e@example.com", standard, "2024-03-01"),
        ],
    );
}

#[test]
fn times_of_day_read_as_their_format_shows_them() {
    // A Site typed as a time in Excel (9:05, 4:17 PM) is a number with a time format:
    // what the person sees is the format's text, whatever the day.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(sheet, 0);
    let cases = [
        (
            CellFormat::new().set_num_format("h:mm"),
            0.378_472_222_222_222_2,
        ),
        (CellFormat::new().set_num_format("h:mm AM/PM"), 12_345.678_9),
        (CellFormat::new().set_num_format("hh:mm:ss"), 0.707_07),
        // Excel's built-in 18 and 21: h:mm AM/PM and h:mm:ss.
        (CellFormat::new().set_num_format_index(18), 0.5),
        (CellFormat::new().set_num_format_index(21), 1.25),
    ];
    for (row, (format, value)) in (1u32..).zip(&cases) {
        sheet.write_string(row, 0, format!("User {row}")).unwrap();
        sheet
            .write_string(row, 1, format!("user{row}@example.com"))
            .unwrap();
        sheet
            .write_number_with_format(row, 3, *value, format)
            .unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let standard = UserType::Standard;
    assert_users(
        &bytes,
        Format::Xlsx,
        &[
            user("User 1", "user1@example.com", standard, "9:05"),
            user("User 2", "user2@example.com", standard, "4:17 PM"),
            // 16:58:10.85, rounded to the second as Excel rounds it.
            user("User 3", "user3@example.com", standard, "16:58:11"),
            user("User 4", "user4@example.com", standard, "12:00 PM"),
            user("User 5", "user5@example.com", standard, "6:00:00"),
        ],
    );
}

#[test]
fn formulas_of_a_writer_that_does_not_calculate_are_invalid_values() {
    // rust_xlsxwriter, like XlsxWriter and openpyxl, does not calculate: it stores the
    // given result (or 0) and marks the workbook fullCalcOnLoad. What the person will
    // see is unknown until a spreadsheet program opens it.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(sheet, 0);
    sheet.write_string(1, 0, "Ada").unwrap();
    sheet
        .write_formula(
            1,
            1,
            Formula::new("=LOWER(\"ADA@EXAMPLE.COM\")").set_result("ada@example.com"),
        )
        .unwrap();
    sheet
        .write_formula(1, 3, Formula::new("=UPPER(\"london\")"))
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    assert_errors(
        &bytes,
        Format::Xlsx,
        &[
            (Some(2), Some("Email"), "invalid_value"),
            (Some(2), Some("Site"), "invalid_value"),
        ],
    );
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    assert_eq!(errors[1].value.as_deref(), Some("=UPPER(\"london\")"));
}

#[test]
fn formulas_give_the_results_the_spreadsheet_program_saved() {
    let rows = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>User name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c><c r="C1" t="inlineStr"><is><t>User type</t></is></c><c r="D1" t="inlineStr"><is><t>Site</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="str"><f>LOWER("ADA@EXAMPLE.COM")</f><v>ada@example.com</v></c><c r="C2" t="str"><f>IF(A2="","","Privileged")</f><v>Privileged</v></c><c r="D2"><f>100+1</f><v>101</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Bob</t></is></c><c r="B3" t="inlineStr"><is><t>bob@example.com</t></is></c><c r="C3" t="str"><f>IF(A3="Bob","","x")</f><v></v></c><c r="D3" t="e"><f>NA()</f><v>#N/A</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>Cy</t></is></c><c r="B4" t="inlineStr"><is><t>cy@example.com</t></is></c><c r="C4"><f t="shared" si="0"/></c><c r="D4"><f>UPPER("london")</f></c></row>"#;
    let bytes = raw_xlsx(&[users_sheet(rows)], None);
    assert_errors(
        &bytes,
        Format::Xlsx,
        &[
            (Some(3), Some("Site"), "invalid_value"),
            (Some(4), Some("User type"), "invalid_value"),
            (Some(4), Some("Site"), "invalid_value"),
        ],
    );
    let report = bulk_users::Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(
        report.users[0].user,
        user("Ada", "ada@example.com", UserType::Privileged, "101")
    );
    assert_eq!(
        report.errors[0].message,
        "The cell shows the spreadsheet error #N/A. Replace it with the site itself."
    );
}

#[test]
fn an_array_formula_without_its_result_is_unknown_in_every_cell_it_fills() {
    // tests/data/array_formulas.py: the Sites D2:D4 are one array formula saved without
    // its result; openpyxl leaves D3:D4 out, XlsxWriter stores 0 there. LibreOffice
    // shows OSLO, BERGEN and TROMSO; neither HQ nor 0 is what the person sees.
    for file in [
        "openpyxl_array_formula.xlsx",
        "xlsxwriter_array_formula.xlsx",
    ] {
        let report = Options::new().check(&crate::support::data_file(file), Format::Xlsx);
        assert_eq!(report.users, [], "{file}");
        assert_eq!(
            crate::support::valued(&report.errors),
            [
                (Some(2), "invalid_value", Some("=UPPER(Data!A1:A3)")),
                (Some(3), "invalid_value", Some("=UPPER(Data!A1:A3)")),
                (Some(4), "invalid_value", Some("=UPPER(Data!A1:A3)")),
            ],
            "{file}"
        );
        assert_eq!(report.notes, [], "{file}: no cell was merged");
    }
}

#[test]
fn an_array_formula_with_its_results_reads_them() {
    // As Excel saves one: the result of every cell the array fills.
    let rows = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>User name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c><c r="C1" t="inlineStr"><is><t>User type</t></is></c><c r="D1" t="inlineStr"><is><t>Site</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>ada@example.com</t></is></c><c r="D2" t="str"><f t="array" ref="D2:D3">UPPER(E2:E3)</f><v>OSLO</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Bob</t></is></c><c r="B3" t="inlineStr"><is><t>bob@example.com</t></is></c><c r="D3" t="str"><v>BERGEN</v></c></row>"#;
    let bytes = raw_xlsx(&[users_sheet(rows)], None);
    let users = bulk_users::parse(&bytes, Format::Xlsx).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(sites, ["OSLO", "BERGEN"]);
}

#[test]
fn rich_text_reads_as_its_plain_text() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(sheet, 0);
    let bold = CellFormat::new().set_bold();
    let plain = CellFormat::default();
    sheet
        .write_rich_string(1, 0, &[(&bold, "Ada "), (&plain, "Lovelace")])
        .unwrap();
    sheet.write_string(1, 1, "ada@example.com").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    assert_users(
        &bytes,
        Format::Xlsx,
        &[user(
            "Ada Lovelace",
            "ada@example.com",
            UserType::Standard,
            "HQ",
        )],
    );
}

#[test]
fn users_sheet_wins_else_the_first_visible_sheet() {
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Read me").unwrap();
    notes.write_string(0, 0, "Fill in the users sheet").unwrap();
    let users = workbook.add_worksheet();
    users.set_name("USERS").unwrap();
    header(users, 0);
    users.write_string(1, 0, "Ada").unwrap();
    users.write_string(1, 1, "ada@example.com").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    assert_users(
        &bytes,
        Format::Xlsx,
        &[user("Ada", "ada@example.com", UserType::Standard, "HQ")],
    );

    let hidden_first = raw_xlsx(
        &[
            RawSheet {
                name: "Lists",
                state: "hidden",
                rows: r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Oslo</t></is></c></row>"#,
            },
            RawSheet {
                name: "Sheet1",
                state: "visible",
                rows: r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>ada@example.com</t></is></c></row>"#,
            },
        ],
        None,
    );
    assert_users(
        &hidden_first,
        Format::Xlsx,
        &[user("Ada", "ada@example.com", UserType::Standard, "HQ")],
    );
}

#[test]
fn sparse_sheets_keep_the_sheet_s_own_row_numbers() {
    // Rows 1-3 and column A are absent from the XML; the header is on row 4 in column B;
    // cells come as shared strings, inline strings and rich inline strings.
    let rows = concat!(
        r#"<row r="4"><c r="B4" t="s"><v>0</v></c><c r="C4" t="s"><v>1</v></c></row>"#,
        r#"<row r="6"><c r="B6" t="inlineStr"><is><r><t>Ada </t></r><r><t>Lovelace</t></r></is></c><c r="C6" t="s"><v>2</v></c></row>"#,
        r#"<row r="9" s="1" customFormat="1"><c r="B9" s="1"/><c r="C9" s="1"/></row>"#,
        r#"<row r="12"><c r="B12" t="inlineStr"><is><t>Bob</t></is></c><c r="C12" t="inlineStr"><is><t>bob(at)example.com</t></is></c></row>"#,
    );
    let strings =
        r#"<si><t>User name*</t></si><si><t>Email*</t></si><si><t>ada@example.com</t></si>"#;
    let bytes = raw_xlsx(&[users_sheet(rows)], Some(strings));
    assert_errors(
        &bytes,
        Format::Xlsx,
        &[(Some(12), Some("Email"), "invalid_email")],
    );
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    assert_eq!(errors[0].column_letter().as_deref(), Some("C"));
}

#[test]
fn a_workbook_with_no_cells_is_empty() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet();
    let bytes = workbook.save_to_buffer().unwrap();
    assert_errors(&bytes, Format::Xlsx, &[(None, None, "empty_file")]);
}

/// Numbers through number formats read as LibreOffice shows them: each row of
/// `tests/data/libreoffice_number_formats_shown.csv` (see `number_formats.py`) becomes
/// a Site cell with that format, and the user's site is what LibreOffice showed.
#[test]
fn numbers_read_as_libreoffice_shows_them_through_their_format() {
    let path = format!(
        "{}/tests/data/libreoffice_number_formats_shown.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let mut cases = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let value: f64 = record[1].parse().unwrap();
        cases.push((record[0].to_owned(), value, record[2].to_owned()));
    }
    assert_eq!(cases.len(), 52);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(sheet, 0);
    for (row, (code, value, _)) in (1u32..).zip(&cases) {
        sheet.write_string(row, 0, format!("User {row}")).unwrap();
        sheet
            .write_string(row, 1, format!("u{row}@example.com"))
            .unwrap();
        let format = CellFormat::new().set_num_format(code);
        sheet
            .write_number_with_format(row, 3, *value, &format)
            .unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let report = bulk_users::Options::new().check(&bytes, Format::Xlsx);
    // A negative number in Site starts with "-": unsafe_value, whose value is the text.
    // A date or a time Excel shows as ##### is invalid_value.
    let shown_at = |row: u32| {
        report
            .users
            .iter()
            .find(|u| u.row == row)
            .map(|u| u.user.site.clone())
            .or_else(|| {
                let error = report.errors.iter().find(|e| e.row == Some(row))?;
                match error.code.as_str() {
                    "invalid_value" => Some("#####".to_owned()),
                    code => {
                        assert_eq!(code, "unsafe_value", "{error}");
                        error.value.clone()
                    }
                }
            })
    };
    // Where LibreOffice shows a negative time through a negative section of its own,
    // Excel shows ##### (Microsoft's KB 182247: any negative date or time, in the 1900
    // date system), and so does SheetJS SSF (nothing): the value is refused.
    let hashes_in_excel = [("[h]:mm;[h]:mm", -1.5)];
    let mut differ = Vec::new();
    for (row, (code, value, shown)) in (2u32..).zip(&cases) {
        // A site shown as nothing (or spaces only) is an empty cell: the default site.
        let expected = if hashes_in_excel.contains(&(code.as_str(), *value)) {
            "#####"
        } else if shown.trim().is_empty() {
            "HQ"
        } else {
            shown.trim()
        };
        let got = shown_at(row);
        if got.as_deref() != Some(expected) {
            differ.push(format!(
                "{value} as {code}: {got:?}, LibreOffice {expected:?}"
            ));
        }
    }
    assert!(differ.is_empty(), "{differ:#?}");
}

/// An inline-string cell.
fn inline(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The template's header on row 1, then `users`: (name, email) on rows 2, 3, …
fn rows_with(users: &[(&str, &str)], extra: &[(u32, String)]) -> String {
    let mut rows = format!(
        "<row r=\"1\">{}{}{}{}</row>",
        inline("A1", "User name*"),
        inline("B1", "Email*"),
        inline("C1", "User type"),
        inline("D1", "Site")
    );
    for (number, (name, email)) in (2u32..).zip(users) {
        let more: String = extra
            .iter()
            .filter(|(n, _)| *n == number)
            .map(|(_, cell)| cell.as_str())
            .collect();
        rows.push_str(&format!(
            "<row r=\"{number}\">{}{}{more}</row>",
            inline(&format!("A{number}"), name),
            inline(&format!("B{number}"), email)
        ));
    }
    rows
}

#[test]
fn merged_cells_show_their_value_over_the_whole_range() {
    // Site "London" typed once and merged over rows 2 to 5, as Excel writes it: the
    // value in the top-left cell, the range listed after the rows. A person sees London
    // on four rows.
    let users = [
        ("Ada", "ada@example.com"),
        ("Bob", "bob@example.com"),
        ("Cy", "cy@example.com"),
        ("Di", "di@example.com"),
        ("Ed", "ed@example.com"),
    ];
    let rows = rows_with(
        &users,
        &[
            (2, inline("D2", "London")),
            (
                6,
                r#"<c r="C6" t="inlineStr"><is><t>Privileged</t></is></c>"#.to_owned(),
            ),
        ],
    );
    let bytes = raw_xlsx_merged(&rows, None, &["D2:D5"]);
    let standard = UserType::Standard;
    assert_users(
        &bytes,
        Format::Xlsx,
        &[
            user("Ada", "ada@example.com", standard, "London"),
            user("Bob", "bob@example.com", standard, "London"),
            user("Cy", "cy@example.com", standard, "London"),
            user("Di", "di@example.com", standard, "London"),
            user("Ed", "ed@example.com", UserType::Privileged, "HQ"),
        ],
    );
    // The report says where a merged value was given to other cells.
    let report = bulk_users::Options::new().check(&bytes, Format::Xlsx);
    let noted: Vec<(Option<u32>, &str)> = report
        .notes
        .iter()
        .map(|n| (n.row, n.code.as_str()))
        .collect();
    assert_eq!(
        noted,
        [
            (Some(3), "merged_cell_spread"),
            (Some(4), "merged_cell_spread"),
            (Some(5), "merged_cell_spread")
        ]
    );
}

#[test]
fn a_merged_range_over_two_columns_and_cells_hidden_under_it() {
    // C2:D3 merged with "Privileged" in C2: it shows over User type and Site on both
    // rows. D3 still holds "Paris" in the file (merging in a program keeps only the
    // top-left value, but a writer can leave others): under the range a person sees
    // the range's value, not Paris. A merge of empty cells gives nothing; a reversed
    // reference names the same range.
    let rows = rows_with(
        &[
            ("Ada", "ada@example.com"),
            ("Bob", "bob@example.com"),
            ("Cy", "cy@example.com"),
        ],
        &[(2, inline("C2", "Privileged")), (3, inline("D3", "Paris"))],
    );
    let bytes = raw_xlsx_merged(&rows, None, &["D3:C2", "C4:D4"]);
    let privileged = UserType::Privileged;
    assert_users(
        &bytes,
        Format::Xlsx,
        &[
            user("Ada", "ada@example.com", privileged, "Privileged"),
            user("Bob", "bob@example.com", privileged, "Privileged"),
            user("Cy", "cy@example.com", UserType::Standard, "HQ"),
        ],
    );
}

#[test]
fn a_merged_email_is_a_duplicate_and_a_merged_formula_without_result_is_invalid() {
    // The value a range spreads is the value itself, with what it is: an email merged
    // over two rows is the same address twice; a formula with no saved result is one
    // on every cell it covers.
    let rows = rows_with(
        &[
            ("Ada", "ada@example.com"),
            ("Bob", ""),
            ("Cy", "cy@example.com"),
        ],
        &[(4, r#"<c r="D4"><f>UPPER("x")</f></c>"#.to_owned())],
    );
    let bytes = raw_xlsx_merged(&rows, None, &["B2:B3", "D4:D5"]);
    assert_errors(
        &bytes,
        Format::Xlsx,
        &[
            (Some(3), Some("Email"), "duplicate_email"),
            (Some(4), Some("Site"), "invalid_value"),
        ],
    );
}

#[test]
fn merged_cells_with_shared_strings_and_the_errors_workbook() {
    // Shared strings, as Excel stores text; the errors workbook shows the spread value.
    let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row><row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c></row>"#;
    let strings = "<si><t>Name</t></si><si><t>Email</t></si><si><t>Site</t></si><si><t>Ada</t></si><si><t>ada@example.com</t></si><si><t>Oslo</t></si><si><t>Bob</t></si><si><t>bob@example.com</t></si>";
    let bytes = raw_xlsx_merged(rows, Some(strings), &["C2:C3"]);
    let standard = UserType::Standard;
    assert_users(
        &bytes,
        Format::Xlsx,
        &[
            user("Ada", "ada@example.com", standard, "Oslo"),
            user("Bob", "bob@example.com", standard, "Oslo"),
        ],
    );
    let file = bulk_users::Options::new().errors_csv(&bytes, Format::Xlsx);
    assert_eq!(
        String::from_utf8(file).unwrap(),
        "\u{FEFF}Row,A,B,C,Errors\r\n1,Name,Email,Site,\r\n2,Ada,ada@example.com,Oslo,\r\n3,Bob,bob@example.com,Oslo,\r\n"
    );
}

#[test]
fn merged_cells_in_files_written_by_openpyxl_and_libreoffice() {
    // tests/data/merged_cells.py wrote the first; LibreOffice resaved it as .xlsx, .ods
    // and .xls. The four give the same users: what a person sees in each.
    let standard = UserType::Standard;
    let privileged = UserType::Privileged;
    let expected = [
        user("Ada Lovelace", "ada@example.com", standard, "London"),
        user("Grace Hopper", "grace@example.com", standard, "London"),
        user("Alan Turing", "alan@example.com", privileged, "London"),
        user(
            "Edsger Dijkstra",
            "edsger@example.com",
            privileged,
            "London",
        ),
        user("Barbara Liskov", "barbara@example.com", standard, "Oslo"),
        user("Donald Knuth", "donald@example.com", standard, "Oslo"),
    ];
    for (file, format) in [
        ("openpyxl_merged_cells.xlsx", Format::Xlsx),
        ("libreoffice_merged_cells.xlsx", Format::Xlsx),
        ("libreoffice_merged_cells.ods", Format::Ods),
    ] {
        let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        assert_users(&bytes, format, &expected);
    }
    // An .xls's merged ranges too (Grace's Site was HQ, Edsger a Standard user).
    let users = xls_users("libreoffice_merged_cells.xls");
    assert_eq!(users, expected);
}

/// An .xlsx from its parts as given, names and all: for what no writer library makes.
fn package(parts: &[(&str, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, body) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The parts of a one-sheet workbook whose `Users` sheet holds `rows`, with `book_pr`
/// inside `<workbook>` and cell style 1 of number format `code`.
fn parts_with(book_pr: &str, code: &str, rows: &str, strings: &str) -> Vec<(&'static str, String)> {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    vec![
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_owned()),
        ("_rels/.rels", format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="{rel}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">{book_pr}<sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#)),
        ("xl/styles.xml", format!(r#"<?xml version="1.0"?><styleSheet xmlns="{ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="{code}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#)),
        ("xl/sharedStrings.xml", format!(r#"<?xml version="1.0"?><sst xmlns="{ns}">{strings}</sst>"#)),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>User name*</t></is></c><c r="B1" t="inlineStr"><is><t>Email*</t></is></c><c r="C1" t="inlineStr"><is><t>User type</t></is></c><c r="D1" t="inlineStr"><is><t>Site</t></is></c></row>{rows}</sheetData></worksheet>"#)),
    ]
}

fn user_row(number: u32, site_cell: &str) -> String {
    format!(
        r#"<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>User {number}</t></is></c><c r="B{number}" t="inlineStr"><is><t>u{number}@example.com</t></is></c>{site_cell}</row>"#
    )
}

fn sites(bytes: &[u8]) -> Vec<String> {
    match bulk_users::parse(bytes, Format::Xlsx) {
        Ok(users) => users.into_iter().map(|u| u.site).collect(),
        Err(errors) => panic!("{errors}"),
    }
}

#[test]
fn a_1904_workbook_saved_by_excel_2013_keeps_its_date_system() {
    // Excel 2013+ writes `x15:workbookPr` in `extLst` after the main `workbookPr`; it has
    // no `date1904` and must not reset it (dates were four years and a day early).
    let book_pr = r#"<workbookPr date1904="1"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>"#;
    let rows = [
        user_row(2, r#"<c r="D2" s="1"><v>1</v></c>"#),
        user_row(3, r#"<c r="D3" s="1"><v>1111</v></c>"#),
    ]
    .concat();
    let bytes = package(&parts_with(book_pr, "yyyy-mm-dd", &rows, ""));
    assert_eq!(sites(&bytes), ["1904-01-02", "1907-01-16"]);
    let plain = package(&parts_with("<workbookPr/>", "yyyy-mm-dd", &rows, ""));
    assert_eq!(sites(&plain), ["1900-01-01", "1903-01-15"]);
}

#[test]
fn elapsed_time_formats_show_the_elapsed_time_never_an_empty_site() {
    for (code, value, shown) in [
        ("[h]:mm:ss", "1.5", "36:00:00"),
        ("[h]", "77.42", "1858"),
        ("[h]", "77.4", "1857"),
        ("[ss]", "0.5", "43200"),
        ("[s]", "0.000243055555555556", "21"),
    ] {
        let rows = user_row(2, &format!(r#"<c r="D2" s="1"><v>{value}</v></c>"#));
        let bytes = package(&parts_with("", code, &rows, ""));
        assert_eq!(sites(&bytes), [shown], "{code}");
    }
}

#[test]
fn a_date_or_time_excel_shows_as_hashes_is_no_value() {
    // Excel fills the cell with ##### for a number its date or time code cannot show:
    // negative in the 1900 date system, or past 9999-12-31 (LibreOffice shows a date
    // before 1900 there). The value is refused where it stands, never read as a number
    // (a negative one was refused as starting with `-`, which said nothing of #####).
    let date1904 = r#"<workbookPr date1904="1"/>"#;
    for (book_pr, code, value, expected) in [
        (
            "",
            "h:mm:ss AM/PM",
            "-21.249999999999982",
            Err(("invalid_value", "-21.25")),
        ),
        ("", "[h]:mm", "-1.5", Err(("invalid_value", "-1.5"))),
        ("", "yyyy-mm-dd", "-1", Err(("invalid_value", "-1"))),
        (
            "",
            "yyyy-mm-dd",
            "2958466",
            Err(("invalid_value", "2958466")),
        ),
        (
            "",
            "[$-F400]h:mm:ss\\ AM/PM",
            "-10",
            Err(("invalid_value", "-10")),
        ),
        (
            "",
            "dd/mm/yyyy;dd/mm/yyyy",
            "-1",
            Err(("invalid_value", "-1")),
        ),
        // A negative number's own section without a date or a time shows as written.
        ("", "[h]:mm;&quot;negative&quot;", "-1", Ok("negative")),
        ("", "0.0", "2958466", Ok("2958466.0")),
        ("", "yyyy-mm-dd", "2958465", Ok("9999-12-31")),
        ("", "h:mm", "0", Ok("0:00")),
        // The 1904 date system shows a negative time with its sign: refused as any value
        // that starts with `-` is.
        (date1904, "[h]:mm", "-1.5", Err(("unsafe_value", "-36:00"))),
        (date1904, "h:mm", "-0.25", Err(("unsafe_value", "-0.25"))),
        (
            date1904,
            "yyyy-mm-dd",
            "2958466",
            Err(("invalid_value", "2958466")),
        ),
    ] {
        let rows = user_row(2, &format!(r#"<c r="D2" s="1"><v>{value}</v></c>"#));
        let bytes = package(&parts_with(book_pr, code, &rows, ""));
        match (bulk_users::parse(&bytes, Format::Xlsx), expected) {
            (Ok(users), Ok(shown)) => assert_eq!(users[0].site, shown, "{code} {value}"),
            (Err(errors), Err((error, shown))) => {
                let expected = [(Some(2), error, Some(shown))];
                assert_eq!(valued(&errors), expected, "{code} {value}");
                let message = &errors[0].message;
                let hashes = message.starts_with("Site shows ##### in Excel");
                assert_eq!(hashes, error == "invalid_value", "{message}");
            }
            (result, _) => panic!("{code} {value}: {result:?}"),
        }
    }
}

/// The package `bytes` with each part's content passed through `change`, which is given
/// the part's name and content.
fn with_parts(bytes: &[u8], change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let mut content = Vec::new();
        part.read_to_end(&mut content).unwrap();
        let name = part.name().unwrap().into_owned();
        let options = zip::write::SimpleFileOptions::default();
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(&change(&name, content)).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The workbook `bytes` (.xlsx or .ods) with every XML part saved as UTF-16 with its
/// byte order mark, little or big endian, and its declaration saying so.
fn utf16_parts(bytes: &[u8], big_endian: bool) -> Vec<u8> {
    with_parts(bytes, |name, content| {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            return content;
        }
        let text = String::from_utf8(content).unwrap();
        let text = text.replacen(r#"encoding="UTF-8""#, r#"encoding="UTF-16""#, 1);
        let mut utf16 = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            utf16.extend(pair);
        }
        utf16
    })
}

#[test]
fn workbook_parts_saved_as_utf16_read_as_excel_opens_them() {
    // XML may be UTF-16, and Excel on Windows Phone saves every part so (the real file
    // below); LibreOffice and Excel open such a workbook. It was refused as unreadable.
    let grid: crate::support::Grid = &[
        HEADER,
        &["Zoë Ångström", "zoe@example.com", "Privileged", "Malmö"],
        &["Ōta Hiroshi", "ota@example.com", "", "東京"],
    ];
    let users = [
        user(
            "Zoë Ångström",
            "zoe@example.com",
            UserType::Privileged,
            "Malmö",
        ),
        user("Ōta Hiroshi", "ota@example.com", UserType::Standard, "東京"),
    ];
    let workbooks = [
        (Format::Xlsx, crate::support::xlsx(grid)),
        (Format::Ods, crate::support::ods(grid)),
    ];
    for (format, bytes) in &workbooks {
        for big_endian in [false, true] {
            assert_users(&utf16_parts(bytes, big_endian), *format, &users);
        }
    }

    // Excel Mobile's own file (roo's test data): no user list, but its cells read as
    // LibreOffice shows them, Summe in B1 and values in rows 2 and 3.
    let bytes = crate::support::data_file("windows_phone_pfand.xlsx");
    let report = Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(
        valued(&report.errors),
        [
            (Some(1), "missing_column", None),
            (Some(1), "missing_column", None),
            (Some(1), "unknown_column", Some("Summe")),
            (Some(2), "extra_value", Some("2011-09-14")),
            (Some(3), "extra_value", Some("2011-09-15")),
        ]
    );
}

#[test]
fn a_number_no_spreadsheet_holds_is_no_value() {
    // `NaN`, `INF` and `1e400` read as numbers in Rust, but no spreadsheet holds them:
    // LibreOffice shows NaN and INF, Gnumeric #NUM! and 1E+400. They read as `NaN` and
    // `inf` before, valid Sites.
    let rows = [
        user_row(2, r#"<c r="D2"><v>NaN</v></c>"#),
        user_row(3, r#"<c r="D3" s="1"><v>INF</v></c>"#),
        user_row(4, r#"<c r="D4"><v>1e400</v></c>"#),
    ]
    .concat();
    let bytes = package(&parts_with("", "0.00", &rows, ""));
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    assert_eq!(
        valued(&errors),
        [
            (Some(2), "invalid_value", Some("NaN")),
            (Some(3), "invalid_value", Some("INF")),
            (Some(4), "invalid_value", Some("1e400")),
        ]
    );
}

#[test]
fn a_boolean_cell_is_one_or_zero() {
    // `t="b"` holds 1 or 0. LibreOffice shows `true` and `TRUE` as FALSE and `2` as TRUE,
    // Gnumeric all three (and `false`) as TRUE; they all read as FALSE before.
    let boolean = |row: u32, value: &str| {
        user_row(row, &format!(r#"<c r="D{row}" t="b"><v>{value}</v></c>"#))
    };
    let rows = [boolean(2, "1"), boolean(3, "0")].concat();
    assert_eq!(
        sites(&package(&parts_with("", "0", &rows, ""))),
        ["TRUE", "FALSE"]
    );
    let rows = [
        boolean(2, "true"),
        boolean(3, "2"),
        boolean(4, "TRUE"),
        boolean(5, "false"),
    ]
    .concat();
    let bytes = package(&parts_with("", "0", &rows, ""));
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    assert_eq!(
        valued(&errors),
        [
            (Some(2), "invalid_value", Some("true")),
            (Some(3), "invalid_value", Some("2")),
            (Some(4), "invalid_value", Some("TRUE")),
            (Some(5), "invalid_value", Some("false")),
        ]
    );
}

#[test]
fn a_date_cell_that_holds_no_date_is_no_value() {
    // A time alone is what a `t="d"` cell may hold, and shows as it stands (as
    // LibreOffice shows calamine's date_iso.xlsx and PhpSpreadsheet's explicitdate.xlsx).
    let rows = [
        user_row(2, r#"<c r="D2" t="d"><v>08:30</v></c>"#),
        user_row(3, r#"<c r="D3" t="d"><v>23:44:51.894</v></c>"#),
    ]
    .concat();
    let bytes = package(&parts_with("", "0", &rows, ""));
    assert_eq!(sites(&bytes), ["08:30", "23:44:51.894"]);
    // LibreOffice shows `t="d"` text that is no date as it is, Gnumeric as 0 or 2024.
    let rows = [
        user_row(2, r#"<c r="D2" t="d"><v>not a date</v></c>"#),
        user_row(3, r#"<c r="D3" t="d"><v>2024-13-45</v></c>"#),
    ]
    .concat();
    let bytes = package(&parts_with("", "0", &rows, ""));
    let errors = bulk_users::parse(&bytes, Format::Xlsx).unwrap_err();
    assert_eq!(
        valued(&errors),
        [
            (Some(2), "invalid_value", Some("not a date")),
            (Some(3), "invalid_value", Some("2024-13-45")),
        ]
    );
}

#[test]
fn cells_as_excel_opens_them() {
    // A shared-string cell with an empty `<v/>` (ERP exports) is an empty cell; an inline
    // string's `<v>` is not shown beside its text; a `t="d"` cell reads as a date
    // number does.
    let rows = [
        user_row(2, r#"<c r="D2" t="s"><v/></c>"#),
        user_row(
            3,
            r#"<c r="D3" t="inlineStr"><v>1.0</v><is><t>1.</t></is></c>"#,
        ),
        user_row(4, r#"<c r="D4" t="d"><v>2021-01-01T10:10:10</v></c>"#),
        user_row(5, r#"<c r="D5" t="d"><v>2021-01-01T00:00:00Z</v></c>"#),
        user_row(6, r#"<c r="D6" t="s"><v>0</v></c>"#),
    ]
    .concat();
    let bytes = package(&parts_with("", "0", &rows, "<si><t>Oslo</t></si>"));
    assert_eq!(
        sites(&bytes),
        ["HQ", "1.", "2021-01-01 10:10:10", "2021-01-01", "Oslo"]
    );
}

#[test]
fn part_names_written_with_backslashes_read_as_excel_reads_them() {
    let rows = user_row(2, r#"<c r="D2" t="inlineStr"><is><t>Oslo</t></is></c>"#);
    let parts: Vec<(String, String)> = parts_with("", "0", &rows, "")
        .into_iter()
        .map(|(name, body)| {
            let name = if name.starts_with("xl/") {
                name.replace('/', "\\")
            } else {
                name.to_owned()
            };
            (name, body)
        })
        .collect();
    let borrowed: Vec<(&str, String)> =
        parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    assert_eq!(sites(&package(&borrowed)), ["Oslo"]);
}

/// Users of an .xls, read with .xls accepted.
fn xls_users(name: &str) -> Vec<bulk_users::NewUser> {
    let bytes = crate::support::data_file(name);
    bulk_users::Options::new()
        .formats(Format::ALL)
        .parse(&bytes, Format::Xls)
        .unwrap()
}

#[test]
fn xls_dates_count_from_1904_when_the_workbook_does() {
    let sites: Vec<String> = xls_users("libreoffice_1904.xls")
        .into_iter()
        .map(|u| u.site)
        .collect();
    assert_eq!(sites, ["2021-01-01", "1907-01-16 10:10:10"]);
}

#[test]
fn xls_dates_and_times_excel_shows_as_hashes_are_no_value() {
    // LibreOffice shows 1899-12-29, 10000-01-01 and 18:00 where Excel shows #####.
    let bytes = crate::support::data_file("libreoffice_no_dates.xls");
    let errors = Options::new()
        .formats(Format::ALL)
        .parse(&bytes, Format::Xls)
        .unwrap_err();
    let expected = [
        (Some(2), "invalid_value", Some("-1")),
        (Some(3), "invalid_value", Some("2958466")),
        (Some(4), "invalid_value", Some("-0.25")),
    ];
    assert_eq!(valued(&errors), expected, "{errors}");
}

#[test]
fn xls_numbers_show_through_their_format() {
    let sites: Vec<String> = xls_users("libreoffice_number_formats.xls")
        .into_iter()
        .map(|u| u.site)
        .collect();
    // What LibreOffice shows for each (tests/data/xls_files.py).
    assert_eq!(sites, ["65.2%", "16,623", "$1,337.00", "007", "50%"]);
}

#[test]
fn excel_95_numbers_show_through_their_format() {
    // BIFF5: the formats' text is bytes in the workbook's code page (the euro sign is
    // 0x80 of Windows-1252), and the users' sheet is the second. What LibreOffice shows
    // for each (tests/data/xls_files.py).
    let sites: Vec<String> = xls_users("gnumeric_excel95.xls")
        .into_iter()
        .map(|u| u.site)
        .collect();
    assert_eq!(
        sites,
        ["65.2%", "16,623", "1,337.00 \u{20ac}", "007", "Site 12"]
    );
}

#[test]
fn an_xls_whose_code_page_record_says_windows_1252_reads_its_text_as_excel_does() {
    // BIFF8 text is Latin-1 or UTF-16, string by string, whatever CODEPAGE says; some
    // writers put 1252 there (calamine's tests/sheet_name_parsing.xls), which calamine
    // took to mean a NUL after every letter. The same file as LibreOffice writes it
    // (1200), with that record made to say 1252 (0x04E4).
    let written = crate::support::data_file("libreoffice.xls");
    let record = [0x42, 0x00, 0x02, 0x00, 0xB0, 0x04];
    let at = written
        .windows(record.len())
        .position(|w| w == record)
        .expect("a CODEPAGE record of 1200");
    let mut bytes = written.clone();
    bytes[at + 4..at + 6].copy_from_slice(&[0xE4, 0x04]);
    let options = bulk_users::Options::new().formats(Format::ALL);
    let users = options.parse(&bytes, Format::Xls).unwrap();
    assert_eq!(users[0].name, "Ingrid Bergstr\u{f6}m");
    assert_eq!(users, options.parse(&written, Format::Xls).unwrap());
}

#[test]
fn xls_formulas_give_their_saved_results() {
    let users = xls_users("libreoffice_formulas.xls");
    // What LibreOffice calculated and saved (tests/data/xls_files.py).
    assert_eq!(
        crate::support::names_types_sites(&users),
        [
            ("Ada", UserType::Privileged, "LONDON"),
            ("Bob", UserType::Standard, "007"),
        ]
    );
}

/// `libreoffice_formulas.xls` with the FORMULA records (0x0006) of the cells at (row,
/// column), 0-based, made BIFF4's (0x0406), as some writers store them inside a BIFF8
/// workbook (Apache POI's WrongFormulaRecordType.xls) and Excel reads them.
fn with_biff4_formulas(cells: &[(u8, u8)]) -> Vec<u8> {
    let mut bytes = crate::support::data_file("libreoffice_formulas.xls");
    for &(row, column) in cells {
        let at = formula_record(&bytes, (row, column));
        bytes[at + 1] = 0x04;
    }
    bytes
}

/// Where the FORMULA record of the cell at (row, column), 0-based, starts in `bytes`.
fn formula_record(bytes: &[u8], (row, column): (u8, u8)) -> usize {
    let at: Vec<usize> = bytes
        .windows(8)
        .enumerate()
        .filter(|(_, w)| w[..2] == [0x06, 0x00] && w[4..] == [row, 0, column, 0])
        .map(|(at, _)| at)
        .collect();
    assert_eq!(at.len(), 1, "the FORMULA record of ({row}, {column})");
    at[0]
}

#[test]
fn an_xls_whose_formula_runs_past_its_tokens_is_refused() {
    // A number token (eight bytes) as the whole of a one-byte formula: calamine, which
    // reads every formula's tokens when it opens the workbook, would read past them and
    // panic. The cell's saved result is fine, but the file is not as Excel writes it.
    let mut bytes = crate::support::data_file("libreoffice_formulas.xls");
    let at = formula_record(&bytes, (2, 3));
    // The record's header (4 bytes), then 20 bytes before the formula's length.
    bytes[at + 24..at + 27].copy_from_slice(&[1, 0, 0x1F]);
    let errors = xls_errors(&bytes);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code.as_str(), "unreadable_file");
}

#[test]
fn xls_formulas_in_biff4_s_record_give_their_saved_results() {
    // calamine passes over the record: Bob's Site (=3+4 through 000) was left empty,
    // and so became the default site.
    let bytes = with_biff4_formulas(&[(2, 3)]);
    let users = xls_parse(&bytes);
    assert_eq!(users[1].site, "007");
    assert_eq!(users, xls_users("libreoffice_formulas.xls"));
}

#[test]
fn an_xls_whose_biff4_formulas_give_text_is_refused() {
    // The text of such a formula comes in the STRING record after it, which calamine
    // puts in another cell (here A1, the header's "User name" read as "LONDON"): the
    // sheet cannot be read faithfully.
    let bytes = with_biff4_formulas(&[(1, 3)]);
    let errors = xls_errors(&bytes);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code.as_str(), "unreadable_file");
    assert_eq!(
        errors[0].message,
        "This file could not be read as an Excel 97-2003 workbook (.xls). Save it again \
         from your spreadsheet program as .xlsx or .csv and upload it again."
    );
}

/// What is wrong with an .xls, given as `bytes`, that must be refused.
fn xls_errors(bytes: &[u8]) -> bulk_users::RowErrors {
    bulk_users::Options::new()
        .formats(Format::ALL)
        .parse(bytes, Format::Xls)
        .unwrap_err()
}

/// [`xls_users`] of the bytes themselves.
fn xls_parse(bytes: &[u8]) -> Vec<bulk_users::NewUser> {
    bulk_users::Options::new()
        .formats(Format::ALL)
        .parse(bytes, Format::Xls)
        .unwrap()
}

#[test]
fn a_password_protected_xls_says_so() {
    // XOR obfuscation (Apache POI's test file) and RC4 encryption (SheetJS's, Excel
    // 2002): the sizes the records give are noise, so the password is what is said.
    for name in ["poi_xor_encryption.xls", "sheetjs_password_rc4.xls"] {
        let bytes = crate::support::data_file(name);
        let options = bulk_users::Options::new().formats(Format::ALL);
        let errors = options.parse(&bytes, Format::Xls).unwrap_err();
        assert_eq!(errors.len(), 1, "{name}");
        assert_eq!(errors[0].code.as_str(), "unreadable_file", "{name}");
        assert_eq!(
            errors[0].message,
            "The workbook is protected with a password. Remove the password (or save an \
             unprotected copy) and upload it again.",
            "{name}"
        );
    }
}

#[test]
fn an_xls_whose_cells_span_millions_is_refused_before_it_is_expanded() {
    // A value in IV65536 (16 million cells from A1); and Apache POI's
    // SharedFormulaTest.xls, 27 KB whose sheet spans A1:DZ32770, which calamine holds as
    // a grid of values and one of formulas (374 MB at its peak).
    for name in ["libreoffice_far_cells.xls", "poi_shared_formulas.xls"] {
        let bytes = crate::support::data_file(name);
        let options = bulk_users::Options::new().formats(Format::ALL);
        let (result, cost) = crate::alloc::measure(|| options.parse(&bytes, Format::Xls));
        let errors = result.unwrap_err();
        assert_eq!(errors[0].code.as_str(), "unreadable_file", "{name}");
        assert!(
            errors[0]
                .message
                .starts_with("The workbook expands to more than 32 MiB"),
            "{name}: {}",
            errors[0].message
        );
        assert!(
            cost.peak < 16 * crate::alloc::MIB,
            "{name}: peak {} bytes",
            cost.peak
        );
    }
}

/// A BIFF8 record: its type, its length, its data.
fn biff_record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut record = kind.to_le_bytes().to_vec();
    record.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
    record.extend_from_slice(data);
    record
}

/// An .xls (Excel 97) of one visible worksheet, `Users`, whose records are `cells`
/// between its BOF and EOF, listed `listed` times among the workbook's sheets (once, as
/// Excel writes it); its compound file written by cfb.
fn xls_of_records(cells: &[Vec<u8>], listed: usize) -> Vec<u8> {
    let bof = |kind: u16| {
        let data = [&[0x00, 0x06][..], &kind.to_le_bytes(), &[0; 12]].concat();
        biff_record(0x0809, &data)
    };
    let eof = biff_record(0x000A, &[]);
    let sheet_name = [&[5, 0][..], b"Users"].concat();
    // The globals: BOF, BOUNDSHEETs (where the sheet starts, then visible worksheet
    // and its name), EOF; the sheet starts after them.
    let boundsheet_length = 4 + 6 + sheet_name.len();
    let globals_length = bof(5).len() + listed * boundsheet_length + eof.len();
    let start = u32::try_from(globals_length).unwrap().to_le_bytes();
    let boundsheet = biff_record(0x0085, &[&start[..], &[0, 0], &sheet_name].concat());
    let mut stream = bof(5);
    (0..listed).for_each(|_| stream.extend_from_slice(&boundsheet));
    stream.extend_from_slice(&eof);
    stream.extend_from_slice(&bof(0x10));
    cells.iter().for_each(|cell| stream.extend_from_slice(cell));
    stream.extend_from_slice(&eof);
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    std::io::Write::write_all(&mut file.create_stream("/Workbook").unwrap(), &stream).unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn an_xls_whose_text_cells_claim_more_than_they_hold_is_refused_before_it_is_expanded() {
    // LABEL records at A1, each saying its text is 65,535 characters long and holding
    // one: calamine makes room for what each says, and keeps it.
    let label = biff_record(0x0204, &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, b'x']);
    let bytes = xls_of_records(&vec![label; 2000], 1);
    let options = bulk_users::Options::new().formats(Format::ALL);
    let (result, cost) = crate::alloc::measure(|| options.parse(&bytes, Format::Xls));
    assert!(
        cost.peak < 16 * crate::alloc::MIB,
        "peak {} bytes",
        cost.peak
    );
    let errors = result.unwrap_err();
    assert_eq!(errors[0].code.as_str(), "unreadable_file");
    assert!(errors[0]
        .message
        .starts_with("The workbook expands to more than 32 MiB"));
}

#[test]
fn an_xls_that_lists_one_sheet_many_times_is_refused() {
    // 3,000 sheets all starting at one sheet of 3,000 records: calamine reads each
    // sheet's records, nine million in all, and the walk before it would too.
    let blank = biff_record(0x0201, &[0, 0, 0, 0, 0, 0]);
    let bytes = xls_of_records(&vec![blank.clone(); 3000], 3000);
    let errors = xls_errors(&bytes);
    assert_eq!(errors[0].code.as_str(), "unreadable_file");
    // Listed once, the same sheet is read: a workbook with no values.
    let bytes = xls_of_records(&vec![blank; 3000], 1);
    let errors = xls_errors(&bytes);
    assert_eq!(errors[0].code.as_str(), "empty_file");
}

#[test]
fn an_xls_whose_formula_calamine_would_write_for_minutes_is_refused() {
    // One formula: the number 1, then 4,000 runs of 255 spaces before it. calamine
    // inserts each space at the start of the formula's text, moving the rest: 28 KB
    // kept it busy for 10 s, and the work grows with the square of the formula.
    let mut tokens = vec![0x1E, 1, 0];
    for _ in 0..4000 {
        tokens.extend_from_slice(&[0x19, 0x40, 0, 255]);
    }
    let mut data = vec![0u8; 20];
    data.extend_from_slice(&u16::try_from(tokens.len()).unwrap().to_le_bytes());
    data.extend_from_slice(&tokens);
    let bytes = xls_of_records(&[biff_record(0x0006, &data)], 1);
    let errors = xls_errors(&bytes);
    assert_eq!(errors[0].code.as_str(), "unreadable_file");
}

#[test]
fn xls_text_shows_through_its_format_s_text_section() {
    // tests/data/xlwt_text_formats.py: Oslo through "Site "@, ;;; and @; LibreOffice
    // shows Site Oslo, an empty cell and Oslo.
    let sites: Vec<String> = xls_users("xlwt_text_formats.xls")
        .into_iter()
        .map(|u| u.site)
        .collect();
    assert_eq!(sites, ["Site Oslo", "HQ", "Oslo"]);
}

#[test]
fn xls_formulas_of_a_writer_that_does_not_calculate_are_invalid_values() {
    // xlwt saves every formula with an empty result and no RECALCID, and Excel
    // calculates them when it opens the file: read as they are, both Sites were empty,
    // and the users went to the default site.
    let errors = xls_errors(&crate::support::data_file("xlwt_formulas.xls"));
    assert_eq!(
        crate::support::valued(&errors),
        [
            (Some(2), "invalid_value", Some("=\"Lon\"&\"don\"")),
            (Some(3), "invalid_value", Some("=3+4")),
        ]
    );
    // LibreOffice's .xls names its calculation engine: its saved results are read.
    assert_eq!(xls_users("libreoffice_formulas.xls")[0].site, "LONDON");
    // Spreadsheet::WriteExcel saves 0 for a formula it is not given the value of, and
    // marks it to be calculated when the file is opened: both Sites read as "0". A
    // value the program gave is saved as the result, and read.
    let report = Options::new().formats([Format::Xls]).check(
        &crate::support::data_file("writeexcel_formulas.xls"),
        Format::Xls,
    );
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            (Some(2), "invalid_value", Some("=\"Lon\"&\"don\"")),
            (Some(3), "invalid_value", Some("=3+4")),
        ]
    );
    let sites: Vec<_> = report.users.iter().map(|u| u.user.site.as_str()).collect();
    assert_eq!(sites, ["OSLO", "007"]);
    // Apache POI does the same for a formula it is not asked to calculate.
    let report = Options::new()
        .formats([Format::Xls])
        .check(&crate::support::data_file("poi_formulas.xls"), Format::Xls);
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            (Some(2), "invalid_value", Some("=\"Lon\"&\"don\"")),
            (Some(3), "invalid_value", Some("=3+4")),
        ]
    );
    let sites: Vec<_> = report.users.iter().map(|u| u.user.site.as_str()).collect();
    assert_eq!(sites, ["007", "Oslo", "Oslo"]);
}

#[test]
fn an_xls_written_by_jexcelapi_reads_as_libreoffice_shows_it() {
    // JExcelAPI lists its compound file's directory out of name order (the container
    // was refused whole) and saves 4 beside each formula, marked to be calculated when
    // the file is opened (read as saved, both Sites were "4").
    let report = Options::new()
        .formats([Format::Xls])
        .check(&crate::support::data_file("jxl_formulas.xls"), Format::Xls);
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            (Some(2), "invalid_value", Some("=UPPER(\"oslo\")")),
            (Some(3), "invalid_value", Some("=3+4")),
        ]
    );
    let sites: Vec<_> = report.users.iter().map(|u| u.user.site.as_str()).collect();
    assert_eq!(sites, ["007", "Oslo", "Oslo"]);
}

#[test]
fn xls_files_written_by_sheetjs_read_as_excel_reads_them() {
    // SheetJS pads its compound file's FAT with end-of-chain entries where the
    // specification says free ones; Excel and LibreOffice read such files, and cfb,
    // which takes the workbook stream out, refused them whole.
    let standard = UserType::Standard;
    let ada = user("Ada", "ada@example.com", standard, "HQ");
    let bob = user("Bob", "bob@example.com", UserType::Privileged, "Oslo");
    assert_eq!(
        xls_users("sheetjs.xls"),
        [
            ada.clone(),
            bob.clone(),
            user("Cy", "cy@example.com", standard, "Oslo")
        ]
    );
    assert_eq!(
        xls_users("sheetjs_biff5.xls"),
        [ada, bob, user("Cy", "cy@example.com", standard, "007")]
    );
}

#[test]
fn an_exceljs_export_reads_as_libreoffice_shows_it() {
    // tests/data/exceljs_formulas.js: a hyperlinked email, a rich-text Site, formulas with
    // and without a result, a boolean User type, a date, numbers through 000 and 0%.
    let bytes = crate::support::data_file("exceljs_formulas.xlsx");
    let report = bulk_users::Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            // ExcelJS saved no result; the formula is shown as written, quotes and all.
            (Some(4), "invalid_value", Some("=\"Os\"&\"lo\"")),
            (Some(5), "invalid_user_type", Some("TRUE")),
        ]
    );
    let users: Vec<(u32, &str, &str, UserType, &str)> = report
        .users
        .iter()
        .map(|u| {
            let user = &u.user;
            (
                u.row,
                user.name.as_str(),
                user.email.as_str(),
                user.user_type,
                user.site.as_str(),
            )
        })
        .collect();
    assert_eq!(
        users,
        [
            (
                2,
                "Ada Lovelace",
                "ada@example.com",
                UserType::Privileged,
                "London"
            ),
            (3, "Bob", "bob@example.com", UserType::Standard, "007"),
            (6, "Fay", "fay@example.com", UserType::Standard, "50%"),
        ]
    );
}

#[test]
fn a_write_excel_file_export_reads_as_libreoffice_shows_it() {
    // tests/data/write_excel_file.mjs. Every Site as LibreOffice 7.4.7 shows it (dates
    // as ISO 8601), but the formula, which the writer saves without a result (and with
    // its `=` inside the formula: one `=` is shown), and the line break.
    let bytes = crate::support::data_file("write_excel_file_users.xlsx");
    let report = Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            (Some(6), "invalid_value", Some("=\"Os\"&\"lo\"")),
            (Some(11), "invalid_value", Some("Line\nbreak")),
        ]
    );
    let users: Vec<_> = report
        .users
        .iter()
        .map(|u| (u.row, u.user.email.as_str(), u.user.site.as_str()))
        .collect();
    assert_eq!(
        users,
        [
            (2, "jose@example.com", "Zürich"),
            (3, "ada@example.com", "007"),
            (4, "bob@example.com", "2024-03-01"),
            (5, "cy@example.com", "36:00"),
            (7, "ed@example.com", "TRUE"),
            (8, "flo@example.com", "25%"),
            (9, "gus@example.com", "12345678901"),
            (10, "hal@example.com", "13:30"),
            (12, "jo@example.com", "0.3"),
        ]
    );
    let first = &report.users[0].user;
    assert_eq!(
        (first.name.as_str(), first.user_type),
        ("José Müller", UserType::Privileged)
    );
}

#[test]
fn dates_saved_as_text_show_through_their_cell_s_format() {
    // tests/data/sheetjs_dates.js: SheetJS's `cellDates` saves dates as ISO 8601 text
    // (`t="d"`). Through a date format, the date as ISO 8601, as a date number reads;
    // through hh:mm and 0.0, what Excel and LibreOffice show (the date and time of
    // 2024-03-01 13:30 were read whole, as a Site no program shows).
    let users = bulk_users::parse(
        &crate::support::data_file("sheetjs_dates.xlsx"),
        Format::Xlsx,
    )
    .unwrap();
    let sites: Vec<_> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(sites, ["2024-03-01", "13:30", "13:30", "45352.5"]);
}

#[test]
fn text_shows_through_its_format_s_text_section() {
    // Excel, LibreOffice 7.4.7 and SheetJS SSF show text through a format's text section:
    // `"Site "@` shows Oslo as Site Oslo, and `;;;` hides it (the cell looks empty, and
    // an empty Site is the default one).
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    header(sheet, 0);
    let prefixed = CellFormat::new().set_num_format("\"Site \"@");
    let hidden = CellFormat::new().set_num_format(";;;");
    let text = CellFormat::new().set_num_format("@");
    for (row, (name, site, format)) in (1u32..).zip([
        ("Ada", "Oslo", &prefixed),
        ("Alan", "Oslo", &hidden),
        ("Grace", "Oslo", &text),
    ]) {
        sheet.write_string(row, 0, name).unwrap();
        sheet
            .write_string(row, 1, format!("{}@example.com", name.to_lowercase()))
            .unwrap();
        sheet
            .write_string_with_format(row, 3, site, format)
            .unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let users = bulk_users::parse(&bytes, Format::Xlsx).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(sites, ["Site Oslo", "HQ", "Oslo"]);
}

#[test]
fn a_number_format_defined_twice_shows_its_last_definition() {
    // tests/data/openxlsx_files.R: R's openxlsx defines format 165 as 0000 for the site
    // codes, then again as mm/dd/yyyy for a date on another sheet. Excel, LibreOffice
    // and Gnumeric show the site codes as dates (Gnumeric: 02/11/1900, 01/07/1900).
    let bytes = crate::support::data_file("openxlsx_duplicate_format.xlsx");
    let report = Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(report.errors, []);
    let sites: Vec<_> = report.users.iter().map(|u| u.user.site.as_str()).collect();
    assert_eq!(sites, ["1900-02-11", "1900-01-07"]);
}

#[test]
fn text_in_a_cell_marked_as_a_number_is_refused_where_it_stands() {
    // tests/data/pylightxl_files.py: pylightxl writes a date and a boolean as the text
    // `2024-03-01 00:00:00` and `True` in cells marked as numbers. LibreOffice shows
    // 2024 and 0 for them; read as written, they were two Sites no program shows.
    let bytes = crate::support::data_file("pylightxl_users.xlsx");
    let report = Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            (Some(2), "invalid_value", Some("=\"Lon\"&\"don\"")),
            (Some(3), "invalid_value", Some("=3+4")),
            (Some(5), "invalid_value", Some("2024-03-01 00:00:00")),
            (Some(7), "invalid_value", Some("True")),
        ]
    );
    assert_eq!(
        report.errors[2].message,
        "Site holds \"2024-03-01 00:00:00\" in a cell the file marks as a number, so what a \
         spreadsheet shows for it is unknown. Open the file in your spreadsheet program, type \
         the value again, save it, and upload it again."
    );
    let sites: Vec<_> = report.users.iter().map(|u| u.user.site.as_str()).collect();
    assert_eq!(sites, ["7", "0.5"]);
    // A spreadsheet error written without its type is still the error.
    let rows = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>User name*</t></is></c><c r="B1" t="inlineStr"><is><t>Email*</t></is></c><c r="C1" t="inlineStr"><is><t>Site</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>ada@example.com</t></is></c><c r="C2"><f>1/0</f><v>#DIV/0!</v></c></row>"#;
    let report = Options::new().check(&raw_xlsx(&[users_sheet(rows)], None), Format::Xlsx);
    assert_eq!(
        report.errors[0].message,
        "The cell shows the spreadsheet error #DIV/0!. Replace it with the site itself."
    );
}

/// The values of the sheet a workbook is read from, row by row, as the errors CSV
/// writes them back under its header: the row's number, then its cells.
fn cells_read(bytes: &[u8]) -> Vec<Vec<String>> {
    let file = Options::new().errors_csv(bytes, Format::Xlsx);
    let mut reader = csv::ReaderBuilder::new().from_reader(file.as_slice());
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            // The last column is the Errors column the file gains.
            let cells = record.iter().take(record.len() - 1);
            cells.map(str::to_owned).collect()
        })
        .collect()
}

#[test]
fn a_strict_open_xml_workbook_reads_as_excel_shows_it() {
    // Excel's "Strict Open XML Spreadsheet": the ISO 29500 Strict namespaces and
    // relationship types (`http://purl.oclc.org/ooxml/…`), `dateCompatibility="0"`,
    // and a date saved as ISO text (`t="d"`) instead of a serial.
    let bytes = crate::support::data_file("excel_strict.xlsx");
    assert!(crate::support::part(&bytes, "xl/workbook.xml").contains(r#"conformance="strict""#));
    let grid = |rows: &[&[&str]]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect()
    };
    // The first sheet, as LibreOffice 7.4.7 shows it.
    assert_eq!(
        cells_read(&bytes),
        grid(&[
            &["1", "test", "", "1"],
            &["2", "test 2", "", "2"],
            &["3", "", "", "3"],
            &["4", "", "", "4"],
            &["5", "", "", "5"],
            &["6", "", "", "6"],
        ])
    );

    // The second sheet, read by naming it Users: the date in A4 shows as every date
    // does, in ISO 8601 (LibreOffice: 01/01/1990 through format 14); the formulas in A7
    // and C7 show their saved results.
    let renamed = with_parts(&bytes, |name, content| match name {
        "xl/workbook.xml" => String::from_utf8(content)
            .unwrap()
            .replace(r#"name="Sheet Number 2""#, r#"name="Users""#)
            .into_bytes(),
        _ => content,
    });
    assert_eq!(
        cells_read(&renamed),
        grid(&[
            &["1", "This is sheet 2", "", "", "", "", ""],
            &["2", "Stuff", "", "", "", "", ""],
            &["3", "1", "2", "3", "4", "5", "6"],
            &["4", "1990-01-01", "", "", "", "", ""],
            &["7", "10", "", "3", "", "", ""],
        ])
    );
}
