//! The templates a person fills in: .xlsx and .csv, generated from the Column table and
//! the same [`Options`] the parser uses, so that what they say is what is checked.

use rust_xlsxwriter::{
    Color, DataValidation, Format as CellFormat, FormatBorder, Formula, Note, Workbook, Worksheet,
    XlsxError,
};

use crate::options::{human_size, Options};
use crate::{Column, NewUser, UserType};

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
    let header_format = CellFormat::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F_4E_79))
        .set_border_bottom(FormatBorder::Thin);
    // Text format keeps what a person types as typed: `101` stays `101`, `0012` keeps
    // its zeros, and a long number is not turned into 1.2E+15.
    let text = CellFormat::new().set_num_format_index(49);
    for (index, column) in (0u16..).zip(Column::ALL) {
        sheet.write_string_with_format(0, index, column.template_header(), &header_format)?;
        sheet.set_column_width(index, width(column))?;
        if column != Column::UserType {
            sheet.set_column_format(index, &text)?;
        }
        let note = Note::new(column.rule(options.default_site_value()))
            .set_author("Template")
            .add_author_prefix(false)
            .set_width(320)
            .set_height(90);
        sheet.insert_note(0, index, &note)?;
    }
    sheet.set_freeze_panes(1, 0)?;

    let last_row = max_rows.max(1);
    let kinds = DataValidation::new()
        .allow_list_strings(&[UserType::Standard.as_str(), UserType::Privileged.as_str()])?
        .set_input_title("User type")?
        .set_input_message("Standard or Privileged. Leave empty for Standard.")?
        .set_error_title("Not a user type")?
        .set_error_message(
            "Choose Standard or Privileged from the list, or leave the cell empty for \
             Standard.",
        )?;
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
            .set_error_title("Not one of the sites")?
            .set_error_message(format!(
                "Choose a site from the list, or leave the cell empty for {}.",
                options.default_site_value()
            ))?;
        let site = column_number(Column::Site);
        sheet.add_data_validation(1, site, last_row, site, &list)?;
    }

    for (row, user) in (1u32..).zip(users) {
        sheet.write_string(row, column_number(Column::UserName), &user.name)?;
        sheet.write_string(row, column_number(Column::Email), &user.email)?;
        sheet.write_string(
            row,
            column_number(Column::UserType),
            user.user_type.as_str(),
        )?;
        if user.site != options.default_site_value() {
            sheet.write_string(row, column_number(Column::Site), &user.site)?;
        }
    }
    Ok(())
}

fn instructions_sheet(sheet: &mut Worksheet, options: &Options) -> Result<(), TemplateError> {
    let title = CellFormat::new().set_bold().set_font_size(14);
    let bold = CellFormat::new().set_bold();
    let wrap = CellFormat::new().set_text_wrap();
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 90)?;
    sheet.write_string_with_format(0, 0, "How to fill in this template", &title)?;
    let mut row = 2u32;
    for line in general_rules(options) {
        sheet.write_string_with_format(row, 0, "•", &bold)?;
        sheet.write_string_with_format(row, 1, line, &wrap)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Column", &bold)?;
    sheet.write_string_with_format(row, 1, "Rule", &bold)?;
    row += 1;
    for column in Column::ALL {
        sheet.write_string_with_format(row, 0, column.template_header(), &bold)?;
        sheet.write_string_with_format(row, 1, column.rule(options.default_site_value()), &wrap)?;
        row += 1;
    }
    let sites = options.allowed_sites_list();
    if !sites.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, "Sites", &bold)?;
        sheet.write_string_with_format(
            row,
            1,
            format!("The Site must be one of: {}.", sites.join(", ")),
            &wrap,
        )?;
    }
    Ok(())
}

/// The file-wide rules, in plain words, with this service's limits.
fn general_rules(options: &Options) -> Vec<String> {
    let domains: Vec<String> = options
        .email_domain_rules()
        .iter()
        .map(|rule| rule.shown.clone())
        .collect();
    let mut rules = vec![
        "Put one user on each row of the Users sheet, under the header. Do not change or \
         move the header row."
            .to_owned(),
        "Columns marked * are required. Empty rows are skipped.".to_owned(),
        format!(
            "At most {} users per file, and files of at most {}. Split larger lists into \
             several files.",
            options.max_rows_value(),
            human_size(options.max_bytes_value()),
        ),
        "Each email address may appear only once in the file.".to_owned(),
        "Save the file as Excel workbook (.xlsx) or as CSV (.csv, UTF-8 if your program \
         asks). OpenDocument (.ods) and Excel 97-2003 (.xls) work too."
            .to_owned(),
        "The whole file is checked at once: if anything is wrong, nothing is imported and \
         you get the list of every problem with its row number. Fix them and upload again."
            .to_owned(),
    ];
    if !domains.is_empty() {
        rules.insert(
            4,
            format!(
                "Use an email address at {}.",
                crate::options::join_words(&domains, "or")
            ),
        );
    }
    if options.existing_accounts().is_some() {
        rules.insert(
            4,
            "Add only people who do not have an account yet.".to_owned(),
        );
    }
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
pub(crate) fn csv(users: &[NewUser]) -> Vec<u8> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let header = Column::ALL.map(Column::template_header);
    let mut rows = vec![header.map(str::to_owned)];
    rows.extend(users.iter().map(|user| {
        [
            user.name.clone(),
            user.email.clone(),
            user.user_type.as_str().to_owned(),
            user.site.clone(),
        ]
    }));
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}
