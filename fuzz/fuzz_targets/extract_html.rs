//! `extract_html` (the CLI's reader for `.html` files) on arbitrary bytes;
//! the properties of `invariants.rs` that hold for any extraction, plus
//! determinism, on every run.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::Options;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Err(broken) = invariants::check_all_html(&html, &Options::default()) {
        panic!("property broken on {html:?}: {broken}");
    }
});
