//! How the word lists under `data/` are read: one entry a line, trimmed,
//! blank lines and `#` comments skipped. Every stage's lists use this one
//! reader, so a list is written the same way whichever stage reads it.

/// The non-comment, non-blank lines of a data file, trimmed.
pub fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let lines: Vec<&str> = data_lines("# a list\n\n  Hà Nội  \n#x\nHuế\n").collect();
        assert_eq!(lines, ["Hà Nội", "Huế"]);
    }
}
