//! Phrase lists matched on tokens: a word list from `data/events/` becomes a
//! [`Lexicon`], which finds the longest listed phrase starting at a token.

use super::tokens::Token;
use crate::fasthash::FastMap;

/// Phrases (sequences of lower-case syllables), each with a payload.
#[derive(Debug)]
pub struct Lexicon<T> {
    by_first: FastMap<String, Vec<(Vec<String>, T)>>,
    /// The first bytes of the first syllables: most tokens start no phrase,
    /// and this turns them away without hashing.
    first_bytes: [bool; 256],
}

pub use crate::data_file::data_lines;

/// The syllables of a phrase, lower-cased.
pub fn syllables(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

impl<T> Lexicon<T> {
    /// A lexicon of `(phrase, payload)` pairs.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        let mut by_first: FastMap<String, Vec<(Vec<String>, T)>> = FastMap::default();
        for (phrase, payload) in entries {
            let words = syllables(&phrase);
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words, payload));
            }
        }
        // Longest first, so that "điện đàm trực tuyến" wins over "điện đàm".
        for list in by_first.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        let mut first_bytes = [false; 256];
        for first in by_first.keys() {
            if let Some(&b) = first.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Lexicon {
            by_first,
            first_bytes,
        }
    }

    /// Every phrase that starts at `tokens[i]`, longest first, with its
    /// length in tokens. A phrase matches consecutive word tokens only.
    pub fn all_at<'s: 'r, 't: 'r, 'r>(
        &'s self,
        tokens: &'t [Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, &'s T)> + 'r {
        let list = tokens
            .get(i)
            .filter(|t| t.is_word())
            .filter(|t| {
                t.lower
                    .as_bytes()
                    .first()
                    .is_some_and(|&b| self.first_bytes[usize::from(b)])
            })
            .and_then(|t| self.by_first.get(&t.lower));
        list.into_iter()
            .flatten()
            .filter_map(move |(words, payload)| {
                let window = tokens.get(i..i + words.len())?;
                let same = window
                    .iter()
                    .zip(words)
                    .all(|(t, w)| t.is_word() && t.lower == *w);
                same.then_some((words.len(), payload))
            })
    }

    /// The longest phrase that starts at `tokens[i]`.
    pub fn longest_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        self.all_at(tokens, i).next()
    }

    /// Whether some phrase starts at `tokens[i]`.
    pub fn matches_at(&self, tokens: &[Token], i: usize) -> bool {
        self.longest_at(tokens, i).is_some()
    }
}

/// A lexicon of a plain word list (one phrase a line).
pub fn word_list(data: &str) -> Lexicon<()> {
    Lexicon::new(data_lines(data).map(|l| (l.to_string(), ())))
}

/// A lexicon of a two-column list (`payload <TAB> phrase`).
pub fn keyed_list(data: &str) -> Lexicon<String> {
    Lexicon::new(data_lines(data).filter_map(|l| {
        let (key, phrase) = l.split_once('\t')?;
        Some((phrase.trim().to_string(), key.trim().to_string()))
    }))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn the_longest_phrase_wins_and_needs_whole_syllables() {
        let lex = word_list("# c\nđiện đàm\nđiện đàm trực tuyến\n");
        let text = "mở cuộc điện đàm trực tuyến lúc, điện đàm. điện đàmx";
        let t = tokenize(text, 0..text.len());
        assert_eq!(lex.longest_at(&t, 2).map(|m| m.0), Some(4));
        let i = t.iter().position(|t| t.lower == "lúc").unwrap() + 2;
        assert_eq!(lex.longest_at(&t, i).map(|m| m.0), Some(2));
        let last = t.len() - 2;
        assert!(!lex.matches_at(&t, last));
    }

    #[test]
    fn keyed_lists_keep_their_key() {
        let lex = keyed_list("honours\thuân chương\n");
        let text = "trao Huân chương";
        let t = tokenize(text, 0..text.len());
        assert_eq!(lex.longest_at(&t, 1).map(|m| m.1.as_str()), Some("honours"));
    }
}
