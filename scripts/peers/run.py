"""Times the tools a user would reach for instead of vnextract on the bench
inputs, and vnextract itself, and prints the ratios (issue 7).

Run by scripts/peers.sh inside its throwaway venv:

    python scripts/peers/run.py --inputs target/bench/inputs \
        --native target/bench/native.json --cli target/release/vnextract \
        [--sizes 1KB,20KB,100KB,500KB] [--out target/bench/peers.json]

- underthesea.ner: on each non-empty line of the input (it takes a sentence
  or a short text; one call on a whole page is not how it is used);
- trafilatura.extract and jusText: on the input's lines wrapped as HTML
  <p> paragraphs in one document (they read HTML, not text);
- vnextract: in-process figures from the native bench (best of N runs), and
  the release CLI run as a process (start-up included).

Each Python tool is timed in-process after a warm-up call (imports and model
loading are not counted), in CPU time of the process (the native bench uses
thread CPU time; the CLI is timed by its CPU time as a child process), best
of several runs. A tool that fails is
reported with its error, and the others still run. A tool that takes more
than --cap seconds on an input is not run on larger ones.
"""

import argparse
import html
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path


def wrap_html(text):
    paras = [html.escape(line.strip()) for line in text.splitlines() if line.strip()]
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>bench</title></head><body>{body}</body></html>"


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best_of(fn, min_seconds, min_runs, cap, clock=time.process_time):
    """Best and median of `fn`'s time on `clock` (CPU time by default, as
    the native bench measures, so that other work on the machine does not
    count), and the number of runs."""
    times = []
    started = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - started < min_seconds:
        t = clock()
        fn()
        dt = clock() - t
        times.append(dt)
        if dt > cap:
            break
    times.sort()
    return times[0], times[len(times) // 2], len(times)


def tools():
    """name -> (prepare(text) -> arg, run(arg)), or name -> error string."""
    out = {}
    try:
        from underthesea import ner

        def ner_lines(lines):
            for line in lines:
                ner(line)

        out["underthesea.ner"] = (lambda text: [l.strip() for l in text.splitlines() if l.strip()], ner_lines)
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        out["underthesea.ner"] = f"import failed: {type(e).__name__}: {e}"
    try:
        import trafilatura

        out["trafilatura"] = (wrap_html, lambda doc: trafilatura.extract(doc))
    except Exception as e:  # noqa: BLE001
        out["trafilatura"] = f"import failed: {type(e).__name__}: {e}"
    try:
        import justext

        try:
            stop = justext.get_stoplist("Vietnamese")
        except Exception:  # noqa: BLE001 - no Vietnamese list: none
            stop = frozenset()
        out["justext"] = (lambda text: wrap_html(text).encode("utf-8"), lambda doc: justext.justext(doc, stop))
    except Exception as e:  # noqa: BLE001
        out["justext"] = f"import failed: {type(e).__name__}: {e}"
    return out


def version(dist):
    try:
        from importlib.metadata import version as v

        return v(dist)
    except Exception:  # noqa: BLE001
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--native", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--sizes", default="1KB,20KB,100KB,500KB")
    ap.add_argument("--out", default=None)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds; slower tools skip larger inputs")
    a = ap.parse_args()
    min_s, min_runs = (0.2, 1) if a.quick else (1.0, 3)

    native = json.loads(Path(a.native).read_text()) if Path(a.native).exists() else {}
    nat = {r["name"]: r["stages"] for r in native.get("inputs", []) if r.get("generated")}
    sizes = [s for s in a.sizes.split(",") if (Path(a.inputs) / f"{s}.txt").exists()]
    ts = tools()
    names = list(ts)
    failed = {n: ts[n] for n in names if isinstance(ts[n], str)}
    too_slow = set()
    rows = []
    for size in sizes:
        path = Path(a.inputs) / f"{size}.txt"
        text = path.read_text(encoding="utf-8")
        row = {"name": size, "bytes": len(text.encode("utf-8")), "tools": {}}
        p = nat.get(size, {}).get("pipeline")
        row["vnextract"] = p["best_ms"] if p else None
        cli = best_of(
            lambda: subprocess.run([a.cli, "--max-bytes", "100000000", str(path)], stdout=subprocess.DEVNULL, check=True),
            min_s,
            min_runs,
            a.cap,
            clock=children_cpu,
        )
        row["vnextract_cli"] = cli[0] * 1e3
        for n in names:
            if n in failed or n in too_slow:
                continue
            prepare, run = ts[n]
            arg = prepare(text)
            try:
                run(arg)  # warm-up: models and caches
                best, median, runs = best_of(lambda: run(arg), min_s, min_runs, a.cap)
            except Exception as e:  # noqa: BLE001 - reported
                failed[n] = f"failed on {size}: {type(e).__name__}: {e}"
                continue
            row["tools"][n] = {"best_ms": best * 1e3, "median_ms": median * 1e3, "runs": runs}
            if best > a.cap:
                too_slow.add(n)
        rows.append(row)
        print(f"  {size} done", file=sys.stderr, flush=True)

    # The table.
    head = ["input", "bytes", "vnextract ms", "vnextract CLI ms"] + [f"{n} ms (x)" for n in names if n not in failed or any(n in r["tools"] for r in rows)]
    shown = [h[: -len(" ms (x)")] for h in head[4:]]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        v = r["vnextract"]
        cells = [r["name"], str(r["bytes"]), f"{v:.2f}" if v else "-", f"{r['vnextract_cli']:.1f}"]
        for n in shown:
            t = r["tools"].get(n)
            if not t:
                cells.append("not run")
            else:
                x = t["best_ms"] / v if v else None
                ratio = "" if x is None else f" (x{x:.1f})" if x < 10 else f" (x{x:.0f})"
                cells.append(f"{t['best_ms']:.1f}{ratio}")
        print("| " + " | ".join(cells) + " |")
    print()
    print("(x) = that tool's time over vnextract's in-process time; CPU time, best of N runs each.")
    for n, why in failed.items():
        print(f"{n}: {why}")
    vers = {n: version(d) for n, d in [("underthesea", "underthesea"), ("trafilatura", "trafilatura"), ("justext", "jusText")]}
    print("versions: " + ", ".join(f"{k} {v}" for k, v in vers.items()) + f", Python {platform.python_version()}")
    if a.out:
        Path(a.out).write_text(json.dumps({"rows": rows, "failed": failed, "versions": vers, "too_slow": sorted(too_slow)}, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
