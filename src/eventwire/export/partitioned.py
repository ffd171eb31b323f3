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


def export_partitioned(con: Any, out: Path, gdelt: bool = True) -> list[tuple[Path, int]]:
    """Write each table to ``out/<table>/day=…/``; returns (folder, rows) pairs.

    With ``gdelt``, the GDELT 2.0 Event and Mentions tables too (``gdelt_events``,
    ``gdelt_mentions``, partitioned by SQLDATE / the mention day), typed as the codebook says.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        if not has_table(con, table):
            continue
        folder = _fresh(out / table)
        target = str(folder).replace("'", "''")
        con.execute(f"COPY ({_day_sql(table)}) TO '{target}' ({_OPTIONS})")
        rows = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        written.append((folder, rows))
    if gdelt and has_table(con, "events"):
        from eventwire.export.gdelt import iter_events, iter_mentions

        written.append(_write_records(con, iter_events(con), "events", "SQLDATE", out / "gdelt_events"))
        written.append(_write_records(con, iter_mentions(con), "mentions", "MentionTimeDate", out / "gdelt_mentions"))
    return written


def _fresh(folder: Path) -> Path:
    """An export replaces the previous one: stale day folders would otherwise linger."""
    import shutil

    if folder.exists():
        shutil.rmtree(folder)
    return folder


def _write_records(con: Any, records: Any, table: str, day_column: str, folder: Path,
                   batch: int = 50_000) -> tuple[Path, int]:
    """Codebook-typed Arrow batches, each appended to the day partitions as new files."""
    import itertools

    import pyarrow as pa

    from eventwire.export.codebook import columns

    _fresh(folder)
    types = {"BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns(table)])
    target = str(folder).replace("'", "''")
    day = (f"coalesce(strptime(substr(CAST({day_column} AS VARCHAR), 1, 8), '%Y%m%d')::DATE::VARCHAR, 'unknown')")
    total = 0
    it = iter(records)
    while chunk := list(itertools.islice(it, batch)):
        arrow = pa.Table.from_pylist([dict(zip(schema.names, r)) for r in chunk], schema=schema)  # noqa: F841
        con.execute(f"COPY (SELECT *, {day} AS day FROM arrow) TO '{target}' "
                    f"({_OPTIONS}, FILENAME_PATTERN 'part_{{uuid}}')")
        total += len(chunk)
    return folder, total
