//! Days, months and years named relative to the page's date ("hôm qua",
//! "tháng tới", "năm nay"), read only when that date is known, and the
//! year they give a date before them ("tháng 12 năm ngoái").

use super::super::numerals::SCALES;
use super::*;

/// "hôm qua", "năm nay", "tháng tới": a date relative to the page's date,
/// read only when that date is known.
pub(super) fn relative(tk: &Toks<'_>, i: usize, anchor: Option<Ymd>) -> Option<Cand> {
    let a = anchor?;
    let (len, key) = tk.at(&RELATIVE, i)?;
    // "5 năm tới", "hai tháng tới", "những năm tới": a duration; so is a
    // count in scale words ("hàng trăm năm trước", "hàng chục năm trước":
    // hundreds of years ago, not last year); but "tháng 12 năm ngoái",
    // "ngày 5/3 năm nay" end a date.
    let before = i.checked_sub(1).filter(|&j| tk.same_line(j, i));
    let in_date = |j: usize| j > 0 && (tk.lower(j - 1) == "tháng" || tk.is(j - 1, '/'));
    if before.is_some_and(|j| {
        (tk.t[j].is_number() && !in_date(j))
            || tk.at(&NUMBER_WORDS, j).is_some()
            || tk.ends_before(&SCALES, i).is_some()
            || tk.word_in(j, &["các", "những", "mấy", "vài", "nhiều", "chục"])
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
    Some(Cand::date(i, i + len - 1, value, Rule::DateRelative))
}

/// "tháng 12 năm ngoái", "ngày 5/3 năm nay": a day or month followed by a
/// year named relative to the page's date takes that year (one DATE).
pub(super) fn relative_years(cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        let year_word = c.rule.base() == Rule::DateRelative && c.value.len() == 4;
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
                    prev.rule.mark(Mark::YearRelative);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}
