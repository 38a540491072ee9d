//! The customer's own rules about addresses: the domains its users may have, and the
//! addresses that already have an account. Data set on [`Options`](crate::Options) and
//! the checks the validator asks of it, once per distinct address.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

/// One allowed domain, in its ASCII (Punycode) form, lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DomainRule {
    /// As the service gave it, for messages: `contoso.com`, `*.fabrikam.com`.
    pub(crate) shown: String,
    ascii: String,
    subdomains: bool,
}

impl DomainRule {
    /// A rule from a domain as a service writes it; a leading `*.` allows subdomains.
    /// `None` for text that is no domain.
    pub(crate) fn new(domain: &str) -> Option<Self> {
        let shown = crate::model::text::trim(domain);
        let (subdomains, bare) = match shown.strip_prefix("*.") {
            Some(bare) => (true, bare),
            None => (false, shown.strip_prefix('@').unwrap_or(shown)),
        };
        let ascii = idna::domain_to_ascii(bare).ok()?;
        if ascii.is_empty() || ascii.ends_with('.') {
            return None;
        }
        Some(DomainRule {
            shown: shown.to_owned(),
            ascii,
            subdomains,
        })
    }

    /// `contoso.com` allows that domain; `*.contoso.com` its subdomains, at any depth.
    fn allows(&self, ascii_domain: &str) -> bool {
        if !self.subdomains {
            return ascii_domain == self.ascii;
        }
        ascii_domain
            .strip_suffix(self.ascii.as_str())
            .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
    }
}

/// Whether `address` (as the rules output it: domain mapped and lower case) is at one
/// of `rules`' domains; any domain when there is no rule.
pub(crate) fn is_allowed(rules: &[DomainRule], address: &str) -> bool {
    if rules.is_empty() {
        return true;
    }
    let Some((_, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let ascii = if domain.is_ascii() {
        std::borrow::Cow::Borrowed(domain)
    } else {
        match idna::domain_to_ascii(domain) {
            Ok(ascii) => std::borrow::Cow::Owned(ascii),
            Err(_) => return false,
        }
    };
    rules.iter().any(|rule| rule.allows(&ascii))
}

/// The addresses that already have an account: a set the service loaded, or a
/// question to its directory.
#[derive(Clone)]
pub(crate) enum Existing {
    /// Keys as [`email_key`] makes them.
    Set(Arc<HashSet<String>>),
    /// Asked once per distinct valid address of a file, with the address as the rules
    /// output it.
    Ask(Arc<dyn Fn(&str) -> bool + Send + Sync>),
}

impl Existing {
    /// Whether `address` (as the rules output it; `key` its duplicate key, as
    /// [`email_key`] makes it) has an account.
    pub(crate) fn has(&self, key: &str, address: &str) -> bool {
        match self {
            Existing::Set(set) => set.contains(key),
            Existing::Ask(ask) => ask(address),
        }
    }
}

impl fmt::Debug for Existing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Existing::Set(set) => write!(f, "Existing::Set({} addresses)", set.len()),
            Existing::Ask(_) => f.write_str("Existing::Ask(..)"),
        }
    }
}

impl PartialEq for Existing {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Existing::Set(a), Existing::Set(b)) => a == b,
            (Existing::Ask(a), Existing::Ask(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Existing {}

/// The key two addresses share when they are one mailbox, as for `duplicate_email`:
/// the address as the rules output it (domain mapped), in lower case. An address the
/// rules refuse keys as its trimmed lower-case text.
pub(crate) fn email_key(address: &str) -> String {
    let normal = crate::check::rules::email(crate::model::text::trim(address))
        .unwrap_or_else(|_| crate::model::text::trim(address).to_owned());
    let mut key = String::with_capacity(normal.len());
    crate::check::rules::push_email_key(&normal, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(domains: &[&str]) -> Vec<DomainRule> {
        domains.iter().filter_map(|d| DomainRule::new(d)).collect()
    }

    #[test]
    fn domains_and_subdomains() {
        let allowed = rules(&[
            "Contoso.com",
            "*.fabrikam.com",
            "b\u{FC}cher.de",
            "@example.org",
        ]);
        assert!(is_allowed(&allowed, "ada@contoso.com"));
        assert!(!is_allowed(&allowed, "ada@sales.contoso.com"));
        assert!(!is_allowed(&allowed, "ada@fabrikam.com"));
        assert!(is_allowed(&allowed, "ada@eu.sales.fabrikam.com"));
        assert!(!is_allowed(&allowed, "ada@notfabrikam.com"));
        assert!(is_allowed(&allowed, "bob@b\u{FC}cher.de"));
        assert!(is_allowed(&allowed, "bob@xn--bcher-kva.de"));
        assert!(is_allowed(&allowed, "bob@example.org"));
        assert!(!is_allowed(&allowed, "bob@gmail.com"));
        assert!(is_allowed(&[], "anyone@anywhere.example"));
        assert!(DomainRule::new("  ").is_none());
    }

    #[test]
    fn keys_are_those_of_duplicate_email() {
        assert_eq!(email_key(" Ada@EXAMPLE.com "), "ada@example.com");
        assert_eq!(
            email_key("bob@xn--bcher-kva.de"),
            email_key("Bob@B\u{DC}CHER.de")
        );
        assert_eq!(email_key("not an address"), "not an address");
    }
}
