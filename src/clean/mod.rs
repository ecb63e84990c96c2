//! Stage 2: from a whole pasted page to exactly the article.
//!
//! The page is cut into blocks (lines); each block is kept as title, lead,
//! body paragraph or caption, or removed with a reason.

pub mod html;

use crate::{InputBlock, Removed, Warning};
use std::collections::HashSet;
use std::ops::Range;

/// The article as the cleaner found it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline.
    pub title: Option<String>,
    /// Author(s) as printed.
    pub byline: Option<String>,
    /// When the page says it was published (ISO 8601).
    pub published: Option<String>,
    /// The credited source.
    pub source: Option<String>,
    /// Lead and body paragraphs in reading order.
    pub paragraphs: Vec<String>,
    /// Photo captions and credits.
    pub captions: Vec<String>,
    /// Dropped blocks and why.
    pub removed: Vec<Removed>,
    /// Notes for the reader.
    pub warnings: Vec<Warning>,
}

impl Article {
    /// The input taken as it is: every non-empty blank-line-separated block a paragraph.
    pub fn as_given(text: &str) -> Article {
        Article { paragraphs: vec![text.to_string()].into_iter().filter(|t| !t.trim().is_empty()).collect(), ..Article::default() }
    }

    /// The text that offsets index (title, then paragraphs, joined by blank
    /// lines) and the title's byte range in it.
    pub fn joined_text(&self) -> (String, Option<Range<usize>>) {
        let mut text = String::new();
        let mut title_span = None;
        if let Some(t) = &self.title {
            title_span = Some(0..t.len());
            text.push_str(t);
        }
        for p in &self.paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        (text, title_span)
    }
}

/// Cleans a page pasted as plain text.
pub fn clean_text(text: &str) -> Article {
    let blocks: Vec<InputBlock> = text
        .lines()
        .map(|l| InputBlock { text: l.trim().to_string(), ..InputBlock::default() })
        .collect();
    clean_blocks(&blocks)
}

/// Cleans a page given as blocks.
pub fn clean_blocks(blocks: &[InputBlock]) -> Article {
    let mut article = Article::default();
    let mut seen = HashSet::new();
    for b in blocks {
        let t = b.text.trim();
        if t.is_empty() {
            continue;
        }
        if !seen.insert(t.to_string()) {
            article.removed.push(Removed { text: t.to_string(), reason: "duplicate".into() });
            continue;
        }
        if article.title.is_none() {
            article.title = Some(t.to_string());
        } else {
            article.paragraphs.push(t.to_string());
        }
    }
    if article.title.is_none() {
        article.warnings.push(Warning { code: "empty-input".into(), message: "the input has no text".into() });
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title_and_repeats_are_removed() {
        let a = clean_text("Tiêu đề\n\nĐoạn một.\nĐoạn một.\nĐoạn hai.");
        assert_eq!(a.title.as_deref(), Some("Tiêu đề"));
        assert_eq!(a.paragraphs, vec!["Đoạn một.", "Đoạn hai."]);
        assert_eq!(a.removed.len(), 1);
        assert_eq!(a.removed[0].reason, "duplicate");
    }
}
