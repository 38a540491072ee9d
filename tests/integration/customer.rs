//! The customer's own rules: allowed email domains and existing accounts, located like
//! any other error, in every format and every output.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use bulk_users::{Format, Options};

use crate::support::{every_format, located, Grid, HEADER};

#[test]
fn addresses_outside_the_domains_are_refused_at_their_cell() {
    let grid: Grid = &[
        HEADER,
        &["Ada", "ada@Contoso.COM"],
        &["Bob", "bob@eu.sales.fabrikam.com"],
        &["Cy", "cy@fabrikam.com"],
        &["Di", "di@gmail.com"],
        &[
            "Ed",
            "ed@\u{FF23}\u{FF2F}\u{FF2E}\u{FF34}\u{FF2F}\u{FF33}\u{FF2F}.com",
        ],
        &["Fa", "fa@b\u{FC}cher.de"],
        &["Gi", "gi@xn--bcher-kva.de"],
        &["Ha", "ha@notcontoso.com"],
    ];
    let options =
        Options::new().allowed_email_domains(["contoso.com", "*.fabrikam.com", "BÜCHER.de"]);
    for (format, bytes) in every_format(grid) {
        let errors = options.parse(&bytes, format).unwrap_err();
        assert_eq!(
            located(&errors),
            [
                (Some(4), Some("Email"), "email_domain_not_allowed"),
                (Some(5), Some("Email"), "email_domain_not_allowed"),
                (Some(9), Some("Email"), "email_domain_not_allowed"),
            ],
            "{format}"
        );
        assert_eq!(
            errors[1].message,
            "di@gmail.com is not at one of this organisation's domains. Use an address at \
             contoso.com, *.fabrikam.com or BÜCHER.de."
        );
    }
    let json = serde_json::to_value(
        options
            .parse(&crate::support::csv(grid), Format::Csv)
            .unwrap_err(),
    )
    .unwrap();
    assert_eq!(json["errors"][0]["code"], "email_domain_not_allowed");
}

#[test]
fn a_long_list_of_domains_is_shortened() {
    let domains: Vec<String> = (1..=13).map(|i| format!("d{i}.example")).collect();
    let options = Options::new().allowed_email_domains(&domains);
    let errors = options
        .parse(b"User name*,Email*\nAda,ada@other.example\n", Format::Csv)
        .unwrap_err();
    assert_eq!(
        errors[0].message,
        "ada@other.example is not at one of this organisation's domains. Use an address at \
         d1.example, d2.example, d3.example, d4.example, d5.example, d6.example, d7.example, \
         d8.example, d9.example, d10.example or one of 3 more."
    );
}

#[test]
fn addresses_with_an_account_are_refused() {
    let grid: Grid = &[
        HEADER,
        &["Ada", "ADA@example.com"],
        &["Bob", "bob@xn--bcher-kva.de"],
        &["Cy", "cy@example.com"],
    ];
    let options =
        Options::new().existing_emails(["ada@EXAMPLE.com", "Bob@BÜCHER.de", "not an address"]);
    for (format, bytes) in every_format(grid) {
        let errors = options.parse(&bytes, format).unwrap_err();
        assert_eq!(
            located(&errors),
            [
                (Some(2), Some("Email"), "email_exists"),
                (Some(3), Some("Email"), "email_exists")
            ],
            "{format}"
        );
        assert_eq!(
            errors[1].message,
            "bob@b\u{FC}cher.de already has an account. Remove this row, or use another address."
        );
    }
    let report = options.check(&crate::support::csv(grid), Format::Csv);
    assert_eq!(report.users.len(), 1);
    assert_eq!(report.users[0].row, 4);
}

#[test]
fn the_directory_is_asked_once_per_distinct_valid_address() {
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let options = Options::new().existing_email_check(move |address| {
        counter.fetch_add(1, Ordering::SeqCst);
        address == "taken@example.com"
    });
    let grid: Grid = &[
        HEADER,
        &["A", "taken@EXAMPLE.com"],
        &["B", "free@example.com"],
        &["C", "Free@example.com"],
        &["D", "not-an-address"],
        &["E", "taken@example.com"],
    ];
    let errors = options
        .parse(&crate::support::csv(grid), Format::Csv)
        .unwrap_err();
    assert_eq!(
        located(&errors),
        [
            (Some(2), Some("Email"), "email_exists"),
            (Some(4), Some("Email"), "duplicate_email"),
            (Some(5), Some("Email"), "invalid_email"),
            (Some(6), Some("Email"), "duplicate_email"),
        ]
    );
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[test]
fn the_directory_gets_each_address_in_the_form_addresses_compare_in() {
    // A directory that stores lower-case addresses finds every case form of one: the
    // closure and the set give the same verdict.
    let forms = [
        "ada.lovelace@example.com",
        "Ada.Lovelace@example.com",
        "ADA.LOVELACE@EXAMPLE.COM",
        "aDa.LoVeLaCe@Example.Com",
        "ada.lovelace@\u{FF25}XAMPLE.com",
    ];
    let directory = ["ada.lovelace@example.com"];
    let ask = Options::new().existing_email_check(move |email| directory.contains(&email));
    let set = Options::new().existing_emails(directory);
    let set_upper = Options::new().existing_emails(["ADA.Lovelace@Example.COM"]);
    for form in forms {
        let grid: Grid = &[HEADER, &["Ada", form]];
        let bytes = crate::support::csv(grid);
        for options in [&ask, &set, &set_upper] {
            let errors = options.parse(&bytes, Format::Csv).unwrap_err();
            assert_eq!(
                located(&errors),
                [(Some(2), Some("Email"), "email_exists")],
                "{form}"
            );
        }
    }
    let other: Grid = &[HEADER, &["Bob", "Bob@example.com"]];
    let bytes = crate::support::csv(other);
    for options in [&ask, &set, &set_upper] {
        assert_eq!(options.parse(&bytes, Format::Csv).map(|u| u.len()), Ok(1));
    }
}

#[test]
fn the_addresses_to_look_up_are_those_the_closure_would_be_asked() {
    let grid: Grid = &[
        HEADER,
        &["A", "taken@EXAMPLE.com"],
        &["", "nameless@example.com"],
        &["C", "Free@example.com"],
        &["D", "not-an-address"],
        &["E", "taken@example.com"],
        &["F", "bob@xn--bcher-kva.de"],
    ];
    let bytes = crate::support::csv(grid);
    let options = Options::new();
    let to_ask = options.emails_to_look_up(&bytes, Format::Csv);
    assert_eq!(
        to_ask,
        [
            "taken@example.com",
            "nameless@example.com",
            "free@example.com",
            "bob@b\u{FC}cher.de"
        ]
    );
    let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = Arc::clone(&asked);
    let closure = options.clone().existing_email_check(move |email| {
        record.lock().unwrap().push(email.to_owned());
        email == "taken@example.com" || email == "nameless@example.com"
    });
    let by_closure = closure.check(&bytes, Format::Csv);
    assert_eq!(*asked.lock().unwrap(), to_ask);
    let by_set = options
        .existing_emails(["taken@example.com", "nameless@example.com"])
        .check(&bytes, Format::Csv);
    assert_eq!(by_closure, by_set);
    assert!(by_set
        .errors
        .iter()
        .any(|e| e.row == Some(3) && e.code.as_str() == "email_exists"));
}

#[test]
fn the_template_says_so() {
    let template = Options::new()
        .allowed_email_domains(["contoso.com", "fabrikam.com"])
        .write_template()
        .unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(template)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        strings.contains("Use an email address at contoso.com or fabrikam.com."),
        "{strings}"
    );
}
