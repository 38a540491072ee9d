//! What a cell's number format does to a number, in every workbook format: General, a
//! date, a time of day, or a code; and Excel's built-in formats, by number.

use super::{
    choose, format_text, format_time_of_day, format_with, is_elapsed, number_sections, shape,
    Separators, Shape,
};
use crate::read::shown::{
    datetime_text, iso_date_serial, iso_date_text, number_text, DATE_SERIALS,
};

/// What a cell's number format does to a number, in any workbook format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NumberStyle {
    /// As General: `101`, `2.5`.
    General,
    /// A date, or a date and time: ISO 8601, whatever the format.
    Date,
    /// A time of day alone, through its code (`h:mm AM/PM`): `4:17 PM`, whatever the
    /// day.
    Time(String),
    /// A number format code, such as `000` or `#,##0.00`, and the separators its point
    /// and commas show as.
    Code(String, Separators),
    /// A code whose sections show a date or a time for some numbers and not for others,
    /// as Excel writes for some locales (`dd/mm/yyyy;dd/mm/yyyy;_-* ""??_-;_-@_-` shows
    /// zero as nothing): the section a number goes through decides, as for any code.
    Sections(String, Separators),
}

impl NumberStyle {
    /// The text a person sees for `number` in a cell of this style. A code the
    /// formatter does not render shows as General.
    pub(crate) fn show(&self, number: f64, is_1904: bool) -> String {
        self.try_show(number, is_1904)
            .unwrap_or_else(|| number_text(number))
    }

    /// [`NumberStyle::show`], or `None` where a code is not rendered here.
    pub(crate) fn try_show(&self, number: f64, is_1904: bool) -> Option<String> {
        match self {
            NumberStyle::General => Some(number_text(number)),
            NumberStyle::Date => Some(datetime_text(number, is_1904)),
            NumberStyle::Time(code) => format_time_of_day(number, code),
            NumberStyle::Code(code, separators) => format_with(number, code, *separators),
            NumberStyle::Sections(code, separators) => {
                let chosen = choose(code, number)?;
                match shape(chosen.section) {
                    Shape::Date => Some(datetime_text(number, is_1904)),
                    Shape::Time => format_time_of_day(number, chosen.section),
                    Shape::Number => format_with(chosen.value, chosen.section, *separators),
                }
            }
        }
    }

    /// Whether `number` goes through a date or a time code of this style (`yyyy-mm-dd`,
    /// `h:mm`, `[h]:mm`) as a date or a time that Excel cannot show: it fills the cell
    /// with `#####`. That is a number past 9999-12-31, or a negative one in the 1900 date
    /// system, whatever the section (the 1904 system shows a negative time with its
    /// sign). LibreOffice shows such a number as a date before 1900 or a time, SheetJS as
    /// nothing: no reading of it can be trusted.
    pub(crate) fn hides_in_hashes(&self, number: f64, is_1904: bool) -> bool {
        let date_or_time = match self {
            NumberStyle::General => false,
            NumberStyle::Date | NumberStyle::Time(_) => true,
            NumberStyle::Code(code, _) | NumberStyle::Sections(code, _) => choose(code, number)
                .is_some_and(|chosen| {
                    is_elapsed(chosen.section) || shape(chosen.section) != Shape::Number
                }),
        };
        date_or_time && ((number < 0.0 && !is_1904) || number >= DATE_SERIALS.end)
    }

    /// What a date saved as a date, ISO 8601 text (`t="d"` in .xlsx, an .ods date
    /// cell), shows in a cell of this style: as a date number does, so ISO 8601, or
    /// through a code that shows a time of day or a number, what it shows for the
    /// date's serial. `None` for text that is no such date.
    pub(crate) fn show_date(&self, value: &str, is_1904: bool) -> Option<String> {
        let serial = match self {
            NumberStyle::General | NumberStyle::Date => None,
            NumberStyle::Time(_) | NumberStyle::Code(..) | NumberStyle::Sections(..) => {
                iso_date_serial(value, is_1904)
            }
        };
        serial
            .and_then(|serial| self.try_show(serial, is_1904))
            .or_else(|| iso_date_text(value))
    }

    /// What a text value shows in a cell of this style, when the style changes it (its
    /// code's text section: `"Site "@`, `;;;`); `None` when it shows as it is.
    pub(crate) fn show_text(&self, text: &str) -> Option<String> {
        match self {
            NumberStyle::Code(code, _)
            | NumberStyle::Time(code)
            | NumberStyle::Sections(code, _) => format_text(text, code),
            NumberStyle::General | NumberStyle::Date => None,
        }
    }

    /// This style with a number's point and commas shown as `separators` (a time or a
    /// date shows none).
    pub(crate) fn with_separators(self, separators: Separators) -> NumberStyle {
        match self {
            NumberStyle::Code(code, _) => NumberStyle::Code(code, separators),
            NumberStyle::Sections(code, _) => NumberStyle::Sections(code, separators),
            other => other,
        }
    }

    /// The style of a format code.
    pub(crate) fn of_code(code: &str) -> NumberStyle {
        if code.trim().eq_ignore_ascii_case("general") || code.is_empty() {
            return NumberStyle::General;
        }
        let sections = number_sections(code);
        let mut shapes = sections.iter().map(|section| shape(section));
        let first = shapes.next();
        if shapes.any(|other| Some(other) != first) {
            return NumberStyle::Sections(code.to_owned(), Separators::INVARIANT);
        }
        match shape(code) {
            Shape::Date => NumberStyle::Date,
            Shape::Time => NumberStyle::Time(code.to_owned()),
            Shape::Number => NumberStyle::Code(code.to_owned(), Separators::INVARIANT),
        }
    }
}

/// The codes of Excel's built-in number formats that do not depend on the locale (the
/// currency ids 5 to 8 and 41 to 44 do, and show as General).
fn builtin_code(id: u32) -> Option<&'static str> {
    Some(match id {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mm:ss.0",
        48 => "##0.0E+0",
        _ => return None,
    })
}

/// Excel's built-in date and time formats (those of minutes and seconds, and the
/// duration `[h]:mm:ss`, have codes above).
fn is_builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 50..=58)
}

/// The style of Excel's built-in number format `id`, as .xlsx and .xls number them:
/// General for an id without a code of its own.
pub(crate) fn builtin_style(id: u32) -> NumberStyle {
    let time = match id {
        18 => Some("h:mm AM/PM"),
        19 => Some("h:mm:ss AM/PM"),
        20 => Some("h:mm"),
        21 => Some("h:mm:ss"),
        _ => None,
    };
    if let Some(code) = time {
        NumberStyle::Time(code.to_owned())
    } else if is_builtin_date(id) {
        NumberStyle::Date
    } else {
        builtin_code(id).map_or(NumberStyle::General, NumberStyle::of_code)
    }
}
