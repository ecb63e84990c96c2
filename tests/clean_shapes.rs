//! Issue 12 part 4: the cleaner keeps an article whatever shape it is pasted
//! in, and whatever page furniture stands around it and inside it.
//!
//! Generated articles (`support/prose.rs`) are laid out in the shapes of a
//! paste (paragraphs with or without blank lines, a sentence a line, no
//! headline, one paragraph, the body on one line, cut mid-sentence), then
//! furnished: alone; with a site's header, credits, a related list and
//! comments around them; with captions, alt text, a share widget and a box
//! of related headlines inside the body; or both. For every combination:
//! at least 99% of the article's sentences come back in the paragraphs,
//! and no line of furniture does. (`tests/article_shapes.rs` pins the share
//! per shape without furniture inside.)

#[path = "support/prose.rs"]
mod prose;
#[path = "support/rng.rs"]
mod rng;

use prose::{article, Article};
use rng::Rng;
use vnextract::{extract, Options};

/// Articles per combination.
const ARTICLES: u64 = 20;

/// How an article is pasted.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Paragraphs,
    ParagraphsNoBlank,
    Lines,
    NoTitle,
    OneParagraph,
    OneLine,
    Cut,
}

/// What stands around and inside it.
#[derive(Clone, Copy, Debug)]
enum Furniture {
    None,
    Around,
    Inside,
    Both,
}

const SHAPES: &[Shape] = &[
    Shape::Paragraphs,
    Shape::ParagraphsNoBlank,
    Shape::Lines,
    Shape::NoTitle,
    Shape::OneParagraph,
    Shape::OneLine,
    Shape::Cut,
];
const FURNITURE: &[Furniture] = &[
    Furniture::None,
    Furniture::Around,
    Furniture::Inside,
    Furniture::Both,
];

/// A site's header above the headline: menu, the site's clock.
const HEADER: &[&str] = &[
    "Trang chủ | Thời sự | Kinh tế | Đời sống",
    "Thứ hai, 02/12/2024 16:40 (GMT+7)",
];
/// Under the headline: the author beside the dateline, a share widget.
const UNDER_TITLE: &[&str] = &["Lê Hạnh | 14/03/2024 09:20", "Chia sẻ"];
/// After the body: the source, a related list with a doubled headline and
/// its teaser, comments and the footer.
const FOOTER: &[&str] = &[
    "Theo Báo Mẫu",
    "Tin liên quan",
    "Thêm hai xã đạt chuẩn nông thôn mới",
    "Thêm hai xã đạt chuẩn nông thôn mới",
    "Sau ba năm xây dựng, hai xã vùng trũng đã hoàn thành các tiêu chí về đường, trường và trạm y tế.",
    "Bình luận",
    "Tôi mong chính quyền sớm làm thêm đường cho các thôn ở phía bên kia sông nữa.",
    "© 2024 Báo Mẫu. Giấy phép số 12/GP.",
];
/// After the first paragraph: the headline as alt text and its caption.
const PHOTO: &str = "Người dân xem bản đồ quy hoạch tại nhà văn hóa thôn";
/// After the third: a caption with its credit.
const CREDITED: &str = "Một đoạn kênh vừa được nạo vét xong. (Ảnh: Hà Vi)";
/// After the second: a box of related headlines.
const BOX: &[&str] = &[
    "Tin liên quan",
    "Nông dân vùng ven biển chuyển sang nuôi cua",
    "Giá lúa tăng nhẹ sau vụ thu hoạch",
];

/// The pasted text, the sentences it holds and its lines of furniture.
struct Paste {
    text: String,
    sentences: Vec<String>,
    furniture: Vec<String>,
}

fn paste(a: &Article, shape: Shape, furniture: Furniture, rng: &mut Rng) -> Paste {
    let around = matches!(furniture, Furniture::Around | Furniture::Both);
    let inside = matches!(furniture, Furniture::Inside | Furniture::Both);
    let mut sentences: Vec<String> = a.paragraphs.concat();
    // Blocks of body text in reading order, each a line of the paste.
    let mut blocks: Vec<String> = match shape {
        Shape::Paragraphs | Shape::ParagraphsNoBlank | Shape::Cut => {
            a.paragraphs.iter().map(|p| p.join(" ")).collect()
        }
        Shape::Lines | Shape::NoTitle => sentences.clone(),
        Shape::OneParagraph => {
            sentences = a.paragraphs[0].clone();
            vec![sentences.join(" ")]
        }
        Shape::OneLine => vec![sentences.join(" ")],
    };
    if let Shape::Cut = shape {
        // The paste stops halfway through the last sentence, at a letter.
        let last = sentences.pop().unwrap();
        let half: String = last.chars().take(last.chars().count() / 2).collect();
        let half = half.trim_end().to_string();
        let block = blocks.pop().unwrap();
        blocks.push(format!("{}{half}", &block[..block.len() - last.len()]));
        sentences.push(half);
    }
    let mut furnished = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let add = |lines: &mut Vec<String>, l: &str, furnished: &mut Vec<String>| {
        lines.push(l.to_string());
        furnished.push(l.to_string());
    };
    if around {
        for l in HEADER {
            add(&mut lines, l, &mut furnished);
        }
    }
    if !matches!(shape, Shape::NoTitle) {
        lines.push(a.title.clone());
    }
    if around {
        for l in UNDER_TITLE {
            add(&mut lines, l, &mut furnished);
        }
    }
    let room = blocks.len() >= 4;
    for (k, block) in blocks.iter().enumerate() {
        lines.push(block.clone());
        if !(inside && room) {
            continue;
        }
        match k {
            0 if !matches!(shape, Shape::NoTitle) => {
                add(&mut lines, &a.title, &mut furnished);
                add(&mut lines, PHOTO, &mut furnished);
            }
            // (Not right above the last block: a paste cut just under a box
            // of headlines ends in a fragment that reads as one more.)
            1 => {
                for l in BOX {
                    add(&mut lines, l, &mut furnished);
                }
            }
            2 => add(&mut lines, CREDITED, &mut furnished),
            _ => {}
        }
    }
    // A page cut mid-sentence has nothing after its last line.
    if around && !matches!(shape, Shape::Cut) {
        for l in FOOTER {
            add(&mut lines, l, &mut furnished);
        }
    }
    let blank = !matches!(shape, Shape::ParagraphsNoBlank | Shape::Lines) && rng.chance(80);
    let text = lines.join(if blank { "\n\n" } else { "\n" });
    Paste {
        text,
        sentences,
        furniture: furnished,
    }
}

#[test]
fn every_shape_keeps_its_sentences_among_furniture() {
    let mut failures = Vec::new();
    for (i, &shape) in SHAPES.iter().enumerate() {
        for (j, &furniture) in FURNITURE.iter().enumerate() {
            let mut rng = Rng::new(0xc1ea_0000 + (i * 8 + j) as u64);
            let (mut kept, mut total) = (0, 0);
            for n in 0..ARTICLES {
                let a = article(&mut rng);
                let p = paste(&a, shape, furniture, &mut rng);
                let x = extract(&p.text, &Options::default()).expect("extract");
                let body = x.paragraphs.join("\n");
                total += p.sentences.len();
                kept += p
                    .sentences
                    .iter()
                    .filter(|s| body.contains(s.as_str()))
                    .count();
                if let Some(f) = p
                    .furniture
                    .iter()
                    .find(|f| x.paragraphs.iter().any(|q| q == *f))
                {
                    failures.push(format!(
                        "{shape:?} + {furniture:?}, article {n}: furniture kept as a paragraph: {f:?}"
                    ));
                }
                if !matches!(shape, Shape::NoTitle) && x.title.as_deref() != Some(a.title.as_str())
                {
                    failures.push(format!(
                        "{shape:?} + {furniture:?}, article {n}: title {:?}, want {:?}",
                        x.title, a.title
                    ));
                }
            }
            let share = kept as f64 / total as f64;
            if share < 0.99 {
                failures.push(format!(
                    "{shape:?} + {furniture:?}: {share:.3} of the sentences kept, under 0.99"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_pastes_hold_what_they_say() {
    let mut rng = Rng::new(3);
    let a = article(&mut rng);
    for &shape in SHAPES {
        for &furniture in FURNITURE {
            let p = paste(&a, shape, furniture, &mut rng);
            for s in &p.sentences {
                assert!(p.text.contains(s.as_str()), "{shape:?}: {s:?}");
            }
            for f in &p.furniture {
                assert!(p.text.contains(f.as_str()), "{shape:?}: {f:?}");
            }
            let furnished = !p.furniture.is_empty();
            let asked = !matches!(furniture, Furniture::None);
            // Inside furniture needs four blocks; around always fits.
            if matches!(furniture, Furniture::Around | Furniture::Both) {
                assert!(furnished, "{shape:?} + {furniture:?} has no furniture");
            }
            if !asked {
                assert!(!furnished, "{shape:?} alone has furniture");
            }
        }
    }
}
