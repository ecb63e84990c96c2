"""Clean article, entities and events from a pasted Vietnamese news page.

Every ``start``/``end`` counts UTF-16 code units into the document's
``text``: ``text.encode('utf-16-le')[2*start:2*end].decode('utf-16-le')``.
"""

from typing import Any, Iterable, Literal, Optional, Sequence, Tuple, Union

__version__: str

Document = dict[str, Any]
"""A document of the output contract: title, byline, published, source,
paragraphs, captions, removed, text, entities, events, warnings, offset_unit."""

class Error(ValueError):
    """An input vnextract cannot process."""

    kind: str
    """The core's error id: ``input-too-large``, ``invalid-option``, ``invalid-utf8``."""

class InputTooLarge(Error):
    """The input is larger than ``max_bytes``."""

class InvalidOption(Error):
    """An option could not be read (a bad ``reference_date``, a bad document)."""

class InvalidUtf8(Error):
    """Bytes that are not UTF-8, and ``lossy`` is off."""

def extract(
    text: Union[str, bytes],
    *,
    clean: bool = True,
    reference_date: Optional[str] = None,
    html: Optional[bool] = None,
    max_bytes: Optional[int] = None,
    lossy: bool = False,
) -> Document:
    """The clean article, its entities and its events: the dict the CLI prints as JSON.

    ``html=None`` reads text that is HTML source as HTML (an ``html-source``
    warning says so); ``True``/``False`` decide. ``bytes`` must be UTF-8
    unless ``lossy``. ``reference_date`` is ``YYYY-MM-DD``.
    """

def extract_many(
    texts: Sequence[Union[str, bytes]],
    *,
    threads: Optional[int] = None,
    clean: bool = True,
    reference_date: Optional[str] = None,
    html: Optional[bool] = None,
    max_bytes: Optional[int] = None,
    lossy: bool = False,
) -> list[Document]:
    """``extract`` over many texts on ``threads`` cores (all by default), the GIL released; order kept."""

def timeline(docs: Iterable[Tuple[str, Document]]) -> list[dict[str, Any]]:
    """One timeline over ``(name, document)`` pairs, as the CLI's ``--timeline``."""

def events_csv(docs: Iterable[Tuple[str, Document]]) -> str:
    """The events of ``(name, document)`` pairs as CSV, as the CLI's ``--events-csv``."""

def entities_csv(docs: Iterable[Tuple[str, Document]]) -> str:
    """The entities of ``(name, document)`` pairs as CSV, as the CLI's ``--entities-csv``."""

def columns(table: Literal["events", "entities"]) -> list[str]:
    """The columns of a CSV table."""

def schema() -> dict[str, Any]:
    """Every id the core can emit, and its limits."""
