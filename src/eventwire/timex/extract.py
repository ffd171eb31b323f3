"""``find_timexes``: temporal expressions of one parsed article, normalised.

The regex grammar proposes spans, the parse supplies tense and filters a few
readings the words alone cannot ("2000 people" is not a year, "25 sorties a day"
is a frequency), and :mod:`eventwire.timex.normalize` gives each its value.
"""

from __future__ import annotations

import re

from eventwire.model import TimeExpr
from eventwire.nlp import Parsed
from eventwire.timex.anchor import choose_anchor
from eventwire.timex.grammar import Candidate, find_candidates, select
from eventwire.timex.normalize import Context, Norm, normalize
from eventwire.timex.tense import tense_at


def _is_count_not_year(parsed: Parsed, cand: Candidate) -> bool:
    """"2000 people", "1500 troops": a number modifying a noun, not a year."""
    span = parsed.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    nxt = tok.nbor(1) if tok.i + 1 < len(parsed.doc) else None
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS":
        return True
    return nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in ("years", "days", "times")


def _as_frequency(parsed: Parsed, cand: Candidate, norm: Norm) -> Norm:
    """"25 sorties a day" is a SET, not a one-day duration."""
    text = parsed.article.text
    if norm.type != "DURATION" or not re.match(r"(?:a|an|per)\s", text[cand.start : cand.end], re.I):
        return norm
    before = parsed.doc.char_span(max(0, cand.start - 1), cand.start, alignment_mode="expand")
    prev = parsed.doc[before.start - 1] if before is not None and before.start > 0 else None
    if before is not None and len(before) and before[0].idx < cand.start:
        prev = before[0]
    if prev is not None and (prev.tag_ == "NNS" or prev.lower_ in ("times", "once", "twice")):
        return Norm("SET", norm.value, None, anchored=False)
    return norm


def find_timexes(parsed: Parsed) -> list[TimeExpr]:
    """TIMEX3-style temporal expressions with offsets, resolved against the article date."""
    text = parsed.article.text
    anchor, anchor_source = choose_anchor(parsed.article)
    out: list[TimeExpr] = []
    for cand in select(find_candidates(text)):
        if cand.rule == "year" and _is_count_not_year(parsed, cand):
            continue
        tense = tense_at(parsed.doc, cand.start, cand.end)
        norm = normalize(cand.rule, cand.groups, Context(text, cand.start, cand.end, anchor, tense))
        if norm is None:
            continue
        norm = _as_frequency(parsed, cand, norm)
        source = anchor_source if (norm.anchored and anchor is not None) else ("text" if norm.value else "none")
        out.append(
            TimeExpr(
                span=parsed.span(cand.start, cand.end),
                sentence=parsed.sentence_of_char(cand.start),
                type=norm.type,  # type: ignore[arg-type]
                value=norm.value,
                start=norm.start,
                end=norm.end,
                mod=norm.mod,
                anchor=source,
                rule=cand.rule + (f":{tense}" if tense and norm.anchored else ""),
            )
        )
    return out
