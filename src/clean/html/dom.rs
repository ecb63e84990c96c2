//! The native reader: the page parsed by html5ever (through `scraper`) into
//! the tree a browser builds, then walked as `www/blocks.js` walks the
//! browser's tree, so that both give the same blocks.

use super::tables::{self, ROLE_ATTRIBUTES};
use super::Run;
use crate::InputBlock;
use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Reads `html` into blocks, as [`super::blocks_from_html`] says.
pub fn read(html: &str) -> Vec<InputBlock> {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let body = root
        .children()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or(*root);
    let mut run = Run::default();
    run.enter("body", 0, role_of(body));
    // Depth-first without recursion (a page may nest elements deeper than
    // the stack allows): a node to read, or the end of a block element.
    enum Step<'a> {
        Node(NodeRef<'a, Node>, bool),
        Leave,
    }
    let mut todo: Vec<Step> = body
        .children()
        .rev()
        .map(|n| Step::Node(n, false))
        .collect();
    let mut next_id = 1;
    while let Some(step) = todo.pop() {
        let (node, in_link) = match step {
            Step::Leave => {
                run.leave();
                continue;
            }
            Step::Node(n, l) => (n, l),
        };
        match node.value() {
            Node::Text(t) => run.text(t, in_link),
            Node::Element(e) => {
                let name = e.name();
                if tables::is_skipped(name) || hidden(e) {
                    continue;
                }
                if name == "br" {
                    run.flush();
                    continue;
                }
                if name == "img" {
                    // Alt text is a copy of the caption or title, not article text.
                    continue;
                }
                let in_link = in_link || name == "a";
                if tables::is_block(name) {
                    run.enter(name, next_id, role_of(node));
                    next_id += 1;
                    todo.push(Step::Leave);
                }
                todo.extend(node.children().rev().map(|n| Step::Node(n, in_link)));
            }
            _ => {}
        }
    }
    run.finish()
}

/// The role an element's attributes give it (see [`tables::role`]).
fn role_of(node: NodeRef<'_, Node>) -> &'static str {
    let Some(e) = node.value().as_element() else {
        return "";
    };
    tables::role(ROLE_ATTRIBUTES.iter().filter_map(|a| e.attr(a)))
}

/// Hidden from the reader: `hidden`, `aria-hidden="true"` or an inline
/// `display: none`.
fn hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(super::hides)
}
