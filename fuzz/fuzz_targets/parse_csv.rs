#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bulk_users_fuzz::check(data, bulk_users::Format::Csv);
});
