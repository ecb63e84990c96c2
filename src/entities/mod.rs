//! Stage 3: people, organisations, places, titles, named documents and
//! meetings, dates and numbers in the cleaned text.
//!
//! The stage is built in layers; a module uses only those below it
//! (`tests/entities_layers.rs` checks this):
//!
//! 1. [`lists`]: the word lists of `data/entities/`;
//! 2. [`scan`]: the text and its tokens as the recognisers see them
//!    ([`Cx`]), and the tests they share (capitalised runs, gazetteer
//!    places, Vietnamese syllables, where a name starts); `numerals`: the
//!    written numbers both value recognisers read;
//! 3. the atom recognisers: [`places`] (which may hold an organisation:
//!    "Trụ sở Bộ Y tế"), [`orgs`], [`people`], and for values `temporal`
//!    (dates and times) and `quantities` (numbers, money, percentages);
//! 4. the composites: [`titles`] (a title and the person it names, or a
//!    person and the titles of an apposition after the name) and [`misc`]
//!    (named documents and meetings, with the organisations and places in
//!    them);
//! 5. `enumerations`: the further names of a list whose first item a
//!    recogniser found by its cue ("xã A, B và C");
//!    [`canonical`]: one name, country and roles per person;
//!    [`short_names`]: people and organisations named again by part of
//!    their full name, in the cluster of the full name; `repeats`: a
//!    foreign one-word name said again after a mention that typed it;
//!    `routes`: a foreign name at the end of a route through places;
//! 6. this module, which sets precedence: the names are read in one walk
//!    over the tokens ([`crate::text::tokens`]); at each token every
//!    recogniser proposes the mention that starts there and the longest
//!    wins (ties go to the recogniser listed first in `at`). A recogniser
//!    may return mentions nested inside its own (the organisation in a
//!    title, the place in a meeting's name). Dates and numbers are added
//!    where they do not cross a name (`temporal_and_quantities`).
//!
//! A new kind of mention is a new module at its layer and one line in `at`.

pub mod canonical;
mod enumerations;
pub mod lists;
pub mod misc;
mod numerals;
pub mod orgs;
pub mod people;
pub mod places;
mod quantities;
mod repeats;
mod routes;
pub mod scan;
pub mod short_names;
mod temporal;
pub mod titles;

pub use scan::{longest, Cx, Found, Spans};

use crate::text::tokens::Token;
use crate::{DocContext, Entity};
use std::ops::Range;

/// Finds the entities of `text`, ordered by position (an outer mention
/// before the ones nested in it).
pub fn find(text: &str, ctx: &DocContext) -> Vec<Entity> {
    find_in(Cx::new(text), ctx)
}

/// [`find`] on a text already tokenised: `toks` are [`tokenize_all`]'s
/// tokens of `text` (the pipeline tokenises once for every stage).
///
/// [`tokenize_all`]: crate::text::tokens::tokenize_all
pub fn find_tokenised(text: &str, toks: &[Token], ctx: &DocContext) -> Vec<Entity> {
    find_in(Cx::with_tokens(text, toks), ctx)
}

fn find_in(cx: Cx<'_>, ctx: &DocContext) -> Vec<Entity> {
    let mut out: Vec<Entity> = names(&cx);
    short_names::split_holders(&cx, &mut out);
    let listed = enumerations::find(&cx, &out);
    out.extend(listed);
    canonical::assign(&cx, &mut out);
    orgs::local_bodies_named_in_full(&cx, &mut out);
    let taken: Vec<Range<usize>> = out.iter().map(|e| e.span.clone()).collect();
    let short = short_names::find(&cx, &mut out, &taken);
    let again = people::known_in_capitals(&cx, &out, &taken);
    let given = people::given_names(&cx, &out, &taken);
    out.extend(again);
    out.extend(given);
    out.extend(short);
    let repeated = repeats::find(&cx, &out);
    out.extend(repeated);
    let route_ends = routes::find(&cx, &out);
    out.extend(route_ends);
    add_outside(&mut out, temporal_and_quantities(&cx, ctx));
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
        titles::person(cx, i),
    ])
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

/// DATE, TIME, NUM, MONEY and PERCENT: the other half of the stage, from
/// [`temporal`] (dates, times) and [`quantities`] (numbers, money,
/// percentages); [`find`] adds their mentions wherever they do not cross a
/// name.
fn temporal_and_quantities(cx: &Cx<'_>, ctx: &DocContext) -> Vec<Entity> {
    let tk = numerals::Toks::new(cx.text, &cx.toks);
    let mut out = temporal::find_in(&tk, ctx);
    let numbers = quantities::find_in(&tk, &out);
    out.extend(numbers);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityKind;

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
        let mut out =
            vec![Cx::new("Hà Nội hôm nay").mention(0..2, EntityKind::Loc, crate::Rule::Given)];
        let cx = Cx::new("Hà Nội hôm nay");
        add_outside(
            &mut out,
            vec![
                cx.mention(1..3, EntityKind::Date, crate::Rule::Given),
                cx.mention(2..4, EntityKind::Date, crate::Rule::Given),
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
