//! The one table of columns: canonical names, aliases, whether required, limits and the
//! rule text. The header matcher, the rules, the template and the docs all read it.

/// The most characters in a User name.
pub const MAX_NAME_CHARS: usize = 256;
/// The most characters in an Email.
pub const MAX_EMAIL_CHARS: usize = 254;
/// The most characters in a Site.
pub const MAX_SITE_CHARS: usize = 256;

/// One of the columns of an upload, by its canonical name.
///
/// Serialises as its canonical name (`"User name"`, `"Email"`, `"User type"`, `"Site"`).
///
/// ```
/// use bulk_users::Column;
/// assert_eq!(Column::UserName.name(), "User name");
/// assert_eq!(Column::from_header("E-mail address*"), Some(Column::Email));
/// assert!(Column::Email.is_required());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Column {
    /// `User name*`: the person's display name. Required.
    #[cfg_attr(feature = "serde", serde(rename = "User name"))]
    UserName,
    /// `Email*`: the person's sign-in and contact address. Required.
    #[cfg_attr(feature = "serde", serde(rename = "Email"))]
    Email,
    /// `User type`: `Standard` or `Privileged`; empty means `Standard`.
    #[cfg_attr(feature = "serde", serde(rename = "User type"))]
    UserType,
    /// `Site`: the person's site or office; empty means the default site (`HQ`).
    #[cfg_attr(feature = "serde", serde(rename = "Site"))]
    Site,
}

impl Column {
    /// Every column, in template order.
    pub const ALL: [Column; 4] = [
        Column::UserName,
        Column::Email,
        Column::UserType,
        Column::Site,
    ];

    /// The canonical name, as in error reports and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Column::UserName => "User name",
            Column::Email => "Email",
            Column::UserType => "User type",
            Column::Site => "Site",
        }
    }

    /// The header the template writes: the name, with `*` on required columns.
    pub const fn template_header(self) -> &'static str {
        match self {
            Column::UserName => "User name*",
            Column::Email => "Email*",
            Column::UserType => "User type",
            Column::Site => "Site",
        }
    }

    /// The place of this column in [`Column::ALL`]: 0 to 3.
    pub const fn index(self) -> usize {
        match self {
            Column::UserName => 0,
            Column::Email => 1,
            Column::UserType => 2,
            Column::Site => 3,
        }
    }

    /// Whether a user needs a value in this column, and a file needs the column.
    pub const fn is_required(self) -> bool {
        matches!(self, Column::UserName | Column::Email)
    }

    /// Other header texts accepted for this column (compared as [`Column::from_header`]
    /// does).
    pub const fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::UserName => &["Username", "Name", "Full name", "Display name"],
            Column::Email => &["E-mail", "Email address", "E-mail address", "Mail"],
            Column::UserType => &["Type", "Role"],
            Column::Site => &["Location", "Office"],
        }
    }

    /// The most characters a value may have, where there is a limit.
    pub const fn max_chars(self) -> Option<usize> {
        match self {
            Column::UserName => Some(MAX_NAME_CHARS),
            Column::Email => Some(MAX_EMAIL_CHARS),
            Column::UserType => None,
            Column::Site => Some(MAX_SITE_CHARS),
        }
    }
}

impl std::fmt::Display for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The form headers are compared in: lower case, whitespace runs folded to one space,
/// no surrounding whitespace, no trailing `*`.
pub(crate) fn header_key(header: &str) -> String {
    let trimmed = crate::model::text::trim(header);
    let without_star = crate::model::text::trim(trimmed.strip_suffix('*').unwrap_or(trimmed));
    let mut key = String::with_capacity(without_star.len());
    for word in without_star.split(crate::model::text::is_invisible) {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// The most characters one dropdown entry may have: a site of the customer's list
/// goes in the template's Site dropdown.
const MAX_LISTED_SITE_CHARS: usize = 255;

/// The first of a customer's sites that no upload could use, and why: too long for the
/// template's dropdown, a control character, a formula's first character (an upload
/// holding it is refused as a formula), or given twice.
pub(crate) fn unusable_site(sites: &[String]) -> Option<(&str, &'static str)> {
    let mut seen = std::collections::HashSet::new();
    sites.iter().find_map(|site| {
        let reason = if site.chars().count() > MAX_LISTED_SITE_CHARS {
            "it is longer than 255 characters"
        } else if site.chars().any(char::is_control) {
            "it contains a control character"
        } else if site.starts_with(['=', '+', '-', '@']) {
            "it starts with a formula character (=, +, - or @)"
        } else if !seen.insert(site.to_lowercase()) {
            "it is given twice"
        } else {
            return None;
        };
        Some((site.as_str(), reason))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_in_key_form_but_for_case() {
        for column in Column::ALL {
            for text in std::iter::once(column.name()).chain(column.aliases().iter().copied()) {
                assert!(text.is_ascii(), "{text}");
                assert_eq!(header_key(text), text.to_ascii_lowercase(), "{text}");
            }
        }
    }

    #[test]
    fn header_matching_folds_case_space_and_star() {
        assert_eq!(
            Column::from_header("  USER   name * "),
            Some(Column::UserName)
        );
        assert_eq!(Column::from_header("\u{FEFF}Email*"), Some(Column::Email));
        assert_eq!(
            Column::from_header("user\u{00A0}type"),
            Some(Column::UserType)
        );
        assert_eq!(Column::from_header("Office"), Some(Column::Site));
        assert_eq!(Column::from_header("Phone"), None);
        assert_eq!(Column::from_header("Email**"), None);
    }

    #[test]
    fn every_alias_is_unique() {
        let mut keys = Vec::new();
        for column in Column::ALL {
            keys.push(header_key(column.name()));
            keys.extend(column.aliases().iter().map(|a| header_key(a)));
        }
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }
}
