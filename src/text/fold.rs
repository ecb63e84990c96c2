//! Whole strings folded for comparison: lower case, no tone or vowel
//! marks, `đ` as `d`, single spaces. [`fold`] also drops the punctuation at
//! the ends ("Tin liên quan:" and "TIN LIEN QUAN" fold alike); [`fold_words`]
//! keeps each word's punctuation, for cues whose colon or bracket is what
//! makes them ("(Ảnh:" folds to "(anh:"). The cleaner compares whole lines
//! and their starts this way, and [`super::lists::folded`] loads its word
//! lists in the same two forms, so a list entry and a line fold alike.

use super::chars::{base_of, is_alphanumeric, is_mark};

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Writes the folded form of `s` into `out` (cleared first), reusing its buffer.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in s.chars() {
        // ASCII, most of any page, needs no table.
        let c = if c.is_ascii() { c } else { base_of(c) };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if is_mark(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    // No punctuation at the ends.
    let end = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    out.drain(..start);
}

/// `s` folded word by word, each word keeping its leading and trailing
/// punctuation ("(Ảnh: TTXVN)" → "(anh: ttxvn)"); words are split at single
/// spaces, as the cleaner's lines are.
pub fn fold_words(s: &str) -> String {
    // fold() trims punctuation at the ends; cues need theirs, so fold word by
    // word: each word is its leading non-alphanumerics, its folded form and
    // its trailing non-alphanumerics (a word of punctuation only is written
    // twice, lead and tail). One buffer for the whole line.
    let mut out = String::with_capacity(s.len());
    let mut folded = String::new();
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lead = w.find(is_alphanumeric).unwrap_or(w.len());
        let tail = w
            .char_indices()
            .rev()
            .find(|&(_, c)| is_alphanumeric(c))
            .map_or(0, |(j, c)| j + c.len_utf8());
        fold_into(w, &mut folded);
        out.push_str(&w[..lead]);
        out.push_str(&folded);
        out.push_str(&w[tail..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_marks_and_ends_fold_away() {
        assert_eq!(fold("Tin liên quan:"), "tin lien quan");
        assert_eq!(fold("  ĐỌC   THÊM »"), "doc them");
        assert_eq!(fold("Hòa"), fold("hoa"));
    }

    #[test]
    fn folding_by_words_keeps_their_punctuation() {
        assert_eq!(fold_words("(Ảnh: Lục Vân)"), "(anh: luc van)");
        assert_eq!(fold_words("Tin   LIÊN quan»"), "tin   lien quan»");
        assert_eq!(fold_words("NGUỒN ẢNH:"), "nguon anh:");
    }
}
