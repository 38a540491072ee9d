//! How a spreadsheet shows a number or a date in a cell without a number format of its
//! own: General, and ISO 8601 for dates.

/// A number as Excel's General format shows it: at most 11 characters (a minus sign
/// aside), so `101`, `2.5`, `0.3` for `0.1 + 0.2`, `12345678901`, `0.000123457`; past
/// that in scientific notation with six significant digits: `1E+20`, `1.23457E-14`,
/// `1.23457E+11`. Never `101.0`.
pub(crate) fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let Some((digits, exponent)) = significant_digits(value.abs()) else {
        return "0".to_owned();
    };
    let sign = if value < 0.0 { "-" } else { "" };
    // Very small numbers show in fixed notation only when their digits fit: 0.000000001,
    // 0.000015; 1.234567E-9 does not.
    if (-9..=-5).contains(&exponent) {
        let kept = usize::try_from(exponent + 13).unwrap_or(0);
        let (rounded, exponent) = round_to(&digits, exponent, kept);
        let text = fixed(&rounded, exponent);
        if text.len() <= 11 {
            return format!("{sign}{text}");
        }
    }
    // Fixed notation fits 11 characters for exponents -4 to 10: `0.` and nine decimals
    // below 1, the integer digits and what decimals still fit above.
    if (-4..=10).contains(&exponent) {
        let decimals = if exponent < 0 {
            9
        } else {
            (9 - exponent).max(0)
        };
        let kept = usize::try_from(exponent + 1 + decimals).unwrap_or(0);
        let (rounded, exponent) = round_to(&digits, exponent, kept);
        // Rounding can carry past 11 digits (99999999999.9): then scientific.
        if exponent <= 10 {
            return format!("{sign}{}", fixed(&rounded, exponent));
        }
    }
    let (rounded, exponent) = round_to(&digits, exponent, 6);
    let mantissa = fixed(&rounded, 0);
    let exponent_sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{sign}{mantissa}E{exponent_sign}{:02}",
        exponent.unsigned_abs()
    )
}

/// A number as LibreOffice's Standard format shows it, what an OpenDocument cell without
/// a data style shows: up to 15 significant digits (`0.333333333333333`,
/// `123456789012346`) in fixed notation, except
///
/// - below 10^-4, where fixed notation is kept only down to 10^-9 and for at most 16
///   decimals (`0.0000001`, `0.0000000012345678`; `1.23456789E-09`, `1E-10`);
/// - from 10^15, where a whole number below 2^53 shows every digit
///   (`1234567890123457`) and anything else is scientific (`9.1E+015`, `1E+015` for
///   10^15 + 0.2).
///
/// Scientific notation as LibreOffice writes it: `1E+020`, `1.23456789012346E+019`,
/// `1.234567890123E-05` (LibreOffice 7.4's display of each boundary is in the
/// conformance tests).
///
/// A document may limit the Standard format's decimals (its default cell style's
/// `style:decimal-places`: Gnumeric writes 13, LibreOffice's "Limit decimals for general
/// number format" sets it): then [`limited_standard_text`].
pub(crate) fn standard_text(value: f64, decimals: Option<u16>) -> String {
    if let Some(decimals) = decimals {
        return limited_standard_text(value, decimals);
    }
    if !value.is_finite() {
        return value.to_string();
    }
    let Some((digits, exponent)) = significant_digits(value.abs()) else {
        return "0".to_owned();
    };
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    // Every whole number up to 2^53 is a double of its own, and shows as itself.
    const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;
    if (1e15..EXACT_WHOLE).contains(&magnitude) && magnitude.fract() == 0.0 {
        // Exact: a whole number below 2^53.
        return format!("{sign}{}", magnitude as u64);
    }
    // At most 15 significant digits; the decimals fixed notation needs for them.
    let last = digits.iter().rposition(|&d| d != 0).unwrap_or(0);
    let decimals = i32::try_from(last).unwrap_or(15).saturating_sub(exponent);
    let is_fixed = match exponent {
        -4..=14 => true,
        -9..=-5 => decimals <= 16,
        // 15: only a number below 10^15 whose digits rounded up to it.
        15 => magnitude < 1e15,
        _ => false,
    };
    if is_fixed {
        return format!("{sign}{}", fixed(&digits, exponent));
    }
    let mantissa = fixed(&digits, 0);
    if exponent < 0 {
        format!("{sign}{mantissa}E-{:02}", exponent.unsigned_abs())
    } else {
        format!("{sign}{mantissa}E+{exponent:03}")
    }
}

/// A number as LibreOffice's Standard format shows it with at most `decimals` decimals:
/// in fixed notation, rounded half away from zero and without trailing zeros
/// (`0.6666666666667` at 13, `0.67` at 2, `0` for 10^-7 at 2), except above 10^15, in
/// scientific notation with exactly that many decimals (at most 14) and a two-digit
/// exponent: `1.2345678901235E+15`, `1.00E+16`.
fn limited_standard_text(value: f64, decimals: u16) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let Some((digits, exponent)) = significant_digits(value.abs()) else {
        return "0".to_owned();
    };
    let sign = if value < 0.0 { "-" } else { "" };
    if value.abs() > 1e15 {
        let decimals = decimals.min(14);
        let (rounded, exponent) = round_to(&digits, exponent, usize::from(decimals) + 1);
        let mut mantissa: String = (0..=decimals)
            .map(|i| digit_at(&rounded, 0, -i32::from(i)))
            .collect();
        if decimals > 0 {
            mantissa.insert(1, '.');
        }
        return format!("{sign}{mantissa}E+{exponent:02}");
    }
    // The digits down to the last decimal shown; none when the value is below half of it.
    let last_shown = exponent
        .saturating_add(1)
        .saturating_add(i32::from(decimals.min(300)));
    let Ok(keep) = usize::try_from(last_shown) else {
        return "0".to_owned();
    };
    let (rounded, exponent) = round_to(&digits, exponent, keep);
    let text = fixed(&rounded, exponent);
    if text.bytes().all(|b| b == b'0' || b == b'.') {
        return "0".to_owned();
    }
    format!("{sign}{text}")
}

/// The 15 significant decimal digits Excel keeps of a positive `value`, and the power
/// of ten of the first: `1234.5` is `123450000000000`, 3. `None` for zero.
pub(crate) fn significant_digits(value: f64) -> Option<(Vec<u8>, i32)> {
    if value == 0.0 {
        return None;
    }
    let scientific = format!("{value:.14e}");
    let (mantissa, exponent) = scientific.split_once('e')?;
    let digits = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    Some((digits, exponent.parse().ok()?))
}

/// `digits` (the first standing for 10^`exponent`) rounded half away from zero to their
/// first `keep` digits, and the exponent, one more when the rounding carried (9.99 → 10).
pub(crate) fn round_to(digits: &[u8], exponent: i32, keep: usize) -> (Vec<u8>, i32) {
    let mut kept: Vec<u8> = digits.iter().copied().take(keep).collect();
    if digits.get(keep).is_some_and(|&d| d >= 5) {
        let mut carry = true;
        for digit in kept.iter_mut().rev() {
            if *digit == 9 {
                *digit = 0;
            } else {
                *digit += 1;
                carry = false;
                break;
            }
        }
        if carry {
            kept.insert(0, 1);
            kept.truncate(keep.max(1));
            return (kept, exponent.saturating_add(1));
        }
    }
    (kept, exponent)
}

/// The digit of `digits` (the first standing for 10^`exponent`) that stands for
/// 10^`place`, `'0'` outside them.
pub(crate) fn digit_at(digits: &[u8], exponent: i32, place: i32) -> char {
    let index = usize::try_from(exponent.saturating_sub(place)).ok();
    let d = index.and_then(|i| digits.get(i)).copied().unwrap_or(0);
    char::from(b'0' + d)
}

/// `digits` (the first standing for 10^`exponent`) in fixed notation, without trailing
/// zeros after the point: `[1, 2, 5]`, 0 is `1.25`; `[1, 2]`, -3 is `0.0012`.
fn fixed(digits: &[u8], exponent: i32) -> String {
    let digit = |place: i32| digit_at(digits, exponent, place);
    let mut text: String = (0..=exponent.max(0)).rev().map(digit).collect();
    let last = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    let lowest = exponent.saturating_sub(last).saturating_add(1);
    if lowest < 0 {
        text.push('.');
        text.extend((lowest..0).rev().map(digit));
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    text
}

/// The serials Excel's dates span: from its epoch to 9999-12-31 (10000-01-01 is serial
/// 2,958,466). Excel shows a date or a time outside them as `#####`.
pub(crate) const DATE_SERIALS: std::ops::Range<f64> = 0.0..2_958_466.0;

/// A date serial as ISO 8601 text: `2024-03-01`, or `2024-03-01 09:30:00`. A serial
/// below 1 is day 0 of January 1900 in Excel's 1900 date system, which Excel shows as
/// `1900-01-00` (and 1904-01-01 in the 1904 system). A serial outside Excel's dates
/// keeps its number.
pub(crate) fn datetime_text(serial: f64, is_1904: bool) -> String {
    if !DATE_SERIALS.contains(&serial) {
        return number_text(serial);
    }
    // Whole seconds, rounded as Excel shows them; the range check keeps this in i64.
    let seconds = (serial * 86_400.0).round() as i64;
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Excel counts 1900-02-29, a day that never was, as serial 60: serials before it
    // count from 1899-12-31 (serial 0 is its "1900-01-00"), the rest from 1899-12-30.
    // The 1904 system counts from 1904-01-01.
    let (year, month, day) = if is_1904 {
        civil_from_days(days - 24_107)
    } else if days == 0 {
        (1900, 1, 0)
    } else if days < 61 {
        civil_from_days(days - 25_568)
    } else {
        civil_from_days(days - 25_569)
    };
    let (hour, minute, second) = (
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    );
    if second_of_day != 0 {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
}

/// An ISO 8601 date-time as a date number shows (`t="d"` in .xlsx, `office:date-value`
/// in .ods): `2021-01-01` at midnight, else `2021-01-01 10:10:10` (seconds, no fraction,
/// no zone; `10:10` is `10:10:00`). `None` for text that is no such date.
pub(crate) fn iso_date_text(value: &str) -> Option<String> {
    let value = value.trim();
    let (date, time) = match value.split_once('T') {
        Some((date, time)) => (date, Some(time.trim_end_matches('Z'))),
        None => (value, None),
    };
    let is_date = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit() || (i == 0 && b == b'-')
            }
        });
    if !is_date || !is_calendar_date(date) {
        return None;
    }
    let clock = time.map(|t| match t.get(..8) {
        Some(seconds) => seconds.to_owned(),
        None if t.len() == 5 => format!("{t}:00"),
        None => t.to_owned(),
    });
    match clock.as_deref() {
        None | Some("00:00:00") => Some(date.to_owned()),
        Some(clock) if is_clock(clock) => Some(format!("{date} {clock}")),
        Some(_) => None,
    }
}

/// The date serial of an ISO 8601 date-time (a `t="d"` cell), as the workbook's date
/// system counts it, for a cell whose number format shows a time of day or a number
/// rather than a date. `1899-12-30`, where a time alone is written (SheetJS), is day 0
/// of the 1900 system. `None` for text that is no such date, or a date no serial has.
pub(crate) fn iso_date_serial(value: &str, is_1904: bool) -> Option<f64> {
    // A day of the calendar and a time of a day, as `iso_date_text` checked them.
    let text = iso_date_text(value)?;
    let field = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (field(0..4)?, field(5..7)?, field(8..10)?);
    let (hour, minute, second) = match text.len() {
        10 => (0, 0, 0),
        19 => (field(11..13)?, field(14..16)?, field(17..19)?),
        _ => return None,
    };
    let second_of_day = hour * 3600 + minute * 60 + second;
    let days = days_from_civil(year, month, day);
    let serial_days = if is_1904 {
        days - days_from_civil(1904, 1, 1)
    } else if days >= days_from_civil(1900, 3, 1) || days == days_from_civil(1899, 12, 30) {
        days - days_from_civil(1899, 12, 30)
    } else if days >= days_from_civil(1900, 1, 1) {
        // Before Excel's phantom 1900-02-29, serials count from 1899-12-31.
        days - days_from_civil(1899, 12, 31)
    } else {
        return None;
    };
    let serial = serial_days as f64 + second_of_day as f64 / 86_400.0;
    DATE_SERIALS.contains(&serial).then_some(serial)
}

/// `hh:mm:ss`, digits and colons, a time of a day (`23:59:59` at most).
fn is_clock(time: &str) -> bool {
    let shape = time.len() == 8
        && time.bytes().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                b == b':'
            } else {
                b.is_ascii_digit()
            }
        });
    let part = |range: std::ops::Range<usize>| time.get(range)?.parse::<u8>().ok();
    let parts = (part(0..2), part(3..5), part(6..8));
    shape && matches!(parts, (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s < 60)
}

/// Whether `value` is an ISO 8601 time of day alone, which a `t="d"` cell may hold:
/// `08:30`, `10:10:10`, `23:44:51.894`.
pub(crate) fn is_iso_time(value: &str) -> bool {
    let value = value.trim();
    let (clock, fraction) = value.split_once('.').unwrap_or((value, "0"));
    let clock = match clock.len() {
        5 => format!("{clock}:00"),
        _ => clock.to_owned(),
    };
    is_clock(&clock) && !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `YYYY-MM-DD` names a day of the calendar (no month 13, no 30 February).
fn is_calendar_date(date: &str) -> bool {
    let field = |range: std::ops::Range<usize>| date.get(range)?.parse::<i64>().ok();
    match (field(0..4), field(5..7), field(8..10)) {
        (Some(year), Some(month @ 1..=12), Some(day @ 1..=31)) => {
            civil_from_days(days_from_civil(year, month, day)) == (year, month, day)
        }
        _ => false,
    }
}

/// The day counted from 1970-01-01 of a proleptic Gregorian date: the inverse of
/// [`civil_from_days`].
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_index = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (the well-known
/// era-based conversion: 400-year eras of 146,097 days).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libreoffice_standard() {
        for (value, text) in [
            (101.0, "101"),
            (123_456_789_012.0, "123456789012"),
            (1e15, "1000000000000000"),
            (0.000_012_345, "0.000012345"),
            (1.0 / 3.0, "0.333333333333333"),
            (1e-5, "0.00001"),
            (1e-10, "1E-10"),
            (1e-7, "0.0000001"),
            (1.234_567_89e-9, "1.23456789E-09"),
            (1_234_567_890_123_457.0, "1234567890123457"),
            (9.1e15, "9.1E+015"),
            (1e20, "1E+020"),
            (12_345_678_901_234_567_890.0, "1.23456789012346E+019"),
            (-2.5, "-2.5"),
            (0.0, "0"),
        ] {
            assert_eq!(standard_text(value, None), text, "{value}");
        }
    }

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(number_text(101.0), "101");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1000.0), "1000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1e20), "1E+20");
        assert_eq!(number_text(3e-104), "3E-104");
        assert_eq!(number_text(1e11), "1E+11");
        assert_eq!(number_text(123_456_789_012.0), "1.23457E+11");
        assert_eq!(number_text(12_345_678_901.0), "12345678901");
        assert_eq!(number_text(99_999_999_999.9), "1E+11");
        assert_eq!(number_text(-0.000_123_456_7), "-0.000123457");
    }

    /// SheetJS SSF's table of Excel's General format (tests/conformance/README.md).
    #[test]
    fn general_as_the_ssf_table_shows_it() {
        let table = include_str!("../../tests/conformance/ssf/general.tsv");
        let known = include_str!("../../tests/conformance/ssf/expected_failures.txt");
        let mut wrong = Vec::new();
        for line in table.lines().skip(1) {
            let (value, shown) = line.split_once('\t').unwrap();
            let got = number_text(value.parse().unwrap());
            if got != shown {
                wrong.push(format!("general.tsv: General: {value}"));
                assert!(
                    known.contains(&format!("general.tsv: General: {value}\n")),
                    "{value}: {got} where Excel shows {shown}"
                );
            }
        }
        let listed = known
            .lines()
            .filter(|l| l.starts_with("general.tsv"))
            .count();
        assert_eq!(
            wrong.len(),
            listed,
            "fixed cases are still listed as failures: {wrong:?}"
        );
        assert!(table.lines().count() > 490);
    }

    #[test]
    fn iso_date_text_as_a_date_number_shows() {
        let shown = |v| iso_date_text(v);
        assert_eq!(
            shown("2021-01-01T10:10:10").as_deref(),
            Some("2021-01-01 10:10:10")
        );
        assert_eq!(shown("2021-01-01T00:00:00Z").as_deref(), Some("2021-01-01"));
        assert_eq!(
            shown("2021-01-01T10:10:10.5").as_deref(),
            Some("2021-01-01 10:10:10")
        );
        assert_eq!(
            shown("2021-01-01T10:10").as_deref(),
            Some("2021-01-01 10:10:00")
        );
        assert_eq!(shown("2021-01-01").as_deref(), Some("2021-01-01"));
        assert_eq!(shown("2021-01-01Tnoon"), None);
        assert_eq!(shown("January"), None);
        // Only days of the calendar, and times of a day.
        assert_eq!(shown("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(shown("2023-02-29"), None);
        assert_eq!(shown("2024-13-01"), None);
        assert_eq!(shown("2024-04-31"), None);
        assert_eq!(shown("2024-03-011"), None);
        assert_eq!(shown("2024-03-01T24:00:00"), None);
        assert_eq!(shown("2024-03-01T10:60"), None);
    }

    #[test]
    fn iso_times_alone_are_told() {
        for time in ["08:30", "10:10:10", "23:44:51.894", " 00:00:00 "] {
            assert!(is_iso_time(time), "{time}");
        }
        for text in ["24:00", "8:30", "10:10:10.", "10:10:10.5x", "noon", ""] {
            assert!(!is_iso_time(text), "{text}");
        }
    }

    #[test]
    fn iso_dates_count_as_the_serials_they_are() {
        let serial = |v, is_1904| iso_date_serial(v, is_1904);
        assert_eq!(serial("2024-03-01T13:30:00.000Z", false), Some(45352.5625));
        assert_eq!(serial("2024-03-01", true), Some(43890.0));
        // A time alone, as SheetJS writes it, and Excel's first days.
        assert_eq!(serial("1899-12-30T13:30:00", false), Some(0.5625));
        assert_eq!(serial("1900-01-01", false), Some(1.0));
        assert_eq!(serial("1900-02-28", false), Some(59.0));
        assert_eq!(serial("1900-03-01", false), Some(61.0));
        assert_eq!(serial("9999-12-31", false), Some(2_958_465.0));
        assert_eq!(serial("1899-12-31", false), None);
        assert_eq!(serial("1903-12-31", true), None);
        assert_eq!(serial("noon", false), None);
        assert_eq!(serial("2024-02-30T13:30:00", false), None);
        assert_eq!(serial("2024-13-01", false), None);
        assert_eq!(serial("2024-03-01T24:00:00", false), None);
        // Each serial's date, read back.
        for day in [1.0, 59.0, 61.0, 45352.0, 2_958_465.0] {
            let text = datetime_text(day, false);
            assert_eq!(iso_date_serial(&text, false), Some(day), "{text}");
        }
    }

    #[test]
    fn dates_read_as_iso() {
        assert_eq!(datetime_text(45352.0, false), "2024-03-01");
        assert_eq!(datetime_text(45352.5, false), "2024-03-01 12:00:00");
        // Day 0 of the 1900 system, as Excel shows it (SheetJS SSF: `1900-01-00`).
        assert_eq!(datetime_text(0.25, false), "1900-01-00 06:00:00");
        assert_eq!(datetime_text(0.0, false), "1900-01-00");
        assert_eq!(datetime_text(43890.0, true), "2024-03-01");
        assert_eq!(datetime_text(-1.0, false), "-1");
        // Around Excel's phantom 1900-02-29 and at the ends of its range.
        assert_eq!(datetime_text(1.0, false), "1900-01-01");
        assert_eq!(datetime_text(59.0, false), "1900-02-28");
        assert_eq!(datetime_text(61.0, false), "1900-03-01");
        assert_eq!(datetime_text(2_958_465.0, false), "9999-12-31");
        assert_eq!(datetime_text(36_526.999_999_9, false), "2000-01-02");
        assert_eq!(datetime_text(0.0, true), "1904-01-01");
        assert_eq!(datetime_text(0.5, true), "1904-01-01 12:00:00");
        assert_eq!(datetime_text(1.0, true), "1904-01-02");
    }
}
