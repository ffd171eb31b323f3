"""Request filters for the event endpoints, validated before any SQL sees them.

Every value a browser sends is checked against a narrow pattern or range here, so the
query layer only ever binds well-formed values as parameters; nothing from a request
is pasted into SQL text. Sort keys map through an allow-list to fixed column expressions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import HTTPException, Query

CODE_PATTERN = r"^[A-Z0-9 ]{1,20}$"  # CAMEO actor codes, ISO country codes, PLOVER types
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MAX_TEXT_QUERY = 200
MAX_PAGE = 1_000_000
MAX_PAGE_SIZE = 500

SortKey = Literal["date", "type", "cameo", "quad", "source", "target", "location", "confidence", "article"]
SortOrder = Literal["asc", "desc"]
Bucket = Literal["auto", "day", "week", "month", "year"]

# The only column expressions a request can sort by (``day`` is defined in queries.EVENT_FROM).
SORT_COLUMNS: dict[str, str] = {
    "date": "day",
    "type": "e.event_type",
    "cameo": "e.cameo_code",
    "quad": "e.quad_class",
    "source": "e.source_code",
    "target": "e.target_code",
    "location": "e.location_name",
    "confidence": "e.confidence",
    "article": "a.title",
}
SORT_ORDERS: dict[str, str] = {"asc": "ASC", "desc": "DESC"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the researcher narrowed the corpus to; every field already validated."""

    actor: str | None = None  # prefix of the source or target actor code ("SYR" matches "SYR GOV")
    country: str | None = None  # event location (ISO-2) or either actor's country (ISO-3)
    event_type: str | None = None  # PLOVER type
    quad: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None  # free text, case-insensitive substring

    def where(self) -> tuple[str, list[object]]:
        """SQL condition with ``?`` placeholders and the values to bind, in order."""
        conds: list[str] = []
        params: list[object] = []
        if self.actor:
            conds.append("(starts_with(coalesce(e.source_code, ''), ?) OR starts_with(coalesce(e.target_code, ''), ?))")
            params += [self.actor, self.actor]
        if self.country:
            conds.append("(e.location_country = ? OR e.source_country = ? OR e.target_country = ?)")
            params += [self.country] * 3
        if self.event_type:
            conds.append("e.event_type = ?")
            params.append(self.event_type)
        if self.quad is not None:
            conds.append("e.quad_class = ?")
            params.append(self.quad)
        if self.date_from:
            conds.append("day >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append("day <= ?")
            params.append(self.date_to)
        if self.q:
            fields = ("e.evidence_text", "e.trigger_text", "e.source_name", "e.source_text", "e.target_name",
                      "e.target_text", "e.location_name", "a.title")
            conds.append("(" + " OR ".join(f"contains(lower(coalesce({f}, '')), ?)" for f in fields) + ")")
            params += [self.q.lower()] * len(fields)
        return (" AND ".join(conds) or "TRUE"), params


def _parse_date(name: str, value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a real calendar date as YYYY-MM-DD") from None


def event_filter(
    actor: Annotated[str | None, Query(pattern=CODE_PATTERN, description="Actor code prefix, e.g. SYR or SYR GOV.")] = None,
    country: Annotated[str | None, Query(pattern=CODE_PATTERN, description="ISO-2 location or ISO-3 actor country.")] = None,
    event_type: Annotated[str | None, Query(alias="type", pattern=CODE_PATTERN, description="PLOVER event type.")] = None,
    quad: Annotated[int | None, Query(ge=0, le=4, description="Quad class 0-4.")] = None,
    date_from: Annotated[str | None, Query(pattern=ISO_DATE_PATTERN, description="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, Query(pattern=ISO_DATE_PATTERN, description="Last day, YYYY-MM-DD.")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="Free text in evidence, actors, place, title.")] = None,
) -> EventFilter:
    """FastAPI dependency: the shared filter parameters of every event endpoint."""
    start, end = _parse_date("date_from", date_from), _parse_date("date_to", date_to)
    if start and end and start > end:
        raise HTTPException(422, "date_from is after date_to")
    text = (q or "").strip() or None
    if text and any(ord(c) < 32 for c in text):
        raise HTTPException(422, "q must not contain control characters")
    return EventFilter(actor, country, event_type, quad, start, end, text)
