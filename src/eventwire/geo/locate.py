"""The "where" stage: give each event the place it happened at, and say why.

Rules, most specific first (the chosen rule is stored in ``Event.location_rule``):

- ``prep-attached``: a place governed by a locative preposition ("in", "near", "at",
  ...) that hangs off the event's trigger or its phrase ("clashes *in Aleppo*").
- ``overlooking``: "seizes hills *overlooking Palmyra*": the place the seized thing
  overlooks (the syntactic object of "overlooking" inside the trigger's phrase).
- ``in-evidence``: any other real place inside the event's evidence span.
- ``sentence``: the most specific place elsewhere in the event's sentence.
- ``article-main``: the article's main place (most mentioned, most specific).

Demonyms ("Syrian troops") describe actors, not locations, so they are used only when
nothing else exists, at country level.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from eventwire.model import Event, Place
from eventwire.nlp import Parsed

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "into", "across", "around", "on", "within",
                  "throughout", "towards", "toward", "through", "over", "along", "from"}
OVERLOOK_WORDS = {"overlooking", "overlook", "overlooks", "around", "surrounding"}
SPECIFICITY = {"P": 3, "S": 3, "L": 0}  # towns beat admin areas; continents least
ADMIN_SPECIFICITY = {"ADM2": 2, "ADM1": 1, "PCLI": 0}


def _specificity(p: Place) -> int:
    if p.feature_class == "A":
        return ADMIN_SPECIFICITY.get(p.feature_code or "", 1)
    return SPECIFICITY.get(p.feature_class or "", 1)


def _is_real(p: Place) -> bool:
    return p.lat is not None and p.rule != "demonym"


def article_main_place(places: list[Place]) -> Place | None:
    """The place the article is about: the most-mentioned, ties to the more specific."""
    real = [p for p in places if _is_real(p)]
    if not real:
        return None
    counts = Counter(p.geonameid or p.name for p in real)
    return max(real, key=lambda p: (counts[p.geonameid or p.name], _specificity(p), -p.span.start))


def locate_events(parsed: Parsed, events: list[Event], places: list[Place]) -> list[Event]:
    """Return the events with ``location`` and ``location_rule`` filled where decidable."""
    main = article_main_place(places)
    doc = parsed.doc
    token_place: dict[int, Place] = {}
    for p in places:
        if not _is_real(p):
            continue
        span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                token_place[tok.i] = p
    out = []
    for ev in events:
        place, rule = _locate_one(parsed, ev, places, token_place)
        if place is None and main is not None:
            place, rule = main, "article-main"
        if place is None:
            demonyms = [p for p in places if p.rule == "demonym" and p.sentence == ev.sentence and p.lat is not None]
            if demonyms:
                place, rule = demonyms[0], "sentence-demonym"
        out.append(dataclasses.replace(ev, location=place, location_rule=rule) if place else ev)
    return out


def _in_actor_name(p: Place, ev: Event) -> bool:
    """A place inside a longer actor mention names the actor, not where the event happened:
    "UN Special Envoy … for Syria arrives in Geneva" happens in Geneva."""
    for actor in (ev.source, ev.target):
        if actor is None:
            continue
        a = actor.span
        if a.start <= p.span.start and p.span.end <= a.end and (a.end - a.start) > (p.span.end - p.span.start):
            return True
    return False


def _locate_one(parsed: Parsed, ev: Event, places: list[Place], token_place: dict[int, Place]):
    doc = parsed.doc
    places = [p for p in places if not _in_actor_name(p, ev)]
    token_place = {i: p for i, p in token_place.items() if not _in_actor_name(p, ev)}
    trigger = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if trigger is not None and token_place:
        heads = {t.i for t in trigger}
        # Tokens whose governing chain reaches the trigger without passing through another clause.
        for tok_i, place in sorted(token_place.items()):
            tok = doc[tok_i]
            rule = _attachment(tok, heads)
            if rule:
                return place, rule
    lo, hi = ev.evidence.start, ev.evidence.end
    inside = [p for p in places if _is_real(p) and lo <= p.span.start and p.span.end <= hi]
    if inside:
        return max(inside, key=_specificity), "in-evidence"
    same = [p for p in places if _is_real(p) and p.sentence == ev.sentence]
    if same:
        return max(same, key=lambda p: (_specificity(p), -abs(p.span.start - ev.trigger.start))), "sentence"
    return None, None


def _attachment(tok, trigger_tokens: set[int]) -> str | None:
    """How a place token hangs off the trigger: "prep-attached", "overlooking" or None."""
    node, seen_overlook, seen_prep = tok, False, False
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        word = head.lower_
        if word in OVERLOOK_WORDS and head.pos_ in {"VERB", "ADP"}:
            seen_overlook = True
        if head.dep_ == "prep" and word in LOCATIVE_PREPS or (node.dep_ == "pobj" and word in LOCATIVE_PREPS):
            seen_prep = True
        if head.i in trigger_tokens:
            if seen_overlook:
                return "overlooking"
            if seen_prep:
                return "prep-attached"
            return None
        if head.pos_ in {"VERB", "AUX"} and head.dep_ in {"ROOT", "ccomp", "conj", "advcl"} and word not in OVERLOOK_WORDS:
            return None  # crossed into another clause
        node = head
    return None
