//! Issue 3: the cleaner never panics and never loses a line silently, on
//! pages cut anywhere, lines shuffled, or odd characters: every input line is
//! kept (title, paragraph, caption) or listed in `removed` with a reason.

use std::fs;
use std::path::Path;
use vnextract::internals::{clean, normalise::normalise};
use vnextract::{extract_html, Options};

fn pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.retain(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"));
    v.sort();
    v.iter().map(|p| fs::read_to_string(p).unwrap()).collect()
}

fn accounted(text: &str) {
    let text = normalise(text);
    let a = clean::clean_text(&text);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let kept = a.paragraphs.len() + a.captions.len() + usize::from(a.title.is_some());
    assert!(
        kept + a.removed.len() >= lines,
        "{lines} lines, {kept} kept, {} removed",
        a.removed.len()
    );
    // Every reason is a typed RemovalReason; what must hold is that no
    // removal loses its text.
    assert!(a.removed.iter().all(|r| !r.text.is_empty()));
}

#[test]
fn pages_cut_anywhere() {
    for page in pages() {
        let cuts: Vec<usize> = page.char_indices().map(|(i, _)| i).step_by(211).collect();
        for &c in &cuts {
            accounted(&page[..c]);
            accounted(&page[c..]);
            let _ = extract_html(&page[..c], &Options::default()).unwrap();
        }
    }
}

#[test]
fn lines_in_another_order() {
    for page in pages() {
        let mut lines: Vec<&str> = page.lines().collect();
        for step in [1usize, 2, 3, 5] {
            let n = step.min(lines.len());
            lines.rotate_left(n);
            lines.reverse();
            accounted(&lines.join("\n"));
        }
    }
}

#[test]
fn odd_characters() {
    for s in [
        "\u{0}\u{1}\n\u{feff}\u{200b}",
        "ảnh 1ảnh 2ảnh",
        "Tin liên quan\nTin liên quan\nTin liên quan",
        "…\n...\n(\n)\n[\n]\n|",
        "a\u{301}\u{301}\u{301}\u{323}\u{302}",
        "Đ\n\nĐ Đ\n\n© \n\n>> \n\nXem thêm:",
        "1/1/2000 1/1/2000 1/1/2000\n99:99 | 32/13/2022 GMT+7",
    ] {
        accounted(s);
        let _ = extract_html(s, &Options::default()).unwrap();
    }
}
