//! Names listed after the first of a list: "các diễn viên Hoài An, Minh
//! Khoa, Thu Trang và Bảo Ngọc", "xã Tân Lập, Hòa Bình và Yên Phú". News
//! names the kind once, before the first item ("diễn viên", "xã"), and the
//! other items borrow it; the recognisers, which read a name from the cue
//! before it, find only the first. A list is read on from a person found
//! by a cue word (`per.honorific`) or a place found after its unit word
//! (`loc.after_unit`): each further item is a run of two to four
//! capitalised Vietnamese syllables between list separators (",", "và"),
//! and the list ends at the first thing that is not such an item. Items
//! the recognisers already found keep their mention and carry the list on.

use super::lists::LISTS;
use super::scan::{cap_run, place_at, vietnamese_syllable, Cx, Spans};
use crate::fasthash::FastMap;
use crate::{Entity, EntityKind, Rule, RuleId};

/// The most items read after the first: a list of names in news is short;
/// the bound keeps a long run of capitalised headings from reading as one.
const MAX_ITEMS: usize = 12;

/// The kind a list's items share, and the rule that names them, for a
/// mention that can open a list. A place opens one only after a unit word
/// written as a common noun: a capitalised one inside a sentence ("Đường
/// …", "Làng …") may begin a brand's or a person's name instead.
fn opens_list(cx: &Cx<'_>, e: &Entity) -> Option<(EntityKind, Rule)> {
    match e.kind {
        EntityKind::Per if e.rule == RuleId::from(Rule::PerHonorific) => {
            Some((EntityKind::Per, Rule::PerListed))
        }
        EntityKind::Loc if e.rule == RuleId::from(Rule::LocAfterUnit) => {
            let k = cx.toks.partition_point(|t| t.span.start < e.span.start);
            let unit = cx.toks.get(k)?;
            let common = !unit.cap || unit.starts_sentence || k == 0 || !cx.joined(k);
            common.then_some((EntityKind::Loc, Rule::LocListed))
        }
        _ => None,
    }
}

/// Whether token `k` separates two items: a comma, or "và" (which comes
/// before the last).
fn separator(cx: &Cx<'_>, k: usize) -> Option<bool> {
    let t = cx.toks.get(k)?;
    if t.is(',') {
        Some(false)
    } else if &*t.lower == "và" && t.word {
        Some(true)
    } else {
        None
    }
}

/// Whether an item may end before token `k`: at a separator or at the end
/// of the list (a stop, a bracket, an ellipsis, the end of the line).
fn item_ends(cx: &Cx<'_>, k: usize) -> bool {
    match cx.toks.get(k) {
        None => true,
        Some(_) if !cx.joined(k) => true,
        Some(t) => {
            separator(cx, k).is_some()
                || ['.', ';', ':', ')', '(', '…', '!', '?']
                    .iter()
                    .any(|&c| t.is(c))
        }
    }
}

/// Whether the capitalised run `j..end` can be an item of a list of names:
/// two to four Vietnamese syllables that open no title, body, place unit
/// or cue of their own ("Bộ trưởng", "Công ty", "Quận", "Ông").
fn name_like(cx: &Cx<'_>, j: usize, end: usize) -> bool {
    let l = &*LISTS;
    let words = end - j;
    (2..=4).contains(&words)
        && cx.toks[j..end]
            .iter()
            .all(|t| t.word && vietnamese_syllable(&t.lower))
        && ![
            l.title_heads.has(&cx.toks, j),
            l.org_heads.has(&cx.toks, j),
            l.org_names.has(&cx.toks, j),
            l.admin_units.has(&cx.toks, j),
            l.honorifics.has(&cx.toks, j),
            l.person_cues.has(&cx.toks, j),
            l.misc_heads.has(&cx.toks, j),
        ]
        .contains(&true)
}

/// The items after the mention `opener` (tokens `first..after`), as new
/// mentions; existing mentions of the same kind carry the list on.
fn items_after(
    cx: &Cx<'_>,
    after: usize,
    kind: EntityKind,
    rule: Rule,
    found: &[Entity],
    at_start: &FastMap<usize, usize>,
    spans: &Spans,
) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut k = after;
    for _ in 0..MAX_ITEMS {
        let Some(last) = separator(cx, k) else { break };
        let j = k + 1;
        if !cx.joined(j) || !cx.toks.get(j).is_some_and(|t| t.cap) {
            break;
        }
        let start = cx.toks[j].span.start;
        // An item already found: the same kind carries the list on.
        if let Some(e) = at_start.get(&start).map(|&m| &found[m]) {
            let end = cx.toks.partition_point(|t| t.span.start < e.span.end);
            if e.kind != kind || !item_ends(cx, end) {
                break;
            }
            k = end;
        } else {
            let end = cap_run(cx, j, 4);
            let span = cx.toks[j].span.start..cx.toks[end - 1].span.end;
            let is_person_at_place = kind == EntityKind::Per && place_at(cx, j).is_some();
            // The last item, after "và", may run into the clause's verb.
            if !(last || item_ends(cx, end))
                || !name_like(cx, j, end)
                || is_person_at_place
                || spans.any_overlapping(&span, |_| true)
            {
                break;
            }
            let mut e = cx.mention(j..end, kind, rule);
            e.canonical = cx.words(j..end);
            out.push(e);
            k = end;
        }
        if last {
            break;
        }
    }
    out
}

/// The further items of every list a found mention opens.
pub fn find(cx: &Cx<'_>, found: &[Entity]) -> Vec<Entity> {
    let spans = Spans::new(found.iter().map(|e| e.span.clone()));
    // The first (outermost) mention starting at each byte, looked up once
    // per item rather than by a scan of every mention.
    let mut at_start: FastMap<usize, usize> = FastMap::default();
    for (m, e) in found.iter().enumerate() {
        at_start.entry(e.span.start).or_insert(m);
    }
    let mut out = Vec::new();
    for e in found {
        let Some((kind, rule)) = opens_list(cx, e) else {
            continue;
        };
        let after = cx.toks.partition_point(|t| t.span.start < e.span.end);
        out.extend(items_after(cx, after, kind, rule, found, &at_start, &spans));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{DocContext, EntityKind};

    fn names(text: &str, kind: EntityKind) -> Vec<(String, String)> {
        super::super::find(text, &DocContext::default())
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| (e.text, e.rule.to_string()))
            .collect()
    }

    fn texts(v: &[(String, String)]) -> Vec<&str> {
        v.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn people_after_one_cue() {
        let p = names(
            "Vở diễn có các diễn viên Hoài An, Minh Khoa, Thu Trang và Bảo Ngọc tham gia.",
            EntityKind::Per,
        );
        assert_eq!(texts(&p), ["Hoài An", "Minh Khoa", "Thu Trang", "Bảo Ngọc"]);
        assert_eq!(p[1].1, "per.listed");
    }

    #[test]
    fn places_after_one_unit() {
        let l = names(
            "Lũ làm ngập xã Tân Lập, Hòa Sơn và Yên Phú trong đêm.",
            EntityKind::Loc,
        );
        assert_eq!(texts(&l), ["xã Tân Lập", "Hòa Sơn", "Yên Phú"], "{l:?}");
        assert_eq!(l[2].1, "loc.listed");
    }

    #[test]
    fn a_list_ends_at_what_is_no_item() {
        // The run after the comma goes on with a verb: a clause, no item.
        let l = names(
            "Tại xã Tân Lập, Hòa Sơn cho biết nước đã rút.",
            EntityKind::Loc,
        );
        assert_eq!(texts(&l), ["xã Tân Lập"]);
        // A title, a body or a cue opens no item of a list of names.
        let p = names(
            "Ca sĩ Thu Trang, Bộ trưởng Lê Văn Hòa và ông Trần Minh dự lễ.",
            EntityKind::Per,
        );
        assert!(!p.iter().any(|(_, r)| r == "per.listed"), "{p:?}");
        // One word after the comma is no name of a person or a place.
        let p = names("Ca sĩ Thu Trang, Hà và Lan cùng hát.", EntityKind::Per);
        assert_eq!(texts(&p), ["Thu Trang"]);
    }
}
