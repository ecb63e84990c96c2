//! HTML documents to [`InputBlock`]s, for the CLI's `.html` files (the page
//! uses the browser's own DOM parser instead).

use crate::InputBlock;

/// Splits `html` into blocks at block-level tags, dropping scripts and styles.
pub fn blocks_from_html(html: &str) -> Vec<InputBlock> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    // The block tag the text being gathered sits in: the text before an
    // opening tag belongs to the block before it, not to the new one.
    let mut open = String::new();
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else { break };
        let closing = after.starts_with('/');
        let tag = after[..gt].trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase();
        rest = &after[gt + 1..];
        if !closing && matches!(tag.as_str(), "script" | "style" | "title") {
            let close = format!("</{tag}");
            match rest.to_ascii_lowercase().find(&close) {
                Some(i) => rest = &rest[i..],
                None => rest = "",
            }
            continue;
        }
        if matches!(tag.as_str(), "p" | "div" | "br" | "h1" | "h2" | "h3" | "h4" | "li" | "figcaption" | "section" | "article") {
            let block_tag = if closing { std::mem::take(&mut open) } else { std::mem::replace(&mut open, tag) };
            push_block(&mut blocks, &mut text, &block_tag);
        }
    }
    text.push_str(rest);
    push_block(&mut blocks, &mut text, &open);
    blocks
}

fn push_block(blocks: &mut Vec<InputBlock>, text: &mut String, tag: &str) {
    let t = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        blocks.push(InputBlock { text: t, tag: tag.to_string(), ..InputBlock::default() });
    }
    text.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_blocks_and_scripts_vanish() {
        let b = blocks_from_html("<h1>Tiêu đề</h1><script>var x = '<p>';</script><p>Đoạn &amp; một.</p>");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Tiêu đề", "Đoạn & một."]);
    }

    #[test]
    fn text_before_an_opening_tag_keeps_its_own_tag() {
        // Found writing tests/cli.rs (issue 8): a <title> and the menu before
        // <h1> were tagged h1 and became the headline.
        let b = blocks_from_html("<title>Báo Mẫu</title><nav><a>Trang chủ</a></nav><h1>Tiêu đề</h1><p>Một<p>Hai</div>");
        let got: Vec<(&str, &str)> = b.iter().map(|b| (b.text.as_str(), b.tag.as_str())).collect();
        assert_eq!(got, vec![("Trang chủ", ""), ("Tiêu đề", "h1"), ("Một", "p"), ("Hai", "p")]);
    }
}
