//! Ours beside the libraries underneath, on the same bytes, in one run.
//!
//! `cargo bench --bench parse`; `BENCHMARKS.md` has the figures.

use std::hint::black_box;
use std::io::Cursor;

use bulk_users::{ErrorCode, Format};
use calamine::{Reader, Xlsx};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "support/baselines.rs"]
mod baselines;
#[path = "support/data.rs"]
mod data;

use baselines::{csv_reader, naive};

const SIZES: [usize; 3] = [10, 100, 500];

fn parse_csv(c: &mut Criterion) {
    for size in SIZES {
        let bytes = data::csv(size);
        assert_eq!(
            bulk_users::parse(&bytes, Format::Csv).map(|u| u.len()),
            Ok(size)
        );
        assert_eq!(csv_reader(&bytes), size + 1);
        assert_eq!(naive(&bytes), Ok(size));
        let throughput = Throughput::Bytes(bytes.len() as u64);
        for (group, run) in [
            (
                "parse/csv",
                (|b: &[u8]| bulk_users::parse(b, Format::Csv).map_or(0, |u| u.len()))
                    as fn(&[u8]) -> usize,
            ),
            ("baseline/csv_reader", csv_reader),
            ("baseline/naive", |b: &[u8]| naive(b).unwrap_or(0)),
        ] {
            let mut g = c.benchmark_group(group);
            g.throughput(throughput.clone());
            g.bench_with_input(BenchmarkId::from_parameter(size), &bytes, |b, bytes| {
                b.iter(|| run(black_box(bytes)))
            });
            g.finish();
        }
    }
}

fn parse_xlsx(c: &mut Criterion) {
    for size in SIZES {
        let bytes = data::xlsx(size);
        assert_eq!(
            bulk_users::parse(&bytes, Format::Xlsx).map(|u| u.len()),
            Ok(size)
        );
        assert_eq!(calamine_range(&bytes), size + 1);
        let throughput = Throughput::Bytes(bytes.len() as u64);
        for (group, run) in [
            (
                "parse/xlsx",
                (|b: &[u8]| bulk_users::parse(b, Format::Xlsx).map_or(0, |u| u.len()))
                    as fn(&[u8]) -> usize,
            ),
            ("baseline/calamine_range", calamine_range),
        ] {
            let mut g = c.benchmark_group(group);
            g.throughput(throughput.clone());
            g.bench_with_input(BenchmarkId::from_parameter(size), &bytes, |b, bytes| {
                b.iter(|| run(black_box(bytes)))
            });
            g.finish();
        }
    }
}

fn parse_ods(c: &mut Criterion) {
    for size in SIZES {
        let bytes = data::ods(size);
        assert_eq!(
            bulk_users::parse(&bytes, Format::Ods).map(|u| u.len()),
            Ok(size)
        );
        assert_eq!(calamine_ods(&bytes), size + 1);
        let throughput = Throughput::Bytes(bytes.len() as u64);
        for (group, run) in [
            (
                "parse/ods",
                (|b: &[u8]| bulk_users::parse(b, Format::Ods).map_or(0, |u| u.len()))
                    as fn(&[u8]) -> usize,
            ),
            ("baseline/calamine_ods", calamine_ods),
        ] {
            let mut g = c.benchmark_group(group);
            g.throughput(throughput.clone());
            g.bench_with_input(BenchmarkId::from_parameter(size), &bytes, |b, bytes| {
                b.iter(|| run(black_box(bytes)))
            });
            g.finish();
        }
    }
}

/// The customer's own rules: 10,000 existing addresses (none of them in the file) and
/// two allowed domains, beside the same file with neither.
fn customer(c: &mut Criterion) {
    let bytes = data::csv(500);
    let existing: Vec<String> = (0..10_000)
        .map(|i| format!("someone{i}@example.org"))
        .collect();
    let with_existing = bulk_users::Options::new().existing_emails(&existing);
    let domains = data::users(500)
        .iter()
        .filter_map(|row| row[1].rsplit_once('@').map(|(_, d)| d.to_owned()))
        .collect::<std::collections::BTreeSet<String>>();
    let with_domains = bulk_users::Options::new().allowed_email_domains(&domains);
    for options in [&with_existing, &with_domains] {
        assert_eq!(options.parse(&bytes, Format::Csv).map(|u| u.len()), Ok(500));
    }
    let mut g = c.benchmark_group("customer/csv/500");
    g.bench_function("none", |b| {
        b.iter(|| bulk_users::parse(black_box(&bytes), Format::Csv).is_ok())
    });
    g.bench_function("existing_10000", |b| {
        b.iter(|| with_existing.parse(black_box(&bytes), Format::Csv).is_ok())
    });
    g.bench_function("allowed_domains", |b| {
        b.iter(|| with_domains.parse(black_box(&bytes), Format::Csv).is_ok())
    });
    g.finish();
}

/// The ASCII path: the same users with every accent taken off, beside the raw reader
/// on the same bytes.
fn parse_ascii(c: &mut Criterion) {
    let bytes: Vec<u8> = String::from_utf8(data::csv(500))
        .unwrap()
        .chars()
        .map(|c| if c.is_ascii() { c } else { 'e' })
        .collect::<String>()
        .into_bytes();
    assert_eq!(
        bulk_users::parse(&bytes, Format::Csv).map(|u| u.len()),
        Ok(500)
    );
    let mut g = c.benchmark_group("ascii");
    g.bench_function("parse/csv/500", |b| {
        b.iter(|| bulk_users::parse(black_box(&bytes), Format::Csv).map_or(0, |u| u.len()))
    });
    g.bench_function("baseline/csv_reader/500", |b| {
        b.iter(|| csv_reader(black_box(&bytes)))
    });
    g.finish();
}

/// Cost per row as the row limit is raised, and the errors files of many bad rows.
fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    for size in [500usize, 100_000] {
        let bytes = data::csv(size);
        let options = bulk_users::Options::new().max_rows(u32::try_from(size).unwrap());
        assert_eq!(
            options.parse(&bytes, Format::Csv).map(|u| u.len()),
            Ok(size)
        );
        g.throughput(Throughput::Elements(size as u64));
        g.bench_with_input(BenchmarkId::new("parse/csv", size), &bytes, |b, bytes| {
            b.iter(|| {
                options
                    .parse(black_box(bytes), Format::Csv)
                    .map_or(0, |u| u.len())
            })
        });
        // The floor under the answer: making and freeing the same users (three strings
        // each and the list) with no file read. How its cost per user grows from 500 to
        // 100,000 users is the allocator's and the cache's share of the growth above.
        let users = options.parse(&bytes, Format::Csv).unwrap_or_default();
        g.bench_with_input(BenchmarkId::new("answer_only", size), &users, |b, users| {
            b.iter(|| black_box(users).clone().len())
        });
    }
    for size in [20_000usize, 40_000] {
        let mut bytes = b"User name*,Email*\n".to_vec();
        for i in 0..size {
            bytes.extend_from_slice(format!("User {i},user{i}(at)example.com\n").as_bytes());
        }
        let options = bulk_users::Options::new().max_rows(u32::try_from(size).unwrap());
        assert_eq!(options.check(&bytes, Format::Csv).errors.len(), size);
        g.throughput(Throughput::Elements(size as u64));
        g.bench_with_input(BenchmarkId::new("errors_csv", size), &bytes, |b, bytes| {
            b.iter(|| options.errors_csv(black_box(bytes), Format::Csv).len())
        });
    }
    g.finish();
    // The errors workbook of a 500-row upload with a problem on every row.
    let mut bytes = b"User name*,Email*\n".to_vec();
    for i in 0..500 {
        bytes.extend_from_slice(format!("User {i},user{i}(at)example.com\n").as_bytes());
    }
    assert_eq!(
        bulk_users::Options::new()
            .check(&bytes, Format::Csv)
            .errors
            .len(),
        500
    );
    c.bench_function("errors_xlsx/csv/500_problems", |b| {
        b.iter(|| {
            bulk_users::Options::new()
                .errors_xlsx(black_box(&bytes), Format::Csv)
                .map(|w| w.len())
        })
    });
}

fn reject(c: &mut Criterion) {
    let csv = data::csv(150_000);
    assert!(
        csv.len() > 9_000_000 && csv.len() <= bulk_users::MAX_BYTES,
        "{}",
        csv.len()
    );
    let xlsx = data::xlsx(100_000);
    let ods = data::ods(100_000);
    for (name, bytes, format) in [
        ("csv", csv, Format::Csv),
        ("xlsx", xlsx, Format::Xlsx),
        ("ods", ods, Format::Ods),
    ] {
        let errors = bulk_users::parse(&bytes, format).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, ErrorCode::TooManyRows);
        assert_eq!(errors[0].row, Some(502));
        let mut g = c.benchmark_group(format!("reject/{name}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input("over_limit", &bytes, |b, bytes| {
            b.iter(|| bulk_users::parse(black_box(bytes), format).is_err())
        });
        g.finish();
    }
}

fn template(c: &mut Criterion) {
    assert!(bulk_users::write_template().starts_with(b"PK\x03\x04"));
    c.bench_function("template/write", |b| b.iter(bulk_users::write_template));
}

/// calamine opening the .ods and reading the first sheet's range.
fn calamine_ods(bytes: &[u8]) -> usize {
    let mut workbook = calamine::Ods::new(Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("Users").unwrap();
    range.height()
}

/// calamine opening the workbook and reading the first sheet's range.
fn calamine_range(bytes: &[u8]) -> usize {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("Users").unwrap();
    range.height()
}

criterion_group!(
    benches,
    parse_csv,
    parse_xlsx,
    parse_ods,
    parse_ascii,
    customer,
    scale,
    reject,
    template
);
criterion_main!(benches);
