//! Every input the fuzzers keep (fuzz/corpus/) and every crash they found
//! (fuzz/artifacts/), replayed through the fuzz targets' own invariants on stable Rust,
//! so that what broke once stays fixed.

use std::path::Path;

use bulk_users::Format;

#[path = "../../fuzz/src/invariants.rs"]
#[allow(dead_code)]
mod invariants;

fn inputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Replays one target's inputs the way the target reads them.
fn replay(target: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in [
        root.join("corpus").join(target),
        root.join("artifacts").join(target),
    ] {
        for (name, data) in inputs(&dir) {
            let outcome = std::panic::catch_unwind(|| match target {
                "parse_csv" => invariants::check(&data, Format::Csv),
                "parse_ods" => invariants::check(&invariants::ods_from_fuzz(&data), Format::Ods),
                "parse_xlsx" => {
                    invariants::check(&invariants::workbook_from_fuzz(&data), Format::Xlsx)
                }
                // As the target reads it: no panic (.xls is refused by default, so the
                // invariants, which hold for the default options, do not apply).
                "parse_xls" => {
                    let options = bulk_users::Options::new().formats([Format::Xls]);
                    let _ = options.check(&data, Format::Xls);
                }
                _ => {
                    if let Some((&first, rest)) = data.split_first() {
                        invariants::check(rest, invariants::format_for(first));
                    }
                }
            });
            assert!(outcome.is_ok(), "{name} breaks an invariant");
            count += 1;
        }
    }
    count
}

#[test]
fn fuzz_corpora_and_crashes_keep_every_invariant() {
    let csv = replay("parse_csv");
    let xlsx = replay("parse_xlsx");
    let any = replay("parse_any");
    let ods = replay("parse_ods");
    let xls = replay("parse_xls");
    assert!(
        csv > 0 && xlsx > 0 && any > 0 && ods > 0 && xls > 0,
        "{csv} {xlsx} {any} {ods} {xls}: the seed corpora are missing"
    );
}
