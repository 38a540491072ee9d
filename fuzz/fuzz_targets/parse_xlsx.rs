#![no_main]
use libfuzzer_sys::fuzz_target;

// A valid zip is built around the fuzzed XML parts, so that mutations reach the sheet,
// the shared strings and the styles rather than the zip container.
fuzz_target!(|data: &[u8]| {
    let bytes = bulk_users_fuzz::workbook_from_fuzz(data);
    bulk_users_fuzz::check(&bytes, bulk_users::Format::Xlsx);
});
