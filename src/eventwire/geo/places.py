"""The places stage: toponyms in an article, each resolved to a gazetteer entry."""

from __future__ import annotations

import re

from eventwire.geo.gazetteer import Gazetteer, shared
from eventwire.geo.lexicon import lexicon
from eventwire.geo.normalize import norm
from eventwire.geo.recognize import Recognizer, Toponym
from eventwire.geo.resolve import Resolution, Resolver
from eventwire.model import Place
from eventwire.nlp import Parsed

_DATELINE_NOISE = re.compile(r"\(.*?\)|[-\u2013\u2014:].*$")


def _dateline_toponyms(dateline: str | None, gaz: Gazetteer) -> tuple[list[Toponym], list[str]]:
    """"GENEVA (Reuters) -" -> one toponym "GENEVA"; "ALEXANDRIA, La." -> Alexandria within Louisiana."""
    if not dateline:
        return [], []
    text = _DATELINE_NOISE.sub("", dateline).strip()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    topos = [Toponym(0, 0, 0, 0, "dateline", norm_text=norm(p)) for p in parts]
    abbreviations = lexicon().state_abbreviations
    for first, second, written in zip(topos, topos[1:], parts[1:]):
        code = abbreviations.get(written) or abbreviations.get(written + ".")
        if code:
            second.admin1_code = first.container = code
            continue
        for c in gaz.lookup(second.norm_text):
            if c.kind == 0 and c.fcode == "ADM1":
                first.container = (c.country, c.admin1)
                break
            if c.kind == 0 and c.fcode == "PCLI":
                first.container = (c.country, None)
    return topos, parts


def find_places(parsed: Parsed, *, demonyms: bool = True, unresolved: bool = False,
                gazetteer: Gazetteer | None = None) -> list[Place]:
    """Every place named in the article, resolved against the offline gazetteer.

    ``demonyms`` keeps "Syrian"-style mentions as places of their country (rule
    "demonym"); ``unresolved`` also returns names the gazetteer cannot place (with no
    coordinates), which recognition-only users may want.
    """
    gaz = gazetteer or shared()
    lex = lexicon()
    toponyms = Recognizer(gaz, lex)(parsed)
    if not demonyms:
        toponyms = [t for t in toponyms if not t.demonym_of]
    texts = [parsed.article.text[t.start:t.end] for t in toponyms]
    dl_topos, dl_texts = _dateline_toponyms(parsed.article.dateline, gaz)
    resolutions = Resolver(gaz, lex)(toponyms, texts, dl_topos, dl_texts, text=parsed.article.text)
    places: list[Place] = []
    for t, res in zip(toponyms, resolutions):
        if res is None and not unresolved:
            continue
        places.append(_place(parsed, gaz, t, res))
    return places


def _place(parsed: Parsed, gaz: Gazetteer, t: Toponym, res: Resolution | None) -> Place:
    span = parsed.span(t.start, t.end)
    sentence = parsed.sentence_of_token(t.tok_start)
    if res is None:
        return Place(span, sentence, span.text, None, None, confidence=0.0, rule=f"{t.origin}/unresolved")
    c = res.candidate
    return Place(
        span=span,
        sentence=sentence,
        name=c.name,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        geonameid=c.id if c.id > 0 else None,
        feature_class=c.fclass,
        feature_code=c.fcode,
        country=c.country or None,
        admin1=gaz.admin1_code(c.country, c.admin1),
        population=c.population or None,
        confidence=res.confidence,
        rule=t.origin if t.origin == "demonym" else f"{t.origin}/{res.rule}",
    )
