//! The one grammar of an address: a plain `local@domain` as a person types it into a
//! user form, with the domain mapped as mail maps it (UTS #46), and the key two
//! addresses share when they are one mailbox.

use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::is_invisible;

/// An Email: one plain `local@domain` address as a person types it into a user form.
/// Returns it with the domain mapped (UTS #46) and in lower case.
///
/// Every address accepted here is one `email_address` accepts with display text and
/// domain literals off and a TLD required (a property test holds the two together); the
/// grammar here is stricter. Refusals say what is wrong.
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
/// examines to say what is wrong; every address accepted here it accepts too, and gives
/// back alike (a property test holds the two together).
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

/// What makes two valid addresses (as [`email`] outputs them) the same for
/// `duplicate_email`: the whole address in lower case, since people type the same
/// mailbox in different cases.
pub(crate) fn key_of_valid(address: &str) -> String {
    let mut key = String::with_capacity(address.len());
    push_key(address, &mut key);
    key
}

/// [`key_of_valid`], appended to `key`.
pub(crate) fn push_key(address: &str, key: &mut String) {
    if address.is_ascii() {
        let start = key.len();
        key.push_str(address);
        if let Some(added) = key.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        key.extend(address.chars().flat_map(char::to_lowercase));
    }
}

/// The key of an address as a service gave it (for `email_exists`): mapped as [`email`]
/// maps it, then as [`key_of_valid`]. Text that is no address keys as its trimmed
/// lower-case self, and so matches no valid address of a file.
pub(crate) fn key(address: &str) -> String {
    let trimmed = crate::model::text::trim(address);
    match email(trimmed) {
        Ok(valid) => key_of_valid(&valid),
        Err(_) => trimmed.to_lowercase(),
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

/// RFC 5322 `atext` and the dot, for ASCII: the table the ASCII path reads.
fn is_ascii_atext(b: u8) -> bool {
    b == b'.' || CLASSES[usize::from(b)] & ATEXT != 0
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
    use proptest::prop_oneof;

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

    proptest::proptest! {
        /// The fast path accepts only what the full check accepts, as the full check
        /// gives it, and takes every plain ASCII address without a `--` label.
        #[test]
        fn the_ascii_path_is_the_full_check(
            text in prop_oneof![
                "[a-zA-Z0-9.@_+'# -]{0,10}@[a-zA-Z0-9.@-]{0,10}",
                "[a-z0-9.'+-]{0,6}@([a-zA-Z0-9-]{0,4}\\.){0,3}[a-zA-Z0-9-]{0,4}",
                "[a-z.]{1,6}@[a-z0-9]{1,4}\\.[a-z0-9]{1,3}",
                "[a-z]{1,3}@(xn--[a-z0-9]{1,6}|[a-z]{2}--[a-z]{0,3})\\.[a-z0-9]{1,3}",
            ]
        ) {
            let checked = email_checked(&text);
            match plain_ascii_email(&text) {
                Some(address) => proptest::prop_assert_eq!(Ok(address), checked),
                None => proptest::prop_assert!(checked.is_err() || text.contains("--")),
            }
        }
    }

    #[test]
    fn keys_are_those_of_duplicate_email() {
        assert_eq!(key(" Ada@EXAMPLE.com "), "ada@example.com");
        assert_eq!(key("bob@xn--bcher-kva.de"), key("Bob@B\u{DC}CHER.de"));
        assert_eq!(key("not an address"), "not an address");
        assert_eq!(
            key_of_valid("Ada.Lovelace@example.com"),
            "ada.lovelace@example.com"
        );
    }
}
