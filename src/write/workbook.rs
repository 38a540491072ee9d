//! What the template and the errors workbook share, written with `rust_xlsxwriter`: the
//! cell styles, the column widths, the header notes and the User type dropdown, Excel's
//! limit on a cell's text, and saving without a clock.

use std::borrow::Cow;

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatBorder, Note, Workbook,
    Worksheet, XlsxError,
};

use crate::message::{words, Language, Text};
use crate::model::column::Column;
use crate::model::user::UserType;
use crate::options::Options;
use crate::write::template::TemplateError;

/// Excel's limit on the text of a cell, in UTF-16 units (what Excel counts).
pub(crate) const MAX_CELL_CHARS: usize = 32_767;
/// The most a note's text may hold: the cell limit less the room Excel keeps for the
/// author's name (the limit `rust_xlsxwriter` checks).
const MAX_NOTE_CHARS: usize = MAX_CELL_CHARS - 54;
/// What ends a text cut to fit.
const ELLIPSIS: char = '…';

/// The cell styles of both workbooks.
pub(crate) struct Styles {
    /// The template's header: bold white on dark blue, a line below.
    pub(crate) header: Format,
    /// Number format `@`: what a person types stays as typed (`0012` keeps its zeros, a
    /// long number is not turned into 1.2E+15).
    pub(crate) text: Format,
    pub(crate) bold: Format,
    pub(crate) wrap: Format,
    pub(crate) title: Format,
    /// A cell with a problem: amber fill and border, text format.
    pub(crate) warning: Format,
    /// A header cell with a problem.
    pub(crate) header_warning: Format,
}

/// A problem's fill, a light amber as spreadsheet programs mark warnings, and its
/// border, a darker amber.
const WARNING: u32 = 0x00FF_E699;
const WARNING_BORDER: u32 = 0x00BF_9000;
const HEADER_FILL: u32 = 0x001F_4E79;
/// Excel's built-in number format 49, `@` (text), as Excel itself writes it.
const TEXT_FORMAT: u8 = 49;

impl Styles {
    pub(crate) fn new() -> Self {
        let bold = Format::new().set_bold();
        Styles {
            header: bold
                .clone()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_border_bottom(FormatBorder::Thin),
            text: Format::new().set_num_format_index(TEXT_FORMAT),
            wrap: Format::new().set_text_wrap(),
            title: bold.clone().set_font_size(14),
            warning: Format::new()
                .set_num_format_index(TEXT_FORMAT)
                .set_background_color(Color::RGB(WARNING))
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(WARNING_BORDER)),
            header_warning: bold
                .clone()
                .set_background_color(Color::RGB(WARNING))
                .set_border(FormatBorder::Thin),
            bold,
        }
    }

    /// The format of a column's empty cells: text, except User type (its dropdown).
    pub(crate) fn column(&self, column: Column) -> Option<&Format> {
        (column != Column::UserType).then_some(&self.text)
    }
}

/// The column's width in characters, in the template and the errors workbook alike.
pub(crate) fn width(column: Column) -> u16 {
    match column {
        Column::UserName => 30,
        Column::Email => 36,
        Column::UserType => 16,
        Column::Site => 22,
    }
}

/// `text` as a cell can hold it: cut to Excel's limit with `…` at the end, and how long
/// it was (in characters) when it had to be cut.
pub(crate) fn fit(text: &str) -> (Cow<'_, str>, Option<usize>) {
    match cut(text, MAX_CELL_CHARS) {
        Some(cut) => (Cow::Owned(cut), Some(text.chars().count())),
        None => (Cow::Borrowed(text), None),
    }
}

/// `text` cut to at most `max` UTF-16 units, `…` included, or `None` when it fits.
fn cut(text: &str, max: usize) -> Option<String> {
    if text.len() <= max || text.encode_utf16().count() <= max {
        return None;
    }
    let room = max.saturating_sub(ELLIPSIS.len_utf16());
    let mut used = 0usize;
    let mut cut = String::new();
    for c in text.chars() {
        used = used.saturating_add(c.len_utf16());
        if used > room {
            break;
        }
        cut.push(c);
    }
    cut.push(ELLIPSIS);
    Some(cut)
}

/// Writes `text` in the cell, in `format`. A text that looks like a rich-text run
/// (`<r>…</r>`) is written as a run holding it: `rust_xlsxwriter` writes a plain string
/// of that shape into the workbook as XML, which would change the value (`<r></r>`
/// would read as an empty cell) or break the file.
pub(crate) fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if text.starts_with("<r>") && text.ends_with("</r>") {
        let run = Format::default();
        sheet.write_rich_string_with_format(row, col, &[(&run, text)], format)?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// A note of `text` by `author`, cut to what a note may hold, in a box of `width` by
/// `height` pixels.
pub(crate) fn note(text: &str, author: &str, width: u32, height: u32) -> Note {
    let text = cut(text, MAX_NOTE_CHARS).unwrap_or_else(|| text.to_owned());
    Note::new(text)
        .set_author(author)
        .add_author_prefix(false)
        .set_width(width)
        .set_height(height)
}

/// The note on a header cell: the column's rule.
pub(crate) fn column_note(options: &Options, column: Column) -> Note {
    let rule = Text::ColumnRule {
        column,
        default_site: options.default_site_value(),
    };
    note(
        &rule.render(options.sentence_language()),
        "Template",
        320,
        90,
    )
}

/// The note saying a value was cut to fit its cell.
pub(crate) fn cut_text(language: Language, length: usize) -> String {
    let shown = MAX_CELL_CHARS.saturating_sub(1);
    Text::ValueCut { length, shown }.render(language)
}

/// The User type dropdown in `language`, with its input and error texts.
pub(crate) fn user_type_dropdown(language: Language) -> Result<DataValidation, XlsxError> {
    let words = words(language);
    let list = [
        words.user_type(UserType::Standard),
        words.user_type(UserType::Privileged),
    ];
    DataValidation::new()
        .allow_list_strings(&list)?
        .set_input_title(Text::UserTypeInputTitle.render(language))?
        .set_input_message(Text::UserTypeInputMessage.render(language))?
        .set_error_title(Text::UserTypeErrorTitle.render(language))?
        .set_error_message(Text::UserTypeErrorMessage.render(language))
}

/// A new workbook whose properties carry a fixed date, so that the same workbook is the
/// same bytes from one call to the next (the crate reads no clock).
pub(crate) fn book(title: Option<&str>) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let mut properties =
        DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 1)?);
    if let Some(title) = title {
        properties = properties.set_title(title);
    }
    book.set_properties(&properties);
    Ok(book)
}

/// The workbook's bytes.
pub(crate) fn save(book: &mut Workbook) -> Result<Vec<u8>, TemplateError> {
    Ok(book.save_to_buffer()?)
}

impl From<XlsxError> for TemplateError {
    fn from(error: XlsxError) -> Self {
        TemplateError::Write(Box::new(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_cut_to_what_excel_counts_with_an_ellipsis() {
        let fits = "a".repeat(MAX_CELL_CHARS);
        assert_eq!(fit(&fits), (Cow::Borrowed(fits.as_str()), None));
        let long = "a".repeat(40_000);
        let (cut, length) = fit(&long);
        assert_eq!(length, Some(40_000));
        assert_eq!(cut, "a".repeat(MAX_CELL_CHARS - 1) + "…");
        // A character outside the Basic Multilingual Plane is two UTF-16 units in
        // Excel's count, and is never split.
        let wide = "😀".repeat(20_000);
        let (cut, length) = fit(&wide);
        assert_eq!(length, Some(20_000));
        assert_eq!(cut, "😀".repeat(16_383) + "…");
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn a_note_is_cut_to_what_a_note_holds() {
        let text = "b".repeat(MAX_CELL_CHARS);
        let cut = cut(&text, MAX_NOTE_CHARS).unwrap_or_default();
        assert_eq!(cut.chars().count(), MAX_NOTE_CHARS);
        assert!(cut.ends_with('…'));
    }
}
