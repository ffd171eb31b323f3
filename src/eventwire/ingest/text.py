"""Plain-text articles: the file is the article."""

from __future__ import annotations

from eventwire.ingest.base import RawDoc
from eventwire.ingest.decode import decode_bytes


def read_text(data: bytes, input_ref: str) -> RawDoc:
    return RawDoc(text=decode_bytes(data), input_ref=input_ref, kind="text")
