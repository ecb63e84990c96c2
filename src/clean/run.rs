//! Where the article's run of prose sits among the page's lines.
//!
//! A page is cut into *blocks of body text*: body lines (running prose) with,
//! between them, only lines that may sit inside an article (captions,
//! credits, widgets, short sentences, copies of earlier lines) or a single
//! other line (a crosshead, glued related headlines) that two more body
//! lines follow. A list of other articles gives blocks of one teaser each
//! (a headline stands between any two teasers), so the first block of two
//! body lines or more anchors the article, whatever furniture comes before.
//!
//! Body lines are sentence-shaped prose, or long lines that only lack their
//! final stop (sentences run through them). A page with none of either (a
//! single paragraph cut before its full stop) takes long unended lines
//! instead, so that any running prose is an article.

use super::layout::Hint;
use super::shape::{Line, Shape};
use super::title;
use crate::fasthash::FastMap;

/// Words a sentence-shaped line needs to anchor the article's run.
const BODY_WORDS: usize = 8;
/// Words of a caption under an image's alt text.
const ALT_CAPTION_WORDS: usize = 60;
/// Headlines in a box of related links that a block of body text may hold.
const HEADLINE_BOX: usize = 4;
/// Words an unended line of a bare page needs to be the article's (shorter
/// ones are list numbers and labels).
const BARE_LINE_WORDS: usize = 4;
/// Words the one sentence of a short article needs.
const SHORT_WORDS: usize = 3;
/// Words an unended line needs to count as body when the page has no
/// sentence-shaped line at all.
const UNENDED_BODY_WORDS: usize = 15;

/// The page's lines with what the run finder reads off them as a whole.
pub struct Page<'l, 'a> {
    /// The lines, in reading order.
    pub lines: &'l [Line<'a>],
    hints: &'l [Hint],
    /// For each line, the index of the first line with the same key.
    first: Vec<usize>,
    /// The page has no sentence-shaped body line: long unended lines count.
    unended: bool,
    /// The page is an article alone: no line has the shape of site furniture.
    pub bare: bool,
}

impl<'l, 'a> Page<'l, 'a> {
    /// Reads the page's repetitions and whether it has sentence-shaped lines.
    pub fn new(lines: &'l [Line<'a>], hints: &'l [Hint]) -> Self {
        let mut at: FastMap<&str, usize> = FastMap::default();
        let first = lines
            .iter()
            .enumerate()
            .map(|(i, l)| *at.entry(l.key.as_str()).or_insert(i))
            .collect();
        let mut page = Page {
            lines,
            hints,
            first,
            unended: false,
            bare: false,
        };
        page.unended = !(0..lines.len()).any(|i| page.body(i));
        page.bare = (0..lines.len()).all(|i| !page.is_furniture(i));
        page
    }

    /// On a bare page (an article alone), an unended line of a few words
    /// or more is the article's: a sentence that lost its stop, a photo
    /// story's caption, a crosshead. Pasted alone, all of it is the article.
    pub fn is_bare_line(&self, i: usize) -> bool {
        let l = &self.lines[i];
        self.bare
            && l.shape == Shape::TitleLike
            && l.words >= BARE_LINE_WORDS
            && l.vietnamese
            && self.first[i] == i
    }

    /// Line `i` is the site's, whatever its place: a heading, a widget, a
    /// link, a slug, chrome, a relative time stamp ("15 phút trước"), a
    /// headline doubled on its line, or a repeat of
    /// an earlier line (other than of the first line, the headline's alt
    /// text, and of a caption). Captions, credits, datelines and unended
    /// lines also stand in articles pasted alone.
    fn is_furniture(&self, i: usize) -> bool {
        let l = &self.lines[i];
        let repeat = self.first[i] < i && self.first[i] != 0 && l.shape != Shape::Caption;
        repeat
            || self.hint(i).chrome
            || (l.shape == Shape::Dateline && super::shape::is_relative_stamp(&l.key))
            || matches!(
                l.shape,
                Shape::SectionHeading
                    | Shape::EndHeading
                    | Shape::RelatedLink
                    | Shape::TagLine
                    | Shape::Widget
                    | Shape::Slug
                    | Shape::Bracketed
            )
            || title::undoubled(l.text).is_some()
    }

    /// Lines in the page.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// What the HTML says about line `i` (nothing for plain text).
    pub fn hint(&self, i: usize) -> Hint {
        self.hints.get(i).copied().unwrap_or_default()
    }

    /// Line `i` repeats an earlier line.
    pub fn is_repeat(&self, i: usize) -> bool {
        self.first[i] < i
    }

    /// A line that may be the article's text: sentence-shaped (or, on a page
    /// without any, long), not chrome or a caption, not a teaser cut short;
    /// a question or an exclamation under 20 words is a headline more often
    /// than a paragraph.
    pub fn is_text(&self, i: usize, min_words: usize) -> bool {
        let l = &self.lines[i];
        let h = self.hint(i);
        // An article alone has no teasers: "…" is its own.
        let teaser = l.is_cut_short() && !self.bare;
        if h.chrome || h.caption || teaser || l.words < min_words || !l.vietnamese {
            return false;
        }
        match l.shape {
            Shape::Prose => !(l.is_exclaimed() && l.words < 20),
            Shape::TitleLike => l.runs_on || (self.unended && l.words >= UNENDED_BODY_WORDS),
            _ => false,
        }
    }

    /// A body line: text long enough to anchor the run, read for the first time.
    pub fn body(&self, i: usize) -> bool {
        self.is_text(i, BODY_WORDS) && self.first[i] == i
    }

    /// Lines that may sit inside a block of body text without breaking it:
    /// captions, credits, widgets, metadata, short sentences, repeats of
    /// earlier lines, and the unended line under a repeated headline (an
    /// image's alt text and its caption).
    pub fn skippable(&self, i: usize) -> bool {
        let l = &self.lines[i];
        let under_alt_text = i > 0
            && self.first[i - 1] < i - 1
            && l.shape == Shape::TitleLike
            && l.words <= ALT_CAPTION_WORDS;
        self.hint(i).caption
            || self.first[i] < i
            || under_alt_text
            || l.has_glued_alt()
            || matches!(
                l.shape,
                Shape::Caption
                    | Shape::Widget
                    | Shape::Byline
                    | Shape::Dateline
                    | Shape::Source
                    | Shape::EditorNote
            )
            || (l.shape == Shape::Prose && l.words < BODY_WORDS && !l.is_cut_short())
    }

    /// Body lines and words in the block that starts at body line `b`.
    ///
    /// Inside a block, one other line (a crosshead, glued headlines) or a
    /// short run of headlines (a box of related links under the lead) may
    /// stand between body lines, when two more body lines follow.
    pub fn block(&self, b: usize) -> (usize, usize) {
        let (mut n, mut words, mut j) = (0, 0, b);
        while j < self.len() {
            if self.body(j) {
                n += 1;
                words += self.lines[j].words;
            } else if !self.skippable(j) {
                let mut k = j + 1;
                while k < self.len()
                    && k - j < HEADLINE_BOX
                    && !self.skippable(k)
                    && !self.body(k)
                    && title::headline_shaped(&self.lines[k])
                    && title::headline_shaped(&self.lines[j])
                {
                    k += 1;
                }
                let mut following = 0;
                while k < self.len() && following < 2 {
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

    /// The body line that anchors the article: the first whose block has
    /// two body lines or more; else the one with the largest block. On a
    /// bare page (an article alone), its first text line.
    pub fn anchor(&self) -> Option<usize> {
        // A short article is an article: without a body line, the first
        // short sentence anchors it.
        let short = || (0..self.len()).find(|&b| self.is_text(b, SHORT_WORDS));
        if self.bare {
            return (0..self.len()).find(|&b| self.body(b)).or_else(short);
        }
        let mut best: Option<(usize, usize)> = None;
        for b in (0..self.len()).filter(|&b| self.body(b)) {
            let (n, words) = self.block(b);
            if n >= 2 {
                return Some(b);
            }
            if best.map_or(true, |(_, w)| words > w) {
                best = Some((b, words));
            }
        }
        best.map(|(b, _)| b).or_else(short)
    }
}
