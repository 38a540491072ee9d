//! The settings of one service or customer: limits, defaults, policies, language. Data
//! and setters only: nothing here checks or converts what it is given; `engine.rs` runs
//! them.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::message::Language;
use crate::model::codepage::CodePage;
use crate::model::column::header_key;
use crate::model::column::Column;
use crate::model::format::Format;
use crate::model::user::UserType;

/// The most users one file may hold by default.
pub const MAX_ROWS: u32 = 500;
/// The largest file accepted by default, in bytes: 10 MiB.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most bytes a workbook may inflate to, across every part read, by default: 32 MiB.
/// A filled template of 500 users inflates to well under 1 MiB; even a sheet with
/// formatting on 100,000 empty rows stays under 10 MiB.
pub const MAX_INFLATED_BYTES: u64 = 32 * 1024 * 1024;
/// The site a user gets when the Site cell is empty, by default.
pub const DEFAULT_SITE: &str = "HQ";

/// What to do with a header that names no known column. In JSON, `"reject"` or
/// `"ignore"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
#[non_exhaustive]
pub enum UnknownColumns {
    /// Report it as `unknown_column`: the default, so that a typo in a header is not
    /// silently dropped.
    #[default]
    Reject,
    /// Ignore the column and its values.
    Ignore,
}

/// How to parse: limits, defaults and policies. [`parse`](crate::parse) is
/// `Options::new().parse`.
///
/// ```
/// use bulk_users::{Format, Options, UnknownColumns};
///
/// let options = Options::new()
///     .max_rows(100)
///     .default_site("Oslo")
///     .unknown_columns(UnknownColumns::Ignore);
/// let csv = b"User name*,Email*,Phone\nAda,ada@example.com,555-0100\n";
/// let users = options.parse(csv, Format::Csv)?;
/// assert_eq!(users[0].site, "Oslo");
/// # Ok::<(), bulk_users::RowErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    max_rows: u32,
    max_bytes: usize,
    max_inflated: u64,
    default_site: String,
    default_user_type: UserType,
    unknown_columns: UnknownColumns,
    allowed_sites: Vec<String>,
    aliases: Vec<(String, Column)>,
    formats: Vec<Format>,
    encoding: Option<CodePage>,
    email_domains: Vec<String>,
    existing: Option<Existing>,
    language: Language,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_rows: MAX_ROWS,
            max_bytes: MAX_BYTES,
            max_inflated: MAX_INFLATED_BYTES,
            default_site: DEFAULT_SITE.to_owned(),
            default_user_type: UserType::Standard,
            unknown_columns: UnknownColumns::Reject,
            allowed_sites: Vec::new(),
            aliases: Vec::new(),
            // Not .xls: calamine 0.38 reserves memory for the cell count a sheet declares
            // before reading it, and a crafted count (found by fuzzing) makes that
            // allocation fail, which aborts the process. Services opt in knowingly.
            formats: vec![Format::Csv, Format::Xlsx, Format::Ods],
            encoding: None,
            email_domains: Vec::new(),
            existing: None,
            language: Language::English,
        }
    }
}

impl Options {
    /// The defaults: 500 users, 10 MiB, site `HQ`, user type
    /// `Standard`, unknown columns rejected, any site, and the formats CSV, XLSX and
    /// ODS. `.xls` must be enabled with [`Options::formats`]: see there why.
    pub fn new() -> Self {
        Self::default()
    }

    /// The most users a file may hold ([`MAX_ROWS`] by default). The first user past it
    /// is reported as `too_many_rows` and reading stops there.
    #[must_use]
    pub fn max_rows(mut self, max_rows: u32) -> Self {
        self.max_rows = max_rows;
        self
    }

    /// The largest input accepted, in bytes ([`MAX_BYTES`] by default). A larger one is
    /// refused as `file_too_large` before any parsing.
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// The most bytes a workbook (.xlsx, .ods) may inflate to from its zip, counted as it
    /// is read ([`MAX_INFLATED_BYTES`] by default). Past it the file is refused as
    /// `unreadable_file`: a small file that expands to gigabytes is a zip bomb.
    #[must_use]
    pub fn max_inflated_bytes(mut self, max_inflated: u64) -> Self {
        self.max_inflated = max_inflated;
        self
    }

    /// The site a user gets when the Site cell is empty ([`DEFAULT_SITE`] by default).
    #[must_use]
    pub fn default_site(mut self, site: impl Into<String>) -> Self {
        self.default_site = site.into();
        self
    }

    /// The user type a user gets when the User type cell is empty (`Standard` by
    /// default).
    #[must_use]
    pub fn default_user_type(mut self, user_type: UserType) -> Self {
        self.default_user_type = user_type;
        self
    }

    /// What to do with a header that names no known column.
    #[must_use]
    pub fn unknown_columns(mut self, policy: UnknownColumns) -> Self {
        self.unknown_columns = policy;
        self
    }

    /// The customer's sites. When the list is not empty, a Site must be one of them
    /// (ignoring case; the user gets the spelling given here), else `unknown_site`.
    /// Blank names are left out. Nothing else is checked here: a site that starts with
    /// `=`, `+`, `-` or `@` is a formula in every upload and cannot be chosen, and the
    /// template refuses it ([`TemplateError::InvalidSite`](crate::TemplateError::InvalidSite));
    /// [`Settings::to_options`](crate::Settings::to_options) refuses such a list when the
    /// configuration is read.
    #[must_use]
    pub fn allowed_sites<I, S>(mut self, sites: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.allowed_sites = sites
            .into_iter()
            .map(Into::into)
            .map(|site| crate::model::text::trim(&site).to_owned())
            .filter(|site| !site.is_empty())
            .collect();
        self
    }

    /// Accepts one more header text for `column`, matched as the built-in names are
    /// (ignoring case, surrounding and repeated whitespace and a trailing `*`).
    #[must_use]
    pub fn alias(mut self, header: &str, column: Column) -> Self {
        self.aliases.push((header_key(header), column));
        self
    }

    /// The formats this service accepts (CSV, XLSX and ODS by default). Another format is
    /// refused as `unreadable_file`, saying which formats are accepted.
    ///
    /// `.xls` is read by calamine (cargo feature `xls`, on by default), which trusts the
    /// sizes and lengths a legacy workbook declares. Before calamine reads a file, this
    /// crate walks its records and refuses what it knows calamine would read past a
    /// record's end, the memory calamine would make room for beyond the budget, and the
    /// work calamine's writing of formulas would take; calamine gets the workbook stream
    /// alone, in a container written afresh. Every panic fuzzing found is refused so,
    /// but calamine is not this crate's code: a crafted file it has not met may still
    /// make it panic, and nothing in this crate catches a panic (a service built with
    /// `panic = "abort"` could not rely on it anyway). Accept `.xls` only in a process
    /// you can afford to lose, such as a worker that checks one upload and exits, or
    /// from trusted people; or build without the feature, and [`Format::Xls`] is
    /// refused like any format not listed:
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let options = Options::new().formats(Format::ALL);
    /// # let _ = options;
    /// ```
    #[must_use]
    pub fn formats<I: IntoIterator<Item = Format>>(mut self, formats: I) -> Self {
        self.formats = formats.into_iter().collect();
        self
    }

    /// The encoding of CSV files without a byte order mark, for a service that knows its
    /// customers' locale: a WHATWG label such as `"windows-1251"`, `"shift_jis"`,
    /// `"gbk"`, `"macintosh"` or `"utf-8"`, or a DOS code page, `"ibm850"` or `"ibm437"`
    /// (Excel's "CSV (MS-DOS)"). Fields that are UTF-8 are still read as UTF-8 (a row pasted
    /// from a UTF-8 file stays right); the others are read in this encoding. A byte
    /// order mark always wins. Without it (the default), the code page of fields that
    /// are not UTF-8 is detected from the bytes, which is reliable for a list of names
    /// but can be ambiguous for a few short words: the [`Report`](crate::Report) then carries an
    /// `encoding_guessed` note and names the encoding. A label that names no encoding
    /// leaves detection on.
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// // "Иван,ivan@example.com" as Russian Excel saves it.
    /// let bytes = b"User name*,Email*\n\xc8\xe2\xe0\xed,ivan@example.com\n";
    /// let users = Options::new().encoding("windows-1251").parse(bytes, Format::Csv)?;
    /// assert_eq!(users[0].name, "Иван");
    /// # Ok::<(), bulk_users::RowErrors>(())
    /// ```
    #[must_use]
    pub fn encoding(mut self, label: &str) -> Self {
        self.encoding = CodePage::for_label(label);
        self
    }

    /// The customer's email domains: an address at any other is
    /// `email_domain_not_allowed`, whose message lists them. Compared as mail compares
    /// them (UTS #46: `BÜCHER.de`, `bücher.de` and `xn--bcher-kva.de` are one domain,
    /// case never matters); `*.contoso.com` allows every subdomain of contoso.com (not
    /// contoso.com itself: list both for both). Text that is no domain is left out; an
    /// empty list (the default) allows any domain.
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let options = Options::new().allowed_email_domains(["contoso.com", "*.fabrikam.com"]);
    /// let csv = "User name*,Email*\nAda,ada@contoso.com\nBob,bob@eu.fabrikam.com\nCy,cy@gmail.com\n";
    /// let errors = options.parse(csv.as_bytes(), Format::Csv).unwrap_err();
    /// assert_eq!(errors[0].code.as_str(), "email_domain_not_allowed");
    /// assert_eq!(errors[0].row, Some(4));
    /// ```
    #[must_use]
    pub fn allowed_email_domains<I, S>(mut self, domains: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.email_domains = domains
            .into_iter()
            .map(|domain| domain.as_ref().to_owned())
            .collect();
        self
    }

    /// The addresses that already have an account: an address among them is
    /// `email_exists`. Compared as `duplicate_email` compares (case and the domain's
    /// form do not matter). Replaces any [`Options::existing_email_check`].
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let options = Options::new().existing_emails(["ada@example.com"]);
    /// let csv = "User name*,Email*\nAda,ADA@Example.com\n";
    /// let errors = options.parse(csv.as_bytes(), Format::Csv).unwrap_err();
    /// assert_eq!(
    ///     errors[0].message,
    ///     "ADA@example.com already has an account. Remove this row, or use another address."
    /// );
    /// ```
    #[must_use]
    pub fn existing_emails<I, S>(mut self, emails: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let given = emails
            .into_iter()
            .map(|email| email.as_ref().to_owned())
            .collect();
        self.existing = Some(Existing::Set(Arc::new(ExistingSet {
            given,
            keys: OnceLock::new(),
        })));
        self
    }

    /// Asks the service whether an address already has an account, for a service that
    /// asks its directory: `has_account` gets each distinct valid address of a file
    /// once, never an address that is invalid or repeated, in the form in which
    /// addresses compare equal: the domain mapped (UTS #46) and the whole address in
    /// lower case. Look it up case-insensitively, as [`Options::existing_emails`] does;
    /// `true` makes it `email_exists`. Replaces any [`Options::existing_emails`].
    ///
    /// ```
    /// use bulk_users::{Format, Options};
    /// let directory = ["ada.lovelace@example.com"]; // stored in lower case
    /// let options = Options::new().existing_email_check(move |email| directory.contains(&email));
    /// let csv = "User name*,Email*\nAda,Ada.Lovelace@EXAMPLE.com\n";
    /// let errors = options.parse(csv.as_bytes(), Format::Csv).unwrap_err();
    /// assert_eq!(errors[0].code.as_str(), "email_exists");
    /// ```
    ///
    /// For a directory that must be asked asynchronously, ask it first for the
    /// addresses [`Options::emails_to_look_up`] gives, then pass those that have an
    /// account to [`Options::existing_emails`].
    #[must_use]
    pub fn existing_email_check(
        mut self,
        has_account: impl Fn(&str) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.existing = Some(Existing::Ask(std::sync::Arc::new(has_account)));
        self
    }

    /// The language of every sentence a person reads: error messages, notes, the
    /// template and the errors files (English by default). Codes, JSON keys, `column`
    /// values and the output `user_type` stay as they are.
    ///
    /// ```
    /// use bulk_users::{Format, Language, Options};
    /// let errors = Options::new()
    ///     .language(Language::French)
    ///     .parse(b"Nom d'utilisateur*,E-mail*\nAda,ada(at)example.com\n", Format::Csv)
    ///     .unwrap_err();
    /// assert_eq!(errors[0].code.as_str(), "invalid_email");
    /// assert_eq!(
    ///     errors[0].to_string(),
    ///     "Ligne 2, E-mail : « ada(at)example.com » n'est pas une adresse e-mail. Utilisez la \
    ///      forme nom@exemple.com."
    /// );
    /// ```
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// The largest input accepted, in bytes, as [`Options::max_bytes`] set it: a service
    /// stops reading a request body past it.
    ///
    /// ```
    /// let options = bulk_users::Options::new().max_bytes(1 << 20);
    /// assert_eq!(options.bytes_limit(), 1 << 20);
    /// assert_eq!(bulk_users::Options::new().bytes_limit(), bulk_users::MAX_BYTES);
    /// ```
    pub fn bytes_limit(&self) -> usize {
        self.max_bytes
    }

    /// The most users a file may hold, as [`Options::max_rows`] set it.
    pub fn rows_limit(&self) -> u32 {
        self.max_rows
    }

    /// The language sentences come in, as [`Options::language`] set it.
    pub fn sentence_language(&self) -> Language {
        self.language
    }

    pub(crate) fn max_inflated_value(&self) -> u64 {
        self.max_inflated
    }

    pub(crate) fn named_encoding(&self) -> Option<CodePage> {
        self.encoding
    }

    pub(crate) fn accepts(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }

    pub(crate) fn formats_list(&self) -> &[Format] {
        &self.formats
    }

    pub(crate) fn default_site_value(&self) -> &str {
        &self.default_site
    }

    pub(crate) fn default_user_type_value(&self) -> UserType {
        self.default_user_type
    }

    pub(crate) fn unknown_columns_policy(&self) -> UnknownColumns {
        self.unknown_columns
    }

    pub(crate) fn allowed_sites_list(&self) -> &[String] {
        &self.allowed_sites
    }

    /// The allowed domains as the service wrote them.
    pub(crate) fn allowed_email_domains_list(&self) -> &[String] {
        &self.email_domains
    }

    pub(crate) fn existing_accounts(&self) -> Option<&Existing> {
        self.existing.as_ref()
    }

    /// The column a header cell names, with this service's extra aliases.
    pub(crate) fn column_for_header(&self, text: &str) -> Option<Column> {
        Column::from_header(text).or_else(|| {
            if self.aliases.is_empty() {
                return None;
            }
            let key = header_key(text);
            self.aliases
                .iter()
                .find(|(alias, _)| *alias == key)
                .map(|&(_, column)| column)
        })
    }
}

/// The addresses that already have an account: a set the service gave, or a question
/// to its directory.
#[derive(Clone)]
pub(crate) enum Existing {
    Set(Arc<ExistingSet>),
    /// Asked once per distinct valid address of a file, with its duplicate key.
    Ask(Arc<dyn Fn(&str) -> bool + Send + Sync>),
}

/// Addresses as the service gave them, and their duplicate keys, made by the check on
/// first use and kept as long as these options are.
pub(crate) struct ExistingSet {
    pub(crate) given: Vec<String>,
    pub(crate) keys: OnceLock<HashSet<String>>,
}

impl fmt::Debug for Existing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Existing::Set(set) => write!(f, "Existing::Set({} addresses)", set.given.len()),
            Existing::Ask(_) => f.write_str("Existing::Ask(..)"),
        }
    }
}

impl PartialEq for Existing {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Existing::Set(a), Existing::Set(b)) => a.given == b.given,
            (Existing::Ask(a), Existing::Ask(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Existing {}
