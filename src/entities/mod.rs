//! Stage 3: people, organisations, places, titles, dates and numbers in the
//! cleaned text.

mod quantities;
mod temporal;

use crate::{DocContext, Entity, EntityKind};
use regex::Regex;
use std::sync::LazyLock;

/// A run of two or more capitalised words.
static CAPITALISED_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Lu}\p{Ll}*(?:[ \-]\p{Lu}\p{Ll}*)+").unwrap());

const ORG_HEADS: &[&str] = &["Bộ ", "Ban ", "Đảng ", "Ủy ban ", "Đại sứ quán "];

/// Finds the entities of `text`, ordered by position.
pub fn find(text: &str, ctx: &DocContext) -> Vec<Entity> {
    let mut found: Vec<Entity> = CAPITALISED_RUN
        .find_iter(text)
        .map(|m| {
            let kind = if ORG_HEADS.iter().any(|h| m.as_str().starts_with(h)) {
                EntityKind::Org
            } else {
                EntityKind::Per
            };
            Entity {
                kind,
                text: m.as_str().to_string(),
                start: 0,
                end: 0,
                canonical: m.as_str().to_string(),
                value: None,
                roles: Vec::new(),
                country: None,
                rule: "skeleton/capitalised-run".into(),
                span: m.range(),
            }
        })
        .collect();
    // DATE, TIME (temporal.rs) and NUM, MONEY, PERCENT (quantities.rs).
    found.extend(
        temporal::find(text, ctx)
            .into_iter()
            .chain(quantities::find(text, ctx)),
    );
    found.sort_by_key(|e| e.span.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_runs_are_found() {
        let e = find(
            "hôm nay Lê Hoài Trung gặp Ban Đối Ngoại.",
            &DocContext::default(),
        );
        let texts: Vec<&str> = e.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, vec!["Lê Hoài Trung", "Ban Đối Ngoại"]);
        assert_eq!(e[0].kind, EntityKind::Per);
        assert_eq!(e[1].kind, EntityKind::Org);
    }
}
