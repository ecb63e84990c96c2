//! Test helpers shared by the stage's unit tests.

use super::sentences::{Part, Sentence};
use crate::{Entity, EntityKind};

/// The whole of `text` as one sentence of `part`.
pub fn whole(text: &str, part: Part) -> Sentence {
    Sentence {
        span: 0..text.len(),
        part,
    }
}

/// An entity for the first occurrence of `mention` in `text`.
pub fn ent(text: &str, kind: EntityKind, mention: &str, value: Option<&str>) -> Entity {
    let start = text.find(mention).expect("mention in text");
    Entity {
        kind,
        text: mention.into(),
        start: 0,
        end: 0,
        canonical: mention.into(),
        value: value.map(Into::into),
        roles: vec![],
        country: None,
        rule: crate::Rule::Given.into(),
        span: start..start + mention.len(),
    }
}
