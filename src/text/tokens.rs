//! Tokens: the unit every word list is matched on. A word token is a run of
//! letters and digits (one Vietnamese syllable, or a number); every other
//! visible character is a punctuation token of its own. Each token carries
//! the flags the recognisers ask about (case, spacing, line and paragraph,
//! sentence start), computed once.

use super::chars::{is_alphabetic, is_alphanumeric, to_lowercase};
use std::ops::Range;

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Lower-cased form, for matching.
    pub lower: String,
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
    let mut word: Option<usize> = None;
    let mut last_end = range.start;
    let mut line = 0u32;
    let mut push = |out: &mut Vec<Token>, span: Range<usize>, is_word: bool| {
        let s = &text[span.clone()];
        let gap = &text[last_end..span.start];
        let newlines = gap.bytes().filter(|&b| b == b'\n').count();
        line += u32::try_from(newlines).unwrap_or(u32::MAX);
        let break_before = out.is_empty() || newlines >= 2;
        let after_stop = out
            .last()
            .is_some_and(|t| !t.word && matches!(t.lower.as_str(), "." | "!" | "?" | ":" | "…"));
        let (mut letters, mut lower_case) = (0usize, false);
        for c in s.chars() {
            letters += usize::from(is_alphabetic(c));
            lower_case |= c.is_lowercase();
        }
        out.push(Token {
            span: span.clone(),
            lower: to_lowercase(s),
            word: is_word,
            cap: s.chars().next().is_some_and(char::is_uppercase),
            shout: is_word && letters >= 2 && !lower_case,
            ascii: s.bytes().all(|b| b.is_ascii_alphabetic()),
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
    fn a_range_gives_spans_into_the_whole_text() {
        let text = "Chiều 12/12, tại Hà Nội.";
        let t = tokenize(text, text.find("Hà").unwrap_or(0)..text.len());
        assert_eq!(&text[t[0].span.clone()], "Hà");
        assert!(t[0].break_before && t[0].starts_sentence);
        assert!(tokenize("Hà", 0..2).is_empty());
    }
}
