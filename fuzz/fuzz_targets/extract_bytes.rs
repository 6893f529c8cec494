//! The whole extractor on arbitrary bytes, format and encoding detected as for any input.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    check::extract_and_check(data, None);
});
