#![no_main]
use libfuzzer_sys::fuzz_target;

// A valid zip is built around the fuzzed content.xml (and manifest), so that mutations
// reach the table's rows, repeats, spans and paragraphs rather than the zip container.
fuzz_target!(|data: &[u8]| {
    let bytes = bulk_users_fuzz::ods_from_fuzz(data);
    bulk_users_fuzz::check(&bytes, bulk_users::Format::Ods);
});
