//! vnextract: a pasted Vietnamese news page in, the clean article, its
//! entities and the events it reports out.
//!
//! This file is the facade: the entry points ([`extract`], [`extract_blocks`],
//! [`extract_html`], [`Input::extract`]), what they take ([`Options`],
//! [`InputBlock`], [`Input`]) and what they give ([`Extraction`] and the types
//! inside it, [`Error`]), the ids the output can hold ([`schema`],
//! [`RemovalReason`], [`WarningCode`]) and the reports over many extractions
//! ([`report`]). Nothing else is public.
//!
//! Beneath it the pipeline runs in the order the data flows, one private
//! module a stage:
//!
//! 1. `normalise`: Unicode and whitespace, so that later stages compare like
//!    with like;
//! 2. `clean`: from the whole page to exactly the article (title, byline,
//!    dateline, source, paragraphs, captions), keeping what it removed and why;
//! 3. `entities`: people, organisations, places, titles, dates and numbers in
//!    the cleaned text (title, paragraphs and captions but their credits);
//! 4. `events`: who met whom, when, where, read from the title's and the
//!    paragraphs' sentences and entities.
//!
//! The stages share the `text` layer (characters, tokens, word lists) and the
//! `values` layer (dates and numbers). Offsets inside the stages are byte
//! offsets into [`Extraction::text`]; the public `start`/`end` fields are
//! UTF-16 code units, so that `text.slice(start, end)` in JavaScript gives the
//! mention. Benches, integration tests and the bindings reach the stages
//! through the hidden [`internals`] module, which is no part of the API.

#![deny(missing_docs)]

mod clean;
mod codes;
mod context;
mod entities;
mod events;
pub(crate) mod fasthash;
mod input;
mod normalise;
mod offsets;
pub mod report;
mod text;
mod values;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use codes::{Mark, RemovalReason, Rule, RuleId, WarningCode};
pub(crate) use context::DocContext;
pub use input::{looks_like_html, Format, Input};

/// The stages and layers beneath the facade, for benches, integration tests
/// and the bindings' tests: `vnextract::internals::X` for stage or layer `X`
/// (each re-exports the public items of the private module of that name).
/// No part of the API; anything here may change without notice.
#[doc(hidden)]
pub mod internals {
    pub use crate::context::DocContext;

    /// Declares `pub mod X { pub use crate::X::*; }` for each private module `X`.
    macro_rules! reexport {
        ($($(#[$meta:meta])* $name:ident,)*) => {
            $($(#[$meta])* pub mod $name {
                pub use crate::$name::*;
            })*
        };
    }

    reexport! {
        /// Stage 1: Unicode and whitespace.
        normalise,
        /// Stage 2: the whole page to the article.
        clean,
        /// Stage 3: entities in the cleaned text.
        entities,
        /// Stage 4: events from sentences and entities.
        events,
        /// Byte spans to UTF-16 offsets.
        offsets,
        /// The text layer: characters, tokens, phrase lists, list files.
        text,
        /// The values layer: dates and numbers.
        values,
        /// The WebAssembly binding.
        #[cfg(target_arch = "wasm32")]
        wasm,
    }
}

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// Default cap on input size: large enough for any real page, small enough
/// that a runaway paste is refused with a message instead of freezing a tab.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// What the caller can set. Read from JSON (the page's options object) with
/// every field optional; a key it does not know is an error, not ignored, so
/// that a misspelt option (`refDate`) is reported instead of doing nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Run the cleaner. `false` runs the entity and event stages on the
    /// (normalised) input as given, for corpora that are already clean.
    pub clean: bool,
    /// The date the page was published or read, for resolving years that the
    /// page leaves out ("Chiều 12/12"). A dateline on the page wins over it.
    pub reference_date: Option<Ymd>,
    /// Inputs larger than this (in bytes of UTF-8) are refused.
    pub max_input_bytes: usize,
}

impl Options {
    /// The keys of the options object, as JSON and JavaScript spell them:
    /// what a reader that cannot use serde's `deny_unknown_fields` (the wasm
    /// binding's, which reads only the keys it asks for) checks keys against.
    pub const FIELDS: &'static [&'static str] = &["clean", "referenceDate", "maxInputBytes"];
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clean: true,
            reference_date: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// A calendar date with a known year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ymd {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Ymd {
    /// A checked date: month 1–12 and a day that the month has.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Ymd> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Ymd { year, month, day })
    }
}

impl std::str::FromStr for Ymd {
    type Err = Error;
    /// Reads `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Ymd, Error> {
        let bad = || {
            Error::new(
                ErrorKind::InvalidOption,
                format!("not a date of the form YYYY-MM-DD: {s:?}"),
            )
        };
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
            parts.next().ok_or_else(bad)?,
        );
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (y, m, d) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        Ymd::new(y, m, d).ok_or_else(bad)
    }
}

impl TryFrom<String> for Ymd {
    type Error = Error;
    fn try_from(s: String) -> Result<Ymd, Error> {
        s.parse()
    }
}

impl From<Ymd> for String {
    fn from(d: Ymd) -> String {
        d.to_string()
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why an input could not be processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The kinds of [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than [`Options::max_input_bytes`].
    InputTooLarge,
    /// An option could not be read.
    InvalidOption,
    /// Bytes that are not UTF-8 (see [`Input::from_bytes`]).
    InvalidUtf8,
}

impl ErrorKind {
    /// Every kind, for [`schema`].
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::InputTooLarge,
        ErrorKind::InvalidOption,
        ErrorKind::InvalidUtf8,
    ];

    /// A stable kebab-case id: the `name` of the JavaScript error the wasm
    /// binding throws.
    pub fn id(self) -> &'static str {
        match self {
            ErrorKind::InputTooLarge => "input-too-large",
            ErrorKind::InvalidOption => "invalid-option",
            ErrorKind::InvalidUtf8 => "invalid-utf8",
        }
    }
}

impl Error {
    /// An error of `kind` with a message for people.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }
    /// What went wrong, as a kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// One block of a page given as HTML: the browser's DOM parser (or the CLI's
/// reader for `.html` files) turns the page into these, so that the cleaner
/// can use tags and link density as well as the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct InputBlock {
    /// The block's visible text.
    pub text: String,
    /// The lower-case tag name of the block element: `p`, `h1`, `li`, `figcaption`, …
    pub tag: String,
    /// How many characters of `text` sit inside links.
    pub link_chars: usize,
    /// Lower-case tag names of the block's ancestors, outermost first
    /// (`nav`, `header`, `footer`, `aside`, `article`, `figure`, …): block
    /// elements only, `html` and `body` left out.
    pub ancestors: Vec<String>,
    /// A number for each of `ancestors` and then for the block's own element
    /// (`body` is 0, the others count up in document order), so that blocks
    /// of one element can be told apart from blocks of another of the same
    /// tag. Empty when the reader gives no structure.
    pub ids: Vec<usize>,
    /// For the same elements as `ids`, what their `class`, `id`, `role`,
    /// `itemprop`, `type`, `data-role` or `data-type` words say they are: a
    /// removal reason id (`related-links`, `comments-or-tags`, `widget`,
    /// `navigation`; also from the tags `nav`, `aside`, `menu`, and `footer`
    /// outside an article), `page-header` (a `header` outside an article),
    /// `caption`, `article-body`, or "" (by `data/html/tags.txt`).
    pub roles: Vec<String>,
}

/// Everything read from one page: the contract in `docs/output.md`.
///
/// It deserialises too (missing fields take their defaults), so that a
/// binding can hand documents it printed earlier back to [`report`]; a rule
/// id this build does not know (a document from another version) is an
/// error that names it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Extraction {
    /// The article's headline.
    pub title: Option<String>,
    /// Author(s) as printed, without "|" or "Theo".
    pub byline: Option<String>,
    /// When the page says it was published: `2022-09-04T09:32` or `2022-09-04`.
    pub published: Option<String>,
    /// The news source the page credits ("TTXVN/Vietnam+", "Báo Tin tức").
    pub source: Option<String>,
    /// The lead first, then the body paragraphs, in reading order.
    pub paragraphs: Vec<String>,
    /// Photo captions and credits, kept apart from the body.
    pub captions: Vec<String>,
    /// What the cleaner dropped, and why.
    pub removed: Vec<Removed>,
    /// Title, paragraphs and captions joined by blank lines: what offsets
    /// index.
    pub text: String,
    /// Entities found in `text`, ordered by position.
    pub entities: Vec<Entity>,
    /// Events, the main one first, then the others in time order.
    pub events: Vec<Event>,
    /// Things the reader should know about the input (empty, no article found, …).
    pub warnings: Vec<Warning>,
    /// The unit of every `start`/`end`: always `"utf16"`.
    #[serde(skip_deserializing, default = "offset_unit")]
    pub offset_unit: &'static str,
}

/// The only offset unit, which a document read back always has.
fn offset_unit() -> &'static str {
    OFFSET_UNIT
}

/// A block the cleaner dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The block's text.
    pub text: String,
    /// Why, as a short kebab-case id: `related-links`, `duplicate`, `navigation`, …
    pub reason: RemovalReason,
}

/// A note about the input that is not an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable kebab-case id: `empty-input`, `no-article`, …
    pub code: WarningCode,
    /// The same for people.
    pub message: String,
}

/// Entity types, as the contract names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// A role word before or around a name ("Bộ trưởng Ngoại giao").
    Title,
    /// A date or period.
    Date,
    /// A time of day.
    Time,
    /// A number.
    Num,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A named document, meeting or event ("Hiệp ước Hữu nghị và Hợp tác").
    Misc,
}

impl EntityKind {
    /// Every type, in the order the page's legend shows them.
    pub const ALL: &'static [EntityKind] = &[
        EntityKind::Per,
        EntityKind::Org,
        EntityKind::Loc,
        EntityKind::Title,
        EntityKind::Date,
        EntityKind::Time,
        EntityKind::Num,
        EntityKind::Money,
        EntityKind::Percent,
        EntityKind::Misc,
    ];

    /// The id used in the contract (`PER`, …).
    pub fn id(self) -> &'static str {
        match self {
            EntityKind::Per => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Title => "TITLE",
            EntityKind::Date => "DATE",
            EntityKind::Time => "TIME",
            EntityKind::Num => "NUM",
            EntityKind::Money => "MONEY",
            EntityKind::Percent => "PERCENT",
            EntityKind::Misc => "MISC",
        }
    }
}

/// Every id the core can put in its output, and its limits: what a binding
/// or a page needs to label, translate and check values without keeping a
/// copy of its own. The wasm binding exports it as `schema()`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// Entity types (`PER`, …).
    pub entity_types: &'static [EntityKind],
    /// Event types (`phone_call`, …).
    pub event_types: Vec<&'static str>,
    /// Why the cleaner removes a block.
    pub removal_reasons: &'static [RemovalReason],
    /// Warning codes.
    pub warnings: &'static [WarningCode],
    /// The rules an entity's or an event's `rule` id starts from (an event
    /// trigger's id goes on with `:<type>:<cue>`).
    pub rules: &'static [Rule],
    /// The refinements an id may add, as `+<mark>` in this order
    /// (`date.weekday` alone comes first: `date.weekday+date.dm`).
    pub rule_marks: &'static [Mark],
    /// Error kinds (the `name` of errors thrown in JavaScript).
    pub errors: Vec<&'static str>,
    /// The default limit on input size, in bytes of UTF-8.
    pub max_input_bytes: usize,
    /// The unit of every offset: `utf16`.
    pub offset_unit: &'static str,
}

/// The [`Schema`] of this build.
pub fn schema() -> Schema {
    Schema {
        entity_types: EntityKind::ALL,
        event_types: EventKind::ALL.iter().map(|k| k.id()).collect(),
        removal_reasons: RemovalReason::ALL,
        warnings: WarningCode::ALL,
        rules: Rule::ALL,
        rule_marks: Mark::ALL,
        errors: ErrorKind::ALL.iter().map(|k| k.id()).collect(),
        max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        offset_unit: OFFSET_UNIT,
    }
}

/// Reads a rule id back from the output. It lives here, not beside
/// [`RuleId`], because a trigger's cue is found in the events stage's list,
/// which the ids' layer does not reach.
impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        RuleId::parse(&id, events::triggers::listed_cue)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule id {id:?}")))
    }
}

/// The unit of every `start`/`end` in the output.
pub const OFFSET_UNIT: &str = "utf16";

/// One mention of an entity in [`Extraction::text`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The mention exactly as in `text`.
    pub text: String,
    /// Start in UTF-16 code units.
    pub start: usize,
    /// End (exclusive) in UTF-16 code units.
    pub end: usize,
    /// One name shared by every mention of the same real-world entity.
    pub canonical: String,
    /// Normalised value for DATE, TIME, NUM, MONEY and PERCENT.
    pub value: Option<String>,
    /// For PER: the titles around the name ("Bộ trưởng Ngoại giao").
    pub roles: Vec<String>,
    /// For PER and ORG: the country the titles or name give ("Lào").
    pub country: Option<String>,
    /// Id of the rule or word list that produced this mention.
    pub rule: RuleId,
    /// Byte range in `text`; the stages work in bytes.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Event types of `spec/events.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant is its spec id
pub enum EventKind {
    PhoneCall,
    Talks,
    Meeting,
    Reception,
    Visit,
    Consultation,
    CoChair,
    Conference,
    Signing,
    Award,
    Message,
    Statement,
    Anniversary,
    EstablishRelations,
}

impl EventKind {
    /// Every type, in the order of `spec/events.md`.
    pub const ALL: &'static [EventKind] = &[
        EventKind::PhoneCall,
        EventKind::Talks,
        EventKind::Meeting,
        EventKind::Reception,
        EventKind::Visit,
        EventKind::Consultation,
        EventKind::CoChair,
        EventKind::Conference,
        EventKind::Signing,
        EventKind::Award,
        EventKind::Message,
        EventKind::Statement,
        EventKind::Anniversary,
        EventKind::EstablishRelations,
    ];

    /// The id used in the contract (`phone_call`, …).
    pub fn id(self) -> &'static str {
        match self {
            EventKind::PhoneCall => "phone_call",
            EventKind::Talks => "talks",
            EventKind::Meeting => "meeting",
            EventKind::Reception => "reception",
            EventKind::Visit => "visit",
            EventKind::Consultation => "consultation",
            EventKind::CoChair => "co_chair",
            EventKind::Conference => "conference",
            EventKind::Signing => "signing",
            EventKind::Award => "award",
            EventKind::Message => "message",
            EventKind::Statement => "statement",
            EventKind::Anniversary => "anniversary",
            EventKind::EstablishRelations => "establish_relations",
        }
    }

    /// The type with the contract id `id`.
    pub fn from_id(id: &str) -> Option<EventKind> {
        EventKind::ALL.iter().copied().find(|k| k.id() == id)
    }
}

/// Whether an event took place, is planned or is under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum EventStatus {
    Happened,
    Planned,
    Ongoing,
}

/// Someone taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The person's (or, where no person is named, the organisation's) canonical name.
    pub name: String,
    /// Their role in the article's words ("Bộ trưởng Ngoại giao").
    pub role: Option<String>,
    /// Their country.
    pub country: Option<String>,
}

/// One event the article reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The spec id.
    #[serde(rename = "type")]
    pub kind: EventKind,
    /// The CAMEO code of this event ("041").
    pub cameo: String,
    /// The word(s) naming the event, as in the text.
    pub trigger: String,
    /// `2025-12-12`, `--12-12`, `2025-12`, `2025` or none.
    pub date: Option<String>,
    /// `sáng`, `trưa`, `chiều` or `tối`.
    pub time_of_day: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// Who.
    pub participants: Vec<Participant>,
    /// Happened, planned or ongoing.
    pub status: EventStatus,
    /// The event the article is about.
    pub main: bool,
    /// The sentence it was read from.
    pub sentence: String,
    /// Start of `sentence` in `text`, UTF-16 code units.
    pub sentence_start: usize,
    /// End of `sentence` in `text`, UTF-16 code units.
    pub sentence_end: usize,
    /// Id of the rule that produced it.
    pub rule: RuleId,
    /// Byte range of the sentence in `text`.
    #[serde(skip)]
    pub sentence_span: Range<usize>,
}

/// Runs the whole pipeline on a page pasted as plain text.
///
/// ```
/// let page = "Thị trưởng hai thành phố kết nghĩa gặp gỡ tại Đà Nẵng\n\n\
///             Sáng 9/4, Chủ tịch UBND thành phố Đà Nẵng Trần Quang Phúc đã tiếp \
///             Thị trưởng thành phố Sakai Ito Haruki tại trụ sở thành phố.";
/// let x = vnextract::extract(page, &vnextract::Options::default()).unwrap();
/// assert_eq!(x.title.as_deref(), Some("Thị trưởng hai thành phố kết nghĩa gặp gỡ tại Đà Nẵng"));
/// assert!(x.entities.iter().any(|e| e.text == "Trần Quang Phúc"));
/// assert_eq!(x.events[0].kind.id(), "reception");
/// ```
pub fn extract(raw: &str, options: &Options) -> Result<Extraction, Error> {
    check_size(raw.len(), options)?;
    let legacy = normalise::legacy::detect(raw);
    let (text, spellings) =
        normalise::normalise_keeping_spellings(&normalise::legacy::convert(legacy, raw));
    let article = if options.clean {
        clean::clean_text(&text)
    } else {
        clean::Article::as_given(&text)
    };
    let mut x = finish(article, options);
    restore_spellings(&mut x, &spellings);
    Ok(normalise::legacy::warn(legacy, x))
}

/// Runs the whole pipeline on a page given as blocks from HTML.
pub fn extract_blocks(blocks: &[InputBlock], options: &Options) -> Result<Extraction, Error> {
    check_size(blocks.iter().map(|b| b.text.len() + 1).sum(), options)?;
    let legacy = normalise::legacy::detect_blocks(blocks);
    let mut spellings = normalise::spelling::Spellings::default();
    let blocks: Vec<InputBlock> = blocks
        .iter()
        .map(|b| InputBlock {
            text: normalise::normalise_into(
                &normalise::legacy::convert(legacy, &b.text),
                Some(&mut spellings),
            ),
            ..b.clone()
        })
        .collect();
    spellings.settle();
    let article = if options.clean {
        clean::clean_blocks(&blocks)
    } else {
        let joined: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        clean::Article::as_given(&joined.join("\n\n"))
    };
    let mut x = finish(article, options);
    restore_spellings(&mut x, &spellings);
    Ok(normalise::legacy::warn(legacy, x))
}

/// Runs the whole pipeline on an HTML document (the CLI's `.html` files).
pub fn extract_html(html: &str, options: &Options) -> Result<Extraction, Error> {
    check_size(html.len(), options)?;
    extract_blocks(&clean::html::blocks_from_html(html), options)
}

fn check_size(len: usize, options: &Options) -> Result<(), Error> {
    if len > options.max_input_bytes {
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!(
                "the input is {} bytes, more than the limit of {} bytes; split it, or raise the limit",
                len, options.max_input_bytes
            ),
        ));
    }
    Ok(())
}

/// Writes every word the normaliser respelled back as the paste wrote it, in
/// every string of the document (see `normalise::spelling`). A tone moved
/// within a word keeps the word's UTF-16 length, so the offsets stay true;
/// the byte spans are set again from them, and mentions and sentences are
/// cut again from the restored `text`, so they match it exactly.
fn restore_spellings(x: &mut Extraction, spellings: &normalise::spelling::Spellings) {
    if spellings.is_empty() {
        return;
    }
    // Strings cut from the text are placed word by word; names and roles the
    // stages made take back only the words the paste wrote one way.
    let r = |s: &mut String| spellings.restore_in(s);
    let ro = |s: &mut Option<String>| s.iter_mut().for_each(r);
    let w = |s: &mut String| spellings.restore_words_in(s);
    let wo = |s: &mut Option<String>| s.iter_mut().for_each(w);
    ro(&mut x.title);
    ro(&mut x.byline);
    ro(&mut x.source);
    x.paragraphs.iter_mut().for_each(r);
    x.captions.iter_mut().for_each(r);
    x.removed.iter_mut().for_each(|d| r(&mut d.text));
    r(&mut x.text);
    offsets::fill_bytes(&x.text, &mut x.entities, &mut x.events);
    for e in &mut x.entities {
        e.text = x.text[e.span.clone()].to_string();
        w(&mut e.canonical);
        e.roles.iter_mut().for_each(w);
        wo(&mut e.country);
    }
    for ev in &mut x.events {
        w(&mut ev.trigger);
        wo(&mut ev.location);
        ev.sentence = x.text[ev.sentence_span.clone()].to_string();
        for p in &mut ev.participants {
            w(&mut p.name);
            wo(&mut p.role);
            wo(&mut p.country);
        }
    }
}

/// The stages after cleaning, shared by every kind of input.
fn finish(article: clean::Article, options: &Options) -> Extraction {
    let (mut text, title_span) = article.joined_text();
    // The article's entities are the title's, the paragraphs' and the
    // captions' (a place may be named only under its photo), so the captions
    // follow the paragraphs in `text`, where every offset points. Events are
    // read from the title and paragraphs alone, as before: a caption is no
    // report of what happened, and the events stage sees captions apart.
    // A caption's photo credit ("Ảnh: ‹name›/‹agency›") names who took the
    // photo, which the annotation does not count, and a shortcode around it
    // is markup: no entity starts in either.
    let body_len = text.len();
    let mut credits = Vec::new();
    for c in &article.captions {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let at = text.len();
        credits.extend(clean::shape::caption_furniture(c).map(|r| at + r.start..at + r.end));
        text.push_str(c);
    }
    let published_day = article
        .published
        .as_deref()
        .and_then(|p| p.get(..10))
        .and_then(|d| d.parse::<Ymd>().ok());
    let ctx = DocContext {
        anchor: published_day.or(options.reference_date),
        title_span,
    };
    // Tokenised once, for both stages; the body's tokens end before the
    // captions' blank line.
    let tokens = crate::text::tokens::tokenize_all(&text);
    let mut entities = entities::find_tokenised(&text, &tokens, &ctx);
    entities.retain(|e| !credits.iter().any(|r| r.contains(&e.span.start)));
    let in_body = entities.partition_point(|e| e.span.end <= body_len);
    let body_tokens = tokens.partition_point(|t| t.span.end <= body_len);
    let mut events = events::find_tokenised(
        &text[..body_len],
        &tokens[..body_tokens],
        &entities[..in_body],
        &article.captions,
        &ctx,
    );
    offsets::fill_utf16(&text, &mut entities, &mut events);
    let mut warnings = article.warnings;
    if text[..body_len].trim().is_empty() && warnings.is_empty() {
        warnings.push(Warning {
            code: WarningCode::NoArticle,
            message: "no article text was found in the input".into(),
        });
    }
    Extraction {
        title: article.title,
        byline: article.byline,
        published: article.published,
        source: article.source,
        paragraphs: article.paragraphs,
        captions: article.captions,
        removed: article.removed,
        text,
        entities,
        events,
        warnings,
        offset_unit: OFFSET_UNIT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ymd_reads_and_checks_dates() {
        assert_eq!(
            "2025-12-12".parse::<Ymd>().unwrap(),
            Ymd {
                year: 2025,
                month: 12,
                day: 12
            }
        );
        assert!("2025-02-30".parse::<Ymd>().is_err());
        assert!("2024-02-29".parse::<Ymd>().is_ok());
        assert!("12/12/2025".parse::<Ymd>().is_err());
        assert_eq!(Ymd::new(2025, 1, 2).unwrap().to_string(), "2025-01-02");
    }

    #[test]
    fn schema_lists_every_type_once() {
        let s = schema();
        assert_eq!(s.entity_types.len(), 10);
        assert_eq!(s.event_types.len(), 14);
        assert!(s.event_types.contains(&"establish_relations"));
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["entityTypes"][0], "PER");
        assert!(v["removalReasons"]
            .as_array()
            .unwrap()
            .contains(&"related-links".into()));
        assert_eq!(v["errors"][0], "input-too-large");
    }

    #[test]
    fn options_read_known_keys_and_refuse_unknown_ones() {
        let o: Options =
            serde_json::from_str(r#"{"clean": false, "referenceDate": "2031-04-09"}"#).unwrap();
        assert!(!o.clean);
        assert_eq!(o.reference_date, Ymd::new(2031, 4, 9));
        assert_eq!(o.max_input_bytes, DEFAULT_MAX_INPUT_BYTES);
        assert_eq!(
            serde_json::from_str::<Options>("{}").unwrap(),
            Options::default()
        );
        let keys: Vec<String> = serde_json::to_value(Options::default())
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut fields: Vec<&str> = Options::FIELDS.to_vec();
        fields.sort_unstable();
        assert_eq!(keys, fields, "Options::FIELDS lists every key");
        // issue 18: a misspelt key is an error, not silently the default.
        let err = serde_json::from_str::<Options>(r#"{"refDate": "2031-04-09"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `refDate`"), "{err}");
    }

    #[test]
    fn too_large_input_is_refused_with_a_message() {
        let options = Options {
            max_input_bytes: 10,
            ..Options::default()
        };
        let err = extract("ba bốn năm sáu bảy", &options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InputTooLarge);
        assert!(err.to_string().contains("limit of 10 bytes"));
    }

    #[test]
    fn empty_input_gives_an_empty_document_and_a_warning() {
        let x = extract(" \n\t\n", &Options::default()).unwrap();
        assert!(x.text.is_empty() && x.entities.is_empty() && x.events.is_empty());
        assert!(!x.warnings.is_empty());
    }

    #[test]
    fn a_printed_document_reads_back_the_same() {
        let x = extract(
            "Tiêu đề bài\n\nNgày 20/7, tại Hà Nội, Bộ trưởng Trần Văn An hội đàm với bộ trưởng Lào.",
            &Options::default(),
        )
        .unwrap();
        let json = serde_json::to_string(&x).unwrap();
        let back: Extraction = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        // Rule ids, a trigger's among them, read back as the same typed ids.
        assert!(!x.events.is_empty() && !x.entities.is_empty());
        assert_eq!(back.events[0].rule, x.events[0].rule);
        assert_eq!(
            back.entities,
            x.entities
                .iter()
                .map(|e| Entity {
                    span: 0..0,
                    ..e.clone()
                })
                .collect::<Vec<_>>()
        );
        let unknown = json.replacen(&x.entities[0].rule.to_string(), "org.nope", 1);
        let err = serde_json::from_str::<Extraction>(&unknown).unwrap_err();
        assert!(
            err.to_string().contains("unknown rule id \"org.nope\""),
            "{err}"
        );
        let partial: Extraction = serde_json::from_str(r#"{"title":"T"}"#).unwrap();
        assert_eq!(partial.title.as_deref(), Some("T"));
        assert_eq!(partial.offset_unit, OFFSET_UNIT);
    }

    #[test]
    fn every_contract_field_is_serialised() {
        let x = extract(
            "Tiêu đề bài\n\nNgày 20/7, tại Hà Nội, hai bên hội đàm.",
            &Options::default(),
        )
        .unwrap();
        let v = serde_json::to_value(&x).unwrap();
        for field in [
            "title",
            "byline",
            "published",
            "source",
            "paragraphs",
            "captions",
            "removed",
            "text",
            "entities",
            "events",
        ] {
            assert!(v.get(field).is_some(), "missing {field}");
        }
    }
}
