"""WARC files (Common Crawl news and archive exports) via fastwarc.

Each HTTP response record is one input, referenced as ``path#record-id``. Records that are
not HTML pages, and responses that are not 2xx (Common Crawl News holds many redirects),
are recorded as failures with the reason, so a crawl's count adds up.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwire.ingest.base import IngestError, RawDoc
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.html import extract_html
from eventwire.model import Failure


def read_warc(path: Path) -> Iterator[RawDoc | Failure]:
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:  # optional dependency: pip install eventwire[scale]
        raise IngestError("WARC input needs fastwarc: pip install 'eventwire[scale]'") from exc
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            ref = f"{path}#{record.record_id}"
            url = record.headers.get("WARC-Target-URI")
            status = record.http_headers.status_code if record.http_headers else None
            if status is not None and not 200 <= status < 300:  # redirects and error pages are not articles
                yield Failure(ref, f"HTTP status {status}, not a page (redirect or error)")
                continue
            content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                yield Failure(ref, f"not an HTML page (Content-Type: {content_type or 'none'})")
                continue
            try:
                html = decode_bytes(record.reader.read())
                yield extract_html(html, ref, url=url, date=record.headers.get("WARC-Date"))
            except IngestError as exc:
                yield Failure(ref, str(exc))
