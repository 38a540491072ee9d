//! OpenDocument spreadsheets as LibreOffice writes them: repeats, merged and covered
//! cells, hidden tables, paragraphs and spaces, dates and booleans, formulas.

use bulk_users::{ErrorCode, Format, UserType};

use crate::support::{
    assert_errors, assert_users, ods_package, raw_ods, string_cell, text_cell, user, RawTable,
};

const HEADER_ROW: &str = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>User name*</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Email*</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>User type</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Site</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>"#;

const EMPTY: &str = "<table:table-cell/>";

fn users_table(rows: &str) -> Vec<u8> {
    raw_ods(&[RawTable {
        name: "Users",
        hidden: false,
        rows: &format!("{HEADER_ROW}{rows}"),
    }])
}

fn row(cells: &[String]) -> String {
    format!("<table:table-row>{}</table:table-row>", cells.concat())
}

#[test]
fn row_numbers_stay_true_across_repeated_blank_rows() {
    let rows = format!(
        r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>{}"#,
        row(&[text_cell("Ada"), text_cell("ada(at)example.com")])
    );
    assert_errors(
        &users_table(&rows),
        Format::Ods,
        &[(Some(5), Some("Email"), "invalid_email")],
    );
}

#[test]
fn a_repeated_user_row_is_that_many_rows() {
    let rows = format!(
        r#"<table:table-row table:number-rows-repeated="2">{}{}</table:table-row>"#,
        text_cell("Ada"),
        text_cell("ada@example.com")
    );
    assert_errors(
        &users_table(&rows),
        Format::Ods,
        &[(Some(3), Some("Email"), "duplicate_email")],
    );
}

#[test]
fn repeated_cells_repeat_their_value() {
    let rows = format!(
        r#"<table:table-row>{}{}<table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>Standard</text:p></table:table-cell></table:table-row>"#,
        text_cell("Ada"),
        text_cell("ada@example.com"),
    );
    assert_users(
        &users_table(&rows),
        Format::Ods,
        &[user(
            "Ada",
            "ada@example.com",
            UserType::Standard,
            "Standard",
        )],
    );
}

#[test]
fn paragraphs_spaces_spans_and_links_read_as_shown() {
    // LibreOffice 7.4.7 and Gnumeric 1.12.55 show a paragraph's spaces as they stand
    // beside `text:s` (one space, then two): three spaces.
    let rows = row(&[
        text_cell(
            r#"<text:span text:style-name="T1">Ada</text:span><text:s/>  <text:a xlink:href="x">Love</text:a>lace"#,
        ),
        text_cell("ada@example.com"),
        EMPTY.to_owned(),
        text_cell(r#"New<text:s text:c="2"/>York"#),
    ]);
    assert_users(
        &users_table(&rows),
        Format::Ods,
        &[user(
            "Ada   Lovelace",
            "ada@example.com",
            UserType::Standard,
            "New  York",
        )],
    );
}

#[test]
fn white_space_in_a_paragraph_is_kept_and_between_paragraphs_is_not_text() {
    // What LibreOffice 7.4.7 and Gnumeric 1.12.55 show for each cell: the runs of
    // spaces as they are; a line break written in the XML is a line break (so the
    // value is refused, as any line break is); the indentation around paragraphs is
    // nothing.
    let rows = format!(
        "{}{}{}{}",
        row(&[
            string_cell("\n  <text:p>Ada    Lovelace</text:p>\n"),
            text_cell("ada@example.com"),
            EMPTY.to_owned(),
            string_cell("<text:p>Oslo<text:s text:c=\"3\"/></text:p>\n   "),
        ]),
        row(&[
            text_cell("\n   <text:span>Grace</text:span>\n   <text:span>Hopper</text:span>\n"),
            text_cell("grace@example.com"),
        ]),
        row(&[
            string_cell("<text:p>Alan</text:p>\n   <text:p>Turing</text:p>"),
            text_cell("alan@example.com"),
        ]),
        row(&[
            text_cell("Edsger\tDijkstra"),
            text_cell("edsger@example.com"),
        ]),
    );
    let report = bulk_users::Options::new().check(&users_table(&rows), Format::Ods);
    let users: Vec<_> = report
        .users
        .iter()
        .map(|u| (u.row, u.user.name.as_str(), u.user.site.as_str()))
        .collect();
    assert_eq!(users, [(2, "Ada    Lovelace", "Oslo")]);
    assert_eq!(
        crate::support::valued(&report.errors),
        [
            (Some(3), "invalid_value", Some("Grace\n   Hopper")),
            (Some(4), "invalid_value", Some("Alan\nTuring")),
            (Some(5), "invalid_value", Some("Edsger\tDijkstra")),
        ]
    );
}

#[test]
fn only_a_cell_s_own_paragraphs_are_its_text() {
    // LibreOffice 7.4.7 and Gnumeric 1.12.55 show nothing of a heading, a list or a
    // section in a cell: the first and third Sites are empty (the default site), the
    // second is the paragraph after the list.
    let rows = format!(
        "{}{}{}",
        row(&[
            text_cell("Ada"),
            text_cell("ada@example.com"),
            EMPTY.to_owned(),
            string_cell("<text:h>Oslo</text:h>"),
        ]),
        row(&[
            text_cell("Grace"),
            text_cell("grace@example.com"),
            EMPTY.to_owned(),
            string_cell(
                "<text:list><text:list-item><text:p>Oslo</text:p></text:list-item></text:list>\
                 <text:p>Bergen</text:p>"
            ),
        ]),
        row(&[
            text_cell("Alan"),
            text_cell("alan@example.com"),
            EMPTY.to_owned(),
            string_cell(r#"<text:section text:name="s"><text:p>Oslo</text:p></text:section>"#),
        ]),
    );
    let users = bulk_users::parse(&users_table(&rows), Format::Ods).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(sites, ["HQ", "Bergen", "HQ"]);
}

#[test]
fn a_cell_s_string_value_is_its_text_as_libreoffice_shows_it() {
    // What LibreOffice 7.4.7 shows for each Site: `office:string-value` over the
    // paragraph, with or without a value type; an empty one is passed over (Gnumeric
    // 1.12.55 shows that cell empty, and the others as LibreOffice does).
    let site = |attributes: &str, paragraph: &str| {
        format!("<table:table-cell {attributes}>{paragraph}</table:table-cell>")
    };
    let rows = format!(
        "{}{}{}{}",
        row(&[
            text_cell("Ada"),
            text_cell("ada@example.com"),
            EMPTY.to_owned(),
            site(
                r#"office:value-type="string" office:string-value="Paris""#,
                "<text:p/>"
            ),
        ]),
        row(&[
            text_cell("Grace"),
            text_cell("grace@example.com"),
            EMPTY.to_owned(),
            site(
                r#"office:value-type="string" office:string-value="Oslo  Sentrum""#,
                "<text:p>London</text:p>"
            ),
        ]),
        row(&[
            text_cell("Alan"),
            text_cell("alan@example.com"),
            EMPTY.to_owned(),
            site(
                r#"office:value-type="string" office:string-value="""#,
                "<text:p>Rome</text:p>"
            ),
        ]),
        row(&[
            text_cell("Edsger"),
            text_cell("edsger@example.com"),
            EMPTY.to_owned(),
            site(r#"office:string-value="Bern""#, "<text:p>Wien</text:p>"),
        ]),
    );
    let users = bulk_users::parse(&users_table(&rows), Format::Ods).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(sites, ["Paris", "Oslo  Sentrum", "Rome", "Bern"]);
}

#[test]
fn a_pandas_ods_reads_its_spaces_as_libreoffice_shows_them() {
    // tests/data/pandas_ods.py: pandas writes each text as it stands in one paragraph;
    // LibreOffice 7.4.7 and Gnumeric 1.12.55 show the runs of spaces and the line break.
    let report =
        bulk_users::Options::new().check(&crate::support::data_file("pandas_odf.ods"), Format::Ods);
    let users: Vec<_> = report
        .users
        .iter()
        .map(|u| (u.row, u.user.clone()))
        .collect();
    assert_eq!(
        users,
        [
            (
                2,
                user(
                    "Ada   Lovelace",
                    "ada@example.com",
                    UserType::Standard,
                    "New  York"
                )
            ),
            (
                4,
                user(
                    "Alan  Turing",
                    "alan@example.com",
                    UserType::Privileged,
                    "HQ"
                )
            ),
        ]
    );
    assert_eq!(
        crate::support::valued(&report.errors),
        [(Some(3), "invalid_value", Some("Grace\nHopper"))]
    );
}

#[test]
fn a_line_break_or_a_second_paragraph_is_a_control_character() {
    let rows = format!(
        "{}{}",
        row(&[text_cell("Ada<text:line-break/>Lovelace"), text_cell("ada@example.com")]),
        row(&[
            r#"<table:table-cell office:value-type="string"><text:p>Grace</text:p><text:p>Hopper</text:p></table:table-cell>"#.to_owned(),
            text_cell("grace@example.com"),
        ]),
    );
    assert_errors(
        &users_table(&rows),
        Format::Ods,
        &[
            (Some(2), Some("User name"), "invalid_value"),
            (Some(3), Some("User name"), "invalid_value"),
        ],
    );
}

#[test]
fn annotations_are_not_the_cell_text() {
    let rows = row(&[
        r#"<table:table-cell office:value-type="string"><office:annotation><dc:creator>Bob</dc:creator><text:p>check this</text:p></office:annotation><text:p>Ada</text:p></table:table-cell>"#.to_owned(),
        text_cell("ada@example.com"),
    ]);
    assert_users(
        &users_table(&rows),
        Format::Ods,
        &[user("Ada", "ada@example.com", UserType::Standard, "HQ")],
    );
}

#[test]
fn a_ruby_s_reading_is_not_the_cell_text() {
    // A phonetic guide over 田中: LibreOffice 7.4.7 shows the cell as 田中 太郎.
    let rows = row(&[
        r#"<table:table-cell office:value-type="string"><text:p><text:ruby><text:ruby-base>田中</text:ruby-base><text:ruby-text>たなか</text:ruby-text></text:ruby> 太郎</text:p></table:table-cell>"#.to_owned(),
        text_cell("tanaka@example.com"),
    ]);
    assert_users(
        &users_table(&rows),
        Format::Ods,
        &[user(
            "田中 太郎",
            "tanaka@example.com",
            UserType::Standard,
            "HQ",
        )],
    );
}

#[test]
fn numbers_show_their_value_as_libreoffice_does_dates_and_booleans_too() {
    // Without a data style, a number shows as LibreOffice's Standard format shows its
    // value, whatever text the writer put beside it; the data styles are held by
    // `conformance::ods_data_styles_show_what_libreoffice_shows`.
    let rows = row(&[
        text_cell("Ada"),
        text_cell("ada@example.com"),
        EMPTY.to_owned(),
        r#"<table:table-cell office:value-type="float" office:value="7"><text:p>Site 007</text:p></table:table-cell>"#.to_owned(),
    ]) + &row(&[
        r#"<table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>01/03/24</text:p></table:table-cell>"#.to_owned(),
        text_cell("d@example.com"),
        EMPTY.to_owned(),
        r#"<table:table-cell office:value-type="date" office:date-value="2024-03-01T09:30:00"><text:p>1 Mar</text:p></table:table-cell>"#.to_owned(),
    ]) + &row(&[
        r#"<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>"#.to_owned(),
        text_cell("b@example.com"),
        EMPTY.to_owned(),
        r#"<table:table-cell office:value-type="time" office:time-value="PT09H05M00S"><text:p>9:05 AM</text:p></table:table-cell>"#.to_owned(),
    ]) + &row(&[
        text_cell("Percent"),
        text_cell("p@example.com"),
        EMPTY.to_owned(),
        r#"<table:table-cell office:value-type="percentage" office:value="0.5"/>"#.to_owned(),
    ]);
    assert_users(
        &users_table(&rows),
        Format::Ods,
        &[
            user("Ada", "ada@example.com", UserType::Standard, "7"),
            user(
                "2024-03-01",
                "d@example.com",
                UserType::Standard,
                "2024-03-01 09:30:00",
            ),
            user(
                "TRUE",
                "b@example.com",
                UserType::Standard,
                "0.378472222222222",
            ),
            user("Percent", "p@example.com", UserType::Standard, "0.5"),
        ],
    );
}

#[test]
fn merged_cells_show_their_value_over_the_whole_range() {
    // Site "London" merged over rows 2 to 4; User type merged over two columns is not
    // possible in the template, so the range here is one column wide and three high.
    let rows = format!(
        "{}{}{}",
        row(&[
            text_cell("Ada"),
            text_cell("ada@example.com"),
            EMPTY.to_owned(),
            r#"<table:table-cell table:number-rows-spanned="3" table:number-columns-spanned="1" office:value-type="string"><text:p>London</text:p></table:table-cell>"#.to_owned(),
        ]),
        row(&[text_cell("Bob"), text_cell("bob@example.com"), EMPTY.to_owned(), "<table:covered-table-cell/>".to_owned()]),
        row(&[text_cell("Cy"), text_cell("cy@example.com"), EMPTY.to_owned(), "<table:covered-table-cell/>".to_owned()]),
    ) + &row(&[text_cell("Di"), text_cell("di@example.com")]);
    assert_users(
        &users_table(&rows),
        Format::Ods,
        &[
            user("Ada", "ada@example.com", UserType::Standard, "London"),
            user("Bob", "bob@example.com", UserType::Standard, "London"),
            user("Cy", "cy@example.com", UserType::Standard, "London"),
            user("Di", "di@example.com", UserType::Standard, "HQ"),
        ],
    );
}

#[test]
fn the_users_table_or_the_first_shown_one() {
    let ada = row(&[text_cell("Ada"), text_cell("ada@example.com")]);
    let notes = row(&[text_cell("just notes")]);
    let users = format!("{HEADER_ROW}{ada}");
    let bytes = raw_ods(&[
        RawTable {
            name: "Notes",
            hidden: false,
            rows: &notes,
        },
        RawTable {
            name: "users",
            hidden: false,
            rows: &users,
        },
    ]);
    assert_users(
        &bytes,
        Format::Ods,
        &[user("Ada", "ada@example.com", UserType::Standard, "HQ")],
    );
    let bytes = raw_ods(&[
        RawTable {
            name: "Old",
            hidden: true,
            rows: &notes,
        },
        RawTable {
            name: "Sheet2",
            hidden: false,
            rows: &users,
        },
    ]);
    assert_users(
        &bytes,
        Format::Ods,
        &[user("Ada", "ada@example.com", UserType::Standard, "HQ")],
    );
}

#[test]
fn a_formula_without_a_result_and_an_error_cell() {
    let rows = row(&[
        text_cell("Ada"),
        text_cell("ada@example.com"),
        r#"<table:table-cell table:formula="of:=IF(1;&quot;Privileged&quot;;&quot;Standard&quot;)"/>"#.to_owned(),
        r#"<table:table-cell table:formula="of:=NA()" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>"#.to_owned(),
    ]);
    let errors = bulk_users::parse(&users_table(&rows), Format::Ods).unwrap_err();
    let got: Vec<(Option<u32>, Option<&str>, &str)> = errors
        .iter()
        .map(|e| (e.row, e.column.map(|c| c.name()), e.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(2), Some("User type"), "invalid_value"),
            (Some(2), Some("Site"), "invalid_value")
        ]
    );
    assert_eq!(
        errors[0].message,
        "User type is a formula whose result is not saved in the file, so what it shows is \
         unknown. Open the file in your spreadsheet program, save it, and upload it again \
         (or type the value instead of the formula)."
    );
    assert_eq!(
        errors[1].message,
        "The cell shows the spreadsheet error #N/A. Replace it with the site itself."
    );
}

#[test]
fn a_password_protected_file_says_so() {
    let manifest = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>"#;
    let bytes = ods_package("not xml at all: encrypted", Some(manifest));
    let errors = bulk_users::parse(&bytes, Format::Ods).unwrap_err();
    assert_eq!(errors[0].code, ErrorCode::UnreadableFile);
    assert_eq!(
        errors[0].message,
        "The workbook is protected with a password. Remove the password (or save an \
         unprotected copy) and upload it again."
    );
}

#[test]
fn no_table_at_all() {
    let bytes = raw_ods(&[]);
    let errors = bulk_users::parse(&bytes, Format::Ods).unwrap_err();
    assert_eq!(errors[0].code, ErrorCode::UnreadableFile);
    assert!(
        errors[0].message.contains("no worksheet"),
        "{}",
        errors[0].message
    );
}

#[test]
fn formulas_of_a_writer_that_stores_placeholders_are_not_taken_as_values() {
    // SheetJS stores 0, FALSE or empty text beside each formula; LibreOffice shows
    // Privileged, LONDON, TRUE and 101 there. Never Standard and HQ.
    let bytes = crate::support::data_file("sheetjs_formulas.ods");
    assert_errors(
        &bytes,
        Format::Ods,
        &[
            (Some(2), Some("User type"), "invalid_value"),
            (Some(2), Some("Site"), "invalid_value"),
            (Some(3), Some("User type"), "invalid_value"),
            (Some(3), Some("Site"), "invalid_value"),
        ],
    );
    let errors = bulk_users::parse(&bytes, Format::Ods).unwrap_err();
    // The formula as the person typed it, without OpenDocument's `of:` namespace.
    assert_eq!(errors[1].value.as_deref(), Some("=UPPER(\"london\")"));
}

#[test]
fn a_content_read_twice_to_choose_its_table_counts_once_against_the_budget() {
    // A big table first, the Users table after it: the content is looked through for
    // the tables' names, then read again up to the Users table. Its 760 KB are within a
    // limit of 1 MB once, and were refused as past it when counted twice.
    let filler = row(&[text_cell(&"x".repeat(100))]).repeat(3_500);
    assert!(
        (700_000..800_000).contains(&filler.len()),
        "{}",
        filler.len()
    );
    let ada = row(&[text_cell("Ada"), text_cell("ada@example.com")]);
    let users = format!("{HEADER_ROW}{ada}");
    let bytes = raw_ods(&[
        RawTable {
            name: "Data",
            hidden: false,
            rows: &filler,
        },
        RawTable {
            name: "Users",
            hidden: false,
            rows: &users,
        },
    ]);
    let options = bulk_users::Options::new().max_inflated_bytes(1_000_000);
    let users = options.parse(&bytes, Format::Ods).map(|u| u.len());
    assert_eq!(users, Ok(1));
    // A limit under the content itself still refuses it.
    let options = bulk_users::Options::new().max_inflated_bytes(500_000);
    let refused = options.parse(&bytes, Format::Ods).unwrap_err();
    assert_eq!(refused[0].code, ErrorCode::UnreadableFile);
}

#[test]
fn a_gnumeric_document_s_numbers_show_as_libreoffice_shows_them() {
    // Gnumeric's cells name a data style, `General`, that the document never defines,
    // and their text is what Gnumeric's narrow column showed (`1E+02`): LibreOffice
    // shows the value as its Standard format (tests/data/gnumeric_files.sh).
    let bytes = crate::support::data_file("gnumeric_formulas.ods");
    let users = bulk_users::parse(&bytes, Format::Ods).unwrap();
    assert_eq!(
        crate::support::names_types_sites(&users),
        [
            ("Ingrid Bergstr\u{f6}m", UserType::Privileged, "OSLO"),
            ("Kenji Watanabe", UserType::Standard, "101"),
        ]
    );
}

#[test]
fn a_gnumeric_document_limits_its_numbers_decimals_as_libreoffice_shows_them() {
    // Gnumeric's default cell style limits the Standard format to 13 decimals
    // (tests/data/gnumeric_files.sh); LibreOffice 7.4.7 shows these four Sites.
    let bytes = crate::support::data_file("gnumeric_numbers.ods");
    let users = bulk_users::parse(&bytes, Format::Ods).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(
        sites,
        [
            "0.6666666666667",
            "1.2345678901235E+15",
            "0.0000000001",
            "101"
        ]
    );
}

#[test]
fn a_typed_value_without_a_data_style_shows_its_type_s_standard_format() {
    // tests/data/ezodf_files.py: ezodf declares every column and writes a percentage and
    // times with no data style; LibreOffice 7.4.7 shows these five Sites.
    let bytes = crate::support::data_file("ezodf_users.ods");
    let users = bulk_users::parse(&bytes, Format::Ods).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(
        sites,
        ["50.00%", "12:30:00 PM", "09:30:00 AM", "TRUE", "0.3"]
    );
}

#[test]
fn a_spreadsheet_ods_document_reads_as_libreoffice_shows_it() {
    // tests/data/spreadsheet_ods_users.rs. Every Site as LibreOffice 7.4.7 shows it
    // (dates as ISO 8601), but the formula saved without a value, which LibreOffice
    // calculates: the writer's default number style has two decimals (0.30).
    let report = bulk_users::Options::new().check(
        &crate::support::data_file("spreadsheet_ods_users.ods"),
        Format::Ods,
    );
    assert_eq!(
        crate::support::valued(&report.errors),
        [(Some(4), "invalid_value", Some("=UPPER(\"oslo\")"))]
    );
    let sites: Vec<_> = report
        .users
        .iter()
        .map(|u| (u.row, u.user.site.as_str()))
        .collect();
    assert_eq!(
        sites,
        [
            (2, "7"),
            (3, "2024-03-01"),
            (5, "OSLO"),
            (6, "TRUE"),
            (7, "50%"),
            (8, "36:00:00"),
            (9, "0.30"),
            (10, "12345678901.00"),
        ]
    );
}

#[test]
fn a_value_the_file_marks_as_a_number_date_time_or_boolean_reads_only_as_one() {
    // `office:boolean-value` is XML Schema's boolean: `1` is true, as LibreOffice and
    // Gnumeric read it (Spout before 2021 wrote `1` for true and `""` for false); it
    // read as FALSE. A value that is no such thing, or none, LibreOffice shows as 0 or
    // FALSE and Gnumeric as the paragraph or TRUE: it is refused where it stands.

    // One user per Site cell, each with an address of their own.
    let table = |sites: &[String]| {
        let rows: Vec<String> = (0..)
            .zip(sites)
            .map(|(n, site)| {
                let (name, email) = (format!("User {n}"), format!("u{n}@example.com"));
                row(&[
                    text_cell(&name),
                    text_cell(&email),
                    EMPTY.to_owned(),
                    site.clone(),
                ])
            })
            .collect();
        users_table(&rows.concat())
    };
    let boolean = |value: &str, text: &str| {
        format!(
            r#"<table:table-cell office:value-type="boolean" calcext:value-type="boolean" office:boolean-value="{value}"><text:p>{text}</text:p></table:table-cell>"#
        )
    };
    let valid = [
        boolean("1", "1"),
        boolean("0", "0"),
        boolean("true", "TRUE"),
    ];
    let users = bulk_users::parse(&table(&valid), Format::Ods).unwrap();
    let sites: Vec<&str> = users.iter().map(|u| u.site.as_str()).collect();
    assert_eq!(sites, ["TRUE", "FALSE", "TRUE"]);

    let invalid = [
        boolean("", ""),
        boolean("TRUE", "TRUE"),
        boolean("yes", "yes"),
        r#"<table:table-cell office:value-type="boolean"><text:p>TRUE</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="float" office:value="abc"><text:p>Oslo</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="float"><text:p>42</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="float" office:value=""><text:p>Oslo</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="percentage"/>"#.to_owned(),
        r#"<table:table-cell office:value-type="date" office:date-value="INVALID_DATE"><text:p>INVALID DATE</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="time" office:time-value="13:37"><text:p>Oslo</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="float" table:formula="of:=[.A1]"><text:p>Oslo</text:p></table:table-cell>"#.to_owned(),
        // Numbers no spreadsheet holds: LibreOffice shows 0, Gnumeric #NUM!.
        r#"<table:table-cell office:value-type="float" office:value="NaN"><text:p>Oslo</text:p></table:table-cell>"#.to_owned(),
        r#"<table:table-cell office:value-type="float" office:value="1e400"><text:p>Oslo</text:p></table:table-cell>"#.to_owned(),
    ];
    let errors = bulk_users::parse(&table(&invalid), Format::Ods).unwrap_err();
    assert_eq!(
        crate::support::valued(&errors),
        [
            (Some(2), "invalid_value", Some("boolean")),
            (Some(3), "invalid_value", Some("TRUE")),
            (Some(4), "invalid_value", Some("yes")),
            (Some(5), "invalid_value", Some("TRUE")),
            (Some(6), "invalid_value", Some("abc")),
            (Some(7), "invalid_value", Some("42")),
            (Some(8), "invalid_value", Some("Oslo")),
            (Some(9), "invalid_value", Some("percentage")),
            (Some(10), "invalid_value", Some("INVALID_DATE")),
            (Some(11), "invalid_value", Some("13:37")),
            (Some(12), "invalid_value", Some("=[.A1]")),
            (Some(13), "invalid_value", Some("NaN")),
            (Some(14), "invalid_value", Some("1e400")),
        ]
    );
}
