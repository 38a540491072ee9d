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
    let max = crate::model::column::MAX_EMAIL_CHARS;
    let split = split_at_local_part(text);
    // The common case, accepted as it stands: its domain in lower case is the address's.
    if let Some((local, domain)) = split {
        if text.len() <= max && ascii_domain(domain) == Some(Domain::Plain) {
            let mut address = text.to_owned();
            if let Some(domain) = address.get_mut(local.len() + 1..) {
                domain.make_ascii_lowercase();
            }
            return Ok(address);
        }
    }
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    let kinds = text.bytes().fold(0, |kinds, b| kinds | kind(b));
    if kinds & CONTROL != 0 {
        return Err(Problem::Control);
    }
    if text.len() > max {
        let chars = text.chars().count();
        if chars > max {
            return Err(Problem::TooLong { chars, max });
        }
    }
    let hidden = |c: char| !c.is_ascii() && (is_invisible(c) || is_format_char(c));
    let problem = if kinds & ANGLE != 0 {
        EmailProblem::DisplayName
    } else if kinds & SPACE != 0 {
        EmailProblem::Space
    } else if kinds & NON_ASCII != 0 && text.chars().any(hidden) {
        EmailProblem::Hidden
    } else if text.bytes().filter(|&b| b == b'@').nth(1).is_some() {
        EmailProblem::ManyAts
    } else {
        match split {
            // Any other domain as mail maps it: another script, full-width, Punycode.
            Some((local, domain)) if !domain.is_empty() => return mapped(local, domain),
            _ => EmailProblem::Form,
        }
    };
    Err(Problem::Email(problem))
}

/// The address of a plain local part and a domain mapped as mail maps it (UTS #46).
fn mapped(local: &str, domain: &str) -> Result<String, Problem> {
    match mapped_domain(domain) {
        Some((unicode, ascii)) if ascii_domain(&ascii).is_some() => {
            Ok(format!("{local}@{unicode}"))
        }
        _ => Err(Problem::Email(EmailProblem::Form)),
    }
}

/// What one byte of an address can be, as bits of [`KINDS`]: a byte may be several.
const CONTROL: u8 = 1;
const ANGLE: u8 = 2;
const SPACE: u8 = 4;
const NON_ASCII: u8 = 8;
/// RFC 5322 `atext`, and any byte of a character beyond ASCII: a local part's atoms.
const ATOM: u8 = 16;
/// An ASCII letter or digit.
const ALNUM: u8 = 32;
/// An ASCII letter.
const LETTER: u8 = 64;

/// The kinds of byte `b` is.
fn kind(b: u8) -> u8 {
    KINDS[usize::from(b)]
}

/// The kinds of every byte, made when the crate is compiled.
const fn byte_kinds() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let atext = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
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
            );
        let mut kinds = 0;
        if b < 0x20 || b == 0x7F {
            kinds |= CONTROL;
        }
        if b == b'<' || b == b'>' {
            kinds |= ANGLE;
        }
        if b == b' ' {
            kinds |= SPACE;
        }
        if b >= 0x80 {
            kinds |= NON_ASCII | ATOM;
        }
        if atext {
            kinds |= ATOM;
        }
        if b.is_ascii_alphanumeric() {
            kinds |= ALNUM;
        }
        if b.is_ascii_alphabetic() {
            kinds |= LETTER;
        }
        table[i] = kinds;
        i += 1;
    }
    table
}

static KINDS: [u8; 256] = byte_kinds();

/// Invisible formatting characters (Unicode category Cf) that copy and paste leaves
/// inside addresses: soft hyphen, direction marks, word joiner.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The local part `text` starts with, and what follows its `@`, when the local part is
/// plain: the dot-atom form, atoms joined by single dots, no quotes, no comments; letters
/// of any script allowed.
fn split_at_local_part(text: &str) -> Option<(&str, &str)> {
    let (mut previous, mut kinds) = (b'.', 0);
    let mut at = None;
    for (i, b) in text.bytes().enumerate() {
        let k = kind(b);
        kinds |= k;
        if k & ATOM == 0 {
            match b {
                b'.' if previous != b'.' => {}
                b'@' if previous != b'.' => {
                    at = Some(i);
                    break;
                }
                _ => return None,
            }
        }
        previous = b;
    }
    let at = at?;
    let local = text.get(..at)?;
    let plain = (1..=64).contains(&at)
        && (kinds & NON_ASCII == 0 || local.chars().all(|c| c.is_ascii() || c.is_alphanumeric()));
    plain.then_some((local, text.get(at + 1..)?))
}

/// What an ASCII domain is to mail, when it is one.
#[derive(Debug, PartialEq, Eq)]
enum Domain {
    /// Read as it stands.
    Plain,
    /// A label starts `xn--` (any case): Punycode, whose Unicode form is the domain.
    Punycode,
}

/// An ASCII domain: at least two labels of letters, digits and inner hyphens, at most 63
/// bytes each and 253 in all, the last with a letter (no IP address, no trailing dot).
fn ascii_domain(domain: &str) -> Option<Domain> {
    let (mut labels, mut length, mut letters) = (1usize, 0usize, false);
    let (mut previous, mut maybe_punycode) = (b'.', false);
    for b in domain.bytes() {
        let k = kind(b);
        if k & ALNUM != 0 {
            length += 1;
            letters |= k & LETTER != 0;
        } else {
            match b {
                b'-' if length > 0 => {
                    // `xn--`: a hyphen fourth in a label, after a hyphen.
                    maybe_punycode |= length == 3 && previous == b'-';
                    length += 1;
                }
                b'.' if length > 0 && length <= 63 && previous != b'-' => {
                    (labels, length, letters) = (labels + 1, 0, false);
                }
                _ => return None,
            }
        }
        previous = b;
    }
    let is_domain = domain.len() <= 253
        && labels >= 2
        && (1..=63).contains(&length)
        && previous != b'-'
        && letters;
    let punycode = maybe_punycode
        && domain.as_bytes().split(|&b| b == b'.').any(|label| {
            label
                .get(..4)
                .is_some_and(|start| start.eq_ignore_ascii_case(b"xn--"))
        });
    is_domain.then_some(if punycode {
        Domain::Punycode
    } else {
        Domain::Plain
    })
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

    proptest::proptest! {
        /// What is accepted reads back as itself, with the same key: an address the
        /// crate wrote (in the errors workbook, in the page) is the same user again.
        #[test]
        fn an_accepted_address_reads_back_as_itself(
            text in proptest::prop_oneof![
                "[a-zA-Z0-9.'+_-]{1,8}@([a-zA-Z0-9-]{1,6}\\.){1,3}[a-zA-Z]{2,4}",
                "[a-zé用.]{1,6}@(xn--[a-z0-9-]{1,8}|[a-zA-Zü例\u{FF21}-\u{FF3A}]{1,6})\\.[a-zA-Z]{2,3}",
            ]
        ) {
            if let Ok(address) = email(&text) {
                proptest::prop_assert_eq!(email(&address), Ok(address.clone()));
                proptest::prop_assert_eq!(key(&text), key_of_valid(&address));
            }
        }
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
