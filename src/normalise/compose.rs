//! Canonical composition (NFC) for Latin letters with combining marks,
//! from the character library's compact table ([`crate::text::chars`]):
//! every Vietnamese letter, and the other precomposed Latin letters of
//! U+00C0–U+024F and U+1E00–U+1EFF.
//!
//! Text outside that range passes through unchanged. Marks on one letter are
//! put in canonical order (by combining class, stably) before composing, as
//! NFC does, so "o" + dot below + circumflex and "o" + circumflex + dot below
//! both give "ộ", and a precomposed vowel with a separate tone mark ("â" +
//! U+0301, as legacy keyboards type it) gives "ấ".

use crate::text::chars::{combining_class, compose, decompose};
// The character tests once lived here; their callers still find them here.
pub use crate::text::chars::{
    base_of, has_mark, is_alphabetic, is_alphanumeric, is_mark, to_lowercase,
};

/// `s` in NFC, for Latin letters with marks; everything else as it is.
pub fn nfc(s: &str) -> String {
    // Without a combining mark every letter of the table composes back to
    // itself (tested below), so the text is already in NFC.
    if !has_mark(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    // The letter being built: its base and the marks gathered so far.
    let mut base: Option<char> = None;
    let mut marks: Vec<char> = Vec::new();
    for c in s.chars() {
        if is_mark(c) {
            // Marks with no letter before them are kept too, in canonical
            // order, so that NFD and NFC input read alike (issue 8).
            marks.push(c);
            continue;
        }
        match base.take() {
            Some(b) => flush(&mut out, b, &mut marks),
            None => flush_stray(&mut out, &mut marks),
        }
        match decompose(c) {
            Some((b, ms)) => {
                base = Some(b);
                marks.extend(ms.iter().filter(|&&m| m != '\0'));
            }
            None if is_alphabetic(c) => base = Some(c),
            None => out.push(c),
        }
    }
    match base {
        Some(b) => flush(&mut out, b, &mut marks),
        None => flush_stray(&mut out, &mut marks),
    }
    out
}

/// Writes marks that follow no letter, in canonical order.
fn flush_stray(out: &mut String, marks: &mut Vec<char>) {
    marks.sort_by_key(|&m| combining_class(m));
    out.extend(marks.iter());
    marks.clear();
}

/// Writes `base` with `marks`: composed as far as the table allows, the
/// marks that do not compose left after it in canonical order.
fn flush(out: &mut String, base: char, marks: &mut Vec<char>) {
    if marks.is_empty() {
        out.push(base);
        return;
    }
    // Canonical order: a stable sort by combining class.
    marks.sort_by_key(|&m| combining_class(m));
    for n in (1..=marks.len()).rev() {
        if let Some(letter) = compose(base, &marks[..n]) {
            out.push(letter);
            out.extend(&marks[n..]);
            marks.clear();
            return;
        }
    }
    out.push(base);
    out.extend(marks.iter());
    marks.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_compose_in_any_mark_order() {
        assert_eq!(nfc("Ha\u{300} No\u{302}\u{323}i"), "Hà Nội");
        assert_eq!(nfc("No\u{323}\u{302}i"), "Nội");
        assert_eq!(nfc("\u{e2}\u{301}"), "ấ");
        assert_eq!(nfc("u\u{31b}\u{303}"), "ữ");
        assert_eq!(nfc("Đa\u{306}\u{323}ng"), "Đặng");
    }

    #[test]
    fn other_text_is_untouched() {
        for s in ["Hà Nội", "abc 123", "東京", "\u{301}x", "q\u{301}", "đ"] {
            assert_eq!(nfc(s), s);
        }
    }

    #[test]
    fn every_letter_of_the_table_composes_back_to_itself() {
        // What lets `nfc` skip text without a combining mark.
        let mut n = 0;
        for c in (0xc0..=0x24f)
            .chain(0x1e00..=0x1eff)
            .filter_map(char::from_u32)
        {
            if let Some((base, marks)) = decompose(c) {
                n += 1;
                let mut s = String::from(base);
                s.extend(marks.iter().filter(|&&m| m != '\0'));
                assert_eq!(nfc(&s), c.to_string(), "{c}");
                assert_eq!(base_of(c), base);
            }
        }
        assert!(n > 400, "only {n} letters in the table");
    }

    #[test]
    fn the_table_covers_every_vietnamese_letter() {
        let vowels = "aăâeêioôơuưy";
        let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
        for v in vowels.chars().chain(vowels.to_uppercase().chars()) {
            for t in tones {
                let composed = nfc(&format!("{v}{t}"));
                assert_eq!(composed.chars().count(), 1, "{v}{t} did not compose");
                assert_eq!(
                    base_of(composed.chars().next().unwrap()).to_ascii_lowercase(),
                    base_of(v).to_ascii_lowercase()
                );
            }
        }
    }
}
