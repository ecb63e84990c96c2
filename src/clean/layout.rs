//! What each line of the page is, given where the article's run is: the
//! head (site chrome, the headline, metadata above the lead), then a walk
//! over the rest in one of four modes — the body, a list of other articles,
//! what follows the closing credits, what follows comments or tags.
//!
//! The rules read position, repetition and shape, not sites:
//!
//! - `run` finds the article's anchor and `title` the headline above it;
//!   the lead is the first prose line under the headline (or, without one,
//!   the first of the prose run that reaches the anchor);
//! - a list of other articles starts at a section heading, a headline
//!   followed by its own copy or doubled on one line, or a headline over a
//!   teaser cut short with "..."; inside it the body resumes only at running
//!   prose that is no teaser (not under a doubled headline; followed by more
//!   prose or by the closing credits, or standing after a box of two
//!   headlines or more, or the page's last paragraph); after comments or
//!   tags it never does;
//! - a byline or source after two paragraphs closes the article unless
//!   prose goes on under it; then three paragraphs in a row take it up again;
//! - the page's last line, unended in the body, is a paragraph cut short (a
//!   page copied or stored only in part);
//! - an article pasted alone (a bare page) keeps all its lines of text,
//!   sentences and unended lines alike, and has no related runs.

use super::metadata;
use super::run::Page;
use super::shape::{self, Line, Shape};
use super::title::{self, glued_to, undoubled};
use super::Article;
use crate::fasthash::FastSet;
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

/// Words the page's last line needs to take the body up again after a box
/// of links (a teaser cut where the paste ends is shorter).
const RESUME_WORDS: usize = 15;
/// Words a short line under the headline needs to be the lead.
const LEAD_WORDS: usize = 3;
/// A line without a final stop between paragraphs with at most this many
/// words is a crosshead.
const CROSSHEAD_WORDS: usize = 12;

/// Where the walk over the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Inside the article's body.
    Body,
    /// In a list of other articles (after a section heading or a related
    /// run): the body resumes at running prose that is no teaser.
    Related,
    /// After the closing byline or source: three paragraphs in a row take
    /// the body up again.
    AfterCredits,
    /// After comments or tags: nothing is the article's any more.
    Ended,
}

/// Lays out `lines` (with `hints`, one per line, or none) into an article.
pub fn lay_out(lines: &[Line], hints: &[Hint]) -> Article {
    let page = Page::new(lines, hints);
    let mut a = Article::default();
    let Some(anchor) = page.anchor() else {
        for l in lines {
            remove(&mut a, l, RemovalReason::NoArticle);
        }
        return a;
    };
    let title_at = title::find(&page, anchor);
    let headline = title_at.map(|t| Headline::new(&lines[t]));
    a.title = headline.as_ref().map(|h| h.text.to_string());
    let lead = lead(&page, title_at, anchor, headline.as_ref());
    read_head(&page, title_at, lead, headline.as_ref(), &mut a);
    Walk {
        page: &page,
        headline: headline.as_ref(),
        seen: FastSet::default(),
        mode: Mode::Body,
        after_title_copy: false,
        closed: false,
        a: &mut a,
    }
    .run(lead);
    a
}

fn remove(a: &mut Article, l: &Line, why: RemovalReason) {
    a.removed.push(Removed {
        text: l.text.to_string(),
        reason: why,
    })
}

/// The headline and the forms its copies take.
struct Headline<'a> {
    /// The headline once (a headline doubled on its line gives one half).
    text: &'a str,
    /// Its folded form, and the folded form of the line it stands on.
    key: String,
    line_key: &'a str,
}

impl<'a> Headline<'a> {
    fn new(l: &'a Line) -> Self {
        let text = undoubled(l.text).unwrap_or(l.text);
        Headline {
            text,
            key: crate::text::fold::fold(text),
            line_key: l.key.as_str(),
        }
    }

    /// `l` is the headline again, alone or as alt text with a caption glued on.
    fn copied_by(&self, l: &Line) -> bool {
        l.key == self.line_key || l.key == self.key || glued_to(l, self.text).is_some()
    }
}

/// The lead: the first prose line under the headline; without a headline,
/// the first prose line of the run that reaches the anchor (short
/// sentences, captions and credits may stand between).
fn lead(page: &Page, title_at: Option<usize>, anchor: usize, h: Option<&Headline>) -> usize {
    let is_lead = |j: usize| {
        (page.is_text(j, LEAD_WORDS) || page.is_bare_line(j))
            && !page.is_repeat(j)
            && !h.is_some_and(|h| h.copied_by(&page.lines[j]))
    };
    match title_at {
        Some(t) => (t + 1..anchor).find(|&j| is_lead(j)).unwrap_or(anchor),
        None => {
            let mut lead = anchor;
            for j in (0..anchor).rev() {
                if is_lead(j) {
                    lead = j;
                } else if !page.skippable(j) {
                    break;
                }
            }
            lead
        }
    }
}

/// The lines above the lead: the headline, metadata (a dateline may stand
/// above the headline, bylines and sources only under it), captions, copies
/// of the headline and the site's chrome. Of several datelines the one
/// nearest under the headline wins (a site's clock stands above it).
fn read_head(
    page: &Page,
    title_at: Option<usize>,
    lead: usize,
    h: Option<&Headline>,
    a: &mut Article,
) {
    let mut dateline: Option<(usize, String)> = None;
    for (i, l) in page.lines[..lead].iter().enumerate() {
        if Some(i) == title_at {
            continue;
        }
        let below = title_at.map_or(true, |t| i > t);
        if l.shape == Shape::Dateline {
            if below && a.byline.is_none() {
                a.byline = metadata::byline_beside_date(l.text);
            }
            if let Some(p) = metadata::published(l.text) {
                let nearer = match (title_at, &dateline) {
                    (_, None) => true,
                    (Some(t), Some((d, _))) => *d < t,
                    (None, Some(_)) => false,
                };
                if nearer {
                    dateline = Some((i, p));
                }
            }
            remove(a, l, RemovalReason::Dateline);
            continue;
        }
        if below && take_metadata(a, l) {
            continue;
        }
        let copy = h.is_some_and(|h| h.copied_by(l));
        if !copy && (l.shape == Shape::Caption || (below && page.hint(i).caption)) {
            a.captions.push(l.text.to_string());
            continue;
        }
        let why = match l.shape {
            _ if copy => RemovalReason::TitleCopy,
            Shape::EditorNote => RemovalReason::EditorNote,
            _ => RemovalReason::Navigation,
        };
        remove(a, l, why);
    }
    a.published = dateline.map(|(_, p)| p);
}

/// The walk from the lead to the end of the page.
struct Walk<'w, 'l, 'a> {
    page: &'w Page<'l, 'a>,
    headline: Option<&'w Headline<'w>>,
    /// Keys of the lines read so far (for duplicates and teasers).
    seen: FastSet<&'w str>,
    mode: Mode,
    /// The line before was a copy of the headline (alt text): a caption
    /// follows, in the same block of the paste.
    after_title_copy: bool,
    /// The article's closing credits were read (and the body has not taken
    /// up again): the page's last line is no paragraph of it.
    closed: bool,
    a: &'w mut Article,
}

impl<'w, 'l, 'a> Walk<'w, 'l, 'a> {
    fn run(mut self, lead: usize) {
        if let Some(h) = self.headline {
            self.seen.insert(h.line_key);
            self.seen.insert(h.key.as_str());
        }
        for i in lead..self.page.len() {
            if self.mode != Mode::Body && !self.resumes(i) {
                self.outside_body(i);
            } else {
                if self.mode != Mode::Body {
                    self.closed = false;
                }
                self.mode = Mode::Body;
                self.in_body(i);
            }
            self.seen.insert(self.page.lines[i].key.as_str());
        }
    }

    /// Outside the body: does line `i` take the body up again?
    fn resumes(&mut self, i: usize) -> bool {
        let l = &self.page.lines[i];
        match l.shape {
            Shape::EndHeading => self.mode = Mode::Ended,
            Shape::SectionHeading if self.mode == Mode::AfterCredits => self.mode = Mode::Related,
            _ => {}
        }
        let strict = self.mode == Mode::AfterCredits;
        self.mode != Mode::Ended && resumes_body(self.page, i, &self.seen, strict, self.closed)
    }

    fn outside_body(&mut self, i: usize) {
        let l = &self.page.lines[i];
        // After the body, only a source credit still belongs to the article.
        if l.shape == Shape::Source && self.a.source.is_none() && take_metadata(self.a, l) {
            return;
        }
        let why = match (l.shape, self.mode) {
            (Shape::SectionHeading | Shape::EndHeading, _) => RemovalReason::SectionHeading,
            // Furniture and tags are what they are wherever they stand.
            (Shape::TagLine, _) => RemovalReason::CommentsOrTags,
            (Shape::Widget, _) => RemovalReason::Widget,
            // The editor's credit or note under the article's credits.
            (Shape::EditorNote, Mode::AfterCredits) => RemovalReason::EditorNote,
            (_, Mode::Ended) => RemovalReason::CommentsOrTags,
            (_, Mode::AfterCredits) => RemovalReason::AfterArticle,
            _ => RemovalReason::RelatedLinks,
        };
        remove(self.a, l, why);
    }

    fn in_body(&mut self, i: usize) {
        let page = self.page;
        let lines = page.lines;
        let l = &lines[i];
        let next = lines.get(i + 1);
        let glued = self.headline.and_then(|h| glued_to(l, h.text));
        let copy_of_title = self
            .headline
            .is_some_and(|h| l.key == h.line_key || l.key == h.key)
            || glued.as_deref() == Some("");
        let after_copy = std::mem::replace(&mut self.after_title_copy, copy_of_title);
        let a = &mut *self.a;
        if copy_of_title {
            remove(a, l, RemovalReason::TitleCopy);
            // The story's own headline and teaser in a list of articles at
            // the foot (an article alone has no such list).
            if !page.bare && next.is_some_and(Line::is_cut_short) {
                self.mode = Mode::Related;
            }
        } else if matches!(l.shape, Shape::SectionHeading | Shape::EndHeading) {
            remove(a, l, RemovalReason::SectionHeading);
            self.mode = if l.shape == Shape::EndHeading {
                Mode::Ended
            } else {
                Mode::Related
            };
        } else if l.shape == Shape::RelatedLink {
            remove(a, l, RemovalReason::RelatedLinks);
        } else if l.shape == Shape::TagLine {
            remove(a, l, RemovalReason::CommentsOrTags);
        } else if page.hint(i).chrome {
            remove(a, l, RemovalReason::Navigation);
        } else if let Some(rest) = glued {
            a.captions.push(rest);
        } else if !page.bare && opens_related_run(lines, i) {
            remove(a, l, RemovalReason::RelatedLinks);
            self.mode = Mode::Related;
        } else if !l.key.is_empty() && self.seen.contains(l.key.as_str()) {
            remove(a, l, RemovalReason::Duplicate);
        } else if next
            .is_some_and(|n| n.key.len() > l.key.len() && n.key.starts_with(&l.key) && l.words >= 5)
        {
            // A caption that repeats the next paragraph's opening word for word.
            remove(a, l, RemovalReason::CaptionCopy);
        } else if page.hint(i).caption
            || l.shape == Shape::Caption
            || (after_copy && is_alt_caption(page, l))
        {
            a.captions.push(l.text.to_string());
        } else if l.shape == Shape::Byline && a.paragraphs.last().is_some_and(|p| opens_list(p)) {
            // Names under "… gồm:" are the list it announces, not a byline.
            a.paragraphs.push(l.text.to_string());
        } else if take_metadata(a, l) {
            // A byline or source after the body closes the article: what
            // follows is the site's, unless running prose takes up again.
            // (A name alone right above more running prose is rather a
            // portrait's caption.)
            let body_goes_on = next.is_some_and(|n| {
                n.is_running_prose() && !n.is_question() && !shape::starts_with_widget_cue(&n.key)
            });
            if matches!(l.shape, Shape::Byline | Shape::Source)
                && a.paragraphs.len() >= 2
                && !body_goes_on
            {
                self.mode = Mode::AfterCredits;
                self.closed = true;
            }
        } else if l.shape == Shape::EditorNote {
            remove(a, l, RemovalReason::EditorNote);
        } else if is_list_item(l.text) && a.paragraphs.last().is_some_and(|p| opens_list(p)) {
            // An item of a list the body announced ("… gồm:"), stop or none.
            a.paragraphs.push(l.text.to_string());
        } else if i + 1 == lines.len() && !a.paragraphs.is_empty() && is_cut_paragraph(page, i) {
            a.paragraphs.push(l.text.to_string());
        } else {
            self.by_shape(i);
        }
    }

    /// A line in the body that no position rule took, by its shape.
    fn by_shape(&mut self, i: usize) {
        let lines = self.page.lines;
        let l = &lines[i];
        let crosshead = l.shape == Shape::TitleLike && self.is_crosshead(i);
        let text = self.page.is_text(i, 1) || self.page.is_bare_line(i);
        let a = &mut *self.a;
        match l.shape {
            Shape::Prose => a.paragraphs.push(l.text.to_string()),
            _ if text => a.paragraphs.push(l.text.to_string()),
            // The prose a crosshead heads is new prose, not a copy of a
            // paragraph already read (the copy goes as a duplicate, and
            // cleaning the cleaned text must decide alike; issue 8).
            Shape::TitleLike if crosshead => a.paragraphs.push(l.text.to_string()),
            Shape::TitleLike | Shape::Slug | Shape::Bracketed => {
                remove(a, l, RemovalReason::RelatedLinks)
            }
            Shape::Widget => remove(a, l, RemovalReason::Widget),
            _ => remove(a, l, RemovalReason::Navigation),
        }
    }

    /// A short headline-like line right under a paragraph and over new
    /// running prose: a crosshead of the article.
    fn is_crosshead(&self, i: usize) -> bool {
        let lines = self.page.lines;
        let next_new = lines[i + 1..]
            .iter()
            .find(|n| n.key.is_empty() || !self.seen.contains(n.key.as_str()));
        lines[i].words <= CROSSHEAD_WORDS
            && i.checked_sub(1)
                .is_some_and(|p| lines[p].shape == Shape::Prose)
            && next_new.is_some_and(Line::is_running_prose)
    }
}

/// The line under an image's alt text (a copy of the headline), in the same
/// block of the paste: the photo's caption, unended or one sentence. (An
/// article alone keeps its sentences and long lines: it is pasted for them.)
fn is_alt_caption(page: &Page, l: &Line) -> bool {
    let shaped = match l.shape {
        Shape::TitleLike => !page.bare || l.words <= CROSSHEAD_WORDS,
        Shape::Prose => !page.bare,
        _ => false,
    };
    shaped && !l.gap_before && !l.is_cut_short() && (3..=60).contains(&l.words)
}

/// The page's last line in the body, without a final stop and with no
/// furniture's shape: a paragraph cut short (a page copied or stored only
/// in part).
fn is_cut_paragraph(page: &Page, i: usize) -> bool {
    let l = &page.lines[i];
    l.shape == Shape::TitleLike
        && !page.hint(i).caption
        && l.vietnamese
        && l.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Inside a related-article run, the body resumes at running prose that is
/// not a teaser: not under a doubled headline, not itself a headline doubled
/// on the next line, and followed by more running prose (not by the next
/// headline), by the article's closing credits, or by nothing (the last
/// paragraph), or standing under two headlines in a row (the end of a box
/// of links without teasers).
///
/// Right after the closing credits (`strict`) it takes three such
/// paragraphs, none of them a call to action of the site ("Tải ứng dụng …",
/// "Đăng ký …"); once they were read (`closed`), the page's last line is no
/// paragraph.
fn resumes_body(page: &Page, i: usize, seen: &FastSet<&str>, strict: bool, closed: bool) -> bool {
    let lines = page.lines;
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
    let headline =
        |j: usize| lines[j].shape == Shape::TitleLike && title::headline_shaped(&lines[j]);
    // Under two headlines in a row, a box of links without teasers ends.
    let after_box = i >= 2 && headline(i - 1) && headline(i - 2);
    // Under one headline stands its teaser.
    let teaser_place = i >= 1 && headline(i - 1) && !after_box;
    // The page's last line may be the body's last paragraph, cut short or
    // not: running text of a paragraph's length after a box of links.
    let last = next.is_none() && !closed && !teaser_place && page.is_text(i, RESUME_WORDS);
    if !(l.is_running_prose() || last) || seen.contains(l.key.as_str()) || doubled_at(i) {
        return false;
    }
    if i >= 1 && doubled_at(i - 1) || i >= 2 && doubled_at(i - 2) {
        return false;
    }
    last || after_box
        || next.is_some_and(|n| {
            ((n.is_running_prose() || page.is_text(i + 1, RESUME_WORDS))
                && !doubled_at(i + 1)
                && !n.key.is_empty())
                || matches!(n.shape, Shape::Byline | Shape::Source | Shape::Dateline)
        })
}

/// Dateline, byline and source lines set the article's metadata.
fn take_metadata(a: &mut Article, l: &Line) -> bool {
    let why = match l.shape {
        Shape::Dateline => {
            if a.published.is_none() {
                a.published = metadata::published(l.text);
            }
            RemovalReason::Dateline
        }
        Shape::Byline => {
            a.byline.get_or_insert_with(|| metadata::byline(l.text));
            RemovalReason::Byline
        }
        Shape::Source => {
            a.source.get_or_insert_with(|| metadata::source(l.text));
            RemovalReason::Source
        }
        _ => return false,
    };
    remove(a, l, why);
    true
}

/// A headline followed by its own copy, a headline doubled on one line, or
/// a headline over a teaser cut short that no more prose follows: the start
/// of a related-article run.
fn opens_related_run(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    let next = lines.get(i + 1);
    if l.shape == Shape::Prose && !l.is_cut_short() && !l.is_question() {
        return false;
    }
    if next.is_some_and(|n| n.key == l.key && l.words >= 3) && title::headline_shaped(l) {
        return true;
    }
    let teaser_follows = next.is_some_and(|n| n.shape == Shape::Prose && n.is_cut_short())
        && !lines.get(i + 2).is_some_and(Line::is_running_prose);
    undoubled(l.text).is_some() || (l.shape == Shape::TitleLike && teaser_follows)
}

/// "- …", "+ …", "• …", "* …", "– …", "1. …", "2) …": an item of a list.
fn is_list_item(t: &str) -> bool {
    let numbered = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['.', ')'])
        .is_some_and(|r| r.starts_with(' '))
        && t.starts_with(|c: char| c.is_ascii_digit());
    (numbered
        || ["- ", "+ ", "• ", "* ", "– ", "· "]
            .iter()
            .any(|b| t.starts_with(b)))
        && t.split_whitespace().count() >= 3
}

/// A paragraph that announces a list ("Các nhóm giải pháp gồm:"), or an item of one.
fn opens_list(p: &str) -> bool {
    p.trim_end().ends_with(':') || is_list_item(p)
}
