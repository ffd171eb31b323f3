"""The article's own date: the anchor every relative date ("last week") resolves against.

Sources, most trusted first: the input's metadata, a dated dateline, a photo caption's
date ("…, Wednesday, March 23, 2016."), a publication line ("This story is from March 10,
2002"), a dated URL (``/2016/03/23/``). The chosen source is recorded, because a date
guessed from a URL deserves less trust than one from metadata.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

from eventwire.model import DateSource

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
_TEXT_DATE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(\d{1,2}),\s+((?:19|20)\d{2})"
)
_EARLIEST = dt.date(1900, 1, 1)


def parse_date(text: str | None) -> dt.date | None:
    """A calendar date from an ISO string or a written date; None if it holds no full date."""
    if not text or not str(text).strip():
        return None
    text = str(text).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _TEXT_DATE.search(text)
    if m:
        text = m.group(0)
    try:
        # Two different defaults expose dates missing a day or month: those are not full dates.
        a = dateutil_parser.parse(text, default=dt.datetime(2000, 1, 1))
        b = dateutil_parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():
        return None
    return a.date() if a.date() >= _EARLIEST else None


def date_from_url(url: str | None) -> dt.date | None:
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def article_date(
    metadata: str | None,
    dateline: str | None = None,
    captions: tuple[str, ...] = (),
    publication_line: str | None = None,
    url: str | None = None,
) -> tuple[dt.date | None, DateSource]:
    """The article date and where it came from."""
    candidates: list[tuple[str | None, DateSource]] = [
        (metadata, "metadata"),
        (dateline, "dateline"),
        *((c, "caption") for c in captions),
        (publication_line, "text"),
    ]
    for text, source in candidates:
        if source in ("caption", "dateline"):
            m = _TEXT_DATE.search(text or "")
            text = m.group(0) if m else None
        date = parse_date(text)
        if date is not None:
            return date, source
    date = date_from_url(url)
    if date is not None:
        return date, "url"
    return None, "none"
