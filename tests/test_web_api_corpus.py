"""A small hand-made corpus for the web explorer's tests (API and end-to-end).

Built from model records through ``Store.write_batch``, so the web tests do not depend
on what the NLP stages happen to find. It carries what real corpora carry and a page
must survive: hostile HTML in article text, characters outside the BMP before a
highlight (UTF-16 vs code-point offsets), undated and unlocated events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.model import Actor, Article, Document, Event, Place, Quote, Sentence, TimeExpr
from eventwire.store import Store

HOSTILE = '<script>alert("pwned")</script><img src=x onerror="alert(1)">'


@dataclass
class Ev:
    evidence: str
    trigger: str
    type: str | None
    cameo: str | None
    quad: int | None
    source: tuple[str, str, str, str] | None = None  # phrase, code, name, ISO-3
    target: tuple[str, str, str, str] | None = None
    place: tuple[str, str, float, float, str] | None = None  # phrase, name, lat, lon, ISO-2
    day: dt.date | None = None
    rule: str = "test-rule"


@dataclass
class Doc:
    title: str
    date: dt.date | None
    text: str
    events: list[Ev] = field(default_factory=list)
    quote: tuple[str, str, str, str] | None = None  # content, source phrase, cue, speaker
    timex: tuple[str, str] | None = None  # phrase, ISO value


D = dt.date
CORPUS = [
    Doc("Syrian army advances on Palmyra 🚀", D(2016, 3, 23),
        "🚀 Syrian troops pounded Islamic State positions near Palmyra on Tuesday. "
        f"A forum post read {HOSTILE} and was removed. "
        "\"We will take the city within days,\" a Syrian commander said.",
        [Ev("Syrian troops pounded Islamic State positions near Palmyra", "pounded", "ASSAULT", "190", 4,
            ("Syrian troops", "SYR MIL", "Syrian Armed Forces", "SYR"),
            ("Islamic State", "IMGMUSISI", "Islamic State", None),
            ("Palmyra", "Palmyra", 34.5604, 38.2805, "SY"), D(2016, 3, 22))],
        ("We will take the city within days,", "a Syrian commander", "said", "Syrian commander"),
        ("on Tuesday", "2016-03-22")),
    Doc("Brussels attacks", D(2016, 3, 22),
        "Bombers attacked Brussels airport and a metro station on Tuesday morning. "
        "Belgian police arrested a suspect in Brussels later.",
        [Ev("Bombers attacked Brussels airport", "attacked", "ASSAULT", "180", 4,
            ("Bombers", "UAF", "Bombers", None), None,
            ("Brussels airport", "Brussels", 50.8503, 4.3517, "BE"), D(2016, 3, 22)),
         Ev("Belgian police arrested a suspect in Brussels", "arrested", "COERCE", "173", 4,
            ("Belgian police", "BEL COP", "Belgian police", "BEL"), ("a suspect", "BEL CRM", "suspect", "BEL"),
            ("Brussels", "Brussels", 50.8503, 4.3517, "BE"), D(2016, 3, 24))]),
    Doc("Geneva talks resume", D(2016, 3, 14),
        "United Nations envoy Staffan de Mistura met Syrian government delegates in Geneva. "
        "The opposition rejected the proposal.",
        [Ev("United Nations envoy Staffan de Mistura met Syrian government delegates in Geneva", "met",
            "CONSULT", "040", 1, ("United Nations envoy Staffan de Mistura", "IGO UNO", "Staffan de Mistura", None),
            ("Syrian government delegates", "SYR GOV", "Syrian government", "SYR"),
            ("Geneva", "Geneva", 46.2022, 6.1457, "CH"), D(2016, 3, 14)),
         Ev("The opposition rejected the proposal", "rejected", "REJECT", "120", 3,
            ("The opposition", "SYR OPP", "Syrian opposition", "SYR"), None, None, None)]),
    Doc("Aid reaches Madaya", D(2016, 3, 18),
        "The Red Cross delivered food aid to Madaya, near Damascus, on Friday.",
        [Ev("The Red Cross delivered food aid to Madaya", "delivered", "AID", "070", 2,
            ("The Red Cross", "NGO", "International Committee of the Red Cross", None), None,
            ("Madaya", "Madaya", 33.6897, 36.1008, "SY"), D(2016, 3, 18))]),
    Doc("Protest in Ankara", None,
        "Thousands protested in Ankara against the government.",
        [Ev("Thousands protested in Ankara against the government", "protested", "PROTEST", "140", 3,
            ("Thousands", "TURCVL", "protesters", "TUR"), ("the government", "TUR GOV", "Turkish government", "TUR"),
            ("Ankara", "Ankara", 39.9199, 32.8543, "TR"), None)]),
]


def _span(article: Article, phrase: str, after: int = 0):
    start = article.text.index(phrase, after)
    return article.span(start, start + len(phrase))


def _actor(article: Article, spec: tuple[str, str, str, str | None] | None, sentence: int) -> Actor | None:
    if spec is None:
        return None
    phrase, code, name, country = spec
    return Actor(_span(article, phrase), sentence, name, code, country, code.split(" ")[-1], "group", 0.9, "test-dict")


def document(doc: Doc) -> Document:
    aid = hashlib.sha256(doc.text.encode()).hexdigest()[:24]
    article = Article(id=aid, text=doc.text, raw_text=doc.text, title=doc.title, date=doc.date,
                      date_source="metadata" if doc.date else "none", input_ref=f"test:{doc.title}",
                      url="https://example.org/" + aid)
    events, actors, places = [], [], []
    for ev in doc.events:
        src, tgt = _actor(article, ev.source, 0), _actor(article, ev.target, 0)
        actors += [a for a in (src, tgt) if a]
        place = None
        if ev.place:
            phrase, name, lat, lon, cc = ev.place
            place = Place(_span(article, phrase), 0, name, lat, lon, 1, "P", "PPL", cc, None, 1000, 0.8, "test-gaz")
            places.append(place)
        evidence = _span(article, ev.evidence)
        trigger = _span(article, ev.trigger, evidence.start)
        events.append(Event(0, evidence, trigger, ev.type, None, ev.cameo, ev.quad, -5.0 if ev.quad == 4 else 1.0,
                            src, tgt, confidence=0.75, rule=ev.rule, location=place,
                            location_rule="test-nearest" if place else None, date_start=ev.day, date_end=ev.day,
                            date_precision="day" if ev.day else None, date_source="test" if ev.day else None))
    quotes = []
    if doc.quote:
        content, source, cue, speaker = doc.quote
        quotes.append(Quote((_span(article, content),), 0, "direct", _span(article, source), _span(article, cue),
                            speaker, None, False, 0.9, "test-quote"))
    timexes = []
    if doc.timex:
        phrase, value = doc.timex
        timexes.append(TimeExpr(_span(article, phrase), 0, "DATE", value, dt.date.fromisoformat(value),
                                dt.date.fromisoformat(value), rule="test-timex"))
    return Document(article, (Sentence(0, article.span(0, len(doc.text))),), (), tuple(actors), tuple(places),
                    tuple(timexes), tuple(quotes), tuple(events))


def build_web_db(path: Path) -> list[Document]:
    docs = [document(d) for d in CORPUS]
    with Store(path) as store:
        store.write_batch(docs)
    return docs


def test_corpus_offsets_point_at_their_words(tmp_path: Path) -> None:
    docs = build_web_db(tmp_path / "w.duckdb")
    for doc in docs:
        for ev in doc.events:
            assert doc.article.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
            assert ev.evidence.start <= ev.trigger.start < ev.trigger.end <= ev.evidence.end
    with Store(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.count("events") == sum(len(d.events) for d in CORPUS)
