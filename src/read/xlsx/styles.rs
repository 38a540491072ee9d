//! An .xlsx's cell styles, as far as they change what a number shows: General, a date,
//! or a number format code. No user rules.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::read::numfmt::{builtin_style, NumberStyle};
use crate::read::sheet::WorkbookProblem;
use crate::read::zip::attribute;

/// The most custom number formats kept; a workbook with more is not a list of users.
const MAX_FORMATS: usize = 4096;

/// For each cell style (`s` attribute), what it does to a number.
pub(crate) fn number_styles(xml: &str) -> Result<Vec<NumberStyle>, WorkbookProblem> {
    let mut reader = Reader::from_str(xml);
    let mut custom: Vec<(u32, String)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event().map_err(|_| WorkbookProblem::Damaged)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" if custom.len() < MAX_FORMATS => {
                    let id = attribute(&e, "numFmtId").and_then(|v| v.parse().ok());
                    let code = attribute(&e, "formatCode").unwrap_or_default();
                    if let Some(id) = id {
                        custom.push((id, code));
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    let id: u32 = attribute(&e, "numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    // A number defined twice is its last definition, as Excel, LibreOffice
                    // and Gnumeric read it (R's openxlsx writes such files).
                    let defined = custom.iter().rev().find(|(custom_id, _)| *custom_id == id);
                    let style = match defined {
                        Some((_, code)) => NumberStyle::of_code(code),
                        None => builtin_style(id),
                    };
                    styles.push(style);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Event::Eof => return Ok(styles),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_format_defined_twice_is_its_last_definition() {
        for (first, last, shown) in [
            ("0000", "mm/dd/yyyy", "1900-02-11"),
            ("mm/dd/yyyy", "0000", "0042"),
        ] {
            let xml = format!(
                r#"<styleSheet><numFmts><numFmt numFmtId="165" formatCode="{first}"/><numFmt numFmtId="165" formatCode="{last}"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="165"/></cellXfs></styleSheet>"#
            );
            let styles = number_styles(&xml).ok().unwrap_or_default();
            assert_eq!(
                styles.get(1).map(|s| s.show(42.0, false)).as_deref(),
                Some(shown)
            );
        }
    }

    #[test]
    fn styles_read_from_the_cell_formats() {
        let xml = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="000"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="3"/><xf numFmtId="5"/></cellXfs></styleSheet>"#;
        let styles = number_styles(xml).ok().unwrap_or_default();
        let shown: Vec<String> = styles.iter().map(|s| s.show(45352.0, false)).collect();
        assert_eq!(
            shown,
            [
                "45352",
                "45352",
                "2024-03-01",
                "2024-03-01",
                "45,352",
                "45352"
            ]
        );
        assert_eq!(
            styles.get(1).map(|s| s.show(42.0, false)),
            Some("042".to_owned())
        );
    }
}
