//! The templates a person fills in: .xlsx and .csv, generated from the Column table and
//! the same [`Options`] the parser uses, so that what they say is what is checked.

use rust_xlsxwriter::{DataValidation, Format, Formula, Worksheet};

use crate::message::{words, Text};
use crate::model::column::Column;
use crate::model::user::NewUser;
use crate::options::Options;
use crate::write::workbook::{self, Styles};

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
    /// A value given to pre-fill is longer than a spreadsheet cell holds (32,767
    /// characters).
    #[error("user {user}'s {column} is {length} characters long; a spreadsheet cell holds at most 32,767")]
    ValueTooLong {
        /// The user's place in the list given, from 0.
        user: usize,
        /// The column of the value.
        column: Column,
        /// How many characters it has.
        length: usize,
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

    let styles = Styles::new();
    let mut book = workbook::book(Some("Users to add"))?;
    users_sheet(book.add_worksheet(), &styles, options, users)?;
    instructions_sheet(book.add_worksheet(), &styles, options)?;
    if !sites.is_empty() && !fits_inline(sites) {
        let list = book.add_worksheet().set_name(SITES_SHEET)?;
        for (row, site) in (0u32..).zip(sites) {
            workbook::write_text(list, row, 0, site, &Format::default())?;
        }
        list.set_hidden(true);
    }
    workbook::save(&mut book)
}

fn users_sheet(
    sheet: &mut Worksheet,
    styles: &Styles,
    options: &Options,
    users: &[NewUser],
) -> Result<(), TemplateError> {
    let language = options.sentence_language();
    let words = words(language);
    sheet.set_name("Users")?.set_active(true);
    for column in Column::ALL {
        let index = column_number(column);
        sheet.write_string_with_format(0, index, words.header(column), &styles.header)?;
        sheet.set_column_width(index, workbook::width(column))?;
        if let Some(format) = styles.column(column) {
            sheet.set_column_format(index, format)?;
        }
        sheet.insert_note(0, index, &workbook::column_note(options, column))?;
    }
    sheet.set_freeze_panes(1, 0)?;

    let last_row = options.rows_limit().max(1);
    let user_type = column_number(Column::UserType);
    let dropdown = workbook::user_type_dropdown(language)?;
    sheet.add_data_validation(1, user_type, last_row, user_type, &dropdown)?;

    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        let list = if fits_inline(sites) {
            DataValidation::new().allow_list_strings(sites)?
        } else {
            let range = format!("{SITES_SHEET}!$A$1:$A${}", sites.len());
            DataValidation::new().allow_list_formula(Formula::new(range))
        };
        let error = Text::SiteErrorMessage {
            default_site: options.default_site_value(),
        };
        let dropdown = list
            .set_error_title(Text::SiteErrorTitle.render(language))?
            .set_error_message(error.render(language))?;
        let site = column_number(Column::Site);
        sheet.add_data_validation(1, site, last_row, site, &dropdown)?;
    }

    for (index, (row, user)) in (1u32..).zip(users).enumerate() {
        let kind = words.user_type(user.user_type);
        let site = (user.site != options.default_site_value()).then_some(user.site.as_str());
        let values = [
            (Column::UserName, Some(user.name.as_str())),
            (Column::Email, Some(user.email.as_str())),
            (Column::UserType, Some(kind)),
            (Column::Site, site),
        ];
        for (column, value) in values {
            let Some(value) = value else { continue };
            if let (_, Some(length)) = workbook::fit(value) {
                return Err(TemplateError::ValueTooLong {
                    user: index,
                    column,
                    length,
                });
            }
            let plain = Format::default();
            let format = styles.column(column).unwrap_or(&plain);
            workbook::write_text(sheet, row, column_number(column), value, format)?;
        }
    }
    Ok(())
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    styles: &Styles,
    options: &Options,
) -> Result<(), TemplateError> {
    let language = options.sentence_language();
    let words = words(language);
    sheet.set_name("Instructions")?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 90)?;
    let title = Text::TemplateTitle.render(language);
    sheet.write_string_with_format(0, 0, title, &styles.title)?;
    let mut row = 2u32;
    let domains: Vec<String> = crate::check::customer::domain_rules(options)
        .into_iter()
        .map(|rule| rule.shown)
        .collect();
    for line in general_rules(options, &domains) {
        sheet.write_string_with_format(row, 0, "•", &styles.bold)?;
        sheet.write_string_with_format(row, 1, line.render(language), &styles.wrap)?;
        row += 1;
    }
    row += 1;
    let heading = Text::ColumnHeading.render(language);
    sheet.write_string_with_format(row, 0, heading, &styles.bold)?;
    let heading = Text::RuleHeading.render(language);
    sheet.write_string_with_format(row, 1, heading, &styles.bold)?;
    row += 1;
    for column in Column::ALL {
        let rule = Text::ColumnRule {
            column,
            default_site: options.default_site_value(),
        };
        sheet.write_string_with_format(row, 0, words.header(column), &styles.bold)?;
        sheet.write_string_with_format(row, 1, rule.render(language), &styles.wrap)?;
        row += 1;
    }
    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        row += 1;
        let heading = Text::SitesHeading.render(language);
        sheet.write_string_with_format(row, 0, heading, &styles.bold)?;
        let rule = Text::RuleSites { sites }.render(language);
        let (rule, _) = workbook::fit(&rule);
        sheet.write_string_with_format(row, 1, rule.as_ref(), &styles.wrap)?;
    }
    Ok(())
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
    match crate::model::column::unusable_site(sites) {
        Some((site, reason)) => Err(TemplateError::InvalidSite {
            name: site.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

/// Whether the sites fit in a list validation's own text, which Excel caps at 255
/// characters (commas included) and splits at commas.
fn fits_inline(sites: &[String]) -> bool {
    let joined: usize = sites.iter().map(|s| s.encode_utf16().count() + 1).sum();
    joined <= INLINE_LIST_CHARS.saturating_add(1)
        && !sites.iter().any(|s| s.contains(',') || s.contains('"'))
}

/// The column's place in the template: its place in [`Column::ALL`].
fn column_number(column: Column) -> u16 {
    u16::try_from(column.index()).unwrap_or(0)
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
