"""eventwire: evidence-linked event data from raw news articles.

    >>> import eventwire
    >>> doc = eventwire.process(text, date="2016-03-23", url="https://example.org/story")
    >>> for event in doc.events: ...

``process`` handles one article and raises :class:`IngestError` if it cannot be processed;
``process_many`` streams Documents and Failures for any iterable of texts or dicts;
``run`` processes files into a DuckDB database, as the ``eventwire run`` command does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from eventwire.ingest.base import IngestError, RawDoc
from eventwire.model import (
    Actor,
    Article,
    Document,
    Event,
    Failure,
    Mention,
    Place,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Document", "Event", "Failure", "IngestError", "Mention", "Place", "Quote",
    "RawDoc", "Sentence", "Span", "TimeExpr", "process", "process_many", "run", "__version__",
]


@lru_cache(maxsize=None)
def _default_pipeline() -> Any:
    from eventwire.pipeline import Pipeline

    return Pipeline()


def process(
    text: str | None = None,
    *,
    html: str | None = None,
    date: str | dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    language: str | None = None,
) -> Document:
    """Process one article given as ``text`` (or ``html``) with optional metadata."""
    from eventwire.ingest.html import extract_html
    from eventwire.pipeline import coerce_date

    meta = {"date": coerce_date(date), "title": title, "source": source, "language": language}
    if html is not None:
        raw = extract_html(html, url or "api", url=url, **meta)
    elif text is not None:
        if not text.strip():
            raise IngestError("empty document")
        raw = RawDoc(text=text, input_ref=url or "api", url=url, **meta)
    else:
        raise TypeError("process() needs text= or html=")
    return _default_pipeline().process_raw(raw)


def process_many(
    items: Iterable[str | dict[str, Any] | RawDoc],
    *,
    batch_size: int = 32,
    workers: int = 1,
) -> Iterator[Document | Failure]:
    """Stream results for many articles: each item yields one Document or one Failure.

    Items are texts, dicts in the JSONL input shape (``text`` or ``html``, optional ``id``,
    ``url``, ``title``, ``date``, ``source``, ``language``), or RawDocs.
    """
    from eventwire.engines.local import run_batches
    from eventwire.runner import iter_documents

    pending: list[Failure] = []

    def batches() -> Iterator[list[RawDoc]]:
        batch: list[RawDoc] = []
        for item in iter_documents(items):
            if isinstance(item, Failure):
                pending.append(item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    pipeline = _default_pipeline() if workers <= 1 else None
    for results in run_batches(batches(), workers=workers, options={"batch_size": batch_size}, pipeline=pipeline):
        while pending:
            yield pending.pop(0)
        yield from results
    while pending:
        yield pending.pop(0)


def run(paths: Iterable[str], db: str = "eventwire.duckdb", **options: Any) -> Any:
    """Process files/folders into a DuckDB database (see :func:`eventwire.runner.run`)."""
    from eventwire.runner import run as _run

    return _run(list(paths), db=db, **options)
