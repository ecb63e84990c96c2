//! Short names: a person or an organisation named again by part of the
//! name the text gives in full. News names a foreign person once in full
//! and then by the family name alone ("Brad Larkin" … "Larkin cho biết"),
//! a player by the last two syllables ("Trần Văn Khoa" … "Văn Khoa"), a
//! company or a university by its name without the head ("Đại học
//! Westbrook" … "Westbrook", "Tập đoàn Kestrel Logistics" … "Kestrel
//! Logistics") or without its foreign kind word ("Norvia Telecom" …
//! "Norvia"). Each short form is read only where it stands alone (no
//! capitalised word joined on either side) and only when one entity of the
//! text owns it; it joins that entity's `canonical`. Organisations that
//! share a short name are one cluster, and a run the shape rules took for a
//! person is the organisation whose short name it is.

use super::lists::LISTS;
use super::scan::{place_at, starts_name, vietnamese_syllable, Cx, Spans};
use crate::fasthash::FastMap;
use crate::{Entity, EntityKind, Rule};
use std::ops::Range;

/// A short form's lower-case words and the entity that owns it (`None`
/// when two entities share the form).
type Form = (Vec<String>, Option<usize>);

/// The short forms of the text's names.
struct Forms {
    /// Forms by their first word, longest first.
    by_first: FastMap<String, Vec<Form>>,
}

impl Forms {
    fn add(&mut self, words: Vec<String>, owner: usize, same: impl Fn(usize) -> bool) {
        let Some(first) = words.first().cloned() else {
            return;
        };
        let slot = self.by_first.entry(first).or_default();
        match slot.iter_mut().find(|(w, _)| *w == words) {
            Some((_, o)) => {
                if o.is_some_and(|o| !same(o)) {
                    *o = None;
                }
            }
            None => {
                slot.push((words, Some(owner)));
                slot.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            }
        }
    }
}

/// The token index of the mention starting at byte `start`.
fn token_at(cx: &Cx<'_>, start: usize) -> Option<usize> {
    let k = cx.toks.partition_point(|t| t.span.start < start);
    cx.toks
        .get(k)
        .is_some_and(|t| t.span.start == start)
        .then_some(k)
}

/// The tokens of a mention (`span` in bytes).
fn tokens_of(cx: &Cx<'_>, span: &Range<usize>) -> Option<Range<usize>> {
    let a = token_at(cx, span.start)?;
    let b = cx.toks.partition_point(|t| t.span.end <= span.end);
    (b > a).then_some(a..b)
}

/// The short name of an organisation named by a head (`toks`): the
/// capitalised words that end it, after the head and its lower-case words
/// ("Westbrook" of "Đại học Westbrook", "Thép Hòa Bình" of "Công ty cổ
/// phần Thép Hòa Bình"). None when they are a place ("Sở Y tế Gia Lai"),
/// a field ("Bộ Y tế"), a person's name ("Trường THPT Lê Quý Đôn") or one
/// Vietnamese syllable, which says too little.
fn org_short(cx: &Cx<'_>, toks: Range<usize>) -> Option<Range<usize>> {
    let l = &*LISTS;
    let head = l.org_heads.at(&cx.toks, toks.start)?.0;
    let mut from = toks.end;
    while from > toks.start + head && cx.cap(from - 1) && !cx.toks[from - 1].shout {
        from -= 1;
    }
    let run = from..toks.end;
    let one_syllable = run.len() == 1 && vietnamese_syllable(&cx.toks[from].lower);
    let listed = run.clone().any(|k| {
        l.org_heads.has(&cx.toks, k) || l.title_heads.has(&cx.toks, k) || l.fields.has(&cx.toks, k)
    });
    let place = place_at(cx, from).is_some_and(|p| from + p.0 >= toks.end);
    let joined = run.clone().skip(1).all(|k| cx.joined(k) && cx.toks[k].word);
    (!run.is_empty() && !one_syllable && !listed && !place && joined && !starts_name(cx, from))
        .then_some(run)
}

/// The short name of a company named by its foreign kind word last
/// (`toks`: "Norvia" of "Norvia Telecom"): the capitalised words before
/// the kind. None when they hold a kind word themselves ("Daily" of
/// "Daily Mail"), are a place ("Manchester City", "Hà Giang FC"), start a
/// Vietnamese name or are one Vietnamese syllable.
fn foreign_short(cx: &Cx<'_>, toks: Range<usize>) -> Option<Range<usize>> {
    let kind = |k: usize| LISTS.foreign_org_words.has(&cx.toks, k);
    if toks.len() < 2 || !kind(toks.end - 1) {
        return None;
    }
    let run = toks.start..toks.end - 1;
    let one_syllable = run.len() == 1 && vietnamese_syllable(&cx.toks[run.start].lower);
    let plain = run
        .clone()
        .all(|k| cx.cap(k) && cx.toks[k].word && !cx.toks[k].shout && !kind(k));
    let place = place_at(cx, run.start).is_some();
    (plain && !one_syllable && !place && !starts_name(cx, run.start)).then_some(run)
}

/// The short name of an organisation mention: without its head
/// ([`org_short`]) or without its foreign kind word ([`foreign_short`]).
fn short_of(cx: &Cx<'_>, e: &Entity) -> Option<Range<usize>> {
    if e.kind != EntityKind::Org {
        return None;
    }
    let toks = tokens_of(cx, &e.span)?;
    match e.rule.base() {
        Rule::OrgHead => org_short(cx, toks),
        Rule::OrgForeignWords => foreign_short(cx, toks),
        _ => None,
    }
}

/// The lower-case words of tokens `r`.
fn lower_words(cx: &Cx<'_>, r: Range<usize>) -> Vec<String> {
    cx.toks[r].iter().map(|t| t.lower.to_string()).collect()
}

/// Whether a person's name is foreign: no word of it is a Vietnamese syllable
/// spelled with marks, and it does not start with a family name.
fn foreign_person(words: &[&str]) -> bool {
    words.iter().all(|w| w.is_ascii())
}

/// Joins organisations that share a short name into one cluster, turns a
/// person found by shape alone into the organisation whose short name it
/// is, and returns the short forms found standing alone elsewhere (tokens
/// in `taken` are skipped).
pub fn find(cx: &Cx<'_>, out: &mut [Entity], taken: &[Range<usize>]) -> Vec<Entity> {
    let mut forms = Forms {
        by_first: FastMap::default(),
    };
    // Organisations: one canonical per short name, the longest mention's.
    let mut org_of: FastMap<Vec<String>, usize> = FastMap::default();
    for n in 0..out.len() {
        let Some(short) = short_of(cx, &out[n]) else {
            continue;
        };
        let e = &out[n];
        let words = lower_words(cx, short);
        let best = org_of.entry(words).or_insert(n);
        if out[*best].text.len() < e.text.len() {
            *best = n;
        }
    }
    for (words, &owner) in &org_of {
        let canonical = out[owner].canonical.clone();
        for e in out.iter_mut() {
            let same_short = short_of(cx, e).is_some_and(|s| lower_words(cx, s) == *words);
            // "Kestrel Logistics" read by its shape as a person's name.
            let by_shape = e.kind == EntityKind::Per
                && matches!(e.rule.base(), Rule::PerForeignShape | Rule::PerFamilyName)
                && e.text
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .eq(words.iter().cloned());
            if same_short || by_shape {
                e.canonical = canonical.clone();
            }
            if by_shape {
                e.kind = EntityKind::Org;
                e.rule = Rule::OrgShortName.into();
                e.roles.clear();
                e.country = None;
            }
        }
        forms.add(words.clone(), owner, |_| false);
    }
    // People: a foreign name's first and last word, a Vietnamese name's
    // last two syllables (its last one is `people::given_names`').
    for n in 0..out.len() {
        let e = &out[n];
        if e.kind != EntityKind::Per {
            continue;
        }
        let words: Vec<&str> = e.canonical.split_whitespace().collect();
        let lower = |w: &[&str]| w.iter().map(|x| x.to_lowercase()).collect::<Vec<_>>();
        let canonical = e.canonical.clone();
        let same = |o: usize| out[o].canonical == canonical;
        if words.len() >= 2 && foreign_person(&words) {
            for w in [words[0], words[words.len() - 1]] {
                if w.len() >= 3 && !vietnamese_syllable(&w.to_lowercase()) {
                    forms.add(lower(&[w]), n, same);
                }
            }
        } else if words.len() >= 3 && e.country.as_deref() == Some("Việt Nam") {
            forms.add(lower(&words[words.len() - 2..]), n, same);
        }
    }
    join_read_as_names(out, &forms);
    standing_alone(cx, out, &forms, taken)
}

/// Splits a person read after a title with the short name of an
/// organisation the text names in full before the name ("Tổng giám đốc
/// Hoa Lan Trần Văn Bảo" after "Công ty cổ phần Dệt Hoa Lan"): the title's
/// organisation is named by its short name, then the holder. The split
/// falls where the full name ends, and only where a Vietnamese name of two
/// words or more starts after it; the person keeps the title's roles and
/// the organisation joins its full name (`org.short_name`). Run before
/// [`super::canonical`], so that the person's name is the shorter one.
pub fn split_holders(cx: &Cx<'_>, out: &mut Vec<Entity>) {
    let mut org_of: FastMap<Vec<String>, usize> = FastMap::default();
    for (n, e) in out.iter().enumerate() {
        if e.kind != EntityKind::Org || e.rule.base() != Rule::OrgHead {
            continue;
        }
        if let Some(short) = tokens_of(cx, &e.span).and_then(|t| org_short(cx, t)) {
            org_of.entry(lower_words(cx, short)).or_insert(n);
        }
    }
    if org_of.is_empty() {
        return;
    }
    let mut split = Vec::new();
    for (n, e) in out.iter().enumerate() {
        if e.kind != EntityKind::Per || e.rule.base() != Rule::PerAfterTitle {
            continue;
        }
        let Some(toks) = tokens_of(cx, &e.span) else {
            continue;
        };
        // The longest short form the name starts with.
        let hit = (toks.start + 1..toks.end).rev().find_map(|cut| {
            let org = *org_of.get(&lower_words(cx, toks.start..cut))?;
            let rest = (cut..toks.end).filter(|&k| cx.toks[k].word).count();
            (starts_name(cx, cut) && rest >= 2).then_some((cut, org))
        });
        if let Some((cut, org)) = hit {
            split.push((n, toks.start..cut, cut..toks.end, org));
        }
    }
    for (n, short, holder, org) in split {
        let name = cx.mention(holder, EntityKind::Per, out[n].rule);
        let e = &mut out[n];
        (e.text, e.span, e.canonical) = (name.text, name.span, name.canonical);
        let short = cx.mention_of(short, &out[org], Rule::OrgShortName);
        out.push(short);
    }
}

/// A person's short form the family-name rule read as a name of its own
/// ("Văn Khải", whose "Văn" starts names too) joins the person.
fn join_read_as_names(out: &mut [Entity], forms: &Forms) {
    for n in 0..out.len() {
        let e = &out[n];
        if e.kind != EntityKind::Per || e.rule.base() != Rule::PerFamilyName {
            continue;
        }
        let words: Vec<String> = e.text.split_whitespace().map(str::to_lowercase).collect();
        let owner = words
            .first()
            .and_then(|f| forms.by_first.get(f))
            .and_then(|c| {
                c.iter()
                    .find(|(w, o)| *w == words && o.is_some_and(|o| o != n))
                    .and_then(|(_, o)| *o)
            });
        if let Some(o) = owner.filter(|&o| out[o].kind == EntityKind::Per) {
            let (canonical, roles, country) = (
                out[o].canonical.clone(),
                out[o].roles.clone(),
                out[o].country.clone(),
            );
            let e = &mut out[n];
            e.canonical = canonical;
            e.roles = roles;
            e.country = country;
        }
    }
}

/// The short forms of `forms` where they stand alone in the text.
fn standing_alone(
    cx: &Cx<'_>,
    out: &[Entity],
    forms: &Forms,
    taken: &[Range<usize>],
) -> Vec<Entity> {
    if forms.by_first.is_empty() {
        return Vec::new();
    }
    let taken = Spans::new(taken.iter().cloned());
    let mut found = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        let alone_before = !(i > 0 && cx.cap(i - 1) && cx.joined(i));
        let candidates = (cx.cap(i) && alone_before)
            .then(|| forms.by_first.get(cx.toks[i].lower.as_str()))
            .flatten();
        let hit = candidates.into_iter().flatten().find(|(w, _)| {
            let end = i + w.len();
            cx.toks.get(i..end).is_some_and(|ts| {
                ts.iter().zip(w).all(|(t, x)| t.lower.as_str() == x)
                    && (i + 1..end).all(|k| cx.joined(k) && cx.cap(k))
                    && !(cx.cap(end) && cx.joined(end))
                    && !taken.any_overlapping(&cx.bytes(i..end), |_| true)
                    && place_at(cx, i).is_none()
            })
        });
        match hit {
            Some((w, Some(owner))) => {
                let source = &out[*owner];
                let rule = if source.kind == EntityKind::Org {
                    Rule::OrgShortName
                } else {
                    Rule::PerShortName
                };
                found.push(cx.mention_of(i..i + w.len(), source, rule));
                i += w.len();
            }
            _ => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::{DocContext, EntityKind};

    fn found(text: &str) -> Vec<(EntityKind, String, String)> {
        crate::entities::find(text, &DocContext::default())
            .into_iter()
            .filter(|e| {
                e.rule.base() == crate::Rule::PerShortName
                    || e.rule.base() == crate::Rule::OrgShortName
            })
            .map(|e| (e.kind, e.text, e.canonical))
            .collect()
    }

    #[test]
    fn family_names_and_short_company_names_join_their_entity() {
        let got = found(
            "Ông Brad Larkin, cố vấn của Đại học Westbrook, cho biết sẽ nghỉ. Larkin nói Westbrook cần người mới.",
        );
        assert_eq!(
            got,
            [
                (EntityKind::Per, "Larkin".into(), "Brad Larkin".into()),
                (
                    EntityKind::Org,
                    "Westbrook".into(),
                    "Đại học Westbrook".into()
                )
            ]
        );
    }

    #[test]
    fn a_company_without_its_foreign_kind_word() {
        let got = found("Trạm của Norvia Telecom vừa xong. Norvia cho biết giá cước giữ nguyên.");
        assert_eq!(
            got,
            [(EntityKind::Org, "Norvia".into(), "Norvia Telecom".into())]
        );
        assert!(found("Đội Lakemont City thắng. Lakemont đón khách.").len() <= 1);
    }

    #[test]
    fn a_form_two_entities_share_stays_unread() {
        assert!(found("Ông Brad Larkin và bà Emma Larkin đến. Larkin nói.").is_empty());
    }

    #[test]
    fn a_short_name_between_a_title_and_the_holder_is_split_off() {
        let text =
            "Tập đoàn Điện máy Tân Phong mở cửa hàng. Chủ tịch Tân Phong Lý Quốc Hưng cắt băng.";
        let got: Vec<(EntityKind, String, String)> =
            crate::entities::find(text, &DocContext::default())
                .into_iter()
                .filter(|e| matches!(e.kind, EntityKind::Per | EntityKind::Org))
                .map(|e| (e.kind, e.text, e.canonical))
                .collect();
        assert_eq!(
            got[1..],
            [
                (
                    EntityKind::Org,
                    "Tân Phong".into(),
                    "Tập đoàn Điện máy Tân Phong".into()
                ),
                (
                    EntityKind::Per,
                    "Lý Quốc Hưng".into(),
                    "Lý Quốc Hưng".into()
                )
            ]
        );
    }
}
