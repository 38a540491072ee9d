//! Every option at its bound and past it, each policy, the partial report and the errors
//! files.

use bulk_users::{
    Column, ErrorCode, Format, NewUser, Options, Report, RowError, RowErrors, RowUser,
    TemplateError, UnknownColumns, UserType,
};

use crate::support::{csv, every_format, user, HEADER};

#[test]
fn public_types_are_send_and_sync() {
    fn is<T: Send + Sync>() {}
    is::<Options>();
    is::<NewUser>();
    is::<UserType>();
    is::<RowErrors>();
    is::<RowError>();
    is::<ErrorCode>();
    is::<Column>();
    is::<Format>();
    is::<Report>();
    is::<RowUser>();
    is::<UnknownColumns>();
    is::<TemplateError>();
}

#[test]
fn default_site_and_user_type() {
    let grid: &[&[&str]] = &[HEADER, &["Ada", "ada@example.com"]];
    let options = Options::new()
        .default_site("Oslo")
        .default_user_type(UserType::Privileged);
    for (format, bytes) in every_format(grid) {
        assert_eq!(
            options.parse(&bytes, format),
            Ok(vec![user(
                "Ada",
                "ada@example.com",
                UserType::Privileged,
                "Oslo"
            )])
        );
    }
}

#[test]
fn unknown_columns_rejected_by_default_or_ignored() {
    let grid: &[&[&str]] = &[
        &["User name", "Email", "Phone"],
        &["Ada", "ada@example.com", "555"],
    ];
    for (format, bytes) in every_format(grid) {
        let errors = Options::new().parse(&bytes, format).unwrap_err();
        assert_eq!(errors[0].code, ErrorCode::UnknownColumn);
        let ignored = Options::new().unknown_columns(UnknownColumns::Ignore);
        assert_eq!(
            ignored.parse(&bytes, format),
            Ok(vec![user(
                "Ada",
                "ada@example.com",
                UserType::Standard,
                "HQ"
            )])
        );
    }
}

#[test]
fn allowed_sites_match_ignoring_case_and_give_their_own_spelling() {
    let grid: &[&[&str]] = &[
        HEADER,
        &["Ada", "ada@example.com", "", "oslo"],
        &["Bob", "bob@example.com", "", ""],
        &["Cy", "cy@example.com", "", "Paris"],
    ];
    let options = Options::new().allowed_sites(["Oslo", " Bergen ", ""]);
    for (format, bytes) in every_format(grid) {
        let report = options.check(&bytes, format);
        assert_eq!(report.users[0].user.site, "Oslo");
        assert_eq!(report.users[1].user.site, "HQ");
        assert_eq!(report.errors.len(), 1);
        assert_eq!(report.errors[0].code, ErrorCode::UnknownSite);
        assert_eq!(report.errors[0].row, Some(4));
        assert_eq!(
            report.errors[0].message,
            "\"Paris\" is not one of the sites. Use one of \"Oslo\" or \"Bergen\", or leave the cell empty for the default site."
        );
    }
}

#[test]
fn extra_aliases() {
    let grid: &[&[&str]] = &[&["Navn", "E-post"], &["Ada", "ada@example.com"]];
    let options = Options::new()
        .alias("navn", Column::UserName)
        .alias("E-POST*", Column::Email);
    for (format, bytes) in every_format(grid) {
        assert_eq!(options.parse(&bytes, format).map(|u| u.len()), Ok(1));
        assert!(Options::new().parse(&bytes, format).is_err());
    }
}

#[test]
fn accepted_formats() {
    let bytes = csv(&[HEADER, &["Ada", "ada@example.com"]]);
    let only_xlsx = Options::new().formats([Format::Xlsx]);
    let errors = only_xlsx.parse(&bytes, Format::Csv).unwrap_err();
    assert_eq!(errors[0].code, ErrorCode::FormatNotAccepted);
    assert_eq!(errors[0].code.http_status(), 415);
    assert_eq!(errors[0].row, None);
    assert_eq!(
        errors[0].message,
        "Files in .csv format are not accepted here. Save the file as .xlsx and upload it again."
    );
    assert!(Options::new()
        .formats([Format::Csv])
        .parse(&bytes, Format::Csv)
        .is_ok());
}

#[test]
fn the_decompression_budget_at_and_past_its_bound() {
    let bytes = crate::support::xlsx(&[HEADER, &["Ada", "ada@example.com"]]);
    // Find the smallest budget that reads this workbook, then one byte less.
    let fits = |budget: u64| {
        Options::new()
            .max_inflated_bytes(budget)
            .parse(&bytes, Format::Xlsx)
            .is_ok()
    };
    let (mut low, mut high) = (0u64, 1 << 20);
    assert!(fits(high));
    while low + 1 < high {
        let mid = (low + high) / 2;
        if fits(mid) {
            high = mid
        } else {
            low = mid
        }
    }
    assert!(fits(high) && !fits(high - 1));
    let errors = Options::new()
        .max_inflated_bytes(high - 1)
        .parse(&bytes, Format::Xlsx)
        .unwrap_err();
    assert_eq!(errors[0].code, ErrorCode::UnreadableFile);
    assert!(
        errors[0]
            .message
            .starts_with("The workbook expands to more than"),
        "{}",
        errors[0].message
    );
}

#[test]
fn the_partial_report_of_a_mixed_file() {
    let grid: &[&[&str]] = &[
        HEADER,
        &["Ada", "ada@example.com", "Privileged", "London"],
        &["Bob", "bob(at)example.com"],
        &[],
        &["Cy", "cy@example.com"],
        &["Dee", "ADA@example.com"],
    ];
    for (format, bytes) in every_format(grid) {
        let report = Options::new().check(&bytes, format);
        let rows: Vec<u32> = report.users.iter().map(|u| u.row).collect();
        assert_eq!(rows, [2, 5], "{format}");
        let errors: Vec<(Option<u32>, &str)> = report
            .errors
            .iter()
            .map(|e| (e.row, e.code.as_str()))
            .collect();
        assert_eq!(
            errors,
            [(Some(3), "invalid_email"), (Some(6), "duplicate_email")]
        );
        assert!(!report.is_valid());
        assert_eq!(report.clone().into_result().unwrap_err().len(), 2);
    }
    let report = Options::new().check(&csv(&grid[..2]), Format::Csv);
    assert_eq!(
        serde_json::to_string(&report).unwrap(),
        r#"{"users":[{"row":2,"name":"Ada","email":"ada@example.com","user_type":"Privileged","site":"London"}],"errors":[],"encoding":"UTF-8","delimiter":",","notes":[],"language":"en"}"#
    );
    let report = Options::new().check(&csv(&grid[..3]), Format::Csv);
    assert_eq!(
        serde_json::to_string(&report).unwrap(),
        r#"{"users":[{"row":2,"name":"Ada","email":"ada@example.com","user_type":"Privileged","site":"London"}],"errors":[{"row":3,"column":"Email","cell":"B3","code":"invalid_email","message":"\"bob(at)example.com\" is not an email address. Use the form name@example.com.","value":"bob(at)example.com"}],"encoding":"UTF-8","delimiter":",","notes":[],"language":"en"}"#
    );
}

#[test]
fn a_wrong_header_leaves_no_trusted_users() {
    let report = Options::new().check(
        &csv(&[
            &["User name", "Email", "Emails"],
            &["Ada", "ada@example.com"],
        ]),
        Format::Csv,
    );
    assert!(report.users.is_empty());
    assert_eq!(report.errors[0].code, ErrorCode::UnknownColumn);
}

#[test]
fn the_errors_file_keeps_every_row_beside_its_problems() {
    let grid: &[&[&str]] = &[
        HEADER,
        &["Ada", "ada@example.com", "Privileged", "London"],
        &["", "bob(at)example.com"],
        &[],
        &["Cy", "cy@example.com", "Admin"],
    ];
    for (format, bytes) in every_format(grid) {
        let file = String::from_utf8(Options::new().errors_csv(&bytes, format)).unwrap();
        assert_eq!(
            file,
            "\u{FEFF}Row,A,B,C,D,Errors\r\n\
             1,User name*,Email*,User type,Site,\r\n\
             2,Ada,ada@example.com,Privileged,London,\r\n\
             3,,bob(at)example.com,,,\"User name: User name is empty. Every user needs a user name. Email: \"\"bob(at)example.com\"\" is not an email address. Use the form name@example.com.\"\r\n\
             5,Cy,cy@example.com,Admin,,\"User type: \"\"Admin\"\" is not a user type. Use Standard or Privileged, or leave the cell empty for Standard.\"\r\n",
            "{format}"
        );
    }
    let file = String::from_utf8(Options::new().errors_csv(b"", Format::Csv)).unwrap();
    assert_eq!(
        file,
        "\u{FEFF}Row,Errors\r\n,The file is empty: it has no header row and no users. Fill in the template with one user per row and upload it again.\r\n"
    );
    // A whole-file problem goes on its own line before the rows; a row's problems beside
    // it, up to the row past the limit; rows after it are not read.
    let file = Options::new().errors_csv(b"User name*,Email*\n", Format::Csv);
    assert_eq!(
        String::from_utf8(file).unwrap(),
        "\u{FEFF}Row,A,B,Errors\r\n\
         ,,,The file has a header row but no users. Add one user per row under the header.\r\n\
         1,User name*,Email*,\r\n"
    );
    let upload = "User name*,Email*,Phone\nA,a@x.com,1\nB,b(at)x.com\nC,c@x.com\n";
    let file = Options::new()
        .max_rows(1)
        .errors_csv(upload.as_bytes(), Format::Csv);
    assert_eq!(
        String::from_utf8(file).unwrap(),
        "\u{FEFF}Row,A,B,C,Errors\r\n\
         1,User name*,Email*,Phone,\"Column C is headed \"\"Phone\"\", which is not a column this \
         upload knows. The columns are \"\"User name\"\", \"\"Email\"\", \"\"User type\"\" and \
         \"\"Site\"\". Rename the header or delete the column.\"\r\n\
         2,A,a@x.com,1,\r\n\
         3,B,b(at)x.com,,The file has more than 1 user; this is the first row past the limit. \
         Split the users into files of at most 1 user each.\r\n"
    );
}

#[test]
fn xls_is_accepted_only_when_enabled() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/libreoffice.xls");
    let bytes = std::fs::read(path).unwrap();
    let errors = bulk_users::parse(&bytes, Format::Xls).unwrap_err();
    assert_eq!(
        errors[0].message,
        "Files in .xls format are not accepted here. Save the file as .csv or .xlsx or .ods and upload it again."
    );
    let users = Options::new()
        .formats(Format::ALL)
        .parse(&bytes, Format::Xls)
        .unwrap();
    assert_eq!(users.len(), 5);
}

#[test]
fn formats_and_languages_serialise_as_they_display() {
    for format in Format::ALL {
        let json = serde_json::to_string(&format).unwrap();
        assert_eq!(json, format!("\"{format}\""));
        assert_eq!(serde_json::from_str::<Format>(&json).unwrap(), format);
    }
    for language in bulk_users::Language::ALL {
        let json = serde_json::to_string(&language).unwrap();
        assert_eq!(json, format!("\"{}\"", language.tag()));
        assert_eq!(
            serde_json::from_str::<bulk_users::Language>(&json).unwrap(),
            language
        );
    }
}
