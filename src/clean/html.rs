//! HTML documents to [`InputBlock`]s, for the CLI's `.html` files (the page
//! uses the browser's own DOM parser instead, and gives the same fields).
//!
//! A small tag reader, not a full HTML parser: it splits the document at
//! block-level tags, drops scripts, styles and comments, decodes the common
//! entities, and records for each block its tag, its ancestors (`nav`,
//! `header`, `footer`, `aside`, `figure`, …) and how much of its text sits
//! inside links — the signals [`super::clean_blocks`] reads.

use crate::InputBlock;

/// Tags that start or end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "figcaption",
    "figure",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "time",
];
/// Tags whose content is not page text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "title", "noscript", "template", "svg", "head",
];
/// Tags that never have content, so never wrap anything.
const VOID_TAGS: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "base", "embed",
];

/// Splits `html` into blocks at block-level tags, dropping scripts, styles and comments.
pub fn blocks_from_html(html: &str) -> Vec<InputBlock> {
    let mut reader = Reader::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        reader.text(&rest[..lt]);
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let inside = &after[..gt];
        rest = &after[gt + 1..];
        let closing = inside.starts_with('/');
        let tag = inside
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !closing && SKIPPED_TAGS.contains(&tag.as_str()) {
            let close = format!("</{tag}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(i) => &rest[i..],
                None => "",
            };
            continue;
        }
        if tag.is_empty() || tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if closing {
            reader.close(&tag);
        } else {
            reader.open(&tag, inside.ends_with('/'));
        }
    }
    reader.text(rest);
    reader.flush();
    reader.blocks
}

#[derive(Default)]
struct Reader {
    blocks: Vec<InputBlock>,
    /// Open elements, outermost first.
    stack: Vec<String>,
    text: String,
    link_chars: usize,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        let t = decode(raw);
        if self.stack.iter().any(|t| t == "a") {
            self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.text.push_str(&t);
    }

    fn open(&mut self, tag: &str, self_closing: bool) {
        if BLOCK_TAGS.contains(&tag) {
            self.flush();
        }
        if !self_closing && !VOID_TAGS.contains(&tag) {
            self.stack.push(tag.to_string());
        }
    }

    fn close(&mut self, tag: &str) {
        if BLOCK_TAGS.contains(&tag) {
            self.flush();
        }
        if let Some(i) = self.stack.iter().rposition(|t| t == tag) {
            self.stack.truncate(i);
        }
    }

    /// Ends the current block: its tag is the innermost open block element.
    fn flush(&mut self) {
        let t = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            let at = self
                .stack
                .iter()
                .rposition(|t| BLOCK_TAGS.contains(&t.as_str()));
            let tag = at.map_or(String::new(), |i| self.stack[i].clone());
            let ancestors = at.map_or_else(Vec::new, |i| self.stack[..i].to_vec());
            let link_chars = self.link_chars.min(t.chars().count());
            self.blocks.push(InputBlock {
                text: t,
                tag,
                link_chars,
                ancestors,
            });
        }
        self.text.clear();
        self.link_chars = 0;
    }
}

/// The common named entities and numeric ones; anything else is left as is.
fn decode(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| {
            let name = &after[..i];
            match name {
                "nbsp" => Some('\u{a0}'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "hellip" => Some('…'),
                "laquo" => Some('«'),
                "raquo" => Some('»'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "copy" => Some('©'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }
        });
        match (decoded, end) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_blocks_and_scripts_vanish() {
        let b = blocks_from_html("<h1>Tiêu đề</h1><script>var x = '<p>';</script><p>Đoạn &amp; một.</p><!-- <p>x</p> -->");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Tiêu đề", "Đoạn & một."]);
        assert_eq!(b[0].tag, "h1");
    }

    #[test]
    fn ancestors_and_link_text_are_recorded() {
        let b = blocks_from_html(
            "<nav><ul><li><a href='/'>Trang chủ</a></li></ul></nav><article><figure><img src=x alt='a'>\
             <figcaption>Quang cảnh &#7843;nh</figcaption></figure><p>Nội dung <a href=#>liên kết</a> bài.</p></article>",
        );
        assert_eq!(b[0].text, "Trang chủ");
        assert_eq!(b[0].ancestors, vec!["nav", "ul"]);
        assert_eq!(b[0].link_chars, "Trangchủ".chars().count());
        assert_eq!(b[1].tag, "figcaption");
        assert_eq!(b[1].text, "Quang cảnh ảnh");
        assert!(b[1].ancestors.iter().any(|t| t == "figure"));
        assert_eq!(b[2].tag, "p");
        assert_eq!(b[2].link_chars, "liênkết".chars().count());
    }

    /// The texts and tags of the blocks of `html`.
    fn texts_and_tags(html: &str) -> Vec<(String, String)> {
        blocks_from_html(html)
            .into_iter()
            .map(|b| (b.text, b.tag))
            .collect()
    }

    #[test]
    fn broken_markup_reads_as_a_browser_reads_it() {
        // What HTML5 parsing gives for each, as far as the blocks go.
        let cases: &[(&str, &[(&str, &str)])] = &[
            // An invalid character reference stays as written.
            ("<p>a &#xZZ; b", &[("a &#xZZ; b", "p")]),
            // A lone ampersand is text, inside or outside an element.
            ("&", &[("&", "")]),
            ("<p>Đ&", &[("Đ&", "p")]),
            // An unclosed comment or attribute swallows the rest.
            ("<!-- x", &[]),
            ("<a href='", &[]),
            ("<p>Giữa <!-- <p>ẩn</p> --> bài</p>", &[("Giữa bài", "p")]),
            // An element left open ends at the next block or at the end.
            ("<p>Một</p><p>Hai", &[("Một", "p"), ("Hai", "p")]),
            ("<div><p>Ba</div>", &[("Ba", "p")]),
            // A stray end tag is dropped, its text kept.
            ("<p>Bốn</b> năm</p>", &[("Bốn năm", "p")]),
        ];
        for (html, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(t, g)| (t.to_string(), g.to_string()))
                .collect();
            assert_eq!(texts_and_tags(html), want, "{html:?}");
        }
        // A lone '<' is text to a browser; it may be dropped, never garbled.
        assert!(matches!(texts_and_tags("<").as_slice(), [] | [(_, _)]));
        assert!(texts_and_tags("<").iter().all(|(t, _)| t == "<"));
        // A reference past U+10FFFF is U+FFFD to a browser; kept as written
        // is as good: neither invents a character.
        let (text, _) = &texts_and_tags("&#99999999;")[0];
        assert!(text == "&#99999999;" || text == "\u{fffd}", "{text:?}");
    }
}
