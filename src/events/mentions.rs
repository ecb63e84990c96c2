//! Mentions: each place where a sentence names an event, with its role in
//! the sentence (see [`super::roles`]) and what the sentence says about it:
//! the stretch of the sentence that belongs to it, and in that stretch its
//! date, place, people, status and session number.

use super::arguments::{self, DateFound};
use super::participants::{self, Named};
use super::roles::{classify, Classified};
pub use super::roles::{Relation, Role, Tie};
use super::sentences::{Part, Sentence};
use super::view::SentenceView;
use crate::text::lists;
use crate::text::phrases::{Mode, Phrases};
use crate::text::tokens::Token;
use crate::{Entity, EventKind, EventStatus, Participant, RuleId, Ymd};
use std::ops::Range;
use std::sync::LazyLock;

static BOTH_SIDES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/both_sides.txt"),
        Mode::AnyCase,
    )
});
static TWO_COUNTRIES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/two_countries.txt"),
        Mode::AnyCase,
    )
});

static DELEGATION_LEADS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/delegation_leads.txt"),
        Mode::AnyCase,
    )
});

/// The heads of delegations a sentence names without an event word of its
/// own ("Phía Việt Nam do ông X, Thứ trưởng, làm Trưởng đoàn; phía Lào do
/// ông Y dẫn đầu."): the people between "do" and the words that say they
/// lead. They take part in the event told just before.
fn delegation_heads(v: &SentenceView<'_>) -> Vec<Participant> {
    let mut heads = Vec::new();
    let mut open: Option<usize> = None;
    for j in 0..v.tokens.len() {
        let t = &v.tokens[j];
        if t.lower == "do" && t.is_word() {
            open = Some(j + 1);
        } else if t.is(';') || t.is('.') {
            open = None;
        } else if let Some(from) = open.filter(|_| DELEGATION_LEADS.has(&v.tokens, j)) {
            for p in participants::named_in(v, from..j).persons {
                participants::add(&mut heads, p);
            }
            open = None;
        }
    }
    heads
}

/// Words that, right after an event word, point back to the one told.
const DEMONSTRATIVES: &[&str] = &["này", "đó", "nói trên"];

/// One mention of an event in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The event type.
    pub kind: EventKind,
    /// CAMEO code.
    pub cameo: String,
    /// Id of the trigger that fired.
    pub rule: RuleId,
    /// Its trigger names an event only between two named sides.
    pub two_sides: bool,
    /// The trigger's words as in the text.
    pub trigger: String,
    /// Byte range of the trigger.
    pub span: Range<usize>,
    /// Byte range of the sentence.
    pub sentence: Range<usize>,
    /// Title, lead or body.
    pub part: Part,
    /// How it stands in the sentence.
    pub role: Role,
    /// The sentence's tie to an earlier event (for predicates).
    pub tie: Option<Tie>,
    /// The date of the sentence's opening, where it applies to this mention.
    pub leading: Option<DateFound>,
    /// The part of day said with a tie that gives no date ("Chiều cùng
    /// ngày"): the event's, once the tie gives the day.
    pub tie_part_of_day: Option<String>,
    /// A date said right after the trigger.
    pub local: Option<DateFound>,
    /// Where.
    pub location: Option<String>,
    /// At a third place ("bên lề …").
    pub third_place: bool,
    /// Who.
    pub named: Named,
    /// The people named before the event word: who does it.
    pub subject: Vec<Participant>,
    /// Happened, planned or ongoing.
    pub status: EventStatus,
    /// Session number ("lần thứ 11").
    pub ordinal: Option<u32>,
    /// What a signing signs: the words after the event word, lower-cased
    /// ("bản ghi nhớ về hợp tác giáo dục"), which tell two signings apart.
    pub object: Option<String>,
    /// Its subject is "hai bên" (the two sides already named).
    pub both_sides: bool,
    /// A demonstrative follows the event word ("Vòng tham vấn này", "cuộc
    /// gặp lần này"): it is the event of its kind told last.
    pub refers_back: bool,
    /// Its subject is the two sides or the two countries, named by a word
    /// that stands for them ("hai bên", "hai nước"): it has actors.
    pub sides: bool,
    /// It names people, none of them with an office, and one of them the
    /// way news names a suspect or a passer-by (see
    /// [`participants::is_private`]).
    pub private: bool,
}

impl Mention {
    /// The date the mention gives by itself (the opening's, else its own).
    pub fn own_date(&self) -> Option<&DateFound> {
        self.leading.as_ref().or(self.local.as_ref())
    }

    /// Whether it says anything that can tell one event from another.
    pub fn is_specific(&self) -> bool {
        !self.named.persons.is_empty()
            || !self.named.orgs.is_empty()
            || self.own_date().is_some()
            || self.location.is_some()
            || self.ordinal.is_some()
            || self.tie.is_some()
            || self.both_sides
            || self.sides
    }
}

/// What one sentence says: its mentions of events, or, when it has none,
/// the heads of delegations it names (see `delegation_heads`).
#[derive(Debug, Default)]
pub struct Reading {
    /// The mentions, in order.
    pub mentions: Vec<Mention>,
    /// Delegation heads, from a sentence without an event word.
    pub heads: Vec<Participant>,
}

/// The mentions of one sentence.
pub fn read_sentence(
    text: &str,
    tokens: &[Token],
    sentence: &Sentence,
    entities: Vec<&Entity>,
    anchor: Option<Ymd>,
    roles: &participants::RoleIndex,
) -> Reading {
    let v = SentenceView::within(text, tokens, sentence, entities).with_roles(roles);
    let Some(Classified {
        hits: classified,
        segments,
        lead_end,
        frames,
        occasions,
        tie,
    }) = classify(&v)
    else {
        let heads = if sentence.part == Part::Title {
            Vec::new()
        } else {
            delegation_heads(&v)
        };
        return Reading {
            mentions: Vec::new(),
            heads,
        };
    };
    // Who does what the sentence reports: the people before its first
    // reported event word. An occasion in the opening that names no one
    // is theirs ("nhân dịp tham dự Hội nghị X, Thủ tướng A đã gặp B").
    let main_subject = || match classified
        .iter()
        .find(|(h, r)| *r == Role::Predicate && h.tokens.start >= lead_end)
    {
        Some((h, _)) => participants::named_in(&v, lead_end..h.tokens.start).persons,
        // No event word of its own ("…, A và B đã trao đổi …"): the people
        // before its verb, which a status word ("đã") marks.
        None => {
            let verb = (lead_end..v.tokens.len())
                .find(|&j| arguments::has_status_cue(&v, j..j + 1))
                .unwrap_or(v.tokens.len());
            participants::named_in(&v, lead_end..verb).persons
        }
    };
    let mut out: Vec<Mention> = Vec::new();
    for k in 0..classified.len() {
        let (h, role) = &classified[k];
        let (s, e) = (h.tokens.start, h.tokens.end);
        let clause_start = list_start(&v, v.last_mark(s, &[';']).map_or(0, |i| i + 1));
        let clause_end = v.next_mark(e, &[';']).unwrap_or(v.tokens.len());
        let prev = k
            .checked_sub(1)
            .map(|p| &classified[p])
            .filter(|p| p.0.tokens.end > clause_start && p.1 != Role::Pointer);
        let next = classified
            .get(k + 1)
            .filter(|n| n.0.tokens.start < clause_end);
        // The stretch of the sentence that belongs to this mention.
        let (mut from, mut to) = (clause_start, clause_end);
        let mut frame_subject = clause_start;
        if matches!(role, Role::LeadingFrame | Role::Pointer) {
            let seg = segments
                .iter()
                .find(|r| r.contains(&s))
                .cloned()
                .unwrap_or(s..e);
            (from, to) = (seg.start, seg.end);
        } else {
            from = from.max(lead_end.min(s));
            if let Some(p) = prev {
                from = from.max(participants::split_point(&v, p.0.tokens.end, s));
            }
            // The frame verb's own subject, before it: "Hai bên thống nhất
            // sẽ ký …" — those who agree are those who will sign.
            frame_subject = from;
            if *role == Role::Embedded {
                if let Some(f) = frames.iter().rfind(|f| f.end <= s) {
                    from = from.max(f.end);
                }
            }
            if *role == Role::Frame {
                if let Some(o) = occasions.iter().rfind(|o| o.end <= s) {
                    from = from.max(o.start);
                }
            }
            if let Some(n) = next {
                let gap = e..n.0.tokens.start;
                let shared_object = gap.len() == 1
                    && (v.tokens[gap.start].lower == "và" || v.tokens[gap.start].is(','));
                if shared_object {
                    // "chủ trì lễ đón và hội đàm với X": X is both verbs'.
                    if let Some(nn) = classified.get(k + 2).filter(|nn| nn.0.tokens.start < to) {
                        to = participants::split_point(&v, n.0.tokens.end, nn.0.tokens.start);
                    }
                } else {
                    to = to
                        .min(participants::split_point(&v, e, n.0.tokens.start))
                        .max(e);
                }
            }
        }
        let mut named = participants::named_in(&v, from.min(s)..to);
        if matches!(role, Role::LeadingFrame | Role::Pointer) && named.persons.is_empty() {
            named.persons = main_subject();
        }
        if named.persons.is_empty() && named.orgs.is_empty() {
            named.orgs = participants::places_as_actors(&v, from.min(s)..s);
        }
        if named.persons.is_empty() {
            // "bà sẽ thăm …", "chuyến thăm … của ông": the person the
            // sentence named last before the pronoun.
            named
                .persons
                .extend(participants::pronoun_referent(&v, from.min(s)..to));
        }
        let mut subject = participants::named_in(&v, from.min(s)..s).persons;
        if h.trigger.kind == EventKind::Visit {
            if let Some(invitee) = invitee_start(&v, from.min(s), s) {
                let invited = participants::named_in(&v, invitee..to);
                if !invited.persons.is_empty() {
                    subject = participants::named_in(&v, invitee..s).persons;
                    named = invited;
                }
            }
        }
        if named.persons.is_empty() && from >= s {
            if let Some(p) = participants::subject_before(&v, s) {
                subject.push(p.clone());
                named.persons.push(p);
            }
        }
        // A clause that starts with the trigger shares the subject before it
        // ("Tổng Bí thư X thăm Lào, dự Lễ kỷ niệm …; đồng chủ trì …"), and a
        // verb joined to the one before by "và", a comma or a semicolon
        // shares its subject ("X hội kiến Y; gặp Z và tiếp W": X receives W).
        let joined = s.checked_sub(1).is_some_and(|j| {
            v.tokens[j].lower == "và" || v.tokens[j].is(',') || v.tokens[j].is(';')
        });
        if subject.is_empty() && s.saturating_sub(from) <= 2 {
            if let Some(p) = out.last().filter(|p| p.role == *role) {
                if named.persons.is_empty() {
                    named.persons = p.named.persons.clone();
                    subject = p.subject.clone();
                } else if joined && !p.subject.is_empty() {
                    subject = p.subject.clone();
                    let objects = std::mem::replace(&mut named.persons, subject.clone());
                    for o in objects {
                        participants::add(&mut named.persons, o);
                    }
                }
            }
        }
        let leading = match role {
            Role::Predicate | Role::Title => arguments::leading_date(&v, 0..lead_end, anchor)
                .or_else(|| arguments::leading_date(&v, from.min(s)..s, anchor)),
            Role::LeadingFrame | Role::Pointer => arguments::leading_date(&v, 0..lead_end, anchor),
            _ => None,
        };
        // "chủ trì lễ đón và hội đàm …": the joined verb shares the date.
        let leading = leading.or_else(|| {
            out.last()
                .filter(|p| joined && p.role == *role && p.span.end <= v.tokens[s].span.start)
                .and_then(|p| p.leading.clone())
        });
        let next_start = next.map_or(to, |n| n.0.tokens.start);
        let mut local = arguments::local_date(&v, e, next_start.max(e).min(to.max(e)));
        if h.trigger.kind == EventKind::Anniversary {
            local = local.map(|d| arguments::anniversary_date(&v, e, d));
        }
        let mut place = None;
        if matches!(role, Role::Predicate | Role::Title) {
            place = arguments::place_in(&v, 0..lead_end);
        }
        if place.is_none() {
            // Where, said after the event word in its own part of the
            // sentence ("hội đàm với X tại Y"), not in a later one ("…,
            // chúc ông X nhận nhiệm vụ mới tại Y").
            let part_end = v.next_mark(e, &[',']).unwrap_or(v.tokens.len());
            place = arguments::place_in(&v, e..to.min(e + 20).min(part_end));
        }
        let mut location = place.as_ref().map(|p| p.0.clone());
        if h.trigger.kind == EventKind::Visit {
            location = arguments::destination(&v, e, to).or(location);
        }
        // A name inside the place is the place's ("lễ đón tại Depot X", a
        // quay named after someone), not a person at the event.
        if let Some(l) = &location {
            named.persons.retain(|p| !l.contains(p.name.as_str()));
        }
        let status_from = [
            clause_start,
            prev.map_or(0, |p| p.0.tokens.end),
            v.last_mark(s, &[',']).map_or(0, |i| i + 1),
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
        .min(s);
        // Only where fewer than two sides are named does it matter.
        let sides = named.persons.len() + named.orgs.len() < 2
            && (clause_start..s)
                .any(|j| BOTH_SIDES.has(&v.tokens, j) || TWO_COUNTRIES.has(&v.tokens, j));
        // Inside a frame, only an act that names no one at all takes the
        // frame's two sides ("sẽ tổ chức Kỳ họp … Ủy ban liên Chính phủ"
        // names its body).
        let both_sides = (*role == Role::Predicate
            || (*role == Role::Embedded && named.orgs.is_empty()))
            && named.persons.is_empty()
            && (frame_subject.min(s)..s).any(|j| BOTH_SIDES.has(&v.tokens, j));
        let private = named.orgs.is_empty()
            && named.persons.iter().all(|p| p.role.is_none())
            && named
                .persons
                .iter()
                .any(|p| participants::is_private(&v, p));
        out.push(Mention {
            kind: h.trigger.kind,
            cameo: h.trigger.cameo.clone(),
            rule: h.trigger.rule(),
            two_sides: h.trigger.two_sides,
            trigger: v.slice(h.cue.clone()).to_string(),
            span: v.bytes(h.cue.clone()),
            sentence: sentence.span.clone(),
            part: sentence.part,
            role: *role,
            tie: if *role == Role::Predicate { tie } else { None },
            tie_part_of_day: tie
                .filter(|_| *role == Role::Predicate && leading.is_none())
                .and_then(|t| t.part_of_day)
                .and_then(|i| arguments::part_of_day(&v.tokens[i].lower)),
            leading,
            local,
            location,
            third_place: place.is_some_and(|p| p.1),
            named,
            subject,
            status: arguments::status(&v, status_from, s, e, to),
            ordinal: arguments::ordinal(&v, e, to),
            object: (h.trigger.kind == EventKind::Signing)
                .then(|| arguments::object_words(&v, e, to))
                .flatten(),
            both_sides,
            sides,
            private,
            refers_back: (e..(e + 2).min(v.tokens.len()))
                .any(|j| DEMONSTRATIVES.contains(&v.tokens[j].lower.as_str())),
        });
    }
    Reading {
        mentions: out,
        heads: Vec::new(),
    }
}

/// Where the invitee is named, when an invitation ("mời", "lời mời")
/// stands before a visit word in tokens `from..s`: the visitor is the one
/// invited, after it ("chuyển lời mời của Thủ tướng X tới Phó Thủ tướng Y
/// sang thăm …": Y, named after "tới"), not who makes or passes on the
/// invitation. Accepting one ("nhận lời mời") leaves the subject the
/// visitor.
fn invitee_start(v: &SentenceView<'_>, from: usize, s: usize) -> Option<usize> {
    let m = (from..s).rev().find(|&j| v.tokens[j].lower == "mời")?;
    let accepted = (m.saturating_sub(2)..m).any(|j| v.tokens[j].lower == "nhận");
    if accepted {
        return None;
    }
    let addressee = (m + 1..s).find(|&j| ADDRESSEE_MARKS.contains(&v.tokens[j].lower.as_str()));
    Some(addressee.unwrap_or(m) + 1)
}

/// Words that name who an invitation goes to ("lời mời của X tới Y").
const ADDRESSEE_MARKS: &[&str] = &["tới", "đến", "cho"];

/// Where a clause that opens with a person begins, when it is the last
/// item of a list of people separated by semicolons ("các ông: A – Chủ
/// tịch tỉnh; B – Phó Chủ tịch tỉnh đồng chủ trì …"): at the list's first
/// item, so that all of them are the subject.
fn list_start(v: &SentenceView<'_>, clause_start: usize) -> usize {
    let opens_with_person = |i: usize| {
        v.tokens.get(i).is_some_and(|t| {
            v.entities
                .iter()
                .any(|e| e.kind == crate::EntityKind::Per && e.span.start == t.span.start)
        })
    };
    let mut start = clause_start;
    while start > 0 && opens_with_person(start) && v.tokens[start - 1].is(';') {
        let item = v.last_mark(start - 1, &[';', ':']).map_or(0, |i| i + 1);
        if !opens_with_person(item) {
            break;
        }
        start = item;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delegation_heads_are_read_from_a_sentence_without_an_event() {
        let text = "Phía Việt Nam do ông Kha Minh Trí, Thứ trưởng, làm Trưởng đoàn; \
                    phía Chile do bà Ana Souza dẫn đầu.";
        let s = Sentence {
            span: 0..text.len(),
            part: Part::Body,
        };
        let people = ["Kha Minh Trí", "Ana Souza"]
            .map(|p| super::super::test_support::ent(text, crate::EntityKind::Per, p, None));
        let read = read_sentence(
            text,
            &crate::text::tokens::tokenize_all(text),
            &s,
            people.iter().collect(),
            None,
            &participants::RoleIndex::default(),
        );
        assert!(read.mentions.is_empty());
        let names: Vec<&str> = read.heads.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Kha Minh Trí", "Ana Souza"]);
    }

    #[test]
    fn the_both_sides_list_loads() {
        let t = crate::text::tokens::tokenize("hai bên", 0.."hai bên".len());
        assert!(BOTH_SIDES.has(&t, 0));
    }
}
