//! The templates a person fills in: .xlsx and .csv, generated from the Column table and
//! the same [`Options`] the parser uses, so that what they say is what is checked.

use crate::write::xlsx::{Book, Border, List, Note, Sheet, Style, StyleId, Styles, Validation};

use crate::message::{words, Language, Text};
use crate::model::column::Column;
use crate::model::user::NewUser;
use crate::model::user::UserType;
use crate::options::Options;

impl Options {
    /// The .xlsx template for these options: the Users sheet with a User type dropdown
    /// sized to the row limit, a Site dropdown of [`Options::allowed_sites`] if any, and
    /// Instructions stating this service's limits and default site.
    ///
    /// # Errors
    ///
    /// [`TemplateError`] when a site name cannot go in a dropdown or the row limit does
    /// not fit a worksheet.
    ///
    /// ```
    /// let template = bulk_users::Options::new()
    ///     .max_rows(200)
    ///     .allowed_sites(["Oslo", "Bergen"])
    ///     .write_template()?;
    /// assert!(template.starts_with(b"PK"));
    /// # Ok::<(), bulk_users::TemplateError>(())
    /// ```
    pub fn write_template(&self) -> Result<Vec<u8>, TemplateError> {
        crate::write::template::xlsx(self, &[])
    }

    /// The .xlsx template with `users` already filled in: for sending a corrected or
    /// existing list back to a person to edit.
    ///
    /// # Errors
    ///
    /// As [`Options::write_template`], and [`TemplateError::TooManyUsers`] past the row
    /// limit.
    pub fn write_template_with(&self, users: &[NewUser]) -> Result<Vec<u8>, TemplateError> {
        crate::write::template::xlsx(self, users)
    }

    /// The CSV template: the header row, UTF-8 with a byte order mark so that Excel shows
    /// accents right.
    pub fn write_csv_template(&self) -> Vec<u8> {
        crate::write::template::csv(self, &[])
    }

    /// The CSV template with `users` filled in.
    pub fn write_csv_template_with(&self, users: &[NewUser]) -> Vec<u8> {
        crate::write::template::csv(self, users)
    }
}

/// The last row of a worksheet that can hold a user (Excel has 1,048,576 rows, one of
/// which is the header).
const SHEET_ROWS: u32 = crate::model::sheet::SHEET_ROWS - 1;
/// Excel caps the text of a list validation at 255 characters; longer lists go on a
/// hidden sheet that the dropdown refers to.
const INLINE_LIST_CHARS: usize = 255;
/// The most characters one dropdown entry may have.
const MAX_SITE_NAME_CHARS: usize = 255;
/// The name of the hidden sheet holding a long site list.
const SITES_SHEET: &str = "Sites";

/// Why a template could not be written from the options given.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// A site name given in [`Options::allowed_sites`] cannot go in a dropdown.
    #[error("the site name {name:?} cannot be used in the template: {reason}")]
    InvalidSite {
        /// The site name, as given.
        name: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// [`Options::max_rows`] is more than a worksheet has rows for.
    #[error("a template cannot hold {0} users: a worksheet has room for {SHEET_ROWS}")]
    TooManyRows(u32),
    /// More users were given to pre-fill than the row limit allows.
    #[error("{given} users were given to pre-fill, but the row limit is {limit}")]
    TooManyUsers {
        /// How many users were given.
        given: usize,
        /// The row limit.
        limit: u32,
    },
    /// The workbook writer failed.
    #[error("the template workbook could not be written")]
    Write(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// Writes the .xlsx template, with `users` already filled in.
pub(crate) fn xlsx(options: &Options, users: &[NewUser]) -> Result<Vec<u8>, TemplateError> {
    let max_rows = options.rows_limit();
    if max_rows > SHEET_ROWS {
        return Err(TemplateError::TooManyRows(max_rows));
    }
    if users.len() > usize::try_from(max_rows).unwrap_or(usize::MAX) {
        return Err(TemplateError::TooManyUsers {
            given: users.len(),
            limit: max_rows,
        });
    }
    let sites = options.allowed_sites_list();
    check_sites(sites)?;

    let mut book = Book::default();
    book.title = Some("Users to add".to_owned());
    let users_sheet = users_sheet(&mut book.styles, options, users);
    book.push(users_sheet, true);
    let instructions = instructions_sheet(&mut book.styles, options);
    book.push(instructions, false);
    if !sites.is_empty() && !fits_inline(sites) {
        let mut list = Sheet::new(SITES_SHEET);
        for (row, site) in (0u32..).zip(sites) {
            list.text(row, 0, site, StyleId::default());
        }
        list.hidden = true;
        book.push(list, false);
    }
    save(&book)
}

/// The workbook's bytes, or why Excel would refuse it.
pub(crate) fn save(book: &Book) -> Result<Vec<u8>, TemplateError> {
    book.save()
        .map_err(|error| TemplateError::Write(Box::new(error)))
}

/// The style of the template's header cells.
pub(crate) const HEADER: Style = Style {
    bold: true,
    size: None,
    color: Some(WHITE),
    fill: Some(HEADER_FILL),
    border: Border::None,
    text: false,
    wrap: false,
};
/// Number format `@`: what a person types stays as typed: `101` stays `101`, `0012`
/// keeps its zeros, and a long number is not turned into 1.2E+15.
pub(crate) const TEXT: Style = Style {
    text: true,
    ..DEFAULT
};
pub(crate) const BOLD: Style = Style {
    bold: true,
    ..DEFAULT
};
pub(crate) const WRAP: Style = Style {
    wrap: true,
    ..DEFAULT
};
const DEFAULT: Style = Style {
    bold: false,
    size: None,
    color: None,
    fill: None,
    border: Border::None,
    text: false,
    wrap: false,
};
const WHITE: u32 = 0x00FF_FFFF;
const HEADER_FILL: u32 = 0x001F_4E79;

/// The note on a header cell: the column's rule.
pub(crate) fn column_note(options: &Options, column: Column) -> Note {
    let rule = Text::ColumnRule {
        column,
        default_site: options.default_site_value(),
    };
    Note {
        text: rule.render(options.sentence_language()),
        author: "Template",
        width: 320,
        height: 90,
    }
}

fn users_sheet<'a>(styles: &mut Styles, options: &'a Options, users: &'a [NewUser]) -> Sheet<'a> {
    let max_rows = options.rows_limit();
    let language = options.sentence_language();
    let words = words(language);
    let mut sheet = Sheet::new("Users");
    let header = styles.add(Style {
        border: Border::Bottom,
        ..HEADER
    });
    for column in Column::ALL {
        let index = column_number(column);
        sheet.text(0, index, words.header(column), header);
        let style = if column == Column::UserType {
            StyleId::default()
        } else {
            styles.add(TEXT)
        };
        sheet.column(index, width(column), style);
        sheet.note(0, index, column_note(options, column));
    }
    sheet.freeze(1);

    let last_row = max_rows.max(1);
    sheet.validate(user_type_dropdown(
        language,
        column_number(Column::UserType),
        1,
        last_row,
    ));

    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        let list = if fits_inline(sites) {
            List::Texts(sites.to_vec())
        } else {
            List::Range(format!("{SITES_SHEET}!$A$1:$A${}", sites.len()))
        };
        let error = Text::SiteErrorMessage {
            default_site: options.default_site_value(),
        };
        sheet.validate(Validation {
            column: column_number(Column::Site),
            first: 1,
            last: last_row,
            list,
            input: None,
            error: (
                Text::SiteErrorTitle.render(language),
                error.render(language),
            ),
        });
    }

    for (row, user) in (1u32..).zip(users) {
        let plain = StyleId::default();
        sheet.text(row, column_number(Column::UserName), &user.name, plain);
        sheet.text(row, column_number(Column::Email), &user.email, plain);
        let kind = words.user_type(user.user_type);
        sheet.text(row, column_number(Column::UserType), kind, plain);
        if user.site != options.default_site_value() {
            sheet.text(row, column_number(Column::Site), &user.site, plain);
        }
    }
    sheet
}

/// The User type dropdown in `language`, with its input and error texts, on rows
/// `first..=last` of `column`.
pub(crate) fn user_type_dropdown(
    language: Language,
    column: u16,
    first: u32,
    last: u32,
) -> Validation {
    let words = words(language);
    Validation {
        column,
        first,
        last,
        list: List::Texts(vec![
            words.user_type(UserType::Standard).to_owned(),
            words.user_type(UserType::Privileged).to_owned(),
        ]),
        input: Some((
            Text::UserTypeInputTitle.render(language),
            Text::UserTypeInputMessage.render(language),
        )),
        error: (
            Text::UserTypeErrorTitle.render(language),
            Text::UserTypeErrorMessage.render(language),
        ),
    }
}

fn instructions_sheet<'a>(styles: &mut Styles, options: &'a Options) -> Sheet<'a> {
    let language = options.sentence_language();
    let words = words(language);
    let mut sheet = Sheet::new("Instructions");
    let title = styles.add(Style {
        size: Some(14),
        ..BOLD
    });
    sheet.column(0, 22, StyleId::default());
    sheet.column(1, 90, StyleId::default());
    sheet.text(0, 0, Text::TemplateTitle.render(language), title);
    let bold = styles.add(BOLD);
    let wrap = styles.add(WRAP);
    let mut row = 2u32;
    let domains: Vec<String> = crate::check::customer::domain_rules(options)
        .into_iter()
        .map(|rule| rule.shown)
        .collect();
    for line in general_rules(options, &domains) {
        sheet.text(row, 0, "•", bold);
        sheet.text(row, 1, line.render(language), wrap);
        row += 1;
    }
    row += 1;
    sheet.text(row, 0, Text::ColumnHeading.render(language), bold);
    sheet.text(row, 1, Text::RuleHeading.render(language), bold);
    row += 1;
    for column in Column::ALL {
        let rule = Text::ColumnRule {
            column,
            default_site: options.default_site_value(),
        };
        sheet.text(row, 0, words.header(column), bold);
        sheet.text(row, 1, rule.render(language), wrap);
        row += 1;
    }
    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        row += 1;
        sheet.text(row, 0, Text::SitesHeading.render(language), bold);
        let rule = Text::RuleSites { sites };
        sheet.text(row, 1, rule.render(language), wrap);
    }
    sheet
}

/// The file-wide rules, with this service's limits, domains and policies.
fn general_rules<'a>(options: &Options, domains: &'a [String]) -> Vec<Text<'a>> {
    let mut rules = vec![
        Text::RuleOneUserPerRow,
        Text::RuleRequired,
        Text::RuleLimits {
            rows: options.rows_limit(),
            bytes: options.bytes_limit(),
        },
        Text::RuleUniqueEmail,
    ];
    if !domains.is_empty() {
        rules.push(Text::RuleDomains { domains });
    }
    if options.existing_accounts().is_some() {
        rules.push(Text::RuleNewPeopleOnly);
    }
    rules.push(Text::RuleFormats);
    rules.push(Text::RuleAllOrNothing);
    rules
}

fn check_sites(sites: &[String]) -> Result<(), TemplateError> {
    let mut seen = std::collections::HashSet::new();
    for site in sites {
        let reason = if site.chars().count() > MAX_SITE_NAME_CHARS {
            Some("it is longer than 255 characters")
        } else if site.chars().any(char::is_control) {
            Some("it contains a control character")
        } else if site.starts_with(['=', '+', '-', '@']) {
            Some("it starts with a formula character (=, +, - or @)")
        } else if !seen.insert(site.to_lowercase()) {
            Some("it is given twice")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(TemplateError::InvalidSite {
                name: site.clone(),
                reason,
            });
        }
    }
    Ok(())
}

/// Whether the sites fit in a list validation's own text, which Excel caps at 255
/// characters and splits at commas.
fn fits_inline(sites: &[String]) -> bool {
    let joined: usize = sites.iter().map(|s| s.chars().count() + 1).sum();
    joined <= INLINE_LIST_CHARS && !sites.iter().any(|s| s.contains(',') || s.contains('"'))
}

/// The column's place in the template: its place in [`Column::ALL`].
fn column_number(column: Column) -> u16 {
    u16::try_from(column.index()).unwrap_or(0)
}

/// The column's width in the template, in characters.
fn width(column: Column) -> u16 {
    match column {
        Column::UserName => 30,
        Column::Email => 36,
        Column::UserType => 14,
        Column::Site => 22,
    }
}

/// The CSV template: UTF-8 with a byte order mark, so that Excel shows accents right,
/// the header row and `users`, CRLF line ends as Excel writes them.
pub(crate) fn csv(options: &Options, users: &[NewUser]) -> Vec<u8> {
    let words = words(options.sentence_language());
    let mut writer = super::csv::ExcelCsv::new();
    let header = Column::ALL.map(|column| words.header(column));
    let mut rows = vec![header.map(str::to_owned)];
    rows.extend(users.iter().map(|user| {
        [
            user.name.clone(),
            user.email.clone(),
            words.user_type(user.user_type).to_owned(),
            user.site.clone(),
        ]
    }));
    for row in rows {
        writer.record(&row);
    }
    writer.into_bytes()
}
