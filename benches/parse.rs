//! Ours beside the libraries underneath, on the same bytes, in one run.
//!
//! `cargo bench --bench parse`; `BENCHMARKS.md` has the figures.

use std::hint::black_box;
use std::io::Cursor;

use bulk_users::{ErrorCode, Format};
use calamine::{Reader, Xlsx};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "support/data.rs"]
mod data;

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

/// The csv crate reading every record into a `StringRecord`.
fn csv_reader(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut count = 0;
    while reader.read_record(&mut record).unwrap_or(false) {
        count += 1;
    }
    count
}

/// What a service would write by hand: serde rows and `EmailAddress::is_valid`.
fn naive(bytes: &[u8]) -> Result<usize, String> {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Row {
        #[serde(rename = "User name*")]
        name: String,
        #[serde(rename = "Email*")]
        email: String,
        #[serde(rename = "User type")]
        user_type: String,
        #[serde(rename = "Site")]
        site: String,
    }
    let mut reader = csv::Reader::from_reader(bytes);
    let mut users = Vec::new();
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|e| e.to_string())?;
        if row.name.trim().is_empty() || !email_address::EmailAddress::is_valid(row.email.trim()) {
            return Err(format!("bad row {}", users.len() + 2));
        }
        users.push(row);
    }
    Ok(users.len())
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

criterion_group!(benches, parse_csv, parse_xlsx, parse_ods, customer, reject, template);
criterion_main!(benches);
