//! Syllable tokens: the unit every cue list is matched on. A word token is a
//! run of letters and digits (one Vietnamese syllable, or a number); every
//! other visible character is a punctuation token of its own.

use crate::normalise::compose::{is_alphanumeric, to_lowercase};
use std::ops::Range;

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits.
    Word,
    /// One punctuation character.
    Punct,
}

/// One token of the text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Lower-cased form, for matching.
    pub lower: String,
    /// Word or punctuation.
    pub kind: TokenKind,
    /// The token begins with an upper-case letter.
    pub capitalised: bool,
}

impl Token {
    /// A word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// A punctuation token equal to `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.lower.starts_with(c)
    }
    /// A word made of digits only.
    pub fn is_number(&self) -> bool {
        self.is_word() && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Tokens of `text[range]`, with byte ranges into `text`. `range` must lie
/// on char boundaries (sentence spans do).
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    // About one token per four bytes of Vietnamese text.
    let mut out = Vec::with_capacity(slice.len() / 4);
    let mut word: Option<usize> = None;
    let flush = |out: &mut Vec<Token>, start: usize, end: usize| {
        let s = &text[start..end];
        out.push(Token {
            span: start..end,
            lower: to_lowercase(s),
            kind: TokenKind::Word,
            capitalised: s.chars().next().is_some_and(char::is_uppercase),
        });
    };
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        if is_alphanumeric(c) {
            word.get_or_insert(at);
            continue;
        }
        if let Some(start) = word.take() {
            flush(&mut out, start, at);
        }
        if !c.is_whitespace() {
            out.push(Token {
                span: at..at + c.len_utf8(),
                lower: c.to_string(),
                kind: TokenKind::Punct,
                capitalised: false,
            });
        }
    }
    if let Some(start) = word {
        flush(&mut out, start, range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation_are_tokens() {
        let text = "Chiều 12/12, tại Hà Nội.";
        let t = tokenize(text, 0..text.len());
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            ["chiều", "12", "/", "12", ",", "tại", "hà", "nội", "."]
        );
        assert!(t[0].capitalised && !t[5].capitalised);
        assert!(t[1].is_number() && t[2].is('/'));
        assert_eq!(&text[t[6].span.clone()], "Hà");
    }

    #[test]
    fn a_range_off_char_boundaries_gives_nothing() {
        assert!(tokenize("Hà", 0..2).is_empty());
    }
}
