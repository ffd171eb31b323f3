"""``date_events``: a date (or range) for every event, with the reason it was chosen.

Order of evidence: a temporal expression attached to the event's predicate in
the parse ("timex-attached"), else the nearest dated expression in the same
sentence and paragraph that is on a verb governing the event or on no verb
("timex-sentence"; one on another clause's verb dates that clause, not this event), else the article date ("article-date"). Events told as long
past (the expression attached to the predicate) ("over the years", "in the past") are not dated to the article day
("historical"): a wrong precise date is worse for a timeline than none.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from eventwire.model import Event, TimeExpr
from eventwire.nlp import Parsed
from eventwire.timex.calendar import precision_of
from eventwire.timex.lexicon import lexicon
from eventwire.timex.tense import governing_verb


def _tokens(parsed: Parsed, start: int, end: int) -> list[Token]:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _predicate(parsed: Parsed, event: Event) -> Token | None:
    toks = _tokens(parsed, event.trigger.start, event.trigger.end)
    if not toks:
        return None
    head = toks[0].doc[toks[0].i : toks[-1].i + 1].root
    return head


def _attached(pred: Token, timex_tokens: list[Token]) -> bool:
    """The timex hangs off the predicate (or its governing verb) without another verb in between."""
    if not timex_tokens:
        return False
    root = timex_tokens[0].doc[timex_tokens[0].i : timex_tokens[-1].i + 1].root
    verb = governing_verb(pred) or pred
    # Coordinated predicates share their modifiers: "imprisoned and tortured over the years".
    targets = {pred.i, verb.i} | {c.i for c in verb.conjuncts}
    node, steps = root.head, 0
    while steps < 30:
        if node.i in targets:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass") or node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    return False


def _scopes_over(pred: Token, timex_tokens: list[Token]) -> bool:
    """The timex modifies a verb that governs the event ("Last week, X said its jets were flying")."""
    if not timex_tokens:
        return False
    root = timex_tokens[0].doc[timex_tokens[0].i : timex_tokens[-1].i + 1].root
    verb = governing_verb(root.head) if root.head.i != root.i else None
    return verb is not None and any(a.i == verb.i for a in pred.ancestors)


def _free_or_scoping(pred: Token, parsed: Parsed, timex: TimeExpr) -> bool:
    toks = _tokens(parsed, timex.span.start, timex.span.end)
    if not toks:
        return False
    root = toks[0].doc[toks[0].i : toks[-1].i + 1].root
    if root.head.i == root.i or governing_verb(root.head) is None:
        return True
    return _scopes_over(pred, toks)


def _same_paragraph(parsed: Parsed, event: Event, timex: TimeExpr) -> bool:
    """The parser may run a headline or two paragraphs into one sentence; a date never crosses them."""
    lo = min(event.trigger.start, timex.span.start)
    hi = max(event.trigger.end, timex.span.end)
    return "\n" not in parsed.article.text[lo:hi]


def is_historical(parsed: Parsed, timex: TimeExpr) -> bool:
    """"over the years", "in the past", "for decades": the event is not of the article day."""
    if timex.value == "PAST_REF":
        return True
    text = parsed.article.text
    window = text[max(0, timex.span.start - 12) : timex.span.end].lower()
    window = re.sub(r"\s+", " ", window)
    if any(cue in window for cue in lexicon()["historical_cues"]):
        return True
    return bool(timex.type == "DURATION" and timex.value and re.fullmatch(r"PX[YM]|P\d+Y", timex.value)
                and re.search(r"\b(over|for|throughout|during)\s+(the\s+)?\S*$", window[: len(window) - len(timex.span.text)]))


def _datable(t: TimeExpr) -> bool:
    return t.start is not None and t.end is not None


def _apply(event: Event, timex: TimeExpr, source: str) -> Event:
    precision = precision_of(timex.value) or "range"
    if timex.type == "DURATION" or (timex.start != timex.end and precision == "day"):
        precision = "range"
    return dataclasses.replace(event, date_start=timex.start, date_end=timex.end, date_precision=precision,
                               date_source=source)


def date_events(parsed: Parsed, events: list[Event], timexes: list[TimeExpr]) -> list[Event]:
    """Copies of ``events`` with date_start/date_end/date_precision/date_source filled."""
    by_sentence: dict[int, list[TimeExpr]] = {}
    for t in timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    article_date = parsed.article.date
    out = []
    for event in events:
        pred = _predicate(parsed, event)
        local = [t for t in by_sentence.get(event.sentence, []) if _same_paragraph(parsed, event, t)]
        attached = [t for t in local if pred is not None and _attached(pred, _tokens(parsed, t.span.start, t.span.end))]

        def distance(t: TimeExpr) -> int:
            return min(abs(t.span.start - event.trigger.end), abs(event.trigger.start - t.span.end))

        historical_attached = [t for t in attached if is_historical(parsed, t)]
        dated_attached = [t for t in attached if _datable(t)]
        if dated_attached:
            out.append(_apply(event, min(dated_attached, key=distance), "timex-attached"))
            continue
        if historical_attached:
            out.append(dataclasses.replace(event, date_start=None, date_end=None, date_precision=None,
                                           date_source="historical"))
            continue
        dated_local = [t for t in local if _datable(t)]
        if dated_local:
            # Only a timex on a verb that governs the event (or on no verb) can date it: one on
            # another clause's verb dates that clause ("retake Palmyra, which they seized in May").
            scoping = [t for t in dated_local if pred is None or _free_or_scoping(pred, parsed, t)]
            if scoping:
                out.append(_apply(event, min(scoping, key=distance), "timex-sentence"))
                continue
        if article_date is not None:
            out.append(dataclasses.replace(event, date_start=article_date, date_end=article_date,
                                           date_precision="day", date_source="article-date"))
        else:
            out.append(dataclasses.replace(event, date_start=None, date_end=None, date_precision=None,
                                           date_source="none"))
    return out
