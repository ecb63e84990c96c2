//! The one way word lists under `data/` are loaded. A list is a text file,
//! one entry a line, `#` comments and blank lines skipped, with a header
//! saying its source and why it exists; keyed lists put a key, a tab and
//! the phrase on a line. Every file is stored in the text's normal form
//! (NFC, modern tone placement — what `crate::normalise` makes of the
//! input; a test checks every file), so entries are used as written and the
//! list's [`Mode`] alone says how case and marks count. Lists compared with
//! whole folded lines rather than matched token by token (the cleaner's)
//! come [`folded`], in the form the line is folded to.

use super::fold::{fold, fold_words};
use super::phrases::{Mode, Phrases};

/// The entries of a data file: its non-comment, non-blank lines, trimmed.
pub fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The `key <TAB> value` pairs of a keyed data file, both trimmed; lines
/// without a tab are skipped.
pub fn pairs(data: &str) -> impl Iterator<Item = (&str, &str)> {
    lines(data).filter_map(|l| l.split_once('\t').map(|(k, v)| (k.trim(), v.trim())))
}

/// A list of phrases, each its own payload.
pub fn phrases(data: &str, mode: Mode) -> Phrases<String> {
    Phrases::new(lines(data).map(|l| (l.to_string(), l.to_string())), mode)
}

/// A list of phrases with no payload.
pub fn words(data: &str, mode: Mode) -> Phrases<()> {
    Phrases::new(lines(data).map(|l| (l.to_string(), ())), mode)
}

/// A keyed list (`key <TAB> phrase`): the phrases, each with its key.
pub fn keyed(data: &str, mode: Mode) -> Phrases<String> {
    Phrases::new(
        pairs(data).map(|(k, p)| (p.to_string(), k.to_string())),
        mode,
    )
}

/// How a [`folded`] list keeps punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Punct {
    /// None at an entry's ends ([`fold`]): "Đọc thêm:" is "doc them".
    Trimmed,
    /// Each word's own ([`fold_words`]): "(Ảnh:" is "(anh:".
    Kept,
}

/// The entries of a data file folded ([`super::fold`]), for comparison
/// with lines folded the same way.
pub fn folded(data: &str, punct: Punct) -> impl Iterator<Item = String> + '_ {
    lines(data).map(move |l| match punct {
        Punct::Trimmed => fold(l),
        Punct::Kept => fold_words(l),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize_all;

    #[test]
    fn lists_skip_comments_and_keep_their_keys() {
        let data = "# source: invented\n\nhuân chương\thonours\n  \nbad line\n";
        assert_eq!(lines(data).count(), 2);
        assert_eq!(
            lines("  Làng Mới  \n#x\nBến Đá\n").collect::<Vec<_>>(),
            ["Làng Mới", "Bến Đá"]
        );
        let k = keyed("honours\thuân chương\n# x\n", Mode::AnyCase);
        let toks = tokenize_all("trao Huân chương");
        assert_eq!(
            k.at(&toks, 1).map(|(n, p)| (n, p.as_str())),
            Some((2, "honours"))
        );
        assert!(words("điện đàm\n", Mode::Lower).has(&tokenize_all("điện đàm"), 0));
    }

    #[test]
    fn folded_lists_keep_punctuation_only_when_asked() {
        let data = "# source: invented\nĐọc thêm:\n(Ảnh:\n";
        let trimmed: Vec<String> = folded(data, Punct::Trimmed).collect();
        assert_eq!(trimmed, ["doc them", "anh"]);
        let kept: Vec<String> = folded(data, Punct::Kept).collect();
        assert_eq!(kept, ["doc them:", "(anh:"]);
    }

    /// The policy above: every file under `data/` is in the normal form the
    /// text is put in, so no list needs normalising when it is loaded.
    #[test]
    fn every_data_file_is_in_normal_form() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).expect("data dir").flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "txt" || x == "tsv") {
                    out.push(p);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
            &mut files,
        );
        assert!(files.len() > 20, "only {} data files", files.len());
        let mut bad = Vec::new();
        for f in &files {
            let data = std::fs::read_to_string(f).expect("utf-8 data file");
            for l in lines(&data) {
                // Fields one by one: normalising turns the tab into a space.
                let n: Vec<String> = l.split('\t').map(crate::normalise::normalise).collect();
                let n = n.join("\t");
                if n != l {
                    bad.push(format!("{}: {l:?} -> {n:?}", f.display()));
                }
            }
        }
        assert!(bad.is_empty(), "not in normal form:\n{}", bad.join("\n"));
    }
}
