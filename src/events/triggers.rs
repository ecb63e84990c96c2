//! The [`EventTrigger`] list (`data/events/triggers.tsv`) and where its cues
//! occur in a sentence, with each trigger's conditions checked.

use crate::text::chars::to_lowercase;
use crate::text::lists;
use crate::text::phrases::{Mode, Phrases};
use crate::text::tokens::Token;
use crate::{Entity, EntityKind, EventKind, RuleId};
use std::sync::LazyLock;

/// What must hold around a cue for it to name an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// An actor follows (a capitalised word, a name or title, `đoàn`, …).
    Actor,
    /// One of the next `within` words starts an item of the object list `list`.
    Object {
        /// The list's name in `objects.tsv`.
        list: String,
        /// How many words ahead to look.
        within: usize,
    },
    /// The next word is none of these.
    NotBefore(Vec<String>),
    /// The word before is none of these ("hỏi thăm" is no visit).
    NotAfter(Vec<String>),
    /// A number follows.
    Number,
    /// None of the next `within` words starts an item of the object list
    /// `list` ("chủ trì cuộc họp báo" chairs no session).
    NoObject {
        /// The list's name in `objects.tsv`.
        list: String,
        /// How many words ahead to look.
        within: usize,
    },
}

/// One line of the trigger list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventTrigger {
    /// The event type.
    pub kind: EventKind,
    /// CAMEO code, empty where CAMEO has none.
    pub cameo: String,
    /// The cue as listed.
    pub cue: String,
    /// Conditions, all of which must hold.
    pub conditions: Vec<Condition>,
    /// A verb that takes an event noun as object ("đồng chủ trì cuộc họp …").
    pub governs: bool,
    /// The event is one only when two sides are named: "cuộc họp" is as
    /// often a body's own session as a meeting between two.
    pub two_sides: bool,
}

impl EventTrigger {
    /// The rule id events carry: `events/trigger:<kind>:<cue>`.
    pub fn rule(&'static self) -> RuleId {
        RuleId::trigger(self.kind, &self.cue)
    }
}

/// Reads `triggers.tsv`; lines that do not parse are skipped (a unit test
/// checks that none do).
fn parse_triggers(data: &str) -> Vec<EventTrigger> {
    lists::lines(data).filter_map(parse_trigger).collect()
}

fn parse_trigger(line: &str) -> Option<EventTrigger> {
    let mut cols = line.split('\t');
    let kind = EventKind::from_id(cols.next()?.trim())?;
    let cameo = cols.next()?.trim();
    let cue = cols.next()?.trim();
    if cue.is_empty() {
        return None;
    }
    let mut conditions = Vec::new();
    let mut governs = false;
    let mut two_sides = false;
    for c in cols
        .next()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match c.split(':').collect::<Vec<_>>().as_slice() {
            ["actor"] => conditions.push(Condition::Actor),
            ["num"] => conditions.push(Condition::Number),
            ["governs"] => governs = true,
            ["two_sides"] => two_sides = true,
            ["not", words] => conditions.push(Condition::NotBefore(
                words.split('|').map(str::to_lowercase).collect(),
            )),
            ["after_not", words] => conditions.push(Condition::NotAfter(
                words.split('|').map(str::to_lowercase).collect(),
            )),
            ["obj", list, n] => conditions.push(Condition::Object {
                list: list.to_string(),
                within: n.parse().ok()?,
            }),
            ["notobj", list, n] => conditions.push(Condition::NoObject {
                list: list.to_string(),
                within: n.parse().ok()?,
            }),
            _ => return None,
        }
    }
    let cameo = if cameo == "-" {
        String::new()
    } else {
        cameo.to_string()
    };
    Some(EventTrigger {
        kind,
        cameo,
        cue: to_lowercase(&cue.split_whitespace().collect::<Vec<_>>().join(" ")),
        conditions,
        governs,
        two_sides,
    })
}

static TRIGGERS_DATA: &str = include_str!("../../data/events/triggers.tsv");

/// The trigger list, as a lexicon of cues.
pub static TRIGGERS: LazyLock<Phrases<EventTrigger>> = LazyLock::new(|| {
    Phrases::new(
        parse_triggers(TRIGGERS_DATA)
            .into_iter()
            .map(|t| (t.cue.clone(), t)),
        Mode::AnyCase,
    )
});

/// The triggers in list order, built only to give a rule id read back from
/// text the cue it names ([`listed_cue`]).
static LISTED: LazyLock<Vec<EventTrigger>> = LazyLock::new(|| parse_triggers(TRIGGERS_DATA));

/// The listed cue of type `kind` written `text`, if there is one.
pub fn listed_cue(kind: EventKind, text: &str) -> Option<&'static str> {
    LISTED
        .iter()
        .find(|t| t.kind == kind && t.cue == text)
        .map(|t| t.cue.as_str())
}

static OBJECTS: LazyLock<Phrases<String>> =
    LazyLock::new(|| lists::keyed(include_str!("../../data/events/objects.tsv"), Mode::AnyCase));
static ACTORS: LazyLock<Phrases<()>> =
    LazyLock::new(|| lists::words(include_str!("../../data/events/actors.txt"), Mode::AnyCase));

/// Whether an item of the object list `list` (`objects.tsv`) starts at
/// `tokens[j]`.
pub fn object_at(tokens: &[Token], j: usize, list: &str) -> bool {
    OBJECTS.all_at(tokens, j).any(|(_, l)| l == list)
}

/// Whether one of the `within` words from `tokens[next]` on (words only)
/// starts an item of the object list `list`.
fn object_within(tokens: &[Token], next: usize, within: usize, list: &str) -> bool {
    (next..next + within)
        .take_while(|&j| tokens.get(j).is_some_and(Token::is_word))
        .any(|j| object_at(tokens, j, list))
}

/// A cue found in a sentence, its conditions met.
#[derive(Clone, Debug)]
pub struct TriggerHit {
    /// The trigger.
    pub trigger: &'static EventTrigger,
    /// Token range of the cue.
    pub tokens: std::ops::Range<usize>,
}

/// The triggers whose cues occur in `tokens` (left to right, not
/// overlapping; at each place the longest cue whose conditions hold).
pub fn find_triggers(tokens: &[Token], entities: &[&Entity]) -> Vec<TriggerHit> {
    let lex: &'static Phrases<EventTrigger> = &TRIGGERS;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let hit = lex
            .all_at(tokens, i)
            .find(|(len, t)| conditions_hold(t, tokens, i, i + len, entities));
        match hit {
            Some((len, t)) => {
                out.push(TriggerHit {
                    trigger: t,
                    tokens: i..i + len,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

fn conditions_hold(
    t: &EventTrigger,
    tokens: &[Token],
    start: usize,
    next: usize,
    entities: &[&Entity],
) -> bool {
    t.conditions.iter().all(|c| match c {
        Condition::NotAfter(words) => start
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .map_or(true, |p| !words.iter().any(|w| *w == p.lower)),
        Condition::Actor => {
            actor_follows(tokens, next, entities) || joined_verb_takes_actor(tokens, next, entities)
        }
        Condition::Number => tokens.get(next).is_some_and(Token::is_number),
        Condition::NotBefore(words) => tokens
            .get(next)
            .map_or(true, |n| !words.iter().any(|w| *w == n.lower)),
        Condition::Object { list, within } => object_within(tokens, next, *within, list),
        Condition::NoObject { list, within } => !object_within(tokens, next, *within, list),
    })
}

/// Whether "và" or a comma at `tokens[i]` joins a second event verb that
/// has its actor ("tiếp và làm việc với X", "tiếp, hội đàm với X"): the
/// two verbs share it.
fn joined_verb_takes_actor(tokens: &[Token], i: usize, entities: &[&Entity]) -> bool {
    let joiner = tokens.get(i).is_some_and(|t| t.lower == "và" || t.is(','));
    joiner
        && TRIGGERS.all_at(tokens, i + 1).any(|(len, t)| {
            t.conditions.contains(&Condition::Actor) && actor_follows(tokens, i + 1 + len, entities)
        })
}

/// Words skipped before an actor: "tiếp các Đại sứ", "gặp gỡ với Bộ trưởng",
/// "thăm lại Việt Nam".
const BEFORE_ACTOR: &[&str] = &["với", "các", "những", "hai", "ba", "lại"];

/// Whether an actor begins at `tokens[i]` (after a few linking words).
pub fn actor_follows(tokens: &[Token], mut i: usize, entities: &[&Entity]) -> bool {
    while tokens
        .get(i)
        .is_some_and(|t| t.is_word() && BEFORE_ACTOR.contains(&t.lower.as_str()))
    {
        i += 1;
    }
    let Some(t) = tokens.get(i).filter(|t| t.is_word()) else {
        return false;
    };
    let named = entities.iter().any(|e| {
        e.span.start == t.span.start
            && matches!(
                e.kind,
                EntityKind::Per | EntityKind::Title | EntityKind::Org
            )
    });
    (t.cap && !t.is_number()) || named || ACTORS.has(tokens, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn kinds(text: &str) -> Vec<(EventKind, String)> {
        let t = tokenize(text, 0..text.len());
        find_triggers(&t, &[])
            .into_iter()
            .map(|h| {
                (
                    h.trigger.kind,
                    h.tokens
                        .map(|i| t[i].lower.to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn every_line_of_the_trigger_list_parses() {
        let lines = lists::lines(TRIGGERS_DATA).count();
        assert_eq!(parse_triggers(TRIGGERS_DATA).len(), lines);
        assert!(lines > 60);
    }

    #[test]
    fn conditions_keep_ordinary_words_out() {
        assert_eq!(kinds("hai bên tiếp tục hợp tác"), vec![]);
        assert_eq!(
            kinds("Phó Thủ tướng tiếp Đại sứ Chile"),
            vec![(EventKind::Reception, "tiếp".into())]
        );
        assert_eq!(
            kinds("rất mong được đón ông Bounmy"),
            vec![(EventKind::Reception, "đón".into())]
        );
        assert_eq!(kinds("cảm kích trước sự đón tiếp nồng hậu"), vec![]);
        assert_eq!(
            kinds("thư thăm hỏi; thăm hỏi gia đình"),
            vec![(EventKind::Message, "thư thăm hỏi".into())]
        );
        assert_eq!(
            kinds("dự kiến sẽ tham dự hội nghị"),
            vec![(EventKind::Conference, "tham dự".into())]
        );
        assert_eq!(
            kinds("tới dự Lễ kỷ niệm 35 năm"),
            vec![
                (EventKind::Conference, "dự".into()),
                (EventKind::Anniversary, "lễ kỷ niệm".into())
            ]
        );
        assert_eq!(kinds("trao đổi về hợp tác"), vec![]);
        assert_eq!(
            kinds("đã trao tặng các Huân chương"),
            vec![(EventKind::Award, "trao tặng".into())]
        );
        assert_eq!(kinds("Thỏa thuận (ký tháng 12/2014)"), vec![]);
        assert_eq!(kinds("tăng cường tiếp xúc thường xuyên"), vec![]);
        assert_eq!(
            kinds("Kỳ họp thứ 9 Ủy ban hỗn hợp"),
            vec![(EventKind::CoChair, "kỳ họp".into())]
        );
        assert_eq!(kinds("kỳ họp Quốc hội"), vec![]);
        assert_eq!(
            kinds("tổ chức cuộc điện đàm trực tuyến đầu tiên"),
            vec![(EventKind::PhoneCall, "cuộc điện đàm trực tuyến".into())]
        );
    }
}
