//! HTML documents to [`InputBlock`]s: what the CLI reads from `.html` files,
//! and what `www/blocks.js` gives the page from the browser's DOMParser —
//! the same fields by the same rules, from the same tables
//! (`data/html/tags.txt`, see [`tables`]).
//!
//! Natively the page is parsed by html5ever (`dom`), so every named
//! entity, unclosed or misnested element and attribute value holding `>`
//! reads as a browser reads it. The wasm build has the browser's parser in
//! the page and no use for a second one; its `extract_html` reads tags with
//! the small scanner of `scan` instead (no attributes, so no roles).
//!
//! A block is the text of one block element between its inner block
//! elements (and `<br>`s), whitespace collapsed; scripts, styles, form
//! controls, media and hidden elements (`hidden`, `aria-hidden="true"`,
//! `display: none`) give none, images give no alt text. Each block records
//! its tag, its enclosing block elements (`html` and `body` left out), a
//! number and a role for each of those and its own element, and how many of
//! its characters sit inside links.

#[cfg(not(target_arch = "wasm32"))]
mod dom;
mod scan;
pub mod tables;

use crate::InputBlock;

/// Elements nested deeper than this send a page to the scanner: html5ever
/// takes time in the square of the depth, and browsers stop nesting at 512
/// (Chromium's parser), so no real page comes near.
#[cfg(not(target_arch = "wasm32"))]
const MAX_DEPTH: usize = 1000;

/// Reads `html` into blocks in document order.
pub fn blocks_from_html(html: &str) -> Vec<InputBlock> {
    #[cfg(not(target_arch = "wasm32"))]
    if nesting(html) <= MAX_DEPTH {
        return dom::read(html);
    }
    scan::read(html)
}

/// How deep `html` nests its elements at most, counted from its tags alone:
/// start tags of elements that need an end tag, less end tags. (An end tag
/// left out where the standard allows it, as of `p` or `li`, is not
/// counted as an element at all.)
#[cfg(not(target_arch = "wasm32"))]
fn nesting(html: &str) -> usize {
    const OPTIONAL_END: &[&str] = &[
        "caption", "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt",
        "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut name = [0u8; 16];
    for i in memchr_all(b) {
        let closing = b.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(closing);
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let n = len.min(name.len());
        name[..n].copy_from_slice(&b[start..start + n]);
        name[..n].make_ascii_lowercase();
        let tag = std::str::from_utf8(&name[..n]).unwrap_or("");
        if !tables::is_void(tag) && !OPTIONAL_END.contains(&tag) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The positions of `<` in `b`.
#[cfg(not(target_arch = "wasm32"))]
fn memchr_all(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    b.iter()
        .enumerate()
        .filter(|(_, &c)| c == b'<')
        .map(|(i, _)| i)
}

/// The blocks being built during a walk: the open block elements (the body
/// first) and the text read since the last block ended.
#[derive(Default)]
struct Run {
    blocks: Vec<InputBlock>,
    /// Open block elements: tag, number, role.
    open: Vec<(&'static str, usize, &'static str)>,
    /// Open `article` and `main` elements.
    articles: usize,
    text: String,
    link_chars: usize,
}

impl Run {
    /// Text of the current block; `in_link` when inside an `<a>`. Link
    /// characters are counted per text as the browser's reader counts them:
    /// code points, whitespace collapsed and trimmed.
    fn text(&mut self, t: &str, in_link: bool) {
        if in_link {
            self.link_chars += collapsed_len(t);
        }
        self.text.push_str(t);
    }

    /// A block element starts: the text before it is a block of the parent's.
    /// `words` is the role its attributes give it.
    fn enter(&mut self, tag: &str, id: usize, words: &'static str) {
        self.flush();
        let tag = tables::block_tag(tag).unwrap_or("body");
        let role = tables::element_role(tag, self.articles > 0, words);
        self.articles += usize::from(is_article(tag));
        self.open.push((tag, id, role));
    }

    /// The innermost block element ends.
    fn leave(&mut self) {
        self.flush();
        if let Some((tag, _, _)) = self.open.pop() {
            self.articles -= usize::from(is_article(tag));
        }
    }

    /// Ends the current block (a `<br>`, a block element's start or end).
    fn flush(&mut self) {
        let text = collapse(&self.text);
        if !text.is_empty() {
            let n = self.open.len();
            // The body is listed only for text that stands directly in it.
            let from = usize::from(n > 1);
            let open = &self.open[from.min(n)..];
            let chars = text.chars().count();
            self.blocks.push(InputBlock {
                tag: open.last().map_or("body", |o| o.0).to_string(),
                ancestors: open[..open.len().saturating_sub(1)]
                    .iter()
                    .map(|o| o.0.to_string())
                    .collect(),
                ids: open.iter().map(|o| o.1).collect(),
                roles: open.iter().map(|o| o.2.to_string()).collect(),
                link_chars: self.link_chars.min(chars),
                text,
            });
        }
        self.text.clear();
        self.link_chars = 0;
    }

    fn finish(mut self) -> Vec<InputBlock> {
        self.flush();
        self.blocks
    }
}

/// An element whose `header` and `footer` are its own, not the page's.
fn is_article(tag: &str) -> bool {
    tag == "article" || tag == "main"
}

/// JavaScript's `\s`, which the browser's reader collapses: Unicode's white
/// space without U+0085, and U+FEFF.
fn is_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// `t` with runs of white space as one space, trimmed.
fn collapse(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for w in t.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Code points of `t` with white space collapsed and trimmed.
fn collapsed_len(t: &str) -> usize {
    let mut n = 0;
    for w in t.split(is_space).filter(|w| !w.is_empty()) {
        n += usize::from(n > 0) + w.chars().count();
    }
    n
}

/// An inline style that hides its element: `display: none`, in any case and
/// spacing.
#[cfg(not(target_arch = "wasm32"))]
fn hides(style: &str) -> bool {
    let lower = style.to_ascii_lowercase();
    lower.match_indices("display").any(|(i, w)| {
        lower[i + w.len()..]
            .trim_start()
            .strip_prefix(':')
            .is_some_and(|v| v.trim_start().starts_with("none"))
    })
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
    fn ancestors_numbers_roles_and_link_text_are_recorded() {
        let b = blocks_from_html(
            "<nav class='menu-top'><ul><li><a href='/'>Trang chủ</a></li></ul></nav><article><figure><img src=x alt='a'>\
             <figcaption>Quang cảnh &#7843;nh</figcaption></figure><p>Nội dung <a href=#>liên kết</a> bài.</p></article>",
        );
        assert_eq!(b[0].text, "Trang chủ");
        assert_eq!(b[0].ancestors, vec!["nav", "ul"]);
        assert_eq!(b[0].tag, "li");
        assert_eq!(b[0].ids, vec![1, 2, 3]);
        assert_eq!(b[0].roles, vec!["navigation", "", ""]);
        assert_eq!(b[1].roles, vec!["", "", ""]);
        assert_eq!(b[0].link_chars, "Trang chủ".chars().count());
        assert_eq!(b[1].tag, "figcaption");
        assert_eq!(b[1].text, "Quang cảnh ảnh");
        assert_eq!(b[1].ancestors, vec!["article", "figure"]);
        assert_eq!(b[1].ids, vec![4, 5, 6]);
        assert_eq!(b[2].tag, "p");
        assert_eq!(b[2].ids, vec![4, 7]);
        assert_eq!(b[2].link_chars, "liên kết".chars().count());
    }

    #[test]
    fn tags_give_roles_where_words_do_not() {
        let b = blocks_from_html(
            "<header>Logo</header><aside class='tags'>Thẻ</aside><main><header>Đầu</header>\
             <footer>Chân</footer></main><footer>Cuối</footer><menu><li>Mục</li></menu>",
        );
        let roles: Vec<(&str, &str)> = b
            .iter()
            .map(|b| (b.text.as_str(), b.roles.last().unwrap().as_str()))
            .collect();
        assert_eq!(
            roles,
            [
                ("Logo", "page-header"),
                ("Thẻ", "comments-or-tags"),
                ("Đầu", ""),
                ("Chân", ""),
                ("Cuối", "navigation"),
                ("Mục", "")
            ]
        );
        assert_eq!(b[5].roles[0], "navigation");
    }

    #[test]
    fn hidden_elements_give_no_text() {
        let b = blocks_from_html(
            "<p hidden>Một</p><div aria-hidden=\"true\">Hai</div><p style='color:red; DISPLAY : None'>Ba</p>\
             <p style='display:block'>Bốn</p><p aria-hidden='false'>Năm</p>",
        );
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Bốn", "Năm"]);
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
            ("&", &[("&", "body")]),
            ("<p>Đ&", &[("Đ&", "p")]),
            // Named references past the common ones, with and without ';'.
            ("<p>&Dstrok;&ecirc;m &amp &hellip;", &[("Đêm & …", "p")]),
            // A reference past U+10FFFF is U+FFFD.
            ("<p>&#99999999;", &[("\u{fffd}", "p")]),
            // An unclosed comment or attribute swallows the rest.
            ("<!-- x", &[]),
            ("<a href='", &[]),
            ("<p>Giữa <!-- <p>ẩn</p> --> bài</p>", &[("Giữa bài", "p")]),
            // An element left open ends at the next block or at the end.
            ("<p>Một</p><p>Hai", &[("Một", "p"), ("Hai", "p")]),
            ("<div><p>Ba</div>", &[("Ba", "p")]),
            // A stray end tag is dropped, its text kept.
            ("<p>Bốn</b> năm</p>", &[("Bốn năm", "p")]),
            // An attribute value may hold '>'.
            ("<p title='a > b'>Sáu</p>", &[("Sáu", "p")]),
            // A lone '<' is text.
            ("<p>1 < 2</p>", &[("1 < 2", "p")]),
            // A <p> cannot hold a <div>: the div ends it, the rest is the body's.
            (
                "<p>Bảy<div>Tám</div>chín</p>",
                &[("Bảy", "p"), ("Tám", "div"), ("chín", "body")],
            ),
        ];
        for (html, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(t, g)| (t.to_string(), g.to_string()))
                .collect();
            assert_eq!(texts_and_tags(html), want, "{html:?}");
        }
    }

    #[test]
    fn an_unclosed_aside_ends_where_a_browser_ends_it() {
        // The tag reader kept an unclosed element open to the end of the
        // page; the parser closes it with its parent, as a browser does.
        let b = blocks_from_html(
            "<div><aside>Quảng cáo</div><article><p>Nội dung bài viết.</p></article>",
        );
        let p = b.iter().find(|b| b.tag == "p").unwrap();
        assert_eq!(p.ancestors, vec!["article"]);
    }

    #[test]
    fn deep_nesting_neither_overflows_nor_takes_long() {
        let deep = |n: usize| "<div>".repeat(n) + "Sâu" + &"</div>".repeat(n);
        assert_eq!(nesting(&deep(300)), 300);
        assert_eq!(nesting("<p>a<p>b<br><img src=x><div><li>c</li></div>"), 1);
        for n in [300, 50_000] {
            let b = blocks_from_html(&deep(n));
            assert_eq!(b.len(), 1);
            assert_eq!(b[0].text, "Sâu");
            assert_eq!(b[0].ids.len(), n);
        }
    }

    #[test]
    fn white_space_is_collapsed_as_javascript_does() {
        assert_eq!(collapse(" a\u{a0}\u{feff}b\n\tc "), "a b c");
        assert_eq!(collapse("a\u{85}b"), "a\u{85}b");
        assert_eq!(collapsed_len("  Trang   chủ "), 9);
        assert!(hides("Display :none") && !hides("display: block; none"));
    }
}
