//! Peak allocation of ordinary and over-limit uploads (issue: benchmarks). The figures
//! go in BENCHMARKS.md: `cargo test --release --test integration memory -- --nocapture`.
//!
//! Each file is read on a thread of its own, so that the counts are that file's alone.

use bulk_users::{Format, Options};

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
fn nothing_is_kept_between_calls_and_a_checker_keeps_at_most_256_kib() {
    std::thread::spawn(|| {
        let csv = data::csv(500);
        // The crate keeps nothing behind the caller's back: no thread-local buffers.
        let first = retained(|| bulk_users::parse(&csv, Format::Csv));
        let again = retained(|| bulk_users::parse(&csv, Format::Csv));
        assert_eq!((first, again), (0, 0));
        // A Checker keeps its buffers, emptied, for its next file.
        let mut checker = bulk_users::Checker::new(Options::new().max_rows(100_000));
        let kept = retained(|| checker.parse(&csv, Format::Csv).map(|u| u.len()));
        let kept_again = retained(|| checker.parse(&csv, Format::Csv).map(|u| u.len()));
        // A file far past what the kept buffers are for: they grow, and are let go.
        let large = data::csv(20_000);
        let after_large = retained(|| checker.parse(&large, Format::Csv).map(|u| u.len()));
        let after_small = retained(|| checker.parse(&csv, Format::Csv).map(|u| u.len()));
        println!(
            "kept by a Checker: {kept} bytes after its first file, {kept_again} more after \
             the same file again, {after_large} after 20,000 users, {after_small} after \
             500 users again"
        );
        assert!(kept > 0 && kept <= 256 * 1024, "{kept}");
        assert_eq!(kept_again, 0);
        assert_eq!(after_large, -kept);
        assert_eq!(after_small, kept);
        drop(checker);
    })
    .join()
    .unwrap();
}
