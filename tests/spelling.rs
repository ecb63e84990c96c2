//! The paste's own tone placement comes back in the output, on every path
//! (text and HTML), with offsets still true (see `normalise::spelling`).
//! Invented sentences; the CLI case `robust/old_tone_placement_kept` covers
//! the text path through the binary.

use vnextract::{extract, extract_html, Extraction, Options};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn offsets_hold(x: &Extraction) {
    for e in &x.entities {
        assert_eq!(utf16_slice(&x.text, e.start, e.end), e.text, "{e:?}");
    }
    for ev in &x.events {
        assert_eq!(
            utf16_slice(&x.text, ev.sentence_start, ev.sentence_end),
            ev.sentence
        );
    }
}

#[test]
fn a_page_written_both_ways_keeps_each_spelling_where_it_was() {
    // Headline in the old placement, body in the modern one, as many sites do.
    let page = "Thuỷ điện Sông Loà xả lũ, Thanh Hoá sơ tán ba xã\n\n\
                Chiều 14/10, Ban Chỉ huy phòng chống thiên tai tỉnh Thanh Hóa cho biết \
                thủy điện Sông Lòa đã mở thêm hai cửa xả.\n\n\
                Ông Lò Văn Tuỳ, trưởng bản, nói người dân đã được báo từ sáng.";
    let x = extract(page, &Options::default()).unwrap();
    assert_eq!(
        x.title.as_deref(),
        Some("Thuỷ điện Sông Loà xả lũ, Thanh Hoá sơ tán ba xã")
    );
    assert!(x.paragraphs[0].contains("tỉnh Thanh Hóa cho biết thủy điện Sông Lòa"));
    assert!(x.paragraphs[1].contains("Lò Văn Tuỳ"));
    let names: Vec<&str> = x.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(names.contains(&"Thanh Hoá"), "{names:?}");
    assert!(names.contains(&"Lò Văn Tuỳ"), "{names:?}");
    offsets_hold(&x);
}

#[test]
fn html_blocks_keep_the_paste_spelling_too() {
    let html = "<html><body><article><h1>Hoà Bình mở hội hoa ban</h1>\
                <p>Sáng 2/3, UBND tỉnh Hoà Bình khai mạc hội hoa ban tại thành phố Hoà Bình.</p>\
                <p>Bà Đinh Thị Thuỷ, giám đốc sở, cho biết lễ hội kéo dài ba ngày.</p>\
                </article></body></html>";
    let x = extract_html(html, &Options::default()).unwrap();
    assert_eq!(x.title.as_deref(), Some("Hoà Bình mở hội hoa ban"));
    assert!(x.text.contains("Đinh Thị Thuỷ"));
    assert!(!x.text.contains("Hòa"));
    assert!(x.entities.iter().any(|e| e.text == "Đinh Thị Thuỷ"));
    offsets_hold(&x);
}
