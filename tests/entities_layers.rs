//! Issues 13 and 18: the crate's layers, read from the source. Every path
//! a module names (`use` lines and paths in code, not tests or comments) is
//! resolved to the module it reaches, and two rules are checked:
//!
//! - no module reaches a later pipeline stage (the text layer and the
//!   values reach no stage; `clean` reaches no entities; …);
//! - inside the entity stage, a module reaches only modules of a lower
//!   layer (the shared leaf, then the atom recognisers, then the
//!   composites), the one edge allowed between atoms goes one way, and no
//!   two recognisers reach each other. The stage itself reaches only the
//!   text layer, the values and itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The rank of a top-level module: a module may reach only modules of its
/// own rank or lower. `None`: not a module (a type or function of the
/// crate root, which every stage may name).
fn stage_rank(top: &str) -> Option<u8> {
    Some(match top {
        "text" | "values" | "fasthash" | "codes" => 0,
        "normalise" => 1,
        "clean" => 2,
        "entities" => 3,
        "events" => 4,
        "report" | "offsets" | "input" => 5,
        "wasm" => 6,
        _ => return None,
    })
}

/// The layer of a module of the entity stage (its first path segment
/// under `entities`); `mod.rs` (the stage's precedence) is above them all.
fn entity_layer(module: &str) -> u8 {
    match module {
        "lists" => 0,
        "scan" | "numerals" => 1,
        "places" | "orgs" | "people" | "temporal" | "quantities" => 2,
        "titles" | "misc" => 3,
        "canonical" | "short_names" => 4,
        _ => 9,
    }
}

/// The only edge allowed between two modules of one layer: a named site
/// ("Trụ sở Bộ Y tế") holds an organisation.
const SAME_LAYER_EDGES: &[(&str, &str)] = &[("places", "orgs")];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir)
        .expect("readable source dir")
        .flatten()
    {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a source file under `src/` (`src/a/mod.rs` and
/// `src/a.rs` are `["a"]`, `src/lib.rs` is `[]`).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code of a file without its test module and comments.
fn code_of(text: &str) -> String {
    let body = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    body.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a `use` tree names, its braces expanded: `super::{a, b::c}`
/// gives `super::a` and `super::b::c`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..]
        .strip_suffix('}')
        .unwrap_or(&tree[open + 1..]);
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{prefix}{p}")))
        .collect()
}

/// The paths (as segments) that the code of a module names: `use` trees
/// and `crate::…` / `super::…` paths anywhere else.
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        let end = rest[i..].find(';').map_or(rest.len(), |e| i + e);
        if before_ok {
            for p in expand(&rest[i + 4..end]) {
                out.push(p.split("::").map(str::to_string).collect());
            }
        }
        rest = &rest[end.min(rest.len())..];
        if rest.starts_with(';') {
            rest = &rest[1..];
        }
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        for (i, _) in code.match_indices(start) {
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':') {
                continue;
            }
            let path: String = code[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(
                path.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            );
        }
    }
    out
}

/// `path` as named from module `here`, resolved to segments from the crate
/// root; `None` for paths outside the crate (std, other crates, `self`).
fn resolve(here: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut at: Vec<String> = match path.first()?.as_str() {
        "crate" => Vec::new(),
        "super" => here.to_vec(),
        _ => return None,
    };
    let mut segs = if path[0] == "crate" { &path[1..] } else { path };
    while segs.first().is_some_and(|s| s == "super") {
        at.pop()?;
        segs = &segs[1..];
    }
    at.extend(segs.iter().cloned());
    Some(at)
}

/// Every (module, module it reaches) pair of the crate, by module path.
fn edges() -> BTreeSet<(Vec<String>, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 30, "only {} source files", files.len());
    let mut out = BTreeSet::new();
    for f in files.iter().filter(|f| !f.starts_with(src.join("bin"))) {
        let here = module_path(&src, f);
        let code = code_of(&std::fs::read_to_string(f).expect("source"));
        for p in named_paths(&code) {
            if let Some(to) = resolve(&here, &p) {
                out.insert((here.clone(), to));
            }
        }
    }
    out
}

#[test]
fn no_module_reaches_a_later_stage() {
    let mut wrong = Vec::new();
    for (from, to) in edges() {
        let (Some(a), Some(b)) = (from.first(), to.first()) else {
            continue;
        };
        if let (Some(ra), Some(rb)) = (stage_rank(a), stage_rank(b)) {
            if rb > ra {
                wrong.push(format!("{} -> {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "later stages reached:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_entity_stage_reaches_only_the_text_layer_values_and_itself() {
    let mut wrong = Vec::new();
    for (from, to) in edges() {
        if from.first().map(String::as_str) != Some("entities") || to.len() < 2 {
            continue;
        }
        // `crate::Entity`: a type of the crate root, not a module.
        if stage_rank(&to[0]).is_none() {
            continue;
        }
        if !matches!(to[0].as_str(), "entities" | "text" | "values" | "fasthash") {
            wrong.push(format!("{} -> {}", from.join("::"), to.join("::")));
        }
    }
    assert!(wrong.is_empty(), "outside reached:\n{}", wrong.join("\n"));
}

#[test]
fn entity_recognisers_reach_only_downward() {
    // Module of the stage -> the stage's modules it reaches.
    let mut reaches: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges() {
        let inside = |p: &[String]| p.first().map(String::as_str) == Some("entities");
        if !inside(&from) || !inside(&to) || from.len() < 2 || to.len() < 2 {
            continue;
        }
        let (a, b) = (from[1].clone(), to[1].clone());
        // `super::Cx` from a recogniser names an item of mod.rs, and
        // items of one module naming each other are no edge.
        if a != b && entity_layer(&b) != 9 {
            reaches.entry(a).or_default().insert(b);
        }
    }
    assert!(
        reaches.get("titles").is_some_and(|t| t.contains("people")),
        "the check sees no edges: {reaches:?}"
    );
    let mut wrong = Vec::new();
    for (a, bs) in &reaches {
        for b in bs {
            let (la, lb) = (entity_layer(a), entity_layer(b));
            let allowed = lb < la || SAME_LAYER_EDGES.contains(&(a.as_str(), b.as_str()));
            if !allowed {
                wrong.push(format!("{a} (layer {la}) -> {b} (layer {lb})"));
            }
            if reaches.get(b).is_some_and(|back| back.contains(a)) {
                wrong.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "entity layers broken:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checks_read_use_trees_and_paths() {
    let paths = named_paths(
        "use super::{orgs, scan::{Cx, Found}};\nfn f() { crate::values::date::x(); }\n",
    );
    let flat: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert!(flat.contains(&"super::orgs".to_string()), "{flat:?}");
    assert!(flat.contains(&"super::scan::Found".to_string()), "{flat:?}");
    assert!(
        flat.contains(&"crate::values::date::x".to_string()),
        "{flat:?}"
    );
    let here: Vec<String> = ["entities", "temporal", "dates"].map(String::from).to_vec();
    let up = resolve(&here, &["super".into(), "super".into(), "scan".into()]);
    assert_eq!(up, Some(vec!["entities".to_string(), "scan".to_string()]));
}
