"""Tests for eventwire.actors.gender and its use by pronoun resolution (quote speakers, event sources)."""

from __future__ import annotations

import datetime as dt

from eventwire.actors import find_actors, gender
from eventwire.events import code_events
from eventwire.model import Article
from eventwire.nlp import load_nlp, parse
from eventwire.quotes import find_quotes


def _parsed(text: str):
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2016, 3, 23))
    return parse(article, load_nlp()(text))


def test_a_first_name_or_title_tells_the_sex():
    assert gender.sex_of("Donald Trump", {}) == "m"
    assert gender.sex_of("Hillary Clinton", {}) == "f"
    assert gender.sex_of("Mr. Putin", {}) == "m"
    assert gender.sex_of("Queen Rania", {}) == "f"
    assert gender.sex_of("Trump", {}) is None  # a bare surname says nothing by itself
    # names whose US sex does not hold in international news are left out
    assert gender.sex_of("Kim Jong Un", {}) is None
    assert gender.sex_of("Andrea Orlando", {}) is None


def test_the_article_tells_a_surname_s_sex_unless_two_people_share_it():
    parsed = _parsed("Hillary Clinton met voters. Later Clinton spoke. Mr. Sanders arrived with John Smith, a spokesman.")
    sexes = gender.article_sexes(parsed.doc, parsed.doc.ents)
    assert gender.sex_of("Clinton", sexes) == "f"
    assert gender.sex_of("Sanders", sexes) == "m"
    assert gender.contradicts("she", "Sanders", sexes)
    assert not gender.contradicts("they", "Sanders", sexes)
    parsed = _parsed("Bill Clinton and Hillary Clinton met voters in Ohio.")
    assert gender.sex_of("Clinton", gender.article_sexes(parsed.doc, parsed.doc.ents)) is None


def _events(text: str):
    parsed = _parsed(text)
    return code_events(parsed, find_actors(parsed), [])


def _quotes(text: str):
    parsed = _parsed(text)
    return find_quotes(parsed, find_actors(parsed))


def test_she_is_not_the_nearer_man():
    text = "Hillary Clinton met voters in Ohio. Donald Trump arrived later. “We are not done yet,” she said."
    quote = next(q for q in _quotes(text) if q.source is not None and q.source.text == "she")
    assert quote.speaker == "Hillary Clinton"


def test_she_prefers_a_named_woman_to_a_name_of_unknown_sex():
    text = "Angela Merkel met Barack Obama in Berlin on Monday. “Russia was wrong,” she said."
    quote = next(q for q in _quotes(text) if q.source is not None and q.source.text == "she")
    assert quote.speaker == "Angela Merkel"


def test_an_event_pronoun_takes_a_source_of_its_sex():
    events = _events("Hillary Clinton met voters in Ohio. Donald Trump criticised the plan. She criticised Russia.")
    she = [e for e in events if e.source is not None and e.source.span.text == "She"]
    assert she and she[0].source.name == "Hillary Clinton", [(e.cameo_code, e.source) for e in events]


def test_a_reported_she_is_not_the_man_reporting():
    events = _events("Donald Trump said she would criticise Russia.")
    assert not any(e.source is not None and e.source.span.text == "she" and e.source.name == "Donald Trump"
                   for e in events), [(e.cameo_code, e.source) for e in events]
    events = _events("Angela Merkel said she would criticise Russia.")
    assert any(e.source is not None and e.source.span.text == "she" and e.source.name == "Angela Merkel"
               for e in events), [(e.cameo_code, e.source) for e in events]
