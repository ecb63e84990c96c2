//! The reader's own tone placement, given back in the output.
//!
//! The normaliser moves the tone of open `oa`/`oe`/`uy` syllables to the
//! modern place ("hoà" → "hòa") so that the word lists and rules see one
//! spelling. A reader who pasted "Thanh Hoá" expects to read "Thanh Hoá" in
//! the clean article, the title and the highlighted names, not a silent
//! correction. [`Spellings`] remembers where the normaliser respelled a word
//! and, at the end of the pipeline, [`Spellings::restore`] writes it back.
//!
//! Pages mix the two placements (a headline typed "Thanh Hoá", a body typed
//! "Thanh Hóa"), so a word is given back where it was respelled, not
//! everywhere: an output word whose words around it, on its line, are the
//! words around a respelled one in the normalised paste is that one. A word
//! the paste wrote one way only needs no such check. Moving a tone within a
//! word keeps its UTF-16 length (every vowel is one code unit), so the
//! offsets the output holds stay true.

use std::collections::HashMap;
use std::ops::Range;

use super::compose;

/// Bytes of context on each side that place an output word in the paste.
const CONTEXT: usize = 16;

/// Above this many respellings of one word on a page written both ways,
/// placing each output word would cost more than it is worth: the modern
/// form stays.
const MAX_PLACED: usize = 64;

/// Where the normaliser respelled words, and how the paste wrote them.
#[derive(Debug, Default)]
pub struct Spellings {
    words: HashMap<String, Respelled>,
    /// The normalised texts, one after another (kept only when a word was
    /// respelled), which the respelling positions index.
    source: String,
    /// Where the current text starts in `source`.
    base: usize,
}

#[derive(Debug)]
struct Respelled {
    /// The ways the paste wrote it (usually one).
    originals: Vec<String>,
    /// Each respelling: its byte offset in `source`, and which original.
    at: Vec<(usize, usize)>,
    /// The normalised texts also hold the modern form as typed, or the
    /// paste wrote the word in two old ways: it must be placed.
    mixed: bool,
}

impl Spellings {
    /// Notes that the normaliser wrote `original` as `modern` at byte `at`
    /// of the text it is making.
    pub(crate) fn record(&mut self, modern: &str, original: &str, at: usize) {
        let r = self
            .words
            .entry(modern.to_string())
            .or_insert_with(|| Respelled {
                originals: Vec::new(),
                at: Vec::new(),
                mixed: false,
            });
        let which = match r.originals.iter().position(|o| o == original) {
            Some(i) => i,
            None => {
                r.originals.push(original.to_string());
                r.originals.len() - 1
            }
        };
        r.mixed |= which > 0;
        r.at.push((self.base + at, which));
    }

    /// Keeps the normalised `text` the last recorded positions index, and
    /// starts the next text after it.
    pub(crate) fn end_text(&mut self, text: &str) {
        if self.words.is_empty() {
            self.base += text.len() + 1;
            return;
        }
        // Texts before the first respelled word were not kept: pad so that
        // positions stay true without holding their bytes.
        let pad = self.base.saturating_sub(self.source.len());
        self.source.extend(std::iter::repeat('\n').take(pad));
        self.source.push_str(text);
        self.source.push('\n');
        self.base = self.source.len();
    }

    /// Marks as mixed every respelled word that the normalised texts hold
    /// more often than the normaliser respelled it: the paste also wrote its
    /// modern form. Call once, after the last [`Spellings::end_text`].
    pub(crate) fn settle(&mut self) {
        if self.words.is_empty() {
            return;
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (_, word) in word_spans(&self.source) {
            if self.words.contains_key(word) {
                *seen.entry(word).or_default() += 1;
            }
        }
        for (modern, r) in &mut self.words {
            r.mixed |= seen.get(modern.as_str()).copied().unwrap_or(0) > r.at.len();
        }
    }

    /// True when no word was respelled.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// `s`, a string of the output cut from the normalised text (a title, a
    /// paragraph, a line), with every respelled word written as the paste
    /// wrote it there; `None` when no word of `s` changes.
    pub fn restore(&self, s: &str) -> Option<String> {
        self.rewrite(s, true)
    }

    /// `s`, a string the stages made (a canonical name, a role), with the
    /// words the paste wrote in the old placement only, and never in the
    /// modern one, written that way; `None` when no word of `s` changes.
    pub fn restore_words(&self, s: &str) -> Option<String> {
        self.rewrite(s, false)
    }

    /// Restores `s`, cut from the text, in place ([`Spellings::restore`]).
    pub fn restore_in(&self, s: &mut String) {
        if let Some(r) = self.restore(s) {
            *s = r;
        }
    }

    /// Restores `s`, made by the stages, in place ([`Spellings::restore_words`]).
    pub fn restore_words_in(&self, s: &mut String) {
        if let Some(r) = self.restore_words(s) {
            *s = r;
        }
    }

    /// `s` with its respelled words given back: placed by their context
    /// when `placed`, else only the words the paste wrote one way.
    fn rewrite(&self, s: &str, placed: bool) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut out: Option<String> = None;
        let mut last = 0;
        for (at, word) in word_spans(s) {
            let Some(r) = self.words.get(word) else {
                continue;
            };
            let original = match (r.mixed, placed) {
                (false, _) => r.originals.first().map(String::as_str),
                (true, true) => self.original(r, s, at..at + word.len()),
                (true, false) => None,
            };
            let Some(original) = original else {
                continue;
            };
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 8));
            o.push_str(&s[last..at]);
            o.push_str(original);
            last = at + word.len();
        }
        let mut o = out?;
        o.push_str(&s[last..]);
        Some(o)
    }

    /// How the paste wrote the mixed word at bytes `word` of `s`, if the
    /// words around it there are the words around a respelled one.
    fn original<'a>(&'a self, r: &'a Respelled, s: &str, word: Range<usize>) -> Option<&'a str> {
        if r.at.len() > MAX_PLACED {
            return None;
        }
        let (s, src) = (s.as_bytes(), self.source.as_bytes());
        let (at, word_len) = (word.start, word.len());
        // The context ends at a line end of `s`: lines are joined otherwise
        // in the output than in the paste.
        let line_start = s[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = s[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(s.len(), |i| at + i);
        let left = &s[line_start.max(at.saturating_sub(CONTEXT))..at];
        let right = &s[at + word_len..line_end.min(at + word_len + CONTEXT)];
        r.at.iter()
            .find(|&&(p, _)| {
                p >= left.len()
                    && &src[p - left.len()..p] == left
                    && src
                        .get(p + word_len..p + word_len + right.len())
                        .is_some_and(|x| x == right)
            })
            .map(|&(_, which)| r.originals[which].as_str())
    }
}

/// The words of `s` (runs of letters, as the normaliser reads them) with
/// their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| compose::is_alphabetic(c))?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !compose::is_alphabetic(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, &s[start..end]))
    })
}

#[cfg(test)]
mod tests {
    use crate::normalise::normalise_keeping_spellings;

    fn restored(raw: &str) -> String {
        let (text, spellings) = normalise_keeping_spellings(raw);
        spellings.restore(&text).unwrap_or(text)
    }

    #[test]
    fn the_old_placement_comes_back() {
        let (text, spellings) = normalise_keeping_spellings("Đội Khánh Hoà thắng, sức khoẻ tốt");
        assert_eq!(text, "Đội Khánh Hòa thắng, sức khỏe tốt");
        assert_eq!(
            spellings.restore("Khánh Hòa, khỏe").as_deref(),
            Some("Khánh Hoà, khoẻ")
        );
        // A word the paste did not respell is left alone, as are parts of words.
        assert_eq!(spellings.restore("hòa bình"), None);
        assert_eq!(spellings.restore("Hòan"), None);
    }

    #[test]
    fn a_page_already_in_the_modern_placement_gives_nothing_back() {
        let (_, spellings) = normalise_keeping_spellings("Khánh Hòa, Thanh Hóa, thủy điện");
        assert!(spellings.is_empty());
        assert_eq!(restored("Khánh Hòa, Thanh Hóa"), "Khánh Hòa, Thanh Hóa");
    }

    #[test]
    fn a_page_written_both_ways_gets_each_word_back_where_it_was() {
        let raw = "Đội Thanh Hoá hoà trên sân nhà\nCả trận, Thanh Hóa cầm hòa đội khách.";
        let (text, spellings) = normalise_keeping_spellings(raw);
        assert_eq!(spellings.restore(&text).as_deref(), Some(raw));
        // Each line alone, as the cleaner hands them on.
        let (head, body) = text.split_once('\n').unwrap();
        assert_eq!(
            spellings.restore(head).as_deref(),
            Some("Đội Thanh Hoá hoà trên sân nhà")
        );
        assert_eq!(spellings.restore(body), None);
        // A mention cut from the headline, with the line around it.
        assert_eq!(
            spellings.restore("Thanh Hóa hòa").as_deref(),
            Some("Thanh Hoá hoà")
        );
        // A word on no line of the paste stays modern.
        assert_eq!(spellings.restore("ở Thanh Hóa thì"), None);
        // A name the stages made is not placed: a word written both ways
        // stays modern, a word written one way comes back.
        assert_eq!(spellings.restore_words("Thanh Hóa"), None);
        let (_, one_way) = normalise_keeping_spellings("Thanh Hoá thắng, Thanh Hoá vui");
        assert_eq!(
            one_way.restore_words("Thanh Hóa").as_deref(),
            Some("Thanh Hoá")
        );
    }

    #[test]
    fn case_is_part_of_the_word_and_lengths_in_utf16_hold() {
        let raw = "THUỶ ĐIỆN Hoà Bình, tuỳ nơi";
        let (text, spellings) = normalise_keeping_spellings(raw);
        let back = spellings.restore(&text).unwrap();
        assert_eq!(back, raw);
        // "tuỳ" → "tùy" changes the byte length, never the UTF-16 one.
        assert_ne!(back.len(), text.len());
        assert_eq!(back.encode_utf16().count(), text.encode_utf16().count());
    }
}
