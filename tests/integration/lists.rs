//! The lists people already have: the header under a title, other systems' user lists
//! read as they are (their header sets are the vendors' own, cited in
//! `tests/data/README.md`), and "did you mean" suggestions.

use bulk_users::{ErrorCode, Format, NoteCode, Options, Report, UserType};

use crate::support::{csv, every_format, user};

fn notes(report: &Report) -> Vec<(Option<u32>, NoteCode, &str)> {
    report
        .notes
        .iter()
        .map(|n| (n.row, n.code, n.message.as_str()))
        .collect()
}

fn located(report: &Report) -> Vec<(Option<u32>, &'static str, Option<&str>)> {
    report
        .errors
        .iter()
        .map(|e| (e.row, e.code.as_str(), e.suggestion.as_deref()))
        .collect()
}

/// The Microsoft Entra bulk-create template's header row, as downloaded.
const ENTRA: &[&str] = &[
    "Name [displayName] Required",
    "User name [userPrincipalName] Required",
    "Initial password [passwordProfile] Required",
    "Block sign in (Yes/No) [accountEnabled] Required",
    "First name [givenName]",
    "Last name [surname]",
    "Job title [jobTitle]",
    "Department [department]",
    "Usage location [usageLocation]",
    "Street address [streetAddress]",
    "State or province [state]",
    "Country or region [country]",
    "Office [physicalDeliveryOfficeName]",
    "City [city]",
    "ZIP or postal code [postalCode]",
    "Office phone [telephoneNumber]",
    "Mobile phone [mobile]",
];

pub(crate) fn entra(with_example: bool) -> Vec<u8> {
    let mut grid: Vec<Vec<&str>> = vec![vec!["version:v1.0"], ENTRA.to_vec()];
    if with_example {
        grid.push(vec![
            "Chris Green",
            "chris@contoso.com",
            "myPassword1234",
            "No",
        ]);
    }
    grid.push(vec![
        "Ada Lovelace",
        "ada@contoso.com",
        "x7!Pq2#m",
        "No",
        "Ada",
        "Lovelace",
        "Analyst",
        "Research",
        "GB",
        "",
        "",
        "",
        "London",
    ]);
    grid.push(vec!["Grace Hopper", "grace@contoso.com", "p9$Lk3@z", "No"]);
    let rows: Vec<&[&str]> = grid.iter().map(Vec::as_slice).collect();
    csv(&rows)
}

#[test]
fn an_entra_bulk_create_template_is_read_as_it_is() {
    let report = Options::new().check(&entra(false), Format::Csv);
    assert_eq!(report.errors, []);
    let users: Vec<_> = report
        .users
        .iter()
        .map(|u| (u.row, u.user.clone()))
        .collect();
    assert_eq!(
        users,
        [
            (
                3,
                user(
                    "Ada Lovelace",
                    "ada@contoso.com",
                    UserType::Standard,
                    "London"
                )
            ),
            (
                4,
                user(
                    "Grace Hopper",
                    "grace@contoso.com",
                    UserType::Standard,
                    "HQ"
                )
            ),
        ]
    );
    assert_eq!(
        notes(&report),
        [
            (
                Some(2),
                NoteCode::RowsAboveHeaderSkipped,
                "The header is on this row; the row above it (1) was skipped."
            ),
            (
                Some(2),
                NoteCode::KnownList,
                "This is a Microsoft Entra bulk create list: read from its columns \
                 \"Name [displayName] Required\", \"User name [userPrincipalName] \
                 Required\", \"First name [givenName]\", \"Last name [surname]\" and \
                 \"Office [physicalDeliveryOfficeName]\"; its 12 other columns were \
                 ignored."
            ),
        ]
    );
}

#[test]
fn the_entra_example_row_left_in_is_refused() {
    let report = Options::new().check(&entra(true), Format::Csv);
    assert_eq!(located(&report), [(Some(3), "example_row", None)]);
    assert_eq!(
        report.errors[0].message,
        "This is the example row of the Microsoft Entra bulk create template, not a \
         person to add. Delete the row."
    );
    assert_eq!(report.users.len(), 2);
}

#[test]
fn a_microsoft_365_users_export_is_read_as_it_is() {
    // The 32 columns of "Export users" in the Microsoft 365 admin center.
    let header = [
        "Block credential",
        "City",
        "Country/Region",
        "Department",
        "DirSyncEnabled",
        "Display name",
        "Fax",
        "First name",
        "Last dirsync time",
        "Last name",
        "Last password change time stamp",
        "License assignment details",
        "Licenses",
        "Mobile Phone",
        "Oath token meta data",
        "Object Id",
        "Office",
        "Password never expires",
        "Phone number",
        "Postal code",
        "Preferred data location",
        "Preferred language",
        "Proxy addresses",
        "Release track",
        "Soft deletion time stamp",
        "State",
        "Street address",
        "Strong password required",
        "Title",
        "Usage location",
        "User principal name",
        "When created",
    ];
    let mut adele = vec![""; 32];
    adele[0] = "False";
    adele[1] = "Bellevue";
    adele[5] = "Adele Vance";
    adele[7] = "Adele";
    adele[9] = "Vance";
    adele[16] = "18/2111";
    adele[30] = "AdeleV@contoso.onmicrosoft.com";
    // No display name: the first and last names are joined.
    let mut alex = vec![""; 32];
    alex[7] = "Alex";
    alex[9] = "Wilber";
    alex[30] = "AlexW@contoso.onmicrosoft.com";
    for (format, bytes) in every_format(&[&header, &adele, &alex]) {
        let report = Options::new().check(&bytes, format);
        assert_eq!(report.errors, [], "{format}");
        let users: Vec<_> = report.users.iter().map(|u| u.user.clone()).collect();
        assert_eq!(
            users,
            [
                user(
                    "Adele Vance",
                    "AdeleV@contoso.onmicrosoft.com",
                    UserType::Standard,
                    "18/2111"
                ),
                user(
                    "Alex Wilber",
                    "AlexW@contoso.onmicrosoft.com",
                    UserType::Standard,
                    "HQ"
                ),
            ],
            "{format}"
        );
        let codes: Vec<_> = report.notes.iter().map(|n| (n.row, n.code)).collect();
        assert_eq!(
            codes,
            [
                (Some(1), NoteCode::KnownList),
                (Some(1), NoteCode::NamesJoined)
            ],
            "{format}"
        );
        assert!(report.notes[0]
            .message
            .contains("its 27 other columns were ignored"));
        assert_eq!(
            report.notes[1].message,
            "Where the display name is empty, the User name is the first name and the last \
             name joined with a space."
        );
    }
}

#[test]
fn google_okta_jumpcloud_and_zoom_lists_are_read_as_they_are() {
    let google: &[&[&str]] = &[
        &[
            "First Name [Required]",
            "Last Name [Required]",
            "Email Address [Required]",
            "Password [Required]",
            "Password Hash Function [UPLOAD ONLY]",
            "Org Unit Path [Required]",
            "New Primary Email [UPLOAD ONLY]",
            "Recovery Email",
            "Employee Type",
            "Last Sign In [READ ONLY]",
        ],
        &[
            "Ada",
            "Lovelace",
            "ada@example.com",
            "****",
            "",
            "/",
            "",
            "",
            "Admin",
            "Never",
        ],
    ];
    let okta: &[&[&str]] = &[
        &[
            "login",
            "firstName",
            "lastName",
            "middleName",
            "email",
            "displayName",
            "userType",
        ],
        &[
            "ada@example.com",
            "Ada",
            "Lovelace",
            "",
            "ada@example.com",
            "",
            "Admin",
        ],
    ];
    let jumpcloud: &[&[&str]] = &[
        &["FirstName", "LastName", "Username", "Email", "Password"],
        &["Ada", "Lovelace", "alovelace", "ada@example.com", ""],
    ];
    let zoom: &[&[&str]] = &[
        &[
            "Email",
            "First Name",
            "Last Name",
            "Department",
            "Manager",
            "User Group",
            "Job Title",
            "Location",
        ],
        &[
            "ada@example.com",
            "Ada",
            "Lovelace",
            "Research",
            "",
            "",
            "",
            "London",
        ],
    ];
    let cases = [
        ("Google Workspace", google, "HQ"),
        ("Okta", okta, "HQ"),
        ("JumpCloud", jumpcloud, "HQ"),
        ("Zoom", zoom, "London"),
    ];
    for (system, grid, site) in cases {
        let report = Options::new().check(&csv(grid), Format::Csv);
        assert_eq!(report.errors, [], "{system}");
        // Roles (Google's Employee Type, Okta's userType) are never the User type.
        let users: Vec<_> = report.users.iter().map(|u| u.user.clone()).collect();
        assert_eq!(
            users,
            [user(
                "Ada Lovelace",
                "ada@example.com",
                UserType::Standard,
                site
            )],
            "{system}"
        );
        let first = &report.notes[0].message;
        assert!(
            first.starts_with(&format!("This is a {system} list")),
            "{first}"
        );
    }
}

#[test]
fn the_header_is_found_under_a_title_in_every_format() {
    let grid: &[&[&str]] = &[
        &["Users to add, March"],
        &["Prepared by IT"],
        &["User name*", "Email*", "User type", "Site"],
        &["Ada Lovelace", "ada@example.com", "Privileged", ""],
    ];
    for (format, bytes) in every_format(grid) {
        let report = Options::new().check(&bytes, format);
        assert_eq!(report.errors, [], "{format}");
        assert_eq!(report.users[0].row, 4, "{format}");
        assert_eq!(
            notes(&report),
            [(
                Some(3),
                NoteCode::RowsAboveHeaderSkipped,
                "The header is on this row; the rows above it (1, 2) were skipped."
            )],
            "{format}"
        );
    }
    // A row holding an address is data, never the header, even if it names columns.
    let grid: &[&[&str]] = &[
        &["Name", "Email", "ada@example.com"],
        &["User name", "Email"],
        &["Bob", "bob@example.com"],
    ];
    let report = Options::new().check(&csv(grid), Format::Csv);
    assert_eq!(report.errors, []);
    assert_eq!(report.users[0].row, 3);
    // No row names both required columns: the first is the header, as before.
    let grid: &[&[&str]] = &[&["Title"], &["Name", "Phone"], &["Ada", "ada@example.com"]];
    let report = Options::new().check(&csv(grid), Format::Csv);
    let codes: Vec<_> = report.errors.iter().map(|e| (e.row, e.code)).collect();
    assert_eq!(
        codes,
        [
            (Some(1), ErrorCode::MissingColumn),
            (Some(1), ErrorCode::MissingColumn),
            (Some(1), ErrorCode::UnknownColumn),
            (Some(2), ErrorCode::ExtraValue),
            (Some(3), ErrorCode::ExtraValue),
        ]
    );
    // The errors workbook marks the header where it was found.
    let grid: &[&[&str]] = &[
        &["Users to add"],
        &["User name*", "Email*"],
        &["Ada", "ada(at)example.com"],
    ];
    let workbook = Options::new().errors_xlsx(&csv(grid), Format::Csv).unwrap();
    crate::excel::assert_excel_opens(&workbook);
    let again = Options::new().check(&workbook, Format::Xlsx);
    assert_eq!(located(&again), [(Some(3), "invalid_email", None)]);
}

#[test]
fn a_list_of_first_and_last_names_has_them_joined() {
    let grid: &[&[&str]] = &[
        &["First name", "Last name", "Email"],
        &["Ada", "Lovelace", "ada@example.com"],
        &["山田", "太郎", "taro@example.jp"],
        &["", "Hopper", "grace@example.com"],
    ];
    let report = Options::new().check(&csv(grid), Format::Csv);
    assert_eq!(report.errors, []);
    let names: Vec<_> = report.users.iter().map(|u| u.user.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "山田 太郎", "Hopper"]);
    assert_eq!(
        notes(&report),
        [(
            Some(1),
            NoteCode::NamesJoined,
            "Each User name is the first name and the last name joined with a space."
        )]
    );
}

#[test]
fn each_kind_of_mistake_suggests_its_one_fix() {
    let options = Options::new()
        .allowed_sites(["Oslo", "Bergen"])
        .allowed_email_domains(["contoso.com", "fabrikam.com"]);
    let grid: &[&[&str]] = &[
        &["Usr name", "Emial", "User type", "Site"],
        &["Ada", "ada@example.com", "", ""],
    ];
    let report = options.check(&csv(grid), Format::Csv);
    assert_eq!(
        located(&report),
        [
            (Some(1), "missing_column", None),
            (Some(1), "missing_column", None),
            (Some(1), "unknown_column", Some("User name")),
            (Some(1), "unknown_column", Some("Email")),
        ]
    );
    assert!(report.errors[3]
        .message
        .ends_with(" Did you mean \"Email\"?"));

    let grid: &[&[&str]] = &[
        &["User name", "Email", "User type", "Site"],
        &["Ada", "ada@contoso.co", "Priviliged", "Bregen"],
        &["Bob", "bob@contosocom", "Standart", "Olso"],
        // Nothing close, or two equally close: no suggestion.
        &["Cy", "cy@example.org", "Boss", "Paris"],
    ];
    let report = options.check(&csv(grid), Format::Csv);
    assert_eq!(
        located(&report),
        [
            (Some(2), "email_domain_not_allowed", Some("ada@contoso.com")),
            (Some(2), "invalid_user_type", Some("Privileged")),
            (Some(2), "unknown_site", Some("Bergen")),
            (Some(3), "invalid_email", Some("bob@contoso.com")),
            (Some(3), "invalid_user_type", Some("Standard")),
            (Some(3), "unknown_site", Some("Oslo")),
            (Some(4), "email_domain_not_allowed", None),
            (Some(4), "invalid_user_type", None),
            (Some(4), "unknown_site", None),
        ]
    );
    // A common mail provider, when the service names no domains.
    let grid: &[&[&str]] = &[&["User name", "Email"], &["Ada", "ada@gmailcom"]];
    let report = Options::new().check(&csv(grid), Format::Csv);
    assert_eq!(
        located(&report),
        [(Some(2), "invalid_email", Some("ada@gmail.com"))]
    );
    // In the JSON a page reads: the key is there only with a suggestion.
    let json = serde_json::to_value(&report.errors[0]).unwrap();
    assert_eq!(json["suggestion"], "ada@gmail.com");
    let grid: &[&[&str]] = &[&["User name", "Email"], &["Ada", "ada(at)example.org"]];
    let report = Options::new().check(&csv(grid), Format::Csv);
    let json = serde_json::to_value(&report.errors[0]).unwrap();
    assert!(json.get("suggestion").is_none(), "{json}");
}

#[test]
fn hidden_and_filtered_rows_are_read_and_named() {
    use crate::support::{raw_ods, raw_xlsx, users_sheet, RawTable};
    let cell = |r: u32, c: &str, text: &str| {
        format!(r#"<c r="{c}{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    };
    let row = |r: u32, attrs: &str, name: &str, email: &str| {
        format!(
            r#"<row r="{r}"{attrs}>{}{}</row>"#,
            cell(r, "A", name),
            cell(r, "B", email)
        )
    };
    let rows = [
        row(1, "", "User name", "Email"),
        row(2, "", "Ada", "ada@example.com"),
        row(3, r#" hidden="1""#, "Bob", "bob@example.com"),
        row(
            4,
            r#" hidden="true" customHeight="1""#,
            "Cy",
            "cy@example.com",
        ),
    ]
    .concat();
    let xlsx = raw_xlsx(&[users_sheet(&rows)], None);
    let ods_cell = |text: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    };
    let ods_row = |attrs: &str, name: &str, email: &str| {
        format!(
            "<table:table-row{attrs}>{}{}</table:table-row>",
            ods_cell(name),
            ods_cell(email)
        )
    };
    let ods_rows = [
        ods_row("", "User name", "Email"),
        ods_row("", "Ada", "ada@example.com"),
        ods_row(r#" table:visibility="collapse""#, "Bob", "bob@example.com"),
        ods_row(r#" table:visibility="filter""#, "Cy", "cy@example.com"),
    ]
    .concat();
    let ods = raw_ods(&[RawTable {
        name: "Users",
        hidden: false,
        rows: &ods_rows,
    }]);
    // LibreOffice's .xls of the same rows (tests/data/xls_files.py): Bob's row hidden,
    // Cy's filtered out by an autofilter.
    let xls = crate::support::data_file("libreoffice_hidden_rows.xls");
    for (format, bytes) in [(Format::Xlsx, xlsx), (Format::Ods, ods), (Format::Xls, xls)] {
        let report = Options::new().formats(Format::ALL).check(&bytes, format);
        assert_eq!(report.errors, [], "{format}");
        assert_eq!(report.users.len(), 3, "{format}");
        assert_eq!(
            notes(&report),
            [(
                None,
                NoteCode::HiddenRowsIncluded,
                "Rows 3, 4 are hidden in the spreadsheet and were read like the others."
            )],
            "{format}"
        );
    }
}

#[test]
fn a_hidden_row_under_a_merged_range_is_still_named() {
    // Bob's row is hidden, and the Site merged over Ada's and his gives him London.
    let rows = concat!(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>User name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c><c r="C1" t="inlineStr"><is><t>Site</t></is></c></row>"#,
        r#"<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" t="inlineStr"><is><t>ada@example.com</t></is></c><c r="C2" t="inlineStr"><is><t>London</t></is></c></row>"#,
        r#"<row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>Bob</t></is></c><c r="B3" t="inlineStr"><is><t>bob@example.com</t></is></c></row>"#,
    );
    let bytes = crate::support::raw_xlsx_merged(rows, None, &["C2:C3"]);
    let report = Options::new().check(&bytes, Format::Xlsx);
    assert_eq!(report.errors, []);
    assert_eq!(report.users[1].user.site, "London");
    let codes: Vec<(Option<u32>, NoteCode)> = notes(&report)
        .into_iter()
        .map(|(row, code, _)| (row, code))
        .collect();
    assert_eq!(
        codes,
        [
            (None, NoteCode::HiddenRowsIncluded),
            (Some(3), NoteCode::MergedCellSpread)
        ]
    );
}
