//! Who takes part in an event: the named people in the mention's stretch
//! of the sentence, with the role and country of their PER entity; the
//! organisations there only where no person is named.

use super::view::SentenceView;
use crate::fasthash::FastMap;
use crate::text::lists;
use crate::text::phrases::{Mode, Phrases};
use crate::{Entity, EntityKind, Participant};
use std::ops::Range;
use std::sync::LazyLock;

/// Who holds each title the article names people by: a title said alone
/// later ("Chủ tịch nước cảm ơn …", "đón Chủ tịch nước") stands for the one
/// person of the article who holds it, or for no one when two do. A role
/// of several words is also known by its first words ("Bộ trưởng Ngoại
/// giao" by "Bộ trưởng"), as long as that too is one person's.
#[derive(Debug, Default)]
pub struct RoleIndex {
    holders: FastMap<String, Option<Participant>>,
    /// Titles as written, looked up once each: most recur.
    seen: std::cell::RefCell<FastMap<String, Option<Participant>>>,
}

impl RoleIndex {
    /// The index of the PER entities `people`.
    pub fn new<'e>(people: impl IntoIterator<Item = &'e Entity>) -> RoleIndex {
        let mut holders: FastMap<String, Option<Participant>> = FastMap::default();
        // A person is named many times with the same roles: each name and
        // role once.
        let mut seen: FastMap<(&str, &str), ()> = FastMap::default();
        for e in people.into_iter().filter(|e| e.kind == EntityKind::Per) {
            let mut p: Option<Participant> = None;
            for role in &e.roles {
                if seen
                    .insert((e.canonical.as_str(), role.as_str()), ())
                    .is_some()
                {
                    continue;
                }
                let p = p.get_or_insert_with(|| person(e));
                let lower = office_key(role);
                if lower.split(' ').count() < MIN_TITLE_WORDS {
                    continue;
                }
                // Where each prefix of MIN_TITLE_WORDS words or more ends.
                let spaces = lower.match_indices(' ').map(|(i, _)| i);
                let ends = spaces
                    .skip(MIN_TITLE_WORDS - 1)
                    .chain(std::iter::once(lower.len()));
                for end in ends {
                    let key = &lower[..end];
                    match holders.get_mut(key) {
                        Some(h) => {
                            if h.as_ref().is_some_and(|q| !same(q, p)) {
                                *h = None;
                            }
                        }
                        None => {
                            holders.insert(key.to_string(), Some(p.clone()));
                        }
                    }
                }
            }
        }
        RoleIndex {
            holders,
            seen: Default::default(),
        }
    }

    /// Whether no title stands for anyone.
    pub fn is_empty(&self) -> bool {
        self.holders.is_empty()
    }

    /// The titles said alone in the sentence of `v`, by where they start,
    /// each with its holder.
    pub fn stand_ins(&self, v: &SentenceView<'_>) -> Vec<(usize, Participant)> {
        let mut seen = self.seen.borrow_mut();
        let mut out = Vec::new();
        for t in v.entities.iter().filter(|t| t.kind == EntityKind::Title) {
            if !is_bare_title(v, t) {
                continue;
            }
            if !seen.contains_key(t.text.as_str()) {
                seen.insert(t.text.clone(), self.holder(&t.text).cloned());
            }
            if let Some(Some(p)) = seen.get(t.text.as_str()) {
                out.push((t.span.start, p.clone()));
            }
        }
        out
    }

    /// The one person who holds `title`, if one does.
    pub fn holder(&self, title: &str) -> Option<&Participant> {
        self.holders.get(&office_key(title))?.as_ref()
    }
}

/// The office a title names, lower-cased: "Bộ trưởng Bộ Quốc phòng" and
/// "Bộ trưởng Quốc phòng" are one office, so a headline's "Bộ trưởng Quốc
/// phòng" is not taken for a foreign "Bộ trưởng Quốc phòng Indonesia" alone.
fn office_key(title: &str) -> String {
    let lower = crate::text::chars::to_lowercase(title.trim());
    for head in ["bộ trưởng bộ ", "thứ trưởng bộ "] {
        if let Some(rest) = lower.strip_prefix(head) {
            return format!("{}{rest}", &head[..head.len() - "bộ ".len()]);
        }
    }
    lower
}

/// A title of fewer words ("Ông") says too little to stand for anyone.
const MIN_TITLE_WORDS: usize = 2;

/// Whether the TITLE entity `t` is said alone: no name in it or right
/// after it ("Chủ tịch nước và đoàn", not "Chủ tịch nước Võ Đức Toàn").
fn is_bare_title(v: &SentenceView<'_>, t: &Entity) -> bool {
    let named_inside = v.entities.iter().any(|e| {
        e.kind == EntityKind::Per && e.span.start < t.span.end && t.span.start < e.span.end
    });
    let next = v.tokens.get(v.token_after(t.span.end));
    // "hai Bộ trưởng", "các Đại sứ": more than one person.
    let plural = v
        .token_at(t.span.start)
        .checked_sub(1)
        .and_then(|j| v.tokens.get(j))
        .is_some_and(|p| p.is_number() || PLURALS.contains(&p.lower.as_str()));
    !named_inside && !plural && !next.is_some_and(|n| n.cap)
}

/// Words before a title that make it stand for several people.
const PLURALS: &[&str] = &["hai", "ba", "bốn", "năm", "các", "những", "nhiều", "mấy"];

/// The people and organisations named in tokens `r`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Named {
    /// People, in order, each once.
    pub persons: Vec<Participant>,
    /// Organisations, in order, each once (not those inside a title).
    pub orgs: Vec<Participant>,
}

/// The participant for a PER entity: its canonical name, the role closest
/// to the name, its country.
pub fn person(e: &Entity) -> Participant {
    Participant {
        role: e.roles.last().cloned(),
        ..org(e)
    }
}

/// The participant for an ORG entity (no role).
fn org(e: &Entity) -> Participant {
    let name = if e.canonical.trim().is_empty() {
        e.text.clone()
    } else {
        e.canonical.clone()
    };
    Participant {
        name,
        role: None,
        country: e.country.clone(),
    }
}

/// The key two mentions of one participant share.
pub fn key(p: &Participant) -> String {
    crate::normalise::compose::to_lowercase(&p.name)
}

/// Whether two mentions name one participant: the same name, or one name
/// ending in the other of two words or more ("Lào Bounmy Keosavang", a
/// country word run into the name, and "Bounmy Keosavang").
pub fn same(a: &Participant, b: &Participant) -> bool {
    // The same spelling, the common case, needs no lower-casing.
    if a.name == b.name {
        return true;
    }
    // Equal keys, or one ending in the other, end in the same lower-case
    // letter: most pairs differ there, and need no lower-casing. (A final
    // capital sigma lower-cases by context: left to the full comparison.)
    let last = |s: &str| s.chars().next_back().map(|c| (c, c.to_lowercase().last()));
    match (last(&a.name), last(&b.name)) {
        (Some(('Σ', _)), _) | (_, Some(('Σ', _))) => {}
        (Some((_, x)), Some((_, y))) if x == y => {}
        _ => return false,
    }
    same_keys(key(a), key(b))
}

/// [`same`] on the two keys.
fn same_keys(a: String, b: String) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long == short
        || (short.split_whitespace().count() >= 2
            && long
                .strip_suffix(short.as_str())
                .is_some_and(|head| head.ends_with(' ')))
}

/// Adds `p` to `list` unless it is there; a fuller role wins.
pub fn add(list: &mut Vec<Participant>, p: Participant) {
    match list.iter_mut().find(|q| same(q, &p)) {
        Some(q) => {
            if p.role.as_ref().map_or(0, String::len) > q.role.as_ref().map_or(0, String::len) {
                q.role = p.role;
            }
            if q.country.is_none() {
                q.country = p.country;
            }
        }
        None => list.push(p),
    }
}

/// The people and organisations in tokens `r` of the sentence.
pub fn named_in(v: &SentenceView<'_>, r: Range<usize>) -> Named {
    let mut named = Named::default();
    let titles: Vec<&Entity> = v
        .entities_in(r.clone(), &[EntityKind::Title, EntityKind::Per])
        .collect();
    for e in v.entities_in(r, &[EntityKind::Per, EntityKind::Org, EntityKind::Title]) {
        match e.kind {
            EntityKind::Per => add(&mut named.persons, person(e)),
            EntityKind::Title => {
                if let Some((_, p)) = v.stand_ins.iter().find(|(at, _)| *at == e.span.start) {
                    add(&mut named.persons, p.clone());
                }
            }
            _ => {
                // "Bộ Ngoại giao" inside "Thứ trưởng Bộ Ngoại giao" is a title's.
                let in_title = titles.iter().any(|t| {
                    t.span.start <= e.span.start && e.span.end <= t.span.end && t.span != e.span
                });
                if !in_title {
                    add(&mut named.orgs, org(e));
                }
            }
        }
    }
    named
}

/// Places that open the stretch `r` before an event word and act as its
/// subject, when no one else is named: countries told as actors ("Mỹ và
/// Trung Quốc tiến hành tham vấn", "nước này và Mỹ đã …"). A place later
/// in the stretch ("mời đoàn tỉnh X đến thăm") is no subject.
pub fn places_as_actors(v: &SentenceView<'_>, r: Range<usize>) -> Vec<Participant> {
    let mut out = Vec::new();
    let mut i = r.start;
    for e in v.entities_in(r.clone(), &[EntityKind::Loc]) {
        let at = v.token_at(e.span.start);
        // The opening place, or one joined to the opening by "và"/",".
        let joined = at > r.start
            && at - r.start <= 3
            && (v.tokens[at - 1].lower == "và" || v.tokens[at - 1].is(','));
        if at != i && !joined {
            break;
        }
        add(&mut out, org(e));
        i = v.token_after(e.span.end) + 1;
    }
    out
}

static PRIVATE_MARKS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    lists::words(
        include_str!("../../data/events/private_marks.txt"),
        Mode::AnyCase,
    )
});

/// Whether `p` is named in the sentence the way news names a private
/// person: after a word of `private_marks.txt` ("anh X", "bị cáo Y"), or
/// with the given name cut to its initial ("Nguyễn Thị N.", the way
/// reports hide a suspect's or a victim's name).
pub fn is_private(v: &SentenceView<'_>, p: &Participant) -> bool {
    v.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Per && person(e).name == p.name)
        .any(|e| {
            let at = v.token_at(e.span.start);
            let familiar = (1..=2).any(|len| {
                at.checked_sub(len)
                    .is_some_and(|j| PRIVATE_MARKS.all_at(&v.tokens, j).any(|(l, _)| l == len))
            });
            let initial = e
                .text
                .trim_end_matches('.')
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.chars().count() == 1 && e.text.contains(' '));
            familiar || initial
        })
}

/// Pronouns that stand for a person named before them.
const PRONOUNS: &[&str] = &["ông", "bà", "ngài"];

/// The person a pronoun in tokens `r` stands for ("Bộ trưởng X cho biết bà
/// sẽ thăm …", "nhân chuyến thăm của ông"): the last person named before it
/// in the sentence. A pronoun before a name is a title ("ông Trần Văn A").
pub fn pronoun_referent(v: &SentenceView<'_>, r: Range<usize>) -> Option<Participant> {
    let end = r.end.min(v.tokens.len());
    let at = (r.start..end).find(|&j| {
        PRONOUNS.contains(&v.tokens[j].lower.as_str())
            && !v.tokens.get(j + 1).is_some_and(|n| n.cap)
            && !v.inside(j, &[EntityKind::Per, EntityKind::Title])
    })?;
    let before = v.tokens[at].span.start;
    v.entities
        .iter()
        .rfind(|e| e.kind == EntityKind::Per && e.span.end <= before)
        .map(|e| person(e))
}

/// Whether tokens `r` name a person.
pub fn names_a_person(v: &SentenceView<'_>, r: Range<usize>) -> bool {
    v.entities_in(r, &[EntityKind::Per]).next().is_some()
}

/// The person named right before the event word at token `s`, a status cue
/// between them allowed: the subject of a clause that tells of an event on
/// the side ("tiếp Tổng thống X đang thăm …": X visits).
pub fn subject_before(v: &SentenceView<'_>, s: usize) -> Option<Participant> {
    let mut j = s;
    while j > 0 && s - j < 2 && v.tokens[j - 1].is_word() && !v.inside(j - 1, &[EntityKind::Per]) {
        j -= 1;
    }
    while j < s && !super::arguments::has_status_cue(v, j..j + 1) {
        j += 1;
    }
    let end = v.tokens.get(j.checked_sub(1)?)?.span.end;
    v.entities
        .iter()
        .find(|e| e.kind == EntityKind::Per && e.span.end == end)
        .map(|e| person(e))
}

/// Words that join two sides or two clauses.
const JOINERS: &[&str] = &["và", ",", "cùng", ";", "còn"];

/// Where the stretch of one trigger ends and the next begins, in the gap
/// `a_end..b_start` between them: a person named after the last joiner and
/// right before the next trigger is its subject ("… (8-9/4) còn đoàn Phó
/// Chủ tịch X đồng chủ trì …"); otherwise the whole gap is the first's.
pub fn split_point(v: &SentenceView<'_>, a_end: usize, b_start: usize) -> usize {
    let gap = v.bytes(a_end..b_start);
    let Some(last_per) = v
        .entities
        .iter()
        .rfind(|e| e.kind == EntityKind::Per && e.span.start >= gap.start && e.span.end <= gap.end)
    else {
        return b_start;
    };
    let per_tok = v.token_at(last_per.span.start);
    let per_end = v.token_after(last_per.span.end);
    // "… Y (Z), và tiếp W": a verb joined to the first shares its subject;
    // Y is the first one's object.
    if (per_end..b_start).any(|j| v.tokens[j].is(',') || v.tokens[j].lower == "và") {
        return b_start;
    }
    (a_end..per_tok)
        .rev()
        .find(|&j| JOINERS.contains(&v.tokens[j].lower.as_str()) && !v.in_parens(j))
        .unwrap_or(b_start)
}

#[cfg(test)]
mod tests {
    use super::super::sentences::{Part, Sentence};
    use super::super::test_support::{ent, whole};
    use super::*;

    #[test]
    fn same_agrees_with_comparing_lower_cased_keys() {
        let reference = |a: &str, b: &str| same_keys(a.to_lowercase(), b.to_lowercase());
        let p = |name: &str| Participant {
            name: name.into(),
            role: None,
            country: None,
        };
        let names = [
            "",
            "Campuchia Sokha Vannarith",
            "Sokha Vannarith",
            "SOKHA VANNARITH",
            "Vannarith",
            "Đinh Quang Vượng",
            "ĐINH QUANG VƯỢNG",
            "Quang Vượng",
            "Bộ Ngoại giao",
            "ΟΔΟΣ",
            "οδος",
            "An ",
        ];
        for a in names {
            for b in names {
                assert_eq!(same(&p(a), &p(b)), reference(a, b), "{a:?} / {b:?}");
            }
        }
    }

    fn per(text: &str, name: &str, role: &str) -> Entity {
        let start = text.find(name).unwrap();
        Entity {
            kind: EntityKind::Per,
            text: name.into(),
            start: 0,
            end: 0,
            canonical: name.into(),
            value: None,
            roles: vec![role.into()],
            country: Some("Việt Nam".into()),
            rule: crate::Rule::Given.into(),
            span: start..start + name.len(),
        }
    }

    #[test]
    fn the_subject_of_the_next_trigger_is_split_off() {
        let text = "Đoàn sinh viên tỉnh gặp gỡ các nghệ nhân (8-9/4) còn đoàn Phó Chủ tịch \
                    Lý Thanh Bình đồng chủ trì Diễn đàn";
        let s = whole(text, Part::Body);
        let e = [per(text, "Lý Thanh Bình", "Phó Chủ tịch")];
        let v = SentenceView::new(text, &s, e.iter().collect());
        let at = |w: &str| v.tokens.iter().position(|t| t.lower == w).unwrap();
        let second = v.tokens.iter().rposition(|t| t.lower == "đồng").unwrap();
        let split = split_point(&v, at("gỡ") + 1, second);
        assert_eq!(v.tokens[split].lower, "còn");
        assert!(named_in(&v, at("gặp")..split).persons.is_empty());
        let n = named_in(&v, split..v.tokens.len());
        assert_eq!(n.persons[0].name, "Lý Thanh Bình");
        assert_eq!(n.persons[0].role.as_deref(), Some("Phó Chủ tịch"));
    }

    #[test]
    fn a_stray_word_before_a_name_is_the_same_person() {
        let p = |n: &str| Participant {
            name: n.into(),
            role: None,
            country: None,
        };
        assert!(same(&p("Thái Lan Anong Sirikit"), &p("Anong Sirikit")));
        assert!(same(&p("anong sirikit"), &p("Anong Sirikit")));
        // One word is too little; a name inside a word is no name.
        assert!(!same(&p("Khổng Minh Hiếu"), &p("Hiếu")));
        assert!(!same(&p("Khổng Minh Hiếu"), &p("Tạ Minh Hiếu")));
        assert!(!same(&p("XKhổng Minh"), &p("Khổng Minh")));
        let mut list = vec![p("Thái Lan Anong Sirikit")];
        add(&mut list, p("Anong Sirikit"));
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn objects_stay_with_their_trigger() {
        let text = "Bà Kha đón Lương Đình Vũ, rồi hai đoàn hội đàm";
        let s = whole(text, Part::Body);
        let e = [per(text, "Lương Đình Vũ", "Tổng lãnh sự")];
        let v = SentenceView::new(text, &s, e.iter().collect());
        let hoi = v.tokens.iter().position(|t| t.lower == "hội").unwrap();
        assert_eq!(split_point(&v, 3, hoi), hoi);
    }

    #[test]
    fn a_title_alone_stands_for_its_one_holder() {
        let text = "Thủ tướng Hứa Văn Dũng cảm ơn. Sau đó Thủ tướng và hai Bộ trưởng ra về.";
        let people = [
            per(text, "Hứa Văn Dũng", "Thủ tướng Chính phủ"),
            Entity {
                roles: vec!["Bộ trưởng Công Thương".into()],
                ..per(text, "Hứa Văn Dũng", "x")
            },
        ];
        let index = RoleIndex::new(people.iter());
        assert_eq!(
            index.holder("Thủ tướng").map(|p| p.name.as_str()),
            Some("Hứa Văn Dũng")
        );
        assert_eq!(
            index.holder("thủ tướng chính phủ").map(|p| p.name.as_str()),
            Some("Hứa Văn Dũng")
        );
        assert!(
            index.holder("Chính phủ").is_none(),
            "not a prefix of a role"
        );
        // Two holders of one title: it stands for no one.
        let other = Entity {
            text: "Lạc Minh Tú".into(),
            canonical: "Lạc Minh Tú".into(),
            roles: vec!["Thủ tướng Lào".into()],
            ..per(text, "Hứa Văn Dũng", "x")
        };
        let both = RoleIndex::new(people.iter().chain([&other]));
        assert!(both.holder("Thủ tướng").is_none());
        assert!(both.holder("Thủ tướng Lào").is_some());

        // In a sentence: the title alone is read, the plural one is not.
        let sentence = "Sau đó Thủ tướng và hai Bộ trưởng ra về.";
        let at = text.find(sentence).unwrap();
        let s = Sentence {
            span: at..text.len(),
            part: Part::Body,
        };
        let title = |t: &str, nth: usize| {
            let start = text.match_indices(t).nth(nth).unwrap().0;
            Entity {
                span: start..start + t.len(),
                ..ent(text, EntityKind::Title, t, None)
            }
        };
        let titles = [title("Thủ tướng", 1), title("Bộ trưởng", 0)];
        let v = SentenceView::new(text, &s, titles.iter().collect()).with_roles(&index);
        let named = named_in(&v, 0..v.tokens.len());
        let names: Vec<&str> = named.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Hứa Văn Dũng"]);
    }

    #[test]
    fn a_pronoun_is_the_person_named_before_it() {
        let text = "Ngoại trưởng Ana Souza cho biết bà sẽ thăm Huế; ông Kha Minh Trí sẽ đón.";
        let s = whole(text, Part::Body);
        let e = [
            per(text, "Ana Souza", "Ngoại trưởng"),
            per(text, "Kha Minh Trí", "Thứ trưởng"),
        ];
        let v = SentenceView::new(text, &s, e.iter().collect());
        let ba = v.tokens.iter().position(|t| t.lower == "bà").unwrap();
        assert_eq!(
            pronoun_referent(&v, ba..ba + 3).map(|p| p.name),
            Some("Ana Souza".to_string())
        );
        // "ông" before a name is a title, not a pronoun.
        let ong = v.tokens.iter().position(|t| t.lower == "ông").unwrap();
        assert_eq!(pronoun_referent(&v, ong..ong + 1), None);
    }

    #[test]
    fn countries_opening_the_clause_are_its_subject() {
        let text = "Chile và Peru mở vòng tham vấn tại Lima với Ecuador";
        let s = whole(text, Part::Body);
        let e = ["Chile", "Peru", "Lima", "Ecuador"].map(|p| ent(text, EntityKind::Loc, p, None));
        let v = SentenceView::new(text, &s, e.iter().collect());
        let names: Vec<String> = places_as_actors(&v, 0..v.tokens.len())
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Chile", "Peru"]);
    }
}
