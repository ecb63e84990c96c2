//! `extract` on arbitrary bytes taken as text (invalid UTF-8 is decoded
//! lossily, as the CLI's `--lossy` does), with and without the cleaner;
//! every property of `invariants.rs` is checked on every run.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::Options;

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    for clean in [true, false] {
        let options = Options {
            clean,
            ..Options::default()
        };
        if let Err(broken) = invariants::check_all_text(&raw, &options) {
            panic!("property broken (clean={clean}) on {raw:?}: {broken}");
        }
    }
});
