//! Rule ids: which rule or word list produced an entity or an event.
//!
//! A [`RuleId`] is a base [`Rule`] (or an event trigger: its type and its cue
//! from the compiled-in trigger list) plus a set of [`Mark`]s that later
//! passes add ("the year came from the page's date", "the date came from a
//! caption"). It is `Copy` and holds no heap: the stages carry it as a value
//! and ask typed questions (`rule.base() == Rule::DateRelative`,
//! `rule.has(Mark::YearAnchor)`); only the output spells it, through
//! `Display`, as the ids the contract has always had:
//! `date.weekday+date.dm+year:anchor`, `events/trigger:talks:hội đàm+tie:same-day`.
//!
//! To add a rule, add a variant to [`Rule`] with its id; to add a refinement,
//! add a [`Mark`] in the place its suffix takes in the id.

use crate::EventKind;
use serde::{Serialize, Serializer};
use std::fmt::{self, Write as _};

id_enum! {
    /// The rule or word list that found a mention or an event.
    Rule {
        /// An organisation from the organisation list.
        OrgList = "org.list",
        /// An all-capitals acronym read as an organisation.
        OrgAcronym = "org.acronym",
        /// Capitalised words after an organisation head word ("Bộ …").
        OrgHead = "org.head",
        /// A national team by its age group ("U19 …").
        OrgTeam = "org.team",
        /// A club by its sponsor's abbreviation and its province ("SHB …").
        OrgClub = "org.club",
        /// Capitalised words with a foreign word for a kind of body ("… Holdings", "… FC").
        OrgForeignWords = "org.foreign_words",
        /// A brand written as one word with a capital inside, or a bank's one-word name.
        OrgBrand = "org.brand",
        /// A newspaper's or an agency's name after its lower-case kind ("báo …").
        OrgAfterCue = "org.after_cue",
        /// A place from the place list.
        LocGazetteer = "loc.gazetteer",
        /// A name after a place unit word ("tỉnh …").
        LocAfterUnit = "loc.after_unit",
        /// A named site ("Trụ sở …", "Sân bay …").
        LocSite = "loc.site",
        /// A place named after another in a list that gave its unit word once ("xã A, B và C").
        LocListed = "loc.listed",
        /// A foreign one-word place named again after a mention that typed it.
        LocRepeated = "loc.repeated",
        /// A foreign name at the end of a route whose start or stop is a place ("qua X … đến Y").
        LocRouteEnd = "loc.route_end",
        /// A name written in capitals, known elsewhere in the text.
        PerKnownInCapitals = "per.known_in_capitals",
        /// A name after an honorific ("ông", "bà").
        PerHonorific = "per.honorific",
        /// A foreign name by its shape.
        PerForeignShape = "per.foreign_shape",
        /// A Vietnamese name opened by a family name.
        PerFamilyName = "per.family_name",
        /// A name right after a title.
        PerAfterTitle = "per.after_title",
        /// A hyphenated transliterated name.
        PerTransliterated = "per.transliterated",
        /// A name set off after a title by a comma or a dash.
        PerTitleApposition = "per.title_apposition",
        /// A given name standing for a person named before.
        PerGivenName = "per.given_name",
        /// Part of a person's name given in full elsewhere in the text (a foreign family name, a player's last two syllables).
        PerShortName = "per.short_name",
        /// A person named after another in a list that gave its cue word once ("diễn viên A, B và C").
        PerListed = "per.listed",
        /// A foreign one-word name of a person said again after a mention that typed it ("tiền đạo X" … "X ghi bàn").
        PerRepeated = "per.repeated",
        /// An organisation's name without its head, given in full elsewhere in the text.
        OrgShortName = "org.short_name",
        /// A foreign one-word name of an organisation said again after a mention that typed it ("hãng X" … "X cho biết").
        OrgRepeated = "org.repeated",
        /// A foreign one-word name of the company a business title is of ("CEO X cho biết", "A, Tổng giám đốc X,").
        OrgOfTitle = "org.of_title",
        /// A title from its head word ("Bộ trưởng …").
        TitleHead = "title.head",
        /// A numbered text: its kind ("Quyết định") and its number.
        MiscNumbered = "misc.numbered",
        /// A document, meeting or event named after its head word ("Hiệp định …").
        MiscHead = "misc.head",
        /// Day, month and year in digits.
        DateDmy = "date.dmy",
        /// Year, month and day as ISO 8601.
        DateIso = "date.iso",
        /// Day and month.
        DateDm = "date.dm",
        /// Month and year in digits.
        DateMonthYear = "date.month_year",
        /// A span of years or months.
        DatePeriod = "date.period",
        /// A span of days.
        DateRange = "date.range",
        /// A span of months.
        DateMonthRange = "date.month_range",
        /// "tháng 5", "tháng 5 năm 2024".
        DateMonth = "date.month",
        /// Day and month in words ("ngày 5 tháng 3"), with the year if written.
        DateWords = "date.words",
        /// "thập niên 90".
        DateDecade = "date.decade",
        /// "năm 2024".
        DateYear = "date.year",
        /// A year without "năm".
        DateYearBare = "date.year_bare",
        /// Days joined before one month ("ngày 5 và 6/3").
        DateDayList = "date.day_list",
        /// A quarter of a year.
        DateQuarter = "date.quarter",
        /// A weekday standing alone.
        DateWeekday = "date.weekday",
        /// A day named relative to the page's date ("hôm qua", "năm nay").
        DateRelative = "date.relative",
        /// A clock time.
        TimeClock = "time.clock",
        /// A span of clock times.
        TimeRange = "time.range",
        /// Hours and minutes with "giờ" ("9 giờ 30").
        TimeHours = "time.hours",
        /// A part of the day ("sáng", "chiều").
        TimePartOfDay = "time.part_of_day",
        /// A number with a percent sign.
        PercentSign = "percent.sign",
        /// A number of percentage points.
        PercentPoints = "percent.points",
        /// A number and "phần trăm".
        PercentWords = "percent.words",
        /// A number and a currency code or word.
        MoneyCurrency = "money.currency",
        /// A currency symbol and a number.
        MoneySymbol = "money.symbol",
        /// A number and a currency suffix.
        MoneySuffix = "money.suffix",
        /// A number in digits.
        NumDigits = "num.digits",
        /// A number with a scale word ("3 triệu").
        NumScale = "num.scale",
        /// A number in words.
        NumWords = "num.words",
        /// A cue of the event trigger list; the id names its type and cue.
        EventTrigger = "events/trigger",
        /// Given to a stage from outside its recognisers: a caller's own
        /// entities, a test case's.
        Given = "given",
    }
}

id_enum! {
    /// A refinement a later pass adds to a rule. In the id each is a
    /// `+suffix`, in this order; [`Mark::Weekday`] alone is a prefix.
    Mark {
        /// A weekday joined to the date after it (`date.weekday+date.dm`).
        Weekday = "date.weekday",
        /// The year is a relative year that followed ("tháng 5 năm ngoái").
        YearRelative = "year:relative",
        /// The start of the period ("đầu năm").
        Start = "start",
        /// The middle of the period ("giữa tháng").
        Mid = "mid",
        /// The end of the period ("cuối năm").
        End = "end",
        /// The year came from the page's date.
        YearAnchor = "year:anchor",
        /// An event's year was moved forward: it is planned.
        YearPlanned = "year:planned",
        /// An event's year was moved back: it happened.
        YearPast = "year:past",
        /// An event's date came from a photo caption.
        DateCaption = "date:caption",
        /// An event's date came from the occasion it is part of.
        DateOccasion = "date:occasion",
        /// An event takes the date of the event it is tied to.
        TieSameDay = "tie:same-day",
        /// An event is placed before the event it is tied to.
        TieBefore = "tie:before",
        /// An event is placed after the event it is tied to.
        TieAfter = "tie:after",
    }
}

impl Mark {
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The id of the rule that produced an entity or an event: see the module
/// documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RuleId {
    base: Rule,
    /// For [`Rule::EventTrigger`]: the event type and the cue as listed.
    trigger: Option<(EventKind, &'static str)>,
    /// One bit per [`Mark`].
    marks: u16,
}

impl From<Rule> for RuleId {
    fn from(base: Rule) -> RuleId {
        RuleId {
            base,
            trigger: None,
            marks: 0,
        }
    }
}

impl RuleId {
    /// The id of an event trigger: its type and its cue from the list.
    pub fn trigger(kind: EventKind, cue: &'static str) -> RuleId {
        RuleId {
            base: Rule::EventTrigger,
            trigger: Some((kind, cue)),
            marks: 0,
        }
    }

    /// The rule, without its marks.
    pub fn base(self) -> Rule {
        self.base
    }

    /// For a trigger: its event type and cue.
    pub fn trigger_cue(self) -> Option<(EventKind, &'static str)> {
        self.trigger
    }

    /// Whether a pass added `mark`.
    pub fn has(self, mark: Mark) -> bool {
        self.marks & mark.bit() != 0
    }

    /// This id with `mark` added.
    #[must_use]
    pub fn with(self, mark: Mark) -> RuleId {
        RuleId {
            marks: self.marks | mark.bit(),
            ..self
        }
    }

    /// Adds `mark`.
    pub fn mark(&mut self, mark: Mark) {
        self.marks |= mark.bit();
    }

    /// Reads an id back from its text. A trigger's cue must be one of the
    /// list's: `cue` finds the listed cue for a type and a text (the list
    /// belongs to the events stage, which this layer does not reach).
    pub fn parse(
        id: &str,
        cue: impl FnOnce(EventKind, &str) -> Option<&'static str>,
    ) -> Option<RuleId> {
        let (weekday, rest) = match id.strip_prefix(Mark::Weekday.id()) {
            Some(rest) if rest.starts_with('+') => (true, &rest[1..]),
            _ => (false, id),
        };
        // The trigger's cue may hold no '+'; the marks follow it.
        let (head, mut marks) = rest.split_once('+').unwrap_or((rest, ""));
        let mut out = match head.strip_prefix(Rule::EventTrigger.id()) {
            Some(t) => {
                let (kind, text) = t.strip_prefix(':')?.split_once(':')?;
                let kind = EventKind::from_id(kind)?;
                RuleId::trigger(kind, cue(kind, text)?)
            }
            None => RuleId::from(Rule::from_id(head)?),
        };
        if weekday {
            out.mark(Mark::Weekday);
        }
        // Each suffix in the order Display writes them.
        let mut order = Mark::ALL[1..].iter().copied();
        while !marks.is_empty() {
            let (m, rest) = marks.split_once('+').unwrap_or((marks, ""));
            let mark = order.find(|k| k.id() == m)?;
            out.mark(mark);
            marks = rest;
        }
        Some(out)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.has(Mark::Weekday) {
            write!(f, "{}+", Mark::Weekday.id())?;
        }
        f.write_str(self.base.id())?;
        if let Some((kind, cue)) = self.trigger {
            write!(f, ":{}:{cue}", kind.id())?;
        }
        for &m in &Mark::ALL[1..] {
            if self.has(m) {
                write!(f, "+{}", m.id())?;
            }
        }
        Ok(())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Compares the id's text with a string without building it.
impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        /// Consumes `rest` while it matches what is written.
        struct Prefix<'a> {
            rest: &'a str,
        }
        impl fmt::Write for Prefix<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.rest = self.rest.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut p = Prefix { rest: other };
        write!(p, "{self}").is_ok() && p.rest.is_empty()
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cue for parsing in tests: any text, if it is the one given.
    fn only(cue: &'static str) -> impl Fn(EventKind, &str) -> Option<&'static str> {
        move |_, text| (text == cue).then_some(cue)
    }

    #[test]
    fn every_base_id_is_listed_once_and_round_trips() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
        for &r in Rule::ALL.iter().filter(|&&r| r != Rule::EventTrigger) {
            let id = RuleId::from(r);
            assert_eq!(id.to_string(), r.id());
            assert_eq!(RuleId::parse(r.id(), |_, _| None), Some(id));
        }
        assert!(Mark::ALL.len() <= 16, "the marks fit the bitset");
    }

    #[test]
    fn marks_are_written_in_one_order_and_read_back() {
        let id = RuleId::from(Rule::DateDm)
            .with(Mark::YearAnchor)
            .with(Mark::Weekday)
            .with(Mark::Start);
        assert_eq!(id.to_string(), "date.weekday+date.dm+start+year:anchor");
        assert!(id.has(Mark::Start) && !id.has(Mark::End));
        assert_eq!(id.base(), Rule::DateDm);
        assert_eq!(RuleId::parse(&id.to_string(), |_, _| None), Some(id));
        assert!(id == "date.weekday+date.dm+start+year:anchor");
        assert!(id != "date.weekday+date.dm+start");
        assert!(id != "date.weekday+date.dm+start+year:anchor+end");
        // Out of order, unknown or repeated marks are no id.
        for bad in [
            "date.dm+year:anchor+start",
            "date.dm+start+start",
            "date.dm+soon",
            "date.nope",
            "date.weekday+",
        ] {
            assert_eq!(RuleId::parse(bad, |_, _| None), None, "{bad}");
        }
    }

    #[test]
    fn every_part_of_a_period_the_modifier_list_names_is_a_mark() {
        let data = include_str!("../../data/entities/temporal/modifiers.tsv");
        let keys: Vec<&str> = crate::text::lists::pairs(data).map(|(k, _)| k).collect();
        assert!(!keys.is_empty());
        for k in keys {
            assert!(Mark::from_id(k).is_some(), "{k} is no mark");
        }
    }

    #[test]
    fn a_trigger_names_its_type_and_cue() {
        let id = RuleId::trigger(EventKind::Talks, "hội đàm").with(Mark::TieSameDay);
        let text = "events/trigger:talks:hội đàm+tie:same-day";
        assert_eq!(id.to_string(), text);
        assert_eq!(id.trigger_cue(), Some((EventKind::Talks, "hội đàm")));
        assert_eq!(RuleId::parse(text, only("hội đàm")), Some(id));
        assert_eq!(RuleId::parse(text, only("hội kiến")), None);
        assert_eq!(
            RuleId::parse("events/trigger:nope:hội đàm", only("hội đàm")),
            None
        );
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
    }
}
