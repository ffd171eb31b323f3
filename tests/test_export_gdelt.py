"""GDELT 2.0 Event/Mentions, GKG 2.1, PLOVER and day-partitioned Parquet exports.

The database is built from hand-made records (no spaCy), so the expected values are known
exactly; the files are read back with the codebooks' column layouts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import duckdb
import pytest

from eventwire.dedup import dedup_store, event_id
from eventwire.export.codebook import actor_code_fields, column_names, geo_fields, read_gdelt
from eventwire.export.formats import export_format
from eventwire.model import Actor, Article, Document, Event, Mention, Place, Quote, Sentence, TimeExpr
from eventwire.store import Store

TEXT = (
    "Syrian troops shelled Palmyra on Tuesday. "
    "\u201cWe will retake the city,\u201d said Bashar al-Assad. "
    "Russian jets struck Palmyra too."
)


def _doc(aid: str, text: str = TEXT, source: str = "Wire A", url: str | None = "https://a.example/1",
         day: dt.date = dt.date(2016, 3, 23), negated_second: bool = False) -> Document:
    art = Article(id=aid, text=text, raw_text=text, date=day, source=source, url=url, title="Palmyra, again",
                  input_ref=f"{aid}.txt")
    s = text.index
    syr = Actor(art.span(0, 14), 0, "Syrian troops", "SYR MIL", "SYR", "MIL", "group")
    rus = Actor(art.span(s("Russian"), s("Russian") + 12), 2, "Russian jets", "RUS MIL", "RUS", "MIL", "group")
    palmyra = Place(art.span(s("Palmyra"), s("Palmyra") + 7), 0, "Palmyra", 34.56, 38.28, 170252, "P", "PPL",
                    "SY", "13")
    syria = Place(art.span(0, 6), 0, "Syria", 35.0, 38.0, 163843, "A", "PCLI", "SY", None)
    shelled = art.span(s("shelled"), s("shelled") + 7)
    struck = art.span(s("struck"), s("struck") + 6)
    events = (
        Event(0, art.span(0, s(" on Tuesday")), shelled, "ASSAULT", "aerial", "195", 4, -10.0, syr, None,
              location=palmyra, date_start=day, confidence=0.8),
        Event(2, art.span(s("Russian"), len(text) - 1), struck, "ASSAULT", None, "19", 0, -10.0, rus, None,
              negated=negated_second, location=palmyra, date_start=day, confidence=0.5),
    )
    q_start = s("\u201c") + 1
    quote = Quote((art.span(q_start, s(",\u201d")),), 1, "direct", art.span(s("Bashar"), s("Bashar") + 15),
                  art.span(s("said"), s("said") + 4), speaker="Bashar al-Assad")
    return Document(
        article=art,
        sentences=(Sentence(0, art.span(0, 41)),),
        mentions=(Mention("PERSON", art.span(s("Bashar"), s("Bashar") + 15), 1),
                  Mention("NORP", art.span(0, 6), 0)),
        actors=(syr, rus),
        places=(syria, palmyra),
        timexes=(TimeExpr(art.span(s("Tuesday"), s("Tuesday") + 7), 0, "DATE", day.isoformat(), day, day),),
        quotes=(quote,),
        events=events,
    )


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "ew.duckdb"
    with Store(path) as store:
        store.write_batch([_doc("a1"), _doc("a2", source="Wire B", url="https://b.example/2", negated_second=True)])
    return path


def test_actor_codes_split_as_gdelt_writes_them():
    f = actor_code_fields("SYR MIL")
    assert (f["Code"], f["CountryCode"], f["Type1Code"], f["KnownGroupCode"]) == ("SYRMIL", "SYR", "MIL", None)
    f = actor_code_fields("IGO UNO")
    assert (f["Code"], f["CountryCode"], f["Type1Code"], f["KnownGroupCode"]) == ("IGOUNO", None, "IGO", "UNO")
    f = actor_code_fields("IMGMUSISI")
    assert (f["Type1Code"], f["Religion1Code"], f["KnownGroupCode"]) == ("IMG", "MUS", "ISI")
    assert actor_code_fields(None)["Code"] is None
    assert actor_code_fields("ABCD")["CountryCode"] is None  # not three-letter parts: code kept, nothing claimed


def test_fraction_date_as_gdelt_computes_it():
    from eventwire.export.codebook import fraction_date

    assert fraction_date(dt.date(1979, 1, 1)) == 1979.0027
    assert fraction_date(dt.date(2015, 2, 18)) == 2015.1315


def test_geography_uses_fips_and_codebook_types():
    g = geo_fields("Palmyra", 34.56, 38.28, 170252, "SY", "13", "P")
    assert (g["Type"], g["CountryCode"], g["ADM1Code"], g["FeatureID"]) == (4, "SY", "SY13", "170252")
    assert g["FullName"] == "Palmyra, Syria"
    assert geo_fields("Pennsylvania", 41.0, -77.5, 6254927, "US", "US-PA", "A")["ADM1Code"] == "USPA"
    assert geo_fields("Pennsylvania", 41.0, -77.5, 6254927, "US", "US-PA", "A")["Type"] == 2
    assert geo_fields("Bavaria", 49.0, 11.4, 2951839, "DE", "DE-BY", "A")["ADM1Code"] is None  # ISO, not FIPS
    assert geo_fields("Germany", 51.5, 10.5, 2921044, "DE", None, "A")["Type"] == 1
    assert geo_fields("Germany", 51.5, 10.5, 2921044, "DE", None, "A")["CountryCode"] == "GM"


def test_gdelt_events_read_back_with_codebook_layout(db, tmp_path):
    with Store(db, read_only=True) as store:
        [(path, n)] = export_format(store.con, tmp_path / "out", "gdelt-events")
    assert n == 3  # two articles × two events, less the negated one
    first = path.read_text().splitlines()[0]
    assert len(first.split("\t")) == 61 and not first.startswith("GLOBALEVENTID")  # no header, as GDELT
    assert [line.split("\t")[0] for line in path.with_name(path.name + ".columns").read_text().splitlines()] == \
        column_names("events")
    rel = read_gdelt(str(path), "events")
    assert rel.columns == column_names("events") and len(rel.columns) == 61
    rows = {r["EventCode"] + r["SOURCEURL"]: r for r in _records(rel)}
    r = rows["195https://a.example/1"]
    assert r["GLOBALEVENTID"] == event_id("a1", 0)
    assert (r["SQLDATE"], r["MonthYear"], r["Year"], r["FractionDate"]) == (20160323, 201603, 2016, 2016.2274)
    assert (r["Actor1Code"], r["Actor1CountryCode"], r["Actor1Type1Code"], r["Actor1Name"]) == \
        ("SYRMIL", "SYR", "MIL", "SYRIAN TROOPS")
    assert (r["EventBaseCode"], r["EventRootCode"], r["QuadClass"], r["GoldsteinScale"]) == ("195", "19", 4, -10.0)
    assert (r["ActionGeo_Type"], r["ActionGeo_CountryCode"], r["ActionGeo_ADM1Code"]) == (4, "SY", "SY13")
    assert r["ActionGeo_Lat"] == pytest.approx(34.56) and r["ActionGeo_FeatureID"] == "170252"
    assert r["NumMentions"] == 1 and r["IsRootEvent"] == 1 and r["DATEADDED"] == 20160323000000
    assert r["AvgTone"] is None  # tone is not computed, so it stays empty
    assert all(r[f"Actor1Geo_{k}"] != r[f"Actor1Geo_{k}"] or r[f"Actor1Geo_{k}"] is None for k in ("Type", "Lat"))
    r19 = rows["190https://a.example/1"]  # a two-digit root code is written as GDELT's three-digit code
    assert (r19["EventCode"], r19["QuadClass"], r19["IsRootEvent"]) == ("190", 4, 0)


def test_dedup_merges_events_into_counts_and_mentions_keep_evidence(db, tmp_path):
    with Store(db) as store:
        stats = dedup_store(store)
        assert stats.duplicate_articles == 1 and stats.article_groups == 1
        [(ev_path, n_events)] = export_format(store.con, tmp_path / "o", "gdelt-events")
        [(me_path, n_mentions)] = export_format(store.con, tmp_path / "o", "gdelt-mentions")
    assert (n_events, n_mentions) == (2, 3)
    events = {r["EventCode"]: r for r in _records(read_gdelt(str(ev_path), "events"))}
    assert events["195"]["NumMentions"] == 2 and events["195"]["NumArticles"] == 2
    assert events["195"]["NumSources"] == 2 and events["190"]["NumMentions"] == 1
    mentions = _records(read_gdelt(str(me_path), "mentions"))
    assert len(mentions[0]) == 16
    shelling = [m for m in mentions if m["GLOBALEVENTID"] == events["195"]["GLOBALEVENTID"]]
    assert sorted(m["MentionSourceName"] for m in shelling) == ["a.example", "b.example"]
    assert {m["ActionCharOffset"] for m in shelling} == {TEXT.index("shelled")}
    assert {m["SentenceID"] for m in shelling} == {1}
    assert {m["Actor2CharOffset"] for m in shelling} == {-1} and {m["Confidence"] for m in shelling} == {80}
    assert {m["MentionDocLen"] for m in shelling} == {len(TEXT)}


def test_gkg_record_fields(db, tmp_path):
    with Store(db, read_only=True) as store:
        [(path, n)] = export_format(store.con, tmp_path / "g", "gkg")
    assert n == 2
    rows = _records(read_gdelt(str(path), "gkg"))
    assert len(rows[0]) == 27
    r = next(r for r in rows if r["DocumentIdentifier"] == "https://a.example/1")
    assert r["GKGRECORDID"] == "20160323000000-a1" and r["DATE"] == 20160323000000
    assert r["V2Persons"] == f"Bashar al-Assad,{TEXT.index('Bashar')}"
    assert r["V2Locations"].split(";")[1] == f"4#Palmyra, Syria#SY#SY13##34.56#38.28#170252#{TEXT.index('Palmyra')}"
    assert r["Locations"].split(";")[0] == "1#Syria#SY#SY#35#38#SY"
    assert r["Dates"] == f"4#3#23#2016#{TEXT.index('Tuesday')}"
    offset, length, verb, quote = r["Quotations"].split("|")
    assert (int(offset), verb, quote) == (TEXT.index("We"), "said", "We will retake the city")
    assert int(length) == len("We will retake the city")
    assert r["Extras"] == "<PAGE_TITLE>Palmyra again</PAGE_TITLE>"  # the delimiter comma removed
    for empty in ("V2Tone", "Themes", "Counts", "GCAM", "Amounts"):
        assert r[empty] is None


def test_plover_records_carry_mentions(db, tmp_path):
    with Store(db) as store:
        dedup_store(store)
        [(path, n)] = export_format(store.con, tmp_path / "p", "plover")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert n == len(records) == 3  # plover keeps the negated event, flagged
    merged = next(r for r in records if r["num_mentions"] == 2)
    assert merged["event_type"] == "ASSAULT" and merged["mode"] == "aerial"
    assert (merged["actor"], merged["actor_country"], merged["actor_sector"]) == ("Syrian troops", "SYR", "MIL")
    assert merged["location"]["geonameid"] == 170252 and merged["story_date"] == "2016-03-23"
    assert {m["story_id"] for m in merged["mentions"]} == {"a1", "a2"}
    assert {m["story_group"] for m in merged["mentions"]} == {"a1"}  # a2 is a copy of a1's story
    assert merged["mentions"][0]["event_text"].startswith("Syrian troops shelled")
    assert sum(r["negated"] for r in records) == 1


def test_parquet_partitioned_by_day(db, tmp_path):
    with Store(db, read_only=True) as store:
        written = dict(export_format(store.con, tmp_path / "pq", "parquet-by-day"))
    folder = tmp_path / "pq" / "events"
    assert written[folder] == 4 and (folder / "day=2016-03-23").is_dir()
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{folder}/*/*.parquet', hive_partitioning=true) "
                   "WHERE day = '2016-03-23'").fetchone()[0]
    assert n == 4


def test_cli_dedup_and_new_export_formats(db, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    runner = CliRunner()
    r = runner.invoke(app, ["dedup", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "1 near-duplicates in 1 stories" in r.output and "merged into 3 events" in r.output
    for fmt, name in (("gdelt-events", "events.gdelt.tsv"), ("gdelt-mentions", "mentions.gdelt.tsv"),
                      ("gkg", "gkg.tsv"), ("plover", "plover.jsonl")):
        r = runner.invoke(app, ["export", "--format", fmt, "--out", str(tmp_path / "x"), "--db", str(db)])
        assert r.exit_code == 0, r.output
        assert (tmp_path / "x" / name).stat().st_size > 0


def test_parquet_by_day_includes_gdelt_tables_typed_by_codebook(db, tmp_path):
    with Store(db, read_only=True) as store:
        written = dict(export_format(store.con, tmp_path / "pq", "parquet-by-day"))
        written_again = dict(export_format(store.con, tmp_path / "pq", "parquet-by-day"))  # replaces, not appends
    folder = tmp_path / "pq" / "gdelt_events"
    assert written[folder] == written_again[folder] == 3
    con = duckdb.connect()
    rel = con.execute(f"SELECT * FROM read_parquet('{folder}/*/*.parquet', hive_partitioning=true)")
    names = [d[0] for d in rel.description]
    assert names[:61] == column_names("events") and names[61] == "day"
    rows = rel.fetchall()
    assert len(rows) == 3 and {str(r[61]) for r in rows} == {"2016-03-23"}
    assert {r[1] for r in rows} == {20160323}  # SQLDATE stays an integer


def _records(rel) -> list[dict]:
    """Rows as dicts through Arrow (pandas is not a dependency)."""
    return rel.to_arrow_table().to_pylist()


def test_plover_skips_events_without_a_plover_type(tmp_path):
    doc = _doc("s1")
    said = doc.article.span(TEXT.index("said"), TEXT.index("said") + 4)
    statement = Event(1, said, said, None, None, "010", 0, 0.0, None, None, confidence=0.6)
    path = tmp_path / "ew.duckdb"
    with Store(path) as store:
        store.write_batch([dataclasses.replace(doc, events=doc.events + (statement,))])
        [(_, n_plover)] = export_format(store.con, tmp_path / "p", "plover")
        [(_, n_gdelt)] = export_format(store.con, tmp_path / "g", "gdelt-events")
    assert (n_plover, n_gdelt) == (2, 3)  # CAMEO 010 has no PLOVER type; GDELT keeps it
