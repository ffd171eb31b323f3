"""The package's tab-separated knowledge files (``eventwire/data/<stage>/*.tsv``), read one way.

Every stage keeps its dictionaries as TSV under ``eventwire/data`` so that users can read and
correct them without reading code. They share one convention: ``#`` starts a comment line,
blank lines are ignored, cells are separated by tabs, and some files open with a header row.
Reading them through :func:`tsv_rows` keeps that convention in one place, and works from a
wheel as well as from a checkout.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """A file under ``eventwire/data`` ("events", "cameo.tsv")."""
    return resources.files("eventwire").joinpath("data", *parts)


def tsv_rows(*parts: str, header: bool) -> list[list[str]]:
    """The cells (stripped) of each data row of ``eventwire/data/<parts>``; with ``header``,
    the first row that is not a comment is the header and is left out."""
    rows = [
        [cell.strip() for cell in line.split("\t")]
        for line in data_file(*parts).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return rows[1:] if header else rows
