//! Issue 3: cleaning is idempotent. The cleaned article (title and
//! paragraphs joined by blank lines, as `Extraction::text` gives them before
//! the captions) cleaned again gives the same title and the same paragraphs,
//! for every fixture page and every cleaner case; and normalising twice
//! changes nothing.

mod support;

use std::fs;
use std::path::Path;
use vnextract::internals::normalise::normalise;
use vnextract::{extract, Options};

fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for e in fs::read_dir(root.join("tests/pages")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            out.push((p.display().to_string(), fs::read_to_string(&p).unwrap()));
        }
    }
    for e in fs::read_dir(root.join("tests/cases/clean")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let case: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            if case["html"] != true {
                out.push((
                    p.display().to_string(),
                    case["input"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    assert!(out.len() >= 20);
    out
}

#[test]
fn cleaning_the_cleaned_text_changes_nothing() {
    let mut failures = Vec::new();
    for (name, page) in inputs() {
        let once = extract(&page, &Options::default()).unwrap();
        let twice = extract(&support::article_text(&once), &Options::default()).unwrap();
        if (&once.title, &once.paragraphs) != (&twice.title, &twice.paragraphs) {
            failures.push(format!(
                "{name}:\n  once  {:?} {:#?}\n  twice {:?} {:#?}",
                once.title, once.paragraphs, twice.title, twice.paragraphs
            ));
        }
        assert_eq!(
            support::article_text(&twice),
            support::article_text(&once),
            "{name}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn normalising_the_pages_twice_changes_nothing() {
    for (name, page) in inputs() {
        let once = normalise(&page);
        assert_eq!(normalise(&once), once, "{name}");
    }
}

#[test]
fn seed_pages_clean_idempotently_when_present() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(dir) = fs::read_dir(&seeds) else {
        eprintln!("skipped: ../shared/seeds not found");
        return;
    };
    for e in dir {
        let p = e.unwrap().path();
        let once = extract(&fs::read_to_string(&p).unwrap(), &Options::default()).unwrap();
        let twice = extract(&support::article_text(&once), &Options::default()).unwrap();
        assert_eq!(
            (&once.title, &once.paragraphs),
            (&twice.title, &twice.paragraphs),
            "{}",
            p.display()
        );
    }
}
