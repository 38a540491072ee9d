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

/// One part of a time code.
#[derive(Debug, Clone, PartialEq)]
enum Clock {
    /// Hours, minutes or seconds: `width` letters, `total` in brackets (`[h]`), which
    /// counts on past a day, an hour or a minute.
    Unit {
        unit: Unit,
        total: bool,
        width: usize,
    },
    /// `AM/PM`, or `A/P` with its two letters as written.
    AmPm(Option<(char, char)>),
    /// `.00`: fractions of a second, at most three places.
    Decimals(usize),
    Text(String),
}

/// A section of a time code as its parts; `None` for what is not rendered here (digit
/// placeholders, a date's letters, `General`).
fn clock(section: &str) -> Option<Vec<Clock>> {
    let tokens = tokenize(section)?;
    let mut parts = Vec::with_capacity(tokens.len());
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        parts.push(match token {
            Token::Time { unit, total, width } => Clock::Unit { unit, total, width },
            Token::AmPm(letters) => Clock::AmPm(letters),
            Token::Point if tokens.peek() == Some(&Token::Digit('0')) => {
                let mut zeros = 0usize;
                while tokens.next_if(|t| *t == Token::Digit('0')).is_some() {
                    zeros = zeros.saturating_add(1);
                }
                Clock::Decimals(zeros.min(3))
            }
            Token::Point => Clock::Text(".".to_owned()),
            Token::Group => Clock::Text(",".to_owned()),
            Token::Slash => Clock::Text("/".to_owned()),
            Token::Literal(text) => Clock::Text(text),
            _ => return None,
        });
    }
    Some(parts)
}

/// The most places of a second the parts show.
fn decimals(parts: &[Clock]) -> usize {
    let places = parts.iter().filter_map(|p| match p {
        Clock::Decimals(n) => Some(*n),
        _ => None,
    });
    places.max().unwrap_or(0)
}

/// `days` as whole seconds and the `decimals` digits of a second after them, rounded to
/// what is shown, as Excel rounds: 0.99999 days through `[h]:mm:ss` is `24:00:00`.
/// Within Excel's dates (the callers' range check), this stays within `u64`.
fn seconds_of(days: f64, decimals: usize) -> (u64, u64) {
    let scale = 10u64.pow(u32::try_from(decimals).unwrap_or(0));
    let units = (days * 86_400.0 * scale as f64).round() as u64;
    (units / scale, units % scale)
}

/// Writes the fraction of a second `digits` long, shown `n` places long: `.85`.
fn push_decimals(out: &mut String, fraction: u64, digits: usize, n: usize) {
    let text = format!("{fraction:0digits$}");
    out.push('.');
    out.push_str(text.get(..n).unwrap_or(""));
}

/// An elapsed time as the code shows it: `[h]:mm:ss` on 1.5 (days) is `36:00:00`,
/// `[s].000` counts seconds with milliseconds. The largest unit in brackets is not
/// wrapped; the smaller ones are. `None` for what is not rendered here (AM/PM, dates,
/// a value past Excel's dates), which then shows as General.
pub(super) fn elapsed(value: f64, section: &str) -> Option<String> {
    let parts = clock(section)?;
    if parts.iter().any(|p| matches!(p, Clock::AmPm(_))) {
        return None;
    }
    // A negative duration shows its sign before the whole text.
    if value < 0.0 {
        return elapsed_parts(-value, &parts).map(|text| format!("-{text}"));
    }
    elapsed_parts(value, &parts)
}

/// The parts of an elapsed-time code filled in for `value` days, at least 0.
fn elapsed_parts(value: f64, parts: &[Clock]) -> Option<String> {
    if !DATE_SERIALS.contains(&value) {
        return None;
    }
    let decimals = decimals(parts);
    let (seconds, fraction) = seconds_of(value, decimals);
    let total = |of: Unit| {
        parts
            .iter()
            .any(|p| matches!(p, Clock::Unit { unit, total: true, .. } if *unit == of))
    };
    let (total_hours, total_minutes, total_seconds) = (
        total(Unit::Hours),
        total(Unit::Minutes),
        total(Unit::Seconds),
    );
    let mut out = String::new();
    for part in parts {
        let (unit, total, width) = match part {
            Clock::Unit { unit, total, width } => (*unit, *total, *width),
            Clock::Text(text) => {
                out.push_str(text);
                continue;
            }
            Clock::Decimals(n) => {
                push_decimals(&mut out, fraction, decimals, *n);
                continue;
            }
            Clock::AmPm(_) => continue,
        };
        // A unit once in brackets counts on wherever it stands.
        let number = match unit {
            Unit::Hours if total_hours => seconds / 3600,
            Unit::Hours => seconds / 3600 % 24,
            Unit::Minutes if total => seconds / 60,
            Unit::Minutes if total_hours || !total_minutes => seconds / 60 % 60,
            Unit::Minutes => seconds / 60,
            Unit::Seconds if total_seconds => seconds,
            Unit::Seconds => seconds % 60,
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
    let parts = clock(section)?;
    let units: Vec<Unit> = parts
        .iter()
        .filter_map(|p| match p {
            Clock::Unit {
                unit,
                total: false,
                width: 1..=2,
            } => Some(Ok(*unit)),
            Clock::Unit { .. } => Some(Err(())),
            _ => None,
        })
        .collect::<Result<_, ()>>()
        .ok()?;
    // An `m` is minutes after hours or before seconds; anywhere else it is a month.
    let is_minutes = |i: usize| {
        let before = i.checked_sub(1).and_then(|b| units.get(b));
        before == Some(&Unit::Hours) || units.get(i.saturating_add(1)) == Some(&Unit::Seconds)
    };
    let mut minutes = (0..units.len()).filter(|&i| units.get(i) == Some(&Unit::Minutes));
    if minutes.any(|i| !is_minutes(i)) {
        return None;
    }
    let decimals = decimals(&parts);
    // A time rounded up to midnight is 0:00.
    let (seconds, fraction) = seconds_of(value - value.floor(), decimals);
    let seconds = seconds % 86_400;
    let hour = seconds / 3600;
    let twelve = parts.iter().any(|p| matches!(p, Clock::AmPm(_)));
    let mut out = String::new();
    for part in &parts {
        let (unit, width) = match part {
            Clock::Unit { unit, width, .. } => (*unit, *width),
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
                push_decimals(&mut out, fraction, decimals, *n);
                continue;
            }
        };
        let number = match unit {
            Unit::Hours if twelve => match hour % 12 {
                0 => 12,
                h => h,
            },
            Unit::Hours => hour,
            Unit::Minutes => seconds / 60 % 60,
            Unit::Seconds => seconds % 60,
        };
        out.push_str(&format!("{number:0width$}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::tests::shows;
    use super::*;

    /// SSF's `is_date.json`: 445 codes and whether each shows a date or a time (an
    /// elapsed time is one). All agree with the crate.
    #[test]
    fn dates_and_times_are_told_as_the_ssf_table_tells_them() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/conformance/ssf/is_date.json"))
                .unwrap();
        let mut cases = 0;
        for entry in table.as_array().unwrap() {
            let (code, is_date) = (entry[0].as_str().unwrap(), entry[1].as_bool().unwrap());
            let ours = shape(code) != Shape::Number || is_elapsed(code);
            assert_eq!(ours, is_date, "{code:?}: {:?}", shape(code));
            cases += 1;
        }
        assert!(cases > 400, "{cases}");
    }

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
