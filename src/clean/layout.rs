//! Where the article sits among the page's lines: which line is the title,
//! where the body starts, where it ends (a section heading, a related-article
//! run), and what each line inside it is — body, caption, copy, credit.
//!
//! The rules read position and repetition, not sites: the title is the
//! headline-shaped line before the lead (preferably one the page repeats);
//! the body starts at the first running prose after it; a related-article run
//! is a headline followed by its own copy or by a teaser cut short with "...",
//! or a section heading; once in a run, the body resumes only where two
//! paragraphs of running prose follow each other.

use super::metadata;
use super::shape::{Line, Shape};
use super::Article;
use crate::Removed;
use std::collections::HashSet;

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
    let removed = |a: &mut Article, l: &Line, why: &str| a.removed.push(Removed { text: l.text.to_string(), reason: why.into() });

    let Some(title_at) = find_title(lines, hints) else {
        for l in lines {
            removed(&mut a, l, "no-article");
        }
        return a;
    };
    let title = &lines[title_at];
    a.title = Some(title.text.to_string());
    let lead_at = (title_at + 1..lines.len()).find(|&i| is_body_start(&lines[i], hint(i)));

    // Before the title: the site's chrome. Between title and lead: metadata.
    for (i, l) in lines.iter().enumerate().take(lead_at.unwrap_or(lines.len())) {
        if i == title_at {
            continue;
        }
        if i > title_at && take_metadata(&mut a, l) {
            continue;
        }
        removed(&mut a, l, if l.key == title.key { "title-copy" } else { "navigation" });
    }
    let Some(lead_at) = lead_at else { return a };

    let mut seen: HashSet<&str> = HashSet::new();
    seen.insert(title.key.as_str());
    let mut in_related = false;
    let mut after_title_copy = false;
    let mut i = lead_at;
    while i < lines.len() {
        let l = &lines[i];
        let next = lines.get(i + 1);
        let prev = i.checked_sub(1).map(|p| &lines[p]);
        if in_related {
            let resumes = l.is_running_prose()
                && next.is_some_and(Line::is_running_prose)
                && prev.is_some_and(|p| p.shape != Shape::TitleLike)
                && !seen.contains(l.key.as_str());
            if !resumes {
                if !take_metadata_after_body(&mut a, l) {
                    removed(&mut a, l, if l.shape == Shape::SectionHeading { "section-heading" } else { "related-links" });
                }
                i += 1;
                continue;
            }
            in_related = false;
        }
        let copy_of_title = l.key == title.key;
        let was_after_copy = std::mem::replace(&mut after_title_copy, copy_of_title);
        if copy_of_title {
            removed(&mut a, l, "title-copy");
        } else if l.shape == Shape::SectionHeading {
            removed(&mut a, l, "section-heading");
            in_related = true;
        } else if hint(i).chrome {
            removed(&mut a, l, "navigation");
        } else if let Some(rest) = glued_to_title(l, title) {
            a.captions.push(rest);
        } else if opens_related_run(l, next) {
            removed(&mut a, l, "related-links");
            in_related = true;
        } else if !l.key.is_empty() && seen.contains(l.key.as_str()) {
            removed(&mut a, l, "duplicate");
        } else if next.is_some_and(|n| n.key.len() > l.key.len() && n.key.starts_with(&l.key) && l.words >= 5) {
            // A caption that repeats the next paragraph's opening word for word.
            removed(&mut a, l, "caption-copy");
        } else if hint(i).caption || l.shape == Shape::Caption || (was_after_copy && l.words <= 60 && l.shape != Shape::TitleLike) {
            a.captions.push(l.text.to_string());
        } else if take_metadata(&mut a, l) {
        } else {
            match l.shape {
                Shape::Prose => a.paragraphs.push(l.text.to_string()),
                Shape::TitleLike if is_crosshead(l, prev, next) => a.paragraphs.push(l.text.to_string()),
                Shape::TitleLike | Shape::Slug | Shape::Bracketed => removed(&mut a, l, "related-links"),
                Shape::Widget => removed(&mut a, l, "widget"),
                _ => removed(&mut a, l, "navigation"),
            }
        }
        seen.insert(l.key.as_str());
        i += 1;
    }
    a
}

/// The headline: an `h1` if the HTML has one; else, among the headline-shaped
/// lines before the first running prose, one the page repeats, or the last.
fn find_title(lines: &[Line], hints: &[Hint]) -> Option<usize> {
    if let Some(i) = hints.iter().position(|h| h.headline) {
        return Some(i);
    }
    let first_prose = lines.iter().position(Line::is_running_prose)?;
    let candidates: Vec<usize> = (0..first_prose)
        .filter(|&i| {
            let l = &lines[i];
            l.words >= 4 && l.words <= 40 && matches!(l.shape, Shape::TitleLike | Shape::Prose) && !l.text.trim_end().ends_with('.')
        })
        .collect();
    let repeated = candidates.iter().copied().find(|&i| lines[i + 1..].iter().any(|l| l.key == lines[i].key || l.key.starts_with(&lines[i].key)));
    repeated.or(candidates.last().copied()).or_else(|| (first_prose > 0).then_some(0).filter(|_| lines[0].shape == Shape::TitleLike))
}

fn is_body_start(l: &Line, hint: Hint) -> bool {
    !hint.chrome && !hint.caption && l.shape == Shape::Prose && l.words >= 8 && !l.ends_in_ellipsis()
}

/// Dateline, byline and source lines set the article's metadata.
fn take_metadata(a: &mut Article, l: &Line) -> bool {
    match l.shape {
        Shape::Dateline => {
            if a.published.is_none() {
                a.published = metadata::published(l.text);
            }
            a.removed.push(Removed { text: l.text.to_string(), reason: "dateline".into() });
        }
        Shape::Byline => {
            a.byline.get_or_insert_with(|| metadata::byline(l.text));
            a.removed.push(Removed { text: l.text.to_string(), reason: "byline".into() });
        }
        Shape::Source => {
            a.source.get_or_insert_with(|| metadata::source(l.text));
            a.removed.push(Removed { text: l.text.to_string(), reason: "source".into() });
        }
        _ => return false,
    }
    true
}

/// After the body, only a source credit still belongs to the article.
fn take_metadata_after_body(a: &mut Article, l: &Line) -> bool {
    l.shape == Shape::Source && a.source.is_none() && take_metadata(a, l)
}

/// "‹title› ảnh 1‹caption›": an image's alt text (the headline) glued to its caption.
fn glued_to_title(l: &Line, title: &Line) -> Option<String> {
    let rest = l.text.strip_prefix(title.text)?.trim_start();
    let rest = rest.strip_prefix("ảnh").or_else(|| rest.strip_prefix("Ảnh"))?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    (!rest.is_empty()).then(|| rest.to_string())
}

/// A headline followed by its own copy, a headline doubled on one line, or a
/// headline followed by a teaser cut short: the start of a related-article run.
fn opens_related_run(l: &Line, next: Option<&Line>) -> bool {
    if l.shape == Shape::Prose && !l.ends_in_ellipsis() {
        return false;
    }
    let doubled = {
        let t = l.text;
        let half = t.len() / 2;
        t.is_char_boundary(half) && t.len() > 20 && t[..half].trim() == t[half..].trim()
    };
    doubled
        || next.is_some_and(|n| {
            (n.key == l.key && l.words >= 3)
                || (l.shape == Shape::TitleLike && n.shape == Shape::Prose && n.ends_in_ellipsis())
        })
}

/// A short headline-like line between two paragraphs: a crosshead of the article.
fn is_crosshead(l: &Line, prev: Option<&Line>, next: Option<&Line>) -> bool {
    l.words <= 12 && prev.is_some_and(|p| p.shape == Shape::Prose) && next.is_some_and(|n| n.is_running_prose())
}
