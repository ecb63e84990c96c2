//! Shared by the case-driven test files: the JSON cases of one directory.

use serde_json::Value;
use std::path::Path;

/// The cases in `tests/cases/<area>/*.json`, by file name, sorted; at least `min`.
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
