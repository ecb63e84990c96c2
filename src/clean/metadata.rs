//! Reading the article's metadata lines: the dateline into an ISO date,
//! bylines and source credits into the names they print.

use super::patterns;

/// "17:05 | 23/03/2021 GMT+7" → "2021-03-23T17:05"; a date alone → "2021-03-23";
/// a stamp written year first ("2021-03-23 17:05:09") reads the same.
pub fn published(line: &str) -> Option<String> {
    let (day, month, year): (u8, u8, i32) = match patterns::day_month_year(line) {
        Some((d, m, y)) => (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?),
        None => {
            let (y, m, d) = patterns::year_month_day(line, false)?;
            (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?)
        }
    };
    let date = crate::Ymd::new(year, month, day)?;
    match patterns::clock(line, false) {
        Some((h, m)) => {
            let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
            if h < 24 {
                Some(format!("{date}T{h:02}:{m:02}"))
            } else {
                Some(date.to_string())
            }
        }
        None => Some(date.to_string()),
    }
}

/// "Vũ Đạt |" → "Vũ Đạt"; "Theo Kiều Trinh" → "Kiều Trinh".
/// "Tô Ngân (theo AFP)" → "Tô Ngân": a credit in brackets after a byline.
pub fn without_credit(t: &str) -> &str {
    match t
        .trim_end()
        .strip_suffix(')')
        .and_then(|r| r.rfind('(').map(|i| (i, r)))
    {
        Some((i, r)) if r[i + 1..].to_lowercase().starts_with("theo ") => r[..i].trim_end(),
        _ => t,
    }
}

/// A cue before a colon ("Bài và ảnh: Phan Gia Hân") goes too.
pub fn byline(line: &str) -> String {
    let t = line.trim().trim_matches(['|', '-', '–', ' ']).trim();
    let t = match t.split_once(':') {
        Some((cue, names)) if cue.split_whitespace().count() <= 4 && !names.trim().is_empty() => {
            names.trim()
        }
        _ => t,
    };
    without_credit(t.strip_prefix("Theo ").unwrap_or(t).trim()).to_string()
}

/// "(TTXVN/Tin Mẫu+)" → "TTXVN/Tin Mẫu+"; "Theo Báo Tin Mẫu" → "Báo Tin Mẫu"; "Nguồn: x.vn" → "x.vn".
pub fn source(line: &str) -> String {
    let t = line.trim().trim_end_matches('.');
    let t = t
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(t);
    let t = t.strip_prefix("Theo ").unwrap_or(t);
    let t = t.strip_prefix("Nguồn:").unwrap_or(t);
    t.trim().to_string()
}

/// "Ngọc Sơn | 17/10/2024 21:45": the author's name beside a dateline,
/// in its own part of the line.
pub fn byline_beside_date(line: &str) -> Option<String> {
    line.split('|')
        .map(str::trim)
        .find(|part| {
            !part.bytes().any(|b| b.is_ascii_digit())
                && super::shape::names_only(part)
                && !super::shape::dateline_words_only(part)
        })
        .map(byline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_read_into_iso() {
        assert_eq!(
            published("17:05 | 23/03/2021 GMT+7").as_deref(),
            Some("2021-03-23T17:05")
        );
        assert_eq!(
            published("Thứ Sáu, 11/06/2021 - 07:48 (GMT+7)").as_deref(),
            Some("2021-06-11T07:48")
        );
        assert_eq!(published("28/10/2019").as_deref(), Some("2019-10-28"));
        assert_eq!(published("30/02/2019"), None);
        // A machine stamp, year first, with seconds and a zone (issue 12).
        assert_eq!(
            published("2023-08-14 09:12:40(GMT+07:00) Báo Mẫu").as_deref(),
            Some("2023-08-14T09:12")
        );
        assert_eq!(published("2023-02-30 09:12"), None);
    }

    #[test]
    fn bylines_and_sources_lose_their_marks() {
        assert_eq!(byline("Vũ Đạt |"), "Vũ Đạt");
        assert_eq!(byline("Bài và ảnh: Phan Gia Hân"), "Phan Gia Hân");
        assert_eq!(byline("Khánh Linh - Bảo Ngọc"), "Khánh Linh - Bảo Ngọc");
        assert_eq!(byline("Tô Ngân (theo AFP)"), "Tô Ngân");
        assert_eq!(source("(TTXVN/Tin Mẫu+)"), "TTXVN/Tin Mẫu+");
        assert_eq!(source("Theo Báo Tin Mẫu"), "Báo Tin Mẫu");
        assert_eq!(source("Nguồn: tinmau.vn"), "tinmau.vn");
    }

    #[test]
    fn a_name_beside_a_dateline_is_the_byline() {
        assert_eq!(
            byline_beside_date("Hà Yên | 04/03/2023 18:10").as_deref(),
            Some("Hà Yên")
        );
        assert_eq!(byline_beside_date("Thứ Bảy | 04/03/2023 18:10"), None);
        assert_eq!(byline_beside_date("04/03/2023 18:10"), None);
    }
}
