#!/usr/bin/env python3
"""The articles tier of the evaluation gate (issue 12): runs
../shared/articles/check.py (300 real articles, each pasted alone in three
shapes) with a command, prints its table, and compares each shape's figures
with the pins in tests/eval/floors-articles.json:

  no_article   at most this many articles answered no-article   (a ceiling)
  kept_median  the median share of the body kept, at least       (a floor)
  under_90     at most this many articles with under 90% kept   (a ceiling)

Pins may only tighten: the owners of the cleaner raise them as they land.
Prints a note for a pin the figures beat, so it can be moved.

  python3 tests/eval/articles_gate.py --cmd 'target/release/vnextract {file}'

Exit 0 when every figure is within its pin, or (saying so) when ../shared is
absent; 1 when a figure is off its pin or check.py fails. Standard library only.
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECK = os.path.join(ROOT, "..", "shared", "articles", "check.py")
PINS = os.path.join(HERE, "floors-articles.json")
# check.py's table: shape, articles, no-article, title ok, kept median, kept mean, under 90%.
COLUMNS = ("articles", "no_article", "titles", "kept_median", "kept_mean", "under_90")


def parse_table(out):
    """The figures per shape from check.py's printed table.

    >>> t = parse_table("shape articles no-article title ok kept median kept mean under 90%\\n"
    ...                 "lines  300  12  250  0.981  0.900  40\\n   under 90%: a.txt 0.0\\n")
    >>> t["lines"]["no_article"], t["lines"]["kept_median"], t["lines"]["under_90"]
    (12.0, 0.981, 40.0)
    >>> list(t)
    ['lines']
    """
    shapes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 1 + len(COLUMNS) and parts[1].isdigit():
            try:
                shapes[parts[0]] = {k: float(v) for k, v in zip(COLUMNS, parts[1:])}
            except ValueError:
                continue
    return shapes


def off_pins(shapes, pins):
    """(failures, notes) of the figures against the pins.

    >>> got = {"lines": {"no_article": 12.0, "kept_median": 0.95, "under_90": 40.0}}
    >>> off_pins(got, {"lines": {"no_article": 10, "kept_median": 0.9, "under_90": 40}})[0]
    ['lines no_article: 12 is above its ceiling 10']
    >>> off_pins(got, {"lines": {"kept_median": 0.96}})[0]
    ['lines kept_median: 0.95 is below its floor 0.96']
    >>> off_pins(got, {"lines": {"no_article": 20}})
    ([], ['lines no_article: 12 beats its pin 20: move the pin'])
    >>> off_pins(got, {"one-line": {"no_article": 0}})[0]
    ["one-line: not in check.py's table"]
    """
    failures, notes = [], []
    for shape, pin in pins.items():
        got = shapes.get(shape)
        if got is None:
            failures.append(f"{shape}: not in check.py's table")
            continue
        for name, limit in pin.items():
            value = got[name]
            floor = name == "kept_median"
            if (value < limit - 1e-9) if floor else (value > limit + 1e-9):
                word = "below its floor" if floor else "above its ceiling"
                failures.append(f"{shape} {name}: {value:g} is {word} {limit:g}")
            elif (value > limit + 0.005) if floor else (value < limit):
                notes.append(f"{shape} {name}: {value:g} beats its pin {limit:g}: move the pin")
    return failures, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmd", help="command with {file}, printing the JSON document")
    ap.add_argument("--self-test", action="store_true", help="run this script's own examples and exit")
    a = ap.parse_args()
    if a.self_test:
        import doctest
        failed, tried = doctest.testmod()
        print(f"articles_gate self-test: {tried - failed}/{tried} examples right")
        return 1 if failed or not tried else 0
    if not a.cmd:
        ap.error("give --cmd")
    if not os.path.exists(CHECK):
        print("skipped: ../shared not found (the 300 articles and check.py live there)")
        return 0
    r = subprocess.run([sys.executable, CHECK, "--cmd", a.cmd, "-v"], capture_output=True, text=True)
    sys.stdout.write(r.stdout)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        print(f"check.py failed (exit {r.returncode})")
        return 1
    failures, notes = off_pins(parse_table(r.stdout), json.load(open(PINS, encoding="utf-8"))["shapes"])
    for n in notes:
        print("note:", n)
    for f in failures:
        print("FAIL:", f)
    print("articles gate:", "failed" if failures else "within the pins of tests/eval/floors-articles.json")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
