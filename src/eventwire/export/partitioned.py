"""Every table as Parquet, partitioned by day (hive style: ``events/day=2016-03-23/*.parquet``).

Per-article tables take their article's publication day; events take their own date (or
the article's). A day-partitioned layout lets users read one period without scanning the
corpus, and lets DuckDB, Spark, pandas or Arrow datasets load it as one table. Rows with
no date go to ``day=unknown``, so nothing is dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.export.gdelt import has_table
from eventwire.schema import ARTICLE_TABLES, TABLES

_OPTIONS = "FORMAT parquet, COMPRESSION zstd, PARTITION_BY (day), OVERWRITE_OR_IGNORE true"


def _day_sql(table: str) -> str:
    if table == "articles":
        return "SELECT t.*, coalesce(strftime(t.date, '%Y-%m-%d'), 'unknown') AS day FROM articles t"
    if table == "events":
        return ("SELECT t.*, coalesce(strftime(coalesce(t.date_start, a.date), '%Y-%m-%d'), 'unknown') AS day "
                "FROM events t LEFT JOIN articles a ON a.id = t.article_id")
    if table in ARTICLE_TABLES or table in ("article_groups", "event_groups"):
        return ("SELECT t.*, coalesce(strftime(a.date, '%Y-%m-%d'), 'unknown') AS day "
                f"FROM {table} t LEFT JOIN articles a ON a.id = t.article_id")
    if table in ("inputs", "failures"):
        stamp = "updated_at" if table == "inputs" else "failed_at"
        return f"SELECT t.*, coalesce(strftime(t.{stamp}, '%Y-%m-%d'), 'unknown') AS day FROM {table} t"
    raise ValueError(f"no partitioning rule for table {table!r}")


def export_partitioned(con: Any, out: Path) -> list[tuple[Path, int]]:
    """Write each table to ``out/<table>/day=…/``; returns (folder, rows) pairs."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        if not has_table(con, table):
            continue
        folder = out / table
        target = str(folder).replace("'", "''")
        con.execute(f"COPY ({_day_sql(table)}) TO '{target}' ({_OPTIONS})")
        rows = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        written.append((folder, rows))
    return written
