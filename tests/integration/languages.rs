//! Every sentence in every language: pinned per language in `tests/snapshots/`, the
//! same rows, columns and codes whatever the language, and templates filled in by a
//! real spreadsheet writer in one language read by a service in another.

use bulk_users::{Format, Language, Options, RowErrors, UserType};

use crate::support::{csv, ods_package, raw_ods, user, Grid, RawTable, HEADER};

/// Uploads that between them give every error code and every kind of message.
fn uploads() -> Vec<(Options, Vec<u8>, Format)> {
    let rows: Grid = &[
        HEADER,
        &["", "a@example.com"],
        &["B", ""],
        &["C", "bob(at)corp"],
        &["D", "a@b@example.com"],
        &["E", "Ada <e@example.com>"],
        &["F", "f @example.com"],
        &["G", "g@exa\u{A0}mple.com"],
        &["H", "h@example.com", "Admin"],
        &["=I", "i@example.com"],
        &["J", "j@example.com", "", "a\tb"],
        &["K", "a@example.com"],
        &["Zo\u{FFFD}", "l@example.com"],
        &["M", "m@example.com", "", "Rome"],
        &["N", "n@gmail.com"],
        &["O", "taken@corp.example"],
        &["P", "p@corp.example", "", "", "stray"],
    ];
    let long = "x".repeat(300);
    let options = Options::new()
        .allowed_sites(["Oslo", "Bergen"])
        .allowed_email_domains(["example.com", "corp.example"])
        .existing_emails(["taken@corp.example"]);
    vec![
        (options, csv(rows), Format::Csv),
        (
            Options::new(),
            csv(&[HEADER, &[&long, "x@example.com"]]),
            Format::Csv,
        ),
        (
            Options::new(),
            csv(&[
                &["Email", "Name", "E-mail", "Phone"],
                &["a@example.com", "A", "", ""],
            ]),
            Format::Csv,
        ),
        (
            Options::new(),
            csv(&[&["User name", "Site"], &["A", "B"]]),
            Format::Csv,
        ),
        (
            Options::new().max_rows(1),
            csv(&[HEADER, &["A", "a@example.com"], &["B", "b@example.com"]]),
            Format::Csv,
        ),
        (Options::new(), csv(&[HEADER]), Format::Csv),
        (Options::new(), b"\n\n".to_vec(), Format::Csv),
        (Options::new(), Vec::new(), Format::Csv),
        (
            Options::new().max_bytes(10),
            b"User name*,Email*\n".to_vec(),
            Format::Csv,
        ),
        (
            Options::new(),
            b"PK\x03\x04 not a zip".to_vec(),
            Format::Xlsx,
        ),
        (
            Options::new(),
            b"User name*,Email*\n".to_vec(),
            Format::Xlsx,
        ),
        (Options::new(), b"\x00\x01binary".to_vec(), Format::Csv),
        (
            Options::new(),
            b"\xFF\xFE\x00\x00a\x00\x00\x00".to_vec(),
            Format::Csv,
        ),
        (
            Options::new(),
            crate::support::data_file("sheetjs_web_page.xls"),
            Format::Xlsx,
        ),
        (
            Options::new(),
            crate::support::data_file("pylightxl_users.xlsx"),
            Format::Xlsx,
        ),
        (
            Options::new(),
            crate::support::data_file("sheetjs_xml_spreadsheet.xls"),
            Format::Csv,
        ),
        (Options::new(), b"x".to_vec(), Format::Xls),
        (Options::new(), formulas_and_errors(), Format::Ods),
        (
            Options::new(),
            ods_package("", Some(ENCRYPTED)),
            Format::Ods,
        ),
        (Options::new(), raw_ods(&[]), Format::Ods),
        (
            Options::new().max_inflated_bytes(10),
            raw_ods(&[]),
            Format::Ods,
        ),
        (
            Options::new(),
            csv(&[&many_headers(25), &["a"]]),
            Format::Csv,
        ),
        (
            Options::new(),
            csv(&[&many_headers(16_400), &["a"]]),
            Format::Csv,
        ),
        (Options::new(), negative_date_site(), Format::Xlsx),
    ]
}

/// A workbook whose one user's Site is -1 formatted as a date, which Excel shows as
/// `#####`.
fn negative_date_site() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in (0u16..).zip(HEADER) {
        sheet.write_string(0, column, *header).unwrap();
    }
    sheet.write_string(1, 0, "Ada").unwrap();
    sheet.write_string(1, 1, "ada@example.com").unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_number_with_format(1, 3, -1.0, &date).unwrap();
    workbook.save_to_buffer().unwrap()
}

const ENCRYPTED: &str = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#;

fn many_headers(count: usize) -> Vec<&'static str> {
    (0..count).map(|_| "Phone").collect()
}

/// An .ods with a formula that has no result, an error cell and a merged Site.
fn formulas_and_errors() -> Vec<u8> {
    let cell = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let header: String = HEADER.iter().map(|h| cell(h)).collect();
    let rows = format!(
        r#"<table:table-row>{header}</table:table-row><table:table-row>{}{}<table:table-cell table:formula="of:=1"/><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>Oslo,Norway</text:p></table:table-cell></table:table-row><table:table-row>{}{}<table:table-cell calcext:value-type="error" office:value-type="string"><text:p>#N/A</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"#,
        cell("A"),
        cell("a@example.com"),
        cell("B"),
        cell("b@example.com"),
    );
    raw_ods(&[RawTable {
        name: "Users",
        hidden: false,
        rows: &rows,
    }])
}

fn errors_in(language: Language) -> Vec<RowErrors> {
    uploads()
        .into_iter()
        .map(|(options, bytes, format)| {
            options
                .language(language)
                .parse(&bytes, format)
                .unwrap_err()
        })
        .collect()
}

fn snapshot(language: Language) -> String {
    let mut text = String::new();
    for errors in errors_in(language) {
        text.push_str(&errors.to_string());
        text.push_str("\n\n");
    }
    let report = Options::new().language(language).check(
        &[
            b"User name*,Email*\n".as_slice(),
            b"Jos\xe9 Garc\xeda,jose@example.com\nH\xe9l\xe8ne,h@example.com\n",
        ]
        .concat(),
        Format::Csv,
    );
    for note in &report.notes {
        text.push_str(&format!("note {}: {}\n", note.code.as_str(), note.message));
    }
    let report = Options::new().language(language).check(
        "User name*,Email*\nA\u{200B}da,a@example.com\n".as_bytes(),
        Format::Csv,
    );
    for note in &report.notes {
        text.push_str(&format!("note {}: {}\n", note.code.as_str(), note.message));
    }
    let report = Options::new()
        .language(language)
        .check(&formulas_and_errors(), Format::Ods);
    for note in &report.notes {
        text.push_str(&format!("note {}: {}\n", note.code.as_str(), note.message));
    }
    text
}

#[test]
fn every_message_is_pinned_in_every_language() {
    for language in Language::ALL {
        let path = format!(
            "{}/tests/snapshots/messages.{}.txt",
            env!("CARGO_MANIFEST_DIR"),
            language.tag()
        );
        let got = snapshot(language);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            got == want,
            "{path} differs; run with UPDATE_SNAPSHOTS=1 and review the diff"
        );
    }
}

#[test]
fn codes_rows_and_columns_never_change_with_the_language() {
    let located = |errors: &RowErrors| -> Vec<(Option<u32>, Option<&'static str>, &'static str)> {
        errors
            .iter()
            .map(|e| (e.row, e.column.map(|c| c.name()), e.code.as_str()))
            .collect()
    };
    let english = errors_in(Language::English);
    for language in Language::ALL.into_iter().skip(1) {
        let other = errors_in(language);
        for (en, other) in english.iter().zip(&other) {
            assert_eq!(located(en), located(other), "{language:?}");
            for (a, b) in en.iter().zip(other.iter()) {
                assert_ne!(a.message, b.message, "{language:?}: not translated");
                assert!(
                    !b.message.contains(['{', '}']),
                    "{language:?}: {}",
                    b.message
                );
                let json = serde_json::to_value(b).unwrap();
                assert_eq!(json["code"], a.code.as_str());
            }
        }
    }
}

#[test]
fn templates_filled_in_french_and_japanese_parse_in_english() {
    let read = crate::support::data_file;
    assert_eq!(
        bulk_users::parse(&read("openpyxl_filled_template_fr.xlsx"), Format::Xlsx),
        Ok(vec![
            user(
                "Élodie Martin",
                "elodie.martin@exemple.fr",
                UserType::Privileged,
                "Lyon"
            ),
            user(
                "Jean Dupont",
                "jean.dupont@exemple.fr",
                UserType::Standard,
                "HQ"
            ),
            user("Zoë Lefèvre", "zoe@exemple.fr", UserType::Standard, "Paris"),
        ])
    );
    assert_eq!(
        bulk_users::parse(&read("openpyxl_filled_template_ja.xlsx"), Format::Xlsx),
        Ok(vec![
            user(
                "山田 太郎",
                "taro.yamada@example.jp",
                UserType::Privileged,
                "東京本社"
            ),
            user(
                "佐藤 花子",
                "hanako.sato@example.jp",
                UserType::Standard,
                "HQ"
            ),
            user(
                "鈴木 一郎",
                "ichiro@example.jp",
                UserType::Standard,
                "大阪支店"
            ),
        ])
    );
}

#[test]
fn localised_templates_read_in_their_language_and_in_every_other() {
    for language in Language::ALL {
        let options = Options::new().language(language);
        let csv = options.write_csv_template_with(&[user(
            "Ada",
            "ada@example.com",
            UserType::Privileged,
            "Oslo",
        )]);
        for reader in Language::ALL {
            assert_eq!(
                Options::new().language(reader).parse(&csv, Format::Csv),
                Ok(vec![user(
                    "Ada",
                    "ada@example.com",
                    UserType::Privileged,
                    "Oslo"
                )]),
                "{language:?} read by {reader:?}"
            );
        }
    }
    let french = Options::new()
        .language(Language::French)
        .write_csv_template();
    assert_eq!(
        String::from_utf8(french).unwrap(),
        "\u{FEFF}Nom d'utilisateur*,E-mail*,Type d'utilisateur,Site\r\n"
    );
}

#[test]
fn negotiation_of_real_headers() {
    for (header, language) in [
        (
            "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5",
            Language::French,
        ),
        ("en-US,en;q=0.9", Language::English),
        ("ja,en-US;q=0.9,en;q=0.8", Language::Japanese),
        ("pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7", Language::Portuguese),
        ("nl-BE", Language::Dutch),
        ("zh-CN,zh;q=0.9,it;q=0.8", Language::Italian),
        ("*", Language::English),
        ("", Language::English),
        ("q=,,;;=;", Language::English),
        ("es;q=0", Language::English),
        ("de;q=0.3, es;q=0.31", Language::Spanish),
    ] {
        assert_eq!(Language::negotiate(header), language, "{header}");
    }
}

proptest::proptest! {
    #[test]
    fn any_header_or_tag_is_answered(text in ".{0,200}") {
        let _ = Language::negotiate(&text);
        if let Some(language) = Language::from_tag(&text) {
            proptest::prop_assert!(text.trim().to_ascii_lowercase().starts_with(language.tag()));
        }
    }
}
