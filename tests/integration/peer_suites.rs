//! The public test suites of peer projects (calamine's `tests/`, SheetJS's `test_files`,
//! Apache POI's `test-data/spreadsheet`, pyexcel's fixtures) run through the crate, from a
//! folder given to it, never vendored: how many files were tried, how many the crate
//! calls unreadable although calamine reads them, and how many took over 1 s or
//! 256 MiB. A report, not a pass/fail list: the last two must be zero.
//!
//! ```text
//! BULK_USERS_PEER_SUITES=/path/to/files cargo test --release --test integration \
//!     peer_suites -- --ignored --nocapture
//! ```

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bulk_users::{ErrorCode, Format, Options};
use calamine::Reader;

use crate::alloc::{measure, MIB};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Whether calamine reads the file's first sheet (a panic counts as no).
fn calamine_reads(bytes: &[u8]) -> bool {
    let bytes = bytes.to_vec();
    std::panic::catch_unwind(move || {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).ok()?;
        let first = book.sheet_names().first()?.clone();
        book.worksheet_range(&first).ok()
    })
    .ok()
    .flatten()
    .is_some()
}

#[derive(Default, Debug)]
struct Tally {
    tried: usize,
    unreadable: usize,
    unreadable_peer_reads: usize,
    panicked: usize,
    slow: usize,
    large: usize,
}

#[test]
#[ignore = "reads the folder named by BULK_USERS_PEER_SUITES"]
fn peer_suites() {
    let Some(dir) = std::env::var_os("BULK_USERS_PEER_SUITES") else {
        println!("BULK_USERS_PEER_SUITES is not set: nothing to read");
        return;
    };
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let options = Options::new().formats(Format::ALL);
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut notes = Vec::new();
    for path in paths {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let format = match extension.as_str() {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" => Format::Csv,
            _ => continue,
        };
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if bytes.len() > bulk_users::MAX_BYTES {
            continue;
        }
        let tally = tallies.entry(extension.clone()).or_default();
        tally.tried += 1;
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        let run = std::panic::AssertUnwindSafe(|| measure(|| options.check(&bytes, format)));
        let checked = std::panic::catch_unwind(run);
        let Ok((report, cost)) = checked else {
            tally.panicked += 1;
            notes.push(format!("{name}: panicked (calamine)"));
            continue;
        };
        if cost.elapsed > Duration::from_secs(1) {
            tally.slow += 1;
            notes.push(format!("{name}: {:?}", cost.elapsed));
        }
        if cost.peak > 256 * MIB {
            tally.large += 1;
            notes.push(format!("{name}: peak {} MiB", cost.peak / MIB));
        }
        let unreadable = report
            .errors
            .first()
            .is_some_and(|e| e.code == ErrorCode::UnreadableFile);
        if unreadable {
            tally.unreadable += 1;
            if format != Format::Csv && calamine_reads(&bytes) {
                tally.unreadable_peer_reads += 1;
                notes.push(format!(
                    "{name}: unreadable, calamine reads it: {}",
                    report.errors[0].message
                ));
            }
        }
    }
    for (extension, tally) in &tallies {
        println!("{extension}: {tally:?}");
    }
    for note in &notes {
        println!("  {note}");
    }
    let total: Tally = tallies.values().fold(Tally::default(), |mut all, t| {
        all.tried += t.tried;
        all.slow += t.slow;
        all.large += t.large;
        all
    });
    println!(
        "all: {} files, {} over 1 s, {} over 256 MiB",
        total.tried, total.slow, total.large
    );
}
