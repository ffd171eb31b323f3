"""Bytes to text, refusing what is not text.

Scraped corpora hold files in legacy encodings, truncated downloads and the odd
image saved as ``.txt``; each must end as text or as a clear reason, never as a crash.
"""

from __future__ import annotations

import charset_normalizer

from eventwire.ingest.base import IngestError

_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean not text."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.10


def decode_bytes(data: bytes) -> str:
    """Decode as UTF-8, else as the detected encoding; raise IngestError otherwise."""
    if not data.strip():
        raise IngestError("empty document")
    if looks_binary(data):
        raise IngestError("binary file (not text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError("invalid UTF-8 and no other text encoding detected")
    return str(best)
