//! Which event the article is about, and the order of the list: the main
//! event first, then the others in time order.

use super::mentions::{Mention, Relation, Role};
use super::merge::Cluster;
use super::sentences::{Part, Sentence};
use crate::values::date::EventDate;
use crate::{EventStatus, Ymd};
use std::cmp::Ordering;

/// How many sentences below the headline open the article: an event the
/// headline does not tell is the main one only when they report it. One
/// reported deeper in the text is an aside of an article about something
/// else (a sports report, a court case), and a page that reports no event
/// of the spec has no main event.
const OPENING_SENTENCES: usize = 5;

/// Where the opening of the article ends (a byte offset into `text`): after
/// its first `OPENING_SENTENCES` sentences below the headline.
pub fn opening_end(sentences: &[Sentence], text_len: usize) -> usize {
    sentences
        .iter()
        .filter(|s| matches!(s.part, Part::Lead | Part::Body))
        .nth(OPENING_SENTENCES - 1)
        .map_or(text_len, |s| s.span.end)
}

/// The index (into `listed`) of the main event: the one the headline tells
/// of, else the first that the lead reports, else the first the body
/// reports (a lead that only sums up, "Hai bên nhất trí …", names none);
/// below the headline, only within the opening (bytes before
/// `opening_end`).
pub fn main_event(
    listed: &[usize],
    clusters: &[Cluster],
    mentions: &[Mention],
    opening_end: usize,
) -> Option<usize> {
    let titled = listed
        .iter()
        .position(|&c| clusters[c].in_title && clusters[c].strong_in_text(mentions));
    let titled = titled.or_else(|| listed.iter().position(|&c| clusters[c].in_title));
    // Which listed event each mention tells of: one pass, not one a mention.
    let mut owner: Vec<Option<usize>> = vec![None; mentions.len()];
    for (at, &c) in listed.iter().enumerate() {
        for &i in &clusters[c].mentions {
            if let Some(o) = owner.get_mut(i) {
                *o = Some(at);
            }
        }
    }
    let first_reported = |part: Option<Part>| {
        mentions
            .iter()
            .zip(&owner)
            .filter(|(m, _)| {
                m.role == Role::Predicate
                    && part.map_or(true, |p| m.part == p)
                    && m.span.start < opening_end
            })
            .find_map(|(_, o)| *o)
    };
    titled
        .or_else(|| first_reported(Some(Part::Lead)))
        .or_else(|| first_reported(None))
}

impl Cluster {
    /// Whether the text below the headline tells of it too.
    fn strong_in_text(&self, mentions: &[Mention]) -> bool {
        self.mentions
            .iter()
            .any(|&i| mentions[i].role != Role::Title)
    }

    /// Where it first appears in the text (below the headline).
    pub fn position(&self, mentions: &[Mention]) -> usize {
        let body = self
            .mentions
            .iter()
            .filter(|&&i| mentions[i].role != Role::Title)
            .map(|&i| mentions[i].span.start)
            .min();
        body.or_else(|| self.mentions.iter().map(|&i| mentions[i].span.start).min())
            .unwrap_or(0)
    }
}

/// Orders `listed` (indices into `clusters`): what happened before what is
/// planned; within each, dated events by date (a year left open is taken
/// as the page's year, else the latest year of a past event), an undated
/// event tied to another next to it, the rest last, in reading order.
pub fn time_order(
    listed: &mut [usize],
    clusters: &[Cluster],
    mentions: &[Mention],
    anchor: Option<Ymd>,
) {
    let happened_years = listed
        .iter()
        .filter(|&&c| clusters[c].status != EventStatus::Planned)
        .filter_map(|&c| clusters[c].date.and_then(|d| d.year));
    let fill = anchor
        .map(|a| a.year)
        .or_else(|| happened_years.max())
        .unwrap_or(0);
    let key = |c: usize| -> (bool, Option<EventDate>, i8) {
        let cl = &clusters[c];
        let planned = cl.status == EventStatus::Planned;
        match (cl.date, cl.tie) {
            (Some(d), _) => (planned, Some(d), 0),
            (None, Some((rel, r))) => (
                planned,
                clusters[r].date,
                if rel == Relation::Before { -1 } else { 1 },
            ),
            (None, None) => (planned, None, 0),
        }
    };
    let position: std::collections::HashMap<usize, usize> = listed
        .iter()
        .map(|&c| (c, clusters[c].position(mentions)))
        .collect();
    listed.sort_by(|&a, &b| {
        let ((pa, da, sa), (pb, db, sb)) = (key(a), key(b));
        let by_date = match (da, db) {
            (Some(x), Some(y)) => x.timeline_cmp(&y, fill),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        // What the article reports as done comes before what it says is to come.
        pa.cmp(&pb)
            .then(by_date)
            .then(sa.cmp(&sb))
            .then(position[&a].cmp(&position[&b]))
    });
}
