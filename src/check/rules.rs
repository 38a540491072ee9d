//! One pure function per field: the trimmed text of a cell → its value, or the problem.

use crate::model::problem::Problem;
use crate::model::text::is_folded;
use crate::model::user::UserType;

/// What every value of every column must be, whatever the column's rule: free of
/// U+FFFD (bytes that could not be decoded: a value never silently holds it) and of C1
/// control characters (U+0080 to U+009F, which a byte undefined in a legacy code page
/// becomes). ASCII text is both.
pub(crate) fn readable(text: &str) -> Result<(), Problem> {
    // C1 controls are `C2 80`..`C2 9F` in UTF-8 and U+FFFD is `EF BF BD`: text with
    // neither lead byte holds neither.
    // Values are short: a fold the compiler vectorises beats a search's setup.
    let suspect = text
        .bytes()
        .fold(false, |suspect, b| suspect | (b == 0xC2) | (b == 0xEF));
    if !suspect {
        return Ok(());
    }
    for c in text.chars() {
        match c {
            '\u{FFFD}' => return Err(Problem::Unreadable),
            '\u{80}'..='\u{9F}' => return Err(Problem::Control),
            _ => {}
        }
    }
    Ok(())
}

/// Checks shared by every text value: control characters and length.
fn plain_text(text: &str, max: usize) -> Result<(), Problem> {
    // No early exit: the compiler then checks many bytes at once. Line and paragraph
    // separators (U+2028, U+2029: `E2 80 A8`, `E2 80 A9`) are line breaks a web page's
    // text can carry; only text with their lead byte is searched for them.
    let (control, lead) = text.bytes().fold((false, false), |(control, lead), b| {
        (control | (b < 0x20) | (b == 0x7F), lead | (b == 0xE2))
    });
    if control || (lead && text.contains(['\u{2028}', '\u{2029}'])) {
        return Err(Problem::Control);
    }
    // Every character is at least one byte: a short text needs no counting.
    if text.len() > max {
        let chars = text.chars().count();
        if chars > max {
            return Err(Problem::TooLong { chars, max });
        }
    }
    Ok(())
}

/// Spreadsheet formula injection: a value that starts with one of these is run as a
/// formula when the data is exported and opened again.
fn formula_safe(text: &str) -> Result<(), Problem> {
    match text.chars().next() {
        Some(first @ ('=' | '+' | '-' | '@')) => Err(Problem::Unsafe { first }),
        _ => Ok(()),
    }
}

/// A User name: required, plain text, formula-safe.
pub(crate) fn user_name(text: &str) -> Result<&str, Problem> {
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    plain_text(text, crate::model::column::MAX_NAME_CHARS)?;
    formula_safe(text)?;
    Ok(text)
}

/// A Site: plain text, formula-safe; one of `allowed` (case-insensitively, returned in
/// its spelling there) when that list is not empty.
pub(crate) fn site<'a>(text: &'a str, allowed: &'a [String]) -> Result<&'a str, Problem> {
    plain_text(text, crate::model::column::MAX_SITE_CHARS)?;
    formula_safe(text)?;
    if allowed.is_empty() {
        return Ok(text);
    }
    let folded = text.to_lowercase();
    allowed
        .iter()
        .find(|site| is_folded(site, &folded))
        .map(String::as_str)
        .ok_or_else(|| Problem::UnknownSite {
            allowed: allowed.to_vec(),
        })
}

/// A User type: Standard or Privileged, any case.
pub(crate) fn user_type(text: &str) -> Result<UserType, Problem> {
    plain_text(text, 64).map_err(|_| Problem::UserType)?;
    UserType::from_name(text).ok_or(Problem::UserType)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert_eq!(user_name("=1+1"), Err(Problem::Unsafe { first: '=' }));
        assert_eq!(user_name(&"é".repeat(256)), Ok("é".repeat(256).as_str()));
        assert_eq!(
            user_name(&"é".repeat(257)),
            Err(Problem::TooLong {
                chars: 257,
                max: 256
            })
        );
        assert_eq!(site("line\nbreak", &[]), Err(Problem::Control));
        assert_eq!(site("", &[]), Ok(""));
        let allowed = vec!["Oslo".to_owned(), "HQ".to_owned()];
        assert_eq!(site("oslo", &allowed), Ok("Oslo"));
        assert!(matches!(
            site("Paris", &allowed),
            Err(Problem::UnknownSite { .. })
        ));
        assert_eq!(user_type("PRIVILEGED"), Ok(UserType::Privileged));
        assert_eq!(user_type("Admin"), Err(Problem::UserType));
    }
}
