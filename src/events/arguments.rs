//! The arguments of one mention read from its sentence: date and part of
//! day, place, status and the session number ("lần thứ 11"). Who took part
//! is in [`super::participants`].

use super::roles::NAME_KINDS;
use super::view::SentenceView;
use crate::text::lists;
use crate::text::phrases::{Mode, Phrases};
use crate::values::date::EventDate;
use crate::{Entity, EntityKind, EventStatus, Mark, Ymd};
use std::ops::Range;
use std::sync::LazyLock;

/// Status cue position relative to the trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Before,
    /// Before, and at most [`NEAR`] words from the trigger.
    Near,
    After,
}

/// How far a "near" status cue may stand before its trigger, in tokens.
const NEAR: usize = 4;

static STATUS: LazyLock<Phrases<(EventStatus, Side)>> = LazyLock::new(|| {
    Phrases::new(
        lists::lines(include_str!("../../data/events/status.tsv")).filter_map(|l| {
            let mut c = l.split('\t').map(str::trim);
            let status = match c.next()? {
                "planned" => EventStatus::Planned,
                "ongoing" => EventStatus::Ongoing,
                "happened" => EventStatus::Happened,
                _ => return None,
            };
            let side = match c.next()? {
                "before" => Side::Before,
                "near" => Side::Near,
                "after" => Side::After,
                _ => return None,
            };
            Some((c.next()?.to_string(), (status, side)))
        }),
        Mode::AnyCase,
    )
});

static PARTS_OF_DAY: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    lists::lines(include_str!("../../data/events/parts_of_day.tsv"))
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        })
        .collect()
});

static RELATIVE_DAYS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    lists::keyed(
        include_str!("../../data/events/relative_days.tsv"),
        Mode::AnyCase,
    )
});

static ORDINALS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    lists::lines(include_str!("../../data/events/ordinals.tsv"))
        .filter_map(|l| {
            l.split_once('\t')
                .and_then(|(w, n)| Some((w.trim().to_string(), n.trim().parse().ok()?)))
        })
        .collect()
});

/// How far after a trigger its own date, place or number may stand, in tokens.
const LOCAL_REACH: usize = 20;

/// The part of day a word or TIME value names (`chiều`, `TAF`: "chiều").
pub fn part_of_day(key: &str) -> Option<String> {
    let key = key.trim().to_lowercase();
    PARTS_OF_DAY
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.clone())
}

/// A date read from a sentence, with the part of day said with it.
#[derive(Clone, Debug, PartialEq)]
pub struct DateFound {
    /// The date.
    pub date: EventDate,
    /// `sáng`, `trưa`, `chiều` or `tối`.
    pub time_of_day: Option<String>,
    /// The year is not written: the entity stage took it from the page's
    /// date (rule `+year:anchor`), nearest that date and preferring the
    /// past — right for a report, not for a planned event.
    pub anchored: bool,
    /// Said in brackets ("(3/12)").
    pub bracketed: bool,
}

impl DateFound {
    fn of(v: &SentenceView<'_>, e: &Entity, date: EventDate) -> DateFound {
        DateFound {
            date,
            time_of_day: time_before(v, e),
            anchored: date.has_year() && e.rule.has(Mark::YearAnchor),
            bracketed: v.in_parens(v.token_at(e.span.start)),
        }
    }
}

/// The DATE entities in tokens `r` that give an event date, in order.
fn dates_in<'a>(
    v: &'a SentenceView<'_>,
    r: Range<usize>,
) -> impl Iterator<Item = (&'a Entity, EventDate)> + 'a {
    v.entities_in(r, &[EntityKind::Date]).filter_map(move |e| {
        let first = v.token_at(e.span.start);
        // A year inside a name ("Năm Hữu nghị 2022") dates nothing.
        if v.inside(first, &[EntityKind::Misc, EntityKind::Org, EntityKind::Per]) {
            return None;
        }
        Some((e, EventDate::parse(e.value.as_deref()?)?))
    })
}

/// The part of day said right before the DATE entity `e`: a TIME entity
/// ("Chiều" with value `TAF`) or the word itself.
fn time_before(v: &SentenceView<'_>, e: &Entity) -> Option<String> {
    let time = v.entities.iter().find(|t| {
        t.kind == EntityKind::Time
            && t.span.end <= e.span.start
            && v.text
                .get(t.span.end..e.span.start)
                .is_some_and(|g| g.trim().len() <= 4)
    });
    if let Some(t) = time {
        if let Some(p) = t.value.as_deref().and_then(part_of_day) {
            return Some(p);
        }
        if let Some(p) = t.text.split_whitespace().next().and_then(part_of_day) {
            return Some(p);
        }
    }
    let i = v.token_at(e.span.start);
    let mut j = i;
    // "Chiều qua (28/7)": skip "qua"/"nay" and the bracket.
    while j > 0
        && (v.tokens[j - 1].is('(')
            || matches!(
                v.tokens[j - 1].lower.as_str(),
                "qua" | "nay" | "ngày" | "hôm"
            ))
    {
        j -= 1;
    }
    // The date entity may itself begin with the word ("Chiều 12/12").
    let own = v.tokens.get(i).and_then(|t| part_of_day(&t.lower));
    own.or_else(|| {
        j.checked_sub(1)
            .and_then(|k| part_of_day(&v.tokens[k].lower))
    })
}

/// The date of the leading adverbials (tokens `r`): the last DATE there,
/// else a day named relative to the page's date ("chiều qua").
pub fn leading_date(
    v: &SentenceView<'_>,
    r: Range<usize>,
    anchor: Option<Ymd>,
) -> Option<DateFound> {
    if let Some((e, date)) = dates_in(v, r.clone()).last() {
        return Some(DateFound::of(v, e, date));
    }
    let a = anchor?;
    for i in r {
        if let Some((_, offset)) = RELATIVE_DAYS.at(&v.tokens, i) {
            let days: i32 = offset.parse().ok()?;
            let time_of_day = v.tokens.get(i).and_then(|t| part_of_day(&t.lower));
            return Some(DateFound {
                date: EventDate::from_anchor(a, days),
                time_of_day,
                anchored: false,
                bracketed: false,
            });
        }
    }
    None
}

/// The date said right after a trigger (`(3/12)`, `tháng 12/2024`, `vào
/// cuối năm 2015`): the first DATE in tokens `from..to`, near enough.
pub fn local_date(v: &SentenceView<'_>, from: usize, to: usize) -> Option<DateFound> {
    let to = to.min(from + LOCAL_REACH);
    dates_in(v, from..to)
        .next()
        .map(|(e, date)| DateFound::of(v, e, date))
}

/// The date of an anniversary from the date of what it commemorates, said
/// in brackets: "kỷ niệm 52 năm thiết lập quan hệ ngoại giao (25/1/1973 -
/// 25/1/2025)" is 52 years after 25/1/1973. `after`: the token after the
/// cue, where "52 năm" stands.
pub fn anniversary_date(v: &SentenceView<'_>, after: usize, found: DateFound) -> DateFound {
    let years = (after..after + 2).find_map(|j| {
        let (n, unit) = (v.tokens.get(j)?, v.tokens.get(j + 1)?);
        (n.is_number() && unit.lower == "năm")
            .then(|| n.lower.parse::<i32>().ok())
            .flatten()
    });
    match (years, found.date.year) {
        (Some(n), Some(y)) if found.bracketed && (1..=1000).contains(&n) => DateFound {
            date: EventDate {
                year: Some(y + n),
                ..found.date
            },
            ..found
        },
        _ => found,
    }
}

/// Words after "tại"/"ở" that make the place generic ("tại các diễn đàn").
const NOT_A_PLACE: &[&str] = &["các", "những", "nhiều", "mỗi", "đây", "đó"];

/// The place named after `tại`/`ở`/`bên lề` in tokens `r`: an entity
/// (with the words that lead to it: "trụ sở Bộ Ngoại giao"), or a short
/// capitalised phrase.
pub fn place_in(v: &SentenceView<'_>, r: Range<usize>) -> Option<(String, bool)> {
    let end = r.end.min(v.tokens.len());
    let mut i = r.start;
    while i < end {
        let t = &v.tokens[i];
        // "Đại sứ Hàn Quốc tại Việt Nam": inside a title, where someone
        // serves, not where the event is.
        if v.inside(i, &[EntityKind::Title, EntityKind::Org]) {
            i += 1;
            continue;
        }
        let len = match t.lower.as_str() {
            "tại" | "ở" => 1,
            "bên" if v.tokens.get(i + 1).is_some_and(|n| n.lower == "lề") => 2,
            _ => {
                i += 1;
                continue;
            }
        };
        let third_place = len == 2;
        // "bên lề Hội nghị …": the side of a gathering, a place only when
        // it is a known name.
        if let Some(p) = place_at(v, i + len, end, !third_place) {
            return Some((p, third_place));
        }
        i += len;
    }
    None
}

fn place_at(v: &SentenceView<'_>, j: usize, end: usize, guess: bool) -> Option<String> {
    v.tokens
        .get(j)
        .filter(|t| t.is_word() && !NOT_A_PLACE.contains(&t.lower.as_str()))?;
    let kinds = [EntityKind::Loc, EntityKind::Org, EntityKind::Misc];
    let near = v.bytes(j..(j + 4).min(end));
    if let Some(e) = v.entities.iter().find(|e| {
        kinds.contains(&e.kind)
            && e.span.start >= near.start
            && e.span.start < near.end.max(near.start + 1)
    }) {
        let end = with_bracket(v, j, v.token_after(e.span.end));
        return Some(v.slice(j..end).to_string());
    }
    if !guess {
        return None;
    }
    // No entity: the capitalised words that follow ("Nhà khách Chính phủ").
    let mut k = j;
    while k < end
        && k < j + 8
        && v.tokens[k].is_word()
        && (v.tokens[k].cap || k == j || v.tokens[k - 1].cap)
    {
        k += 1;
    }
    while k > j && !v.tokens[k - 1].cap {
        k -= 1;
    }
    // One capitalised word alone is too little to guess a name by ("tại
    // Kỳ họp" points to an event).
    (k > j + 1 && v.tokens[j..k].iter().any(|t| t.cap))
        .then(|| v.slice(j..with_bracket(v, j, k)).to_string())
}

/// How far a bracket after a place may run, in tokens.
const BRACKET_REACH: usize = 6;

/// The end (a token index) of the place in tokens `start..end`, its
/// brackets kept whole: a bracket opened inside it is closed ("Thiên Tân
/// (Trung Quốc"), and a short bracket right after it that names a place
/// is kept ("Thiên Tân (Trung Quốc)").
fn with_bracket(v: &SentenceView<'_>, start: usize, end: usize) -> usize {
    let open = v.tokens[start..end.min(v.tokens.len())]
        .iter()
        .filter(|t| t.is('('))
        .count();
    let close = v.tokens[start..end.min(v.tokens.len())]
        .iter()
        .filter(|t| t.is(')'))
        .count();
    let from = if open > close {
        end
    } else if v.tokens.get(end).is_some_and(|t| t.is('(')) {
        end + 1
    } else {
        return end;
    };
    let Some(closing) =
        (from..(from + BRACKET_REACH).min(v.tokens.len())).find(|&i| v.tokens[i].is(')'))
    else {
        return end;
    };
    let names_place = v
        .entities_in(from..closing, &[EntityKind::Loc])
        .next()
        .is_some();
    if open > close || names_place {
        closing + 1
    } else {
        end
    }
}

/// The destination of a visit: a place entity right after the trigger
/// ("thăm Việt Nam", "thăm cấp Nhà nước tới Lào").
pub fn destination(v: &SentenceView<'_>, from: usize, to: usize) -> Option<String> {
    let mut j = from;
    while j < to.min(from + 6) && v.tokens.get(j).is_some_and(|t| t.is_word()) {
        let t = &v.tokens[j];
        if let Some(e) = v
            .entities
            .iter()
            .find(|e| e.kind == EntityKind::Loc && e.span.start == t.span.start)
        {
            return Some(e.text.clone());
        }
        j += 1;
    }
    None
}

/// The status the words around a trigger give: the nearest cue before it
/// (tokens `from..start`), else a cue just after it (`end..to`). A cue
/// inside a name is a syllable of the name ("Bộ Kế hoạch và Đầu tư").
pub fn status(
    v: &SentenceView<'_>,
    from: usize,
    start: usize,
    end: usize,
    to: usize,
) -> EventStatus {
    for j in (from..start).rev() {
        let found = STATUS.all_at(&v.tokens, j).find(|(len, (_, side))| {
            j + len <= start
                && (*side == Side::Before || (*side == Side::Near && j + len + NEAR >= start))
        });
        if let Some((_, (s, _))) = found.filter(|_| !v.inside(j, NAME_KINDS)) {
            return *s;
        }
    }
    for j in end..to.min(end + 6).min(v.tokens.len()) {
        if !v.tokens[j].is_word() {
            break;
        }
        if let Some((_, (s, _))) = STATUS
            .all_at(&v.tokens, j)
            .find(|(_, (_, side))| *side == Side::After)
            .filter(|_| !v.inside(j, NAME_KINDS))
        {
            return *s;
        }
    }
    EventStatus::Happened
}

/// Whether a status cue said before an event word ("đang", "sẽ", "đã")
/// starts at one of tokens `r`: the event there is told in its own right.
pub fn has_status_cue(v: &SentenceView<'_>, r: Range<usize>) -> bool {
    r.into_iter().any(|j| {
        STATUS
            .all_at(&v.tokens, j)
            .any(|(_, (_, side))| *side == Side::Before)
            && !v.inside(j, NAME_KINDS)
    })
}

/// How many words of an object tell it apart.
const OBJECT_WORDS: usize = 8;

/// The words after an event word up to the first mark (at most
/// `OBJECT_WORDS`), lower-cased: what is signed or given.
pub fn object_words(v: &SentenceView<'_>, from: usize, to: usize) -> Option<String> {
    let words: Vec<&str> = v.tokens[from.min(v.tokens.len())..to.min(v.tokens.len())]
        .iter()
        .take_while(|t| t.is_word())
        .take(OBJECT_WORDS)
        .map(|t| t.lower.as_str())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The session number after a trigger: "lần thứ 11", "thứ 48", "lần thứ
/// nhất", "lần đầu".
pub fn ordinal(v: &SentenceView<'_>, from: usize, to: usize) -> Option<u32> {
    let to = to.min(from + 12).min(v.tokens.len());
    for j in from..to {
        let t = &v.tokens[j];
        if !t.is_word() && !t.is('-') {
            return None;
        }
        let next = v.tokens.get(j + 1);
        match t.lower.as_str() {
            "thứ" => {
                let n = next?;
                if n.is_number() {
                    return n.lower.parse().ok();
                }
                return ORDINALS
                    .iter()
                    .find(|(w, _)| *w == n.lower)
                    .map(|(_, n)| *n);
            }
            "lần" if next.is_some_and(|n| n.lower == "đầu") => return Some(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::sentences::Part;
    use super::super::test_support::{ent, whole};
    use super::*;

    #[test]
    fn cue_lists_load() {
        assert!(STATUS.has(&crate::text::tokens::tokenize("sẽ", 0.."sẽ".len()), 0));
        assert_eq!(part_of_day("TAF").as_deref(), Some("chiều"));
        assert!(RELATIVE_DAYS.has(
            &crate::text::tokens::tokenize("hôm qua", 0.."hôm qua".len()),
            0
        ));
        assert!(ORDINALS.iter().any(|(w, n)| w == "nhất" && *n == 1));
    }

    #[test]
    fn leading_date_with_part_of_day_place_and_number() {
        let text =
            "Sáng 27/5, tại Nhà khách Quốc hội, hai bên đồng chủ trì Kỳ họp lần thứ 17 (25/5).";
        let s = whole(text, Part::Lead);
        let ents = [
            ent(text, EntityKind::Time, "Sáng", Some("TMO")),
            ent(text, EntityKind::Date, "27/5", Some("--05-27")),
            ent(text, EntityKind::Loc, "Nhà khách Quốc hội", None),
            ent(text, EntityKind::Date, "25/5", Some("--05-25")),
        ];
        let v = SentenceView::new(text, &s, ents.iter().collect());
        let lead = leading_date(&v, 0..4, None).unwrap();
        assert_eq!(
            (lead.date.to_string(), lead.time_of_day.as_deref()),
            ("--05-27".into(), Some("sáng"))
        );
        assert_eq!(
            place_in(&v, 0..v.tokens.len()),
            Some(("Nhà khách Quốc hội".into(), false))
        );
        let kh = v.tokens.iter().position(|t| t.lower == "kỳ").unwrap();
        assert_eq!(ordinal(&v, kh, v.tokens.len()), Some(17));
        assert_eq!(
            local_date(&v, kh, v.tokens.len()).unwrap().date.to_string(),
            "--05-25"
        );
        assert_eq!(
            status(&v, 0, kh, kh + 2, v.tokens.len()),
            EventStatus::Happened
        );
    }

    #[test]
    fn status_cues_before_and_after() {
        let text =
            "Ban tổ chức cho biết sẽ mở cuộc họp lần thứ 5; chuyến khảo sát sắp tới; đang thăm";
        let s = whole(text, Part::Body);
        let v = SentenceView::new(text, &s, vec![]);
        let at = |w: &str| v.tokens.iter().position(|t| t.lower == w).unwrap();
        assert_eq!(
            status(&v, 0, at("cuộc"), at("cuộc") + 2, v.tokens.len()),
            EventStatus::Planned
        );
        assert_eq!(
            status(
                &v,
                at("chuyến"),
                at("chuyến"),
                at("chuyến") + 2,
                v.tokens.len()
            ),
            EventStatus::Planned
        );
        let last = v.tokens.len() - 1;
        assert_eq!(
            status(&v, at("đang"), last, last + 1, last + 1),
            EventStatus::Ongoing
        );
        assert_eq!(ordinal(&v, at("cuộc"), v.tokens.len()), Some(5));
    }

    #[test]
    fn relative_days_need_the_page_date() {
        let text = "Chiều qua, đôi bên ngồi hội đàm.";
        let s = whole(text, Part::Lead);
        let v = SentenceView::new(text, &s, vec![]);
        assert_eq!(leading_date(&v, 0..2, None), None);
        let d = leading_date(&v, 0..2, Ymd::new(2025, 7, 29)).unwrap();
        assert_eq!(
            (d.date.to_string(), d.time_of_day.as_deref()),
            ("2025-07-28".into(), Some("chiều"))
        );
    }

    #[test]
    fn a_place_keeps_its_bracket_whole() {
        let place = |text: &str, places: &[&str]| {
            let s = whole(text, Part::Body);
            let ents: Vec<Entity> = places
                .iter()
                .map(|p| ent(text, EntityKind::Loc, p, None))
                .collect();
            let v = SentenceView::new(text, &s, ents.iter().collect());
            place_in(&v, 0..v.tokens.len()).map(|p| p.0)
        };
        // Only the country in the bracket is known: the bracket is closed.
        assert_eq!(
            place(
                "Hai bên gặp tại Mandalay (Myanmar), sau đó về.",
                &["Myanmar"]
            )
            .as_deref(),
            Some("Mandalay (Myanmar)")
        );
        // The city is known: a bracket naming a place after it is kept.
        assert_eq!(
            place(
                "Họp tại Mandalay (Myanmar) hôm qua.",
                &["Mandalay", "Myanmar"]
            )
            .as_deref(),
            Some("Mandalay (Myanmar)")
        );
        // A bracket that names no place is not the place's.
        assert_eq!(
            place("Họp tại Mandalay (2 ngày) hôm qua.", &["Mandalay"]).as_deref(),
            Some("Mandalay")
        );
    }
}
