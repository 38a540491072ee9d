//! One OpenDocument cell: how it stores its value, and the text a person sees in it.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use crate::read::row::CellKind;
use crate::read::shown::{iso_date_text, number_text};

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
                "formula" => cell.formula = value(),
                "number-columns-repeated" => cell.columns_repeated = count(),
                "number-columns-spanned" => cell.columns_spanned = count(),
                "number-rows-spanned" => cell.rows_spanned = count(),
                _ => {}
            }
        }
        cell
    }

    /// The text a person sees in the cell, and what kind of text it is; `None` for an
    /// empty cell. Numbers, currencies and percentages are the text the file shows
    /// (`text:p`), which their number format made; dates and booleans come from their
    /// values, as the .xlsx reader gives them.
    pub(super) fn shown<'t>(
        &'t self,
        text: &'t str,
        paragraphs: usize,
    ) -> (Option<Cow<'t, str>>, CellKind) {
        let cell = self;
        let paragraph = (paragraphs > 0).then_some(text);
        if cell.is_error {
            return (
                Some(Cow::Borrowed(paragraph.unwrap_or("#VALUE!"))),
                CellKind::Error,
            );
        }
        let value = match cell.value_type.as_deref() {
            Some("date") => cell.date_value.as_deref().and_then(iso_date_text),
            Some("time") => cell.time_value.as_deref().and_then(iso_time),
            Some("boolean") => cell.boolean_value.as_deref().map(|b| {
                if b.trim() == "true" {
                    "TRUE".to_owned()
                } else {
                    "FALSE".to_owned()
                }
            }),
            Some("float" | "percentage" | "currency") if paragraph.is_none() => cell
                .value
                .as_deref()
                .and_then(|v| v.trim().parse::<f64>().ok())
                .map(number_text),
            _ => None,
        };
        match value {
            Some(text) => (Some(Cow::Owned(text)), CellKind::Value),
            None => match (paragraph, cell.value_type.as_deref(), &cell.formula) {
                (Some(text), _, _) => (Some(Cow::Borrowed(text)), CellKind::Value),
                (None, Some("string"), _) => (
                    cell.string_value.as_deref().map(Cow::Borrowed),
                    CellKind::Value,
                ),
                // A formula the writer never calculated: its result is unknown.
                (None, None, Some(formula)) => {
                    (Some(Cow::Borrowed(formula.as_str())), CellKind::NoResult)
                }
                _ => (None, CellKind::Value),
            },
        }
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

/// `office:time-value` (an ISO 8601 duration such as `PT09H30M00S`) as `09:30:00`.
fn iso_time(value: &str) -> Option<String> {
    let rest = value.trim().strip_prefix("PT")?;
    let (hours, rest) = rest.split_once('H')?;
    let (minutes, rest) = rest.split_once('M')?;
    let seconds = rest.strip_suffix('S')?;
    let hours: u64 = hours.parse().ok()?;
    let minutes: u64 = minutes.parse().ok()?;
    let seconds: f64 = seconds.parse().ok()?;
    if !(0.0..60.0).contains(&seconds) || minutes >= 60 {
        return None;
    }
    Some(format!(
        "{hours:02}:{minutes:02}:{:02}",
        seconds.round() as u64
    ))
}
