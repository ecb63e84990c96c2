//! Folding for comparison: lower case, no tone or vowel marks, `đ` as `d`,
//! single spaces, no punctuation at the ends. "Tin liên quan:" and
//! "TIN LIEN QUAN" fold alike, so word lists match however a site writes them.

use crate::normalise::compose::{base_of, is_mark};

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

/// Reads a word list: one entry a line, `#` comments and blank lines skipped,
/// each entry folded.
pub fn word_list(data: &str) -> Vec<String> {
    crate::data_file::data_lines(data).map(fold).collect()
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
    fn word_lists_skip_comments() {
        assert_eq!(word_list("# c\n\nĐọc thêm\n"), vec!["doc them".to_string()]);
    }
}
