"""Runs vnextract over a corpus in Apache Spark and writes Parquet tables.

Input: JSON lines or Parquet with the columns ``id`` and ``text`` (one
article each). Output, under OUT:

- ``articles/``: id, title, published, byline, source, text
- ``entities/``: id, type, text, canonical, value, start, end (UTF-16 offsets)
- ``events/``:   id, type, cameo, date, time_of_day, location, participants,
  main, status, trigger, sentence, sentence_start, sentence_end, rule
- ``timeline/``: the events of all articles on one timeline, the same event
  in several articles merged (what the CLI's ``--timeline`` prints)

Each executor runs ``vnextract.extract_many`` over Arrow batches of texts
(``mapInPandas``); the wheel must be installed on every worker. The
timeline is merged on the driver from the events alone (a few per
article), in the order of the ids.

    spark-submit examples/spark_extract.py corpus.jsonl out/
    python examples/spark_extract.py --master 'local[2]' corpus.parquet out/
"""

import argparse
import sys

import pandas as pd
import vnextract
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    LongType,
    StringType,
    StructField,
    StructType,
)


def _s(name):
    return StructField(name, StringType())


PARTICIPANT = StructType([_s("name"), _s("role"), _s("country")])

ENTITY = StructType(
    [_s("type"), _s("text"), _s("canonical"), _s("value"),
     StructField("start", LongType()), StructField("end", LongType())]
)

EVENT = StructType(
    [
        _s("type"), _s("cameo"), _s("date"), _s("time_of_day"), _s("location"),
        StructField("participants", ArrayType(PARTICIPANT)),
        StructField("main", BooleanType()),
        _s("status"), _s("trigger"), _s("sentence"),
        StructField("sentence_start", LongType()),
        StructField("sentence_end", LongType()),
        _s("rule"),
    ]
)

ARTICLE_FIELDS = ["title", "published", "byline", "source", "text"]

EXTRACTED = StructType(
    [_s("id")]
    + [_s(f) for f in ARTICLE_FIELDS]
    + [StructField("entities", ArrayType(ENTITY)), StructField("events", ArrayType(EVENT))]
)

TIMELINE = StructType(
    [
        _s("date"), _s("time_of_day"), _s("type"), _s("cameo"), _s("status"), _s("location"),
        StructField("participants", ArrayType(PARTICIPANT)),
        StructField(
            "sources",
            ArrayType(StructType([_s("file"), _s("title"),
                                  StructField("main", BooleanType()), _s("sentence")])),
        ),
    ]
)


def _keep(d, schema):
    """The fields of ``schema`` from the dict ``d`` (nested structs too)."""
    out = {}
    for f in schema.fields:
        v = d.get(f.name)
        t = f.dataType
        if isinstance(t, ArrayType) and isinstance(t.elementType, StructType) and v is not None:
            v = [_keep(x, t.elementType) for x in v]
        out[f.name] = v
    return out


def extract_batches(batches, *, threads=1, reference_date=None, clean=True):
    """mapInPandas body: each batch of (id, text) through ``extract_many``."""
    for pdf in batches:
        docs = vnextract.extract_many(
            [t if t is not None else "" for t in pdf["text"].tolist()],
            threads=threads, reference_date=reference_date, clean=clean,
        )
        yield pd.DataFrame(
            {
                "id": pdf["id"].astype(str).tolist(),
                **{f: [d[f] for d in docs] for f in ARTICLE_FIELDS},
                "entities": [[_keep(e, ENTITY) for e in d["entities"]] for d in docs],
                "events": [[_keep(e, EVENT) for e in d["events"]] for d in docs],
            }
        )


def read_corpus(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """A corpus of ``{id, text}`` as JSON lines or Parquet (by extension when ``auto``)."""
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "json"
    reader = spark.read.schema("id string, text string") if fmt == "json" else spark.read
    return reader.format(fmt).load(path).select(F.col("id").cast("string"), "text")


def build_tables(spark: SparkSession, corpus: DataFrame, *, threads=1, reference_date=None,
                 clean=True, partitions=0):
    """The four output tables of ``corpus`` as DataFrames (the timeline built on the driver).

    A file smaller than Spark's split size is one partition, which would run
    on one core: the corpus is spread over ``partitions`` (by default four a
    core) when it has fewer.
    """
    partitions = partitions or 4 * spark.sparkContext.defaultParallelism
    if corpus.rdd.getNumPartitions() < partitions:
        corpus = corpus.repartition(partitions)
    extracted = corpus.mapInPandas(
        lambda it: extract_batches(it, threads=threads, reference_date=reference_date,
                                   clean=clean),
        schema=EXTRACTED,
    ).persist()
    articles = extracted.select("id", *ARTICLE_FIELDS)
    entities = extracted.select("id", F.explode("entities").alias("e")).select("id", "e.*")
    events = extracted.select("id", F.explode("events").alias("e")).select("id", "e.*")
    docs = [
        (r["id"], r.asDict(recursive=True))
        for r in extracted.select("id", "title", "published", "source", "events")
        .where(F.size("events") > 0)
        .orderBy("id")
        .toLocalIterator()
    ]
    merged = vnextract.timeline(docs)
    timeline = spark.createDataFrame([_keep(t, TIMELINE) for t in merged], schema=TIMELINE)
    return {"articles": articles, "entities": entities, "events": events, "timeline": timeline}


def run(spark: SparkSession, source: str, out: str, *, fmt="auto", threads=1,
        reference_date=None, clean=True, partitions=0):
    """Reads the corpus, writes the four tables as Parquet under ``out``; returns their sizes."""
    tables = build_tables(spark, read_corpus(spark, source, fmt), threads=threads,
                          reference_date=reference_date, clean=clean, partitions=partitions)
    counts = {}
    for name, df in tables.items():
        df.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{name}")
        counts[name] = spark.read.parquet(f"{out.rstrip('/')}/{name}").count()
    return counts


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", help="corpus of {id, text}: JSON lines or Parquet")
    p.add_argument("output", help="folder for the Parquet tables")
    p.add_argument("--format", choices=["auto", "json", "parquet"], default="auto")
    p.add_argument("--master", help="e.g. local[2]; spark-submit sets it otherwise")
    p.add_argument("--threads", type=int, default=1,
                   help="extract_many threads in each Spark task (default 1: Spark "
                        "already runs one task a core)")
    p.add_argument("--reference-date", help="YYYY-MM-DD: the year for dates given without one")
    p.add_argument("--no-clean", action="store_true", help="the texts are already clean")
    p.add_argument("--partitions", type=int, default=0,
                   help="spread the corpus over at least this many tasks (default: 4 a core)")
    a = p.parse_args(argv)
    builder = SparkSession.builder.appName("vnextract")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    try:
        counts = run(spark, a.input, a.output, fmt=a.format, threads=a.threads,
                     reference_date=a.reference_date, clean=not a.no_clean,
                     partitions=a.partitions)
    finally:
        spark.stop()
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
