//! One name per person: mentions of one person share a `canonical` ("Bộ
//! trưởng Đỗ Quang Lâm", "Đỗ Quang Lâm", "đồng chí Đỗ Quang Lâm", "ông
//! Lâm"), and a foreign name written in another order or with a small
//! spelling difference on the same page ("Bounmy Phetsavanh" /
//! "Phetsavanh Bounmi") is the same person, and so is a transliteration
//! with its original spelling in parentheses ("Xi-na-ô Đa-ca (Shinao
//! Daka)"). Each person's mentions share
//! the country; a mention without a title takes the fullest roles given
//! to the person. A Vietnamese name with no other country is Việt Nam's;
//! a foreign name that leads a delegation of a country ("đoàn … tỉnh X
//! (Lào) do Phó Tỉnh trưởng Y dẫn đầu") is that country's.

use super::lists::LISTS;
use super::scan::{place_at, Cx};
use crate::fasthash::FastMap;
use crate::text::tokens::tokenize_all as tokenize;
use crate::{Entity, EntityKind};

/// The country of a person with a Vietnamese name and no other country given.
const HOME: &str = "Việt Nam";

/// One person: the words of the fullest name and the mentions.
struct Person {
    words: Vec<String>,
    canonical: String,
    members: Vec<usize>,
}

/// Edit distance of two words (in chars), for small spelling differences.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Two foreign names with the same words in any order, each word alike
/// up to a small spelling difference.
fn same_foreign(a: &[String], b: &[String]) -> bool {
    let foreign =
        |w: &[String]| w.len() >= 2 && w.iter().all(|x| x.chars().all(|c| c.is_ascii_alphabetic()));
    if a.len() != b.len() || !foreign(a) || !foreign(b) {
        return false;
    }
    let mut used = vec![false; b.len()];
    a.iter().all(|x| {
        let hit = b
            .iter()
            .enumerate()
            .find(|(j, y)| !used[*j] && x.len() >= 4 && distance(x, y) <= 2);
        hit.map(|(j, _)| used[j] = true).is_some()
    })
}

/// The sorted first letters of a name's words: the bucket in which
/// [`same_foreign`] looks.
fn initials(words: &[String]) -> String {
    let mut first: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
    first.sort_unstable();
    first.into_iter().collect()
}

/// The lower-case words of a name.
fn words_of(name: &str) -> Vec<String> {
    name.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether a name is Vietnamese: it starts with a Vietnamese family name,
/// or its middle word is "Văn" or "Thị", which mark a Vietnamese man's or
/// woman's name whatever the family name (those of the minorities: "Lang
/// Văn …", "Lò Thị …").
fn vietnamese(name: &str) -> bool {
    let toks = tokenize(name);
    let words: Vec<&str> = toks.iter().filter(|t| t.word).map(|t| &*t.lower).collect();
    let marked_middle = words.len() >= 3 && matches!(words[1], "văn" | "thị");
    (LISTS.family_names.has(&toks, 0) || marked_middle) && !toks.iter().all(|t| !t.word || t.ascii)
}

/// The country of the delegation a person leads: "đoàn … <country> … do
/// <titles> <name> dẫn đầu" within one sentence, the last country named
/// between "đoàn" and "do". A delegation is led by one of its own, so its
/// country is the leader's.
fn delegation_country(cx: &Cx<'_>, name: &std::ops::Range<usize>) -> Option<String> {
    let toks = &cx.toks;
    let first = toks.partition_point(|t| t.span.start < name.start);
    let after = toks.partition_point(|t| t.span.start < name.end);
    let word = |k: usize, w: &str| toks.get(k).is_some_and(|t| &*t.lower == w);
    let leads = (word(after, "dẫn") && word(after + 1, "đầu"))
        || (word(after, "làm") && word(after + 1, "trưởng") && word(after + 2, "đoàn"));
    if !leads || !cx.joined(after) {
        return None;
    }
    // "do" before the titles of the name, in the same sentence.
    let by = (first.saturating_sub(8)..first)
        .rev()
        .take_while(|&k| cx.joined(k + 1))
        .find(|&k| word(k, "do"))?;
    let group = (0..by)
        .rev()
        .take_while(|&k| cx.joined(k + 1))
        .find(|&k| word(k, "đoàn"))?;
    (group + 1..by).rev().find_map(|k| {
        place_at(cx, k)
            .filter(|p| p.2)
            .map(|p| p.1.canonical.clone())
    })
}

/// A person's name with its other spelling in parentheses right after it
/// ("Xi-na-ô Đa-ca (Shinao Daka)"): a transliteration, hyphenated syllable
/// by syllable, and the original Latin spelling in ASCII letters only,
/// word for word. The pairs of mentions (the name, the spelling in
/// parentheses), one person under the first. Not a character and its
/// actor ("Anh Vũ (<actor>)"): no hyphens, no transliteration.
fn spelled_again(cx: &Cx<'_>, entities: &[Entity], per: &[usize]) -> Vec<(usize, usize)> {
    let latin = |e: &Entity| e.text.chars().all(|c| c.is_ascii() && c != '-');
    let pair = |a: &Entity, b: &Entity| {
        let (t, o) = if latin(a) { (b, a) } else { (a, b) };
        latin(o)
            && !latin(t)
            && t.text.contains('-')
            && t.text.split_whitespace().count() == o.text.split_whitespace().count()
    };
    per.windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|&(i, j)| {
            let (a, b) = (&entities[i], &entities[j]);
            let between = cx.text.get(a.span.end..b.span.start).map(str::trim);
            let closed = cx
                .text
                .get(b.span.end..)
                .is_some_and(|r| r.trim_start().starts_with(')'));
            between == Some("(") && closed && pair(a, b)
        })
        .collect()
}

/// Gives every person one canonical name, country and roles.
pub fn assign(cx: &Cx<'_>, entities: &mut [Entity]) {
    let per: Vec<usize> = (0..entities.len())
        .filter(|&i| entities[i].kind == EntityKind::Per)
        .collect();
    for &i in &per {
        let e = &entities[i];
        if e.country.is_none() && !vietnamese(&e.canonical) {
            entities[i].country = delegation_country(cx, &e.span.clone());
        }
    }
    let mut people: Vec<Person> = Vec::new();
    // Indexes that keep the matching linear in the number of mentions: full
    // names by their words; foreign names by their sorted initials (a small
    // spelling difference keeps the first letter); people by each word of
    // their name, for the given names alone.
    let mut by_words: FastMap<Vec<String>, usize> = FastMap::default();
    let mut by_initials: FastMap<String, Vec<usize>> = FastMap::default();
    let mut by_word: FastMap<String, Vec<usize>> = FastMap::default();
    // Full names first, then the given names alone ("ông Trung").
    for pass in [false, true] {
        for &i in &per {
            let words = words_of(&entities[i].canonical);
            if (words.len() == 1) != pass {
                continue;
            }
            let found = if pass {
                let mut fits: Vec<usize> = by_word
                    .get(&words[0])
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let w = &people[p].words;
                        // A Vietnamese is called by the given name (last); a
                        // foreigner by either name ("ông Bounmy").
                        w.last() == words.last()
                            || (!vietnamese(&people[p].canonical) && w.contains(&words[0]))
                    })
                    .collect();
                fits.dedup();
                (fits.len() == 1).then(|| fits[0])
            } else {
                by_words.get(&words).copied().or_else(|| {
                    by_initials.get(&initials(&words)).and_then(|ps| {
                        ps.iter()
                            .copied()
                            .find(|&p| same_foreign(&people[p].words, &words))
                    })
                })
            };
            match found {
                Some(p) => people[p].members.push(i),
                None => {
                    let p = people.len();
                    by_words.entry(words.clone()).or_insert(p);
                    by_initials.entry(initials(&words)).or_default().push(p);
                    for w in &words {
                        let list = by_word.entry(w.clone()).or_default();
                        if list.last() != Some(&p) {
                            list.push(p);
                        }
                    }
                    people.push(Person {
                        canonical: entities[i].canonical.clone(),
                        words,
                        members: vec![i],
                    });
                }
            }
        }
    }
    // "A (B)": B's person joins A's.
    for (i, j) in spelled_again(cx, entities, &per) {
        let of = |k: usize| people.iter().position(|p| p.members.contains(&k));
        if let (Some(a), Some(b)) = (of(i), of(j)) {
            if a != b {
                let moved = std::mem::take(&mut people[b].members);
                people[a].members.extend(moved);
            }
        }
    }
    for p in &people {
        let mut members = p.members.clone();
        members.sort_unstable();
        // The fullest roles given (the first of equals).
        let mut roles: &[String] = &[];
        for &i in &members {
            let r = &entities[i].roles;
            if r.iter().map(String::len).sum::<usize>()
                > roles.iter().map(String::len).sum::<usize>()
            {
                roles = r;
            }
        }
        let roles = roles.to_vec();
        let country = members
            .iter()
            .find_map(|&i| entities[i].country.clone())
            .or_else(|| vietnamese(&p.canonical).then(|| HOME.to_string()));
        for &i in &members {
            let e = &mut entities[i];
            e.canonical = p.canonical.clone();
            if e.roles.is_empty() {
                e.roles = roles.clone();
            }
            if e.country.is_none() {
                e.country = country.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DocContext;

    fn people(text: &str) -> Vec<(String, String, Option<String>, Vec<String>)> {
        super::super::find(text, &DocContext::default())
            .into_iter()
            .filter(|e| e.kind == EntityKind::Per)
            .map(|e| (e.text, e.canonical, e.country, e.roles))
            .collect()
    }

    #[test]
    fn spelling_and_order_differences_merge() {
        assert!(distance("bounmi", "bounmy") == 1);
        let w = |s: &str| words_of(s);
        assert!(same_foreign(
            &w("Bounmy Phetsavanh"),
            &w("Phetsavanh Bounmi")
        ));
        assert!(!same_foreign(&w("Somsack Vongsa"), &w("Somphone Vongsa")));
    }

    #[test]
    fn a_transliteration_and_its_original_spelling_are_one_person() {
        let p = people("Thủ tướng Mo-ri-xa Kê-ni (Morisa Keni) tiếp khách. Bé Thanh Vy (Lena Hart) đóng vai chính.");
        let canon = |t: &str| p.iter().find(|x| x.0 == t).map(|x| x.1.clone());
        assert_eq!(canon("Morisa Keni").as_deref(), Some("Mo-ri-xa Kê-ni"));
        assert_eq!(canon("Lena Hart").as_deref(), Some("Lena Hart"));
    }

    #[test]
    fn mentions_share_name_roles_and_country() {
        let p = people(
            "Thứ trưởng Bộ Công Thương Lào Somsack Vongsa ghé nhà máy của Bộ trưởng Trần Văn An. Ông An tặng sách cho Vongsa Somsak. Ông Somsack mỉm cười.",
        );
        assert_eq!(p.len(), 5);
        assert_eq!(
            (p[4].0.as_str(), p[4].1.as_str()),
            ("Somsack", "Somsack Vongsa")
        );
        assert_eq!(p[0].2.as_deref(), Some("Lào"));
        assert_eq!(
            (p[1].1.as_str(), p[1].2.as_deref()),
            ("Trần Văn An", Some("Việt Nam"))
        );
        assert_eq!(
            (p[2].1.as_str(), p[2].3.clone()),
            ("Trần Văn An", vec!["Bộ trưởng".to_string()])
        );
        assert_eq!(
            (p[3].1.as_str(), p[3].2.as_deref()),
            ("Somsack Vongsa", Some("Lào"))
        );
    }
}
