//! Whole-document snapshots (issue 7): the full extraction of every fixture
//! page in `tests/pages` — `extract()` with default options on each `.txt`,
//! `extract_html()` on each `.html` — written as pretty JSON and compared with
//! `tests/snapshots/<file name>.json`. They guard speed work (an optimisation
//! must leave every output byte-identical) and show every change of output
//! to a reviewer (issue 17): a change is never taken silently.
//!
//! - `cargo test --test snapshots` fails on any difference and prints it as
//!   a unified diff.
//! - `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes the new output
//!   beside each changed snapshot as `<name>.json.new`, prints the diffs, and
//!   still fails.
//! - After reading every diff, `UPDATE_SNAPSHOTS=reviewed cargo test --test
//!   snapshots` moves each `.new` into place (only where it is still what
//!   the code gives) and passes; commit the snapshots with the change that
//!   caused them.
//!
//! `tests/snapshots/README.md` records which snapshots hold output known to
//! be wrong.

#[path = "support/diff.rs"]
mod diff;

#[path = "support/scratch.rs"]
mod scratch;

use scratch::Scratch;
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

/// What a run was asked to do with differences.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    /// Compare only.
    Check,
    /// Write `<snapshot>.new` for each difference, show it, fail.
    Propose,
    /// Move reviewed `.new` files into place.
    Accept,
}

impl Mode {
    fn from_env(value: Option<&str>) -> Mode {
        match value {
            None | Some("" | "0") => Mode::Check,
            Some("reviewed") => Mode::Accept,
            Some(_) => Mode::Propose,
        }
    }
}

/// The `.new` file beside a snapshot.
fn proposal(snap: &Path) -> PathBuf {
    let mut p = snap.as_os_str().to_owned();
    p.push(".new");
    PathBuf::from(p)
}

/// Compares one page's output `got` with its snapshot, acting on the
/// difference as `mode` says; returns a problem to report, if any.
fn settle(mode: Mode, name: &str, snap: &Path, got: &str) -> Option<String> {
    let want = fs::read_to_string(snap).ok();
    let new = proposal(snap);
    let proposed = fs::read_to_string(&new).ok();
    if want.as_deref() == Some(got) {
        // Nothing changed; a stale proposal would only confuse.
        let _ = fs::remove_file(&new);
        return None;
    }
    let old_name = format!("tests/snapshots/{name}.json");
    let diff = diff::unified(
        want.as_deref().unwrap_or(""),
        got,
        &old_name,
        &format!("{old_name} (what the code gives now)"),
    );
    match mode {
        Mode::Check => Some(diff),
        Mode::Propose => {
            fs::write(&new, got).unwrap();
            Some(diff)
        }
        Mode::Accept if proposed.as_deref() == Some(got) => {
            fs::rename(&new, snap).unwrap();
            None
        }
        Mode::Accept => Some(format!(
            "{name}: no reviewed proposal matches what the code gives now: run with \
             UPDATE_SNAPSHOTS=1 first and read its diff\n{diff}"
        )),
    }
}

#[test]
fn every_page_extracts_as_its_snapshot() {
    let pages = inputs();
    assert!(
        pages.len() >= 8,
        "expected the fixture pages in tests/pages"
    );
    let mode = Mode::from_env(std::env::var("UPDATE_SNAPSHOTS").ok().as_deref());
    let dir = root().join("tests/snapshots");
    let mut problems = Vec::new();
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let snap = dir.join(format!("{name}.json"));
        problems.extend(settle(mode, &name, &snap, &render(page)));
    }
    let how = match mode {
        Mode::Check => {
            "If every change is intended: UPDATE_SNAPSHOTS=1 cargo test --test snapshots \
             writes them as .json.new beside the snapshots for review"
        }
        Mode::Propose => {
            "Written as tests/snapshots/*.json.new. Read every diff above; if each change \
             is right, accept them with UPDATE_SNAPSHOTS=reviewed cargo test --test snapshots, \
             and note known-wrong output in tests/snapshots/README.md"
        }
        Mode::Accept => "Nothing was accepted for the pages above",
    };
    assert!(
        problems.is_empty(),
        "{} snapshot(s) differ from what the code gives:\n\n{}\n{how}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_change_is_proposed_then_taken_only_when_reviewed() {
    let scratch = Scratch::new("snap-flow");
    let snap = scratch.0.join("page.txt.json");
    fs::write(&snap, "{\n  \"title\": \"Cũ\"\n}\n").unwrap();
    let got = "{\n  \"title\": \"Mới\"\n}\n";
    // A plain run reports the change and touches nothing.
    let report = settle(Mode::Check, "page.txt", &snap, got).expect("a difference");
    assert!(report.contains("-  \"title\": \"Cũ\"") && report.contains("+  \"title\": \"Mới\""));
    assert!(!proposal(&snap).exists());
    // Accepting with nothing proposed takes nothing.
    assert!(settle(Mode::Accept, "page.txt", &snap, got).is_some());
    // Proposing writes the .new and still reports.
    assert!(settle(Mode::Propose, "page.txt", &snap, got).is_some());
    assert_eq!(fs::read_to_string(proposal(&snap)).unwrap(), got);
    assert!(fs::read_to_string(&snap).unwrap().contains("Cũ"));
    // A proposal the code no longer gives is not taken.
    assert!(settle(Mode::Accept, "page.txt", &snap, "{}\n").is_some());
    // The reviewed proposal is taken, and then all is quiet.
    assert_eq!(settle(Mode::Accept, "page.txt", &snap, got), None);
    assert_eq!(fs::read_to_string(&snap).unwrap(), got);
    assert!(!proposal(&snap).exists());
    assert_eq!(settle(Mode::Check, "page.txt", &snap, got), None);
}

#[test]
fn the_update_variable_names_the_step() {
    assert_eq!(Mode::from_env(None), Mode::Check);
    assert_eq!(Mode::from_env(Some("0")), Mode::Check);
    assert_eq!(Mode::from_env(Some("1")), Mode::Propose);
    assert_eq!(Mode::from_env(Some("reviewed")), Mode::Accept);
}

#[test]
fn the_diff_is_unified_with_context() {
    // As `diff -u` gives them: changes six lines apart share a hunk, further
    // apart they do not.
    let d = diff::unified(
        "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n",
        "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n",
        "old",
        "new",
    );
    assert_eq!(
        d,
        "--- old\n+++ new\n@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n"
    );
    let d = diff::unified(
        "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
        "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\n",
        "old",
        "new",
    );
    assert_eq!(
        d,
        "--- old\n+++ new\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,5 +9,5 @@\n i\n j\n k\n-l\n+L\n m\n"
    );
    assert_eq!(diff::unified("x\n", "x\n", "old", "new"), "");
    assert_eq!(
        diff::unified("", "x\n", "old", "new"),
        "--- old\n+++ new\n@@ -0,0 +1 @@\n+x\n"
    );
}
