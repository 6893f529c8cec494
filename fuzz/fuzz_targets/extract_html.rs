//! The whole extractor on arbitrary bytes read as an HTML page.
#![no_main]

use gleaner_core::InputFormat;
use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    check::extract_and_check(data, Some(InputFormat::Html));
});
