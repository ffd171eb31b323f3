"""Readers: turn paths (files, folders, ``-`` for stdin, http(s) addresses) into raw documents or failures.

Nothing is dropped silently: every file found ends as at least one RawDoc or Failure.
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.ingest.base import IngestError, RawDoc
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.feed import looks_like_feed, read_feed
from eventwire.ingest.html import extract_html, looks_like_html
from eventwire.ingest.jsonl import read_jsonl_lines
from eventwire.ingest.text import read_text
from eventwire.ingest.url import fetch_page, is_url, read_url
from eventwire.model import Failure

__all__ = ["IngestError", "RawDoc", "read_inputs", "read_path", "expand_paths"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
FEED_SUFFIXES = {".rss", ".atom"}  # and any other file that opens as RSS, RDF or Atom (often .xml)


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    joined = "".join(suffixes)
    return joined if joined in JSONL_SUFFIXES | WARC_SUFFIXES else (suffixes[-1] if suffixes else "")


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, folders walked recursively in sorted order (hidden entries skipped)."""
    for p in paths:
        if p == "-" or is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield p


def read_path(p: str, follow_links: bool = False) -> Iterator[RawDoc | Failure]:
    """Every document in one file (or stdin, or web address), each a RawDoc or a Failure with its reason.

    ``follow_links``: a feed entry becomes the page it links to (fetched), not its summary."""
    if p == "-":
        yield from _read_stdin()
        return
    if is_url(p):
        yield from read_url(p, follow_links)
        return
    path = Path(p)
    if not path.exists():
        yield Failure(p, "no such file or folder")
        return
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            opener = gzip.open if suffix.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_jsonl_lines(fh, p)
            return
        if suffix in WARC_SUFFIXES:
            from eventwire.ingest.warc import read_warc

            yield from read_warc(path)
            return
        data = path.read_bytes()
        if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and looks_like_feed(data)):
            yield from read_feed(data, p, page=fetch_page if follow_links else None)
        elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(data)):
            yield extract_html(decode_bytes(data), p)
        else:
            yield read_text(data, p)
    except IngestError as exc:
        yield Failure(p, str(exc))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Failure(p, f"could not read file: {exc}")


def read_inputs(paths: Iterable[str], follow_links: bool = False) -> Iterator[RawDoc | Failure]:
    for p in expand_paths(paths):
        yield from read_path(p, follow_links)


def _read_stdin() -> Iterator[RawDoc | Failure]:
    """JSON Lines if the stream starts with '{', a feed's entries, else one text (or HTML) article."""
    data = sys.stdin.buffer.read()
    if data.lstrip().startswith(b"{"):
        yield from read_jsonl_lines(data.splitlines(), "-")
        return
    try:
        if looks_like_feed(data):
            yield from read_feed(data, "-")
        elif looks_like_html(data):
            yield extract_html(decode_bytes(data), "-")
        else:
            yield read_text(data, "-")
    except IngestError as exc:
        yield Failure("-", str(exc))
