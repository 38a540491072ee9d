//! A number through digit placeholders (`0`, `#`, `?`): its integer and fraction
//! digits, thousands separators and scaling commas, percent, scientific notation and
//! the literals between them.

use super::{Separators, Token, MAX_PLACES};
use crate::read::shown::{digit_at, number_text, round_to, significant_digits};

/// `value` through a section's `tokens` (no fraction, time or date among them); `signed`:
/// the section shows the minus sign itself.
pub(super) fn render(
    tokens: &[Token],
    value: f64,
    signed: bool,
    separators: Separators,
) -> Option<String> {
    let negative = signed && value < 0.0;
    let mut value = value.abs();
    let places = tokens
        .iter()
        .filter(|t| matches!(t, Token::Digit(_)))
        .count();
    if places > MAX_PLACES {
        return None;
    }
    if places == 0 {
        // Text only, or General with text around it.
        let mut out = String::new();
        if negative && tokens.contains(&Token::General) {
            out.push('-');
        }
        for token in tokens {
            match token {
                Token::Literal(text) => out.push_str(text),
                Token::General => {
                    let text = number_text(value);
                    out.extend(
                        text.chars()
                            .map(|c| if c == '.' { separators.decimal } else { c }),
                    );
                }
                Token::Percent => out.push('%'),
                _ => {}
            }
        }
        return Some(out);
    }
    if tokens.contains(&Token::General) {
        return None;
    }
    for _ in tokens.iter().filter(|t| **t == Token::Percent) {
        value *= 100.0;
    }
    // Where the integer part ends: the point, the exponent, or the last placeholder.
    let point = tokens.iter().position(|t| *t == Token::Point);
    let exponent_at = tokens
        .iter()
        .position(|t| matches!(t, Token::Exponent { .. }));
    let int_end = point.or(exponent_at).unwrap_or(tokens.len());
    // A comma with a digit placeholder after it in the integer part groups thousands; a
    // comma with none after it in the number (`0.0,,"M"`, `#,##0.00,,`) divides by
    // 1000, once per comma.
    let number_end = exponent_at.unwrap_or(tokens.len());
    let mut grouping = false;
    let mut scale = 0i32;
    for (i, token) in tokens.iter().enumerate().take(number_end) {
        if *token != Token::Group {
            continue;
        }
        let is_placeholder = |t: &Token| matches!(t, Token::Digit(_));
        let digit_after = tokens
            .get(i.saturating_add(1)..number_end)
            .is_some_and(|after| after.iter().any(is_placeholder));
        let number_before = tokens.get(..i).is_some_and(|before| {
            before
                .iter()
                .any(|t| is_placeholder(t) || *t == Token::Point)
        });
        if digit_after && i < int_end {
            grouping = true;
        } else if !digit_after && number_before {
            scale = scale.saturating_add(1);
        }
    }
    for _ in 0..scale {
        value /= 1000.0;
    }
    let int_places: Vec<char> = tokens
        .iter()
        .take(int_end)
        .filter_map(|t| match t {
            Token::Digit(d) => Some(*d),
            _ => None,
        })
        .collect();
    let frac_places: Vec<char> = match point {
        Some(p) => tokens
            .iter()
            .skip(p.saturating_add(1))
            .take(
                exponent_at
                    .unwrap_or(tokens.len())
                    .saturating_sub(p.saturating_add(1)),
            )
            .filter_map(|t| match t {
                Token::Digit(d) => Some(*d),
                _ => None,
            })
            .collect(),
        None => Vec::new(),
    };

    let mut exponent_text = String::new();
    if let Some(Token::Exponent { plus, digits }) = exponent_at.and_then(|i| tokens.get(i)) {
        // Engineering notation (`##0.0E+0`) keeps the exponent a multiple of the
        // integer placeholders; otherwise one integer digit.
        let step = if int_places.len() > 1 && int_places.contains(&'#') {
            i32::try_from(int_places.len()).unwrap_or(1)
        } else {
            1
        };
        let mut exponent = if value == 0.0 {
            0
        } else {
            value.log10().floor() as i32
        };
        exponent = exponent.div_euclid(step) * step;
        let mut mantissa = value / 10f64.powi(exponent);
        // Rounding can carry the mantissa to the next power of ten.
        let (int_digits, _) = decimal_digits(mantissa, frac_places.len());
        if int_digits.len() > usize::try_from(step).unwrap_or(1) && value != 0.0 {
            exponent = exponent.saturating_add(step);
            mantissa = value / 10f64.powi(exponent);
        }
        value = mantissa;
        let sign = if exponent < 0 {
            "-"
        } else if *plus {
            "+"
        } else {
            ""
        };
        exponent_text = format!(
            "E{sign}{:0width$}",
            exponent.unsigned_abs(),
            width = *digits
        );
    }

    let (int_digits, frac_digits) = decimal_digits(value, frac_places.len());
    let int_text = fill_integer(
        &int_digits,
        &int_places,
        grouping.then_some(separators.group),
    );
    let frac_text = fill_fraction(&frac_digits, &frac_places);
    let fraction = point.map_or(0..0, |p| p.saturating_add(1)..number_end);

    let mut out = String::new();
    if negative && (int_digits.bytes().any(|b| b != b'0') || frac_digits.bytes().any(|b| b != b'0'))
    {
        out.push('-');
    }
    let mut int_slots = int_text.iter();
    let mut frac_slots = frac_text.iter();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Literal(text) => out.push_str(text),
            Token::Percent => out.push('%'),
            Token::Digit(_) if i < int_end => {
                if let Some(slot) = int_slots.next() {
                    out.push_str(slot);
                }
            }
            // Each fraction digit in its own place, literals between them kept there.
            Token::Digit(_) if fraction.contains(&i) => {
                if let Some(&slot) = frac_slots.next().filter(|&&c| c != '\u{0}') {
                    out.push(slot);
                }
            }
            Token::Point => {
                if int_places.is_empty() {
                    // No integer placeholder: the integer digits still show.
                    out.push_str(&int_digits);
                }
                out.push(separators.decimal);
            }
            Token::Exponent { .. } => out.push_str(&exponent_text),
            _ => {}
        }
    }
    Some(out)
}

/// The integer and fraction digits of `value` rounded half away from zero to `decimals`
/// places, at the 15 significant digits Excel keeps: `1.005` to 2 places is `1`, `01`.
fn decimal_digits(value: f64, decimals: usize) -> (String, String) {
    let places = i32::try_from(decimals).unwrap_or(i32::MAX);
    let (digits, exponent) = match significant_digits(value) {
        // Kept down to 10^-decimals; below that the value rounds to zero or one unit.
        Some((digits, exponent)) => {
            match usize::try_from(exponent.saturating_add(places).saturating_add(1)) {
                Ok(keep) => round_to(&digits, exponent, keep),
                Err(_) => (Vec::new(), 0),
            }
        }
        None => (Vec::new(), 0),
    };
    let int_text: String = (0..=exponent)
        .rev()
        .map(|place| digit_at(&digits, exponent, place))
        .collect();
    let frac_text = (1..=places)
        .map(|place| digit_at(&digits, exponent, -place))
        .collect();
    (int_text.trim_start_matches('0').to_owned(), frac_text)
}

/// The integer digits placed in their placeholders, one text per placeholder: `0` pads
/// with zeros, `?` with spaces, `#` with nothing; digits beyond the placeholders go with
/// the first. With a `group` separator, it follows every digit that has a multiple of
/// three digits after it.
fn fill_integer(digits: &str, places: &[char], group: Option<char>) -> Vec<String> {
    let mut filled: Vec<String> = vec![String::new(); places.len()];
    let mut digits_rev = digits.chars().rev();
    for (slot, &place) in filled.iter_mut().zip(places).rev() {
        match (digits_rev.next(), place) {
            (Some(d), _) => slot.push(d),
            (None, '0') => slot.push('0'),
            (None, '?') => slot.push(' '),
            (None, _) => {}
        }
    }
    let rest: String = digits_rev
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    if let Some(first) = filled.first_mut() {
        first.insert_str(0, &rest);
    }
    let Some(group) = group else {
        return filled;
    };
    // Every digit and every space a `?` keeps counts as a place of the grouping; a
    // separator among the spaces is a space too.
    let mut remaining = filled.iter().flat_map(|slot| slot.chars()).count();
    for slot in &mut filled {
        let mut grouped = String::with_capacity(slot.len().saturating_mul(2));
        for c in slot.chars() {
            grouped.push(c);
            remaining = remaining.saturating_sub(1);
            if remaining > 0 && remaining % 3 == 0 {
                grouped.push(if c == ' ' { ' ' } else { group });
            }
        }
        *slot = grouped;
    }
    filled
}

/// The fraction digits placed in their placeholders, one a placeholder: trailing zeros
/// under `#` are left out (`\u{0}`, written as nothing), under `?` become spaces.
fn fill_fraction(digits: &str, places: &[char]) -> Vec<char> {
    let mut chars: Vec<char> = digits.chars().collect();
    for (i, place) in places.iter().enumerate().rev() {
        let is_trailing_zero = chars.get(i) == Some(&'0')
            && chars
                .iter()
                .skip(i.saturating_add(1))
                .all(|c| *c == ' ' || *c == '\u{0}');
        if !is_trailing_zero {
            break;
        }
        match place {
            '#' => {
                if let Some(c) = chars.get_mut(i) {
                    *c = '\u{0}';
                }
            }
            '?' => {
                if let Some(c) = chars.get_mut(i) {
                    *c = ' ';
                }
            }
            _ => break,
        }
    }
    chars.resize(places.len(), '\u{0}');
    chars
}
