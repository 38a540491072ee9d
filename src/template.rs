//! The templates a person fills in: .xlsx and .csv, generated from the Column table and
//! the same [`Options`] the parser uses, so that what they say is what is checked.

use rust_xlsxwriter::{
    Color, DataValidation, Format as CellFormat, FormatBorder, Formula, Note, Workbook, Worksheet,
    XlsxError,
};

use crate::message::{words, Language, Text};
use crate::options::Options;
use crate::{Column, NewUser, UserType};

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
        crate::template::xlsx(self, &[])
    }

    /// The .xlsx template with `users` already filled in: for sending a corrected or
    /// existing list back to a person to edit.
    ///
    /// # Errors
    ///
    /// As [`Options::write_template`], and [`TemplateError::TooManyUsers`] past the row
    /// limit.
    pub fn write_template_with(&self, users: &[NewUser]) -> Result<Vec<u8>, TemplateError> {
        crate::template::xlsx(self, users)
    }

    /// The CSV template: the header row, UTF-8 with a byte order mark so that Excel shows
    /// accents right.
    pub fn write_csv_template(&self) -> Vec<u8> {
        crate::template::csv(self, &[])
    }

    /// The CSV template with `users` filled in.
    pub fn write_csv_template_with(&self, users: &[NewUser]) -> Vec<u8> {
        crate::template::csv(self, users)
    }
}

/// The last row of a worksheet that can hold a user (Excel has 1,048,576 rows, one of
/// which is the header).
const SHEET_ROWS: u32 = 1_048_575;
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

impl From<XlsxError> for TemplateError {
    fn from(error: XlsxError) -> Self {
        TemplateError::Write(Box::new(error))
    }
}

/// Writes the .xlsx template, with `users` already filled in.
pub(crate) fn xlsx(options: &Options, users: &[NewUser]) -> Result<Vec<u8>, TemplateError> {
    let max_rows = options.max_rows_value();
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

    let mut workbook = Workbook::new();
    // A fixed creation date: the same options give the same bytes, and the crate reads
    // no clock (rust_xlsxwriter would stamp the time of writing).
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 1)?;
    workbook.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&created)
            .set_title("Users to add"),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("Users")?;
    sheet.set_active(true);
    users_sheet(sheet, options, users)?;

    let instructions = workbook.add_worksheet();
    instructions.set_name("Instructions")?;
    instructions_sheet(instructions, options)?;

    if !sites.is_empty() && !fits_inline(sites) {
        let list = workbook.add_worksheet();
        list.set_name(SITES_SHEET)?;
        for (row, site) in (0u32..).zip(sites) {
            list.write_string(row, 0, site)?;
        }
        list.set_hidden(true);
    }
    Ok(workbook.save_to_buffer()?)
}

fn users_sheet(
    sheet: &mut Worksheet,
    options: &Options,
    users: &[NewUser],
) -> Result<(), TemplateError> {
    let max_rows = options.max_rows_value();
    let language = options.language_value();
    let words = words(language);
    let header_format = CellFormat::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F_4E_79))
        .set_border_bottom(FormatBorder::Thin);
    // Text format keeps what a person types as typed: `101` stays `101`, `0012` keeps
    // its zeros, and a long number is not turned into 1.2E+15.
    let text = CellFormat::new().set_num_format_index(49);
    for (index, column) in (0u16..).zip(Column::ALL) {
        sheet.write_string_with_format(0, index, words.header(column), &header_format)?;
        sheet.set_column_width(index, width(column))?;
        if column != Column::UserType {
            sheet.set_column_format(index, &text)?;
        }
        let rule = Text::ColumnRule {
            column,
            default_site: options.default_site_value(),
        };
        let note = Note::new(rule.render(language))
            .set_author("Template")
            .add_author_prefix(false)
            .set_width(320)
            .set_height(90);
        sheet.insert_note(0, index, &note)?;
    }
    sheet.set_freeze_panes(1, 0)?;

    let last_row = max_rows.max(1);
    let kinds = user_type_dropdown(language)?;
    sheet.add_data_validation(
        1,
        column_number(Column::UserType),
        last_row,
        column_number(Column::UserType),
        &kinds,
    )?;

    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        let list = if fits_inline(sites) {
            DataValidation::new().allow_list_strings(sites)?
        } else {
            let formula = format!("={SITES_SHEET}!$A$1:$A${}", sites.len());
            DataValidation::new().allow_list_formula(Formula::new(formula))
        };
        let list = list
            .set_error_title(Text::SiteErrorTitle.render(language))?
            .set_error_message(
                Text::SiteErrorMessage {
                    default_site: options.default_site_value(),
                }
                .render(language),
            )?;
        let site = column_number(Column::Site);
        sheet.add_data_validation(1, site, last_row, site, &list)?;
    }

    for (row, user) in (1u32..).zip(users) {
        sheet.write_string(row, column_number(Column::UserName), &user.name)?;
        sheet.write_string(row, column_number(Column::Email), &user.email)?;
        sheet.write_string(
            row,
            column_number(Column::UserType),
            words.user_type(user.user_type),
        )?;
        if user.site != options.default_site_value() {
            sheet.write_string(row, column_number(Column::Site), &user.site)?;
        }
    }
    Ok(())
}

/// The User type dropdown: the two types in `language`, with its input and error texts.
pub(crate) fn user_type_dropdown(language: Language) -> Result<DataValidation, XlsxError> {
    let words = words(language);
    DataValidation::new()
        .allow_list_strings(&[
            words.user_type(UserType::Standard),
            words.user_type(UserType::Privileged),
        ])?
        .set_input_title(Text::UserTypeInputTitle.render(language))?
        .set_input_message(Text::UserTypeInputMessage.render(language))?
        .set_error_title(Text::UserTypeErrorTitle.render(language))?
        .set_error_message(Text::UserTypeErrorMessage.render(language))
}

fn instructions_sheet(sheet: &mut Worksheet, options: &Options) -> Result<(), TemplateError> {
    let language = options.language_value();
    let words = words(language);
    let title = CellFormat::new().set_bold().set_font_size(14);
    let bold = CellFormat::new().set_bold();
    let wrap = CellFormat::new().set_text_wrap();
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 90)?;
    sheet.write_string_with_format(0, 0, Text::TemplateTitle.render(language), &title)?;
    let mut row = 2u32;
    for line in general_rules(options) {
        sheet.write_string_with_format(row, 0, "•", &bold)?;
        sheet.write_string_with_format(row, 1, line.render(language), &wrap)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, Text::ColumnHeading.render(language), &bold)?;
    sheet.write_string_with_format(row, 1, Text::RuleHeading.render(language), &bold)?;
    row += 1;
    for column in Column::ALL {
        let rule = Text::ColumnRule {
            column,
            default_site: options.default_site_value(),
        };
        sheet.write_string_with_format(row, 0, words.header(column), &bold)?;
        sheet.write_string_with_format(row, 1, rule.render(language), &wrap)?;
        row += 1;
    }
    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, Text::SitesHeading.render(language), &bold)?;
        let rule = Text::RuleSites { sites };
        sheet.write_string_with_format(row, 1, rule.render(language), &wrap)?;
    }
    Ok(())
}

/// The file-wide rules, with this service's limits, domains and policies.
fn general_rules(options: &Options) -> Vec<Text<'_>> {
    let domains = options.email_domain_shown();
    let mut rules = vec![
        Text::RuleOneUserPerRow,
        Text::RuleRequired,
        Text::RuleLimits {
            rows: options.max_rows_value(),
            bytes: options.max_bytes_value(),
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

fn column_number(column: Column) -> u16 {
    match column {
        Column::UserName => 0,
        Column::Email => 1,
        Column::UserType => 2,
        Column::Site => 3,
    }
}

fn width(column: Column) -> f64 {
    match column {
        Column::UserName => 30.0,
        Column::Email => 36.0,
        Column::UserType => 14.0,
        Column::Site => 22.0,
    }
}

/// The CSV template: UTF-8 with a byte order mark, so that Excel shows accents right,
/// the header row and `users`, CRLF line ends as Excel writes them.
pub(crate) fn csv(options: &Options, users: &[NewUser]) -> Vec<u8> {
    let words = words(options.language_value());
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
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
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}
