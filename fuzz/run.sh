#!/usr/bin/env bash
# Runs one fuzz target for a while at low priority, then shrinks its corpus.
#   fuzz/run.sh TARGET [SECONDS]      e.g. fuzz/run.sh extract_text 1800
#   FUZZ_EXTRA="-fork=1 -ignore_crashes=1" fuzz/run.sh TARGET 1800
#                                     keeps going after a finding (all land in artifacts/)
# Needs the nightly toolchain and cargo-fuzz (see fuzz/README.md). Findings go
# to fuzz/artifacts/TARGET/; the log to target/fuzz-logs/TARGET.log (repo root).
# The run reads fuzz/seeds/ (invented inputs) as well as its corpus and writes
# new inputs only to fuzz/corpus/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
secs=${2:-1800}
logs=../target/fuzz-logs
mkdir -p "corpus/$target" "$logs"
log="$logs/$target.log"
# -timeout: one input taking over 10 s is a finding (the cap and linear work
# should keep every input far under it). -max_len keeps runs fast; size-driven
# slowness is the benchmarks' job.
nice -n 10 cargo +nightly fuzz run "$target" "corpus/$target" seeds -- \
  -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -dict=vi.dict -print_final_stats=1 ${FUZZ_EXTRA:-} >"$log" 2>&1 || true
# Keep only inputs that reach new edges (hit counts and comparisons aside),
# so the committed corpus stays small and reviewable.
nice -n 10 cargo +nightly fuzz cmin "$target" "corpus/$target" -- -max_len=8192 -use_counters=0 -use_cmp=0 \
  >>"$log" 2>&1 || true
grep -E "^Done|stat::number_of_executed_units|panicked|SUMMARY" "$log" || true
