"""Issue 15: examples/spark_extract.py in Spark's local mode (local[2]) on a
small corpus of the invented pages, its Parquet tables checked against
``vnextract`` itself."""

import importlib.util
import json
import os
import sys

import pytest

from conftest import ROOT

pyspark = pytest.importorskip("pyspark", reason="the python tier installs pyspark")
import vnextract  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

spec = importlib.util.spec_from_file_location("spark_extract", ROOT / "examples" / "spark_extract.py")
job = importlib.util.module_from_spec(spec)
spec.loader.exec_module(job)


@pytest.fixture(scope="module")
def spark():
    # The workers run this interpreter, which has the wheel installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("vnextract-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(pages, tmp_path_factory):
    """The pages as {id, text}, each twice under another id (so the timeline merges)."""
    rows = [
        {"id": f"{copy}-{p.stem}", "text": t}
        for copy in ("a", "b")
        for p, t in pages
        if p.suffix == ".txt"
    ]
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return rows, path


def test_tables_from_jsonl_match_the_package(spark, corpus, tmp_path):
    rows, path = corpus
    counts = job.run(spark, str(path), str(tmp_path / "out"))
    docs = {r["id"]: vnextract.extract(r["text"]) for r in rows}
    assert counts["articles"] == len(rows)
    assert counts["entities"] == sum(len(d["entities"]) for d in docs.values())
    assert counts["events"] == sum(len(d["events"]) for d in docs.values())
    assert counts["events"] > 0

    read = lambda name: spark.read.parquet(str(tmp_path / "out" / name))  # noqa: E731
    for a in read("articles").collect():
        d = docs[a["id"]]
        assert (a["title"], a["published"], a["byline"], a["source"], a["text"]) == (
            d["title"], d["published"], d["byline"], d["source"], d["text"],
        )
    entities = sorted(
        (e["id"], e["start"], e["end"], e["type"], e["text"], e["canonical"], e["value"])
        for e in read("entities").collect()
    )
    assert entities == sorted(
        (i, e["start"], e["end"], e["type"], e["text"], e["canonical"], e["value"])
        for i, d in docs.items()
        for e in d["entities"]
    )
    events = read("events").collect()
    assert set(events[0].asDict()) >= {"id", "type", "cameo", "date", "location", "participants", "main"}
    assert sorted((e["id"], e["type"], e["date"], e["main"]) for e in events) == sorted(
        (i, e["type"], e["date"], e["main"]) for i, d in docs.items() for e in d["events"]
    )

    # The timeline is the package's (and so the CLI's) merge of the same documents.
    want = vnextract.timeline(sorted((i, d) for i, d in docs.items() if d["events"]))
    got = [r.asDict(recursive=True) for r in read("timeline").collect()]
    key = lambda t: (t["type"], t["date"] or "", [s["file"] for s in t["sources"]])  # noqa: E731
    assert sorted(got, key=key) == sorted(want, key=key)
    # Each page is there twice: every event of the a- copy merged with its b- twin.
    assert all(len(t["sources"]) == 2 for t in got if t["participants"])


def test_parquet_input_gives_the_same_articles(spark, corpus, tmp_path):
    rows, _ = corpus
    src = str(tmp_path / "corpus.parquet")
    spark.createDataFrame(rows, "id string, text string").write.parquet(src)
    counts = job.run(spark, src, str(tmp_path / "out"))
    assert counts["articles"] == len(rows)
    titles = {r["id"]: r["title"] for r in spark.read.parquet(str(tmp_path / "out" / "articles")).collect()}
    assert titles == {r["id"]: vnextract.extract(r["text"])["title"] for r in rows}
