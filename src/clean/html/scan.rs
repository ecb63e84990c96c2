//! The wasm build's `extract_html`: a small tag scanner, not a parser (the
//! page reads HTML with the browser's DOMParser and sends blocks; this only
//! keeps `extract_html` sensible there). It splits at block tags, skips the
//! content of skipped elements and comments, decodes the common entities,
//! and reads no attributes, so its blocks have no roles.

use super::{tables, Run};
use crate::InputBlock;

/// Reads `html` into blocks with the tables of [`tables`].
pub fn read(html: &str) -> Vec<InputBlock> {
    let mut r = Scan {
        run: Run::default(),
        stack: Vec::new(),
        links: 0,
        next_id: 1,
    };
    r.run.enter("body", 0, "");
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        r.text(&rest[..lt]);
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
        if !closing && tables::is_skipped(&tag) {
            if !tables::is_void(&tag) {
                let close = format!("</{tag}");
                rest = match rest.to_ascii_lowercase().find(&close) {
                    Some(i) => &rest[i..],
                    None => "",
                };
            }
            continue;
        }
        if tag.is_empty() || tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if closing {
            r.close(&tag);
        } else {
            r.open(&tag, inside.ends_with('/'));
        }
    }
    r.text(rest);
    r.run.finish()
}

struct Scan {
    run: Run,
    /// Open elements, outermost first.
    stack: Vec<String>,
    /// Open `a` elements in `stack`.
    links: usize,
    next_id: usize,
}

impl Scan {
    fn text(&mut self, raw: &str) {
        if !raw.is_empty() {
            self.run.text(&decode(raw), self.links > 0);
        }
    }

    fn open(&mut self, tag: &str, self_closing: bool) {
        if tag == "br" {
            self.run.flush();
        }
        if self_closing || tables::is_void(tag) {
            return;
        }
        if tables::is_block(tag) {
            self.run.enter(tag, self.next_id, "");
            self.next_id += 1;
        }
        self.links += usize::from(tag == "a");
        self.stack.push(tag.to_string());
    }

    fn close(&mut self, tag: &str) {
        if let Some(i) = self.stack.iter().rposition(|t| t == tag) {
            for t in self.stack.drain(i..).rev() {
                self.links -= usize::from(t == "a");
                if tables::is_block(&t) {
                    self.run.leave();
                }
            }
        }
    }
}

/// The common named entities and numeric ones; anything else is left as is.
fn decode(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return raw.into();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| {
            let name = &after[..i];
            let named = [
                ("nbsp", '\u{a0}'),
                ("amp", '&'),
                ("lt", '<'),
                ("gt", '>'),
                ("quot", '"'),
                ("apos", '\''),
                ("ndash", '–'),
                ("mdash", '—'),
                ("hellip", '…'),
                ("laquo", '«'),
                ("raquo", '»'),
                ("ldquo", '“'),
                ("rdquo", '”'),
                ("lsquo", '‘'),
                ("rsquo", '’'),
                ("copy", '©'),
            ];
            if let Some((_, c)) = named.iter().find(|(n, _)| *n == name) {
                return Some(*c);
            }
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
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
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scanner_gives_the_parsers_blocks_on_plain_markup() {
        // Well-formed markup without attributes reads alike either way.
        let html = "<header><nav><ul><li><a href=\"/\">Trang chủ</a></li></ul></nav></header>\
                    <article><h1>Tiêu đề &amp; phụ</h1><p>Đoạn một.<br>Đoạn hai.</p>\
                    <figure><img src=a><figcaption>Ảnh</figcaption></figure></article>";
        let strip = |mut b: Vec<InputBlock>| {
            for x in &mut b {
                x.roles.iter_mut().for_each(String::clear);
            }
            b
        };
        assert_eq!(strip(read(html)), strip(super::super::dom::read(html)));
    }

    #[test]
    fn void_skipped_elements_do_not_swallow_the_page() {
        let b = read("<p>Một<input type=text>hai</p><p>Ba</p>");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Mộthai", "Ba"]);
    }
}
