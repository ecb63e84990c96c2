//! Places (LOC): the gazetteers of `data/entities/` (provinces and cities of
//! Vietnam before and after the 2025 mergers, countries with their
//! transliterations, capitals, regions), named sites ("Trụ sở Bộ Ngoại
//! giao", "cửa khẩu Lao Bảo") and names after an administrative unit
//! ("tỉnh Quảng Trị"). "Việt Nam-Lào" is two places.

use super::lists::LISTS;
use super::orgs;
use super::scan::{cap_run, longest, place_at, spelled_vietnamese, vietnamese_syllable, Cx, Found};
use crate::{EntityKind, Rule};

/// The gazetteer LOC mention at `i`.
fn gazetteer(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let (n, p, _) = place_at(cx, i)?;
    if compass_bearing(cx, i, n) {
        return None;
    }
    let mut e = cx.mention(i..i + n, EntityKind::Loc, Rule::LocGazetteer);
    e.canonical = p.canonical.clone();
    Some(Found {
        end: i + n,
        entities: vec![e],
    })
}

/// Whether the place of `n` tokens at `i`, named by compass points alone
/// ("Tây Bắc", "Đông Bắc"), is a bearing here: after "hướng", "gió" or
/// "phía", or after another compass point ("hướng Tây Tây Bắc").
fn compass_bearing(cx: &Cx<'_>, i: usize, n: usize) -> bool {
    let point = |k: usize| {
        cx.toks
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "đông" | "tây" | "nam" | "bắc"))
    };
    let bearing_word = |k: usize| {
        cx.toks
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "hướng" | "gió" | "phía"))
    };
    (i..i + n).all(point) && i > 0 && (bearing_word(i - 1) || point(i - 1))
}

/// A named site: "Trụ sở Bộ Ngoại giao", "Nhà khách Chính phủ", "cửa khẩu Lao Bảo".
fn site(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let (n, _) = LISTS.sites.at(&cx.toks, i)?;
    let j = i + n;
    if !cx.joined(j) {
        return None;
    }
    // The canonical name of a site named by a place or a name of its own
    // leaves the head out, as a unit word is ("cảng Cái Rồng" is "Cái
    // Rồng"); one named by its organisation keeps it ("Trụ sở Bộ Y tế").
    let (end, inner, canonical) = if let Some(o) = orgs::find(cx, j) {
        // "Trụ sở Chính phủ": a national body by its common noun alone
        // names the building; "Trụ sở Bộ Y tế" holds the ministry.
        let generic = LISTS
            .org_names
            .at(&cx.toks, j)
            .is_some_and(|(n, named)| named.generic && o.end == j + n);
        let inner = if generic { Vec::new() } else { o.entities };
        (o.end, inner, None)
    } else if let Some(p) = place_at(cx, j) {
        (j + p.0, Vec::new(), Some(p.1.canonical.clone()))
    } else {
        let k = cap_run(cx, j, 4);
        (k, Vec::new(), Some(cx.words(j..k)))
    };
    if end <= j {
        return None;
    }
    let mut site = cx.mention(i..end, EntityKind::Loc, Rule::LocSite);
    if let Some(c) = canonical {
        site.canonical = c;
    }
    let mut entities = vec![site];
    entities.extend(inner);
    Some(Found { end, entities })
}

/// A name after an administrative unit word, the word included: "tỉnh
/// Quảng Trị", "xã Tân Phú" (canonical "Quảng Trị", "Tân Phú").
fn after_unit(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let (n, _) = LISTS.admin_units.at(&cx.toks, i)?;
    let j = i + n;
    if !cx.joined(j) {
        return None;
    }
    // "Sao Biển Khánh Hòa": a capitalised unit word after a capitalised
    // word inside a sentence is part of a longer name (a club's), no unit.
    let t = &cx.toks[i];
    if n == 1 && t.cap && !t.starts_sentence && i > 0 && cx.cap(i - 1) && cx.joined(i) {
        return None;
    }
    // "yêu cầu Giám đốc Sở", "yêu cầu Sở GD&ĐT": a unit word read inside
    // a compound, before an office or a body named in full, names no place.
    if place_at(cx, j).is_none()
        && (LISTS.title_heads.has(&cx.toks, j)
            || orgs::org_at(cx, j).is_some_and(|o| o.0 > cap_run(cx, j, 4)))
    {
        return None;
    }
    if let Some(end) = numbered(cx, i, n) {
        let e = cx.mention(i..end, EntityKind::Loc, Rule::LocAfterUnit);
        return Some(Found {
            end,
            entities: vec![e],
        });
    }
    if let Some(end) = village_of_kind(cx, i, j) {
        let mut e = cx.mention(i..end, EntityKind::Loc, Rule::LocAfterUnit);
        e.canonical = cx.words(j + 1..end);
        return Some(Found {
            end,
            entities: vec![e],
        });
    }
    // The unit word is part of the place's full name ("tỉnh Nghệ An", "xã
    // Tân Phú"); the canonical name leaves it out, so that "Nghệ An" alone
    // is the same place. A name of one Vietnamese syllable keeps it: "Cầu",
    // "Hồng" or "Đà" alone names no place ("sông Cầu" is the river).
    let (mut end, canonical) = unit_name(cx, j, t.cap)?;
    let one_syllable =
        end == j + 1 && place_at(cx, j).is_none() && spelled_vietnamese(&cx.toks[j].lower);
    let mut e = cx.mention(i..end, EntityKind::Loc, Rule::LocAfterUnit);
    e.canonical = if one_syllable {
        // "Sông Cầu" opening a sentence is the same river as "sông Cầu".
        let unit = cx.words(i..j);
        match unit.chars().next() {
            Some(c) if !t.shout => {
                format!("{}{} {canonical}", c.to_lowercase(), &unit[c.len_utf8()..])
            }
            _ => format!("{unit} {canonical}"),
        }
    } else {
        canonical
    };
    let mut entities = vec![e];
    // "ba huyện Gio Linh, Triệu Phong và Hải Lăng": after a plural unit,
    // each name of the list is a place of that unit.
    let plural = i > 0
        && (cx.toks[i - 1].is_number()
            || matches!(
                cx.toks[i - 1].lower.as_str(),
                "các"
                    | "những"
                    | "hai"
                    | "ba"
                    | "bốn"
                    | "năm"
                    | "sáu"
                    | "bảy"
                    | "tám"
                    | "chín"
                    | "mười"
            ));
    while plural
        && cx
            .toks
            .get(end)
            .is_some_and(|t| t.is(',') || t.lower == "và")
        && cx.joined(end)
        && cx.joined(end + 1)
    {
        let Some((next, canonical)) = unit_name(cx, end + 1, false) else {
            break;
        };
        let mut e = cx.mention(end + 1..next, EntityKind::Loc, Rule::LocAfterUnit);
        e.canonical = canonical;
        entities.push(e);
        end = next;
    }
    Some(Found { end, entities })
}

/// A village named after the word for its kind, "làng" and one word of
/// what it makes or is ("làng gốm Thanh Mai", "làng chài Vĩnh Khê"): the
/// end. The unit word is at `i`, the kind at `j`. The name has two or three
/// Vietnamese syllables and is no listed place, which keeps out the
/// figurative "làng" of a trade or a country ("làng nhạc Việt", "làng báo
/// Việt Nam").
fn village_of_kind(cx: &Cx<'_>, i: usize, j: usize) -> Option<usize> {
    let l = &*LISTS;
    if !(j == i + 1 && cx.toks[i].lower == "làng") {
        return None;
    }
    let kind = cx.toks.get(j)?;
    let name = j + 1;
    if !(kind.low_word() && !l.stop_words.has(&cx.toks, j) && cx.joined(name)) {
        return None;
    }
    let end = cap_run(cx, name, 3);
    let listed = place_at(cx, name).is_some()
        || l.title_heads.has(&cx.toks, name)
        || l.org_heads.has(&cx.toks, name)
        || l.org_names.has(&cx.toks, name)
        || l.honorifics.has(&cx.toks, name)
        || l.misc_heads.has(&cx.toks, name);
    let vietnamese = (name..end).all(|k| spelled_vietnamese(&cx.toks[k].lower));
    (end >= name + 2 && vietnamese && !listed).then_some(end)
}

/// Whether the name at `name`, after an office's unit word, is its holder's
/// rather than the unit's: no known place, but a personal name (a family
/// name, then two or three capitalised syllables). "Phó Chủ tịch tỉnh Lê
/// Quang Tuấn": the title takes the unit word (`titles`), so no place starts
/// there.
pub(super) fn holder_after_unit(cx: &Cx<'_>, name: usize) -> bool {
    if place_at(cx, name).is_some() || !LISTS.family_names.has(&cx.toks, name) {
        return false;
    }
    (3..=4).contains(&(cap_run(cx, name, 5) - name))
}

/// A unit named by its number, as the cities' districts and wards and
/// the villages' hamlets are ("quận 9", "phường 12", "xóm 5"), or a lane
/// by its number on the street it leaves ("ngõ 36 Hàng Bạc", "hẻm 12/4
/// Lê Lai", where the street may bear a person's name): the end. The unit
/// of `n` tokens is at `i`; the mention is all of it.
fn numbered(cx: &Cx<'_>, i: usize, n: usize) -> Option<usize> {
    let unit = cx.toks[i].lower.as_str();
    let lane = matches!(unit, "ngõ" | "ngách" | "hẻm");
    if !(n == 1 && (lane || matches!(unit, "quận" | "phường" | "xóm"))) {
        return None;
    }
    let j = i + 1;
    let short_number = |k: usize| {
        cx.toks
            .get(k)
            .is_some_and(|t| t.is_number() && t.lower.len() <= 3)
    };
    if !(short_number(j) && cx.joined(j) && cx.toks[j].space_before) {
        return None;
    }
    let solid = |k: usize| cx.toks.get(k).is_some_and(|t| !t.space_before);
    let mut end = j + 1;
    // "hẻm 12/4": a lane off a lane.
    if cx.toks.get(end).is_some_and(|t| t.is('/'))
        && solid(end)
        && solid(end + 1)
        && short_number(end + 1)
    {
        end += 2;
    }
    if lane && cx.cap(end) && cx.joined(end) {
        end = place_at(cx, end).map_or_else(|| cap_run(cx, end, 4), |p| end + p.0);
    }
    Some(end)
}

/// The name of a place after a unit word, from `j`: its end and canonical
/// name. `cap_unit`: the unit word was capitalised ("Làng Văn hóa").
fn unit_name(cx: &Cx<'_>, j: usize, cap_unit: bool) -> Option<(usize, String)> {
    if let Some((m, p, _)) = place_at(cx, j) {
        return Some((j + m, p.canonical.clone()));
    }
    let mut k = cap_run(cx, j, 4);
    // "Làng Văn hóa": after a capitalised unit word, one capital and a
    // lower-case syllable are a word, not a name ("sông Lam dâng" is one).
    if k == j + 1 && cx.tail(k) && cap_unit {
        return None;
    }
    // "tỉnh Yamanashi Fshidera Junichi": three foreign words after a unit
    // are a one-word place and the name of the person who holds it.
    let foreign = |m: usize| cx.toks[m].ascii && !vietnamese_syllable(&cx.toks[m].lower);
    if k - j >= 3 && (j..k).all(foreign) {
        k = j + 1;
    }
    // "tỉnh Phông-xa-lỳ", "tỉnh Bo-li-khăm-xay": a transliterated name
    // writes its syllables joined by hyphens, the later ones in lower case.
    if k == j + 1 {
        while cx.toks.get(k).is_some_and(|t| t.is('-') && !t.space_before)
            && cx
                .toks
                .get(k + 1)
                .is_some_and(|t| t.word && !t.space_before && !t.break_before)
        {
            k += 2;
        }
    }
    (k > j).then(|| (k, cx.words(j..k)))
}

/// The place mentions in tokens `from..to`, in one walk (for the places
/// inside a title or a meeting's name).
pub fn all_in(cx: &Cx<'_>, from: usize, to: usize) -> Vec<crate::Entity> {
    let mut out = Vec::new();
    let mut k = from;
    while k < to {
        match find(cx, k).filter(|f| f.end <= to) {
            Some(f) => {
                out.extend(f.entities);
                k = f.end;
            }
            None => k += 1,
        }
    }
    out
}

/// The countries in tokens `from..to`, a run of places
/// ([`super::scan::places_from`]): the parties named inside a document's or
/// a meeting's name, where the other places are part of the name.
pub fn countries_in(cx: &Cx<'_>, from: usize, to: usize) -> Vec<crate::Entity> {
    let mut out = Vec::new();
    let mut k = from;
    while k < to {
        match place_at(cx, k) {
            Some((n, p, country)) => {
                if country && k + n <= to {
                    let mut e = cx.mention(k..k + n, EntityKind::Loc, Rule::LocGazetteer);
                    e.canonical = p.canonical.clone();
                    out.push(e);
                }
                k += n;
            }
            None => k += 1,
        }
    }
    out
}

/// The place mention starting at token `i`, if any.
pub fn find(cx: &Cx<'_>, i: usize) -> Option<Found> {
    // On a tie the listed name wins: "TP Hồ Chí Minh" is the city's name,
    // not the unit "TP" before a place.
    longest([gazetteer(cx, i), site(cx, i), after_unit(cx, i)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(String, String, String)> {
        let cx = Cx::new(text);
        (0..cx.toks.len())
            .filter_map(|i| find(&cx, i))
            .flat_map(|f| f.entities)
            .map(|e| (e.text, e.canonical, e.rule.to_string()))
            .collect()
    }

    #[test]
    fn compass_points_after_a_bearing_word_are_no_place() {
        assert!(texts("gió Đông Bắc mạnh cấp 6").is_empty());
        assert!(texts("đi theo hướng Tây Tây Bắc").is_empty());
        assert_eq!(texts("các tỉnh Tây Bắc")[0].1, "Tây Bắc");
    }

    #[test]
    fn a_unit_word_inside_a_compound_names_no_place() {
        assert!(texts("yêu cầu Giám đốc các sở").is_empty());
        assert!(texts("yêu cầu Sở GD&ĐT báo cáo")
            .iter()
            .all(|x| x.2 != "loc.after_unit"));
        assert_eq!(texts("qua cầu Rạch Miễu")[0].0, "cầu Rạch Miễu");
    }

    #[test]
    fn a_village_after_its_kind_and_a_river_by_one_syllable() {
        let t = texts("về làng lụa Hà Khê rồi qua sông Gianh và sông Kỳ Lộ");
        assert_eq!(
            t[0],
            (
                "làng lụa Hà Khê".into(),
                "Hà Khê".into(),
                "loc.after_unit".into()
            )
        );
        assert_eq!(t[1].1, "sông Gianh");
        assert_eq!(t[2].1, "Kỳ Lộ");
        assert!(texts("giới làng nhạc Việt và làng báo Việt Nam")
            .iter()
            .all(|x| !x.0.starts_with("làng")));
    }

    #[test]
    fn a_site_named_by_a_national_body_alone_holds_no_organisation() {
        let t = texts("tại Trụ sở Chính phủ và Trụ sở Bộ Y tế");
        let names: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["Trụ sở Chính phủ", "Trụ sở Bộ Y tế", "Bộ Y tế"]);
    }

    #[test]
    fn numbered_districts_and_lanes() {
        assert_eq!(texts("ở quận 7, TP")[0].0, "quận 7");
        assert_eq!(
            texts("quán ở ngõ 12 Đinh Công Tráng, phường")[0].0,
            "ngõ 12 Đinh Công Tráng"
        );
        assert_eq!(
            texts("nhà ở hẻm 24/3 Lý Thái Tổ")[0].0,
            "hẻm 24/3 Lý Thái Tổ"
        );
        assert!(texts("cả tỉnh 5 người").is_empty());
    }

    #[test]
    fn a_pair_of_countries_is_two_places() {
        let t = texts("quan hệ Việt Nam-Lào và Việt Nam - Campuchia");
        let names: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["Việt Nam", "Lào", "Việt Nam", "Campuchia"]);
    }

    #[test]
    fn transliterations_and_variants_share_a_canonical() {
        let t = texts("đến Ốt-xtrây-li-a, Ả-rập Xê-út và TP. Hồ Chí Minh");
        assert_eq!(t[0].1, "Ốt-xtrây-li-a");
        assert_eq!(t[1].0, "Ả-rập Xê-út");
        assert_eq!(t[2].1, "Thành phố Hồ Chí Minh");
    }

    #[test]
    fn sites_and_units() {
        let t = texts("tại Trụ sở Bộ Ngoại giao, qua cửa khẩu Lao Bảo của tỉnh Quảng Trị");
        assert_eq!(t[0].0, "Trụ sở Bộ Ngoại giao");
        assert_eq!(t[0].2, "loc.site");
        assert!(t.iter().any(|x| x.0 == "cửa khẩu Lao Bảo"));
        assert!(t
            .iter()
            .any(|x| x.0 == "tỉnh Quảng Trị" && x.1 == "Quảng Trị" && x.2 == "loc.after_unit"));
    }

    #[test]
    fn ambiguous_names_wait_for_the_middle_of_a_sentence() {
        assert!(texts("Anh cho biết như vậy.").is_empty());
        assert!(texts("Anh nói: “Anh sẽ về sớm”.").is_empty());
        assert_eq!(texts("Thủ tướng Anh phát biểu.")[0].1, "Anh");
        assert!(texts("nền thẩm mỹ").is_empty());
        assert!(texts("tại sân Mỹ Đình hôm qua").iter().all(|x| x.0 != "Mỹ"));
        assert_eq!(texts("Ngoại trưởng Mỹ John Harlan")[0].0, "Mỹ");
        assert_eq!(texts("Thủ tướng Campuchia Hun Sokha")[0].0, "Campuchia");
        assert_eq!(texts("quan hệ Việt Nam - Lào Đặng Văn B")[1].0, "Lào");
    }
}
