//! Realistic uploads generated in code, shared by the benches.

use rust_xlsxwriter::Workbook;

const FIRST: &[&str] = &[
    "Ada",
    "Grace",
    "Alan",
    "Katherine",
    "Edsger",
    "Barbara",
    "Donald",
    "Frances",
    "Łukasz",
    "Siobhán",
    "Kenji",
    "Thandiwe",
    "Ingrid",
    "José",
    "Zoë",
    "Mohammed",
];
const LAST: &[&str] = &[
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Allen",
    "Żak",
    "Ní Bhriain",
    "Watanabe",
    "Mbeki",
    "Bergström",
    "Núñez",
    "Ölund",
    "Al-Khwarizmi",
];
const SITES: &[&str] = &[
    "",
    "Oslo",
    "Dublin",
    "Tokyo",
    "São Paulo",
    "London",
    "",
    "Nairobi",
];

/// The rows of `count` users: name, email, user type, site.
pub fn users(count: usize) -> Vec<[String; 4]> {
    (0..count)
        .map(|i| {
            let first = FIRST[i % FIRST.len()];
            let last = LAST[(i / FIRST.len()) % LAST.len()];
            // Display names keep their accents; addresses are ASCII, as mail systems
            // issue them (Łukasz Żak → lukasz.zak).
            let email = format!(
                "{}.{}{}@corp{}.example.com",
                ascii(first),
                ascii(last),
                i,
                i % 7
            );
            let kind = if i % 10 == 0 {
                "Privileged"
            } else if i % 3 == 0 {
                "Standard"
            } else {
                ""
            };
            [
                format!("{first} {last}"),
                email,
                kind.to_owned(),
                SITES[i % SITES.len()].to_owned(),
            ]
        })
        .collect()
}

/// The address form of a name: lower case, accents dropped, spaces and hyphens out.
fn ascii(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'ä' => Some('a'),
            'é' | 'è' => Some('e'),
            'í' => Some('i'),
            'ó' | 'ö' | 'Ö' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ë' => Some('e'),
            'Ł' | 'ł' => Some('l'),
            'Ż' | 'ż' => Some('z'),
            ' ' | '-' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect()
}

pub const HEADER: [&str; 4] = ["User name*", "Email*", "User type", "Site"];

pub fn csv(count: usize) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).unwrap();
    for row in users(count) {
        writer.write_record(&row).unwrap();
    }
    writer.into_inner().unwrap()
}

pub fn xlsx(count: usize) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Users").unwrap();
    for (c, h) in (0u16..).zip(HEADER) {
        sheet.write_string(0, c, h).unwrap();
    }
    for (r, row) in (1u32..).zip(users(count)) {
        for (c, value) in (0u16..).zip(&row) {
            if !value.is_empty() {
                sheet.write_string(r, c, value).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}
