//! Peak allocation of ordinary and over-limit uploads (issue: benchmarks). The figures
//! go in BENCHMARKS.md: `cargo test --release --test integration memory -- --nocapture`.
//!
//! Each file is read on a thread of its own, so that the counts are that file's alone.

use bulk_users::Format;

use crate::alloc::{measure, retained, MIB};

#[path = "../../benches/support/data.rs"]
#[allow(dead_code)]
mod data;

fn peak(name: &str, bytes: &[u8], format: Format) -> usize {
    let (result, cost) = std::thread::scope(|scope| {
        scope
            .spawn(|| measure(|| bulk_users::parse(bytes, format)))
            .join()
            .unwrap()
    });
    let outcome = match &result {
        Ok(users) => format!("{} users", users.len()),
        Err(errors) => format!("{} errors, first {}", errors.len(), errors[0].code),
    };
    println!(
        "{name}: {} bytes, peak {} bytes ({:.2}× the file), {outcome}",
        bytes.len(),
        cost.peak,
        cost.peak as f64 / bytes.len() as f64
    );
    cost.peak
}

#[test]
fn a_500_user_file_costs_at_most_four_times_its_size_plus_one_mib() {
    for (name, bytes, format) in [
        ("csv/500", data::csv(500), Format::Csv),
        ("xlsx/500", data::xlsx(500), Format::Xlsx),
    ] {
        let peak = peak(name, &bytes, format);
        assert!(peak <= 4 * bytes.len() + MIB, "{name}: {peak}");
    }
}

#[test]
fn an_over_limit_file_costs_what_a_file_at_the_limit_costs() {
    // The part past the limit is never read: a file 300 times longer costs the same, give
    // or take the zip's central directory and the first rows' shared strings.
    let at_limit = peak("csv/501", &data::csv(501), Format::Csv);
    let over = peak("csv/150000", &data::csv(150_000), Format::Csv);
    assert!(over <= at_limit + 64 * 1024, "{over} vs {at_limit}");

    let at_limit = peak("xlsx/501", &data::xlsx(501), Format::Xlsx);
    let over = peak("xlsx/100000", &data::xlsx(100_000), Format::Xlsx);
    assert!(over <= at_limit + 256 * 1024, "{over} vs {at_limit}");
}

#[test]
fn nothing_is_kept_between_calls() {
    std::thread::spawn(|| {
        let csv = data::csv(500);
        // The crate keeps nothing behind the caller's back: no thread-local buffers.
        let first = retained(|| bulk_users::parse(&csv, Format::Csv));
        let again = retained(|| bulk_users::parse(&csv, Format::Csv));
        assert_eq!((first, again), (0, 0));
    })
    .join()
    .unwrap();
}
