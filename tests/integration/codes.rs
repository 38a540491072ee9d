//! Every error code of the contract, with its exact row and column, from CSV, XLSX and
//! ODS.

use bulk_users::{Format, Options, UserType};

use crate::support::{assert_errors, assert_users, every_format, located, user, Grid, HEADER};

const H: &[&str] = HEADER;

/// Runs one grid through every format and expects the same errors.
#[track_caller]
fn expect(grid: &[&[&str]], expected: &[(Option<u32>, Option<&'static str>, &'static str)]) {
    for (format, bytes) in every_format(grid) {
        assert_errors(&bytes, format, expected);
    }
}

#[test]
fn a_valid_grid_gives_the_same_users_from_every_format() {
    let grid: &[&[&str]] = &[
        H,
        &["Ada Lovelace", "Ada@Example.COM", "privileged", "London"],
        &["Grace Hopper", "grace@example.com", "", ""],
        &["  Linus  ", " linus@example.org ", "STANDARD", " Helsinki "],
    ];
    let expected = [
        user(
            "Ada Lovelace",
            "Ada@example.com",
            UserType::Privileged,
            "London",
        ),
        user(
            "Grace Hopper",
            "grace@example.com",
            UserType::Standard,
            "HQ",
        ),
        user("Linus", "linus@example.org", UserType::Standard, "Helsinki"),
    ];
    for (format, bytes) in every_format(grid) {
        assert_users(&bytes, format, &expected);
    }
}

#[test]
fn missing_value() {
    expect(
        &[
            H,
            &["", "a@example.com"],
            &["Bob", ""],
            &["", "", "Standard"],
        ],
        &[
            (Some(2), Some("User name"), "missing_value"),
            (Some(3), Some("Email"), "missing_value"),
            (Some(4), Some("User name"), "missing_value"),
            (Some(4), Some("Email"), "missing_value"),
        ],
    );
}

#[test]
fn invalid_email() {
    expect(
        &[
            H,
            &["A", "bob(at)corp"],
            &["B", "John <j@example.com>"],
            &["C", "c@localhost"],
            &["D", "\"quoted\"@example.com"],
            &["E", "e@[127.0.0.1]"],
            &["F", "f@example.com."],
            &["G", "g@ex\u{00A0}ample.com"],
        ],
        &[
            (Some(2), Some("Email"), "invalid_email"),
            (Some(3), Some("Email"), "invalid_email"),
            (Some(4), Some("Email"), "invalid_email"),
            (Some(5), Some("Email"), "invalid_email"),
            (Some(6), Some("Email"), "invalid_email"),
            (Some(7), Some("Email"), "invalid_email"),
            (Some(8), Some("Email"), "invalid_email"),
        ],
    );
}

#[test]
fn duplicate_email_on_each_later_row_ignoring_case() {
    expect(
        &[
            H,
            &["A", "ada@example.com"],
            &["B", "bob@example.com"],
            &["C", "ADA@example.com"],
            &["D", "ada@EXAMPLE.com"],
        ],
        &[
            (Some(4), Some("Email"), "duplicate_email"),
            (Some(5), Some("Email"), "duplicate_email"),
        ],
    );
}

#[test]
fn invalid_user_type() {
    expect(
        &[H, &["A", "a@example.com", "Admin"]],
        &[(Some(2), Some("User type"), "invalid_user_type")],
    );
}

#[test]
fn invalid_value_for_control_characters() {
    expect(
        &[
            H,
            &["Tab\there", "a@example.com"],
            &["B", "b@example.com", "", "Line\nbreak"],
            &["C", "c@exam\u{7}ple.com"],
        ],
        &[
            (Some(2), Some("User name"), "invalid_value"),
            (Some(3), Some("Site"), "invalid_value"),
            (Some(4), Some("Email"), "invalid_value"),
        ],
    );
}

#[test]
fn unsafe_value_for_formula_starts() {
    expect(
        &[
            H,
            &["=HYPERLINK(\"http://x\")", "a@example.com"],
            &["+1", "b@example.com"],
            &["-x", "c@example.com"],
            &["@SUM(A1)", "d@example.com"],
            &["Eve", "e@example.com", "", "=1+1"],
        ],
        &[
            (Some(2), Some("User name"), "unsafe_value"),
            (Some(3), Some("User name"), "unsafe_value"),
            (Some(4), Some("User name"), "unsafe_value"),
            (Some(5), Some("User name"), "unsafe_value"),
            (Some(6), Some("Site"), "unsafe_value"),
        ],
    );
}

#[test]
fn value_too_long_at_and_past_each_limit() {
    let name_ok = "n".repeat(256);
    let name_long = "n".repeat(257);
    let domain = |last: usize| {
        format!(
            "{}.{}.{}.com",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(last)
        )
    };
    let email_ok = format!("{}@{}", "l".repeat(64), domain(57));
    let email_long = format!("{}@{}", "l".repeat(64), domain(58));
    assert_eq!(email_ok.chars().count(), 254);
    let site_ok = "s".repeat(256);
    let site_long = "s".repeat(257);
    expect(
        &[
            H,
            &[&name_ok, "a@example.com", "", &site_ok],
            &[&name_long, "b@example.com"],
            &["C", &email_ok],
            &["D", &email_long],
            &["E", "e@example.com", "", &site_long],
        ],
        &[
            (Some(3), Some("User name"), "value_too_long"),
            (Some(5), Some("Email"), "value_too_long"),
            (Some(6), Some("Site"), "value_too_long"),
        ],
    );
}

#[test]
fn missing_column_at_the_header_row() {
    expect(
        &[&[], &["User name", "Site"], &["Ada", "London"]],
        &[(Some(2), Some("Email"), "missing_column")],
    );
}

#[test]
fn duplicate_column() {
    expect(
        &[
            &["User name", "Email", "E-mail"],
            &["Ada", "ada@example.com", "other@example.com"],
        ],
        &[(Some(1), Some("Email"), "duplicate_column")],
    );
}

#[test]
fn unknown_column_names_no_canonical_column() {
    expect(
        &[
            &["User name", "Email", "Phone"],
            &["Ada", "ada@example.com", "555"],
        ],
        &[(Some(1), None, "unknown_column")],
    );
}

#[test]
fn extra_value_under_a_blank_header() {
    expect(
        &[
            &["User name", "Email", "", "Site"],
            &["Ada", "ada@example.com", "", "London"],
            &["Bob", "bob@example.com", "stray", "Paris"],
        ],
        &[(Some(3), None, "extra_value")],
    );
}

#[test]
fn no_rows_and_empty_file() {
    expect(&[H], &[(None, None, "no_rows")]);
    expect(&[H, &[], &["", "  "]], &[(None, None, "no_rows")]);
    expect(&[&[], &["  ", ""]], &[(None, None, "empty_file")]);
    assert_errors(b"", Format::Csv, &[(None, None, "empty_file")]);
    assert_errors(b"", Format::Xlsx, &[(None, None, "empty_file")]);
}

#[test]
fn unreadable_file() {
    let xlsx = crate::support::xlsx(&[H]);
    assert_errors(&xlsx, Format::Csv, &[(None, None, "unreadable_file")]);
    assert_errors(
        b"User name*,Email*\n",
        Format::Xlsx,
        &[(None, None, "unreadable_file")],
    );
    let mut corrupt = xlsx.clone();
    corrupt.truncate(xlsx.len() / 2);
    assert_errors(&corrupt, Format::Xlsx, &[(None, None, "unreadable_file")]);
    // Zero bytes inside the text (at its end they are padding, left out).
    assert_errors(
        b"a,b\n\x00\x00\x00c\n",
        Format::Csv,
        &[(None, None, "unreadable_file")],
    );
}

#[test]
fn spreadsheet_errors_saved_as_text_and_line_separators_are_invalid_values() {
    // A CSV export of a sheet whose lookups failed holds `#N/A` as text: the same grid
    // as a workbook's error cells, the same answer. U+2028 is a line break.
    expect(
        &[
            H,
            &["#N/A", "ada@example.com", "", "#DIV/0!"],
            &["Bob\u{2028}Smith", "bob@example.com", "#value!", "Oslo"],
            &["#1 fan", "cy@example.com", "", "#REF"],
        ],
        &[
            (Some(2), Some("User name"), "invalid_value"),
            (Some(2), Some("Site"), "invalid_value"),
            (Some(3), Some("User name"), "invalid_value"),
            (Some(3), Some("User type"), "invalid_value"),
        ],
    );
}

#[test]
fn format_not_accepted() {
    // .xls is read only when a service lists it; refused, whatever the bytes, before
    // any reading, and answered with 415.
    let csv = crate::support::csv(&[H, &["Ada", "ada@example.com"]]);
    assert_errors(
        b"\xD0\xCF\x11\xE0",
        Format::Xls,
        &[(None, None, "format_not_accepted")],
    );
    let errors = bulk_users::Options::new()
        .formats([Format::Xlsx])
        .parse(&csv, Format::Csv)
        .unwrap_err();
    assert_eq!(errors[0].code.as_str(), "format_not_accepted");
    assert_eq!(errors[0].code.http_status(), 415);
    assert!(errors[0].code.is_file_level());
}

#[test]
fn every_error_in_the_file_is_reported_in_row_then_column_order() {
    expect(
        &[
            &["Site", "Email", "User name", "Notes"],
            &["=x", "bad", ""],
            &["", "ok@example.com", "Ok"],
            &["", "", "", "n"],
        ],
        &[
            (Some(1), None, "unknown_column"),
            (Some(2), Some("Site"), "unsafe_value"),
            (Some(2), Some("Email"), "invalid_email"),
            (Some(2), Some("User name"), "missing_value"),
            (Some(4), Some("Email"), "missing_value"),
            (Some(4), Some("User name"), "missing_value"),
        ],
    );
}

#[test]
#[allow(deprecated)]
fn a_checker_answers_as_its_options() {
    let options = Options::new();
    let mut checker = bulk_users::Checker::new(options.clone());
    let first = b"User name*,Email*\nAda,ada@example.com\nBob,bob@example.com\n";
    let broken_header = b"User name*,Email*,Email\nCy,cy@example.com,x\n";
    for bytes in [&first[..], &broken_header[..]] {
        assert_eq!(
            checker.parse(bytes, Format::Csv),
            options.parse(bytes, Format::Csv)
        );
        assert_eq!(
            checker.check(bytes, Format::Csv),
            options.check(bytes, Format::Csv)
        );
    }
}

#[test]
fn the_same_mailbox_in_another_form_is_a_duplicate() {
    // Full-width letters, Punycode and case are mapped as mail maps them (UTS #46).
    let grid: Grid = &[
        HEADER,
        &["Ada", "ada@example.com"],
        &[
            "Ada again",
            "ada@\u{FF25}\u{FF38}\u{FF21}\u{FF2D}\u{FF30}\u{FF2C}\u{FF25}.com",
        ],
        &["Bob", "bob@b\u{FC}cher.de"],
        &["Bob again", "bob@xn--bcher-kva.de"],
        &["Ali", "ali@\u{130}NSAAT.com.tr"],
    ];
    for (format, bytes) in every_format(grid) {
        let errors = bulk_users::parse(&bytes, format).unwrap_err();
        assert_eq!(
            located(&errors),
            [
                (Some(3), Some("Email"), "duplicate_email"),
                (Some(5), Some("Email"), "duplicate_email")
            ],
            "{format}"
        );
        assert_eq!(
            errors[1].message,
            "bob@b\u{FC}cher.de is already used on row 4. Each user needs their own email address."
        );
    }
    let report = bulk_users::Options::new().check(&crate::support::csv(grid), Format::Csv);
    let emails: Vec<&str> = report.users.iter().map(|u| u.user.email.as_str()).collect();
    assert_eq!(
        emails,
        [
            "ada@example.com",
            "bob@b\u{FC}cher.de",
            "ali@i\u{307}nsaat.com.tr"
        ]
    );
}
