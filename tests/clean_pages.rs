//! Issue 3: every fixture page in `tests/pages` cleaned exactly as its gold
//! says — title, byline, published, source, the paragraphs in order and the
//! captions — and every `.html` version of a page gives the same article as
//! the gold of its text version. (The eval gate scores the same pages with
//! the project's scorer; this test is stricter: exact paragraphs and the
//! metadata the scorer does not read.)

mod support;

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use vnextract::{extract, extract_html, Extraction, Options};

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages")
}

fn gold_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(pages())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    v.sort();
    v
}

fn opt_str(v: &Value) -> Option<String> {
    v.as_str().map(String::from)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// Differences between a cleaned page and its gold, one line each.
fn differences(x: &Extraction, gold: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, got: String, want: String| {
        if got != want {
            out.push(format!("{field}: got {got}, want {want}"));
        }
    };
    check(
        "title",
        format!("{:?}", x.title),
        format!("{:?}", opt_str(&gold["title"])),
    );
    check(
        "byline",
        format!("{:?}", x.byline),
        format!("{:?}", opt_str(&gold["byline"])),
    );
    check(
        "published",
        format!("{:?}", x.published),
        format!("{:?}", opt_str(&gold["published"])),
    );
    check(
        "source",
        format!("{:?}", x.source),
        format!("{:?}", opt_str(&gold["source"])),
    );
    check(
        "captions",
        format!("{:#?}", x.captions),
        format!("{:#?}", strings(&gold["captions"])),
    );
    check(
        "paragraphs",
        format!("{:#?}", x.paragraphs),
        format!("{:#?}", strings(&gold["paragraphs"])),
    );
    out
}

#[test]
fn text_pages_come_out_as_their_gold() {
    let golds = gold_files();
    assert!(golds.len() >= 8, "expected at least eight fixture pages");
    let mut failures = Vec::new();
    for g in &golds {
        let gold: Value = serde_json::from_str(&fs::read_to_string(g).unwrap()).unwrap();
        assert_eq!(gold["issue"], 3, "{} should cite issue 3", g.display());
        let txt = g.to_string_lossy().replace(".gold.json", ".txt");
        let x = extract(&fs::read_to_string(&txt).unwrap(), &Options::default()).unwrap();
        let found: Vec<String> = differences(&x, &gold)
            .into_iter()
            .map(|d| format!("{txt}: {d}"))
            .collect();
        failures.extend(support::unless_known_failure(
            &txt,
            &gold,
            "clean_known_failure",
            found,
        ));
        // Nothing is dropped silently: every non-empty line is kept, or removed with a reason.
        let kept = x.paragraphs.len() + x.captions.len() + usize::from(x.title.is_some());
        let lines = fs::read_to_string(&txt)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        assert!(
            kept + x.removed.len() >= lines,
            "{txt}: {} lines but {kept} kept and {} removed",
            lines,
            x.removed.len()
        );
        assert!(x.removed.iter().all(|r| !r.text.trim().is_empty()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn html_pages_give_the_article_of_their_text_version() {
    let mut n = 0;
    let mut failures = Vec::new();
    for g in gold_files() {
        let html = g.to_string_lossy().replace(".gold.json", ".html");
        let Ok(page) = fs::read_to_string(&html) else {
            continue;
        };
        n += 1;
        let gold: Value = serde_json::from_str(&fs::read_to_string(&g).unwrap()).unwrap();
        let x = extract_html(&page, &Options::default()).unwrap();
        for d in differences(&x, &gold) {
            failures.push(format!("{html}: {d}"));
        }
        assert!(
            x.removed.iter().any(|r| r.reason == "navigation"),
            "{html}: the site's menu should be removed"
        );
    }
    assert!(n >= 1, "no .html fixture pages");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The pages whose gold is marked `"clean_known_failure": "<why>"` (issue
/// 17: shapes the cleaner does not handle yet). Listed by every `cargo test`
/// as ignored; `-- --ignored` shows what each still gets wrong.
#[test]
#[ignore = "known failures: pages in tests/pages whose gold has clean_known_failure; run with --ignored to see them"]
fn known_failures() {
    let mut report = Vec::new();
    for g in gold_files() {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&g).unwrap()).unwrap();
        if let Some(why) = gold["clean_known_failure"].as_str() {
            let txt = g.to_string_lossy().replace(".gold.json", ".txt");
            let x = extract(&fs::read_to_string(&txt).unwrap(), &Options::default()).unwrap();
            report.push(format!("{txt}: {why}"));
            report.extend(differences(&x, &gold).into_iter().map(|d| format!("  {d}")));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
