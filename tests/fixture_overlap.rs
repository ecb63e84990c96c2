//! Issue 17: no test input is a published text with the names swapped. Every
//! fixture in the repository is measured against every text in `../shared`
//! (the seeds, the dev excerpts, the 300 articles), and one that shares more
//! than 10% of its 5-word runs with any one of them fails. Skipped, saying
//! so, when `../shared` is absent.
//!
//! - **Words**: NFC, lower case, maximal runs of letters and digits, so
//!   punctuation, markup, escapes and composed/decomposed spellings do not
//!   hide a copy.
//! - **Share**: the most 5-word runs the fixture has in common with one
//!   shared text, over the number of distinct runs in the fixture — but over
//!   no fewer than 30, so that one stock phrase of office (three runs, such
//!   as "tại Trụ sở Chính phủ, Thủ tướng") cannot fail a short fixture, while
//!   a copied sentence of fifteen words still does. One text, not all of
//!   them together: copying comes from a page; stock phrases are spread
//!   over many. (Real articles measured this way against the rest of
//!   `../shared` have a median of 2%.)
//! - **Fixtures**: a data file under `tests/` (its JSON string values
//!   without `about` and `note`; the text of a page or an HTML file) or
//!   under `fuzz/seeds/`; in code — Rust test modules and doc tests in
//!   `src/`, `tests/*.rs`, `tests/browser/*.mjs`, `benches/`,
//!   `www/example.js` — each string literal of 20 runs or more, and the
//!   shorter literals of one file together.
//!
//! [`PENDING`] lists offenders that their owners are rewriting: they may be
//! above the limit, and must be taken off the list once they are under it.

#[path = "support/literals.rs"]
mod literals;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The most a fixture may share with one published text.
const LIMIT: f64 = 0.10;
/// Words in a run.
const RUN: usize = 5;
/// The least number of runs a share is taken over.
const FLOOR_RUNS: usize = 30;
/// A code literal with at least this many runs is a fixture of its own.
const LONG_LITERAL: usize = 20;

/// Offenders being rewritten by their owners, as "owner: file". It only
/// shrinks: a file here that is under the limit fails the test until it is
/// taken off.
const PENDING: &[&str] = &[];

/// The words of a text: NFC, lower case, runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect::<String>().to_lowercase();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The distinct 5-word runs of some pieces of text, hashed; runs never
/// cross from one piece into the next.
fn runs<S: AsRef<str>>(pieces: &[S]) -> HashSet<u64> {
    let mut out = HashSet::new();
    for piece in pieces {
        for run in words(piece.as_ref()).windows(RUN) {
            let mut h = DefaultHasher::new();
            run.hash(&mut h);
            out.insert(h.finish());
        }
    }
    out
}

/// Which shared texts hold each 5-word run.
struct SharedTexts {
    names: Vec<String>,
    holders: HashMap<u64, Vec<u32>>,
}

impl SharedTexts {
    fn new(texts: &[(String, String)]) -> SharedTexts {
        let mut holders: HashMap<u64, Vec<u32>> = HashMap::new();
        for (id, (_, text)) in texts.iter().enumerate() {
            for run in runs(&[text]) {
                holders.entry(run).or_default().push(id as u32);
            }
        }
        SharedTexts {
            names: texts.iter().map(|(n, _)| n.clone()).collect(),
            holders,
        }
    }

    /// The share of `fixture`'s runs found in the one shared text that holds
    /// most of them, with that text's name.
    fn share(&self, fixture: &HashSet<u64>) -> (f64, usize, Option<&str>) {
        let mut per_text: HashMap<u32, usize> = HashMap::new();
        for run in fixture {
            for &id in self.holders.get(run).into_iter().flatten() {
                *per_text.entry(id).or_default() += 1;
            }
        }
        let Some((&id, &n)) = per_text.iter().max_by_key(|(&id, &n)| (n, u32::MAX - id)) else {
            return (0.0, 0, None);
        };
        let share = n as f64 / fixture.len().max(FLOOR_RUNS) as f64;
        (share, n, Some(self.names[id as usize].as_str()))
    }
}

/// One fixture: what it is called, the file it is in, and its text.
struct Fixture {
    name: String,
    file: String,
    pieces: Vec<String>,
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir`, sorted, leaving out `node_modules` and the
/// snapshots (outputs, not inputs).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if name != "node_modules" && name != "snapshots" {
                out.extend(files_under(&p));
            }
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The fixtures of one file: the file itself for data, its literals (long
/// ones apart, short ones together) for code.
fn fixtures_of(root: &Path, path: &Path) -> Vec<Fixture> {
    let file = path
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let whole = |pieces: Vec<String>| {
        vec![Fixture {
            name: file.clone(),
            file: file.clone(),
            pieces,
        }]
    };
    let literals = match ext {
        "json" => {
            let Ok(v) = serde_json::from_str(&read(path)) else {
                return whole(vec![read(path)]);
            };
            return whole(literals::json_values(&v));
        }
        "txt" | "page" => return whole(vec![read(path)]),
        "html" | "htm" => return whole(vec![literals::html_text(&read(path))]),
        "js" | "mjs" => literals::javascript(&read(path)),
        "rs" if file.starts_with("src/") => {
            let src = read(path);
            let mut lits = literals::rust(literals::rust_test_module(&src));
            let offset = src.len() - literals::rust_test_module(&src).len();
            let first_line = src[..offset].lines().count();
            lits.iter_mut().for_each(|l| l.line += first_line);
            for (line, code) in literals::rust_doc_blocks(&src) {
                lits.extend(
                    literals::rust(&code)
                        .into_iter()
                        .map(|l| literals::Literal {
                            line: line + l.line - 1,
                            text: l.text,
                        }),
                );
            }
            lits
        }
        "rs" => literals::rust(&read(path)),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut short = Vec::new();
    for lit in literals {
        if runs(&[&lit.text]).len() >= LONG_LITERAL {
            out.push(Fixture {
                name: format!("{file}:{}", lit.line),
                file: file.clone(),
                pieces: vec![lit.text],
            });
        } else {
            short.push(lit.text);
        }
    }
    if !short.is_empty() {
        out.push(Fixture {
            name: format!("{file} (shorter literals)"),
            file: file.clone(),
            pieces: short,
        });
    }
    out
}

/// Every fixture of the repository at `root`.
fn fixtures(root: &Path) -> Vec<Fixture> {
    let mut files = files_under(&root.join("tests"));
    files.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy();
        !name.starts_with("package") && !name.ends_with(".md") && !name.ends_with(".py")
    });
    files.extend(files_under(&root.join("src")));
    files.extend(files_under(&root.join("benches")));
    files.extend(files_under(&root.join("fuzz/seeds")));
    files.push(root.join("www/example.js"));
    files.iter().flat_map(|p| fixtures_of(root, p)).collect()
}

/// One fixture's measure.
struct Measure {
    name: String,
    file: String,
    share: f64,
    shared_runs: usize,
    runs: usize,
    text: Option<String>,
}

/// What is wrong with the measures, given the pending list: an offender not
/// pending, or a pending file with no offender left.
fn verdict(measures: &[Measure], pending: &[&str]) -> Vec<String> {
    let pending: Vec<(&str, &str)> = pending
        .iter()
        .map(|p| {
            let (owner, file) = p
                .split_once(": ")
                .expect("PENDING entries read \"owner: file\"");
            (file, owner)
        })
        .collect();
    let mut failures = Vec::new();
    for m in measures.iter().filter(|m| m.share > LIMIT) {
        if !pending.iter().any(|(f, _)| *f == m.file) {
            failures.push(format!(
                "{} shares {:.0}% of its 5-word runs ({} of {}) with {}: rewrite it in your own sentences",
                m.name,
                100.0 * m.share,
                m.shared_runs,
                m.runs,
                m.text.as_deref().unwrap_or("?")
            ));
        }
    }
    for (file, owner) in pending {
        if !measures.iter().any(|m| m.file == file && m.share > LIMIT) {
            failures.push(format!(
                "{file} (pending, {owner}) is under {:.0}% now: take it off PENDING in tests/fixture_overlap.rs",
                100.0 * LIMIT
            ));
        }
    }
    failures
}

fn shared_texts(shared: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["seeds", "dev/raw", "articles/texts"] {
        for p in files_under(&shared.join(dir)) {
            if p.extension().is_some_and(|e| e == "txt") {
                out.push((
                    format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()),
                    read(&p),
                ));
            }
        }
    }
    out
}

#[test]
fn no_fixture_is_a_published_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    if !shared.join("seeds").is_dir() {
        eprintln!("skipped: ../shared not found, so fixtures are not measured against the published texts");
        return;
    }
    let texts = shared_texts(&shared);
    assert!(
        texts.len() >= 300,
        "expected the seeds, dev texts and articles in ../shared"
    );
    let index = SharedTexts::new(&texts);
    let mut measures: Vec<Measure> = fixtures(root)
        .into_iter()
        .map(|f| {
            let runs = runs(&f.pieces);
            let (share, shared_runs, text) = index.share(&runs);
            Measure {
                name: f.name,
                file: f.file,
                share,
                shared_runs,
                runs: runs.len(),
                text: text.map(str::to_string),
            }
        })
        .collect();
    assert!(
        measures.len() >= 100,
        "too few fixtures found: {}",
        measures.len()
    );
    measures.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.name.cmp(&b.name)));
    eprintln!(
        "{} fixtures against {} shared texts; the highest shares:",
        measures.len(),
        texts.len()
    );
    for m in measures.iter().take(12) {
        eprintln!(
            "  {:5.1}%  {:>3}/{:<4} {}  ({})",
            100.0 * m.share,
            m.shared_runs,
            m.runs,
            m.name,
            m.text.as_deref().unwrap_or("-")
        );
    }
    let failures = verdict(&measures, PENDING);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn words_fold_case_composition_and_punctuation() {
    let nfd: String = "Đà Nẵng".nfd().collect();
    assert_eq!(
        words(&format!("{nfd}, (ĐÀ NẴNG)!")),
        ["đà", "nẵng", "đà", "nẵng"]
    );
    assert_eq!(
        words("ngày 12/3—năm_2031"),
        ["ngày", "12", "3", "năm", "2031"]
    );
}

#[test]
fn runs_stay_inside_each_piece() {
    assert_eq!(runs(&["một hai ba bốn năm sáu"]).len(), 2);
    assert_eq!(runs(&["một hai ba", "bốn năm sáu"]).len(), 0);
    // Case and spelling do not make a run new.
    assert_eq!(runs(&["Một hai ba bốn năm", "một HAI ba bốn năm"]).len(), 1);
}

/// An invented published text and fixtures that copy it to a varying degree.
fn invented_index() -> SharedTexts {
    SharedTexts::new(&[
        (
            "a.txt".into(),
            "Sáng nay đoàn công tác của huyện Tân Hòa đã đến thăm ba trường học vùng cao \
             và trao hai trăm suất quà cho học sinh nghèo vượt khó"
                .into(),
        ),
        (
            "b.txt".into(),
            "Chiều qua hội nông dân xã Bình An tổ chức phiên chợ nông sản sạch lần thứ tư".into(),
        ),
    ])
}

#[test]
fn a_copied_sentence_fails_and_own_words_pass() {
    let index = invented_index();
    let copy = runs(&["đoàn công tác của huyện Tân Hòa đã đến thăm ba trường học vùng cao"]);
    let (share, n, text) = index.share(&copy);
    assert_eq!((n, text), (11, Some("a.txt")));
    assert!(share > LIMIT, "{share}");
    let own = runs(&[
        "Cuối tuần, câu lạc bộ cờ tướng phường Hòa Lạc mở giải giao hữu \
         cho các kỳ thủ nhỏ tuổi, thu hút gần năm mươi người tham gia",
    ]);
    assert_eq!(index.share(&own).1, 0);
}

#[test]
fn one_stock_phrase_does_not_fail_a_short_fixture() {
    let index = invented_index();
    // Three runs in common ("tổ chức phiên chợ nông sản sạch") over the floor of 30.
    let fixture = runs(&["Hợp tác xã Đồng Tiến tổ chức phiên chợ nông sản sạch vào sáng chủ nhật"]);
    let (share, n, _) = index.share(&fixture);
    assert_eq!(n, 3);
    assert!(share <= LIMIT, "{share}");
}

#[test]
fn the_share_is_taken_against_one_text_not_all() {
    let index = invented_index();
    let mixed = runs(&[
        "đã đến thăm ba trường học",
        "tổ chức phiên chợ nông sản sạch",
    ]);
    assert_eq!(index.share(&mixed).1, 3);
}

fn measure(file: &str, share: f64) -> Measure {
    Measure {
        name: file.into(),
        file: file.into(),
        share,
        shared_runs: 0,
        runs: 0,
        text: None,
    }
}

#[test]
fn pending_files_may_exceed_and_must_leave_the_list_when_under() {
    let measures = [
        measure("a.json", 0.3),
        measure("b.json", 0.02),
        measure("c.json", 0.2),
    ];
    let failures = verdict(&measures, &["x: a.json", "y: b.json"]);
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].starts_with("c.json shares 20%"), "{failures:?}");
    assert!(
        failures[1].starts_with("b.json (pending, y) is under"),
        "{failures:?}"
    );
}

#[test]
fn literals_are_read_from_rust_javascript_and_json() {
    let rust = "// \"not this\"\nlet a = \"một \\\"hai\\\" ba\"; let b: &'static str = r#\"bốn \"năm\"\"#;\nlet c = '\"'; let d = \"sáu\";";
    let got: Vec<(usize, String)> = literals::rust(rust)
        .into_iter()
        .map(|l| (l.line, l.text))
        .collect();
    assert_eq!(
        got,
        [
            (2, "một  hai  ba".to_string()),
            (2, "bốn \"năm\"".to_string()),
            (3, "sáu".to_string())
        ]
    );
    let js = "/* 'no' */ const x = `bảy ${y}`; // 'no'\nconst z = 'tám';";
    let got: Vec<String> = literals::javascript(js)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(got, ["bảy ${y}", "tám"]);
    let v = serde_json::json!({"about": "không", "text": "chín", "expect": [{"name": "mười"}]});
    // Keys in order (serde_json's map), values apart, descriptions left out.
    assert_eq!(literals::json_values(&v), ["mười", "chín"]);
    assert_eq!(
        literals::html_text("<p class=\"x\">một</p>hai").trim(),
        "một hai"
    );
}

#[test]
fn doc_tests_and_test_modules_are_found() {
    let src = "/// Does it.\n/// ```\n/// let s = \"mười một\";\n/// ```\nfn f() { let x = \"not a test\"; }\n#[cfg(test)]\nmod tests {\n    const S: &str = \"mười hai\";\n}\n";
    let blocks = literals::rust_doc_blocks(src);
    assert_eq!(blocks, [(3, "let s = \"mười một\";\n".to_string())]);
    let module = literals::rust_test_module(src);
    assert!(module.starts_with("#[cfg(test)]") && module.contains("mười hai"));
    assert!(!module.contains("not a test"));
}
