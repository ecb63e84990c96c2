//! NUM, MONEY and PERCENT entities (issue 4), from the numerals of
//! [`super::numerals`]. Values are plain decimals ([`Dec`]) with a dot and
//! no grouping:
//!
//! - NUM: `"3000000"` for "3 triệu", `"2223"` for "2.223";
//! - MONEY: amount, space, ISO 4217 code: `"2250000000 USD"` for "2,25 tỷ
//!   USD", `"500000 VND"` for "500.000 đồng";
//! - PERCENT: the number without the sign: `"8.02"` for "8,02%";
//! - a range ("5-7%", "3-5 triệu USD") gives `low/high`: `"5/7"`,
//!   `"3000000/5000000 USD"`.
//!
//! Digits that belong to a name or a code ("COVID-19", "G20", "FMM-3",
//! "12/2019/NĐ-CP"), phone numbers ("0912.345.678", "024 3825 1234",
//! "+84 …"), identifiers and ordinals ("số 5", "phiên bản 2.0", "Kỳ họp thứ
//! 48"), and every number a DATE or TIME took, give no entity.

use super::numerals::{
    currency_at, number, runs, Run, Toks, CURRENCY_SYMBOLS, NUMBER_WORDS, SCALES,
};
use crate::text::lists::words;
use crate::text::phrases::{Mode, Phrases};
use crate::text::tokens::Token;
use crate::values::decimal::Dec;
use crate::{Entity, EntityKind, Rule};
use std::sync::LazyLock;

static PERCENT_WORDS: LazyLock<Phrases<()>> = LazyLock::new(|| {
    words(
        include_str!("../../data/entities/quantities/percent.txt"),
        Mode::AnyCase,
    )
});
static IDENTIFIER_CUES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    words(
        include_str!("../../data/entities/quantities/identifier_cues.txt"),
        Mode::AnyCase,
    )
});

/// NUM, MONEY and PERCENT entities of the tokens `tk`, in order, leaving
/// out every number a DATE or TIME took: `dates` are those the temporal
/// recogniser read from the same tokens (one tokenisation and one date pass
/// serve both).
pub(super) fn find_in(tk: &Toks<'_>, dates: &[Entity]) -> Vec<Entity> {
    let mut taken = vec![false; tk.t.len()];
    for e in dates {
        let from = tk.t.partition_point(|t| t.span.start < e.span.start);
        for (i, t) in tk.t.iter().enumerate().skip(from) {
            if t.span.end > e.span.end {
                break;
            }
            taken[i] = true;
        }
    }
    let mut out = Vec::new();
    let runs = runs(tk);
    let mut phone_until = None;
    for (r, run) in runs.iter().enumerate() {
        if phone_until.is_some_and(|u| r <= u) || taken[run.first..=run.last].iter().any(|x| *x) {
            continue;
        }
        if is_phone(tk, run) {
            phone_until = Some(phone_end(tk, &runs, r));
            continue;
        }
        let inside = out
            .last()
            .is_some_and(|e: &Entity| tk.t[run.first].span.start < e.span.end);
        // "số 5", "Hotline: 1900…": the cue may end in a colon.
        let colon = run.first > 0 && tk.is(run.first - 1, ':');
        let cue_at = if colon { run.first - 1 } else { run.first };
        if inside || run.code || tk.ends_before(&IDENTIFIER_CUES, cue_at).is_some() {
            continue;
        }
        out.extend(quantity(tk, run));
    }
    out.extend(worded(tk, &taken));
    out.sort_by_key(|e| e.span.start);
    out
}

/// "0912.345.678", "024 …", "+84 …", "1900 6789".
fn is_phone(tk: &Toks<'_>, run: &Run<'_>) -> bool {
    let lead0 = run.nums[0].len() >= 3 && run.nums[0].starts_with('0');
    let plus = run.first > 0 && tk.is(run.first - 1, '+') && tk.glued(run.first - 1);
    // "1900 6789": no quantity is written as two numbers side by side.
    let next = run.last + 1;
    let pair = tk.t.get(next).is_some_and(|t| t.is_number()) && tk.same_line(run.last, next);
    // "+84 24 …" is a phone number, "+84" alone a country code; "+5%" is
    // a change.
    let code = plus && run.nums[0].len() >= 2 && !tk.is(next, '%');
    lead0 || code || pair
}

/// The last run of the phone number that starts at run `r`: the digit
/// groups that follow it on the line, space- or dash-separated.
fn phone_end(tk: &Toks<'_>, runs: &[Run<'_>], r: usize) -> usize {
    let mut end = r;
    while let Some(next) = runs.get(end + 1) {
        let gap = tk.t.get(runs[end].last + 1..next.first).unwrap_or(&[]);
        if !tk.same_line(runs[end].last, next.first)
            || gap.len() > 1
            || gap.iter().any(|t| !(t.is('-') || t.is('.')))
        {
            break;
        }
        end += 1;
    }
    end
}

/// What follows an amount: scale, then "%", "phần trăm" or a currency.
struct Tail {
    /// Power of ten the scale words give.
    exp: u32,
    /// The last token of the mention.
    last: usize,
    /// PERCENT, MONEY (with its code) or NUM.
    kind: EntityKind,
    code: Option<String>,
    rule: Rule,
}

/// The scale, percent sign or currency after token `after` (the amount's
/// last token); the parts of "1 tỷ 200 triệu" after the first are added to
/// `amount` on the way.
fn tail(tk: &Toks<'_>, after: usize, amount: &mut Dec) -> Tail {
    let mut last = after;
    let mut exp = 0;
    if let Some((len, e)) = tk
        .at(&SCALES, after + 1)
        .filter(|_| tk.same_line(after, after + 1))
    {
        exp = e.parse().unwrap_or(0);
        last = after + len;
        // "1 tỷ 200 triệu": a smaller scale with its own number.
        let mut prev_exp = exp;
        while tk.t.get(last + 1).is_some_and(Token::is_number) && tk.same_line(last, last + 1) {
            let Some((len2, e2)) = tk.at(&SCALES, last + 2) else {
                break;
            };
            let e2: u32 = e2.parse().unwrap_or(0);
            let part = Dec::from_digits(tk.lower(last + 1), "").and_then(|d| d.shifted(e2));
            match (e2 < prev_exp, part) {
                (true, Some(p)) if p.below_pow10(prev_exp) => {
                    if let Some(sum) = amount.shifted(exp).and_then(|a| a.plus(p)) {
                        *amount = sum;
                        exp = 0;
                        prev_exp = e2;
                        last += 1 + len2;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
    }
    let next = last + 1;
    if tk.is(next, '%') && tk.same_line(last, next) {
        return Tail {
            exp,
            last: next,
            kind: EntityKind::Percent,
            code: None,
            rule: Rule::PercentSign,
        };
    }
    if let Some((len, _)) = tk
        .at(&PERCENT_WORDS, next)
        .filter(|_| tk.same_line(last, next))
    {
        let rule = if tk.lower(next) == "điểm" {
            Rule::PercentPoints
        } else {
            Rule::PercentWords
        };
        return Tail {
            exp,
            last: last + len,
            kind: EntityKind::Percent,
            code: None,
            rule,
        };
    }
    if let Some((len, code)) = currency_at(tk, next) {
        return Tail {
            exp,
            last: last + len,
            kind: EntityKind::Money,
            code: Some(code),
            rule: Rule::MoneyCurrency,
        };
    }
    let rule = if exp > 0 {
        Rule::NumScale
    } else {
        Rule::NumDigits
    };
    Tail {
        exp,
        last,
        kind: EntityKind::Num,
        code: None,
        rule,
    }
}

/// The entity of one run of digits, if it is a quantity.
fn quantity(tk: &Toks<'_>, run: &Run<'_>) -> Option<Entity> {
    if run.dong {
        let value = with_code(number(&run.nums, &run.seps)?.to_string(), Some("VND"));
        return tk.entity(
            EntityKind::Money,
            run.first,
            run.last,
            value,
            Rule::MoneySuffix,
        );
    }
    // "5-7%", "3-5 triệu USD": a range of two plain numbers.
    let cut = run.seps.iter().position(|c| matches!(c, '-' | '–'));
    let (low, high) = match cut {
        Some(k) => {
            let high = number(&run.nums[k + 1..], &run.seps[k + 1..])?;
            (number(&run.nums[..=k], &run.seps[..k])?, Some(high))
        }
        None => (number(&run.nums, &run.seps)?, None),
    };
    let mut amount = low;
    let t = tail(tk, run.last, &mut amount);
    let low = amount.shifted(t.exp)?;
    let high = match high {
        Some(h) => Some(h.shifted(t.exp)?),
        None => None,
    };
    if high.is_some() && t.kind == EntityKind::Num && t.exp == 0 {
        return None; // "3-1" (a score), "5-7" alone: no value to trust
    }
    // "$5", "US$ 5 triệu": a symbol before the amount.
    let mut first = run.first;
    let mut kind = t.kind;
    let mut code = t.code.clone();
    let mut rule = t.rule;
    if kind == EntityKind::Num && first > 0 && tk.same_line(first - 1, first) {
        if let Some(c) =
            tk.t.get(first - 1)
                .filter(|t| !t.is_word())
                .and_then(|t| CURRENCY_SYMBOLS.get(t.lower.as_str()))
        {
            first -= 1;
            if first > 0 && tk.glued(first - 1) && tk.lower(first - 1) == "us" {
                first -= 1;
            }
            (kind, code, rule) = (EntityKind::Money, Some(c.clone()), Rule::MoneySymbol);
        }
    }
    let value = match high {
        Some(h) => format!("{low}/{h}"),
        None => low.to_string(),
    };
    // "-5 độ C", "giảm -0,5%": a minus glued to the amount and to nothing
    // before it.
    let minus = |i: usize| tk.is(i, '-') || tk.is(i, '−');
    let value = if high.is_none()
        && first > 0
        && minus(first - 1)
        && tk.glued(first - 1)
        && (first == 1 || !tk.glued(first - 2))
    {
        first -= 1;
        format!("-{value}")
    } else {
        value
    };
    tk.entity(kind, first, t.last, with_code(value, code.as_deref()), rule)
}

/// A MONEY value: the amount, a space and the currency code.
fn with_code(amount: String, code: Option<&str>) -> String {
    match code {
        Some(c) => format!("{amount} {c}"),
        None => amount,
    }
}

/// "hai triệu", "ba tỷ đồng": a number word before a scale word.
fn worded(tk: &Toks<'_>, taken: &[bool]) -> Vec<Entity> {
    let mut out = Vec::new();
    for (i, &done) in taken.iter().enumerate() {
        let Some((1, n)) = tk.at(&NUMBER_WORDS, i) else {
            continue;
        };
        if done || tk.at(&SCALES, i + 1).is_none() || !tk.same_line(i, i + 1) {
            continue;
        }
        let mut amount = Dec::int(n.parse().unwrap_or(0));
        let t = tail(tk, i, &mut amount);
        let Some(value) = amount.shifted(t.exp) else {
            continue;
        };
        let value = with_code(value.to_string(), t.code.as_deref());
        let rule = if t.kind == EntityKind::Num {
            Rule::NumWords
        } else {
            t.rule
        };
        out.extend(tk.entity(t.kind, i, t.last, value, rule));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::temporal;
    use crate::text::tokens::tokenize_all;
    use crate::DocContext;

    /// The NUM, MONEY and PERCENT entities of `text`.
    fn find(text: &str, ctx: &DocContext) -> Vec<Entity> {
        let toks = tokenize_all(text);
        let tk = Toks::new(text, &toks);
        find_in(&tk, &temporal::find_in(&tk, ctx))
    }

    fn values(text: &str) -> Vec<(EntityKind, String, String)> {
        find(text, &DocContext::default())
            .into_iter()
            .map(|e| (e.kind, e.text, e.value.unwrap_or_default()))
            .collect()
    }

    fn one(text: &str) -> (EntityKind, String, String) {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn numbers_read_the_vietnamese_way() {
        let n = |nums: &[&str], seps: &str| {
            number(nums, &seps.chars().collect::<Vec<_>>()).map(|d| d.to_string())
        };
        assert_eq!(n(&["1", "500"], ".").as_deref(), Some("1500"));
        assert_eq!(n(&["2", "25"], ",").as_deref(), Some("2.25"));
        assert_eq!(
            n(&["1", "500", "000", "5"], "..,").as_deref(),
            Some("1500000.5")
        );
        assert_eq!(n(&["1", "500", "000"], ",,").as_deref(), Some("1500000"));
        assert_eq!(n(&["1", "234", "5"], ",.").as_deref(), Some("1234.5"));
        assert_eq!(n(&["1", "5"], ".").as_deref(), Some("1.5"));
        assert_eq!(n(&["0", "50"], ",").as_deref(), Some("0.5"));
        assert_eq!(
            n(&["1", "2", "3"], "..").as_deref(),
            None,
            "a version, not a number"
        );
        assert_eq!(
            n(&["0912", "345", "678"], "..").as_deref(),
            None,
            "a phone number"
        );
        assert_eq!(n(&["9".repeat(30).as_str()], "").as_deref(), None);
    }

    #[test]
    fn decimals_shift_and_add_exactly() {
        let d = Dec::from_digits("2", "25").unwrap();
        assert_eq!(d.shifted(9).unwrap().to_string(), "2250000000");
        assert_eq!(Dec::from_digits("0", "005").unwrap().to_string(), "0.005");
        assert_eq!(
            Dec::int(1)
                .shifted(9)
                .unwrap()
                .plus(Dec::int(2).shifted(8).unwrap())
                .unwrap()
                .to_string(),
            "1200000000"
        );
        assert_eq!(Dec::int(u64::MAX).shifted(40), None);
    }

    #[test]
    fn money_percent_and_scaled_numbers() {
        assert_eq!(
            one("đạt 2,25 tỷ USD."),
            (
                EntityKind::Money,
                "2,25 tỷ USD".into(),
                "2250000000 USD".into()
            )
        );
        assert_eq!(
            one("tăng 8,02% so với"),
            (EntityKind::Percent, "8,02%".into(), "8.02".into())
        );
        assert_eq!(
            one("có 3 triệu người"),
            (EntityKind::Num, "3 triệu".into(), "3000000".into())
        );
        assert_eq!(
            one("gần 2.000 tài xế"),
            (EntityKind::Num, "2.000".into(), "2000".into())
        );
        assert_eq!(
            one("giá 500.000 đồng một vé"),
            (
                EntityKind::Money,
                "500.000 đồng".into(),
                "500000 VND".into()
            )
        );
        assert_eq!(
            one("vay 1 tỷ 200 triệu đồng"),
            (
                EntityKind::Money,
                "1 tỷ 200 triệu đồng".into(),
                "1200000000 VND".into()
            )
        );
        assert_eq!(
            one("khoảng hai triệu kíp"),
            (
                EntityKind::Money,
                "hai triệu kíp".into(),
                "2000000 LAK".into()
            )
        );
        assert_eq!(
            one("tăng 5-7%"),
            (EntityKind::Percent, "5-7%".into(), "5/7".into())
        );
        assert_eq!(
            one("nhận US$5 triệu"),
            (EntityKind::Money, "US$5 triệu".into(), "5000000 USD".into())
        );
        assert_eq!(one("tăng 0,5 điểm phần trăm").2, "0.5");
        assert_eq!(
            one("giá 25.000đ/kg"),
            (EntityKind::Money, "25.000đ".into(), "25000 VND".into())
        );
        assert_eq!(
            one("vé 500đ"),
            (EntityKind::Money, "500đ".into(), "500 VND".into())
        );
        assert_eq!(values("mã A500đ"), vec![]);
        assert_eq!(
            one("chỉ số +5% và"),
            (EntityKind::Percent, "5%".into(), "5".into())
        );
        assert_eq!(
            one("nhiệt độ -5 độ C"),
            (EntityKind::Num, "-5".into(), "-5".into())
        );
        assert_eq!(values("múi giờ GMT+7"), vec![]);
        let both: Vec<String> = values("từ 30%-40%").into_iter().map(|v| v.2).collect();
        assert_eq!(both, ["30", "40"]);
    }

    #[test]
    fn codes_phones_ordinals_and_scores_are_no_quantities() {
        for text in [
            "dịch COVID-19 và nhóm G20",
            "Kỳ họp thứ 48 Ủy ban",
            "gọi 0912.345.678 hoặc 024 3825 1234",
            "tổng đài +84 24 3825 1234",
            "theo Nghị định số 15 và phiên bản 2.0",
            "thắng 3-1",
            "hai đồng chí",
            "Hội nghị FMM-3",
        ] {
            assert_eq!(values(text), vec![], "{text}");
        }
        assert_eq!(
            one("có 3 đồng chí").0,
            EntityKind::Num,
            "đồng before chí is no currency"
        );
    }

    #[test]
    fn dates_and_times_keep_their_digits() {
        assert_eq!(values("Chiều 12/12, lúc 9h30, năm 2015"), vec![]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "1",
            "1.",
            ",1",
            "1,,2",
            "99999999999999999999999999999 tỷ tỷ",
            "1%%",
            "đ1",
            "$",
            "1 tỷ 999999999999999 triệu",
        ] {
            let _ = values(text);
        }
        let long = "1.".repeat(5000);
        let _ = values(&long);
    }
}
