//! `extract_blocks` (what the page sends after its DOM parser) on arbitrary
//! blocks: any text, a tag and ancestors drawn from the tags the cleaner
//! reads (plus junk), any link count, element numbers and roles.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use vnextract::{extract_blocks, InputBlock, Options};

#[path = "../invariants.rs"]
mod invariants;

const TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "li",
    "figcaption",
    "figure",
    "nav",
    "header",
    "footer",
    "aside",
    "article",
    "section",
    "span",
    "a",
    "td",
    "",
    "P",
    "x-junk",
];

#[derive(Arbitrary, Debug)]
struct Block {
    text: String,
    tag: u8,
    link_chars: u32,
    ancestors: Vec<u8>,
    /// Numbers and roles of the elements, any length (a caller may send
    /// them out of step with `ancestors`).
    ids: Vec<u8>,
    roles: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    clean: bool,
    blocks: Vec<Block>,
}

const ROLES: &[&str] = &["", "related-links", "navigation", "article-body", "x-junk"];

fn role(i: u8) -> String {
    ROLES[i as usize % ROLES.len()].to_string()
}

fn tag(i: u8) -> String {
    TAGS[i as usize % TAGS.len()].to_string()
}

fuzz_target!(|input: Input| {
    let blocks: Vec<InputBlock> = input
        .blocks
        .iter()
        .map(|b| InputBlock {
            text: b.text.clone(),
            tag: tag(b.tag),
            // Any count, even more than the block has: the page computes it, but a caller may lie.
            link_chars: b.link_chars as usize,
            ancestors: b.ancestors.iter().map(|&a| tag(a)).collect(),
            ids: b.ids.iter().map(|&i| usize::from(i % 8)).collect(),
            roles: b.roles.iter().map(|&r| role(r)).collect(),
        })
        .collect();
    let options = Options {
        clean: input.clean,
        ..Options::default()
    };
    let Ok(x) = extract_blocks(&blocks, &options) else {
        return;
    };
    let checked = invariants::check_all_extraction(&x).and_then(|()| {
        invariants::is_deterministic(&x, &extract_blocks(&blocks, &options).expect("second run"))
    });
    if let Err(broken) = checked {
        panic!("property broken on {blocks:?}: {broken}");
    }
});
