"""PLOVER / POLECAT-style JSON lines: one record per event, with every mention's evidence.

Field names follow POLECAT's release (event_type, mode, context, actor, actor_country,
actor_sector, recipient…, event_text, story_date, location with geonameid/lat/lon), plus
the CAMEO code and GDELT-style counts so the same event can be found in both exports.
Events that ``eventwire dedup`` merged come out as one record whose ``mentions`` list
every article and sentence that reported it. Only events with a PLOVER type are written:
PLOVER has no type for CAMEO's 01/02 statements, and an event the coder could not type
would be a record with no event in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.dedup import event_id
from eventwire.export.gdelt import _rows, has_table


def _query(con: Any) -> str:
    grouped = has_table(con, "event_groups")
    join = "LEFT JOIN event_groups g ON g.article_id = e.article_id AND g.idx = e.idx" if grouped else ""
    cols = ("g.group_id, g.num_mentions, g.num_sources, g.num_articles" if grouped
            else "NULL::BIGINT AS group_id, NULL AS num_mentions, NULL AS num_sources, NULL AS num_articles")
    stories = has_table(con, "article_groups")
    story_join = "LEFT JOIN article_groups ag ON ag.article_id = e.article_id" if stories else ""
    story_col = "ag.group_id AS story_group" if stories else "NULL AS story_group"
    return f"""
        SELECT e.*, a.date AS story_date, a.url, a.source AS publisher, a.title, a.input_ref,
               coalesce(e.date_start, a.date) AS event_date, {cols}, {story_col}
        FROM events e JOIN articles a ON a.id = e.article_id {join} {story_join}
        WHERE e.event_type IS NOT NULL
        ORDER BY group_id NULLS LAST, event_date NULLS LAST, e.article_id, e.idx"""


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _actor(row: dict[str, Any], prefix: str, name: str) -> dict[str, Any]:
    return {
        name: row[f"{prefix}name"],
        f"{name}_code": row[f"{prefix}code"],
        f"{name}_country": row[f"{prefix}country"],
        f"{name}_sector": row[f"{prefix}role"],
        f"{name}_text": row[f"{prefix}text"],
    }


def _mention(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "story_id": row["article_id"],
        "story_group": row["story_group"],  # near-duplicate copies of one story share it (eventwire dedup)
        "event_index": row["idx"],
        "sentence": row["sentence"],
        "event_text": row["evidence_text"],
        "start_char": row["evidence_start_char"],
        "end_char": row["evidence_end_char"],
        "trigger": row["trigger_text"],
        "url": row["url"],
        "publisher": row["publisher"],
        "story_date": _iso(row["story_date"]),
    }


def plover_record(first: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    gid = first["group_id"] if first["group_id"] is not None else event_id(first["article_id"], first["idx"])
    location = None
    if first["location_name"]:
        location = {
            "name": first["location_name"], "geonameid": first["location_geonameid"],
            "lat": first["location_lat"], "lon": first["location_lon"],
            "country": first["location_country"], "admin1": first["location_admin1"],
            "feature_class": first["location_feature_class"],
        }
    day = first["event_date"]
    return {
        "event_id": str(gid),
        "story_id": first["article_id"],
        "story_date": _iso(first["story_date"]),
        "event_date": _iso(day),
        "year": day.year if day else None,
        "month_num": day.month if day else None,
        "date_precision": first["date_precision"],
        "event_type": first["event_type"],
        "mode": first["mode"],
        "context": list(first["context"] or []),
        "cameo_code": first["cameo_code"],
        "quad_class": first["quad_class"],
        "goldstein": first["goldstein"],
        **_actor(first, "source_", "actor"),
        **_actor(first, "target_", "recipient"),
        "event_text": first["evidence_text"],
        "negated": first["negated"],
        "modality": first["modality"],
        "reported_by": first["reported_by_name"],
        "confidence": first["confidence"],
        "location": location,
        "publisher": first["publisher"],
        "url": first["url"],
        "title": first["title"],
        "num_mentions": first["num_mentions"] or len(mentions),
        "num_sources": first["num_sources"] or 1,
        "num_articles": first["num_articles"] or len({m["story_id"] for m in mentions}),
        "mentions": mentions,
    }


def iter_plover(con: Any) -> Iterator[dict[str, Any]]:
    """One record per event group (rows arrive grouped), singletons for ungrouped events."""
    first: dict[str, Any] | None = None
    mentions: list[dict[str, Any]] = []
    for row in _rows(con, _query(con)):
        same = first is not None and row["group_id"] is not None and row["group_id"] == first["group_id"]
        if not same:
            if first is not None:
                yield plover_record(first, mentions)
            first, mentions = row, []
        mentions.append(_mention(row))
    if first is not None:
        yield plover_record(first, mentions)


def export_plover(con: Any, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for record in iter_plover(con):
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
