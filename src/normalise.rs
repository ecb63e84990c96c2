//! Stage 1: normalise the raw paste so that later stages compare like with like.
//!
//! Line endings become `\n`; no-break spaces become spaces; zero-width
//! characters and the byte-order mark go. (NFC, tone-mark placement, dash and
//! quote variants: see the cleaner issue.)

pub mod legacy;

/// Returns `raw` normalised for the later stages.
pub fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_invisible_spaces() {
        assert_eq!(normalise("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalise("Hà\u{a0}Nội\u{200b}"), "Hà Nội");
    }
}
