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

/// The same users as an .ods, written as LibreOffice writes text cells (the values here
/// hold nothing to escape but `&`).
pub fn ods(count: usize) -> Vec<u8> {
    use std::io::Write;
    let cell = |value: &str| {
        if value.is_empty() {
            "<table:table-cell/>".to_owned()
        } else {
            format!(
                r#"<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                value.replace('&', "&amp;").replace('<', "&lt;")
            )
        }
    };
    let mut rows = String::new();
    let header: Vec<String> = HEADER.iter().map(|h| cell(h)).collect();
    rows.push_str(&format!(
        "<table:table-row>{}</table:table-row>",
        header.concat()
    ));
    for row in users(count) {
        let cells: Vec<String> = row.iter().map(|v| cell(v)).collect();
        rows.push_str(&format!(
            r#"<table:table-row table:style-name="ro1">{}<table:table-cell table:number-columns-repeated="16380"/></table:table-row>"#,
            cells.concat()
        ));
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Users">{rows}<table:table-row table:number-rows-repeated="{}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        1_048_576 - count - 1
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}
