//! Where the sentences are: the title (the first block of `text`), the lead
//! (the first paragraph) and the body, each cut into sentences with byte
//! ranges into `text`.

use crate::DocContext;
use std::ops::Range;

/// Which part of the article a sentence is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The headline.
    Title,
    /// The first paragraph.
    Lead,
    /// Any later paragraph.
    Body,
}

/// One sentence of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in `text`, without surrounding white space.
    pub span: Range<usize>,
    /// Title, lead or body.
    pub part: Part,
}

/// A first block this long or longer is a paragraph, not a headline.
const MAX_TITLE_BYTES: usize = 400;

/// The sentences of `text`, in reading order.
pub fn sentences(text: &str, ctx: &DocContext) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut seen_paragraph = false;
    let mut first = true;
    for block in blocks(text) {
        let is_title = match &ctx.title_span {
            Some(t) => block.start < t.end && t.start < block.end,
            // Without a title from the cleaner, a short first block that does
            // not end a sentence reads as the headline.
            None => first && looks_like_headline(&text[block.clone()]),
        };
        first = false;
        let part = if is_title {
            Part::Title
        } else if !seen_paragraph {
            seen_paragraph = true;
            Part::Lead
        } else {
            Part::Body
        };
        if is_title {
            out.push(Sentence { span: block, part });
            continue;
        }
        out.extend(split(text, block).map(|span| Sentence { span, part }));
    }
    out
}

fn looks_like_headline(block: &str) -> bool {
    let t = block.trim_end();
    t.len() < MAX_TITLE_BYTES && !t.ends_with(['.', '!', '?', ':', ';']) && !t.contains('\n')
}

/// The blocks of `text` (separated by blank lines), trimmed, non-empty.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |s: usize, e: usize| {
        if let Some(r) = trim(text, s..e) {
            out.push(r);
        }
    };
    let mut search = 0;
    while let Some(rel) = text[search..].find("\n\n") {
        let at = search + rel;
        push(start, at);
        start = at + 2;
        search = start;
    }
    push(start, text.len());
    out
}

fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(r.clone())?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| r.start + lead..r.start + lead + t.len())
}

/// Short forms that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &["TP", "Tp", "TS", "ThS", "GS", "PGS", "Th", "St", "Mr", "Dr", "Ths"];

/// The sentences of one block: a stop (`.`, `!`, `?`, `…`) followed by white
/// space and a capital, digit or quote ends one; so does a line break.
fn split(text: &str, block: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let s = &text[block.clone()];
    let mut cuts = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        if c == '\n' {
            cuts.push(end);
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing quotes and brackets stay with the sentence they close.
        let mut end = end;
        while let Some(&(j, q)) = chars.peek() {
            if matches!(q, '"' | '”' | '’' | ')' | '.') {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &s[end..];
        let after = rest.trim_start();
        if rest.len() == after.len() && !rest.is_empty() {
            continue; // "6.6", "Baoquocte.vn": no space after the stop
        }
        let next_ok = after.chars().next().map_or(true, |n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘(".contains(n));
        let word_before = s[..i].rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
        let abbreviation = c == '.' && (ABBREVIATIONS.contains(&word_before) || (word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase)));
        if next_ok && !abbreviation {
            cuts.push(end);
        }
    }
    let mut start = 0;
    let mut out = Vec::new();
    for cut in cuts.into_iter().chain(std::iter::once(s.len())) {
        if let Some(r) = trim(text, block.start + start..block.start + cut) {
            out.extend(bounded(text, r));
        }
        start = cut;
    }
    out.into_iter()
}

/// No real sentence is this long; a run of text without stops is cut into
/// pieces of at most this many bytes, so that the work per sentence stays
/// bounded and the stage linear in the input.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// `r` cut into pieces of at most [`MAX_SENTENCE_BYTES`], at a semicolon,
/// comma or space where there is one.
fn bounded(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let piece = &text[start..limit];
        let cut = piece.rfind([';', ',']).or_else(|| piece.rfind(' ')).map_or(limit, |i| start + i + 1);
        let cut = if cut <= start { limit } else { cut };
        out.extend(trim(text, start..cut));
        start = cut;
    }
    out.extend(trim(text, start..r.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ctx: &DocContext) -> Vec<(&'a str, Part)> {
        sentences(text, ctx).into_iter().map(|s| (&text[s.span], s.part)).collect()
    }

    #[test]
    fn title_lead_and_body_are_told_apart() {
        let text = "Hai bên hội đàm\n\nChiều 12/12, hai bên hội đàm. Tối 6.6 có tiệc.\n\nTP. Hà Nội đẹp. Hết";
        let ctx = DocContext { anchor: None, title_span: Some(0..16) };
        assert_eq!(
            texts(text, &ctx),
            vec![
                ("Hai bên hội đàm", Part::Title),
                ("Chiều 12/12, hai bên hội đàm.", Part::Lead),
                ("Tối 6.6 có tiệc.", Part::Lead),
                ("TP. Hà Nội đẹp.", Part::Body),
                ("Hết", Part::Body),
            ]
        );
    }

    #[test]
    fn without_a_title_span_a_short_first_block_is_the_headline() {
        let text = "Bộ trưởng điện đàm\n\nChiều 12/12, hai bên điện đàm.";
        assert_eq!(texts(text, &DocContext::default())[0].1, Part::Title);
        let text = "Chiều 12/12, hai bên điện đàm.\n\nSau đó ký kết.";
        assert_eq!(texts(text, &DocContext::default())[0].1, Part::Lead);
    }

    #[test]
    fn a_run_without_stops_is_cut_into_bounded_pieces() {
        let text = "hội đàm, ".repeat(2000) + &"đ".repeat(5000);
        let s = sentences(&text, &DocContext::default());
        assert!(s.len() > 4);
        assert!(s.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
        assert!(s.iter().all(|s| text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end)));
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "Ông nói: “Tốt.” Sau đó về.";
        let s = texts(text, &DocContext { anchor: None, title_span: None });
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, "Ông nói: “Tốt.”");
    }
}
