//! Calendar words around dates: weekdays ("Thứ Ba", merged into the date
//! after them), quarters ("quý I/2025") and the part of a period ("cuối
//! năm 2015", "đầu tháng 3").

use super::dates::anchored;
use super::*;

/// "quý I/2025", "quý 3 năm 2024", "Quý IV": a quarter, `2025-Q1`. Without
/// a written year it takes the year the anchor gives the quarter's first
/// month, as days and months do ("quý I" on a page of March 2024 is
/// `2024-Q1`); with no anchor it stays `XXXX-Q4` (the events stage reads
/// no date from it).
pub(super) fn quarter(tk: &Toks<'_>, i: usize, anchor: Option<Ymd>) -> Option<Cand> {
    if tk.lower(i) != "quý" || !tk.same_line(i, i + 1) {
        return None;
    }
    let written = tk.text.get(tk.t.get(i + 1)?.span.clone())?;
    let q = match written {
        "I" | "1" => 1,
        "II" | "2" => 2,
        "III" | "3" => 3,
        "IV" | "4" => 4,
        _ => return None,
    };
    let year_at = |k: usize| {
        tk.t.get(k)
            .filter(|t| t.is_number() && t.lower.len() == 4 && tk.same_line(k - 1, k))
            .map(|t| t.lower.to_string())
    };
    let sep = (tk.is(i + 2, '/') || tk.is(i + 2, '-') || tk.is(i + 2, '.')) && tk.glued(i + 1);
    let (last, year) = match (sep, tk.lower(i + 2)) {
        (true, _) => match year_at(i + 3).filter(|_| tk.glued(i + 2)) {
            Some(y) => (i + 3, y),
            None => (i + 1, "XXXX".to_string()),
        },
        (false, "năm") => match year_at(i + 3) {
            Some(y) => (i + 3, y),
            None => (i + 1, "XXXX".to_string()),
        },
        _ => (i + 1, "XXXX".to_string()),
    };
    let year = match year.as_str() {
        "XXXX" => anchored(q * 3 - 2, None, anchor).map_or(year, |y| format!("{y:04}")),
        _ => year,
    };
    Some(Cand::date(
        i,
        last,
        format!("{year}-Q{q}"),
        Rule::DateQuarter,
    ))
}

/// Weekday names: merged into the date right after them ("Thứ Ba, ngày
/// 13/1/2026"), else a DATE of their own with value `XXXX-WXX-N`.
pub(super) fn weekdays(tk: &Toks<'_>, cands: &mut Vec<Cand>) {
    let (start, mut covered) = index(tk, cands);
    let mut found = Vec::new();
    for i in 0..tk.t.len() {
        let Some((len, n)) = tk.at(&WEEKDAYS, i) else {
            continue;
        };
        let last = i + len - 1;
        if tk.ends_before(&ORDINAL_NOUNS, i).is_some() || covered[i..=last].iter().any(|c| *c) {
            continue;
        }
        covered[i..=last].iter_mut().for_each(|c| *c = true);
        // The date right after it, with at most a comma between.
        let mut j = last + 1;
        if tk.is(j, ',') && tk.same_line(last, j) {
            j += 1;
        }
        // Only a date with a day takes the weekday ("Thứ Ba 2025" does not).
        let date = start.get(j).copied().flatten().filter(|&k| {
            cands[k].kind == EntityKind::Date && tk.same_line(last, j) && has_day(&cands[k])
        });
        if let Some(k) = date {
            cands[k].first = i;
            cands[k].rule.mark(Mark::Weekday);
            continue;
        }
        let digit = tk.t[last].is_number();
        let capitals =
            tk.t[i].cap && !digit && (tk.t[last].cap || len == 2 && tk.lower(i) == "chủ");
        let cue = tk.ends_before(&WEEKDAY_CUES, i).is_some();
        let comma_after = tk.is(last + 1, ',');
        let bracket_date = tk.is(last + 1, '(') && start.get(last + 2).is_some_and(Option::is_some);
        if cue || bracket_date || (capitals && !comma_after) {
            found.push(Cand::date(
                i,
                last,
                format!("XXXX-WXX-{n}"),
                Rule::DateWeekday,
            ));
        }
    }
    cands.extend(found);
    cands.sort_by_key(|c| c.first);
}

/// "cuối năm 2015", "đầu tháng 3": the part of the period joins the date.
pub(super) fn modifiers(tk: &Toks<'_>, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Date) {
        if !tk.word_in(c.first, &["năm", "tháng"]) {
            continue;
        }
        // The list's keys are marks (a test in `codes::rules` checks).
        let part = tk.ends_before(&MODIFIERS, c.first);
        if let Some((j, Some(which))) = part.map(|(j, w)| (j, Mark::from_id(w))) {
            c.first = j;
            c.rule.mark(which);
        }
    }
}
