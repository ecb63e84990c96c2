//! `docs/output.md` is the output contract (issue 18): it must describe
//! exactly what the code writes. This test serialises the documents of the
//! invented pages in `tests/pages` (and of an empty input, for a warning), the
//! merged timeline over them, the options, a block, the CSV headers and the
//! `schema()` lists, and checks both directions against the tables of the
//! file: every field written is documented under its path, and every field
//! documented is written.
//!
//! The file's tables are read by their heading: each heading ends with its
//! path in backticks (`$.entities[]`, `$timeline[].sources[]`, `csv:events`,
//! …) and the first header cell says what the rows name (`field`, `column`
//! or `id`).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use vnextract::report::{self, Document, Table};
use vnextract::{extract, extract_html, schema, Extraction, InputBlock, Options};

/// One documented table: what its rows name, and the names in file order.
#[derive(Debug)]
struct DocTable {
    header: String,
    names: Vec<String>,
}

/// The tables of `docs/output.md`, by the path in their heading.
fn documented() -> BTreeMap<String, DocTable> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/output.md");
    let md = fs::read_to_string(path).expect("docs/output.md exists");
    let mut tables: BTreeMap<String, DocTable> = BTreeMap::new();
    let mut key: Option<String> = None;
    let mut in_table = false;
    for line in md.lines() {
        if line.starts_with('#') {
            key = line.rsplit('`').nth(1).map(String::from);
            in_table = false;
            continue;
        }
        let Some(row) = line.strip_prefix('|') else {
            in_table = false;
            continue;
        };
        let first = row.split('|').next().unwrap_or("").trim().trim_matches('`');
        if !in_table {
            in_table = true;
            let k = key
                .clone()
                .unwrap_or_else(|| panic!("a table without a path: {line}"));
            let old = tables.insert(
                k.clone(),
                DocTable {
                    header: first.to_string(),
                    names: Vec::new(),
                },
            );
            assert!(old.is_none(), "two tables under `{k}`");
        } else if !first.starts_with("---") {
            let k = key.as_ref().expect("set with the table");
            tables.get_mut(k).unwrap().names.push(first.to_string());
        }
    }
    tables
}

/// The object keys found at each path of `v` (`$`, `$.events[]`, …).
fn walk(v: &Value, path: &str, out: &mut BTreeMap<String, BTreeSet<String>>) {
    let Value::Object(map) = v else { return };
    let keys = out.entry(path.to_string()).or_default();
    keys.extend(map.keys().cloned());
    for (k, child) in map {
        match child {
            Value::Object(_) => walk(child, &format!("{path}.{k}"), out),
            Value::Array(items) => {
                for item in items {
                    walk(item, &format!("{path}.{k}[]"), out);
                }
            }
            _ => {}
        }
    }
}

/// Every page in `tests/pages` as extracted with default options, by name.
fn page_documents() -> Vec<(String, Extraction)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut pages: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
        .collect();
    pages.sort();
    assert!(pages.len() >= 10, "the fixture pages are there");
    let mut docs: Vec<(String, Extraction)> = pages
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap();
            let x = if p.extension().is_some_and(|e| e == "html") {
                extract_html(&text, &Options::default())
            } else {
                extract(&text, &Options::default())
            };
            (p.display().to_string(), x.unwrap())
        })
        .collect();
    docs.push(("empty".into(), extract("", &Options::default()).unwrap()));
    docs
}

/// The keys of one serialised value at its top level.
fn keys_of(v: Value) -> BTreeSet<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

fn names(t: &DocTable) -> BTreeSet<String> {
    t.names.iter().cloned().collect()
}

#[test]
fn every_field_written_is_documented_and_every_documented_field_is_written() {
    let doc = documented();
    let docs = page_documents();
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, x) in &docs {
        walk(&serde_json::to_value(x).unwrap(), "$", &mut seen);
    }
    let named: Vec<Document> = docs
        .iter()
        .map(|(name, x)| Document {
            name,
            extraction: x,
        })
        .collect();
    let timeline = report::timeline(&named);
    assert!(!timeline.is_empty(), "the pages report events");
    for entry in &timeline {
        walk(
            &serde_json::to_value(entry).unwrap(),
            "$timeline[]",
            &mut seen,
        );
    }
    // The timeline's participants are the events' participants.
    if let Some(p) = seen.remove("$timeline[].participants[]") {
        seen.entry("$.events[].participants[]".into())
            .or_default()
            .extend(p);
    }
    seen.insert(
        "options".into(),
        keys_of(serde_json::to_value(Options::default()).unwrap()),
    );
    seen.insert(
        "blocks[]".into(),
        keys_of(serde_json::to_value(InputBlock::default()).unwrap()),
    );

    for (path, keys) in &seen {
        let t = doc
            .get(path)
            .unwrap_or_else(|| panic!("`{path}` is written but has no table in docs/output.md"));
        assert_eq!(t.header, "field", "`{path}`");
        let documented = names(t);
        let undocumented: Vec<_> = keys.difference(&documented).collect();
        assert!(
            undocumented.is_empty(),
            "`{path}`: not in docs/output.md: {undocumented:?}"
        );
        let unwritten: Vec<_> = documented.difference(keys).collect();
        assert!(
            unwritten.is_empty(),
            "`{path}`: documented, never written: {unwritten:?}"
        );
    }
    for (path, t) in &doc {
        if t.header == "field" {
            assert!(
                seen.contains_key(path),
                "`{path}` is documented but no fixture writes it"
            );
        }
    }
}

#[test]
fn every_id_and_column_is_documented_in_order() {
    let doc = documented();
    let s = serde_json::to_value(schema()).unwrap();
    let ids = |key: &str| -> Vec<String> {
        s[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let expected: Vec<(&str, &str, Vec<String>)> = vec![
        ("$.entities[].type", "id", ids("entityTypes")),
        ("$.events[].type", "id", ids("eventTypes")),
        ("$.removed[].reason", "id", ids("removalReasons")),
        ("$.warnings[].code", "id", ids("warnings")),
        ("error.name", "id", ids("errors")),
        ("$.events[].rule", "id", ids("rules")),
        ("+MARK", "id", ids("ruleMarks")),
        (
            "csv:events",
            "column",
            Table::Events
                .columns()
                .iter()
                .map(|c| c.to_string())
                .collect(),
        ),
        (
            "csv:entities",
            "column",
            Table::Entities
                .columns()
                .iter()
                .map(|c| c.to_string())
                .collect(),
        ),
    ];
    for (path, header, want) in &expected {
        let t = doc
            .get(*path)
            .unwrap_or_else(|| panic!("docs/output.md has no table `{path}`"));
        assert_eq!(&t.header, header, "`{path}`");
        assert_eq!(
            &t.names, want,
            "`{path}`: the documented list differs from the code's"
        );
    }
    // No table of ids or columns that the code does not define.
    for (path, t) in &doc {
        if t.header != "field" {
            assert!(
                expected.iter().any(|(p, _, _)| p == path),
                "`{path}` in docs/output.md is checked against nothing"
            );
        }
    }
}

#[test]
fn the_reader_finds_every_table_and_no_stray_one() {
    let doc = documented();
    assert!(doc.len() >= 15, "{:?}", doc.keys().collect::<Vec<_>>());
    for (path, t) in &doc {
        assert!(!t.names.is_empty(), "`{path}` has an empty table");
        assert!(
            matches!(t.header.as_str(), "field" | "column" | "id"),
            "`{path}`: a table of {:?}",
            t.header
        );
    }
}

#[test]
fn cli_batch_lines_are_documents_with_a_file_field() {
    // docs/output.md: several files give one document a line, each with one
    // more field, `file`.
    let md = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/output.md"))
        .expect("docs/output.md exists");
    assert!(md.contains("`file` (the path as given)"));
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let files = ["p01_ngoaigiao_nav.txt", "p15_ngoaigiao_article_only.txt"].map(|f| pages.join(f));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vnextract"))
        .args(&files)
        .output()
        .expect("the CLI runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), files.len());
    let mut document = keys_of(serde_json::to_value(Extraction::default()).unwrap());
    document.insert("file".into());
    for (line, file) in lines.iter().zip(&files) {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        assert_eq!(keys_of(v.clone()), document);
        assert_eq!(v["file"], file.display().to_string());
    }
}
