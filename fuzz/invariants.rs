//! The properties every extraction must have, whatever the input: checked on
//! every fuzz run (`fuzz/fuzz_targets/*`) and by the short property tests
//! (`tests/properties.rs`, which includes this file with `#[path]`), so the
//! two can never drift apart.
//!
//! Each check returns `Err(description)` instead of panicking so that a
//! property test can report which property broke and on what.

#![allow(dead_code)] // each includer uses a subset

use vnextract::{extract, extract_blocks, Extraction, InputBlock, Options};

/// A byte offset → UTF-16 offset table built independently of the library's
/// own `offsets` module (one entry per byte; `None` inside a char).
struct Utf16Table(Vec<Option<usize>>);

impl Utf16Table {
    fn new(text: &str) -> Utf16Table {
        let mut table = vec![None; text.len() + 1];
        let mut units = 0;
        for (b, c) in text.char_indices() {
            table[b] = Some(units);
            units += c.len_utf16();
        }
        table[text.len()] = Some(units);
        Utf16Table(table)
    }
    fn at(&self, byte: usize) -> Option<usize> {
        self.0.get(byte).copied().flatten()
    }
    fn len(&self) -> usize {
        self.0.last().copied().flatten().unwrap_or(0)
    }
}

/// Checks one byte span and its public UTF-16 pair against `text`.
fn check_span(
    what: &str,
    text: &str,
    table: &Utf16Table,
    span: &std::ops::Range<usize>,
    start: usize,
    end: usize,
) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what}: byte span {span:?} outside text of {} bytes",
            text.len()
        ));
    }
    let (Some(s16), Some(e16)) = (table.at(span.start), table.at(span.end)) else {
        return Err(format!("{what}: byte span {span:?} not on char boundaries"));
    };
    if (start, end) != (s16, e16) {
        return Err(format!(
            "{what}: UTF-16 offsets {start}..{end}, expected {s16}..{e16} for bytes {span:?}"
        ));
    }
    if end > table.len() {
        return Err(format!(
            "{what}: UTF-16 end {end} past text length {}",
            table.len()
        ));
    }
    Ok(())
}

/// Every offset on a char boundary and inside `text`; UTF-16 offsets that
/// match the byte spans; entities ordered by position.
pub fn offsets_are_sound(x: &Extraction) -> Result<(), String> {
    let table = Utf16Table::new(&x.text);
    for e in &x.entities {
        check_span(
            &format!("entity {:?}", e.text),
            &x.text,
            &table,
            &e.span,
            e.start,
            e.end,
        )?;
    }
    for ev in &x.events {
        check_span(
            &format!("event sentence {:?}", ev.sentence),
            &x.text,
            &table,
            &ev.sentence_span,
            ev.sentence_start,
            ev.sentence_end,
        )?;
    }
    if let Some(w) = x
        .entities
        .windows(2)
        .find(|w| w[0].span.start > w[1].span.start)
    {
        return Err(format!(
            "entities out of order: {:?} at {:?} before {:?} at {:?}",
            w[0].text, w[0].span, w[1].text, w[1].span
        ));
    }
    Ok(())
}

/// `what` (a mention or sentence the output quotes) is exactly `text[span]`.
fn quote_is_slice(
    kind: &str,
    text: &str,
    what: &str,
    span: &std::ops::Range<usize>,
) -> Result<(), String> {
    match text.get(span.clone()) {
        Some(s) if s == what => Ok(()),
        got => Err(format!(
            "{kind} {what:?} but its span {span:?} holds {got:?}"
        )),
    }
}

/// Each entity's `text` is exactly its slice of `text`.
pub fn entity_text_is_its_slice(x: &Extraction) -> Result<(), String> {
    x.entities
        .iter()
        .try_for_each(|e| quote_is_slice("entity text", &x.text, &e.text, &e.span))
}

/// Each event's `sentence` is exactly its slice of `text` (what
/// `sentence_start`/`sentence_end` promise).
pub fn event_sentence_is_its_slice(x: &Extraction) -> Result<(), String> {
    x.events.iter().try_for_each(|ev| {
        quote_is_slice("event sentence", &x.text, &ev.sentence, &ev.sentence_span)
    })
}

/// The article: the title, then the paragraphs, joined by blank lines.
pub fn article_text(x: &Extraction) -> String {
    let parts: Vec<&str> = x
        .title
        .iter()
        .chain(x.paragraphs.iter())
        .map(String::as_str)
        .collect();
    parts.join("\n\n")
}

/// `text` is the title, then the paragraphs, then the captions, joined by
/// blank lines; an empty result always carries a warning.
pub fn text_matches_parts(x: &Extraction) -> Result<(), String> {
    let mut joined = article_text(x);
    for c in &x.captions {
        if !joined.is_empty() {
            joined.push_str("\n\n");
        }
        joined.push_str(c);
    }
    if joined != x.text {
        return Err(format!(
            "text {:?} is not title+paragraphs+captions joined: {:?}",
            x.text, joined
        ));
    }
    if x.text.trim().is_empty() && x.warnings.is_empty() {
        return Err("empty text without a warning".into());
    }
    Ok(())
}

/// `again` (the extraction of the cleaned `first`, given back as `what`)
/// has the same article (title and paragraphs).
fn same_text(
    what: &str,
    first: &Extraction,
    again: Result<Extraction, vnextract::Error>,
) -> Result<(), String> {
    let again = again.map_err(|e| format!("re-extracting the cleaned {what} failed: {e}"))?;
    let (first, again) = (article_text(first), article_text(&again));
    if again != first {
        return Err(format!(
            "cleaning the cleaned {what} changed it:\n first: {first:?}\nsecond: {again:?}"
        ));
    }
    Ok(())
}

/// Extracting from the cleaned article (the title and paragraphs of `text`,
/// without the captions after them) gives the same article back.
pub fn cleaning_is_idempotent(x: &Extraction, options: &Options) -> Result<(), String> {
    same_text("text", x, extract(&article_text(x), options))
}

/// Extracting from the cleaned article given back as blocks (the title as
/// `h1`, each paragraph as `p`) gives the same text back: the property for
/// HTML input, whose cleaner reads tags that plain text does not have.
pub fn cleaning_blocks_is_idempotent(x: &Extraction, options: &Options) -> Result<(), String> {
    let block = |text: &String, tag: &str| InputBlock {
        text: text.clone(),
        tag: tag.into(),
        ..InputBlock::default()
    };
    let blocks: Vec<InputBlock> = x
        .title
        .iter()
        .map(|t| block(t, "h1"))
        .chain(x.paragraphs.iter().map(|p| block(p, "p")))
        .collect();
    same_text("blocks", x, extract_blocks(&blocks, options))
}

/// Every re-cleaning property of an extraction from HTML: given back as
/// blocks (`html-as-blocks`) and as plain text (`html-as-text`), less the
/// [`KNOWN_OPEN`] ones.
pub fn check_reclean_html(x: &Extraction, options: &Options) -> Result<(), String> {
    if !KNOWN_OPEN.contains(&"html-as-blocks") {
        cleaning_blocks_is_idempotent(x, options).map_err(|e| format!("html-as-blocks: {e}"))?;
    }
    if !KNOWN_OPEN.contains(&"html-as-text") {
        cleaning_is_idempotent(x, options).map_err(|e| format!("html-as-text: {e}"))?;
    }
    Ok(())
}

/// Normalising twice is normalising once.
pub fn normalise_is_idempotent(raw: &str) -> Result<(), String> {
    let once = vnextract::internals::normalise::normalise(raw);
    let twice = vnextract::internals::normalise::normalise(&once);
    if once != twice {
        return Err(format!(
            "normalise is not idempotent: {once:?} then {twice:?}"
        ));
    }
    Ok(())
}

/// The same input gives the same output.
pub fn is_deterministic(first: &Extraction, second: &Extraction) -> Result<(), String> {
    if first != second {
        let a = serde_json::to_string(first).unwrap_or_default();
        let b = serde_json::to_string(second).unwrap_or_default();
        return Err(format!("two runs differ:\n{a}\n{b}"));
    }
    Ok(())
}

/// Every property of one extraction of `html` (HTML input): those of any
/// extraction, determinism and re-cleaning.
pub fn check_all_html(html: &str, options: &Options) -> Result<(), String> {
    let Ok(x) = vnextract::extract_html(html, options) else {
        return Ok(());
    };
    check_all_extraction(&x)?;
    is_deterministic(
        &x,
        &vnextract::extract_html(html, options).map_err(|e| e.to_string())?,
    )?;
    check_reclean_html(&x, options)
}

/// Every property of one extraction of `raw` (text input), for the fuzzer.
pub fn check_all_text(raw: &str, options: &Options) -> Result<(), String> {
    normalise_is_idempotent(raw)?;
    let Ok(x) = extract(raw, options) else {
        return Ok(());
    };
    check_all_extraction(&x)?;
    is_deterministic(&x, &extract(raw, options).map_err(|e| e.to_string())?)?;
    cleaning_is_idempotent(&x, options)
}

/// Properties broken by code this file's owner does not own, each with the
/// issue that tracks it: the fuzzer skips them so that it keeps looking for
/// new failures, and `tests/properties.rs` keeps an `#[ignore]`d test for
/// each with its minimal input. Empty this list as they are fixed.
pub const KNOWN_OPEN: &[&str] = &["html-as-text", "html-as-blocks"];

/// A property of one extraction: `Err` says how it broke.
pub type Property = fn(&Extraction) -> Result<(), String>;

/// The properties that hold for any [`Extraction`], by name.
pub const EXTRACTION_PROPERTIES: &[(&str, Property)] = &[
    ("offsets", offsets_are_sound),
    ("entity-text", entity_text_is_its_slice),
    ("event-sentence", event_sentence_is_its_slice),
    ("text-parts", text_matches_parts),
];

/// The properties that hold for any [`Extraction`], less the [`KNOWN_OPEN`] ones.
pub fn check_all_extraction(x: &Extraction) -> Result<(), String> {
    for (name, check) in EXTRACTION_PROPERTIES {
        if !KNOWN_OPEN.contains(name) {
            check(x).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(())
}
