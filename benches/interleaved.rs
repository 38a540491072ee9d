//! The 500-user CSV parse beside its two baselines, measured in turns: each round runs
//! 25 batches of 200 parses of each, one after the other, and keeps each one's fastest
//! batch. A shared machine slows all three alike within a round, so the ratios move by
//! a few per cent where criterion's move by a tenth.
//!
//! `cargo bench --bench interleaved` (`-- 6` for six rounds); `BENCHMARKS.md` has the
//! figures.

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

fn parse(bytes: &[u8]) -> usize {
    bulk_users::parse(bytes, Format::Csv).map_or(0, |users| users.len())
}

fn naive(bytes: &[u8]) -> usize {
    baselines::naive(bytes).unwrap_or(0)
}

const PARSES: u32 = 200;

fn main() {
    // `cargo bench` passes `--bench`; a number among the arguments is the rounds.
    let rounds = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(3);
    let bytes = data::csv(500);
    // Each run is checked once before it is timed.
    assert_eq!(parse(&bytes), 500);
    assert_eq!(baselines::csv_reader(&bytes), 501);
    assert_eq!(naive(&bytes), 500);
    let runs: [Run; 3] = [parse, baselines::csv_reader, naive];
    println!("parse/csv/500, csv reader, naive peer: the fastest of {BATCHES} batches of {PARSES}");
    for round in 1..=rounds {
        let mut fastest = [f64::MAX; 3];
        for _ in 0..BATCHES {
            for (run, best) in runs.iter().zip(&mut fastest) {
                let start = Instant::now();
                for _ in 0..PARSES {
                    black_box(run(black_box(&bytes)));
                }
                *best = best.min(start.elapsed().as_secs_f64() * 1e6 / f64::from(PARSES));
            }
        }
        let [ours, reader, peer] = fastest;
        println!(
            "round {round}: {ours:.1} µs, csv reader {reader:.1} µs ({:.2}×), naive peer {peer:.1} µs ({:.2}×)",
            ours / reader,
            ours / peer
        );
    }
}
