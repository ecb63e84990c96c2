//! The leaf of the entity stage: the text and its tokens as the
//! recognisers see them ([`Cx`]), what a recogniser returns ([`Found`]),
//! and the small tests they share — capitalised runs, gazetteer places,
//! Vietnamese syllables, where a Vietnamese name starts. Every recogniser
//! builds on this module; it imports none of them.

use super::lists::{Named, LISTS};
use crate::text::phrases::Phrases;
use crate::text::tokens::{tokenize_all, Token};
use crate::{Entity, EntityKind, RuleId};
use std::borrow::Cow;
use std::ops::Range;

/// The text and its tokens, shared by the recognisers.
pub struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens: tokenised here ([`Cx::new`]), or the pipeline's own,
    /// made once for every stage ([`Cx::with_tokens`]).
    pub toks: Cow<'a, [Token]>,
    /// Whether a single line break ends a sentence here, as in text laid
    /// out one sentence a line, so that no name runs over one.
    lines_are_sentences: bool,
}

impl<'a> Cx<'a> {
    /// The context of `text`, tokenised here.
    pub fn new(text: &'a str) -> Cx<'a> {
        let toks = tokenize_all(text);
        let lines_are_sentences = lines_are_sentences(&toks);
        Cx {
            text,
            toks: Cow::Owned(toks),
            lines_are_sentences,
        }
    }

    /// The context of `text` with its tokens `toks` (those of
    /// [`tokenize_all`] on `text`), borrowed.
    pub fn with_tokens(text: &'a str, toks: &'a [Token]) -> Cx<'a> {
        Cx {
            text,
            toks: Cow::Borrowed(toks),
            lines_are_sentences: lines_are_sentences(toks),
        }
    }

    /// Byte range of tokens `r` (non-empty).
    pub fn bytes(&self, r: Range<usize>) -> Range<usize> {
        match (
            self.toks.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) {
            (Some(a), Some(b)) if r.start < r.end => a.span.start..b.span.end,
            _ => 0..0,
        }
    }

    /// The words of tokens `r` joined by single spaces (no space around hyphens).
    pub fn words(&self, r: Range<usize>) -> String {
        let mut s = String::new();
        for (k, t) in self.toks.get(r.clone()).unwrap_or(&[]).iter().enumerate() {
            if k > 0 && t.space_before {
                s.push(' ');
            }
            s.push_str(&self.text[t.span.clone()]);
        }
        s
    }

    /// A mention of `kind` over tokens `r`, its canonical name the words.
    pub fn mention(&self, r: Range<usize>, kind: EntityKind, rule: impl Into<RuleId>) -> Entity {
        let span = self.bytes(r.clone());
        Entity {
            kind,
            text: self.text[span.clone()].to_string(),
            start: 0,
            end: 0,
            canonical: self.words(r),
            value: None,
            roles: Vec::new(),
            country: None,
            rule: rule.into(),
            span,
        }
    }

    /// A mention over tokens `r` that names again the entity `like` names:
    /// its kind, canonical name, roles and country.
    pub fn mention_of(&self, r: Range<usize>, like: &Entity, rule: impl Into<RuleId>) -> Entity {
        let mut e = self.mention(r, like.kind, rule);
        e.canonical = like.canonical.clone();
        e.roles = like.roles.clone();
        e.country = like.country.clone();
        e
    }

    /// Token `i` is a capitalised word in running text (not a heading in capitals).
    pub fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.cap_word() && !self.shouting(i))
    }

    /// Token `i` is a lower-case word that may continue the word before
    /// it inside a name ("giao" in "Ngoại giao"), not a function word.
    pub fn tail(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.low_word())
            && self.joined(i)
            && !LISTS.stop_words.has(&self.toks, i)
    }

    /// Token `i` is in capitals among capitals: part of a heading in capitals.
    pub fn shouting(&self, i: usize) -> bool {
        let shout = |j: usize| self.toks.get(j).is_some_and(|t| t.shout);
        shout(i) && ((i > 0 && shout(i - 1)) || shout(i + 1))
    }

    /// Token `i` continues the text of the token before it: no paragraph
    /// break between them, nor a line break where lines are sentences.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let new_line = i > 0 && self.toks.get(i - 1).is_some_and(|p| p.line != t.line);
            let line_ends_sentence = self.lines_are_sentences && new_line;
            !(t.break_before || line_ends_sentence)
        })
    }
}

/// Whether the single line breaks of a text end its sentences: at least
/// half of them follow a mark that ends one ("." "!" "?" "…" ":" or a
/// closing quote), or the text is laid out one sentence a line and its
/// lines without a mark are headings and captions. Text wrapped at a
/// width breaks lines inside sentences, after a mark only now and then.
fn lines_are_sentences(toks: &[Token]) -> bool {
    let (mut breaks, mut after_mark) = (0usize, 0usize);
    for w in toks.windows(2) {
        if w[1].line != w[0].line && !w[1].break_before {
            breaks += 1;
            let last = w[0].lower.as_str();
            after_mark += usize::from(
                !w[0].word && matches!(last, "." | "!" | "?" | "…" | ":" | "\"" | "”" | ")"),
            );
        }
    }
    breaks > 0 && 2 * after_mark >= breaks
}

/// What a recogniser found at a token: where it ends (a token index) and
/// its mentions, the outer one first.
#[derive(Clone, Debug)]
pub struct Found {
    /// The token after the last one covered.
    pub end: usize,
    /// The mentions, outer first, nested ones after.
    pub entities: Vec<Entity>,
}

/// The longest of `candidates`; of two as long, the first.
pub fn longest<const N: usize>(candidates: [Option<Found>; N]) -> Option<Found> {
    let mut best: Option<Found> = None;
    for f in candidates.into_iter().flatten() {
        if best.as_ref().map_or(true, |b| f.end > b.end) {
            best = Some(f);
        }
    }
    best
}

/// Byte spans sorted by start, for overlap queries that look only near the
/// span asked about (mentions are short), so that a long text costs linear
/// time, not mentions × mentions.
pub struct Spans {
    sorted: Vec<Range<usize>>,
    longest: usize,
}

impl Spans {
    /// The index of `spans`.
    pub fn new(spans: impl IntoIterator<Item = Range<usize>>) -> Spans {
        let mut sorted: Vec<Range<usize>> = spans.into_iter().collect();
        sorted.sort_by_key(|r| r.start);
        let longest = sorted
            .iter()
            .map(|r| r.end.saturating_sub(r.start))
            .max()
            .unwrap_or(0);
        Spans { sorted, longest }
    }

    /// Whether a span overlapping `r` satisfies `pred`.
    pub fn any_overlapping(&self, r: &Range<usize>, pred: impl Fn(&Range<usize>) -> bool) -> bool {
        let from = self
            .sorted
            .partition_point(|o| o.start + self.longest <= r.start);
        self.sorted[from..]
            .iter()
            .take_while(|o| o.start < r.end)
            .any(|o| r.start < o.end && o.start < r.end && pred(o))
    }
}

/// A gazetteer place at token `i`: its length in tokens, canonical name,
/// and whether it is a country.
pub fn place_at<'l>(cx: &Cx<'_>, i: usize) -> Option<(usize, &'l Named, bool)> {
    let l = &*LISTS;
    let ok = |(n, p): (usize, &'l Named)| {
        // A quotation opens a sentence of its own (“Anh hứa …”).
        let opening = |q: &crate::text::tokens::Token| {
            q.is('“') || (q.is('"') && (q.space_before || q.break_before))
        };
        let quoted =
            i > 0 && opening(&cx.toks[i - 1]) && cx.toks.get(i).is_some_and(|t| !t.space_before);
        let initial = cx.toks.get(i).is_some_and(|t| t.starts_sentence) || quoted;
        let refused = (p.not_initial && initial)
            || (n == 1 && (first_of_longer_name(cx, i) || last_of_longer_name(cx, i)));
        (!refused).then_some((n, p))
    };
    let country = l.countries.at(&cx.toks, i).and_then(ok);
    let other = l.places.at(&cx.toks, i).and_then(ok);
    match (country, other) {
        (Some(c), Some(o)) if o.0 > c.0 => Some((o.0, o.1, false)),
        (Some(c), _) => Some((c.0, c.1, true)),
        (None, Some(o)) => Some((o.0, o.1, false)),
        _ => None,
    }
}

/// Whether the one-word place at `i` is the first syllable of a longer
/// name: a capitalised Vietnamese syllable follows that starts nothing else
/// ("Mỹ Đình", "Anh Sơn", "Đức Hòa"), not a person's name ("Nga Đặng Minh
/// Khôi" after a title), a foreign name ("Mỹ John Harlan") or a list entry.
fn first_of_longer_name(cx: &Cx<'_>, i: usize) -> bool {
    let l = &*LISTS;
    let k = i + 1;
    let (Some(t), Some(place)) = (cx.toks.get(k), cx.toks.get(i)) else {
        return false;
    };
    // "Campuchia Hun Sokha": a long foreign word is a whole name.
    if !vietnamese_syllable(&place.lower) {
        return false;
    }
    let person = l.family_names.has(&cx.toks, k) && cx.cap(k + 1);
    // "Nga A. Rudenko": a capital letter and a full stop are an initial.
    let initial = t.lower.chars().count() == 1 && cx.toks.get(k + 1).is_some_and(|n| n.is('.'));
    cx.cap(k)
        && cx.joined(k)
        && t.space_before
        && vietnamese_syllable(&t.lower)
        && !person
        && !initial
        && !starts_listed(cx, k)
}

/// Whether a listed name (a place, a title, an organisation, a document, a
/// word of address) starts at token `m`.
pub fn starts_listed(cx: &Cx<'_>, m: usize) -> bool {
    let l = &*LISTS;
    l.countries.has(&cx.toks, m)
        || l.places.has(&cx.toks, m)
        || l.title_heads.has(&cx.toks, m)
        || l.org_heads.has(&cx.toks, m)
        || l.org_names.has(&cx.toks, m)
        || l.misc_heads.has(&cx.toks, m)
        || l.honorifics.has(&cx.toks, m)
}

/// Whether the one-word place at `i` is the last syllable of a two-word
/// name: it follows a capitalised Vietnamese syllable, itself after a
/// lower-case word, that starts nothing listed ("nhà máy Phú Mỹ", not "Bộ
/// Công Thương Mỹ" or "Lào Nga").
fn last_of_longer_name(cx: &Cx<'_>, i: usize) -> bool {
    let l = &*LISTS;
    let Some(k) = i.checked_sub(1) else {
        return false;
    };
    let (t, place) = (&cx.toks[k], &cx.toks[i]);
    // After a lower-case word of a name ("công nghiệp Phú Mỹ"), not a
    // function word joining two ("Năng lượng và Mỏ Lào").
    let alone =
        k > 0 && cx.toks[k - 1].low_word() && cx.joined(k) && !l.stop_words.has(&cx.toks, k - 1);
    let listed = starts_listed(cx, k)
        || l.family_names.has(&cx.toks, k)
        || l.admin_units.has(&cx.toks, k)
        || l.sites.has(&cx.toks, k);
    cx.cap(k)
        && !t.starts_sentence
        && cx.joined(i)
        && place.space_before
        && vietnamese_syllable(&t.lower)
        && vietnamese_syllable(&place.lower)
        && alone
        && !listed
}

/// Whether a phrase of `list` of at most three tokens ends right before
/// token `i` ("tàu" before a ship's name, "hãng tin" before an agency's).
pub fn phrase_before<T>(cx: &Cx<'_>, list: &Phrases<T>, i: usize) -> bool {
    (1..=3).any(|n| i >= n && list.at(&cx.toks, i - n).is_some_and(|m| m.0 == n))
}

/// Capitalised words from `j` (each with its lower-case tail), at most `max`.
pub fn cap_run(cx: &Cx<'_>, j: usize, max: usize) -> usize {
    let mut k = j;
    let mut words = 0;
    while k < cx.toks.len() && words < max && cx.cap(k) && (k == j || cx.joined(k)) {
        k = apostrophe_word_end(cx, k);
        words += 1;
    }
    k
}

/// The end of the word at `k`, over an apostrophe written solid inside
/// it: the Central Highlands' names ("M’ri", "H’Hen", "R’lấp") are one word.
pub fn apostrophe_word_end(cx: &Cx<'_>, k: usize) -> usize {
    let solid = |m: usize| cx.toks.get(m).is_some_and(|t| !t.space_before);
    let mark = cx.toks.get(k + 1).is_some_and(|t| t.is('’') || t.is('\''));
    if mark && solid(k + 1) && solid(k + 2) && cx.toks.get(k + 2).is_some_and(|t| t.word) {
        k + 3
    } else {
        k + 1
    }
}

/// The end of the places from `k` ("Việt Nam", "Việt Nam-Lào", "Việt Nam
/// tại Lào") and the country they give (one country only).
pub fn places_from(cx: &Cx<'_>, k: usize) -> Option<(usize, Option<String>)> {
    let (n, p, is_country) = place_at(cx, k)?;
    let mut end = k + n;
    let mut country = is_country.then(|| p.canonical.clone());
    // "Việt Nam-Lào", "Việt Nam - Lào": two countries, no single one.
    while cx.toks.get(end).is_some_and(|t| t.is('-')) && cx.joined(end + 1) {
        match place_at(cx, end + 1) {
            Some((m, _, _)) => {
                end += 1 + m;
                country = None;
            }
            None => break,
        }
    }
    Some((end, country))
}

/// Onsets of a Vietnamese syllable written without diacritics ("" for none).
const ONSETS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "",
];
/// Nuclei of three letters; the others are one or two of `aeiouy`.
const LONG_NUCLEI: [&str; 8] = ["uye", "uya", "oai", "oay", "uoi", "uou", "ieu", "yeu"];
/// Codas ("" for none).
const CODAS: [&str; 9] = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

/// Whether `w` is onset + nucleus + coda as Vietnamese spells a syllable
/// without diacritics: every split is tried (a dozen prefixes, no regex).
fn plain_syllable(w: &str) -> bool {
    let vowel = |b: Option<&u8>| b.is_some_and(|b| b"aeiouy".contains(b));
    ONSETS.iter().filter_map(|o| w.strip_prefix(o)).any(|rest| {
        let b = rest.as_bytes();
        let short = [1, 2]
            .into_iter()
            .filter(|&n| vowel(b.first()) && (n == 1 || vowel(b.get(1))))
            .filter_map(|n| rest.get(n..));
        let long = LONG_NUCLEI.iter().filter_map(|n| rest.strip_prefix(n));
        short.chain(long).any(|coda| CODAS.contains(&coda))
    })
}

/// Whether a lower-case word could be a Vietnamese syllable: it has a
/// Vietnamese letter or tone, or fits the spelling of one.
pub fn vietnamese_syllable(lower: &str) -> bool {
    !lower.is_ascii() || plain_syllable(lower)
}

/// Whether a word with marks is spelled as a Vietnamese syllable once its
/// marks are taken off ("toàn" is, "huamán" and "dvořák" are not).
pub fn spelled_vietnamese(lower: &str) -> bool {
    let plain: String = lower
        .chars()
        .filter_map(crate::text::chars::fold_char)
        .collect();
    plain_syllable(&plain)
}

/// Whether a Vietnamese name starts at `k`: a family name and another
/// capitalised syllable ("Đỗ Quang Lâm").
pub fn starts_name(cx: &Cx<'_>, k: usize) -> bool {
    LISTS.family_names.has(&cx.toks, k)
        && cx.cap(k)
        && cx.cap(k + 1)
        && cx.joined(k + 1)
        && place_at(cx, k).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_shapes() {
        for v in [
            "minh", "anh", "hun", "nguyen", "thuong", "khoa", "quynh", "nghieng",
        ] {
            assert!(vietnamese_syllable(v), "{v}");
        }
        for f in [
            "somsack",
            "vongsa",
            "manet",
            "tanaka",
            "kittikhoun",
            "alounkeo",
            "sok",
            "john",
        ] {
            assert!(!vietnamese_syllable(f), "{f}");
        }
    }

    /// The spelling rule as the regex it was written as, against every
    /// word of up to four letters of the syllables' alphabet.
    #[test]
    fn plain_syllables_are_the_spelling_pattern() {
        let pattern = regex::Regex::new(
            r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(uye|uya|oai|oay|uoi|uou|ieu|yeu|[aeiouy]{1,2})(ch|ng|nh|[cmnpt])?$",
        )
        .expect("valid pattern");
        let letters = b"abcdeghiklmnopqrstuvxyz";
        let mut words = vec![String::new()];
        let mut last = words.clone();
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|w| {
                    letters
                        .iter()
                        .map(move |&l| format!("{w}{}", char::from(l)))
                })
                .collect();
            words.extend(last.iter().cloned());
        }
        for w in words
            .iter()
            .chain(&["nghieng".to_string(), "nguyet".to_string()])
        {
            assert_eq!(plain_syllable(w), pattern.is_match(w), "{w:?}");
        }
    }

    #[test]
    fn capitalised_runs_stop_at_a_paragraph_and_at_their_limit() {
        let cx = Cx::new("gặp Lê Văn Hưng\n\nHải Dương hôm qua");
        assert_eq!(cap_run(&cx, 1, 4), 4);
        assert_eq!(cap_run(&cx, 1, 2), 3);
        assert_eq!(cap_run(&cx, 4, 4), 6);
    }

    #[test]
    fn places_pair_up_and_name_one_country() {
        let cx = Cx::new("quan hệ Việt Nam - Lào và Nhật Bản");
        assert_eq!(places_from(&cx, 2), Some((6, None)));
        assert_eq!(places_from(&cx, 7), Some((9, Some("Nhật Bản".into()))));
        assert!(starts_name(&Cx::new("Trần Văn An"), 0));
        assert!(!starts_name(&Cx::new("Trần nhà"), 0));
    }
}
