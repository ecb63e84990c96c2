//! The WebAssembly binding as JavaScript sees it (issue 2), run under Node by
//! wasm-bindgen-test-runner:
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test wasm`
//!
//! (scripts/test.sh does this). Offsets are checked with JavaScript's own
//! string slicing, in UTF-16 code units, as the page uses them.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, JSON};
use vnextract::internals::wasm::{
    entities_csv, events_csv, extract, extract_blocks, looks_like_html, timeline, version,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// An article written for this test, shaped like a news site's page: headline,
/// dateline lead, body. The officials are invented.
const ARTICLE: &str = "Bộ trưởng Ngoại giao điện đàm với Bộ trưởng Ngoại giao Lào\n\n\
Chiều 12/3, tại Hà Nội, Bộ trưởng Ngoại giao Trần Văn Minh đã có cuộc điện đàm với \
Bộ trưởng Ngoại giao Lào Somsak Vongphachanh.\n\n\
Hai Bộ trưởng nhất trí tăng cường hợp tác giữa Bộ Ngoại giao hai nước, \
phối hợp chặt chẽ tại Liên Hợp Quốc và ASEAN.";

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("Reflect.get on an object")
}

fn array(obj: &JsValue, key: &str) -> Array {
    let v = get(obj, key);
    assert!(Array::is_array(&v), "{key} is not an array: {v:?}");
    v.unchecked_into()
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

fn number(obj: &JsValue, key: &str) -> u32 {
    let n = get(obj, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"));
    assert!(n >= 0.0 && n.fract() == 0.0, "{key} = {n} is not an offset");
    n as u32
}

fn json(s: &str) -> JsValue {
    JSON::parse(s).expect("valid JSON in the test")
}

/// The message of the `Error` the binding threw.
fn message(err: &JsValue) -> String {
    err.clone()
        .dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// The `name` of the `Error` the binding threw: the error kind's id.
fn name(err: &JsValue) -> String {
    err.clone()
        .dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default()
}

/// Every field of the contract (docs/output.md) is there, with its JS type.
fn assert_contract(x: &JsValue) {
    assert!(x.is_object(), "extract returned {x:?}");
    for key in ["title", "byline", "published", "source"] {
        let v = get(x, key);
        assert!(
            v.is_null() || v.is_string(),
            "{key} should be a string or null: {v:?}"
        );
    }
    for key in ["paragraphs", "captions", "removed", "entities", "events"] {
        array(x, key);
    }
    assert!(get(x, "text").is_string());
}

/// `text.slice(start, end)` in JavaScript (UTF-16) is each entity's `text`;
/// returns how many entities were checked.
fn assert_entities_slice(x: &JsValue) -> usize {
    let text: JsString = get(x, "text").unchecked_into();
    let entities = array(x, "entities");
    for e in entities.iter() {
        let (start, end) = (number(&e, "start"), number(&e, "end"));
        assert!(
            start < end && end <= text.length(),
            "bad span {start}..{end} for {e:?}"
        );
        let sliced = String::from(text.slice(start, end));
        assert_eq!(sliced, string(&e, "text"), "text.slice({start}, {end})");
        for key in ["type", "canonical", "rule"] {
            assert!(!string(&e, key).is_empty(), "entity {key} is empty");
        }
    }
    entities.length() as usize
}

#[wasm_bindgen_test]
fn extract_returns_the_contract_with_utf16_offsets() {
    let x = extract(ARTICLE, JsValue::UNDEFINED).expect("extract succeeds on an article");
    assert_contract(&x);
    assert!(string(&x, "text").contains("Trần Văn Minh"));
    assert!(array(&x, "paragraphs").length() >= 1);
    assert!(
        assert_entities_slice(&x) >= 2,
        "a two-minister article has entities"
    );
    let events = array(&x, "events");
    assert!(events.length() >= 1, "the phone call is an event");
    let first = events.get(0);
    assert_eq!(string(&first, "type"), "phone_call");
    assert_eq!(get(&first, "main").as_bool(), Some(true));
    array(&first, "participants");
    assert!(!string(&first, "sentence").is_empty());
}

#[wasm_bindgen_test]
fn offsets_count_emoji_as_two_utf16_units() {
    // Astral characters before the names: byte or code-point offsets would
    // slice the wrong characters here.
    let page =
        "😀🇻🇳 Sáng 5/6, Thủ tướng Nguyễn Văn An tiếp Đại sứ Nhật Bản Tanaka Hiroshi 🎉 tại Hà Nội.";
    let x = extract(
        page,
        json(r#"{"clean": false, "referenceDate": "2025-06-01"}"#),
    )
    .expect("extract succeeds");
    assert_contract(&x);
    let text: JsString = get(&x, "text").unchecked_into();
    let after_emoji = text.index_of("Nguyễn", 0);
    assert!(after_emoji > 0);
    assert!(
        (after_emoji as usize) > "😀🇻🇳 Sáng 5/6, Thủ tướng ".chars().count(),
        "emoji take two units each"
    );
    assert!(assert_entities_slice(&x) >= 1);
    let past_emoji = array(&x, "entities")
        .iter()
        .filter(|e| number(e, "start") >= after_emoji as u32)
        .count();
    assert!(past_emoji >= 1, "an entity after the emoji is checked");
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_not_a_trap() {
    for bad in [
        r#"{"clean": "yes"}"#,
        r#"{"referenceDate": "12/12/2025"}"#,
        r#"{"maxInputBytes": -1}"#,
        r#"{"refDate": "2025-12-12"}"#, // issue 18: unknown keys are refused
        "42",
        r#""text""#,
    ] {
        let err = extract(ARTICLE, json(bad)).expect_err(bad);
        assert!(message(&err).contains("invalid options"), "{bad}");
        assert_eq!(name(&err), "invalid-option", "{bad}");
    }
    // The module still works after the errors.
    assert!(extract(ARTICLE, JsValue::NULL).is_ok());
}

#[wasm_bindgen_test]
fn too_large_input_throws_with_the_limit() {
    let err = extract(ARTICLE, json(r#"{"maxInputBytes": 10}"#)).expect_err("over the limit");
    assert!(message(&err).contains("limit of 10 bytes"));
    assert_eq!(name(&err), "input-too-large");
}

#[wasm_bindgen_test]
fn extract_blocks_reads_dom_blocks() {
    let blocks = json(
        r#"[
        {"text": "Thủ tướng tiếp Đại sứ Hàn Quốc", "tag": "h1", "ancestors": ["article"]},
        {"text": "Sáng 5/6, tại Hà Nội, Thủ tướng Nguyễn Văn An tiếp Đại sứ Hàn Quốc Kim Min Jun.", "tag": "p", "ancestors": ["article"]},
        {"text": "Trang chủ", "tag": "li", "linkChars": 9, "ancestors": ["nav"]}
    ]"#,
    );
    let x = extract_blocks(blocks, JsValue::UNDEFINED).expect("extractBlocks succeeds");
    assert_contract(&x);
    assert!(string(&x, "text").contains("Nguyễn Văn An"));
    assert!(assert_entities_slice(&x) >= 1);

    let err = extract_blocks(json(r#"{"text": "not an array"}"#), JsValue::UNDEFINED)
        .expect_err("not blocks");
    assert!(message(&err).contains("invalid blocks"));
    assert_eq!(name(&err), "invalid-option");
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn schema_lists_what_the_core_emits() {
    let s = vnextract::internals::wasm::schema().expect("schema");
    let types = array(&s, "entityTypes");
    assert_eq!(types.length(), 10);
    assert_eq!(types.get(0).as_string().as_deref(), Some("PER"));
    let reasons: Vec<String> = array(&s, "removalReasons")
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert!(reasons.iter().any(|r| r == "related-links"), "{reasons:?}");
    let errors: Vec<String> = array(&s, "errors")
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(
        errors,
        ["input-too-large", "invalid-option", "invalid-utf8"]
    );
    assert_eq!(number(&s, "maxInputBytes"), 8 * 1024 * 1024);
    // Rule ids (issue 18): the bases and the marks an id may add.
    let rules: Vec<String> = array(&s, "rules")
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert!(rules.iter().any(|r| r == "date.dm"), "{rules:?}");
    assert_eq!(
        array(&s, "ruleMarks").get(0).as_string().as_deref(),
        Some("date.weekday")
    );
}

/// Issue 18: the page's copy of the HTML sniffing is held to this export
/// (tests/browser/html-blocks.test.mjs); here, that it is the library's.
#[wasm_bindgen_test]
fn looks_like_html_is_the_library_rule() {
    for text in [
        "<!DOCTYPE html><title>Tin</title>",
        "<p>Một đoạn văn ngắn.</p>",
        "Bài viết nói về thẻ <p> trong HTML.",
        "",
    ] {
        assert_eq!(
            looks_like_html(text),
            vnextract::looks_like_html(text),
            "{text:?}"
        );
    }
    assert!(looks_like_html("<html><body><p>Chào</p></body></html>"));
    assert!(!looks_like_html("Hôm nay trời đẹp."));
}

/// `[{name, extraction}]` for the report exports, from extractions the binding made.
fn named(docs: &[(&str, &JsValue)]) -> JsValue {
    let list = Array::new();
    for (name, x) in docs {
        let doc = js_sys::Object::new();
        Reflect::set(&doc, &JsValue::from_str("name"), &JsValue::from_str(name)).unwrap();
        Reflect::set(&doc, &JsValue::from_str("extraction"), x).unwrap();
        list.push(&doc);
    }
    list.into()
}

/// The same article told by another (invented) site, for the merged timeline.
const SAME_CALL: &str = "Việt Nam và Lào điện đàm về hợp tác\n\n\
Ngày 12/3, Bộ trưởng Ngoại giao Trần Văn Minh và Bộ trưởng Ngoại giao Lào Somsak \
Vongphachanh đã có cuộc điện đàm.";

#[wasm_bindgen_test]
fn csv_exports_are_the_core_tables_with_provenance_first() {
    let x = extract(ARTICLE, json(r#"{"referenceDate": "2025-03-20"}"#)).unwrap();
    let docs = named(&[("bai-mot.txt", &x)]);
    let events = events_csv(docs.clone()).expect("eventsCsv");
    let mut lines = events.split("\r\n");
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("document,title,published,source,"),
        "{header}"
    );
    let row = lines.next().expect("a row for the phone call");
    assert!(row.starts_with("bai-mot.txt,"), "{row}");
    assert!(
        row.contains("phone_call") && row.contains("2025-03-12"),
        "{row}"
    );
    // The page hands back what the binding gave it, as JS values; a table
    // of them is the report module's own, column for column.
    let back: vnextract::Extraction =
        serde_wasm_bindgen::from_value(x.clone()).expect("the extraction reads back");
    let doc = [vnextract::report::Document {
        name: "bai-mot.txt",
        extraction: &back,
    }];
    assert_eq!(events, vnextract::report::events_csv(&doc));
    assert_eq!(
        entities_csv(docs).expect("entitiesCsv"),
        vnextract::report::entities_csv(&doc)
    );

    let err = events_csv(json(r#"[{"name": 3}]"#)).expect_err("not documents");
    assert_eq!(name(&err), "invalid-option");
    assert!(message(&err).contains("invalid documents"));
}

#[wasm_bindgen_test]
fn timeline_merges_the_same_event_told_twice() {
    let options = json(r#"{"referenceDate": "2025-03-20"}"#);
    let a = extract(ARTICLE, options.clone()).unwrap();
    let b = extract(SAME_CALL, options).unwrap();
    let entries = timeline(named(&[("a.txt", &a), ("b.txt", &b)])).expect("timeline");
    let entries: Array = entries.unchecked_into();
    let calls: Vec<JsValue> = entries
        .iter()
        .filter(|e| string(e, "type") == "phone_call")
        .collect();
    assert_eq!(calls.len(), 1, "one phone call, told by two articles");
    let files: Vec<String> = array(&calls[0], "sources")
        .iter()
        .map(|s| string(&s, "file"))
        .collect();
    assert_eq!(files, ["a.txt", "b.txt"]);
}

#[wasm_bindgen_test]
fn each_extraction_is_named_in_the_performance_timeline() {
    let perf = Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).unwrap();
    let by_name = |name: &str| -> Array {
        let f: js_sys::Function = Reflect::get(&perf, &JsValue::from_str("getEntriesByName"))
            .unwrap()
            .unchecked_into();
        f.call1(&perf, &JsValue::from_str(name))
            .unwrap()
            .unchecked_into()
    };
    extract(ARTICLE, JsValue::UNDEFINED).unwrap();
    extract(ARTICLE, JsValue::UNDEFINED).unwrap();
    let measures = by_name("vnextract:extract");
    // One measure (the last extraction's), not one per call, and no marks left behind.
    assert_eq!(measures.length(), 1, "{measures:?}");
    let m = measures.get(0);
    assert_eq!(string(&m, "entryType"), "measure");
    let ms = get(&m, "duration").as_f64().unwrap();
    assert!(ms > 0.0 && ms < 60_000.0, "{ms}");
    let marks: Vec<String> = by_name("vnextract:extract")
        .iter()
        .map(|e| string(&e, "entryType"))
        .collect();
    assert_eq!(marks, ["measure"]);
}
