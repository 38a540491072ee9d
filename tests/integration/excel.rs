//! What Excel requires of a workbook before it opens it without "We found a problem with
//! some content": checked on every workbook the tests write. The limits are Excel's
//! published specifications and limits (a cell holds 32,767 characters, a sheet name
//! 31, a list validation's own source 255, a prompt's title 32 and its text 255), and
//! the XML 1.0 rule that control characters other than tab and line ends never appear
//! in a part (Excel writes them as `_x0001_`).

use std::io::Read;

use bulk_users::{ErrorCode, Format, Language, Options, UserType};
use quick_xml::events::Event;
use quick_xml::XmlVersion;

use crate::support::{csv, part, user, HEADER};

const MAX_CELL_CHARS: usize = 32_767;
const MAX_SHEET_NAME_CHARS: usize = 31;
const MAX_LIST_CHARS: usize = 255;
const MAX_TITLE_CHARS: usize = 32;
const MAX_MESSAGE_CHARS: usize = 255;

/// Panics with the rule broken, if `xlsx` breaks one.
pub fn assert_excel_opens(xlsx: &[u8]) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("a zip archive");
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).expect("a part");
        let name = part.name().expect("a part name").to_string();
        let mut xml = String::new();
        part.read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{name}: not UTF-8 text: {e}"));
        if let Some(c) = xml.chars().find(|&c| {
            matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
        }) {
            panic!("{name}: holds {c:?}, which XML does not allow");
        }
        check_part(&name, &xml);
    }
}

/// The texts of `<si>`, `<is>` and `<comment>` elements (each the sum of its `<t>`),
/// the sheet names and the validations of one part, each against its limit.
fn check_part(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut text: Option<String> = None;
    let mut in_t = false;
    let mut in_formula = false;
    let mut sheet_names = Vec::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}"));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let tag = e.local_name();
                let attribute = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .map(|a| {
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .expect("an attribute")
                                .into_owned()
                        })
                };
                match tag.as_ref() {
                    "si" | "is" | "comment" => text = Some(String::new()),
                    "t" => in_t = true,
                    "formula1" => in_formula = true,
                    "sheet" if name == "xl/workbook.xml" => {
                        let sheet = attribute("name").expect("a sheet name");
                        check_sheet_name(&sheet, &sheet_names);
                        sheet_names.push(sheet);
                    }
                    "dataValidation" => {
                        for (key, max) in [
                            ("promptTitle", MAX_TITLE_CHARS),
                            ("errorTitle", MAX_TITLE_CHARS),
                            ("prompt", MAX_MESSAGE_CHARS),
                            ("error", MAX_MESSAGE_CHARS),
                        ] {
                            if let Some(value) = attribute(key) {
                                let length = excel_length(&value);
                                assert!(
                                    length <= max,
                                    "{name}: a validation's {key} of {length} characters"
                                );
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let value = t.xml10_content().into_owned();
                if in_t {
                    if let Some(text) = text.as_mut() {
                        text.push_str(&unescape_excel(&value));
                    }
                }
                if in_formula {
                    if let Some(list) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
                        let length = excel_length(list);
                        assert!(
                            length <= MAX_LIST_CHARS,
                            "{name}: a list of {length} characters"
                        );
                    }
                }
            }
            Event::GeneralRef(r) => {
                let value = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        other => panic!("{name}: the entity &{other}; is not XML's"),
                    },
                };
                if in_t {
                    if let Some(text) = text.as_mut() {
                        text.push_str(&value);
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "si" | "is" | "comment" => {
                    let text = text.take().unwrap_or_default();
                    let length = excel_length(&text);
                    assert!(
                        length <= MAX_CELL_CHARS,
                        "{name}: a text of {length} characters"
                    );
                }
                "t" => in_t = false,
                "formula1" => in_formula = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
}

fn check_sheet_name(sheet: &str, earlier: &[String]) {
    let length = sheet.chars().count();
    assert!(
        (1..=MAX_SHEET_NAME_CHARS).contains(&length),
        "sheet name {sheet:?}"
    );
    assert!(
        !sheet.contains(['[', ']', ':', '*', '?', '/', '\\']),
        "sheet name {sheet:?}"
    );
    assert!(
        !sheet.starts_with('\'') && !sheet.ends_with('\''),
        "sheet name {sheet:?}"
    );
    assert!(
        earlier
            .iter()
            .all(|e| e.to_lowercase() != sheet.to_lowercase()),
        "sheet name {sheet:?} twice"
    );
}

/// How long Excel counts a text: in UTF-16 units.
fn excel_length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Excel's `_xHHHH_` escapes decoded (`_x005F_` keeps a literal underscore).
fn unescape_excel(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let code = tail
            .get(2..6)
            .filter(|_| tail.get(6..7) == Some("_"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_checker_finds_each_rule_broken() {
    use std::io::Write;
    let workbook = |part: &str, xml: &str| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    };
    let long = "a".repeat(MAX_CELL_CHARS + 1);
    let broken = [
        ("xl/sharedStrings.xml", format!("<sst><si><t>{long}</t></si></sst>")),
        ("xl/sharedStrings.xml", "<sst><si><t>a\u{1}</t></si></sst>".to_owned()),
        ("xl/sharedStrings.xml", "<sst><si><t>a</si></sst>".to_owned()),
        ("xl/comments1.xml", format!("<comments><comment><text><r><t>{long}</t></r></text></comment></comments>")),
        ("xl/workbook.xml", format!("<workbook><sheets><sheet name=\"{}\"/></sheets></workbook>", "s".repeat(32))),
        ("xl/workbook.xml", "<workbook><sheets><sheet name=\"a\"/><sheet name=\"A\"/></sheets></workbook>".to_owned()),
        ("xl/worksheets/sheet1.xml", format!("<worksheet><dataValidation><formula1>\"{}\"</formula1></dataValidation></worksheet>", "b".repeat(256))),
        ("xl/worksheets/sheet1.xml", format!("<worksheet><dataValidation errorTitle=\"{}\"/></worksheet>", "c".repeat(33))),
    ];
    for (part, xml) in broken {
        let bytes = workbook(part, &xml);
        let result = std::panic::catch_unwind(|| assert_excel_opens(&bytes));
        assert!(result.is_err(), "{part}: {}", &xml[..xml.len().min(80)]);
    }
    // What a cell may hold, escapes counted as the character they stand for.
    let fits = format!(
        "<sst><si><t>{}_x0001_</t></si></sst>",
        "a".repeat(MAX_CELL_CHARS - 1)
    );
    assert_excel_opens(&workbook("xl/sharedStrings.xml", &fits));
}

/// The cell text of sheet `name` at (0-based row, column), as calamine reads it.
fn cell(xlsx: &[u8], name: &str, row: u32, column: u32) -> String {
    use calamine::Reader;
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).expect("an .xlsx");
    let range = workbook.worksheet_range(name).expect("the sheet");
    range
        .get_value((row, column))
        .map(ToString::to_string)
        .unwrap_or_default()
}

fn located(
    report: &bulk_users::Report,
) -> Vec<(Option<u32>, Option<bulk_users::Column>, ErrorCode)> {
    report
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.code))
        .collect()
}

#[test]
fn a_value_longer_than_a_cell_holds_is_cut_and_its_note_says_how_long() {
    let name = "N".repeat(40_000);
    let upload = csv(&[HEADER, &[&name, "ada@example.com", "", ""]]);
    let options = Options::new();
    let workbook = options.errors_xlsx(&upload, Format::Csv).unwrap();
    assert_excel_opens(&workbook);
    assert_eq!(cell(&workbook, "Users", 1, 0), "N".repeat(32_766) + "…");
    let notes = part(&workbook, "xl/comments1.xml");
    assert!(
        notes.contains(
            "This value is 40000 characters long, more than a spreadsheet cell holds: only \
             its first 32766 are shown here. Shorten it in the file you uploaded."
        ),
        "{notes}"
    );
    // The name is too long either way: uploaded again, the workbook says so at A2.
    let again = options.check(&workbook, Format::Xlsx);
    assert_eq!(
        located(&again),
        located(&options.check(&upload, Format::Csv))
    );
    assert_eq!(again.errors[0].code, ErrorCode::ValueTooLong);

    // A value given to pre-fill the template is refused, not cut.
    let users = [user(&name, "ada@example.com", UserType::Standard, "")];
    let refused = options.write_template_with(&users).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "user 0's User name is 40000 characters long; a spreadsheet cell holds at most 32,767"
    );
}

#[test]
fn three_hundred_sites_are_a_dropdown_from_a_hidden_sheet() {
    let sites: Vec<String> = (1..=300).map(|i| format!("Site {i}")).collect();
    let template = Options::new()
        .allowed_sites(sites.clone())
        .write_template()
        .unwrap();
    assert_excel_opens(&template);
    let sheet = part(&template, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"sqref="D2:D501"><formula1>Sites!$A$1:$A$300</formula1>"#),
        "{sheet}"
    );
    assert_eq!(cell(&template, "Sites", 0, 0), "Site 1");
    assert_eq!(cell(&template, "Sites", 299, 0), "Site 300");
    let book = part(&template, "xl/workbook.xml");
    assert!(
        book.contains(r#"<sheet name="Sites" sheetId="3" state="hidden""#),
        "{book}"
    );
    // A list that fits Excel's 255 characters stays in the validation itself.
    let few: Vec<String> = (1..=40).map(|i| format!("S{i}")).collect();
    let template = Options::new().allowed_sites(few).write_template().unwrap();
    assert_excel_opens(&template);
    let sheet = part(&template, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<formula1>"S1,S2,S3,"#), "{sheet}");
}

#[test]
fn control_characters_are_written_as_excel_writes_them() {
    let upload = csv(&[HEADER, &["Bob\u{1}Smith", "bob@example.com", "", "_x0041_"]]);
    let options = Options::new();
    let workbook = options.errors_xlsx(&upload, Format::Csv).unwrap();
    assert_excel_opens(&workbook);
    let strings = part(&workbook, "xl/sharedStrings.xml");
    assert!(strings.contains("<t>Bob_x0001_Smith</t>"), "{strings}");
    // A text that only looks like an escape is protected, as Excel does.
    assert!(strings.contains("<t>_x005F_x0041_</t>"), "{strings}");
    assert_eq!(cell(&workbook, "Users", 1, 0), "Bob\u{1}Smith");
    assert_eq!(cell(&workbook, "Users", 1, 3), "_x0041_");
    let again = options.check(&workbook, Format::Xlsx);
    assert_eq!(
        located(&again),
        located(&options.check(&upload, Format::Csv))
    );

    // A text shaped like a rich-text run stays that text.
    let upload = csv(&[HEADER, &["<r>Ada</r>", "ada@example.com", "<r></r>", ""]]);
    let workbook = options.errors_xlsx(&upload, Format::Csv).unwrap();
    assert_excel_opens(&workbook);
    assert_eq!(cell(&workbook, "Users", 1, 0), "<r>Ada</r>");
    assert_eq!(cell(&workbook, "Users", 1, 2), "<r></r>");
    let again = options.check(&workbook, Format::Xlsx);
    assert_eq!(
        located(&again),
        located(&options.check(&upload, Format::Csv))
    );
}

#[test]
fn every_sheet_name_and_dropdown_text_fits_in_every_language() {
    for language in Language::ALL {
        let options = Options::new()
            .language(language)
            .allowed_sites(["Oslo", "Bergen"]);
        assert_excel_opens(&options.write_template().unwrap());
        let upload = csv(&[&["Name", "Mail"], &["Ada", "ada"]]);
        let workbook = options.errors_xlsx(&upload, Format::Csv).unwrap();
        assert_excel_opens(&workbook);
    }
}

/// LibreOffice, a second program, reads the workbooks back with the values written:
/// `soffice --headless --convert-to csv` of each sheet. CI installs LibreOffice and sets
/// `BULK_USERS_LIBREOFFICE=required`; elsewhere the test says it did not run.
#[test]
fn libreoffice_reads_the_workbooks_back_with_the_same_values() {
    let required = std::env::var("BULK_USERS_LIBREOFFICE").is_ok_and(|v| v == "required");
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(!required, "soffice is required and was not found");
        println!("soffice not found: LibreOffice's reading not checked");
        return;
    }
    let long = "N".repeat(40_000);
    let upload = csv(&[
        HEADER,
        &[&long, "ada@example.com", "Boss", ""],
        &["Bob\u{1}Smith", "bob@example.com", "", "_x0041_"],
        &["<r>Cy</r>", "cy@example.com", "Privileged", "Oslo"],
    ]);
    let sites: Vec<String> = (1..=300).map(|i| format!("Site {i}")).collect();
    let cases = [
        (
            "errors",
            Options::new().errors_xlsx(&upload, Format::Csv).unwrap(),
        ),
        (
            "template",
            Options::new()
                .allowed_sites(sites)
                .write_template()
                .unwrap(),
        ),
    ];
    let dir = std::env::temp_dir().join(format!("bulk-users-libreoffice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, xlsx) in &cases {
        let path = dir.join(format!("{name}.xlsx"));
        std::fs::write(&path, xlsx).unwrap();
        // UTF-8 (76), comma-separated, every sheet (-1) to NAME-SHEET.csv.
        let status = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to"])
            .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
            .arg("--outdir")
            .arg(&dir)
            .arg(&path)
            .env("HOME", &dir)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
    }
    let read = |file: &str| -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(dir.join(file))
            .unwrap();
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    let users = read("errors-Users.csv");
    let columns = |row: &Vec<String>| row.iter().take(4).cloned().collect::<Vec<_>>();
    assert_eq!(columns(&users[0]), HEADER);
    assert_eq!(users[1][0], "N".repeat(32_766) + "…");
    assert_eq!(
        columns(&users[2]),
        ["Bob\u{1}Smith", "bob@example.com", "", "_x0041_"]
    );
    assert_eq!(
        columns(&users[3]),
        ["<r>Cy</r>", "cy@example.com", "Privileged", "Oslo"]
    );
    assert!(
        !dir.join("errors-Problems.csv").exists(),
        "row problems only"
    );
    let sites = read("template-Sites.csv");
    assert_eq!(sites.len(), 300);
    assert_eq!(sites[299], ["Site 300"]);
    let template = read("template-Users.csv");
    assert_eq!(template, [HEADER]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_upload_too_large_to_show_says_up_to_which_row_it_is_shown() {
    // 650 bytes a row and 200 a cell within 128 MiB: rows of one cell fit up to row
    // 157,903 (134,217,728 / 850), the header included.
    let upload = "User name*\n".to_owned() + &"a\n".repeat(160_000);
    let workbook = Options::new()
        .errors_xlsx(upload.as_bytes(), Format::Csv)
        .unwrap();
    assert_excel_opens(&workbook);
    assert_eq!(cell(&workbook, "Users", 157_902, 0), "a");
    assert_eq!(cell(&workbook, "Users", 157_903, 0), "");
    let problems = part(&workbook, "xl/sharedStrings.xml");
    assert!(
        problems.contains(
            "The file is too large to show here with its problems: only rows up to 157903 \
             are shown. Split it into smaller files and upload each."
        ),
        "{}",
        &problems[problems.len().saturating_sub(2000)..]
    );
    let book = part(&workbook, "xl/workbook.xml");
    assert!(book.contains(r#"<sheet name="Problems""#), "{book}");
}
