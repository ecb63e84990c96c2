#!/usr/bin/env bash
# Corpus-scale throughput (issue 15, and the CLI's batch speedup of issue 16):
# one input of at least 50 MB built from the project's own invented pages
# (tests/pages, repeated and varied), never from ../shared, and one run per
# figure, wall-clock time:
#
#   extract_many   the Python package on 2 threads, GIL released
#   spark          examples/spark_extract.py in local[2] (JVM start, Arrow
#                  batches, the four Parquet tables and the timeline included)
#   cli            the release CLI in batch mode over the same articles as files
#   cli 1 vs 2     the CLI over 1,000 of those files with RAYON_NUM_THREADS=1
#                  and 2 (alternating, the best of 5 each)
#
# Each figure gives wall-clock and CPU time (user + system, all threads and
# child processes): on a shared machine the wall clock also counts waiting
# for a core, and the load average printed with the results says how much.
# Spark's overhead per article is (spark - extract_many) / articles.
# MB=N sets the corpus size (default 50). Installs what the python tier does.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MB="${MB:-50}"
DIR="$TARGET_DIR/bench-python"
mkdir -p "$DIR"

say "tools"
ensure_rust
ensure_python_venv
cargo build --release --bin vnextract
note "$(basename "$(build_python_wheel)")"
PY="$PY_VENV/bin/python"

say "corpus: $MB MB from tests/pages, varied"
rm -rf "$DIR/files" "$DIR/out"
"$PY" - "$ROOT/tests/pages" "$DIR" "$MB" <<'PYEOF'
import json, pathlib, re, sys
pages, out, mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
texts = [p.read_text("utf-8") for p in sorted(pages.glob("p*.txt"))]
files = out / "files"
files.mkdir()
size, n = 0, 0
with open(out / "corpus.jsonl", "w", encoding="utf-8") as f:
    while size < mb * 1_000_000:
        k = n // len(texts)
        # Each copy differs: another year and day numbers, another update line.
        t = re.sub(r"\b20(1\d|2\d)\b", lambda m: str(2000 + (int(m.group(1)) + k) % 26), texts[n % len(texts)])
        t = re.sub(r"\b([1-9])/([1-9])\b", lambda m: f"{(int(m.group(1)) + k) % 28 + 1}/{m.group(2)}", t)
        t = f"Cập nhật lần {k + 1}\n" + t
        f.write(json.dumps({"id": f"{n:07d}", "text": t}, ensure_ascii=False) + "\n")
        (files / f"{n:07d}.txt").write_text(t, "utf-8")
        size += len(t.encode("utf-8"))
        n += 1
print(f"{n} articles, {size / 1e6:.1f} MB")
PYEOF

say "extract_many, 2 threads"
"$PY" - "$DIR/corpus.jsonl" >"$DIR/extract_many.txt" <<'PYEOF'
import json, sys, time
import vnextract
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
w, c = time.perf_counter(), time.process_time()
docs = vnextract.extract_many(texts, threads=2)
print(f"{len(docs)} {time.perf_counter() - w:.3f} {time.process_time() - c:.3f}")
PYEOF
read -r N T_MANY C_MANY <"$DIR/extract_many.txt"

# timed FILE CMD...: runs CMD, writes "wall cpu" seconds to FILE. CPU time is
# summed over the whole process tree by polling /proc, since Spark's JVM and
# Python workers are not reaped by the command (so rusage misses them).
cat >"$DIR/treetime.py" <<'PYEOF'
import os, subprocess, sys, time
tick = os.sysconf("SC_CLK_TCK")
def tree_cpu(root, seen):
    kids = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                st = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kids.setdefault(int(st[1]), []).append((int(pid), (int(st[11]) + int(st[12])) / tick))
    todo = [root]
    while todo:
        for pid, cpu in kids.get(todo.pop(), []):
            seen[pid] = max(seen.get(pid, 0), cpu)
            todo.append(pid)
out, cmd = sys.argv[1], sys.argv[2:]
w, seen = time.perf_counter(), {}
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
me = os.getpid()
while p.poll() is None:
    tree_cpu(me, seen)
    time.sleep(0.2)
wall = time.perf_counter() - w
r = os.times()
# Reaped children count exactly; add what polling saw of the rest (never reaped).
cpu = max(r.children_user + r.children_system, 0) + sum(c for pid, c in seen.items() if pid != p.pid)
with open(out, "w") as f:
    f.write(f"{wall:.3f} {cpu:.2f}\n")
PYEOF
timed() {
    local file=$1
    shift
    "$PY" "$DIR/treetime.py" "$file" "$@"
}

say "spark job, local[2]"
PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" timed "$DIR/spark.txt" "$PY" \
    "$ROOT/examples/spark_extract.py" --master 'local[2]' "$DIR/corpus.jsonl" "$DIR/out" 2>"$DIR/spark.log"
read -r T_SPARK C_SPARK <"$DIR/spark.txt"

say "CLI batch mode, all cores"
timed "$DIR/cli.txt" "$TARGET_DIR/release/vnextract" "$DIR"/files/*.txt
read -r T_CLI C_CLI <"$DIR/cli.txt"

say "CLI over 1,000 files, 1 then 2 threads, alternating, best of 5"
mapfile -t THOUSAND < <(ls "$DIR"/files/*.txt | head -n 1000)
T1=999999 T2=999999 C1=0 C2=0
for _ in 1 2 3 4 5; do
    for n in 1 2; do
        RAYON_NUM_THREADS=$n timed "$DIR/cli$n.txt" "$TARGET_DIR/release/vnextract" "${THOUSAND[@]}"
        read -r t c <"$DIR/cli$n.txt"
        if awk -v t="$t" -v b="$(eval echo "\$T$n")" 'BEGIN { exit !(t < b) }'; then
            eval "T$n=$t C$n=$c"
        fi
    done
done

say "results ($N articles, $(du -sm "$DIR/corpus.jsonl" | cut -f1) MB; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); CPU pressure $(awk '/^some/ { print $2 }' /proc/pressure/cpu 2>/dev/null))"
awk -v n="$N" -v m="$T_MANY" -v cm="$C_MANY" -v s="$T_SPARK" -v cs="$C_SPARK" \
    -v c="$T_CLI" -v cc="$C_CLI" -v t1="$T1" -v t2="$T2" -v c1="$C1" -v c2="$C2" 'BEGIN {
    printf "%-30s %8s %12s %8s %14s\n", "", "wall s", "articles/s", "CPU s", "CPU ms/article"
    printf "%-30s %8.1f %12.0f %8.1f %14.2f\n", "extract_many (threads=2)", m, n / m, cm, cm * 1000 / n
    printf "%-30s %8.1f %12.0f %8.1f %14.2f\n", "spark job (local[2])", s, n / s, cs, cs * 1000 / n
    printf "%-30s %8.1f %12.0f %8.1f %14.2f\n", "CLI batch (all cores)", c, n / c, cc, cc * 1000 / n
    printf "spark overhead over extract_many: %.2f ms wall, %.2f ms CPU per article\n", (s - m) * 1000 / n, (cs - cm) * 1000 / n
    printf "CLI over 1,000 files: 1 thread %.2f s, 2 threads %.2f s wall: %.2fx (CPU %.2f s, %.2f s)\n", t1, t2, t1 / t2, c1, c2
}'
