//! How to read an input whose kind the caller may not know: bytes that
//! should be UTF-8, and text that may be HTML source.
//!
//! The CLI, the Python binding and the page read their inputs here, so that
//! a file, a Python `bytes` and a paste are read alike: strict UTF-8, or
//! lossy with an `invalid-utf8` warning; HTML when the caller says so, when
//! the name ends in `.html`/`.htm`, or when the text itself is HTML source
//! (an `html-source` warning says so).

use crate::{Error, ErrorKind, Extraction, Options, Warning, WarningCode};

/// What the caller knows about an input's kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Decide from the name and the text.
    #[default]
    Auto,
    /// Plain text, even if it looks like HTML.
    Text,
    /// HTML.
    Html,
}

/// An input made ready for the pipeline: its text, whether to read it as
/// HTML, and what the reader should know about how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The text (or HTML source).
    pub text: String,
    /// Read it as HTML.
    pub html: bool,
    /// Notes on how it was read (`invalid-utf8`, `html-source`); they join
    /// the document's warnings.
    pub warnings: Vec<Warning>,
}

impl Input {
    /// Reads bytes as UTF-8. Invalid UTF-8 is an error unless `lossy`, when
    /// it is read with U+FFFD and a warning; then as [`Input::from_text`].
    pub fn from_bytes(
        bytes: Vec<u8>,
        name: Option<&str>,
        format: Format,
        lossy: bool,
    ) -> Result<Input, Error> {
        let (text, note) = match String::from_utf8(bytes) {
            Ok(t) => (t, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                if !lossy {
                    return Err(Error::new(
                        ErrorKind::InvalidUtf8,
                        format!("not valid UTF-8 (first bad byte at offset {at}); save it as UTF-8, or read it lossily"),
                    ));
                }
                let note = Warning {
                    code: WarningCode::InvalidUtf8,
                    message: format!(
                        "invalid UTF-8 at byte {at}; read with replacement characters (U+FFFD)"
                    ),
                };
                (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    Some(note),
                )
            }
        };
        let mut input = Input::from_text(text, name, format);
        input.warnings.splice(0..0, note);
        Ok(input)
    }

    /// Decides whether `text` is read as HTML: by `format`, else by a
    /// `.html`/`.htm` name, else by [`looks_like_html`] (with a warning,
    /// since the caller did not say so).
    pub fn from_text(text: String, name: Option<&str>, format: Format) -> Input {
        let named = name.is_some_and(has_html_name);
        let (html, sniffed) = match format {
            Format::Text => (false, false),
            Format::Html => (true, false),
            Format::Auto if named => (true, false),
            Format::Auto => {
                let s = looks_like_html(&text);
                (s, s)
            }
        };
        let warnings = sniffed
            .then(|| Warning {
                code: WarningCode::HtmlSource,
                message: "the text is HTML source; it was read as HTML (read it as plain text to keep the markup)".into(),
            })
            .into_iter()
            .collect();
        Input {
            text,
            html,
            warnings,
        }
    }

    /// Runs the pipeline on the input, as HTML or as text, and adds the
    /// notes on reading to the document's warnings.
    pub fn extract(&self, options: &Options) -> Result<Extraction, Error> {
        let mut x = if self.html {
            crate::extract_html(&self.text, options)?
        } else {
            crate::extract(&self.text, options)?
        };
        x.warnings.extend(self.warnings.iter().cloned());
        Ok(x)
    }
}

/// `.html`, `.htm`, `.xhtml`, in any case.
fn has_html_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Whether text given as plain text is HTML source (a "view source" paste,
/// or a saved page under another name): it opens with a doctype, an
/// `<html>`, `<head>` or `<body>` tag or a comment; or it opens with a tag
/// and closes a paragraph-like element within its first 64 KiB. Prose that
/// merely mentions a tag does not start with one.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start().as_bytes();
    let head = &head[..head.len().min(4096)];
    let opens = |word: &[u8]| {
        head.len() > word.len()
            && head[..word.len()].eq_ignore_ascii_case(word)
            && (head[word.len()].is_ascii_whitespace() || head[word.len()] == b'>')
    };
    let doctype = head.len() > 9
        && head[..9].eq_ignore_ascii_case(b"<!doctype")
        && head[9].is_ascii_whitespace()
        && head[9..]
            .trim_ascii_start()
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"html"));
    if doctype
        || [&b"<html"[..], b"<head", b"<body", b"<!--"]
            .iter()
            .any(|w| opens(w))
    {
        return true;
    }
    starts_with_tag(head) && closes_a_block(&text.as_bytes()[..text.len().min(65536)])
}

/// `<name` followed by a space or `>`, the name a letter then letters or digits.
fn starts_with_tag(s: &[u8]) -> bool {
    if s.first() != Some(&b'<') || !s.get(1).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let rest = &s[1..];
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    rest.get(name)
        .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>')
}

/// A closing tag of a paragraph-like element: `</p>`, `</div>`, `</h2>`, …
fn closes_a_block(s: &[u8]) -> bool {
    const BLOCKS: [&[u8]; 15] = [
        b"p", b"div", b"li", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"article", b"section",
        b"td", b"span", b"a", b"ul",
    ];
    s.windows(2)
        .enumerate()
        .filter(|(_, w)| w == b"</")
        .any(|(i, _)| {
            let rest = &s[i + 2..];
            let name = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            rest.get(name) == Some(&b'>')
                && BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(&rest[..name]))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_source_is_recognised_and_prose_is_not() {
        for html in [
            "<!DOCTYPE html>\n<html><body><p>Xin chào</p></body></html>",
            "\u{feff}  <html lang=\"vi\">",
            "<!-- lưu từ trình duyệt -->\n<div>x</div>",
            "<p>Một đoạn ngắn được dán từ trang web.</p>",
            "<DIV class=\"a\">Chữ</DIV>",
        ] {
            assert!(looks_like_html(html), "{html:?}");
        }
        for text in [
            "Hôm nay trời đẹp.",
            "<p> là thẻ đoạn văn trong HTML",
            "<3 cảm ơn mọi người </p>",
            "<pre-release notes",
            "",
        ] {
            assert!(!looks_like_html(text), "{text:?}");
        }
    }

    #[test]
    fn the_caller_and_the_name_win_over_the_look() {
        let page = "<p>Một đoạn.</p>".to_string();
        let auto = Input::from_text(page.clone(), Some("a.txt"), Format::Auto);
        assert!(auto.html);
        assert_eq!(auto.warnings[0].code, WarningCode::HtmlSource);
        let text = Input::from_text(page.clone(), None, Format::Text);
        assert!(!text.html && text.warnings.is_empty());
        let named = Input::from_text("Chữ thường".into(), Some("Trang.HTM"), Format::Auto);
        assert!(named.html && named.warnings.is_empty());
        let said = Input::from_text(page, None, Format::Html);
        assert!(said.html && said.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_refused_or_read_lossily_with_a_warning() {
        let bytes = b"Ch\xe0o b\xffn".to_vec();
        let err = Input::from_bytes(bytes.clone(), None, Format::Auto, false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
        assert!(err.to_string().contains("offset 2"), "{err}");
        let input = Input::from_bytes(bytes, None, Format::Auto, true).unwrap();
        assert_eq!(input.text, "Ch\u{fffd}o b\u{fffd}n");
        assert_eq!(input.warnings[0].code, WarningCode::InvalidUtf8);
        let x = input.extract(&Options::default()).unwrap();
        assert!(x
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::InvalidUtf8));
    }
}
