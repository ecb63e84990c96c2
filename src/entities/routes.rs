//! The end of a route: "xuất phát từ Hải Phòng, đi qua Trung Quốc trước
//! khi đến Lodz". A journey names its start or its stops as places ("từ
//! X", "qua X") and its end after "đến" or "tới"; a name there that no
//! list knows (a foreign town) is a place too, as the others are. Without a
//! place before it in the same sentence "đến X" may reach a person or a
//! company ("gửi thư đến Norvale"), so none is read.

use super::scan::{cap_run, vietnamese_syllable, Cx, Spans};
use crate::fasthash::FastSet;
use crate::{Entity, EntityKind, Rule};

/// Whether a place mention starts right after token `k` ("từ", "qua") in
/// the same sentence; `place_starts` holds where each place mention starts.
fn place_after(cx: &Cx<'_>, k: usize, place_starts: &FastSet<usize>) -> bool {
    cx.toks
        .get(k + 1)
        .is_some_and(|next| cx.joined(k + 1) && place_starts.contains(&next.span.start))
}

/// The route ends among the tokens: new LOC mentions outside `found`.
pub fn find(cx: &Cx<'_>, found: &[Entity]) -> Vec<Entity> {
    let taken = Spans::new(found.iter().map(|e| e.span.clone()));
    let place_starts: FastSet<usize> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Loc)
        .map(|e| e.span.start)
        .collect();
    let mut out = Vec::new();
    for k in 0..cx.toks.len() {
        let t = &cx.toks[k];
        let to = t.word && matches!(&*t.lower, "đến" | "tới");
        if !(to && cx.joined(k + 1) && cx.cap(k + 1)) {
            continue;
        }
        let (j, end) = (k + 1, cap_run(cx, k + 1, 3));
        // A foreign name: a Vietnamese one after "đến" is a person as often.
        let foreign = cx.toks[j..end]
            .iter()
            .all(|w| w.word && w.ascii && !w.shout && !vietnamese_syllable(&w.lower));
        let span = cx.toks[j].span.start..cx.toks[end - 1].span.end;
        if !foreign || taken.any_overlapping(&span, |_| true) {
            continue;
        }
        // "từ X" or "qua X" with X a place, earlier in the sentence.
        let from = (0..k)
            .rev()
            .take_while(|&m| cx.joined(m + 1) && !cx.toks[m + 1].starts_sentence)
            .any(|m| {
                matches!(&*cx.toks[m].lower, "từ" | "qua") && place_after(cx, m, &place_starts)
            });
        if from {
            let mut e = cx.mention(j..end, EntityKind::Loc, Rule::LocRouteEnd);
            e.canonical = cx.words(j..end);
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{DocContext, EntityKind};

    fn places(text: &str) -> Vec<(String, String)> {
        super::super::find(text, &DocContext::default())
            .into_iter()
            .filter(|e| e.kind == EntityKind::Loc)
            .map(|e| (e.text, e.rule.to_string()))
            .collect()
    }

    #[test]
    fn a_foreign_town_at_the_end_of_a_route() {
        let l = places("Chuyến tàu đi qua Trung Quốc và Ba Lan trước khi đến Lodz sau 18 ngày.");
        assert!(
            l.contains(&("Lodz".into(), "loc.route_end".into())),
            "{l:?}"
        );
    }

    #[test]
    fn no_route_no_place() {
        // No place it comes from or passes: "đến" reaches a company here.
        let l = places("Khách hàng gửi thư khiếu nại đến Norvale vào tuần trước.");
        assert!(l.is_empty(), "{l:?}");
        // A route whose start is no place.
        let l = places("Anh chuyển từ Brentix đến Norvale năm ngoái.");
        assert!(l.is_empty(), "{l:?}");
    }
}
