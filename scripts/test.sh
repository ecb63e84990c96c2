#!/usr/bin/env bash
# Runs every test of vnextract, installing what a fresh machine lacks first
# (the wasm target, the matching wasm-bindgen CLI, Debian's binaryen and
# chromium, the browser tests' npm packages). Tiers, in order:
#
#   lint     cargo fmt --all --check, cargo clippy --workspace --all-targets -D warnings,
#            cargo doc --workspace --no-deps with rustdoc warnings as errors, and
#            ESLint (recommended rules) on www/ from tests/lint's lock file
#   native   cargo test: unit, integration and doc tests (and any gates in tests/)
#   wasm     tests/wasm.rs under Node with wasm-bindgen-test-runner
#   web      scripts/build-web.sh, then scripts/check-budgets.sh (size budgets:
#            the .wasm, what the page downloads, the single file)
#   eval     with the release CLI: the scorer's figures over ../shared/seeds
#            and ../shared/dev (their floors are gated by cargo test's
#            eval_gate), and ../shared/articles/check.py against the pins of
#            tests/eval/floors-articles.json (tests/eval/articles_gate.py);
#            skipped, and said so, when ../shared is absent
#   browser  node --test tests/browser/ in headless Chromium
#   python   the abi3 wheel (maturin) in a venv under target/, then pytest:
#            the package against the CLI, and the Spark job in local[2]
#
# Every tier runs even when an earlier one failed (the browser tier needs the
# web build); the exit status is non-zero when any failed. The output ends
# with the test runners' own summary lines.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
LOGS="$TARGET_DIR/test-logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log
failed=()

# run NAME CMD...: runs a tier with its output shown and kept in $LOGS/NAME.log.
run() {
    local name=$1
    shift
    say "[$name] $*"
    if "$@" 2>&1 | tee "$LOGS/$name.log"; then
        return 0
    fi
    failed+=("$name")
    return 1
}

say "checking tools"
ensure_wasm_target
ensure_wasm_bindgen
ensure_apt binaryen chromium chromium-driver
ensure_browser_test_packages
ensure_lint_packages
ensure_python_venv
read_wasm_config
note "rustc $(rustc --version | cut -d' ' -f2), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | grep -o 'Chromium [0-9.]*' || echo 'chromium ?')"

# Formatting, Rust lints and the page's JavaScript, each reported apart.
lint_tier() {
    local bad=0
    echo "cargo fmt --all --check"
    cargo fmt --all --check || bad=1
    echo "cargo clippy --workspace --all-targets -- -D warnings"
    cargo clippy --workspace --all-targets -- -D warnings || bad=1
    echo "RUSTDOCFLAGS=-D warnings cargo doc --workspace --no-deps"
    RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet || bad=1
    echo "eslint www/ (tests/lint/eslint.config.mjs)"
    "$ROOT/tests/lint/node_modules/.bin/eslint" --config "$ROOT/tests/lint/eslint.config.mjs" "$ROOT/www/" || bad=1
    [ $bad -eq 0 ] && echo "clean: rustfmt, clippy, rustdoc and eslint"
    return $bad
}
run lint lint_tier || true

run native cargo test || true

run wasm env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test wasm || true

web_ok=false
if run web "$ROOT/scripts/build-web.sh"; then
    web_ok=true
    run size-budget "$ROOT/scripts/check-budgets.sh" || true
fi

# The figures on real text, with the release CLI.
eval_tier() {
    local shared cli bad=0
    shared="$(cd "$ROOT/.." && pwd)/shared"
    if [ ! -f "$shared/eval/score.py" ]; then
        echo "skipped: ../shared not found (the scorer, seeds, dev texts and articles live there; not needed for a green run)"
        return 0
    fi
    cargo build --release --bin vnextract || return 1
    cli="$TARGET_DIR/release/vnextract {file}"
    echo "seeds:"
    python3 "$shared/eval/score.py" --gold "$shared/gold" --raw "$shared/seeds" --cmd "$cli" | tail -n 1 || bad=1
    echo "dev:"
    python3 "$shared/eval/score.py" --gold "$shared/dev/gold" --raw "$shared/dev/raw" --cmd "$cli" | tail -n 1 || bad=1
    echo "articles:"
    python3 "$ROOT/tests/eval/articles_gate.py" --cmd "$cli" || bad=1
    echo "html layouts:"
    python3 "$ROOT/tests/eval/html_layouts.py" --cmd "$cli" --pins "$ROOT/tests/eval/floors-html-layouts.json" || bad=1
    return $bad
}
run eval eval_tier || true

if $web_ok; then
    # One file at a time (each starts its own Chromium; two cores), TAP so
    # that the summary lines below can be picked out, and no test may hang.
    run browser node --test --test-concurrency=1 --test-timeout=180000 --test-reporter=tap \
        "$ROOT/tests/browser/" || true
else
    failed+=("browser (not run: the web build failed)")
fi

# The Python package and the Spark job (issue 15): the release CLI (the
# tests compare with it), the wheel, then pytest in the venv.
python_tier() {
    cargo build --release --bin vnextract || return 1
    local wheel
    wheel="$(build_python_wheel)" || return 1
    note "installed $(basename "$wheel")"
    VNEXTRACT_CLI="$TARGET_DIR/release/vnextract" \
        "$PY_VENV/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/bindings/python/tests"
}
run python python_tier || true

# The closing lines: each runner's own summary, native and wasm from cargo,
# the last from node's test runner.
say "summary ($((SECONDS - started)) s)"
for name in native wasm; do
    [ -f "$LOGS/$name.log" ] && grep -E '^test result: ' "$LOGS/$name.log" | sed "s/^/$name: /" || true
done
[ -f "$LOGS/lint.log" ] && tail -n 1 "$LOGS/lint.log" | sed 's/^/lint: /'
[ -f "$LOGS/eval.log" ] && grep -E '^docs [0-9]+ failed|^(lines|one-line|paragraphs) +[0-9]|^articles gate' "$LOGS/eval.log" | sed 's/^/eval: /'
[ -f "$LOGS/size-budget.log" ] && grep -E '^(PASS|FAIL) ' "$LOGS/size-budget.log"
[ -f "$LOGS/python.log" ] && grep -E '^[0-9]+ (passed|failed)' "$LOGS/python.log" | tail -n 1 | sed 's/^/python: /'
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}"
fi
[ -f "$LOGS/browser.log" ] && $web_ok && grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$LOGS/browser.log" | tail -n 8
[ ${#failed[@]} -eq 0 ]
