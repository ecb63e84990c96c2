//! The tag tables and furniture words of `data/html/tags.txt`, which the
//! page's reader (`www/blocks.js`) reads too, and the one rule that turns an
//! element's attributes into its role.

use crate::text::lists::lines;
use std::sync::LazyLock;

/// The file both readers share.
pub const SOURCE: &str = include_str!("../../../data/html/tags.txt");

/// The sections of [`SOURCE`], each a sorted list of its entries.
pub struct Tables {
    sections: Vec<(&'static str, Vec<&'static str>)>,
}

/// The roles an element's attributes may give it, in the order they win:
/// a furniture word before the article's own mark.
pub const ROLES: [&str; 6] = [
    "related-links",
    "comments-or-tags",
    "widget",
    "navigation",
    "caption",
    "article-body",
];

/// The tables of [`SOURCE`], read once.
pub static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables::parse(SOURCE));

impl Tables {
    /// Reads `[name]` sections of whitespace-separated entries.
    pub fn parse(source: &'static str) -> Tables {
        let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in lines(source) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push((name, Vec::new()));
            } else if let Some((_, entries)) = sections.last_mut() {
                entries.extend(line.split_whitespace());
            }
        }
        for (_, entries) in &mut sections {
            entries.sort_unstable();
        }
        Tables { sections }
    }

    /// The entries of section `name` (empty when there is none).
    pub fn section(&self, name: &str) -> &[&'static str] {
        self.sections
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, e)| e.as_slice())
    }

    /// The sections, in file order.
    pub fn sections(&self) -> impl Iterator<Item = (&'static str, &[&'static str])> {
        self.sections.iter().map(|(n, e)| (*n, e.as_slice()))
    }

    /// Section `section` lists `entry`.
    pub fn has(&self, section: &str, entry: &str) -> bool {
        self.section(section).binary_search(&entry).is_ok()
    }
}

/// An element that starts a block.
pub fn is_block(tag: &str) -> bool {
    TABLES.has("block", tag)
}

/// An element whose content is not page text.
pub fn is_skipped(tag: &str) -> bool {
    TABLES.has("skip", tag)
}

/// The table's own copy of a block element's tag (so that blocks share it).
pub fn block_tag(tag: &str) -> Option<&'static str> {
    let b = TABLES.section("block");
    b.binary_search(&tag).ok().map(|i| b[i])
}

/// An element that has no content.
pub fn is_void(tag: &str) -> bool {
    TABLES.has("void", tag)
}

/// An element that is page furniture wherever it stands (`nav`, `aside`).
pub fn is_chrome_tag(tag: &str) -> bool {
    TABLES.has("chrome-tags", tag)
}

/// An element that is page furniture outside an article (`footer`).
pub fn is_page_tag(tag: &str) -> bool {
    TABLES.has("page-tags", tag)
}

/// An element that is page furniture outside an article unless it holds
/// prose (`header`).
pub fn is_head_tag(tag: &str) -> bool {
    TABLES.has("head-tags", tag)
}

/// An element's role: what its attribute words say (see [`role`]) when they
/// name furniture; else what its tag says — `navigation` for `nav`, `aside`
/// and `menu`, and for a `footer` outside an article (`in_article`: inside
/// an `article` or `main` element); `page-header` for a `header` outside
/// one (furniture unless it holds prose, the cleaner decides); else the
/// words' `caption`, `article-body` or "".
pub fn element_role(tag: &str, in_article: bool, words: &'static str) -> &'static str {
    if !words.is_empty() && !matches!(words, "article-body" | "caption") {
        words
    } else if is_chrome_tag(tag) || (!in_article && is_page_tag(tag)) {
        "navigation"
    } else if !in_article && is_head_tag(tag) {
        "page-header"
    } else {
        words
    }
}

/// The role that an element's attribute values give it: the first of
/// [`ROLES`] one of whose words is a word of theirs, or "". `values` are
/// the values of its class, id, role, itemprop, type, data-role and
/// data-type attributes ([`ROLE_ATTRIBUTES`]).
pub fn role<'v>(values: impl IntoIterator<Item = &'v str>) -> &'static str {
    let mut best = ROLES.len();
    let (mut word, mut last) = (String::new(), String::new());
    for v in values {
        for_words(v, &mut word, &mut last, |w| {
            if let Some(r) = ROLES[..best].iter().position(|r| TABLES.has(r, w)) {
                best = r;
            }
        });
    }
    ROLES.get(best).copied().unwrap_or("")
}

/// The attributes [`role`] reads.
pub const ROLE_ATTRIBUTES: [&str; 7] = [
    "class",
    "id",
    "role",
    "itemprop",
    "type",
    "data-role",
    "data-type",
];

/// Calls `f` with each word of `v`, lower-cased: the parts of each run of
/// ASCII letters and digits (cut before an upper-case letter that follows a
/// lower-case one), each two parts in a row joined, and a run of more than
/// two parts whole. "box-tin-lien-quan" gives "lienquan"; "otherNews" gives
/// "other", "news" and "othernews". `word` and `last` are buffers.
fn for_words(v: &str, word: &mut String, last: &mut String, mut f: impl FnMut(&str)) {
    last.clear();
    for run in v
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|r| !r.is_empty())
    {
        let b = run.as_bytes();
        let (mut start, mut parts) = (0, 0);
        for i in 1..=b.len() {
            if i < b.len() && !(b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase()) {
                continue;
            }
            word.clear();
            word.push_str(&run[start..i]);
            word.make_ascii_lowercase();
            f(word);
            if !last.is_empty() {
                last.push_str(word);
                f(last);
            }
            last.clear();
            last.push_str(word);
            (start, parts) = (i, parts + 1);
        }
        if parts > 2 {
            word.clear();
            word.push_str(run);
            word.make_ascii_lowercase();
            f(word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_there_and_the_readers_tables_agree_with_the_tags() {
        let tag_tables = [
            "block",
            "skip",
            "void",
            "chrome-tags",
            "page-tags",
            "head-tags",
        ];
        for name in tag_tables.into_iter().chain(ROLES) {
            assert!(!TABLES.section(name).is_empty(), "{name} is empty");
        }
        assert!(is_block("p") && is_block("li") && !is_block("span"));
        assert!(is_skipped("script") && is_skipped("button"));
        assert!(is_void("br") && !is_void("p"));
        // Furniture tags are blocks, so that their text never joins another's.
        for t in TABLES
            .section("chrome-tags")
            .iter()
            .chain(TABLES.section("page-tags"))
        {
            assert!(is_block(t), "{t}");
        }
    }

    #[test]
    fn roles_come_from_whole_words_of_the_attributes() {
        let cases: &[(&[&str], &str)] = &[
            (&["box-tinlienquan"], "related-links"),
            (&["boxRelatedNews"], "related-links"),
            (&["RelatedOneNews"], "related-links"),
            (&["other-news"], "related-links"),
            (&["box tin-lien-quan"], "related-links"),
            (&["binh_luan"], "comments-or-tags"),
            (&["comment_list"], "comments-or-tags"),
            (&["social share-bar"], "widget"),
            (&["navigation"], "navigation"),
            (&["PhotoCMS_Caption"], "caption"),
            (&["articleBody"], "article-body"),
            // A furniture word wins over the article's mark.
            (&["articleBody", "tags"], "comments-or-tags"),
            // Words, not parts of words.
            (&["detail-content", "nav-", "tagline"], "navigation"),
            (&["tagline", "advertorial-free", "menuitem"], ""),
            (&["fck_detail", "Normal"], ""),
            (&[], ""),
        ];
        for (values, want) in cases {
            assert_eq!(role(values.iter().copied()), *want, "{values:?}");
        }
    }
}
