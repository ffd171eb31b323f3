"""``find_timexes``: temporal expressions of one parsed article, normalised.

The regex grammar proposes spans, the parse supplies tense and filters a few
readings the words alone cannot ("2000 people" is not a year, "25 sorties a day"
is a frequency), and :mod:`eventwire.timex.normalize` gives each its value.
"""

from __future__ import annotations

import dataclasses
import re

from eventwire.model import TimeExpr
from eventwire.nlp import Parsed
from eventwire.timex.anchor import choose_anchor
from eventwire.timex.grammar import Candidate, find_candidates, select
from eventwire.timex.lexicon import lexicon
from eventwire.timex.normalize import Context, Norm, normalize
from eventwire.timex.tense import tense_at



def _is_count_not_year(parsed: Parsed, cand: Candidate) -> bool:
    """"2000 people", "1500 troops": a number modifying a noun, not a year."""
    span = parsed.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    if cand.groups.get("pos"):
        return False  # "post-1959 politics"
    tok = span[-1]
    prev = parsed.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.tag_ in ("DT", "PRP$", "POS") or prev.dep_ == "poss"):
        return False  # "the 1992 protests", "Kopp's 1987 Chevrolet"
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


def _trim(text: str, start: int, end: int, norm: Norm) -> tuple[int, int]:
    """TimeML span conventions: no possessive 's, no hedges like "about", durations without "the"."""
    lex = lexicon()
    piece = text[start:end]
    if m := re.search(r"['’]s$", piece):
        end -= 2
    lowered = piece.lower()
    for word in sorted(lex["approx_outside_span"], key=len, reverse=True):
        if lowered.startswith(word + " ") and len(piece) > len(word) + 1:
            start += len(word) + 1
            while text[start].isspace():
                start += 1
            break
    if norm.type == "DURATION" and text[start:end].lower().startswith("the "):
        start += 4
    return start, end


def _date_from_sentence(out: list[TimeExpr], t: TimeExpr) -> TimeExpr:
    """A clock time without a day ("10:35 a.m.") takes the day named in its sentence."""
    if t.type != "TIME" or t.rule.split(":")[0] not in ("clock", "clock_pod", "clock24") or not t.value:
        return t
    days = [o for o in out if o.sentence == t.sentence and o is not t and o.value
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\w+)?", o.value)]
    if not days:
        return t
    day = min(days, key=lambda o: abs(o.span.start - t.span.start))
    date = day.value[:10]
    return dataclasses.replace(t, value=date + t.value[10:], start=day.start, end=day.start, anchor="sentence")


def find_timexes(parsed: Parsed) -> list[TimeExpr]:
    """TIMEX3-style temporal expressions with offsets, resolved against the article date."""
    text = parsed.article.text
    anchor, anchor_source = choose_anchor(parsed.article)
    out: list[TimeExpr] = []
    ref_day = ref_any = None
    for cand in select(find_candidates(text)):
        if cand.rule == "year" and _is_count_not_year(parsed, cand):
            continue
        before = re.findall(r"[\w'’-]+", text[max(0, cand.start - 12) : cand.start].lower())
        if before and before[-1] in lexicon()["not_time_before"]:
            continue  # "high noon"
        tense = tense_at(parsed.doc, cand.start, cand.end)
        ctx = Context(text, cand.start, cand.end, anchor, tense, ref_day, ref_any)
        norm = normalize(cand.rule, cand.groups, ctx)
        if norm is None:
            continue
        if norm.type in ("DATE", "TIME") and norm.start is not None:
            ref_any = norm.start
            if norm.start == norm.end:
                ref_day = norm.start
        norm = _as_frequency(parsed, cand, norm)
        start, end = _trim(text, cand.start, cand.end, norm)
        source = anchor_source if (norm.anchored and anchor is not None) else ("text" if norm.value else "none")
        out.append(
            TimeExpr(
                span=parsed.span(start, end),
                sentence=parsed.sentence_of_char(start),
                type=norm.type,  # type: ignore[arg-type]
                value=norm.value,
                start=norm.start,
                end=norm.end,
                mod=norm.mod,
                anchor=source,
                rule=cand.rule + (f":{tense}" if tense and norm.anchored else ""),
            )
        )
    return [_date_from_sentence(out, t) for t in out]
