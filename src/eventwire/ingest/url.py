"""Web addresses as inputs: a page becomes its article, a feed its entries.

Users watch live sources ("run this feed every hour"), so ``http(s)://`` inputs are fetched
when they are read, once, with a plain HTTP GET (stdlib: certificate checks on, no insecure
retry, a time limit and a size cap). What comes back is read by content, as a file would be:
a feed's entries (their own text, or with ``follow_links`` their linked pages), an HTML page's
article, or plain text. A failed request is a failure with its reason, like any unreadable input; a
re-run fetches again, and the store skips articles it already holds.
"""

from __future__ import annotations

import dataclasses
import urllib.error
import urllib.request
from collections.abc import Iterator

from eventwire.ingest.base import IngestError, RawDoc
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.feed import looks_like_feed, read_feed
from eventwire.ingest.html import extract_html, looks_like_html
from eventwire.ingest.text import read_text
from eventwire.model import Failure

TIMEOUT_S = 30.0
MAX_BYTES = 20 * 1024 * 1024  # larger responses are not news pages


def is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT_S) -> tuple[bytes, str]:
    """The body and Content-Type of ``url``; IngestError with the reason users see if it fails."""
    from eventwire import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"eventwire/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only, checked)
            body = response.read(MAX_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise IngestError(f"HTTP status {exc.code} ({exc.reason})") from exc
    except urllib.error.URLError as exc:
        raise IngestError(f"could not fetch: {exc.reason}") from exc
    except (TimeoutError, OSError) as exc:
        raise IngestError(f"could not fetch: {exc}") from exc
    if len(body) > MAX_BYTES:
        raise IngestError(f"response larger than {MAX_BYTES // (1024 * 1024)} MB, not read")
    return body, content_type


def read_url(url: str, follow_links: bool = False) -> Iterator[RawDoc | Failure]:
    """Every document behind one web address (a feed's linked pages too, with ``follow_links``)."""
    if not is_url(url):
        yield Failure(url, "not an http(s) address")
        return
    try:
        body, content_type = fetch(url)
        kind = content_type.lower()
        if looks_like_feed(body) or any(t in kind for t in ("rss", "atom")):
            yield from read_feed(body, url, page=fetch_page if follow_links else None)
        else:
            yield _page(url, body, content_type)
    except IngestError as exc:
        yield Failure(url, str(exc))


def fetch_page(url: str) -> RawDoc:
    """The article at ``url`` (a feed entry's link); IngestError with the reason if there is none."""
    if not is_url(url):
        raise IngestError(f"not an http(s) address: {url}")
    body, content_type = fetch(url)
    return _page(url, body, content_type)


def _page(url: str, body: bytes, content_type: str) -> RawDoc:
    kind = content_type.lower()
    if "html" in kind or looks_like_html(body):
        return extract_html(decode_bytes(body), url, url=url)
    if kind.startswith("text/") or not kind:
        return dataclasses.replace(read_text(body, url), url=url)
    raise IngestError(f"not a page, a feed or text (Content-Type: {content_type})")
