#![no_main]
use bulk_users::{Format, Options};
use libfuzzer_sys::fuzz_target;

// .xls through the record walk and calamine, accepted as a service that opts in would.
fuzz_target!(|data: &[u8]| {
    let options = Options::new().formats([Format::Xls]);
    let _ = options.check(data, Format::Xls);
});
