//! Fractions: `# ?/?`, `??/??`, `?/4`, `# ??/100`, and the literals Excel lets stand
//! between their parts. A section with a `/` is an integer part (the digit placeholders
//! before the numerator's, if any), the numerator (the last run of placeholders before
//! the `/`) and the denominator (placeholders, or fixed digits). The section comes as
//! the tokens [`tokenize`](super::tokenize) makes of every section.

use super::Token;

/// One piece of a fraction section.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    /// `0`, `#` or `?`.
    Place(char),
    Literal(String),
    Slash,
    /// A digit of a fixed denominator (`/4`, `/100`).
    Digit(char),
}

/// The items of a section's tokens, or `None` for what is not a fraction rendered here
/// (a point, a percent, an exponent, General): after the first `/`, a lone digit is one
/// of a fixed denominator, and so is each `0` that follows it (`/10`, `/100`); another
/// `/` is text.
fn items(tokens: &[Token]) -> Option<Vec<Item>> {
    let mut after_slash = false;
    let mut fixed = false;
    tokens
        .iter()
        .map(|token| {
            let fixed_before = std::mem::replace(&mut fixed, false);
            Some(match token {
                Token::Digit('0') if fixed_before => {
                    fixed = true;
                    Item::Digit('0')
                }
                Token::Digit(c) => Item::Place(*c),
                Token::Slash if !after_slash => {
                    after_slash = true;
                    Item::Slash
                }
                Token::Slash => Item::Literal("/".to_owned()),
                Token::Literal(text) => match text.as_bytes() {
                    [digit @ b'1'..=b'9'] if after_slash => {
                        fixed = true;
                        Item::Digit(char::from(*digit))
                    }
                    _ => Item::Literal(text.clone()),
                },
                _ => return None,
            })
        })
        .collect()
}

/// The fraction nearest `value` (at least 0) whose denominator is at most `most`, the
/// smaller denominator on a tie: the continued fraction's convergents, and at the end
/// the best semiconvergent, in at most 64 steps whatever the value.
fn nearest(value: f64, most: u64) -> (u64, u64) {
    let (mut p0, mut q0, mut p1, mut q1) = (0u64, 1u64, 1u64, 0u64);
    let mut rest = value;
    for _ in 0..64 {
        let whole = rest.floor();
        if !(0.0..1e15).contains(&whole) {
            break;
        }
        let a = whole as u64;
        let q2 = a.saturating_mul(q1).saturating_add(q0);
        if q2 > most {
            // The largest step toward the next convergent that the limit allows.
            let k = most.saturating_sub(q0) / q1.max(1);
            let (ps, qs) = (
                k.saturating_mul(p1).saturating_add(p0),
                k.saturating_mul(q1).saturating_add(q0),
            );
            let off = |p: u64, q: u64| (value - p as f64 / q.max(1) as f64).abs();
            if qs > 0 && k > 0 && off(ps, qs) < off(p1, q1) - 1e-12 {
                return (ps, qs);
            }
            break;
        }
        let p2 = a.saturating_mul(p1).saturating_add(p0);
        (p0, q0, p1, q1) = (p1, q1, p2, q2);
        let fraction = rest - whole;
        if fraction < 1e-9 {
            break;
        }
        rest = 1.0 / fraction;
    }
    (p1, q1.max(1))
}

/// `digits` right-aligned in `places` (`0`: a zero where no digit falls, `?`: a space,
/// `#`: nothing), the literals among them kept; digits beyond the places go first.
fn fill_right(digits: &str, places: &[Item]) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let count = places
        .iter()
        .filter(|i| matches!(i, Item::Place(_)))
        .count();
    // How many places, from the left, get no digit (less than 0: digits to spare).
    let empty = count as isize - digits.len() as isize;
    let mut out = String::new();
    let mut k = 0isize;
    for item in places {
        match item {
            Item::Place(p) => {
                if k == 0 && empty < 0 {
                    out.extend(digits.iter().take(empty.unsigned_abs()));
                }
                match usize::try_from(k - empty).ok().and_then(|i| digits.get(i)) {
                    Some(d) => out.push(*d),
                    None if *p == '0' => out.push('0'),
                    None if *p == '?' => out.push(' '),
                    None => {}
                }
                k += 1;
            }
            Item::Literal(text) => out.push_str(text),
            _ => {}
        }
    }
    out
}

/// The denominator's `digits` in its `places`: `0` pads with zeros before them, `?`
/// with spaces after them, `#` not at all.
fn fill_denominator(digits: &str, places: &[Item]) -> String {
    let missing = places.len().saturating_sub(digits.chars().count());
    let unfilled = places.get(..missing).unwrap_or_default();
    let zeros = unfilled.iter().filter(|i| **i == Item::Place('0')).count();
    let spaces = unfilled.iter().filter(|i| **i == Item::Place('?')).count();
    let mut out = "0".repeat(zeros);
    out.push_str(digits);
    out.push_str(&" ".repeat(spaces));
    out
}

/// `value` through the fraction section of `tokens`; the sign goes first when `signed`.
pub(super) fn render(tokens: &[Token], value: f64, signed: bool) -> Option<String> {
    let items = items(tokens)?;
    let slash = items.iter().position(|i| *i == Item::Slash)?;
    let (left, right) = items.split_at(slash);
    let right = right.get(1..).unwrap_or_default();
    // The numerator: the last run of placeholders before the slash.
    let last = left.iter().rposition(|i| matches!(i, Item::Place(_)))?;
    let first = left
        .get(..=last)
        .unwrap_or_default()
        .iter()
        .rposition(|i| !matches!(i, Item::Place(_)))
        .map_or(0, |i| i + 1);
    let numerator_places = left.get(first..=last).unwrap_or_default();
    let before_slash = left.get(last + 1..).unwrap_or_default();
    let integer_end = left
        .get(..first)
        .unwrap_or_default()
        .iter()
        .rposition(|i| matches!(i, Item::Place(_)));
    let prefix_end = left
        .iter()
        .position(|i| matches!(i, Item::Place(_)))
        .unwrap_or(0);
    let prefix = left.get(..prefix_end).unwrap_or_default();
    // The denominator: placeholders, or fixed digits.
    let denominator_start = right
        .iter()
        .position(|i| matches!(i, Item::Place(_) | Item::Digit(_)))?;
    let denominator_end = right
        .iter()
        .skip(denominator_start)
        .position(|i| !matches!(i, Item::Place(_) | Item::Digit(_)))
        .map_or(right.len(), |n| denominator_start + n);
    let after_slash = right.get(..denominator_start).unwrap_or_default();
    let denominator_items = right
        .get(denominator_start..denominator_end)
        .unwrap_or_default();
    let suffix = right.get(denominator_end..).unwrap_or_default();
    let fixed: String = denominator_items
        .iter()
        .filter_map(|i| match i {
            Item::Digit(d) => Some(*d),
            _ => None,
        })
        .collect();
    if !fixed.is_empty()
        && denominator_items
            .iter()
            .any(|i| matches!(i, Item::Place(_)))
    {
        return None;
    }
    let negative = signed && value < 0.0;
    let value = value.abs();
    if !value.is_finite() || value >= 1e15 {
        return None;
    }
    let (mut integer, fraction) = match integer_end {
        Some(_) => (value.trunc() as u64, value.fract()),
        None => (0, value),
    };
    let (mut numerator, denominator) = if fixed.is_empty() {
        let places = u32::try_from(denominator_items.len())
            .ok()
            .filter(|&n| n <= 9)?;
        nearest(fraction, 10u64.pow(places) - 1)
    } else {
        let denominator: u64 = fixed.parse().ok()?;
        (
            (fraction * denominator as f64).round() as u64,
            denominator.max(1),
        )
    };
    if integer_end.is_some() && numerator == denominator {
        integer += 1;
        numerator = 0;
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for item in prefix {
        if let Item::Literal(text) = item {
            out.push_str(text);
        }
    }
    let numerator_shown = numerator_places.contains(&Item::Place('0'));
    let fraction_text = || {
        let mut text = fill_right(&numerator.to_string(), numerator_places);
        for item in before_slash
            .iter()
            .chain(std::iter::once(&Item::Literal("/".to_owned())))
            .chain(after_slash)
        {
            if let Item::Literal(t) = item {
                text.push_str(t);
            }
        }
        if fixed.is_empty() {
            text.push_str(&fill_denominator(
                &denominator.to_string(),
                denominator_items,
            ));
        } else {
            text.push_str(&fixed);
        }
        text
    };
    match integer_end {
        None => out.push_str(&fraction_text()),
        Some(end) => {
            let integer_items = left.get(prefix_end..=end).unwrap_or_default();
            let mid = left.get(end + 1..first).unwrap_or_default();
            let last_place = match integer_items.get(end.saturating_sub(prefix_end)) {
                Some(Item::Place(p)) => *p,
                _ => '#',
            };
            // The integer shows when it is not 0, or when the fraction is 0 (shown beside
            // it only through a `0` numerator place, and then a `#` integer keeps quiet).
            let quiet = numerator_shown && last_place == '#';
            let digits = if integer > 0 || (numerator == 0 && !quiet) {
                integer.to_string()
            } else {
                String::new()
            };
            out.push_str(&fill_right(&digits, integer_items));
            let mid_text: String = mid
                .iter()
                .filter_map(|i| match i {
                    Item::Literal(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            if numerator == 0 && !numerator_shown {
                // No fraction to show: spaces where it would stand, if a `?` keeps its
                // width, else nothing.
                let keeps_width = last_place == '?'
                    || numerator_places.contains(&Item::Place('?'))
                    || denominator_items.contains(&Item::Place('?'));
                if keeps_width {
                    let width = mid_text.chars().count() + fraction_text().chars().count();
                    out.extend(std::iter::repeat_n(' ', width));
                }
            } else {
                let first_place = numerator_places.first();
                let mid_shown = if !digits.is_empty() || last_place == '0' {
                    mid_text
                } else if last_place == '?' || first_place == Some(&Item::Place('?')) {
                    " ".repeat(mid_text.chars().count())
                } else {
                    String::new()
                };
                out.push_str(&mid_shown);
                out.push_str(&fraction_text());
            }
        }
    }
    for item in suffix {
        if let Item::Literal(text) = item {
            out.push_str(text);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn nearest_fractions_in_few_steps() {
        assert_eq!(nearest(std::f64::consts::PI, 999), (355, 113));
        assert_eq!(nearest(std::f64::consts::PI, 9), (22, 7));
        assert_eq!(nearest(0.75, 9), (3, 4));
        assert_eq!(nearest(0.0, 9), (0, 1));
        assert_eq!(nearest(12.345_678_9, 99), (1000, 81));
        assert_eq!(nearest(0.999_99, 9), (1, 1));
        assert!(nearest(1e14 + 0.5, 999_999_999).1 <= 999_999_999);
    }
}
