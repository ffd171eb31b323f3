"""HTML pages: main text, title and date via trafilatura.

trafilatura is the most accurate open extractor on published benchmarks (research.md);
it returns ``None`` for pages without a main text, which we turn into a stated failure.
"""

from __future__ import annotations

import trafilatura

from eventwire.ingest.base import IngestError, RawDoc

MIN_MAIN_TEXT_WORDS = 8


def looks_like_html(data: bytes) -> bool:
    """Whether bytes of unknown kind (no telling suffix or Content-Type) are an HTML page."""
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def extract_html(html: str, input_ref: str, url: str | None = None, **meta: str | None) -> RawDoc:
    """Extract the article from ``html``; metadata given by the caller wins over the page's."""
    if not html.strip():
        raise IngestError("empty HTML document")
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise IngestError(f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    text = getattr(result, "text", None) if result is not None else None
    words = len(text.split()) if text else 0
    if words < MIN_MAIN_TEXT_WORDS:
        # trafilatura's fallbacks return menu labels ("Home") for pages with no article.
        raise IngestError(f"HTML page has no main text ({words} words extracted)")
    return RawDoc(
        text=text,
        input_ref=input_ref,
        url=url or getattr(result, "url", None),
        title=meta.get("title") or getattr(result, "title", None),
        date=meta.get("date") or getattr(result, "date", None),
        source=meta.get("source") or getattr(result, "sitename", None) or getattr(result, "hostname", None),
        language=meta.get("language") or getattr(result, "language", None),
        doc_id=meta.get("doc_id"),
        kind="html",
    )
