#!/usr/bin/env bash
# Compares vnextract with the tools a user would reach for instead (issue 7):
# underthesea's ner, trafilatura and jusText (with lxml_html_clean, which lxml 5.2+
# split out and both need), installed from PyPI into a
# throwaway venv (target/peers-venv; delete it to start over), run on the
# bench inputs next to vnextract, with the ratios printed as a Markdown table.
#
#   scripts/peers.sh [--quick] [--sizes 1KB,20KB,100KB,500KB]
#
# Uses target/bench/inputs and target/bench/native.json from the native bench
# (run first when missing). Writes target/bench/peers.json.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v python3 >/dev/null 2>&1 || die "python3 not found"
VENV="$TARGET_DIR/peers-venv"
BENCH="$TARGET_DIR/bench"
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
fi
if ! "$VENV/bin/python" -c 'import underthesea, trafilatura, justext' 2>/dev/null; then
    say "installing underthesea, trafilatura and jusText from PyPI into the venv"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check underthesea trafilatura justext lxml_html_clean ||
        note "some packages failed to install; the others are still compared"
fi

if [ ! -f "$BENCH/native.json" ] || [ ! -f "$BENCH/inputs/20KB.txt" ]; then
    say "native bench first (inputs and in-process figures)"
    cargo bench --bench pipeline -- --quick --write-inputs "$BENCH/inputs" --json "$BENCH/native.json"
fi
cargo build --release --bin vnextract --quiet

say "peers on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(date -u +%Y-%m-%d)"
"$VENV/bin/python" "$ROOT/scripts/peers/run.py" --inputs "$BENCH/inputs" --native "$BENCH/native.json" \
    --cli "$TARGET_DIR/release/vnextract" --out "$BENCH/peers.json" "$@"
