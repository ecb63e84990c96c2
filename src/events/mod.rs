//! Stage 4: the events an article reports — who met whom, when, where —
//! read from its sentences and entities.
//!
//! The stage runs in the order the data flows, one module a step:
//!
//! 1. [`sentences`]: the headline, the lead and the body, cut into sentences;
//! 2. [`triggers`]: the [`triggers::EventTrigger`] list and where its cues
//!    occur, matched on the shared text layer (`crate::text`: its tokens,
//!    its phrase lists in any-case mode, its one list loader);
//! 3. [`roles`]: how each occurrence stands in its sentence; [`mentions`]:
//!    what the sentence says about it ([`arguments`], [`participants`]);
//! 4. [`merge`]: one real event mentioned several times is one entry;
//! 5. [`captions`]: the photo captions date an act the text leaves undated;
//! 6. [`main_event`]: the event the article is about first, then time order.
//!
//! Reports over many articles (the merged timeline, CSV) are in
//! [`crate::report`].

pub mod arguments;
pub mod captions;
pub mod main_event;
pub mod mentions;
pub mod merge;
pub mod participants;
pub mod roles;
pub mod sentences;
pub mod triggers;
pub mod view;

#[cfg(test)]
mod test_support;

use crate::text::tokens::{tokenize_all, Token};
use crate::{DocContext, Entity, Event, EventKind, EventStatus, Mark};
use mentions::Mention;
use merge::Cluster;

/// The events of `text`: the main event first, then the others in time
/// order. `entities` are the entities of `text` (byte spans).
pub fn find(text: &str, entities: &[Entity], ctx: &DocContext) -> Vec<Event> {
    find_with_captions(text, entities, &[], ctx)
}

/// [`find`], with the article's photo `captions` as witnesses of the day
/// of an act the text leaves undated (see [`captions`]).
pub fn find_with_captions(
    text: &str,
    entities: &[Entity],
    captions: &[String],
    ctx: &DocContext,
) -> Vec<Event> {
    find_tokenised(text, &tokenize_all(text), entities, captions, ctx)
}

/// [`find_with_captions`] on a text already tokenised: `tokens` are
/// [`tokenize_all`]'s tokens of `text` (the pipeline tokenises once for
/// every stage).
pub fn find_tokenised(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    captions: &[String],
    ctx: &DocContext,
) -> Vec<Event> {
    let sents = sentences::sentences(text, ctx);
    let mut order: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.span.start < e.span.end && e.span.end <= text.len())
        .collect();
    order.sort_by_key(|e| e.span.start);
    let roles = participants::RoleIndex::new(order.iter().copied());
    let mut mentions: Vec<Mention> = Vec::new();
    let mut delegations: Vec<merge::Delegation> = Vec::new();
    let mut next = 0;
    for s in &sents {
        // Entities are sorted, sentences in order: one walk over both.
        while next < order.len() && order[next].span.start < s.span.start {
            next += 1;
        }
        let mut end = next;
        while end < order.len() && order[end].span.start < s.span.end {
            end += 1;
        }
        let inside: Vec<&Entity> = order[next..end]
            .iter()
            .copied()
            .filter(|e| e.span.end <= s.span.end)
            .collect();
        let read = mentions::read_sentence(text, tokens, s, inside, ctx.anchor, &roles);
        if !read.heads.is_empty() {
            delegations.push(merge::Delegation {
                before: mentions.len(),
                heads: read.heads,
            });
        }
        mentions.extend(read.mentions);
        next = end;
    }
    let mut clusters = merge::merge(&mentions, &delegations, ctx.anchor);
    let mut listed: Vec<usize> = (0..clusters.len())
        .filter(|&c| merge::is_listed(&clusters[c]))
        .collect();
    let opening = main_event::opening_end(&sents, text.len());
    let main =
        main_event::main_event(&listed, &clusters, &mentions, opening).map(|i| listed.remove(i));
    let witnesses = captions::witnesses(captions, ctx);
    captions::date_undated(&mut clusters, main.as_slice(), &witnesses);
    captions::date_undated(&mut clusters, &listed, &witnesses);
    if let Some(m) = main {
        merge::date_from_occasion(&mut clusters, m, &listed, &mentions);
    }
    main_event::time_order(&mut listed, &clusters, &mentions, ctx.anchor);
    main.into_iter()
        .chain(listed)
        .map(|c| to_event(text, &clusters[c], &mentions, Some(c) == main))
        .collect()
}

/// The entry for one merged event.
fn to_event(text: &str, c: &Cluster, mentions: &[Mention], main: bool) -> Event {
    // The sentence to show: the first that reports it outright.
    let best = c
        .mentions
        .iter()
        .copied()
        .find(|&i| mentions[i].role == mentions::Role::Predicate)
        .or_else(|| {
            c.mentions
                .iter()
                .copied()
                .find(|&i| mentions[i].role != mentions::Role::Title)
        })
        .unwrap_or(c.mentions[0]);
    let m = &mentions[best];
    let participants = if c.persons.is_empty() {
        c.orgs.clone()
    } else {
        c.persons.clone()
    };
    let cameo = if c.kind == EventKind::Meeting && c.third_place {
        "044".to_string()
    } else {
        m.cameo.clone()
    };
    let mut rule = m.rule;
    if c.year_moved {
        rule.mark(if c.status == EventStatus::Planned {
            Mark::YearPlanned
        } else {
            Mark::YearPast
        });
    }
    if c.date_from_caption {
        rule.mark(Mark::DateCaption);
    } else if c.date_from_occasion {
        rule.mark(Mark::DateOccasion);
    } else if c.date_from_tie {
        rule.mark(Mark::TieSameDay);
    } else if let (None, Some((relation, _))) = (c.date, c.tie) {
        // No date of its own: placed before or after the event it is tied to.
        match relation {
            mentions::Relation::Before => rule.mark(Mark::TieBefore),
            mentions::Relation::After => rule.mark(Mark::TieAfter),
            mentions::Relation::SameDay => {}
        }
    }
    Event {
        kind: c.kind,
        cameo,
        trigger: m.trigger.clone(),
        date: c.date.map(|d| d.to_string()),
        time_of_day: c.time_of_day.clone(),
        location: c.location.as_ref().map(|l| l.0.clone()),
        participants,
        status: c.status,
        main,
        sentence: text.get(m.sentence.clone()).unwrap_or_default().to_string(),
        sentence_start: 0,
        sentence_end: 0,
        rule,
        sentence_span: m.sentence.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityKind, EventStatus};
    use test_support::ent;

    #[test]
    fn a_phone_call_in_headline_and_lead_is_one_main_event() {
        let text = "Bộ trưởng Tư pháp điện đàm với người đồng cấp Hungary\n\n\
                    Tối 3/6, tại Huế, Bộ trưởng Tư pháp Đàm Quang Tú đã điện đàm với \
                    Bộ trưởng Tư pháp Hungary Zoltán Vajda về tương trợ tư pháp.";
        let ents = vec![
            ent(text, EntityKind::Time, "Tối", Some("TEV")),
            ent(text, EntityKind::Date, "3/6", Some("--06-03")),
            ent(text, EntityKind::Loc, "Huế", None),
            ent(text, EntityKind::Per, "Đàm Quang Tú", None),
            ent(text, EntityKind::Per, "Zoltán Vajda", None),
        ];
        let ctx = DocContext {
            anchor: None,
            title_span: Some(0..text.find("\n\n").unwrap()),
        };
        let ev = find(text, &ents, &ctx);
        assert_eq!(ev.len(), 1);
        let e = &ev[0];
        assert_eq!(
            (e.kind, e.cameo.as_str(), e.main, e.status),
            (EventKind::PhoneCall, "041", true, EventStatus::Happened)
        );
        assert_eq!(
            (
                e.date.as_deref(),
                e.time_of_day.as_deref(),
                e.location.as_deref()
            ),
            (Some("--06-03"), Some("tối"), Some("Huế"))
        );
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Đàm Quang Tú", "Zoltán Vajda"]);
        assert_eq!(&text[e.sentence_span.clone()], e.sentence);
        assert!(e.sentence.starts_with("Tối 3/6"));
        // The anchor gives the year.
        let ctx = DocContext {
            anchor: crate::Ymd::new(2027, 6, 4),
            ..ctx
        };
        assert_eq!(
            find(text, &ents, &ctx)[0].date.as_deref(),
            Some("2027-06-03")
        );
    }

    #[test]
    fn a_founding_date_lends_its_year_to_no_one() {
        let text = "Chủ tịch nước gửi điện mừng Chủ tịch Cuba\n\n\
                    Ngày 2/12, Chủ tịch nước Võ Đức Toàn đã gửi điện chúc mừng Chủ tịch Cuba Luis Ortega.\n\n\
                    Hai nước thiết lập quan hệ ngoại giao ngày 2/12/1960.";
        let ents = vec![
            ent(text, EntityKind::Date, "2/12", Some("--12-02")),
            ent(text, EntityKind::Per, "Võ Đức Toàn", None),
            ent(text, EntityKind::Per, "Luis Ortega", None),
        ];
        let mut ents = ents;
        let founding = text.find("2/12/1960").unwrap();
        ents.push(Entity {
            span: founding..founding + "2/12/1960".len(),
            ..ent(text, EntityKind::Date, "2/12/1960", Some("1960-12-02"))
        });
        let ctx = DocContext {
            anchor: None,
            title_span: Some(0..text.find("\n\n").unwrap()),
        };
        let ev = find(text, &ents, &ctx);
        let dates: Vec<(&str, Option<&str>)> = ev
            .iter()
            .map(|e| (e.kind.id(), e.date.as_deref()))
            .collect();
        assert_eq!(
            dates,
            [
                ("message", Some("--12-02")),
                ("establish_relations", Some("1960-12-02"))
            ]
        );
    }

    #[test]
    fn odd_input_and_odd_entities_do_not_panic() {
        let text =
            "Hà Nội (( hội đàm ;; tiếp Đại sứ, thăm\n\n\n) điện đàm… 12/12 ký Hiệp định. đón Ông";
        let bad = vec![
            Entity {
                span: 1..2,
                ..ent(text, EntityKind::Per, "Hà", None)
            },
            Entity {
                span: 5..1000,
                ..ent(text, EntityKind::Date, "12/12", Some("--13-45"))
            },
            Entity {
                span: 3..3,
                ..ent(text, EntityKind::Time, "12/12", Some("??"))
            },
            ent(text, EntityKind::Date, "12/12", Some("garbage/--12")),
        ];
        for ctx in [
            DocContext::default(),
            DocContext {
                anchor: crate::Ymd::new(2024, 2, 29),
                title_span: Some(0..3),
            },
        ] {
            let _ = find(text, &bad, &ctx);
            let _ = find("", &bad, &ctx);
            let _ = find("\u{1F600}.\n\n(", &[], &ctx);
        }
        let long = "tiếp Đại sứ Nhật Bản và thăm Lào, ".repeat(3000);
        assert!(find(&long, &[], &DocContext::default()).len() < 3000);
    }
}
