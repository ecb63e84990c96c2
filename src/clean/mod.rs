//! Stage 2: from a whole pasted page to exactly the article.
//!
//! The page is cut into lines (or taken as blocks from HTML, whose boxes of
//! furniture [`blocks`] takes out first); [`shape`] reads
//! what each line looks like alone; `run` finds where the article's run of
//! prose is and `title` the headline above it; [`layout`] walks the page and
//! decides from position and repetition which lines are the body, captions
//! and metadata, and which are site furniture or related-article runs.
//! Nothing is dropped silently: every removed line is kept in
//! [`Article::removed`] with its reason.

mod blocks;
pub mod html;
pub mod layout;
pub mod metadata;
mod patterns;
pub(crate) mod run;
pub mod shape;
pub(crate) mod title;

use crate::{RemovalReason, Removed, Warning, WarningCode};
use shape::Line;
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
    /// The input taken as it is (no cleaning): its non-empty lines are the paragraphs.
    pub fn as_given(text: &str) -> Article {
        let paragraphs = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect();
        Article {
            paragraphs,
            ..Article::default()
        }
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
    let mut gap = false;
    let mut lines = Vec::new();
    for l in text.lines().map(str::trim) {
        if l.is_empty() {
            gap = true;
        } else {
            lines.push(Line::new(l).after_gap(std::mem::take(&mut gap)));
        }
    }
    finish(layout::lay_out(&lines, &[]), text)
}

pub use blocks::clean_blocks;

fn finish(mut a: Article, input: &str) -> Article {
    if input.trim().is_empty() {
        a.warnings.push(Warning {
            code: WarningCode::EmptyInput,
            message: "the input has no text".into(),
        });
    } else if a.paragraphs.is_empty() {
        // A headline alone is not an article: keep none rather than invent one
        // (and re-reading a lone headline as text would find nothing).
        if let Some(t) = a.title.take() {
            a.removed.push(Removed {
                text: t,
                reason: RemovalReason::NoArticle,
            });
        }
        a.warnings.push(Warning {
            code: WarningCode::NoArticle,
            // Said without guessing why: furniture, a list of links and
            // text that is not Vietnamese news all end here.
            message: "no article text was found: no run of Vietnamese running prose \
                      (only site furniture, headlines or links, or text in another language)"
                .into(),
        });
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InputBlock;

    #[test]
    fn whitespace_only_input_is_empty() {
        let a = clean_text(" \n \n");
        assert_eq!(a.warnings[0].code, "empty-input");
        assert!(a.title.is_none() && a.paragraphs.is_empty());
    }

    #[test]
    fn a_headline_without_a_body_is_no_article() {
        // Found by fuzz/extract_html (issue 8): an <h1> alone came out as the
        // title with a no-article warning, and re-extracting that text gave "".
        let block = |text: &str, tag: &str| InputBlock {
            text: text.into(),
            tag: tag.into(),
            ..InputBlock::default()
        };
        let a = clean_blocks(&[block("Phó Thủ tướng Lê Văn Tám thăm Lào", "h1")]);
        assert!(a.title.is_none() && a.paragraphs.is_empty());
        assert_eq!(a.warnings[0].code, "no-article");
        assert_eq!(
            a.removed.last().map(|r| r.reason),
            Some(RemovalReason::NoArticle)
        );
    }
}
