//! Issues 14 (point 8), 15 and 18: the CLI's reports over several files —
//! `--events-csv`, `--entities-csv`, `--timeline` — run on the project's
//! invented pages. The CSV the `csv` crate writes for the CLI must be byte
//! for byte what `report::to_csv` writes for the wasm build: one definition
//! of the columns and the values, two writers that agree.

use std::process::Command;
use vnextract::report::{self, Document, Table};
use vnextract::{extract, Extraction, Options};

const BIN: &str = env!("CARGO_BIN_EXE_vnextract");
const PAGES: [&str; 3] = [
    "tests/pages/p01_ngoaigiao_nav.txt",
    "tests/pages/p02_kinhte_byline_top.txt",
    "tests/pages/p23_quocphong_hoi_dam_trao_tang.txt",
];

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .output()
        .expect("vnextract runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn extractions() -> Vec<(&'static str, Extraction)> {
    PAGES
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("page");
            (*p, extract(&text, &Options::default()).expect("extracts"))
        })
        .collect()
}

#[test]
fn csv_tables_equal_the_library_and_carry_provenance() {
    let xs = extractions();
    let docs: Vec<Document> = xs
        .iter()
        .map(|(name, extraction)| Document { name, extraction })
        .collect();
    for (flag, table) in [
        ("--events-csv", Table::Events),
        ("--entities-csv", Table::Entities),
    ] {
        let mut args = vec![flag];
        args.extend(PAGES);
        let (status, out, err) = cli(&args);
        assert_eq!(status, 0, "{flag}: {err}");
        assert_eq!(out, report::to_csv(table, &docs), "{flag}");
        let mut r = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(r.headers().unwrap().len(), table.columns().len());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let rows_of = |page: &str| rows.iter().filter(|r| &r[0] == page).count();
        // Rows of at least two articles, so that joining them means something.
        assert!(
            PAGES.iter().filter(|p| rows_of(p) > 0).count() >= 2,
            "{flag}"
        );
        for (page, x) in &xs {
            let want = match table {
                Table::Events => x.events.len(),
                Table::Entities => x.entities.len(),
            };
            assert_eq!(rows_of(page), want, "{flag} {page}");
            let Some(row) = rows.iter().find(|r| &r[0] == *page) else {
                continue;
            };
            assert_eq!(Some(&row[1]), x.title.as_deref(), "{flag} {page}: title");
            assert_eq!(
                Some(&row[2]),
                x.published.as_deref(),
                "{flag} {page}: published"
            );
        }
    }
}

#[test]
fn timeline_lists_each_source_file_with_its_title() {
    let mut args = vec!["--timeline"];
    args.extend(PAGES);
    let (status, out, err) = cli(&args);
    assert_eq!(status, 0, "{err}");
    let entries: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let xs = extractions();
    let events: usize = xs.iter().map(|(_, x)| x.events.len()).sum();
    assert!(!entries.is_empty() && entries.len() <= events);
    for e in &entries {
        for s in e["sources"].as_array().unwrap() {
            let file = s["file"].as_str().unwrap();
            let (_, x) = xs.iter().find(|(p, _)| *p == file).expect("a given file");
            assert_eq!(s["title"].as_str(), x.title.as_deref());
        }
    }
}

#[test]
fn two_reports_at_once_are_refused() {
    for pair in [
        ["--timeline", "--events-csv"],
        ["--events-csv", "--entities-csv"],
    ] {
        let (status, out, err) = cli(&[pair[0], pair[1], PAGES[0]]);
        assert_eq!(status, 2, "{pair:?}");
        assert!(
            out.is_empty() && err.contains("give one"),
            "{pair:?}: {err}"
        );
    }
}
