"""The interchange formats by name, as ``eventwire export --format`` offers them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.export.gdelt import export_gdelt_events, export_gdelt_mentions
from eventwire.export.gkg import export_gkg
from eventwire.export.partitioned import export_partitioned
from eventwire.export.plover import export_plover

FILE_NAMES = {
    "gdelt-events": "events.gdelt.tsv",
    "gdelt-mentions": "mentions.gdelt.tsv",
    "gkg": "gkg.tsv",
    "plover": "plover.jsonl",
}


def export_format(con: Any, out: Path, fmt: str) -> list[tuple[Path, int]]:
    """Write ``fmt`` under the folder ``out``; returns (path, rows) pairs."""
    if fmt == "parquet-by-day":
        return export_partitioned(con, out)
    if fmt not in FILE_NAMES:
        raise ValueError(f"unknown export format {fmt!r}")
    path = out / FILE_NAMES[fmt]
    writer = {"gdelt-events": export_gdelt_events, "gdelt-mentions": export_gdelt_mentions,
              "gkg": export_gkg, "plover": export_plover}[fmt]
    return [(path, writer(con, path))]
