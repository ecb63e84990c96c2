//! Issue 12 part 4: an article is kept whatever shape it is pasted in.
//! Seeded generated prose (invented sentences of news Vietnamese) is laid
//! out in the shapes people paste — paragraphs with or without blank lines,
//! one sentence a line, the body on one line, a paste that starts mid-page,
//! one cut mid-sentence, no headline, a one-paragraph article — alone and
//! inside page furniture, and the share of
//! its sentences that come back in the paragraphs is measured per shape.
//!
//! Issue 12 asks for at least 99% in every shape. Until the cleaner gets
//! there, each shape's share is pinned in `tests/eval/floors-shapes.json`
//! and may only rise; the test prints the figures (`-- --nocapture`).

#[path = "support/prose.rs"]
mod prose;
#[path = "support/rng.rs"]
mod rng;

use prose::{article, Article};
use rng::Rng;
use serde_json::Value;
use std::collections::BTreeMap;
use vnextract::{extract, Options};

/// Articles per shape.
const ARTICLES: u64 = 30;

const TOP: &str = "Trang chủ | Thời sự | Kinh tế | Xã hội\nThứ ba, 12/3/2024 08:15 (GMT+7)";
const BOTTOM: &str = "Tin liên quan\nGiá phân bón giảm mạnh đầu vụ\nMở thêm tuyến xe buýt về huyện\nBình luận\n© 2024 Báo Mẫu";
const MID_PAGE: &str = "ng các tỉnh miền núi phía Bắc trong tuần tới.\nTin mới\nKhai trương bến xe khách mới\nThêm một cây cầu dân sinh được bàn giao";

/// The shapes: each gives the pasted text and the sentences it holds.
const SHAPES: &[&str] = &[
    "paragraphs",
    "paragraphs-no-blank",
    "lines",
    "one-line",
    "mid-page",
    "cut",
    "no-title",
    "one-paragraph",
    "paragraphs+furniture",
    "lines+furniture",
    "one-line+furniture",
];

/// The text of `a` in `shape`, and the sentences a reader finds in it.
fn lay_out(a: &Article, shape: &str) -> (String, Vec<String>) {
    let mut sentences: Vec<String> = a.paragraphs.concat();
    let (base, furniture) = match shape.split_once('+') {
        Some((b, _)) => (b, true),
        None => (shape, false),
    };
    let body = match base {
        "paragraphs" | "mid-page" => a
            .paragraphs
            .iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n"),
        "paragraphs-no-blank" => a
            .paragraphs
            .iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n"),
        "lines" => sentences.join("\n"),
        "no-title" => sentences.join("\n\n"),
        "one-paragraph" => {
            sentences = a.paragraphs[0].clone();
            sentences.join(" ")
        }
        "one-line" => sentences.join(" "),
        "cut" => {
            // The paste stops halfway through the last sentence, mid-word.
            let last = sentences.pop().unwrap();
            let cut: String = last.chars().take(last.chars().count() / 2).collect();
            // A paste ends at its last letter: a space the cut left is no text.
            sentences.push(cut.trim_end().to_string());
            let mut paragraphs: Vec<String> = a.paragraphs.iter().map(|p| p.join(" ")).collect();
            let whole = paragraphs.pop().unwrap();
            let keep = whole.len() - last.len() + sentences.last().unwrap().len();
            paragraphs.push(whole[..keep].to_string());
            paragraphs.join("\n\n")
        }
        other => panic!("unknown shape {other}"),
    };
    let mut text = match base {
        "no-title" => format!("{body}\n"),
        _ => format!("{}\n\n{body}\n", a.title),
    };
    if base == "mid-page" {
        text = format!("{MID_PAGE}\n{text}");
    }
    if furniture {
        text = format!("{TOP}\n{text}{BOTTOM}\n");
    }
    (text, sentences)
}

/// The share of `sentences` found whole in the extraction's paragraphs.
fn kept(text: &str, sentences: &[String]) -> f64 {
    let x = extract(text, &Options::default()).expect("extract");
    let body = x.paragraphs.join(" ");
    let found = sentences
        .iter()
        .filter(|s| body.contains(s.as_str()))
        .count();
    found as f64 / sentences.len() as f64
}

#[test]
fn every_shape_keeps_its_sentences() {
    let mut figures: BTreeMap<&str, f64> = BTreeMap::new();
    for (k, shape) in SHAPES.iter().enumerate() {
        let mut rng = Rng::new(0x5eed_0000 + k as u64);
        let mut total = 0.0;
        for _ in 0..ARTICLES {
            let a = article(&mut rng);
            let (text, sentences) = lay_out(&a, shape);
            total += kept(&text, &sentences);
        }
        figures.insert(shape, total / ARTICLES as f64);
    }
    eprintln!("sentences kept, by shape: {figures:#?}");
    let pins: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/floors-shapes.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut failures = Vec::new();
    for (shape, got) in &figures {
        let floor = pins["floors"][*shape]
            .as_f64()
            .unwrap_or_else(|| panic!("floors-shapes.json has no floor for {shape}"));
        if *got + 1e-9 < floor {
            failures.push(format!(
                "{shape}: {got:.3} of the sentences kept, below its floor {floor:.3}"
            ));
        } else if *got > floor + 0.005 {
            eprintln!("note: {shape} keeps {got:.3}, above its floor {floor:.3}: raise the floor");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_shapes_hold_the_sentences_they_say() {
    let mut rng = Rng::new(7);
    let a = article(&mut rng);
    let all = a.paragraphs.concat();
    for shape in SHAPES {
        let (text, sentences) = lay_out(&a, shape);
        let want = if *shape == "one-paragraph" {
            a.paragraphs[0].len()
        } else {
            all.len()
        };
        assert_eq!(sentences.len(), want, "{shape}");
        for s in &sentences {
            assert!(text.contains(s.as_str()), "{shape}: {s:?} not in the text");
        }
        let title_first =
            !(shape.contains("furniture") || ["mid-page", "no-title"].contains(shape));
        assert_eq!(text.starts_with(&a.title), title_first, "{shape}");
    }
    let (text, sentences) = lay_out(&a, "lines");
    assert_eq!(
        text.lines().count(),
        2 + all.len(),
        "title, blank line, a sentence a line"
    );
    let (text, _) = lay_out(&a, "one-line");
    assert_eq!(text.lines().count(), 3, "title, blank line, the body");
    let (_, cut) = lay_out(&a, "cut");
    assert!(cut.last().unwrap().len() < all.last().unwrap().len());
    assert!(!cut.last().unwrap().ends_with('.'));
    assert_eq!(sentences, all);
}
