//! One truth for HTML between Rust and JavaScript (issue 18 part 4):
//!
//! - `www/html-tables.js` is `data/html/tags.txt` as the page's reader
//!   (`www/blocks.js`) imports it; this test fails when they differ, and
//!   `UPDATE_HTML=1` writes it again;
//! - the CLI's reader gives, for every HTML page in `tests/pages` and the
//!   browser tests' fixtures, the blocks kept in `tests/pages/blocks/`
//!   (`UPDATE_HTML=1` writes them, to be reviewed like any fixture);
//!   `tests/browser/html-blocks.test.mjs` checks that `blocks.js` in
//!   Chromium gives the same;
//! - `looks_like_html` answers the cases of `tests/cases/html/sniff.json`,
//!   which the browser test puts to `looksLikeHtml` too.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use vnextract::internals::clean::html::{blocks_from_html, tables::TABLES};
use vnextract::looks_like_html;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn update() -> bool {
    std::env::var_os("UPDATE_HTML").is_some()
}

/// `want` is what `path` holds, or (with `UPDATE_HTML`) is written there.
fn check_file(path: &Path, want: &str) -> Option<String> {
    let got = fs::read_to_string(path).unwrap_or_default();
    if got == want {
        return None;
    }
    if update() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, want).unwrap();
        return None;
    }
    Some(format!(
        "{} is not what the reader gives: check the change, then run with UPDATE_HTML=1",
        path.display()
    ))
}

/// The tables as the JavaScript module `www/html-tables.js`.
fn tables_module() -> String {
    let mut out = String::from(
        "// Generated from data/html/tags.txt by tests/html_readers.rs: do not edit\n\
         // (UPDATE_HTML=1 cargo test --test html_readers writes it again).\n\
         // The tables www/blocks.js reads a page with, the CLI's own.\n\n\
         export const HTML_TABLES = {\n",
    );
    for (name, entries) in TABLES.sections() {
        let list = serde_json::to_string(entries).unwrap();
        out.push_str(&format!("  '{name}': {},\n", list.replace('"', "'")));
    }
    out.push_str("};\n");
    out
}

#[test]
fn the_page_reads_html_with_the_clis_tables() {
    let path = Path::new(ROOT).join("www/html-tables.js");
    if let Some(e) = check_file(&path, &tables_module()) {
        panic!("{e}");
    }
}

/// The HTML pages both readers are compared on.
fn pages() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for dir in ["tests/pages", "tests/pages/html", "tests/browser/fixtures"] {
        for e in fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "html") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

/// The blocks of `html` as JSON, one block a line.
fn blocks_json(html: &str) -> String {
    let lines: Vec<String> = blocks_from_html(html)
        .iter()
        .map(|b| serde_json::to_string(b).unwrap())
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn the_clis_reader_gives_the_blocks_kept_for_each_page() {
    let pages = pages();
    assert!(pages.len() >= 6, "expected the HTML pages of tests/pages");
    let mut failures = Vec::new();
    for p in &pages {
        let html = fs::read_to_string(p).unwrap();
        let name = p.file_stem().unwrap().to_string_lossy();
        let kept = Path::new(ROOT).join(format!("tests/pages/blocks/{name}.json"));
        failures.extend(check_file(&kept, &blocks_json(&html)));
        // What is kept is the page's text, with a structure for every block.
        let v: Value = serde_json::from_str(&fs::read_to_string(&kept).unwrap()).unwrap();
        for b in v.as_array().unwrap() {
            let n = b["ancestors"].as_array().unwrap().len();
            assert_eq!(b["ids"].as_array().unwrap().len(), n + 1, "{name}: {b}");
            assert_eq!(b["roles"].as_array().unwrap().len(), n + 1, "{name}: {b}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn html_is_told_from_text_by_the_cases_both_sides_share() {
    let path = Path::new(ROOT).join("tests/cases/html/sniff.json");
    let v: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(v["issue"], 18);
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.iter().any(|c| c["html"] == true) && cases.iter().any(|c| c["html"] == false));
    for c in cases {
        let text = c["text"].as_str().unwrap();
        assert_eq!(
            looks_like_html(text),
            c["html"].as_bool().unwrap(),
            "{text:?}: {}",
            c["why"]
        );
    }
}
