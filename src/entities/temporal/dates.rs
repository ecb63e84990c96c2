//! Dates written in digits: "12/12", "ngày 1-2/12", "tháng 12/2024",
//! "20/7/2015", "2025-12-12", a year ("năm 2015"), a period ("giai đoạn
//! 2021-2025"), with the cues that make a doubtful form a date ("ngày",
//! a part of the day, brackets, a dateline) and the ones that make it a
//! fraction or a score.

use super::*;

/// A day-and-month that exists in some year.
pub(super) fn day_month(d: u32, m: u32) -> bool {
    d <= 31 && m <= 12 && Ymd::new(2000, m as u8, d as u8).is_some()
}

/// `--MM-DD`, or `YYYY-MM-DD` with the year the anchor gives.
pub(super) fn day_value(d: u32, m: u32, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("--{m:02}-{d:02}"),
    }
}

/// The year of month `m` when the words at `k` say which way from the
/// anchor it lies: "tháng 9 tới", "tháng 9 sắp tới" (the coming one, never
/// before the anchor's month), "tháng 9 vừa qua" (the last one, never
/// after it). Without such words the nearest year decides ([`anchored`]).
fn directed_year(tk: &Toks<'_>, k: usize, m: u32, anchor: Option<Ymd>) -> Option<i32> {
    let a = anchor?;
    let on_line = k < tk.t.len() && tk.same_line(k - 1, k);
    let word = |j: usize| if on_line { tk.lower(j) } else { "" };
    let here = u32::from(a.month);
    match (word(k), tk.lower(k + 1)) {
        ("tới", _) | ("sắp", "tới") => Some(a.year + i32::from(m < here)),
        ("vừa", "qua") => Some(a.year - i32::from(m > here)),
        _ => None,
    }
}

pub(super) fn anchored(m: u32, d: Option<u32>, anchor: Option<Ymd>) -> Option<i32> {
    nearest_year(m as u8, d.map(|d| d as u8), anchor?)
}

/// Whether the words before token `i` make a doubtful day-month a date:
/// "ngày", "hôm", a part of the day or a weekday.
pub(super) fn strong_cue(tk: &Toks<'_>, i: usize) -> bool {
    let w = prev_word(tk, i);
    !w.is_empty()
        && (w == "hôm"
            || tk.ends_before(&DAY_WORDS, i).is_some()
            || tk.ends_before(&PARTS_OF_DAY, i).is_some()
            || tk.ends_before(&WEEKDAYS, i).is_some())
}

/// A dateline: at the start of a paragraph, or just after its opening
/// "Hà Nội," / "(TTXVN) -".
pub(super) fn dateline(tk: &Toks<'_>, i: usize) -> bool {
    if tk.starts_line(i) {
        return true;
    }
    let Some(prev) = tk.t.get(i - 1) else {
        return false;
    };
    let opener = prev.is(',') || prev.is('-') || prev.is('–') || prev.is(')');
    opener && (i.saturating_sub(6)..i).any(|j| tk.starts_line(j))
}

/// The DATE that the digits of `run` write, if any.
pub(super) fn date_of_run(tk: &Toks<'_>, run: &Run<'_>, anchor: Option<Ymd>) -> Option<Cand> {
    let n = run.values()?;
    let len: Vec<usize> = run.nums.iter().map(|s| s.len()).collect();
    let seps: String = run.seps.iter().collect();
    let p = run.first;
    let prev = prev_word(tk, p);
    let day_word = tk.ends_before(&DAY_WORDS, p).is_some() && !prev.is_empty();
    let opens = if day_word { p - 1 } else { p };
    let strong = day_word || strong_cue(tk, p);
    let bracketed = p > 0 && tk.is(p - 1, '(') && tk.is(run.last + 1, ')');
    let short = |k: &[usize]| k.iter().all(|&k| len[k] <= 2);
    let year = |k: usize| len[k] == 4 && (1000..=2999).contains(&n[k]);
    let full = |d: u32, m: u32, y: u32| {
        Ymd::new(y as i32, m as u8, d as u8).filter(|_| d <= 31 && m <= 12)
    };
    if prev == "tháng" {
        if let Some(c) = month_range(run, &n, &seps, anchor) {
            return Some(c);
        }
    }
    match seps.as_str() {
        "" => single(tk, run, n[0], len[0], anchor),
        "//" | ".." | "--" if short(&[0, 1]) && year(2) => {
            let d = full(n[0], n[1], n[2])?;
            Some(Cand::date(opens, run.last, d.to_string(), Rule::DateDmy))
        }
        // "2025-12-12": ISO order.
        "--" if year(0) && len[1] == 2 && len[2] == 2 => {
            let d = full(n[2], n[1], n[0])?;
            Some(Cand::date(opens, run.last, d.to_string(), Rule::DateIso))
        }
        "/" | "." | "-" | "–" => {
            let sep = run.seps[0];
            if len[0] <= 2 && year(1) && (1..=12).contains(&n[0]) && (sep == '/' || prev == "tháng")
            {
                let first = if prev == "tháng" { p - 1 } else { p };
                return Some(Cand::date(
                    first,
                    run.last,
                    format!("{:04}-{:02}", n[1], n[0]),
                    Rule::DateMonthYear,
                ));
            }
            if year(0) && year(1) && matches!(sep, '-' | '–') && n[0] < n[1] && n[1] - n[0] <= 100
            {
                let first = if prev == "năm" { p - 1 } else { p };
                return Some(Cand::date(
                    first,
                    run.last,
                    format!("{}/{}", n[0], n[1]),
                    Rule::DatePeriod,
                ));
            }
            if !(short(&[0, 1]) && day_month(n[0], n[1])) {
                return None;
            }
            let cued = strong || bracketed;
            let ok = match sep {
                '/' => cued || !fraction(tk, run),
                _ => cued || (dateline(tk, p) && tk.ends_before(&RATIO_CUES, p).is_none()),
            };
            let value = day_value(n[0], n[1], anchored(n[1], Some(n[0]), anchor));
            ok.then(|| Cand::date(opens, run.last, value, Rule::DateDm))
        }
        // "1-2/12", "1-2/12/2025": a range of days in one month.
        "-/" | "–/" | "-//" | "–//"
            if short(&[0, 1, 2]) && n[0] < n[1] && day_month(n[1], n[2]) =>
        {
            let y = if n.len() == 4 {
                if !year(3) {
                    return None;
                }
                Some(n[3] as i32)
            } else {
                anchored(n[2], Some(n[0]), anchor)
            };
            let value = format!("{}/{}", day_value(n[0], n[2], y), day_value(n[1], n[2], y));
            Some(Cand::date(opens, run.last, value, Rule::DateRange))
        }
        // "30/11-2/12": a range across months.
        "/-/" | "/–/"
            if short(&[0, 1, 2, 3])
                && day_month(n[0], n[1])
                && day_month(n[2], n[3])
                && ((n[1], n[0]) < (n[3], n[2]) || n[3] < n[1]) =>
        {
            let y = anchored(n[1], Some(n[0]), anchor);
            let y2 = y.map(|y| if n[3] < n[1] { y + 1 } else { y });
            let value = format!("{}/{}", day_value(n[0], n[1], y), day_value(n[2], n[3], y2));
            Some(Cand::date(opens, run.last, value, Rule::DateRange))
        }
        // "05/09/1962-05/09/2022".
        "//-//" | "//–//" if short(&[0, 1, 3, 4]) && year(2) && year(5) => {
            let a = full(n[0], n[1], n[2])?;
            let b = full(n[3], n[4], n[5])?;
            (a < b).then(|| Cand::date(opens, run.last, format!("{a}/{b}"), Rule::DateRange))
        }
        _ => None,
    }
}

/// "tháng 11-12", "tháng 11-12/2024": a range of months (the run starts
/// after "tháng").
pub(super) fn month_range(
    run: &Run<'_>,
    n: &[u32],
    seps: &str,
    anchor: Option<Ymd>,
) -> Option<Cand> {
    let months = n.len() >= 2 && (1..=12).contains(&n[0]) && n[0] < n[1] && n[1] <= 12;
    let month = |m: u32, y: Option<i32>| match y {
        Some(y) => format!("{y:04}-{m:02}"),
        None => format!("--{m:02}"),
    };
    let (y1, y2) = match seps {
        "-" | "–" if months => (anchored(n[0], None, anchor), anchored(n[1], None, anchor)),
        "-/" | "–/" if months && run.nums[2].len() == 4 => (Some(n[2] as i32), Some(n[2] as i32)),
        _ => return None,
    };
    let value = format!("{}/{}", month(n[0], y1), month(n[1], y2));
    Some(Cand::date(
        run.first - 1,
        run.last,
        value,
        Rule::DateMonthRange,
    ))
}

/// Whether "a/b" (with no cue before it) reads as a fraction here: after
/// "chiếm", "tỷ lệ", before "dân số" or any lower-case word that does not
/// follow dates ("2/3 đại biểu"), or a set phrase such as "24/7".
pub(super) fn fraction(tk: &Toks<'_>, run: &Run<'_>) -> bool {
    let written = tk
        .text
        .get(tk.t[run.first].span.start..tk.t[run.last].span.end)
        .unwrap_or("");
    let next = run.last + 1;
    let noun_after = tk.same_line(run.last, next)
        && tk.t[next].is_word()
        && !tk.t[next].cap
        && tk.at(&DATE_FOLLOWERS, next).is_none();
    noun_after
        || tk.ends_before(&RATIO_CUES, run.first).is_some()
        || (tk.same_line(run.last, run.last + 1) && tk.at(&FRACTION_NOUNS, run.last + 1).is_some())
        || NOT_DATES.iter().any(|s| s == written)
}

/// A single number as a date: "tháng 3", "tháng 3 năm 2025", "năm 2015",
/// "ngày 13 tháng 1 năm 2026", a bare year "APEC 2017", and a period
/// written with spaces ("2021 - 2026").
pub(super) fn single(
    tk: &Toks<'_>,
    run: &Run<'_>,
    n: u32,
    len: usize,
    anchor: Option<Ymd>,
) -> Option<Cand> {
    let (p, last) = (run.first, run.last);
    let prev = prev_word(tk, p);
    let number_at = |i: usize| {
        tk.t.get(i)
            .filter(|t| t.is_number() && tk.same_line(i - 1, i))
            .and_then(|t| t.lower.parse::<u32>().ok())
    };
    let year_at =
        |i: usize| number_at(i).filter(|y| tk.lower(i).len() == 4 && (1000..=2999).contains(y));
    let named_year = |i: usize| {
        if tk.lower(i) == "năm" && tk.same_line(i - 1, i) {
            year_at(i + 1)
        } else {
            None
        }
    };
    if prev == "tháng" && (1..=12).contains(&n) && len <= 2 {
        return Some(match named_year(last + 1) {
            Some(y) => Cand::date(p - 1, last + 2, format!("{y:04}-{n:02}"), Rule::DateMonth),
            None => {
                let year = directed_year(tk, last + 1, n, anchor).or(anchored(n, None, anchor));
                let value = match year {
                    Some(y) => format!("{y:04}-{n:02}"),
                    None => format!("--{n:02}"),
                };
                Cand::date(p - 1, last, value, Rule::DateMonth)
            }
        });
    }
    if tk.ends_before(&DAY_WORDS, p).is_some() && !prev.is_empty() && tk.lower(last + 1) == "tháng"
    {
        let m = number_at(last + 2).filter(|m| day_month(n, *m))?;
        return Some(match named_year(last + 3) {
            Some(y) => Cand::date(
                p - 1,
                last + 4,
                full_or_open(n, m, Some(y as i32)),
                Rule::DateWords,
            ),
            None => Cand::date(
                p - 1,
                last + 2,
                full_or_open(n, m, anchored(m, Some(n), anchor)),
                Rule::DateWords,
            ),
        });
    }
    if tk.ends_before(&DAY_WORDS, p).is_some() && !prev.is_empty() && len <= 2 {
        return day_list(tk, run, n, anchor, p - 1);
    }
    // "từ đêm 12 đến sáng 14/9": a part of the day before a lone day opens
    // a range as "ngày" does; the part of the day stays a TIME of its own.
    if tk.ends_before(&PARTS_OF_DAY, p).is_some() && len <= 2 {
        return day_list(tk, run, n, anchor, p).filter(|c| c.rule == RuleId::from(Rule::DateRange));
    }
    if len != 4 {
        return None;
    }
    // "thập niên 1990", "những năm 1990": a decade.
    let before = if p >= 2 && tk.same_line(p - 2, p) {
        tk.lower(p - 2)
    } else {
        ""
    };
    let decade = (before == "thập" && matches!(prev, "niên" | "kỷ" | "kỉ"))
        || (prev == "năm" && matches!(before, "những" | "các"));
    if decade && n % 10 == 0 && (1000..=2999).contains(&n) {
        return Some(Cand::date(
            p - 2,
            last,
            (n / 10).to_string(),
            Rule::DateDecade,
        ));
    }
    let mut c = if prev == "năm" && (1000..=2999).contains(&n) {
        Cand::date(p - 1, last, n.to_string(), Rule::DateYear)
    } else if (1900..=2100).contains(&n) && bare_year(tk, run) {
        Cand::date(p, last, n.to_string(), Rule::DateYearBare)
    } else {
        return None;
    };
    // "từ năm 2019 đến 2021", "năm 2019 tới năm 2021": one period.
    if c.rule.base() == Rule::DateYear
        && tk.word_in(last + 1, &["đến", "tới"])
        && tk.same_line(last, last + 1)
    {
        let named = tk.lower(last + 2) == "năm";
        let at = if named { last + 3 } else { last + 2 };
        if let Some(y2) = year_at(at).filter(|y| *y > n && y - n <= 100) {
            let month_after = tk.t.get(at + 1).is_some_and(|t| t.is('/'));
            if !month_after {
                return Some(Cand::date(
                    c.first,
                    at,
                    format!("{n}/{y2}"),
                    Rule::DatePeriod,
                ));
            }
        }
    }
    // "2021 - 2026", "năm 2024 – 2025".
    if (tk.is(last + 1, '-') || tk.is(last + 1, '–')) && tk.same_line(last, last + 1) {
        if let Some(y2) = year_at(last + 2).filter(|y| *y > n && y - n <= 100) {
            let longer = tk.glued(last + 2)
                && tk.glued(last + 3)
                && tk.t.get(last + 4).is_some_and(|t| t.is_number());
            if !longer {
                c = Cand::date(c.first, last + 2, format!("{n}/{y2}"), Rule::DatePeriod);
            }
        }
    }
    Some(c)
}

/// "ngày 12 và 13/12" (the first day borrows the month: a DATE of its own)
/// and "ngày 10 đến 12/12", "ngày 10 - 12/12", "đêm 12 đến sáng 14/9" (one
/// range). The run is the lone day after "ngày" or a part of the day; the
/// DATE starts at `opens`.
pub(super) fn day_list(
    tk: &Toks<'_>,
    run: &Run<'_>,
    d1: u32,
    anchor: Option<Ymd>,
    opens: usize,
) -> Option<Cand> {
    let last = run.last;
    let joiner = last + 1;
    if !tk.same_line(last, joiner + 1) {
        return None;
    }
    let range = tk.word_in(joiner, &["đến", "tới"]) || tk.is(joiner, '-') || tk.is(joiner, '–');
    if !(range || tk.word_in(joiner, &["và"]) || tk.is(joiner, ',')) {
        return None;
    }
    // The day/month (and year) right after the joiner, or after a part of
    // the day that opens the range's end ("đến sáng 14/9").
    let mut k = joiner + 1;
    if range && tk.at(&PARTS_OF_DAY, k).is_some_and(|(n, _)| n == 1) {
        k += 1;
    }
    let num = |i: usize| {
        tk.t.get(i)
            .filter(|t| t.is_number())
            .and_then(|t| t.lower.parse::<u32>().ok())
    };
    let slash = |i: usize| tk.is(i, '/') && tk.glued(i - 1) && tk.glued(i);
    // The month and year after the second day, with slashes ("12/12/2025")
    // or, after a range, in words ("11 tháng 2 năm 2023").
    let in_words = range && tk.lower(k + 1) == "tháng";
    let joins = |i: usize, word: &str| {
        if in_words {
            tk.lower(i) == word
        } else {
            slash(i)
        }
    };
    let (d2, m) = (num(k)?, num(k + 2).filter(|_| joins(k + 1, "tháng"))?);
    if !(day_month(d1, m) && day_month(d2, m)) || (range && d1 >= d2) {
        return None;
    }
    let year = num(k + 4).filter(|_| joins(k + 3, "năm") && tk.lower(k + 4).len() == 4);
    let end = if year.is_some() { k + 4 } else { k + 2 };
    let y = match year {
        Some(y) => Some(y as i32),
        None => anchored(m, Some(d1), anchor),
    };
    if range {
        let value = format!("{}/{}", day_value(d1, m, y), day_value(d2, m, y));
        return Some(Cand::date(opens, end, value, Rule::DateRange));
    }
    Some(Cand::date(
        opens,
        last,
        day_value(d1, m, y),
        Rule::DateDayList,
    ))
}

pub(super) fn full_or_open(d: u32, m: u32, y: Option<i32>) -> String {
    match y.and_then(|y| Ymd::new(y, m as u8, d as u8)) {
        Some(date) => date.to_string(),
        None => day_value(d, m, None),
    }
}

/// A four-digit number standing alone as a year: after a name ("APEC
/// 2017"), in brackets, before punctuation, a capital or a word of
/// data/entities/temporal/date_followers.txt ("được", "là"); not
/// before a counted noun ("2000 người"), a currency, "%" or after a
/// quantity word ("khoảng 2000").
pub(super) fn bare_year(tk: &Toks<'_>, run: &Run<'_>) -> bool {
    let next = run.last + 1;
    if tk.ends_before(&RATIO_CUES, run.first).is_some() || prev_word(tk, run.first) == "thứ" {
        return false;
    }
    if currency_at(tk, next).is_some() {
        return false;
    }
    match tk.t.get(next) {
        None => true,
        Some(_) if !tk.same_line(run.last, next) => true,
        Some(t) if t.is_word() => {
            t.cap || tk.at(&DATE_FOLLOWERS, next).is_some() || after_name(tk, run.first)
        }
        Some(t) => !(t.is('%') || t.is('/')),
    }
}

/// Whether token `i` follows a capitalised word inside a sentence
/// ("Concert 2026 không chỉ", "APEC 2017 diễn ra"): a name and its year.
pub(super) fn after_name(tk: &Toks<'_>, i: usize) -> bool {
    i >= 2
        && tk.same_line(i - 2, i)
        && tk.t[i - 1].is_word()
        && tk.t[i - 1].cap
        && !tk.t[i - 2].is('.')
}
