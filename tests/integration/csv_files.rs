//! Delimited text as spreadsheet programs and people really write it.

use bulk_users::{Format, UserType};

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
    bytes.extend_from_slice(b"Jos\xe9 \x80uro,jose@example.com\n");
    let users = bulk_users::parse(&bytes, Format::Csv).unwrap();
    assert_eq!(users.len(), 301);
    assert_eq!(users[300].name, "José €uro");
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
