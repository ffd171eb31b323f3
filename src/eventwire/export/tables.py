"""Plain table exports: every table of the database, one file each, via DuckDB's COPY."""

from __future__ import annotations

from pathlib import Path

from eventwire.schema import TABLES
from eventwire.store import Store

_COPY_OPTIONS = {
    "parquet": ("parquet", "(FORMAT parquet, COMPRESSION zstd)"),
    "jsonl": ("jsonl", "(FORMAT json)"),
    "csv": ("csv", "(FORMAT csv, HEADER true)"),
}


def export_tables(store: Store, out: Path, fmt: str) -> list[tuple[Path, int]]:
    """Write each table to ``out/<table>.<ext>``; returns (path, rows) pairs."""
    if fmt not in _COPY_OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}")
    ext, options = _COPY_OPTIONS[fmt]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out / f"{table}.{ext}"
        # COPY takes no bound parameters for its target; the path is ours, quoted safely.
        target = str(path).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' {options}")
        written.append((path, store.count(table)))
    return written
