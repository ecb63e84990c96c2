//! The headline: which line before the article's run is its title, and
//! which later lines are copies of it (image alt text, the headline printed
//! twice, the story in its own related list).
//!
//! A page need not have a headline: an article pasted from its lead on, or a
//! page cut above the headline, has none, and its first prose line is the
//! lead. A line that ends in a full stop is never the headline (it is a
//! lead or a caption); one ending in "?" or "!" may be.

use super::run::Page;
use super::shape::{Line, Shape};

/// The headline's length in words.
const TITLE_WORDS: std::ops::RangeInclusive<usize> = 3..=30;

/// "‹A› ‹A›": a headline printed twice on one line; gives `A`.
pub fn undoubled(t: &str) -> Option<&str> {
    let t = t.trim();
    let half = t.len() / 2;
    if t.len() <= 20 || !t.is_char_boundary(half) {
        return None;
    }
    let (a, b) = (t[..half].trim(), t[half..].trim());
    (a == b).then_some(a)
}

/// Could line `l` be a headline, by its own shape: three to thirty words,
/// starting like a heading (a capital, a digit, a quote), not ending like a
/// statement.
pub fn headline_shaped(l: &Line) -> bool {
    let t = undoubled(l.text).unwrap_or(l.text).trim();
    let starts_well = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(«[".contains(c));
    let ends_well = !t
        .trim_end_matches(['"', '”', '’', '»', ')', ' '])
        .ends_with(['.', ':', ';', ',', '…']);
    // "Pháp luật | Hồ sơ vụ án", "Trang chủ > Thời sự": a breadcrumb or menu.
    let menu = [" | ", " > ", " » ", " / "].iter().any(|s| t.contains(s));
    starts_well
        && ends_well
        && !menu
        && TITLE_WORDS.contains(&t.split_whitespace().count())
        && matches!(l.shape, Shape::TitleLike | Shape::Prose)
}

/// "‹title› ảnh 1‹caption›", "‹title› - ảnh 2", "‹title› 1": an image's alt
/// text (the headline) with its number and perhaps its caption glued on;
/// gives the caption, or "" when the alt text stands alone.
pub fn glued_to(l: &Line, title: &str) -> Option<String> {
    let rest = l.text.strip_prefix(title)?;
    if !rest.starts_with([' ', '-', '|']) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '-', '–', '|']);
    let numbered = rest.starts_with(|c: char| c.is_ascii_digit());
    let rest = rest
        .strip_prefix("ảnh")
        .or_else(|| rest.strip_prefix("Ảnh"))
        .or_else(|| rest.strip_prefix("hình"))
        .map(|r| r.trim_start())
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .or(numbered.then_some(rest))?;
    Some(
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
            .to_string(),
    )
}

/// The headline's line: an `h1` if the HTML has one; else, among the
/// headline-shaped lines before the article's anchor, the one that opens
/// the largest block of body text (skipping metadata on the way), then one
/// the page repeats further on (alt text, the story in its own related
/// list), then the later one. A headline with a single teaser under it
/// opens a small block, so related lists before the article lose to it, and
/// headlines listed under a section heading belong to other articles.
pub fn find(page: &Page, anchor: usize) -> Option<usize> {
    let lines = page.lines;
    // An h1 outside the site's chrome, with a headline's length (not a logo).
    let h1 = |i: usize| {
        let h = page.hint(i);
        h.headline && !h.chrome && lines[i].words >= 3
    };
    if let Some(i) = (0..lines.len()).find(|&i| h1(i)) {
        return Some(i);
    }
    if page.bare {
        // An article alone opens with its headline, if it has one (below
        // a category label, a dateline, a credit or a photo's caption,
        // perhaps), else with its text.
        let first = (0..anchor).find(|&i| headline_shaped(&lines[i]) || page.is_text(i, 3))?;
        return headline_shaped(&lines[first]).then_some(first);
    }
    let shaped: Vec<bool> = lines[..anchor].iter().map(headline_shaped).collect();
    let mut listed = vec![false; anchor];
    for i in 1..anchor {
        let heading = matches!(
            lines[i - 1].shape,
            Shape::SectionHeading | Shape::EndHeading
        );
        listed[i] =
            heading || (listed[i - 1] && shaped[i - 1] && lines[i - 1].shape == Shape::TitleLike);
    }
    let mut candidates: Vec<usize> = (0..anchor).filter(|&i| shaped[i] && !listed[i]).collect();
    if candidates.is_empty() {
        // A category label that reads like a heading, right above the headline.
        candidates = (0..anchor).filter(|&i| shaped[i]).collect();
    }
    let score = |i: usize| {
        let key = crate::text::fold::fold(undoubled(lines[i].text).unwrap_or(lines[i].text));
        let repeated = lines
            .iter()
            .skip(i + 2)
            .any(|m| m.key == key || (m.key.starts_with(&key) && m.key.len() > key.len()));
        (words_under(page, i, &shaped), repeated, i)
    };
    candidates
        .into_iter()
        .filter(|&i| words_under(page, i, &shaped) > 0)
        .max_by_key(|&i| score(i))
}

/// Words in the block under the headline at `i`: the first body line after
/// it, with only metadata, short furniture or copies of the headline
/// between (another headline-shaped line between gives 0: that one is nearer).
fn words_under(page: &Page, i: usize, shaped: &[bool]) -> usize {
    let key = &page.lines[i].key;
    for j in i + 1..page.len() {
        if page.is_text(j, 1) && !page.is_repeat(j) {
            // The lead may be short; the block is measured from the next body line.
            let b = (j..page.len()).find(|&b| page.body(b));
            return b.map_or(page.lines[j].words, |b| {
                page.block(b).1.max(page.lines[j].words)
            });
        }
        let l = &page.lines[j];
        let copy = l.key == *key || l.key.starts_with(key.as_str());
        if copy || page.skippable(j) {
            continue;
        }
        if shaped.get(j).copied().unwrap_or(false) || l.words > 6 {
            return 0;
        }
    }
    0
}
