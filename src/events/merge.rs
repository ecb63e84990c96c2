//! One real event, one entry: the mentions of an event in the headline, the
//! lead and the body are merged when nothing they say disagrees (type,
//! status, date, session number, people, place). Then ties are resolved
//! ("Ngay sau Hội đàm" takes the talks' date) and the years given.

use super::mentions::{Mention, Relation, Role};
use crate::values::date::EventDate;

/// The heads of delegations a sentence without an event word names, and
/// how many mentions were read before it.
#[derive(Clone, Debug)]
pub struct Delegation {
    /// Mentions before it.
    pub before: usize,
    /// The people who lead.
    pub heads: Vec<Participant>,
}
use super::participants;
use super::roles::SITTINGS;
use crate::normalise::compose::to_lowercase;
use crate::{EventKind, EventStatus, Participant, Ymd};
use std::collections::HashMap;

/// How many earlier events of one type a mention is compared with: enough
/// for any article, and it keeps merging linear in the input.
const COMPARE_WITH: usize = 32;

/// One event: the mentions that tell of it and what they say together.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// Indices of its mentions.
    pub mentions: Vec<usize>,
    /// The type.
    pub kind: EventKind,
    /// The status.
    pub status: EventStatus,
    /// The date, once known.
    pub date: Option<EventDate>,
    /// The part of day said with the date.
    pub time_of_day: Option<String>,
    /// The date's year came from the page's date, not from the text.
    pub anchored: bool,
    /// A date said after the trigger of a tied sentence, used when the tie
    /// gives none.
    pub fallback: Option<(EventDate, Option<String>, bool)>,
    /// People.
    pub persons: Vec<Participant>,
    /// Organisations.
    pub orgs: Vec<Participant>,
    /// Where, and whether a reporting sentence said it.
    pub location: Option<(String, bool)>,
    /// At a third place.
    pub third_place: bool,
    /// Session number.
    pub ordinal: Option<u32>,
    /// What a signing signs.
    pub object: Option<String>,
    /// A reporting sentence or the headline tells of it.
    pub strong: bool,
    /// Its subject is "hai bên", "hai nước": it has actors though no name.
    pub sides: bool,
    /// Every mention's trigger needs two named sides ("cuộc họp").
    pub needs_two_sides: bool,
    /// Every mention names only private persons (see [`Mention::private`]).
    pub private: bool,
    /// The headline tells of it.
    pub in_title: bool,
    /// Tie to an earlier event: relation and that event's index.
    pub tie: Option<(Relation, usize)>,
    /// The date came from the tie.
    pub date_from_tie: bool,
    /// The date came from the main event, on whose occasion it was told.
    pub date_from_occasion: bool,
    /// The date came from a photo caption that tells the same act.
    pub date_from_caption: bool,
    /// An event moved from the year the entity stage gave (nearest the
    /// page's date) to one on or after it (planned) or before it (done).
    pub year_moved: bool,
}

impl Cluster {
    fn new(i: usize, m: &Mention) -> Cluster {
        let mut c = Cluster {
            mentions: Vec::new(),
            kind: m.kind,
            status: m.status,
            date: None,
            time_of_day: None,
            anchored: false,
            fallback: None,
            persons: Vec::new(),
            orgs: Vec::new(),
            location: None,
            third_place: false,
            ordinal: None,
            object: None,
            strong: false,
            sides: false,
            needs_two_sides: true,
            private: true,
            in_title: false,
            tie: None,
            date_from_tie: false,
            date_from_occasion: false,
            date_from_caption: false,
            year_moved: false,
        };
        c.absorb(i, m);
        c
    }

    fn absorb(&mut self, i: usize, m: &Mention) {
        self.mentions.push(i);
        let (date, fallback) = mention_date(m);
        if let Some(d) = date {
            match self.date {
                None => {
                    self.date = Some(d.date);
                    self.time_of_day = d.time_of_day.clone();
                    self.anchored = d.anchored;
                }
                Some(c) => {
                    if let Some(both) = c.combine(d.date) {
                        // A year written in one mention wins.
                        self.anchored &= d.anchored || !d.date.has_year();
                        self.date = Some(both);
                    }
                }
            }
            if self.time_of_day.is_none() {
                self.time_of_day = d.time_of_day.clone();
            }
        }
        if self.fallback.is_none() {
            self.fallback = fallback.map(|d| (d.date, d.time_of_day.clone(), d.anchored));
        }
        // A headline joined by one person in common (see `accepts`) adds no
        // one: who else it names may be at another event of the article.
        let loose = matches!(m.role, Role::Title | Role::Heading);
        let partial = !self.persons.is_empty()
            && m.named
                .persons
                .iter()
                .any(|p| !self.persons.iter().any(|q| participants::same(q, p)));
        for p in m.named.persons.iter().filter(|_| !(loose && partial)) {
            participants::add(&mut self.persons, p.clone());
        }
        for o in &m.named.orgs {
            participants::add(&mut self.orgs, o.clone());
        }
        let reported = m.role.is_strong() && m.role != Role::Title;
        if let (Some(l), false) = (&m.location, m.role == Role::Heading) {
            // A sentence about the event itself ("Vòng tham vấn này diễn ra
            // tại X") says best where it was.
            let about_it = m.refers_back && reported;
            if about_it || self.location.as_ref().map_or(true, |(_, r)| !r && reported) {
                self.location = Some((l.clone(), reported));
            }
        }
        self.third_place |= m.third_place;
        self.ordinal = self.ordinal.or(m.ordinal);
        if self.object.is_none() && !matches!(m.role, Role::Title | Role::Heading) {
            self.object = m.object.clone();
        }
        self.strong |= m.role.is_strong();
        self.sides |= m.sides;
        self.needs_two_sides &= m.two_sides;
        self.private &= m.private;
        self.in_title |= m.role == Role::Title;
    }

    /// Adds the heads of the delegations at it, when it names fewer than
    /// two people of its own.
    fn add_heads(&mut self, heads: &[Participant]) {
        if self.persons.len() < 2 {
            for h in heads {
                participants::add(&mut self.persons, h.clone());
            }
        }
    }

    /// Whether `m` may tell of this event.
    fn accepts(&self, m: &Mention) -> bool {
        if self.kind != m.kind || self.status != m.status {
            return false;
        }
        if let (Some(a), Some(b)) = (self.date, mention_date(m).0) {
            if a.combine(b.date).is_none() {
                return false;
            }
        }
        // A headline is brief: what it leaves out or words loosely does not
        // keep it from the event the article reports.
        let loose = matches!(m.role, Role::Title | Role::Heading);
        if let (Some(a), Some(b), false) = (self.ordinal, m.ordinal, loose) {
            if a != b {
                return false;
            }
        }
        // Two signings of different documents are two events.
        if let (Some(a), Some(b), false) = (&self.object, &m.object, loose) {
            if a != b {
                return false;
            }
        }
        let (mine, theirs) = (&self.persons, &m.named.persons);
        let has =
            |list: &[Participant], p: &Participant| list.iter().any(|q| participants::same(q, p));
        if !mine.is_empty() && !theirs.is_empty() {
            // A headline may name a side by its country or title only
            // ("… hội đàm với Ngoại trưởng Phần Lan"): one person in common
            // will do there.
            let sub = theirs.iter().all(|p| has(mine, p))
                || mine.iter().all(|p| has(theirs, p))
                || (loose && theirs.iter().any(|p| has(mine, p)));
            if !sub {
                return false;
            }
        }
        // Two places named for one meeting must agree; a visit names its
        // country here and its city there.
        if self.kind != EventKind::Visit && !loose {
            if let (Some((a, _)), Some(b)) = (&self.location, &m.location) {
                let (a, b) = (to_lowercase(a), to_lowercase(b));
                if !a.contains(&b) && !b.contains(&a) {
                    return false;
                }
            }
        }
        true
    }
}

/// A headline's sitting that the body tells with another word ("Thủ
/// tướng tiếp Đại sứ X" over "… đã làm việc với Đại sứ X"): the first
/// event of one sitting the body reports that shares a person with it.
fn sitting_told_otherwise(clusters: &[Cluster], reported: &[usize], m: &Mention) -> Option<usize> {
    if !SITTINGS.contains(&m.kind) || m.named.persons.is_empty() {
        return None;
    }
    reported.iter().copied().find(|&j| {
        let c = &clusters[j];
        SITTINGS.contains(&c.kind)
            && c.status == m.status
            && m.named
                .persons
                .iter()
                .any(|p| c.persons.iter().any(|q| participants::same(p, q)))
    })
}

/// The date a mention gives at merge time, and the one kept for when its
/// tie gives none: the opening's date wins, then the tie, then the date
/// said after the trigger.
fn mention_date(
    m: &Mention,
) -> (
    Option<&super::arguments::DateFound>,
    Option<&super::arguments::DateFound>,
) {
    match (&m.leading, m.tie) {
        (Some(d), _) => (Some(d), None),
        (None, Some(t)) if t.relation == Relation::SameDay => (None, m.local.as_ref()),
        (None, _) => (m.local.as_ref(), None),
    }
}

/// Merges mentions into events, resolves ties and gives years.
pub fn merge(
    mentions: &[Mention],
    delegations: &[Delegation],
    anchor: Option<Ymd>,
) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    // The clusters of each type, in creation order: mentions are compared
    // with a bounded number of them.
    let mut by_kind: HashMap<EventKind, Vec<usize>> = HashMap::new();
    // Events reported outright, latest last: what "Trước đó" points back to.
    let mut reported: Vec<usize> = Vec::new();
    let body = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.role != Role::Title);
    let title = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.role == Role::Title);
    let mut pending = delegations.iter().peekable();
    for (i, m) in body.chain(title) {
        // Delegation heads named before this mention join the event
        // reported last (the headline comes after the whole body).
        while let Some(d) = pending.next_if(|d| d.before <= i || m.role == Role::Title) {
            if let Some(&r) = reported.last() {
                clusters[r].add_heads(&d.heads);
            }
        }
        if m.role == Role::Pointer {
            // A pointer adds nothing to an event already told; it tells
            // one only when none of its kind came before.
            let any_of = |k: &EventKind| by_kind.get(k).is_some_and(|c| !c.is_empty());
            let told =
                any_of(&m.kind) || (SITTINGS.contains(&m.kind) && SITTINGS.iter().any(any_of));
            // A meeting word is too plain to tell one ("Tại cuộc họp, …" in
            // any report).
            if told || m.named.persons.is_empty() || m.kind == EventKind::Meeting {
                continue;
            }
        }
        let same_kind = by_kind.entry(m.kind).or_default();
        // The headline speaks of the first event of its kind; the body refers back to the latest.
        let found = if m.refers_back && m.role != Role::Title {
            same_kind.last().copied()
        } else if m.role == Role::Title {
            same_kind
                .iter()
                .take(COMPARE_WITH)
                .copied()
                .find(|&j| clusters[j].accepts(m))
                .or_else(|| sitting_told_otherwise(&clusters, &reported, m))
        } else {
            same_kind
                .iter()
                .rev()
                .take(COMPARE_WITH)
                .copied()
                .find(|&j| clusters[j].accepts(m))
        };
        let target = match found {
            Some(j) => {
                clusters[j].absorb(i, m);
                j
            }
            // A heading or teaser only adds to an event the article tells.
            None if m.is_specific() && m.role != Role::Heading => {
                clusters.push(Cluster::new(i, m));
                same_kind.push(clusters.len() - 1);
                clusters.len() - 1
            }
            None => continue,
        };
        if let (Some(tie), None) = (m.tie, clusters[target].tie) {
            let by_kind = tie.kind.and_then(|k| {
                reported
                    .iter()
                    .rev()
                    .copied()
                    .find(|&j| j != target && clusters[j].kind == k)
            });
            // Without an event word ("Cùng ngày", "Trước đó"): the event
            // reported last that has a date, else the one reported last.
            // An event tied to the same day as another has its date,
            // though it is given only once all ties are read.
            let dated = || {
                reported.iter().rev().copied().find(|&j| {
                    j != target
                        && (clusters[j].date.is_some()
                            || matches!(clusters[j].tie, Some((Relation::SameDay, _))))
                })
            };
            let referent = by_kind
                .or_else(dated)
                .or_else(|| reported.iter().rev().copied().find(|&j| j != target));
            if let Some(r) = referent {
                clusters[target].tie = Some((tie.relation, r));
            }
        }
        // "Hai bên đã ký kết …": the two sides of the event it is tied to,
        // or of the one reported last, that has two sides; else whoever the
        // tied event names.
        if m.both_sides && clusters[target].persons.is_empty() {
            let two_sided = |j: usize| j != target && clusters[j].persons.len() >= 2;
            let tied = clusters[target].tie.map(|t| t.1).filter(|&j| j != target);
            let from = tied
                .filter(|&j| two_sided(j))
                .or_else(|| reported.iter().rev().copied().find(|&j| two_sided(j)))
                .or(tied);
            if let Some(r) = from {
                clusters[target].persons = clusters[r].persons.clone();
            }
        }
        if m.role == Role::Predicate {
            reported.retain(|&j| j != target);
            reported.push(target);
            if reported.len() > COMPARE_WITH {
                reported.remove(0);
            }
        }
    }
    for d in pending {
        if let Some(&r) = reported.last() {
            clusters[r].add_heads(&d.heads);
        }
    }
    stated_years(&mut clusters);
    // A tie may point forward in creation order (the lead names the event
    // before the sentence it is tied to), so resolve until nothing changes.
    for _ in 0..3 {
        for j in 0..clusters.len() {
            if let (None, Some((Relation::SameDay, r))) = (clusters[j].date, clusters[j].tie) {
                if r != j && clusters[r].date.is_some() {
                    clusters[j].date = clusters[r].date;
                    clusters[j].anchored = clusters[r].anchored;
                    clusters[j].date_from_tie = true;
                    if clusters[j].time_of_day.is_none() {
                        let said = clusters[j].mentions.iter();
                        clusters[j].time_of_day = said
                            .filter_map(|&i| mentions[i].tie_part_of_day.clone())
                            .next();
                    }
                }
            }
        }
    }
    for c in &mut clusters {
        if c.date.is_none() {
            if let Some((d, t, anchored)) = c.fallback.clone() {
                c.date = Some(d);
                c.time_of_day = t;
                c.anchored = anchored;
            }
        }
        // The entity stage puts a date without a year nearest the page's
        // date; an event the page reports as done is on or before that
        // date, a planned one on or after it.
        let entity_year = c.date.and_then(|d| d.year);
        if c.anchored {
            c.date = c.date.map(|d| EventDate { year: None, ..d });
        }
        c.date = c.date.map(|d| d.with_year_from(anchor, c.status));
        c.year_moved = c.anchored && c.date.and_then(|d| d.year) != entity_year;
    }
    clusters
}

/// A day and month said without a year takes the year the text states for
/// that same day elsewhere ("Trong khuôn khổ chuyến thăm …, ngày 14/2, …
/// hội đàm" and "… thăm Việt Nam trong năm 2025": the visit is on
/// 2025-02-14, so are the talks), when only one year is stated for it.
/// A date that founded what is commemorated ("thiết lập quan hệ ngoại
/// giao ngày 2/12/1960") lends its year to no one, nor does any year older
/// than the latest the text states for a past event.
fn stated_years(clusters: &mut [Cluster]) {
    let latest = clusters
        .iter()
        .filter(|c| c.status == EventStatus::Happened)
        .filter_map(|c| c.date.and_then(|d| d.year))
        .max();
    let mut stated: HashMap<(u8, u8), Option<i32>> = HashMap::new();
    let sources = clusters.iter().filter(|c| {
        !c.anchored
            && c.status == EventStatus::Happened
            && !matches!(
                c.kind,
                EventKind::EstablishRelations | EventKind::Anniversary
            )
    });
    for c in sources {
        if let Some(EventDate {
            year: Some(y),
            month: Some(m),
            day: Some(d),
        }) = c.date.filter(|d| d.year == latest)
        {
            stated
                .entry((m, d))
                .and_modify(|e| *e = e.filter(|&x| x == y))
                .or_insert(Some(y));
        }
    }
    for c in clusters.iter_mut() {
        if let Some(EventDate {
            year: None,
            month: Some(m),
            day: Some(d),
        }) = c.date
        {
            if let Some(Some(y)) = stated.get(&(m, d)) {
                c.date = Some(EventDate {
                    year: Some(*y),
                    month: Some(m),
                    day: Some(d),
                });
            }
        }
    }
}

/// An event the body tells after the main one, with no date of its own and
/// no tie, that shares a person with the main event, took place on its
/// occasion: the airport welcome of a visit, the talks after a welcome
/// ceremony, the visit during which a reception is held. It takes the main
/// event's date. What is planned keeps its own.
pub fn date_from_occasion(
    clusters: &mut [Cluster],
    main: usize,
    listed: &[usize],
    mentions: &[Mention],
) {
    let Some(date) = clusters[main].date else {
        return;
    };
    let anchored = clusters[main].anchored;
    let after = clusters[main].position(mentions);
    for &c in listed {
        let cl = &clusters[c];
        let shares = cl.persons.iter().any(|p| {
            clusters[main]
                .persons
                .iter()
                .any(|q| participants::same(p, q))
        });
        if cl.date.is_none()
            && cl.tie.is_none()
            && cl.strong
            && cl.status != EventStatus::Planned
            && shares
            && cl.position(mentions) > after
        {
            let cl = &mut clusters[c];
            cl.date = Some(date);
            cl.anchored = anchored;
            cl.date_from_occasion = true;
        }
    }
}

/// Whether an event is listed: someone takes part in it (an event needs
/// named actors: "du khách gọi điện đặt phòng" is none; a call or a
/// reception needs a named person), and it is told
/// outright, planned, or dated with a year (an undated aside says too
/// little to place it on a timeline).
pub fn is_listed(c: &Cluster) -> bool {
    // A call or a reception is between people: a club hosting a match
    // ("tiếp đón Dynamo Kiev") is none.
    let between_people = matches!(c.kind, EventKind::PhoneCall | EventKind::Reception);
    // A body's own session ("tại cuộc họp Ban chỉ đạo …") has no two sides.
    let two_sides = c.persons.len() + c.orgs.len() >= 2 || c.sides;
    let actors = if between_people {
        !c.persons.is_empty()
    } else {
        !c.persons.is_empty() || !c.orgs.is_empty() || c.sides
    };
    // A sitting is between people in public life: when everyone it names
    // is a private person ("N. vô tình gặp C."), it is no event of the spec.
    let sitting = matches!(
        c.kind,
        EventKind::PhoneCall | EventKind::Reception | EventKind::Meeting | EventKind::Talks
    );
    actors
        && !(sitting && c.private)
        && (two_sides || !c.needs_two_sides)
        && (c.strong || c.status == EventStatus::Planned || c.date.is_some_and(|d| d.has_year()))
}
