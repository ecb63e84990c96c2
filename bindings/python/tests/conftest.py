"""Shared fixtures: the repository's invented pages and the CLI binary."""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
PAGES = sorted((ROOT / "tests" / "pages").glob("p*.txt")) + sorted(
    (ROOT / "tests" / "pages").glob("p*.html")
)


@pytest.fixture(scope="session")
def cli():
    """The vnextract binary that scripts/test.sh built (VNEXTRACT_CLI), or the release build."""
    path = os.environ.get("VNEXTRACT_CLI") or str(ROOT / "target" / "release" / "vnextract")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no CLI at {path}: build it with cargo build --release, or set VNEXTRACT_CLI")
    return path


@pytest.fixture(scope="session")
def pages():
    """(path, text) of every invented page in tests/pages."""
    assert PAGES, "tests/pages has no pages"
    return [(p, p.read_text(encoding="utf-8")) for p in PAGES]
