"""Geo on the real gazetteer, through the whole pipeline (built once by `make test`)."""

from eventwire.geo import sources


def test_every_palmyra_mention_is_the_syrian_town(palmyra_doc):
    text = palmyra_doc.article.text
    mentions = text.count("Palmyra")
    tadmur = [p for p in palmyra_doc.places if p.name == "Tadmur"]
    assert len(tadmur) == mentions  # one sense per discourse: the PERSON-tagged ones too
    assert all(p.span.text == "Palmyra" and p.country == "SY" for p in tadmur)
    assert abs(tadmur[0].lat - 34.56) < 0.05 and abs(tadmur[0].lon - 38.27) < 0.05
    located = [e for e in palmyra_doc.events if e.location is not None]
    assert sum(e.location.name == "Tadmur" for e in located) > len(located) / 2


def test_only_the_real_capital_is_a_capital():
    washingtons = [e for e in sources.cities() if e.name == "Washington" and e.country == "US"]
    assert len(washingtons) > 5
    capitals = [e for e in washingtons if e.fcode == "PPLC"]
    assert [c.admin1 for c in capitals] == ["DC"]


def test_a_place_in_an_actors_title_is_not_where_the_event_happened(palmyra_doc):
    (arrives,) = [e for e in palmyra_doc.events if e.trigger.text == "arrives"]
    assert arrives.source is not None and "for Syria" in arrives.source.span.text
    assert arrives.location is not None and arrives.location.name == "Geneva"


def test_no_event_of_the_whole_pipeline_has_palmyra_for_a_person(palmyra_doc):
    # the small model tags "Palmyra" PERSON; the places stage's reading wins, so the town is no one's agent
    for actor in palmyra_doc.actors:
        if actor.span.text == "Palmyra":
            assert actor.kind == "place", actor
    for e in palmyra_doc.events:
        for a in (e.source, e.target, e.reported_by):
            assert a is None or "Palmyra" not in a.span.text, e
