//! The WebAssembly binding: JavaScript values in, plain JS objects out.
//!
//! Conversion only; every rule lives in the library. Compiled for `wasm32`
//! only (public so that `tests/wasm.rs` can call it). Bad input from
//! JavaScript (options of the wrong shape, an input over the size limit)
//! comes back as a thrown `Error` with a message, never as a trap; its
//! `name` is the error kind's id (`input-too-large`, `invalid-option`, as
//! listed by `schema().errors`), so the page can tell them apart without
//! reading the message.
//!
//! Each extraction is named in the host's performance timeline (`web-sys`'s
//! `Performance`): a measure `vnextract:extract` that DevTools shows and
//! that the page's worker reads as the time the call took.
//!
//! From JavaScript (the module that `scripts/build-web.sh` writes to `www/pkg`):
//!
//! ```js
//! import init, { extract } from './pkg/vnextract.js';
//! await init();
//! const x = extract(pastedText, { referenceDate: '2025-12-12' });
//! for (const e of x.entities) console.log(e.type, x.text.slice(e.start, e.end));
//! ```

use crate::report::{self, Document};
use crate::{Error, ErrorKind, Extraction, InputBlock, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The name of the measure each extraction leaves in the performance timeline.
const MEASURE: &str = "vnextract:extract";

/// An extraction's span in the host's performance timeline: a mark when it
/// starts, the measure [`MEASURE`] when it is dropped. Hosts without
/// `performance` (or that refuse the call) get nothing, never an error. The
/// previous measure is cleared first, so that a long session keeps one.
struct Timed(Option<web_sys::Performance>);

impl Timed {
    fn start() -> Timed {
        let perf = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
            .ok()
            .filter(|p| p.is_object())
            .map(|p| p.unchecked_into::<web_sys::Performance>());
        if let Some(p) = &perf {
            p.clear_measures_with_measure_name(MEASURE);
            p.clear_marks_with_mark_name(MEASURE);
            if p.mark(MEASURE).is_err() {
                return Timed(None);
            }
        }
        Timed(perf)
    }
}

impl Drop for Timed {
    fn drop(&mut self) {
        if let Some(p) = &self.0 {
            let _ = p.measure_with_start_mark(MEASURE, MEASURE);
            p.clear_marks_with_mark_name(MEASURE);
        }
    }
}

/// A JavaScript `Error` whose `name` is the kind's id.
fn js_error(kind: ErrorKind, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(kind.id());
    e.into()
}

fn from_core(e: Error) -> JsValue {
    js_error(e.kind(), &e.to_string())
}

/// `undefined` and `null` mean the defaults; anything else must be an
/// options object (`{clean, referenceDate, maxInputBytes}`, all optional).
fn options_from(js: JsValue) -> Result<Options, JsValue> {
    if js.is_undefined() || js.is_null() {
        return Ok(Options::default());
    }
    let invalid =
        |why: &str| js_error(ErrorKind::InvalidOption, &format!("invalid options: {why}"));
    // serde_wasm_bindgen reads only the keys it asks for, so `Options`'s
    // `deny_unknown_fields` never sees a misspelt one: check them here.
    if let Some(obj) = js.dyn_ref::<js_sys::Object>() {
        for key in js_sys::Object::keys(obj).iter() {
            let key = key.as_string().unwrap_or_default();
            if !Options::FIELDS.contains(&key.as_str()) {
                return Err(invalid(&format!(
                    "unknown field `{key}`, expected one of {:?}",
                    Options::FIELDS
                )));
            }
        }
    }
    serde_wasm_bindgen::from_value(js).map_err(|e| invalid(&e.to_string()))
}

fn to_js<T: Serialize>(x: &T) -> Result<JsValue, JsValue> {
    // Maps as plain objects (not JS Maps), so results survive structuredClone
    // from the Web Worker to the page and read like the CLI's JSON.
    x.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()).into())
}

/// Extracts from a page pasted as text. `options`: `{clean, referenceDate,
/// maxInputBytes}`, each optional; `undefined` for the defaults. Returns the
/// document of `docs/output.md`; `start`/`end` are UTF-16 code units, so
/// `text.slice(start, end)` is the mention.
#[wasm_bindgen]
pub fn extract(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let _timed = Timed::start();
    let options = options_from(options)?;
    let x: Extraction = crate::extract(text, &options).map_err(from_core)?;
    to_js(&x)
}

/// Extracts from a page given as blocks read from its DOM
/// (`[{text, tag, linkChars, ancestors}]`); options as for `extract`.
#[wasm_bindgen(js_name = extractBlocks)]
pub fn extract_blocks(blocks: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let _timed = Timed::start();
    let options = options_from(options)?;
    let blocks: Vec<InputBlock> = serde_wasm_bindgen::from_value(blocks)
        .map_err(|e| js_error(ErrorKind::InvalidOption, &format!("invalid blocks: {e}")))?;
    let x = crate::extract_blocks(&blocks, &options).map_err(from_core)?;
    to_js(&x)
}

/// An extraction the page hands back, with the name the page knows it by
/// (a file name, or a label for a pasted text): `{name, extraction}`.
#[derive(Deserialize)]
struct Named {
    name: String,
    extraction: Extraction,
}

/// Reads `[{name, extraction}]`; anything else is an `invalid-option` error.
fn documents(js: JsValue) -> Result<Vec<Named>, JsValue> {
    serde_wasm_bindgen::from_value(js)
        .map_err(|e| js_error(ErrorKind::InvalidOption, &format!("invalid documents: {e}")))
}

/// Runs `f` on the documents as the report module takes them.
fn with_documents<T>(js: JsValue, f: impl FnOnce(&[Document]) -> T) -> Result<T, JsValue> {
    let named = documents(js)?;
    let docs: Vec<Document> = named
        .iter()
        .map(|n| Document {
            name: &n.name,
            extraction: &n.extraction,
        })
        .collect();
    Ok(f(&docs))
}

/// The events of `[{name, extraction}]` as CSV, one event a row after the
/// article's provenance columns: the CLI's `--events-csv`, column for column.
#[wasm_bindgen(js_name = eventsCsv)]
pub fn events_csv(docs: JsValue) -> Result<String, JsValue> {
    with_documents(docs, report::events_csv)
}

/// The entities of `[{name, extraction}]` as CSV, one mention a row: the
/// CLI's `--entities-csv`.
#[wasm_bindgen(js_name = entitiesCsv)]
pub fn entities_csv(docs: JsValue) -> Result<String, JsValue> {
    with_documents(docs, report::entities_csv)
}

/// One timeline of the events of `[{name, extraction}]`, the same event in
/// several articles merged into one entry: the CLI's `--timeline`, as an
/// array of its lines' objects.
#[wasm_bindgen]
pub fn timeline(docs: JsValue) -> Result<JsValue, JsValue> {
    to_js(&with_documents(docs, report::timeline)?)
}

/// Every id the core can emit and its limits (`crate::schema`):
/// `{entityTypes, eventTypes, removalReasons, warnings, rules, ruleMarks,
/// errors, maxInputBytes, offsetUnit}`. The page reads its lists from here.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsValue> {
    to_js(&crate::schema())
}

/// Whether text given as plain text is HTML source (`crate::looks_like_html`,
/// the rule the CLI and the Python binding read inputs by). The page keeps
/// a synchronous copy in `www/blocks.js` (a paste must be decided inside its
/// event, on the thread that has `DOMParser`, and this module lives in the
/// worker); the browser tests hold the copy to this export.
#[wasm_bindgen(js_name = looksLikeHtml)]
pub fn looks_like_html(text: &str) -> bool {
    crate::looks_like_html(text)
}

/// The library's version, as in Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
