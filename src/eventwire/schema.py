"""The tables eventwire writes, declared once.

Each table is a list of (column, DuckDB type). The DuckDB DDL, the Arrow schemas used for
fast batch inserts, and the README's data-model table are all derived from here, so they
cannot drift apart.
"""

from __future__ import annotations

import pyarrow as pa

Column = tuple[str, str]


def span_columns(prefix: str = "") -> list[Column]:
    """A Span flattened: offsets in the cleaned text, raw offsets, and the text itself."""
    return [
        (f"{prefix}start_char", "INTEGER"),
        (f"{prefix}end_char", "INTEGER"),
        (f"{prefix}raw_start", "INTEGER"),
        (f"{prefix}raw_end", "INTEGER"),
        (f"{prefix}text", "VARCHAR"),
    ]


def actor_columns(prefix: str) -> list[Column]:
    return [
        *span_columns(prefix),
        (f"{prefix}name", "VARCHAR"),
        (f"{prefix}code", "VARCHAR"),
        (f"{prefix}country", "VARCHAR"),
        (f"{prefix}role", "VARCHAR"),
    ]


_KEY: list[Column] = [("article_id", "VARCHAR"), ("idx", "INTEGER"), ("sentence", "INTEGER")]

TABLES: dict[str, list[Column]] = {
    "articles": [
        ("id", "VARCHAR"),
        ("input_ref", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("date", "DATE"),
        ("date_source", "VARCHAR"),
        ("language", "VARCHAR"),
        ("dateline", "VARCHAR"),
        ("status", "VARCHAR"),
        ("notes", "VARCHAR[]"),
        ("text", "VARCHAR"),
        ("raw_text", "VARCHAR"),
        ("offsets", "VARCHAR"),  # JSON [[clean_start, raw_start, length], ...]
        ("captions", "VARCHAR"),  # JSON [[start_char, end_char], ...] in the cleaned text
        ("n_sentences", "INTEGER"),
        ("n_events", "INTEGER"),
        ("processed_at", "TIMESTAMP"),
    ],
    "inputs": [  # every input ever seen and how it ended: processed, truncated, duplicate, failed
        ("input_ref", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("status", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("updated_at", "TIMESTAMP"),
    ],
    "failures": [
        ("input_ref", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("detail", "VARCHAR"),
        ("failed_at", "TIMESTAMP"),
    ],
    "sentences": [("article_id", "VARCHAR"), ("idx", "INTEGER"), *span_columns()],
    "mentions": [*_KEY, ("label", "VARCHAR"), ("origin", "VARCHAR"), *span_columns()],
    "actors": [
        *_KEY,
        *span_columns(),
        ("name", "VARCHAR"),
        ("code", "VARCHAR"),
        ("country", "VARCHAR"),
        ("role", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
    ],
    "places": [
        *_KEY,
        *span_columns(),
        ("name", "VARCHAR"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("geonameid", "BIGINT"),
        ("feature_class", "VARCHAR"),
        ("feature_code", "VARCHAR"),
        ("country", "VARCHAR"),
        ("admin1", "VARCHAR"),
        ("population", "BIGINT"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
    ],
    "timexes": [
        *_KEY,
        *span_columns(),
        ("type", "VARCHAR"),
        ("value", "VARCHAR"),
        ("start_date", "DATE"),
        ("end_date", "DATE"),
        ("mod", "VARCHAR"),
        ("anchor", "VARCHAR"),
        ("rule", "VARCHAR"),
    ],
    "quotes": [
        *_KEY,
        ("kind", "VARCHAR"),
        *span_columns("content_"),  # from the first content part's start to the last one's end
        ("content_parts", "VARCHAR"),  # JSON [[start_char, end_char], ...]
        *span_columns("source_"),
        *span_columns("cue_"),
        ("speaker", "VARCHAR"),
        ("speaker_code", "VARCHAR"),
        ("anonymous", "BOOLEAN"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
    ],
    "events": [
        *_KEY,
        *span_columns("evidence_"),
        *span_columns("trigger_"),
        ("event_type", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("context", "VARCHAR[]"),
        ("cameo_code", "VARCHAR"),
        ("quad_class", "INTEGER"),
        ("goldstein", "DOUBLE"),
        *actor_columns("source_"),
        *actor_columns("target_"),
        ("negated", "BOOLEAN"),
        ("modality", "VARCHAR"),
        ("reported_by_name", "VARCHAR"),
        ("reported_by_code", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
        ("location_name", "VARCHAR"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("location_geonameid", "BIGINT"),
        ("location_country", "VARCHAR"),
        ("location_admin1", "VARCHAR"),
        ("location_feature_class", "VARCHAR"),
        ("location_start_char", "INTEGER"),
        ("location_end_char", "INTEGER"),
        ("location_rule", "VARCHAR"),
        ("date_start", "DATE"),
        ("date_end", "DATE"),
        ("date_precision", "VARCHAR"),
        ("date_source", "VARCHAR"),
    ],
    # Written by the `eventwire dedup` post-pass (see eventwire.dedup), not by runs.
    "article_groups": [  # near-duplicate articles (syndicated copy): one story per group
        ("article_id", "VARCHAR"),
        ("group_id", "VARCHAR"),  # the group's first article id
        ("group_size", "INTEGER"),
        ("similarity", "DOUBLE"),  # estimated Jaccard similarity to the group's first article
    ],
    "event_groups": [  # event mentions merged into one real-world event (GDELT's GLOBALEVENTID)
        ("article_id", "VARCHAR"),
        ("idx", "INTEGER"),
        ("group_id", "BIGINT"),
        ("num_mentions", "INTEGER"),
        ("num_sources", "INTEGER"),
        ("num_articles", "INTEGER"),
    ],
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "inputs": ("input_ref",),
    "failures": ("input_ref",),
    "sentences": ("article_id", "idx"),
    "mentions": ("article_id", "idx"),
    "actors": ("article_id", "idx"),
    "places": ("article_id", "idx"),
    "timexes": ("article_id", "idx"),
    "quotes": ("article_id", "idx"),
    "events": ("article_id", "idx"),
    "article_groups": ("article_id",),
    "event_groups": ("article_id", "idx"),
}

# The tables each schema version added (see eventwire.store.MIGRATIONS).
TABLES_ADDED_IN: dict[int, tuple[str, ...]] = {2: ("article_groups", "event_groups")}

# Tables whose rows belong to one article (deleted and rewritten together).
ARTICLE_TABLES = ("sentences", "mentions", "actors", "places", "timexes", "quotes", "events")

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in TABLES[table]])


def create_table_sql(table: str) -> str:
    cols = ", ".join(f'"{name}" {kind}' for name, kind in TABLES[table])
    pk = ", ".join(PRIMARY_KEYS[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols}, PRIMARY KEY ({pk}))"
