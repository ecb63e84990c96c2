//! The text a test feeds the extractor, read out of source files: the string
//! literals of Rust and JavaScript code, the doc-test blocks of Rust doc
//! comments, and the string values of JSON cases. Used by
//! `tests/fixture_overlap.rs`, which measures how much of that text comes
//! from published pages.
//!
//! The readers are lexers, not parsers: they know comments, escapes, raw
//! strings and Rust's char literals and lifetimes, which is all it takes to
//! find where a literal starts and ends.

use serde_json::Value;

/// A string literal's text (escapes resolved as far as words go) and the
/// 1-based line it starts on.
#[derive(Debug, PartialEq)]
pub struct Literal {
    pub line: usize,
    pub text: String,
}

/// The string literals of Rust source, outside comments.
pub fn rust(src: &str) -> Vec<Literal> {
    scan(src, |src, i| match src.as_bytes()[i] {
        b'r' | b'b' if !ident_before(src.as_bytes(), i) => {
            raw_string(src, i).map(|(text, end)| (Some(text), end))
        }
        b'"' => {
            let (text, end) = quoted(src, i, b'"');
            Some((Some(text), end))
        }
        // A char literal ('x', '\n', '\u{1f600}', '"'); a lifetime ('a)
        // has no closing quote and is stepped over like any word.
        b'\'' => char_literal_end(src, i).map(|end| (None, end)),
        _ => None,
    })
}

/// The literals of C-like source outside `//` and `/* */` comments:
/// `lexeme(src, i)` says whether a token starts at `i`, giving the text of
/// a string literal (or None for a token to step over) and where it ends.
fn scan(
    src: &str,
    lexeme: impl Fn(&str, usize) -> Option<(Option<String>, usize)>,
) -> Vec<Literal> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            i = line_end(b, i);
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i = block_comment_end(b, i);
        } else if let Some((text, end)) = lexeme(src, i) {
            if let Some(text) = text {
                out.push(Literal {
                    line: line_of(b, i),
                    text,
                });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The code inside the fenced blocks of `///` and `//!` doc comments (the
/// doc tests), with the comment markers taken off, and the line each
/// block's first code line stands on.
pub fn rust_doc_blocks(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (n, line) in src.lines().enumerate() {
        let t = line.trim_start();
        let Some(body) = t.strip_prefix("///").or_else(|| t.strip_prefix("//!")) else {
            continue;
        };
        if body.trim_start().starts_with("```") {
            match open.take() {
                Some(block) => out.push(block),
                None => open = Some((n + 2, String::new())),
            }
        } else if let Some((_, code)) = open.as_mut() {
            code.push_str(body.strip_prefix(' ').unwrap_or(body));
            code.push('\n');
        }
    }
    out
}

/// The part of a Rust file that holds its unit tests: from the
/// `#[cfg(test)]` that opens a `mod` to the end of the file (where the
/// project keeps its test modules). Empty when there is none.
pub fn rust_test_module(src: &str) -> &str {
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        if line.trim() == "#[cfg(test)]" {
            let next = src[at + line.len()..].trim_start();
            if next.starts_with("mod ") || next.starts_with("pub mod ") {
                return &src[at..];
            }
        }
        at += line.len();
    }
    ""
}

/// The string literals of JavaScript source ('…', "…" and `…`; a template's
/// `${…}` stays in its text, which costs a few words at most), outside
/// comments.
pub fn javascript(src: &str) -> Vec<Literal> {
    scan(src, |src, i| match src.as_bytes()[i] {
        q @ (b'"' | b'\'' | b'`') => {
            let (text, end) = quoted(src, i, q);
            Some((Some(text), end))
        }
        _ => None,
    })
}

/// The string values of a JSON case, each apart, leaving out the values of
/// `about` and `note`: they describe the case rather than feed it.
pub fn json_values(v: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(o) => o
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "about" | "note"))
                .for_each(|(_, x)| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    out
}

/// The text of HTML with its tags blanked out.
pub fn html_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut in_tag = false;
    for c in src.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn line_of(b: &[u8], i: usize) -> usize {
    1 + b[..i].iter().filter(|&&c| c == b'\n').count()
}

fn line_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| i + p)
}

fn block_comment_end(b: &[u8], i: usize) -> usize {
    b[i + 2..]
        .windows(2)
        .position(|w| w == b"*/")
        .map_or(b.len(), |p| i + 2 + p + 2)
}

/// Is `b[i]` inside an identifier (so `r` or `b` there opens no literal)?
fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// `r"…"`, `r#"…"#`, `br"…"` or `b"…"` at `i`: its text and the index after it.
fn raw_string(src: &str, i: usize) -> Option<(String, usize)> {
    let b = src.as_bytes();
    let mut j = i;
    if b[j] == b'b' {
        j += 1;
        if b.get(j) == Some(&b'"') {
            return Some(quoted(src, j, b'"'));
        }
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
    j += hashes;
    if b.get(j) != Some(&b'"') {
        return None;
    }
    let close = format!("\"{}", "#".repeat(hashes));
    let start = j + 1;
    let end = src[start..].find(&close).map_or(src.len(), |p| start + p);
    Some((
        src[start..end].to_string(),
        (end + close.len()).min(src.len()),
    ))
}

/// A literal quoted by `q` at `i`: its text (`\n`, `\t` as white space, other
/// escapes as a space, which only ever separates words) and the index after it.
fn quoted(src: &str, i: usize, q: u8) -> (String, usize) {
    let b = src.as_bytes();
    let mut text = String::new();
    let mut j = i + 1;
    let mut run = j;
    while j < b.len() && b[j] != q {
        if b[j] == b'\\' {
            text.push_str(&src[run..j]);
            text.push(' ');
            j += 1;
            // Step over the escaped character whole (it may be multi-byte).
            j += src[j..].chars().next().map_or(0, char::len_utf8);
            run = j;
        } else {
            j += 1;
        }
    }
    text.push_str(&src[run..j.min(b.len())]);
    (text, (j + 1).min(b.len()))
}

/// The index after a Rust char literal at `i`, or None for a lifetime.
fn char_literal_end(src: &str, i: usize) -> Option<usize> {
    let rest = &src[i + 1..];
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if first == '\\' {
        // '\n', '\'', '\u{…}': up to the next quote within a short reach.
        return rest[1..]
            .find('\'')
            .filter(|&p| p <= 10)
            .map(|p| i + 1 + 1 + p + 1);
    }
    match chars.next() {
        Some((p, '\'')) => Some(i + 1 + p + 1),
        _ => None,
    }
}
