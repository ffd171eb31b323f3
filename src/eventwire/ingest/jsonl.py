"""JSON Lines: one article per line, with ``text`` or ``html`` and optional metadata.

Each line is its own input (``path:line``), so one malformed line is one failure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.ingest.base import IngestError, RawDoc
from eventwire.ingest.html import extract_html
from eventwire.model import Failure

META_FIELDS = ("url", "title", "date", "source", "language")


def _str_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def record_to_raw(record: Any, input_ref: str) -> RawDoc:
    """One JSON object to a RawDoc; raise IngestError with the reason otherwise."""
    if not isinstance(record, dict):
        raise IngestError(f"JSON line is a {type(record).__name__}, not an object")
    meta = {k: _str_or_none(record.get(k)) for k in META_FIELDS}
    doc_id = _str_or_none(record.get("id"))
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return RawDoc(text=text, input_ref=input_ref, doc_id=doc_id, kind="jsonl", **meta)
    if isinstance(html, str) and html.strip():
        url = meta.pop("url")
        raw = extract_html(html, input_ref, url=url, doc_id=doc_id, **meta)
        return raw
    raise IngestError("JSON line has no non-empty 'text' or 'html' field")


def read_jsonl_lines(lines: Iterable[bytes | str], source_ref: str) -> Iterator[RawDoc | Failure]:
    for number, line in enumerate(lines, start=1):
        ref = f"{source_ref}:{number}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield Failure(ref, "JSON line is not valid UTF-8")
                continue
        if not line.strip():
            continue  # blank separator lines are not documents
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(ref, f"not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        try:
            yield record_to_raw(record, ref)
        except IngestError as exc:
            yield Failure(ref, str(exc))
