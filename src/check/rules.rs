//! One pure function per field: the trimmed text of a cell → its value, or the problem.

use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::is_invisible;
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
    // No early exit: the compiler then checks many bytes at once.
    if text
        .bytes()
        .fold(false, |control, b| control | (b < 0x20) | (b == 0x7F))
    {
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
        .find(|site| site.to_lowercase() == folded)
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

/// An Email: one plain `local@domain` address as a person types it into a user form.
/// Returns it with the domain mapped (UTS #46) and in lower case.
///
/// Every address accepted here is one `email_address` accepts with display text and
/// domain literals off and a TLD required (a property test holds the two together); the
/// grammar here is stricter, and checked in one pass over the bytes for ASCII addresses.
pub(crate) fn email(text: &str) -> Result<String, Problem> {
    if let Some(address) = plain_ascii_email(text) {
        return Ok(address);
    }
    email_checked(text)
}

/// What one ASCII byte may be in an address.
const ATEXT: u8 = 1;
const ALNUM: u8 = 2;
const DIGIT: u8 = 4;

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let alnum = c.is_ascii_alphanumeric();
        let special = matches!(
            c,
            b'!' | b'#'
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
        );
        table[b] = if alnum || special { ATEXT } else { 0 }
            | if alnum { ALNUM } else { 0 }
            | if c.is_ascii_digit() { DIGIT } else { 0 };
        b += 1;
    }
    table
}

static CLASSES: [u8; 256] = byte_classes();

/// The common case in one pass: a plain ASCII address the crate accepts, already
/// lower-cased in its domain. The local part and the domain have a loop each, so that
/// neither asks on every byte which side of the `@` it is on; a `u8` always indexes
/// the 256-entry [`CLASSES`]. `None` for anything else, which [`email_checked`] then
/// examines to say what is wrong; every address accepted here it accepts too.
fn plain_ascii_email(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    if bytes.len() > crate::model::column::MAX_EMAIL_CHARS {
        return None;
    }
    // The local part, up to the `@`: atext and single dots, no dot at either end.
    let mut at = None;
    let mut previous = b'.';
    for (i, &b) in bytes.iter().enumerate() {
        let class = CLASSES[usize::from(b)];
        if class & ATEXT != 0 {
            previous = b;
            continue;
        }
        match b {
            b'.' if previous != b'.' => previous = b,
            b'@' if previous != b'.' => {
                at = Some(i);
                break;
            }
            _ => return None,
        }
    }
    let at = at?;
    if at > 64 {
        return None;
    }
    let domain = bytes.get(at + 1..)?;
    if domain.len() > 253 {
        return None;
    }
    // The domain: labels of letters, digits and inner hyphens, at most 63 long, joined
    // by dots; at least two labels, the last not all digits.
    let (mut labels, mut label_len, mut all_digits) = (0usize, 0usize, true);
    let mut previous = b'.';
    let mut maybe_ace = false;
    for &b in domain {
        let class = CLASSES[usize::from(b)];
        if class & ALNUM != 0 {
            all_digits &= class & DIGIT != 0;
        } else {
            match b {
                b'.' if previous != b'.' && previous != b'-' => {
                    labels += 1;
                    label_len = 0;
                    all_digits = true;
                    previous = b;
                    continue;
                }
                // `xn--`: the second hyphen as a label's fourth character.
                b'-' if previous != b'.' => maybe_ace |= label_len == 3 && previous == b'-',
                _ => return None,
            }
        }
        label_len += 1;
        if label_len > 63 {
            return None;
        }
        previous = b;
    }
    if label_len == 0 || previous == b'-' || labels == 0 || all_digits {
        return None;
    }
    // A Punycode label reads as its Unicode form: the full check maps it.
    if maybe_ace && has_ace_label(domain) {
        return None;
    }
    let mut address = text.to_owned();
    if let Some(domain) = address.get_mut(at + 1..) {
        domain.make_ascii_lowercase();
    }
    Some(address)
}

/// The full check, saying what is wrong.
fn email_checked(text: &str) -> Result<String, Problem> {
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    let mut at = None;
    let mut at_signs = 0usize;
    let (mut control, mut angle, mut space, mut non_ascii) = (false, false, false, false);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            0..=0x1F | 0x7F => control = true,
            b'@' => {
                at_signs += 1;
                at = Some(i);
            }
            b'<' | b'>' => angle = true,
            b' ' => space = true,
            0x80.. => non_ascii = true,
            _ => {}
        }
    }
    if control {
        return Err(Problem::Control);
    }
    let max = crate::model::column::MAX_EMAIL_CHARS;
    if text.len() > max {
        let chars = text.chars().count();
        if chars > max {
            return Err(Problem::TooLong { chars, max });
        }
    }
    let hidden = non_ascii
        && text
            .chars()
            .any(|c| !c.is_ascii() && (is_invisible(c) || is_format_char(c)));
    let problem = if angle {
        EmailProblem::DisplayName
    } else if space {
        EmailProblem::Space
    } else if hidden {
        EmailProblem::Hidden
    } else if at_signs > 1 {
        EmailProblem::ManyAts
    } else {
        EmailProblem::Form
    };
    let split = at.and_then(|at| Some((text.get(..at)?, text.get(at + 1..)?)));
    let Some((local, domain)) = split.filter(|_| problem == EmailProblem::Form) else {
        return Err(Problem::Email(problem));
    };
    if !is_plain_local_part(local) {
        return Err(Problem::Email(EmailProblem::Form));
    }
    let mut address = String::with_capacity(text.len());
    address.push_str(local);
    address.push('@');
    if domain.is_ascii() && !has_ace_label(domain.as_bytes()) {
        if !is_plain_domain(domain) {
            return Err(Problem::Email(EmailProblem::Form));
        }
        let start = address.len();
        address.push_str(domain);
        if let Some(domain) = address.get_mut(start..) {
            domain.make_ascii_lowercase();
        }
    } else {
        let (unicode, ascii) = mapped_domain(domain).ok_or(Problem::Email(EmailProblem::Form))?;
        if !is_plain_domain(&ascii) {
            return Err(Problem::Email(EmailProblem::Form));
        }
        address.push_str(&unicode);
    }
    Ok(address)
}

/// What makes two addresses the same for `duplicate_email`: the whole address in lower
/// case, since people type the same mailbox in different cases. Appended to `key`.
pub(crate) fn push_email_key(address: &str, key: &mut String) {
    if address.is_ascii() {
        let start = key.len();
        key.push_str(address);
        if let Some(added) = key.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    for c in address.chars() {
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            key.extend(c.to_lowercase());
        }
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
    if local.is_empty() || local.len() > 64 {
        return false;
    }
    let mut previous = b'.';
    for &b in local.as_bytes() {
        let ok = match b {
            b'.' => previous != b'.',
            0x80.. => true,
            _ => is_ascii_atext(b),
        };
        if !ok {
            return false;
        }
        previous = b;
    }
    previous != b'.'
        && (local.is_ascii() || local.chars().all(|c| c.is_ascii() || c.is_alphanumeric()))
}

/// RFC 5322 `atext` and the dot, for ASCII: the same table the fast path reads.
fn is_ascii_atext(b: u8) -> bool {
    b == b'.'
        || CLASSES
            .get(usize::from(b))
            .is_some_and(|class| class & ATEXT != 0)
}

/// At least two labels, no trailing dot, no IP literal; letters of any script allowed.
fn is_plain_domain(domain: &str) -> bool {
    if domain.len() > 253 {
        return false;
    }
    if !domain.is_ascii() {
        return false;
    }
    let (mut labels, mut length, mut previous, mut all_digits) = (0usize, 0usize, b'.', true);
    for &b in domain.as_bytes() {
        match b {
            b'.' => {
                if length == 0 || previous == b'-' {
                    return false;
                }
                labels += 1;
                length = 0;
                all_digits = true;
            }
            b'-' if length == 0 => return false,
            b'-' => length += 1,
            b if b.is_ascii_alphanumeric() => {
                length += 1;
                all_digits &= b.is_ascii_digit();
            }
            _ => return false,
        }
        if length > 63 {
            return false;
        }
        previous = b;
    }
    length > 0 && previous != b'-' && labels >= 1 && !all_digits
}

/// The domain as mail programs and browsers process it (UTS #46, the `idna` crate of
/// the rust-url project): full-width letters, case and compatibility forms mapped,
/// Punycode labels decoded. Its Unicode form (what the person reads, and what the
/// output holds) and its ASCII form (what DNS sees, checked as any ASCII domain). So
/// `ＥＸＡＭＰＬＥ.com` is `example.com`, and `bücher.de` and `xn--bcher-kva.de` are one
/// domain. `None` when the mapping or the Punycode fails.
fn mapped_domain(domain: &str) -> Option<(String, String)> {
    let (unicode, mapped) = idna::domain_to_unicode(domain);
    mapped.ok()?;
    let ascii = idna::domain_to_ascii_strict(&unicode).ok()?;
    Some((unicode, ascii))
}

/// Whether an ASCII domain has a label starting `xn--` (any case): Punycode, whose
/// Unicode form is the address's domain.
fn has_ace_label(domain: &[u8]) -> bool {
    domain.split(|&b| b == b'.').any(|label| {
        label
            .get(..4)
            .is_some_and(|start| start.eq_ignore_ascii_case(b"xn--"))
    })
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
    fn domains_are_mapped_as_mail_maps_them() {
        assert_eq!(
            email("ada@\u{FF25}\u{FF38}\u{FF21}\u{FF2D}\u{FF30}\u{FF2C}\u{FF25}.com"),
            Ok("ada@example.com".to_owned())
        );
        assert_eq!(
            email("bob@xn--bcher-kva.de"),
            Ok("bob@b\u{FC}cher.de".to_owned())
        );
        assert_eq!(
            email("bob@XN--BCHER-KVA.de"),
            Ok("bob@b\u{FC}cher.de".to_owned())
        );
        assert_eq!(
            email("bob@B\u{DC}CHER.de"),
            Ok("bob@b\u{FC}cher.de".to_owned())
        );
        let turkish = email("ali@\u{130}NSAAT.com.tr");
        assert_eq!(turkish, Ok("ali@i\u{307}nsaat.com.tr".to_owned()));
        // What is output reads back as itself.
        assert_eq!(email("ali@i\u{307}nsaat.com.tr"), turkish);
        assert_eq!(refused("bob@xn--zz.de"), Some(EmailProblem::Form));
        assert_eq!(refused("bob@b\u{FC}cher.de."), Some(EmailProblem::Form));
        assert_eq!(refused("bob@-b\u{FC}cher.de"), Some(EmailProblem::Form));
        assert_eq!(refused("bob@b\u{FC}cher"), Some(EmailProblem::Form));
        // ASCII labels that only look like Punycode stay as they are.
        assert_eq!(email("a@ab--cd.com"), Ok("a@ab--cd.com".to_owned()));
    }

    #[test]
    fn emails_accepted() {
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
    fn emails_refused() {
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
    fn the_fast_path_accepts_only_what_the_full_check_accepts() {
        for text in [
            "a@b.co",
            "A.B-c+d@Sub.Example.COM",
            "a@b",
            "a.@b.co",
            ".a@b.co",
            "a..b@c.co",
            "a@-b.co",
            "a@b-.co",
            "a@b..co",
            "a@b.co.",
            "a@b.123",
            "a@1.b2",
            "a@@b.co",
            "a b@c.co",
            "a@b_c.co",
            "x@y.z-",
            "@b.co",
            "a@.co",
        ] {
            if let Some(fast) = plain_ascii_email(text) {
                assert_eq!(email_checked(text), Ok(fast), "{text}");
            }
        }
        assert_eq!(
            plain_ascii_email("Ada@Example.COM").as_deref(),
            Some("Ada@example.com")
        );
        assert_eq!(plain_ascii_email(&format!("{}@x.co", "a".repeat(65))), None);
    }

    #[test]
    fn the_fast_path_takes_plain_addresses_up_to_the_limits() {
        let fast = |text: &str| plain_ascii_email(text);
        assert_eq!(
            fast("ada.lovelace0@corp0.Example.COM").as_deref(),
            Some("ada.lovelace0@corp0.example.com")
        );
        assert_eq!(fast("a-b@c-d.e-f.co").as_deref(), Some("a-b@c-d.e-f.co"));
        assert_eq!(fast("a@b.c0").as_deref(), Some("a@b.c0"));
        let local = "l".repeat(64);
        let label = "d".repeat(63);
        let longest = format!("{local}@{label}.co");
        assert_eq!(fast(&longest).as_deref(), Some(longest.as_str()));
        assert_eq!(fast(&format!("{local}l@{label}.co")), None);
        assert_eq!(fast(&format!("{local}@{label}d.co")), None);
        assert_eq!(fast(&format!("a@{label}.{label}.{label}.{label}")), None);
        // What the fast path leaves to the full check: not ASCII, no TLD, a dot or
        // hyphen out of place.
        for text in [
            "jürgen@x.de",
            "a@b",
            "a.@b.co",
            "a@b-.co",
            "a@b.co-",
            "a@b.12",
        ] {
            assert_eq!(fast(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_and_full_email_checks_agree(text in "[a-zA-Z0-9.@_+-]{0,12}@?[a-zA-Z0-9.-]{0,12}") {
            if let Some(fast) = plain_ascii_email(&text) {
                proptest::prop_assert_eq!(email_checked(&text), Ok(fast));
            }
        }
    }

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
