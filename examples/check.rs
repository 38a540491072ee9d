//! Checks an upload the way a service would, and prints the users or the problems.
//!
//! ```text
//! cargo run --release --example check -- [--json] [FILE]
//! ```
//!
//! With no FILE it checks the bundled sample `examples/data/sample.csv`. The format comes
//! from the file extension, else from the bytes. Exit code: 0 valid, 1 invalid,
//! 2 unreadable.

use std::process::ExitCode;

use bulk_users::{ErrorCode, Format, NewUser, RowErrors};

const SAMPLE: &[u8] = include_bytes!("data/sample.csv");

fn main() -> ExitCode {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: check [--json] [FILE]   (no FILE: the bundled sample)");
                return ExitCode::SUCCESS;
            }
            _ => path = Some(arg),
        }
    }
    let (name, bytes) = match &path {
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => (path.clone(), bytes),
            Err(error) => {
                eprintln!("check: cannot read {path}: {error}");
                return ExitCode::from(2);
            }
        },
        None => {
            println!("No FILE given: checking the bundled sample examples/data/sample.csv\n");
            ("examples/data/sample.csv".to_owned(), SAMPLE.to_vec())
        }
    };
    let Some(format) = Format::from_extension(&name).or_else(|| Format::detect(&bytes)) else {
        eprintln!("check: {name}: not a .csv, .xlsx, .xls or .ods file");
        return ExitCode::from(2);
    };
    let result = bulk_users::parse(&bytes, format);
    if json {
        let text = match &result {
            Ok(users) => serde_json::to_string_pretty(users),
            Err(errors) => serde_json::to_string_pretty(errors),
        };
        println!("{}", text.unwrap_or_default());
    } else {
        match &result {
            Ok(users) => print_users(&name, users),
            Err(errors) => print_errors(&name, errors),
        }
    }
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(errors) if errors.contains(ErrorCode::UnreadableFile) => ExitCode::from(2),
        Err(_) => ExitCode::from(1),
    }
}

fn print_users(name: &str, users: &[NewUser]) {
    println!("{name}: valid, {} users", users.len());
    let rows: Vec<[String; 4]> = users
        .iter()
        .map(|u| {
            [
                u.name.clone(),
                u.email.clone(),
                u.user_type.to_string(),
                u.site.clone(),
            ]
        })
        .collect();
    print_table(&["User name", "Email", "User type", "Site"], &rows);
}

fn print_errors(name: &str, errors: &RowErrors) {
    let noun = if errors.len() == 1 {
        "problem"
    } else {
        "problems"
    };
    println!("{name}: invalid, {} {noun}", errors.len());
    let rows: Vec<[String; 4]> = errors
        .iter()
        .map(|e| {
            [
                e.row.map_or_else(|| "-".to_owned(), |r| r.to_string()),
                e.column.map_or_else(|| "-".to_owned(), |c| c.to_string()),
                e.code.to_string(),
                e.message.clone(),
            ]
        })
        .collect();
    print_table(&["Row", "Column", "Code", "Problem"], &rows);
}

fn print_table<const N: usize>(headers: &[&str; N], rows: &[[String; N]]) {
    let mut widths = headers.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(headers.to_vec());
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
