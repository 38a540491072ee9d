//! Delimited text as spreadsheet programs and people really write it.

use bulk_users::{Format, Options, UserType};

use crate::support::{assert_errors, assert_users, user};

fn ada() -> bulk_users::NewUser {
    user("Ada Lovelace", "ada@example.com", UserType::Standard, "HQ")
}

#[test]
fn line_endings_and_a_missing_final_newline() {
    for text in [
        "User name*,Email*\r\nAda Lovelace,ada@example.com\r\n",
        "User name*,Email*\nAda Lovelace,ada@example.com\n",
        "User name*,Email*\nAda Lovelace,ada@example.com",
        "User name*,Email*\rAda Lovelace,ada@example.com\r",
    ] {
        assert_users(text.as_bytes(), Format::Csv, &[ada()]);
    }
}

#[test]
fn trailing_empty_fields_and_short_rows() {
    let text = "User name*,Email*,User type,Site\nAda Lovelace,ada@example.com,,,,\nGrace,grace@example.com\n";
    assert_users(
        text.as_bytes(),
        Format::Csv,
        &[
            ada(),
            user("Grace", "grace@example.com", UserType::Standard, "HQ"),
        ],
    );
    let text = "User name*,Email*\nAda Lovelace,ada@example.com,,,x\n";
    assert_errors(
        text.as_bytes(),
        Format::Csv,
        &[(Some(2), None, "extra_value")],
    );
}

#[test]
fn delimiters_are_detected_and_not_fooled_by_quoted_fields() {
    let expected = [user(
        "Lovelace, Ada",
        "ada@example.com",
        UserType::Privileged,
        "London; UK",
    )];
    for text in [
        "User name*,Email*,User type,Site\n\"Lovelace, Ada\",ada@example.com,Privileged,London; UK\n",
        "User name*;Email*;User type;Site\nLovelace, Ada;ada@example.com;Privileged;\"London; UK\"\n",
        "\"User name*, the full name\";Email*;User type;Site\nLovelace, Ada;ada@example.com;Privileged;\"London; UK\"\n",
        "User name*\tEmail*\tUser type\tSite\nLovelace, Ada\tada@example.com\tPrivileged\tLondon; UK\n",
    ] {
        let result = bulk_users::parse(text.as_bytes(), Format::Csv);
        if text.starts_with("\"User name*, the") {
            // A header cell that is not a known column is still one cell, not three.
            let errors = result.unwrap_err();
            assert_eq!(errors.len(), 2, "{errors}");
            // A missing column has no position in the row, so it comes first.
            assert_eq!(errors[0].code.as_str(), "missing_column");
            assert_eq!(errors[1].code.as_str(), "unknown_column");
            assert_eq!(errors[1].column_letter().as_deref(), Some("A"));
            continue;
        }
        assert_eq!(result, Ok(expected.to_vec()), "{text}");
    }
}

#[test]
fn row_numbers_stay_right_after_a_multi_line_record() {
    let text = "User name*,Email*,Site\r\n\"Ada\r\nLovelace\",ada@example.com,\"Lon\ndon\"\r\n\r\nBob,bob(at)example.com,\r\n";
    assert_errors(
        text.as_bytes(),
        Format::Csv,
        &[
            (Some(2), Some("User name"), "invalid_value"),
            (Some(2), Some("Site"), "invalid_value"),
            (Some(4), Some("Email"), "invalid_email"),
        ],
    );
}

#[test]
fn utf16_both_byte_orders() {
    let text = "User name*\tEmail*\nZoë Ölund\tzoe@example.com\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    let expected = [user(
        "Zoë Ölund",
        "zoe@example.com",
        UserType::Standard,
        "HQ",
    )];
    assert_users(&le, Format::Csv, &expected);
    assert_users(&be, Format::Csv, &expected);
}

#[test]
fn windows_1252_found_past_the_first_rows() {
    // Accents appear only far down the file: the whole file is still read as
    // Windows-1252, from the top.
    let mut bytes = b"User name*,Email*\n".to_vec();
    for i in 0..300 {
        bytes.extend_from_slice(format!("User {i},u{i}@example.com\n").as_bytes());
    }
    bytes.extend_from_slice(b"Jos\xe9 Garc\xeda,jose@example.com\n");
    let users = bulk_users::parse(&bytes, Format::Csv).unwrap();
    assert_eq!(users.len(), 301);
    assert_eq!(users[300].name, "José García");
}

#[test]
fn invisible_characters_at_the_ends_are_trimmed() {
    let text = "\u{FEFF}User name*,\u{00A0}Email*\u{200B}\n\u{00A0}Ada Lovelace\u{200B},\u{FEFF} ada@example.com\u{00A0}\n";
    assert_users(text.as_bytes(), Format::Csv, &[ada()]);
}

#[test]
fn header_not_on_the_first_line() {
    let text = "\n , \nUser name*,Email*\nAda Lovelace,ada@example.com\nBob,\n";
    assert_errors(
        text.as_bytes(),
        Format::Csv,
        &[(Some(5), Some("Email"), "missing_value")],
    );
}

#[test]
fn a_utf8_bom_with_bad_bytes_is_not_guessed_as_windows_1252() {
    // The byte order mark says UTF-8: the bad byte is an error at its row and column,
    // never a U+FFFD in a user, never another code page.
    let bytes = b"\xEF\xBB\xBFUser name*,Email*\nAda,ada@example.com\nJos\xe9,jose@example.com\n";
    assert_errors(
        bytes,
        Format::Csv,
        &[(Some(3), Some("User name"), "invalid_value")],
    );
}

/// `text` in `encoding`, which must hold every character of it.
fn encoded(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot hold {text:?}", encoding.name());
    bytes.into_owned()
}

#[test]
fn legacy_code_pages_read_as_the_person_typed() {
    let cases: [(&str, &'static encoding_rs::Encoding, &str, &str); 8] = [
        (
            "Иван Петров",
            encoding_rs::WINDOWS_1251,
            "Москва",
            "windows-1251",
        ),
        ("山田 太郎", encoding_rs::SHIFT_JIS, "東京本社", "Shift_JIS"),
        (
            "Łukasz Żak",
            encoding_rs::WINDOWS_1250,
            "Kraków",
            "windows-1250",
        ),
        (
            "Γιώργος Παπαδόπουλος",
            encoding_rs::WINDOWS_1253,
            "Αθήνα",
            "windows-1253",
        ),
        ("王小明", encoding_rs::GBK, "北京总部", "GBK"),
        ("陳大文", encoding_rs::BIG5, "台北總公司", "Big5"),
        ("김민준", encoding_rs::EUC_KR, "서울 본사", "EUC-KR"),
        (
            "Ahmet Yılmaz",
            encoding_rs::WINDOWS_1254,
            "İstanbul Şubesi",
            "windows-1254",
        ),
    ];
    for (name, encoding, site, label) in cases {
        // Enough rows for the code page to be unambiguous, as any real list is.
        let mut text = String::from("User name*;Email*;User type;Site\r\n");
        // Turkish names fit Windows-1252's letters as well: the addresses' domain
        // tells (without it, a service names its code page).
        let tld = if label == "windows-1254" {
            "com.tr"
        } else {
            "com"
        };
        for i in 0..6 {
            text.push_str(&format!("{name} {i};u{i}@example.{tld};;{site}\r\n"));
        }
        let bytes = encoded(&text, encoding);
        let report = Options::new().check(&bytes, Format::Csv);
        assert_eq!(report.errors, [], "{label}");
        assert_eq!(report.users.len(), 6, "{label}");
        assert_eq!(report.users[0].user.name, format!("{name} 0"), "{label}");
        assert_eq!(report.users[5].user.site, site, "{label}");
        assert_eq!(report.encoding.as_deref(), Some(label));
        assert_eq!(report.delimiter, Some(';'));
        assert_eq!(
            report.notes[0].code,
            bulk_users::NoteCode::EncodingGuessed,
            "{label}"
        );
        assert_eq!(report.notes[0].row, None);
        // A service that knows the locale names it: no guess.
        let named = Options::new().encoding(label).check(&bytes, Format::Csv);
        assert_eq!(named.users, report.users);
        assert_eq!(named.notes, []);
    }
    let note = &Options::new()
        .check(&encoded("User name*;Email*\nВладимир Соловьёв;v@example.com\nТатьяна Белова;t@example.com\n", encoding_rs::WINDOWS_1251), Format::Csv)
        .notes[0];
    assert_eq!(
        note.message,
        "The file is not UTF-8, so its characters were read as Cyrillic (windows-1251). If \
         names look wrong, save the file as \"CSV UTF-8\" and upload it again."
    );
}

#[test]
fn a_utf8_file_with_one_pasted_windows_1252_row_keeps_its_utf8_rows() {
    let mut bytes = "User name*,Email*,User type,Site\nJosé García,jose@example.com,,Málaga\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Zo\xeb Sm\xeft,zoe@example.com,,K\xf6ln\n");
    bytes.extend_from_slice("Ana Muñoz,ana@example.com,,Logroño\n".as_bytes());
    assert_users(
        &bytes,
        Format::Csv,
        &[
            user(
                "José García",
                "jose@example.com",
                UserType::Standard,
                "Málaga",
            ),
            user("Zoë Smït", "zoe@example.com", UserType::Standard, "Köln"),
            user(
                "Ana Muñoz",
                "ana@example.com",
                UserType::Standard,
                "Logroño",
            ),
        ],
    );
}

#[test]
fn a_byte_undefined_in_the_code_page_is_an_error_at_its_cell() {
    // 0x81 is not a character in Windows-1252 (it would be an invisible C1 control).
    let bytes = b"User name*,Email*\nAda\x81 Lovelace,ada@example.com\nJos\xe9,jose@example.com\n";
    let errors = Options::new()
        .encoding("windows-1252")
        .parse(bytes, Format::Csv)
        .unwrap_err();
    assert_eq!(
        crate::support::located(&errors),
        [(Some(2), Some("User name"), "invalid_value")]
    );
    assert_eq!(
        errors[0].message,
        "User name has bytes that are no character in Western European (windows-1252) \
         (shown as \u{FFFD}), the encoding the file was read in. Save it as \"CSV UTF-8\" \
         (in Excel: Save As, CSV UTF-8 (Comma delimited)) and upload it again."
    );
    // Detected, not named: 0x81 is no character in Windows-1252 but `ü` in DOS 850, so
    // a short file holding it cannot be told apart: every row whose letters depend on
    // the code page is an error at its cell, never an invisible character in a name
    // and never a guessed letter.
    let cases: [(&[u8], &[u32]); 2] = [
        (
            b"User name*,Email*\r\nJos\x81 Garc\xeda,jose@example.com\r\n",
            &[2],
        ),
        (
            b"User name*,Email*\nAda\x81 Lovelace,ada@example.com\nJos\xe9,jose@example.com\n",
            &[2, 3],
        ),
    ];
    for (bytes, rows) in cases {
        let report = Options::new().check(bytes, Format::Csv);
        assert_eq!(report.encoding.as_deref(), Some("windows-1252"));
        let errors = report.into_result().unwrap_err();
        let expected: Vec<_> = rows
            .iter()
            .map(|&row| (Some(row), Some("User name"), "invalid_value"))
            .collect();
        assert_eq!(crate::support::located(&errors), expected);
    }
    // In Shift_JIS a lone lead byte cannot be decoded: U+FFFD, never accepted.
    let bytes = b"User name*,Email*\n\x82,a@example.com\n";
    let errors = Options::new()
        .encoding("shift_jis")
        .parse(bytes, Format::Csv)
        .unwrap_err();
    assert_eq!(
        crate::support::located(&errors),
        [(Some(2), Some("User name"), "invalid_value")]
    );
    assert!(
        errors[0].message.contains("CSV UTF-8"),
        "{}",
        errors[0].message
    );
}

#[test]
fn sep_line_names_the_delimiter_and_is_not_a_row() {
    let bytes = b"sep=;\r\nUser name*;Email*;Site\r\nAda;ada(at)example.com;Oslo, Norway\r\n";
    assert_errors(
        bytes,
        Format::Csv,
        &[(Some(2), Some("Email"), "invalid_email")],
    );
    let bytes = b"\xEF\xBB\xBFsep=,\nUser name*;x,Email*\nAda;1,ada@example.com\n";
    let errors = bulk_users::parse(bytes, Format::Csv).unwrap_err();
    assert_eq!(crate::support::located(&errors)[0].0, Some(1));
}

#[test]
fn invisible_characters_are_removed_and_noted() {
    let text = "User name*,Email*,User type,Site\nAda,ada@example.com,Privileged\u{200E},H\u{200B}Q\nBob,bob@example.com,,HQ\u{200E}\n";
    let report = Options::new().check(text.as_bytes(), Format::Csv);
    assert_eq!(report.errors, []);
    assert_eq!(report.users[0].user.user_type, UserType::Privileged);
    assert_eq!(report.users[0].user.site, "HQ");
    assert_eq!(report.users[1].user.site, "HQ");
    let notes: Vec<(Option<u32>, &str)> = report
        .notes
        .iter()
        .map(|n| (n.row, n.code.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (Some(2), "invisible_characters_removed"),
            (Some(3), "invisible_characters_removed")
        ]
    );
    // A decomposed é (as macOS and some forms send it) is the composed one.
    let text = "User name*,Email*\nJose\u{301},jose\u{301}@example.com\n";
    assert_users(
        text.as_bytes(),
        Format::Csv,
        &[user(
            "Jos\u{E9}",
            "jos\u{E9}@example.com",
            UserType::Standard,
            "HQ",
        )],
    );
}

/// Files in code pages other than Windows ANSI, written by Python's `csv` module
/// (`tests/data/code_pages.py`) and Gnumeric: each reads as typed, with the code page
/// named.
#[test]
fn mac_dos_and_national_code_pages_read_as_typed() {
    let read = crate::support::data_file;
    type People = &'static [(&'static str, &'static str)];
    let cases: [(&str, &str, People); 5] = [
        (
            "python_cp850_dos.csv",
            "IBM850",
            &[("Hélène Lefèvre", "Orléans"), ("Jürgen Groß", "Düsseldorf")],
        ),
        (
            "python_mac_roman.csv",
            "macintosh",
            &[("José Müller", "Zürich"), ("Françoise Brûlé", "Besançon")],
        ),
        (
            "gnumeric_mac_roman.csv",
            "macintosh",
            &[("José Müller", "Zürich"), ("Françoise Brûlé", "Besançon")],
        ),
        (
            "python_cp1250_hu.csv",
            "windows-1250",
            &[("Szőke Anna", "Győr")],
        ),
        (
            "python_cp1257_ee.csv",
            "windows-1257",
            &[("Žanna Šmidt", "Tartu")],
        ),
    ];
    for (file, encoding, people) in cases {
        let report = Options::new().check(&read(file), Format::Csv);
        assert_eq!(report.errors, [], "{file}");
        assert_eq!(report.encoding.as_deref(), Some(encoding), "{file}");
        let got: Vec<(&str, &str)> = report
            .users
            .iter()
            .map(|u| (u.user.name.as_str(), u.user.site.as_str()))
            .collect();
        assert_eq!(got, people, "{file}");
        assert_eq!(
            report.notes[0].code,
            bulk_users::NoteCode::EncodingGuessed,
            "{file}"
        );
    }
    // Named by the service, a DOS page needs no guess.
    let named = Options::new()
        .encoding("cp850")
        .check(&read("python_cp850_dos.csv"), Format::Csv);
    assert_eq!(named.users.len(), 2);
    assert_eq!(named.notes, []);
}

/// How much a Western file needs before its code page is trusted: one name whose
/// accented letters only Windows-1252 reads as letters in their words; a name that a
/// DOS and a Western page both read as names is refused, not guessed.
#[test]
fn a_short_file_is_read_when_its_letters_tell_and_refused_when_they_do_not() {
    let csv = |row: &[u8]| [b"User name*,Email*\r\n".as_slice(), row].concat();
    // "José García" in Windows-1252: read.
    let report = Options::new().check(&csv(b"Jos\xe9 Garc\xeda,jose@example.com\r\n"), Format::Csv);
    assert_eq!(report.errors, []);
    assert_eq!(report.users[0].user.name, "José García");
    // "Hélène" in DOS 850: read.
    let report = Options::new().check(&csv(b"H\x82l\x8Ane,helene@example.com\r\n"), Format::Csv);
    assert_eq!(report.users[0].user.name, "Hélène");
    // 0x81 is no character in Windows-1252 and `ü` in DOS 850, and `í` is `Ý` there:
    // either reading is a name, so the row is refused where it stands.
    let report = Options::new().check(&csv(b"Jos\x81 Garc\xeda,jose@example.com\r\n"), Format::Csv);
    let codes: Vec<_> = report
        .errors
        .iter()
        .map(|e| (e.row, e.code.as_str()))
        .collect();
    assert_eq!(codes, [(Some(2), "invalid_value")]);
    assert_eq!(
        report.errors[0].message,
        "User name has accented letters whose encoding could not be told from the file, \
         so they are not guessed. Save the file as \"CSV UTF-8\" (in Excel: Save As, CSV \
         UTF-8 (Comma delimited)) and upload it again."
    );
    assert_eq!(report.users, []);
}

/// UTF-16 without a byte order mark, as pandas' `to_csv(encoding="utf-16-le")` writes
/// it, is read with a note rather than called binary; zero bytes padding the end are
/// left out with a note.
#[test]
fn utf16_without_its_mark_and_nul_padding_are_read_with_a_note() {
    let text = "User name*,Email*\nŽanna Šmidt,zanna@example.ee\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let report = Options::new().check(&bytes, Format::Csv);
        assert_eq!(report.errors, [], "{name}");
        assert_eq!(report.users[0].user.name, "Žanna Šmidt");
        assert_eq!(report.encoding.as_deref(), Some(name));
        let notes: Vec<_> = report
            .notes
            .iter()
            .map(|n| (n.code, n.message.as_str()))
            .collect();
        let message = format!(
            "The file is {name} text without the mark that says so; it was read as {name}."
        );
        assert_eq!(
            notes,
            [(bulk_users::NoteCode::Utf16WithoutBom, message.as_str())]
        );
    }
    let mut padded = b"User name*,Email*\r\nAda,ada@example.com\r\n".to_vec();
    padded.extend_from_slice(&[0; 512]);
    let report = Options::new().check(&padded, Format::Csv);
    assert_eq!(report.errors, []);
    assert_eq!(report.users.len(), 1);
    let notes: Vec<_> = report.notes.iter().map(|n| n.code).collect();
    assert_eq!(notes, [bulk_users::NoteCode::NulPaddingIgnored]);
    // A zero byte inside the text is still no text.
    let binary = b"User name*,Email*\r\nA\x00da,ada@example.com\r\n";
    let codes: Vec<_> = bulk_users::parse(binary, Format::Csv)
        .unwrap_err()
        .iter()
        .map(|e| e.code)
        .collect();
    assert_eq!(codes, [bulk_users::ErrorCode::UnreadableFile]);
}

/// UTF-32 (PowerShell's `Export-Csv -Encoding UTF32`, Python's `encoding="utf-32"`),
/// with or without its byte order mark, is refused with a message that names it, not
/// called binary; a file of zero bytes is still binary.
#[test]
fn utf32_is_refused_with_a_message_that_names_it() {
    let text = "User name*,Email*\r\nZoë Ångström,zoe@example.se\r\n";
    let le: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let be: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_be_bytes())
        .collect();
    let marked = |mark: [u8; 4], body: &[u8]| [&mark[..], body].concat();
    let files = [
        marked([0xFF, 0xFE, 0, 0], &le),
        marked([0, 0, 0xFE, 0xFF], &be),
        le,
        be,
    ];
    for bytes in files {
        let errors = bulk_users::parse(&bytes, Format::Csv).unwrap_err();
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.code, e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [(
                bulk_users::ErrorCode::UnreadableFile,
                "This file is text saved as UTF-32, which this upload does not read. Save it \
                 as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8 (Comma delimited)) and upload \
                 it again."
            )]
        );
    }
    let errors = bulk_users::parse(&[0; 64], Format::Csv).unwrap_err();
    assert!(
        errors[0].message.starts_with("This file is not text"),
        "{}",
        errors[0].message
    );
}

/// An Oracle or Java "UTF8" export (CESU-8) in a UTF-8 file: the row is refused with a
/// message that says so, never read as letters of a code page.
#[test]
fn a_cesu8_row_is_refused_with_a_message_that_names_it() {
    // "😀 Ada": U+1F600 as two three-byte halves (ED A0 BD, ED B8 80), beside UTF-8 rows.
    let bytes = [
        "User name*,Email*\nZoë,zoe@example.com\nJosé,jose@example.com\n".as_bytes(),
        b"\xED\xA0\xBD\xED\xB8\x80 Ada,ada@example.com\n",
    ]
    .concat();
    let report = Options::new().check(&bytes, Format::Csv);
    let codes: Vec<_> = report
        .errors
        .iter()
        .map(|e| (e.row, e.code.as_str()))
        .collect();
    assert_eq!(codes, [(Some(4), "invalid_value")]);
    assert_eq!(
        report.errors[0].message,
        "User name has characters written as Oracle and Java write \"UTF8\" (CESU-8), which \
         is not the UTF-8 spreadsheets read. Save the file as \"CSV UTF-8\" from a \
         spreadsheet program and upload it again."
    );
    assert_eq!(report.users.len(), 2);
}

#[test]
fn a_utf16_csv_as_pandas_writes_it_is_read_with_a_note() {
    let bytes = crate::support::data_file("pandas_utf16le.csv");
    assert!(!bytes.starts_with(&[0xFF, 0xFE]), "no byte order mark");
    let report = Options::new().check(&bytes, Format::Csv);
    let users: Vec<_> = report.users.iter().map(|u| u.user.clone()).collect();
    assert_eq!(
        users,
        [
            user(
                "Zoë Ångström",
                "zoe@example.se",
                UserType::Privileged,
                "Malmö"
            ),
            user("Ōta Hiroshi", "ota@example.jp", UserType::Standard, "東京"),
        ]
    );
    assert_eq!(report.encoding.as_deref(), Some("UTF-16LE"));
    let codes: Vec<&str> = report.notes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["utf16_without_bom"]);
}
