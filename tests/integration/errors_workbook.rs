//! The errors workbook: the upload back as an .xlsx with every problem marked, fixed in
//! code and uploaded again.

use std::io::Cursor;

use bulk_users::{Format, Language, Options, UserType};
use calamine::{Data, Reader, Xlsx};

use crate::support::{csv, every_format, part, user, Grid, HEADER};

/// Every sheet's name and cell text, by (0-based row, column).
pub(crate) fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).expect("an .xlsx");
    let names = workbook.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).expect("a sheet");
            let (first_row, first_col) = range.start().unwrap_or((0, 0));
            let mut grid = vec![Vec::new(); first_row as usize];
            for row in range.rows() {
                let mut line = vec![String::new(); first_col as usize];
                line.extend(row.iter().map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::Float(f) => f.to_string(),
                    other => other.to_string(),
                }));
                grid.push(line);
            }
            (name, grid)
        })
        .collect()
}

/// The grid written back as the Users sheet of a new workbook, as a person's
/// spreadsheet program would save it.
fn resave(grid: &[Vec<String>]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Users").unwrap();
    for (r, row) in (0u32..).zip(grid) {
        for (c, value) in (0u16..).zip(row) {
            if !value.is_empty() {
                sheet.write_string(r, c, value).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

const UPLOAD: Grid = &[
    HEADER,
    &["Ada", "ada(at)example.com", "", "London"],
    &["", "bob@example.com", "Standard", ""],
    &["Cy", "cy@example.com", "Admin", "Oslo"],
    &[],
    &["=Di", "di@example.com", "", ""],
    &["Ed", "bob@example.com", "privileged", ""],
    &["Fay", "fay@example.com", "", "Tokyo"],
];

#[test]
fn every_problem_is_marked_in_place_and_fixing_the_marks_gives_the_users() {
    for (format, bytes) in every_format(UPLOAD) {
        let report = Options::new().check(&bytes, format);
        let workbook = Options::new().errors_xlsx(&bytes, format).unwrap();
        crate::excel::assert_excel_opens(&workbook);
        let all = sheets(&workbook);
        assert_eq!(all.len(), 1, "{format}: no Problems sheet for row problems");
        let (name, mut grid) = all.into_iter().next().unwrap();
        assert_eq!(name, "Users");
        // Row numbers of the report are rows of the sheet; the blank row 5 stays.
        assert_eq!(
            grid[0],
            ["User name*", "Email*", "User type", "Site", "Errors"]
        );
        assert_eq!(grid[1][1], "ada(at)example.com");
        assert!(
            grid[4].iter().all(String::is_empty),
            "{format}: {:?}",
            grid[4]
        );
        assert_eq!(grid[5][0], "=Di");
        assert_eq!(
            grid[3][4],
            "User type: \"Admin\" is not a user type. Use Standard or Privileged, or leave the cell empty for Standard."
        );
        assert_eq!(
            grid[7].get(4).map_or("", String::as_str),
            "",
            "{format}: a valid row has no errors"
        );
        // Every cell with a problem has a note with its message, and is filled.
        let notes = part(&workbook, "xl/comments1.xml")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        for error in &report.errors {
            assert!(
                notes.contains(&error.message),
                "{format}: {}",
                error.message
            );
        }
        let sheet = part(&workbook, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains("<dataValidation"),
            "{format}: the User type dropdown"
        );
        assert!(
            sheet.contains(r#"<pane ySplit="1""#),
            "{format}: the header is frozen"
        );
        // Fix exactly the marked cells.
        let fixes = [
            ((2, 1), "ada@example.com"),
            ((3, 0), "Bob"),
            ((4, 2), "Privileged"),
            ((6, 0), "Di"),
            ((7, 1), "ed@example.com"),
        ];
        let marked: Vec<(u32, u32)> = report
            .errors
            .iter()
            .map(|e| (e.row.unwrap(), e.column_index.unwrap()))
            .collect();
        assert_eq!(marked, fixes.map(|(cell, _)| cell), "{format}");
        for ((row, column), value) in fixes {
            grid[row as usize - 1][column as usize] = value.to_owned();
        }
        let users = bulk_users::parse(&resave(&grid), Format::Xlsx).unwrap();
        assert_eq!(
            users,
            [
                user("Ada", "ada@example.com", UserType::Standard, "London"),
                user("Bob", "bob@example.com", UserType::Standard, "HQ"),
                user("Cy", "cy@example.com", UserType::Privileged, "Oslo"),
                user("Di", "di@example.com", UserType::Standard, "HQ"),
                user("Ed", "ed@example.com", UserType::Privileged, "HQ"),
                user("Fay", "fay@example.com", UserType::Standard, "Tokyo"),
            ],
            "{format}"
        );
        // Uploaded unfixed, the workbook gives the same problems at the same places.
        let again = bulk_users::parse(&workbook, Format::Xlsx).unwrap_err();
        let again: Vec<(Option<u32>, Option<u32>, &str)> = again
            .iter()
            .map(|e| (e.row, e.column_index, e.code.as_str()))
            .collect();
        let first: Vec<(Option<u32>, Option<u32>, &str)> = report
            .errors
            .iter()
            .map(|e| (e.row, e.column_index, e.code.as_str()))
            .collect();
        assert_eq!(again, first, "{format}");
    }
}

#[test]
fn header_and_file_problems_go_on_a_problems_sheet_it_opens_on() {
    let upload = csv(&[&["User name", "Phone"], &["Ada", "555"]]);
    let workbook = Options::new().errors_xlsx(&upload, Format::Csv).unwrap();
    crate::excel::assert_excel_opens(&workbook);
    let all = sheets(&workbook);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Users", "Problems"]);
    let problems = &all[1].1;
    assert_eq!(problems[0], ["Row", "Problem"]);
    assert_eq!(problems[1][0], "1");
    assert!(
        problems
            .iter()
            .any(|r| r[1].starts_with("Email: The header row has no Email column.")),
        "{problems:?}"
    );
    assert!(part(&workbook, "xl/workbook.xml").contains(r#"activeTab="1""#));
}

#[test]
fn over_the_limit_every_row_is_kept_and_the_problems_say_to_split() {
    let rows: Vec<Vec<String>> = (0..30)
        .map(|i| vec![format!("User {i}"), format!("u{i}@example.com")])
        .collect();
    let mut grid: Vec<&[&str]> = vec![&["User name", "Email"]];
    let refs: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    grid.extend(refs.iter().map(Vec::as_slice));
    let options = Options::new().max_rows(10);
    let workbook = options.errors_xlsx(&csv(&grid), Format::Csv).unwrap();
    crate::excel::assert_excel_opens(&workbook);
    let all = sheets(&workbook);
    assert_eq!(all[0].1.len(), 31, "every row of the file is there");
    assert_eq!(all[0].1[30][0], "User 29");
    let problems = &all[1].1;
    assert_eq!(problems[1][0], "12");
    assert_eq!(
        problems[2][1],
        "The file has 30 users; at most 10 can be added at once. Split them into files of at most 10 users and upload each."
    );
}

#[test]
fn an_unreadable_upload_gives_the_reason_and_the_empty_template() {
    let workbook = Options::new()
        .errors_xlsx(b"not a workbook", Format::Xlsx)
        .unwrap();
    let all = sheets(&workbook);
    assert_eq!(
        all[0].1[0],
        ["User name*", "Email*", "User type", "Site", "Errors"]
    );
    assert_eq!(all[0].1.len(), 1);
    assert!(
        all[1].1[1][1]
            .starts_with("This file is not an Excel workbook (.xlsx) but looks like a CSV file."),
        "{:?}",
        all[1].1
    );
    assert_eq!(
        all[1].1[2][1],
        "The upload could not be read, so the Users sheet is the empty template: copy the users into it and upload it."
    );
}

#[test]
fn a_valid_upload_gives_the_workbook_unmarked_and_it_parses() {
    let grid: Grid = &[HEADER, &["Ada", "ada@example.com", "Privileged", "Oslo"]];
    let workbook = Options::new().errors_xlsx(&csv(grid), Format::Csv).unwrap();
    crate::excel::assert_excel_opens(&workbook);
    assert_eq!(sheets(&workbook).len(), 1);
    assert!(zip::ZipArchive::new(Cursor::new(&workbook))
        .unwrap()
        .by_name("xl/comments1.xml")
        .is_ok());
    let users = bulk_users::parse(&workbook, Format::Xlsx).unwrap();
    assert_eq!(
        users,
        [user("Ada", "ada@example.com", UserType::Privileged, "Oslo")]
    );
}

#[test]
fn in_the_person_s_language() {
    let options = Options::new().language(Language::French);
    let workbook = options.errors_xlsx(&csv(UPLOAD), Format::Csv).unwrap();
    crate::excel::assert_excel_opens(&workbook);
    let all = sheets(&workbook);
    assert_eq!(all[0].1[0][4], "Erreurs");
    assert!(
        all[0].1[1][4].starts_with("E-mail : « ada(at)example.com » n'est pas une adresse e-mail.")
            || all[0].1[1][4].starts_with("E-mail: « ada(at)example.com »"),
        "{}",
        all[0].1[1][4]
    );
    // An English service ignores the French Errors column on upload.
    let errors = bulk_users::parse(&workbook, Format::Xlsx).unwrap_err();
    assert!(
        errors.iter().all(|e| e.code.as_str() != "unknown_column"),
        "{errors}"
    );
}

/// The errors workbook of `cli/data/sample.csv`, fixed and saved by openpyxl, and saved
/// unfixed by LibreOffice (`tests/data/README.md`).
#[test]
fn real_writers_round_trip_the_errors_workbook() {
    let read = crate::support::data_file;
    let users =
        bulk_users::parse(&read("openpyxl_fixed_errors_workbook.xlsx"), Format::Xlsx).unwrap();
    assert_eq!(users.len(), 6);
    assert_eq!(
        users[2],
        user(
            "Alan Turing",
            "alan.turing@example.com",
            UserType::Standard,
            "Manchester"
        )
    );
    assert_eq!(users[4].name, "Mallory");
    let errors = bulk_users::parse(
        &read("libreoffice_resaved_errors_workbook.xlsx"),
        Format::Xlsx,
    )
    .unwrap_err();
    let cells: Vec<(Option<String>, &str)> = errors
        .iter()
        .map(|e| {
            (
                e.column_letter().zip(e.row).map(|(l, r)| format!("{l}{r}")),
                e.code.as_str(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            (Some("B4".to_owned()), "invalid_email"),
            (Some("C6".to_owned()), "invalid_user_type"),
            (Some("A7".to_owned()), "unsafe_value"),
            (Some("B8".to_owned()), "duplicate_email"),
        ]
    );
}

#[test]
fn the_workbook_from_a_report_is_the_workbook_of_the_upload() {
    let grid: Grid = &[
        HEADER,
        &["Ada", "ada@example.com", "", ""],
        &["Bob", "bob(at)example.com", "Boss", ""],
    ];
    let over: Vec<Vec<String>> = std::iter::once(vec!["User name".into(), "Email".into()])
        .chain((0..12).map(|i| vec![format!("U{i}"), format!("u{i}@example.com")]))
        .collect();
    let over: Vec<&[String]> = over.iter().map(Vec::as_slice).collect();
    let over: Vec<Vec<&str>> = over
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let over: Vec<&[&str]> = over.iter().map(Vec::as_slice).collect();
    let mut uploads: Vec<(Format, Vec<u8>)> = every_format(grid).into();
    uploads.extend(every_format(&over));
    uploads.push((Format::Xlsx, b"PK\x03\x04 not a workbook".to_vec()));
    uploads.push((Format::Csv, Vec::new()));
    let options = Options::new().max_rows(10);
    for (format, bytes) in uploads {
        let report = options.check(&bytes, format);
        let from_report = options.errors_xlsx_from(&report, &bytes, format).unwrap();
        let direct = options.errors_xlsx(&bytes, format).unwrap();
        assert!(from_report == direct, "{format}, {} bytes", bytes.len());
    }
}
