//! A page given as blocks (from HTML) to the cleaner's lines: what the
//! page's structure says before [`layout`](super::layout) reads the text.
//!
//! Boxes of page furniture go first, whole: elements whose `roles` (which
//! the readers give from class, id and role words and from tags, by
//! `data/html/tags.txt`) name related links, comments or tags, widgets or
//! navigation (`nav`, `aside`, `menu`, a `footer` outside an article), and
//! headers of the page (outside an article) that hold no prose. A box that
//! holds the headline, the article's marked body (`itemprop="articleBody"`)
//! or its body's container (the element with the most prose of its own) is
//! the page's frame, not furniture, and so is a navigation box that holds
//! half the page's prose: sites call their main column a "sidebar", and may
//! name the body's container by a word of a widget. What is left is laid
//! out from its text, with the tags as hints: `h1` the headline, `figure`
//! (or a box whose words name a caption) a caption, a block mostly of link
//! text or a table's header cell chrome.
//!
//! Blocks without `ids` (a caller that sends only tags) get the tags' hints
//! alone, as before the readers gave structure.

use super::layout::{self, Hint};
use super::shape::Line;
use super::Article;
use crate::{InputBlock, RemovalReason, Removed};

/// Words a block needs to count as prose for the weights.
const PROSE_WORDS: usize = 8;
/// Words an `h1` needs to be the headline (a site's name in an `h1` logo
/// has fewer).
const HEADLINE_WORDS: usize = 5;

/// Cleans a page given as blocks from HTML, using its structure, tags and
/// link density as well as the text.
pub fn clean_blocks(blocks: &[InputBlock]) -> Article {
    let furniture = furniture(blocks);
    let mut lines = Vec::new();
    let mut hints = Vec::new();
    // The block of each line, and the lines removed before the layout, by block.
    let mut line_block = Vec::new();
    let mut early: Vec<(usize, Removed)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let texts = b.text.lines().map(str::trim).filter(|l| !l.is_empty());
        if let Some(why) = furniture[i] {
            early.extend(texts.map(|t| {
                let removed = Removed {
                    text: t.to_string(),
                    reason: why,
                };
                (i, removed)
            }));
            continue;
        }
        let hint = hint(b);
        for l in texts {
            lines.push(Line::new(l));
            hints.push(hint);
            line_block.push(i);
        }
    }
    let mut a = layout::lay_out(&lines, &hints);
    a.removed = in_page_order(early, std::mem::take(&mut a.removed), &lines, &line_block);
    let text: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    super::finish(a, &text.join("\n"))
}

/// What the tags say about a block's lines.
fn hint(b: &InputBlock) -> Hint {
    // Blocks with structure had their furniture tags taken as boxes.
    let chrome_tag = !has_structure(b)
        && b.ancestors
            .iter()
            .any(|t| matches!(t.as_str(), "nav" | "header" | "footer" | "aside" | "menu"));
    let chars = b.text.chars().count().max(1);
    Hint {
        headline: b.tag == "h1",
        caption: b.tag == "figcaption"
            || b.ancestors
                .iter()
                .any(|t| t == "figure" || t == "figcaption")
            || b.roles.iter().any(|r| r == "caption"),
        // A table's header cell labels figures; it is never a paragraph.
        chrome: chrome_tag || b.link_chars * 2 > chars || b.tag == "th",
    }
}

/// The block lists a number and a role for each of its elements.
fn has_structure(b: &InputBlock) -> bool {
    b.ids.len() == b.ancestors.len() + 1 && b.roles.len() == b.ids.len()
}

/// What the page says about one element, summed over its blocks.
#[derive(Clone, Copy, Default)]
struct Element {
    /// Characters of prose (outside links) in it.
    prose: usize,
    /// Characters of prose in its own text and its paragraphs (`p` children).
    own: usize,
    /// The element it stands in, if any.
    parent: Option<usize>,
    /// It or an element it stands in has a furniture role.
    boxed: bool,
    /// It holds the headline, the article's marked body or its body text.
    holds_article: bool,
}

/// For each block, the reason its box is page furniture, if it is in one.
///
/// The elements are told apart by their numbers along each block's path;
/// the blocks of one element follow each other (its subtree), so a stack of
/// the open elements finds them all in one pass, without hashing. A caller
/// that sends numbers out of that order gets elements split, not an error.
fn furniture(blocks: &[InputBlock]) -> Vec<Option<RemovalReason>> {
    let mut elements: Vec<Element> = Vec::new();
    // For each structured block, its elements' indices, outermost first.
    let mut paths: Vec<usize> = Vec::new();
    let mut path_at = Vec::with_capacity(blocks.len());
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut total = 0;
    for b in blocks {
        path_at.push(paths.len());
        if !has_structure(b) {
            continue;
        }
        let same = open
            .iter()
            .zip(&b.ids)
            .take_while(|((o, _), id)| o == *id)
            .count();
        open.truncate(same);
        for (id, role) in b.ids[same..].iter().zip(&b.roles[same..]) {
            let parent = open.last().map(|(_, e)| *e);
            let furniture = role == "page-header" || RemovalReason::from_id(role).is_some();
            open.push((*id, elements.len()));
            elements.push(Element {
                parent,
                boxed: furniture || parent.is_some_and(|p| elements[p].boxed),
                ..Element::default()
            });
        }
        let prose = prose_chars(b);
        total += prose;
        // The headline's and the marked body's elements and their ancestors.
        let held = if b.tag == "h1" && b.text.split_whitespace().count() >= HEADLINE_WORDS {
            b.ids.len()
        } else {
            b.roles
                .iter()
                .rposition(|r| r == "article-body")
                .map_or(0, |k| k + 1)
        };
        for (k, (_, e)) in open.iter().enumerate() {
            elements[*e].prose += prose;
            elements[*e].holds_article |= k < held;
        }
        // A paragraph's text is its container's; other blocks' their own.
        let home = open.len() - 1 - usize::from(b.tag == "p" && open.len() > 1);
        elements[open[home].1].own += prose;
        paths.extend(open.iter().map(|(_, e)| *e));
    }
    // The body's container: the element with the most prose of its own (the
    // article's paragraphs stand side by side; each comment or teaser of a
    // list stands in a box of its own), outside furniture boxes unless one
    // inside holds twice as much (a body whose box a site named by a
    // widget's word). It and what holds it are the frame.
    let most = |boxed: bool| {
        (0..elements.len())
            .filter(|&e| elements[e].own > 0 && (boxed || !elements[e].boxed))
            .max_by_key(|&e| (elements[e].own, std::cmp::Reverse(e)))
    };
    let own = |e: Option<usize>| e.map_or(0, |e| elements[e].own);
    let (clear, any) = (most(false), most(true));
    let body = if own(any) >= 2 * own(clear) {
        any
    } else {
        clear
    };
    let mut up = body;
    while let Some(e) = up {
        elements[e].holds_article = true;
        up = elements[e].parent;
    }
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if !has_structure(b) {
                return None;
            }
            let path = &paths[path_at[i]..path_at[i] + b.ids.len()];
            // The outermost box that is furniture and not the page's frame.
            for (e, role) in path.iter().zip(&b.roles) {
                let e = elements[*e];
                // A header of the page's holds no prose: prose is the lead.
                let why = match role.as_str() {
                    "page-header" if e.prose == 0 => Some(RemovalReason::Navigation),
                    r => RemovalReason::from_id(r),
                };
                // Only layout words ("sidebar", "menu") name a main column;
                // a box of comments or teasers never frames the article.
                let column = why == Some(RemovalReason::Navigation);
                let frame = e.holds_article || (column && total > 0 && 2 * e.prose >= total);
                if why.is_some() && !frame {
                    return why;
                }
            }
            None
        })
        .collect()
}

/// Characters of prose in a block: its text outside links, when it has
/// enough words and is not mostly links.
fn prose_chars(b: &InputBlock) -> usize {
    let chars = b.text.chars().count();
    let prose = b.link_chars * 2 <= chars && b.text.split_whitespace().count() >= PROSE_WORDS;
    if prose {
        chars.saturating_sub(b.link_chars)
    } else {
        0
    }
}

/// The blocks removed before the layout (`early`, by block) put among the
/// layout's removals where they stood on the page. The layout removes lines
/// in their order (the head's, then the rest's), so each of its removals is
/// found by walking the lines forward.
fn in_page_order(
    early: Vec<(usize, Removed)>,
    late: Vec<Removed>,
    lines: &[Line],
    line_block: &[usize],
) -> Vec<Removed> {
    if early.is_empty() {
        return late;
    }
    let mut out = Vec::with_capacity(early.len() + late.len());
    let mut early = early.into_iter().peekable();
    let mut at = 0;
    for r in late {
        if let Some(j) = (at..lines.len()).find(|&j| lines[j].text == r.text) {
            at = j + 1;
            while let Some((_, e)) = early.next_if(|(b, _)| *b < line_block[j]) {
                out.push(e);
            }
        }
        out.push(r);
    }
    out.extend(early.map(|(_, e)| e));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::html::blocks_from_html;

    const LEAD: &str = "Sáng 3/4, huyện tổ chức lễ ra quân trồng cây xanh trên các đồi trọc với hàng nghìn người tham gia.";
    const BODY: &str = "Theo kế hoạch, các loài cây bản địa sẽ được ưu tiên, xen với cây keo để sớm phủ xanh và giữ đất.";

    #[test]
    fn boxes_removed_first_stand_in_page_order_among_the_others() {
        let html = format!(
            "<div class='menu'><a href=/>Trang chủ</a></div><h1>Huyện ra quân trồng một triệu cây xanh</h1>\
             <p>{LEAD}</p><div class='related'><a href=/1>Một tin khác hẳn</a></div><p>{BODY}</p>\
             <p>Hà Anh</p><div class='tags'><a href=/t>cây xanh</a></div>"
        );
        let a = clean_blocks(&blocks_from_html(&html));
        assert_eq!(a.paragraphs, [LEAD, BODY]);
        let removed: Vec<(&str, RemovalReason)> = a
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason))
            .collect();
        assert_eq!(
            removed,
            [
                ("Trang chủ", RemovalReason::Navigation),
                ("Một tin khác hẳn", RemovalReason::RelatedLinks),
                ("Hà Anh", RemovalReason::Byline),
                ("cây xanh", RemovalReason::CommentsOrTags),
            ]
        );
    }

    #[test]
    fn numbers_out_of_step_or_order_are_read_by_tags_alone() {
        let mut blocks = blocks_from_html(&format!(
            "<nav><a href=/>Trang chủ</a></nav><h1>Huyện ra quân trồng một triệu cây xanh</h1><p>{LEAD}</p><p>{BODY}</p>"
        ));
        // One block's numbers out of step with its tags: no structure.
        blocks[0].ids.push(99);
        // Numbers out of document order: elements split, never a panic.
        blocks[2].ids.reverse();
        let a = clean_blocks(&blocks);
        assert_eq!(a.paragraphs, [LEAD, BODY]);
        assert_eq!(a.removed[0].reason, RemovalReason::Navigation);
    }
}
