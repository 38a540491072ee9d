//! Conformance with what a spreadsheet program shows: each table under
//! `tests/conformance/` run through the crate, every case the same or listed, with its
//! reason, among the expected failures (a list that may only shrink).

use bulk_users::{Column, Format, Options};

use crate::support::{ods_package, ods_package_styled, text_cell};

/// The cases of a table that the crate is known to show otherwise, by name.
fn expected_failures(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            line.split_once(": ")
                .map_or(line, |(name, _)| name)
                .to_owned()
        })
        .collect()
}

/// What the crate reads in the Site cell of a one-user upload: the user's site, or the
/// value of the error on it.
fn site_read(upload: &[u8], format: Format) -> String {
    let report = Options::new().check(upload, format);
    if let Some(user) = report.users.first() {
        return user.user.site.clone();
    }
    let error = report
        .errors
        .iter()
        .find(|e| e.column == Some(Column::Site));
    error
        .and_then(|e| e.value.clone())
        .unwrap_or_else(|| format!("{:?}", report.errors))
}

/// The `content.xml` of an .ods whose one user, Ada, has `site_cell` as her Site, with
/// `automatic_styles`.
/// A table of one user whose Site cell is `site_cell`, its four columns declared (as
/// LibreOffice, odfpy and ezodf write a table) or not (as pandas does).
fn one_user_content(automatic_styles: &str, site_cell: &str, declared: bool) -> String {
    let columns = if declared {
        r#"<table:table-column table:number-columns-repeated="4"/>"#
    } else {
        ""
    };
    let header: String = ["User name", "Email", "User type", "Site"]
        .map(text_cell)
        .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2"><office:automatic-styles>{automatic_styles}</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Users">{columns}<table:table-row>{header}</table:table-row><table:table-row>{}{}<table:table-cell/>{site_cell}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        text_cell("Ada"),
        text_cell("ada@example.com"),
    )
}

#[test]
fn ods_numbers_in_a_document_that_limits_decimals_show_what_libreoffice_shows() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/libreoffice");
    let table = std::fs::read_to_string(format!("{dir}/ods_limited_standard.tsv")).unwrap();
    let mut wrong = Vec::new();
    let mut cases = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let [name, value, decimals, shown]: [&str; 4] =
            line.split('\t').collect::<Vec<_>>().try_into().unwrap();
        let cell = format!(
            r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>placeholder</text:p></table:table-cell>"#
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2"><office:styles><style:default-style style:family="table-cell"><style:table-cell-properties style:decimal-places="{decimals}"/></style:default-style></office:styles></office:document-styles>"#
        );
        let upload = ods_package_styled(&one_user_content("", &cell, true), &styles);
        let read = site_read(&upload, Format::Ods);
        if read != shown {
            wrong.push(format!(
                "{name}: read {read:?}, LibreOffice shows {shown:?}"
            ));
        }
        cases += 1;
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(cases, 19);
}

#[test]
fn ods_data_styles_show_what_libreoffice_shows() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/libreoffice");
    let table = std::fs::read_to_string(format!("{dir}/ods_styles.tsv")).unwrap();
    let expected = expected_failures(&format!("{dir}/expected_failures.txt"));
    let (mut same, mut listed, mut wrong) = (0, Vec::new(), Vec::new());
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let [name, value_type, value, text, style, declared, shown]: [&str; 7] =
            line.split('\t').collect::<Vec<_>>().try_into().unwrap();
        let attribute = match value_type {
            "string" => String::new(),
            "time" => format!(r#" office:time-value="{value}""#),
            "date" => format!(r#" office:date-value="{value}""#),
            "boolean" => format!(r#" office:boolean-value="{value}""#),
            _ => format!(r#" office:value="{value}""#),
        };
        let (cell_style, style_name) = if style.is_empty() {
            ("", "")
        } else {
            (
                r#"<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N"/>"#,
                r#" table:style-name="ce1""#,
            )
        };
        let cell = format!(
            r#"<table:table-cell{style_name} office:value-type="{value_type}"{attribute}><text:p>{}</text:p></table:table-cell>"#,
            crate::support::ods_text(text)
        );
        let content = one_user_content(&format!("{style}{cell_style}"), &cell, declared == "yes");
        let read = site_read(&ods_package(&content, None), Format::Ods);
        if read == shown.trim() {
            same += 1;
            assert!(
                !expected.iter().any(|e| e == name),
                "{name}: now passes, take it off the list"
            );
        } else if expected.iter().any(|e| e == name) {
            listed.push(format!("{name}: {read:?}, LibreOffice {shown:?}"));
        } else {
            wrong.push(format!(
                "{name}: read {read:?}, LibreOffice shows {shown:?}"
            ));
        }
    }
    println!(
        "LibreOffice ods_styles: {same} the same, {} listed: {listed:#?}",
        listed.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(same >= 15, "{same}");
}
