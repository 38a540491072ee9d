//! The names a person writes in any language: header texts and user types, matched
//! against every language's words. `Column` and `UserType` are facts of `model/`; reading
//! their names in eight languages needs the catalogue, so those methods live here.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{words, Language, Text};
use crate::model::column::{header_key, Column};
use crate::model::text::is_folded;
use crate::model::user::UserType;

impl Column {
    /// The column's name in `language`, as that language's messages name it
    /// (`Nom d'utilisateur` in French): for a page's column headings.
    ///
    /// ```
    /// use bulk_users::{Column, Language};
    /// assert_eq!(Column::UserName.name_in(Language::French), "Nom d'utilisateur");
    /// assert_eq!(Column::Email.name_in(Language::English), "Email");
    /// ```
    pub fn name_in(self, language: Language) -> &'static str {
        words(language).column(self)
    }

    /// The rule for this column in plain words, as the English template's notes and
    /// instructions show it. `default_site` is the site an empty cell gets.
    pub fn rule(self, default_site: &str) -> String {
        Text::ColumnRule {
            column: self,
            default_site,
        }
        .render(Language::English)
    }

    /// The column a header text names, ignoring case, surrounding and repeated inner
    /// whitespace and a trailing `*`; `None` for any other text. The names of every
    /// [`Language`](crate::Language)'s template are accepted too, whatever the
    /// language of the service: `Nom d'utilisateur*`, `E-Mail`, `ユーザー名`.
    pub fn from_header(header: &str) -> Option<Column> {
        // No name or alias is anywhere near this long: skip folding a huge cell.
        if header.len() > 64 {
            return None;
        }
        let key = header_key(header);
        // Names and aliases are already in key form but for case (a test holds them to
        // it), so they are compared as they are, without folding each one again.
        Column::ALL
            .into_iter()
            .find(|column| {
                column.name().eq_ignore_ascii_case(&key)
                    || column
                        .aliases()
                        .iter()
                        .any(|alias| alias.eq_ignore_ascii_case(&key))
            })
            .or_else(|| column_named(&key))
    }
}

impl UserType {
    /// The user type a cell names, ignoring case: `"privileged"` → `Privileged`. The
    /// names of every [`Language`](crate::Language)'s template are accepted too:
    /// `Privilégié`, `Privilegiert`, `特権`.
    pub fn from_name(text: &str) -> Option<UserType> {
        if text.eq_ignore_ascii_case("standard") {
            Some(UserType::Standard)
        } else if text.eq_ignore_ascii_case("privileged") {
            Some(UserType::Privileged)
        } else {
            user_type_named(text)
        }
    }
}

/// The column a header key (lower case, see `column::header_key`) names in any
/// language's words.
fn column_named(key: &str) -> Option<Column> {
    column_names().get(key).copied()
}

/// Every language's column names and template headers (without their `*`), in lower
/// case, each with the column it names; where two languages share a name, the first in
/// [`Language::ALL`]'s. Made once: a header of thousands of cells, each looked up in
/// eight languages, costs a lookup a cell.
fn column_names() -> &'static HashMap<String, Column> {
    static NAMES: OnceLock<HashMap<String, Column>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for language in Language::ALL {
            let words = words(language);
            for column in Column::ALL {
                let header = words.header(column);
                let bare = header.strip_suffix('*').unwrap_or(header);
                for name in [words.column(column), bare] {
                    names.entry(name.to_lowercase()).or_insert(column);
                }
            }
        }
        names
    })
}

/// Whether a header names the errors files' `Errors` column, in any language: that
/// column is ignored on upload, so a fixed errors workbook parses.
pub(crate) fn is_errors_heading(text: &str) -> bool {
    // The headings of every language, rendered once.
    static HEADINGS: OnceLock<Vec<String>> = OnceLock::new();
    let headings = HEADINGS.get_or_init(|| {
        let heading = |language| Text::ErrorsHeading.render(language);
        Language::ALL.into_iter().map(heading).collect()
    });
    let text = crate::model::text::trim(text);
    headings
        .iter()
        .any(|heading| heading.eq_ignore_ascii_case(text))
}

/// The user type a cell names in any language's words, ignoring case: `Privilégié`,
/// `特権`, `standaard`.
fn user_type_named(text: &str) -> Option<UserType> {
    let folded = text.to_lowercase();
    Language::ALL.into_iter().find_map(|language| {
        let words = words(language);
        [UserType::Standard, UserType::Privileged]
            .into_iter()
            .find(|&user_type| is_folded(words.user_type(user_type), &folded))
    })
}
