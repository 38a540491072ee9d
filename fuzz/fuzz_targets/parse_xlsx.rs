#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

/// The parts of a workbook that the fuzzer writes; the zip around them is built valid,
/// so that mutations reach the XML.
#[derive(Arbitrary, Debug)]
struct Parts {
    sheet: String,
    shared_strings: Option<String>,
    styles: Option<String>,
    deflate: bool,
}

fuzz_target!(|parts: Parts| {
    let bytes = bulk_users_fuzz::workbook(
        &parts.sheet,
        parts.shared_strings.as_deref(),
        parts.styles.as_deref(),
        parts.deflate,
    );
    bulk_users_fuzz::check(&bytes, bulk_users::Format::Xlsx);
});
