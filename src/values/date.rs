//! Dates with any of their parts known ([`EventDate`]): reading the DATE
//! entities' values, combining what several mentions of one event say,
//! giving years from the page's date, the order of dates on a timeline, and
//! the day arithmetic (days since the epoch, the next and previous day, the
//! year nearest an anchor) the date rules share.

use crate::{EventStatus, Ymd};
use std::cmp::Ordering;

/// A date with any of its parts known: `2025-12-12`, `--12-12`, `2025-12`,
/// `--12` or `2025`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct EventDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// The month 1–12.
    pub month: Option<u8>,
    /// The day 1–31 (only with a month).
    pub day: Option<u8>,
}

impl EventDate {
    /// Reads a DATE value of the contract. A range gives its start; a period
    /// of years (`2021/2025`) is no event date and gives `None`.
    pub fn parse(value: &str) -> Option<EventDate> {
        let value = value.trim();
        let (start, end) = match value.split_once('/') {
            Some((s, e)) => (s, Some(e)),
            None => (value, None),
        };
        let start = EventDate::parse_one(start)?;
        if let Some(end) = end.and_then(EventDate::parse_one) {
            if start.month.is_none() && end.month.is_none() {
                return None;
            }
        }
        Some(start)
    }

    fn parse_one(s: &str) -> Option<EventDate> {
        let s = s.split('T').next().unwrap_or(s);
        let num = |p: &str| p.parse::<u32>().ok();
        let (year, rest) = if let Some(rest) = s.strip_prefix("--") {
            (None, rest)
        } else if let Some(rest) = s.strip_prefix("XXXX") {
            (None, rest.trim_start_matches('-'))
        } else {
            let (y, rest) = s.split_once('-').unwrap_or((s, ""));
            if y.len() != 4 {
                return None;
            }
            (Some(num(y)? as i32), rest)
        };
        let mut parts = rest.split('-').filter(|p| !p.is_empty());
        let month = match parts.next() {
            Some(m) => Some(
                u8::try_from(num(m)?)
                    .ok()
                    .filter(|m| (1..=12).contains(m))?,
            ),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(
                u8::try_from(num(d)?)
                    .ok()
                    .filter(|d| (1..=31).contains(d))?,
            ),
            None => None,
        };
        let d = EventDate { year, month, day };
        (d.year.is_some() || d.month.is_some()).then_some(d)
    }

    /// Whether the year is known.
    pub fn has_year(&self) -> bool {
        self.year.is_some()
    }

    /// One date from two that say the same thing in different detail
    /// (`2025` and `--02-14` give `2025-02-14`); `None` when they disagree.
    pub fn combine(self, other: EventDate) -> Option<EventDate> {
        fn one<T: PartialEq + Copy>(a: Option<T>, b: Option<T>) -> Result<Option<T>, ()> {
            match (a, b) {
                (Some(x), Some(y)) if x != y => Err(()),
                (x, y) => Ok(x.or(y)),
            }
        }
        let d = EventDate {
            year: one(self.year, other.year).ok()?,
            month: one(self.month, other.month).ok()?,
            day: one(self.day, other.day).ok()?,
        };
        (d.day.is_none() || d.month.is_some()).then_some(d)
    }

    /// Gives a date without a year the year of `anchor` (the page's date)
    /// that fits its status: a past event on or before the anchor, a planned
    /// one on or after it.
    pub fn with_year_from(self, anchor: Option<Ymd>, status: EventStatus) -> EventDate {
        let (Some(a), None, Some(m)) = (anchor, self.year, self.month) else {
            return self;
        };
        let md = (
            m,
            self.day.unwrap_or(if status == EventStatus::Planned {
                31
            } else {
                1
            }),
        );
        let here = (a.month, a.day);
        let year = match status {
            // One day of slack: the page may be dated the morning after.
            EventStatus::Happened if md > here && !is_next_day(here, md) => a.year - 1,
            EventStatus::Planned if md < here && !is_next_day(md, here) => a.year + 1,
            _ => a.year,
        };
        EventDate {
            year: Some(year),
            ..self
        }
    }

    /// Shifts a full date by `days` (−1 … 1 for "hôm qua", "ngày mai").
    pub fn from_anchor(anchor: Ymd, days: i32) -> EventDate {
        let mut d = anchor;
        for _ in 0..days.unsigned_abs() {
            d = if days < 0 {
                previous_day(d)
            } else {
                next_day(d)
            };
        }
        EventDate {
            year: Some(d.year),
            month: Some(d.month),
            day: Some(d.day),
        }
    }

    /// Orders dates on a timeline: by year (`fill_year` for an unknown
    /// one), month and day, the less precise first.
    pub fn timeline_cmp(&self, other: &EventDate, fill_year: i32) -> Ordering {
        let key = |d: &EventDate| {
            (
                d.year.unwrap_or(fill_year),
                d.month.unwrap_or(0),
                d.day.unwrap_or(0),
            )
        };
        key(self).cmp(&key(other))
    }
}

fn is_next_day(a: (u8, u8), b: (u8, u8)) -> bool {
    // Any year will do for telling whether b follows a.
    Ymd::new(2001, a.0, a.1)
        .map(next_day)
        .is_some_and(|n| (n.month, n.day) == b)
}

fn next_day(d: Ymd) -> Ymd {
    Ymd::new(d.year, d.month, d.day + 1)
        .or_else(|| Ymd::new(d.year, d.month + 1, 1))
        .unwrap_or(Ymd {
            year: d.year + 1,
            month: 1,
            day: 1,
        })
}

fn previous_day(d: Ymd) -> Ymd {
    if d.day > 1 {
        return Ymd {
            day: d.day - 1,
            ..d
        };
    }
    let (year, month) = if d.month > 1 {
        (d.year, d.month - 1)
    } else {
        (d.year - 1, 12)
    };
    (28..=31)
        .rev()
        .find_map(|day| Ymd::new(year, month, day))
        .unwrap_or(d)
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days_since_epoch(y: i32, m: u8, d: u8) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The year of a month (and day) written without one: the year that puts
/// it nearest `anchor`, days after the anchor (beyond the next day)
/// counting double since news reports the past, ties to the past.
pub fn nearest_year(month: u8, day: Option<u8>, anchor: Ymd) -> Option<i32> {
    let days = days_since_epoch;
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

impl std::fmt::Display for EventDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, None, _) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> EventDate {
        EventDate::parse(s).unwrap()
    }

    #[test]
    fn values_of_the_contract_are_read_and_written_back() {
        for v in ["2025-12-12", "--12-12", "2025-12", "--12", "2025"] {
            assert_eq!(d(v).to_string(), v);
        }
        assert_eq!(d("--12-01/--12-02").to_string(), "--12-01");
        assert_eq!(
            EventDate::parse("2021/2025"),
            None,
            "a period is no event date"
        );
        assert_eq!(EventDate::parse("2025-13-01"), None);
        assert_eq!(EventDate::parse("TAF"), None);
    }

    #[test]
    fn mentions_of_one_event_combine() {
        assert_eq!(
            d("2025").combine(d("--02-14")).unwrap().to_string(),
            "2025-02-14"
        );
        assert_eq!(
            d("2025-02").combine(d("--02-14")).unwrap().to_string(),
            "2025-02-14"
        );
        assert_eq!(d("--12-12").combine(d("--12-13")), None);
        assert_eq!(d("2015").combine(d("2016")), None);
    }

    #[test]
    fn years_come_from_the_anchor_by_status() {
        let a = Some(Ymd::new(2025, 1, 5).unwrap());
        assert_eq!(
            d("--12-30")
                .with_year_from(a, EventStatus::Happened)
                .to_string(),
            "2024-12-30"
        );
        assert_eq!(
            d("--01-05")
                .with_year_from(a, EventStatus::Happened)
                .to_string(),
            "2025-01-05"
        );
        assert_eq!(
            d("--01-06")
                .with_year_from(a, EventStatus::Happened)
                .to_string(),
            "2025-01-06"
        );
        assert_eq!(
            d("--01-02")
                .with_year_from(a, EventStatus::Planned)
                .to_string(),
            "2026-01-02"
        );
        assert_eq!(
            d("--02")
                .with_year_from(a, EventStatus::Planned)
                .to_string(),
            "2025-02"
        );
        assert_eq!(
            d("--12-30")
                .with_year_from(None, EventStatus::Happened)
                .to_string(),
            "--12-30"
        );
        assert_eq!(
            d("2014-12")
                .with_year_from(a, EventStatus::Happened)
                .to_string(),
            "2014-12"
        );
    }

    #[test]
    fn relative_days_cross_months_and_years() {
        let a = Ymd::new(2025, 1, 1).unwrap();
        assert_eq!(EventDate::from_anchor(a, -1).to_string(), "2024-12-31");
        assert_eq!(
            EventDate::from_anchor(Ymd::new(2024, 2, 28).unwrap(), 1).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            EventDate::from_anchor(Ymd::new(2025, 3, 1).unwrap(), -1).to_string(),
            "2025-02-28"
        );
    }
}
