//! One sentence as the event rules see it: its tokens and the entities that
//! lie in it, with lookups between the two. The tokens are a slice of the
//! whole text's, made once by the pipeline for every stage
//! ([`SentenceView::within`]); their flags (`break_before`,
//! `starts_sentence`, `line`) are read in the whole text.

use super::participants::RoleIndex;
use super::sentences::Sentence;
use crate::text::tokens::{tokenize, Token};
use crate::{Entity, EntityKind, Participant};
use std::borrow::Cow;
use std::ops::Range;

/// A sentence's tokens and entities.
pub struct SentenceView<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The sentence.
    pub sentence: &'a Sentence,
    /// Its tokens.
    pub tokens: Cow<'a, [Token]>,
    /// The entities inside it, by position.
    pub entities: Vec<&'a Entity>,
    /// The titles said alone in it ("đón Chủ tịch nước"), by where they
    /// start, with the one person of the article each stands for.
    pub stand_ins: Vec<(usize, Participant)>,
    /// Parenthesis depth before each token.
    depth: Vec<u32>,
}

impl<'a> SentenceView<'a> {
    /// The view of `sentence`, tokenised here; `entities` are those of the sentence.
    pub fn new(
        text: &'a str,
        sentence: &'a Sentence,
        entities: Vec<&'a Entity>,
    ) -> SentenceView<'a> {
        let tokens = Cow::Owned(tokenize(text, sentence.span.clone()));
        SentenceView::with_tokens(text, sentence, tokens, entities)
    }

    /// The view of `sentence` with its tokens taken from `all`, the tokens
    /// of the whole `text`. A sentence cut inside a word (a run of letters
    /// longer than a sentence may be) is tokenised apart.
    pub fn within(
        text: &'a str,
        all: &'a [Token],
        sentence: &'a Sentence,
        entities: Vec<&'a Entity>,
    ) -> SentenceView<'a> {
        let span = &sentence.span;
        let from = all.partition_point(|t| t.span.start < span.start);
        let to = from + all[from..].partition_point(|t| t.span.end <= span.end);
        // Tokens do not overlap: only the one before `from` may run into
        // the sentence, and only the one at `to` out of it.
        let clean_start = from == 0 || all[from - 1].span.end <= span.start;
        let clean_end = all.get(to).map_or(true, |t| t.span.start >= span.end);
        let tokens = match all.get(from..to) {
            Some(slice) if clean_start && clean_end => Cow::Borrowed(slice),
            _ => Cow::Owned(tokenize(text, span.clone())),
        };
        SentenceView::with_tokens(text, sentence, tokens, entities)
    }

    fn with_tokens(
        text: &'a str,
        sentence: &'a Sentence,
        tokens: Cow<'a, [Token]>,
        mut entities: Vec<&'a Entity>,
    ) -> SentenceView<'a> {
        entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        let mut depth = Vec::with_capacity(tokens.len());
        let mut d: u32 = 0;
        for t in tokens.iter() {
            if t.is(')') || t.is(']') {
                d = d.saturating_sub(1);
            }
            depth.push(d);
            if t.is('(') || t.is('[') {
                d += 1;
            }
        }
        SentenceView {
            text,
            sentence,
            tokens,
            entities,
            stand_ins: Vec::new(),
            depth,
        }
    }

    /// The view that reads a title said alone ("đón Chủ tịch nước") as the
    /// one person of the article who holds it.
    pub fn with_roles(mut self, roles: &RoleIndex) -> SentenceView<'a> {
        if !roles.is_empty() {
            self.stand_ins = roles.stand_ins(&self);
        }
        self
    }

    /// Whether token `i` is inside parentheses.
    pub fn in_parens(&self, i: usize) -> bool {
        self.depth.get(i).is_some_and(|&d| d > 0)
    }

    /// Byte range of the tokens `r` (empty at the end of the sentence).
    pub fn bytes(&self, r: Range<usize>) -> Range<usize> {
        let end_of = |i: usize| {
            self.tokens
                .get(i)
                .map_or(self.sentence.span.end, |t| t.span.start)
        };
        if r.start >= r.end {
            let at = end_of(r.start);
            return at..at;
        }
        let start = self
            .tokens
            .get(r.start)
            .map_or(self.sentence.span.end, |t| t.span.start);
        let end = self
            .tokens
            .get(r.end - 1)
            .map_or(self.sentence.span.end, |t| t.span.end);
        start..end
    }

    /// The text of the tokens `r`.
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        let b = self.bytes(r);
        self.text.get(b).unwrap_or("")
    }

    /// Entities of one of `kinds` lying wholly within tokens `r`.
    pub fn entities_in<'b>(
        &'b self,
        r: Range<usize>,
        kinds: &'b [EntityKind],
    ) -> impl Iterator<Item = &'a Entity> + 'b {
        let b = self.bytes(r);
        self.entities.iter().copied().filter(move |e| {
            kinds.contains(&e.kind)
                && e.span.start >= b.start
                && e.span.end <= b.end
                && b.start < b.end
        })
    }

    /// The token index at which byte `b` starts (or the next token).
    pub fn token_at(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < b)
    }

    /// The token index just past byte `b`.
    pub fn token_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= b)
    }

    /// Whether token `i` lies inside an entity of one of `kinds`.
    pub fn inside(&self, i: usize, kinds: &[EntityKind]) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        self.entities.iter().any(|e| {
            kinds.contains(&e.kind) && e.span.start <= t.span.start && t.span.end <= e.span.end
        })
    }

    /// The next punctuation token at or after `i` that is one of `marks`, at
    /// parenthesis depth zero.
    pub fn next_mark(&self, i: usize, marks: &[char]) -> Option<usize> {
        (i..self.tokens.len())
            .find(|&j| !self.in_parens(j) && marks.iter().any(|&m| self.tokens[j].is(m)))
    }

    /// The last such mark before `i`.
    pub fn last_mark(&self, i: usize, marks: &[char]) -> Option<usize> {
        (0..i.min(self.tokens.len()))
            .rev()
            .find(|&j| !self.in_parens(j) && marks.iter().any(|&m| self.tokens[j].is(m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::sentences::Part;
    use crate::text::tokens::tokenize_all;

    fn spans(v: &SentenceView<'_>) -> Vec<(Range<usize>, String)> {
        v.tokens
            .iter()
            .map(|t| (t.span.clone(), t.lower.to_string()))
            .collect()
    }

    /// The whole text's tokens, sliced, are the sentence's own tokens; a
    /// sentence cut inside a word is tokenised apart.
    #[test]
    fn a_slice_of_the_text_tokens_is_the_sentence_tokens() {
        let text = "Sáng 3/4, ông Lò Văn Khải tiếp đoàn. Hai bên (Hà Giang) ký kết!\n\nMười";
        let all = tokenize_all(text);
        let cut = text.find("Khải").map_or(0, |k| k + 2);
        let hai = text.find("Hai").unwrap_or(0);
        let sentences = [0..cut, cut..hai - 1, hai..text.len()];
        for span in sentences {
            let s = Sentence {
                span,
                part: Part::Body,
            };
            let own = SentenceView::new(text, &s, Vec::new());
            let within = SentenceView::within(text, &all, &s, Vec::new());
            assert_eq!(spans(&within), spans(&own), "{:?}", s.span);
        }
    }
}
