//! The cleaner's line patterns — date and clock stamps, relative stamps,
//! web addresses, credits in parentheses, bracketed media titles — written
//! as byte code rather than regular expressions. Each was a `regex`
//! pattern; the crate's compiler and matching engines were about a fifth of
//! the gzipped wasm for nine short patterns (issue 16), and these checks run
//! on every line. The tests hold each matcher to the pattern it replaces,
//! quoted in its doc comment, on generated lines.
//!
//! Digits are ASCII digits only, as `[0-9]` was; a byte outside ASCII is
//! part of a character that is no digit, separator or ASCII letter, so the
//! scans read bytes.

/// The end of the run of ASCII digits that starts at `i` (`i` itself when
/// there is none).
fn digits_end(b: &[u8], i: usize) -> usize {
    i + b
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// The maximal runs of ASCII digits of `b`, as byte ranges, in order.
fn digit_runs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let run = (i, digits_end(b, i));
        i = run.1;
        Some(run)
    })
}

/// A run of ASCII digits at `i` of one or two digits exactly, ending where
/// the next byte is no digit; its end.
fn short_number(b: &[u8], i: usize) -> Option<usize> {
    let end = digits_end(b, i);
    (1..=2).contains(&(end - i)).then_some(end)
}

/// A year 19xx or 20xx of four digits exactly at `i`; its end.
fn year(b: &[u8], i: usize) -> Option<usize> {
    let end = digits_end(b, i);
    let century = b.get(i..i + 2).is_some_and(|c| c == b"19" || c == b"20");
    (end - i == 4 && century).then_some(end)
}

fn date_separator(b: &[u8], i: usize) -> bool {
    matches!(b.get(i), Some(b'/' | b'.' | b'-'))
}

/// Day, month and year of the first date written day first ("23/03/2021",
/// "1.6.2020", "5-12-1999"): the groups of
/// `(?:^|[^0-9])([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]((?:19|20)[0-9]{2})(?:[^0-9]|$)`.
pub fn day_month_year(s: &str) -> Option<(&str, &str, &str)> {
    let b = s.as_bytes();
    digit_runs(b).find_map(|(d0, d1)| {
        let d1 = short_number(b, d0).filter(|&e| e == d1 && date_separator(b, e))?;
        let m0 = d1 + 1;
        let m1 = short_number(b, m0).filter(|&e| date_separator(b, e))?;
        let y0 = m1 + 1;
        let y1 = year(b, y0)?;
        Some((&s[d0..d1], &s[m0..m1], &s[y0..y1]))
    })
}

/// Year, month and day of the first date written year first with hyphens
/// ("2023-08-14"): the groups of
/// `(?:^|[^0-9])((?:19|20)[0-9]{2})-([0-9]{1,2})-([0-9]{1,2})(?:[^0-9]|$)`.
/// With `two_digits`, month and day have two digits each (`[0-9]{2}`).
pub fn year_month_day(s: &str, two_digits: bool) -> Option<(&str, &str, &str)> {
    let b = s.as_bytes();
    let part = |i: usize| short_number(b, i).filter(|&e| !two_digits || e - i == 2);
    digit_runs(b).find_map(|(y0, y1)| {
        year(b, y0).filter(|&e| e == y1 && b.get(e) == Some(&b'-'))?;
        let m0 = y1 + 1;
        let m1 = part(m0).filter(|&e| b.get(e) == Some(&b'-'))?;
        let d0 = m1 + 1;
        let d1 = part(d0)?;
        Some((&s[y0..y1], &s[m0..m1], &s[d0..d1]))
    })
}

/// Whether `s` holds a date stamp, day first or year first:
/// `(?:^|[^0-9])(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})(?:[^0-9]|$)`.
pub fn has_date(s: &str) -> bool {
    day_month_year(s).is_some() || year_month_day(s, true).is_some()
}

/// Hour and minute of the first clock time ("17:05", "7h30"): the groups
/// of `(?:^|[^0-9/])([0-2]?[0-9])[:h]([0-5][0-9])(?:[^0-9]|$)`, or with
/// `after_slash` of `(?:^|[^0-9])([0-2]?[0-9])[:h]([0-5][0-9])(?:[^0-9]|$)`.
pub fn clock(s: &str, after_slash: bool) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    digit_runs(b).find_map(|(h0, h1)| {
        if !after_slash && h0 > 0 && b[h0 - 1] == b'/' {
            return None;
        }
        let hour_ok = match h1 - h0 {
            1 => true,
            2 => matches!(b[h0], b'0'..=b'2'),
            _ => false,
        };
        if !hour_ok || !matches!(b.get(h1), Some(b':' | b'h')) {
            return None;
        }
        let m0 = h1 + 1;
        let two = digits_end(b, m0) == m0 + 2;
        (two && matches!(b[m0], b'0'..=b'5')).then(|| (&s[h0..h1], &s[m0..m0 + 2]))
    })
}

/// Whether a folded line is a relative time stamp ("15 phut truoc"):
/// `^[0-9]+ (?:giay|phut|gio|ngay|tuan|thang|nam) truoc$`.
pub fn is_relative_stamp(key: &str) -> bool {
    let n = digits_end(key.as_bytes(), 0);
    n > 0
        && key[n..]
            .strip_prefix(' ')
            .and_then(|r| r.strip_suffix(" truoc"))
            .is_some_and(|unit| {
                matches!(
                    unit,
                    "giay" | "phut" | "gio" | "ngay" | "tuan" | "thang" | "nam"
                )
            })
}

/// 'ſ' (U+017F), which Unicode case folding takes to 's'.
const LONG_S: &[u8] = "\u{17F}".as_bytes();
/// The Kelvin sign (U+212A), which Unicode case folding takes to 'k'.
const KELVIN: &[u8] = "\u{212A}".as_bytes();

/// Whether `s` names a web address or a domain in any case ("https://…",
/// "www.", "Baomau.vn", "x.com"):
/// `[hH][tT][tT][pP][sS\x{17F}]?://|[wW]{3}\.|[a-zA-Z0-9\x{17F}\x{212A}]\.(?:vn|com|net|org|info)(?:[^a-zA-Z\x{17F}\x{212A}]|$)`,
/// every letter in either case.
pub fn names_domain(s: &str) -> bool {
    let b = s.as_bytes();
    let ends_ci = |end: usize, word: &[u8]| {
        end >= word.len() && b[end - word.len()..end].eq_ignore_ascii_case(word)
    };
    let ends = |end: usize, bytes: &[u8]| b[..end].ends_with(bytes);
    // A letter of a name: ASCII, or one of the two that fold onto ASCII.
    let letter_at = |i: usize| {
        b.get(i).is_some_and(u8::is_ascii_alphabetic)
            || b[i.min(b.len())..].starts_with(LONG_S)
            || b[i.min(b.len())..].starts_with(KELVIN)
    };
    b.iter().enumerate().any(|(i, &c)| match c {
        b':' => {
            b[i..].starts_with(b"://")
                && (ends_ci(i, b"http")
                    || (i >= 1 && matches!(b[i - 1], b's' | b'S') && ends_ci(i - 1, b"http"))
                    || (ends(i, LONG_S) && ends_ci(i - LONG_S.len(), b"http")))
        }
        b'.' => {
            if ends_ci(i, b"www") {
                return true;
            }
            let named =
                (i >= 1 && b[i - 1].is_ascii_alphanumeric()) || ends(i, LONG_S) || ends(i, KELVIN);
            named
                && [&b"vn"[..], b"com", b"net", b"org", b"info"]
                    .iter()
                    .any(|tld| {
                        let end = i + 1 + tld.len();
                        b.len() >= end && b[i + 1..end].eq_ignore_ascii_case(tld) && !letter_at(end)
                    })
        }
        _ => false,
    })
}

/// Whether a line is a short credit in parentheses alone ("(Tin Mẫu/TTXVN)"):
/// `^\(([^()]{2,50})\)\.?$`.
pub fn is_paren_credit(s: &str) -> bool {
    let Some(body) = s.strip_prefix('(') else {
        return false;
    };
    let Some(inner) = body.strip_suffix(").").or_else(|| body.strip_suffix(')')) else {
        return false;
    };
    !inner.contains(['(', ')']) && (2..=50).contains(&inner.chars().count())
}

/// Whether a line starts with a short title in square brackets ("[Video] …"):
/// `^\[[^\]]{2,20}\]`.
pub fn starts_bracketed(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('[') else {
        return false;
    };
    rest.find(']')
        .is_some_and(|k| (2..=20).contains(&rest[..k].chars().count()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Lines made of the pieces the patterns look for, in every order: a
    /// small generator (no crate), the same lines on every run.
    fn lines() -> Vec<String> {
        const PIECES: &[&str] = &[
            "0", "1", "2", "3", "5", "6", "9", "12", "19", "20", "23", "2021", "1999", "2000",
            "123", "/", ".", "-", ":", "h", "H", " ", "(", ")", "[", "]", "a", "Z", "đ", "ſ",
            "\u{212A}", "www", "WwW", "http", "HTTPs", "://", "vn", "VN", "com", "Net", "org",
            "info", "giay", "phut", "gio", "ngay", "nam", "truoc", "x", "é", "\n", "1/", "23/",
            "3.", "06-", "2021-", "1999-", "-06-", "-6-", "07:", "7h", "48", "59", "60",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out = Vec::new();
        for _ in 0..60_000 {
            let n = 1 + (next() % 12) as usize;
            let mut l = String::new();
            for _ in 0..n {
                l.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            out.push(l);
        }
        // Lengths at the bounds of the counted repetitions.
        for k in [1, 2, 3, 19, 20, 21, 22, 49, 50, 51, 52] {
            let body = "ê".repeat(k);
            out.extend([
                format!("({body})"),
                format!("({body})."),
                format!("[{body}] x"),
                format!("({body}"),
            ]);
        }
        for unit in [
            "giay", "phut", "gio", "thang", "nam", "tuan", "ngay", "phuts", "x",
        ] {
            for n in ["", "1", "15", "a", "1 "] {
                for tail in [" truoc", " truoc.", "truoc", " truoc "] {
                    out.push(format!("{n} {unit}{tail}"));
                }
            }
        }
        out.extend(
            [
                "17:05 | 23/03/2021 GMT+7",
                "Thứ Sáu, 11/06/2021 - 07:48",
                "2021-06-11 07:48:05",
                "5 phut truoc",
                "Theo dõi Tinmau.vn trên",
                "https://a",
                "(Tin Mẫu/TTXVN)",
                "[Video] Lễ hội",
            ]
            .map(String::from),
        );
        out
    }

    fn groups<'a>(re: &Regex, s: &'a str, n: usize) -> Option<Vec<&'a str>> {
        let c = re.captures(s)?;
        Some(
            (1..=n)
                .map(|i| c.get(i).map_or("", |m| m.as_str()))
                .collect(),
        )
    }

    #[test]
    fn dates_and_clocks_read_as_their_patterns() {
        let dmy = Regex::new(
            r"(?:^|[^0-9])([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]((?:19|20)[0-9]{2})(?:[^0-9]|$)",
        )
        .unwrap();
        let ymd =
            Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})-([0-9]{1,2})-([0-9]{1,2})(?:[^0-9]|$)")
                .unwrap();
        let dated = Regex::new(r"(?:^|[^0-9])(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2})(?:[^0-9]|$)").unwrap();
        let clock_re =
            Regex::new(r"(?:^|[^0-9/])([0-2]?[0-9])[:h]([0-5][0-9])(?:[^0-9]|$)").unwrap();
        let any_clock =
            Regex::new(r"(?:^|[^0-9])([0-2]?[0-9])[:h]([0-5][0-9])(?:[^0-9]|$)").unwrap();
        let mut hits = [0; 5];
        for l in lines() {
            let l = l.as_str();
            let got = day_month_year(l).map(|(a, b, c)| vec![a, b, c]);
            assert_eq!(got, groups(&dmy, l, 3), "{l:?}");
            let got = year_month_day(l, false).map(|(a, b, c)| vec![a, b, c]);
            assert_eq!(got, groups(&ymd, l, 3), "{l:?}");
            assert_eq!(has_date(l), dated.is_match(l), "{l:?}");
            let got = clock(l, false).map(|(a, b)| vec![a, b]);
            assert_eq!(got, groups(&clock_re, l, 2), "{l:?}");
            let got = clock(l, true).map(|(a, b)| vec![a, b]);
            assert_eq!(got, groups(&any_clock, l, 2), "{l:?}");
            for (k, hit) in [
                dmy.is_match(l),
                ymd.is_match(l),
                dated.is_match(l),
                clock_re.is_match(l),
                any_clock.is_match(l),
            ]
            .into_iter()
            .enumerate()
            {
                hits[k] += usize::from(hit);
            }
        }
        assert!(
            hits.iter().all(|&h| h > 20),
            "too few matching lines: {hits:?}"
        );
    }

    #[test]
    fn stamps_addresses_and_brackets_read_as_their_patterns() {
        let relative = Regex::new(r"^[0-9]+ (?:giay|phut|gio|ngay|tuan|thang|nam) truoc$").unwrap();
        let domain = Regex::new(r"[hH][tT][tT][pP][sS\x{17F}]?://|[wW]{3}\.|[a-zA-Z0-9\x{17F}\x{212A}]\.(?:[vV][nN]|[cC][oO][mM]|[nN][eE][tT]|[oO][rR][gG]|[iI][nN][fF][oO])(?:[^a-zA-Z\x{17F}\x{212A}]|$)").unwrap();
        let paren = Regex::new(r"^\(([^()]{2,50})\)\.?$").unwrap();
        let bracketed = Regex::new(r"^\[[^\]]{2,20}\]").unwrap();
        let mut hits = [0; 4];
        for l in lines() {
            let l = l.as_str();
            let want = [
                relative.is_match(l),
                domain.is_match(l),
                paren.is_match(l),
                bracketed.is_match(l),
            ];
            let got = [
                is_relative_stamp(l),
                names_domain(l),
                is_paren_credit(l),
                starts_bracketed(l),
            ];
            assert_eq!(got, want, "{l:?}");
            for (k, &hit) in want.iter().enumerate() {
                hits[k] += usize::from(hit);
            }
        }
        assert!(
            hits.iter().all(|&h| h > 5),
            "too few matching lines: {hits:?}"
        );
    }
}
