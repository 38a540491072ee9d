//! The names a person writes in any language: header texts and user types, matched
//! against every language's words. `Column` and `UserType` are facts of `model/`; reading
//! their names in eight languages needs the catalogue, so those methods live here.

use super::{words, Language, Text};
use crate::model::column::{header_key, Column};
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
    if key.is_ascii() {
        // ASCII names of other languages: compared ignoring case.
        return Language::ALL.into_iter().find_map(|language| {
            let words = words(language);
            Column::ALL.into_iter().find(|&column| {
                let header = words.header(column);
                let bare = header.strip_suffix('*').unwrap_or(header);
                words.column(column).eq_ignore_ascii_case(key) || bare.eq_ignore_ascii_case(key)
            })
        });
    }
    let folded = key.to_lowercase();
    Language::ALL.into_iter().find_map(|language| {
        let words = words(language);
        Column::ALL.into_iter().find(|&column| {
            let header = words.header(column);
            let bare = header.strip_suffix('*').unwrap_or(header);
            words.column(column).to_lowercase() == folded || bare.to_lowercase() == folded
        })
    })
}

/// Whether a header names the errors files' `Errors` column, in any language: that
/// column is ignored on upload, so a fixed errors workbook parses.
pub(crate) fn is_errors_heading(text: &str) -> bool {
    let text = crate::model::text::trim(text);
    Language::ALL.into_iter().any(|language| {
        Text::ErrorsHeading
            .render(language)
            .eq_ignore_ascii_case(text)
    })
}

/// The user type a cell names in any language's words, ignoring case: `Privilégié`,
/// `特権`, `standaard`.
fn user_type_named(text: &str) -> Option<UserType> {
    let folded = text.to_lowercase();
    Language::ALL.into_iter().find_map(|language| {
        let words = words(language);
        [UserType::Standard, UserType::Privileged]
            .into_iter()
            .find(|&user_type| words.user_type(user_type).to_lowercase() == folded)
    })
}
