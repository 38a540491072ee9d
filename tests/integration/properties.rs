//! What must always hold, for generated input.

use bulk_users::{Format, NewUser, UserType};
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

use crate::support::HEADER;

/// One user as a person types it, with what the crate must give back.
#[derive(Debug, Clone)]
struct Typed {
    cells: [String; 4],
    expected: NewUser,
}

fn text(max: usize) -> impl Strategy<Value = String> {
    // Accents, quotes, commas, semicolons and inner spaces; never a control character,
    // never blank at the ends, never a formula start.
    let pattern = format!(
        "[A-Za-zÀ-ÿŁłŻżЖжあ][A-Za-z0-9À-ÿŁłŻżЖж \"',;.()&/]{{0,{}}}[A-Za-zé0-9\"')]",
        max - 2
    );
    proptest::string::string_regex(&pattern).expect("a valid pattern")
}

fn typed_user() -> impl Strategy<Value = Typed> {
    (
        prop_oneof![text(40), text(256)],
        "[a-z0-9]{1,8}([._+-][a-z0-9]{1,8}){0,3}",
        // A label starting `xn--` is Punycode, which these are not.
        "[a-zA-Z][a-zA-Z0-9-]{0,10}[a-zA-Z0-9]".prop_filter("not Punycode", |d: &String| {
            !d.to_ascii_lowercase().starts_with("xn--")
        }),
        "[a-zA-Z]{2,6}",
        prop_oneof![
            Just(""),
            Just("Standard"),
            Just("privileged"),
            Just("PRIVILEGED")
        ],
        prop_oneof![Just(String::new()), text(30)],
    )
        .prop_map(|(name, local, domain, tld, kind, site)| {
            let email = format!("{local}@{domain}.{tld}");
            let user_type = UserType::from_name(kind).unwrap_or_default();
            Typed {
                expected: NewUser {
                    name: name.clone(),
                    email: format!("{local}@{}.{}", domain.to_lowercase(), tld.to_lowercase()),
                    user_type,
                    site: if site.is_empty() {
                        "HQ".to_owned()
                    } else {
                        site.clone()
                    },
                },
                cells: [name, email, kind.to_owned(), site],
            }
        })
}

/// A cell of a grid: values every format can hold, valid and not.
fn grid_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Standard".to_owned()),
        Just("privileged".to_owned()),
        Just("Admin".to_owned()),
        "[a-z]{1,6}@[a-z]{1,4}\\.(com|de)",
        "[ a-zA-Z\u{e9}=@.\t\n\u{a0}-]{0,10}",
    ]
}

/// Distinct emails, as the rules require.
fn typed_users() -> impl Strategy<Value = Vec<Typed>> {
    prop::collection::vec(typed_user(), 1..15).prop_map(|mut users| {
        let mut seen = std::collections::HashSet::new();
        users.retain(|u| seen.insert(u.expected.email.to_lowercase()));
        users
    })
}

fn delimited(users: &[Typed], delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    writer.write_record(HEADER).unwrap();
    for user in users {
        writer.write_record(&user.cells).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn workbook(users: &[Typed]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in (0u16..).zip(HEADER) {
        sheet.write_string(0, c, *h).unwrap();
    }
    for (r, user) in (1u32..).zip(users) {
        for (c, value) in (0u16..).zip(&user.cells) {
            if !value.is_empty() {
                sheet.write_string(r, c, value).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// The same text in every encoding the contract names that can hold it.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = vec![("utf-8", text.as_bytes().to_vec())];
    out.push((
        "utf-8 bom",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    ));
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    out.push(("utf-16le", le));
    out.push(("utf-16be", be));
    let (ansi, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if !unmappable {
        out.push(("windows-1252", ansi.into_owned()));
    }
    out
}

/// Text of any script, with the characters that make text tricky: combining marks,
/// full-width and compatibility forms, invisible format characters, joiners, case pairs
/// that map to more than one character.
fn unicode_text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just('\u{301}'),
        Just('\u{307}'),
        Just('\u{130}'),
        Just('\u{DF}'),
        Just('\u{FF21}'),
        Just('\u{FF45}'),
        Just('\u{200B}'),
        Just('\u{200D}'),
        Just('\u{200E}'),
        Just('\u{AD}'),
        Just('\u{A0}'),
        Just('\u{2126}'),
        Just('\u{FB01}'),
        Just('\u{1F468}'),
        Just('.'),
        Just('-'),
    ];
    let any = prop_oneof![
        3 => prop::char::range('a', 'z'),
        1 => prop::char::range('\u{C0}', '\u{24F}'),
        1 => prop::char::range('\u{391}', '\u{3C9}'),
        1 => prop::char::range('\u{410}', '\u{44F}'),
        1 => prop::char::range('\u{3041}', '\u{30FF}'),
        1 => prop::char::range('\u{4E00}', '\u{4FFF}'),
        2 => tricky,
    ];
    prop::collection::vec(any, 1..12).prop_map(|chars| chars.into_iter().collect())
}

/// Text made of what XML and Excel's escapes treat specially: markup, entities,
/// `_xHHHH_`, control characters, whitespace at the ends.
fn markup_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<r>"),
        Just("</r>"),
        Just("<t>"),
        Just("&amp;"),
        Just("&"),
        Just("<"),
        Just(">"),
        Just("\""),
        Just("'"),
        Just("_x0041_"),
        Just("_x005F_"),
        Just("_x"),
        Just("_"),
        Just(" "),
        Just("\t"),
        Just("\n"),
        Just("\r"),
        Just("\u{1}"),
        Just("\u{1F}"),
        Just("a"),
        Just("b@example.com"),
        Just("é"),
        Just("\u{FFFE}"),
        Just("]]>"),
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|pieces| pieces.concat())
}

/// Free of U+FFFD and C1 controls: never in an accepted value.
fn is_clean(value: &str) -> bool {
    !value.contains(|c: char| ('\u{80}'..='\u{9F}').contains(&c) || c == '\u{FFFD}')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn valid_users_read_back_identically_from_every_format(users in typed_users()) {
        let expected: Vec<NewUser> = users.iter().map(|u| u.expected.clone()).collect();
        for delimiter in [b',', b';', b'\t'] {
            let text = delimited(&users, delimiter);
            for (encoding, bytes) in encodings(&text) {
                // Random letters are no language a detector knows: a service with
                // Windows-1252 customers names it.
                let options = bulk_users::Options::new().encoding(if encoding == "windows-1252" { encoding } else { "" });
                let parsed = options.parse(&bytes, Format::Csv);
                prop_assert_eq!(&parsed, &Ok(expected.clone()), "{} {:?}", encoding, delimiter as char);
            }
        }
        prop_assert_eq!(bulk_users::parse(&workbook(&users), Format::Xlsx), Ok(expected.clone()));
        let grid: Vec<Vec<&str>> = std::iter::once(HEADER.to_vec())
            .chain(users.iter().map(|u| u.cells.iter().map(String::as_str).collect()))
            .collect();
        let rows: Vec<&[&str]> = grid.iter().map(Vec::as_slice).collect();
        prop_assert_eq!(bulk_users::parse(&crate::support::ods(&rows), Format::Ods), Ok(expected));
    }

    #[test]
    fn what_is_output_reads_back_as_the_same_users(
        rows in prop::collection::vec(
            (unicode_text(), unicode_text(), unicode_text(), "[a-z]{2,4}", prop_oneof![Just(String::new()), unicode_text()]),
            1..8,
        )
    ) {
        let cells: Vec<[String; 4]> = rows
            .into_iter()
            .map(|(name, local, domain, tld, site)| [name, format!("{local}@{domain}.{tld}"), String::new(), site])
            .collect();
        let grid: Vec<Vec<&str>> = std::iter::once(HEADER.to_vec())
            .chain(cells.iter().map(|r| r.iter().map(String::as_str).collect()))
            .collect();
        let grid: Vec<&[&str]> = grid.iter().map(Vec::as_slice).collect();
        if let Ok(users) = bulk_users::parse(&crate::support::csv(&grid), Format::Csv) {
            let options = bulk_users::Options::new();
            let csv = options.write_csv_template_with(&users);
            prop_assert_eq!(bulk_users::parse(&csv, Format::Csv), Ok(users.clone()));
            let xlsx = options.write_template_with(&users).unwrap();
            crate::excel::assert_excel_opens(&xlsx);
            prop_assert_eq!(bulk_users::parse(&xlsx, Format::Xlsx), Ok(users.clone()));
            for user in &users {
                prop_assert!(is_clean(&user.email), "{:?}", user.email);
            }
        }
    }

    #[test]
    fn the_errors_workbook_gives_the_upload_s_answer_again(
        rows in prop::collection::vec((markup_text(), markup_text(), markup_text()), 1..6)
    ) {
        // Cells full of what XML and Excel's escapes treat specially: the workbook must
        // hold each value as it was read, so that it checks the same when uploaded.
        let rows: Vec<[String; 4]> = (0..)
            .zip(rows)
            .map(|(i, (name, kind, site))| {
                [format!("n{name}"), format!("u{i}@example.com"), kind, format!("s{site}")]
            })
            .collect();
        let grid: Vec<Vec<&str>> = std::iter::once(HEADER.to_vec())
            .chain(rows.iter().map(|r| r.iter().map(String::as_str).collect()))
            .collect();
        let grid: Vec<&[&str]> = grid.iter().map(Vec::as_slice).collect();
        let upload = crate::support::csv(&grid);
        let options = bulk_users::Options::new();
        let workbook = options.errors_xlsx(&upload, Format::Csv).unwrap();
        crate::excel::assert_excel_opens(&workbook);
        let from_csv = options.check(&upload, Format::Csv);
        let from_workbook = options.check(&workbook, Format::Xlsx);
        prop_assert_eq!(&from_workbook.users, &from_csv.users);
        let located = |report: &bulk_users::Report| -> Vec<_> {
            report.errors.iter().map(|e| (e.row, e.column, e.code)).collect()
        };
        prop_assert_eq!(located(&from_workbook), located(&from_csv));
        // Not a test that passes by refusing everything.
        prop_assert!(rows.len() > 1 || !from_csv.users.is_empty() || !from_csv.errors.is_empty());
    }

    #[test]
    fn legacy_code_pages_read_back_as_written(
        rows in prop::collection::vec((0usize..8, 0usize..8, 0usize..6), 1..5),
        page in 0usize..10,
    ) {
        // Lists of people as they are written in each code page's script: real first
        // names, family names and places, in any mix and number, at addresses of their
        // country's domain (a Western list at `.com`). A short Central European list at a
        // generic domain is read as Windows-1252, the West's, which is what a short
        // Western list must be read as: a service with such customers names its code
        // page.
        let western: [&[&str]; 3] = [
            &["José", "Hélène", "Jürgen", "Françoise", "Zoë", "Søren", "Siobhán", "Ingrid"],
            &["García", "Lefèvre", "Müller", "Brûlé", "Bergström", "Ní Bhriain", "Þórsson", "Dupont"],
            &["Orléans", "Zürich", "Málaga", "Besançon", "Göteborg", "Düsseldorf"],
        ];
        let tlds = ["ru", "pl", "com", "gr", "jp", "cn", "tw", "kr", "com", "com"];
        let tld = tlds[page];
        let (label, [first, last, place], line_end): (&str, [&[&str]; 3], &str) = [
            ("windows-1251", [&["Иван", "Татьяна", "Владимир", "Ольга", "Сергей", "Анна", "Дмитрий", "Мария"][..], &["Петров", "Белова", "Соловьёв", "Иванова", "Смирнов", "Кузнецова", "Попов", "Волкова"], &["Москва", "Мурманск", "Архангельск", "Казань", "Самара", "Омск"]], "\r\n"),
            ("windows-1250", [&["Łukasz", "Zofia", "Jiří", "Kateřina", "Tomáš", "Małgorzata", "Jerzy", "Dvořák"][..], &["Żak", "Wójcik", "Novák", "Błaszczykowski", "Svobodová", "Kowalczyk", "Černý", "Dąbrowski"], &["Kraków", "Łódź", "Gdańsk", "Brno", "Plzeň", "Wrocław"]], "\r\n"),
            ("windows-1252", western, "\r\n"),
            ("windows-1253", [&["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Δημήτρης", "Σοφία", "Κώστας", "Αικατερίνη"][..], &["Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου", "Ιωάννου", "Αντωνίου", "Καραγιάννης", "Βασιλείου"], &["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος"]], "\r\n"),
            ("Shift_JIS", [&["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"][..], &["太郎", "花子", "一郎", "明美", "大輔", "拓也", "健", "美咲"], &["東京本社", "大阪支店", "仙台支店", "広島支店", "神戸営業所", "札幌支店"]], "\r\n"),
            ("GBK", [&["王", "李", "张", "刘", "陈", "杨", "黄", "赵"][..], &["小明", "伟", "芳", "娜", "秀英", "敏", "静", "强"], &["北京总部", "上海分公司", "广州分公司", "深圳分公司", "成都分公司", "武汉分公司"]], "\r\n"),
            ("Big5", [&["陳", "林", "黃", "張", "李", "王", "吳", "劉"][..], &["大文", "美玲", "志明", "淑芬", "家豪", "雅婷", "俊傑", "怡君"], &["台北總公司", "高雄分處", "台中分處", "台南分處", "新竹分處", "桃園分處"]], "\r\n"),
            ("EUC-KR", [&["김", "이", "박", "최", "정", "강", "조", "윤"][..], &["민준", "서연", "지훈", "지우", "하준", "서윤", "도윤", "하은"], &["서울 본사", "부산 지점", "대구 영업소", "인천 지점", "광주 지점", "대전 지점"]], "\r\n"),
            // Excel for Mac's "CSV (Macintosh)" and Excel's "CSV (MS-DOS)".
            ("macintosh", western, "\r"),
            ("IBM850", [western[0], &["García", "Lefèvre", "Müller", "Brûlé", "Bergström", "Ní Bhriain", "Ørsted", "Dupont"], western[2]], "\r\n"),
        ][page];
        let mut text = format!("User name*,Email*,User type,Site{line_end}");
        let mut expected = Vec::new();
        for (i, &(f, l, p)) in rows.iter().enumerate() {
            let name = format!("{} {}", first[f], last[l]);
            let site = place[p].to_owned();
            let email = format!("u{i}@example.{tld}");
            text.push_str(&format!("{name},{email},,{site}{line_end}"));
            expected.push(crate::support::user(&name, &email, UserType::Standard, &site));
        }
        let bytes = if label == "IBM850" {
            oem_cp::encode_string_checked(&text, &oem_cp::code_table::ENCODING_TABLE_CP850)
        } else {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
            let (bytes, _, unmappable) = encoding.encode(&text);
            (!unmappable).then(|| bytes.into_owned())
        };
        prop_assume!(bytes.is_some());
        let bytes = bytes.unwrap();
        // Named, the code page always reads back exactly.
        let named = bulk_users::Options::new().encoding(label).parse(&bytes, Format::Csv);
        prop_assert_eq!(&named, &Ok(expected.clone()), "{}", label);
        // Detected: each user it accepts is the one written, never different text; a row
        // whose letters the bytes cannot tell is refused where it stands.
        let report = bulk_users::Options::new().check(&bytes, Format::Csv);
        for user in &report.users {
            let written = usize::try_from(user.row).unwrap() - 2;
            prop_assert_eq!(&user.user, &expected[written], "{} read as {:?}", label, report.encoding);
        }
        for error in &report.errors {
            prop_assert_eq!(error.code, bulk_users::ErrorCode::InvalidValue, "{:?}", error);
        }
        if report.users.len() < expected.len() {
            prop_assert_eq!(report.notes.first().map(|n| n.code), Some(bulk_users::NoteCode::EncodingGuessed));
        }
    }

    #[test]
    fn one_grid_gives_one_answer_in_csv_xlsx_and_ods(
        rows in prop::collection::vec(prop::collection::vec(grid_cell(), 0..6), 0..8)
    ) {
        let grid: Vec<Vec<&str>> = std::iter::once(HEADER.to_vec())
            .chain(rows.iter().map(|r| r.iter().map(String::as_str).collect()))
            .collect();
        let grid: Vec<&[&str]> = grid.iter().map(Vec::as_slice).collect();
        let [(_, csv), (_, xlsx), (_, ods)] = crate::support::every_format(&grid);
        let from_csv = bulk_users::parse(&csv, Format::Csv);
        prop_assert_eq!(&bulk_users::parse(&xlsx, Format::Xlsx), &from_csv, "xlsx");
        prop_assert_eq!(&bulk_users::parse(&ods, Format::Ods), &from_csv, "ods");
    }

    #[test]
    fn every_accepted_email_is_one_email_address_accepts_strictly(
        email in prop_oneof![
            "[a-zA-Z0-9.@<>()\\[\\]\" _+'éß-]{1,12}@?[a-zA-Z0-9.\\[\\]é-]{0,12}(\\.[a-zA-Z0-9]{0,4})?",
            "[a-zA-Z0-9]{1,8}(\\.[a-z0-9éß+'_-]{1,6}){0,2}@[a-zA-Z0-9é-]{1,10}(\\.[a-zA-Z0-9-]{1,6}){1,2}",
        ]
    ) {
        let csv = format!("User name*,Email*\nAda,\"{}\"\n", email.replace('"', "\"\""));
        if let Ok(users) = bulk_users::parse(csv.as_bytes(), Format::Csv) {
            let strict = email_address::Options::default()
                .without_display_text()
                .without_domain_literal()
                .with_required_tld();
            prop_assert!(
                email_address::EmailAddress::parse_with_options(&users[0].email, strict).is_ok(),
                "accepted {:?}", users[0].email
            );
        }
    }

    #[test]
    fn any_bytes_give_users_or_located_errors(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for format in Format::ALL {
            if let Err(errors) = bulk_users::parse(&bytes, format) {
                prop_assert!(!errors.is_empty());
                for error in errors.iter() {
                    prop_assert!(!error.message.is_empty());
                    if error.row.is_none() {
                        prop_assert!(error.code.is_file_level());
                    }
                }
            }
        }
    }
}
