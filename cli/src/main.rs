//! `bulk-users`: check spreadsheets of users to add, exactly as a service using the
//! `bulk-users` crate would, and print every problem, or the JSON a web front end gets.
//!
//! ```text
//! bulk-users [OPTIONS] [FILE...]      (no FILE: the bundled sample)
//! ```
//!
//! Exit status: 0 when every file is valid, 1 when a file has problems, 2 when a file
//! cannot be read or the arguments are wrong.

#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use bulk_users::{ErrorCode, Format, Language, Options, Report, Settings, UnknownColumns};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const SAMPLE: &[u8] = include_bytes!("../data/sample.csv");
const SAMPLE_NAME: &str = "sample.csv";

const USAGE: &str = "\
usage: bulk-users [OPTIONS] [FILE...]

Checks each FILE (.csv, .tsv, .txt, .xlsx, .ods; .xls with --xls) as a list of users
to add. With no FILE, checks a bundled sample.

options:
  --json                      one JSON document for all files on standard output
  --errors-file OUT           write the file back with its problems: OUT.xlsx (marked
                              workbook) or OUT.csv (an Errors column); one FILE only
  --template OUT              write the template to fill in (OUT.xlsx or OUT.csv)
  --config FILE               the settings as JSON, the form a service reads (keys
                              max_rows, allowed_sites, language...); the options
                              below override them
  --lang TAG                  language of messages and files: en fr de es pt it nl ja
  --max-rows N                most users a file may hold (500)
  --default-site SITE         site of users whose Site is empty (HQ)
  --sites FILE                the allowed sites, one per line
  --email-domains LIST        the allowed email domains, comma-separated
  --existing FILE             addresses that already have accounts, one per line
  --ignore-unknown-columns    ignore columns the upload does not know
  --xls                       accept Excel 97-2003 .xls files
  -h, --help                  this text

exit status: 0 valid, 1 problems found, 2 unreadable file or bad arguments";

/// What the command line asks for.
#[derive(Default)]
struct Args {
    files: Vec<String>,
    json: bool,
    errors_file: Option<String>,
    template: Option<String>,
    config: Option<String>,
    language: Option<Language>,
    max_rows: Option<u32>,
    default_site: Option<String>,
    sites: Option<String>,
    email_domains: Option<String>,
    existing: Option<String>,
    ignore_unknown: bool,
    xls: bool,
}

fn parse_args() -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut args = Args::default();
    let mut parser = lexopt::Parser::from_env();
    let text = |value: std::ffi::OsString| {
        value
            .into_string()
            .map_err(|_| "an argument is not valid text".to_owned())
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("json") => args.json = true,
            Long("xls") => args.xls = true,
            Long("ignore-unknown-columns") => args.ignore_unknown = true,
            Long("errors-file") => {
                args.errors_file = Some(text(parser.value().map_err(|e| e.to_string())?)?)
            }
            Long("template") => {
                args.template = Some(text(parser.value().map_err(|e| e.to_string())?)?)
            }
            Long("config") => args.config = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Long("lang") => {
                let tag = text(parser.value().map_err(|e| e.to_string())?)?;
                args.language = Some(Language::from_tag(&tag).ok_or_else(|| {
                    format!(
                        "--lang {tag}: not a language this tool speaks (en fr de es pt it nl ja)"
                    )
                })?);
            }
            Long("max-rows") => {
                let value = text(parser.value().map_err(|e| e.to_string())?)?;
                args.max_rows = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--max-rows {value}: not a whole number"))?,
                );
            }
            Long("default-site") => {
                args.default_site = Some(text(parser.value().map_err(|e| e.to_string())?)?)
            }
            Long("sites") => args.sites = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Long("email-domains") => {
                args.email_domains = Some(text(parser.value().map_err(|e| e.to_string())?)?)
            }
            Long("existing") => {
                args.existing = Some(text(parser.value().map_err(|e| e.to_string())?)?)
            }
            Value(file) => args.files.push(text(file)?),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    if args.errors_file.is_some() && args.files.len() > 1 {
        return Err("--errors-file takes one FILE".to_owned());
    }
    Ok(Some(args))
}

fn lines_of(path: &str) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect())
}

fn options(args: &Args) -> Result<Options, String> {
    let mut options = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let settings: Settings =
                serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
            settings.to_options().map_err(|e| format!("{path}: {e}"))?
        }
        None => Options::new(),
    };
    if let Some(language) = args.language {
        options = options.language(language);
    }
    if let Some(max_rows) = args.max_rows {
        options = options.max_rows(max_rows);
    }
    if let Some(site) = &args.default_site {
        options = options.default_site(site.clone());
    }
    if let Some(path) = &args.sites {
        options = options.allowed_sites(lines_of(path)?);
    }
    if let Some(domains) = &args.email_domains {
        options = options.allowed_email_domains(domains.split(',').map(str::trim));
    }
    if let Some(path) = &args.existing {
        options = options.existing_emails(lines_of(path)?);
    }
    if args.ignore_unknown {
        options = options.unknown_columns(UnknownColumns::Ignore);
    }
    if args.xls {
        options = options.formats(Format::ALL);
    }
    Ok(options)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("bulk-users: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let options = match options(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("bulk-users: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(out) = &args.template {
        return write_template(&options, out);
    }
    let inputs: Vec<(String, Result<Vec<u8>, String>)> = if args.files.is_empty() {
        eprintln!("No FILE given: checking the bundled sample {SAMPLE_NAME}.");
        vec![(SAMPLE_NAME.to_owned(), Ok(SAMPLE.to_vec()))]
    } else {
        args.files
            .iter()
            .map(|path| (path.clone(), std::fs::read(path).map_err(|e| e.to_string())))
            .collect()
    };
    let mut status = 0u8;
    let mut checked = Vec::new();
    for (name, bytes) in inputs {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                checked.push((name, Err(format!("cannot read the file: {error}"))));
                status = 2;
                continue;
            }
        };
        let Some(format) = Format::of_file(&name, &bytes) else {
            let error = "not a .csv, .xlsx, .ods or .xls file".to_owned();
            checked.push((name, Err(error)));
            status = 2;
            continue;
        };
        let report = options.check(&bytes, format);
        let unreadable = report
            .errors
            .iter()
            .any(|e| e.row.is_none() && e.code != ErrorCode::NoRows);
        status = status.max(if unreadable {
            2
        } else {
            u8::from(!report.is_valid())
        });
        if let Some(out) = &args.errors_file {
            if let Err(message) = write_errors_file(&options, &bytes, format, out) {
                eprintln!("bulk-users: {out}: {message}");
                status = 2;
            }
        }
        checked.push((name, Ok((format, report))));
    }
    let printed = if args.json {
        print_json(&checked)
    } else {
        print_tables(&checked)
    };
    // A closed pipe (`| head`) ends the output quietly.
    let _ = printed;
    ExitCode::from(status)
}

fn write_template(options: &Options, out: &str) -> ExitCode {
    let bytes = if out.to_ascii_lowercase().ends_with(".csv") {
        Ok(options.write_csv_template())
    } else {
        options.write_template().map_err(|e| e.to_string())
    };
    match bytes.and_then(|bytes| std::fs::write(out, bytes).map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bulk-users: {out}: {message}");
            ExitCode::from(2)
        }
    }
}

fn write_errors_file(
    options: &Options,
    bytes: &[u8],
    format: Format,
    out: &str,
) -> Result<(), String> {
    let file = if out.to_ascii_lowercase().ends_with(".csv") {
        options.errors_csv(bytes, format)
    } else {
        options
            .errors_xlsx(bytes, format)
            .map_err(|e| e.to_string())?
    };
    std::fs::write(out, file).map_err(|e| e.to_string())
}

/// What was made of one file: its format and report, or why it could not be checked.
type Checked = (String, Result<(Format, Report), String>);

fn print_json(checked: &[Checked]) -> std::io::Result<()> {
    let files: Vec<serde_json::Value> = checked
        .iter()
        .map(|(name, result)| match result {
            Err(error) => serde_json::json!({ "file": name, "valid": false, "error": error }),
            Ok((format, report)) => serde_json::json!({
                "file": name,
                "format": format,
                "valid": report.is_valid(),
                "users": report.users,
                "errors": report.errors,
                "encoding": report.encoding,
                "delimiter": report.delimiter,
                "notes": report.notes,
            }),
        })
        .collect();
    let document = serde_json::json!({ "files": files });
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &document)?;
    writeln!(out)
}

/// Colours, only on a terminal and never with `NO_COLOR`.
struct Paint {
    on: bool,
}

impl Paint {
    fn new() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Paint {
            on: std::io::stdout().is_terminal() && !no_color,
        }
    }

    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

fn terminal_width() -> usize {
    terminal_size::terminal_size()
        .map(|(terminal_size::Width(w), _)| usize::from(w))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(100)
        .clamp(40, 400)
}

/// `1 user`, `2 users`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Where a problem is, as a person finds it: `B3` for a cell, `row 502` for a row,
/// nothing for the whole file.
fn place(error: &bulk_users::RowError) -> String {
    match (error.column_letter(), error.row) {
        (Some(letter), Some(row)) => format!("{letter}{row}"),
        (None, Some(row)) => format!("row {row}"),
        _ => String::new(),
    }
}

fn print_tables(checked: &[Checked]) -> std::io::Result<()> {
    let paint = Paint::new();
    let width = terminal_width();
    let mut out = std::io::stdout().lock();
    for (name, result) in checked {
        let (format, report) = match result {
            Ok((format, report)) => (format, report),
            Err(error) => {
                writeln!(
                    out,
                    "{}: {}\n",
                    paint.wrap("1", name),
                    paint.wrap("31", error)
                )?;
                continue;
            }
        };
        let read_as = match (&report.encoding, report.delimiter) {
            (Some(encoding), Some(delimiter)) => {
                let delimiter = if delimiter == '\t' {
                    "tab".to_owned()
                } else {
                    format!("\"{delimiter}\"")
                };
                format!("{format}, {encoding}, {delimiter}")
            }
            _ => format.to_string(),
        };
        let verdict = if report.is_valid() {
            paint.wrap("32", "valid")
        } else {
            paint.wrap("31", &count(report.errors.len(), "problem"))
        };
        writeln!(
            out,
            "{}: {}, {verdict} ({read_as})",
            paint.wrap("1", name),
            count(report.users.len(), "user")
        )?;
        for note in &report.notes {
            match note.row {
                Some(row) => writeln!(out, "  note, row {row}: {}", note.message)?,
                None => writeln!(out, "  note: {}", note.message)?,
            }
        }
        if !report.errors.is_empty() {
            print_error_table(&mut out, report, width, &paint)?;
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for error in &report.errors {
                match counts
                    .iter_mut()
                    .find(|(code, _)| *code == error.code.as_str())
                {
                    Some((_, count)) => *count += 1,
                    None => counts.push((error.code.as_str(), 1)),
                }
            }
            let summary: Vec<String> = counts
                .iter()
                .map(|(code, n)| format!("{code} ×{n}"))
                .collect();
            writeln!(out, "  {}", summary.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn print_error_table(
    out: &mut impl Write,
    report: &Report,
    width: usize,
    paint: &Paint,
) -> std::io::Result<()> {
    let rows: Vec<(String, String, String)> = report
        .errors
        .iter()
        .map(|e| {
            let column = e.column.map(|c| c.name().to_owned()).unwrap_or_default();
            (place(e), column, e.message.clone())
        })
        .collect();
    let cell_width = rows.iter().map(|r| r.0.width()).max().unwrap_or(0).max(5);
    let column_width = rows.iter().map(|r| r.1.width()).max().unwrap_or(0).max(6);
    let message_width = width.saturating_sub(cell_width + column_width + 8).max(20);
    writeln!(
        out,
        "  {}",
        paint.wrap(
            "1",
            &format!(
                "{:cell_width$}  {:column_width$}  Problem",
                "Where", "Column"
            )
        )
    )?;
    for (cell, column, message) in rows {
        for (i, line) in wrap(&message, message_width).iter().enumerate() {
            if i == 0 {
                writeln!(
                    out,
                    "  {}  {}  {line}",
                    pad(&cell, cell_width),
                    pad(&column, column_width)
                )?;
            } else {
                writeln!(
                    out,
                    "  {}  {}  {line}",
                    pad("", cell_width),
                    pad("", column_width)
                )?;
            }
        }
    }
    Ok(())
}

/// `text` padded with spaces to `width` display columns (East Asian wide characters
/// count two).
fn pad(text: &str, width: usize) -> String {
    let missing = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(missing))
}

/// `text` in lines of at most `width` display columns, broken at spaces where there are
/// any (Japanese has none: it breaks between characters).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0usize;
    for word in text.split_inclusive(' ') {
        let word_width = word.trim_end().width();
        if line_width + word_width > width && !line.is_empty() {
            lines.push(line.trim_end().to_owned());
            line.clear();
            line_width = 0;
        }
        if word_width > width {
            for c in word.chars() {
                let w = c.width().unwrap_or(0);
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += w;
            }
        } else {
            line.push_str(word);
            line_width += word.width();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_display_columns() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("山田太郎山田", 4), ["山田", "太郎", "山田"]);
        assert_eq!(pad("山田", 6), "山田  ");
        assert_eq!(wrap("", 10), Vec::<String>::new());
    }

    #[test]
    fn counts_and_places_read_as_a_person_says_them() {
        assert_eq!(count(1, "user"), "1 user");
        assert_eq!(count(0, "problem"), "0 problems");
        assert_eq!(count(2, "user"), "2 users");
        let too_many = Options::new().max_rows(1);
        let report = too_many.check(b"User name*,Email*\na,a@x.io\nb,b@x.io\n", Format::Csv);
        assert_eq!(place(&report.errors[0]), "row 3");
        let bad = Options::new().check(b"User name*,Email*\na,nope\n", Format::Csv);
        assert_eq!(place(&bad.errors[0]), "B2");
        let empty = Options::new().check(b"", Format::Csv);
        assert_eq!(place(&empty.errors[0]), "");
    }
}

#[cfg(test)]
mod config_tests {
    use super::*;

    #[test]
    fn the_config_file_is_the_settings_and_flags_override_it() {
        let dir = std::env::temp_dir().join(format!("bulk-users-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("settings.json");
        std::fs::write(
            &path,
            r#"{"max_rows": 7, "language": "de", "default_site": "Bonn"}"#,
        )
        .unwrap();
        let config = Some(path.to_string_lossy().into_owned());
        let args = Args {
            config: config.clone(),
            max_rows: Some(9),
            ..Args::default()
        };
        let read = options(&args).unwrap();
        assert_eq!(read.rows_limit(), 9);
        assert_eq!(read.sentence_language(), Language::German);
        let users = read
            .parse(b"Benutzername*,E-Mail*\nAda,ada@example.com\n", Format::Csv)
            .unwrap();
        assert_eq!(users[0].site, "Bonn");
        std::fs::write(&path, r#"{"max_row": 7}"#).unwrap();
        let args = Args {
            config,
            ..Args::default()
        };
        let error = options(&args).unwrap_err();
        assert!(error.contains("unknown field `max_row`"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
