//! Where the article sits among the page's lines: which line is the title,
//! where the body starts, where it ends (a section heading, a related-article
//! run), and what each line inside it is — body, caption, copy, credit.
//!
//! The rules read position, repetition and shape, not sites:
//!
//! - the body is found first: the first block of two or more body lines
//!   (running prose, with only captions, credits, widgets, copies of earlier
//!   lines or one crosshead between them) — a related list gives blocks of
//!   one teaser each;
//! - the title is the headline-shaped line before it that opens the largest
//!   block of body text, preferring one the page repeats (alt text, the story
//!   in its own related list); headlines listed under a section heading and a
//!   headline with one teaser under it lose;
//! - a related-article run starts at a section heading, a headline followed
//!   by its own copy or doubled on one line, or a headline over a teaser cut
//!   short with "..."; inside it the body resumes only at running prose that
//!   is no teaser (not under a doubled headline, followed by more prose or by
//!   the closing credits); after comments or tags it never resumes.
//!
//! Removal reasons: `navigation`, `widget`, `title-copy`, `dateline`,
//! `byline`, `source`, `section-heading`, `related-links`, `duplicate`,
//! `caption-copy`, `comments-or-tags`, `after-article` (what follows a closing
//! byline or source), `no-article`.

use super::metadata;
use super::shape::{self, Line, Shape};
use super::Article;
use crate::fasthash::{FastMap, FastSet};
use crate::{RemovalReason, Removed};

/// What the HTML (when there is any) says about a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hint {
    /// An `h1`: the page's headline.
    pub headline: bool,
    /// Inside `figcaption` or `figure`.
    pub caption: bool,
    /// Inside `nav`, `header`, `footer` or `aside`, or mostly link text.
    pub chrome: bool,
}

/// Lays out `lines` (with `hints`, one per line, or none) into an article.
pub fn lay_out(lines: &[Line], hints: &[Hint]) -> Article {
    let hint = |i: usize| hints.get(i).copied().unwrap_or_default();
    let mut a = Article::default();
    let removed = |a: &mut Article, l: &Line, why: RemovalReason| {
        a.removed.push(Removed {
            text: l.text.to_string(),
            reason: why,
        })
    };

    let Some(title_at) = find_title(lines, hints) else {
        for l in lines {
            removed(&mut a, l, RemovalReason::NoArticle);
        }
        return a;
    };
    let title = &lines[title_at];
    let title_text = undoubled(title.text).unwrap_or(title.text);
    let title_key = super::fold::fold(title_text);
    a.title = Some(title_text.to_string());
    let lead_at = (title_at + 1..lines.len()).find(|&i| is_body_start(&lines[i], hint(i)));

    // Before the title: the site's chrome. Between title and lead: metadata.
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(lead_at.unwrap_or(lines.len()))
    {
        if i == title_at {
            continue;
        }
        // A dateline may stand above the headline; bylines and sources only below it.
        if (i > title_at || l.shape == Shape::Dateline) && take_metadata(&mut a, l) {
            continue;
        }
        let copy = l.key == title.key || l.key == title_key || glued_to(l, title_text).is_some();
        if i > title_at && !copy && (hint(i).caption || l.shape == Shape::Caption) {
            a.captions.push(l.text.to_string());
            continue;
        }
        removed(
            &mut a,
            l,
            if copy {
                RemovalReason::TitleCopy
            } else {
                RemovalReason::Navigation
            },
        );
    }
    let Some(lead_at) = lead_at else { return a };

    let mut seen: FastSet<&str> = FastSet::default();
    seen.insert(title.key.as_str());
    seen.insert(title_key.as_str());
    let mut in_related = false;
    // After comments or tags, the body never resumes.
    let mut ended = false;
    // In a run that a closing byline or source opened.
    let mut after_credits = false;
    let mut after_title_copy = false;
    let mut i = lead_at;
    while i < lines.len() {
        let l = &lines[i];
        let next = lines.get(i + 1);
        let prev = i.checked_sub(1).map(|p| &lines[p]);
        if in_related {
            ended |= l.shape == Shape::EndHeading;
            if matches!(l.shape, Shape::SectionHeading | Shape::EndHeading) {
                after_credits = false;
            }
            if ended || !resumes_body(lines, i, &seen, after_credits) {
                if !take_metadata_after_body(&mut a, l) {
                    let why = match l.shape {
                        Shape::SectionHeading | Shape::EndHeading => RemovalReason::SectionHeading,
                        _ if ended => RemovalReason::CommentsOrTags,
                        _ if after_credits => RemovalReason::AfterArticle,
                        _ => RemovalReason::RelatedLinks,
                    };
                    removed(&mut a, l, why);
                }
                seen.insert(l.key.as_str());
                i += 1;
                continue;
            }
            in_related = false;
            after_credits = false;
        }
        let glued = glued_to(l, title_text);
        let copy_of_title =
            l.key == title.key || l.key == title_key || glued.as_deref() == Some("");
        let was_after_copy = std::mem::replace(&mut after_title_copy, copy_of_title);
        if copy_of_title {
            removed(&mut a, l, RemovalReason::TitleCopy);
            // The story's own headline and teaser in a list of articles at the foot.
            if next.is_some_and(Line::ends_in_ellipsis) {
                in_related = true;
                after_credits = false;
            }
        } else if matches!(l.shape, Shape::SectionHeading | Shape::EndHeading) {
            removed(&mut a, l, RemovalReason::SectionHeading);
            after_credits = false;
            in_related = true;
            ended = l.shape == Shape::EndHeading;
        } else if l.shape == Shape::RelatedLink {
            removed(&mut a, l, RemovalReason::RelatedLinks);
        } else if hint(i).chrome {
            removed(&mut a, l, RemovalReason::Navigation);
        } else if let Some(rest) = glued {
            a.captions.push(rest);
        } else if opens_related_run(l, next) {
            removed(&mut a, l, RemovalReason::RelatedLinks);
            in_related = true;
            after_credits = false;
        } else if !l.key.is_empty() && seen.contains(l.key.as_str()) {
            removed(&mut a, l, RemovalReason::Duplicate);
        } else if next
            .is_some_and(|n| n.key.len() > l.key.len() && n.key.starts_with(&l.key) && l.words >= 5)
        {
            // A caption that repeats the next paragraph's opening word for word.
            removed(&mut a, l, RemovalReason::CaptionCopy);
        } else if hint(i).caption
            || l.shape == Shape::Caption
            || (was_after_copy
                && !l.ends_in_ellipsis()
                && l.words <= 60
                && l.words >= 3
                && matches!(l.shape, Shape::Prose | Shape::TitleLike))
        {
            a.captions.push(l.text.to_string());
        } else if take_metadata(&mut a, l) {
            // A byline or source after the body closes the article: what
            // follows is the site's, unless running prose takes up again.
            // (A name alone right above more running prose is rather a portrait's caption.)
            let body_goes_on = next
                .is_some_and(|n| n.is_running_prose() && !shape::starts_with_widget_cue(&n.key));
            if matches!(l.shape, Shape::Byline | Shape::Source)
                && a.paragraphs.len() >= 2
                && !body_goes_on
            {
                in_related = true;
                after_credits = true;
            }
        } else if is_list_item(l.text) && a.paragraphs.last().is_some_and(|p| opens_list(p)) {
            // An item of a list the body announced ("… gồm:"), stop or none.
            a.paragraphs.push(l.text.to_string());
        } else {
            match l.shape {
                Shape::Prose => a.paragraphs.push(l.text.to_string()),
                // The prose a crosshead heads is new prose, not a copy of a
                // paragraph already read (the copy goes as a duplicate, and
                // cleaning the cleaned text must decide alike; issue 8).
                Shape::TitleLike
                    if is_crosshead(
                        l,
                        prev,
                        lines[i + 1..]
                            .iter()
                            .find(|n| n.key.is_empty() || !seen.contains(n.key.as_str())),
                    ) =>
                {
                    a.paragraphs.push(l.text.to_string())
                }
                Shape::TitleLike | Shape::Slug | Shape::Bracketed => {
                    removed(&mut a, l, RemovalReason::RelatedLinks)
                }
                Shape::Widget => removed(&mut a, l, RemovalReason::Widget),
                _ => removed(&mut a, l, RemovalReason::Navigation),
            }
        }
        seen.insert(l.key.as_str());
        i += 1;
    }
    a
}

/// Inside a related-article run, the body resumes at running prose that is
/// not a teaser: not under a doubled headline, not itself a headline doubled
/// on the next line, and followed by more running prose (not by the next
/// headline) or by the article's closing credits.
///
/// After the closing credits (`strict`) it takes three such paragraphs, none
/// of them a call to action of the site ("Tải ứng dụng …", "Đăng ký …").
fn resumes_body(lines: &[Line], i: usize, seen: &FastSet<&str>, strict: bool) -> bool {
    let l = &lines[i];
    if strict {
        let prose = |j: usize| {
            lines
                .get(j)
                .is_some_and(|m| m.is_running_prose() && !shape::starts_with_widget_cue(&m.key))
        };
        if !(prose(i) && prose(i + 1) && prose(i + 2)) {
            return false;
        }
    }
    let next = lines.get(i + 1);
    let doubled_at = |j: usize| {
        j + 1 < lines.len() && lines[j].key == lines[j + 1].key && !lines[j].key.is_empty()
    };
    if !l.is_running_prose() || seen.contains(l.key.as_str()) || doubled_at(i) {
        return false;
    }
    if i >= 1 && doubled_at(i - 1) || i >= 2 && doubled_at(i - 2) {
        return false;
    }
    next.is_some_and(|n| {
        (n.is_running_prose() && !doubled_at(i + 1) && !n.key.is_empty())
            || matches!(n.shape, Shape::Byline | Shape::Source | Shape::Dateline)
    })
}

/// A body line: running text, not chrome or a caption, not cut short; a
/// question under 20 words is a headline more often than a paragraph.
fn is_body_start(l: &Line, hint: Hint) -> bool {
    let question = l.text.trim_end().ends_with('?') && l.words < 20;
    !hint.chrome
        && !hint.caption
        && l.shape == Shape::Prose
        && l.words >= 8
        && !l.ends_in_ellipsis()
        && !question
}

/// The headline: an `h1` if the HTML has one; else, among the
/// headline-shaped lines before the article's first block of body text, the
/// one that opens the largest block (skipping metadata on the way), then one
/// the page repeats further on (alt text, the story in its own related
/// list), then the later one. A headline with a single teaser under it opens
/// a small block, so related lists before the article lose to the article.
fn find_title(lines: &[Line], hints: &[Hint]) -> Option<usize> {
    // An h1 outside the site's chrome, with a headline's length (not a logo).
    let h1 = |i: usize| {
        let h = hints[i];
        h.headline && !h.chrome && lines.get(i).is_some_and(|l| l.words >= 3)
    };
    if let Some(i) = (0..hints.len().min(lines.len())).find(|&i| h1(i)) {
        return Some(i);
    }
    let blocks = Blocks::new(lines, hints);
    let body = blocks.main_start()?;
    let headline_shaped = |i: usize| {
        let l: &Line = &lines[i];
        let t = undoubled(l.text).unwrap_or(l.text);
        let words = t.split_whitespace().count();
        (4..=40).contains(&words)
            && matches!(l.shape, Shape::TitleLike | Shape::Prose)
            && !t.trim_end().ends_with('.')
    };
    // Headlines listed under a section heading ("Tin liên quan", "Tin mới")
    // belong to other articles.
    let mut listed = vec![false; body];
    for i in 1..body {
        let heading = matches!(
            lines[i - 1].shape,
            Shape::SectionHeading | Shape::EndHeading
        );
        listed[i] = heading
            || (listed[i - 1] && headline_shaped(i - 1) && lines[i - 1].shape == Shape::TitleLike);
    }
    let mut candidates: Vec<usize> = (0..body)
        .filter(|&i| headline_shaped(i) && !listed[i])
        .collect();
    if candidates.is_empty() {
        // A category label that reads like a heading, right above the headline.
        candidates = (0..body).filter(|&i| headline_shaped(i)).collect();
    }
    let score = |i: usize| {
        let key = super::fold::fold(undoubled(lines[i].text).unwrap_or(lines[i].text));
        let repeated = lines
            .iter()
            .skip(i + 2)
            .any(|m| m.key == key || (m.key.starts_with(&key) && m.key.len() > key.len()));
        (blocks.words_under(i), repeated, i)
    };
    match candidates.into_iter().max_by_key(|&i| score(i)) {
        Some(best) => Some(best),
        None => (body > 0 && lines[0].shape == Shape::TitleLike).then_some(0),
    }
}

/// Blocks of body text: body lines with, between them, only lines that may
/// sit inside an article (captions, credits, widgets, short paragraphs,
/// copies of earlier lines) or a single other line (a crosshead, glued
/// related headlines) that two more body lines follow.
struct Blocks<'l, 'a> {
    lines: &'l [Line<'a>],
    hints: &'l [Hint],
    /// For each line, the index of the first line with the same key.
    first: Vec<usize>,
}

impl<'l, 'a> Blocks<'l, 'a> {
    fn new(lines: &'l [Line<'a>], hints: &'l [Hint]) -> Self {
        let mut at: FastMap<&str, usize> = FastMap::default();
        let first = lines
            .iter()
            .enumerate()
            .map(|(i, l)| *at.entry(l.key.as_str()).or_insert(i))
            .collect();
        Blocks {
            lines,
            hints,
            first,
        }
    }

    fn hint(&self, i: usize) -> Hint {
        self.hints.get(i).copied().unwrap_or_default()
    }

    fn body(&self, i: usize) -> bool {
        let l = &self.lines[i];
        is_body_start(l, self.hint(i)) && self.first[i] == i
    }

    fn skippable(&self, i: usize) -> bool {
        let l = &self.lines[i];
        self.hint(i).caption
            || self.first[i] < i
            || has_glued_alt(l.text)
            || matches!(
                l.shape,
                Shape::Caption | Shape::Widget | Shape::Byline | Shape::Dateline | Shape::Source
            )
            || (l.shape == Shape::Prose && l.words < 8 && !l.ends_in_ellipsis())
    }

    /// Body lines and words in the block that starts at body line `b`.
    fn block(&self, b: usize) -> (usize, usize) {
        let (mut n, mut words, mut j) = (0, 0, b);
        while j < self.lines.len() {
            if self.body(j) {
                n += 1;
                words += self.lines[j].words;
            } else if !self.skippable(j) {
                let mut following = 0;
                let mut k = j + 1;
                while k < self.lines.len() && following < 2 {
                    if self.body(k) {
                        following += 1;
                    } else if !self.skippable(k) {
                        break;
                    }
                    k += 1;
                }
                if n == 0 || following < 2 {
                    break;
                }
            }
            j += 1;
        }
        (n, words)
    }

    /// The first body line whose block has two body lines or more; else the
    /// one with the largest block.
    fn main_start(&self) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for b in (0..self.lines.len()).filter(|&b| self.body(b)) {
            let (n, words) = self.block(b);
            if n >= 2 {
                return Some(b);
            }
            if best.map_or(true, |(_, w)| words > w) {
                best = Some((b, words));
            }
        }
        best.map(|(b, _)| b)
    }

    /// Words in the block under the headline at `i`: the first body line
    /// after it, with only metadata (or copies of the headline) between.
    fn words_under(&self, i: usize) -> usize {
        let key = &self.lines[i].key;
        let mut j = i + 1;
        while j < self.lines.len() {
            if self.body(j) {
                return self.block(j).1;
            }
            let l = &self.lines[j];
            let copy = l.key == *key || l.key.starts_with(key.as_str());
            if !(copy || self.skippable(j)) {
                return 0;
            }
            j += 1;
        }
        0
    }
}

/// "… ảnh 1‹caption›": an image's alt text glued to its numbered caption.
fn has_glued_alt(t: &str) -> bool {
    t.match_indices("ảnh ")
        .any(|(i, m)| t[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Dateline, byline and source lines set the article's metadata.
fn take_metadata(a: &mut Article, l: &Line) -> bool {
    match l.shape {
        Shape::Dateline => {
            if a.published.is_none() {
                a.published = metadata::published(l.text);
            }
            a.removed.push(Removed {
                text: l.text.to_string(),
                reason: RemovalReason::Dateline,
            });
        }
        Shape::Byline => {
            a.byline.get_or_insert_with(|| metadata::byline(l.text));
            a.removed.push(Removed {
                text: l.text.to_string(),
                reason: RemovalReason::Byline,
            });
        }
        Shape::Source => {
            a.source.get_or_insert_with(|| metadata::source(l.text));
            a.removed.push(Removed {
                text: l.text.to_string(),
                reason: RemovalReason::Source,
            });
        }
        _ => return false,
    }
    true
}

/// After the body, only a source credit still belongs to the article.
fn take_metadata_after_body(a: &mut Article, l: &Line) -> bool {
    l.shape == Shape::Source && a.source.is_none() && take_metadata(a, l)
}

/// "‹title› ảnh 1‹caption›": an image's alt text (the headline) glued to
/// its caption; the caption, or "" when the alt text stands alone.
fn glued_to(l: &Line, title: &str) -> Option<String> {
    let rest = l.text.strip_prefix(title)?.trim_start();
    let rest = rest
        .strip_prefix("ảnh")
        .or_else(|| rest.strip_prefix("Ảnh"))?;
    Some(
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
            .to_string(),
    )
}

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

/// A headline followed by its own copy, a headline doubled on one line, or a
/// headline followed by a teaser cut short: the start of a related-article run.
fn opens_related_run(l: &Line, next: Option<&Line>) -> bool {
    if next.is_some_and(|n| n.key == l.key && l.words >= 3) {
        return true;
    }
    if l.shape == Shape::Prose && !l.ends_in_ellipsis() {
        return false;
    }
    undoubled(l.text).is_some()
        || next.is_some_and(|n| {
            l.shape == Shape::TitleLike && n.shape == Shape::Prose && n.ends_in_ellipsis()
        })
}

/// "- …", "+ …", "• …", "* …", "– …": an item of a bulleted list.
fn is_list_item(t: &str) -> bool {
    ["- ", "+ ", "• ", "* ", "– ", "· "]
        .iter()
        .any(|b| t.starts_with(b))
        && t.split_whitespace().count() >= 3
}

/// A paragraph that announces a list ("Các nhóm giải pháp gồm:"), or an item of one.
fn opens_list(p: &str) -> bool {
    p.trim_end().ends_with(':') || is_list_item(p)
}

/// A short headline-like line between two paragraphs: a crosshead of the article.
fn is_crosshead(l: &Line, prev: Option<&Line>, next: Option<&Line>) -> bool {
    l.words <= 12
        && prev.is_some_and(|p| p.shape == Shape::Prose)
        && next.is_some_and(|n| n.is_running_prose())
}
