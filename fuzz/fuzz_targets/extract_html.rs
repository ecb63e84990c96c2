//! `extract_html` (the CLI's reader for `.html` files) on arbitrary bytes;
//! the properties of `invariants.rs` that hold for any extraction, plus
//! determinism, on every run.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::{extract_html, Options};

#[path = "../invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let options = Options::default();
    let Ok(x) = extract_html(&html, &options) else {
        return;
    };
    let checked = invariants::check_all_extraction(&x)
        .and_then(|()| {
            invariants::is_deterministic(&x, &extract_html(&html, &options).expect("second run"))
        })
        .and_then(|()| invariants::check_reclean_html(&x, &options));
    if let Err(broken) = checked {
        panic!("property broken on {html:?}: {broken}");
    }
});
