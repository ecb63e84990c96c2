//! Organisations (ORG): a head ("Bộ", "Ban", "Ủy ban", "Đảng", "Đại sứ
//! quán", …) with the name after it ("Bộ Ngoại giao Lào", "Ủy ban liên
//! Chính phủ Việt Nam-Lào", "Đại sứ quán Việt Nam tại Lào"); fixed names
//! ("Chính phủ", "Bộ Chính trị") and acronyms ("ASEAN", "TTXVN"). A head
//! without a name after it ("các Bộ, ngành", "hai Đảng") is no mention, but
//! "hai Bộ Ngoại giao" is.

use super::lists::LISTS;
use super::scan::{
    cap_run, phrase_before, place_at, places_from, starts_listed, starts_name, vietnamese_syllable,
    Cx, Found,
};
use crate::text::chars::is_alphabetic;
use crate::{Entity, EntityKind, Rule};

/// Whether an organisation name starts at `k` (a head with a name, or a fixed name).
pub fn starts_org(cx: &Cx<'_>, k: usize) -> bool {
    LISTS.org_names.has(&cx.toks, k) || LISTS.org_heads.has(&cx.toks, k)
}

/// The end of the name after a head at `j`, and its country; `None` when
/// no name follows.
/// The end of a province or town after a local body's name at `k` ("tỉnh
/// Quảng Ninh" in "Sở Ngoại vụ tỉnh Quảng Ninh").
pub fn local_tail(cx: &Cx<'_>, k: usize) -> Option<usize> {
    let (n, _) = LISTS.admin_units.at(&cx.toks, k)?;
    // "Phó Chủ tịch UBND tỉnh Trần Văn B": the province goes unsaid and a
    // person's name follows, not a place's. Every province is listed, so
    // that holds after "tỉnh"; below it, a name of two syllables is a
    // ward's or a commune's ("Công an phường Kim Mã"), a person's has three.
    let province = matches!(cx.toks[k].lower.as_str(), "tỉnh" | "thành" | "tp");
    let person_long = |m: usize| province || cap_run(cx, m, 4) >= m + 3;
    let after = match places_from(cx, k + n) {
        Some(p) => p.0,
        None if starts_name(cx, k + n) && person_long(k + n) => return None,
        None => cap_run(cx, k + n, 4),
    };
    (after > k + n && cx.joined(k + n)).then_some(after)
}

fn body(cx: &Cx<'_>, j: usize, named_after: bool, nested: bool) -> Option<(usize, Option<String>)> {
    let l = &*LISTS;
    let mut k = j;
    let mut country = None;
    let mut any = false;
    let mut after_field = false;
    // The last word taken was a capitalised syllable with no lower-case one
    // after it: "Nhân Dân" takes no tail ("Báo Nhân Dân tổ chức").
    let mut bare_cap = false;
    // "Hội hữu nghị Việt Nam - Peru": a few lower-case words describing the
    // body, then the places it belongs to; longer with the words names keep
    // in lower case ("Hiệp hội chế biến và xuất khẩu thủy sản Việt Nam").
    if let Some(end) = described_to_place(cx, j) {
        k = end;
    } else if let Some((end, c)) = described(cx, j).filter(|_| !nested) {
        // "Ban Chỉ huy phòng chống thiên tai tỉnh,": the name's words alone.
        return Some((end, c));
    } else if let Some(n) = (1..=3).find(|&n| {
        (j..j + n).all(|i| {
            cx.toks.get(i).is_some_and(|t| {
                t.low_word()
                    && !matches!(
                        t.lower.as_str(),
                        "tại" | "của" | "với" | "và" | "ở" | "cùng"
                    )
            }) && cx.joined(i)
        }) && cx.joined(j + n)
            && places_from(cx, j + n).is_some()
    }) {
        k = j + n;
    }
    while k < cx.toks.len() && cx.joined(k) {
        if let Some((end, c)) = places_from(cx, k) {
            k = end;
            country = c;
            any = true;
            // "Đại sứ quán Việt Nam tại Lào"
            if cx.toks.get(k).is_some_and(|t| t.lower == "tại") {
                if let Some((end, _)) = places_from(cx, k + 1) {
                    k = end;
                }
            }
            break;
        }
        if let Some((n, _)) = l.fields.at(&cx.toks, k) {
            k += n;
            any = true;
            bare_cap = false;
            after_field = true;
            continue;
        }
        // "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": the body whose
        // central committee it is.
        if let Some((n, _)) = l.title_qualifiers.at(&cx.toks, k).filter(|_| !nested) {
            if let Some((end, _, c, _)) =
                org_at_depth(cx, k + n, true).filter(|o| o.3 != Rule::OrgAcronym)
            {
                k = end;
                country = c;
                any = true;
                break;
            }
        }
        // "Cộng đồng ASEAN", "Công ty TNHH Hoa Sen"
        if let Some(end) = acronym(cx, k) {
            k = end;
            any = true;
            bare_cap = true;
            continue;
        }
        let t = &cx.toks[k];
        // After the first word, a new head starts another organisation:
        // written straight after, it is the body this one belongs to ("Ban
        // Nội chính Tỉnh ủy", "Hội đồng Dân tộc Mặt trận …").
        let another = any && starts_org(cx, k);
        if another && !nested {
            if let Some((end, c)) = parent(cx, k) {
                k = end;
                country = c;
                break;
            }
        }
        // A foreign word right after a field starts the holder's name
        // ("Bộ Ngoại giao Park Jin"), not more of the body's.
        let foreign_after_field =
            after_field && cx.toks[k].ascii && cx.cap(k) && !vietnamese_syllable(&cx.toks[k].lower);
        // Two foreign words after an abbreviation are the holder's name
        // too ("Đảng CPP Sous Yara", "Thư viện LHQ Mereani Keleti").
        let foreign =
            |m: usize| cx.cap(m) && cx.toks[m].ascii && !vietnamese_syllable(&cx.toks[m].lower);
        // After a name in Vietnamese words as well ("đảng Dân chủ Joe
        // Biden"), not after the kind alone ("Công ty cổ phần Acme Group").
        let viet_name = (j..k)
            .any(|m| cx.cap(m) && !cx.toks[m].shout && vietnamese_syllable(&cx.toks[m].lower));
        let before_ok = k > j && (cx.toks[k - 1].shout || viet_name);
        let foreign_after_acronym = before_ok && foreign(k) && cx.joined(k + 1) && foreign(k + 1);
        let person =
            (starts_name(cx, k) || foreign_after_field || foreign_after_acronym) && !named_after;
        if cx.cap(k) && !another && !person && !l.title_heads.has(&cx.toks, k) {
            k += 1;
            // A foreign word takes no Vietnamese tail ("Tập đoàn Tata công bố").
            let foreign = cx.toks[k - 1].ascii && !vietnamese_syllable(&cx.toks[k - 1].lower);
            let tail = !bare_cap && !foreign && cx.tail(k);
            k += usize::from(tail);
            bare_cap = !tail;
            any = true;
            continue;
        }
        bare_cap = false;
        // "và" after a numeral ("Đảng XIV và Tết") joins two things, not one name.
        let after_numeral = k > 0 && (cx.toks[k - 1].shout || cx.toks[k - 1].is_number());
        // "về" opens what a body is for only right after its head ("Ủy ban
        // về …"); after a name it starts the sentence's own words ("Bộ
        // Chính trị về Chiến lược …").
        let connector = t.lower == "liên"
            || (any && !after_numeral && t.lower == "và")
            || (k == j && t.lower == "về");
        if connector
            && cx.cap(k + 1)
            && (t.lower == "liên" || !(starts_org(cx, k + 1) || place_at(cx, k + 1).is_some()))
        {
            k += 1;
            continue;
        }
        // "Vụ Hoạch định chính sách", "Tổng cục Hợp tác phát triển quốc tế
        // quốc gia Trung Quốc": the name's lower-case words.
        if any {
            if let Some((end, c)) = described(cx, k) {
                k = end;
                country = c.or(country);
                break;
            }
        }
        // "Sở Ngoại vụ tỉnh Quảng Ninh", "Ủy ban nhân dân thành phố Cần Thơ"
        if any {
            k = local_tail(cx, k).unwrap_or(k);
        }
        break;
    }
    // A connector is never last.
    while k > j
        && cx
            .toks
            .get(k - 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "liên" | "và" | "về"))
    {
        k -= 1;
    }
    (any && k > j).then_some((k, country))
}

/// The most lower-case words [`described`] takes.
const DESCRIBED_MAX: usize = 8;

/// The end of a run of the lower-case words names keep ("chính sách",
/// "quốc gia"; an inner "và") from `k`, where it ends the name: at the end
/// of the clause (a mark, a break) or at the body's place, which it takes
/// with its country. `None` when no such run starts at `k`.
fn described(cx: &Cx<'_>, k: usize) -> Option<(usize, Option<String>)> {
    let (mut end, mut verb) = name_words(cx, k)?;
    // "Bộ Y tế thông tin Việt Nam không …": a verb before a place is the
    // sentence's, not the name's.
    if let Some((e, c)) = places_from(cx, end).filter(|_| cx.joined(end) && !verb) {
        return Some((e, c));
    }
    if let Some(e) = local_tail(cx, end) {
        return Some((e, None));
    }
    // "Ban Chỉ huy phòng chống thiên tai tỉnh": the province said before.
    if let Some((u, _)) = LISTS.admin_units.at(&cx.toks, end) {
        if !cx.cap(end) && !cx.cap(end + u) && cx.joined(end) {
            end += u;
            verb = false;
        }
    }
    // A function word after the run ends the name too ("Cục Xúc tiến
    // thương mại về …"), unless the run ends in a verb ("Tập đoàn X đầu tư
    // vào …").
    let boundary = cx.toks.get(end).map_or(true, |t| !t.word)
        || !cx.joined(end)
        || (!verb && LISTS.stop_words.has(&cx.toks, end));
    boundary.then_some((end, None))
}

/// The end of a run of name words right after a head that a place follows
/// ("Ủy ban biên giới quốc gia Campuchia"); there a clause end would take
/// a plain noun ("Hội nông dân,").
fn described_to_place(cx: &Cx<'_>, k: usize) -> Option<usize> {
    let (end, _) = name_words(cx, k)?;
    (cx.joined(end) && place_at(cx, end).is_some()).then_some(end)
}

/// The end of the run of listed lower-case name words from `k` (an inner
/// "và" joins two), at most [`DESCRIBED_MAX`] tokens, and whether its last
/// word is also a verb.
fn name_words(cx: &Cx<'_>, k: usize) -> Option<(usize, bool)> {
    let l = &*LISTS;
    let mut end = k;
    let mut verb = false;
    while end - k < DESCRIBED_MAX && cx.joined(end) {
        if let Some((n, &v)) = l.org_name_words.at(&cx.toks, end) {
            end += n;
            verb = v;
        } else if end > k && cx.toks[end].lower == "và" && l.org_name_words.has(&cx.toks, end + 1)
        {
            end += 1;
        } else {
            break;
        }
    }
    (end > k).then_some((end, verb))
}

/// The body an organisation belongs to, named right after it (`k`): an
/// organisation, or a generic local body alone ("Ban Nội chính Tỉnh ủy",
/// where the province goes unsaid). End and country.
fn parent(cx: &Cx<'_>, k: usize) -> Option<(usize, Option<String>)> {
    if let Some((end, _, c, rule)) = org_at_depth(cx, k, true) {
        return (rule != Rule::OrgAcronym).then_some((end, c));
    }
    let (n, named) = LISTS.org_names.at(&cx.toks, k)?;
    named.needs_place.then_some((k + n, None))
}

/// A run of capitalised words with a foreign word for a kind of body in it
/// ("Man United", "Hà Giang FC", "Sunrise Holdings"): its end. A function
/// word capitalised at a sentence start ("Theo") starts none.
fn foreign_named(cx: &Cx<'_>, i: usize) -> Option<usize> {
    if !cx.cap(i) || LISTS.stop_words.has(&cx.toks, i) {
        return None;
    }
    let kind = |k: usize| LISTS.foreign_org_words.has(&cx.toks, k);
    // An abbreviation starts no such name ("CEO Galaxy Partners") unless
    // it is the kind ("FC Porto").
    if cx.toks[i].shout && !kind(i) {
        return None;
    }
    let end = cap_run(cx, i, 5);
    let last = (i..end).rev().find(|&k| kind(k))?;
    // The kind word and what follows it on to the run's end ("Real
    // Madrid"); a Vietnamese word after it starts something else.
    let ascii_after = (last + 1..end).all(|k| cx.toks[k].ascii);
    let end = if ascii_after { end } else { last + 1 };
    // Foreign words throughout, or a club's abbreviation after a
    // Vietnamese name ("Hà Giang FC"); never the kind word alone.
    let foreign = (i..end).all(|k| cx.toks[k].ascii);
    let club = last + 1 == end && cx.toks[last].shout;
    (end - i >= 2 && (foreign || club)).then_some(end)
}

/// A brand written as one word with a capital inside ("MekoBank",
/// "VinaSoft"), or a bank's one-word name ("Vietcombank"): its end. Names with a capital after a prefix ("McLean",
/// "DeLong", "LeBlanc") are people's.
fn brand(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let t = cx.toks.get(i)?;
    if !cx.cap(i) || t.shout {
        return None;
    }
    let word = &cx.text[t.span.clone()];
    // "Vietcombank", "Agribank": a bank's name written as one word.
    if word.is_ascii() && t.lower.len() > 6 && t.lower.ends_with("bank") {
        return Some(i + 1);
    }
    let mut prev_lower = false;
    let mut inner = None;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            inner = Some(at);
            break;
        }
        prev_lower = c.is_lowercase();
    }
    let inner = inner?;
    let (prefix, rest) = word.split_at(inner);
    let person_prefix = matches!(
        prefix,
        "Mc" | "Mac" | "De" | "Di" | "Da" | "Le" | "La" | "Van" | "Von" | "Du"
    );
    // "MiG", "CoV", "IoT": a letter in capitals is an abbreviation's, not
    // a brand's second word, which has two lower-case letters at least.
    let second_word = rest
        .chars()
        .skip(1)
        .take_while(|c| c.is_lowercase())
        .count()
        >= 2;
    // Brands are written without tone marks ("VinaSoft"); two Vietnamese
    // syllables run together are a missing space ("TheoQuang").
    let lower = &t.lower;
    let two_syllables =
        vietnamese_syllable(&lower[..inner]) && vietnamese_syllable(&lower[inner..]);
    (word.is_ascii() && !person_prefix && prefix.len() >= 2 && second_word && !two_syllables)
        .then_some(i + 1)
}

/// The name of an organisation after its lower-case kind: a newspaper, an
/// agency or a company ("báo Tuổi Mới", "tờ Daily Herald", "hãng dược
/// Norvale"): its end. The kind stays outside.
fn after_kind(cx: &Cx<'_>, i: usize) -> Option<usize> {
    if !(phrase_before(cx, &LISTS.org_cues, i) && cx.cap(i) && cx.joined(i)) {
        return None;
    }
    let end = cap_run(cx, i, 5);
    // "báo Mỹ": the papers of a country, no paper's name ("tờ New York
    // Times" is one).
    if place_at(cx, i).is_some_and(|p| p.2 || i + p.0 >= end) {
        return None;
    }
    // One word names a paper only when it cannot be a Vietnamese syllable
    // ("Telegraph") or is a long abbreviation.
    let t = &cx.toks[i];
    let one_ok = t.lower.chars().count() >= 3 && (!vietnamese_syllable(&t.lower) || t.shout);
    (end > i + 1 || (end == i + 1 && one_ok)).then_some(end)
}

/// A national team by its age group ("U16 Việt Nam", "U23 Thái Lan"):
/// end and country.
fn team(cx: &Cx<'_>, i: usize) -> Option<(usize, Option<String>)> {
    let t = cx.toks.get(i)?;
    let age = t.lower.strip_prefix('u')?;
    if !(t.cap && (2..=3).contains(&age.len()) && age.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    places_from(cx, i + 1).filter(|_| cx.joined(i + 1))
}

/// Whether `lower` is a Roman numeral written the standard way ("xix",
/// "xiv"; not "civic"): the numeral its value gives is itself.
fn roman_numeral(lower: &str) -> bool {
    const DIGITS: [(&str, u32); 13] = [
        ("m", 1000),
        ("cm", 900),
        ("d", 500),
        ("cd", 400),
        ("c", 100),
        ("xc", 90),
        ("l", 50),
        ("xl", 40),
        ("x", 10),
        ("ix", 9),
        ("v", 5),
        ("iv", 4),
        ("i", 1),
    ];
    let mut rest = lower;
    let mut last = u32::MAX;
    let mut repeats = 0;
    while !rest.is_empty() {
        let Some(&(d, v)) = DIGITS.iter().find(|(d, _)| rest.starts_with(d)) else {
            return false;
        };
        repeats = if v == last { repeats + 1 } else { 0 };
        // Each digit no larger than the one before, and none four times.
        if v > last || repeats >= 3 || (v == last && (d.len() == 2 || matches!(v, 5 | 50 | 500))) {
            return false;
        }
        last = v;
        rest = &rest[d.len()..];
    }
    true
}

/// A club named by its sponsor's abbreviation and its province ("SHB Đà
/// Nẵng", "HA Gia Lai"), as football clubs are: its end. Not before a
/// country (a nation's team is read elsewhere), and not for a listed body
/// ("UBND Nghệ An") or a word in capitals that names none ("HLV").
fn club(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let t = cx.toks.get(i)?;
    let abbreviation = t.shout
        && !cx.shouting(i)
        && (2..=4).contains(&t.lower.chars().count())
        && !LISTS.not_acronyms.has(&cx.toks, i)
        && !LISTS.org_names.has(&cx.toks, i);
    if !(abbreviation && cx.joined(i + 1)) {
        return named_club(cx, i);
    }
    let (n, _, country) = place_at(cx, i + 1)?;
    (!country).then_some(i + 1 + n)
}

/// A club named by one or two capitalised words and its province ("Sao
/// Biển Khánh Hòa", "Thép Xanh Nam Định"), in a sentence about a match
/// (one of `match_words.txt`): its end. Not a person
/// after a word for one ("tiền đạo Văn An Hà Nội"), nor a listed name.
fn named_club(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let l = &*LISTS;
    let listed = |k: usize| {
        starts_listed(cx, k) || l.stop_words.has(&cx.toks, k) || place_at(cx, k).is_some()
    };
    if !cx.cap(i) || cx.toks[i].shout || listed(i) {
        return None;
    }
    if phrase_before(cx, &l.person_cues, i) || phrase_before(cx, &l.honorifics, i) {
        return None;
    }
    let m = (i + 1..=i + 2)
        .find(|&m| cx.cap(m) && cx.joined(m) && place_at(cx, m).is_some_and(|p| !p.2))?;
    if (i + 1..m).any(|k| !cx.cap(k) || !cx.joined(k) || listed(k)) {
        return None;
    }
    let (n, _, _) = place_at(cx, m)?;
    in_match_report(cx, i, m + n).then_some(m + n)
}

/// Whether the sentence around tokens `from..to` reports a match: a word
/// of `match_words.txt` within it, at most
/// [`MATCH_REACH`] tokens either way.
fn in_match_report(cx: &Cx<'_>, from: usize, to: usize) -> bool {
    let ends_sentence = |k: usize| {
        let t = &cx.toks[k];
        !t.word && matches!(t.lower.as_str(), "." | "!" | "?")
    };
    // No score ("2-1"): a range of levels or days reads the same ("cấp
    // 6-7", "23-29/4").
    let cue = |k: usize| cx.toks[k].word && LISTS.match_words.has(&cx.toks, k);
    let mut k = from;
    while k > 0 && from - k < MATCH_REACH && cx.joined(k) && !ends_sentence(k - 1) {
        k -= 1;
        if cue(k) {
            return true;
        }
    }
    let mut k = to;
    while k < cx.toks.len() && k - to < MATCH_REACH && cx.joined(k) && !ends_sentence(k) {
        if cue(k) {
            return true;
        }
        k += 1;
    }
    false
}

/// How far [`in_match_report`] looks from the name, in tokens.
const MATCH_REACH: usize = 30;

/// An acronym at `k` ("ASEAN", "TTXVN"): an upper-case word in running text
/// that is no currency or unit. Returns the end.
fn acronym(cx: &Cx<'_>, k: usize) -> Option<usize> {
    let t = cx.toks.get(k)?;
    let listed = LISTS.org_names.at(&cx.toks, k).filter(|_| t.shout);
    if listed.is_some() {
        return Some(k + 1);
    }
    // "NN&PTNT", "LĐ-TB&XH": parts joined by "&" or "-" without spaces
    // are one abbreviation, however short each part.
    let tight = |e: usize| cx.toks.get(e).is_some_and(|t| !t.space_before);
    let mut end = k + 1;
    while cx.toks.get(end).is_some_and(|m| m.is('&') || m.is('-'))
        && tight(end)
        && tight(end + 1)
        && cx.toks[end + 1].shout
    {
        end += 2;
    }
    let letters: usize = cx.toks[k..end]
        .iter()
        .map(|t| t.lower.chars().filter(|&c| is_alphabetic(c)).count())
        .sum();
    let joined_parts = cx.toks[k..end].iter().any(|t| t.is('&'));
    // "thế kỷ XIX": a Roman numeral; "Thông tư số 21/2014/BGD&ĐT": the
    // issuer's code written solid inside a document's number.
    let numeral = end == k + 1 && roman_numeral(&t.lower);
    let in_number = k > 0 && cx.toks[k - 1].is('/') && tight(k);
    (t.shout
        && !cx.shouting(k)
        && letters >= 3
        && !numeral
        && !in_number
        && (joined_parts || !LISTS.not_acronyms.has(&cx.toks, k)))
    .then_some(end)
}

/// The organisation at token `i`: end, canonical name, country, rule.
pub fn org_at(cx: &Cx<'_>, i: usize) -> Option<(usize, String, Option<String>, Rule)> {
    org_at_depth(cx, i, false)
}

/// [`org_at`]; `nested` inside another organisation's name, which goes no deeper.
fn org_at_depth(
    cx: &Cx<'_>,
    i: usize,
    nested: bool,
) -> Option<(usize, String, Option<String>, Rule)> {
    let l = &*LISTS;
    let mut best: Option<(usize, String, Option<String>, Rule)> = None;
    let mut offer = |c: (usize, String, Option<String>, Rule)| {
        if best.as_ref().map_or(true, |b| c.0 > b.0) {
            best = Some(c);
        }
    };
    if let Some((n, named)) = l.org_names.at(&cx.toks, i) {
        let mut end = i + n;
        let mut country = None;
        // "Nhà nước Lào", "Chính phủ Việt Nam"; not after an acronym.
        if !cx.toks[i].shout && cx.joined(end) {
            if let Some((e, c)) = places_from(cx, end) {
                if c.is_some() {
                    end = e;
                    country = c;
                }
            }
        }
        if let Some(e) = local_tail(cx, end) {
            end = e;
        } else if let Some((e, _)) =
            places_from(cx, end).filter(|_| named.needs_place && end == i + n && cx.joined(end))
        {
            // "UBND TPHCM", "Tỉnh ủy Nghệ An": the place without its unit.
            end = e;
        } else if named.needs_place && end == i + n && cx.joined(end) {
            // "UBND tỉnh" with the province said before: the unit word in
            // lower case names the body ("tại Trụ sở UBND tỉnh").
            if let Some((u, _)) = l.admin_units.at(&cx.toks, end) {
                if !cx.cap(end) {
                    end += u;
                }
            }
        }
        // The listed name, then what follows it: "UBND tỉnh X" and "Ủy ban
        // nhân dân tỉnh X" share "Ủy ban nhân dân tỉnh X".
        let rest = cx.words(i + n..end);
        let canonical = if rest.is_empty() {
            named.canonical.clone()
        } else {
            format!("{} {rest}", named.canonical)
        };
        if !(named.needs_place && rest.is_empty()) {
            offer((end, canonical, country, Rule::OrgList));
        }
    }
    // "Hội An", "Trường Sa": a head word that begins a place's name.
    let head_in_place = place_at(cx, i).is_some_and(|p| p.0 >= 2);
    if let Some((n, &named_after)) = l.org_heads.at(&cx.toks, i).filter(|_| !head_in_place) {
        // "Ủy ban nhân dân" alone is a generic body's name, no mention.
        let generic = |end: usize| {
            l.org_names
                .at(&cx.toks, i)
                .is_some_and(|(m, named)| named.needs_place && end <= i + m)
        };
        if let Some((end, country)) = body(cx, i + n, named_after, nested).filter(|b| !generic(b.0))
        {
            offer((end, cx.words(i..end), country, Rule::OrgHead));
        }
    }
    if let Some(end) = acronym(cx, i) {
        offer((end, cx.words(i..end), None, Rule::OrgAcronym));
    }
    if let Some(end) = foreign_named(cx, i) {
        offer((end, cx.words(i..end), None, Rule::OrgForeignWords));
    }
    if let Some(end) = brand(cx, i) {
        offer((end, cx.words(i..end), None, Rule::OrgBrand));
    }
    if let Some(end) = after_kind(cx, i) {
        offer((end, cx.words(i..end), None, Rule::OrgAfterCue));
    }
    if let Some(end) = club(cx, i) {
        offer((end, cx.words(i..end), None, Rule::OrgClub));
    }
    if let Some((end, country)) = team(cx, i) {
        offer((end, cx.words(i..end), country, Rule::OrgTeam));
    }
    best
}

/// Gives a local body named by its kind and unit word alone ("tại Trụ sở
/// UBND tỉnh", "Bí thư Tỉnh ủy") the canonical name of the one body of that kind and unit the
/// page names in full ("UBND tỉnh Quảng Ngãi" → "Ủy ban nhân dân tỉnh
/// Quảng Ngãi"), so that both are one cluster. When the page names none, or
/// several ("UBND tỉnh A" and "UBND tỉnh B"), the bare name stays as it is.
pub fn local_bodies_named_in_full(cx: &Cx<'_>, entities: &mut [Entity]) {
    let l = &*LISTS;
    // The bare mentions: a listed body that needs its place, then a unit
    // word in lower case, and nothing more.
    let bare: Vec<usize> = (0..entities.len())
        .filter(|&m| {
            let e = &entities[m];
            let k = cx.toks.partition_point(|t| t.span.start < e.span.start);
            let end = cx.toks.partition_point(|t| t.span.start < e.span.end);
            // Or a committee whose name holds its unit ("Tỉnh ủy",
            // "Thành ủy": listed names that are also heads taking a
            // place), standing alone.
            let committee = l
                .org_heads
                .at(&cx.toks, k)
                .is_some_and(|(h, _)| k + h == end)
                && l.org_names
                    .at(&cx.toks, k)
                    .is_some_and(|(n, _)| k + n == end);
            e.kind == EntityKind::Org
                && (committee
                    || l.org_names.at(&cx.toks, k).is_some_and(|(n, named)| {
                        named.needs_place
                            && l.admin_units
                                .at(&cx.toks, k + n)
                                .is_some_and(|(u, _)| k + n + u == end && !cx.cap(k + n))
                    }))
        })
        .collect();
    if bare.is_empty() {
        return;
    }
    // Each bare canonical ("Ủy ban nhân dân tỉnh") and the one full name
    // that continues it, or `None` once two differ.
    let mut full: Vec<(String, Option<Option<String>>)> = Vec::new();
    for &m in &bare {
        if !full.iter().any(|f| f.0 == entities[m].canonical) {
            full.push((entities[m].canonical.clone(), None));
        }
    }
    for e in entities.iter().filter(|e| e.kind == EntityKind::Org) {
        for (key, found) in &mut full {
            let continues = e
                .canonical
                .strip_prefix(key.as_str())
                .is_some_and(|rest| rest.starts_with(' '));
            if continues {
                *found = match found.take() {
                    None => Some(Some(e.canonical.clone())),
                    Some(Some(c)) if c == e.canonical => Some(Some(c)),
                    Some(_) => Some(None),
                };
            }
        }
    }
    for m in bare {
        let one = full
            .iter()
            .find(|f| f.0 == entities[m].canonical)
            .and_then(|f| f.1.clone().flatten());
        if let Some(c) = one {
            entities[m].canonical = c;
        }
    }
}

/// The ORG mention at token `i`.
pub fn find(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let (end, canonical, country, rule) = org_at(cx, i)?;
    // "thăm cấp Nhà nước", "họp cấp Chính phủ": a level, not the body (but
    // "cán bộ cao cấp Đảng …" names the party).
    let word = |k: usize| cx.toks.get(k).map_or("", |t| t.lower.as_str());
    let level = i >= 1
        && word(i - 1) == "cấp"
        && !(i >= 2 && matches!(word(i - 2), "cao" | "trung"))
        && rule == Rule::OrgList;
    if level && LISTS.org_names.has(&cx.toks, i) {
        return None;
    }
    let mut e = cx.mention(i..end, EntityKind::Org, rule);
    e.canonical = canonical;
    e.country = country;
    Some(Found {
        end,
        entities: vec![e],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str) -> Option<(String, String, Option<String>)> {
        let cx = Cx::new(text);
        (0..cx.toks.len()).find_map(|i| find(&cx, i)).map(|f| {
            let e = &f.entities[0];
            (e.text.clone(), e.canonical.clone(), e.country.clone())
        })
    }

    #[test]
    fn heads_take_the_name_after_them() {
        assert_eq!(
            org("công hàm hai Bộ Ngoại giao gửi nhau").unwrap().0,
            "Bộ Ngoại giao"
        );
        assert_eq!(
            org("Bộ Ngoại giao Lào vừa gửi").unwrap(),
            (
                "Bộ Ngoại giao Lào".into(),
                "Bộ Ngoại giao Lào".into(),
                Some("Lào".into())
            )
        );
        assert_eq!(
            org("đoàn Đảng Nhân dân Cách mạng Campuchia (CPP) sang dự")
                .unwrap()
                .0,
            "Đảng Nhân dân Cách mạng Campuchia"
        );
        assert_eq!(
            org("Kỳ họp thứ năm Ủy ban liên Chính phủ Việt Nam-Hungary (14/9)")
                .unwrap()
                .0,
            "Ủy ban liên Chính phủ Việt Nam-Hungary"
        );
        assert_eq!(
            org("buổi gặp tại Đại sứ quán Việt Nam tại Nhật Bản sáng nay")
                .unwrap()
                .0,
            "Đại sứ quán Việt Nam tại Nhật Bản"
        );
        assert_eq!(
            org("Bộ Kế hoạch và Đầu tư vừa trình").unwrap().0,
            "Bộ Kế hoạch và Đầu tư"
        );
    }

    #[test]
    fn lower_case_words_before_the_places_belong_to_the_name() {
        assert_eq!(
            org("Hội hữu nghị Việt Nam - Chi-lê tổ chức mít tinh.")
                .unwrap()
                .0,
            "Hội hữu nghị Việt Nam - Chi-lê"
        );
        // A preposition is no part of the name.
        assert!(org("Đại sứ quán tại Lào mở cửa.").is_none_or(|o| !o.0.contains("tại")));
    }

    #[test]
    fn a_head_without_a_name_is_no_organisation() {
        assert_eq!(org("phối hợp với các Bộ, Ban, ngành liên quan"), None);
        assert_eq!(org("tình cảm của hai Đảng, hai dân tộc"), None);
        assert_eq!(org("Tại cuộc Hội đàm, hai bên"), None);
    }

    #[test]
    fn fixed_names_and_acronyms() {
        assert_eq!(
            org("nhờ chỉ đạo sát sao của Chính phủ, tăng trưởng")
                .unwrap()
                .0,
            "Chính phủ"
        );
        assert_eq!(
            org("thay mặt Nhà nước Lào, bà Phó Chủ tịch").unwrap().2,
            Some("Lào".into())
        );
        assert_eq!(org("các nước ASEAN cùng ủng hộ").unwrap().0, "ASEAN");
        assert_eq!(
            org("theo TTXVN, hôm qua").unwrap().1,
            "Thông tấn xã Việt Nam"
        );
        assert_eq!(org("đạt 3,75 tỷ USD sau bảy tháng"), None);
        assert_eq!(org("HAI BÊN KÝ THỎA THUẬN"), None);
    }

    #[test]
    fn roman_numerals_and_codes_in_numbers_are_no_bodies() {
        for r in ["xix", "xiv", "iv", "mcmxcix", "viii"] {
            assert!(roman_numeral(r), "{r}");
        }
        for w in ["civic", "mic", "iiii", "vv", "ivx", "abc"] {
            assert!(!roman_numeral(w), "{w}");
        }
        assert_eq!(org("vào thế kỷ XIX, làng"), None);
        assert_eq!(org("du khách đổ về Hội An đón trăng"), None);
        assert_eq!(org("đội SHB Thanh Hóa thắng").unwrap().0, "SHB Thanh Hóa");
        assert_eq!(
            org("Bộ Y tế thông tin Việt Nam có ca mới").unwrap().0,
            "Bộ Y tế"
        );
        assert_eq!(
            org("nghị quyết của Bộ Chính trị về Chiến lược biển")
                .unwrap()
                .0,
            "Bộ Chính trị"
        );
        assert_eq!(
            org("ứng viên đảng Dân chủ Mark Sutton nói").unwrap().0,
            "đảng Dân chủ"
        );
        assert_eq!(
            org("Công ty cổ phần Acme Group báo lãi").unwrap().0,
            "Công ty cổ phần Acme Group"
        );
        assert_eq!(org("các HLV Nghệ An"), None);
        assert_eq!(org("theo Thông tư 12/2019/BKHCN về"), None);
        assert_eq!(org("theo UNDP, ca").unwrap().0, "UNDP");
    }

    #[test]
    fn a_name_after_the_organisation_is_left_out() {
        assert_eq!(
            org("Thứ trưởng Bộ Ngoại giao Đinh Hữu Phước phát biểu")
                .unwrap()
                .0,
            "Bộ Ngoại giao"
        );
    }
}
