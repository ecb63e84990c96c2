//! DATE and TIME entities (issue 4): the dates, periods, weekdays and times
//! of day a Vietnamese news text writes, with ISO 8601 values.
//!
//! DATE values: `2025-12-12`, `--12-12` (day and month, year unknown),
//! `2025-12`, `--03`, `2025`; a range or period is `start/end`
//! (`--12-01/--12-02` for "1-2/12", `2021/2025` for "giai đoạn 2021-2025",
//! `--11/--12` for "tháng 11-12"); a weekday alone is `XXXX-WXX-2` ("Thứ
//! Ba"), a quarter `2025-Q1` ("quý I/2025"), a decade `199` ("thập niên
//! 1990"). The events stage reads a date from all but periods, weekdays,
//! quarters and decades (`EventDate::parse`).
//!
//! A year missing from the text comes only from `ctx.anchor` (the page's
//! dateline or the user's reference date): the year that puts the date
//! nearest the anchor, days after the anchor (beyond the next day) counting
//! double since news reports the past, ties to the past. No anchor, no
//! year: it is never invented. A year from the anchor adds `+year:anchor`
//! to the rule id, so the events stage can tell it from a written one.
//! "hôm qua", "năm nay", "tháng tới" are DATEs only with an anchor; a day
//! or month before one of them takes its year ("tháng 12 năm ngoái",
//! rule `+year:relative`).
//!
//! TIME values: a part of the day alone ("Chiều" before "12/12", "Sáng
//! nay", "chiều qua") is its TIMEX3 code `TMO`, `TMI`, `TAF`, `TEV` or
//! `TNI`, which the events stage reads as sáng/trưa/chiều/tối
//! (data/events/parts_of_day.tsv); a clock time is `T09:30` ("9h30",
//! "09:30", "9 giờ 30 phút", "8 giờ tối" = `T20:00`), a span of them
//! `T10:00/T11:30`. A part of the day and the date after it are two
//! entities, TIME then DATE.
//!
//! Words that open a date ("ngày", "tháng", "năm", "cuối", "đầu") belong to
//! its text; prepositions ("từ", "vào") and nouns ("giai đoạn") do not.
//! Forms that are often something else need a cue: "6.6" and "20-7" are
//! dates only after "ngày", a part of the day, a weekday, in brackets or in
//! a dateline; "1/3" is a fraction after "chiếm"/"tỷ lệ" or before "dân
//! số"; "14 giờ" is a clock time only after "lúc"/"vào"/… (else a
//! duration); a weekday needs capitals ("Thứ Ba"), a cue ("vào thứ hai") or
//! a date after it, and never follows "lần"/"kỳ" ("lần thứ hai").

use super::quantities::{currency_at, runs, Run, Toks, NUMBER_WORDS};
use crate::events::dates::EventDate;
use crate::events::lexicon::{keyed_list, word_list, Lexicon};
use crate::{DocContext, Entity, EntityKind, Ymd};
use std::sync::LazyLock;

macro_rules! list {
    ($name:ident, $kind:ident, $file:literal) => {
        static $name: LazyLock<Lexicon<$kind>> = LazyLock::new(
    || list!(@load $kind, include_str!(concat!("../../data/entities/temporal/", $file))),
        );
    };
    (@load String, $data:expr) => {
        keyed_list($data)
    };
    (@load Unit, $data:expr) => {
        word_list($data)
    };
}
type Unit = ();

list!(PARTS_OF_DAY, String, "parts_of_day.tsv");
list!(PART_OF_DAY_FOLLOWERS, Unit, "part_of_day_followers.txt");
list!(PART_OF_DAY_BLOCKERS, Unit, "part_of_day_blockers.txt");
list!(DAY_WORDS, Unit, "day_words.txt");
list!(MODIFIERS, String, "modifiers.tsv");
list!(WEEKDAYS, String, "weekdays.tsv");
list!(WEEKDAY_CUES, Unit, "weekday_cues.txt");
list!(ORDINAL_NOUNS, Unit, "ordinal_nouns.txt");
list!(RELATIVE, String, "relative.tsv");
list!(RATIO_CUES, Unit, "ratio_cues.txt");
list!(FRACTION_NOUNS, Unit, "fraction_nouns.txt");
list!(CLOCK_CUES, Unit, "clock_cues.txt");
list!(DURATION_CUES, Unit, "duration_cues.txt");
list!(DURATION_FOLLOWERS, Unit, "duration_followers.txt");
list!(DATE_FOLLOWERS, Unit, "date_followers.txt");

/// "24/7": set phrases that look like a day and month.
static NOT_DATES: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::events::lexicon::data_lines(include_str!("../../data/entities/temporal/not_dates.txt"))
        .map(str::to_string)
        .collect()
});

/// A DATE or TIME found over tokens `first..=last`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Cand {
    first: usize,
    last: usize,
    kind: EntityKind,
    value: String,
    rule: String,
}

impl Cand {
    fn date(first: usize, last: usize, value: String, rule: &str) -> Cand {
        Cand {
            first,
            last,
            kind: EntityKind::Date,
            value,
            rule: rule.to_string(),
        }
    }
    fn time(first: usize, last: usize, value: String, rule: &str) -> Cand {
        Cand {
            first,
            last,
            kind: EntityKind::Time,
            value,
            rule: rule.to_string(),
        }
    }
}

/// The DATE and TIME entities of the tokens `tk`, in order (the tokens are
/// shared with [`super::quantities`]).
pub(super) fn find_in(tk: &Toks<'_>, ctx: &DocContext) -> Vec<Entity> {
    let anchor = ctx.anchor;
    let mut cands = Vec::new();
    for run in runs(tk).iter().filter(|r| !r.code && !r.dong) {
        cands.extend(date_of_run(tk, run, anchor));
        cands.extend(clock_of_run(tk, run));
    }
    for i in 0..tk.t.len() {
        cands.extend(clock_word(tk, i));
        cands.extend(relative(tk, i, anchor));
        cands.extend(quarter(tk, i));
    }
    let mut cands = relative_years(resolve(cands));
    weekdays(tk, &mut cands);
    modifiers(tk, &mut cands);
    parts_of_day(tk, &mut cands);
    resolve(cands)
        .into_iter()
        .map(|mut c| {
            if year_from_anchor(tk, &c) {
                c.rule.push_str("+year:anchor");
            }
            c
        })
        .filter_map(|c| tk.entity(c.kind, c.first, c.last, c.value, &c.rule))
        .collect()
}

/// Whether the year of a DATE's value came from the anchor: the value
/// has one, the mention writes none and is no relative date.
fn year_from_anchor(tk: &Toks<'_>, c: &Cand) -> bool {
    let writes_year = tk.t[c.first..=c.last]
        .iter()
        .any(|t| t.is_number() && t.lower.len() == 4);
    c.kind == EntityKind::Date
        && c.value.starts_with(|ch: char| ch.is_ascii_digit())
        && !c.rule.starts_with("date.relative")
        && !c.rule.ends_with("+year:relative")
        && !writes_year
}

/// The candidates that do not overlap, the longest first at each start.
fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by_key(|c| (c.first, std::cmp::Reverse(c.last)));
    let mut out: Vec<Cand> = Vec::new();
    for c in cands {
        if out.last().map_or(true, |k| c.first > k.last) {
            out.push(c);
        }
    }
    out
}

/// The word before token `i` on its line, lower-cased ("" if none).
fn prev_word<'t>(tk: &'t Toks<'_>, i: usize) -> &'t str {
    if i > 0 && tk.same_line(i - 1, i) && tk.t[i - 1].is_word() {
        tk.lower(i - 1)
    } else {
        ""
    }
}

/// A day-and-month that exists in some year.
fn day_month(d: u32, m: u32) -> bool {
    d <= 31 && m <= 12 && Ymd::new(2000, m as u8, d as u8).is_some()
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days(y: i32, m: u8, d: u8) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The year of a month (and day) without one: the year that puts it
/// nearest `anchor`, days after the anchor (beyond the next day) counting
/// double, ties to the past.
fn year_for(month: u8, day: Option<u8>, anchor: Ymd) -> Option<i32> {
    let a = days(anchor.year, anchor.month, anchor.day);
    let mut best: Option<(i64, i32)> = None;
    for y in anchor.year - 1..=anchor.year + 1 {
        let (lo, hi) = match day {
            Some(d) => match Ymd::new(y, month, d) {
                Some(_) => (days(y, month, d), days(y, month, d)),
                None => continue,
            },
            None => {
                let last = (28..=31).rev().find(|&d| Ymd::new(y, month, d).is_some())?;
                (days(y, month, 1), days(y, month, last))
            }
        };
        let cost = if (lo..=hi).contains(&a) {
            0
        } else if hi < a {
            a - hi
        } else if lo - a <= 1 {
            lo - a
        } else {
            2 * (lo - a)
        };
        if best.map_or(true, |(c, _)| cost < c) {
            best = Some((cost, y));
        }
    }
    best.map(|(_, y)| y)
}

/// `--MM-DD`, or `YYYY-MM-DD` with the year the anchor gives.
fn day_value(d: u32, m: u32, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("--{m:02}-{d:02}"),
    }
}

fn anchored(m: u32, d: Option<u32>, anchor: Option<Ymd>) -> Option<i32> {
    year_for(m as u8, d.map(|d| d as u8), anchor?)
}

/// Whether the words before token `i` make a doubtful day-month a date:
/// "ngày", "hôm", a part of the day or a weekday.
fn strong_cue(tk: &Toks<'_>, i: usize) -> bool {
    let w = prev_word(tk, i);
    !w.is_empty()
        && (w == "hôm"
            || tk.ends_before(&DAY_WORDS, i).is_some()
            || tk.ends_before(&PARTS_OF_DAY, i).is_some()
            || tk.ends_before(&WEEKDAYS, i).is_some())
}

/// A dateline: at the start of a paragraph, or just after its opening
/// "Hà Nội," / "(TTXVN) -".
fn dateline(tk: &Toks<'_>, i: usize) -> bool {
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
fn date_of_run(tk: &Toks<'_>, run: &Run<'_>, anchor: Option<Ymd>) -> Option<Cand> {
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
            Some(Cand::date(opens, run.last, d.to_string(), "date.dmy"))
        }
        // "2025-12-12": ISO order.
        "--" if year(0) && len[1] == 2 && len[2] == 2 => {
            let d = full(n[2], n[1], n[0])?;
            Some(Cand::date(opens, run.last, d.to_string(), "date.iso"))
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
                    "date.month_year",
                ));
            }
            if year(0) && year(1) && matches!(sep, '-' | '–') && n[0] < n[1] && n[1] - n[0] <= 100
            {
                let first = if prev == "năm" { p - 1 } else { p };
                return Some(Cand::date(
                    first,
                    run.last,
                    format!("{}/{}", n[0], n[1]),
                    "date.period",
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
            ok.then(|| Cand::date(opens, run.last, value, "date.dm"))
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
            Some(Cand::date(opens, run.last, value, "date.range"))
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
            Some(Cand::date(opens, run.last, value, "date.range"))
        }
        // "05/09/1962-05/09/2022".
        "//-//" | "//–//" if short(&[0, 1, 3, 4]) && year(2) && year(5) => {
            let a = full(n[0], n[1], n[2])?;
            let b = full(n[3], n[4], n[5])?;
            (a < b).then(|| Cand::date(opens, run.last, format!("{a}/{b}"), "date.range"))
        }
        _ => None,
    }
}

/// "tháng 11-12", "tháng 11-12/2024": a range of months (the run starts
/// after "tháng").
fn month_range(run: &Run<'_>, n: &[u32], seps: &str, anchor: Option<Ymd>) -> Option<Cand> {
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
        "date.month_range",
    ))
}

/// Whether "a/b" (with no cue before it) reads as a fraction here: after
/// "chiếm", "tỷ lệ", before "dân số" or any lower-case word that does not
/// follow dates ("2/3 đại biểu"), or a set phrase such as "24/7".
fn fraction(tk: &Toks<'_>, run: &Run<'_>) -> bool {
    let written = tk
        .text
        .get(tk.t[run.first].span.start..tk.t[run.last].span.end)
        .unwrap_or("");
    let next = run.last + 1;
    let noun_after = tk.same_line(run.last, next)
        && tk.t[next].is_word()
        && !tk.t[next].capitalised
        && tk.at(&DATE_FOLLOWERS, next).is_none();
    noun_after
        || tk.ends_before(&RATIO_CUES, run.first).is_some()
        || (tk.same_line(run.last, run.last + 1) && tk.at(&FRACTION_NOUNS, run.last + 1).is_some())
        || NOT_DATES.iter().any(|s| s == written)
}

/// A single number as a date: "tháng 3", "tháng 3 năm 2025", "năm 2015",
/// "ngày 13 tháng 1 năm 2026", a bare year "APEC 2017", and a period
/// written with spaces ("2021 - 2026").
fn single(tk: &Toks<'_>, run: &Run<'_>, n: u32, len: usize, anchor: Option<Ymd>) -> Option<Cand> {
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
            Some(y) => Cand::date(p - 1, last + 2, format!("{y:04}-{n:02}"), "date.month"),
            None => {
                let value = match anchored(n, None, anchor) {
                    Some(y) => format!("{y:04}-{n:02}"),
                    None => format!("--{n:02}"),
                };
                Cand::date(p - 1, last, value, "date.month")
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
                "date.words",
            ),
            None => Cand::date(
                p - 1,
                last + 2,
                full_or_open(n, m, anchored(m, Some(n), anchor)),
                "date.words",
            ),
        });
    }
    if tk.ends_before(&DAY_WORDS, p).is_some() && !prev.is_empty() && len <= 2 {
        return day_list(tk, run, n, anchor);
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
        return Some(Cand::date(p - 2, last, (n / 10).to_string(), "date.decade"));
    }
    let mut c = if prev == "năm" && (1000..=2999).contains(&n) {
        Cand::date(p - 1, last, n.to_string(), "date.year")
    } else if (1900..=2100).contains(&n) && bare_year(tk, run) {
        Cand::date(p, last, n.to_string(), "date.year_bare")
    } else {
        return None;
    };
    // "2021 - 2026", "năm 2024 – 2025".
    if (tk.is(last + 1, '-') || tk.is(last + 1, '–')) && tk.same_line(last, last + 1) {
        if let Some(y2) = year_at(last + 2).filter(|y| *y > n && y - n <= 100) {
            let longer = tk.glued(last + 2)
                && tk.glued(last + 3)
                && tk.t.get(last + 4).is_some_and(|t| t.is_number());
            if !longer {
                c = Cand::date(c.first, last + 2, format!("{n}/{y2}"), "date.period");
            }
        }
    }
    Some(c)
}

/// "ngày 12 và 13/12" (the first day borrows the month: a DATE of its own)
/// and "ngày 10 đến 12/12", "ngày 10 - 12/12" (one range). The run is the
/// lone day after "ngày".
fn day_list(tk: &Toks<'_>, run: &Run<'_>, d1: u32, anchor: Option<Ymd>) -> Option<Cand> {
    let (p, last) = (run.first, run.last);
    let joiner = last + 1;
    if !tk.same_line(last, joiner + 1) {
        return None;
    }
    let range = tk.word_in(joiner, &["đến", "tới"]) || tk.is(joiner, '-') || tk.is(joiner, '–');
    if !(range || tk.word_in(joiner, &["và"]) || tk.is(joiner, ',')) {
        return None;
    }
    // The day/month (and year) right after the joiner.
    let k = joiner + 1;
    let num = |i: usize| {
        tk.t.get(i)
            .filter(|t| t.is_number())
            .and_then(|t| t.lower.parse::<u32>().ok())
    };
    let slash = |i: usize| tk.is(i, '/') && tk.glued(i - 1) && tk.glued(i);
    let (d2, m) = (num(k)?, num(k + 2).filter(|_| slash(k + 1))?);
    if !(day_month(d1, m) && day_month(d2, m)) || (range && d1 >= d2) {
        return None;
    }
    let year = num(k + 4).filter(|_| slash(k + 3) && tk.lower(k + 4).len() == 4);
    let end = if year.is_some() { k + 4 } else { k + 2 };
    let y = match year {
        Some(y) => Some(y as i32),
        None => anchored(m, Some(d1), anchor),
    };
    if range {
        let value = format!("{}/{}", day_value(d1, m, y), day_value(d2, m, y));
        return Some(Cand::date(p - 1, end, value, "date.range"));
    }
    Some(Cand::date(
        p - 1,
        last,
        day_value(d1, m, y),
        "date.day_list",
    ))
}

fn full_or_open(d: u32, m: u32, y: Option<i32>) -> String {
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
fn bare_year(tk: &Toks<'_>, run: &Run<'_>) -> bool {
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
            t.capitalised || tk.at(&DATE_FOLLOWERS, next).is_some() || after_name(tk, run.first)
        }
        Some(t) => !(t.is('%') || t.is('/')),
    }
}

/// Whether token `i` follows a capitalised word inside a sentence
/// ("Concert 2026 không chỉ", "APEC 2017 diễn ra"): a name and its year.
fn after_name(tk: &Toks<'_>, i: usize) -> bool {
    i >= 2
        && tk.same_line(i - 2, i)
        && tk.t[i - 1].is_word()
        && tk.t[i - 1].capitalised
        && !tk.t[i - 2].is('.')
}

/// Whether "N giờ", "9h" at tokens `first..=last` is a duration ("trong 24
/// giờ", "48 giờ qua").
fn duration(tk: &Toks<'_>, first: usize, last: usize) -> bool {
    tk.ends_before(&DURATION_CUES, first).is_some()
        || (tk.same_line(last, last + 1) && tk.at(&DURATION_FOLLOWERS, last + 1).is_some())
}

/// A part of the day after a clock time ("8 giờ tối"): the last token and
/// the hour on a 24-hour clock.
fn with_part_of_day(tk: &Toks<'_>, last: usize, h: u32) -> (usize, u32) {
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

fn clock(h: u32, m: u32) -> Option<String> {
    (h < 24 && m <= 59 || h == 24 && m == 0).then(|| format!("T{h:02}:{m:02}"))
}

/// A clock time written with digits and words: "09:32", "14 giờ", "9 giờ
/// 30 phút", "8 giờ tối".
fn clock_of_run(tk: &Toks<'_>, run: &Run<'_>) -> Option<Cand> {
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
        return Some(Cand::time(first, last, v, "time.clock"));
    }
    // "10:00-11:30": a span of clock times.
    let seps: String = run.seps.iter().collect();
    if matches!(seps.as_str(), ":-:" | ":–:")
        && run.nums.iter().all(|x| x.len() <= 2)
        && [1, 3].iter().all(|&k| run.nums[k].len() == 2)
    {
        let (a, b) = (clock(n[0], n[1])?, clock(n[2], n[3])?);
        return (a < b).then(|| Cand::time(first, last, format!("{a}/{b}"), "time.range"));
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
        clock(h, minutes.unwrap_or(0)).map(|v| Cand::time(first, with_part, v, "time.hours"))
    })?
}

/// A clock time written as one word: "9h30", "20h", "09h15".
fn clock_word(tk: &Toks<'_>, i: usize) -> Option<Cand> {
    let t = tk.t.get(i).filter(|t| t.is_word())?;
    let (h, m) = t.lower.split_once('h')?;
    let digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h, &[1, 2]) || !digits(m, &[0, 2]) || duration(tk, i, i) {
        return None;
    }
    let (last, h) = with_part_of_day(tk, i, h.parse().ok()?);
    let v = clock(h, if m.is_empty() { 0 } else { m.parse().ok()? })?;
    Some(Cand::time(i, last, v, "time.clock"))
}

/// "hôm qua", "năm nay", "tháng tới": a date relative to the page's date,
/// read only when that date is known.
fn relative(tk: &Toks<'_>, i: usize, anchor: Option<Ymd>) -> Option<Cand> {
    let a = anchor?;
    let (len, key) = tk.at(&RELATIVE, i)?;
    // "5 năm tới", "hai tháng tới", "những năm tới": a duration; but
    // "tháng 12 năm ngoái", "ngày 5/3 năm nay" end a date.
    let before = i.checked_sub(1).filter(|&j| tk.same_line(j, i));
    let in_date = |j: usize| j > 0 && (tk.lower(j - 1) == "tháng" || tk.is(j - 1, '/'));
    if before.is_some_and(|j| {
        (tk.t[j].is_number() && !in_date(j))
            || tk.at(&NUMBER_WORDS, j).is_some()
            || tk.word_in(j, &["các", "những", "mấy", "vài", "nhiều"])
    }) {
        return None;
    }
    let off: i32 = key.get(1..)?.parse().ok()?;
    let value = match key.get(..1)? {
        "D" => EventDate::from_anchor(a, off).to_string(),
        "M" => {
            let k = a.year * 12 + i32::from(a.month) - 1 + off;
            format!("{:04}-{:02}", k.div_euclid(12), k.rem_euclid(12) + 1)
        }
        "Y" => format!("{:04}", a.year + off),
        _ => return None,
    };
    Some(Cand::date(i, i + len - 1, value, "date.relative"))
}

/// "tháng 12 năm ngoái", "ngày 5/3 năm nay": a day or month followed by a
/// year named relative to the page's date takes that year (one DATE).
fn relative_years(cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        let year_word = c.rule.starts_with("date.relative") && c.value.len() == 4;
        if let Some(prev) = out
            .last_mut()
            .filter(|p| year_word && p.last + 1 == c.first)
        {
            let date = EventDate::parse(&prev.value)
                .filter(|d| d.month.is_some() && !prev.value.contains('/'));
            if let (Some(d), Ok(y)) = (date, c.value.parse::<i32>()) {
                let with_year = EventDate { year: Some(y), ..d };
                if with_year.day.map_or(true, |day| {
                    Ymd::new(y, with_year.month.unwrap_or(0), day).is_some()
                }) {
                    prev.value = with_year.to_string();
                    prev.last = c.last;
                    prev.rule = format!("{}+year:relative", prev.rule);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// "quý I/2025", "quý 3 năm 2024", "Quý IV": a quarter, `2025-Q1` (or
/// `XXXX-Q4` without a year; the events stage reads no date from it).
fn quarter(tk: &Toks<'_>, i: usize) -> Option<Cand> {
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
            .map(|t| t.lower.clone())
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
    Some(Cand::date(i, last, format!("{year}-Q{q}"), "date.quarter"))
}

/// Weekday names: merged into the date right after them ("Thứ Ba, ngày
/// 13/1/2026"), else a DATE of their own with value `XXXX-WXX-N`.
fn weekdays(tk: &Toks<'_>, cands: &mut Vec<Cand>) {
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
            cands[k].rule = format!("date.weekday+{}", cands[k].rule);
            continue;
        }
        let digit = tk.t[last].is_number();
        let capitals = tk.t[i].capitalised
            && !digit
            && (tk.t[last].capitalised || len == 2 && tk.lower(i) == "chủ");
        let cue = tk.ends_before(&WEEKDAY_CUES, i).is_some();
        let comma_after = tk.is(last + 1, ',');
        let bracket_date = tk.is(last + 1, '(') && start.get(last + 2).is_some_and(Option::is_some);
        if cue || bracket_date || (capitals && !comma_after) {
            found.push(Cand::date(i, last, format!("XXXX-WXX-{n}"), "date.weekday"));
        }
    }
    cands.extend(found);
    cands.sort_by_key(|c| c.first);
}

/// Whether a DATE names a day (or a weekday): what a part of the day can
/// stand before ("Chiều 12/12", "sáng thứ Hai"; not "chiều năm 2024").
fn has_day(c: &Cand) -> bool {
    c.value.starts_with("XXXX-W") || EventDate::parse(&c.value).is_some_and(|d| d.day.is_some())
}

/// For each token, the candidate that starts there, and whether one
/// covers it: one pass, so that the steps after it stay linear.
fn index(tk: &Toks<'_>, cands: &[Cand]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut start = vec![None; tk.t.len()];
    let mut covered = vec![false; tk.t.len()];
    for (k, c) in cands.iter().enumerate() {
        if let Some(s) = start.get_mut(c.first) {
            s.get_or_insert(k);
        }
        let end = (c.last + 1).min(covered.len());
        covered
            .get_mut(c.first..end)
            .into_iter()
            .flatten()
            .for_each(|x| *x = true);
    }
    (start, covered)
}

/// "cuối năm 2015", "đầu tháng 3": the part of the period joins the date.
fn modifiers(tk: &Toks<'_>, cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityKind::Date) {
        if !tk.word_in(c.first, &["năm", "tháng"]) {
            continue;
        }
        if let Some((j, which)) = tk.ends_before(&MODIFIERS, c.first) {
            c.first = j;
            c.rule = format!("{}+{which}", c.rule);
        }
    }
}

/// "Chiều" before a date, "Sáng nay", "chiều qua", "tối hôm qua", "buổi
/// sáng": a TIME with the part-of-day code.
fn parts_of_day(tk: &Toks<'_>, cands: &mut Vec<Cand>) {
    let (start, _) = index(tk, cands);
    let mut found = Vec::new();
    for i in 0..tk.t.len() {
        let Some((1, code)) = tk.at(&PARTS_OF_DAY, i) else {
            continue;
        };
        let next = i + 1;
        let on_line = tk.same_line(i, next);
        let buoi = prev_word(tk, i) == "buổi";
        if tk.ends_before(&PART_OF_DAY_BLOCKERS, i).is_some() {
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
        let first = if buoi { i - 1 } else { i };
        if before_date || buoi {
            found.push(Cand::time(first, i, code.clone(), "time.part_of_day"));
        } else if let Some((len, _)) = follower {
            // "qua", "nay", "mai" belong to it; "hôm qua", "cùng ngày" do not.
            let last = if len == 1 && tk.word_in(next, &["qua", "nay", "mai"]) {
                next
            } else {
                i
            };
            found.push(Cand::time(first, last, code.clone(), "time.part_of_day"));
        }
    }
    cands.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The DATE and TIME entities of `text`, in order.
    fn find(text: &str, ctx: &DocContext) -> Vec<Entity> {
        find_in(&Toks::new(text), ctx)
    }

    fn at(text: &str, anchor: Option<&str>) -> Vec<(EntityKind, String, String)> {
        let ctx = DocContext {
            anchor: anchor.map(|a| a.parse().unwrap()),
            title_span: None,
        };
        find(text, &ctx)
            .into_iter()
            .map(|e| (e.kind, e.text, e.value.unwrap_or_default()))
            .collect()
    }

    fn dates(text: &str) -> Vec<(String, String)> {
        at(text, None).into_iter().map(|(_, t, v)| (t, v)).collect()
    }

    fn pair(t: &str, v: &str) -> (String, String) {
        (t.to_string(), v.to_string())
    }

    #[test]
    fn day_month_forms() {
        assert_eq!(
            dates("Chiều 23/11, tại Vinh"),
            [pair("Chiều", "TAF"), pair("23/11", "--11-23")]
        );
        assert_eq!(dates("Ngày 20/7, tại"), [pair("Ngày 20/7", "--07-20")]);
        assert_eq!(
            dates("Tối 6.6, hai bên"),
            [pair("Tối", "TEV"), pair("6.6", "--06-06")]
        );
        assert_eq!(
            dates("sáng 20-7 tại"),
            [pair("sáng", "TMO"), pair("20-7", "--07-20")]
        );
        assert_eq!(
            dates("ký ngày 05/09/1962."),
            [pair("ngày 05/09/1962", "1962-09-05")]
        );
        assert_eq!(dates("Kỳ họp (3/12) và"), [pair("3/12", "--12-03")]);
    }

    #[test]
    fn months_years_ranges_and_periods() {
        assert_eq!(
            dates("ký tháng 12/2024."),
            [pair("tháng 12/2024", "2024-12")]
        );
        assert_eq!(
            dates("ký hai văn bản (9/2024)"),
            [pair("9/2024", "2024-09")]
        );
        assert_eq!(dates("trong năm 2015 và"), [pair("năm 2015", "2015")]);
        assert_eq!(dates("vào cuối năm 2015"), [pair("cuối năm 2015", "2015")]);
        assert_eq!(dates("đầu tháng 3 tới"), [pair("đầu tháng 3", "--03")]);
        assert_eq!(
            dates("từ ngày 1-2/12"),
            [pair("ngày 1-2/12", "--12-01/--12-02")]
        );
        assert_eq!(
            dates("giai đoạn 2021-2025"),
            [pair("2021-2025", "2021/2025")]
        );
        assert_eq!(
            dates("nhiệm kỳ 2021 - 2026"),
            [pair("2021 - 2026", "2021/2026")]
        );
        assert_eq!(
            dates("từ 30/11-2/12"),
            [pair("30/11-2/12", "--11-30/--12-02")]
        );
        assert_eq!(
            dates("ngày 17 tháng 3 năm 2029"),
            [pair("ngày 17 tháng 3 năm 2029", "2029-03-17")]
        );
    }

    #[test]
    fn day_lists_month_ranges_quarters_and_decades() {
        assert_eq!(
            dates("trong hai ngày 12 và 13/12"),
            [pair("ngày 12", "--12-12"), pair("13/12", "--12-13")]
        );
        assert_eq!(
            dates("từ ngày 10 đến 12/12/2025"),
            [pair("ngày 10 đến 12/12/2025", "2025-12-10/2025-12-12")]
        );
        assert_eq!(
            dates("trong tháng 11-12/2024"),
            [pair("tháng 11-12/2024", "2024-11/2024-12")]
        );
        assert_eq!(
            dates("trong tháng 11-12"),
            [pair("tháng 11-12", "--11/--12")]
        );
        assert_eq!(
            dates("GDP quý I/2025 tăng"),
            [pair("quý I/2025", "2025-Q1")]
        );
        assert_eq!(
            dates("trong quý 3 năm 2024"),
            [pair("quý 3 năm 2024", "2024-Q3")]
        );
        assert_eq!(dates("đến hết quý IV"), [pair("quý IV", "XXXX-Q4")]);
        assert_eq!(dates("từ thập niên 1990"), [pair("thập niên 1990", "199")]);
        assert_eq!(
            dates("trong những năm 1980"),
            [pair("những năm 1980", "198")]
        );
        assert_eq!(dates("Spring Gala 2031 thu hút"), [pair("2031", "2031")]);
        assert_eq!(dates("quý khách"), vec![]);
        assert_eq!(dates("tại Huế vào năm 2019./."), [pair("năm 2019", "2019")]);
        assert_eq!(
            dates("thương mại chiều năm 2024"),
            [pair("năm 2024", "2024")]
        );
        assert_eq!(
            dates("vào Thứ Ba 2025."),
            [pair("Thứ Ba", "XXXX-WXX-2"), pair("2025", "2025")]
        );
        let a = Some("2025-12-13");
        assert_eq!(
            at("cuối năm nay", a),
            [(EntityKind::Date, "cuối năm nay".into(), "2025".into())]
        );
        assert_eq!(
            find(
                "cuối năm nay",
                &DocContext {
                    anchor: Ymd::new(2025, 1, 1),
                    title_span: None
                }
            )[0]
            .rule,
            "date.relative+end"
        );
    }

    #[test]
    fn the_anchor_gives_the_nearest_year_and_nothing_else_does() {
        let a = Some("2025-12-13");
        assert_eq!(at("Chiều 12/12", a)[1].2, "2025-12-12");
        assert_eq!(at("ngày 30/12", Some("2026-01-05"))[0].2, "2025-12-30");
        assert_eq!(
            at("sẽ thăm ngày 10/1", a)[0].2,
            "2026-01-10",
            "a month ahead beats eleven back"
        );
        assert_eq!(
            at("ngày 20/7", Some("2025-02-14"))[0].2,
            "2024-07-20",
            "the past is preferred"
        );
        assert_eq!(at("tháng 10", a)[0].2, "2025-10");
        assert_eq!(
            at("tháng 2", a)[0].2,
            "2026-02",
            "two months ahead beats ten back"
        );
        assert_eq!(at("ngày 1-2/12", a)[0].2, "2025-12-01/2025-12-02");
        assert_eq!(at("ngày 29/2", Some("2025-03-01"))[0].2, "2024-02-29");
        assert_eq!(at("hôm qua", a)[0].2, "2025-12-12");
        assert_eq!(at("năm nay", a)[0].2, "2025");
        assert_eq!(at("5 năm tới", a), vec![], "a duration");
        assert_eq!(at("vào tháng 12 năm ngoái", a)[0].1, "tháng 12 năm ngoái");
        assert_eq!(at("vào tháng 12 năm ngoái", a)[0].2, "2024-12");
        assert_eq!(at("ngày 5/3 năm nay", a)[0].2, "2025-03-05");
        assert_eq!(
            at("ngày 29/2 năm nay", a).len(),
            2,
            "no 29 February in 2025"
        );
        assert_eq!(dates("hôm qua"), vec![], "no anchor, no date");
    }

    #[test]
    fn times_of_day_and_clock_times() {
        assert_eq!(dates("lúc 9h30 sáng nay"), [pair("9h30 sáng", "T09:30")]);
        assert_eq!(
            dates("09:32 | 04/09/2022"),
            [pair("09:32", "T09:32"), pair("04/09/2022", "2022-09-04")]
        );
        assert_eq!(
            dates("lúc 14 giờ ngày 12/12"),
            [pair("14 giờ", "T14:00"), pair("ngày 12/12", "--12-12")]
        );
        assert_eq!(dates("vào 8 giờ tối"), [pair("8 giờ tối", "T20:00")]);
        assert_eq!(
            dates("Chiều qua (28/7), hai bên"),
            [pair("Chiều qua", "TAF"), pair("28/7", "--07-28")]
        );
        assert_eq!(dates("Sáng nay, Thủ tướng"), [pair("Sáng nay", "TMO")]);
        assert_eq!(dates("trong 24 giờ qua, 48h tới"), vec![]);
        assert_eq!(
            dates("từ 10:00-11:30"),
            [pair("10:00-11:30", "T10:00/T11:30")]
        );
        assert_eq!(
            dates("ngày 2025-12-12"),
            [pair("ngày 2025-12-12", "2025-12-12")]
        );
        assert_eq!(dates("lúc 24h30 hoặc 25h"), vec![], "no such hour");
    }

    #[test]
    fn weekdays_and_their_traps() {
        assert_eq!(
            dates("Thứ Năm ngày 15/1/2026"),
            [pair("Thứ Năm ngày 15/1/2026", "2026-01-15")]
        );
        assert_eq!(dates("họp vào Thứ Ba tới"), [pair("Thứ Ba", "XXXX-WXX-2")]);
        assert_eq!(dates("vào thứ 7 tuần này"), [pair("thứ 7", "XXXX-WXX-6")]);
        for text in [
            "Thứ trưởng Bộ Ngoại giao",
            "lần thứ hai",
            "Kỳ họp thứ 48",
            "lần thứ 2",
            "Thứ hai, hai bên",
        ] {
            assert_eq!(dates(text), vec![], "{text}");
        }
    }

    #[test]
    fn numbers_that_are_no_dates() {
        for text in [
            "chiếm 1/3 dân số",
            "phục vụ 24/7",
            "tăng 6.6 lần",
            "thắng 3-1",
            "dịch COVID-19",
            "nhóm G20",
            "Nghị định 12/2019/NĐ-CP",
            "tỷ lệ 1:20",
            "đạt 3,75 tỷ USD",
            "có 2000 người",
            "thương mại hai chiều qua biên giới",
            "đi vào chiều sâu, tối đa",
            "2025 USD",
        ] {
            assert_eq!(dates(text), vec![], "{text}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "/",
            "1/",
            "/1",
            "99999999999/9",
            "ngày",
            "tháng",
            "ngày 31 tháng",
            "Thứ",
            "9h",
            "h30",
            "24:60",
            "(",
            "năm 99999",
            "1-2/",
        ] {
            let _ = at(text, Some("2024-02-29"));
            let _ = at(text, None);
        }
        let long = "ngày 1/1 ".repeat(3000);
        assert_eq!(at(&long, None).len(), 3000);
    }
}
