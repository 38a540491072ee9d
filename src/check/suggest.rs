//! "Did you mean": the one fix a mistyped value clearly meant, or none. The crate never
//! applies a suggestion; it only names it beside the error.

use crate::message::{words, Language};
use crate::model::column::Column;
use crate::model::user::UserType;

/// Texts longer than this are never compared: no name a suggestion can be is this long,
/// and the comparison's cost grows with the product of the two lengths.
const MAX_CHARS: usize = 32;

/// The most comparison steps one suggestion may take (the products of the lengths
/// compared): a customer's thousands of sites cannot make a file slow to check. Past it
/// there is no suggestion, never a guess from part of the list.
const MAX_STEPS: usize = 200_000;

/// Mail providers whose domains people mistype (`gmial.com`), offered for an address
/// whose domain is invalid or not allowed.
const MAIL_PROVIDERS: [&str; 16] = [
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "yandex.ru",
];

/// The candidate `text` is one edit from (two for candidates of five characters or
/// more), ignoring case, when exactly one candidate is closest; `None` when none is that
/// close, when two different ones are equally close, or when `text` is one of them. An
/// edit is a character inserted, deleted or replaced, or two neighbours swapped
/// (`gmial` → `gmail`).
pub(crate) fn closest<'c>(
    text: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    if text.is_empty() || text.chars().count() > MAX_CHARS {
        return None;
    }
    let folded = text.to_lowercase();
    let text_length = folded.chars().count();
    let mut best: Option<(usize, &'c str, String)> = None;
    let mut tied = false;
    let mut steps = 0usize;
    for candidate in candidates {
        if candidate.len() > MAX_CHARS.saturating_mul(4) {
            continue;
        }
        let key = candidate.to_lowercase();
        if key == folded {
            return None;
        }
        let length = key.chars().count();
        let most = if length >= 5 { 2 } else { 1 };
        if length > MAX_CHARS || length.abs_diff(text_length) > most {
            continue;
        }
        steps = steps.saturating_add(length.saturating_add(1).saturating_mul(text_length + 1));
        if steps > MAX_STEPS {
            return None;
        }
        let distance = strsim::osa_distance(&folded, &key);
        if distance > most {
            continue;
        }
        match &best {
            Some((shortest, _, _)) if distance > *shortest => {}
            Some((shortest, _, known)) if distance == *shortest => tied |= *known != key,
            _ => {
                best = Some((distance, candidate, key));
                tied = false;
            }
        }
    }
    if tied {
        return None;
    }
    best.map(|(_, candidate, _)| candidate)
}

/// The header a mistyped header meant: a column's name, alias or header in any
/// language (`Emial` → `Email`).
pub(crate) fn header(text: &str) -> Option<String> {
    let bare = |header: &'static str| header.strip_suffix('*').unwrap_or(header);
    let names = Column::ALL.into_iter().flat_map(|column| {
        let own = std::iter::once(column.name()).chain(column.aliases().iter().copied());
        let translated = Language::ALL.into_iter().flat_map(move |language| {
            let words = words(language);
            [words.column(column), bare(words.header(column))]
        });
        own.chain(translated)
    });
    let candidates: Vec<&str> = names.collect();
    let text = crate::model::column::header_key(text);
    closest(&text, candidates).map(str::to_owned)
}

/// The user type a mistyped one meant, in the words it was closest to
/// (`Priviliged` → `Privileged`, `Privilégie` → `Privilégié`).
pub(crate) fn user_type(text: &str) -> Option<String> {
    let mut candidates = vec!["Standard", "Privileged"];
    for language in Language::ALL {
        let words = words(language);
        candidates.push(words.user_type(UserType::Standard));
        candidates.push(words.user_type(UserType::Privileged));
    }
    closest(text, candidates).map(str::to_owned)
}

/// The allowed site a mistyped site meant.
pub(crate) fn site(text: &str, allowed: &[String]) -> Option<String> {
    closest(text, allowed.iter().map(String::as_str)).map(str::to_owned)
}

/// The address with its domain as meant: the closest of `domains` (the customer's, when
/// it has any), or of the common mail providers when `domains` is empty.
pub(crate) fn email(address: &str, domains: &[&str]) -> Option<String> {
    let (local, domain) = address.rsplit_once('@')?;
    if local.is_empty() || local.contains('@') {
        return None;
    }
    let meant = if domains.is_empty() {
        closest(domain, MAIL_PROVIDERS)?
    } else {
        closest(domain, domains.iter().copied())?
    };
    Some(format!("{local}@{meant}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_clearly_closest_candidate_or_none() {
        assert_eq!(closest("gmial.com", MAIL_PROVIDERS), Some("gmail.com"));
        assert_eq!(closest("GMAIL.CON", MAIL_PROVIDERS), Some("gmail.com"));
        // Exactly a candidate: nothing to fix.
        assert_eq!(closest("gmail.com", MAIL_PROVIDERS), None);
        // Three edits is no typo.
        assert_eq!(closest("gxyzl.com", MAIL_PROVIDERS), None);
        // gmx.de and gmx.net are both one edit from gmx.ne: no suggestion.
        assert_eq!(closest("gmx.ne", MAIL_PROVIDERS), None);
        // A short candidate takes one edit only.
        assert_eq!(closest("Osl", ["Oslo"]), Some("Oslo"));
        assert_eq!(closest("Os", ["Oslo"]), None);
        // The same word from two lists is one candidate, not a tie.
        assert_eq!(
            closest("Standart", ["Standard", "standard"]),
            Some("Standard")
        );
    }

    #[test]
    fn a_long_list_costs_a_bounded_number_of_steps() {
        // Ten thousand sites of the text's length: past the budget, no suggestion
        // (rather than one from part of the list).
        let sites: Vec<String> = (0..10_000).map(|i| format!("Site {i:05}")).collect();
        assert_eq!(site("Site 0000x", &sites), None);
        assert_eq!(site("Site 0000x", &sites[..10]), None);
        assert_eq!(
            site("Site 0001", &sites[..10]).as_deref(),
            Some("Site 00001")
        );
    }

    #[test]
    fn each_kind_of_suggestion() {
        assert_eq!(header("Emial").as_deref(), Some("Email"));
        assert_eq!(header("Usr name*").as_deref(), Some("User name"));
        assert_eq!(header("Colour"), None);
        assert_eq!(user_type("Priviliged").as_deref(), Some("Privileged"));
        assert_eq!(user_type("Privilégie").as_deref(), Some("Privilégié"));
        assert_eq!(user_type("Boss"), None);
        let sites = ["Oslo".to_owned(), "Bergen".to_owned()];
        assert_eq!(site("Bregen", &sites).as_deref(), Some("Bergen"));
        assert_eq!(
            email("ada@gmial.com", &[]).as_deref(),
            Some("ada@gmail.com")
        );
        assert_eq!(
            email("ada@contoso.co", &["contoso.com", "fabrikam.com"]).as_deref(),
            Some("ada@contoso.com")
        );
        assert_eq!(email("ada@example.org", &[]), None);
    }
}
