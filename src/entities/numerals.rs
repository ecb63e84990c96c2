//! Written numerals, read the Vietnamese way, which both value recognisers
//! ([`super::temporal`], [`super::quantities`]) share: the tokens with the
//! checks both need ([`Toks`]), glued runs of digits and separators
//! ([`Run`]), the value of a number written with dots and commas
//! ([`number`]), number words ("ba", "mười") and currency words after an
//! amount ([`currency_at`]).
//!
//! Vietnamese writes a decimal comma and a thousands dot: "1.500" is 1500,
//! "2,25" is 2.25, "1.500.000,5" is 1500000.5. An English-style "1.5" (one
//! dot, one or two digits) is read as 1.5 and "1,500,000" (two or more
//! comma groups of three) as 1500000.

use crate::text::lists::{keyed, pairs};
use crate::text::phrases::{Mode, Phrases};
use crate::text::tokens::Token;
use crate::values::decimal::Dec;
use crate::{Entity, EntityKind, RuleId};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub(super) static NUMBER_WORDS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    keyed(
        include_str!("../../data/entities/quantities/number_words.tsv"),
        Mode::AnyCase,
    )
});

/// Scale words after a number ("trăm", "triệu", "tỷ"): read by the amounts
/// and, as a count, by the dates ("hàng trăm năm trước" is a duration).
pub(super) static SCALES: LazyLock<Phrases<String>> = LazyLock::new(|| {
    keyed(
        include_str!("../../data/entities/quantities/scales.tsv"),
        Mode::AnyCase,
    )
});

static CURRENCIES: LazyLock<Phrases<String>> = LazyLock::new(|| {
    keyed(
        include_str!("../../data/entities/quantities/currencies.tsv"),
        Mode::AnyCase,
    )
});

/// Currency symbols of the list ("$", "€"): one punctuation token each.
pub(super) static CURRENCY_SYMBOLS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    pairs(include_str!(
        "../../data/entities/quantities/currencies.tsv"
    ))
    .filter(|(_, w)| w.chars().count() == 1 && !w.chars().all(char::is_alphanumeric))
    .map(|(code, w)| (w.to_string(), code.to_string()))
    .collect()
});

/// (currency word, next word) pairs that are other words ("đồng chí").
static CURRENCY_BLOCKERS: LazyLock<HashSet<(String, String)>> = LazyLock::new(|| {
    pairs(include_str!(
        "../../data/entities/quantities/currency_blockers.tsv"
    ))
    .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
    .collect()
});

/// The tokens of a text, with the checks that the value rules share.
pub(super) struct Toks<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens (see [`crate::text::tokens`]).
    pub t: &'a [Token],
}

impl<'a> Toks<'a> {
    /// The tokens `t` of `text`.
    pub fn new(text: &'a str, t: &'a [Token]) -> Toks<'a> {
        Toks { text, t }
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    pub fn glued(&self, i: usize) -> bool {
        matches!((self.t.get(i), self.t.get(i + 1)), (Some(a), Some(b)) if a.span.end == b.span.start)
    }

    /// Whether tokens `a` and `b` (a before b) are on the same line.
    pub fn same_line(&self, a: usize, b: usize) -> bool {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) => a <= b && x.line == y.line,
            _ => false,
        }
    }

    /// The lower-cased token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn is(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is(c))
    }

    /// Whether token `i` is a word whose lower case is one of `words`.
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is_word() && words.contains(&t.lower.as_str()))
    }

    /// The phrase of `lex` that starts at token `i`, on one line: its
    /// length in tokens and payload.
    pub fn at<'l, T>(&self, lex: &'l Phrases<T>, i: usize) -> Option<(usize, &'l T)> {
        lex.all_at(self.t, i)
            .find(|(len, _)| self.same_line(i, i + len - 1))
    }

    /// The phrase of `lex` that ends right before token `i`, on i's line:
    /// the token it starts at and its payload.
    pub fn ends_before<'l, T>(&self, lex: &'l Phrases<T>, i: usize) -> Option<(usize, &'l T)> {
        (1..=4.min(i)).find_map(|len| {
            let j = i - len;
            let found = lex.all_at(self.t, j).find(|(l, _)| *l == len)?;
            self.same_line(j, i).then_some((j, found.1))
        })
    }

    /// Whether token `i` starts a paragraph (or the text).
    pub fn starts_line(&self, i: usize) -> bool {
        i == 0 || !self.same_line(i - 1, i)
    }

    /// An entity over tokens `first..=last`.
    pub fn entity(
        &self,
        kind: EntityKind,
        first: usize,
        last: usize,
        value: String,
        rule: impl Into<RuleId>,
    ) -> Option<Entity> {
        let span = self.t.get(first)?.span.start..self.t.get(last)?.span.end;
        let text = self.text.get(span.clone())?.to_string();
        // Mentions of one date or amount share its value as their name.
        Some(Entity {
            kind,
            canonical: value.clone(),
            text,
            start: 0,
            end: 0,
            value: Some(value),
            roles: Vec::new(),
            country: None,
            rule: rule.into(),
            span,
        })
    }
}

/// Separators that may join the digit groups of one written numeral.
const SEPARATORS: &[char] = &['/', '.', ',', ':', '-', '–'];

/// A maximal run of digit groups joined by separators with no space:
/// "12/12", "2,25", "1.500.000", "1-2/12", "2021-2025", "09:32".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Run<'a> {
    /// First token (a number).
    pub first: usize,
    /// Last token (a number).
    pub last: usize,
    /// The digit groups.
    pub nums: Vec<&'a str>,
    /// The separators between them (`nums.len() - 1`).
    pub seps: Vec<char>,
    /// Glued to letters or a code ("COVID-19", "12/2019/NĐ-CP", "+84"):
    /// part of a name, not a value.
    pub code: bool,
    /// The last group carries a glued "đ" ("25.000đ", "500đ"): an amount
    /// of đồng.
    pub dong: bool,
}

/// The digits of a word such as "000đ" or "500Đ" (a glued đồng sign).
fn dong_digits<'a>(tk: &Toks<'a>, i: usize) -> Option<&'a str> {
    let t =
        tk.t.get(i)
            .filter(|t| t.is_word() && t.lower.ends_with('đ'))?;
    let written = tk.text.get(t.span.clone())?;
    let digits = &written[..written.len() - 'đ'.len_utf8()];
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

impl Run<'_> {
    /// The digit groups as numbers (`None` for absurdly long groups).
    pub fn values(&self) -> Option<Vec<u32>> {
        self.nums
            .iter()
            .map(|n| if n.len() > 9 { None } else { n.parse().ok() })
            .collect()
    }
}

/// Whether the separator after the day at `i` opens a day-month-year
/// typed with one stray space beside it ("24- 4-2010", "24 -4-2010"): the
/// same separator again, glued, and a four-digit year close the form, so
/// it cannot be a range or a score.
fn spaced_date(tk: &Toks<'_>, i: usize, c: char) -> bool {
    let t = &tk.t;
    let short = |k: usize| t.get(k).is_some_and(|x| x.is_number() && x.span.len() <= 2);
    let one_side = tk.glued(i) != tk.glued(i + 1);
    let next_sep = t
        .get(i + 3)
        .is_some_and(|x| !x.word && x.lower.starts_with(c));
    let year = t
        .get(i + 4)
        .is_some_and(|x| x.is_number() && x.span.len() == 4);
    matches!(c, '-' | '/' | '.')
        && one_side
        && short(i)
        && (i == 0 || !t[i - 1].is_number() && !tk.glued(i - 1))
        && short(i + 2)
        && next_sep
        && tk.glued(i + 2)
        && tk.glued(i + 3)
        && year
}

/// The runs of `tk`, in order.
pub(super) fn runs<'a>(tk: &Toks<'a>) -> Vec<Run<'a>> {
    let t = &tk.t;
    let sep = |i: usize| {
        t.get(i)
            .filter(|x| !x.word)
            .and_then(|x| x.lower.chars().next())
            .filter(|c| SEPARATORS.contains(c))
    };
    let digits = |i: usize| tk.text.get(t[i].span.clone()).unwrap_or("");
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_number() {
            // "500đ": one word, digits and the đồng sign.
            if let Some(d) = dong_digits(tk, i).filter(|_| i == 0 || !tk.glued(i - 1)) {
                out.push(Run {
                    first: i,
                    last: i,
                    nums: vec![d],
                    seps: vec![],
                    code: false,
                    dong: true,
                });
            }
            i += 1;
            continue;
        }
        let first = i;
        let mut nums = vec![digits(i)];
        let mut seps = Vec::new();
        while let Some(c) = sep(i + 1) {
            let joined = tk.glued(i) && tk.glued(i + 1);
            if !((joined || spaced_date(tk, i, c)) && t.get(i + 2).is_some_and(Token::is_number)) {
                break;
            }
            seps.push(c);
            nums.push(digits(i + 2));
            i += 2;
        }
        let last = i;
        // Left: "COVID-19", "A/1", "+84"; right: "12/2019/NĐ", "3-CP".
        // "COVID-19", "GMT+7", "A/1" (a sign or separator glued to a word).
        let left = first > 0
            && tk.glued(first - 1)
            && (t[first - 1].is_word()
                || ((sep(first - 1).is_some() || t[first - 1].is('+'))
                    && first > 1
                    && tk.glued(first - 2)
                    && t[first - 2].is_word()));
        let glued_sep = sep(last + 1).filter(|_| tk.glued(last) && tk.glued(last + 1));
        // "25.000đ": the last group carries the đồng sign.
        if let (Some(c), Some(d)) = (glued_sep, dong_digits(tk, last + 2)) {
            seps.push(c);
            nums.push(d);
            out.push(Run {
                first,
                last: last + 2,
                nums,
                seps,
                code: left,
                dong: true,
            });
            i = last + 3;
            continue;
        }
        let right = glued_sep.is_some() && t.get(last + 2).is_some_and(Token::is_word);
        out.push(Run {
            first,
            last,
            nums,
            seps,
            code: left || right,
            dong: false,
        });
        i += 1;
    }
    out
}

/// Thousands groups: the first of 1–3 digits, the others of exactly 3.
fn grouped(groups: &[&str]) -> bool {
    groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The value of a written number made of `nums` joined by `seps` (only
/// `.` and `,`), read the Vietnamese way first.
pub(super) fn number(nums: &[&str], seps: &[char]) -> Option<Dec> {
    let first = nums.first()?;
    if first.len() > 1 && first.starts_with('0') {
        return None; // "024", "0912": a code or a phone number
    }
    if seps.iter().any(|c| !matches!(c, '.' | ',')) {
        return None;
    }
    let dots = seps.iter().filter(|c| **c == '.').count();
    let commas = seps.len() - dots;
    match (dots, commas) {
        (0, 0) => Dec::from_digits(first, ""),
        // "1.500", "1.500.000"; an English "1.5".
        (_, 0) if grouped(nums) => Dec::from_digits(&nums.concat(), ""),
        (1, 0) if nums[1].len() <= 2 => Dec::from_digits(first, nums[1]),
        // "2,25"; an English "1,500,000".
        (0, 1) => Dec::from_digits(first, nums[1]),
        (0, _) if grouped(nums) => Dec::from_digits(&nums.concat(), ""),
        // "1.500,5" and an English "1,234.5".
        (_, 1) if seps.last() == Some(&',') && grouped(&nums[..nums.len() - 1]) => {
            Dec::from_digits(&nums[..nums.len() - 1].concat(), nums[nums.len() - 1])
        }
        (1, _) if seps.last() == Some(&'.') && grouped(&nums[..nums.len() - 1]) => {
            Dec::from_digits(&nums[..nums.len() - 1].concat(), nums[nums.len() - 1])
        }
        _ => None,
    }
}

/// The currency word or symbol at token `i`, unless the next word makes it
/// another word ("đồng chí").
pub(super) fn currency_at(tk: &Toks<'_>, i: usize) -> Option<(usize, String)> {
    if i == 0 || !tk.same_line(i - 1, i) {
        return None;
    }
    if let Some(code) =
        tk.t.get(i)
            .filter(|t| !t.is_word())
            .and_then(|t| CURRENCY_SYMBOLS.get(t.lower.as_str()))
    {
        return Some((1, code.clone()));
    }
    let (len, code) = tk.at(&CURRENCIES, i)?;
    let blocked = len == 1
        && tk.t.get(i + 1).is_some_and(|n| n.is_word())
        && tk.same_line(i, i + 1)
        && CURRENCY_BLOCKERS.contains(&(tk.lower(i).to_string(), tk.lower(i + 1).to_string()));
    (!blocked).then(|| (len, code.clone()))
}
