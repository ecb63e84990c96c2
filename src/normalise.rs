//! Stage 1: normalise the raw paste so that later stages compare like with like,
//! without changing what a reader sees.
//!
//! - NFC composition (pastes mix composed and decomposed Vietnamese), from
//!   a compact table of Latin letters ([`compose`]), not the full Unicode data;
//! - one tone-mark placement: the modern style, where the tone of the open
//!   syllables `oa`, `oe`, `uy` sits on the first vowel ("hoà" → "hòa",
//!   "thuỷ" → "thủy"), so that both spellings read alike; the output gives
//!   the paste's own placement back ([`spelling`]);
//! - line endings become `\n`; no-break spaces become spaces; zero-width
//!   characters (ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen) and the
//!   byte-order mark go; runs of spaces and tabs become one
//!   space and lines lose their outer spaces;
//! - dash and quote variants become the common forms (`‐ ‑ ‒ – − ﹣ －` → `-`,
//!   `―` → `—`, `„ ‟` → `“`, `‛` → `’`, `＂ ″` → `"`, `＇` → `'`).

pub mod compose;
pub mod legacy;
pub mod spelling;

use std::borrow::Cow;

/// Returns `raw` normalised for the later stages.
pub fn normalise(raw: &str) -> String {
    normalise_into(raw, None)
}

/// Returns `raw` normalised, and the words whose tone it moved, so that the
/// output can give them back as the paste wrote them ([`spelling`]).
pub fn normalise_keeping_spellings(raw: &str) -> (String, spelling::Spellings) {
    let mut spellings = spelling::Spellings::default();
    let text = normalise_into(raw, Some(&mut spellings));
    spellings.settle();
    (text, spellings)
}

/// Normalises `raw`, noting each respelled word in `spellings` when given
/// (the caller settles them once every text of the page is normalised).
pub(crate) fn normalise_into(raw: &str, mut spellings: Option<&mut spelling::Spellings>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut line = String::new();
    // Invisible characters go before composition: dropped after it, they
    // could leave marks next to a letter uncomposed, and normalising again
    // would compose them (found by fuzz/extract_text, issue 8).
    let visible: Cow<str> = if raw.contains(is_invisible) {
        raw.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        Cow::Borrowed(raw)
    };
    let composed: Cow<str> = if compose::has_mark(&visible) {
        Cow::Owned(compose::nfc(&visible))
    } else {
        visible
    };
    let mut chars = composed.chars().peekable();
    loop {
        let c = chars.next();
        match c {
            None | Some('\n') | Some('\r') => {
                if c == Some('\r') && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push_line(&mut out, &line, spellings.as_deref_mut());
                line.clear();
                match c {
                    None => break,
                    _ => out.push('\n'),
                }
            }
            Some(c) => match c {
                '\u{a0}'
                | '\u{2007}'
                | '\u{202f}'
                | '\t'
                | '\u{2002}'..='\u{200a}'
                | '\u{3000}' => {
                    if !line.ends_with(' ') {
                        line.push(' ');
                    }
                }
                ' ' => {
                    if !line.ends_with(' ') {
                        line.push(' ');
                    }
                }
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{fe63}'
                | '\u{ff0d}' => line.push('-'),
                '\u{2015}' => line.push('—'),
                '\u{201e}' | '\u{201f}' => line.push('“'),
                '\u{201b}' => line.push('’'),
                '\u{ff02}' | '\u{2033}' => line.push('"'),
                '\u{ff07}' => line.push('\''),
                c => line.push(c),
            },
        }
    }
    if let Some(sp) = spellings {
        sp.end_text(&out);
    }
    out
}

/// Appends one line, trimmed, with the modern tone placement.
fn push_line(out: &mut String, line: &str, mut spellings: Option<&mut spelling::Spellings>) {
    let line = line.trim_matches(' ');
    let mut word_start = None;
    for (i, c) in line.char_indices() {
        if compose::is_alphabetic(c) {
            word_start.get_or_insert(i);
        } else if let Some(s) = word_start.take() {
            // A word followed by a combining mark that NFC left apart stays as
            // it is: moving its tone would let the mark compose on a second
            // pass (found by fuzz/extract_text, issue 8).
            if compose::is_mark(c) {
                out.push_str(&line[s..i]);
            } else {
                push_word(out, &line[s..i], spellings.as_deref_mut());
            }
            out.push(c);
        } else {
            out.push(c);
        }
    }
    if let Some(s) = word_start {
        push_word(out, &line[s..], spellings);
    }
}

/// Vowels carrying a tone, as (toned, plain, tone index 0–4: huyền, sắc, ngã, hỏi, nặng).
const TONED: &[(&str, char)] = &[
    ("àáãảạ", 'a'),
    ("ÀÁÃẢẠ", 'A'),
    ("èéẽẻẹ", 'e'),
    ("ÈÉẼẺẸ", 'E'),
    ("ỳýỹỷỵ", 'y'),
    ("ỲÝỸỶỴ", 'Y'),
    ("òóõỏọ", 'o'),
    ("ÒÓÕỎỌ", 'O'),
    ("ùúũủụ", 'u'),
    ("ÙÚŨỦỤ", 'U'),
];

fn split_tone(c: char) -> Option<(char, usize)> {
    TONED
        .iter()
        .find_map(|(set, plain)| set.chars().position(|t| t == c).map(|i| (*plain, i)))
}

fn with_tone(plain: char, tone: usize) -> char {
    TONED
        .iter()
        .find(|(_, p)| *p == plain)
        .and_then(|(set, _)| set.chars().nth(tone))
        .unwrap_or(plain)
}

/// Moves the tone of a word ending in an open `oa`/`oe`/`uy` (not `quy`) to
/// the first vowel: the old placement ("hoà") to the modern one ("hòa").
/// A respelled word is noted in `spellings`.
fn push_word(out: &mut String, word: &str, spellings: Option<&mut spelling::Spellings>) {
    // Most words do not end in a toned a/e/y (nor in any non-ASCII letter).
    let last = word.chars().next_back();
    if !matches!(last, Some(c) if !c.is_ascii() && split_tone(c).is_some()) {
        out.push_str(word);
        return;
    }
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n >= 2 {
        if let (Some((last, tone)), first) = (split_tone(chars[n - 1]), chars[n - 2]) {
            let pair = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
            let after_q = n >= 3 && chars[n - 3].eq_ignore_ascii_case(&'q');
            if matches!(pair, ('o', 'a') | ('o', 'e')) || (pair == ('u', 'y') && !after_q) {
                let at = out.len();
                out.extend(&chars[..n - 2]);
                out.push(with_tone(first, tone));
                out.push(last);
                if let Some(sp) = spellings {
                    sp.record(&out[at..], word, at);
                }
                return;
            }
        }
    }
    out.push_str(word);
}

/// Zero-width spaces and joiners, word joiners, the BOM and soft hyphens:
/// invisible to a reader, so dropped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{180e}' | '\u{feff}' | '\u{ad}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_invisible_spaces() {
        assert_eq!(normalise("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalise("Hà\u{a0}Nội\u{200b}"), "Hà Nội");
        assert_eq!(normalise("  hai   bên\t hội đàm  "), "hai bên hội đàm");
    }

    #[test]
    fn a_word_before_a_leftover_mark_keeps_its_tone_where_it_is() {
        let once = normalise("Noa\u{303}\u{302}i");
        assert_eq!(normalise(&once), once);
    }

    #[test]
    fn marks_split_by_an_invisible_character_compose_at_once() {
        // fuzz/extract_text (issue 8): a BOM between a vowel's marks.
        let once = normalise("na\u{303}\u{300}\u{feff}\u{323}\u{302}i");
        assert_eq!(normalise(&once), once);
    }

    #[test]
    fn decomposed_text_is_composed() {
        let nfd = "Ha\u{300} No\u{302}\u{323}i";
        assert_eq!(normalise(nfd), "Hà Nội");
    }

    #[test]
    fn old_tone_placement_reads_as_modern() {
        assert_eq!(
            normalise("hoà bình, Thuỷ, khoẻ, Hoà"),
            "hòa bình, Thủy, khỏe, Hòa"
        );
        // Closed syllables and "quy" keep their placement.
        assert_eq!(
            normalise("hoàng, toán, quý, thuyết"),
            "hoàng, toán, quý, thuyết"
        );
    }

    #[test]
    fn both_tone_placements_read_alike() {
        for (old, new) in [
            ("hoà", "hòa"),
            ("thuỷ", "thủy"),
            ("Hoà Bình", "Hòa Bình"),
            ("khoẻ", "khỏe"),
            ("THUỶ", "THỦY"),
        ] {
            assert_eq!(normalise(old), normalise(new), "{old} / {new}");
            assert_eq!(normalise(old), new);
        }
        // Decomposed and in the old placement at once.
        assert_eq!(normalise("hoa\u{300} bi\u{300}nh"), "hòa bình");
        // Not every "uy"/"oa" moves: closed syllables and "qu" keep theirs.
        assert_eq!(
            normalise("Quý, huyền, toàn, khuyến"),
            "Quý, huyền, toàn, khuyến"
        );
    }

    #[test]
    fn every_invisible_and_spacing_variant() {
        let s = "Hà\u{a0}Nội\u{202f}và\u{2009}Huế\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{ad}";
        assert_eq!(normalise(s), "Hà Nội và Huế");
        assert_eq!(normalise("a\u{3000}\u{2007}b"), "a b");
    }

    #[test]
    fn dash_and_quote_variants() {
        assert_eq!(
            normalise("2021\u{2012}2025, Việt Nam\u{2010}Lào, \u{2212}5, A\u{ff0d}B"),
            "2021-2025, Việt Nam-Lào, -5, A-B"
        );
        assert_eq!(
            normalise("\u{201e}x\u{201f} \u{201b}y\u{2019} \u{ff02}z\u{ff02} \u{ff07}"),
            "“x“ ’y’ \"z\" '"
        );
        // The em dash and the curly quotes readers expect stay as they are.
        assert_eq!(normalise("a — “b” ‘c’"), "a — “b” ‘c’");
    }

    #[test]
    fn dashes_and_quotes() {
        assert_eq!(normalise("2021 \u{2013} 2025 „x‟"), "2021 - 2025 “x“");
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        let s = "  Hoà\u{a0}bình \r\n\r\n Thuỷ – “x”  ";
        assert_eq!(normalise(&normalise(s)), normalise(s));
    }
}
