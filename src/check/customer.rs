//! The customer's own rules about addresses: the domains its users may have, and the
//! addresses that already have an account. Built from the [`Options`] once per file,
//! asked once per distinct valid address.

use std::borrow::Cow;
use std::collections::HashSet;

use super::email;
use crate::model::problem::Problem;
use crate::options::{Existing, Options};

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
        let (subdomains, bare) = parts(shown);
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

    /// The domain itself as the service wrote it: `fabrikam.com` for `*.fabrikam.com`.
    pub(crate) fn domain(&self) -> &str {
        parts(&self.shown).1
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

/// Whether a rule as written allows subdomains, and its domain: `*.fabrikam.com` →
/// (true, `fabrikam.com`); a leading `@` is left out.
fn parts(shown: &str) -> (bool, &str) {
    match shown.strip_prefix("*.") {
        Some(bare) => (true, bare),
        None => (false, shown.strip_prefix('@').unwrap_or(shown)),
    }
}

/// The domain rules of `options`, leaving out text that is no domain.
pub(crate) fn domain_rules(options: &Options) -> Vec<DomainRule> {
    let given = options.allowed_email_domains_list();
    given
        .iter()
        .filter_map(|domain| DomainRule::new(domain))
        .collect()
}

/// Whether `address` (as the rules output it: domain mapped) is at one of `rules`'
/// domains; any domain when there is no rule.
fn is_allowed(rules: &[DomainRule], address: &str) -> bool {
    if rules.is_empty() {
        return true;
    }
    let Some((_, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let ascii = if domain.is_ascii() {
        // The output's ASCII domain is already in lower case.
        Cow::Borrowed(domain)
    } else {
        match idna::domain_to_ascii(domain) {
            Ok(ascii) => Cow::Owned(ascii),
            Err(_) => return false,
        }
    };
    rules.iter().any(|rule| rule.allows(&ascii))
}

/// The customer's rules for one file.
pub(crate) struct Customer<'o> {
    domains: Vec<DomainRule>,
    existing: Option<&'o Existing>,
}

impl<'o> Customer<'o> {
    pub(crate) fn new(options: &'o Options) -> Self {
        Customer {
            domains: domain_rules(options),
            existing: options.existing_accounts(),
        }
    }

    /// The customer's domains, as written, without `*.`: what a mistyped domain may have
    /// meant.
    pub(crate) fn domains(&self) -> Vec<&str> {
        self.domains.iter().map(DomainRule::domain).collect()
    }

    /// What the customer's rules say of a valid address seen for the first time in the
    /// file; `key` is its duplicate key ([`email::key_of_valid`]).
    pub(crate) fn problem(&self, address: &str, key: &str) -> Option<Problem> {
        if !is_allowed(&self.domains, address) {
            let allowed = self.domains.iter().map(|rule| rule.shown.clone()).collect();
            return Some(Problem::EmailDomain { allowed });
        }
        let exists = match self.existing? {
            Existing::Set(set) => existing_keys(&set.given, &set.keys).contains(key),
            // The service gets the key: the form in which two addresses compare equal,
            // so that a directory of lower-case addresses finds `Ada@Example.com`.
            Existing::Ask(ask) => ask(key),
        };
        exists.then_some(Problem::EmailExists)
    }
}

/// The keys of the addresses a service gave, made on first use and kept with them.
fn existing_keys<'s>(
    given: &[String],
    keys: &'s std::sync::OnceLock<HashSet<String>>,
) -> &'s HashSet<String> {
    keys.get_or_init(|| given.iter().map(|address| email::key(address)).collect())
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
}
