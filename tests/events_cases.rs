//! Issue 5: the event cases in `tests/cases/events/*.json` (see the README
//! there), each a small article with the entities the entity stage gives
//! and the events expected, in order.

use serde_json::Value;
use std::path::Path;
use vnextract::{events, DocContext, Entity, EntityKind, Event, Ymd};

fn kind(s: &str) -> EntityKind {
    match s {
        "PER" => EntityKind::Per,
        "ORG" => EntityKind::Org,
        "LOC" => EntityKind::Loc,
        "TITLE" => EntityKind::Title,
        "DATE" => EntityKind::Date,
        "TIME" => EntityKind::Time,
        "MISC" => EntityKind::Misc,
        other => panic!("unknown entity type {other}"),
    }
}

/// Every occurrence of each listed text becomes that entity.
fn entities(text: &str, specs: &[Value]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for s in specs {
        let mention = s["text"].as_str().expect("entity text");
        let k = kind(s["type"].as_str().expect("entity type"));
        assert!(
            text.contains(mention),
            "entity {mention:?} is not in the text"
        );
        for (i, _) in text.match_indices(mention) {
            let span = i..i + mention.len();
            if out
                .iter()
                .any(|e| e.kind == k && e.span.start < span.end && span.start < e.span.end)
            {
                continue; // a longer mention of the same type is there
            }
            out.push(Entity {
                kind: k,
                text: mention.into(),
                start: 0,
                end: 0,
                canonical: s["canonical"].as_str().unwrap_or(mention).into(),
                value: s["value"].as_str().map(Into::into),
                roles: s["roles"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.as_str().map(Into::into))
                    .collect(),
                country: s["country"].as_str().map(Into::into),
                rule: "case".into(),
                span,
            });
        }
    }
    out.sort_by_key(|e| e.span.start);
    out
}

fn check(name: &str, case: &Value) -> Vec<String> {
    let text = case["text"].as_str().expect("text");
    let title = case["title"].as_bool().unwrap_or(true);
    let title_span = title.then(|| 0..text.find("\n\n").unwrap_or(text.len()));
    let anchor = case["anchor"]
        .as_str()
        .map(|a| a.parse::<Ymd>().expect("anchor"));
    let ents = entities(
        text,
        case["entities"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]),
    );
    let got = events::find(text, &ents, &DocContext { anchor, title_span });
    let want = case["expect"].as_array().expect("expect");
    let mut errors = Vec::new();
    let show = |e: &Event| {
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        format!(
            "{} {:?} {:?} {:?} {:?} main={} {:?}",
            e.kind.id(),
            e.date,
            e.time_of_day,
            e.location,
            e.status,
            e.main,
            names
        )
    };
    if got.len() != want.len() {
        errors.push(format!(
            "{name}: {} events, expected {}: {:#?}",
            got.len(),
            want.len(),
            got.iter().map(show).collect::<Vec<_>>()
        ));
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let v = serde_json::to_value(g).unwrap();
        let mut field = |f: &str, actual: Value| {
            if let Some(expected) = w.get(f) {
                if *expected != actual {
                    errors.push(format!(
                        "{name}: event {i} ({}) {f}: got {actual}, expected {expected}",
                        show(g)
                    ));
                }
            }
        };
        for f in [
            "type",
            "cameo",
            "date",
            "time_of_day",
            "location",
            "status",
            "main",
        ] {
            field(f, v[f].clone());
        }
        field(
            "participants",
            g.participants
                .iter()
                .map(|p| Value::from(p.name.clone()))
                .collect(),
        );
        field(
            "roles",
            g.participants
                .iter()
                .map(|p| p.role.clone().map_or(Value::Null, Value::from))
                .collect(),
        );
        field(
            "countries",
            g.participants
                .iter()
                .map(|p| p.country.clone().map_or(Value::Null, Value::from))
                .collect(),
        );
        if let Some(s) = w["sentence_has"].as_str() {
            if !g.sentence.contains(s) {
                errors.push(format!(
                    "{name}: event {i} sentence {:?} lacks {s:?}",
                    g.sentence
                ));
            }
        }
        if !text
            .get(g.sentence_span.clone())
            .is_some_and(|s| s == g.sentence)
        {
            errors.push(format!(
                "{name}: event {i} sentence_span does not give its sentence"
            ));
        }
        if g.rule.is_empty() {
            errors.push(format!("{name}: event {i} has no rule"));
        }
    }
    errors
}

#[test]
fn event_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/events");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    assert!(files.len() >= 10, "the cases are missing");
    let mut errors = Vec::new();
    for f in &files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        assert_eq!(
            case["issue"],
            5,
            "{}: every case cites its issue",
            f.display()
        );
        errors.extend(check(&f.file_name().unwrap().to_string_lossy(), &case));
    }
    assert!(
        errors.is_empty(),
        "{} problem(s):\n{}",
        errors.len(),
        errors.join("\n")
    );
}
