//! Phrase lists: a word list becomes a [`Phrases`], which finds the
//! longest listed phrase starting at a token. An entry is tokenised like
//! the text, so "Bà Rịa - Vũng Tàu" and "TP.HCM" match token by token. A
//! phrase never runs over a paragraph break. How case and marks count is
//! the list's [`Mode`].

use super::chars::fold_char;
use super::tokens::{tokenize_all, word_hash, Token};
use crate::fasthash::FastMap;
use std::ops::Range;

/// How a list's entries match the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The entry's case pattern counts: "Mỹ" is a country, "mỹ" is not. A
    /// token in a heading in capitals ("VIỆT NAM") matches any case, and a
    /// capital that starts a sentence matches a lower-case first word.
    Exact,
    /// Case is ignored.
    AnyCase,
    /// Entries are words of running text: lower-cased, and matched as
    /// [`Mode::Exact`] matches a lower-case entry ("tỉnh", or "Tỉnh"
    /// starting a sentence, never "Tỉnh" inside one).
    Lower,
    /// Case and marks are ignored, `đ` is `d`: "Tin liên quan" matches
    /// "TIN LIEN QUAN".
    Folded,
}

/// One entry of a list: its tokens in the mode's key form with their
/// hashes, their case, and what it stands for.
#[derive(Clone, Debug)]
struct Entry<T> {
    keys: Vec<String>,
    hashes: Vec<u64>,
    cap: Vec<bool>,
    payload: T,
}

/// The entries that share a first key: the key, its hash, and where they
/// are in [`Phrases::entries`] (longest first).
#[derive(Clone, Debug)]
struct Group {
    hash: u64,
    first: String,
    entries: Range<usize>,
}

/// A phrase list with a payload per phrase.
///
/// A look-up costs one probe of an open-addressed table by the token's
/// precomputed [`Token::hash`] (no hashing of the word per list, no
/// allocation): a pipeline asks dozens of lists about every token, and most
/// of them hold nothing there.
#[derive(Debug)]
pub struct Phrases<T> {
    /// Open addressing, linear probing: a group's hash and its index into
    /// `groups`, or [`EMPTY`]; a miss reads this array only. Its length is a
    /// power of two, at least twice the groups.
    slots: Vec<(u64, u32)>,
    /// `64 - log2(slots.len())`: a hash's top bits pick its first slot.
    shift: u32,
    groups: Vec<Group>,
    entries: Vec<Entry<T>>,
    mode: Mode,
}

const EMPTY: u32 = u32::MAX;

/// The longest folded token [`Phrases`] looks up; longer ones match nothing.
const FOLD_MAX: usize = 64;

/// `s` folded into `buf` (see [`fold_char`]); `None` when it does not fit.
fn fold_into<'b>(s: &str, buf: &'b mut [u8; FOLD_MAX]) -> Option<&'b str> {
    let mut n = 0;
    for c in s.chars().filter_map(fold_char) {
        let len = c.len_utf8();
        if n + len > FOLD_MAX {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

impl<T> Phrases<T> {
    /// A list of `(phrase, payload)` pairs matched by `mode`.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>, mode: Mode) -> Phrases<T> {
        let mut by_first: FastMap<String, Vec<Entry<T>>> = FastMap::default();
        for (phrase, payload) in entries {
            let toks = tokenize_all(&phrase);
            if toks.is_empty() {
                continue;
            }
            let keys: Vec<String> = toks
                .iter()
                .map(|t| match mode {
                    Mode::Folded => t.lower.chars().filter_map(fold_char).collect(),
                    _ => t.lower.to_string(),
                })
                .collect();
            let hashes = keys.iter().map(|k| word_hash(k)).collect();
            let cap = toks.iter().map(|t| t.cap && mode != Mode::Lower).collect();
            by_first.entry(keys[0].clone()).or_default().push(Entry {
                keys,
                hashes,
                cap,
                payload,
            });
        }
        let mut groups = Vec::with_capacity(by_first.len());
        let mut flat = Vec::new();
        // Sorted, so that the table does not depend on the map's order.
        let mut firsts: Vec<(String, Vec<Entry<T>>)> = by_first.into_iter().collect();
        firsts.sort_by(|a, b| a.0.cmp(&b.0));
        for (first, mut list) in firsts {
            // Longest first, so that "điện đàm trực tuyến" wins over "điện đàm".
            list.sort_by_key(|e| std::cmp::Reverse(e.keys.len()));
            let from = flat.len();
            flat.extend(list);
            groups.push(Group {
                hash: word_hash(&first),
                first,
                entries: from..flat.len(),
            });
        }
        let bits = (groups.len() * 2)
            .max(2)
            .next_power_of_two()
            .trailing_zeros();
        let shift = 64 - bits;
        let mut slots = vec![(0, EMPTY); 1 << bits];
        let mask = slots.len() - 1;
        for (g, group) in groups.iter().enumerate() {
            let mut s = (group.hash >> shift) as usize;
            while slots[s].1 != EMPTY {
                s = (s + 1) & mask;
            }
            slots[s] = (group.hash, u32::try_from(g).unwrap_or(EMPTY));
        }
        Phrases {
            slots,
            shift,
            groups,
            entries: flat,
            mode,
        }
    }

    /// The group whose first key has hash `hash` and passes `is_key` (asked
    /// only on a hash match, so that a miss never reads the word).
    #[inline]
    fn group(&self, hash: u64, is_key: impl Fn(&str) -> bool) -> Option<&Group> {
        let mask = self.slots.len() - 1;
        let mut s = (hash >> self.shift) as usize;
        loop {
            let &(h, g) = self.slots.get(s)?;
            if g == EMPTY {
                return None;
            }
            if h == hash {
                let g = self.groups.get(g as usize)?;
                if is_key(&g.first) {
                    return Some(g);
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// Whether text token `t` at place `k` of a phrase matches key `key`
    /// (of hash `hash`) written with capital `cap`.
    fn token_matches(&self, t: &Token, k: usize, (key, hash): (&str, u64), cap: bool) -> bool {
        let same = match self.mode {
            Mode::Folded => t.lower.chars().filter_map(fold_char).eq(key.chars()),
            _ => t.hash == hash && *t.lower == *key,
        };
        same && (k == 0 || !t.break_before)
            && match self.mode {
                Mode::AnyCase | Mode::Folded => true,
                Mode::Exact | Mode::Lower => {
                    t.shout || t.cap == cap || (k == 0 && !cap && t.starts_sentence)
                }
            }
    }

    /// Every phrase that starts at `toks[i]`, longest first, with its
    /// length in tokens.
    pub fn all_at<'s: 'r, 't: 'r, 'r>(
        &'s self,
        toks: &'t [Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, &'s T)> + 'r {
        let list = toks.get(i).and_then(|t| {
            let group = match self.mode {
                Mode::Folded => {
                    let mut buf = [0u8; FOLD_MAX];
                    let key = fold_into(&t.lower, &mut buf)?;
                    self.group(word_hash(key), |first| first == key)
                }
                _ => self.group(t.hash, |first| *t.lower == *first),
            }?;
            self.entries.get(group.entries.clone())
        });
        list.into_iter().flatten().filter_map(move |e| {
            let window = toks.get(i..i + e.keys.len())?;
            let keys = e.keys.iter().zip(&e.hashes).zip(&e.cap);
            let same = window
                .iter()
                .zip(keys)
                .enumerate()
                .all(|(k, (t, ((key, &hash), &cap)))| self.token_matches(t, k, (key, hash), cap));
            same.then_some((e.keys.len(), &e.payload))
        })
    }

    /// The longest phrase at `toks[i]`: its length in tokens and payload.
    pub fn at(&self, toks: &[Token], i: usize) -> Option<(usize, &T)> {
        self.all_at(toks, i).next()
    }

    /// Whether a phrase starts at `toks[i]`.
    pub fn has(&self, toks: &[Token], i: usize) -> bool {
        self.at(toks, i).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(mode: Mode, entries: &[&str]) -> Phrases<String> {
        Phrases::new(entries.iter().map(|e| (e.to_string(), e.to_string())), mode)
    }

    fn len_at(p: &Phrases<String>, text: &str, i: usize) -> Option<usize> {
        p.at(&tokenize_all(text), i).map(|(n, _)| n)
    }

    #[test]
    fn the_longest_phrase_wins_and_needs_whole_tokens() {
        let p = list(Mode::AnyCase, &["điện đàm", "điện đàm trực tuyến"]);
        assert_eq!(len_at(&p, "cuộc điện đàm trực tuyến", 1), Some(4));
        assert_eq!(len_at(&p, "cuộc điện đàm, trực tuyến", 1), Some(2));
        assert_eq!(len_at(&p, "cuộc điện đàmx", 1), None);
        assert_eq!(
            len_at(&p, "điện\n\nđàm", 0),
            None,
            "no phrase over a paragraph break"
        );
    }

    #[test]
    fn each_mode_counts_case_and_marks_its_way() {
        let exact = list(Mode::Exact, &["Mỹ", "tỉnh", "Bà Rịa - Vũng Tàu"]);
        assert_eq!(len_at(&exact, "tại Mỹ", 1), Some(1));
        assert_eq!(len_at(&exact, "thẩm mỹ", 1), None);
        assert_eq!(len_at(&exact, "VỀ MỸ", 1), Some(1));
        assert_eq!(len_at(&exact, "Tỉnh này", 0), Some(1));
        assert_eq!(len_at(&exact, "về Tỉnh", 1), None);
        assert_eq!(len_at(&exact, "ở Bà Rịa - Vũng Tàu", 1), Some(5));
        let lower = list(Mode::Lower, &["Tỉnh"]);
        assert_eq!(len_at(&lower, "về tỉnh", 1), Some(1));
        assert_eq!(len_at(&lower, "về Tỉnh", 1), None);
        let any = list(Mode::AnyCase, &["tin liên quan"]);
        assert_eq!(len_at(&any, "TIN LIÊN QUAN", 0), Some(3));
        assert_eq!(len_at(&any, "Tin lien quan", 0), None);
        let folded = list(Mode::Folded, &["tin liên quan"]);
        assert_eq!(len_at(&folded, "TIN LIEN QUAN", 0), Some(3));
        assert_eq!(len_at(&folded, "Tin liện quàn", 0), Some(3));
    }

    #[test]
    fn every_phrase_at_a_token_longest_first() {
        let p = Phrases::new(
            [("giờ", 1), ("giờ sáng", 2), ("giờ sáng nay", 3)].map(|(s, n)| (s.to_string(), n)),
            Mode::AnyCase,
        );
        let toks = tokenize_all("9 giờ sáng nay");
        let all: Vec<i32> = p.all_at(&toks, 1).map(|(_, &n)| n).collect();
        assert_eq!(all, [3, 2, 1]);
    }
}
