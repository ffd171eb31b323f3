"""What every reader yields: a raw document with its metadata, or a failure."""

from __future__ import annotations

from dataclasses import dataclass


class IngestError(ValueError):
    """An input that cannot become an article; the message is the reason users see."""


@dataclass(frozen=True, slots=True)
class RawDoc:
    """Text extracted from one input, before cleaning.

    ``date`` stays a string here: readers pass on what the source said, and the
    article-date stage decides how to read it (and records that it came from metadata).
    """

    text: str
    input_ref: str  # path, path:line, "-" or "-:line": how a user finds the input again
    url: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    language: str | None = None
    doc_id: str | None = None  # the input's own id, kept for the user's joins
    kind: str = "text"  # text, html, jsonl, warc, feed
