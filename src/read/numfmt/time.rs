//! Codes of time: whether a code shows a date (read as ISO 8601), a time of day
//! (`h:mm AM/PM`) or a number, and how a time of day and an elapsed time (`[h]:mm:ss`,
//! a count of hours, minutes or seconds) are shown.

use super::{scan, tokenize, Token};
use crate::read::shown::DATE_SERIALS;

/// What a format code shows a number as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A number through [`format`](super::format).
    Number,
    /// A date, or a date and a time: read as ISO 8601.
    Date,
    /// A time of day alone: shown through the code ([`time_of_day`]).
    Time,
}

/// Whether `code` shows a date (a `d`, `y` or month `m` outside quotes, escapes and
/// brackets), a time of day alone (`h` or `s`, and `m` beside them as minutes, with no
/// day or year), or a number; elapsed times (`[h]:mm:ss`) are numbers.
pub(crate) fn shape(code: &str) -> Shape {
    if is_elapsed(code) {
        return Shape::Number;
    }
    let (mut date, mut time, mut month_or_minute) = (false, false, false);
    let mut skip_to = 0usize;
    scan(code, |i, c, bracketed| {
        let rest = code.get(i..).unwrap_or("");
        if bracketed.is_some() || i < skip_to {
            return;
        }
        if rest.len() >= 7
            && rest
                .get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case("general"))
        {
            skip_to = i.saturating_add(7);
            return;
        }
        let after = rest.chars().skip(1);
        match c.to_ascii_lowercase() {
            // `E+`, `E-`: an exponent.
            'e' if rest.get(1..2).is_some_and(|n| n == "+" || n == "-") => {}
            'd' | 'y' | 'e' | 'g' | 'b' => date = true,
            'h' | 's' => time = true,
            'a' if super::is_date_letter(c, after) => time = true,
            'm' => month_or_minute = true,
            _ => {}
        }
    });
    match (date, time, month_or_minute) {
        (true, _, _) | (false, false, true) => Shape::Date,
        (false, true, _) => Shape::Time,
        (false, false, false) => Shape::Number,
    }
}

/// A unit of time in a format code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Hours,
    Minutes,
    Seconds,
}

impl Unit {
    /// The unit a letter of a code names: `h`, `m` or `s`, in either case.
    pub(super) fn of(letter: char) -> Option<Unit> {
        match letter.to_ascii_lowercase() {
            'h' => Some(Unit::Hours),
            'm' => Some(Unit::Minutes),
            's' => Some(Unit::Seconds),
            _ => None,
        }
    }
}

/// The elapsed unit a bracket holds: one letter of `h`, `m` or `s`, repeated (`[h]`,
/// `[mm]`); `None` for a colour, a condition or a locale.
pub(super) fn bracketed_unit(inside: &str) -> Option<Unit> {
    let mut letters = inside.chars();
    let first = letters.next()?;
    let unit = Unit::of(first)?;
    letters
        .all(|c| c.eq_ignore_ascii_case(&first))
        .then_some(unit)
}

/// Whether `code` holds an elapsed-time unit: `[h]`, `[mm]`, `[ss]`…
pub(super) fn is_elapsed(code: &str) -> bool {
    let mut elapsed = false;
    scan(code, |_, _, bracketed| {
        elapsed |= bracketed.and_then(bracketed_unit).is_some();
    });
    elapsed
}

/// One unit of an elapsed-time code, or its decimals.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Hours { total: bool, width: usize },
    Minutes { total: bool, width: usize },
    Seconds { total: bool, width: usize },
    Decimals(usize),
}

/// An elapsed time as the code shows it: `[h]:mm:ss` on 1.5 (days) is `36:00:00`,
/// `[s].000` counts seconds with milliseconds. The largest unit in brackets is not
/// wrapped; the smaller ones are. `None` for what is not rendered here (AM/PM, dates,
/// a negative or huge value), which then shows as General.
pub(super) fn elapsed(value: f64, section: &str) -> Option<String> {
    let tokens = tokenize(section)?;
    let mut parts: Vec<Result<Part, String>> = Vec::new();
    let mut tokens = tokens.iter().peekable();
    while let Some(token) = tokens.next() {
        let part = match token {
            Token::Time { unit, total, width } => {
                let (total, width) = (*total, *width);
                Ok(match unit {
                    Unit::Hours => Part::Hours { total, width },
                    Unit::Minutes => Part::Minutes { total, width },
                    Unit::Seconds => Part::Seconds { total, width },
                })
            }
            // `.000`: fractions of a second, at most three places.
            Token::Point if tokens.peek() == Some(&&Token::Digit('0')) => {
                let mut zeros = 0usize;
                while tokens.next_if(|t| **t == Token::Digit('0')).is_some() {
                    zeros = zeros.saturating_add(1);
                }
                Ok(Part::Decimals(zeros.min(3)))
            }
            Token::Point => Err(".".to_owned()),
            Token::Group => Err(",".to_owned()),
            Token::Slash => Err("/".to_owned()),
            Token::Literal(text) => Err(text.clone()),
            _ => return None,
        };
        parts.push(part);
    }
    // A negative duration shows its sign before the whole text.
    if value < 0.0 {
        return elapsed_parts(-value, &parts).map(|text| format!("-{text}"));
    }
    elapsed_parts(value, &parts)
}

/// The parts of an elapsed-time code filled in for `value` days, at least 0.
fn elapsed_parts(value: f64, parts: &[Result<Part, String>]) -> Option<String> {
    if !DATE_SERIALS.contains(&value) {
        return None;
    }
    let decimals = parts.iter().find_map(|p| match p {
        Ok(Part::Decimals(n)) => Some(*n),
        _ => None,
    });
    let scale = 10u64.pow(u32::try_from(decimals.unwrap_or(0)).unwrap_or(0));
    // Rounded to what is shown, as Excel rounds: 0.99999 days with `[h]:mm` is 24:00.
    let units = (value * 86_400.0 * scale as f64).round() as u64;
    let (seconds, fraction) = (units / scale, units % scale);
    let total_hours = parts
        .iter()
        .any(|p| matches!(p, Ok(Part::Hours { total: true, .. })));
    let total_minutes = parts
        .iter()
        .any(|p| matches!(p, Ok(Part::Minutes { total: true, .. })));
    let total_seconds = parts
        .iter()
        .any(|p| matches!(p, Ok(Part::Seconds { total: true, .. })));
    let mut out = String::new();
    for part in parts {
        let (number, width) = match part {
            Err(text) => {
                out.push_str(text);
                continue;
            }
            // A unit once in brackets counts on wherever it stands.
            Ok(Part::Hours { width, .. }) if total_hours => (seconds / 3600, *width),
            Ok(Part::Hours { width, .. }) => (seconds / 3600 % 24, *width),
            Ok(Part::Minutes { total: true, width }) => (seconds / 60, *width),
            Ok(Part::Minutes { width, .. }) if total_hours || !total_minutes => {
                (seconds / 60 % 60, *width)
            }
            Ok(Part::Minutes { width, .. }) => (seconds / 60, *width),
            Ok(Part::Seconds { width, .. }) if total_seconds => (seconds, *width),
            Ok(Part::Seconds { width, .. }) => (seconds % 60, *width),
            Ok(Part::Decimals(n)) => {
                out.push('.');
                out.push_str(&format!("{fraction:0n$}"));
                continue;
            }
        };
        out.push_str(&format!("{number:0width$}"));
    }
    Some(out)
}

/// The time of day of `value` (days since Excel's epoch; the fraction is the time) as
/// the time code `section` shows it: `h:mm AM/PM` on 0.7 is `4:48 PM`, `hh:mm:ss.000`
/// on 0.70707 is `16:58:10.848`. Seconds are rounded to what the code shows, smaller
/// units cut (9:05:59 is `9:05` through `h:mm`), as Excel does. `None` for a value no
/// date has (negative, or past 9999), which Excel shows as `#####`, and for a code not
/// rendered here: a date's letters, a month's `m`, more than two letters of a unit.
pub(super) fn time_of_day(value: f64, section: &str) -> Option<String> {
    if !DATE_SERIALS.contains(&value) {
        return None;
    }
    let tokens = tokenize(section)?;
    // Each token's part, and the unit of each `Time` one, to tell minutes from months.
    let mut parts = Vec::with_capacity(tokens.len());
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        parts.push(match token {
            Token::Time {
                unit,
                total: false,
                width: width @ 1..=2,
            } => Clock::Unit(unit, width),
            Token::AmPm(letters) => Clock::AmPm(letters),
            // `.00`: fractions of a second, at most three places.
            Token::Point if tokens.peek() == Some(&Token::Digit('0')) => {
                let mut zeros = 0usize;
                while tokens.next_if(|t| *t == Token::Digit('0')).is_some() {
                    zeros = zeros.saturating_add(1);
                }
                Clock::Decimals(zeros.min(3))
            }
            Token::Point => Clock::Text(".".to_owned()),
            Token::Literal(text) => Clock::Text(text),
            _ => return None,
        });
    }
    // An `m` is minutes after hours or before seconds; anywhere else it is a month.
    let units: Vec<Unit> = parts
        .iter()
        .filter_map(|p| match p {
            Clock::Unit(unit, _) => Some(*unit),
            _ => None,
        })
        .collect();
    let is_minutes = |i: usize| {
        let before = i.checked_sub(1).and_then(|b| units.get(b));
        before == Some(&Unit::Hours) || units.get(i.saturating_add(1)) == Some(&Unit::Seconds)
    };
    let mut minutes = (0..units.len()).filter(|&i| units.get(i) == Some(&Unit::Minutes));
    if minutes.any(|i| !is_minutes(i)) {
        return None;
    }
    let decimals = parts
        .iter()
        .filter_map(|p| match p {
            Clock::Decimals(n) => Some(*n),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let scale = 10u64.pow(u32::try_from(decimals).unwrap_or(0));
    let day = 86_400u64.saturating_mul(scale);
    // The range check keeps this within u64; a time rounded up to midnight is 0:00.
    let units_of_day = ((value - value.floor()) * day as f64).round() as u64 % day;
    let (seconds, fraction) = (units_of_day / scale, units_of_day % scale);
    let hour = seconds / 3600;
    let twelve = parts.iter().any(|p| matches!(p, Clock::AmPm(_)));
    let mut out = String::new();
    for part in &parts {
        let (number, width) = match part {
            Clock::Text(text) => {
                out.push_str(text);
                continue;
            }
            Clock::AmPm(letters) => {
                let pm = hour >= 12;
                match letters {
                    None => out.push_str(if pm { "PM" } else { "AM" }),
                    Some((a, p)) => out.push(if pm { *p } else { *a }),
                }
                continue;
            }
            Clock::Decimals(n) => {
                // The first `n` of the fraction's `decimals` digits.
                let digits = format!("{fraction:0decimals$}");
                out.push('.');
                out.push_str(digits.get(..*n).unwrap_or(""));
                continue;
            }
            Clock::Unit(Unit::Hours, width) if twelve => match hour % 12 {
                0 => (12, *width),
                h => (h, *width),
            },
            Clock::Unit(Unit::Hours, width) => (hour, *width),
            Clock::Unit(Unit::Minutes, width) => (seconds / 60 % 60, *width),
            Clock::Unit(Unit::Seconds, width) => (seconds % 60, *width),
        };
        out.push_str(&format!("{number:0width$}"));
    }
    Some(out)
}

/// One part of a time-of-day code.
enum Clock {
    Unit(Unit, usize),
    AmPm(Option<(char, char)>),
    Decimals(usize),
    Text(String),
}

#[cfg(test)]
mod tests {
    use super::super::tests::shows;
    use super::*;

    #[test]
    fn times_of_day() {
        let shows = |value: f64, code: &str, expected: &str| {
            let shown = time_of_day(value, code);
            assert_eq!(shown.as_deref(), Some(expected), "{value} as {code}");
        };
        shows(0.0, "h:mm AM/PM", "12:00 AM");
        shows(0.5, "h:mm AM/PM", "12:00 PM");
        shows(0.7, "hh:mm A/P", "04:48 P");
        shows(0.7, "hh:mm a/p", "04:48 p");
        // A date and time shows its time of day; 9:05:59 is cut to the minute.
        shows(45_352.379_155_092_6, "h:mm", "9:05");
        shows(0.70707, "hh:mm:ss.000", "16:58:10.848");
        shows(0.70707, "hh .00", "16 .85");
        shows(0.5, "mm:ss", "00:00");
        assert_eq!(
            time_of_day(0.5, "hh:mm:ss AM/P"),
            None,
            "an m that is a month"
        );
        assert_eq!(time_of_day(-0.5, "h:mm"), None, "no date has it: #####");
        assert_eq!(time_of_day(0.5, "hhh:mm"), None);
    }

    #[test]
    fn elapsed_times() {
        shows(1.5, "[h]:mm:ss", "36:00:00");
        shows(10.63, "[hh]:mm:ss", "255:07:12");
        shows(77.0 / 24.0, "[h]", "77");
        shows(1.0 / 24.0 / 60.0 * 90.0, "[mm]:ss", "90:00");
        shows(2.5, "[s].000", "216000.000");
        shows(1.0 / 86_400.0 * 1.5, "[s].0", "1.5");
        shows(1.0 / 86_400.0 * 21.0, "[ss]", "21");
        shows(-1.0, "[h]:mm", "-24:00");
        shows(-0.25, "[s].000", "-21600.000");
        assert_eq!(shape("[h]:mm:ss"), Shape::Number);
        assert_eq!(shape("hh:mm"), Shape::Time);
        assert_eq!(shape("h:mm AM/PM"), Shape::Time);
        assert_eq!(shape("mm:ss.0"), Shape::Time);
        assert_eq!(shape("mmm"), Shape::Date, "a month alone");
        assert_eq!(shape("dd/mm/yyyy"), Shape::Date);
        assert_eq!(shape("yyyy-mm-dd hh:mm"), Shape::Date);
        assert_eq!(shape("\"day\" 0"), Shape::Number);
        assert_eq!(shape("[Red]0.00"), Shape::Number);
        assert_eq!(shape("0.00E+00"), Shape::Number);
        assert_eq!(shape("\"ID \"General"), Shape::Number);
        assert_eq!(shape("A/P"), Shape::Time);
        assert_eq!(shape("e"), Shape::Date);
        assert_eq!(shape("bbbb"), Shape::Date);
        assert_eq!(shape("A\"TODO\""), Shape::Number);
    }
}
