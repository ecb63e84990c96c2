//! Issue 3: our compact NFC (`normalise::compose`, a table of Latin letters
//! instead of the full Unicode data) agrees with the full Unicode algorithm
//! (the `unicode-normalization` crate, a dev-dependency only) on every
//! letter of the table's ranges, decomposed or not, and on Vietnamese text
//! typed with combining marks in any canonical-equivalent order.

use unicode_normalization::UnicodeNormalization;
use vnextract::internals::normalise::compose::nfc;

#[test]
fn every_latin_letter_composes_as_unicode_says() {
    for cp in (0xc0..0x250).chain(0x1e00..0x1f00) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let s = c.to_string();
        let nfd: String = s.nfd().collect();
        let want: String = s.nfc().collect();
        if want
            .chars()
            .all(|c| (c as u32) < 0x250 || (0x1e00..0x1f00).contains(&(c as u32)))
        {
            assert_eq!(nfc(&nfd), want, "U+{cp:04X} from NFD");
            assert_eq!(nfc(&s), want, "U+{cp:04X} as given");
        }
    }
}

#[test]
fn vietnamese_text_with_marks_in_either_order() {
    let text = "Chủ tịch tỉnh Trịnh Văn Lộc tiếp đoàn doanh nghiệp Ấn Độ; Giám đốc Sở Hà Thị Ngọc Diệp trình bày, \
                đặc sản chè Shan tuyết, mật ong bạc hà, hợp tác xã. Quỹ Phát triển Đất đai (QPĐ), thuỷ lợi, khoẻ.";
    let nfd: String = text.nfd().collect();
    let want: String = text.nfc().collect();
    assert_eq!(nfc(&nfd), want);
    assert_eq!(nfc(text), want);
    // Marks of different classes in the other order (dot below after the circumflex).
    let swapped = nfd
        .replace("o\u{323}\u{302}", "o\u{302}\u{323}")
        .replace("a\u{323}\u{306}", "a\u{306}\u{323}");
    assert_eq!(nfc(&swapped), want);
    // A precomposed vowel with a separate tone mark, as legacy keyboards type it.
    assert_eq!(nfc("Nô\u{323}i, tiê\u{301}p, hơ\u{323}p"), "Nội, tiếp, hợp");
}
