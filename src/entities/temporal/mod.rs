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

mod calendar;
mod clock;
mod dates;
mod relative;

use super::numerals::{currency_at, runs, Run, Toks, NUMBER_WORDS};
use crate::text::lists::{keyed, lines, words};
use crate::text::phrases::{Mode, Phrases};
use crate::values::date::{nearest_year, EventDate};
use crate::{DocContext, Entity, EntityKind, Mark, Rule, RuleId, Ymd};
use calendar::{modifiers, quarter, weekdays};
use clock::{clock_of_run, clock_word, parts_of_day};
use dates::date_of_run;
use relative::{relative, relative_years};
use std::sync::LazyLock;

macro_rules! list {
    ($name:ident, $kind:ident, $file:literal) => {
        static $name: LazyLock<Phrases<$kind>> = LazyLock::new(
    || list!(@load $kind, include_str!(concat!("../../../data/entities/temporal/", $file))),
        );
    };
    (@load String, $data:expr) => {
        keyed($data, Mode::AnyCase)
    };
    (@load Unit, $data:expr) => {
        words($data, Mode::AnyCase)
    };
}
type Unit = ();

list!(PARTS_OF_DAY, String, "parts_of_day.tsv");
list!(PART_OF_DAY_FOLLOWERS, Unit, "part_of_day_followers.txt");
list!(PART_OF_DAY_BLOCKERS, Unit, "part_of_day_blockers.txt");
list!(WORK_NOUNS, Unit, "work_nouns.txt");
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
    lines(include_str!(
        "../../../data/entities/temporal/not_dates.txt"
    ))
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
    rule: RuleId,
}

impl Cand {
    fn date(first: usize, last: usize, value: String, rule: Rule) -> Cand {
        Cand {
            first,
            last,
            kind: EntityKind::Date,
            value,
            rule: rule.into(),
        }
    }
    fn time(first: usize, last: usize, value: String, rule: Rule) -> Cand {
        Cand {
            first,
            last,
            kind: EntityKind::Time,
            value,
            rule: rule.into(),
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
        cands.extend(quarter(tk, i, anchor));
    }
    let mut cands = relative_years(resolve(cands));
    weekdays(tk, &mut cands);
    modifiers(tk, &mut cands);
    parts_of_day(tk, &mut cands);
    resolve(cands)
        .into_iter()
        .map(|mut c| {
            if year_from_anchor(tk, &c) {
                c.rule.mark(Mark::YearAnchor);
            }
            c
        })
        .filter_map(|c| tk.entity(c.kind, c.first, c.last, c.value, c.rule))
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
        && c.rule.base() != Rule::DateRelative
        && !c.rule.has(Mark::YearRelative)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The DATE and TIME entities of `text`, in order.
    fn find(text: &str, ctx: &DocContext) -> Vec<Entity> {
        let toks = crate::text::tokens::tokenize_all(text);
        find_in(&Toks::new(text, &toks), ctx)
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
    fn a_date_typed_with_a_stray_space_is_one_date() {
        // Issue 13: "Tối 24- 4-2010" as some sites type it.
        assert!(dates("Tối 17- 6-2031, đoàn tới Huế.").contains(&pair("17- 6-2031", "2031-06-17")));
        assert!(dates("Sáng 5 -11-2030 họp.").contains(&pair("5 -11-2030", "2030-11-05")));
        // A score or a range with spaces stays no date.
        assert!(dates("thắng 3- 2 trước đội khách").is_empty());
    }

    #[test]
    fn a_span_of_years_in_words_is_one_period() {
        // Issue 17 review (p20): "từ năm X đến Y" is one DATE.
        assert_eq!(
            dates("công ty vay vốn từ năm 2016 đến 2018 rồi"),
            [pair("năm 2016 đến 2018", "2016/2018")]
        );
        assert_eq!(
            dates("giai đoạn năm 2030 tới năm 2035."),
            [pair("năm 2030 tới năm 2035", "2030/2035")]
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
        // Issue 13: the month and year in words after a range of days.
        assert_eq!(
            dates("hội chợ mở từ ngày 06 đến 09 tháng 05 năm 2027 tại"),
            [pair(
                "ngày 06 đến 09 tháng 05 năm 2027",
                "2027-05-06/2027-05-09"
            )]
        );
        assert_eq!(
            dates("trại hè kéo dài từ ngày 3 đến 7 tháng 8"),
            [pair("ngày 3 đến 7 tháng 8", "--08-03/--08-07")]
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
