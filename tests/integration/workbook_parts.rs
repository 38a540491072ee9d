//! The workbooks we write, part by part, beside the same workbooks written by
//! rust_xlsxwriter 0.102 (the writer the crate used before it wrote its own; Excel is
//! tested against it): `tests/data/rust_xlsxwriter/`, made by `written_by.rs` there.
//! Every XML part must be the same, byte for byte; only the zip container may differ.

use std::collections::BTreeMap;
use std::io::Read;

use bulk_users::{Format, Language, Options, UserType};

use crate::support::user;

/// The parts of an .xlsx file by name.
fn parts(xlsx: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        let name = file.name().unwrap().to_string();
        parts.insert(name, text);
    }
    parts
}

fn same_as_reference(name: &str, ours: &[u8]) {
    let path = format!(
        "{}/tests/data/rust_xlsxwriter/{name}.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    let reference = parts(&std::fs::read(path).unwrap());
    let ours = parts(ours);
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        reference.keys().collect::<Vec<_>>(),
        "{name}: the parts"
    );
    for (part, text) in &reference {
        assert_eq!(&ours[part], text, "{name}: {part}");
    }
}

#[test]
fn templates_are_written_as_the_reference_writer_wrote_them() {
    same_as_reference("template_default", &bulk_users::write_template());
    let long: Vec<String> = (0..30)
        .map(|i| format!("Site {i} & \"co\" <long name>"))
        .collect();
    let japanese = Options::new()
        .language(Language::Japanese)
        .max_rows(200)
        .allowed_sites(long)
        .default_site("Tōkyō");
    same_as_reference(
        "template_ja_long_sites",
        &japanese.write_template().unwrap(),
    );
    let users = [
        user(
            "Ada Lovelace",
            "ada@example.com",
            UserType::Privileged,
            "Oslo",
        ),
        user(
            "Bob  <b> & \"c\"",
            "bob@example.com",
            UserType::Standard,
            "HQ",
        ),
        user(
            " lead\ttab\u{1}ctl ",
            "c@example.com",
            UserType::Standard,
            "Bergen",
        ),
    ];
    let french = Options::new()
        .language(Language::French)
        .allowed_sites(["Oslo", "Bergen"])
        .allowed_email_domains(["example.com"]);
    same_as_reference(
        "template_fr_users_short_sites",
        &french.write_template_with(&users).unwrap(),
    );
}

#[test]
fn errors_workbooks_are_written_as_the_reference_writer_wrote_them() {
    let upload = "User name*,Email*,User type,Site\nAda,ada@example.com,Privileged,Oslo\n\
                  Bob,bob(at)example.com,Boss,\n,x@y.z,,\n\nDup,ADA@example.com,,  HQ\n\
                  =cmd,e@example.com,Standard,=x\n";
    let workbook = Options::new().errors_xlsx(upload.as_bytes(), Format::Csv);
    same_as_reference("errors_rows", &workbook.unwrap());
    let upload = "User name*,Email*,Colour,Site\nAda,ada@example.com,red,Oslo\n\
                  Bob,bob(at)example.com,blue,\n,x@y.z,,\nlead,ada@example.com,,=cmd\n";
    let german = Options::new().language(Language::German).max_rows(2);
    let workbook = german.errors_xlsx(upload.as_bytes(), Format::Csv);
    same_as_reference("errors_problems_de", &workbook.unwrap());
    let workbook = Options::new().errors_xlsx(b"PK\x03\x04garbage", Format::Xlsx);
    same_as_reference("errors_unreadable", &workbook.unwrap());
    let valid = b"User name*,Email*\nAda,ada@example.com\n";
    let workbook = Options::new().errors_xlsx(valid, Format::Csv);
    same_as_reference("errors_valid", &workbook.unwrap());
    let headerless = "Name;Mail\nAda;ada@example.com\n";
    let workbook = Options::new().errors_xlsx(headerless.as_bytes(), Format::Csv);
    same_as_reference("errors_header", &workbook.unwrap());
}

#[test]
fn a_value_that_looks_like_markup_comes_back_as_typed() {
    // A general writer passes a string shaped like `<r>…</r>` through as rich text
    // markup; ours writes every value as text.
    let upload = "User name*,Email*\n<r><t>Ada</t></r>,ada@example.com\n_x0041_,b@example.com\n";
    let workbook = Options::new()
        .errors_xlsx(upload.as_bytes(), Format::Csv)
        .unwrap();
    let users = bulk_users::parse(&workbook, Format::Xlsx).unwrap();
    let names: Vec<&str> = users.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["<r><t>Ada</t></r>", "_x0041_"]);
}
