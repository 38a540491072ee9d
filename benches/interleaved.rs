//! The 500-user parses beside their baselines, measured in turns: each round runs 25
//! batches of 200 parses of each, one after the other, and keeps each one's fastest
//! batch. A shared machine slows them all alike within a round, so the ratios move by a
//! few per cent where criterion's move by a tenth.
//!
//! `cargo bench --bench interleaved` (`-- 6` for six rounds) times the CSV beside the
//! csv reader and the naive peer; `-- xlsx` times the .xlsx beside calamine.
//! `BENCHMARKS.md` has the figures.

use std::hint::black_box;
use std::time::Instant;

use bulk_users::Format;

#[path = "support/baselines.rs"]
mod baselines;
#[path = "support/data.rs"]
#[allow(dead_code)]
mod data;

const BATCHES: usize = 25;

/// One thing timed: the bytes in, a count out.
type Run = fn(&[u8]) -> usize;

fn parse_csv(bytes: &[u8]) -> usize {
    bulk_users::parse(bytes, Format::Csv).map_or(0, |users| users.len())
}

fn naive(bytes: &[u8]) -> usize {
    baselines::naive(bytes).unwrap_or(0)
}

fn parse_xlsx(bytes: &[u8]) -> usize {
    bulk_users::parse(bytes, Format::Xlsx).map_or(0, |users| users.len())
}

/// calamine opening the workbook and reading the first sheet's range.
fn calamine_range(bytes: &[u8]) -> usize {
    use calamine::Reader;
    calamine::Xlsx::new(std::io::Cursor::new(bytes))
        .and_then(|mut workbook| workbook.worksheet_range("Users"))
        .map_or(0, |range| range.height())
}

const PARSES: u32 = 200;

fn main() {
    // `cargo bench` passes `--bench`; a number among the arguments is the rounds.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds = args.iter().find_map(|a| a.parse().ok()).unwrap_or(3);
    let (bytes, runs): (Vec<u8>, [(&str, Run, usize); 3]) = if args.iter().any(|a| a == "xlsx") {
        let runs = [
            ("parse/xlsx/500", parse_xlsx as Run, 500),
            ("calamine", calamine_range, 501),
            // The first again, so that each round shows how far one run moves.
            ("parse/xlsx/500 again", parse_xlsx, 500),
        ];
        (data::xlsx(500), runs)
    } else {
        let runs = [
            ("parse/csv/500", parse_csv as Run, 500),
            ("csv reader", baselines::csv_reader, 501),
            ("naive peer", naive, 500),
        ];
        (data::csv(500), runs)
    };
    // Each run is checked once before it is timed.
    for (name, run, count) in runs {
        assert_eq!(run(&bytes), count, "{name}");
    }
    let names = runs.map(|(name, ..)| name);
    println!(
        "{}: the fastest of {BATCHES} batches of {PARSES}",
        names.join(", ")
    );
    for round in 1..=rounds {
        let mut fastest = [f64::MAX; 3];
        for _ in 0..BATCHES {
            for ((_, run, _), best) in runs.iter().zip(&mut fastest) {
                let start = Instant::now();
                for _ in 0..PARSES {
                    black_box(run(black_box(&bytes)));
                }
                *best = best.min(start.elapsed().as_secs_f64() * 1e6 / f64::from(PARSES));
            }
        }
        let [ours, first, second] = fastest;
        println!(
            "round {round}: {ours:.1} µs, {} {first:.1} µs ({:.2}×), {} {second:.1} µs ({:.2}×)",
            names[1],
            ours / first,
            names[2],
            ours / second
        );
    }
}
