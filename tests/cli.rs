//! Issue 8: the real `vnextract` binary on odd inputs, written to real
//! temporary files. Each case is data in `tests/cases/robust/*.json` (see the
//! README there): the files, the arguments, the exit status, what stderr
//! says, and what each printed document holds. On every document printed,
//! whatever the case, every `start`/`end` is checked against the text
//! encoded as UTF-16 (what JavaScript's `slice` sees).

mod support;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use unicode_normalization::UnicodeNormalization;

const BIN: &str = env!("CARGO_BIN_EXE_vnextract");

/// A directory of its own for one run, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("vnextract-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[String], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the vnextract binary runs");
    {
        let mut input = child.stdin.take().expect("stdin");
        // The binary may refuse before reading it all (over --max-bytes): a broken pipe is fine.
        let _ = input.write_all(stdin.unwrap_or_default());
    }
    let out = child.wait_with_output().expect("vnextract finishes");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The input text of a file spec, transformed by a variant.
fn variant(text: &str, name: &str) -> String {
    name.split('+').fold(text.to_string(), |t, v| match v {
        "base" => t,
        "nfd" => t.nfd().collect(),
        "crlf" => t.replace('\n', "\r\n"),
        "cr" => t.replace('\n', "\r"),
        other => panic!("unknown variant {other}"),
    })
}

/// Writes the case's files into `dir` and returns its arguments with
/// `{name}` replaced by the path.
fn prepare(case: &Value, dir: &Path, var: &str) -> Vec<String> {
    for f in case["files"].as_array().into_iter().flatten() {
        let path = dir.join(f["name"].as_str().expect("file name"));
        if f["dir"].as_bool() == Some(true) {
            std::fs::create_dir_all(&path).expect("dir");
        } else if let Some(hex) = f["hex"].as_str() {
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
                .collect();
            std::fs::write(&path, bytes).expect("write");
        } else {
            std::fs::write(&path, variant(f["text"].as_str().expect("file text"), var))
                .expect("write");
        }
    }
    case["args"]
        .as_array()
        .expect("args")
        .iter()
        .map(|a| expand(a.as_str().expect("arg"), dir))
        .collect()
}

/// `{name}` → the path of `name` in `dir`.
fn expand(s: &str, dir: &Path) -> String {
    match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
        Some(name) => dir.join(name).to_string_lossy().into_owned(),
        None => s.to_string(),
    }
}

/// Every `start`/`end` of the document, checked on the UTF-16 encoding of
/// `text` as JavaScript would slice it.
fn check_utf16_offsets(doc: &Value, ctx: &str) {
    let text = doc["text"].as_str().unwrap_or_default();
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |start: &Value, end: &Value| -> String {
        let (s, e) = (
            start.as_u64().expect("start") as usize,
            end.as_u64().expect("end") as usize,
        );
        assert!(
            s <= e && e <= units.len(),
            "{ctx}: offsets {s}..{e} outside {} UTF-16 units",
            units.len()
        );
        String::from_utf16(&units[s..e])
            .unwrap_or_else(|_| panic!("{ctx}: {s}..{e} splits a surrogate pair"))
    };
    for e in doc["entities"].as_array().into_iter().flatten() {
        assert_eq!(
            slice(&e["start"], &e["end"]),
            e["text"].as_str().unwrap_or_default(),
            "{ctx}: entity {e}"
        );
    }
    for ev in doc["events"].as_array().into_iter().flatten() {
        let sentence = slice(&ev["sentence_start"], &ev["sentence_end"]);
        assert_eq!(
            sentence,
            ev["sentence"].as_str().unwrap_or_default(),
            "{ctx}: event sentence"
        );
    }
    assert_eq!(doc["offset_unit"], "utf16", "{ctx}");
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// The string `field` of each object of the array `v`.
fn field_of_each<'a>(v: &'a Value, field: &str) -> Vec<&'a str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o[field].as_str())
        .collect()
}

/// One document against its expectations (every key optional).
fn check_doc(doc: &Value, want: &Value, dir: &Path, ctx: &str) {
    check_utf16_offsets(doc, ctx);
    let text = doc["text"].as_str().expect("text");
    let count = |field: &str| doc[field].as_array().map_or(0, Vec::len) as u64;
    let codes = field_of_each(&doc["warnings"], "code");
    if let Some(f) = want["file"].as_str() {
        assert_eq!(
            doc["file"].as_str(),
            Some(expand(f, dir).as_str()),
            "{ctx}: file"
        );
    }
    if let Some(t) = want["text"].as_str() {
        assert_eq!(text, t, "{ctx}: text");
    }
    if want.get("title").is_some() {
        assert_eq!(doc["title"], want["title"], "{ctx}: title");
    }
    for (key, field) in [
        ("paragraphs", "paragraphs"),
        ("entities", "entities"),
        ("events", "events"),
    ] {
        if let Some(n) = want[key].as_u64() {
            assert_eq!(count(field), n, "{ctx}: {key}");
        }
    }
    if let Some(n) = want["paragraphs_min"].as_u64() {
        assert!(
            count("paragraphs") >= n,
            "{ctx}: fewer than {n} paragraphs: {doc}"
        );
    }
    if let Some(n) = want["events_min"].as_u64() {
        assert!(count("events") >= n, "{ctx}: fewer than {n} events");
    }
    for s in strings(&want["text_has"]) {
        assert!(text.contains(s), "{ctx}: text lacks {s:?}: {text:?}");
    }
    for s in strings(&want["text_lacks"]) {
        assert!(!text.contains(s), "{ctx}: text has {s:?}: {text:?}");
    }
    for code in strings(&want["warnings"]) {
        assert!(
            codes.contains(&code),
            "{ctx}: no {code} warning in {codes:?}"
        );
    }
    for code in strings(&want["warnings_absent"]) {
        assert!(!codes.contains(&code), "{ctx}: unexpected {code} warning");
    }
    if want["no_warnings"].as_bool() == Some(true) {
        assert!(codes.is_empty(), "{ctx}: warnings {codes:?}");
    }
    let messages = doc["warnings"].to_string();
    for s in strings(&want["warning_message_has"]) {
        assert!(
            messages.contains(s),
            "{ctx}: no warning says {s:?}: {messages}"
        );
    }
    let removed = doc["removed"].to_string();
    for s in strings(&want["removed_has"]) {
        assert!(removed.contains(s), "{ctx}: removed lacks {s:?}");
    }
    let entity_texts = field_of_each(&doc["entities"], "text");
    for s in strings(&want["entity_texts"]) {
        assert!(
            entity_texts.contains(&s),
            "{ctx}: no entity {s:?} in {entity_texts:?}"
        );
    }
    if let Some(n) = want["entities_after_astral_min"].as_u64() {
        // Mentions after a non-BMP character: their UTF-16 start is past their char count.
        let after = doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| {
                let start = e["start"].as_u64().unwrap_or(0) as usize;
                let units: Vec<u16> = text.encode_utf16().take(start).collect();
                String::from_utf16_lossy(&units)
                    .chars()
                    .any(|c| c as u32 > 0xffff)
            })
            .count() as u64;
        assert!(
            after >= n,
            "{ctx}: only {after} entities after an astral character"
        );
    }
}

fn run_case(file: &str, case: &Value) {
    let name = file.trim_end_matches(".json");
    assert_eq!(case["issue"], 8, "{name}: cites its issue");
    let variants: Vec<String> = std::iter::once("base".to_string())
        .chain(strings(&case["variants"]).into_iter().map(String::from))
        .collect();
    let mut base_stdout = None;
    for var in &variants {
        let ctx = format!("{name} ({var})");
        let tmp = TempDir::new(&format!("{name}-{var}"));
        let args = prepare(case, &tmp.0, var);
        let stdin = case["stdin"].as_str().map(|s| variant(s, var));
        let r = run(&args, stdin.as_deref().map(str::as_bytes));
        let expected_exit = case["exit"].as_i64().expect("exit") as i32;
        assert_eq!(
            r.status, expected_exit,
            "{ctx}: exit status; stderr: {}",
            r.stderr
        );
        for s in strings(&case["stderr_has"]) {
            assert!(
                r.stderr.contains(&expand(s, &tmp.0)),
                "{ctx}: stderr lacks {s:?}: {}",
                r.stderr
            );
        }
        for s in strings(&case["stderr_lacks"]) {
            assert!(
                !r.stderr.contains(s),
                "{ctx}: stderr has {s:?}: {}",
                r.stderr
            );
        }
        if case["stderr_empty"].as_bool() == Some(true) {
            assert!(r.stderr.is_empty(), "{ctx}: stderr: {}", r.stderr);
        }
        if case["stdout_empty"].as_bool() == Some(true) {
            assert!(r.stdout.is_empty(), "{ctx}: stdout: {}", r.stdout);
        }
        let docs: Vec<Value> = if case["jsonl"].as_bool() == Some(true) {
            r.stdout
                .lines()
                .map(|l| serde_json::from_str(l).expect("each line one JSON object"))
                .collect()
        } else if r.stdout.trim().is_empty() {
            Vec::new()
        } else {
            vec![serde_json::from_str(&r.stdout).expect("one JSON document")]
        };
        let wanted = case["docs"].as_array().cloned().unwrap_or_default();
        assert_eq!(
            docs.len(),
            wanted.len(),
            "{ctx}: documents printed: {}",
            r.stdout
        );
        for (i, (doc, want)) in docs.iter().zip(&wanted).enumerate() {
            check_doc(doc, want, &tmp.0, &format!("{ctx} doc {i}"));
        }
        // Variants of one input give the same output as the input itself.
        match &base_stdout {
            None => base_stdout = Some(r.stdout),
            Some(base) => assert_eq!(&r.stdout, base, "{ctx}: differs from the unchanged input"),
        }
    }
}

#[test]
fn robust_cases() {
    for (file, case) in support::cases("robust", 15) {
        run_case(&file, &case);
    }
}

/// The input file over --max-bytes is left exactly as it was (nothing is
/// lost or truncated), and the same input under the limit goes through.
#[test]
fn refusing_a_large_input_leaves_it_whole() {
    let tmp = TempDir::new("large");
    let path = tmp.0.join("big.txt");
    let content = "Hai bên nhất trí tăng cường hợp tác.\n".repeat(200);
    std::fs::write(&path, &content).expect("write");
    let file = path.to_string_lossy().into_owned();
    let refused = run(&["--max-bytes".into(), "1000".into(), file.clone()], None);
    assert_eq!(refused.status, 1);
    assert!(refused.stdout.is_empty());
    assert!(
        refused.stderr.contains(&format!(
            "{} bytes, more than the limit of 1000 bytes",
            content.len()
        )),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        content
    );
    let accepted = run(
        &["--max-bytes".into(), content.len().to_string(), file],
        None,
    );
    assert_eq!(accepted.status, 0, "{}", accepted.stderr);
}
