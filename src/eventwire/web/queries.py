"""Read-only queries behind the JSON API.

Every statement is fixed text with ``?`` placeholders; request values arrive only as
bound parameters (see :mod:`eventwire.web.filters`). An event's day is its own
``date_start`` when the timex stage dated it, else the article's date, so undated
events still show on the timeline where the reporting put them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from eventwire.web.filters import SORT_COLUMNS, SORT_ORDERS, EventFilter

EVENT_FROM = (
    "FROM (SELECT e.*, coalesce(e.date_start, a.date) AS day FROM events e JOIN articles a ON a.id = e.article_id) e "
    "JOIN articles a ON a.id = e.article_id"
)
EVENT_LIST_COLUMNS = (
    "e.article_id, e.idx, e.sentence, e.day, e.date_start, e.date_end, e.date_precision, e.event_type, e.mode, "
    "e.cameo_code, e.quad_class, e.goldstein, e.source_code, e.source_name, e.source_text, e.target_code, "
    "e.target_name, e.target_text, e.trigger_text, e.evidence_text, e.location_name, e.location_country, "
    "e.location_lat, e.location_lon, e.modality, e.negated, e.confidence, e.rule, a.title AS article_title"
)
MAP_POINT_LIMIT = 20_000
TOP_FACETS = 200
UNCODED = "UNCODED"


def _records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [{k: _jsonable(v) for k, v in zip(names, row)} for row in cur.fetchall()]


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def list_events(con: duckdb.DuckDBPyConnection, f: EventFilter, sort: str, order: str, page: int,
                page_size: int) -> dict[str, Any]:
    where, params = f.where()
    total = con.execute(f"SELECT count(*) {EVENT_FROM} WHERE {where}", params).fetchone()[0]
    column, direction = SORT_COLUMNS[sort], SORT_ORDERS[order]  # KeyError impossible: validated as Literal
    cur = con.execute(
        f"SELECT {EVENT_LIST_COLUMNS} {EVENT_FROM} WHERE {where} "
        f"ORDER BY {column} {direction} NULLS LAST, e.article_id, e.idx LIMIT ? OFFSET ?",
        [*params, page_size, (page - 1) * page_size],
    )
    return {"total": int(total), "page": page, "page_size": page_size, "sort": sort, "order": order,
            "items": _records(cur)}


def map_points(con: duckdb.DuckDBPyConnection, f: EventFilter) -> dict[str, Any]:
    where, params = f.where()
    where += " AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    total = con.execute(f"SELECT count(*) {EVENT_FROM} WHERE {where}", params).fetchone()[0]
    cur = con.execute(
        f"SELECT e.article_id, e.idx, e.location_lat AS lat, e.location_lon AS lon, e.location_name, e.event_type, "
        f"e.quad_class, e.day, e.source_code, e.target_code, e.trigger_text {EVENT_FROM} WHERE {where} "
        "ORDER BY hash(e.article_id, e.idx) LIMIT ?",  # past the limit, a fixed spread-out sample, not the oldest
        [*params, MAP_POINT_LIMIT],
    )
    fields = [d[0] for d in cur.description]
    rows = [[_jsonable(v) for v in row] for row in cur.fetchall()]
    # Columns once and rows as arrays: a corpus-wide map is tens of thousands of points.
    return {"total": int(total), "truncated": total > len(rows), "fields": fields, "points": rows}


# Time buckets for the timeline, widest last: the first whose span fits gives a readable bar count.
BUCKETS: dict[str, int] = {"day": 180, "week": 3 * 365, "month": 30 * 365, "year": 10**6}


def pick_bucket(first: dt.date | None, last: dt.date | None) -> str:
    span = (last - first).days if first and last else 0
    return next(name for name, max_days in BUCKETS.items() if span <= max_days)


def timeline(con: duckdb.DuckDBPyConnection, f: EventFilter, bucket: str = "auto") -> dict[str, Any]:
    """Event counts per time bucket and type; ``auto`` picks days for a season, years for decades."""
    where, params = f.where()
    if bucket not in BUCKETS:
        first, last = con.execute(f"SELECT min(e.day), max(e.day) {EVENT_FROM} WHERE {where}", params).fetchone()
        bucket = pick_bucket(first, last)
    unit = {"day": "day", "week": "week", "month": "month", "year": "year"}[bucket]  # a constant, not input
    rows = con.execute(
        f"SELECT CAST(date_trunc('{unit}', e.day) AS DATE) AS bucket, coalesce(e.event_type, '{UNCODED}') AS type, "
        f"count(*) {EVENT_FROM} WHERE {where} AND e.day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    ).fetchall()
    undated = con.execute(f"SELECT count(*) {EVENT_FROM} WHERE {where} AND e.day IS NULL", params).fetchone()[0]
    return {
        "bucket": bucket,
        "types": sorted({r[1] for r in rows}),
        "counts": [{"day": r[0].isoformat(), "type": r[1], "n": int(r[2])} for r in rows],
        "undated": int(undated),
    }


def facets(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    q = con.execute
    types = q(f"SELECT coalesce(event_type, '{UNCODED}'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    quads = q("SELECT quad_class, count(*) FROM events WHERE quad_class IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
    actors = q(
        "SELECT code, count(*) FROM (SELECT source_code AS code FROM events UNION ALL SELECT target_code FROM events) "
        "WHERE code IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", [TOP_FACETS]
    ).fetchall()
    countries = q(
        "SELECT c, count(*) FROM (SELECT location_country AS c FROM events UNION ALL SELECT source_country FROM events "
        "UNION ALL SELECT target_country FROM events) WHERE c IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [TOP_FACETS],
    ).fetchall()
    first, last = q(
        "SELECT min(day), max(day) FROM (SELECT coalesce(e.date_start, a.date) AS day FROM events e "
        "JOIN articles a ON a.id = e.article_id)"
    ).fetchone()
    pair = lambda rows: [{"value": v, "n": int(n)} for v, n in rows]  # noqa: E731
    return {"types": pair(types), "quad_classes": pair(quads), "actors": pair(actors), "countries": pair(countries),
            "date_min": _jsonable(first), "date_max": _jsonable(last)}


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # table names are constants
              for t in ("articles", "events", "actors", "places", "timexes", "quotes", "failures")}
    located, dated = con.execute(
        "SELECT count(*) FILTER (WHERE location_lat IS NOT NULL), count(*) FILTER (WHERE date_start IS NOT NULL) "
        "FROM events"
    ).fetchone()
    return {**counts, "events_located": int(located), "events_dated": int(dated)}


def event_detail(con: duckdb.DuckDBPyConnection, article_id: str, idx: int) -> dict[str, Any] | None:
    cur = con.execute(f"SELECT e.*, a.title AS article_title {EVENT_FROM} WHERE e.article_id = ? AND e.idx = ?",
                      [article_id, idx])
    rows = _records(cur)
    return rows[0] if rows else None


def article_view(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The cleaned text, every highlight span by kind, and the article's event cards.

    Offsets are Python code-point offsets into ``text``; the page converts them (a string
    with characters outside the BMP has more UTF-16 units than code points).
    """
    cur = con.execute(
        "SELECT id, title, url, source, date, date_source, dateline, input_ref, status, notes, text, n_events "
        "FROM articles WHERE id = ?", [article_id]
    )
    rows = _records(cur)
    if not rows:
        return None
    article = rows[0]
    q = con.execute
    spans: list[dict[str, Any]] = []

    def add(kind: str, sql: str, label) -> None:  # noqa: ANN001
        cur = q(sql, [article_id])
        for rec in _records(cur):
            if rec["s"] is None or rec["e"] is None:
                continue
            spans.append({"kind": kind, "start": rec["s"], "end": rec["e"], "label": label(rec),
                          **({"event": rec["idx"]} if kind in ("evidence", "trigger") else {})})

    add("mention", "SELECT start_char s, end_char e, label FROM mentions WHERE article_id = ? ORDER BY idx",
        lambda r: r["label"])
    add("actor", "SELECT start_char s, end_char e, code, name FROM actors WHERE article_id = ? ORDER BY idx",
        lambda r: " · ".join(x for x in (r["code"], r["name"]) if x))
    add("place", "SELECT start_char s, end_char e, name, country FROM places WHERE article_id = ? ORDER BY idx",
        lambda r: ", ".join(x for x in (r["name"], r["country"]) if x))
    add("timex", "SELECT start_char s, end_char e, type, value FROM timexes WHERE article_id = ? ORDER BY idx",
        lambda r: " ".join(x for x in (r["type"], r["value"]) if x))
    for rec in _records(q("SELECT idx, content_start_char, content_end_char, content_parts, speaker, kind "
                          "FROM quotes WHERE article_id = ? ORDER BY idx", [article_id])):
        label = f"{rec['kind']} quote" + (f" · {rec['speaker']}" if rec["speaker"] else "")
        for start, end in _quote_parts(rec):
            spans.append({"kind": "quote", "start": start, "end": end, "label": label})
    add("quote-source", "SELECT source_start_char s, source_end_char e, speaker FROM quotes WHERE article_id = ? "
        "ORDER BY idx", lambda r: f"speaker: {r['speaker'] or '?'}")
    add("quote-cue", "SELECT cue_start_char s, cue_end_char e FROM quotes WHERE article_id = ? ORDER BY idx",
        lambda r: "quote cue")
    add("evidence", "SELECT idx, evidence_start_char s, evidence_end_char e, event_type, cameo_code FROM events "
        "WHERE article_id = ? ORDER BY idx", lambda r: f"event {r['idx']}: {r['event_type'] or r['cameo_code'] or ''}")
    add("trigger", "SELECT idx, trigger_start_char s, trigger_end_char e, trigger_text FROM events "
        "WHERE article_id = ? ORDER BY idx", lambda r: f"trigger of event {r['idx']}")
    text_len = len(article["text"] or "")
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= text_len]
    events = _records(q(f"SELECT e.* {EVENT_FROM} WHERE e.article_id = ? ORDER BY e.idx", [article_id]))
    return {"article": article, "highlights": spans, "events": events}


def _quote_parts(rec: dict[str, Any]) -> list[tuple[int, int]]:
    try:
        parts = json.loads(rec["content_parts"] or "[]")
        out = [(int(s), int(e)) for s, e in parts]
    except (ValueError, TypeError):
        out = []
    if not out and rec["content_start_char"] is not None:
        out = [(rec["content_start_char"], rec["content_end_char"])]
    return out
