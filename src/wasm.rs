//! The WebAssembly binding: JavaScript values in, plain JS objects out.
//! Conversion only; every rule lives in the library.

use crate::{Extraction, InputBlock, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn options_from(js: JsValue) -> Result<Options, JsError> {
    if js.is_undefined() || js.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(js).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn to_js(x: &Extraction) -> Result<JsValue, JsError> {
    // Maps as plain objects, so results survive structuredClone to the page.
    x.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Extracts from a page pasted as text. `options`: `{clean, referenceDate, maxInputBytes}`.
#[wasm_bindgen]
pub fn extract(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    let x = crate::extract(text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&x)
}

/// Extracts from a page given as blocks (`[{text, tag, linkChars, ancestors}]`).
#[wasm_bindgen(js_name = extractBlocks)]
pub fn extract_blocks(blocks: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    let blocks: Vec<InputBlock> =
        serde_wasm_bindgen::from_value(blocks).map_err(|e| JsError::new(&format!("invalid blocks: {e}")))?;
    let x = crate::extract_blocks(&blocks, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&x)
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
