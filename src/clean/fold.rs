//! Folding for comparison: lower case, no tone or vowel marks, `đ` as `d`,
//! single spaces, no punctuation at the ends. "Tin liên quan:" and
//! "TIN LIEN QUAN" fold alike, so word lists match however a site writes them.

use crate::normalise::compose::{base_of, is_mark};

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(base_of) {
        match c {
            c if is_mark(c) => {}
            'đ' | 'Đ' => out.push('d'),
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Reads a word list: one entry a line, `#` comments and blank lines skipped,
/// each entry folded.
pub fn word_list(data: &str) -> Vec<String> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
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
