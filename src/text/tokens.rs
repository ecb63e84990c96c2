//! Tokens: the unit every word list is matched on. A word token is a run of
//! letters and digits (one Vietnamese syllable, or a number); every other
//! visible character is a punctuation token of its own. Each token carries
//! the flags the recognisers ask about (case, spacing, line and paragraph,
//! sentence start) and the hash its word lists are probed with, computed
//! once. Tokenising allocates per text, not per token: the lower-case forms
//! are pieces of one string ([`Lower`]).

use super::chars::{is_alphabetic, is_alphanumeric, push_lowercase};
use crate::fasthash::FxHasher;
use std::fmt;
use std::hash::Hasher;
use std::ops::{Deref, Range};
use std::rc::Rc;

/// A token's lower-case form: its piece of the lower-cased text of the
/// tokenised range, which is made once and shared by all its tokens. It
/// reads as a `str` (`&*t.lower`, `t.lower.as_str()`, `t.lower == "năm"`).
///
/// The shared text is an `Rc<String>`, a thin pointer, not an `Rc<str>`:
/// that keeps [`Token`] at 64 bytes, one cache line (it was 72), which
/// matters when a long page's tokens no longer fit in the caches (issue 16).
#[derive(Clone)]
pub struct Lower {
    all: Rc<String>,
    range: Range<usize>,
}

impl Lower {
    /// The lower-case form.
    #[inline]
    pub fn as_str(&self) -> &str {
        self.all.get(self.range.clone()).unwrap_or("")
    }
}

impl Deref for Lower {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Lower {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Lower {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower {}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Lower {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Lower> for String {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Lower> for str {
    fn eq(&self, other: &Lower) -> bool {
        self == other.as_str()
    }
}

impl fmt::Debug for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The hash a token's lower-case form is looked up by in word lists
/// ([`Token::hash`]; [`super::phrases`] hashes its entries the same way).
#[inline]
pub fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Lower-cased form, for matching.
    pub lower: Lower,
    /// [`word_hash`] of `lower`, for word-list look-ups.
    pub hash: u64,
    /// Letters or digits (a syllable or number); otherwise one punctuation mark.
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case ("ASEAN", "VIỆT").
    pub shout: bool,
    /// Only ASCII letters.
    pub ascii: bool,
    /// The text between this token and the one before is not empty.
    pub space_before: bool,
    /// A blank line (a paragraph break) separates it from the token before;
    /// the first token has one.
    pub break_before: bool,
    /// The line it is on, counted from the start of the tokenised range.
    pub line: u32,
    /// It begins a sentence: first of its paragraph, or after `.`, `!`, `?`, `:`, `…`.
    pub starts_sentence: bool,
}

impl Token {
    /// A word token (letters or digits).
    pub fn is_word(&self) -> bool {
        self.word
    }
    /// A punctuation token equal to `c`.
    pub fn is(&self, c: char) -> bool {
        !self.word && self.lower.starts_with(c)
    }
    /// A capitalised word.
    pub fn cap_word(&self) -> bool {
        self.word && self.cap
    }
    /// A lower-case word.
    pub fn low_word(&self) -> bool {
        self.word && !self.cap && !self.lower.starts_with(|c: char| c.is_ascii_digit())
    }
    /// Digits only.
    pub fn is_number(&self) -> bool {
        self.word && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// The tokens of all of `text`.
pub fn tokenize_all(text: &str) -> Vec<Token> {
    tokenize(text, 0..text.len())
}

/// The tokens of `text[range]`, with byte ranges into `text`. A range off
/// char boundaries gives none.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    // About one token per four bytes of Vietnamese text.
    let mut out: Vec<Token> = Vec::with_capacity(slice.len() / 4);
    // Every token's lower-case form, one after another; shared at the end.
    let mut lowered = String::with_capacity(slice.len());
    let unset: Rc<String> = Rc::default();
    let mut word: Option<usize> = None;
    let mut last_end = range.start;
    let mut line = 0u32;
    let mut push = |out: &mut Vec<Token>, span: Range<usize>, is_word: bool| {
        let s = &text[span.clone()];
        let gap = &text[last_end..span.start];
        let newlines = gap.bytes().filter(|&b| b == b'\n').count();
        line += u32::try_from(newlines).unwrap_or(u32::MAX);
        let break_before = out.is_empty() || newlines >= 2;
        let after_stop = out.last().is_some_and(|t| {
            !t.word && matches!(&text[t.span.clone()], "." | "!" | "?" | ":" | "…")
        });
        let (mut letters, mut lower_case) = (0usize, false);
        let ascii = s.is_ascii();
        if ascii {
            for b in s.bytes() {
                letters += usize::from(b.is_ascii_alphabetic());
                lower_case |= b.is_ascii_lowercase();
            }
        } else {
            for c in s.chars() {
                letters += usize::from(is_alphabetic(c));
                lower_case |= c.is_lowercase();
            }
        }
        let from = lowered.len();
        push_lowercase(&mut lowered, s);
        let lower = &lowered[from..];
        out.push(Token {
            span: span.clone(),
            hash: word_hash(lower),
            lower: Lower {
                all: Rc::clone(&unset),
                range: from..lowered.len(),
            },
            word: is_word,
            cap: s.chars().next().is_some_and(char::is_uppercase),
            shout: is_word && letters >= 2 && !lower_case,
            ascii: ascii && s.bytes().all(|b| b.is_ascii_alphabetic()),
            space_before: !gap.is_empty(),
            break_before,
            line,
            starts_sentence: break_before || after_stop,
        });
        last_end = span.end;
    };
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        if is_alphanumeric(c) {
            word.get_or_insert(at);
            continue;
        }
        if let Some(start) = word.take() {
            push(&mut out, start..at, true);
        }
        if !c.is_whitespace() {
            push(&mut out, at..at + c.len_utf8(), false);
        }
    }
    if let Some(start) = word {
        push(&mut out, start..range.end, true);
    }
    let all: Rc<String> = Rc::new(lowered);
    for t in &mut out {
        t.lower.all = Rc::clone(&all);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_case_spans_lines_and_breaks() {
        let t = tokenize_all("Việt Nam-Lào.\n\nASEAN họp\nchiều 12/12");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            ["việt", "nam", "-", "lào", ".", "asean", "họp", "chiều", "12", "/", "12"]
        );
        assert!(!t[2].space_before && t[5].break_before && t[5].shout && t[5].starts_sentence);
        assert!(!t[6].cap && t[0].cap && !t[0].ascii && t[5].ascii);
        assert_eq!((t[4].line, t[5].line, t[7].line), (0, 2, 3));
        assert!(!t[7].break_before && !t[7].starts_sentence);
        assert!(t[8].is_number() && t[9].is('/') && !t[9].word);
    }

    #[test]
    fn a_token_fills_one_cache_line() {
        assert!(std::mem::size_of::<Token>() <= 64);
    }

    #[test]
    fn a_range_gives_spans_into_the_whole_text() {
        let text = "Chiều 12/12, tại Hà Nội.";
        let t = tokenize(text, text.find("Hà").unwrap_or(0)..text.len());
        assert_eq!(&text[t[0].span.clone()], "Hà");
        assert!(t[0].break_before && t[0].starts_sentence);
        assert!(tokenize("Hà", 0..2).is_empty());
    }
}
