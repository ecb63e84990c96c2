//! Whole-document snapshots (issue 7): the full extraction of every fixture
//! page in `tests/pages` — `extract()` with default options on each `.txt`,
//! `extract_html()` on each `.html` — written as pretty JSON and compared with
//! `tests/snapshots/<file name>.json`. They guard speed work: an optimisation
//! must leave every output byte-identical.
//!
//! After an intended change of output: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! then review `git diff tests/snapshots`.

use std::fs;
use std::path::{Path, PathBuf};
use vnextract::{extract, extract_html, Options};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture pages, `.txt` and `.html`, sorted.
fn inputs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(root().join("tests/pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .collect();
    v.sort();
    v
}

/// The pretty JSON of the extraction of one page, newline-terminated.
fn render(page: &Path) -> String {
    let text = fs::read_to_string(page).unwrap();
    let x = if page.extension().is_some_and(|e| e == "html") {
        extract_html(&text, &Options::default())
    } else {
        extract(&text, &Options::default())
    }
    .unwrap();
    let mut s = serde_json::to_string_pretty(&x).unwrap();
    s.push('\n');
    s
}

/// The first lines where `got` and `want` differ, with their line numbers.
fn short_diff(got: &str, want: &str) -> String {
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let first = (0..g.len().max(w.len()))
        .find(|&i| g.get(i) != w.get(i))
        .unwrap_or(0);
    let mut out = String::new();
    for i in first..(first + 6).min(g.len().max(w.len())) {
        if g.get(i) != w.get(i) {
            out += &format!(
                "  line {}:\n    want {:?}\n    got  {:?}\n",
                i + 1,
                w.get(i),
                g.get(i)
            );
        }
    }
    out
}

#[test]
fn every_page_extracts_as_its_snapshot() {
    let pages = inputs();
    assert!(
        pages.len() >= 8,
        "expected the fixture pages in tests/pages"
    );
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let dir = root().join("tests/snapshots");
    if update {
        fs::create_dir_all(&dir).unwrap();
    }
    let mut failures = Vec::new();
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let snap = dir.join(format!("{name}.json"));
        let got = render(page);
        if update {
            fs::write(&snap, &got).unwrap();
            continue;
        }
        match fs::read_to_string(&snap) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{name}: differs\n{}", short_diff(&got, &want))),
            Err(_) => failures.push(format!("{name}: no snapshot {}", snap.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the change is intended: UPDATE_SNAPSHOTS=1 cargo test --test snapshots, \
         then review git diff tests/snapshots",
        failures.join("\n")
    );
}

#[test]
fn the_short_diff_points_at_the_first_differing_line() {
    let d = short_diff("a\nb\nc\n", "a\nx\nc\n");
    assert!(d.contains("line 2"), "{d}");
    assert!(!d.contains("line 1:"), "{d}");
}
