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
    /// A short later block that ends without a stop: a subheading, or a
    /// related-article teaser the cleaner left in. It names an event the
    /// article tells elsewhere, or one of another article.
    Heading,
}

/// A later block without a stop shorter than this is a heading or teaser.
const MAX_HEADING_BYTES: usize = 250;

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
        } else if looks_like_heading(&text[block.clone()]) || is_cut_short(&text[block.clone()]) {
            Part::Heading
        } else {
            Part::Body
        };
        if is_title || part == Part::Heading {
            out.push(Sentence { span: block, part });
            continue;
        }
        let pieces: Vec<Range<usize>> = split(text, block.clone()).collect();
        let several = pieces.len() > 1;
        for span in pieces {
            // A line of its own without a stop, inside a paragraph pasted
            // with single line breaks, is a heading or teaser too.
            let own_line = text[block.start..span.start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n')
                || span.start == block.start;
            let line_ends = text[span.end..block.end]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n')
                || span.end == block.end;
            let heading = own_line
                && line_ends
                && (several || part == Part::Body)
                && looks_like_heading(&text[span.clone()]);
            out.push(Sentence {
                span,
                part: if heading { Part::Heading } else { part },
            });
        }
    }
    out
}

/// A block that ends in an ellipsis was cut short: the blurb of a related
/// article, not the article's own text.
fn is_cut_short(block: &str) -> bool {
    block.trim_end().ends_with("...") || block.trim_end().ends_with('…')
}

fn looks_like_heading(block: &str) -> bool {
    let t = block.trim_end();
    let one_sentence = !t.contains(". ") && !t.contains('\n');
    t.len() < MAX_HEADING_BYTES && !t.ends_with(['.', '!', '?', '…', '"', '”', ')']) && one_sentence
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
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "TS", "ThS", "GS", "PGS", "Th", "St", "Mr", "Dr", "Ths",
];

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
        if rest.len() == after.len() && !rest.is_empty() && !run_together(&s[..i], rest) {
            continue; // "6.6", "Baoquocte.vn", "TP.HCM": no space after the stop
        }
        let next_ok = after.chars().next().map_or(true, |n| {
            n.is_uppercase() || n.is_ascii_digit() || "\"“‘(".contains(n)
        });
        let word_before = s[..i]
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let abbreviation = c == '.'
            && (ABBREVIATIONS.contains(&word_before)
                || (word_before.chars().count() == 1
                    && word_before.chars().all(char::is_uppercase)));
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

/// Whether a stop with no space after it still ends a sentence, the space
/// lost when the page was copied ("… ra mắt.Trong thông cáo …"): a word in
/// lower case before it, a capitalised word of lower-case letters after
/// it. "TP.HCM", "6.6" and "Baoquocte.vn" are none.
fn run_together(before: &str, after: &str) -> bool {
    let last = before.chars().next_back();
    let mut next = after.chars();
    let (first, second) = (next.next(), next.next());
    last.is_some_and(char::is_lowercase)
        && first.is_some_and(char::is_uppercase)
        && second.is_some_and(char::is_lowercase)
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
        let cut = piece
            .rfind([';', ','])
            .or_else(|| piece.rfind(' '))
            .map_or(limit, |i| start + i + 1);
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
        sentences(text, ctx)
            .into_iter()
            .map(|s| (&text[s.span], s.part))
            .collect()
    }

    #[test]
    fn title_lead_and_body_are_told_apart() {
        let text = "Hai bên hội đàm\n\nChiều 12/12, hai bên hội đàm. Tối 6.6 có tiệc.\n\nTP. Hà Nội đẹp. Hết";
        let ctx = DocContext {
            anchor: None,
            title_span: Some(0..16),
        };
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
        let text = "Tiêu đề\n\nMở đầu.\n\nThủ tướng tiếp Đại sứ Nhật Bản\n\nThân bài.";
        let ctx = DocContext {
            anchor: None,
            title_span: Some(0.."Tiêu đề".len()),
        };
        let parts: Vec<Part> = sentences(text, &ctx).into_iter().map(|s| s.part).collect();
        assert_eq!(
            parts,
            vec![Part::Title, Part::Lead, Part::Heading, Part::Body]
        );
    }

    #[test]
    fn a_line_without_a_stop_in_a_pasted_paragraph_is_a_heading() {
        let text = "Tiêu đề\n\nChiều 12/12, hai bên điện đàm.\nThủ tướng tiếp Đại sứ Nhật Bản\nHai bên nhất trí.";
        let ctx = DocContext {
            anchor: None,
            title_span: Some(0.."Tiêu đề".len()),
        };
        let parts: Vec<Part> = sentences(text, &ctx).into_iter().map(|s| s.part).collect();
        assert_eq!(
            parts,
            vec![Part::Title, Part::Lead, Part::Heading, Part::Lead]
        );
        let text = "Tiêu đề\n\nChiều 12/12, hai bên điện đàm";
        assert_eq!(
            sentences(text, &ctx)[1].part,
            Part::Lead,
            "a lead without a stop stays the lead"
        );
        let text =
            "Tiêu đề\n\nMở đầu.\n\nNgày 25/11, Bộ trưởng đã tiếp ông Yamada, Thống đốc tỉnh ...";
        assert_eq!(
            sentences(text, &ctx)[2].part,
            Part::Heading,
            "a blurb cut short is a teaser"
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
        assert!(s
            .iter()
            .all(|s| text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end)));
    }

    #[test]
    fn a_stop_run_into_the_next_sentence_still_ends_one() {
        let text =
            "Hai bên gặp nhau tại Cần Thơ.Sau đó về TP.HCM lúc 6.6 qua trang Tintuc.vn rồi nghỉ.";
        let s = texts(text, &DocContext::default());
        let pieces: Vec<&str> = s.iter().map(|p| p.0).collect();
        assert_eq!(
            pieces,
            [
                "Hai bên gặp nhau tại Cần Thơ.",
                "Sau đó về TP.HCM lúc 6.6 qua trang Tintuc.vn rồi nghỉ."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "Ông nói: “Tốt.” Sau đó về.";
        let s = texts(
            text,
            &DocContext {
                anchor: None,
                title_span: None,
            },
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, "Ông nói: “Tốt.”");
    }
}
