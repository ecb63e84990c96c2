//! The word lists of `data/entities/` and the tokens they are matched on.
//!
//! A [`Tok`] is one syllable (a run of letters and digits) or one
//! punctuation character, with its byte span and its case. A [`Phrases`]
//! list finds the longest listed phrase at a token; lists keep the case
//! pattern of their entries ("Mỹ" is a country, "mỹ" is not), except that a
//! text token in capitals ("VIỆT NAM" in a heading) matches any case.

use crate::fasthash::FastMap;
use crate::normalise::compose;
use std::ops::Range;
use std::sync::LazyLock;

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Lower-cased form.
    pub lower: String,
    /// Letters or digits (a syllable or number); otherwise one punctuation mark.
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case ("ASEAN", "VIỆT").
    pub shout: bool,
    /// Only ASCII letters.
    pub ascii: bool,
    /// The text between this token and the one before is not empty.
    pub space_before: bool,
    /// A blank line (a paragraph break) separates it from the token before.
    pub break_before: bool,
    /// It begins a sentence: first of its paragraph, or after `.`, `!`, `?`, `:`.
    pub starts_sentence: bool,
}

impl Tok {
    /// A punctuation token equal to `c`.
    pub fn is(&self, c: char) -> bool {
        !self.word && self.lower.starts_with(c)
    }
    /// A capitalised word.
    pub fn cap_word(&self) -> bool {
        self.word && self.cap
    }
    /// A lower-case word.
    pub fn low_word(&self) -> bool {
        self.word && !self.cap && !self.lower.starts_with(|c: char| c.is_ascii_digit())
    }
    /// Digits only.
    pub fn number(&self) -> bool {
        self.word && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// The tokens of `text`.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut word: Option<usize> = None;
    let mut last_end = 0;
    let push = |out: &mut Vec<Tok>, span: Range<usize>, is_word: bool, last_end: &mut usize| {
        let s = &text[span.clone()];
        let gap = &text[*last_end..span.start];
        let break_before = out.is_empty() || gap.matches('\n').count() >= 2;
        let after_stop = out.last().is_some_and(|t: &Tok| {
            !t.word && matches!(t.lower.as_str(), "." | "!" | "?" | ":" | "…")
        });
        let letters = s.chars().filter(|&c| compose::is_alphabetic(c)).count();
        out.push(Tok {
            span: span.clone(),
            lower: compose::to_lowercase(s),
            word: is_word,
            cap: s.chars().next().is_some_and(char::is_uppercase),
            shout: is_word && letters >= 2 && s.chars().all(|c| !c.is_lowercase()),
            ascii: s.bytes().all(|b| b.is_ascii_alphabetic()),
            space_before: !gap.is_empty(),
            break_before,
            starts_sentence: break_before || after_stop,
        });
        *last_end = span.end;
    };
    for (i, c) in text.char_indices() {
        if compose::is_alphanumeric(c) {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            push(&mut out, s..i, true, &mut last_end);
        }
        if !c.is_whitespace() {
            push(&mut out, i..i + c.len_utf8(), false, &mut last_end);
        }
    }
    if let Some(s) = word {
        push(&mut out, s..text.len(), true, &mut last_end);
    }
    out
}

/// The non-comment, non-blank lines of a data file, trimmed and in the
/// text's normal form (NFC, modern tone placement).
pub fn data_lines(data: &str) -> impl Iterator<Item = String> + '_ {
    crate::data_file::data_lines(data).map(crate::normalise::normalise)
}

/// One entry of a list: its tokens and what it stands for.
#[derive(Clone, Debug)]
struct Entry<T> {
    lower: Vec<String>,
    cap: Vec<bool>,
    payload: T,
}

/// A phrase list with a payload per phrase.
#[derive(Debug)]
pub struct Phrases<T> {
    by_first: FastMap<String, Vec<Entry<T>>>,
    /// Match case-insensitively.
    any_case: bool,
}

impl<T> Phrases<T> {
    /// A list of `(phrase, payload)`; `any_case` ignores the case of the entries.
    pub fn new(entries: impl IntoIterator<Item = (String, T)>, any_case: bool) -> Phrases<T> {
        let mut by_first: FastMap<String, Vec<Entry<T>>> = FastMap::default();
        for (phrase, payload) in entries {
            let toks = tokenize(&phrase);
            let Some(first) = toks.first() else { continue };
            by_first
                .entry(first.lower.clone())
                .or_default()
                .push(Entry {
                    lower: toks.iter().map(|t| t.lower.clone()).collect(),
                    cap: toks.iter().map(|t| t.cap).collect(),
                    payload,
                });
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|e| std::cmp::Reverse(e.lower.len()));
        }
        Phrases { by_first, any_case }
    }

    /// The longest phrase at `toks[i]`: its length in tokens and payload.
    /// A phrase never runs over a paragraph break.
    pub fn at(&self, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(&toks.get(i)?.lower)?;
        list.iter().find_map(|e| {
            let window = toks.get(i..i + e.lower.len())?;
            let same =
                window
                    .iter()
                    .zip(&e.lower)
                    .zip(&e.cap)
                    .enumerate()
                    .all(|(k, ((t, l), &c))| {
                        t.lower == *l
                            && (k == 0 || !t.break_before)
                            && (self.any_case
                                || t.shout
                                || t.cap == c
                                || (k == 0 && !c && t.starts_sentence))
                    });
            same.then_some((e.lower.len(), &e.payload))
        })
    }

    /// Whether a phrase starts at `toks[i]`.
    pub fn has(&self, toks: &[Tok], i: usize) -> bool {
        self.at(toks, i).is_some()
    }
}

/// A list of plain phrases (payload: the phrase as listed).
pub fn plain(data: &str, any_case: bool) -> Phrases<String> {
    Phrases::new(data_lines(data).map(|l| (l.clone(), l)), any_case)
}

/// What a name list entry gives: the canonical name and whether the entry
/// is ambiguous at the start of a sentence (marked `?` in the list).
#[derive(Clone, Debug)]
pub struct Named {
    /// The first name of the line.
    pub canonical: String,
    /// Only outside the start of a sentence ("Anh" is a country, or "He").
    pub not_initial: bool,
}

/// A list of names, one entity a line, variants after `;`.
pub fn names(data: &str) -> Phrases<Named> {
    let mut entries = Vec::new();
    for line in data_lines(data) {
        let variants: Vec<&str> = line
            .split(';')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        let Some(first) = variants.first() else {
            continue;
        };
        let canonical = first.trim_start_matches('?').to_string();
        for v in &variants {
            let not_initial = v.starts_with('?');
            entries.push((
                v.trim_start_matches('?').to_string(),
                Named {
                    canonical: canonical.clone(),
                    not_initial,
                },
            ));
        }
    }
    Phrases::new(entries, false)
}

/// Every list, loaded once.
pub struct Lists {
    /// Countries.
    pub countries: Phrases<Named>,
    /// Provinces, cities, capitals, regions (not countries).
    pub places: Phrases<Named>,
    /// Heads of site names ("Trụ sở").
    pub sites: Phrases<String>,
    /// Administrative units before a place name ("tỉnh").
    pub admin_units: Phrases<String>,
    /// Title heads ("Bộ trưởng").
    pub title_heads: Phrases<String>,
    /// Words inside titles ("Trung ương").
    pub title_qualifiers: Phrases<String>,
    /// Fields of ministries and titles ("Ngoại giao").
    pub fields: Phrases<String>,
    /// Words of address ("ông").
    pub honorifics: Phrases<String>,
    /// Organisation heads ("Bộ"); `true` where the name may be a person's
    /// (marked `*`: "Trường THPT Chu Văn An").
    pub org_heads: Phrases<bool>,
    /// Fixed organisation names and acronyms.
    pub org_names: Phrases<Named>,
    /// Upper-case words that are no organisation.
    pub not_acronyms: Phrases<String>,
    /// Vietnamese family names.
    pub family_names: Phrases<String>,
    /// Heads of document and meeting names.
    pub misc_heads: Phrases<String>,
    /// Texts known by their number ("Nghị quyết").
    pub numbered_texts: Phrases<String>,
    /// Function words that end a name.
    pub stop_words: Phrases<String>,
    /// Foreign words that make a capitalised run no person's name.
    pub not_name_words: Phrases<String>,
    /// Lower-case particles inside foreign names ("von der").
    pub name_particles: Phrases<String>,
}

/// The lists.
pub static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let places = [
        include_str!("../../data/entities/provinces.txt"),
        include_str!("../../data/entities/cities.txt"),
        include_str!("../../data/entities/regions.txt"),
        include_str!("../../data/entities/named_sites.txt"),
    ]
    .join("\n");
    Lists {
        countries: names(include_str!("../../data/entities/countries.txt")),
        places: names(&places),
        sites: plain(include_str!("../../data/entities/sites.txt"), false),
        admin_units: plain(include_str!("../../data/entities/admin_units.txt"), false),
        title_heads: plain(include_str!("../../data/entities/title_heads.txt"), false),
        title_qualifiers: plain(
            include_str!("../../data/entities/title_qualifiers.txt"),
            false,
        ),
        fields: plain(include_str!("../../data/entities/fields.txt"), false),
        honorifics: plain(include_str!("../../data/entities/honorifics.txt"), true),
        org_heads: Phrases::new(
            data_lines(include_str!("../../data/entities/org_heads.txt"))
                .map(|l| (l.trim_end_matches('*').to_string(), l.ends_with('*'))),
            false,
        ),
        org_names: names(include_str!("../../data/entities/org_names.txt")),
        not_acronyms: plain(include_str!("../../data/entities/not_acronyms.txt"), false),
        family_names: plain(include_str!("../../data/entities/family_names.txt"), false),
        misc_heads: plain(include_str!("../../data/entities/misc_heads.txt"), false),
        stop_words: plain(include_str!("../../data/entities/stop_words.txt"), true),
        numbered_texts: plain(
            include_str!("../../data/entities/numbered_texts.txt"),
            false,
        ),
        not_name_words: plain(include_str!("../../data/entities/not_name_words.txt"), true),
        name_particles: plain(
            include_str!("../../data/entities/name_particles.txt"),
            false,
        ),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_case_spans_and_breaks() {
        let t = tokenize("Việt Nam-Lào.\n\nASEAN họp");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["việt", "nam", "-", "lào", ".", "asean", "họp"]);
        assert!(!t[2].space_before && t[5].break_before && t[5].shout && t[5].starts_sentence);
        assert!(!t[6].cap && t[0].cap && !t[0].ascii && t[5].ascii);
    }

    #[test]
    fn lists_match_with_their_case() {
        let l = &*LISTS;
        let toks = tokenize("tại Mỹ và thẩm mỹ, VIỆT NAM, Bra-xin");
        assert_eq!(
            l.countries
                .at(&toks, 1)
                .map(|(n, p)| (n, p.canonical.as_str())),
            Some((1, "Mỹ"))
        );
        assert!(l.countries.at(&toks, 4).is_none());
        assert_eq!(l.countries.at(&toks, 6).map(|(n, _)| n), Some(2));
        assert_eq!(
            l.countries
                .at(&toks, 9)
                .map(|(n, p)| (n, p.canonical.as_str())),
            Some((3, "Brazil"))
        );
    }

    #[test]
    fn the_provinces_before_and_after_the_mergers_are_listed() {
        let provinces = data_lines(include_str!("../../data/entities/provinces.txt")).count();
        assert_eq!(provinces, 64, "63 before 2025 and Huế after");
        let l = &*LISTS;
        for p in [
            "Huế",
            "Thừa Thiên Huế",
            "Khánh Hòa",
            "Khánh Hoà",
            "TP.HCM",
            "Đắk Lắk",
            "Bà Rịa - Vũng Tàu",
        ] {
            let toks = tokenize(&crate::normalise::normalise(p));
            assert_eq!(
                l.places.at(&toks, 0).map(|(n, _)| n),
                Some(toks.len()),
                "{p}"
            );
        }
    }

    #[test]
    fn every_list_loads() {
        let l = &*LISTS;
        let toks = tokenize("Bộ trưởng Ngoại giao ông Nguyễn Hiệp ước Trụ sở tỉnh");
        assert!(
            l.title_heads.has(&toks, 0) && l.fields.has(&toks, 2) && l.honorifics.has(&toks, 4)
        );
        assert!(
            l.family_names.has(&toks, 5) && l.misc_heads.has(&toks, 6) && l.sites.has(&toks, 8)
        );
        assert!(l.admin_units.has(&toks, 10) && l.org_heads.has(&toks, 0));
    }
}
