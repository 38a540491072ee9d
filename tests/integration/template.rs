//! The templates: what they hold, and that a filled one reads back exactly.

use std::io::Cursor;

use bulk_users::{Format, NewUser, Options, TemplateError, UserType};
use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;

use crate::support::part;

fn sheet_rows(xlsx: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut workbook = Xlsx::new(Cursor::new(xlsx)).expect("calamine opens the template");
    let range = workbook.worksheet_range(sheet).expect("the sheet exists");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_default_template_has_the_users_and_instructions_sheets() {
    let template = bulk_users::write_template();
    crate::excel::assert_excel_opens(&template);
    let workbook = Xlsx::new(Cursor::new(&template)).expect("calamine opens it");
    assert_eq!(workbook.sheet_names(), ["Users", "Instructions"]);
    let rows = sheet_rows(&template, "Users");
    assert_eq!(
        rows,
        vec![vec!["User name*", "Email*", "User type", "Site"]]
    );
    let instructions = sheet_rows(&template, "Instructions").concat().join("\n");
    assert!(instructions.contains("At most 500 users per file, and files of at most 10 MiB."));
    assert!(instructions.contains("Leave empty for HQ."));
    assert!(instructions.contains("Standard or Privileged. Leave empty for Standard."));
}

#[test]
fn the_sheet_xml_has_the_dropdown_notes_freeze_and_text_format() {
    let template = bulk_users::write_template();
    crate::excel::assert_excel_opens(&template);
    let sheet = part(&template, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(
        sheet.contains(r#"sqref="C2:C501"><formula1>"Standard,Privileged"</formula1>"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"errorTitle="Not a user type""#));
    assert!(
        sheet.contains(r#"<col min="1" max="1" width="30.7109375""#),
        "{sheet}"
    );
    let notes = part(&template, "xl/comments1.xml");
    for rule in [
        "Required. The person's full name, at most 256 characters.",
        "Required. One email address such as name@example.com, at most 254 characters.",
        "Standard or Privileged. Leave empty for Standard.",
        "Leave empty for HQ.",
    ] {
        assert!(notes.contains(rule), "{rule} in {notes}");
    }
    let styles = part(&template, "xl/styles.xml");
    assert!(styles.contains(r#"numFmtId="49""#), "text format");
}

#[test]
fn an_unfilled_template_has_no_rows() {
    for (format, bytes) in [
        (Format::Xlsx, bulk_users::write_template()),
        (Format::Csv, bulk_users::write_csv_template()),
    ] {
        let errors = bulk_users::parse(&bytes, format).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_str(), "no_rows", "{format}");
    }
    assert_eq!(
        bulk_users::write_csv_template(),
        b"\xEF\xBB\xBFUser name*,Email*,User type,Site\r\n"
    );
}

#[test]
fn options_size_the_dropdown_and_tell_their_own_limits() {
    let options = Options::new()
        .max_rows(200)
        .max_bytes(2 * 1024 * 1024)
        .default_site("Oslo")
        .allowed_sites(["Oslo", "Bergen", "Trondheim"]);
    let template = options.write_template().unwrap();
    crate::excel::assert_excel_opens(&template);
    let sheet = part(&template, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"sqref="C2:C201""#));
    assert!(
        sheet.contains(r#"sqref="D2:D201"><formula1>"Oslo,Bergen,Trondheim"</formula1>"#),
        "{sheet}"
    );
    let instructions = sheet_rows(&template, "Instructions").concat().join("\n");
    assert!(instructions.contains("At most 200 users per file, and files of at most 2 MiB."));
    assert!(instructions.contains("Leave empty for Oslo."));
    assert!(instructions.contains("The Site must be one of: Oslo, Bergen, Trondheim."));
}

#[test]
fn a_long_site_list_goes_on_a_hidden_sheet() {
    let sites: Vec<String> = (1..=60)
        .map(|i| format!("Branch office number {i}"))
        .collect();
    let template = Options::new()
        .allowed_sites(sites.clone())
        .write_template()
        .unwrap();
    let workbook = Xlsx::new(Cursor::new(&template)).unwrap();
    assert_eq!(workbook.sheet_names(), ["Users", "Instructions", "Sites"]);
    let book = part(&template, "xl/workbook.xml");
    assert!(
        book.contains(r#"<sheet name="Sites" sheetId="3" state="hidden""#),
        "{book}"
    );
    let sheet = part(&template, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"sqref="D2:D501"><formula1>Sites!$A$1:$A$60</formula1>"#),
        "{sheet}"
    );
    assert_eq!(sheet_rows(&template, "Sites").len(), 60);
    // The parser still reads the Users sheet.
    assert_eq!(
        Options::new()
            .allowed_sites(sites)
            .parse(&template, Format::Xlsx)
            .unwrap_err()[0]
            .code
            .as_str(),
        "no_rows"
    );
}

#[test]
fn bad_template_options_are_errors_not_panics() {
    let site = |name: &str| Options::new().allowed_sites([name]).write_template();
    assert!(matches!(
        site("=cmd"),
        Err(TemplateError::InvalidSite { .. })
    ));
    assert!(matches!(
        site(&"x".repeat(256)),
        Err(TemplateError::InvalidSite { .. })
    ));
    assert!(matches!(
        site("a\tb"),
        Err(TemplateError::InvalidSite { .. })
    ));
    let twice = Options::new()
        .allowed_sites(["Oslo", "OSLO"])
        .write_template();
    assert_eq!(
        twice.unwrap_err().to_string(),
        "the site name \"OSLO\" cannot be used in the template: it is given twice"
    );
    assert!(matches!(
        Options::new().max_rows(2_000_000).write_template(),
        Err(TemplateError::TooManyRows(2_000_000))
    ));
    let users = vec![
        NewUser {
            name: "A".into(),
            email: "a@example.com".into(),
            user_type: UserType::Standard,
            site: "HQ".into()
        };
        3
    ];
    assert!(matches!(
        Options::new().max_rows(2).write_template_with(&users),
        Err(TemplateError::TooManyUsers { given: 3, limit: 2 })
    ));
}

fn valid_user() -> impl Strategy<Value = NewUser> {
    let text = |max: usize| {
        proptest::string::string_regex(&format!(
            "[A-Za-zÀ-ÿŁłŻżあ][A-Za-z0-9À-ÿŁłŻż \"',;.()&/]{{0,{}}}[A-Za-zé0-9\"')]",
            max - 2
        ))
        .expect("a valid pattern")
    };
    (
        prop_oneof![text(30), text(256)],
        "[a-z0-9]{1,10}([._+-][a-z0-9]{1,8}){0,2}@[a-z0-9]{1,10}\\.[a-z]{2,5}",
        prop_oneof![Just(UserType::Standard), Just(UserType::Privileged)],
        prop_oneof![Just("HQ".to_owned()), text(20), text(256)],
    )
        .prop_map(|(name, email, user_type, site)| NewUser {
            name,
            email,
            user_type,
            site,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_filled_template_reads_back_exactly(users in prop::collection::vec(valid_user(), 1..20)) {
        let mut seen = std::collections::HashSet::new();
        let users: Vec<NewUser> = users.into_iter().filter(|u| seen.insert(u.email.clone())).collect();
        let options = Options::new();
        let xlsx = options.write_template_with(&users).unwrap();
        crate::excel::assert_excel_opens(&xlsx);
        prop_assert_eq!(bulk_users::parse(&xlsx, Format::Xlsx), Ok(users.clone()));
        let csv = options.write_csv_template_with(&users);
        prop_assert_eq!(bulk_users::parse(&csv, Format::Csv), Ok(users));
    }
}

#[test]
fn text_that_only_looks_like_an_excel_escape_reads_back_as_typed() {
    // Found by the round_trip fuzzer (fuzz/artifacts/round_trip/crash-605c…): `_x+00D_`
    // was decoded as a carriage return because `+00D` parses as hexadecimal.
    let users = vec![NewUser {
        name: "a_x+00D_b _x00zz_ c".to_owned(),
        email: "d@ard10.example".to_owned(),
        user_type: UserType::Standard,
        site: "HQ".to_owned(),
    }];
    let xlsx = Options::new().write_template_with(&users).unwrap();
    crate::excel::assert_excel_opens(&xlsx);
    assert_eq!(bulk_users::parse(&xlsx, Format::Xlsx), Ok(users));
}

#[test]
fn the_same_options_give_the_same_bytes() {
    let first = bulk_users::write_template();
    crate::excel::assert_excel_opens(&first);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = bulk_users::write_template();
    crate::excel::assert_excel_opens(&second);
    assert!(first == second, "two templates a second apart differ");
    let options = bulk_users::Options::new()
        .allowed_sites(["Oslo", "Bergen"])
        .max_rows(50);
    assert_eq!(
        options.write_template().unwrap(),
        options.write_template().unwrap()
    );
}
