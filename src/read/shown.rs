//! How a spreadsheet shows a number or a date in a cell without a number format of its
//! own: General, and ISO 8601 for dates.

/// A number as a spreadsheet shows it in a General cell: `101`, `2.5`, `1000`, never
/// `101.0` or `1e3`, rounded to Excel's 15 significant digits (`0.1 + 0.2` shows `0.3`).
pub(crate) fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Exact: a whole number below 10^15 fits an i64 without loss.
        return format!("{}", value as i64);
    }
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    let text = format!("{rounded}");
    if text == "-0" {
        "0".to_owned()
    } else {
        text
    }
}

/// A date serial as ISO 8601 text: `2024-03-01`, `2024-03-01 09:30:00`, or `09:30:00`
/// for a time alone. A serial outside Excel's dates keeps its number.
pub(crate) fn datetime_text(serial: f64, is_1904: bool) -> String {
    if !(0.0..2_958_466.0).contains(&serial) {
        return number_text(serial);
    }
    // Whole seconds, rounded as Excel shows them; the range check keeps this in i64.
    let seconds = (serial * 86_400.0).round() as i64;
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Excel counts 1900-02-29, a day that never was, as serial 60: serials before it
    // count from 1899-12-31, the rest from 1899-12-30. The 1904 system counts from
    // 1904-01-01.
    let days_since_1970 = if is_1904 {
        days - 24_107
    } else if days < 61 {
        days - 25_568
    } else {
        days - 25_569
    };
    let (year, month, day) = civil_from_days(days_since_1970);
    let (hour, minute, second) = (
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
    );
    if serial < 1.0 {
        format!("{hour:02}:{minute:02}:{second:02}")
    } else if second_of_day != 0 {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
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
    fn numbers_read_as_shown() {
        assert_eq!(number_text(101.0), "101");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1000.0), "1000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(123_456_789_012.0), "123456789012");
    }

    #[test]
    fn dates_read_as_iso() {
        assert_eq!(datetime_text(45352.0, false), "2024-03-01");
        assert_eq!(datetime_text(45352.5, false), "2024-03-01 12:00:00");
        assert_eq!(datetime_text(0.25, false), "06:00:00");
        assert_eq!(datetime_text(43890.0, true), "2024-03-01");
        assert_eq!(datetime_text(-1.0, false), "-1");
        // Around Excel's phantom 1900-02-29 and at the ends of its range.
        assert_eq!(datetime_text(1.0, false), "1900-01-01");
        assert_eq!(datetime_text(59.0, false), "1900-02-28");
        assert_eq!(datetime_text(61.0, false), "1900-03-01");
        assert_eq!(datetime_text(2_958_465.0, false), "9999-12-31");
        assert_eq!(datetime_text(36_526.999_999_9, false), "2000-01-02");
        assert_eq!(datetime_text(0.0, true), "00:00:00");
        assert_eq!(datetime_text(1.0, true), "1904-01-02");
    }
}
