//! Text facts every layer shares: what counts as invisible at the ends of a value, and
//! a column's letters.

/// Characters a person cannot see that spreadsheet programs and copy-paste leave at the
/// ends of values: every Unicode white space (NBSP included) plus the zero-width ones and
/// the byte order mark, which `char::is_whitespace` does not cover.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Whether `text` is, whole, one of the error values a spreadsheet shows in a cell whose
/// formula failed: `#N/A`, `#DIV/0!`, `#VALUE!`, `#REF!`, `#NAME?`, `#NUM!`, `#NULL!`,
/// `#SPILL!`, `#CALC!`, `#GETTING_DATA`.
pub(crate) fn is_error_value(text: &str) -> bool {
    const ERRORS: [&str; 10] = [
        "#N/A",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
    ];
    text.starts_with('#') && ERRORS.iter().any(|e| e.eq_ignore_ascii_case(text))
}

/// Whether `name`, in lower case, is `folded` (text already in lower case): compared
/// character by character, so no lower-case copy of `name` is made.
pub(crate) fn is_folded(name: &str, folded: &str) -> bool {
    name.chars().flat_map(char::to_lowercase).eq(folded.chars())
}

/// Trims invisible characters at both ends.
pub(crate) fn trim(raw: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    // Most values start and end with a plain visible character: nothing to trim.
    if visible(raw.as_bytes().first()) && visible(raw.as_bytes().last()) {
        return raw;
    }
    raw.trim_matches(is_invisible)
}

/// Spreadsheet column letters for a 0-based index: 0 → `A`, 26 → `AA`.
pub(crate) fn column_letters(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The 0-based index and the row of a cell reference such as `B3`: `(1, 3)`. `None`
/// for anything else (lower-case letters included, as references are written).
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) fn cell_place(reference: &str) -> Option<(u32, u32)> {
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = reference.split_at(digits);
    let letters_ok =
        (1..=3).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase());
    if !letters_ok || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let column = letters.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)
    })?;
    let row: u32 = number.parse().ok().filter(|&row| row > 0)?;
    Some((column.checked_sub(1)?, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_places() {
        assert_eq!(cell_place("B3"), Some((1, 3)));
        assert_eq!(cell_place("XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(
            cell_place(&format!("{}7", column_letters(702))),
            Some((702, 7))
        );
        for wrong in ["", "3", "B", "b3", "B0", "ABCD1", "B3x", "B-3", "B+3"] {
            assert_eq!(cell_place(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(column_letters(u32::MAX), "MWLQKWV");
    }
}
