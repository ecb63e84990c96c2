#!/usr/bin/env bash
# Size budgets from the built artefacts, PASS/FAIL each (issue 7); then the
# speed budgets of the last scripts/bench.sh run, if there was one (speeds
# are measured by the bench, never by timed tests). Needs the web build
# (scripts/build-web.sh); exit status 1 when a size budget fails.
#
#   scripts/check-budgets.sh
#
# Budgets (gzip -9, what a server would send):
#   release .wasm          <= [budget] max-gzip-kb of wasm-pack.toml (350 KB)
#   page download          <= 450 KB: every file the page loads at start
#                             (HTML, CSS, scripts, worker, wasm glue and .wasm)
#   single-file build      <= 500 KB: dist/vnextract.html of www/build-single.mjs
#                             (the .wasm inlined as base64, which gzip only partly undoes)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAGE_MAX_GZIP_KB=450
SINGLE_MAX_GZIP_KB=500

read_wasm_config
[ -f "$WASM_FINAL" ] || die "${WASM_FINAL#"$ROOT"/} is missing: run scripts/build-web.sh first"
failed=0

# verdict NAME BYTES_GZ BUDGET_KB DETAIL
verdict() {
    if [ "$2" -le $(($3 * 1024)) ]; then
        echo "PASS $1: $4 (budget $3 KB gzipped)"
    else
        echo "FAIL $1: $4 (budget $3 KB gzipped, over by $(kb $(($2 - $3 * 1024))))"
        failed=1
    fi
}

say "size budgets"
# The figures scripts/build-web.sh recorded, when they are about this .wasm.
if [ -f "$TARGET_DIR/wasm-size.txt" ] && [ "$TARGET_DIR/wasm-size.txt" -nt "$WASM_FINAL" ]; then
    read -r raw gz <"$TARGET_DIR/wasm-size.txt"
else
    raw="$(size_raw "$WASM_FINAL")"
    gz="$(size_gzip "$WASM_FINAL")"
fi
verdict "release wasm" "$gz" "$WASM_MAX_GZIP_KB" "$(kb "$raw") raw, $(kb "$gz") gzipped"

# What the page fetches at start: the page's files as scripts/web-files.mjs
# lists them (the service worker keeps the same list).
page_raw=0
page_gz=0
n=0
while IFS= read -r f; do
    page_raw=$((page_raw + $(size_raw "$f")))
    page_gz=$((page_gz + $(size_gzip "$f")))
    n=$((n + 1))
done < <(node "$ROOT/scripts/web-files.mjs" --list | sed "s|^|$ROOT/www/|")
verdict "page download" "$page_gz" "$PAGE_MAX_GZIP_KB" "$n files, $(kb "$page_raw") raw, $(kb "$page_gz") gzipped"

single="$TARGET_DIR/bench/vnextract.html"
mkdir -p "$(dirname "$single")"
if command -v node >/dev/null 2>&1 && node "$ROOT/www/build-single.mjs" --out "$single" >/dev/null; then
    verdict "single-file build" "$(size_gzip "$single")" "$SINGLE_MAX_GZIP_KB" \
        "$(kb "$(size_raw "$single")") raw, $(kb "$(size_gzip "$single")") gzipped"
else
    echo "FAIL single-file build: www/build-single.mjs did not run"
    failed=1
fi

say "speed budgets (from the last scripts/bench.sh)"
if [ -f "$TARGET_DIR/bench/speed-budgets.txt" ]; then
    cat "$TARGET_DIR/bench/speed-budgets.txt"
else
    echo "not measured yet: run scripts/bench.sh"
fi
exit "$failed"
