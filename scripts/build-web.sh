#!/usr/bin/env bash
# Builds the WebAssembly package the page loads (www/pkg/), with the settings
# in wasm-pack.toml: cargo build, then wasm-opt, then wasm-bindgen. Installs
# the wasm target, the matching wasm-bindgen CLI and Debian's binaryen first
# when they are missing. Prints the .wasm size, raw and gzipped. Then writes
# www/pkg/files.js (the files the service worker keeps offline, from
# scripts/web-files.mjs) and the single-file page, dist/vnextract.html
# (git-ignored; www/build-single.mjs: the page, its worker and the module
# inlined, for opening from disk).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_wasm_target
ensure_wasm_bindgen
ensure_apt binaryen
ensure_node
read_wasm_config

say "building the wasm library (profile $WASM_PROFILE)"
cargo build --lib --target wasm32-unknown-unknown --profile "$WASM_PROFILE"

built="$TARGET_DIR/wasm32-unknown-unknown/$WASM_PROFILE_DIR/vnextract.wasm"
optimised="$TARGET_DIR/wasm32-unknown-unknown/$WASM_PROFILE_DIR/vnextract.opt.wasm"
[ -f "$built" ] || die "cargo produced no $built"

# wasm-opt goes on cargo's module, before wasm-bindgen: run on wasm-bindgen's
# output it breaks the externref table ("WebAssembly.Table.set(): Argument 1
# is invalid" when the page loads).
say "wasm-opt ${WASM_OPT_FLAGS[*]}"
wasm-opt "${WASM_OPT_FLAGS[@]}" "$built" -o "$optimised"

say "wasm-bindgen --target $WASM_TARGET --out-dir $WASM_OUT_DIR"
wasm-bindgen --target "$WASM_TARGET" --out-dir "$ROOT/$WASM_OUT_DIR" --out-name "$WASM_OUT_NAME" "$optimised"

raw="$(size_raw "$WASM_FINAL")"
gz="$(size_gzip "$WASM_FINAL")"
say "wasm size"
note "cargo's module:   $(kb "$(size_raw "$built")") raw"
note "after wasm-opt:   $(kb "$(size_raw "$optimised")") raw"
note "${WASM_FINAL#"$ROOT"/}: $(kb "$raw") raw, $(kb "$gz") gzipped (budget $WASM_MAX_GZIP_KB KB gzipped)"
# For scripts/test.sh's budget check.
printf '%s %s\n' "$raw" "$gz" >"$TARGET_DIR/wasm-size.txt"

say "service worker's file list"
node "$ROOT/scripts/web-files.mjs" --write

say "single-file page"
node "$ROOT/www/build-single.mjs" --www "$ROOT/www" --out "$ROOT/dist/vnextract.html"
