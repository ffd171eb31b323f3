"""GDELT 2.0 Event and Mentions tables from an eventwire database.

The files are tab-separated with no header, as GDELT publishes them; the column lists
(``data/gdelt/events.tsv``, ``mentions.tsv``) are written beside them. One Event row per
real-world event: when ``eventwire dedup`` has run, mentions merged into one event share
its GLOBALEVENTID and NumMentions/NumSources/NumArticles count them; otherwise every event
row is its own event. The Mentions table keeps every mention with its evidence offsets.

What we do not compute stays empty, never invented: AvgTone, MentionDocTone, ethnic codes,
ADM2 codes, actor geography (we locate events, not actors), InRawText, translation info.
Times: DATEADDED and the Mentions times are the article's publication day at 00:00 (a
reproducible stand-in for GDELT's crawl time), or the processing time when it is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.dedup import event_id, outlet
from eventwire.export.codebook import (
    actor_code_fields,
    column_names,
    columns_file_text,
    fraction_date,
    gdelt_timestamp,
    geo_fields,
    tsv_line,
)

MENTION_TYPE_WEB = 1  # codebook MentionType 1: a web document identified by its URL


def has_table(con: Any, name: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()[0])


def _event_query(con: Any, include_negated: bool) -> str:
    grouped = has_table(con, "event_groups")
    join = "LEFT JOIN event_groups g ON g.article_id = e.article_id AND g.idx = e.idx" if grouped else ""
    group_cols = ("g.group_id, g.num_mentions, g.num_sources, g.num_articles" if grouped
                  else "NULL::BIGINT AS group_id, NULL AS num_mentions, NULL AS num_sources, NULL AS num_articles")
    where = "e.cameo_code IS NOT NULL" + ("" if include_negated else " AND NOT coalesce(e.negated, false)")
    return f"""
        SELECT e.*, a.date AS article_date, a.processed_at, a.url, a.source AS outlet_name, a.input_ref,
               length(a.text) AS doc_len, coalesce(e.date_start, a.date) AS event_date, {group_cols}
        FROM events e JOIN articles a ON a.id = e.article_id {join}
        WHERE {where}"""


def _added(row: dict[str, Any]) -> int | None:
    return gdelt_timestamp(row["article_date"] or row["processed_at"])


def _rows(con: Any, sql: str, batch: int = 10_000) -> Iterator[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    while chunk := cur.fetchmany(batch):
        for values in chunk:
            yield dict(zip(names, values))


def _code_levels(code: str) -> tuple[str, str, str]:
    """EventCode, EventBaseCode, EventRootCode: "0211" → ("0211", "021", "02"); "19" → ("190", "190", "19")."""
    code = code.strip()
    if len(code) == 2:
        code = code + "0"
    return code, code[:3], code[:2]


def quad_class(code: str, ours: int | None) -> int | None:
    """Our quad class when it is one of GDELT's four; else the CAMEO root's class (codebook)."""
    if ours in (1, 2, 3, 4):
        return ours
    try:
        root = int(code[:2])
    except ValueError:
        return None
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4 if root <= 20 else None


def event_record(row: dict[str, Any]) -> list[Any]:
    """One GDELT 2.0 Event line (61 values) from a joined events/articles/event_groups row."""
    gid = row["group_id"] if row["group_id"] is not None else event_id(row["article_id"], row["idx"])
    day: dt.date | None = row["event_date"]
    code, base, root = _code_levels(row["cameo_code"])
    out: dict[str, Any] = {
        "GLOBALEVENTID": gid,
        "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None,
        "Year": day.year if day else None,
        "FractionDate": fraction_date(day) if day else None,
        "IsRootEvent": 1 if row["sentence"] == 0 else 0,  # GDELT: found in the lead; we take the first sentence
        "EventCode": code,
        "EventBaseCode": base,
        "EventRootCode": root,
        "QuadClass": quad_class(code, row["quad_class"]),
        "GoldsteinScale": row["goldstein"],
        "NumMentions": row["num_mentions"] or 1,
        "NumSources": row["num_sources"] or 1,
        "NumArticles": row["num_articles"] or 1,
        "AvgTone": None,
        "DATEADDED": _added(row),
        "SOURCEURL": row["url"] or row["input_ref"],
    }
    for n, prefix in ((1, "source_"), (2, "target_")):
        fields = actor_code_fields(row[f"{prefix}code"])
        fields["Name"] = (row[f"{prefix}name"] or row[f"{prefix}text"] or None)
        if fields["Name"]:
            fields["Name"] = fields["Name"].upper()  # GDELT's actor names are upper-case
        for key, value in fields.items():
            out[f"Actor{n}{key}"] = value
        for key, value in geo_fields(None, None, None, None, None, None, None).items():
            out[f"Actor{n}Geo_{key}"] = value
    geo = geo_fields(row["location_name"], row["location_lat"], row["location_lon"], row["location_geonameid"],
                     row["location_country"], row["location_admin1"], row["location_feature_class"])
    for key, value in geo.items():
        out[f"ActionGeo_{key}"] = value
    return [out[name] for name in column_names("events")]


def mention_record(row: dict[str, Any]) -> list[Any]:
    """One GDELT 2.0 Mentions line (16 values): this article's mention of the event."""
    gid = row["group_id"] if row["group_id"] is not None else event_id(row["article_id"], row["idx"])
    conf = row["confidence"]
    out = {
        "GLOBALEVENTID": gid,
        "EventTimeDate": gdelt_timestamp(row["first_seen"]) if row.get("first_seen") else _added(row),
        "MentionTimeDate": _added(row),
        "MentionType": MENTION_TYPE_WEB,
        "MentionSourceName": outlet(row["outlet_name"], row["url"]),
        "MentionIdentifier": row["url"] or row["input_ref"],
        "SentenceID": row["sentence"] + 1,  # GDELT counts sentences from 1
        "Actor1CharOffset": row["source_start_char"] if row["source_start_char"] is not None else -1,
        "Actor2CharOffset": row["target_start_char"] if row["target_start_char"] is not None else -1,
        "ActionCharOffset": row["trigger_start_char"] if row["trigger_start_char"] is not None else -1,
        "InRawText": None,
        "Confidence": round(conf * 100) if conf is not None else None,  # GDELT: percent
        "MentionDocLen": row["doc_len"],
        "MentionDocTone": None,
        "MentionDocTranslationInfo": None,
        "Extras": None,
    }
    return [out[name] for name in column_names("mentions")]


def iter_events(con: Any, include_negated: bool = False) -> Iterator[list[Any]]:
    """Event lines: one per event group, taken from its first mention (by date, then article)."""
    sql = f"""
        WITH ev AS ({_event_query(con, include_negated)})
        SELECT * FROM ev
        QUALIFY group_id IS NULL
             OR row_number() OVER (PARTITION BY group_id ORDER BY event_date NULLS LAST, article_id, idx) = 1
        ORDER BY event_date NULLS LAST, article_id, idx"""
    for row in _rows(con, sql):
        yield event_record(row)


def iter_mentions(con: Any, include_negated: bool = False) -> Iterator[list[Any]]:
    sql = f"""
        WITH ev AS ({_event_query(con, include_negated)})
        SELECT *, CASE WHEN group_id IS NULL THEN NULL
                       ELSE min(coalesce(article_date, processed_at::DATE)) OVER (PARTITION BY group_id) END
                  AS first_seen
        FROM ev ORDER BY event_date NULLS LAST, article_id, idx"""
    for row in _rows(con, sql):
        yield mention_record(row)


def write_tsv(lines: Iterator[list[Any]], path: Path, table: str) -> int:
    """Write header-less lines to ``path`` and the column list beside it; returns the row count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for values in lines:
            fh.write(tsv_line(values))
            n += 1
    path.with_name(path.name + ".columns").write_text(columns_file_text(table), encoding="utf-8")
    return n


def export_gdelt_events(con: Any, path: Path, include_negated: bool = False) -> int:
    return write_tsv(iter_events(con, include_negated), path, "events")


def export_gdelt_mentions(con: Any, path: Path, include_negated: bool = False) -> int:
    return write_tsv(iter_mentions(con, include_negated), path, "mentions")
