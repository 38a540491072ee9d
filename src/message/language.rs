//! The languages sentences come in, and how one is chosen from a BCP 47 tag or an
//! HTTP `Accept-Language` header.

/// The language of every sentence a person reads: error messages, notes, the template
/// and the errors files. Codes, JSON keys, `column` values and the output `user_type`
/// never change with it. Header names and user types of every language are accepted
/// whatever the language (a French template filled in and uploaded to an English
/// service parses).
///
/// ```
/// use bulk_users::Language;
/// assert_eq!(Language::from_tag("fr-CA"), Some(Language::French));
/// assert_eq!(Language::from_tag("pt-BR").map(Language::tag), Some("pt"));
/// assert_eq!(Language::negotiate("de-CH, de;q=0.9, en;q=0.8"), Language::German);
/// assert_eq!(Language::negotiate("zh-TW"), Language::English);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
/// Serialises as its tag (`"fr"`), as [`Language::tag`] gives it.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Language {
    /// English, the default.
    #[default]
    #[cfg_attr(feature = "serde", serde(rename = "en"))]
    English,
    /// French (français).
    #[cfg_attr(feature = "serde", serde(rename = "fr"))]
    French,
    /// German (Deutsch).
    #[cfg_attr(feature = "serde", serde(rename = "de"))]
    German,
    /// Spanish (español).
    #[cfg_attr(feature = "serde", serde(rename = "es"))]
    Spanish,
    /// Portuguese (português).
    #[cfg_attr(feature = "serde", serde(rename = "pt"))]
    Portuguese,
    /// Italian (italiano).
    #[cfg_attr(feature = "serde", serde(rename = "it"))]
    Italian,
    /// Dutch (Nederlands).
    #[cfg_attr(feature = "serde", serde(rename = "nl"))]
    Dutch,
    /// Japanese (日本語).
    #[cfg_attr(feature = "serde", serde(rename = "ja"))]
    Japanese,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 8] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Portuguese,
        Language::Italian,
        Language::Dutch,
        Language::Japanese,
    ];

    /// The BCP 47 language subtag: `"en"`, `"fr"`, `"ja"`.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
            Language::Italian => "it",
            Language::Dutch => "nl",
            Language::Japanese => "ja",
        }
    }

    /// The language a BCP 47 tag names, ignoring case and falling back from region or
    /// script to the language (`fr-CA` → French, `pt_BR` → Portuguese); `None` for a
    /// language this crate does not speak.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(primary))
    }

    /// The best language for an HTTP `Accept-Language` header: the highest-weighted tag
    /// this crate speaks (`q=0` means "not this one"; equal weights keep their order),
    /// English when none matches or the header cannot be read. Never panics, whatever
    /// the header.
    pub fn negotiate(accept_language: &str) -> Language {
        let mut best: Option<(u16, Language)> = None;
        // At most 64 entries are looked at: a header is a short list.
        for entry in accept_language.split(',').take(64) {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let mut weight = 1000u16;
            for parameter in parts {
                if let Some(q) = parameter.trim().strip_prefix("q=") {
                    weight = quality(q).unwrap_or(0);
                }
            }
            if weight == 0 {
                continue;
            }
            let language = if tag == "*" {
                Some(Language::English)
            } else {
                Language::from_tag(tag)
            };
            if let Some(language) = language {
                if best.is_none_or(|(best_weight, _)| weight > best_weight) {
                    best = Some((weight, language));
                }
            }
        }
        best.map_or(Language::English, |(_, language)| language)
    }
}

/// A `q` value as thousandths: `0.8` → 800, `1` → 1000; `None` when it is not one.
fn quality(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let mut thousandths = 0u16;
    for (i, digit) in fraction.bytes().enumerate() {
        let place = [100u16, 10, 1].get(i).copied().unwrap_or(0);
        thousandths = thousandths.saturating_add(u16::from(digit - b'0').saturating_mul(place));
    }
    let value = whole.saturating_mul(1000).saturating_add(thousandths);
    (value <= 1000).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_headers() {
        assert_eq!(Language::from_tag("FR"), Some(Language::French));
        assert_eq!(Language::from_tag("ja-JP"), Some(Language::Japanese));
        assert_eq!(Language::from_tag("nl_BE"), Some(Language::Dutch));
        assert_eq!(Language::from_tag("zh"), None);
        assert_eq!(Language::from_tag(""), None);
        assert_eq!(
            Language::negotiate("fr-CH, fr;q=0.9, en;q=0.8"),
            Language::French
        );
        assert_eq!(Language::negotiate("*"), Language::English);
        assert_eq!(Language::negotiate("es;q=0.5, it;q=0.7"), Language::Italian);
        assert_eq!(Language::negotiate("ja;q=0, pt"), Language::Portuguese);
        assert_eq!(Language::negotiate("de;q=abc, nl"), Language::Dutch);
        assert_eq!(Language::negotiate(";;,,q=1,\u{0}"), Language::English);
        assert_eq!(Language::negotiate(""), Language::English);
        assert_eq!(Language::negotiate("fr;q=1.5, de"), Language::German);
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
        }
    }

    #[test]
    fn qualities() {
        assert_eq!(quality("0.8"), Some(800));
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("0.001"), Some(1));
        assert_eq!(quality("0.0001"), None);
        assert_eq!(quality("2"), None);
        assert_eq!(quality("1.5"), None);
    }
}
