//! Issue 18, "the public API lists only the facade": read from `src/lib.rs`,
//! the crate's public modules are `report` and the hidden `internals`, its
//! re-exports come from the id and input modules only, and every stage or
//! layer module is private (`internals` re-exports them for tests and
//! benches under `#[doc(hidden)]`).

use std::path::Path;

/// The modules the facade may make public, and the modules it may re-export
/// items of.
const PUBLIC_MODULES: &[&str] = &["report", "internals"];
const REEXPORTED_FROM: &[&str] = &["codes", "input"];

/// The crate root's source with the `internals` block and tests left out:
/// only top-level declarations count.
fn root_declarations() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    let src = std::fs::read_to_string(path).expect("src/lib.rs");
    src.lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with("//"))
        .map(str::to_string)
        .collect()
}

#[test]
fn only_the_facade_is_public() {
    let lines = root_declarations();
    let mut modules = 0;
    for line in &lines {
        let Some((vis, rest)) = line.split_once("mod ") else {
            continue;
        };
        if !matches!(vis, "" | "pub " | "pub(crate) ") || line.contains("macro_rules") {
            continue;
        }
        let name = rest.trim_end_matches([';', ' ', '{']);
        modules += 1;
        if vis == "pub " {
            assert!(
                PUBLIC_MODULES.contains(&name),
                "`{name}` is a public module; stages and layers stay private (reach them through `internals`)"
            );
        }
    }
    assert!(modules >= 10, "read {modules} module declarations");
    for line in lines.iter().filter(|l| l.starts_with("pub use ")) {
        let from = line["pub use ".len()..].split("::").next().unwrap_or("");
        assert!(
            REEXPORTED_FROM.contains(&from),
            "the facade re-exports from `{from}`: {line}"
        );
    }
}

#[test]
fn internals_are_hidden() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    let src = std::fs::read_to_string(path).expect("src/lib.rs");
    let at = src.find("pub mod internals").expect("an internals module");
    assert!(
        src[..at].trim_end().ends_with("#[doc(hidden)]"),
        "`internals` is #[doc(hidden)]"
    );
}
