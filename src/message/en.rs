//! English.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;
use crate::model::user::UserType;

pub(super) static WORDS: Words = Words {
    sizes: (["bytes", "KiB", "MiB"], '.'),
    formats: [
        "a CSV file",
        "an Excel workbook (.xlsx)",
        "an Excel 97-2003 workbook (.xls)",
        "an OpenDocument spreadsheet (.ods)",
    ],
    quotes: ["\"", "\""],
    list: |items| join(items, "and"),
    users: ["user", "users"],
    // English is the canonical language: its names are the model's.
    columns: [
        Column::UserName.name(),
        Column::Email.name(),
        Column::UserType.name(),
        Column::Site.name(),
    ],
    headers: [
        Column::UserName.template_header(),
        Column::Email.template_header(),
        Column::UserType.template_header(),
        Column::Site.template_header(),
    ],
    user_types: [UserType::Standard.as_str(), UserType::Privileged.as_str()],
    row_column: |row, column, message| format!("Row {row}, {column}: {message}"),
    row: |row, message| format!("Row {row}: {message}"),
    summary: |count| match count {
        1 => "1 problem in the file:".to_owned(),
        n => format!("{n} problems in the file:"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "The file is {size} bytes; at most {max} bytes ({}) are accepted. Split the \
             users into smaller files.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "The file is larger than {max} bytes ({}), the most accepted. Split the users \
             into smaller files.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "The file is empty: it has no header row and no users. Fill in \
                            the template with one user per row and upload it again."
            .to_owned(),
        Text::NoRows => {
            "The file has a header row but no users. Add one user per row under the header."
                .to_owned()
        }
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "Files in .{} format are not accepted here. Save the file as .{} and upload \
                 it again.",
                format.extension(),
                accepted.join(" or .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "This file is not {} but looks like {}. Upload it with the right file \
             extension, or save it again as .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "This file could not be read as {}. Save it again from your spreadsheet program \
             as .xlsx or .csv and upload it again.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "This file is {}, not {}. Open it in your spreadsheet program, save it as an \
             Excel workbook (.xlsx) or as CSV UTF-8, and upload that.",
            match markup {
                Markup::WebPage => "a web page (HTML)",
                Markup::XmlSpreadsheet => "an XML Spreadsheet 2003",
                Markup::FlatOpenDocument => "a flat OpenDocument spreadsheet (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "This file is not text: it holds binary data. Save it as CSV or \
                          .xlsx from your spreadsheet program and upload it again."
            .to_owned(),
        Text::Utf32 => "This file is text saved as UTF-32, which this upload does not \
                          read. Save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8 \
                          (Comma delimited)) and upload it again."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "The workbook expands to more than {} when unpacked, far more than a list of \
             users needs. Copy the users into a new workbook (or the template) and upload \
             that.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "The workbook is protected with a password. Remove the password \
                            (or save an unprotected copy) and upload it again."
            .to_owned(),
        Text::NoSheet => "The workbook has no worksheet. Fill in the template's Users sheet \
                          and upload it again."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "Files in .{} format are not accepted here. Save the file as .xlsx and upload it \
             again.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "Columns {} and {} are both {}. Keep one of them and delete the other.",
            column_letters(first),
            column_letters(second),
            WORDS.column(column)
        ),
        Text::UnknownColumn { index, header } => format!(
            "Column {} is headed \"{}\", which is not a column this upload knows. The \
             columns are {}. Rename the header or delete the column.",
            column_letters(index),
            shown(header),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "The header row has more than {max} columns. Keep only the columns {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "1 more header cell is an unknown or repeated column. Keep only the columns {}, \
             each once.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "{count} more header cells are unknown or repeated columns. Keep only the \
             columns {}, each once.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "The header row has no {} column. Add a column headed \"{}\".",
            WORDS.column(column),
            WORDS.header(column)
        ),
        Text::TooManyRows { limit } => format!(
            "The file has more than {}; this is the first row past the limit. Split the \
             users into files of at most {} each.",
            WORDS.users(limit),
            WORDS.users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "at least " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (and {at_least}1 more column)"),
                n => format!(" (and {at_least}{n} more columns)"),
            };
            format!(
                "Column {}{others} has a value but no header. Delete the value, or give the \
                 column a header.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} is already used on row {first}. Each user needs their own email \
             address."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "The file is not UTF-8, so its characters were read as {}. If names look wrong, \
             save the file as \"CSV UTF-8\" and upload it again.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Invisible characters (such as direction marks or \
                                   zero-width spaces, often left by copy and paste) were \
                                   removed from this row's values."
            .to_owned(),
        Text::MergedSpread => "A merged cell covers this row: its value was used for every \
                               cell it covers, as the spreadsheet shows it."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Required. The person's full name, at most {} characters. It may not start \
                 with =, +, - or @.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Required. One email address such as name@example.com, at most {} \
                 characters. Each user needs their own address.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Standard or Privileged. Leave empty for Standard.".to_owned(),
            Column::Site => format!(
                "The person's site or office, at most {} characters. Leave empty for \
                 {default_site}. It may not start with =, +, - or @.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "How to fill in this template".to_owned(),
        Text::RuleOneUserPerRow => "Put one user on each row of the Users sheet, under the \
                                    header. Do not change or move the header row."
            .to_owned(),
        Text::RuleRequired => "Columns marked * are required. Empty rows are skipped.".to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "At most {} per file, and files of at most {}. Split larger lists into \
             several files.",
            WORDS.users(rows),
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => "Each email address may appear only once in the file.".to_owned(),
        Text::RuleDomains { domains } => {
            format!("Use an email address at {}.", join(domains, "or"))
        }
        Text::RuleNewPeopleOnly => "Add only people who do not have an account yet.".to_owned(),
        Text::RuleFormats => "Save the file as Excel workbook (.xlsx) or as CSV (.csv, UTF-8 \
                              if your program asks). OpenDocument (.ods) and Excel 97-2003 \
                              (.xls) work too."
            .to_owned(),
        Text::RuleAllOrNothing => "The whole file is checked at once: if anything is wrong, \
                                   nothing is imported and you get the list of every \
                                   problem with its row number. Fix them and upload again."
            .to_owned(),
        Text::RuleSites { sites } => format!("The Site must be one of: {}.", sites.join(", ")),
        Text::ColumnHeading => "Column".to_owned(),
        Text::RuleHeading => "Rule".to_owned(),
        Text::SitesHeading => "Sites".to_owned(),
        Text::UserTypeInputTitle => "User type".to_owned(),
        Text::UserTypeInputMessage => {
            "Standard or Privileged. Leave empty for Standard.".to_owned()
        }
        Text::UserTypeErrorTitle => "Not a user type".to_owned(),
        Text::UserTypeErrorMessage => "Choose Standard or Privileged from the list, or leave \
                                       the cell empty for Standard."
            .to_owned(),
        Text::SiteErrorTitle => "Not one of the sites".to_owned(),
        Text::SiteErrorMessage { default_site } => {
            format!("Choose a site from the list, or leave the cell empty for {default_site}.")
        }
        Text::RowHeading => "Row".to_owned(),
        Text::ErrorsHeading => "Errors".to_owned(),
        Text::ProblemsSheetTitle => "Problems".to_owned(),
        Text::ProblemHeading => "Problem".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "The file has {users} users; at most {limit} can be added at once. Split them \
             into files of at most {} and upload each.",
            WORDS.users(limit)
        ),
        Text::DidYouMean { meant } => format!(" Did you mean {}?", WORDS.q(meant)),
        Text::KnownList {
            system,
            used,
            ignored,
        } => format!(
            "This is a {system} list: read from its columns {}; its {ignored} other \
             columns were ignored.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined {
            display_name: false,
        } => "Each User name is the first name and the last name joined with a space.".to_owned(),
        Text::NamesJoined { display_name: true } => "Where the display name is empty, the \
                                                     User name is the first name and the \
                                                     last name joined with a space."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "The header is on this row; the {} above it ({}) {} skipped.",
            if rows.len() == 1 { "row" } else { "rows" },
            numbers(rows),
            if rows.len() == 1 { "was" } else { "were" }
        ),
        Text::ExampleRow { system } => format!(
            "This is the example row of the {system} template, not a person to add. Delete \
             the row."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("and {more} more"));
            if rows.len() + more == 1 {
                format!("Row {listed} is hidden in the spreadsheet and was read like the others.")
            } else {
                format!(
                    "Rows {listed} are hidden in the spreadsheet and were read like the others."
                )
            }
        }
        Text::Utf16WithoutBom { name } => {
            format!("The file is {name} text without the mark that says so; it was read as {name}.")
        }
        Text::NulPadding => {
            "The file ends with zero bytes that are not text; they were left out.".to_owned()
        }
        Text::ValueCut { length, shown } => format!(
            "This value is {length} characters long, more than a spreadsheet cell holds: \
             only its first {shown} are shown here. Shorten it in the file you uploaded."
        ),
        Text::RowsNotShown { last } => format!(
            "The file is too large to show here with its problems: only rows up to {last} \
             are shown. Split it into smaller files and \
             upload each."
        ),
        Text::UnreadableUpload => "The upload could not be read, so the Users sheet is the \
                                   empty template: copy the users into it and upload it."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.column(column);
    let quoted = format!("\"{}\"", shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => "Email is empty. Every user needs an email address.".to_owned(),
            _ => format!(
                "{name} is empty. Every user needs a {}.",
                name.to_lowercase()
            ),
        },
        Problem::ErrorCell => format!(
            "The cell shows the spreadsheet error {value}. Replace it with the {} itself.",
            name.to_lowercase()
        ),
        Problem::NoResult => format!(
            "{name} is a formula whose result is not saved in the file, so what it shows is \
             unknown. Open the file in your spreadsheet program, save it, and upload it again \
             (or type the value instead of the formula)."
        ),
        Problem::NotANumber => format!(
            "{name} holds {quoted} in a cell the file marks as a number, so what a \
             spreadsheet shows for it is unknown. Open the file in your spreadsheet program, \
             type the value again, save it, and upload it again."
        ),
        Problem::NoDate => format!(
            "{name} shows ##### in Excel: the cell holds the number {quoted} in a date or \
             time format, and no date or time has that number. Format the cell as Text, type \
             the value again, save the file, and upload it again."
        ),
        Problem::Control => format!(
            "{name} contains a tab, a line break or another control character. Type the \
             value on a single line."
        ),
        Problem::NotIn { encoding: page } => format!("{name} has bytes that are no character in {} (shown as \u{FFFD}), the encoding the file was read in. Save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8 (Comma delimited)) and upload it again.", encoding(page)),
        Problem::Cesu8 => format!("{name} has characters written as Oracle and Java write \"UTF8\" (CESU-8), which is not the UTF-8 spreadsheets read. Save the file as \"CSV UTF-8\" from a spreadsheet program and upload it again."),
        Problem::UnsureEncoding => format!("{name} has accented letters whose encoding could not be told from the file, so they are not guessed. Save the file as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8 (Comma delimited)) and upload it again."),
        Problem::Unreadable => format!(
            "{name} has characters that could not be read (shown as \u{FFFD}): the file is \
             not in the encoding it was read in. Save it as \"CSV UTF-8\" (in Excel: Save \
             As, CSV UTF-8 (Comma delimited)) and upload it again."
        ),
        Problem::TooLong { chars, max } => {
            format!("{name} is {chars} characters long; at most {max} are allowed. Shorten it.")
        }
        Problem::Unsafe { first } => format!(
            "{quoted} starts with \"{first}\", which spreadsheet programs treat as a \
             formula. Remove the \"{first}\" at the start."
        ),
        Problem::UserType => format!(
            "{quoted} is not a user type. Use Standard or Privileged, or leave the cell \
             empty for Standard."
        ),
        Problem::Email(EmailProblem::Space) => {
            format!("{quoted} contains a space. An email address has no spaces; remove them.")
        }
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} contains a hidden character, such as a non-breaking or zero-width \
             space, often left by copy and paste. Type the address again."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} is a name with an address. Write the address alone, in the form \
             name@example.com."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} has more than one @. Write one address per cell, in the form \
             name@example.com."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} is not an email address. Use the form name@example.com.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} is not one of the sites. Use one of {}, or leave the cell empty for \
             the default site.",
            WORDS.quoted_join(allowed, "or")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} is not at one of this organisation's domains. Use an address at {}.",
            domain_list(allowed, "or", |n| format!("one of {n} more"))
        ),
        Problem::EmailExists => {
            format!("{value} already has an account. Remove this row, or use another address.")
        }
    }
}

/// How a person knows an encoding: "Cyrillic (windows-1251)".
fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Central European",
            "Cyrillic",
            "Western European",
            "Greek",
            "Turkish",
            "Hebrew",
            "Arabic",
            "Baltic",
            "Vietnamese",
            "Thai",
            "Japanese",
            "Chinese Simplified",
            "Chinese Traditional",
            "Korean",
        ],
    )
}
