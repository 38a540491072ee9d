//! The package's fixed and workbook-wide parts: content types, relationships, workbook,
//! styles, document properties.

use super::{place, push_attribute, Border, Sheet, Style, MAIN_NS};

/// The first line of every XML part.
pub(super) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The Office theme Excel writes in every new workbook (the styles' theme colours and
/// fonts refer to it).
pub(super) const THEME: &str = include_str!("theme1.xml");

const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT: &str = "application/vnd.openxmlformats-officedocument.";

/// The package's relationships: the workbook and its properties.
pub(super) const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
    "</Relationships>"
);

/// `[Content_Types].xml` for `sheets` worksheets, `notes` of which have notes.
pub(super) fn content_types(sheets: usize, notes: usize, strings: bool) -> String {
    let mut xml = String::from(DECLARATION);
    xml.push_str("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    xml.push_str("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
    xml.push_str("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    if notes > 0 {
        xml.push_str(&format!(
            "<Default Extension=\"vml\" ContentType=\"{CONTENT}vmlDrawing\"/>"
        ));
    }
    let mut part = |name: &str, kind: &str| {
        xml.push_str(&format!(
            "<Override PartName=\"{name}\" ContentType=\"{kind}\"/>"
        ));
    };
    part(
        "/docProps/app.xml",
        &format!("{CONTENT}extended-properties+xml"),
    );
    part(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    part(
        "/xl/styles.xml",
        &format!("{CONTENT}spreadsheetml.styles+xml"),
    );
    part("/xl/theme/theme1.xml", &format!("{CONTENT}theme+xml"));
    part(
        "/xl/workbook.xml",
        &format!("{CONTENT}spreadsheetml.sheet.main+xml"),
    );
    for number in 1..=sheets {
        part(
            &format!("/xl/worksheets/sheet{number}.xml"),
            &format!("{CONTENT}spreadsheetml.worksheet+xml"),
        );
    }
    for number in 1..=notes {
        part(
            &format!("/xl/comments{number}.xml"),
            &format!("{CONTENT}spreadsheetml.comments+xml"),
        );
    }
    if strings {
        part(
            "/xl/sharedStrings.xml",
            &format!("{CONTENT}spreadsheetml.sharedStrings+xml"),
        );
    }
    xml.push_str("</Types>");
    xml
}

/// The workbook's relationships: its sheets, theme, styles and shared strings.
pub(super) fn workbook_rels(sheets: usize, strings: bool) -> String {
    let mut xml = String::from(DECLARATION);
    xml.push_str(&format!("<Relationships xmlns=\"{RELS_NS}\">"));
    let mut id = 0usize;
    let mut rel = |kind: &str, target: &str| {
        id = id.saturating_add(1);
        xml.push_str(&format!(
            "<Relationship Id=\"rId{id}\" Type=\"{DOC_RELS}/{kind}\" Target=\"{target}\"/>"
        ));
    };
    for number in 1..=sheets {
        rel("worksheet", &format!("worksheets/sheet{number}.xml"));
    }
    rel("theme", "theme/theme1.xml");
    rel("styles", "styles.xml");
    if strings {
        rel("sharedStrings", "sharedStrings.xml");
    }
    xml.push_str("</Relationships>");
    xml
}

/// A sheet's relationships to its notes' drawing and comments (the `number`th such).
pub(super) fn sheet_rels(number: usize) -> String {
    format!(
        "{DECLARATION}<Relationships xmlns=\"{RELS_NS}\">\
         <Relationship Id=\"rId1\" Type=\"{DOC_RELS}/vmlDrawing\" Target=\"../drawings/vmlDrawing{number}.vml\"/>\
         <Relationship Id=\"rId2\" Type=\"{DOC_RELS}/comments\" Target=\"../comments{number}.xml\"/>\
         </Relationships>"
    )
}

/// `xl/workbook.xml`: the sheets, which one is hidden, which one it opens on.
pub(super) fn workbook(sheets: &[Sheet<'_>], active: usize) -> String {
    let mut xml = String::from(DECLARATION);
    xml.push_str(&format!(
        "<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{DOC_RELS}\">\
         <fileVersion appName=\"xl\" lastEdited=\"4\" lowestEdited=\"4\" rupBuild=\"4505\"/>\
         <workbookPr defaultThemeVersion=\"124226\"/><bookViews>\
         <workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\""
    ));
    if active > 0 {
        xml.push_str(&format!(" activeTab=\"{active}\""));
    }
    xml.push_str("/></bookViews><sheets>");
    for (index, sheet) in sheets.iter().enumerate() {
        let number = index.saturating_add(1);
        xml.push_str("<sheet name=\"");
        push_attribute(&mut xml, &sheet.name);
        xml.push_str(&format!("\" sheetId=\"{number}\""));
        if sheet.hidden {
            xml.push_str(" state=\"hidden\"");
        }
        xml.push_str(&format!(" r:id=\"rId{number}\"/>"));
    }
    xml.push_str("</sheets><calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>");
    xml
}

/// `docProps/core.xml`, with a fixed date: the same workbook gives the same bytes, and
/// the crate reads no clock.
pub(super) fn core(title: Option<&str>) -> String {
    let mut xml = String::from(DECLARATION);
    xml.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    if let Some(title) = title {
        xml.push_str("<dc:title>");
        super::push_data(&mut xml, title);
        xml.push_str("</dc:title>");
    }
    xml.push_str(
        "<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:modified>\
         </cp:coreProperties>",
    );
    xml
}

/// `docProps/app.xml`: the names of the sheets.
pub(super) fn app(sheets: &[Sheet<'_>]) -> String {
    let count = sheets.len();
    let mut xml = String::from(DECLARATION);
    xml.push_str(&format!(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
         <HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>\
         </vt:variant><vt:variant><vt:i4>{count}</vt:i4></vt:variant></vt:vector></HeadingPairs>\
         <TitlesOfParts><vt:vector size=\"{count}\" baseType=\"lpstr\">"
    ));
    for sheet in sheets {
        xml.push_str("<vt:lpstr>");
        super::push_data(&mut xml, &sheet.name);
        xml.push_str("</vt:lpstr>");
    }
    xml.push_str(
        "</vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate>\
         <SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>\
         <AppVersion>12.0000</AppVersion></Properties>",
    );
    xml
}

/// A font as the styles list it: bold, size, colour.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Font {
    bold: bool,
    size: u8,
    color: Option<u32>,
}

/// `xl/styles.xml`: the default style, then `styles` in order; fonts, fills and borders
/// each listed once, in the order the styles first use them. With notes, the notes'
/// font comes last.
pub(super) fn styles(styles: &[Style], notes: bool) -> String {
    let default_font = Font {
        bold: false,
        size: 11,
        color: None,
    };
    let mut fonts = vec![default_font];
    let mut fills: Vec<u32> = Vec::new();
    let mut borders = vec![Border::None];
    let mut xfs = Vec::new();
    for style in styles {
        let font = Font {
            bold: style.bold,
            size: style.size.unwrap_or(11),
            color: style.color,
        };
        let font = place(&mut fonts, font);
        // Fills 0 and 1 are the two Excel reserves (none and gray125).
        let fill = style
            .fill
            .map_or(0, |rgb| place(&mut fills, rgb).saturating_add(2));
        let border = place(&mut borders, style.border);
        xfs.push((style, font, fill, border));
    }

    let mut xml = String::from(DECLARATION);
    xml.push_str(&format!("<styleSheet xmlns=\"{MAIN_NS}\">"));
    let font_count = fonts.len().saturating_add(usize::from(notes));
    xml.push_str(&format!("<fonts count=\"{font_count}\">"));
    for font in &fonts {
        xml.push_str("<font>");
        if font.bold {
            xml.push_str("<b/>");
        }
        xml.push_str(&format!("<sz val=\"{}\"/>", font.size));
        match font.color {
            Some(rgb) => xml.push_str(&format!("<color rgb=\"FF{rgb:06X}\"/>")),
            None => xml.push_str("<color theme=\"1\"/>"),
        }
        xml.push_str("<name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>");
    }
    if notes {
        xml.push_str(
            "<font><sz val=\"8\"/><color indexed=\"81\"/><name val=\"Tahoma\"/><family val=\"2\"/></font>",
        );
    }
    xml.push_str(&format!(
        "</fonts><fills count=\"{}\"><fill><patternFill patternType=\"none\"/></fill>\
         <fill><patternFill patternType=\"gray125\"/></fill>",
        fills.len().saturating_add(2)
    ));
    for rgb in &fills {
        xml.push_str(&format!(
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF{rgb:06X}\"/>\
             <bgColor indexed=\"64\"/></patternFill></fill>"
        ));
    }
    xml.push_str(&format!("</fills><borders count=\"{}\">", borders.len()));
    for border in &borders {
        let line = |xml: &mut String, edge: &str, color: Option<u32>| match color {
            Some(rgb) => xml.push_str(&format!(
                "<{edge} style=\"thin\"><color rgb=\"FF{rgb:06X}\"/></{edge}>"
            )),
            None => xml.push_str(&format!(
                "<{edge} style=\"thin\"><color auto=\"1\"/></{edge}>"
            )),
        };
        xml.push_str("<border>");
        match border {
            Border::None => xml.push_str("<left/><right/><top/><bottom/>"),
            Border::Bottom => {
                xml.push_str("<left/><right/><top/>");
                line(&mut xml, "bottom", None);
            }
            Border::All(color) => {
                for edge in ["left", "right", "top", "bottom"] {
                    line(&mut xml, edge, *color);
                }
            }
        }
        xml.push_str("<diagonal/></border>");
    }
    xml.push_str(&format!(
        "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>\
         </cellStyleXfs><cellXfs count=\"{}\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
        xfs.len().saturating_add(1)
    ));
    for (style, font, fill, border) in xfs {
        let format = if style.text { 49 } else { 0 };
        xml.push_str(&format!(
            "<xf numFmtId=\"{format}\" fontId=\"{font}\" fillId=\"{fill}\" borderId=\"{border}\" xfId=\"0\""
        ));
        for (applies, name) in [
            (style.text, "applyNumberFormat"),
            (font > 0, "applyFont"),
            (fill > 0, "applyFill"),
            (border > 0, "applyBorder"),
            (style.wrap, "applyAlignment"),
        ] {
            if applies {
                xml.push_str(&format!(" {name}=\"1\""));
            }
        }
        if style.wrap {
            xml.push_str("><alignment wrapText=\"1\"/></xf>");
        } else {
            xml.push_str("/>");
        }
    }
    xml.push_str(
        "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>\
         </cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" \
         defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>",
    );
    xml
}
