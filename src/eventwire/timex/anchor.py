"""The date relative expressions are resolved against.

The article date from the foundation stage comes first; without it an absolute
date in the dateline or a photo caption ("Wednesday, March 23, 2016") anchors
the story, since wire captions are written on the day. No anchor means relative
expressions stay unresolved: a date is never invented.
"""

from __future__ import annotations

import datetime as dt

from eventwire.model import Article
from eventwire.timex.grammar import find_candidates, select
from eventwire.timex.normalize import Context, normalize


def absolute_date(text: str) -> dt.date | None:
    """The first full calendar date (day, month and year) written in ``text``."""
    for cand in select(find_candidates(text)):
        if cand.rule not in ("date_iso", "date_slash", "date_mdy", "date_dmy", "time_date"):
            continue
        if not cand.groups.get("year"):
            continue
        norm = normalize(cand.rule, cand.groups, Context(text, cand.start, cand.end, None, None))
        if norm and norm.start and norm.start == norm.end:
            return norm.start
    return None


def choose_anchor(article: Article) -> tuple[dt.date | None, str]:
    """(anchor date, where it came from): article-date, dateline, caption, or (None, "none")."""
    if article.date is not None:
        return article.date, "article-date"
    if article.dateline and (day := absolute_date(article.dateline)):
        return day, "dateline"
    for cap in article.captions:
        text = cap.text or article.raw_text[cap.start : cap.end]
        if day := absolute_date(text):
            return day, "caption"
    return None, "none"
