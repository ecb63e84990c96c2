//! The ids the core emits for people to read about: why the cleaner removed a
//! block ([`RemovalReason`]), what the reader should know about the input
//! ([`WarningCode`]) and which rule found an entity or an event ([`RuleId`]).
//!
//! They are typed so that a new one cannot be emitted without being listed
//! here, and listed so that the page and the CLI can be checked to have words
//! for every one of them ([`crate::schema`]). On the wire each is its
//! kebab-case id.

/// Declares a fieldless enum whose variants each carry a kebab-case id and a
/// doc line, with `ALL`, `id()`, `Display`, `Serialize`, `Deserialize` and comparison with
/// `&str` (for tests and callers that hold ids as text).
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable kebab-case id.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }

            /// The value with this id, if there is one.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.id() == id)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let id = <String as ::serde::Deserialize>::deserialize(d)?;
                $name::from_id(&id).ok_or_else(|| {
                    ::serde::de::Error::custom(format!(
                        concat!("unknown ", stringify!($name), " {:?}"),
                        id
                    ))
                })
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.id() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.id() == *other
            }
        }
    };
}

mod rules;
pub use rules::{Mark, Rule, RuleId};

id_enum! {
    /// Why the cleaner left a block out of the article.
    RemovalReason {
        /// Nothing in the input reads as an article, so nothing was kept.
        NoArticle = "no-article",
        /// A repeat of the headline (the page's own copy, image alt text).
        TitleCopy = "title-copy",
        /// Menus, breadcrumbs, category labels and other site navigation.
        Navigation = "navigation",
        /// A heading that opens a non-article section ("Tin liên quan").
        SectionHeading = "section-heading",
        /// Comments, tags and what follows them.
        CommentsOrTags = "comments-or-tags",
        /// Text after the article's end (its credits or last paragraph).
        AfterArticle = "after-article",
        /// Headlines and teasers of other articles.
        RelatedLinks = "related-links",
        /// A line already kept once.
        Duplicate = "duplicate",
        /// A caption repeated as prose.
        CaptionCopy = "caption-copy",
        /// Share buttons, counters, banners, the site's imprint (copyright,
        /// licence, address) and other furniture.
        Widget = "widget",
        /// A date or site clock line; its date becomes `published`.
        Dateline = "dateline",
        /// The author line; it becomes `byline`.
        Byline = "byline",
        /// The credited news source; it becomes `source`.
        Source = "source",
        /// An editor's credit or note ("Biên tập viên: …", a note that the
        /// headline was changed).
        EditorNote = "editor-note",
    }
}

id_enum! {
    /// A note about the input that is not an error.
    WarningCode {
        /// The input has no text.
        EmptyInput = "empty-input",
        /// No Vietnamese running prose was found.
        NoArticle = "no-article",
        /// The text was in a legacy Vietnamese encoding and was converted.
        LegacyEncoding = "legacy-encoding",
        /// Invalid UTF-8 was read with replacement characters.
        InvalidUtf8 = "invalid-utf8",
        /// Text that is HTML source was read as HTML.
        HtmlSource = "html-source",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_kebab_case_and_round_trip() {
        let ids: Vec<&str> = RemovalReason::ALL.iter().map(|r| r.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
        for r in RemovalReason::ALL {
            assert!(r.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert_eq!(RemovalReason::from_id(r.id()), Some(*r));
        }
        for w in WarningCode::ALL {
            assert_eq!(WarningCode::from_id(w.id()), Some(*w));
        }
        assert_eq!(RemovalReason::from_id("nope"), None);
    }

    #[test]
    fn serialises_as_its_id() {
        assert_eq!(
            serde_json::to_string(&RemovalReason::RelatedLinks).unwrap(),
            "\"related-links\""
        );
        assert_eq!(
            serde_json::to_string(&WarningCode::NoArticle).unwrap(),
            "\"no-article\""
        );
        assert!(WarningCode::HtmlSource == "html-source");
        let back: RemovalReason = serde_json::from_str("\"related-links\"").unwrap();
        assert_eq!(back, RemovalReason::RelatedLinks);
        assert!(serde_json::from_str::<WarningCode>("\"nope\"").is_err());
    }
}
