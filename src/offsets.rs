//! Byte offsets (what Rust slices with) to UTF-16 code units (what
//! JavaScript's `String.prototype.slice` takes), in one pass over the text.
//!
//! The stages record byte ranges; the public `start`/`end` fields are UTF-16
//! so that the page can slice `text` directly, emoji and all.

use crate::{Entity, Event};

/// Maps byte offsets of one text to UTF-16 offsets.
pub struct Utf16Map {
    /// `(byte, utf16)` at every char boundary where the two units diverge
    /// is not enough for random access, so keep a prefix table per char.
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16Map {
    /// Builds the table for `text` (one entry per char, plus the end).
    pub fn new(text: &str) -> Utf16Map {
        let mut bytes = Vec::with_capacity(text.len() / 2 + 1);
        let mut units = Vec::with_capacity(text.len() / 2 + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            bytes.push(b);
            units.push(u);
            u += c.len_utf16();
        }
        bytes.push(text.len());
        units.push(u);
        Utf16Map { bytes, units }
    }

    /// The UTF-16 offset of byte offset `b` (which must be a char boundary;
    /// an offset inside a char maps to the char's start).
    pub fn to_utf16(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(i) => self.units[i],
            Err(i) => self.units[i.saturating_sub(1)],
        }
    }
}

impl Utf16Map {
    /// The byte offset of UTF-16 offset `u` (inside a surrogate pair: the
    /// char's start).
    pub fn to_byte(&self, u: usize) -> usize {
        match self.units.binary_search(&u) {
            Ok(i) => self.bytes[i],
            Err(i) => self.bytes[i.saturating_sub(1)],
        }
    }
}

/// Sets the byte spans of entities and events from their UTF-16 offsets,
/// after `text` was rewritten with the same UTF-16 lengths.
pub fn fill_bytes(text: &str, entities: &mut [Entity], events: &mut [Event]) {
    let map = Utf16Map::new(text);
    for e in entities {
        e.span = map.to_byte(e.start)..map.to_byte(e.end);
    }
    for ev in events {
        ev.sentence_span = map.to_byte(ev.sentence_start)..map.to_byte(ev.sentence_end);
    }
}

/// Fills the UTF-16 `start`/`end` of entities and events from their byte spans.
pub fn fill_utf16(text: &str, entities: &mut [Entity], events: &mut [Event]) {
    let map = Utf16Map::new(text);
    for e in entities {
        e.start = map.to_utf16(e.span.start);
        e.end = map.to_utf16(e.span.end);
    }
    for ev in events {
        ev.sentence_start = map.to_utf16(ev.sentence_span.start);
        ev.sentence_end = map.to_utf16(ev.sentence_span.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_vietnamese_and_astral_chars() {
        let text = "Hà Nội 😀 Lào";
        let map = Utf16Map::new(text);
        let lao = text.find("Lào").unwrap();
        // "Hà Nội " is 7 units, the emoji 2, the space 1.
        assert_eq!(map.to_utf16(lao), 10);
        assert_eq!(map.to_utf16(text.len()), 13);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[10..13]).unwrap(), "Lào");
    }
}
