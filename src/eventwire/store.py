"""DuckDB storage: one file holds articles, their mentions and events, and every failure.

Writes go in one transaction per batch, so an interrupted run loses at most the batch in
flight, and re-running skips articles already stored (the article id is a content hash).
Rows are inserted through Arrow tables rather than row-by-row ``executemany``, which
DuckDB runs orders of magnitude slower.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.model import Document, Failure
from eventwire.rows import Row, batch_rows
from eventwire.schema import ARTICLE_TABLES, TABLES, TABLES_ADDED_IN, arrow_schema, create_table_sql

SCHEMA_VERSION = 2

_LATER_TABLES = {t for added in TABLES_ADDED_IN.values() for t in added}

# Each migration brings the schema from version N-1 to N. Version 1 creates the original tables.
MIGRATIONS: dict[int, Sequence[str]] = {
    1: tuple(create_table_sql(t) for t in TABLES if t not in _LATER_TABLES),
    2: tuple(create_table_sql(t) for t in TABLES_ADDED_IN[2]),  # dedup: article and event groups
}


class SchemaTooNew(RuntimeError):
    """The database was written by a newer eventwire."""


def traceback_digest(exc: BaseException) -> str:
    """A short, stable fingerprint of where an error came from, plus its last frames."""
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    digest = hashlib.sha1(where.encode()).hexdigest()[:10]
    return f"{type(exc).__name__} [{digest}] {where}"


class Store:
    """An eventwire DuckDB database."""

    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"no eventwire database at {self.path}")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.migrate()

    # -- schema -----------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path} has schema version {current}; this eventwire knows up to {SCHEMA_VERSION}"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for sql in MIGRATIONS[version]:
                self.con.execute(sql)
            self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
            self.con.execute("COMMIT")

    # -- reads ------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """Which of ``ids`` are stored, each with the input it was first processed from."""
        ids = list(ids)
        if not ids:
            return {}
        rows = self.con.execute("SELECT id, input_ref FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0]: r[1] for r in rows}

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- writes -----------------------------------------------------------------
    def write_batch(
        self,
        documents: Sequence[Document] = (),
        failures: Sequence[Failure] = (),
        duplicates: Sequence[tuple[str, str]] = (),
        skipped: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Store a batch in one transaction: all of it lands, or none of it.

        ``duplicates`` are (input_ref, article_id) pairs skipped because the article was
        already stored; ``skipped`` are (input_ref, reason) pairs not processed on purpose
        (e.g. another language); both are recorded in ``inputs`` so every input has an outcome.
        """
        tables = batch_rows(documents, failures, duplicates, skipped, _now())
        ids = [d.article.id for d in documents]
        processed_refs = [d.article.input_ref for d in documents]
        self.con.execute("BEGIN TRANSACTION")
        try:
            if ids:  # a re-processed article replaces its old rows
                for t in (*ARTICLE_TABLES,):
                    self.con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT unnest(?))", [ids])
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])
                self.con.execute("DELETE FROM failures WHERE input_ref IN (SELECT unnest(?))", [processed_refs])
            refs = [r["input_ref"] for r in tables["inputs"]]
            if refs:
                self.con.execute("DELETE FROM inputs WHERE input_ref IN (SELECT unnest(?))", [refs])
            failed_refs = [r["input_ref"] for r in tables["failures"]]
            if failed_refs:
                self.con.execute("DELETE FROM failures WHERE input_ref IN (SELECT unnest(?))", [failed_refs])
            for name, rows in tables.items():
                if rows:
                    self._insert(name, _dedupe_last(name, rows))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, rows: list[Row]) -> None:
        arrow = pa.Table.from_pylist(rows, schema=arrow_schema(table))  # noqa: F841 (used by DuckDB)
        self.con.execute(f"INSERT INTO {table} SELECT * FROM arrow")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _dedupe_last(table: str, rows: list[Row]) -> list[Row]:
    """Within one batch the same input may appear twice (e.g. a file listed twice): keep the last."""
    if table not in ("inputs", "failures"):
        return rows
    by_ref: dict[str, Row] = {}
    for r in rows:
        by_ref[r["input_ref"]] = r
    return list(by_ref.values())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
