//! Shared by the case-driven test files: the JSON cases of one directory,
//! and the cases marked as known failures.

use serde_json::Value;
use std::path::Path;
use vnextract::Extraction;

/// The title and paragraphs joined by blank lines: `text` without the
/// captions that follow them (what the events stage reads). Asserts that
/// `text` opens with it.
#[allow(dead_code)] // not every test file that shares this module reads extractions
pub fn article_text(x: &Extraction) -> String {
    let parts: Vec<&str> = x
        .title
        .iter()
        .chain(&x.paragraphs)
        .map(String::as_str)
        .collect();
    let joined = parts.join("\n\n");
    assert!(x.text.starts_with(&joined), "text opens with the article");
    joined
}

/// The cases in `tests/cases/<area>/*.json`, by file name, sorted; at least `min`.
#[allow(dead_code)] // not every test file that shares this module reads case directories
pub fn cases(area: &str, min: usize) -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(area);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("cases dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    assert!(files.len() >= min, "too few cases in {dir:?}");
    files
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let case =
                serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json");
            (name, case)
        })
        .collect()
}

/// The problems a case counts for, given that it may be marked
/// `"<key>": "<why>"` as a known failure: a marked case must still fail
/// (once the rule holds, the mark goes) and its own problems do not count.
#[allow(dead_code)] // not every test file that shares this module marks cases
pub fn unless_known_failure(
    name: &str,
    case: &Value,
    key: &str,
    problems: Vec<String>,
) -> Vec<String> {
    match case[key].as_str() {
        Some(_) if problems.is_empty() => vec![format!("{name}: passes now: remove its {key:?}")],
        Some(_) => Vec::new(),
        None => problems,
    }
}

/// What the cases marked `"<key>": "<why>"` in `area` get wrong, with why:
/// for an ignored test that lists them (`cargo test -- --ignored`).
#[allow(dead_code)]
pub fn known_failures(
    area: &str,
    key: &str,
    problems: impl Fn(&str, &Value) -> Vec<String>,
) -> Vec<String> {
    let mut report = Vec::new();
    for (name, case) in cases(area, 1) {
        if let Some(why) = case[key].as_str() {
            report.push(format!("{name}: {why}"));
            report.extend(problems(&name, &case).into_iter().map(|e| format!("  {e}")));
        }
    }
    report
}
