"""Issue 15: the Python package gives what the CLI gives, in batches too,
and raises the core's errors as exceptions."""

import csv
import io
import json
import subprocess

import pytest
import vnextract


def run_cli(cli, *args):
    out = subprocess.run([cli, *map(str, args)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def test_extract_equals_the_cli_on_every_page(cli, pages):
    for path, text in pages:
        want = json.loads(run_cli(cli, path))
        got = vnextract.extract(text, html=path.suffix == ".html")
        assert got == want, path.name
        assert got["offset_unit"] == "utf16"


def test_options_reach_the_core_as_in_the_cli(cli, pages):
    path, text = pages[0]
    want = json.loads(run_cli(cli, "--no-clean", "--reference-date", "2020-01-02", path))
    assert vnextract.extract(text, clean=False, reference_date="2020-01-02") == want


def test_offsets_are_utf16_code_units(pages):
    x = vnextract.extract(pages[0][1])
    units = x["text"].encode("utf-16-le")
    assert x["entities"]
    for e in x["entities"]:
        assert units[2 * e["start"]: 2 * e["end"]].decode("utf-16-le") == e["text"]


def test_extract_many_equals_a_loop_of_extract_in_order(pages):
    texts = [t for _, t in pages] * 3
    one_by_one = [vnextract.extract(t) for t in texts]
    assert vnextract.extract_many(texts) == one_by_one
    assert vnextract.extract_many(texts, threads=2) == one_by_one
    assert vnextract.extract_many(texts, threads=1, clean=False) == [
        vnextract.extract(t, clean=False) for t in texts
    ]
    assert vnextract.extract_many([]) == []


def test_bytes_are_utf8_or_refused_unless_lossy(pages):
    text = pages[0][1]
    assert vnextract.extract(text.encode("utf-8")) == vnextract.extract(text)
    bad = "Xin chào".encode("utf-8") + b"\xff" + text.encode("utf-8")
    with pytest.raises(vnextract.InvalidUtf8, match="not valid UTF-8") as e:
        vnextract.extract(bad)
    assert e.value.kind == "invalid-utf8"
    x = vnextract.extract(bad, lossy=True)
    assert "\ufffd" in x["text"] or "invalid-utf8" in [w["code"] for w in x["warnings"]]
    assert "invalid-utf8" in [w["code"] for w in x["warnings"]]


def test_html_source_is_sniffed_unless_told(cli):
    page = "<h1>Hội thảo về nước sạch ở vùng cao</h1><p>Sáng 4/5, tỉnh Lâm Sơn tổ chức hội thảo về cấp nước sạch cho các xã vùng cao, với sự tham gia của nhiều chuyên gia.</p>"
    sniffed = vnextract.extract(page)
    assert "html-source" in [w["code"] for w in sniffed["warnings"]]
    assert "<p>" not in sniffed["text"]
    told = vnextract.extract(page, html=True)
    assert "html-source" not in [w["code"] for w in told["warnings"]]
    plain = vnextract.extract(page, html=False)
    assert "html-source" not in [w["code"] for w in plain["warnings"]]


def test_bad_input_raises_with_the_core_messages():
    with pytest.raises(vnextract.InputTooLarge, match="more than the limit of 10 bytes") as e:
        vnextract.extract("Một câu dài hơn mười byte.", max_bytes=10)
    assert e.value.kind == "input-too-large"
    assert isinstance(e.value, ValueError)
    with pytest.raises(vnextract.InvalidOption, match="YYYY-MM-DD"):
        vnextract.extract("Chữ.", reference_date="12/12/2025")
    with pytest.raises(vnextract.InputTooLarge, match=r"texts\[1\]"):
        vnextract.extract_many(["ngắn", "dài hơn nhiều"], max_bytes=8)
    with pytest.raises(TypeError):
        vnextract.extract(42)
    with pytest.raises(OverflowError):
        vnextract.extract_many(["a"], threads=-1)


def test_reports_equal_the_cli(cli, pages):
    paths = [p for p, _ in pages if p.suffix == ".txt"][:6]
    docs = [(str(p), vnextract.extract(p.read_text(encoding="utf-8"))) for p in paths]
    assert vnextract.events_csv(docs) == run_cli(cli, "--events-csv", *paths)
    assert vnextract.entities_csv(docs) == run_cli(cli, "--entities-csv", *paths)
    want = [json.loads(line) for line in run_cli(cli, "--timeline", *paths).splitlines()]
    assert vnextract.timeline(docs) == want
    rows = list(csv.reader(io.StringIO(vnextract.entities_csv(docs))))
    assert rows[0] == vnextract.columns("entities")
    assert {r[0] for r in rows[1:]} <= {str(p) for p in paths}


def test_version_schema_and_docs():
    assert vnextract.__version__.count(".") == 2
    s = vnextract.schema()
    assert "PER" in s["entityTypes"] and "invalid-utf8" in s["errors"]
    for f in (vnextract.extract, vnextract.extract_many, vnextract.timeline):
        assert f.__doc__ and f.__text_signature__
