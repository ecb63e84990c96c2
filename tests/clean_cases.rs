//! Issues 3 and 12: the cleaner cases in `tests/cases/clean/*.json` (see the README
//! there): a small page each, and the metadata, paragraphs, captions and
//! removed blocks expected of it.

mod support;

use serde_json::Value;
use vnextract::{extract, extract_html, Extraction, Options};

/// The expected fields that differ from what the cleaner gave.
fn check(x: &Extraction, expect: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let got = serde_json::to_value(x).unwrap();
    for (field, want) in expect.as_object().expect("expect is an object") {
        match field.as_str() {
            "title" | "byline" | "published" | "source" | "captions" | "paragraphs" => {
                if got[field] != *want {
                    out.push(format!("{field}: got {}, want {want}", got[field]));
                }
            }
            "removed" => {
                for r in want.as_array().expect("removed is a list") {
                    if !x
                        .removed
                        .iter()
                        .any(|g| g.text == r["text"] && r["reason"] == g.reason.id())
                    {
                        out.push(format!("removed: {r} missing from {:?}", x.removed));
                    }
                }
            }
            other => panic!("unknown expected field {other}"),
        }
    }
    out
}

#[test]
fn clean_cases() {
    let mut failures = Vec::new();
    for (name, case) in support::cases("clean", 10) {
        assert!(
            case["issue"] == 3 || case["issue"] == 12,
            "{name} must cite its issue (3, or 12 for the shapes of a paste)"
        );
        let input = case["input"].as_str().expect("input");
        let x = if case["html"] == true {
            extract_html(input, &Options::default())
        } else {
            extract(input, &Options::default())
        }
        .unwrap();
        for d in check(&x, &case["expect"]) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
