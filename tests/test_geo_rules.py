"""Geo rules added for GeoWebNews: GeoNames country points, curated regions and oceans, codes
written in capitals, and "New York" the city unless listed among states.

Builds its own tiny gazetteer (the shared one in test_geo.py stays as it is) and reads the
small curated data files and installed registry packages directly.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from eventwire.geo import Gazetteer, build, find_places
from eventwire.geo.sources import Entry, _area_population, countries, regions
from eventwire.model import Article
from eventwire.nlp import load_nlp, parse


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


ROWS = [
    Entry(6252001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", 327_000_000, ["America"], ["US", "USA"]),
    Entry(2970985, "Us", 49.1, 1.97, "P", "PPL", "FR", "11", 1_300),
    Entry(5128638, "New York", 43.0, -75.5, "A", "ADM1", "US", "NY", 19_000_000, ["New York State"], ["NY"]),
    Entry(5128581, "New York City", 40.71427, -74.00597, "P", "PPL", "US", "NY", 8_804_190, ["New York"]),
    Entry(4398678, "Missouri", 38.25, -92.5, "A", "ADM1", "US", "MO", 6_000_000, [], ["MO"]),
    Entry(4482348, "North Carolina", 35.5, -80.0, "A", "ADM1", "US", "NC", 10_000_000, [], ["NC"]),
    Entry(6254928, "Virginia", 37.5, -78.9, "A", "ADM1", "US", "VA", 8_400_000, [], ["VA"]),
    Entry(498817, "Saint Petersburg", 59.93863, 30.31413, "P", "PPLA", "RU", "66", 5_351_935, ["St. Petersburg"]),
    Entry(4846960, "Atlantic", 41.4036, -95.01388, "P", "PPL", "US", "IA", 6_792),
    Entry(4140963, "Washington", 38.89511, -77.03637, "P", "PPLC", "US", "DC", 689_545),
    Entry(5815135, "Washington", 47.5, -120.5, "A", "ADM1", "US", "WA", 7_500_000, [], ["WA"]),
    Entry(5144600, "Watervliet", 42.73, -73.70, "P", "PPL", "US", "NY", 10_000, ["Washington"]),
    Entry(5795011, "Freeland", 48.0, -122.5, "P", "PPL", "US", "WA", 10),
    Entry(4994011, "Freeland", 43.5, -84.1, "P", "PPL", "US", "MI", 1_000_000),
    Entry(5793933, "Everett", 47.98, -122.20, "P", "PPL", "US", "WA", 10),
    Entry(4936159, "Everett", 42.41, -71.05, "P", "PPL", "US", "MA", 1_000_000),
    Entry(5799841, "Kent", 47.38, -122.23, "P", "PPL", "US", "WA", 10),
    Entry(5158164, "Kent", 41.15, -81.36, "P", "PPL", "US", "OH", 1_000_000),
    Entry(5794097, "Parkland", 47.16, -122.43, "P", "PPL", "US", "WA", 35_000),
    Entry(4167829, "Parkland", 26.31, -80.24, "P", "PPL", "US", "FL", 30_000),
    Entry(4155751, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL", 20_000_000, [], ["FL"]),
    Entry(4362001, "Middle East", 39.6, -76.6, "P", "PPL", "US", "MD", 1_200),
    Entry(4361885, "Maryland", 39.0, -76.75, "A", "ADM1", "US", "MD", 6_000_000, [], ["MD"]),
    Entry(6269131, "England", 52.44, -1.22, "A", "ADM1", "GB", "ENG", 53_000_000),
    Entry(2635167, "United Kingdom", 54.75844, -2.69531, "A", "PCLI", "GB", "00", 66_000_000, ["Britain"], ["UK", "GB"]),
    Entry(5746545, "Portland", 45.52345, -122.67621, "P", "PPL", "US", "OR", 652_503),
    Entry(4720131, "Portland", 27.87725, -97.32388, "P", "PPL", "US", "TX", 15_000),
    Entry(3489005, "Portland", 18.1, -76.5, "A", "ADM1", "JM", "07", 80_000),
    Entry(4736286, "Texas", 31.25, -99.25, "A", "ADM1", "US", "TX", 29_000_000, [], ["TX"]),
    Entry(4684888, "Dallas", 32.78306, -96.80667, "P", "PPL", "US", "TX", 1_300_000),
    Entry(3996063, "Mexico", 23.0, -102.0, "A", "PCLI", "MX", "00", 126_000_000, [], ["MX"]),
    Entry(3530597, "Mexico City", 19.42847, -99.12766, "P", "PPLC", "MX", "09", 12_294_193, ["Mexico"]),
    Entry(2097655, "Gulf", -7.96, 145.39, "A", "ADM1", "PG", "01", 6_358),
    Entry(289688, "Qatar", 25.5, 51.25, "A", "PCLI", "QA", "00", 2_700_000),
    *regions(),
]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer.open(build(tmp_path_factory.mktemp("georules") / "gaz.sqlite", entries=ROWS,
                                demonyms=[("British", "GB")]))


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _place(nlp, gaz, text: str, surface: str, nth: int = 0):
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2018, 1, 1))
    places = find_places(parse(article, nlp(text)), gazetteer=gaz)
    hits = [p for p in places if p.span.text == surface]
    assert len(hits) > nth, f"{surface!r} not found among {[p.span.text for p in places]}"
    return hits[nth]


def test_country_points_are_geonames_points_not_rounded_factbook_ones():
    # GeoNames puts Canada at 60.1N 113.6W and Japan at Tokyo; countryinfo's rounded points
    # (60N 95W; 36N 138E) are ~1,000 km and ~200 km away.
    points = {e.country: (e.lat, e.lon) for e in countries({})}
    assert _km(*points["CA"], 60.10867, -113.64258) < 100
    assert _km(*points["JP"], 35.68536, 139.75309) < 100
    assert _km(*points["IN"], 22.0, 79.0) < 100


def test_regions_file_has_oceans_and_regions_with_sane_points():
    rows = {e.name: e for e in regions()}
    assert {"Atlantic Ocean", "Middle East", "North Africa"} <= set(rows)
    assert "Atlantic" in rows["Atlantic Ocean"].alt_names
    assert rows["Atlantic Ocean"].fcode == "OCN" and rows["Middle East"].fcode == "RGN"
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 and e.id < 0 for e in rows.values())


def test_bare_atlantic_is_the_ocean_not_the_iowa_town(nlp, gaz):
    p = _place(nlp, gaz, "The storm formed over the Atlantic and moved west.", "Atlantic")
    assert p.name == "Atlantic Ocean" and p.feature_code == "OCN" and p.geonameid is None


def test_region_named_in_text_is_found_and_resolved(nlp, gaz):
    p = _place(nlp, gaz, "Oil prices rose after new fighting in the Middle East on Monday.", "Middle East")
    assert p.name == "Middle East" and p.lat is not None


def test_capital_code_is_the_country_not_a_village_named_like_it(nlp, gaz):
    p = _place(nlp, gaz, "A US serviceman was killed near the border on Friday.", "US")
    assert p.country == "US" and p.feature_code == "PCLI"


def test_new_york_is_the_city_by_default(nlp, gaz):
    p = _place(nlp, gaz, "Baltia wants to fly between New York and St. Petersburg next year.", "New York")
    assert p.name == "New York City"


def test_new_york_listed_with_states_is_the_state(nlp, gaz):
    text = "Dancers came from Missouri, New York, North Carolina and Virginia to perform."
    p = _place(nlp, gaz, text, "New York")
    assert p.feature_code == "ADM1" and p.name == "New York"


def test_code_found_as_organisation_prefix_reads_as_the_code_only(gaz):
    from eventwire.geo.lexicon import lexicon
    from eventwire.geo.recognize import Toponym
    from eventwire.geo.resolve import Resolver

    t = Toponym(0, 2, 0, 1, "org-prefix", norm_text="us")  # "US Special Forces"
    assert [c.name for c in Resolver(gaz, lexicon()).candidates(t, "US")] == ["United States"]


def test_small_towns_old_name_does_not_compete_with_the_place_bearing_it(gaz):
    from eventwire.geo.lexicon import lexicon
    from eventwire.geo.recognize import Toponym
    from eventwire.geo.resolve import Resolver

    t = Toponym(0, 10, 0, 1, "ner", norm_text="washington")
    names = {c.name for c in Resolver(gaz, lexicon()).candidates(t, "Washington")}
    assert names == {"Washington"}  # the capital and the state; not Watervliet, NY ("Washington" of old)


def test_capital_is_not_outvoted_by_states_namesake_towns(gaz):
    # Freeland, Everett and Kent all exist in Washington state: that must not make a bare
    # "Washington" the state rather than the capital.
    from eventwire.geo.lexicon import lexicon
    from eventwire.geo.recognize import Toponym
    from eventwire.geo.resolve import Resolver

    names = ["Washington", "Freeland", "Everett", "Kent"]
    topos = [Toponym(i * 20, i * 20 + len(n), i, i + 1, "ner", norm_text=n.lower()) for i, n in enumerate(names)]
    res = Resolver(gaz, lexicon())(topos, names)
    assert res[0].candidate.fcode == "PPLC"


def test_english_names_england_not_the_whole_kingdom(nlp, gaz):
    p = _place(nlp, gaz, "They were found in the southern English city of Salisbury.", "English")
    assert p.name == "England" and p.feature_code == "ADM1"


def test_country_named_with_and_is_not_split(nlp, tmp_path):
    rows = [Entry(3573591, "Trinidad and Tobago", 11.0, -61.0, "A", "PCLI", "TT", "00", 1_389_858),
            Entry(1707123, "La Trinidad", 16.455, 120.5875, "P", "PPL", "PH", "15", 142_925, ["Trinidad"])]
    small = Gazetteer.open(build(tmp_path / "tt.sqlite", entries=rows, demonyms=[]))
    text = "The singer was born in Trinidad and Tobago and moved to London."
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2018, 1, 1))
    places = find_places(parse(article, nlp(text)), gazetteer=small)
    assert [(p.span.text, p.country) for p in places][:1] == [("Trinidad and Tobago", "TT")]


def test_institution_word_ending_an_organisation_is_no_place(nlp, tmp_path):
    rows = [Entry(2597247, "Centre", 12.35, -1.53, "A", "ADM1", "BF", "03", 2_000_000),
            Entry(2650630, "Derry", 54.99, -7.31, "P", "PPL", "GB", "NIR", 85_000)]
    small = Gazetteer.open(build(tmp_path / "c.sqlite", entries=rows, demonyms=[]))
    text = "She was treated at the Northwest Cancer Centre in Derry last year."
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2018, 1, 1))
    assert [p.span.text for p in find_places(parse(article, nlp(text)), gazetteer=small)] == ["Derry"]


def test_kurdish_names_kurdistan_not_iraq():
    from eventwire.geo.lexicon import lexicon

    assert lexicon().demonyms["kurdish"] == "Kurdistan"
    assert "Kurdistan" in {e.name for e in regions()}


def test_context_votes_again_once_a_misread_name_is_corrected(gaz):
    # "Parkland" is first read as the (larger) Washington-state town and votes for that state;
    # once "Florida" puts Parkland in Florida, its vote must no longer make "Washington" the state.
    from eventwire.geo.lexicon import lexicon
    from eventwire.geo.recognize import Toponym
    from eventwire.geo.resolve import Resolver

    names = ["Washington", "Parkland", "Florida"]
    topos = [Toponym(i * 20, i * 20 + len(n), i, i + 1, "ner", norm_text=n.lower()) for i, n in enumerate(names)]
    res = Resolver(gaz, lexicon())(topos, names)
    assert [(r.candidate.fcode, r.candidate.admin1) for r in res] == [("PPLC", "DC"), ("PPL", "FL"), ("ADM1", "FL")]


def test_region_beats_a_namesake_town_in_an_american_article(nlp, gaz):
    text = "Lawmakers in Maryland and Virginia debated the Middle East on Monday, the United States said."
    p = _place(nlp, gaz, text, "Middle East")
    assert p.feature_code == "RGN"


def test_ner_part_grows_to_the_known_name_around_it(nlp, tmp_path):
    rows = [Entry(4017700, "Baja California", 30.0, -115.0, "A", "ADM1", "MX", "02", 3_300_000),
            Entry(5332921, "California", 37.25, -119.75, "A", "ADM1", "US", "CA", 39_000_000, [], ["CA"])]
    small = Gazetteer.open(build(tmp_path / "b.sqlite", entries=rows, demonyms=[]))
    text = "He lives in Baja California with his wife."  # spaCy tags "Baja" and "California" apart
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2018, 1, 1))
    places = find_places(parse(article, nlp(text)), gazetteer=small)
    assert [(p.span.text, p.country) for p in places] == [("Baja California", "MX")]


def test_sports_opponent_is_the_big_city_not_the_articles_local_namesake(nlp, gaz):
    # Without the cue the Texas context picks Portland, Texas; "against Portland" is a team from
    # Portland, Oregon, and every other mention of the name follows it.
    text = "Dallas, Texas, lost at home against Portland on Tuesday. Portland scored 110 points."
    first, again = _place(nlp, gaz, text, "Portland"), _place(nlp, gaz, text, "Portland", 1)
    assert first.lat == again.lat == pytest.approx(45.52345)
    assert first.rule.endswith("/team")


def test_without_an_opponent_cue_the_context_decides(nlp, gaz):
    text = "Dallas, Texas, and its neighbour Portland had storms on Tuesday."
    assert _place(nlp, gaz, text, "Portland").admin1 == "US-TX"


def test_dateline_with_agency_and_no_dash_is_found(nlp, gaz):
    place = _place(nlp, gaz, "MEXICO CITY (AP) Lawmakers passed a resolution on Monday.", "MEXICO CITY")
    assert place.name == "Mexico City" and place.rule.startswith("dateline")


def test_country_name_is_not_its_capitals_alternate_name(nlp, gaz):
    # The dateline votes for the capital's area; "Mexico" is still the country.
    place = _place(nlp, gaz, "MEXICO CITY (AP) Mexico's Senate passed a resolution on Monday.", "Mexico")
    assert place.feature_code == "PCLI"


def test_bare_gulf_in_the_news_is_the_persian_gulf_not_a_papuan_province(nlp, gaz):
    place = _place(nlp, gaz, "Saudi Arabia imposed an embargo on a fellow US ally in the Gulf, Qatar.", "Gulf")
    assert place.feature_code == "GULF" and place.name == "Persian Gulf"


def test_trinidad_alone_names_trinidad_and_tobago():
    aliases = {a for e in countries({}) if e.country == "TT" for a in e.alt_names}
    assert "Trinidad" in aliases


def test_area_does_not_take_the_population_of_a_misfiled_city_of_another_name():
    towns = {(-31.952, 115.861): 2_384_371, (-31.937, 115.81): 3_000}
    pts = [(-31.95224, 115.8614, "Perth"), (-31.93700, 115.81000, "Wembley")]
    assert _area_population("Cambridge", pts, towns) == 3_000
    # The area's own city, or a county's small seat of another name, still counts.
    assert _area_population("Perth", pts, towns) == 2_387_371
    small = {(33.834, -87.277): 14_000, (33.9, -87.3): 1_000}
    assert _area_population("Walker County", [(33.83400, -87.27700, "Jasper"), (33.9, -87.3, "Cordova")], small) == 15_000
