//! Titles (TITLE) and the people they name. A title is a head word
//! ("Bộ trưởng", "Ủy viên", "Tổng Bí thư") with what follows it inside the
//! title: a field ("Ngoại giao"), a qualifier ("Trung ương"), an
//! organisation ("Bộ Ngoại giao Lào", "Chính phủ", nested as ORG), a
//! country ("Lào", a LOC after the TITLE: it becomes the person's
//! country, not part of the role). Titles
//! chain with commas or "kiêm" ("Phó Thủ tướng kiêm Bộ trưởng Tài chính",
//! "Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh"); the name after the chain is a person whose roles
//! are the titles, closest last. A title with no name after it stays a TITLE.

use super::lists::LISTS;
use super::orgs::{self, org_at};
use super::scan::{places_from, starts_name, vietnamese_syllable, Cx, Found};
use super::{people, places};
use crate::{Entity, EntityKind, Rule};

/// One title: its tokens, the country it names and its nested mentions.
struct Title {
    start: usize,
    /// Where the role's words end: before a country that ends the title
    /// ("Bộ trưởng Ngoại giao" of "Bộ trưởng Ngoại giao Lào"), which is the
    /// person's country rather than part of the role.
    role_end: usize,
    end: usize,
    country: Option<String>,
    inner: Vec<Entity>,
}

/// The organisation inside a title at `k`, with a qualifier before it
/// when that gives the longer reading ("Trung ương" + "Đảng Nhân dân
/// Cách mạng Lào" rather than "Trung ương Đảng").
fn org_in_title(cx: &Cx<'_>, k: usize) -> Option<(usize, usize, Entity)> {
    let direct = org_at(cx, k).map(|o| (k, o));
    let qualified = LISTS.title_qualifiers.at(&cx.toks, k).and_then(|(n, _)| {
        org_at(cx, k + n)
            .filter(|o| o.3 == Rule::OrgHead)
            .map(|o| (k + n, o))
    });
    let (start, (end, canonical, country, rule)) = match (direct, qualified) {
        (Some(d), Some(q)) if q.1 .0 > d.1 .0 => q,
        (Some(d), _) => d,
        (None, Some(q)) => q,
        (None, None) => return None,
    };
    let mut e = cx.mention(start..end, EntityKind::Org, rule);
    e.canonical = canonical;
    e.country = country;
    Some((start, end, e))
}

/// The length of the title head at `i`: a listed head, or "Phó" before
/// one ("Phó Thống đốc", "Phó Tỉnh trưởng"). Any office can have a deputy,
/// so the list need not name each one; the longer reading wins.
fn head_len(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let heads = &LISTS.title_heads;
    let listed = heads.at(&cx.toks, i).map(|h| h.0);
    let is_pho = cx.toks.get(i).is_some_and(|t| t.cap && t.lower == "phó");
    let deputy = (is_pho && cx.joined(i + 1))
        .then(|| heads.at(&cx.toks, i + 1))
        .flatten()
        .map(|h| h.0 + 1);
    listed.max(deputy)
}

/// The end of a body named by its kind alone right after a title's head
/// at `k` ("bệnh viện" in "Giám đốc bệnh viện, bác sĩ …"): the body the
/// text is about, part of the role. Only where the kind ends a phrase: at a
/// mark or a line's end, before a function word ("Chủ tịch công ty cho
/// biết") or before the holder's name; not before the body's own name
/// ("Giám đốc công ty Hoa Sen": the name is no person's) nor inside a
/// longer word ("Chủ tịch sở hữu …").
fn body_by_kind(cx: &Cx<'_>, k: usize) -> Option<usize> {
    let (m, _) = LISTS.title_bodies.at(&cx.toks, k)?;
    let end = k + m;
    let ends_phrase = match cx.toks.get(end) {
        None => true,
        Some(t) => {
            !t.word
                || !cx.joined(end)
                || (t.low_word() && LISTS.stop_words.has(&cx.toks, end))
                || starts_name(cx, end)
        }
    };
    ends_phrase.then_some(end)
}

/// The company a business title (head of `n` tokens at `i`) is of, named
/// by one foreign word right after the head ("CEO X cho biết", "bà A,
/// Tổng giám đốc X, nói", "Chủ tịch X Trần Văn B"): a capitalised word not
/// spelled as a Vietnamese syllable, then a mark, a function word, the
/// line's end or a Vietnamese name. Before "của" or "tại" the word is the
/// office's field and the body follows ("Giám đốc X của công ty …"). A
/// word the text gives elsewhere as the last of a foreign name ("Elon X"
/// … "CEO X") is the holder's family name, no company.
fn company_of_title(cx: &Cx<'_>, i: usize, n: usize) -> Option<Entity> {
    let business = |at: usize, len: usize| {
        LISTS
            .business_heads
            .at(&cx.toks, at)
            .is_some_and(|h| h.0 == len)
    };
    let deputy = cx.toks[i].lower == "phó" && n > 1 && business(i + 1, n - 1);
    if !(business(i, n) || deputy) {
        return None;
    }
    let k = i + n;
    let t = cx.toks.get(k)?;
    let foreign = t.word && t.ascii && cx.cap(k) && !vietnamese_syllable(&t.lower);
    if !foreign || !cx.joined(k) || LISTS.stop_words.has(&cx.toks, k) {
        return None;
    }
    let ends_phrase = match cx.toks.get(k + 1) {
        None => true,
        Some(u) => {
            !u.word
                || !cx.joined(k + 1)
                || (u.low_word()
                    && LISTS.stop_words.has(&cx.toks, k + 1)
                    && !matches!(u.lower.as_str(), "của" | "tại"))
                || starts_name(cx, k + 1)
        }
    };
    // "Elon X" elsewhere: a capitalised foreign word, no function word
    // nor abbreviation, right before the same word.
    let family_name = (1..cx.toks.len()).any(|m| {
        let p = &cx.toks[m - 1];
        m != k
            && cx.toks[m].lower == t.lower
            && cx.joined(m)
            && p.word
            && p.ascii
            && cx.cap(m - 1)
            && !p.shout
            && !LISTS.stop_words.has(&cx.toks, m - 1)
    });
    (ends_phrase && !family_name).then(|| cx.mention(k..k + 1, EntityKind::Org, Rule::OrgOfTitle))
}

/// The title starting at `i`.
fn title_at(cx: &Cx<'_>, i: usize) -> Option<Title> {
    let l = &*LISTS;
    let n = head_len(cx, i)?;
    let mut k = i + n;
    let mut country = None;
    let mut inner = Vec::new();
    let mut role_end = k;
    // "Trưởng Ban Nội chính Tỉnh ủy": a title that ends in an
    // organisation's head holds that organisation, named in full.
    let head_inside = (1..n).find(|&m| {
        l.org_heads
            .at(&cx.toks, i + m)
            .is_some_and(|h| h.0 == n - m)
    });
    if let Some(m) = head_inside {
        if let Some((_, end, org)) = org_in_title(cx, i + m).filter(|o| o.1 > k) {
            if org.country.is_some() {
                country = org.country.clone();
            }
            inner.push(org);
            k = end;
            role_end = k;
        }
    }
    while k < cx.toks.len() && cx.joined(k) {
        // A country, or "nước" before one, leaves the role where it was.
        let mut of_role = true;
        if let Some((_, end, org)) = org_in_title(cx, k) {
            if org.country.is_some() {
                country = org.country.clone();
            }
            inner.push(org);
            k = end;
        } else if let Some(end) = body_by_kind(cx, k).filter(|_| k == i + n) {
            k = end;
        } else if let Some(org) = (k == i + n).then(|| company_of_title(cx, i, n)).flatten() {
            inner.push(org);
            k += 1;
        } else if matches!(cx.toks[k].lower.as_str(), "nước" | "của")
            && (places_from(cx, k + 1).is_some() || org_at(cx, k + 1).is_some())
            && cx.joined(k + 1)
        {
            // "Thủ tướng Chính phủ nước Cộng hòa … Lào", "Chủ nhiệm Ủy ban
            // Đối ngoại của Quốc hội": the country or body the office is of.
            of_role = org_at(cx, k + 1).is_some();
            k += 1;
        } else if let Some(end) = orgs::local_tail(cx, k) {
            // "Chủ tịch UBND tỉnh Nghệ An": the province of a local office.
            inner.extend(places::all_in(cx, k, end));
            k = end;
        } else if let Some((m, _)) = l.fields.at(&cx.toks, k) {
            k += m;
            // "Bộ trưởng Ngoại giao và Hợp tác quốc tế": two fields.
            if cx.toks.get(k).is_some_and(|t| t.lower == "và") && cx.joined(k + 1) {
                if let Some((m, _)) = l.fields.at(&cx.toks, k + 1) {
                    k += 1 + m;
                }
            }
        } else if let Some((m, _)) = l.title_qualifiers.at(&cx.toks, k) {
            k += m;
        } else if let Some((m, _)) = l
            .admin_units
            .at(&cx.toks, k)
            .filter(|&(m, _)| cx.joined(k + m) && places::holder_after_unit(cx, k + m))
        {
            // "Phó Chủ tịch tỉnh Lê Quang Tuấn": the office of the province
            // the page is about, named by its unit word; the holder follows.
            k += m;
        } else if let Some((end, c)) = places_from(cx, k) {
            if c.is_some() {
                country = c;
            }
            inner.extend(places::all_in(cx, k, end));
            k = end;
            of_role = false;
        } else if cx.toks[k].lower == "tại" && places_from(cx, k + 1).is_some() {
            // "Đại sứ Việt Nam tại Lào": where, not whose.
            let (end, _) = places_from(cx, k + 1)?;
            inner.extend(places::all_in(cx, k + 1, end));
            k = end;
        } else {
            break;
        }
        if of_role {
            role_end = k;
        }
    }
    Some(Title {
        start: i,
        role_end,
        end: k,
        country,
        inner,
    })
}

/// Titles from `i` joined by commas or "kiêm".
fn chain(cx: &Cx<'_>, i: usize) -> Option<Vec<Title>> {
    let mut titles = vec![title_at(cx, i)?];
    while let Some(last) = titles.last() {
        let k = last.end;
        // ", Bộ trưởng …" and "kiêm Bộ trưởng …" (holding both offices).
        if !cx
            .toks
            .get(k)
            .is_some_and(|t| t.is(',') || t.lower == "kiêm")
        {
            break;
        }
        match title_at(cx, k + 1) {
            Some(t) => titles.push(t),
            None => break,
        }
    }
    Some(titles)
}

/// What a chain of titles gives a person: roles (closest to the name
/// last), the country the titles name, and the TITLE mentions with the
/// mentions nested in them.
pub struct Roles {
    /// The token after the chain.
    pub end: usize,
    /// Each title's words.
    pub roles: Vec<String>,
    /// The last country the titles name.
    pub country: Option<String>,
    /// TITLE mentions and their nested ORG and LOC.
    pub entities: Vec<Entity>,
}

fn roles_of(cx: &Cx<'_>, titles: Vec<Title>) -> Roles {
    let end = titles.last().map_or(0, |t| t.end);
    let roles = titles
        .iter()
        .map(|t| cx.words(t.start..t.role_end))
        .collect();
    let country = titles.iter().rev().find_map(|t| t.country.clone());
    let mut entities = Vec::new();
    for t in titles {
        entities.push(cx.mention(t.start..t.role_end, EntityKind::Title, Rule::TitleHead));
        entities.extend(t.inner);
    }
    Roles {
        end,
        roles,
        country,
        entities,
    }
}

/// Titles after a name and a comma or a spaced dash that name no one else
/// ("ông Trần Văn An, Bộ trưởng Bộ Y tế, cho biết", "bà A - Chủ tịch Hoa
/// Sen - cho biết"): an apposition. `k` is the mark.
pub fn apposition(cx: &Cx<'_>, k: usize) -> Option<Roles> {
    let mark = cx.toks.get(k).is_some_and(|t| {
        t.is(',')
            || (t.is('-') && t.space_before && cx.toks.get(k + 1).is_some_and(|n| n.space_before))
    });
    if !mark {
        return None;
    }
    let titles = chain(cx, k + 1)?;
    let end = titles.last()?.end;
    // A person's name after the titles makes them that person's ("A, Bộ
    // trưởng Trần Văn B", "A, Thứ trưởng Somsak Phomma"): a family name, a
    // full name of three words or more, or two foreign words. Fewer words
    // that start no name are the body of the office the person before
    // holds ("bà A, Phó Tổng giám đốc Aerolink", "ông A - Chủ tịch Hoa
    // Sen -").
    let names_another = |e: usize| {
        let words = (end..e).filter(|&m| cx.toks[m].word).count();
        starts_name(cx, end)
            || words >= 3
            || (words == 2 && !vietnamese_syllable(&cx.toks[end].lower))
    };
    if people::name_after(cx, end, false).is_some_and(names_another) {
        return None;
    }
    Some(roles_of(cx, titles))
}

/// The person at token `i` ([`people::find`]) with the titles of an
/// apposition after the name as roles ("ông Trần Văn An, Bộ trưởng Bộ Y tế,
/// cho biết").
pub fn person(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let found = people::find(cx, i)?;
    let Some(a) = apposition(cx, found.end) else {
        return Some(found);
    };
    let mut entities = found.entities;
    if let Some(p) = entities.first_mut() {
        p.roles = a.roles;
        p.country = a.country;
    }
    entities.extend(a.entities);
    Some(Found {
        end: a.end,
        entities,
    })
}

/// The titles at token `i` and the person they name.
pub fn find(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let titles = chain(cx, i)?;
    let k = titles.last()?.end;
    let mut person_at = people::name_after(cx, k, false).map(|e| (k, e, Rule::PerAfterTitle));
    // "Thủ tướng Samdech Techo X": a word of address between the title and
    // the name stays outside both.
    if person_at.is_none() && cx.joined(k) {
        if let Some((n, _)) = LISTS.honorifics.at(&cx.toks, k) {
            person_at =
                people::name_after(cx, k + n, false).map(|e| (k + n, e, Rule::PerAfterTitle));
        }
    }
    // "Bộ trưởng Ngoại giao Lào, ông X": an apposition, across a word of
    // address or a profession ("Giám đốc bệnh viện, bác sĩ X").
    if person_at.is_none() && cx.toks.get(k).is_some_and(|t| t.is(',')) {
        let cue = LISTS
            .honorifics
            .at(&cx.toks, k + 1)
            .or_else(|| LISTS.person_cues.at(&cx.toks, k + 1));
        if let Some((n, _)) = cue {
            person_at = people::name_after(cx, k + 1 + n, true)
                .map(|e| (k + 1 + n, e, Rule::PerTitleApposition));
        }
    }
    let Roles {
        end,
        roles,
        country,
        mut entities,
    } = roles_of(cx, titles);
    let Some((start, name_end, rule)) = person_at else {
        return Some(Found { end, entities });
    };
    let mut p = cx.mention(start..name_end, EntityKind::Per, rule);
    p.roles = roles;
    p.country = country;
    // "PGS.TS Trần Văn An - Phó Chủ tịch Hội Tin học -": the titles of an
    // apposition after the name follow those before it.
    let mut end = name_end;
    let mut more = Vec::new();
    if let Some(a) = apposition(cx, name_end) {
        p.roles.extend(a.roles);
        p.country = a.country.or(p.country);
        more = a.entities;
        end = a.end;
    }
    entities.push(p);
    entities.extend(more);
    Some(Found { end, entities })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Vec<Entity> {
        let cx = Cx::new(text);
        (0..cx.toks.len())
            .find_map(|i| find(&cx, i))
            .map(|f| f.entities)
            .unwrap_or_default()
    }

    fn per(es: &[Entity]) -> Option<&Entity> {
        es.iter().find(|e| e.kind == EntityKind::Per)
    }

    #[test]
    fn a_chain_of_titles_gives_roles_and_country() {
        let e = first("Ủy viên Ban Bí thư Đảng Nhân dân Cách mạng Lào kiêm Bộ trưởng Năng lượng và Mỏ Lào Phoxay Vilaysack đọc diễn văn");
        let p = per(&e).unwrap();
        assert_eq!(p.text, "Phoxay Vilaysack");
        assert_eq!(
            p.roles,
            [
                "Ủy viên Ban Bí thư Đảng Nhân dân Cách mạng Lào",
                "Bộ trưởng Năng lượng và Mỏ"
            ]
        );
        assert_eq!(p.country.as_deref(), Some("Lào"));
        assert!(e
            .iter()
            .any(|x| x.kind == EntityKind::Org && x.text == "Đảng Nhân dân Cách mạng Lào"));
    }

    #[test]
    fn offices_of_a_country_or_a_body() {
        let e = first(
            "buổi sáng, Thủ tướng Chính phủ nước Cộng hòa Dân chủ Nhân dân Lào Sonexay Phanlak thăm nhà máy",
        );
        let p = per(&e).unwrap();
        assert_eq!(
            (p.text.as_str(), p.country.as_deref()),
            ("Sonexay Phanlak", Some("Lào"))
        );
        let e = first("Chủ nhiệm Ủy ban Kinh tế của Quốc hội Vũ Hải Yến chất vấn");
        assert_eq!(
            per(&e).unwrap().roles,
            ["Chủ nhiệm Ủy ban Kinh tế của Quốc hội"]
        );
    }

    #[test]
    fn government_and_state_inside_titles() {
        let e = first("Phó Thủ tướng kiêm Bộ trưởng Tài chính Lào Bounlap Sengdara ký");
        assert_eq!(
            per(&e).unwrap().roles,
            ["Phó Thủ tướng", "Bộ trưởng Tài chính"]
        );
        let e = first("Thủ tướng Chính phủ Đặng Quốc Bảo đi thị sát");
        assert_eq!(per(&e).unwrap().roles, ["Thủ tướng Chính phủ"]);
        assert!(e
            .iter()
            .any(|x| x.kind == EntityKind::Org && x.text == "Chính phủ"));
        let e = first("Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương Vũ Minh Khang");
        assert_eq!(per(&e).unwrap().text, "Vũ Minh Khang");
        assert_eq!(per(&e).unwrap().roles.len(), 2);
    }

    #[test]
    fn titles_without_a_name() {
        let e = first("hai Bộ trưởng đã nhất trí");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].kind, EntityKind::Title);
        let e = first("Bộ trưởng Nông nghiệp Lào nhận quà");
        assert!(per(&e).is_none());
        let e = first("giữ ghế Chủ tịch APEC năm 2034");
        assert!(per(&e).is_none() && e.iter().any(|x| x.text == "APEC"));
    }

    #[test]
    fn foreign_single_names_and_appositions() {
        assert_eq!(
            per(&first("Tổng thống Lindqvist nói thêm")).unwrap().text,
            "Lindqvist"
        );
        let e = first("Tổng thống Kazakhstan Nursultan-Erlan Abenov dạo phố");
        assert_eq!(per(&e).unwrap().text, "Nursultan-Erlan Abenov");
        assert!(per(&first("Chủ tịch Nhân dân")).is_none());
        let cx = Cx::new("ông Lê Minh Tâm, Thứ trưởng Bộ Y tế, dặn dò");
        let a = apposition(&cx, 4).unwrap();
        assert_eq!(
            (a.end, a.roles),
            (10, vec!["Thứ trưởng Bộ Y tế".to_string()])
        );
        assert!(apposition(&Cx::new("A, Bộ trưởng Trần Văn B"), 1).is_none());
        let e = first("Đại sứ Nhật Bản tại Ba Lan, ông Tanaka Hiroshi mời khách");
        assert_eq!(per(&e).unwrap().country.as_deref(), Some("Nhật Bản"));
    }

    #[test]
    fn a_body_named_by_its_kind_and_a_profession_before_the_name() {
        let e = first("Giám đốc trung tâm, kỹ sư Lạc Văn Tùng, trả lời");
        let p = per(&e).unwrap();
        assert_eq!(
            (p.text.as_str(), p.roles.as_slice()),
            ("Lạc Văn Tùng", &["Giám đốc trung tâm".to_string()][..])
        );
        let e = first("Giám đốc nhà máy Sông Xanh phát biểu");
        assert_eq!(e[0].text, "Giám đốc");
        assert!(per(&e).is_none());
    }

    #[test]
    fn a_company_by_one_foreign_word_after_a_business_title() {
        let e = first("Theo CEO Quillon, giá sẽ giảm");
        assert_eq!(e[0].text, "CEO Quillon");
        assert!(per(&e).is_none());
        assert!(e
            .iter()
            .any(|x| x.kind == EntityKind::Org && x.rule == crate::RuleId::from(Rule::OrgOfTitle)));
        let e = first("Chủ tịch Quillon Phan Văn Đạt ký");
        assert_eq!(per(&e).unwrap().roles, ["Chủ tịch Quillon"]);
        assert_eq!(
            per(&first("Tổng thống Quillon nói")).unwrap().text,
            "Quillon"
        );
        let e = first("nhà đầu tư Ansel Quillon đã bán. CEO Quillon nói");
        assert_eq!(per(&e).unwrap().text, "Quillon");
    }

    #[test]
    fn a_word_of_address_between_the_title_and_the_name() {
        let e = first("Thủ tướng Samdech Techo Sok Vannarith tiếp đoàn");
        let p = per(&e).unwrap();
        assert_eq!(
            (p.text.as_str(), p.roles.as_slice()),
            ("Sok Vannarith", &["Thủ tướng".to_string()][..])
        );
    }
}
