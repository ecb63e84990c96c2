//! People (PER), found by how Vietnamese news writes them, never by a list
//! of particular people: a name after a title (see [`super::titles`]) or a
//! word of address ("ông", "bà", "đồng chí"); a run of capitalised
//! syllables that starts with a Vietnamese family name ("Trần Văn An"); a
//! run of capitalised words that cannot be Vietnamese syllables ("Somsack
//! Vongsa", "Tanaka Hiroshi"). A name may run over a single line break.

use super::lists::LISTS;
use super::scan::{
    phrase_before, place_at, spelled_vietnamese, starts_name, vietnamese_syllable, Cx, Found, Spans,
};
use crate::fasthash::{FastMap, FastSet};
use crate::{Entity, EntityKind, Rule};

/// Where something other than a name begins: a title, an organisation, a
/// meeting or document, a place of two words or more.
fn other_name_at(cx: &Cx<'_>, k: usize) -> bool {
    let l = &*LISTS;
    l.title_heads.has(&cx.toks, k)
        || l.org_names.has(&cx.toks, k)
        || (l.org_heads.has(&cx.toks, k) && !l.family_names.has(&cx.toks, k))
        || l.misc_heads.has(&cx.toks, k)
        || l.honorifics.has(&cx.toks, k)
        || place_at(cx, k).is_some_and(|p| p.0 >= 2)
}

/// The end of the capitalised words from `j` that may form a name (at most
/// five; "Kim Jong-un" keeps its lower-case part).
pub fn name_run(cx: &Cx<'_>, j: usize) -> usize {
    let foreign =
        |m: usize| cx.cap(m) && cx.toks[m].ascii && !vietnamese_syllable(&cx.toks[m].lower);
    let mut k = j;
    // A foreign name goes on in foreign words: "Donald Trump Toàn cảnh" is
    // a name, then a caption's first word.
    let mut foreign_seen = false;
    // Words, not tokens: "Ta-đa-mô-ri" is one word of seven tokens.
    let mut words = 0;
    while k < cx.toks.len()
        && words < 6
        && cx.cap(k)
        && (k == j || (cx.joined(k) && !other_name_at(cx, k)))
        && (!foreign_seen || cx.toks[k].ascii || !spelled_vietnamese(&cx.toks[k].lower))
    {
        foreign_seen |= foreign(k);
        words += 1;
        k += 1;
        // "Jong-un", "Kassym-Jomart": a hyphen and a syllable, written
        // solid (not a place: "Nam-Lào" joins two names).
        let solid = |m: usize| cx.toks.get(m).is_some_and(|t| !t.space_before);
        while cx.toks.get(k).is_some_and(|t| t.is('-'))
            && solid(k)
            && solid(k + 1)
            && cx
                .toks
                .get(k + 1)
                .is_some_and(|t| t.low_word() || (cx.cap(k + 1) && t.ascii))
            && place_at(cx, k + 1).is_none()
        {
            k += 2;
        }
        // "Marc E. Knapper": a middle initial in a foreign name;
        // "A. Rudenko": a first initial before a foreign family name.
        let initial = k >= 1
            && (foreign(k - 1) || k - 1 == j)
            && cx.toks[k - 1].lower.chars().count() == 1
            && cx.toks.get(k).is_some_and(|t| t.is('.'))
            && cx
                .toks
                .get(k + 1)
                .is_some_and(|t| t.ascii && t.cap && t.space_before);
        if initial {
            k += 1;
        }
        // "Ursula von der Leyen": particles between foreign words.
        let mut p = k;
        while p < cx.toks.len() && p - k < 2 && LISTS.name_particles.has(&cx.toks, p) {
            p += 1;
        }
        if p > k
            && foreign(k - 1)
            && p < cx.toks.len()
            && cx.joined(p)
            && cx.toks[p].ascii
            && cx.cap(p)
        {
            k = p;
        }
    }
    k
}

/// Whether tokens `r` hold a word for a kind of body or work
/// ("Times", "Marathon", "FC"): the run names that, no person.
fn holds_kind_word(cx: &Cx<'_>, r: std::ops::Range<usize>) -> bool {
    r.into_iter()
        .any(|k| LISTS.not_name_words.has(&cx.toks, k) || LISTS.foreign_org_words.has(&cx.toks, k))
}

/// Whether a number joined by a hyphen follows the capitalised run that
/// ends at `end`: the run is a code's letters ("COVID-19", "SARS-CoV-2",
/// "Su-30"), no name.
fn code_goes_on(cx: &Cx<'_>, end: usize) -> bool {
    let solid = |k: usize| cx.toks.get(k).is_some_and(|t| !t.space_before);
    solid(end) && solid(end + 1) && cx.toks[end].is('-') && cx.toks[end + 1].is_number()
}

/// A name at `j` after a title or a word of address: its end. One word
/// alone is a name only when it cannot be Vietnamese ("Tổng thống Lindqvist")
/// or when `single` allows it ("ông Trung").
pub fn name_after(cx: &Cx<'_>, j: usize, single: bool) -> Option<usize> {
    if !cx.joined(j) || !cx.cap(j) || other_name_at(cx, j)
        // After "ông", "Vinh" is a given name, not the city.
        || place_at(cx, j).is_some_and(|p| p.0 >= 2 || !single)
    {
        return None;
    }
    let end = name_run(cx, j);
    // "nạn nhân COVID-19": a code's letters, no name.
    let code = code_goes_on(cx, end);
    // "Phó Chủ tịch <Super League>": a run with a word for a kind of body
    // or work names the office's body, no holder.
    if code || holds_kind_word(cx, j..end) {
        return None;
    }
    let words = (j..end).filter(|&k| cx.toks[k].word).count();
    let foreign = !vietnamese_syllable(&cx.toks[j].lower);
    (words >= 2 || (words == 1 && (single || foreign))).then_some(end)
}

/// Whether the family name at `i` continues a capitalised run no rule
/// read ("Tân Sơn Nhất", an airport): the walk reaches it only when the
/// words before it started nothing, so it is the tail of some other name.
/// Not after a word opening the sentence or the line, whose capital says nothing
/// ("Cô Lê Thị A", "Theo Lê Văn A"), a function word, a word in capitals,
/// or a place ("dân Hà Nội Lê Văn A").
fn family_name_inside_a_run(cx: &Cx<'_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    let place_before = (1..=4).any(|n| i >= n && place_at(cx, i - n).is_some_and(|p| p.0 == n));
    cx.cap(prev)
        && cx.joined(i)
        && !cx.toks[prev].shout
        && !cx.toks[prev].starts_sentence
        && prev > 0
        && cx.toks[prev - 1].line == cx.toks[prev].line
        && !LISTS.stop_words.has(&cx.toks, prev)
        && !place_before
}

/// A name with no title before it: a Vietnamese family name and two to
/// four capitalised syllables, or two or more capitalised words that are
/// not Vietnamese syllables.
fn bare_name(cx: &Cx<'_>, i: usize) -> Option<(usize, Rule)> {
    // "Theo MekoBank": a function word capitalised at a sentence start
    // starts no name.
    if !cx.cap(i)
        || other_name_at(cx, i)
        || place_at(cx, i).is_some()
        || (LISTS.stop_words.has(&cx.toks, i) && !starts_name(cx, i))
    {
        return None;
    }
    // "tàu Rolldock Star", "phim Mùa Xuân Xanh": a vessel, a work or a
    // brand named after its kind is no person.
    if phrase_before(cx, &LISTS.not_person_before, i) && cx.joined(i) {
        return None;
    }
    let end = name_run(cx, i);
    let toks = &cx.toks[i..end];
    let words = toks.iter().filter(|t| t.word).count();
    if words < 2
        || (i + 1..end).any(|k| place_at(cx, k).is_some_and(|p| p.0 >= 2))
        || code_goes_on(cx, end)
    {
        return None;
    }
    // "Đoàn Kinh tế quốc phòng": the last word starts a field with the
    // lower-case word after it, so the run names a body, not a person.
    if (i + 1..end).any(|k| LISTS.fields.at(&cx.toks, k).is_some_and(|f| k + f.0 > end)) {
        return None;
    }
    // "La Liga": a word for a kind of body or work makes no person's name
    // of a run that a family name opens either.
    let kind_word = holds_kind_word(cx, i..end);
    if starts_name(cx, i) && words <= 4 && !family_name_inside_a_run(cx, i) && !kind_word {
        return Some((end, Rule::PerFamilyName));
    }
    // The tail of a longer capitalised run ("Year Concert" in "New Year
    // Concert") is no name of its own.
    let inside_run = i > 0
        && cx.cap(i - 1)
        && cx.toks[i - 1].ascii
        && cx.joined(i)
        && !cx.toks[i - 1].starts_sentence;
    // An abbreviation in capitals makes the run a product's or a body's
    // ("<brand> ESP"); a person's initial is one letter, a ruler's number
    // a Roman numeral ("Ptolemy II").
    let abbreviation = toks.iter().any(|t| {
        t.word
            && t.shout
            && t.lower.chars().count() >= 2
            && !t.lower.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
    });
    let foreign = toks.iter().filter(|t| t.word).all(|t| t.ascii)
        && !abbreviation
        && toks
            .iter()
            .any(|t| t.word && !vietnamese_syllable(&t.lower))
        && !kind_word;
    // "Son Heung-min", "Moon Jae-in": a Korean name, a family name and a
    // given name of two syllables joined by a hyphen, the second in lower
    // case.
    let parts = toks
        .iter()
        .enumerate()
        .filter(|(n, t)| t.word && !(*n > 0 && toks[n - 1].is('-')))
        .count();
    let korean = parts == 2
        && toks.iter().filter(|t| t.word).all(|t| t.ascii)
        && toks
            .windows(2)
            .any(|w| w[0].is('-') && w[1].low_word() && !w[1].space_before);
    if (foreign || korean) && !inside_run {
        return Some((end, Rule::PerForeignShape));
    }
    // A name transliterated syllable by syllable: every word hyphenated
    // ("Xổm-xạ-vạt Lềnh-xạ-vắt").
    let caps: Vec<usize> = (i..end).filter(|&k| cx.cap(k)).collect();
    let hyphenated = |k: usize| {
        cx.toks
            .get(k + 1)
            .is_some_and(|t| t.is('-') && !t.space_before)
    };
    (caps.len() >= 2 && caps.iter().all(|&k| hyphenated(k)))
        .then_some((end, Rule::PerTransliterated))
}

/// Words before a role word that make it a group's ("các cầu thủ <club>",
/// "đội ngũ bác sĩ <company>"): what follows names the group's body, no
/// person. Numerals are left out: "hai cầu thủ A và B" names two.
const PLURALS: &[&str] = &["các", "những", "nhiều", "mọi"];

/// Whether a group word stands right before the role word at `i`.
fn plural_before(cx: &Cx<'_>, i: usize) -> bool {
    let word = |k: usize| cx.toks[k].lower.as_str();
    i > 0
        && cx.joined(i)
        && (PLURALS.contains(&word(i - 1))
            || (i > 1 && word(i - 2) == "đội" && word(i - 1) == "ngũ"))
}

/// Whether another capitalised name follows the one ending at `end`,
/// after a comma or "và": a list.
fn list_goes_on(cx: &Cx<'_>, end: usize) -> bool {
    cx.toks
        .get(end)
        .is_some_and(|t| t.is(',') || t.lower == "và")
        && cx.cap(end + 1)
        && cx.joined(end + 1)
}

/// The PER mention at token `i` (a word of address before it is left
/// out). The titles of an apposition after it are [`super::titles`]' to add.
pub fn find(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let honorific = match LISTS.honorifics.at(&cx.toks, i) {
        Some((n, _)) => name_after(cx, i + n, true).map(|end| (i + n, end)),
        None => LISTS.person_cues.at(&cx.toks, i).and_then(|(n, _)| {
            let end = name_after(cx, i + n, true)?;
            // After a group word only a list names people ("các diễn viên
            // A, B và C"); one name alone is the group's body.
            (!plural_before(cx, i) || list_goes_on(cx, end)).then_some((i + n, end))
        }),
    };
    let honorific = honorific.map(|(start, end)| (start, end, Rule::PerHonorific));
    let (start, end, rule) = match honorific {
        Some(h) => h,
        None => bare_name(cx, i).map(|(end, rule)| (i, end, rule))?,
    };
    Some(Found {
        end,
        entities: vec![cx.mention(start..end, EntityKind::Per, rule)],
    })
}

/// A Vietnamese person named again by the given name alone ("Thảo" after
/// "Nguyễn Thị Thảo"): a capitalised word inside a sentence standing alone
/// (no capitalised word joined before or after it) that is the last word of exactly one
/// Vietnamese name the text gives in full (`known`, after
/// [`super::canonical`]). It joins that person. Tokens in `taken` are
/// skipped.
pub fn given_names(cx: &Cx<'_>, known: &[Entity], taken: &[std::ops::Range<usize>]) -> Vec<Entity> {
    // Given name -> the person, or None when two people share it.
    let mut by_given: FastMap<String, Option<&Entity>> = FastMap::default();
    for e in known.iter().filter(|e| e.kind == EntityKind::Per) {
        let home = e.country.as_deref() == Some("Việt Nam");
        let mut words = e.canonical.split_whitespace();
        let (Some(_), Some(given)) = (words.next(), words.next_back()) else {
            continue;
        };
        if !home {
            continue;
        }
        let slot = by_given
            .entry(crate::text::chars::to_lowercase(given))
            .or_insert(Some(e));
        if slot.is_some_and(|p| p.canonical != e.canonical) {
            *slot = None;
        }
    }
    if by_given.is_empty() {
        return Vec::new();
    }
    let taken = Spans::new(taken.iter().cloned());
    let mut out = Vec::new();
    for i in 0..cx.toks.len() {
        let Some(Some(person)) = by_given.get(cx.toks[i].lower.as_str()) else {
            continue;
        };
        // At a sentence start a capital says nothing ("Sáng nay"), unless
        // a lower-case word other than the name's own tail follows ("Thảo
        // cho biết"); never a place ("Nhật", "Anh").
        let opens = cx.toks[i].starts_sentence
            && !(cx
                .toks
                .get(i + 1)
                .is_some_and(|t| t.low_word() && cx.joined(i + 1))
                && LISTS.stop_words.has(&cx.toks, i + 1));
        let alone = cx.cap(i)
            && !opens
            && place_at(cx, i).is_none()
            && !(i > 0 && cx.cap(i - 1) && cx.joined(i))
            && !(cx.cap(i + 1) && cx.joined(i + 1));
        if !alone || taken.any_overlapping(&cx.toks[i].span, |_| true) {
            continue;
        }
        out.push(cx.mention_of(i..i + 1, person, Rule::PerGivenName));
    }
    out
}

/// Names in a heading written in capitals ("BỘ TRƯỞNG TRẦN VĂN AN TIẾP
/// …"), where the end of a name cannot be seen: the people the rest of the
/// text names (`known`, two words or more), found again there. Tokens in
/// `taken` are skipped.
pub fn known_in_capitals(
    cx: &Cx<'_>,
    known: &[Entity],
    taken: &[std::ops::Range<usize>],
) -> Vec<Entity> {
    let mut names: Vec<(Vec<String>, &Entity)> = Vec::new();
    let mut seen: FastSet<Vec<String>> = FastSet::default();
    for e in known.iter().filter(|e| e.kind == EntityKind::Per) {
        let words: Vec<String> = e
            .canonical
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if words.len() >= 2 && seen.insert(words.clone()) {
            names.push((words, e));
        }
    }
    names.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    // The names by their first word, longest first.
    let mut by_first: FastMap<&str, Vec<usize>> = FastMap::default();
    for (n, (w, _)) in names.iter().enumerate() {
        by_first.entry(w[0].as_str()).or_default().push(n);
    }
    let taken = Spans::new(taken.iter().cloned());
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        let free = |k: usize| !taken.any_overlapping(&cx.toks[k].span, |_| true);
        let hit = cx.shouting(i).then(|| {
            let candidates = by_first
                .get(cx.toks[i].lower.as_str())
                .map_or(&[][..], Vec::as_slice);
            candidates.iter().map(|&n| &names[n]).find(|(w, _)| {
                cx.toks.get(i..i + w.len()).is_some_and(|ts| {
                    ts.iter().zip(w).all(|(t, x)| t.lower == *x)
                        && (i..i + w.len()).all(|k| free(k) && (k == i || cx.joined(k)))
                })
            })
        });
        match hit.flatten() {
            Some((w, e)) => {
                out.push(cx.mention_of(i..i + w.len(), e, Rule::PerKnownInCapitals));
                i += w.len();
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, String)> {
        let cx = Cx::new(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < cx.toks.len() {
            match find(&cx, i) {
                Some(f) => {
                    out.extend(f.entities.into_iter().map(|e| (e.text, e.rule.to_string())));
                    i = f.end;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn family_names_and_foreign_shapes() {
        assert_eq!(
            people("hôm nay Trần Thị Mai Hương phát biểu"),
            [("Trần Thị Mai Hương".into(), "per.family_name".into())]
        );
        assert_eq!(
            people("và Somsack Vongsa đã đến"),
            [("Somsack Vongsa".into(), "per.foreign_shape".into())]
        );
        assert_eq!(
            people("ông Hải cho biết"),
            [("Hải".into(), "per.honorific".into())]
        );
    }

    #[test]
    fn places_and_sentence_starts_are_no_people() {
        assert!(people("Từ Hà Nội, đoàn đi Lạng Sơn.").is_empty());
        assert!(people("Hai Bộ trưởng nhất trí.").is_empty());
        assert!(people("Greenland sau Venezuela").is_empty());
        assert!(people("theo Asia Times và New Year Concert").is_empty());
        assert_eq!(
            people("bà Ingrid van der Berg phát biểu")[0].0,
            "Ingrid van der Berg"
        );
        assert_eq!(people("Lê Văn Anh de Hà Nội")[0].0, "Lê Văn Anh");
        assert_eq!(
            people("ông Prawit Chan-o-cha cho biết")[0].0,
            "Prawit Chan-o-cha"
        );
        assert!(people("NGUYỄN VĂN AN PHÁT BIỂU").is_empty());
    }

    #[test]
    fn names_known_from_the_text_are_found_in_capitals() {
        let text = "BỘ TRƯỞNG TRẦN VĂN AN TIẾP ĐOÀN\n\nBộ trưởng Trần Văn An tiếp đoàn.";
        let got = crate::entities::find(text, &crate::DocContext::default());
        let p: Vec<(&str, crate::RuleId)> = got
            .iter()
            .filter(|e| e.kind == EntityKind::Per)
            .map(|e| (e.text.as_str(), e.rule))
            .collect();
        assert_eq!(
            p,
            [
                ("TRẦN VĂN AN", Rule::PerKnownInCapitals.into()),
                ("Trần Văn An", Rule::PerAfterTitle.into())
            ]
        );
    }

    #[test]
    fn a_name_runs_over_a_single_line_break_but_not_a_paragraph() {
        assert_eq!(people("gặp Lê Văn\nHưng hôm qua")[0].0, "Lê Văn\nHưng");
        assert_eq!(people("gặp Lê Văn\n\nHưng hôm qua")[0].0, "Lê Văn");
    }
}
