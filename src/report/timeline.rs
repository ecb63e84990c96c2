//! One timeline over many articles, the way an analyst follows a
//! relationship over years: the events of every article, the same real
//! event reported by several articles merged into one entry that lists
//! where it was read.

use super::Document;
use crate::events::participants;
use crate::values::date::EventDate;
use crate::{Event, EventStatus, Participant};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;

/// How many earlier entries of one type an event is compared with (keeps
/// merging linear in the number of events).
const COMPARE_WITH: usize = 64;

/// Where an entry was read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The file (or any name the caller gives the article: [`Document::name`]).
    pub file: String,
    /// The article's title, if it has one.
    pub title: Option<String>,
    /// Whether it is that article's main event.
    pub main: bool,
    /// The sentence.
    pub sentence: String,
}

/// One event on the merged timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// Date as in the events (`2025-12-12`, `--12-12`, …).
    pub date: Option<String>,
    /// Part of day.
    pub time_of_day: Option<String>,
    /// Event type id.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// CAMEO code.
    pub cameo: String,
    /// Happened, planned or ongoing.
    pub status: EventStatus,
    /// Where.
    pub location: Option<String>,
    /// Who, merged over the articles.
    pub participants: Vec<Participant>,
    /// The articles that report it.
    pub sources: Vec<Source>,
}

fn person_keys(e: &[Participant]) -> Vec<String> {
    e.iter().map(participants::key).collect()
}

/// Whether `e` (from another article) tells of `entry`: same type and
/// status, dates that agree, and the same people (one side may name fewer).
fn same_event(entry: &TimelineEntry, date: Option<EventDate>, e: &Event) -> bool {
    if entry.kind != e.kind.id() || entry.status != e.status {
        return false;
    }
    let mine = entry.date.as_deref().and_then(EventDate::parse);
    let dates_agree = match (mine, date) {
        (Some(a), Some(b)) => a.combine(b).is_some(),
        (None, None) => true,
        _ => false,
    };
    let (a, b) = (
        person_keys(&entry.participants),
        person_keys(&e.participants),
    );
    let people_agree = !a.is_empty()
        && !b.is_empty()
        && (a.iter().all(|k| b.contains(k)) || b.iter().all(|k| a.contains(k)));
    dates_agree && people_agree
}

/// Merges the events of several articles into one timeline, in date order:
/// dates with a year first, then dates whose year the articles leave open
/// (by month and day), then undated events; ties keep reading order.
pub fn merge(docs: &[Document]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = Vec::new();
    let mut by_kind: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for doc in docs {
        let file = doc.name;
        for e in &doc.extraction.events {
            let date = e.date.as_deref().and_then(EventDate::parse);
            let kind = e.kind.id();
            let list = by_kind.entry(kind).or_default();
            let hit = list
                .iter()
                .rev()
                .take(COMPARE_WITH)
                .copied()
                .find(|&i| same_event(&entries[i], date, e));
            let source = Source {
                file: file.to_string(),
                title: doc.extraction.title.clone(),
                main: e.main,
                sentence: e.sentence.clone(),
            };
            match hit {
                Some(i) => {
                    let entry = &mut entries[i];
                    let merged = entry
                        .date
                        .as_deref()
                        .and_then(EventDate::parse)
                        .zip(date)
                        .and_then(|(a, b)| a.combine(b));
                    if let Some(d) = merged {
                        entry.date = Some(d.to_string());
                    }
                    entry.time_of_day = entry.time_of_day.take().or_else(|| e.time_of_day.clone());
                    entry.location = entry.location.take().or_else(|| e.location.clone());
                    for p in &e.participants {
                        participants::add(&mut entry.participants, p.clone());
                    }
                    if !entry.sources.iter().any(|s| s.file == file) {
                        entry.sources.push(source);
                    }
                }
                None => {
                    list.push(entries.len());
                    entries.push(TimelineEntry {
                        date: e.date.clone(),
                        time_of_day: e.time_of_day.clone(),
                        kind,
                        cameo: e.cameo.clone(),
                        status: e.status,
                        location: e.location.clone(),
                        participants: e.participants.clone(),
                        sources: vec![source],
                    });
                }
            }
        }
    }
    let group = |d: &Option<EventDate>| match d {
        Some(d) if d.has_year() => 0,
        Some(_) => 1,
        None => 2,
    };
    let mut keyed: Vec<(Option<EventDate>, usize, TimelineEntry)> = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (e.date.as_deref().and_then(EventDate::parse), i, e))
        .collect();
    keyed.sort_by(|(a, ia, _), (b, ib, _)| {
        let by_group = group(a).cmp(&group(b));
        let by_date = match (a, b) {
            (Some(x), Some(y)) => x.timeline_cmp(y, 0),
            _ => Ordering::Equal,
        };
        by_group.then(by_date).then(ia.cmp(ib))
    });
    keyed.into_iter().map(|(_, _, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventKind, Extraction};

    fn timeline(docs: Vec<(&str, Vec<Event>)>) -> Vec<TimelineEntry> {
        let xs: Vec<(&str, Extraction)> = docs
            .into_iter()
            .map(|(name, events)| {
                let x = Extraction {
                    title: Some(format!("title of {name}")),
                    events,
                    ..Extraction::default()
                };
                (name, x)
            })
            .collect();
        let docs: Vec<Document> = xs
            .iter()
            .map(|(name, extraction)| Document { name, extraction })
            .collect();
        merge(&docs)
    }

    fn ev(kind: EventKind, date: Option<&str>, people: &[&str], main: bool) -> Event {
        Event {
            kind,
            cameo: "040".into(),
            trigger: "x".into(),
            date: date.map(Into::into),
            time_of_day: None,
            location: None,
            participants: people
                .iter()
                .map(|p| Participant {
                    name: p.to_string(),
                    role: None,
                    country: None,
                })
                .collect(),
            status: EventStatus::Happened,
            main,
            sentence: "s".into(),
            sentence_start: 0,
            sentence_end: 0,
            rule: crate::Rule::Given.into(),
            sentence_span: 0..0,
        }
    }

    #[test]
    fn one_event_in_two_articles_is_one_entry_and_order_is_by_date() {
        let a = vec![
            ev(EventKind::Talks, Some("--02-14"), &["A", "B"], true),
            ev(EventKind::Visit, Some("2015"), &["C"], false),
        ];
        let b = vec![
            ev(EventKind::Talks, Some("2025-02-14"), &["A"], false),
            ev(EventKind::Talks, Some("2025-02-14"), &["D"], true),
        ];
        let t = timeline(vec![("a", a), ("b", b)]);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].kind, "visit");
        assert_eq!(
            (t[1].date.as_deref(), t[1].sources.len()),
            (Some("2025-02-14"), 2)
        );
        assert_eq!(t[1].participants.len(), 2);
        assert_eq!(t[2].participants[0].name, "D");
        assert_eq!(t[1].sources[1].title.as_deref(), Some("title of b"));
    }

    #[test]
    fn events_without_people_are_not_merged_across_articles() {
        let a = vec![ev(EventKind::Meeting, Some("2024-09"), &[], false)];
        let b = vec![ev(EventKind::Meeting, Some("2024-09"), &[], false)];
        assert_eq!(timeline(vec![("a", a), ("b", b)]).len(), 2);
    }
}
