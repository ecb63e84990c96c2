//! Stage 3: people, organisations, places, titles, named documents and
//! meetings, dates and numbers in the cleaned text.
//!
//! The names are read in one walk over the tokens ([`lexicon`]): at each
//! token every recogniser proposes the mention that starts there —
//! [`titles`] (with the person after them, [`people`]), [`misc`],
//! [`places`], [`orgs`], [`people`] — and the longest wins (ties go to the
//! recogniser listed first). A recogniser may return mentions nested inside
//! its own (the organisation in a title, the place in a meeting's name).
//! [`canonical`] then gives every mention of one entity one name, and
//! people their roles and country. Dates and numbers come from the
//! temporal and quantity recognisers ([`temporal_and_quantities`]).

pub mod canonical;
pub mod lexicon;
pub mod misc;
pub mod orgs;
pub mod people;
pub mod places;
mod quantities;
mod temporal;
pub mod titles;

use crate::{DocContext, Entity, EntityKind};
use lexicon::{tokenize, Tok};
use std::ops::Range;

/// The text and its tokens, shared by the recognisers.
pub struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: Vec<Tok>,
}

impl<'a> Cx<'a> {
    /// The context of `text`.
    pub fn new(text: &'a str) -> Cx<'a> {
        Cx {
            text,
            toks: tokenize(text),
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
    pub fn mention(&self, r: Range<usize>, kind: EntityKind, rule: &str) -> Entity {
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
            rule: rule.to_string(),
            span,
        }
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
        self.toks
            .get(i)
            .is_some_and(|t| t.low_word() && !t.break_before)
            && !lexicon::LISTS.stop_words.has(&self.toks, i)
    }

    /// Token `i` is in capitals among capitals: part of a heading in capitals.
    pub fn shouting(&self, i: usize) -> bool {
        let shout = |j: usize| self.toks.get(j).is_some_and(|t| t.shout);
        shout(i) && ((i > 0 && shout(i - 1)) || shout(i + 1))
    }

    /// Token `i` continues the line of the token before it (no paragraph break).
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.break_before)
    }
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

/// Finds the entities of `text`, ordered by position (an outer mention
/// before the ones nested in it).
pub fn find(text: &str, ctx: &DocContext) -> Vec<Entity> {
    let cx = Cx::new(text);
    let mut out: Vec<Entity> = names(&cx);
    canonical::assign(&cx, &mut out);
    let taken: Vec<Range<usize>> = out.iter().map(|e| e.span.clone()).collect();
    let again = people::known_in_capitals(&cx, &out, &taken);
    out.extend(again);
    add_outside(&mut out, temporal_and_quantities(text, ctx));
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    out
}

/// The recognisers in order of precedence: at one token the longest
/// mention wins, and of two as long the one listed first.
fn at(cx: &Cx<'_>, i: usize) -> Option<Found> {
    longest([
        titles::find(cx, i),
        misc::find(cx, i),
        places::find(cx, i),
        orgs::find(cx, i),
        people::find(cx, i),
    ])
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

/// People, organisations, places, titles and MISC, in one walk.
fn names(cx: &Cx<'_>) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        match at(cx, i) {
            Some(f) => {
                out.extend(f.entities);
                i = f.end;
            }
            None => i += 1,
        }
    }
    out
}

/// Adds `more` to `out`, except those that cross a mention already there
/// (one inside another, or around it, is kept).
fn add_outside(out: &mut Vec<Entity>, more: Vec<Entity>) {
    let spans = Spans::new(out.iter().map(|e| e.span.clone()));
    for e in more {
        let crosses = spans.any_overlapping(&e.span, |o| {
            let nested = (o.start <= e.span.start && e.span.end <= o.end)
                || (e.span.start <= o.start && o.end <= e.span.end);
            !nested
        });
        if !crosses && e.span.start < e.span.end {
            out.push(e);
        }
    }
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

/// DATE, TIME, NUM, MONEY and PERCENT: the other half of the stage, from
/// [`temporal`] (dates, times) and [`quantities`] (numbers, money,
/// percentages); [`find`] adds their mentions wherever they do not cross a
/// name.
fn temporal_and_quantities(text: &str, ctx: &DocContext) -> Vec<Entity> {
    let tk = quantities::Toks::new(text);
    let mut out = temporal::find_in(&tk, ctx);
    let numbers = quantities::find_in(&tk, &out);
    out.extend(numbers);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(EntityKind, String)> {
        find(text, &DocContext::default())
            .into_iter()
            .map(|e| (e.kind, e.text))
            .collect()
    }

    #[test]
    fn longest_mention_wins_and_nested_ones_follow() {
        let k = kinds("Thứ trưởng Bộ Tài chính Lào Somsack Vongsa ghé chợ.");
        assert_eq!(
            k[0],
            (EntityKind::Title, "Thứ trưởng Bộ Tài chính Lào".into())
        );
        assert!(k.contains(&(EntityKind::Org, "Bộ Tài chính Lào".into())));
        assert!(k.contains(&(EntityKind::Per, "Somsack Vongsa".into())));
    }

    #[test]
    fn the_article_end_mark_leaves_the_year_before_it() {
        let e = find(
            "Hai bên sẽ họp tại Lào vào năm 2016./.",
            &DocContext::default(),
        );
        let date = e
            .iter()
            .find(|e| e.kind == EntityKind::Date)
            .expect("a date");
        assert_eq!(
            (date.text.as_str(), date.value.as_deref()),
            ("năm 2016", Some("2016"))
        );
    }

    #[test]
    fn crossing_mentions_are_not_added() {
        let mut out = vec![Cx::new("Hà Nội hôm nay").mention(0..2, EntityKind::Loc, "t")];
        let cx = Cx::new("Hà Nội hôm nay");
        add_outside(
            &mut out,
            vec![
                cx.mention(1..3, EntityKind::Date, "t"),
                cx.mention(2..4, EntityKind::Date, "t"),
            ],
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].text, "hôm nay");
    }

    #[test]
    fn every_prefix_of_an_article_is_read_without_panic() {
        let text = "Phó Chủ tịch tỉnh, Giám đốc Sở Y tế Trần Văn An đón Thứ trưởng Bộ Y tế Lào \
                    Somsack Vongsa ở Trụ sở Bộ Y tế.\n\nKỳ họp thứ 7 Ủy ban liên Chính phủ Việt Nam-Mông Cổ; ông An, APEC.";
        for (i, _) in text.char_indices() {
            for e in find(&text[..i], &DocContext::default()) {
                assert_eq!(text.get(e.span.clone()), Some(e.text.as_str()));
            }
        }
    }

    #[test]
    fn long_repetitions_stay_shallow() {
        let text = "Ủy ban Trung ương ".repeat(20_000) + &"Bộ trưởng, ".repeat(20_000);
        assert!(!find(&text, &DocContext::default()).is_empty());
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in [
            "",
            " ",
            "\n\n",
            "Ông",
            "Bộ trưởng",
            "-",
            "A-",
            "Ủy ban liên",
            "TTXVN/",
            "ông Ä‑ß",
        ] {
            let _ = find(t, &DocContext::default());
        }
    }
}
