"""GDELT Global Knowledge Graph 2.1 records: one line per article, the 27 codebook columns.

Filled from what eventwire finds: V1/V2 locations (resolved places), persons and
organisations (NER mentions), all names, dates (TIMEX3 dates), quotations (direct quotes)
and the page title in Extras. Counts, themes, tone, GCAM, images and amounts are not
computed and stay empty. Each table is read once, ordered by article, and merged in a
stream, so memory does not grow with the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.dedup import outlet
from eventwire.export.codebook import column_names, gdelt_timestamp, geo_fields
from eventwire.export.gdelt import has_table, write_tsv

_DELIMS = re.compile(r"[,;#|<>\t\r\n]+")
_NAME_LABELS = ("PERSON", "ORG", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _clean(text: str | None) -> str:
    """GKG fields nest ; , # | as delimiters: they cannot appear inside a value."""
    return " ".join(_DELIMS.sub(" ", text or "").split())


def _grouped(con: Any, sql: str) -> Iterator[tuple[str, list[tuple]]]:
    """(article_id, rows) from a query whose first column is article_id, ordered by it."""
    cur = con.execute(sql)
    current: str | None = None
    rows: list[tuple] = []
    while chunk := cur.fetchmany(10_000):
        for r in chunk:
            if r[0] != current:
                if current is not None:
                    yield current, rows
                current, rows = r[0], []
            rows.append(r[1:])
    if current is not None:
        yield current, rows


class _Cursor:
    """Advance a grouped stream to an article id (both streams sorted the same way)."""

    def __init__(self, stream: Iterator[tuple[str, list[tuple]]]) -> None:
        self._stream = stream
        self._head = next(stream, None)

    def take(self, article_id: str) -> list[tuple]:
        while self._head is not None and self._head[0] < article_id:
            self._head = next(self._stream, None)
        if self._head is not None and self._head[0] == article_id:
            rows = self._head[1]
            self._head = next(self._stream, None)
            return rows
        return []


def _locations(rows: list[tuple]) -> tuple[str, str]:
    v1: dict[Any, str] = {}
    v2: list[str] = []
    for name, lat, lon, gid, iso2, adm1, fclass, start in rows:
        g = geo_fields(_clean(name), lat, lon, gid, iso2, adm1, fclass)
        if g["Type"] is None:
            continue
        parts = [g["Type"], g["FullName"], g["CountryCode"], g["ADM1Code"]]
        tail = [_num(g["Lat"]), _num(g["Long"]), g["FeatureID"]]
        v1.setdefault(gid or name, "#".join(_s(x) for x in (*parts, *tail)))
        v2.append("#".join(_s(x) for x in (*parts, g["ADM2Code"], *tail, start)))
    return ";".join(v1.values()), ";".join(v2)


def _names(rows: list[tuple], labels: tuple[str, ...]) -> tuple[str, str]:
    v1: dict[str, None] = {}
    v2: list[str] = []
    for label, text, start in rows:
        if label not in labels:
            continue
        name = _clean(text)
        if name:
            v1.setdefault(name, None)
            v2.append(f"{name},{start}")
    return ";".join(v1), ";".join(v2)


def _dates(rows: list[tuple]) -> str:
    """V2.1 Dates: Resolution#Month#Day#Year#Offset (4 full date, 2 month and year, 1 year)."""
    out = []
    for kind, value, start in rows:
        m = _DATE.match(value or "") if kind == "DATE" else None
        if not m:
            continue
        year, month, day = m.group(1), m.group(2), m.group(3)
        resolution = 4 if day else 2 if month else 1
        out.append(f"{resolution}#{int(month or 0)}#{int(day or 0)}#{int(year)}#{start}")
    return ";".join(out)


def _quotations(rows: list[tuple]) -> str:
    """V2.1 Quotations: Offset|Length|Verb|Quote, blocks joined by #; direct quotes only, as GDELT."""
    out = []
    for kind, start, end, cue, content in rows:
        if kind not in ("direct", "mixed") or start is None:
            continue
        out.append(f"{start}|{end - start}|{_clean(cue)}|{_clean(content)}")
    return "#".join(out)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _num(value: float | None) -> str:
    return "" if value is None else ("%.6f" % value).rstrip("0").rstrip(".")


def iter_gkg(con: Any) -> Iterator[list[Any]]:
    places = _Cursor(_grouped(con, """
        SELECT article_id, name, lat, lon, geonameid, country, admin1, feature_class, start_char
        FROM places WHERE lat IS NOT NULL ORDER BY article_id, start_char"""))
    mentions = _Cursor(_grouped(con, "SELECT article_id, label, text, start_char FROM mentions ORDER BY article_id, start_char"))
    timexes = _Cursor(_grouped(con, "SELECT article_id, type, value, start_char FROM timexes ORDER BY article_id, start_char"))
    quotes = _Cursor(_grouped(con, """
        SELECT article_id, kind, content_start_char, content_end_char, cue_text, content_text
        FROM quotes ORDER BY article_id, content_start_char"""))
    articles = con.execute("SELECT id, date, processed_at, source, url, input_ref, title FROM articles ORDER BY id")
    names = column_names("gkg")
    while chunk := articles.fetchmany(10_000):
        for aid, day, processed_at, source, url, input_ref, title in chunk:
            ts = gdelt_timestamp(day or processed_at)
            v1_loc, v2_loc = _locations(places.take(aid))
            found = mentions.take(aid)
            persons, v2_persons = _names(found, ("PERSON",))
            orgs, v2_orgs = _names(found, ("ORG",))
            _, all_names = _names(found, _NAME_LABELS)
            record = {
                "GKGRECORDID": f"{ts}-{aid}",  # GDELT: date-sequence; our article id keeps it stable
                "DATE": ts,
                "SourceCollectionIdentifier": 1 if url else None,  # 1 = WEB
                "SourceCommonName": outlet(source, url),
                "DocumentIdentifier": url or input_ref,
                "Locations": v1_loc or None,
                "V2Locations": v2_loc or None,
                "Persons": persons or None,
                "V2Persons": v2_persons or None,
                "Organizations": orgs or None,
                "V2Organizations": v2_orgs or None,
                "Dates": _dates(timexes.take(aid)) or None,
                "Quotations": _quotations(quotes.take(aid)) or None,
                "AllNames": all_names or None,
                "Extras": f"<PAGE_TITLE>{_clean(title)}</PAGE_TITLE>" if title else None,
            }
            yield [record.get(name) for name in names]


def export_gkg(con: Any, path: Path) -> int:
    if not has_table(con, "articles"):
        raise ValueError("no articles table: is this an eventwire database?")
    return write_tsv(iter_gkg(con), path, "gkg")
