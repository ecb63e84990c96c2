//! Issue 4: the value cases in `tests/cases/values/*.json` (see the README
//! there): short invented texts, and exactly the DATE, TIME, NUM, MONEY and
//! PERCENT entities the entity stage must find in them, with their values.

mod support;

use serde_json::Value;
use std::time::Instant;
use vnextract::internals::{entities, DocContext};
use vnextract::{extract, Entity, EntityKind, Options, Ymd};

const VALUE_KINDS: [EntityKind; 5] = [
    EntityKind::Date,
    EntityKind::Time,
    EntityKind::Num,
    EntityKind::Money,
    EntityKind::Percent,
];

fn value_entities(text: &str, anchor: Option<Ymd>) -> Vec<Entity> {
    let ctx = DocContext {
        anchor,
        title_span: None,
    };
    entities::find(text, &ctx)
        .into_iter()
        .filter(|e| VALUE_KINDS.contains(&e.kind))
        .collect()
}

fn show(e: &Entity) -> String {
    let kind = serde_json::to_value(e.kind).unwrap();
    format!(
        "{} {:?} = {:?} ({})",
        kind.as_str().unwrap_or("?"),
        e.text,
        e.value.as_deref().unwrap_or(""),
        e.rule
    )
}

/// The problems of one case (`name` for messages).
fn check(name: &str, case: &Value) -> Vec<String> {
    let text = case["text"].as_str().expect("text");
    let anchor = case["anchor"]
        .as_str()
        .map(|a| a.parse::<Ymd>().expect("anchor"));
    let got = value_entities(text, anchor);
    let want = case["expect"].as_array().expect("expect");
    let mut errors = Vec::new();
    let listing = || got.iter().map(show).collect::<Vec<_>>().join("; ");
    if got.len() != want.len() {
        errors.push(format!(
            "{name}: {text:?}: {} value entities, expected {}: {}",
            got.len(),
            want.len(),
            listing()
        ));
        return errors;
    }
    for (g, w) in got.iter().zip(want) {
        let kind = serde_json::to_value(g.kind).unwrap();
        let same = kind == w["type"]
            && g.text == w["text"].as_str().unwrap_or_default()
            && g.value.as_deref() == w["value"].as_str()
            && w["rule"].as_str().map_or(true, |r| g.rule == r);
        if !same {
            errors.push(format!("{name}: {text:?}: got {}, expected {w}", show(g)));
        }
        // Mentions of one date or amount share its value as their name.
        let canonical_ok = g.value.as_deref() == Some(g.canonical.as_str());
        if text.get(g.span.clone()) != Some(g.text.as_str()) || !canonical_ok {
            errors.push(format!("{name}: {}: span or canonical wrong", show(g)));
        }
    }
    // The events stage reads these values: the main event's date and part
    // of the day, when the case says.
    if let Some(ev) = case.get("event") {
        let options = Options {
            clean: false,
            reference_date: anchor,
            ..Options::default()
        };
        let x = extract(text, &options).expect("extract");
        let main = x.events.iter().find(|e| e.main);
        let date = main
            .and_then(|e| e.date.clone())
            .map_or(Value::Null, Value::from);
        let part = main
            .and_then(|e| e.time_of_day.clone())
            .map_or(Value::Null, Value::from);
        if ev["date"] != date || ev.get("time_of_day").is_some_and(|t| *t != part) {
            errors.push(format!(
                "{name}: main event date {date}, part of day {part}; expected {ev}"
            ));
        }
    }
    errors
}

#[test]
fn value_cases() {
    let (mut errors, mut count) = (Vec::new(), 0);
    for (name, file) in support::cases("values", 8) {
        assert_eq!(file["issue"], 4, "{name}: every case file cites its issue");
        for (i, case) in file["cases"].as_array().expect("cases").iter().enumerate() {
            count += 1;
            errors.extend(check(&format!("{name}#{i}"), case));
        }
    }
    assert!(count >= 100, "only {count} cases");
    assert!(
        errors.is_empty(),
        "{} problem(s) in {count} cases:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn long_and_odd_inputs_take_linear_time_and_do_not_panic() {
    let unit =
        "Chiều 12/12, lúc 9h30, Thứ Ba ngày 1-2/12 tăng 8,02% đạt 2,25 tỷ USD; sáng nay gọi 0912.345.678; 1.2.3.4 ";
    let small = unit.repeat(200);
    let big = unit.repeat(2000);
    let t = Instant::now();
    let n_small = value_entities(&small, Ymd::new(2025, 12, 13)).len();
    let small_time = t.elapsed();
    let t = Instant::now();
    let n_big = value_entities(&big, Ymd::new(2025, 12, 13)).len();
    let big_time = t.elapsed();
    assert_eq!(n_big, n_small * 10, "each repeat finds the same entities");
    // Ten times the text: well under a hundred times the work.
    assert!(
        big_time < small_time * 40 + std::time::Duration::from_millis(200),
        "{small_time:?} -> {big_time:?}"
    );
    for odd in [
        "1/".repeat(5000),
        "9".repeat(10000),
        "ngày ".repeat(3000),
        "(1/2)".repeat(2000),
        "Thứ ".repeat(3000),
    ] {
        let _ = value_entities(&odd, Ymd::new(2024, 2, 29));
    }
}

/// Every value has its type's format, on text stitched at random from the
/// pieces the rules look at (a fixed-seed generator: the same text each run).
#[test]
fn values_keep_their_formats_on_random_text() {
    let atoms = [
        "ngày",
        "Ngày",
        "tháng",
        "năm",
        "cuối",
        "đầu",
        "Chiều",
        "sáng",
        "tối",
        "qua",
        "nay",
        "hôm",
        "Thứ",
        "thứ",
        "Ba",
        "hai",
        "Chủ",
        "nhật",
        "quý",
        "I",
        "IV",
        "thập",
        "niên",
        "những",
        "giờ",
        "phút",
        "lúc",
        "tỷ",
        "triệu",
        "nghìn",
        "USD",
        "đồng",
        "chí",
        "kíp",
        "%",
        "phần",
        "trăm",
        "$",
        "(",
        ")",
        "/",
        "-",
        "–",
        ".",
        ",",
        ":",
        "+",
        "số",
        "lần",
        "và",
        "đến",
        "\n",
        " ",
        "12",
        "1",
        "31",
        "29",
        "2025",
        "1962",
        "0912",
        "9h30",
        "20h",
        "00",
        "7",
        "2021",
        "0",
        "05",
        "99999999999999999999",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut text = String::new();
    for _ in 0..30_000 {
        text.push_str(atoms[next(atoms.len())]);
        text.push_str(if next(3) == 0 { "" } else { " " });
    }
    let num = r"-?[0-9]+(\.[0-9]+)?(/[0-9]+(\.[0-9]+)?)?";
    let ymd = r"([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|--[0-9]{2}(-[0-9]{2})?)";
    let formats = [
        (EntityKind::Num, format!("^{num}$")),
        (EntityKind::Percent, format!("^{num}$")),
        (EntityKind::Money, format!("^{num} [A-Z]{{3}}$")),
        (EntityKind::Time, r"^(T(MO|MI|AF|EV|NI)|T[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?|T[0-2][0-9]:[0-5][0-9]/T[0-2][0-9]:[0-5][0-9])$".to_string()),
        (
            EntityKind::Date,
            format!("^({ymd}(/{ymd})?|[0-9]{{4}}/[0-9]{{4}}|XXXX-WXX-[1-7]|([0-9]{{4}}|XXXX)-Q[1-4]|[0-9]{{3}})$"),
        ),
    ];
    for anchor in [None, Ymd::new(2024, 2, 29)] {
        let found = value_entities(&text, anchor);
        assert!(
            found.len() > 1000,
            "the random text should hold many values"
        );
        for e in &found {
            let (_, f) = formats.iter().find(|(k, _)| *k == e.kind).unwrap();
            let re = regex::Regex::new(f).unwrap();
            let v = e.value.as_deref().unwrap_or("");
            assert!(
                re.is_match(v),
                "{}: value {v:?} has not the format {f}",
                show(e)
            );
            assert_eq!(text.get(e.span.clone()), Some(e.text.as_str()));
        }
    }
}
