//! Mentions: each place where a sentence names an event, with how it stands
//! in the sentence ([`Role`]) and what the sentence says about it. A
//! sentence's own report ("Chiều 12/12, A tiếp B") is told apart from an
//! occasion ("Trong khuôn khổ chuyến thăm …"), from words inside someone's
//! speech or wish ("cảm ơn … đã đón", "nhất trí tăng cường tiếp xúc"), from
//! a pointer back to an event already told ("Tại cuộc gặp,", "Ngay sau Hội
//! đàm,"), from kinds of events ("các chuyến thăm") and from asides in
//! brackets.

use super::arguments::{self, DateFound};
use super::lexicon::{keyed_list, word_list, Lexicon};
use super::participants::{self, Named};
use super::sentences::{Part, Sentence};
use super::triggers::{find_triggers, EventTrigger};
use super::view::SentenceView;
use crate::{Entity, EntityKind, EventKind, EventStatus, Ymd};
use std::ops::Range;
use std::sync::LazyLock;

static FRAMES: LazyLock<Lexicon<()>> = LazyLock::new(|| word_list(include_str!("../../data/events/frames.txt")));
static OPENERS: LazyLock<Lexicon<()>> = LazyLock::new(|| word_list(include_str!("../../data/events/openers.txt")));
static OCCASIONS: LazyLock<Lexicon<()>> = LazyLock::new(|| word_list(include_str!("../../data/events/occasions.txt")));
static TIES: LazyLock<Lexicon<String>> = LazyLock::new(|| keyed_list(include_str!("../../data/events/ties.tsv")));
static GENERIC: LazyLock<Lexicon<()>> = LazyLock::new(|| word_list(include_str!("../../data/events/generic.txt")));
static BOTH_SIDES: LazyLock<Lexicon<()>> = LazyLock::new(|| word_list(include_str!("../../data/events/both_sides.txt")));
static CLASSIFIERS: LazyLock<Lexicon<()>> = LazyLock::new(|| word_list(include_str!("../../data/events/classifiers.txt")));

/// How a mention stands in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// In the headline.
    Title,
    /// What the sentence reports.
    Predicate,
    /// The occasion in the sentence's opening ("Trong khuôn khổ chuyến thăm
    /// … của X, ngày 14/2, …"): the sentence's date falls within it.
    LeadingFrame,
    /// An occasion named later in the sentence ("nhân chuyến sang … đồng
    /// chủ trì …").
    Frame,
    /// Inside someone's words, thanks, wishes or agreement.
    Embedded,
    /// In a subheading or a teaser left in the text: it can only add to an
    /// event the article tells.
    Heading,
}

impl Role {
    /// A strong mention makes an event of its own; the others are listed
    /// only when planned or dated with a year, or add to a strong one.
    pub fn is_strong(self) -> bool {
        matches!(self, Role::Title | Role::Predicate)
    }
}

/// How a sentence's event is tied to an earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same day ("Ngay sau Hội đàm", "Cùng ngày").
    SameDay,
    /// On or before it ("Trước đó").
    Before,
    /// On or after it ("Sau đó").
    After,
}

/// A tie from a sentence's opening to an earlier event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tie {
    /// Same day, before or after.
    pub relation: Relation,
    /// The type of the event it names, if it names one ("Hội đàm").
    pub kind: Option<EventKind>,
}

/// One mention of an event in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The event type.
    pub kind: EventKind,
    /// CAMEO code.
    pub cameo: String,
    /// Id of the trigger that fired.
    pub rule: String,
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
    /// A date said right after the trigger.
    pub local: Option<DateFound>,
    /// Where.
    pub location: Option<String>,
    /// At a third place ("bên lề …").
    pub third_place: bool,
    /// Who.
    pub named: Named,
    /// Happened, planned or ongoing.
    pub status: EventStatus,
    /// Session number ("lần thứ 11").
    pub ordinal: Option<u32>,
    /// Its subject is "hai bên" (the two sides already named).
    pub both_sides: bool,
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
    }
}

/// A trigger occurrence after joining a governing verb with its object.
#[derive(Clone, Debug)]
struct Hit<'t> {
    trigger: &'t EventTrigger,
    /// The words that name the event (the trigger text).
    cue: Range<usize>,
    /// The stretch the trigger covers, joined triggers included.
    tokens: Range<usize>,
}

/// Kinds a visit takes in as its purpose ("thăm Việt Nam và đồng chủ trì …").
const TRIP_PURPOSES: &[EventKind] =
    &[EventKind::CoChair, EventKind::Consultation, EventKind::Conference, EventKind::Talks, EventKind::Meeting];

/// Names inside which a cue is only a syllable of the name.
const NAME_KINDS: &[EntityKind] = &[EntityKind::Per, EntityKind::Loc, EntityKind::Org, EntityKind::Title];

/// The mentions of one sentence.
pub fn read_sentence(text: &str, sentence: &Sentence, entities: Vec<&Entity>, anchor: Option<Ymd>) -> Vec<Mention> {
    let v = SentenceView::new(text, sentence, entities);
    let raw: Vec<Hit> = find_triggers(&v.tokens, &v.entities)
        .into_iter()
        .filter(|h| !v.inside(h.tokens.start, NAME_KINDS))
        .map(|h| Hit { trigger: h.trigger, cue: h.tokens.clone(), tokens: h.tokens })
        .collect();
    let hits = join_hits(&v, raw);
    let hits: Vec<Hit> = hits.into_iter().filter(|h| !v.in_parens(h.tokens.start) && !is_generic(&v, h.tokens.start)).collect();
    if hits.is_empty() {
        return Vec::new();
    }
    let segments = leading_segments(&v, &hits);
    let lead_end = segments.last().map_or(0, |s| s.end + 1).min(v.tokens.len());
    let frames = spans_of(&v, &FRAMES, &hits);
    let occasions = spans_of(&v, &OCCASIONS, &hits);

    // Classify; a mention in an opening segment that names nobody points back.
    let mut classified: Vec<(Hit, Role)> = Vec::new();
    let mut tie = None;
    for h in hits {
        let s = h.tokens.start;
        let role = if sentence.part == Part::Title {
            Role::Title
        } else if sentence.part == Part::Heading {
            Role::Heading
        } else if let Some(seg) = segments.iter().find(|r| r.contains(&s)) {
            let names = v.entities_in(seg.clone(), &[EntityKind::Per, EntityKind::Org]).next().is_some();
            if !names {
                tie = tie.or_else(|| tie_of(&v, seg, Some(h.trigger.kind)));
                continue;
            }
            Role::LeadingFrame
        } else if frames.iter().any(|f| f.start >= lead_end && f.end <= s) {
            Role::Embedded
        } else if occasions.iter().any(|o| o.end <= s && !has_mark_between(&v, o.end, s)) {
            Role::Frame
        } else {
            Role::Predicate
        };
        classified.push((h, role));
    }
    if tie.is_none() {
        tie = segments.iter().find_map(|seg| tie_of(&v, seg, None));
    }
    let classified = fuse(&v, classified);

    let mut out: Vec<Mention> = Vec::new();
    for k in 0..classified.len() {
        let (h, role) = &classified[k];
        let (s, e) = (h.tokens.start, h.tokens.end);
        let clause_start = v.last_mark(s, &[';']).map_or(0, |i| i + 1);
        let clause_end = v.next_mark(e, &[';']).unwrap_or(v.tokens.len());
        let prev = k.checked_sub(1).map(|p| &classified[p]).filter(|p| p.0.tokens.end > clause_start);
        let next = classified.get(k + 1).filter(|n| n.0.tokens.start < clause_end);
        // The stretch of the sentence that belongs to this mention.
        let (mut from, mut to) = (clause_start, clause_end);
        if *role == Role::LeadingFrame {
            let seg = segments.iter().find(|r| r.contains(&s)).cloned().unwrap_or(s..e);
            (from, to) = (seg.start, seg.end);
        } else {
            from = from.max(lead_end.min(s));
            if let Some(p) = prev {
                from = from.max(participants::split_point(&v, p.0.tokens.end, s));
            }
            if *role == Role::Embedded {
                if let Some(f) = frames.iter().filter(|f| f.end <= s).last() {
                    from = from.max(f.end);
                }
            }
            if *role == Role::Frame {
                if let Some(o) = occasions.iter().filter(|o| o.end <= s).last() {
                    from = from.max(o.start);
                }
            }
            if let Some(n) = next {
                to = to.min(participants::split_point(&v, e, n.0.tokens.start)).max(e);
            }
        }
        let mut named = participants::named_in(&v, from.min(s)..to);
        // A clause that starts with the trigger shares the subject before it
        // ("Tổng Bí thư X thăm Lào, dự Lễ kỷ niệm …; đồng chủ trì …").
        if named.persons.is_empty() && !participants::names_a_person(&v, from.min(s)..s) && s.saturating_sub(from) <= 2 {
            if let Some(p) = out.last().filter(|p| p.role == *role) {
                named.persons = p.named.persons.clone();
            }
        }
        let leading = match role {
            Role::Predicate | Role::Title => arguments::leading_date(&v, 0..lead_end, anchor)
                .or_else(|| arguments::leading_date(&v, from.min(s)..s, None)),
            Role::LeadingFrame => arguments::leading_date(&v, 0..lead_end, anchor),
            _ => None,
        };
        let next_start = next.map_or(to, |n| n.0.tokens.start);
        let local = arguments::local_date(&v, e, next_start.max(e).min(to.max(e)));
        let mut place = None;
        if matches!(role, Role::Predicate | Role::Title) {
            place = arguments::place_in(&v, 0..lead_end);
        }
        if place.is_none() {
            place = arguments::place_in(&v, e..to.min(e + 20));
        }
        let mut location = place.as_ref().map(|p| p.0.clone());
        if h.trigger.kind == EventKind::Visit {
            location = arguments::destination(&v, e, to).or(location);
        }
        let status_from = [clause_start, prev.map_or(0, |p| p.0.tokens.end), v.last_mark(s, &[',']).map_or(0, |i| i + 1)]
            .into_iter()
            .max()
            .unwrap_or(0)
            .min(s);
        let both_sides = *role == Role::Predicate
            && named.persons.is_empty()
            && (from.min(s)..s).any(|j| BOTH_SIDES.matches_at(&v.tokens, j));
        out.push(Mention {
            kind: h.trigger.kind,
            cameo: h.trigger.cameo.clone(),
            rule: h.trigger.rule(),
            trigger: v.slice(h.cue.clone()).to_string(),
            span: v.bytes(h.cue.clone()),
            sentence: sentence.span.clone(),
            part: sentence.part,
            role: *role,
            tie: if *role == Role::Predicate { tie } else { None },
            leading,
            local,
            location,
            third_place: place.is_some_and(|p| p.1),
            named,
            status: arguments::status(&v, status_from, s, e, to),
            ordinal: arguments::ordinal(&v, e, to),
            both_sides,
        });
    }
    out
}

/// Joins a governing verb to the event noun after it ("đồng chủ trì cuộc họp
/// Tham khảo Chính trị", "dự Lễ kỷ niệm"), then a welcome to the visit it
/// welcomes ("đón đồng chí X thăm Việt Nam"); drops what a trip was for
/// ("thăm Việt Nam và đồng chủ trì …", when no date of its own is given)
/// and what a ceremony commemorates ("Lễ kỷ niệm … Ngày thiết lập quan hệ
/// ngoại giao").
fn join_hits<'t>(v: &SentenceView<'_>, hits: Vec<Hit<'t>>) -> Vec<Hit<'t>> {
    let plain = |gap: &Range<usize>| gap.clone().all(|j| v.tokens[j].is_word());
    let governed = join_pass(hits, |h, n| {
        let gap = h.tokens.end..n.tokens.start;
        let join = h.trigger.governs && plain(&gap) && gap.len() <= 6 && !participants::names_a_person(v, gap);
        join.then(|| Hit { trigger: n.trigger, cue: h.cue.start..n.cue.end, tokens: h.tokens.start..n.tokens.end })
    });
    join_pass(governed, |h, n| {
        let gap = h.tokens.end..n.tokens.start;
        if !plain(&gap) {
            return None;
        }
        if h.trigger.kind == EventKind::Reception && n.trigger.kind == EventKind::Visit && gap.len() <= 12 {
            return Some(Hit { trigger: n.trigger, cue: n.cue.clone(), tokens: h.tokens.start..n.tokens.end });
        }
        let linked = gap.end > gap.start && matches!(v.tokens[gap.end - 1].lower.as_str(), "và" | "để");
        let purpose = h.trigger.kind == EventKind::Visit
            && TRIP_PURPOSES.contains(&n.trigger.kind)
            && linked
            && !participants::names_a_person(v, gap.clone())
            && !has_own_date(v, n.tokens.end);
        let commemorated = h.trigger.kind == EventKind::Anniversary && gap.len() <= 8;
        (purpose || commemorated).then(|| h.clone())
    })
}

/// One pass over neighbouring hits: `join(h, next)` gives the hit that
/// replaces both, or `None` to keep them apart.
fn join_pass<'t>(hits: Vec<Hit<'t>>, join: impl Fn(&Hit<'t>, &Hit<'t>) -> Option<Hit<'t>>) -> Vec<Hit<'t>> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for n in hits {
        if let Some(h) = out.last() {
            if let Some(joined) = join(h, &n) {
                *out.last_mut().expect("checked above") = joined;
                continue;
            }
        }
        out.push(n);
    }
    out
}

/// Whether a DATE follows token `i` within its clause.
fn has_own_date(v: &SentenceView<'_>, i: usize) -> bool {
    let end = v.next_mark(i, &[';']).unwrap_or(v.tokens.len());
    arguments::local_date(v, i, end).is_some()
}

/// Whether the event word at `start` is preceded by a generic word
/// ("các chuyến thăm", "cơ chế Tham vấn", "sự đón tiếp"), classifiers skipped.
fn is_generic(v: &SentenceView<'_>, start: usize) -> bool {
    let mut j = start;
    while j > 0 && CLASSIFIERS.longest_at(&v.tokens, j - 1).is_some_and(|(len, _)| len == 1) {
        j -= 1;
    }
    (1..=2).any(|len| j >= len && GENERIC.all_at(&v.tokens, j - len).any(|(l, _)| l == len))
}

/// The comma-separated segments that open the sentence and say when, where
/// or on what occasion. A segment that runs to the end of the sentence, or
/// names a person before an event word, is the main clause.
fn leading_segments(v: &SentenceView<'_>, hits: &[Hit<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.tokens.len() {
        let Some(comma) = v.next_mark(i, &[',', ';', ':']) else { break };
        if !v.tokens[comma].is(',') || comma - i > 30 || comma == i {
            break;
        }
        let seg = i..comma;
        let opener = OPENERS.matches_at(&v.tokens, i) || only_dates(v, seg.clone());
        let subject_first = v.entities_in(seg.clone(), &[EntityKind::Per]).any(|p| {
            hits.iter().any(|h| seg.contains(&h.tokens.start) && v.tokens[h.tokens.start].span.start >= p.span.end)
        });
        if !opener || subject_first {
            break;
        }
        out.push(seg);
        i = comma + 1;
    }
    out
}

fn only_dates(v: &SentenceView<'_>, seg: Range<usize>) -> bool {
    seg.clone().filter(|&j| v.tokens[j].is_word()).all(|j| v.inside(j, &[EntityKind::Date, EntityKind::Time])) && !seg.is_empty()
}

/// The tie a leading segment makes: a tie word opening it, followed by an
/// event word or nothing more ("Ngay sau Hội đàm", "Trước đó").
fn tie_of(v: &SentenceView<'_>, seg: &Range<usize>, kind: Option<EventKind>) -> Option<Tie> {
    let (len, rel) = TIES.longest_at(&v.tokens, seg.start)?;
    if kind.is_none() && seg.len() != len {
        return None;
    }
    let relation = match rel.as_str() {
        "same-day" => Relation::SameDay,
        "before" => Relation::Before,
        "after" => Relation::After,
        _ => return None,
    };
    Some(Tie { relation, kind })
}

/// Where phrases of `lex` occur, outside the event words themselves.
fn spans_of(v: &SentenceView<'_>, lex: &Lexicon<()>, hits: &[Hit<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.tokens.len() {
        match lex.longest_at(&v.tokens, i) {
            Some((len, _)) if !hits.iter().any(|h| h.tokens.start < i + len && i < h.tokens.end) => {
                out.push(i..i + len);
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

fn has_mark_between(v: &SentenceView<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|j| v.tokens[j].is(',') || v.tokens[j].is(';'))
}

/// One mention for neighbouring triggers of one type and role in a clause
/// ("đã tiếp … và Đoàn … đã đến chào xã giao").
fn fuse<'t>(v: &SentenceView<'_>, hits: Vec<(Hit<'t>, Role)>) -> Vec<(Hit<'t>, Role)> {
    let mut out: Vec<(Hit, Role)> = Vec::with_capacity(hits.len());
    for (h, role) in hits {
        if let Some((last, last_role)) = out.last_mut() {
            let same = last.trigger.kind == h.trigger.kind && *last_role == role;
            let one_clause = !(last.tokens.end..h.tokens.start).any(|j| v.tokens[j].is(';'));
            if same && one_clause && role != Role::LeadingFrame {
                last.tokens.end = h.tokens.end;
                continue;
            }
        }
        out.push((h, role));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_load() {
        for lex in [&FRAMES, &OPENERS, &OCCASIONS, &GENERIC, &CLASSIFIERS, &BOTH_SIDES] {
            let t = super::super::tokens::tokenize("nhất trí", 0.."nhất trí".len());
            let _ = lex.longest_at(&t, 0);
        }
        let t = super::super::tokens::tokenize("trước đó", 0.."trước đó".len());
        assert_eq!(TIES.longest_at(&t, 0).map(|m| m.1.as_str()), Some("before"));
    }
}
