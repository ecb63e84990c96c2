#!/usr/bin/env bash
# The speed benchmark in one command (issue 7): native stages and pipeline,
# then the web build, then WASM in the page's worker in headless Chromium,
# printed as one table with WASM/native ratios, the page's cold start and the
# speed budgets (PASS/FAIL). Exit status 1 when a speed budget fails.
#
#   scripts/bench.sh [--quick] [--no-build]
#
# --quick: fewer runs (figures noisier). --no-build: use www/pkg as it is.
# Figures and inputs go to target/bench/ (native.json, browser.json,
# speed-budgets.txt, inputs/). See benches/README.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

quick=()
build=true
for arg in "$@"; do
    case "$arg" in
    --quick) quick=(--quick) ;;
    --no-build) build=false ;;
    *) die "unknown argument: $arg (see the head of $0)" ;;
    esac
done
BENCH="$TARGET_DIR/bench"
mkdir -p "$BENCH"

say "native: cargo bench --bench pipeline"
cargo bench --bench pipeline -- "${quick[@]}" --write-inputs "$BENCH/inputs" --json "$BENCH/native.json"

if $build; then
    say "web build"
    "$ROOT/scripts/build-web.sh"
fi
ensure_apt chromium
ensure_browser_test_packages

say "browser: the page's worker in headless Chromium"
node "$ROOT/scripts/bench-browser.mjs" "${quick[@]}" --inputs "$BENCH/inputs" --native "$BENCH/native.json" \
    --out "$BENCH/browser.json"
