"""Geoparsing: gazetteer build/lookup, toponym recognition and resolution, event locations.

Uses a tiny gazetteer built from a few GeoNames-like rows (so the tests run in seconds
and do not depend on the ~60 MB cache), with the real spaCy model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.geo import Gazetteer, build, find_places, locate_events
from eventwire.geo.gazetteer import default_path
from eventwire.geo.normalize import is_latin, norm
from eventwire.geo.sources import Entry, country_centre
from eventwire.model import Article, Event
from eventwire.nlp import load_nlp, parse

ROWS = [
    # id, name, lat, lon, fclass, fcode, country, admin1, population, alternate names, abbreviations
    Entry(163843, "Syria", 35.0, 38.5, "A", "PCLI", "SY", "00", 22_000_000, ["Syrian Arab Republic"], ["SY", "SYR"]),
    Entry(163808, "Tadmur", 34.5624, 38.28402, "P", "PPL", "SY", "11", 51_015, ["Palmyra", "Tadmor", "Tedmor"]),
    Entry(5206379, "Palmyra", 40.3098, -76.5933, "P", "PPL", "US", "PA", 7_320),
    Entry(5131135, "Palmyra", 43.0637, -77.2333, "P", "PPL", "US", "NY", 3_536),
    Entry(170794, "Deir ez-Zor", 35.33588, 40.14084, "P", "PPL", "SY", "07", 271_800,
          ["Deir al-Zor", "Dayr az Zawr", "Deir el-Zor"]),
    Entry(170792, "Dayr az Zawr", 35.0, 40.5, "A", "ADM1", "SY", "07", 1_200_000, ["Deir ez-Zor Governorate"], ["DY"]),
    Entry(6252001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", 327_000_000,
          ["United States of America", "America"], ["US", "USA"]),
    Entry(2658434, "Switzerland", 47.0, 8.0, "A", "PCLI", "CH", "00", 8_500_000, [], ["CH"]),
    Entry(357994, "Egypt", 27.0, 30.0, "A", "PCLI", "EG", "00", 98_000_000, [], ["EG"]),
    Entry(2660646, "Geneva", 46.20222, 6.14569, "P", "PPL", "CH", "GE", 183_981, ["Geneve", "Genf"]),
    Entry(2660645, "Genève", 46.2, 6.1, "A", "ADM1", "CH", "GE", 500_000, ["Geneva"], ["GE"]),
    Entry(4893591, "Geneva", 41.8875, -88.30535, "P", "PPL", "US", "IL", 21_495),
    Entry(361058, "Alexandria", 31.20176, 29.91582, "P", "PPL", "EG", "06", 3_811_516, ["Al Iskandariyah"]),
    Entry(4744091, "Alexandria", 38.80484, -77.04692, "P", "PPL", "US", "VA", 159_467),
    Entry(4314550, "Alexandria", 31.31129, -92.44514, "P", "PPL", "US", "LA", 47_723),
    Entry(4331987, "Louisiana", 31.0, -92.0, "A", "ADM1", "US", "LA", 4_500_000, ["State of Louisiana"], ["LA"]),
    Entry(6254928, "Virginia", 37.5, -78.9, "A", "ADM1", "US", "VA", 8_400_000, [], ["VA"]),
    Entry(4140963, "Washington", 38.89511, -77.03637, "P", "PPLC", "US", "DC", 689_545, ["Washington D.C."]),
    Entry(5815135, "Washington", 47.5, -120.5, "A", "ADM1", "US", "WA", 7_500_000, [], ["WA"]),
    Entry(5549222, "Washington", 37.13054, -113.50829, "P", "PPL", "US", "UT", 27_993),
    Entry(5128581, "New York City", 40.71427, -74.00597, "P", "PPL", "US", "NY", 8_804_190, ["New York"]),
]
DEMONYMS = [("Syrian", "SY"), ("Swiss", "CH"), ("Egyptian", "EG")]


@pytest.fixture(scope="session")
def gaz(tmp_path_factory) -> Gazetteer:
    path = build(tmp_path_factory.mktemp("geo") / "gaz.sqlite", entries=ROWS, demonyms=DEMONYMS)
    return Gazetteer.open(path)


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def _parsed(nlp, text: str):
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2016, 3, 23))
    return parse(article, nlp(text))


def _places(nlp, gaz, text: str, **kw):
    return find_places(_parsed(nlp, text), gazetteer=gaz, **kw)


def _at(places, surface: str):
    hits = [p for p in places if p.span.text == surface]
    assert hits, f"{surface!r} not found among {[p.span.text for p in places]}"
    return hits[0]


# -- gazetteer ----------------------------------------------------------------------------

def test_norm_folds_spelling_variants():
    assert norm("Deir ez-Zor") == norm("DEIR EZ ZOR") == "deir ez zor"
    assert norm("Deïr ez Zor") == "deir ez zor"
    assert norm("U.S.") == "us"
    assert norm("Dar’a") == norm("Dar'a") == "dara"
    assert is_latin("Tadmur") and not is_latin("تدمر")


def test_gazetteer_lookup_variants_and_kinds(gaz):
    assert {c.name for c in gaz.lookup("palmyra")} == {"Tadmur", "Palmyra"}
    assert [c.country for c in gaz.lookup(norm("Dayr az Zawr")) if c.fclass == "P"] == ["SY"]
    assert gaz.lookup_abbreviation("US")[0].name == "United States"
    assert gaz.lookup_abbreviation("us") == ()
    assert gaz.demonym("syrian") == "SY"
    assert gaz.admin1_code("US", "LA") == "US-LA"
    assert gaz.lookup("atlantis") == ()


def test_default_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    assert default_path() == tmp_path / "gazetteer-v1.sqlite"


def test_open_builds_when_missing(monkeypatch, tmp_path, capsys):
    import eventwire.geo.gazetteer as g

    calls = []

    def fake_build(path):
        calls.append(path)
        return build(path, entries=ROWS[:2])

    monkeypatch.setattr(g, "build", fake_build)
    gz = g.Gazetteer.open(tmp_path / "x.sqlite")
    assert calls and gz.lookup("tadmur")[0].id == 163808
    assert "building it once" in capsys.readouterr().err


def test_stale_default_gazetteer_is_rebuilt(monkeypatch, tmp_path, capsys):
    import eventwire.geo.gazetteer as g

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    build(g.default_path(), entries=ROWS[:1])  # recipe "custom": not the current one
    assert g.stored_fingerprint(g.default_path()) == "custom"
    rebuilt = []
    monkeypatch.setattr(g, "build", lambda path: rebuilt.append(path) or path)
    g.Gazetteer.open()
    assert rebuilt == [g.default_path()] and "rebuilding" in capsys.readouterr().err
    assert g.fingerprint() == g.fingerprint() and len(g.fingerprint()) == 16


def test_country_centre_uses_largest_polygon():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    islet = [[50, 50], [51, 50], [51, 51], [50, 51], [50, 50]]
    rec = {"geoJSON": {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [[islet], [square]]}}]}}
    lat, lon = country_centre(rec)
    assert lat == pytest.approx(5.0) and lon == pytest.approx(5.0)


# -- recognition and resolution ------------------------------------------------------------

def test_palmyra_tagged_person_is_found_and_resolved(nlp, gaz):
    text = "Syrian government forces pushed into Palmyra on Wednesday, a monitoring group said."
    places = _places(nlp, gaz, text)
    p = _at(places, "Palmyra")
    assert p.name == "Tadmur" and p.country == "SY"
    assert p.lat == pytest.approx(34.56, abs=0.05) and p.lon == pytest.approx(38.27, abs=0.05)
    assert p.geonameid == 163808


def test_deir_al_zor_variant(nlp, gaz):
    p = _at(_places(nlp, gaz, "Islamic State fighters attacked Deir al-Zor again."), "Deir al-Zor")
    assert p.name == "Deir ez-Zor" and p.country == "SY" and p.feature_class == "P"


def test_geneva_switzerland_is_swiss(nlp, gaz):
    places = _places(nlp, gaz, "Peace talks resumed in Geneva, Switzerland, on Monday.")
    p = _at(places, "Geneva")
    assert p.country == "CH" and p.feature_class == "P"
    assert _at(places, "Switzerland").feature_code == "PCLI"


def test_alexandria_louisiana_admin_consistency(nlp, gaz):
    places = _places(nlp, gaz, "Chiquita Henry, 19, of Alexandria, Louisiana, was arrested on Friday.")
    p = _at(places, "Alexandria")
    assert (p.country, p.admin1) == ("US", "US-LA")
    assert "container" in p.rule


def test_alexandria_with_ap_state_abbreviation(nlp, gaz):
    p = _at(_places(nlp, gaz, "The fire broke out in Alexandria, La., late on Sunday."), "Alexandria")
    assert p.admin1 == "US-LA"


def test_alexandria_alone_is_the_big_one(nlp, gaz):
    p = _at(_places(nlp, gaz, "Protesters marched through Alexandria and Cairo."), "Alexandria")
    assert p.country == "EG"


def test_demonym_resolves_to_country_and_can_be_filtered(nlp, gaz):
    text = "Syrian troops advanced on Tuesday."
    p = _at(_places(nlp, gaz, text), "Syrian")
    assert p.country == "SY" and p.rule == "demonym" and p.feature_code == "PCLI"
    assert all(p.rule != "demonym" for p in _places(nlp, gaz, text, demonyms=False))


def test_washington_in_us_politics_is_the_capital(nlp, gaz):
    text = ("The senator returned to Washington on Tuesday after the vote. Lawmakers in the United States "
            "Congress said the bill would pass.")
    p = _at(_places(nlp, gaz, text), "Washington")
    assert p.feature_code == "PPLC" and p.lat == pytest.approx(38.9, abs=0.1)


def test_bare_code_needs_upper_case(nlp, gaz):
    places = _places(nlp, gaz, "Officials in the US said talks would go on.")
    assert _at(places, "US").name == "United States"


def test_dateline_in_text_sets_context(nlp, gaz):
    text = "ALEXANDRIA, La. -- A woman was charged on Friday. Police in Alexandria said the fire was set."
    places = _places(nlp, gaz, text)
    assert all(p.admin1 == "US-LA" for p in places if p.name == "Alexandria")


def test_places_carry_offsets_and_sentence(nlp, gaz):
    text = "Nothing happened. Then fighting broke out near Palmyra."
    p = _at(_places(nlp, gaz, text), "Palmyra")
    assert text[p.span.start:p.span.end] == "Palmyra" and p.sentence == 1
    assert 0 < p.confidence <= 1


# -- event locations ------------------------------------------------------------------------

def _event(text: str, trigger: str, sentence: int = 0, evidence: str | None = None) -> Event:
    from eventwire.model import Span

    start = text.index(trigger)
    ev_text = evidence or text
    ev_start = text.index(ev_text)
    return Event(sentence=sentence, evidence=Span(ev_start, ev_start + len(ev_text), ev_text),
                 trigger=Span(start, start + len(trigger), trigger),
                 event_type="ASSAULT", mode=None, cameo_code=None, quad_class=None, goldstein=None,
                 source=None, target=None)


def test_event_overlooking_palmyra(nlp, gaz):
    text = "Syrian troops seize hills overlooking Palmyra."
    parsed = _parsed(nlp, text)
    places = find_places(parsed, gazetteer=gaz)
    [ev] = locate_events(parsed, [_event(text, "seize")], places)
    assert ev.location is not None and ev.location.name == "Tadmur"
    assert ev.location_rule in {"overlooking", "prep-attached"}


def test_event_prep_attached_beats_other_places(nlp, gaz):
    text = "Government forces shelled rebel positions in Deir al-Zor, officials in Geneva said."
    parsed = _parsed(nlp, text)
    places = find_places(parsed, gazetteer=gaz)
    [ev] = locate_events(parsed, [_event(text, "shelled")], places)
    assert ev.location.name == "Deir ez-Zor" and ev.location_rule == "prep-attached"


def test_event_falls_back_to_article_main_place(nlp, gaz):
    text = "Syrian troops fought near Palmyra. Palmyra was shelled again. The army attacked at dawn."
    parsed = _parsed(nlp, text)
    places = find_places(parsed, gazetteer=gaz)
    [ev] = locate_events(parsed, [_event(text, "attacked", sentence=2, evidence="The army attacked at dawn.")], places)
    assert ev.location.name == "Tadmur" and ev.location_rule == "article-main"


def test_event_without_any_place_is_left_empty(nlp, gaz):
    text = "The army attacked at dawn."
    parsed = _parsed(nlp, text)
    [ev] = locate_events(parsed, [_event(text, "attacked")], find_places(parsed, gazetteer=gaz))
    assert ev.location is None and ev.location_rule is None


def test_is_held_is_not_a_place_and_event_is_at_palmyra(nlp, gaz):
    text = "Syrian army seizes hills overlooking IS-held town of Palmyra."
    parsed = _parsed(nlp, text)
    places = find_places(parsed, gazetteer=gaz)
    assert not any(p.span.text.startswith("IS") for p in places)
    [ev] = locate_events(parsed, [_event(text, "seizes")], places)
    assert ev.location.name == "Tadmur" and ev.location_rule == "overlooking"


def test_place_opening_an_organisation_name(nlp, gaz):
    places = _places(nlp, gaz, "Officers of the Alexandria Police Department in Louisiana said the man was released.")
    p = _at(places, "Alexandria")
    assert p.admin1 == "US-LA"


def test_same_name_mentions_share_one_reading(nlp, gaz):
    text = ("Fire destroyed a home in Alexandria, La., on Friday. Alexandria firefighters said "
            "the Alexandria blaze started in the kitchen.")
    hits = [p for p in _places(nlp, gaz, text) if p.span.text == "Alexandria"]
    assert len(hits) >= 2 and {p.admin1 for p in hits} == {"US-LA"}


def test_person_names_are_not_places(nlp, gaz):
    assert _places(nlp, gaz, "Susan Smith told reporters she was happy.") == []


def test_article_dateline_metadata_sets_context(nlp, gaz):
    text = "Police in Alexandria said the fire was set on purpose."
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2009, 3, 20), dateline="ALEXANDRIA, La. (AP)")
    p = _at(find_places(parse(article, nlp(text)), gazetteer=gaz), "Alexandria")
    assert p.admin1 == "US-LA"


def test_lists_and_name_particles(nlp, gaz):
    places = _places(nlp, gaz, "Air strikes hit Deir al-Zor, Tadmor and Alexandria overnight.")
    assert _at(places, "Tadmor").name == "Tadmur"
    places = _places(nlp, gaz, "Shelling continued near Dayr az Zawr on Sunday.")
    assert _at(places, "Dayr az Zawr").country == "SY"
