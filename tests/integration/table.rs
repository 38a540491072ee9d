//! The upload as a grid to correct (`Options::table`) and the grid written back
//! (`Table::to_csv`): checking the grid gives what checking the file gives, at the same
//! rows and cells.

use bulk_users::{ErrorCode, Format, Options, Report, Table, TableRow, UnknownColumns};
use proptest::prelude::*;

use crate::support::{csv, every_format};

/// Each problem as (row, cell, code).
fn problems(report: &Report) -> Vec<(Option<u32>, Option<u32>, ErrorCode)> {
    report
        .errors
        .iter()
        .map(|e| (e.row, e.column_index, e.code))
        .collect()
}

fn table_of(options: &Options, bytes: &[u8], format: Format) -> (Report, Option<Table>) {
    let report = options.check(bytes, format);
    let table = options.table(&report, bytes, format);
    (report, table)
}

#[test]
fn every_real_file_checks_the_same_through_its_table() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut tables = 0;
    for name in names {
        let Some(format) = Format::from_extension(&name) else {
            continue;
        };
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        let options = Options::new();
        let (report, table) = table_of(&options, &bytes, format);
        let Some(table) = table else {
            continue;
        };
        tables += 1;
        let again = options.check(&table.to_csv(), Format::Csv);
        let left_out = [
            ErrorCode::UnknownColumn,
            ErrorCode::DuplicateColumn,
            ErrorCode::ExtraValue,
            ErrorCode::ExampleRow,
        ];
        // Text in a cell marked as a number (pylightxl's date and boolean, rows 5 and 7)
        // is refused because what a spreadsheet shows for it is unknown; the grid shows
        // the text itself, which is then what the person sees.
        let shown_as_text = |e: &&bulk_users::RowError| {
            name == "pylightxl_users.xlsx" && matches!(e.row, Some(5 | 7))
        };
        // A formula without a saved result is its text in the grid: refused again at
        // its cell, for what the text is (a formula, not a user type): its code is
        // not compared.
        let expected: Vec<_> = report
            .errors
            .iter()
            .filter(|e| !left_out.contains(&e.code) && !shown_as_text(e))
            .map(|e| {
                let formula = e.code == ErrorCode::InvalidValue
                    && e.value.as_deref().is_some_and(|v| v.starts_with('='));
                (e.row, e.column_index, (!formula).then_some(e.code))
            })
            .collect();
        let again_problems = problems(&again);
        let found: Vec<_> = again_problems
            .iter()
            .zip(&expected)
            .map(|(p, e)| (p.0, p.1, e.2.and(Some(p.2))))
            .collect();
        assert_eq!(found.len(), again_problems.len(), "{name}");
        assert_eq!(found, expected, "{name}");
        let users = |r: &Report| {
            r.users
                .iter()
                .map(|u| (u.row, u.user.clone()))
                .collect::<Vec<_>>()
        };
        if report.errors.is_empty() {
            assert_eq!(users(&again), users(&report), "{name}");
        }
    }
    assert!(tables > 20, "{tables}");
}

fn row(row: u32, values: [&str; 4]) -> TableRow {
    let [name, email, user_type, site] = values.map(str::to_owned);
    TableRow {
        row,
        name,
        email,
        user_type,
        site,
    }
}

/// Each problem as (row, column name, code).
fn located(report: &Report) -> Vec<(Option<u32>, Option<&'static str>, &'static str)> {
    report
        .errors
        .iter()
        .map(|e| (e.row, e.column.map(|c| c.name()), e.code.as_str()))
        .collect()
}

#[test]
fn a_grid_corrected_row_by_row_keeps_the_file_s_rows_and_cells() {
    let grid: &[&[&str]] = &[
        &["Users to add"],
        &[],
        &["Site", "Email", "User name", "User type"],
        &["Oslo", "ada@example.com", "Ada", ""],
        &["", "bob(at)example.com", "Bob", "Admin"],
        &[],
        &["", "ada@example.com", "Ada again", ""],
        &["=cmd", "cy@example.com", "", ""],
    ];
    for (format, bytes) in every_format(grid) {
        let options = Options::new();
        let (report, table) = table_of(&options, &bytes, format);
        let mut table = table.unwrap();
        assert_eq!(table.header_row, 3, "{format:?}");
        assert_eq!(table.columns, [2, 1, 3, 0], "{format:?}");
        assert_eq!(
            table.rows,
            [
                row(4, ["Ada", "ada@example.com", "", "Oslo"]),
                row(5, ["Bob", "bob(at)example.com", "Admin", ""]),
                row(7, ["Ada again", "ada@example.com", "", ""]),
                row(8, ["", "cy@example.com", "", "=cmd"]),
            ],
            "{format:?}"
        );
        let again = options.check(&table.to_csv(), Format::Csv);
        let expected = [
            (Some(5), Some("Email"), "invalid_email"),
            (Some(5), Some("User type"), "invalid_user_type"),
            (Some(7), Some("Email"), "duplicate_email"),
            (Some(8), Some("Site"), "unsafe_value"),
            (Some(8), Some("User name"), "missing_value"),
        ];
        assert_eq!(located(&report), expected, "{format:?}");
        assert_eq!(located(&again), expected, "{format:?}");
        // The cells are the file's: Email is column B.
        assert_eq!(again.errors[0].column_index, Some(1));
        assert_eq!(again.errors[0].message, report.errors[0].message);
        // Corrected in the grid: fix two cells, delete the duplicate, add a user.
        table.rows[1].email = "bob@example.com".into();
        table.rows[1].user_type = "Privileged".into();
        table.rows.remove(2);
        table.rows[2].name = "Cy".into();
        table.rows[2].site = "Bergen".into();
        table.rows.push(row(9, ["Di", "di@example.com", "", ""]));
        let again = options.check(&table.to_csv(), Format::Csv);
        assert_eq!(located(&again), [], "{format:?}");
        let users: Vec<_> = again
            .users
            .iter()
            .map(|u| (u.row, u.user.name.as_str(), u.user.site.as_str()))
            .collect();
        assert_eq!(
            users,
            [
                (4, "Ada", "Oslo"),
                (5, "Bob", "HQ"),
                (8, "Cy", "Bergen"),
                (9, "Di", "HQ")
            ],
            "{format:?}"
        );
    }
}

#[test]
fn another_system_s_list_is_a_grid_of_the_template_s_columns_without_its_example() {
    let options = Options::new();
    let bytes = crate::lists::entra(true);
    let (report, table) = table_of(&options, &bytes, Format::Csv);
    assert_eq!(located(&report), [(Some(3), None, "example_row")]);
    let table = table.unwrap();
    assert_eq!(table.header_row, 2);
    let rows: Vec<_> = table.rows.iter().map(|r| (r.row, r.values())).collect();
    let users: Vec<_> = report.users.iter().map(|u| u.row).collect();
    assert_eq!(users, [4, 5]);
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [4, 5]);
    assert_eq!(rows[0].1[..2], ["Ada Lovelace", "ada@contoso.com"]);
    let again = options.check(&table.to_csv(), Format::Csv);
    assert_eq!(located(&again), []);
    let expected = options.check(&crate::lists::entra(false), Format::Csv);
    let names = |r: &Report| r.users.iter().map(|u| u.user.clone()).collect::<Vec<_>>();
    assert_eq!(names(&again), names(&expected));
}

#[test]
fn first_and_last_names_are_joined_in_the_grid() {
    let grid: &[&[&str]] = &[
        &["First name", "Last name", "Email"],
        &["Ada", "Lovelace", "ada@example.com"],
        &["", "Hopper", "grace@example.com"],
    ];
    let options = Options::new();
    let (_, table) = table_of(&options, &csv(grid), Format::Csv);
    let table = table.unwrap();
    let names: Vec<_> = table.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "Hopper"]);
    // The User name is where the first name is.
    assert_eq!(table.columns, [0, 2, 3, 4]);
}

#[test]
fn columns_the_template_lacks_are_left_out_of_the_grid() {
    let grid: &[&[&str]] = &[
        &["User name", "Phone", "Email", "", "Email"],
        &[
            "Ada",
            "555",
            "ada@example.com",
            "stray",
            "other@example.com",
        ],
    ];
    let options = Options::new();
    let (report, table) = table_of(&options, &csv(grid), Format::Csv);
    assert_eq!(
        located(&report),
        [
            (Some(1), None, "unknown_column"),
            (Some(1), Some("Email"), "duplicate_column"),
            (Some(2), None, "extra_value"),
        ]
    );
    let table = table.unwrap();
    assert_eq!(table.rows, [row(2, ["Ada", "ada@example.com", "", ""])]);
    assert_eq!(located(&options.check(&table.to_csv(), Format::Csv)), []);
    let ignoring = Options::new().unknown_columns(UnknownColumns::Ignore);
    assert_eq!(
        table_of(&ignoring, &csv(grid), Format::Csv).1.unwrap(),
        table
    );
}

#[test]
fn no_grid_for_a_file_that_has_none_to_correct() {
    let options = Options::new().max_rows(2);
    let none = |bytes: &[u8]| table_of(&options, bytes, Format::Csv).1;
    assert_eq!(none(b""), None);
    assert_eq!(none(b"\x00\x01binary"), None);
    assert_eq!(none(b"Name,Phone\nAda,1\n"), None, "no Email column");
    assert_eq!(table_of(&options, b"PK\x03\x04", Format::Xlsx).1, None);
    // Over the limit, up to twice it: the rows to delete are in the grid.
    let mut text = String::from("User name,Email\n");
    for i in 1..=4 {
        text.push_str(&format!("U{i},u{i}@example.com\n"));
    }
    let (report, table) = table_of(&options, text.as_bytes(), Format::Csv);
    assert_eq!(located(&report), [(Some(4), None, "too_many_rows")]);
    let mut table = table.unwrap();
    assert_eq!(table.rows.len(), 4);
    assert_eq!(
        located(&options.check(&table.to_csv(), Format::Csv)),
        [(Some(4), None, "too_many_rows")]
    );
    table.rows.truncate(2);
    assert!(options.check(&table.to_csv(), Format::Csv).is_valid());
    // Past twice the limit, splitting the file is the fix.
    text.push_str("U5,u5@example.com\n");
    assert_eq!(none(text.as_bytes()), None);
}

#[test]
fn a_table_from_anywhere_writes_a_bounded_csv() {
    let table = Table {
        header_row: u32::MAX,
        columns: [u32::MAX, 7, 7, 1],
        rows: vec![
            row(u32::MAX, ["Ada", "ada@example.com", "", ""]),
            row(0, ["Bob", "bob@example.com", "", ""]),
        ],
    };
    let csv = table.to_csv();
    // Numbers past a sheet go on the next line; columns that clash are A to D.
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        "\u{FEFF}sep=,\r\nUser name,Email,User type,Site\r\nBob,bob@example.com,,\r\nAda,ada@example.com,,\r\n"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// What the grid writes, the crate reads back as the same grid.
    #[test]
    fn a_table_reads_back_as_written(
        header_row in 1u32..5,
        gaps in proptest::collection::vec((0u32..3, proptest::array::uniform4("[A-Za-z0-9 ,;\"'@=é東.-]{0,12}")), 0..20),
        columns in Just([0u32, 1, 2, 3]).prop_shuffle(),
        spread in 0u32..3,
    ) {
        let columns = columns.map(|c| c * (spread + 1));
        let mut rows = Vec::new();
        let mut at = header_row;
        for (gap, values) in gaps {
            at += 1 + gap;
            let values = values.map(|v| v.trim().to_owned());
            if values.iter().all(String::is_empty) {
                continue;
            }
            let [name, email, user_type, site] = values;
            rows.push(TableRow { row: at, name, email, user_type, site });
        }
        let table = Table { header_row, columns, rows };
        let bytes = table.to_csv();
        let options = Options::new().max_rows(100);
        let report = options.check(&bytes, Format::Csv);
        let read = options.table(&report, &bytes, Format::Csv);
        prop_assert_eq!(read.as_ref(), Some(&table));
    }
}

#[test]
fn a_nul_in_the_grid_is_refused_in_its_cell() {
    // A damaged workbook can hold a NUL, which no text file does: the grid's CSV has
    // U+FFFD there, refused in the same cell.
    let table = Table {
        header_row: 1,
        columns: [0, 1, 2, 3],
        rows: vec![row(2, ["Ad\0a", "ada@example.com", "", ""])],
    };
    let again = Options::new().check(&table.to_csv(), Format::Csv);
    assert_eq!(
        located(&again),
        [(Some(2), Some("User name"), "invalid_value")]
    );
}
