//! The word lists of `data/entities/` (see its README), loaded once with
//! the text layer's loader ([`crate::text::lists`]). Most keep the case
//! pattern of their entries ("Mỹ" is a country, "mỹ" is not;
//! [`Mode::Exact`]); name lists ([`names`]) give each variant its entity's
//! canonical name.

use crate::text::lists::{lines, phrases};
use crate::text::phrases::{Mode, Phrases};
use std::sync::LazyLock;

/// What a name list entry gives: the canonical name and whether the entry
/// is ambiguous at the start of a sentence (marked `?` in the list).
#[derive(Clone, Debug)]
pub struct Named {
    /// The first name of the line.
    pub canonical: String,
    /// Only outside the start of a sentence ("Anh" is a country, or "He").
    pub not_initial: bool,
    /// A generic body that names one only with its place after it (marked
    /// `+` before the line: "UBND tỉnh Nghệ An", not "UBND" alone).
    pub needs_place: bool,
    /// A national body named by its common noun alone, its country unsaid
    /// (marked `~`: "Chính phủ", "Quốc hội"): inside a site's name
    /// ("Trụ sở Chính phủ") it names the building, no body of its own.
    pub generic: bool,
}

/// A list of names, one entity a line, variants after `;`.
pub fn names(data: &str) -> Phrases<Named> {
    let mut entries = Vec::new();
    for line in lines(data) {
        let (needs_place, line) = match line.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (generic, line) = match line.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
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
                    needs_place,
                    generic,
                },
            ));
        }
    }
    Phrases::new(entries, Mode::Exact)
}

/// The title heads, each as listed and, where a later word is
/// capitalised, also with the later words in lower case: papers write
/// "Tổng giám đốc" as often as "Tổng Giám đốc", "Phó giám đốc" as often
/// as "Phó Giám đốc". The first word keeps its case (it is what makes a
/// title of the words); abbreviations keep theirs ("GS.TS").
fn title_heads(data: &str) -> Phrases<String> {
    let mut entries = Vec::new();
    for line in lines(data) {
        entries.push((line.to_string(), line.to_string()));
        let mut words = line.split(' ');
        let first = words.next().unwrap_or_default();
        let capitalised = |w: &str| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
        };
        let tail: Vec<&str> = words.collect();
        if tail.iter().any(|w| capitalised(w)) {
            let mut lower = first.to_string();
            for w in tail {
                lower.push(' ');
                if capitalised(w) {
                    lower.push_str(&crate::text::chars::to_lowercase(w));
                } else {
                    lower.push_str(w);
                }
            }
            entries.push((lower, line.to_string()));
        }
    }
    Phrases::new(entries, Mode::Exact)
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
    /// Title heads of a company's offices ("Tổng giám đốc", "CEO").
    pub business_heads: Phrases<String>,
    /// Words inside titles ("Trung ương").
    pub title_qualifiers: Phrases<String>,
    /// Kinds of body a title names by the kind alone ("Giám đốc bệnh viện").
    pub title_bodies: Phrases<String>,
    /// Fields of ministries and titles ("Ngoại giao").
    pub fields: Phrases<String>,
    /// Words of address ("ông").
    pub honorifics: Phrases<String>,
    /// Role words before a name ("HLV", "ca sĩ"), in running text (a
    /// capitalised "Hoa hậu" inside a sentence names a contest, no one).
    pub person_cues: Phrases<String>,
    /// Organisation heads ("Bộ"); `true` where the name may be a person's
    /// (marked `*`: "Trường THPT Chu Văn An").
    pub org_heads: Phrases<bool>,
    /// Fixed organisation names and acronyms.
    pub org_names: Phrases<Named>,
    /// Lower-case words inside an organisation's name ("quốc gia");
    /// `true` for those that are also verbs (marked `*`: "đầu tư").
    pub org_name_words: Phrases<bool>,
    /// Foreign words that make a capitalised run a body's name ("FC").
    pub foreign_org_words: Phrases<String>,
    /// Lower-case kinds of thing before a name that make it no person's
    /// ("tàu", "phim").
    pub not_person_before: Phrases<String>,
    /// Lower-case words before a newspaper's or an agency's name ("báo").
    pub org_cues: Phrases<String>,
    /// Words of a match report ("đánh bại", "vòng"): a name then a
    /// province in their sentence is a club's.
    pub match_words: Phrases<String>,
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
        sites: phrases(include_str!("../../data/entities/sites.txt"), Mode::Exact),
        admin_units: phrases(
            include_str!("../../data/entities/admin_units.txt"),
            Mode::Exact,
        ),
        title_heads: title_heads(include_str!("../../data/entities/title_heads.txt")),
        business_heads: title_heads(include_str!("../../data/entities/business_heads.txt")),
        title_qualifiers: phrases(
            include_str!("../../data/entities/title_qualifiers.txt"),
            Mode::Exact,
        ),
        title_bodies: phrases(
            include_str!("../../data/entities/title_bodies.txt"),
            Mode::Lower,
        ),
        fields: phrases(include_str!("../../data/entities/fields.txt"), Mode::Exact),
        honorifics: phrases(
            include_str!("../../data/entities/honorifics.txt"),
            Mode::AnyCase,
        ),
        person_cues: phrases(
            include_str!("../../data/entities/person_cues.txt"),
            Mode::Lower,
        ),
        org_heads: Phrases::new(
            lines(include_str!("../../data/entities/org_heads.txt"))
                .map(|l| (l.trim_end_matches('*').to_string(), l.ends_with('*'))),
            Mode::Exact,
        ),
        org_names: names(include_str!("../../data/entities/org_names.txt")),
        org_name_words: Phrases::new(
            lines(include_str!("../../data/entities/org_name_words.txt"))
                .map(|l| (l.trim_end_matches('*').to_string(), l.ends_with('*'))),
            Mode::Lower,
        ),
        foreign_org_words: phrases(
            include_str!("../../data/entities/foreign_org_words.txt"),
            Mode::AnyCase,
        ),
        not_person_before: phrases(
            include_str!("../../data/entities/not_person_before.txt"),
            Mode::Lower,
        ),
        org_cues: phrases(
            include_str!("../../data/entities/org_cues.txt"),
            Mode::Lower,
        ),
        match_words: phrases(
            include_str!("../../data/entities/match_words.txt"),
            Mode::Exact,
        ),
        not_acronyms: phrases(
            include_str!("../../data/entities/not_acronyms.txt"),
            Mode::Exact,
        ),
        family_names: phrases(
            include_str!("../../data/entities/family_names.txt"),
            Mode::Exact,
        ),
        misc_heads: phrases(
            include_str!("../../data/entities/misc_heads.txt"),
            Mode::Exact,
        ),
        stop_words: phrases(
            include_str!("../../data/entities/stop_words.txt"),
            Mode::AnyCase,
        ),
        numbered_texts: phrases(
            include_str!("../../data/entities/numbered_texts.txt"),
            Mode::Exact,
        ),
        not_name_words: phrases(
            include_str!("../../data/entities/not_name_words.txt"),
            Mode::AnyCase,
        ),
        name_particles: phrases(
            include_str!("../../data/entities/name_particles.txt"),
            Mode::Exact,
        ),
    }
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize_all as tokenize;

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
        let provinces = lines(include_str!("../../data/entities/provinces.txt")).count();
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
    fn title_heads_are_read_with_their_later_words_in_lower_case() {
        let l = &*LISTS;
        let toks = tokenize(
            "Tổng giám đốc, Tổng Giám đốc, Trưởng ban, Phó giám đốc, GS.TS, Tổng giám Đốc",
        );
        let at = |i| l.title_heads.at(&toks, i).map(|(n, _)| n);
        assert_eq!(
            [at(0), at(4), at(8), at(11), at(15)],
            [Some(3), Some(3), Some(2), Some(3), Some(3)]
        );
        assert_eq!(
            at(19),
            None,
            "only the listed case or the later words in lower case"
        );
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
