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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(column_letters(u32::MAX), "MWLQKWV");
    }
}
