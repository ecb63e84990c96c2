//! The shape of one line, read from the line alone: is it prose, a
//! headline-like line, a section heading, a widget, a dateline, a byline, a
//! source credit, a caption, a slug? Context (where the line sits, what is
//! around it) is [`super::layout`]'s business.

use super::patterns;
use crate::fasthash::FastSet;
use crate::normalise::compose::is_alphanumeric;
use crate::text::fold::{fold, fold_words};
use crate::text::lists::{folded, Punct};
use std::sync::LazyLock;

/// A list compared with whole folded lines ("tin lien quan").
fn word_set(data: &str) -> FastSet<String> {
    folded(data, Punct::Trimmed).collect()
}

/// A list of cues compared with a line folded with its punctuation
/// ("(anh:"), which makes a cue.
fn cue_list(data: &str) -> Vec<String> {
    folded(data, Punct::Kept).collect()
}

static SECTION_HEADINGS: LazyLock<FastSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../data/clean/section_headings.txt")));
static WIDGETS: LazyLock<Vec<String>> = LazyLock::new(|| {
    folded(include_str!("../../data/clean/widgets.txt"), Punct::Trimmed).collect()
});
/// Caption cues; "(ảnh:" goes when "ảnh:" is there (a cue is found after a
/// bracket too).
static CAPTION_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let cues = cue_list(include_str!("../../data/clean/caption_cues.txt"));
    cues.iter()
        .filter(|c| {
            !c.strip_prefix('(')
                .is_some_and(|bare| cues.iter().any(|d| d == bare))
        })
        .cloned()
        .collect()
});
static BYLINE_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| cue_list(include_str!("../../data/clean/byline_cues.txt")));
static END_HEADINGS: LazyLock<FastSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../data/clean/end_headings.txt")));
static FOOTER_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| cue_list(include_str!("../../data/clean/footer_cues.txt")));
static EDITOR_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| cue_list(include_str!("../../data/clean/editor_cues.txt")));
static DATELINE_WORDS: LazyLock<FastSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../data/clean/dateline_words.txt")));
static FUNCTION_WORDS: LazyLock<FastSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../data/clean/function_words.txt")));

/// What a line looks like on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A heading that opens a list of other articles ("Tin liên quan").
    SectionHeading,
    /// A heading after which nothing is the article's any more (comments, tags).
    EndHeading,
    /// One other article's title behind a heading on the same line
    /// ("Xem thêm: …", ">> …").
    RelatedLink,
    /// The page's tags, or a comment, behind an end heading on the same line
    /// ("Từ khóa: …", "Tags: …"): placed like a related link, removed as
    /// comments or tags.
    TagLine,
    /// Site furniture: share buttons, font size, app prompts, menus.
    Widget,
    /// A date stamp alone on its line.
    Dateline,
    /// A credited source: "(TTXVN/Tin Mẫu+)", "Theo Báo Tin Mẫu", "Nguồn: …".
    Source,
    /// An author's name alone: "Kiều Trinh", "Vũ Đạt |".
    Byline,
    /// A line with a photo credit or caption marker.
    Caption,
    /// An editor's credit or note: "Biên tập viên: …", a whole line in
    /// brackets ("(… đặt lại tiêu đề bài viết)").
    EditorNote,
    /// A URL slug or a line without any Vietnamese marks ("infographic ky nang …").
    Slug,
    /// "\[Video\] …": a media item's title.
    Bracketed,
    /// No sentence-final punctuation: a headline, menu or list item.
    TitleLike,
    /// Running text that ends like a sentence.
    Prose,
}

/// The most words a teaser cut short with "..." has.
const TEASER_WORDS: usize = 60;
/// A caption of two sentences has at most this many words.
const CAPTION_WORDS: usize = 30;
/// A photo credit ("Ảnh: ‹name›/‹agency›") has at most this many words.
const CREDIT_WORDS: usize = 12;

/// One line with what the cleaner reads off it.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line as given (normalised).
    pub text: &'a str,
    /// Folded, for comparisons.
    pub key: String,
    /// Words in the line.
    pub words: usize,
    /// Its shape.
    pub shape: Shape,
    /// Sentence-shaped text runs through it though it lacks a final stop:
    /// long, with a sentence break inside (a paragraph that lost its stop or
    /// ends in its author's name; glued headlines have no break).
    pub runs_on: bool,
    /// Reads as Vietnamese: marked letters in a good share of its words, or
    /// many Vietnamese function words (text typed without marks).
    pub vietnamese: bool,
    /// A blank line stands above it: it opens a new block of the paste.
    pub gap_before: bool,
}

impl<'a> Line<'a> {
    /// Reads the shape of `text`.
    pub fn new(text: &'a str) -> Line<'a> {
        let key = fold(text);
        let words = text.split_whitespace().count();
        let shape = shape_of(text, &key, words);
        let runs_on = shape == Shape::TitleLike && words >= 15 && runs_through(text);
        let vietnamese =
            matches!(shape, Shape::Prose | Shape::TitleLike) && is_vietnamese(text, &key);
        Line {
            text,
            key,
            words,
            shape,
            runs_on,
            vietnamese,
            gap_before: false,
        }
    }

    /// The same line, opening a new block of the paste when `gap` says so.
    pub fn after_gap(self, gap: bool) -> Line<'a> {
        Line {
            gap_before: gap,
            ..self
        }
    }

    /// Ends in "..." or "…" at a teaser's length: a teaser cut short (or,
    /// rarely, a real paragraph). A longer line that ends so is a paragraph
    /// or a whole body trailing off.
    pub fn is_cut_short(&self) -> bool {
        let t = self.text.trim_end_matches(['"', '”', '’', ')', ' ']);
        self.words <= TEASER_WORDS && (t.ends_with("...") || t.ends_with('…'))
    }

    /// Sentence-shaped running text of some length: what article bodies are
    /// made of (a sentence a line included).
    pub fn is_running_prose(&self) -> bool {
        self.shape == Shape::Prose && self.words >= 8 && !self.is_cut_short()
    }

    /// Ends in a question mark.
    pub fn is_question(&self) -> bool {
        self.text
            .trim_end_matches(['"', '”', '’', ')', ' '])
            .ends_with('?')
    }

    /// Ends in "?" or "!": a headline's ending as often as a sentence's.
    pub fn is_exclaimed(&self) -> bool {
        self.text
            .trim_end_matches(['"', '”', '’', ')', ' '])
            .ends_with(['?', '!'])
    }

    /// "… ảnh 1‹caption›": an image's alt text glued to its numbered caption.
    pub fn has_glued_alt(&self) -> bool {
        let t = self.text;
        t.match_indices("ảnh ")
            .any(|(i, m)| t[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
    }
}

/// Photo credit cues ("ảnh:", "(ảnh -", "photo:"): the caption cues that
/// end in a colon or a dash, after which a credit names who took the photo.
static CREDIT_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    cue_list(include_str!("../../data/clean/caption_cues.txt"))
        .into_iter()
        .filter(|c| c.ends_with([':', '-']))
        .collect()
});

/// The parts of a caption that are not its words about the photo: a
/// WordPress shortcode opening it ("\[caption id=… width=…\]") and the photo
/// credit closing it (from [`credit_start`]), as byte ranges of `caption`.
pub fn caption_furniture(caption: &str) -> impl Iterator<Item = std::ops::Range<usize>> {
    let shortcode = caption
        .starts_with("[caption")
        .then(|| caption.find(']').map(|end| 0..end + 1))
        .flatten();
    let credit = credit_start(caption).map(|at| at..caption.len());
    shortcode.into_iter().chain(credit)
}

/// Where the photo credit of a caption starts ("… hội nghị. (Ảnh: Lục
/// Vân)" → at "(Ảnh:"); a credit runs to the caption's end. `None` when the
/// caption has none. The credit names the photographer or the agency, not
/// what the article is about.
pub fn credit_start(caption: &str) -> Option<usize> {
    // Folded letter by letter, each with its place in `caption`: the fold of
    // one letter is one letter, so a cue found in the fold maps back. A
    // space before a colon goes, as in a line's shape ("Photo :" is "photo:").
    let mut folded = String::with_capacity(caption.len());
    let mut from = Vec::with_capacity(caption.len());
    for (i, c) in caption.char_indices() {
        if c == ' ' && caption[i + 1..].starts_with(':') {
            continue;
        }
        if let Some(f) = crate::text::chars::fold_char(c) {
            from.push((folded.len(), i));
            folded.push(f);
        }
    }
    let at = CREDIT_CUES
        .iter()
        .filter_map(|cue| folded.find(cue.as_str()))
        .min()?;
    from.iter().find(|&&(f, _)| f == at).map(|&(_, i)| i)
}

/// Words with a Vietnamese letter (a marked vowel or "đ": Latin-1 and
/// Latin Extended-A/B, U+00C0–U+01BF, or Latin Extended Additional,
/// U+1E00–U+1EFF) make up a fifth of the line at least, or function words a
/// quarter of it. Read from the UTF-8 bytes, in one pass.
fn is_vietnamese(text: &str, key: &str) -> bool {
    let (mut words, mut marked) = (0usize, 0usize);
    let (mut in_word, mut word_marked) = (false, false);
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_whitespace() {
            if in_word {
                words += 1;
                marked += usize::from(word_marked);
            }
            (in_word, word_marked) = (false, false);
            continue;
        }
        in_word = true;
        word_marked |=
            (0xC3..=0xC6).contains(&c) || (c == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB)));
    }
    if in_word {
        words += 1;
        marked += usize::from(word_marked);
    }
    marked * 5 >= words || function_word_density(key) >= 0.25
}

/// Sentences run through `text`: two sentence breaks inside it, or one
/// with a clause of four words or more after it (not "… chậm. Đóng", a
/// banner's close button). A break is ". ", "? " or "! " after a word of two
/// lower-case letters or more (not "TP." or "TS.") and before a capital.
fn runs_through(text: &str) -> bool {
    let mut breaks = text.match_indices(['.', '?', '!']).filter(|&(i, _)| {
        let lower = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .take(2)
            .filter(|c| c.is_lowercase())
            .count()
            == 2;
        lower
            && text.as_bytes().get(i + 1) == Some(&b' ')
            && text[i + 2..].starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
    });
    match (breaks.next(), breaks.next()) {
        (Some(_), Some(_)) => true,
        (Some((i, _)), None) => text[i + 2..].split_whitespace().count() >= 4,
        _ => false,
    }
}

/// Sentence-final punctuation, allowing closing quotes and brackets after it.
pub fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '»', ')', ']', ' ', '*']);
    t.ends_with(['.', '!', '?', '…', ';', ':']) || t.ends_with("./.")
}

/// Share of words that are Vietnamese function words.
pub fn function_word_density(key: &str) -> f32 {
    let mut n = 0;
    let mut hits = 0;
    for w in key
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
    {
        n += 1;
        hits += usize::from(FUNCTION_WORDS.contains(w));
    }
    if n == 0 {
        0.0
    } else {
        hits as f32 / n as f32
    }
}

fn shape_of(text: &str, key: &str, words: usize) -> Shape {
    // "Bình luận (3)": a heading may carry a count.
    let heading =
        key.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' '));
    if END_HEADINGS.contains(heading) && words <= 8 {
        return Shape::EndHeading;
    }
    if SECTION_HEADINGS.contains(heading) && words <= 8 {
        return Shape::SectionHeading;
    }
    if let Some(shape) = inline_heading(text, key) {
        return shape;
    }
    let sentence = ends_like_sentence(text);
    // Folded with its punctuation, once for every cue list below ("Photo :"
    // reads as "photo:").
    let mut lower = fold_words(text);
    if lower.contains(" :") {
        lower = lower.replace(" :", ":");
    }
    if is_source(text, key, &lower, words, sentence) {
        return Shape::Source;
    }
    if is_widget(text, key, &lower, words, sentence) {
        return Shape::Widget;
    }
    if is_dateline(text, key, words) {
        return Shape::Dateline;
    }
    if is_byline(text, &lower, words, sentence) {
        return Shape::Byline;
    }
    if names_web_address(text, words, sentence) {
        return Shape::Widget;
    }
    if lower.starts_with("[caption") || has_caption_cue(&lower, words) {
        return Shape::Caption;
    }
    if is_editor_note(text, &lower, words) {
        return Shape::EditorNote;
    }
    if text.starts_with('[') && patterns::starts_bracketed(text) {
        return Shape::Bracketed;
    }
    if is_slug(text, words) {
        return Shape::Slug;
    }
    // A long line that only lacks its final stop stays headline-shaped: several
    // related headlines glued into one line look just like it.
    if sentence {
        Shape::Prose
    } else {
        Shape::TitleLike
    }
}

/// A caption: a caption cue opens the line or stands in it, with nothing
/// but the caption around it. A credit cue ("Ảnh:", "(Ảnh: …)") closes a
/// caption: a line that runs on past the credit is a paragraph with a
/// credit glued to it (or a whole body on one line). A cue that introduces
/// a caption ("Chú thích ảnh", "Ảnh minh họa") has no sentence after its
/// own. Before the cue stands one sentence, or two in a short line.
fn has_caption_cue(lower: &str, words: usize) -> bool {
    let Some((at, cue)) = first_caption_cue(lower) else {
        return false;
    };
    // A credit inside the line follows the caption's end or a bracket, a
    // dash or a bar ("… hội nghị. Ảnh: X", "(Ảnh: X)"), not a word: "chụp
    // ảnh: …" is a sentence about photos.
    let after = lower[..at].trim_end();
    let placed = at == 0
        || after.is_empty()
        || after.ends_with(['.', '!', '?', ')', '(', '|', '-', '–', ',', ';', ':'])
        || cue.starts_with(['(', '-']);
    if cue.ends_with(':') && !placed {
        return false;
    }
    let before = sentence_breaks(&lower[..at]);
    if before >= 2 || (before == 1 && words > CAPTION_WORDS) {
        return false;
    }
    let rest = &lower[at + cue.len()..];
    if !cue.ends_with(':') {
        return sentence_breaks(rest) == 0;
    }
    // A credit: in brackets, only a mark may follow the closing bracket;
    // bare, it is a short name to the end of the line or to a bar ("Ảnh:
    // ‹name› | ‹caption›").
    let bracketed = cue.starts_with('(') || lower[..at].ends_with('(');
    match (bracketed, rest.find(')')) {
        (true, Some(close)) => rest[close + 1..].split_whitespace().count() <= 2,
        _ => {
            let credit = rest.split('|').next().unwrap_or(rest);
            sentence_breaks(rest) == 0 && credit.split_whitespace().count() <= CREDIT_WORDS
        }
    }
}

/// The first caption cue in `lower` that opens the line or stands after a
/// space, a bracket or a dash; the longer cue where two start at one place
/// ("ảnh minh họa:" over "ảnh minh họa"). One search a cue (most lines hold
/// none).
fn first_caption_cue(lower: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    // Most lines have no colon, so most cues (credits: "Ảnh:") cannot stand in them.
    let colon = lower.contains(':');
    for cue in CAPTION_CUES.iter().filter(|c| colon || !c.contains(':')) {
        let placed = lower.match_indices(cue.as_str()).find(|&(at, _)| {
            at == 0 || lower[..at].ends_with([' ', '(', '-']) || cue.starts_with('(')
        });
        if let Some((at, _)) = placed {
            let better = best.map_or(true, |(b, c)| at < b || (at == b && cue.len() > c.len()));
            if better {
                best = Some((at, cue.as_str()));
            }
        }
    }
    best
}

/// Sentence breaks in folded text: ". " before a letter or digit.
fn sentence_breaks(s: &str) -> usize {
    s.match_indices(". ")
        .filter(|(i, _)| s[i + 2..].starts_with(|c: char| c.is_alphanumeric()))
        .count()
}

/// The folded `key` starts with a widget cue ("tai ung dung", "dang ky").
pub fn starts_with_widget_cue(key: &str) -> bool {
    WIDGETS.iter().any(|w| {
        key == w || (key.starts_with(w.as_str()) && key.as_bytes().get(w.len()) == Some(&b' '))
    })
}

fn is_widget(text: &str, key: &str, lower: &str, words: usize, sentence: bool) -> bool {
    // Markup read as text ("<p>…</p>", "<script>"): the page's code.
    if has_markup(text) {
        return true;
    }
    // The site's footer, at any length: "© …", "Tổng biên tập: …", "Giấy phép số …".
    if text.starts_with('©') || FOOTER_CUES.iter().any(|c| lower.starts_with(c.as_str())) {
        return true;
    }
    // "Chia sẻ:", "Theo dõi:": a widget's label may end in a colon.
    let labelled = text.trim_end().ends_with(':');
    key.is_empty() || (words <= 8 && (!sentence || labelled) && starts_with_widget_cue(key))
}

/// An HTML tag in the line: "<" then a letter, "/" or "!", and a ">" after it.
fn has_markup(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        let rest = &text[i + 1..];
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && rest.contains('>')
    })
}

/// "Theo dõi Baomau.vn trên", "https://…": a short line naming a web
/// address (checked after bylines: "Hải Yến/BAOMAU.VN" is a byline).
fn names_web_address(text: &str, words: usize, sentence: bool) -> bool {
    (words <= 8 && !sentence || words == 1) && patterns::names_domain(text)
}

/// "15 phút trước" (folded): a site's relative time stamp, never an
/// article's own text.
pub(crate) fn is_relative_stamp(key: &str) -> bool {
    patterns::is_relative_stamp(key)
}

/// A date stamp alone, or with a few words of a source's name ("Tuổi Trẻ,
/// 08:35 19/07/2014"); a relative stamp ("15 phút trước").
fn is_dateline(text: &str, key: &str, words: usize) -> bool {
    // Every pattern needs a digit.
    if words > 12 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if words <= 4 && is_relative_stamp(key) {
        return true;
    }
    let dated = patterns::has_date(text);
    if !(dated || patterns::clock(text, true).is_some()) {
        return false;
    }
    // Mostly digits, separators, weekday and zone words: little else; a
    // full date may carry a short name (the source's) besides.
    let mut letters = 0;
    let mut other_words = 0;
    for w in key
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !DATELINE_WORDS.contains(*w))
    {
        other_words += 1;
        letters += w.len();
    }
    other_words == 0 || (dated && other_words <= 4 && letters <= 24)
}

/// Every word of `text` is a dateline's ("Thứ Bảy", "Cập nhật").
pub(crate) fn dateline_words_only(text: &str) -> bool {
    fold(text)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| DATELINE_WORDS.contains(w))
}

/// "Biên tập viên: …", "(… đặt lại tiêu đề bài viết)": an editor's credit,
/// or a note in brackets standing as a whole line.
fn is_editor_note(text: &str, lower: &str, words: usize) -> bool {
    if words <= 12 && EDITOR_CUES.iter().any(|c| lower.starts_with(c.as_str())) {
        return true;
    }
    let t = text.trim_end_matches(['.', ' ']);
    (3..=30).contains(&words)
        && t.starts_with('(')
        && t.ends_with(')')
        && !t[1..t.len() - 1].contains(['(', ')'])
}

fn is_source(text: &str, key: &str, lower: &str, words: usize, sentence: bool) -> bool {
    if words <= 5 && patterns::is_paren_credit(text) {
        // "(TTXVN/Tin Mẫu+)", not "(3/12)" nor a credit "(Ảnh: …)".
        return text.chars().any(|c| c.is_uppercase()) && !text.contains(':');
    }
    // "Theo Báo Tin Mẫu", not "Theo dõi …": the credited name is capitalised.
    let theo = key.starts_with("theo ")
        && text.starts_with(char::is_uppercase)
        && text
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    (theo && words <= 8 && !sentence)
        || (words <= 8 && key.starts_with("nguon") && lower.starts_with("nguon:"))
}

/// A line opened by a heading of another part of the page, with that part's
/// content on the same line: a related link (">> ‹title›", "» ‹title›", "Xem
/// thêm: ‹title›", "Tin liên quan: ‹title›") or the page's tags ("Từ khóa:
/// a, b").
fn inline_heading(text: &str, key: &str) -> Option<Shape> {
    let t = text.trim_start();
    if (t.starts_with(">>") || t.starts_with('»') || t.starts_with("=>"))
        && t.split_whitespace().count() >= 3
    {
        return Some(Shape::RelatedLink);
    }
    let (head, rest) = t.split_once(':')?;
    if rest.trim().is_empty() {
        return None;
    }
    let head = fold(head);
    if key.len() <= head.len() {
        None
    } else if SECTION_HEADINGS.contains(&head) {
        Some(Shape::RelatedLink)
    } else if END_HEADINGS.contains(&head) {
        Some(Shape::TagLine)
    } else {
        None
    }
}

fn is_slug(text: &str, words: usize) -> bool {
    words >= 3
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ' || c == '-')
        && text.chars().any(|c| c.is_ascii_lowercase())
}

/// An author's name alone ("Kiều Trinh", "Vũ Đạt |", "PV"), several names
/// ("Khánh Linh - Bảo Ngọc", "Lan Hương, Đức Mạnh"), or a cue and names
/// ("Bài và ảnh: Diệp Khanh", "Nhóm phóng viên").
fn is_byline(text: &str, lower: &str, words: usize, sentence: bool) -> bool {
    if sentence || words > 10 {
        return false;
    }
    if let Some(cue) = BYLINE_CUES.iter().find(|c| lower.starts_with(c.as_str())) {
        let rest = text
            .get(
                text.char_indices()
                    .nth(cue.chars().count())
                    .map_or(text.len(), |(i, _)| i)..,
            )
            .unwrap_or("");
        return rest.trim().is_empty() || names_only(rest);
    }
    names_only(text)
}

/// Capitalised words only, in groups of one to four (a name's syllables) joined by "-", ",", "/" or "và".
pub(crate) fn names_only(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['|', '-', ' ', '–'])
        .trim_start_matches(['|', '-', ' ', '–']);
    // "Tô Ngân (theo AFP)": the agency in brackets is not a name.
    let t = crate::clean::metadata::without_credit(t);
    // "Hà Yên/ Báo Mẫu Sáng": the names, then the outlet they write for.
    if let Some((names, outlet)) = t.rsplit_once('/') {
        let outlet = outlet.trim();
        let outlet_words = outlet.split_whitespace().count();
        if outlet.starts_with(char::is_uppercase) && (2..=5).contains(&outlet_words) {
            return names_only(names);
        }
    }
    let t = t.replace('/', " / ");
    let t = t.as_str();
    if t.is_empty() || t.chars().count() > 60 {
        return false;
    }
    let mut group = 0;
    let mut groups = Vec::new();
    for w in t.split_whitespace() {
        let w = w.trim_end_matches(',');
        let sep = matches!(w, "-" | "–" | "/" | "và" | "&" | "");
        if sep {
            groups.push(group);
            group = 0;
            continue;
        }
        if !(w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.'))
        {
            return false;
        }
        group += 1;
    }
    groups.push(group);
    let single_upper = |t: &str| t.chars().all(|c| c.is_uppercase() || c == '.' || c == ' ');
    groups.iter().all(|&g| (1..=4).contains(&g))
        && (groups.iter().any(|&g| g >= 2) || single_upper(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> Shape {
        Line::new(s).shape
    }

    #[test]
    fn headings_widgets_and_datelines() {
        assert_eq!(shape("Tin liên quan"), Shape::SectionHeading);
        assert_eq!(shape("ĐỌC THÊM:"), Shape::SectionHeading);
        assert_eq!(shape("Theo dõi Baomau.vn trên"), Shape::Widget);
        assert_eq!(shape("Phiên bản di động"), Shape::Widget);
        assert_eq!(shape("aa"), Shape::Widget);
        assert_eq!(shape("17:05 | 23/03/2021 GMT+7"), Shape::Dateline);
        assert_eq!(shape("Thứ Sáu, 11/06/2021 - 07:48"), Shape::Dateline);
    }

    #[test]
    fn web_addresses_in_any_case() {
        for line in [
            "HTTPS://a",
            "Http://a",
            "xem WWW.a",
            "Theo dõi BaoMau.Vn trên",
            "tin.COM",
        ] {
            assert!(names_web_address(line, 3, false), "{line}");
        }
        for line in ["httpx://a", "ww.a", "Baomau.vnx", "Baomau.vnt"] {
            assert!(!names_web_address(line, 3, false), "{line}");
        }
    }

    #[test]
    fn bylines_sources_captions() {
        assert_eq!(shape("Kiều Trinh"), Shape::Byline);
        assert_eq!(shape("Vũ Đạt |"), Shape::Byline);
        assert_eq!(shape("Tô Ngân (theo AFP)"), Shape::Byline);
        assert_eq!(shape("Hải Yến/BAOMAU.VN"), Shape::Byline);
        assert_eq!(shape("Hải Yến/ Báo Mẫu Sáng"), Shape::Byline);
        assert_eq!(shape("Tin trong nước/ Báo Mẫu Sáng"), Shape::TitleLike);
        assert_eq!(shape("Khánh Linh - Bảo Ngọc"), Shape::Byline);
        assert_eq!(shape("Đội bóng chuyền nữ tập trung"), Shape::TitleLike);
        assert_eq!(shape("(TTXVN/Tin Mẫu+)"), Shape::Source);
        assert_eq!(shape("Theo Báo Tin Mẫu"), Shape::Source);
        assert_eq!(shape("Nguồn: tinmau.vn"), Shape::Source);
        assert_eq!(
            shape("Đoàn khách thăm xưởng dệt. (Ảnh: Kiều Trinh)"),
            Shape::Caption
        );
        assert_eq!(
            shape("Ảnh: Lục Vân/Phóng viên thường trú tại Huế"),
            Shape::Caption
        );
    }

    #[test]
    fn prose_titles_slugs() {
        assert_eq!(
            shape("Cửa hàng mở cửa lại sau ba tuần sửa chữa."),
            Shape::Prose
        );
        assert_eq!(
            shape("Mùa mận chín sớm trên cao nguyên đá Đồng Văn"),
            Shape::TitleLike
        );
        assert_eq!(
            shape("infographic cach trong rau sach tai nha"),
            Shape::Slug
        );
        assert_eq!(shape("[Video] Đêm hội đèn lồng bên sông"), Shape::Bracketed);
        // A body sentence that mentions a newspaper is still prose.
        assert_eq!(
            shape("Theo Báo Tin Mẫu, chợ phiên sẽ họp thêm một buổi vào chiều thứ bảy."),
            Shape::Prose
        );
        assert!(Line::new("Chiều 3/6 ở Bến Tre, hội nông dân đã trao cho bà ...").is_cut_short());
    }

    #[test]
    fn a_credit_closes_a_caption() {
        let c = "Đoàn khách thăm xưởng dệt. (Ảnh: Kiều Trinh)";
        assert_eq!(credit_start(c).map(|i| &c[i..]), Some("(Ảnh: Kiều Trinh)"));
        let c = "Mùa mận ở Đồng Văn. ẢNH: TTXVN";
        assert_eq!(credit_start(c).map(|i| &c[i..]), Some("ẢNH: TTXVN"));
        let c = "Photo : Lục Vân";
        assert_eq!(credit_start(c), Some(0));
        assert_eq!(credit_start("Cầu mới bắc qua sông Hương"), None);
        let c = "[caption id=\"a_12\" width=\"800\"] Cầu mới. Ảnh: Lục Vân[/caption]";
        let parts: Vec<&str> = caption_furniture(c).map(|r| &c[r]).collect();
        assert_eq!(
            parts,
            [
                "[caption id=\"a_12\" width=\"800\"]",
                "Ảnh: Lục Vân[/caption]"
            ]
        );
    }

    #[test]
    fn function_words_mark_prose() {
        assert!(
            function_word_density(&fold(
                "Bà con đã mang cá và rau ra chợ để bán cho khách từ xa đến"
            )) > 0.2
        );
        assert!(function_word_density(&fold("Giám đốc Sở Nông nghiệp Lâm Đồng")) < 0.1);
    }
}
