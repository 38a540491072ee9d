//! One OpenDocument cell: how it stores its value, and the text a person sees in it.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use super::styles::CellNumbers;
use crate::read::numfmt::NumberStyle;
use crate::read::row::CellKind;
use crate::read::shown::{iso_date_text, standard_text};

/// How a cell stores its value, from its attributes.
#[derive(Default)]
pub(super) struct CellStart {
    pub(super) value_type: Option<String>,
    pub(super) value: Option<String>,
    pub(super) date_value: Option<String>,
    pub(super) time_value: Option<String>,
    pub(super) boolean_value: Option<String>,
    pub(super) string_value: Option<String>,
    pub(super) formula: Option<String>,
    /// `table:style-name`: the cell's style, which may carry a data style.
    pub(super) style: Option<String>,
    pub(super) is_error: bool,
    pub(super) is_covered: bool,
    pub(super) columns_repeated: u32,
    pub(super) columns_spanned: u32,
    pub(super) rows_spanned: u32,
}

impl CellStart {
    pub(super) fn read(e: &BytesStart) -> Self {
        let mut cell = CellStart {
            is_covered: e.local_name().as_ref() == "covered-table-cell",
            columns_repeated: 1,
            columns_spanned: 1,
            rows_spanned: 1,
            ..CellStart::default()
        };
        for a in e.attributes().with_checks(false).flatten() {
            let value = || {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            };
            let count = || {
                a.value
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or(1)
            };
            let is_calcext = a.key.prefix().is_some_and(|p| p.as_ref() == "calcext");
            match a.key.local_name().as_ref() {
                "value-type" if is_calcext => {
                    cell.is_error = &*a.value == "error";
                }
                "value-type" => cell.value_type = value(),
                "value" => cell.value = value(),
                "date-value" => cell.date_value = value(),
                "time-value" => cell.time_value = value(),
                "boolean-value" => cell.boolean_value = value(),
                "string-value" => cell.string_value = value(),
                "formula" => cell.formula = value().map(as_typed),
                "style-name" => cell.style = value(),
                "number-columns-repeated" => cell.columns_repeated = count(),
                "number-columns-spanned" => cell.columns_spanned = count(),
                "number-rows-spanned" => cell.rows_spanned = count(),
                _ => {}
            }
        }
        cell
    }

    /// The text a person sees in the cell, and what kind of text it is; `None` for an
    /// empty cell. Numbers, currencies, percentages and times are their value shown
    /// through the cell's data style (`numbers`), as LibreOffice shows them: a value
    /// without a data style as LibreOffice's Standard format, one whose style is not
    /// rendered here as the text the file holds (`text:p`). Dates and booleans come from
    /// their values, as the .xlsx reader gives them; text from `office:string-value` if
    /// the cell has one, else from its paragraphs (`text`).
    ///
    /// `styled`: the cell has a cell style, its own, its row's or its column's (a
    /// declared column's is the document's Default). There LibreOffice shows a
    /// percentage or a time without a data style through its type's standard format
    /// (en-US's: `50.00%`, `10:30:00 AM`); a cell without any style, as a number.
    pub(super) fn shown<'t>(
        &'t self,
        text: &'t str,
        paragraphs: usize,
        numbers: &CellNumbers,
        styled: bool,
    ) -> (Option<Cow<'t, str>>, CellKind) {
        let cell = self;
        let paragraph = (paragraphs > 0).then_some(text);
        // A cell's `office:string-value`, when it has one, is the text LibreOffice and
        // Gnumeric show, whatever its paragraphs say; an empty one LibreOffice passes
        // over (Gnumeric shows the cell empty).
        let string = cell.string_value.as_deref().filter(|s| !s.is_empty());
        if cell.is_error {
            return (
                Some(Cow::Borrowed(paragraph.unwrap_or("#VALUE!"))),
                CellKind::Error,
            );
        }
        let number = match cell.value_type.as_deref() {
            Some("float" | "percentage" | "currency") => cell
                .value
                .as_deref()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|n| n.is_finite()),
            Some("time") => cell.time_value.as_deref().and_then(duration_days),
            _ => None,
        };
        if let Some(value) = cell.malformed_value(number) {
            // The text the error quotes: the value, else the text, else the value type.
            let value = [value, string, paragraph, cell.value_type.as_deref()]
                .into_iter()
                .flatten()
                .find(|text| !text.trim().is_empty())
                .unwrap_or("?");
            return match &cell.formula {
                // A formula's result that is no value: what it shows is unknown.
                Some(formula) => (Some(Cow::Borrowed(formula.as_str())), CellKind::NoResult),
                None => (Some(Cow::Borrowed(value)), CellKind::NotANumber),
            };
        }
        let value = match (cell.value_type.as_deref(), number) {
            // LibreOffice counts a date's serial from 1899-12-30, as Excel does from
            // March 1900.
            (Some("date"), _) => cell.date_value.as_deref().and_then(|date| match numbers {
                CellNumbers::Style(style) => style.show_date(date, false),
                CellNumbers::General { .. } | CellNumbers::Unrendered => iso_date_text(date),
            }),
            (Some("boolean"), _) => cell
                .boolean_value
                .as_deref()
                .and_then(boolean)
                .map(|b| if b { "TRUE" } else { "FALSE" }.to_owned()),
            (Some(value_type @ ("percentage" | "time")), Some(number))
                if styled && matches!(numbers, CellNumbers::General { .. }) =>
            {
                let code = if value_type == "time" {
                    "HH:MM:SS AM/PM"
                } else {
                    "0.00%"
                };
                NumberStyle::of_code(code).try_show(number, false)
            }
            (_, Some(number)) => match numbers {
                CellNumbers::General { decimals } => Some(standard_text(number, *decimals)),
                CellNumbers::Style(style) => style.try_show(number, false),
                CellNumbers::Unrendered => None,
            }
            .or_else(|| paragraph.is_none().then(|| standard_text(number, None))),
            _ => None,
        };
        match value {
            Some(text) => (Some(Cow::Owned(text)), CellKind::Value),
            None => match (
                string.or(paragraph),
                cell.value_type.as_deref(),
                &cell.formula,
            ) {
                // Text shows through a text style's literals (`number:text-style`).
                (Some(text), _, _) => {
                    let shown = match numbers {
                        CellNumbers::Style(style) => style.show_text(text),
                        _ => None,
                    };
                    (
                        Some(shown.map_or(Cow::Borrowed(text), Cow::Owned)),
                        CellKind::Value,
                    )
                }
                // A formula the writer never calculated: its result is unknown.
                (None, None, Some(formula)) => {
                    (Some(Cow::Borrowed(formula.as_str())), CellKind::NoResult)
                }
                _ => (None, CellKind::Value),
            },
        }
    }

    /// Whether the cell is marked as a number, a percentage, a currency, a date, a time
    /// or a boolean without a value that reads as one (`number` is its value read as a
    /// number): `Some` with the value it has, if any. LibreOffice shows such a cell as
    /// 0 (FALSE), Gnumeric as its paragraph text: what a person sees is unknown. A
    /// well-formed time this reader does not render (negative, in months) is not one.
    fn malformed_value(&self, number: Option<f64>) -> Option<Option<&str>> {
        let (value, reads) = match self.value_type.as_deref() {
            Some("float" | "percentage" | "currency") => (&self.value, number.is_some()),
            Some("date") => {
                let date = self.date_value.as_deref();
                (&self.date_value, date.and_then(iso_date_text).is_some())
            }
            Some("time") => {
                let time = self
                    .time_value
                    .as_deref()
                    .map(|t| t.trim().trim_start_matches('-'));
                let duration = time.is_some_and(|t| t.starts_with(['P', 'p']));
                (&self.time_value, duration)
            }
            Some("boolean") => {
                let truth = self.boolean_value.as_deref().and_then(boolean);
                (&self.boolean_value, truth.is_some())
            }
            _ => return None,
        };
        (!reads).then_some(value.as_deref())
    }
}

/// `office:boolean-value`: `true` or `1`, `false` or `0` (XML Schema's boolean).
/// LibreOffice and Gnumeric read these alike, and nothing else alike (LibreOffice shows
/// `TRUE` or `yes` as FALSE, Gnumeric as TRUE).
fn boolean(value: &str) -> Option<bool> {
    match value {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// A formula as a person types it: without the namespace OpenDocument writes before it
/// (`of:=SUM(A1:A3)`, `oooc:=…`, `msoxl:=…` is `=SUM(A1:A3)`).
fn as_typed(formula: String) -> String {
    match formula.split_once(':') {
        Some((space, rest))
            if rest.starts_with('=')
                && !space.is_empty()
                && space.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            rest.to_owned()
        }
        _ => formula,
    }
}

/// `table:number-rows-repeated`, at least 1.
pub(super) fn rows_repeated(e: &BytesStart) -> u32 {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "number-rows-repeated")
        .and_then(|a| a.value.trim().parse::<u32>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

/// `office:time-value`, an ISO 8601 duration, in days (`PT09H30M00S` is `0.396`), the
/// unit a time style shows. As LibreOffice reads it: days, hours, minutes and seconds,
/// each optional and added up (`PT36H`, `P1DT12H` and `PT90M` too, as other writers
/// than LibreOffice put them), seconds with a fraction after `.` or `,`. `None` for what
/// is no such duration, or one in years, months or weeks, or a negative one.
fn duration_days(value: &str) -> Option<f64> {
    let value = value.trim().to_ascii_uppercase();
    let rest = value.strip_prefix('P')?;
    let (days, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut seconds = 0.0;
    let mut parts = 0;
    if !days.is_empty() {
        seconds += whole(days.strip_suffix('D')?)? * 86_400.0;
        parts += 1;
    }
    let mut time = time;
    for (unit, length) in [('H', 3600.0), ('M', 60.0)] {
        if let Some((count, after)) = time.split_once(unit) {
            seconds += whole(count)? * length;
            time = after;
            parts += 1;
        }
    }
    if !time.is_empty() {
        seconds += decimal(time.strip_suffix('S')?)?;
        parts += 1;
    }
    (parts > 0).then_some(seconds / 86_400.0)
}

/// A count of digits alone, at most nine of them.
fn whole(digits: &str) -> Option<f64> {
    let ok = (1..=9).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse::<u32>().ok().map(f64::from))?
}

/// Digits with at most one decimal separator, `.` or `,`.
fn decimal(text: &str) -> Option<f64> {
    let (integer, fraction) = match text.bytes().position(|b| b == b'.' || b == b',') {
        Some(at) => (text.get(..at)?, text.get(at.saturating_add(1)..)?),
        None => (text, ""),
    };
    let fraction_ok = fraction.len() <= 15 && fraction.bytes().all(|b| b.is_ascii_digit());
    if !fraction_ok {
        return None;
    }
    let fraction = fraction.parse::<u64>().map_or(0.0, |digits| {
        digits as f64 / 10f64.powi(i32::try_from(fraction.len()).unwrap_or(0))
    });
    Some(whole(integer)? + fraction)
}

#[cfg(test)]
mod tests {
    use super::{as_typed, duration_days};

    #[test]
    fn formulas_read_as_typed() {
        let typed = |formula: &str| as_typed(formula.to_owned());
        assert_eq!(typed("of:=SUM([.A1:.A3])"), "=SUM([.A1:.A3])");
        assert_eq!(typed("oooc:=1+1"), "=1+1");
        assert_eq!(typed("msoxl:=A1&\":\""), "=A1&\":\"");
        assert_eq!(typed("=A1"), "=A1");
        assert_eq!(typed("of:SUM(1)"), "of:SUM(1)");
        assert_eq!(typed(":=1"), ":=1");
    }

    #[test]
    fn durations_in_days() {
        assert_eq!(duration_days("PT36H00M00S"), Some(1.5));
        assert_eq!(duration_days("PT10H30M00S"), Some(0.4375));
        assert_eq!(
            duration_days("PT296296H17M36S").map(|d| (d * 86_400.0).round()),
            Some(1_066_666_656.0)
        );
        // What LibreOffice 7.4 reads these as (each shown without a style, in days).
        let seconds = |d: Option<f64>| d.map(|d| (d * 86_400.0 * 10.0).round() / 10.0);
        for (duration, expected) in [
            ("PT36H", 129_600.0),
            ("P1D", 86_400.0),
            ("P1DT12H", 129_600.0),
            ("PT90M", 5_400.0),
            ("PT45S", 45.0),
            ("PT1,5S", 1.5),
            ("PT1H60M00S", 7_200.0),
            ("PT1H00M60S", 3_660.0),
            ("P0DT10H30M00.5S", 37_800.5),
            ("PT36H0M0.0S", 129_600.0),
        ] {
            assert_eq!(
                seconds(duration_days(duration)),
                Some(expected),
                "{duration}"
            );
        }
        for wrong in [
            "",
            "P",
            "PT",
            "P1Y",
            "P1M",
            "P1W",
            "PT-1H",
            "-PT1H",
            "PTxH00M00S",
            "PT1e3S",
            "PTinfS",
            "PT30M1H",
        ] {
            assert_eq!(duration_days(wrong), None, "{wrong}");
        }
    }
}
