//! [`Settings`]: the options that can be written down, in one serde form that the CLI,
//! a service's configuration and the browser package all read.

use std::collections::BTreeMap;

use crate::message::Language;
use crate::model::codepage::CodePage;
use crate::model::column::{unusable_site, Column};
use crate::model::format::Format;
use crate::model::user::UserType;
use crate::options::{Options, UnknownColumns};

/// The [`Options`] a configuration file, an environment variable or a web page can hold,
/// as JSON in snake_case: every key optional, the defaults where one is absent, an
/// unknown key refused (a typo in a configuration never goes unnoticed).
///
/// ```
/// use bulk_users::{Format, Settings};
/// let settings: Settings = serde_json::from_str(r#"{
///     "max_rows": 200,
///     "language": "fr",
///     "default_site": "Paris",
///     "allowed_sites": ["Paris", "Lyon"],
///     "unknown_columns": "ignore",
///     "aliases": {"Adresse": "Email"},
///     "formats": ["csv", "xlsx"],
///     "allowed_email_domains": ["contoso.com"]
/// }"#)?;
/// let options = settings.to_options()?;
/// assert_eq!(options.rows_limit(), 200);
/// let users = options.parse("Nom d'utilisateur*,Adresse\nAda,ada@contoso.com\n".as_bytes(), Format::Csv)?;
/// assert_eq!(users[0].site, "Paris");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The callback form of [`Options::existing_email_check`] cannot be written down: a
/// service adds it to the options these give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default, deny_unknown_fields)
)]
#[non_exhaustive]
pub struct Settings {
    /// [`Options::max_rows`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub max_rows: Option<u32>,
    /// [`Options::max_bytes`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub max_bytes: Option<usize>,
    /// [`Options::max_inflated_bytes`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub max_inflated_bytes: Option<u64>,
    /// [`Options::language`], as a BCP 47 tag (`"fr"`, `"pt-BR"`) or an
    /// `Accept-Language` list (a page's `navigator.languages`): the best language the
    /// crate speaks, English when it speaks none of them.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub language: Option<String>,
    /// [`Options::default_site`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub default_site: Option<String>,
    /// [`Options::default_user_type`]: `"Standard"` or `"Privileged"`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub default_user_type: Option<UserType>,
    /// [`Options::unknown_columns`]: `"reject"` or `"ignore"`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub unknown_columns: Option<UnknownColumns>,
    /// [`Options::allowed_sites`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub allowed_sites: Vec<String>,
    /// [`Options::alias`]: each header text and the column it names
    /// (`{"Adresse": "Email"}`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "BTreeMap::is_empty"))]
    pub aliases: BTreeMap<String, Column>,
    /// [`Options::formats`]: `"csv"`, `"xlsx"`, `"xls"`, `"ods"`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub formats: Option<Vec<Format>>,
    /// [`Options::encoding`], a label such as `"windows-1251"`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub encoding: Option<String>,
    /// [`Options::allowed_email_domains`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub allowed_email_domains: Vec<String>,
    /// [`Options::existing_emails`].
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub existing_emails: Vec<String>,
}

/// What is wrong with [`Settings`]: found when they are read, not at the first upload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// An allowed site no upload could use.
    #[error("allowed_sites: {name:?} cannot be a site: {reason}")]
    Site {
        /// The site, as given.
        name: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An encoding label that names no encoding the crate reads.
    #[error("encoding: {0:?} names no encoding this crate reads (windows-1252, macintosh, ibm850, shift_jis, …)")]
    Encoding(String),
    /// A limit of zero, which refuses every file.
    #[error("{0}: 0 would refuse every file")]
    Zero(&'static str),
}

impl Settings {
    /// The options these settings stand for.
    ///
    /// # Errors
    ///
    /// [`SettingsError`] for a value that would make every upload fail, or that names
    /// nothing: a site no upload could use (a formula's first character, a control
    /// character, too long for the template's dropdown, given twice), an encoding label
    /// naming no encoding, a limit of 0.
    ///
    /// ```
    /// use bulk_users::Settings;
    /// let mut settings = Settings::default();
    /// settings.allowed_sites = vec!["=cmd".into()];
    /// assert_eq!(
    ///     settings.to_options().unwrap_err().to_string(),
    ///     "allowed_sites: \"=cmd\" cannot be a site: it starts with a formula character (=, +, - or @)"
    /// );
    /// ```
    pub fn to_options(&self) -> Result<Options, SettingsError> {
        let mut options = Options::new();
        if let Some(max_rows) = self.max_rows {
            if max_rows == 0 {
                return Err(SettingsError::Zero("max_rows"));
            }
            options = options.max_rows(max_rows);
        }
        if let Some(max_bytes) = self.max_bytes {
            if max_bytes == 0 {
                return Err(SettingsError::Zero("max_bytes"));
            }
            options = options.max_bytes(max_bytes);
        }
        if let Some(max_inflated) = self.max_inflated_bytes {
            if max_inflated == 0 {
                return Err(SettingsError::Zero("max_inflated_bytes"));
            }
            options = options.max_inflated_bytes(max_inflated);
        }
        if let Some(language) = &self.language {
            let language = Language::from_tag(language.trim())
                .unwrap_or_else(|| Language::negotiate(language));
            options = options.language(language);
        }
        if let Some(site) = &self.default_site {
            options = options.default_site(site.as_str());
        }
        if let Some(user_type) = self.default_user_type {
            options = options.default_user_type(user_type);
        }
        if let Some(policy) = self.unknown_columns {
            options = options.unknown_columns(policy);
        }
        if let Some((name, reason)) = unusable_site(&self.allowed_sites) {
            let name = name.to_owned();
            return Err(SettingsError::Site { name, reason });
        }
        options = options.allowed_sites(self.allowed_sites.iter().map(String::as_str));
        for (header, &column) in &self.aliases {
            options = options.alias(header, column);
        }
        if let Some(formats) = &self.formats {
            options = options.formats(formats.iter().copied());
        }
        if let Some(label) = &self.encoding {
            if CodePage::for_label(label).is_none() {
                return Err(SettingsError::Encoding(label.clone()));
            }
            options = options.encoding(label);
        }
        options = options.allowed_email_domains(&self.allowed_email_domains);
        if !self.existing_emails.is_empty() {
            options = options.existing_emails(&self.existing_emails);
        }
        Ok(options)
    }
}
