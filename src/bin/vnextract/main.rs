//! The `vnextract` command: reads pages from files or standard input and
//! prints vnextract's JSON document for each, or one report over all of them.
//! It parses arguments and does I/O only; how an input is read (UTF-8, HTML
//! or text) and every rule live in the library. Many files are read and
//! extracted on all cores (rayon), and printed in the order given.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command is native only, and so are its crates (lexopt, csv, rayon):
/// `cargo test --target wasm32-unknown-unknown` builds every target, and
/// this stand-in keeps them out of that build.
#[cfg(target_arch = "wasm32")]
fn main() {}
