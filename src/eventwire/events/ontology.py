"""CAMEO and PLOVER as data: one lookup from a CAMEO code to everything an Event needs.

The tables live in ``eventwire/data/events`` so users can read (and correct) the ontology
without reading code; this module only parses them once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from eventwire.datafiles import data_file, tsv_rows


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


def data_path(name: str):
    """A file of the events data folder (works from a wheel as well as a checkout)."""
    return data_file("events", name)


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated file of the events data folder, without comments and header."""
    return tsv_rows("events", name, header=True)


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for row in read_tsv("cameo.tsv"):
        row += [""] * (7 - len(row))
        code, name, goldstein, quad, ptype, pmode, pctx = row[:7]
        table[code] = CameoCode(
            code=code,
            name=name,
            goldstein=float(goldstein),
            quad_class=int(quad),
            plover_type=ptype or None,
            plover_mode=pmode or None,
            plover_context=tuple(c for c in pctx.split(";") if c),
        )
    return table


def cameo(code: str) -> CameoCode | None:
    """The CAMEO entry for ``code``, falling back to its parent code (``1831`` -> ``183``)."""
    table = cameo_table()
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


@lru_cache(maxsize=1)
def plover() -> dict:
    """PLOVER types with their modes, contexts and sectors (``plover.json``)."""
    return json.loads(data_path("plover.json").read_text(encoding="utf-8"))


def is_valid_mode(event_type: str | None, mode: str | None) -> bool:
    if not mode:
        return True
    return mode in plover()["modes_all"]
