//! One pure function per field: the trimmed text of a cell → its value, or the problem.

use crate::cells::is_invisible;
use crate::{Column, ErrorCode, UserType};

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A required value is empty.
    Missing,
    /// The cell holds a spreadsheet error such as `#N/A`.
    ErrorCell,
    /// A control character: a tab or line break inside the value, for instance.
    Control,
    /// More characters than the column allows.
    TooLong { chars: usize, max: usize },
    /// Starts with a character spreadsheets run as a formula.
    Unsafe { first: char },
    /// Neither Standard nor Privileged.
    UserType,
    /// Not one plain email address.
    Email(EmailProblem),
    /// Not one of the customer's sites.
    UnknownSite { allowed: String },
}

/// Why an email address was refused, so the message can say how to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EmailProblem {
    /// An ordinary space inside the address.
    Space,
    /// A character a person cannot see (non-breaking or zero-width space).
    Hidden,
    /// A name with the address in angle brackets: `Ada <ada@example.com>`.
    DisplayName,
    /// More than one `@`.
    ManyAts,
    /// Anything else.
    Form,
}

impl Problem {
    pub(crate) fn code(&self) -> ErrorCode {
        match self {
            Problem::Missing => ErrorCode::MissingValue,
            Problem::ErrorCell | Problem::Control => ErrorCode::InvalidValue,
            Problem::TooLong { .. } => ErrorCode::ValueTooLong,
            Problem::Unsafe { .. } => ErrorCode::UnsafeValue,
            Problem::UserType => ErrorCode::InvalidUserType,
            Problem::Email(_) => ErrorCode::InvalidEmail,
            Problem::UnknownSite { .. } => ErrorCode::UnknownSite,
        }
    }

    /// The message for the person who filled in `value` under `column`.
    pub(crate) fn message(&self, column: Column, value: &str) -> String {
        let quoted = format!("\"{}\"", crate::error::shorten(value, 40));
        match self {
            Problem::Missing => match column {
                Column::Email => "Email is empty. Every user needs an email address.".to_owned(),
                _ => format!(
                    "{column} is empty. Every user needs a {}.",
                    column.name().to_lowercase()
                ),
            },
            Problem::ErrorCell => format!(
                "The cell shows the spreadsheet error {value}. Replace it with the \
                 {} itself.",
                column.name().to_lowercase(),
            ),
            Problem::Control => format!(
                "{column} contains a tab, a line break or another control character. Type \
                 the value on a single line."
            ),
            Problem::TooLong { chars, max } => format!(
                "{column} is {chars} characters long; at most {max} are allowed. Shorten it."
            ),
            Problem::Unsafe { first } => format!(
                "{quoted} starts with \"{first}\", which spreadsheet programs treat as a \
                 formula. Remove the \"{first}\" at the start."
            ),
            Problem::UserType => format!(
                "{quoted} is not a user type. Use Standard or Privileged, or leave the cell \
                 empty for Standard."
            ),
            Problem::Email(EmailProblem::Space) => {
                format!("{quoted} contains a space. An email address has no spaces; remove them.")
            }
            Problem::Email(EmailProblem::Hidden) => format!(
                "{quoted} contains a hidden character, such as a non-breaking or zero-width \
                 space, often left by copy and paste. Type the address again."
            ),
            Problem::Email(EmailProblem::DisplayName) => format!(
                "{quoted} is a name with an address. Write the address alone, in the form \
                 name@example.com."
            ),
            Problem::Email(EmailProblem::ManyAts) => format!(
                "{quoted} has more than one @. Write one address per cell, in the form \
                 name@example.com."
            ),
            Problem::Email(EmailProblem::Form) => {
                format!("{quoted} is not an email address. Use the form name@example.com.")
            }
            Problem::UnknownSite { allowed } => format!(
                "{quoted} is not one of the sites. Use one of {allowed}, or leave the cell \
                 empty for the default site."
            ),
        }
    }
}

/// Checks shared by every text value: control characters and length.
fn plain_text(text: &str, max: usize) -> Result<(), Problem> {
    if text.bytes().any(|b| b < 0x20 || b == 0x7F) {
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
pub(crate) fn user_name(text: &str) -> Result<String, Problem> {
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    plain_text(text, crate::MAX_NAME_CHARS)?;
    formula_safe(text)?;
    Ok(text.to_owned())
}

/// A Site: plain text, formula-safe; one of `allowed` (case-insensitively, returned in
/// its spelling there) when that list is not empty.
pub(crate) fn site(text: &str, allowed: &[String]) -> Result<String, Problem> {
    plain_text(text, crate::MAX_SITE_CHARS)?;
    formula_safe(text)?;
    if allowed.is_empty() {
        return Ok(text.to_owned());
    }
    let folded = text.to_lowercase();
    allowed
        .iter()
        .find(|site| site.to_lowercase() == folded)
        .cloned()
        .ok_or_else(|| Problem::UnknownSite {
            allowed: crate::options::quoted_list(allowed),
        })
}

/// A User type: Standard or Privileged, any case.
pub(crate) fn user_type(text: &str) -> Result<UserType, Problem> {
    plain_text(text, 64).map_err(|_| Problem::UserType)?;
    UserType::from_name(text).ok_or(Problem::UserType)
}

/// An Email: one plain `local@domain` address as a person types it into a form
/// (CONTRACT §4). Returns it with the domain in lower case.
pub(crate) fn email(text: &str) -> Result<String, Problem> {
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    plain_text(text, crate::MAX_EMAIL_CHARS)?;
    let mut at_signs = 0usize;
    let (mut angle, mut space) = (false, false);
    for b in text.bytes() {
        match b {
            b'@' => at_signs += 1,
            b'<' | b'>' => angle = true,
            b' ' => space = true,
            _ => {}
        }
    }
    let hidden = !text.is_ascii()
        && text
            .chars()
            .any(|c| !c.is_ascii() && (is_invisible(c) || is_format_char(c)));
    let problem = if angle {
        Some(EmailProblem::DisplayName)
    } else if space {
        Some(EmailProblem::Space)
    } else if hidden {
        Some(EmailProblem::Hidden)
    } else if at_signs > 1 {
        Some(EmailProblem::ManyAts)
    } else {
        None
    };
    if let Some(problem) = problem {
        return Err(Problem::Email(problem));
    }
    let Some((local, domain)) = text.split_once('@') else {
        return Err(Problem::Email(EmailProblem::Form));
    };
    if !is_plain_local_part(local) || !is_plain_domain(domain) {
        return Err(Problem::Email(EmailProblem::Form));
    }
    // Every address accepted here is one `email_address` accepts with display text and
    // domain literals off and a TLD required (a property test holds the two together);
    // the grammar above is stricter still, and several times faster on the hot path.
    let mut address = String::with_capacity(text.len());
    address.push_str(local);
    address.push('@');
    if domain.is_ascii() {
        let start = address.len();
        address.push_str(domain);
        if let Some(domain) = address.get_mut(start..) {
            domain.make_ascii_lowercase();
        }
    } else {
        address.push_str(&domain.to_lowercase());
    }
    Ok(address)
}

/// What makes two addresses the same for `duplicate_email`: the whole address in lower
/// case, since people type the same mailbox in different cases.
pub(crate) fn email_key(address: &str) -> String {
    if address.is_ascii() {
        address.to_ascii_lowercase()
    } else {
        address.to_lowercase()
    }
}

/// Invisible formatting characters (Unicode category Cf) that copy and paste leaves
/// inside addresses: soft hyphen, direction marks, word joiner.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The dot-atom form: no quotes, no comments, no empty part between dots; letters of any
/// script allowed.
fn is_plain_local_part(local: &str) -> bool {
    if local.is_empty() || local.len() > 64 || local.starts_with('.') || local.ends_with('.') {
        return false;
    }
    if local.is_ascii() {
        return !local.contains("..") && local.bytes().all(is_ascii_atext);
    }
    let mut previous_dot = false;
    local.chars().all(|c| {
        let is_dot = c == '.';
        let ok = if is_dot {
            !previous_dot
        } else if c.is_ascii() {
            is_ascii_atext(c as u8)
        } else {
            c.is_alphanumeric()
        };
        previous_dot = is_dot;
        ok
    })
}

/// RFC 5322 `atext` and the dot, for ASCII.
fn is_ascii_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'.' | b'!'
                | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'/'
                | b'='
                | b'?'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
                | b'-'
        )
}

/// At least two labels, no trailing dot, no IP literal; letters of any script allowed.
fn is_plain_domain(domain: &str) -> bool {
    if domain.len() > 253 {
        return false;
    }
    let mut labels = 0usize;
    let mut last = "";
    for label in domain.split('.') {
        let valid = !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && if label.is_ascii() {
                label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            } else {
                label.chars().count() <= 63
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            };
        if !valid {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && !last.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<EmailProblem> {
        match email(text) {
            Err(Problem::Email(problem)) => Some(problem),
            _ => None,
        }
    }

    #[test]
    fn emails_the_contract_accepts() {
        assert_eq!(
            email("Ada.Lovelace@Example.COM"),
            Ok("Ada.Lovelace@example.com".to_owned())
        );
        assert_eq!(
            email("o'brien+tag@mail.example.ie"),
            Ok("o'brien+tag@mail.example.ie".to_owned())
        );
        assert_eq!(
            email("jürgen@bücher.example"),
            Ok("jürgen@bücher.example".to_owned())
        );
        assert_eq!(email("用户@例子.广告"), Ok("用户@例子.广告".to_owned()));
    }

    #[test]
    fn emails_the_contract_refuses() {
        assert_eq!(refused("John <j@x.com>"), Some(EmailProblem::DisplayName));
        assert_eq!(refused("ada @x.com"), Some(EmailProblem::Space));
        assert_eq!(refused("<j@x.com>"), Some(EmailProblem::DisplayName));
        assert_eq!(refused("a@b"), Some(EmailProblem::Form));
        assert_eq!(refused("\"quoted\"@x.com"), Some(EmailProblem::Form));
        assert_eq!(refused("a@[127.0.0.1]"), Some(EmailProblem::Form));
        assert_eq!(refused("a@x.com."), Some(EmailProblem::Form));
        assert_eq!(refused("a(comment)@x.com"), Some(EmailProblem::Form));
        assert_eq!(refused("a@@x.com"), Some(EmailProblem::ManyAts));
        assert_eq!(refused("a@b@x.com"), Some(EmailProblem::ManyAts));
        assert_eq!(refused("bob(at)corp"), Some(EmailProblem::Form));
        assert_eq!(refused("a..b@x.com"), Some(EmailProblem::Form));
        assert_eq!(refused(".a@x.com"), Some(EmailProblem::Form));
        assert_eq!(refused("a@-x.com"), Some(EmailProblem::Form));
        assert_eq!(refused("a@x.123"), Some(EmailProblem::Form));
        assert_eq!(
            refused("ada@ex\u{00A0}ample.com"),
            Some(EmailProblem::Hidden)
        );
        assert_eq!(
            refused("ada@ex\u{200B}ample.com"),
            Some(EmailProblem::Hidden)
        );
        assert_eq!(email("a\tb@x.com"), Err(Problem::Control));
    }

    #[test]
    fn text_rules() {
        assert_eq!(user_name("=1+1"), Err(Problem::Unsafe { first: '=' }));
        assert_eq!(user_name(&"é".repeat(256)), Ok("é".repeat(256)));
        assert_eq!(
            user_name(&"é".repeat(257)),
            Err(Problem::TooLong {
                chars: 257,
                max: 256
            })
        );
        assert_eq!(site("line\nbreak", &[]), Err(Problem::Control));
        assert_eq!(site("", &[]), Ok(String::new()));
        let allowed = vec!["Oslo".to_owned(), "HQ".to_owned()];
        assert_eq!(site("oslo", &allowed), Ok("Oslo".to_owned()));
        assert!(matches!(
            site("Paris", &allowed),
            Err(Problem::UnknownSite { .. })
        ));
        assert_eq!(user_type("PRIVILEGED"), Ok(UserType::Privileged));
        assert_eq!(user_type("Admin"), Err(Problem::UserType));
    }
}
