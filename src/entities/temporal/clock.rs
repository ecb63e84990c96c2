//! Times: clock times ("9h30", "09:30", "9 giờ 30 phút", "8 giờ tối"),
//! spans of them, and parts of the day ("Chiều" before a date, "sáng nay",
//! "buổi tối") as TIMEX3 codes.

use super::*;

/// Whether "N giờ", "9h" at tokens `first..=last` is a duration ("trong 24
/// giờ", "48 giờ qua").
pub(super) fn duration(tk: &Toks<'_>, first: usize, last: usize) -> bool {
    tk.ends_before(&DURATION_CUES, first).is_some()
        || (tk.same_line(last, last + 1) && tk.at(&DURATION_FOLLOWERS, last + 1).is_some())
}

/// A part of the day after a clock time ("8 giờ tối"): the last token and
/// the hour on a 24-hour clock.
pub(super) fn with_part_of_day(tk: &Toks<'_>, last: usize, h: u32) -> (usize, u32) {
    if !tk.same_line(last, last + 1) {
        return (last, h);
    }
    let Some((1, code)) = tk.at(&PARTS_OF_DAY, last + 1) else {
        return (last, h);
    };
    let h24 = match code.as_str() {
        "TMI" if h <= 3 => h + 12,
        "TAF" | "TEV" if (1..12).contains(&h) => h + 12,
        "TNI" if (6..12).contains(&h) => h + 12,
        "TNI" | "TMO" if h == 12 => 0,
        _ => h,
    };
    (last + 1, h24)
}

pub(super) fn clock(h: u32, m: u32) -> Option<String> {
    (h < 24 && m <= 59 || h == 24 && m == 0).then(|| format!("T{h:02}:{m:02}"))
}

/// A clock time written with digits and words: "09:32", "14 giờ", "9 giờ
/// 30 phút", "8 giờ tối".
pub(super) fn clock_of_run(tk: &Toks<'_>, run: &Run<'_>) -> Option<Cand> {
    let n = run.values()?;
    let (first, last) = (run.first, run.last);
    if run.seps.iter().all(|c| *c == ':') && (2..=3).contains(&n.len()) {
        if run.nums[1..].iter().any(|m| m.len() != 2)
            || run.nums[0].len() > 2
            || tk.ends_before(&RATIO_CUES, first).is_some()
        {
            return None;
        }
        let (last, h) = with_part_of_day(tk, last, n[0]);
        let mut v = clock(h, n[1])?;
        if let Some(s) = n.get(2).filter(|s| **s <= 59) {
            v.push_str(&format!(":{s:02}"));
        }
        return Some(Cand::time(first, last, v, Rule::TimeClock));
    }
    // "10:00-11:30": a span of clock times.
    let seps: String = run.seps.iter().collect();
    if matches!(seps.as_str(), ":-:" | ":–:")
        && run.nums.iter().all(|x| x.len() <= 2)
        && [1, 3].iter().all(|&k| run.nums[k].len() == 2)
    {
        let (a, b) = (clock(n[0], n[1])?, clock(n[2], n[3])?);
        return (a < b).then(|| Cand::time(first, last, format!("{a}/{b}"), Rule::TimeRange));
    }
    if !run.seps.is_empty()
        || tk.lower(last + 1) != "giờ"
        || !tk.same_line(last, last + 1)
        || run.nums[0].len() > 2
    {
        return None;
    }
    let mut end = last + 1;
    let mut minutes = None;
    if let Some(m) =
        tk.t.get(end + 1)
            .filter(|t| t.is_number() && tk.same_line(end, end + 1))
    {
        minutes = m.lower.parse::<u32>().ok().filter(|m| *m <= 59);
        if minutes.is_some() {
            end += 1;
            if tk.lower(end + 1) == "phút" && tk.same_line(end, end + 1) {
                end += 1;
            }
        }
    }
    if duration(tk, first, end) {
        return None;
    }
    let (with_part, h) = with_part_of_day(tk, end, n[0]);
    let cued = tk.ends_before(&CLOCK_CUES, first).is_some()
        || minutes.is_some()
        || with_part > end
        || tk.starts_line(first)
        || first
            .checked_sub(1)
            .and_then(|j| tk.t.get(j))
            .is_some_and(|t| !t.is_word())
        || (tk.same_line(end, end + 1) && (tk.lower(end + 1) == "ngày" || tk.is(end + 1, ',')));
    cued.then(|| {
        clock(h, minutes.unwrap_or(0)).map(|v| Cand::time(first, with_part, v, Rule::TimeHours))
    })?
}

/// A clock time written as one word: "9h30", "20h", "09h15".
pub(super) fn clock_word(tk: &Toks<'_>, i: usize) -> Option<Cand> {
    let t = tk.t.get(i).filter(|t| t.is_word())?;
    let (h, m) = t.lower.split_once('h')?;
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, &[1, 2]) || !digits(m, &[0, 2]) || duration(tk, i, i) {
        return None;
    }
    let (last, h) = with_part_of_day(tk, i, h.parse().ok()?);
    let v = clock(h, if m.is_empty() { 0 } else { m.parse().ok()? })?;
    Some(Cand::time(i, last, v, Rule::TimeClock))
}

/// Whether token `i` is inside the title of a named work: a capitalised
/// word at most three words back, not at the start of a sentence, right
/// after a work noun ("chương trình Tin nóng buổi sáng").
fn in_work_title(tk: &Toks<'_>, i: usize) -> bool {
    (i.saturating_sub(3)..i).rev().any(|j| {
        let t = &tk.t[j];
        t.is_word()
            && t.cap
            && !t.starts_sentence
            && tk.same_line(j, i)
            && tk.t[j + 1..i].iter().all(|w| w.is_word())
            && tk.ends_before(&WORK_NOUNS, j).is_some()
    })
}

/// "Chiều" before a date, "Sáng nay", "chiều qua", "tối hôm qua", "buổi
/// sáng": a TIME with the part-of-day code.
pub(super) fn parts_of_day(tk: &Toks<'_>, cands: &mut Vec<Cand>) {
    let (start, _) = index(tk, cands);
    let mut found = Vec::new();
    for i in 0..tk.t.len() {
        let Some((1, code)) = tk.at(&PARTS_OF_DAY, i) else {
            continue;
        };
        let next = i + 1;
        let on_line = tk.same_line(i, next);
        let buoi = prev_word(tk, i) == "buổi";
        let first = if buoi { i - 1 } else { i };
        if tk.ends_before(&PART_OF_DAY_BLOCKERS, i).is_some() || in_work_title(tk, first) {
            continue;
        }
        let before_date = on_line
            && start
                .get(next)
                .copied()
                .flatten()
                .is_some_and(|k| cands[k].kind == EntityKind::Date && has_day(&cands[k]));
        let follower = if on_line {
            tk.at(&PART_OF_DAY_FOLLOWERS, next)
        } else {
            None
        };
        if before_date || buoi {
            found.push(Cand::time(first, i, code.clone(), Rule::TimePartOfDay));
        } else if let Some((len, _)) = follower {
            // "qua", "nay", "mai" belong to it; "hôm qua", "cùng ngày" do not.
            let last = if len == 1 && tk.word_in(next, &["qua", "nay", "mai"]) {
                next
            } else {
                i
            };
            found.push(Cand::time(first, last, code.clone(), Rule::TimePartOfDay));
        }
    }
    cands.extend(found);
}
