//! The evaluation gate: the project's scorer (`tests/eval/score.py`, a copy
//! of `shared/eval/score.py`) run over our own fixture pages (`tests/pages`),
//! with floors pinned in `tests/eval/floors.json` that may only rise, as
//! trafilatura's `eval_gate.py` does.
//!
//! - A figure below its floor fails the gate.
//! - The floors name a fingerprint of the fixture pages and their gold: when
//!   pages or gold change, the gate fails until the fingerprint (and, where
//!   the change justifies it, the floors) are updated in the same commit, so
//!   gold cannot drift quietly to meet the code.
//! - Where `../shared` is present, a second tier scores the real seed pages
//!   against `tests/eval/floors-seeds.json`; it says clearly when skipped.
//!
//! To raise the floors after an improvement, run
//! `VNEXTRACT_PRINT_FIGURES=1 cargo test --test eval_gate -- --nocapture`
//! and copy the figures printed.

use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const CLI: &str = env!("CARGO_BIN_EXE_vnextract");

/// The figures the gate reads from the scorer's `--json` output.
const FIGURES: &[(&str, &[&str])] = &[
    ("clean_f1", &["clean", "f1"]),
    ("per_f1", &["PER", "f1"]),
    ("org_f1", &["ORG", "f1"]),
    ("loc_f1", &["LOC", "f1"]),
    ("events_f1", &["events", "f1"]),
    ("titles", &["titles"]),
];

/// Runs the scorer over `gold`/`raw` with the CLI and returns its figures.
fn score(gold: &Path, raw: &Path) -> BTreeMap<String, f64> {
    let out = std::env::temp_dir().join(format!("vnextract-eval-{}.json", std::process::id()));
    let status = Command::new("python3")
        .arg(Path::new(ROOT).join("tests/eval/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--raw")
        .arg(raw)
        .arg("--cmd")
        .arg(format!("'{CLI}' {{file}}"))
        .arg("--json")
        .arg(&out)
        .arg("-v")
        .status()
        .expect("python3 is needed for the evaluation gate");
    assert!(
        status.success(),
        "the scorer failed (a page gave no valid JSON): see its output above"
    );
    let v: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let _ = fs::remove_file(&out);
    FIGURES
        .iter()
        .map(|(name, path)| {
            let x = path.iter().fold(&v, |v, k| &v[*k]);
            (
                name.to_string(),
                x.as_f64()
                    .unwrap_or_else(|| panic!("scorer output lacks {path:?}")),
            )
        })
        .collect()
}

/// Compares figures with floors; returns the failures.
fn below_floors(figures: &BTreeMap<String, f64>, floors: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, floor) in floors.as_object().expect("floors is an object") {
        let floor = floor.as_f64().expect("a floor is a number");
        let got = *figures
            .get(name)
            .unwrap_or_else(|| panic!("unknown figure {name} in floors"));
        if got + 1e-9 < floor {
            failures.push(format!("{name}: {got:.3} is below its floor {floor:.3}"));
        } else if got > floor + 0.005 {
            eprintln!("note: {name} is {got:.3}, above its floor {floor:.3}: raise the floor");
        }
    }
    failures
}

/// FNV-1a over the names and bytes of the files, in name order: a stable
/// fingerprint of the fixture set without a hashing dependency.
fn fingerprint(files: &[PathBuf]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for b in name.bytes().chain(fs::read(f).unwrap()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn print_figures(figures: &BTreeMap<String, f64>) {
    if std::env::var_os("VNEXTRACT_PRINT_FIGURES").is_some() {
        eprintln!("{}", serde_json::to_string_pretty(figures).unwrap());
    }
}

#[test]
fn own_pages_meet_their_floors() {
    let pages = Path::new(ROOT).join("tests/pages");
    let mut files: Vec<PathBuf> = fs::read_dir(&pages)
        .expect("tests/pages holds the fixture pages")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy().ends_with(".txt") || p.to_string_lossy().ends_with(".gold.json")
        })
        .collect();
    files.sort();
    // The scorer wants DIR/<doc>.json beside DIR/<doc>.txt: lay the pages out so.
    let work = std::env::temp_dir().join(format!("vnextract-gate-{}", std::process::id()));
    let (gold, raw) = (work.join("gold"), work.join("raw"));
    fs::create_dir_all(&gold).unwrap();
    fs::create_dir_all(&raw).unwrap();
    let mut docs = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(doc) = name.strip_suffix(".gold.json") {
            let txt = pages.join(format!("{doc}.txt"));
            assert!(txt.exists(), "{name} has no page {doc}.txt");
            fs::copy(f, gold.join(format!("{doc}.json"))).unwrap();
            fs::copy(&txt, raw.join(format!("{doc}.txt"))).unwrap();
            docs += 1;
        }
    }
    assert!(docs >= 1, "no gold pages in tests/pages");
    let figures = score(&gold, &raw);
    let _ = fs::remove_dir_all(&work);
    print_figures(&figures);

    let floors: Value = serde_json::from_str(
        &fs::read_to_string(Path::new(ROOT).join("tests/eval/floors.json")).unwrap(),
    )
    .unwrap();
    let print = fingerprint(&files);
    assert_eq!(
        floors["fingerprint"].as_str(),
        Some(print.as_str()),
        "tests/pages changed: check the gold, then set \"fingerprint\" in tests/eval/floors.json to {print:?}"
    );
    let failures = below_floors(&figures, &floors["floors"]);
    assert!(
        failures.is_empty(),
        "evaluation gate failed on tests/pages:\n{}",
        failures.join("\n")
    );
}

#[test]
fn seed_pages_meet_their_floors_when_present() {
    let shared = Path::new(ROOT).join("../shared");
    if !shared.join("gold").is_dir() || !shared.join("seeds").is_dir() {
        eprintln!("skipped: ../shared not found, so the seed pages are not scored");
        return;
    }
    let figures = score(&shared.join("gold"), &shared.join("seeds"));
    print_figures(&figures);
    let floors: Value = serde_json::from_str(
        &fs::read_to_string(Path::new(ROOT).join("tests/eval/floors-seeds.json")).unwrap(),
    )
    .unwrap();
    let failures = below_floors(&figures, &floors["floors"]);
    assert!(
        failures.is_empty(),
        "evaluation gate failed on ../shared/seeds:\n{}",
        failures.join("\n")
    );
}

#[test]
fn vendored_scorer_matches_shared_when_present() {
    let shared = Path::new(ROOT).join("../shared/eval/score.py");
    let Ok(theirs) = fs::read(&shared) else {
        eprintln!("skipped: ../shared/eval/score.py not found");
        return;
    };
    let ours = fs::read(Path::new(ROOT).join("tests/eval/score.py")).unwrap();
    assert!(
        ours == theirs,
        "tests/eval/score.py differs from ../shared/eval/score.py: copy it again"
    );
}

#[test]
fn a_figure_below_its_floor_fails_and_one_above_passes() {
    let figures: BTreeMap<String, f64> =
        [("clean_f1".to_string(), 0.9), ("per_f1".to_string(), 0.5)].into();
    let floors: Value = serde_json::json!({"clean_f1": 0.95, "per_f1": 0.4});
    let failures = below_floors(&figures, &floors);
    assert_eq!(failures.len(), 1);
    assert!(failures[0].starts_with("clean_f1"));
}
