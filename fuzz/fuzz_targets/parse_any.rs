#![no_main]
use libfuzzer_sys::fuzz_target;

// The first byte picks the format, so that bytes of one format are also tried as the
// others (a zip as CSV, text as a workbook).
fuzz_target!(|data: &[u8]| {
    if let Some((&first, rest)) = data.split_first() {
        bulk_users_fuzz::check(rest, bulk_users_fuzz::format_for(first));
    }
});
