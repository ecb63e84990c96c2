//! Issue 5, extra tier: the event stage alone on the gold articles of
//! `../shared` (title and paragraphs as the cleaner would give them), with
//! entities built from the gold names and a plain date reader, so that the
//! stage is measured apart from the entity engine. Skipped, with a note,
//! when `../shared` is not there.

use regex::Regex;
use serde_json::Value;
use std::path::Path;
use vnextract::internals::{events, DocContext};
use vnextract::{Entity, EntityKind, Event};

fn entity(
    kind: EntityKind,
    text: &str,
    span: std::ops::Range<usize>,
    value: Option<String>,
    canonical: &str,
) -> Entity {
    Entity {
        kind,
        text: text[span.clone()].to_string(),
        start: 0,
        end: 0,
        canonical: canonical.to_string(),
        value,
        roles: vec![],
        country: None,
        rule: vnextract::Rule::Given.into(),
        span,
    }
}

/// Every occurrence of every gold name (and alias) as an entity.
fn gold_entities(text: &str, gold: &Value) -> Vec<Entity> {
    let mut out = Vec::new();
    for (key, kind) in [
        ("PER", EntityKind::Per),
        ("ORG", EntityKind::Org),
        ("LOC", EntityKind::Loc),
    ] {
        for g in gold["entities"][key].as_array().into_iter().flatten() {
            let name = g["name"].as_str().unwrap_or("");
            let mut forms = vec![name.to_string()];
            forms.extend(
                g["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.as_str().map(String::from)),
            );
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            for f in forms.iter().filter(|f| !f.is_empty()) {
                for (i, _) in text.match_indices(f.as_str()) {
                    let span = i..i + f.len();
                    if !out
                        .iter()
                        .any(|e: &Entity| e.span.start < span.end && span.start < e.span.end)
                    {
                        out.push(entity(kind, text, span, None, name));
                    }
                }
            }
        }
    }
    out
}

/// A plain reader for the date forms of the articles (the entity engine
/// does this for real): `Chiều 12/12`, `(1-2/12)`, `(9/2024)`, `tháng
/// 12/2024`, `năm 2015`.
fn dates(text: &str) -> Vec<Entity> {
    let forms = [
        (r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", "dmy"),
        (r"(?:tháng )?([0-9]{1,2})/([0-9]{4})", "my"),
        (
            r"(?:từ )?(?:ngày )?([0-9]{1,2})-([0-9]{1,2})/([0-9]{1,2})",
            "range",
        ),
        (r"(?:ngày )?([0-9]{1,2})[/.]([0-9]{1,2})", "dm"),
        (r"năm ([0-9]{4})", "y"),
    ];
    let mut out: Vec<Entity> = Vec::new();
    for (pattern, form) in forms {
        for c in Regex::new(pattern).unwrap().captures_iter(text) {
            let m = c.get(0).unwrap();
            if out
                .iter()
                .any(|e| e.span.start < m.end() && m.start() < e.span.end)
            {
                continue;
            }
            let n = |i: usize| c[i].parse::<u32>().unwrap();
            let value = match form {
                "dmy" => format!("{}-{:02}-{:02}", &c[3], n(2), n(1)),
                "my" => format!("{}-{:02}", &c[2], n(1)),
                "range" => format!("--{:02}-{:02}/--{:02}-{:02}", n(3), n(1), n(3), n(2)),
                "dm" => format!("--{:02}-{:02}", n(2), n(1)),
                _ => c[1].to_string(),
            };
            out.push(entity(
                EntityKind::Date,
                text,
                m.range(),
                Some(value),
                m.as_str(),
            ));
        }
    }
    for c in Regex::new(r"(Sáng|Trưa|Chiều|Tối) [0-9]")
        .unwrap()
        .captures_iter(text)
    {
        let t = c.get(1).unwrap();
        let v = match t.as_str() {
            "Sáng" => "TMO",
            "Trưa" => "TMI",
            "Chiều" => "TAF",
            _ => "TEV",
        };
        out.push(entity(
            EntityKind::Time,
            text,
            t.range(),
            Some(v.into()),
            t.as_str(),
        ));
    }
    out
}

fn key(s: &str) -> String {
    s.to_lowercase()
}

#[test]
fn events_on_the_gold_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipped: {} not found (the extra tier needs ../shared)",
            dir.display()
        );
        return;
    };
    let mut files: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut mains_ok, mut mains_judged) = (0, 0);
    for f in &files {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let title = gold["title"].as_str().unwrap_or("");
        let paras: Vec<&str> = gold["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let text = format!("{title}\n\n{}", paras.join("\n\n"));
        let mut ents = gold_entities(&text, &gold);
        ents.extend(dates(&text));
        ents.sort_by_key(|e| e.span.start);
        let ctx = DocContext {
            anchor: None,
            title_span: Some(0..title.len()),
        };
        let got = events::find(&text, &ents, &ctx);
        eprintln!("== {}", f.file_name().unwrap().to_string_lossy());
        for e in &got {
            let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            eprintln!(
                "  {}{} {:?} {:?} {:?} {:?} {:?} [{}]",
                if e.main { "*" } else { " " },
                e.kind.id(),
                e.date,
                e.time_of_day,
                e.location,
                e.status,
                names,
                e.rule
            );
        }
        let golds = gold["events"].as_array().unwrap();
        let mut matched = vec![false; golds.len()];
        for e in &got {
            let hit = golds.iter().enumerate().find(|(i, g)| {
                (!matched[*i] || g["optional"].as_bool().unwrap_or(false)) && gold_match(g, e)
            });
            match hit {
                Some((i, g)) => {
                    if !g["optional"].as_bool().unwrap_or(false) {
                        matched[i] = true;
                        tp += 1;
                    }
                }
                None => {
                    fp += 1;
                    eprintln!("  WRONG {} {:?}", e.kind.id(), e.date);
                }
            }
        }
        for (i, g) in golds.iter().enumerate() {
            if !matched[i] && !g["optional"].as_bool().unwrap_or(false) {
                fn_ += 1;
                eprintln!("  MISSED {}", g);
            }
        }
        // The main event: the gold's own `"main": true`, as the scorer
        // reads it; a page with no gold event must get no main event.
        let (judged, right) = main_judged(golds, &got);
        mains_judged += judged;
        mains_ok += right;
        if judged > right {
            eprintln!("  MAIN WRONG OR MISSING");
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    eprintln!(
        "events tp {tp} fp {fp} fn {fn_} F1 {f1:.3}; main events right {mains_ok}/{mains_judged}"
    );
    assert!(f1 >= 0.9, "events F1 {f1:.3} below 0.90");
    assert_eq!(
        mains_judged,
        files.len(),
        "every gold page is judged for its main event"
    );
    assert_eq!(mains_ok, mains_judged, "every main event right");
}

/// score.py's `score_main`: (judged, right). The gold event marked
/// `"main": true` must match an event marked main; a page whose gold has no
/// event must get no main event; otherwise the page is not judged.
fn main_judged(golds: &[Value], got: &[Event]) -> (usize, usize) {
    let mains: Vec<&Event> = got.iter().filter(|e| e.main).collect();
    match golds.iter().find(|g| g["main"].as_bool() == Some(true)) {
        Some(g) => (1, usize::from(mains.iter().any(|e| gold_match(g, e)))),
        None if golds.is_empty() => (1, usize::from(mains.is_empty())),
        None => (0, 0),
    }
}

/// score.py's match: type, date, participants.
fn gold_match(g: &Value, e: &Event) -> bool {
    let types: Vec<&str> = match &g["type"] {
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        v => vec![v.as_str().unwrap_or("")],
    };
    if !types.contains(&e.kind.id()) {
        return false;
    }
    let date_ok = match g["date"].as_str() {
        None => true,
        Some(gd) => match e.date.as_deref() {
            None => false,
            Some(p) if p == gd || (p.starts_with(gd) && gd.len() >= 10) => true,
            Some(p) if gd.starts_with("--") => p.ends_with(&gd[1..]),
            Some(p) if p.starts_with("--") => {
                let gmd = &gd[4..];
                !g["year_in_text"].as_bool().unwrap_or(true) && !gmd.is_empty() && p.ends_with(gmd)
            }
            Some(p) => gd.len() < p.len() && p.starts_with(gd),
        },
    };
    let names: Vec<String> = e.participants.iter().map(|p| key(&p.name)).collect();
    let people_ok = g["participants"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .all(|n| names.iter().any(|m| m.contains(&key(n))));
    date_ok && people_ok
}
