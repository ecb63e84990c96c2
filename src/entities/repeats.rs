//! A foreign one-word name said again: news types a name once by its cue
//! ("tiền đạo Oduya", "hãng Norvale", "thành phố Duisburg") and then uses
//! the word alone ("Oduya ghi bàn", "Norvale cho biết"). Each later
//! occurrence is the same entity as the cued mention: same kind, same
//! canonical name.
//!
//! Only words that cannot be Vietnamese are carried: a Vietnamese syllable
//! alone ("Nam", "Hòa") is a given name, a part of a place or a word at a
//! sentence's start as often as the name, and `people::given_names` reads
//! the given names of full Vietnamese names. A word the text types two ways
//! is carried neither way, and an occurrence joined to another capitalised
//! word is part of another name ("Oduya Stadium").

use super::scan::{vietnamese_syllable, Cx, Spans};
use crate::fasthash::FastMap;
use crate::{Entity, EntityKind, Rule};

/// The rule that names a repeat of a mention of `kind`.
fn rule_for(kind: EntityKind) -> Option<Rule> {
    match kind {
        EntityKind::Per => Some(Rule::PerRepeated),
        EntityKind::Org => Some(Rule::OrgRepeated),
        EntityKind::Loc => Some(Rule::LocRepeated),
        _ => None,
    }
}

/// Whether token `k` is a word that can only be a foreign name: written
/// with a capital, in ASCII letters, three or more, not all capitals (an
/// acronym has its own rule), and no Vietnamese syllable.
fn foreign_word(cx: &Cx<'_>, k: usize) -> bool {
    cx.toks.get(k).is_some_and(|t| {
        t.word
            && t.cap
            && t.ascii
            && !t.shout
            && t.lower.len() >= 3
            && t.lower.bytes().all(|b| b.is_ascii_alphabetic())
            && !vietnamese_syllable(&t.lower)
    })
}

/// Cues after which a one-word name may be a team's rather than a
/// person's: "HLV Muangthong" is that club's coach, "cầu thủ Huesca" its
/// players. A person typed only by one of them is not carried.
const TEAM_CUES: &[&str] = &[
    "hlv",
    "huấn luyện viên",
    "trợ lý hlv",
    "cầu thủ",
    "đội trưởng",
];

/// Whether a mention at token `first` was typed safely enough to carry:
/// any place or organisation; a person after a title or a word of
/// address, but not after a cue that may name a team.
fn typed_safely(cx: &Cx<'_>, e: &Entity, first: usize) -> bool {
    if e.kind != EntityKind::Per {
        return true;
    }
    let before = |n: usize| (first >= n).then(|| cx.words(first - n..first).to_lowercase());
    !(1..=3).any(|n| before(n).is_some_and(|w| TEAM_CUES.contains(&w.as_str())))
}

/// Whether token `k` stands alone: no capitalised word joined to it on
/// either side, save a Vietnamese word that starts the sentence ("Theo
/// X", "Sau X").
fn standalone(cx: &Cx<'_>, k: usize) -> bool {
    let cap_word = |j: usize| cx.toks.get(j).is_some_and(|t| t.word && t.cap);
    let opener = |j: usize| {
        let t = &cx.toks[j];
        (j == 0 || t.starts_sentence || !cx.joined(j)) && vietnamese_syllable(&t.lower)
    };
    let before = k > 0 && cx.joined(k) && cap_word(k - 1) && !opener(k - 1);
    let after = cx.joined(k + 1) && cap_word(k + 1);
    !before && !after
}

/// The later occurrences of the foreign one-word names among `found`,
/// outside every mention in `found`.
pub fn find(cx: &Cx<'_>, found: &[Entity]) -> Vec<Entity> {
    // The word of each one-word mention, with its kind and canonical; a
    // word typed two ways maps to None.
    let mut known: FastMap<&str, Option<(EntityKind, &str)>> = FastMap::default();
    for e in found {
        if rule_for(e.kind).is_none() {
            continue;
        }
        let first = cx.toks.partition_point(|t| t.span.start < e.span.start);
        let one_word = cx
            .toks
            .get(first)
            .is_some_and(|t| t.span == e.span && foreign_word(cx, first));
        if !one_word || !typed_safely(cx, e, first) {
            continue;
        }
        let entry = known
            .entry(&cx.toks[first].lower)
            .or_insert(Some((e.kind, &e.canonical)));
        if entry.is_some_and(|(kind, _)| kind != e.kind) {
            *entry = None;
        }
    }
    if known.is_empty() {
        return Vec::new();
    }
    let taken = Spans::new(found.iter().map(|e| e.span.clone()));
    let mut out = Vec::new();
    for k in 0..cx.toks.len() {
        let t = &cx.toks[k];
        if !t.cap || !t.ascii {
            continue;
        }
        let Some(Some((kind, canonical))) = known.get(&*t.lower) else {
            continue;
        };
        if !foreign_word(cx, k) || !standalone(cx, k) || taken.any_overlapping(&t.span, |_| true) {
            continue;
        }
        let Some(rule) = rule_for(*kind) else {
            continue;
        };
        let mut e = cx.mention(k..k + 1, *kind, rule);
        e.canonical = canonical.to_string();
        out.push(e);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{DocContext, EntityKind};

    fn mentions(text: &str) -> Vec<(EntityKind, String, String)> {
        super::super::find(text, &DocContext::default())
            .into_iter()
            .filter(|e| matches!(e.kind, EntityKind::Per | EntityKind::Org | EntityKind::Loc))
            .map(|e| (e.kind, e.text, e.rule.to_string()))
            .collect()
    }

    #[test]
    fn a_cued_word_said_again_is_the_same_entity() {
        let m = mentions("Tiền đạo Oduya ghi hai bàn. Sau trận, Oduya nói anh rất vui.");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(
            m[1],
            (EntityKind::Per, "Oduya".into(), "per.repeated".into())
        );
        let m = mentions("Theo hãng Brentix, doanh số tăng. Brentix cũng mở nhà máy.");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[1].0, EntityKind::Org);
    }

    #[test]
    fn a_word_after_a_team_cue_is_not_carried() {
        // "HLV Brixham": the club's coach as readily as a person.
        let m = mentions("Cựu HLV Brixham chia sẻ. Trận này Brixham thắng đậm.");
        assert!(!m.iter().any(|(_, _, r)| r.ends_with(".repeated")), "{m:?}");
    }

    #[test]
    fn vietnamese_words_and_joined_words_are_not_carried() {
        // "Nam" is a given name here, a region elsewhere.
        let m = mentions("Anh Nam đi làm sớm. Gió mùa thổi vào miền Nam.");
        assert!(!m.iter().any(|(_, _, r)| r.ends_with(".repeated")), "{m:?}");
        // Joined to another capitalised word: part of another name.
        let m = mentions("Tiền đạo Oduya ghi bàn. Sân Oduya Park kín khán giả.");
        assert!(!m.iter().any(|(_, _, r)| r.ends_with(".repeated")), "{m:?}");
    }
}
