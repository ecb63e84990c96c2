//! Named documents, meetings and events (MISC): a head ("Hiệp ước", "Kỳ
//! họp", "Tham vấn Chính trị", "Năm") and its name: capitalised words
//! ("Hữu nghị và Hợp tác"), an ordinal ("lần thứ 48"), a level ("cấp Bộ
//! trưởng Ngoại giao"), and the organisation or countries it belongs to
//! ("Ủy ban liên Chính phủ Việt Nam-Lào", nested as ORG and LOC). A head
//! with nothing of a name after it ("Thỏa thuận hợp tác") is no mention.

use super::lists::LISTS;
use super::orgs::org_at;
use super::places;
use super::scan::{places_from, starts_name, Cx, Found};
use crate::{Entity, EntityKind, Rule};

/// An ordinal at `k`: "lần thứ 48", "thứ nhất", "lần thứ hai". Returns its end.
fn ordinal(cx: &Cx<'_>, k: usize) -> Option<usize> {
    let t = |m: usize| cx.toks.get(m).map(|t| t.lower.as_str());
    let k = if t(k) == Some("lần") { k + 1 } else { k };
    if t(k) != Some("thứ") {
        return None;
    }
    let n = cx.toks.get(k + 1)?;
    let word_ordinal = matches!(
        n.lower.as_str(),
        "nhất" | "hai" | "ba" | "tư" | "năm" | "sáu" | "bảy" | "tám" | "chín" | "mười"
    );
    (n.is_number() || word_ordinal).then_some(k + 2)
}

/// The MISC mention at token `i`, with the organisations and places in it.
pub fn find(cx: &Cx<'_>, i: usize) -> Option<Found> {
    let l = &*LISTS;
    let (n, _) = l.misc_heads.at(&cx.toks, i)?;
    if !cx.cap(i) {
        return None;
    }
    // A numbered text: "Nghị quyết 57-NQ/TW", "Quyết định 1234/QĐ-TTg".
    let numbered = l.numbered_texts.at(&cx.toks, i).map(|(m, _)| m);
    if let Some(m) = numbered.filter(|&m| cx.toks.get(i + m).is_some_and(|t| t.is_number())) {
        let mut k = i + m + 1;
        while k + 1 < cx.toks.len()
            && matches!(cx.toks[k].lower.as_str(), "-" | "/")
            && !cx.toks[k].space_before
            && !cx.toks[k + 1].space_before
            && cx.toks[k + 1].word
        {
            k += 2;
        }
        return Some(Found {
            end: k,
            entities: vec![cx.mention(i..k, EntityKind::Misc, Rule::MiscNumbered)],
        });
    }
    let mut k = i + n;
    let mut inner: Vec<Entity> = Vec::new();
    // A head of two capitalised words is a name already ("Tham vấn Chính trị").
    let mut named = (i..i + n).filter(|&m| cx.cap(m)).count() >= 2;
    while k < cx.toks.len() && cx.joined(k) {
        if cx.toks[k].is_number()
            && cx.toks.get(k + 1).is_some_and(|t| t.lower == "năm")
            && cx.cap(k + 2)
        {
            // "Lễ kỷ niệm 50 năm Quốc khánh Lào": the years counted, then the name.
            k += 2;
        } else if let Some(end) = ordinal(cx, k) {
            k = end;
            named = true;
        } else if let Some((end, canonical, country, rule)) = org_at(cx, k) {
            let mut e = cx.mention(k..end, EntityKind::Org, rule);
            e.canonical = canonical;
            e.country = country;
            inner.push(e);
            k = end;
            named = true;
        } else if let Some((end, _)) = places_from(cx, k) {
            // Countries name the parties ("Hiệp định Thương mại Việt Nam -
            // Hoa Kỳ") and stay places; a city, a region or a site is part
            // of the name ("Công ước Viên", "Huân chương Sao Bắc Cực").
            inner.extend(places::countries_in(cx, k, end));
            k = end;
            named = true;
        } else if cx.toks[k].lower == "cấp" && cx.cap(k + 1) {
            // "cấp Bộ trưởng Ngoại giao", "cấp Thứ trưởng", "cấp Chính phủ"
            k += 1;
            named = true;
        } else if let Some((m, _)) = l
            .title_heads
            .at(&cx.toks, k)
            .filter(|_| k > i + n && cx.toks[k - 1].lower == "cấp")
        {
            k += m;
            while let Some((f, _)) = l.fields.at(&cx.toks, k) {
                k += f;
            }
        } else if cx.cap(k) && !starts_name(cx, k) && !l.misc_heads.has(&cx.toks, k) {
            k += 1;
            if cx.tail(k) {
                k += 1;
            }
            named = true;
        } else if named && matches!(cx.toks[k].lower.as_str(), "và" | "về") && cx.cap(k + 1) {
            k += 1;
        } else {
            break;
        }
    }
    // Never end on a connector or a bare level word.
    while k > i + n && matches!(cx.toks[k - 1].lower.as_str(), "và" | "về" | "cấp") {
        k -= 1;
    }
    if !named {
        return None;
    }
    // A year written right after a named year ("Năm Hữu nghị Việt Nam - Lào 2022").
    if cx.toks[i].lower == "năm"
        && cx
            .toks
            .get(k)
            .is_some_and(|t| t.is_number() && t.lower.len() == 4)
    {
        k += 1;
    }
    inner.retain(|e| e.span.end <= cx.bytes(i..k).end);
    let mut entities = vec![cx.mention(i..k, EntityKind::Misc, Rule::MiscHead)];
    entities.extend(inner);
    Some(Found { end: k, entities })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn misc(text: &str) -> Option<Vec<(EntityKind, String)>> {
        let cx = Cx::new(text);
        (0..cx.toks.len())
            .find_map(|i| find(&cx, i))
            .map(|f| f.entities.into_iter().map(|e| (e.kind, e.text)).collect())
    }

    #[test]
    fn documents_and_sessions() {
        assert_eq!(
            misc("hai nước gia hạn Hiệp định Thương mại và Vận tải thêm mười năm").unwrap()[0].1,
            "Hiệp định Thương mại và Vận tải"
        );
        let m =
            misc("sẽ khai mạc Kỳ họp thứ 9 Ủy ban liên Chính phủ Việt Nam-Mông Cổ vào sáng mai")
                .unwrap();
        assert_eq!(
            m[0].1,
            "Kỳ họp thứ 9 Ủy ban liên Chính phủ Việt Nam-Mông Cổ"
        );
        assert!(m.contains(&(
            EntityKind::Org,
            "Ủy ban liên Chính phủ Việt Nam-Mông Cổ".into()
        )));
        assert_eq!(
            misc("mở vòng Đối thoại An ninh cấp Thứ trưởng Quốc phòng lần thứ 3 tuần sau").unwrap()
                [0]
            .1,
            "Đối thoại An ninh cấp Thứ trưởng Quốc phòng lần thứ 3"
        );
        assert_eq!(
            misc("nhân Năm Giao lưu Việt Nam - Hungary 2033.").unwrap()[0].1,
            "Năm Giao lưu Việt Nam - Hungary 2033"
        );
    }

    #[test]
    fn a_head_without_a_name_is_no_mention() {
        assert_eq!(
            misc("rà soát Thỏa thuận hợp tác nuôi tôm trong ba năm tới"),
            None
        );
        assert_eq!(misc("Năm 2038, ngành thủy sản"), None);
        assert_eq!(
            misc("căn cứ Nghị quyết 83-NQ/TW về").unwrap()[0].1,
            "Nghị quyết 83-NQ/TW"
        );
        assert_eq!(misc("Quyết định này có hiệu lực"), None);
        assert_eq!(
            misc("chuẩn bị Lễ kỷ niệm 35 năm Quốc khánh Hungary;").unwrap()[0].1,
            "Lễ kỷ niệm 35 năm Quốc khánh Hungary"
        );
        assert_eq!(misc("tại cuộc họp"), None);
        let m = misc("trao Huân chương Sao Bắc Cực và").unwrap();
        assert_eq!(m, [(EntityKind::Misc, "Huân chương Sao Bắc Cực".into())]);
        let m = misc("ký Hiệp định Hàng hải Việt Nam - Pê-ru năm ngoái").unwrap();
        assert_eq!(m.len(), 3, "{m:?}");
        let m =
            misc("phiên Tham khảo Chính trị lần thứ ba giữa Văn phòng Chính phủ hai nước").unwrap();
        assert_eq!(m[0].1, "Tham khảo Chính trị lần thứ ba");
    }
}
