//! How each event word stands in its sentence ([`Role`]). A sentence's own
//! report ("Chiều 12/12, A tiếp B") is told apart from an occasion ("Trong
//! khuôn khổ chuyến thăm …"), from words inside someone's speech or wish
//! ("cảm ơn … đã đón", "nhất trí tăng cường tiếp xúc"), from a pointer back
//! to an event already told ("Tại cuộc gặp,", "Ngay sau Hội đàm,"), from
//! kinds of events ("các chuyến thăm") and from asides in brackets.

use super::arguments;
use super::participants;
use super::sentences::Part;
use super::triggers::{actor_follows, find_triggers, object_at, EventTrigger, TRIGGERS};
use super::view::SentenceView;
use crate::text::lists;
use crate::text::phrases::{Mode, Phrases};
use crate::{EntityKind, EventKind};
use std::ops::Range;
use std::sync::LazyLock;

static FRAMES: LazyLock<Phrases<()>> =
    LazyLock::new(|| lists::words(include_str!("../../data/events/frames.txt"), Mode::AnyCase));
static OPENERS: LazyLock<Phrases<()>> =
    LazyLock::new(|| lists::words(include_str!("../../data/events/openers.txt"), Mode::AnyCase));
static OCCASIONS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/occasions.txt"),
        Mode::AnyCase,
    )
});
static TIES: LazyLock<Phrases<String>> =
    LazyLock::new(|| lists::keyed(include_str!("../../data/events/ties.tsv"), Mode::AnyCase));
static GENERIC: LazyLock<Phrases<()>> =
    LazyLock::new(|| lists::words(include_str!("../../data/events/generic.txt"), Mode::AnyCase));
static MATCH_WORDS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/match_words.txt"),
        Mode::AnyCase,
    )
});
static NEGATIONS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/negations.txt"),
        Mode::AnyCase,
    )
});
static AUDIENCES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/audiences.txt"),
        Mode::AnyCase,
    )
});
static BACKGROUND: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/background.txt"),
        Mode::AnyCase,
    )
});
static CLASSIFIERS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/classifiers.txt"),
        Mode::AnyCase,
    )
});

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
    /// A pointer back from the opening ("Tại cuộc hội đàm,", "Ngay sau
    /// Hội đàm,"): it names an event the article has told, or, when it has
    /// told none of its kind, one that took place all the same, between
    /// the people the sentence goes on to name.
    Pointer,
}

impl Role {
    /// A strong mention makes an event of its own; the others are listed
    /// only when planned or dated with a year, or add to a strong one.
    pub fn is_strong(self) -> bool {
        matches!(self, Role::Title | Role::Predicate | Role::Pointer)
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
    /// The token of a part of day said before it ("Chiều cùng ngày").
    pub part_of_day: Option<usize>,
}

/// A trigger occurrence after joining a governing verb with its object.
#[derive(Clone, Debug)]
pub struct Hit<'t> {
    /// The trigger.
    pub trigger: &'t EventTrigger,
    /// The words that name the event (the trigger text).
    pub cue: Range<usize>,
    /// The stretch the trigger covers, joined triggers included.
    pub tokens: Range<usize>,
}

/// Kinds a visit takes in as its purpose ("thăm Việt Nam và đồng chủ trì …").
const TRIP_PURPOSES: &[EventKind] = &[
    EventKind::CoChair,
    EventKind::Consultation,
    EventKind::Conference,
    EventKind::Talks,
    EventKind::Meeting,
];

/// Kinds of meeting held in one sitting: two of them joined by "và" are
/// one event ("tiếp và làm việc với"), and a pointer to one ("Tại cuộc
/// gặp,") may name any of them.
pub const SITTINGS: &[EventKind] = &[EventKind::Reception, EventKind::Meeting, EventKind::Talks];

/// Words that, right before an event word, make it the occasion of
/// another ("nhân chuyến thăm …", "trong chuyến thăm …"; the occasion
/// list's "nhân chuyến" runs into the event word itself).
const OCCASION_LEADS: &[&str] = &["nhân", "trong"];

/// Names inside which a cue is only a syllable of the name.
pub const NAME_KINDS: &[EntityKind] = &[
    EntityKind::Per,
    EntityKind::Loc,
    EntityKind::Org,
    EntityKind::Title,
];

/// A sentence's event words, each with its role, and the landmarks of the
/// sentence that the arguments are read by.
pub struct Classified<'t> {
    /// The event words (joined, fused), with their roles.
    pub hits: Vec<(Hit<'t>, Role)>,
    /// The opening segments (when, where, on what occasion), in tokens.
    pub segments: Vec<Range<usize>>,
    /// The token where the main clause starts.
    pub lead_end: usize,
    /// Where frame verbs stand.
    pub frames: Vec<Range<usize>>,
    /// Where occasion words stand.
    pub occasions: Vec<Range<usize>>,
    /// The sentence's tie to an earlier event.
    pub tie: Option<Tie>,
}

/// The event words of a sentence and their roles; `None` when it has none.
pub fn classify<'t>(v: &SentenceView<'_>) -> Option<Classified<'t>> {
    let sentence = v.sentence;
    let raw: Vec<Hit> = find_triggers(&v.tokens, &v.entities)
        .into_iter()
        .filter(|h| !v.inside(h.tokens.start, NAME_KINDS))
        .map(|h| Hit {
            trigger: h.trigger,
            cue: h.tokens.clone(),
            tokens: h.tokens,
        })
        .collect();
    // In a sentence about a match, hosting and meeting are playing.
    let hosting = |h: &Hit<'_>| matches!(h.trigger.kind, EventKind::Reception | EventKind::Meeting);
    let raw: Vec<Hit> =
        if raw.iter().any(hosting) && (0..v.tokens.len()).any(|j| MATCH_WORDS.has(&v.tokens, j)) {
            raw.into_iter().filter(|h| !hosting(h)).collect()
        } else {
            raw
        };
    let hits = join_hits(v, raw);
    // Someone's quoted words tell no event of the article's own, planned
    // ones included ("“Chúng tôi sắp mở một buổi hội đàm …”, ông X nói");
    // a headline's quotation is the headline's report.
    let speech = if sentence.part == Part::Title {
        Vec::new()
    } else {
        quoted_speech(v)
    };
    let hits: Vec<Hit> = hits
        .into_iter()
        .filter(|h| {
            !v.in_parens(h.tokens.start)
                && !speech.iter().any(|q| q.contains(&h.tokens.start))
                && !is_generic(v, h)
                && !is_denied(v, h)
                && !faces_an_audience(v, h)
                && !states_no_second_side(v, h)
        })
        .collect();
    if hits.is_empty() {
        return None;
    }
    let segments = leading_segments(v, &hits);
    let lead_end = segments.last().map_or(0, |s| s.end + 1).min(v.tokens.len());
    // A frame word followed by "của" is a noun ("Đây là khẳng định của ông
    // X, tại buổi tiếp …"): it frames nothing.
    let mut frames = spans_of(v, &FRAMES, &hits);
    frames.retain(|f| v.tokens.get(f.end).map_or(true, |t| t.lower != "của"));
    let occasions = spans_of(v, &OCCASIONS, &hits);

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
            // An organisation named as the place ("ở trụ sở Trung ương
            // Đảng") is no actor.
            let names = v
                .entities_in(seg.clone(), &[EntityKind::Per, EntityKind::Org])
                .any(|e| e.kind == EntityKind::Per || !is_place_of(v, e));
            if !names {
                tie = tie.or_else(|| tie_of(v, seg, Some(h.trigger.kind)));
                Role::Pointer
            } else {
                Role::LeadingFrame
            }
        } else if frames.iter().any(|f| f.start >= lead_end && f.end <= s)
            || told_as_background(v, s)
        {
            Role::Embedded
        } else if occasions
            .iter()
            .any(|o| o.end <= s && !has_mark_between(v, o.end, s))
            || s.checked_sub(1)
                .is_some_and(|j| OCCASION_LEADS.contains(&v.tokens[j].lower.as_str()))
        {
            Role::Frame
        } else {
            Role::Predicate
        };
        classified.push((h, role));
    }
    if tie.is_none() {
        // "Trước đó, sáng cùng ngày,": the day it names wins over the order.
        let mut ties = segments.iter().filter_map(|seg| tie_of(v, seg, None));
        tie = ties.next().map(|first| match first.relation {
            Relation::SameDay => first,
            _ => ties
                .find(|t| t.relation == Relation::SameDay)
                .unwrap_or(first),
        });
    }
    let hits = fuse(v, classified, &frames);
    Some(Classified {
        hits,
        segments,
        lead_end,
        frames,
        occasions,
        tie,
    })
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
        // "cuộc họp Tham khảo Chính trị", "cuộc gặp Đối thoại chiến lược":
        // a plain meeting noun right before the name of the event is that
        // event.
        if h.trigger.kind == EventKind::Meeting && !h.trigger.governs && gap.is_empty() {
            return Some(Hit {
                trigger: n.trigger,
                cue: h.cue.start..n.cue.end,
                tokens: h.tokens.start..n.tokens.end,
            });
        }
        let join = h.trigger.governs
            && plain(&gap)
            && gap.len() <= 6
            && !participants::names_a_person(v, gap);
        join.then_some(Hit {
            trigger: n.trigger,
            cue: h.cue.start..n.cue.end,
            tokens: h.tokens.start..n.tokens.end,
        })
    });
    join_pass(governed, |h, n| {
        let gap = h.tokens.end..n.tokens.start;
        // "tiếp và làm việc với X", "tiếp, hội đàm với X": one sitting told
        // by two verbs is one event, of the first.
        // A welcome ceremony and the talks after it are two ("chủ trì lễ đón
        // và hội đàm với X").
        let one_sitting = gap.len() == 1
            && (v.tokens[gap.start].lower == "và" || v.tokens[gap.start].is(','))
            && SITTINGS.contains(&h.trigger.kind)
            && SITTINGS.contains(&n.trigger.kind)
            && v.tokens[h.cue.start].lower != "lễ";
        if one_sitting {
            return Some(Hit {
                trigger: h.trigger,
                cue: h.cue.clone(),
                tokens: h.tokens.start..n.tokens.end,
            });
        }
        if !plain(&gap) {
            return None;
        }
        // "đón đồng chí X thăm Việt Nam" welcomes a visit; "tiếp X đang
        // thăm …", "tiếp X nhân dịp thăm …" tell a reception during one;
        // a welcome ceremony ("lễ đón X … chuyến thăm") is a reception.
        let own_visit = arguments::has_status_cue(v, gap.clone())
            || gap.clone().any(|j| OCCASIONS.has(&v.tokens, j));
        let ceremony = v.tokens[h.cue.start].lower == "lễ";
        if h.trigger.kind == EventKind::Reception
            && n.trigger.kind == EventKind::Visit
            && gap.len() <= 12
            && !own_visit
            && !ceremony
        {
            return Some(Hit {
                trigger: n.trigger,
                cue: n.cue.clone(),
                tokens: h.tokens.start..n.tokens.end,
            });
        }
        let linked =
            gap.end > gap.start && matches!(v.tokens[gap.end - 1].lower.as_str(), "và" | "để");
        let purpose = h.trigger.kind == EventKind::Visit
            && TRIP_PURPOSES.contains(&n.trigger.kind)
            && linked
            && !participants::names_a_person(v, gap.clone())
            && !has_own_date(v, n.tokens.end);
        let commemorated = h.trigger.kind == EventKind::Anniversary && gap.len() <= 8;
        // "ký Biên bản phiên tham vấn": an event word in the name of the
        // document signed names no event of its own.
        let in_document = h.trigger.kind == EventKind::Signing
            && gap.len() <= 4
            && gap.clone().any(|j| object_at(&v.tokens, j, "documents"));
        (purpose || commemorated || in_document).then(|| h.clone())
    })
}

/// Whether `e` is named as where something happens: "tại", "ở" within the
/// two words before it ("ở trụ sở Bộ Ngoại giao").
fn is_place_of(v: &SentenceView<'_>, e: &crate::Entity) -> bool {
    let at = v.token_at(e.span.start);
    (at.saturating_sub(3)..at).any(|j| matches!(v.tokens[j].lower.as_str(), "tại" | "ở"))
}

/// One pass over neighbouring hits: `join(h, next)` gives the hit that
/// replaces both, or `None` to keep them apart.
fn join_pass<'t>(
    hits: Vec<Hit<'t>>,
    join: impl Fn(&Hit<'t>, &Hit<'t>) -> Option<Hit<'t>>,
) -> Vec<Hit<'t>> {
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

/// Whether the event word of `h` is preceded by a generic word ("các
/// chuyến thăm", "cơ chế Tham vấn", "sự đón tiếp"), classifiers skipped.
/// Plural events with a named partner ("có các cuộc điện đàm với Bộ
/// trưởng X") are real ones, told together.
fn is_generic(v: &SentenceView<'_>, h: &Hit<'_>) -> bool {
    let mut j = h.tokens.start;
    while j > 0
        && CLASSIFIERS
            .at(&v.tokens, j - 1)
            .is_some_and(|(len, _)| len == 1)
    {
        j -= 1;
    }
    let generic =
        (1..=2).any(|len| j >= len && GENERIC.all_at(&v.tokens, j - len).any(|(l, _)| l == len));
    let with_partner = v.tokens.get(h.tokens.end).is_some_and(|t| t.lower == "với")
        && actor_follows(&v.tokens, h.tokens.end, &v.entities);
    generic && !with_partner
}

/// How many words a quotation needs to be someone's speech: fewer are a
/// name or a phrase quoted ("danh hiệu “Công dân ưu tú”").
const SPEECH_WORDS: usize = 6;

/// The stretches of a sentence (token ranges) inside quotation marks that
/// hold someone's words. A closing mark with no opening one before it ends
/// a quotation that began in an earlier sentence ("…”, ông X cho biết."); an
/// opening mark with no closing one runs to the end. A straight mark left
/// over closes when a comma, a stop or the end follows it, else opens.
fn quoted_speech(v: &SentenceView<'_>) -> Vec<Range<usize>> {
    let t = &v.tokens;
    let straight = t.iter().filter(|x| x.is('"')).count();
    let mut straight_seen = 0;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let push = |r: Range<usize>, out: &mut Vec<Range<usize>>| {
        if t[r.clone()].iter().filter(|x| x.is_word()).count() >= SPEECH_WORDS {
            out.push(r);
        }
    };
    for j in 0..t.len() {
        let opens = if t[j].is('“') {
            true
        } else if t[j].is('”') {
            false
        } else if t[j].is('"') {
            straight_seen += 1;
            let left_over = straight % 2 == 1 && straight_seen == straight;
            if left_over && open.is_none() {
                !t.get(j + 1).map_or(true, |n| n.is(',') || n.is('.'))
            } else {
                open.is_none()
            }
        } else {
            continue;
        };
        if opens {
            open = Some(j + 1);
        } else {
            push(open.take().unwrap_or(0)..j, &mut out);
        }
    }
    if let Some(from) = open {
        push(from..t.len(), &mut out);
    }
    out
}

/// Whether a background word (`background.txt`: "từng", "đến nay") stands
/// before token `s` in its clause: a past fact or a running tally.
fn told_as_background(v: &SentenceView<'_>, s: usize) -> bool {
    let from = v.last_mark(s, &[',', ';', ':']).map_or(0, |i| i + 1);
    (from..s).any(|j| BACKGROUND.has(&v.tokens, j) && !v.inside(j, NAME_KINDS))
}

/// Words skipped between a sitting's word and the audience it faces.
const BEFORE_AUDIENCE: &[&str] = &["với", "các", "những", "đông", "đảo"];

/// Whether the other side of a call or a sitting is the public (the press,
/// voters, the people: `audiences.txt`): "trao đổi qua điện thoại với các
/// phóng viên" is a press remark, "tiếp xúc cử tri" a constituency meeting.
fn faces_an_audience(v: &SentenceView<'_>, h: &Hit<'_>) -> bool {
    if !matches!(
        h.trigger.kind,
        EventKind::PhoneCall | EventKind::Meeting | EventKind::Talks | EventKind::Reception
    ) {
        return false;
    }
    let mut j = h.tokens.end;
    while v
        .tokens
        .get(j)
        .is_some_and(|t| t.is_word() && BEFORE_AUDIENCE.contains(&t.lower.as_str()))
    {
        j += 1;
    }
    AUDIENCES.has(&v.tokens, j)
}

/// Whether a meeting word that needs two sides ("cuộc họp") states none:
/// no "giữa" or "với" after it in its part of the sentence and no joint
/// body named ("cuộc họp giữa hai Bộ", "cuộc họp Ủy ban hỗn hợp"). Without
/// them it is one body's own session ("cuộc họp Thường trực Chính phủ",
/// "Kết luận cuộc họp, Thứ trưởng X nhấn mạnh …").
fn states_no_second_side(v: &SentenceView<'_>, h: &Hit<'_>) -> bool {
    if !h.trigger.two_sides {
        return false;
    }
    let next = h.tokens.end;
    let part_end = v
        .next_mark(next, &[',', ';', ':', '.'])
        .unwrap_or(v.tokens.len())
        .min(next + SIDES_REACH);
    let joined = (next..part_end).any(|j| matches!(v.tokens[j].lower.as_str(), "giữa" | "với"));
    let joint = (next..part_end).any(|j| object_at(&v.tokens, j, "joint_bodies"));
    !joined && !joint
}

/// How far after a meeting word its sides or a joint body's name may
/// stand ("cuộc họp lần thứ 5 Ủy ban hỗn hợp", "cuộc họp cấp Bộ trưởng
/// giữa …").
const SIDES_REACH: usize = 10;

/// How far before an event word a negation denies it, in tokens.
const NEGATION_REACH: usize = 3;

/// Whether a negation stands shortly before the event word of `h`, in its
/// clause ("chưa ký", "không tham dự").
fn is_denied(v: &SentenceView<'_>, h: &Hit<'_>) -> bool {
    let s = h.tokens.start;
    (s.saturating_sub(NEGATION_REACH)..s)
        .rev()
        .take_while(|&j| v.tokens[j].is_word())
        .any(|j| NEGATIONS.has(&v.tokens, j))
}

/// The comma-separated segments that open the sentence and say when, where
/// or on what occasion. A segment that runs to the end of the sentence, or
/// names a person before an event word, is the main clause.
fn leading_segments(v: &SentenceView<'_>, hits: &[Hit<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = opening(v);
    while i < v.tokens.len() {
        let Some(comma) = v.next_mark(i, &[',', ';', ':']) else {
            break;
        };
        if !v.tokens[comma].is(',') || comma - i > 30 || comma == i {
            break;
        }
        let seg = i..comma;
        let opener = OPENERS.has(&v.tokens, i) || only_dates(v, seg.clone());
        let subject_first = v.entities_in(seg.clone(), &[EntityKind::Per]).any(|p| {
            hits.iter().any(|h| {
                seg.contains(&h.tokens.start) && v.tokens[h.tokens.start].span.start >= p.span.end
            })
        });
        if !opener || subject_first {
            break;
        }
        out.push(seg);
        i = comma + 1;
    }
    out
}

/// The first token of the sentence's own words: after bullets and dashes
/// ("* Chiều cùng ngày"), after an agency tag in brackets ("(VOV) -"), and
/// after the source it is told from ("Theo Thông tấn Mẫu: Ngày 5/4, …").
fn opening(v: &SentenceView<'_>) -> usize {
    let mut i = 0;
    loop {
        match v.tokens.get(i) {
            Some(t) if t.is('(') => match (i..v.tokens.len()).find(|&j| v.tokens[j].is(')')) {
                Some(close) if close - i <= 6 => i = close + 1,
                _ => return i,
            },
            Some(t) if t.lower == "theo" => {
                let colon = (i + 1..v.tokens.len().min(i + 1 + MAX_SOURCE_TOKENS))
                    .take_while(|&j| v.tokens[j].is_word() || v.tokens[j].is(':'))
                    .find(|&j| v.tokens[j].is(':'));
                match colon {
                    Some(c) => i = c + 1,
                    None => return i,
                }
            }
            Some(t) if !t.is_word() && !t.is('"') && !t.is('“') => i += 1,
            _ => return i,
        }
    }
}

/// How many tokens a source named before a colon may have ("Theo phóng
/// viên thường trú tại Bắc Kinh:").
const MAX_SOURCE_TOKENS: usize = 10;

fn only_dates(v: &SentenceView<'_>, seg: Range<usize>) -> bool {
    seg.clone()
        .filter(|&j| v.tokens[j].is_word())
        .all(|j| v.inside(j, &[EntityKind::Date, EntityKind::Time]))
        && !seg.is_empty()
}

/// The tie a leading segment makes: a tie word opening it (after a part
/// of day: "Chiều cùng ngày"), followed by an event word or nothing more
/// ("Ngay sau Hội đàm", "Trước đó"). "Sau"/"trước" an event of one sitting
/// (talks, a reception, a ceremony) is the same day; after a trip or a
/// conference, only after it.
fn tie_of(v: &SentenceView<'_>, seg: &Range<usize>, kind: Option<EventKind>) -> Option<Tie> {
    let part_of_day = Some(seg.start).filter(|&i| {
        v.tokens
            .get(i)
            .is_some_and(|t| arguments::part_of_day(&t.lower).is_some())
    });
    let start = seg.start + usize::from(part_of_day.is_some());
    let (len, rel) = TIES.at(&v.tokens, start)?;
    // "Tại Kỳ họp,": an event word whose conditions did not hold in so
    // short a segment still names the event pointed to.
    let kind = kind.or_else(|| {
        TRIGGERS
            .at(&v.tokens, start + len)
            .filter(|(cue, _)| start + len + cue == seg.end)
            .map(|(_, t)| t.kind)
    });
    if kind.is_none() && seg.end - start != len {
        return None;
    }
    let relation = match rel.as_str() {
        "same-day" => Relation::SameDay,
        "before" | "after" if kind.is_some_and(is_one_sitting) => Relation::SameDay,
        "before" => Relation::Before,
        "after" => Relation::After,
        _ => return None,
    };
    Some(Tie {
        relation,
        kind,
        part_of_day,
    })
}

/// Events held in one sitting, the same day as what comes right before or
/// after them; trips and conferences last days.
fn is_one_sitting(kind: EventKind) -> bool {
    !matches!(kind, EventKind::Visit | EventKind::Conference)
}

/// Where phrases of `lex` occur, outside the event words themselves.
fn spans_of(v: &SentenceView<'_>, lex: &Phrases<()>, hits: &[Hit<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.tokens.len() {
        match lex.at(&v.tokens, i) {
            Some((len, _))
                if !hits
                    .iter()
                    .any(|h| h.tokens.start < i + len && i < h.tokens.end) =>
            {
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
/// A frame word between them ("sang thăm Việt Nam trong năm 2024, đồng
/// thời tin rằng chuyến thăm sẽ …") starts another clause: two mentions,
/// each with its own arguments.
fn fuse<'t>(
    v: &SentenceView<'_>,
    hits: Vec<(Hit<'t>, Role)>,
    frames: &[Range<usize>],
) -> Vec<(Hit<'t>, Role)> {
    let mut out: Vec<(Hit, Role)> = Vec::with_capacity(hits.len());
    for (h, role) in hits {
        if let Some((last, last_role)) = out.last_mut() {
            let same = last.trigger.kind == h.trigger.kind && *last_role == role;
            let gap = last.tokens.end..h.tokens.start;
            let one_clause = !gap.clone().any(|j| v.tokens[j].is(';'))
                && !frames
                    .iter()
                    .any(|f| f.start >= gap.start && f.end <= gap.end);
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

    use crate::text::lists;
    use crate::text::tokens::tokenize;

    /// How many phrases of `phrase` the lexicon matches at its start.
    fn matched<T>(lex: &Phrases<T>, phrase: &str) -> Option<usize> {
        let tokens = tokenize(phrase, 0..phrase.len());
        lex.at(&tokens, 0).map(|(n, _)| n)
    }

    /// Every line of `data` is in `lex` whole; there are at least `min`;
    /// `known` is one of them and `absent` is not.
    fn check<T>(name: &str, lex: &Phrases<T>, data: &str, min: usize, known: &str, absent: &str) {
        let lines: Vec<&str> = lists::lines(data).collect();
        assert!(
            lines.len() >= min,
            "{name}: {} entries, expected at least {min}",
            lines.len()
        );
        for line in &lines {
            // A keyed list's line is "key<TAB>phrase".
            let phrase = line.rsplit('\t').next().unwrap();
            let words = tokenize(phrase, 0..phrase.len()).len();
            assert_eq!(
                matched(lex, phrase),
                Some(words),
                "{name}: {phrase:?} not loaded whole"
            );
        }
        assert!(
            lines.iter().any(|l| l.ends_with(known)),
            "{name}: {known:?} not listed"
        );
        assert_eq!(
            matched(lex, absent),
            None,
            "{name}: {absent:?} should not match"
        );
    }

    #[test]
    fn every_word_list_loads_whole() {
        let data = |f: &str| match f {
            "frames" => include_str!("../../data/events/frames.txt"),
            "openers" => include_str!("../../data/events/openers.txt"),
            "occasions" => include_str!("../../data/events/occasions.txt"),
            "generic" => include_str!("../../data/events/generic.txt"),
            "classifiers" => include_str!("../../data/events/classifiers.txt"),
            _ => include_str!("../../data/events/ties.tsv"),
        };
        check("frames", &FRAMES, data("frames"), 29, "cảm ơn", "hội đàm");
        check(
            "openers",
            &OPENERS,
            data("openers"),
            47,
            "trong khuôn khổ",
            "hội đàm",
        );
        check(
            "occasions",
            &OCCASIONS,
            data("occasions"),
            6,
            "nhân chuyến",
            "cảm ơn",
        );
        check("generic", &GENERIC, data("generic"), 10, "những", "hội đàm");
        check(
            "classifiers",
            &CLASSIFIERS,
            data("classifiers"),
            6,
            "chuyến",
            "những",
        );
        check("ties", &TIES, data("ties"), 17, "ngay sau", "hội đàm");
    }

    #[test]
    fn ties_carry_their_kind() {
        let kind = |phrase: &str| {
            let t = tokenize(phrase, 0..phrase.len());
            TIES.at(&t, 0).map(|m| m.1.as_str())
        };
        assert_eq!(kind("trước đó"), Some("before"));
        assert_eq!(kind("ngay sau đó"), Some("same-day"));
    }
}
