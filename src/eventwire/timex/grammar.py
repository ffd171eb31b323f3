"""Candidate temporal expressions found by a small regex grammar.

Rules are composed from the lexicon's alternations, so the grammar covers the
words TimeML annotators mark ("now", "recent days", "the weekend", "two-day")
that a NER model's DATE entities miss or cut differently. Each rule only says
*where* an expression is and *which parts* it has; :mod:`eventwire.timex.normalize`
decides what it means. Span conventions follow TimeML: no leading preposition,
the determiner "the" kept, modifiers such as "early" or "more than" included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.timex.lexicon import alternation, lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    groups: dict[str, str | None]


def _cased(words: list[str]) -> str:
    """Alternation that must be capitalised (month "May", weekday "Sun")."""
    return "(?-i:" + "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = lexicon()
    longest = {n: max((k for k, v in lex["months"].items() if v == n), key=len) for n in set(lex["months"].values())}
    months_full = list(longest.values())
    months_abbr = [m for m in lex["months"] if m not in months_full]
    amb = set(lex["ambiguous_months"])
    month = (
        "(?:" + alternation([m for m in months_full if m not in amb]) + "|" + _cased([m for m in months_full if m in amb])
        + "|" + _cased(months_abbr) + r"\.?)"
    )
    wd_full = [w for w in lex["weekdays"] if w not in lex["weekday_abbreviations_need_capital"]]
    weekday = "(?:" + alternation(wd_full) + "|" + _cased(lex["weekday_abbreviations_need_capital"]) + r"\.?)"
    num_words = alternation([w for w in lex["numbers"]])
    vague = alternation(lex["vague_numbers"])
    tens = alternation([w for w, v in lex["numbers"].items() if isinstance(v, int) and 20 <= v <= 90 and " " not in w])
    ones = alternation([w for w, v in lex["numbers"].items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")])
    num = rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{tens}[- ]{ones}|{num_words}|{vague})"
    units = alternation([u for u in lex["units"] if u not in ("weekend", "weekends")])
    plural_units = r"(?:years|months|weeks|days|hours|minutes|decades|centuries|nights)"
    pod = alternation(lex["parts_of_day"])
    tz = alternation(lex["timezones"])
    approx = alternation(lex["approx_modifiers"])
    rel = alternation(lex["relative_words"])
    season = alternation(lex["seasons"])
    holidays = alternation(list(lex["holidays"]) + list(lex["holiday_weeks"]))
    sets = alternation(lex["sets"])
    refs = alternation(lex["references_enabled"])
    position = r"(?:early|earlier|mid-?|middle|late|later|the\s+(?:start|beginning|middle|end|close|turn)\s+of)"
    ampm = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
    clock = rf"(?:\d{{1,2}}(?::\d{{2}})?\s*{ampm}(?:\s+{tz})?|noon|midnight|midday)"
    year4 = r"(?:1[5-9]\d\d|20\d\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

    table = [
        ("date_iso", rf"(?P<year>{year4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])(?!\d)"),
        ("date_slash", rf"(?<![\d/])(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>{year4}|\d\d)(?![\d/])"),
        ("time_date", rf"(?P<clock>{clock})\s*,?\s+(?P<wd>{weekday})(?:,?\s+(?P<mon>{month})\s+(?P<day>{day}))?(?:,?\s+(?P<year>{year4}))?"),
        ("date_mdy", rf"(?:(?P<dir>last|this|next)\s+)?(?:(?P<wd>{weekday}),?\s+)?(?:(?P<rel>the\s+week\s+of)\s+)?(?P<mon>{month})\s+(?P<day>{day})(?!\d|:\d)(?:,?\s+(?P<year>{year4})(?!\d))?"),
        ("date_dmy", rf"(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<day>{day})\s+(?:of\s+)?(?P<mon>{month})(?:,?\s+(?P<year>{year4})(?!\d))?"),
        ("month_year", rf"(?:(?P<pos>{position})\s*)?(?P<mon>{month})(?:\s+of)?,?\s+(?P<year>{year4})(?!\d)"),
        ("month_rel", rf"(?:(?P<pos>{position})\s*)?(?P<rel>last|this|next|past|coming)\s+(?P<mon>{month})"),
        ("month", rf"(?:(?P<pos>{position})\s*)?(?P<mon>{month})(?![\w'’-])"),
        ("holiday", rf"(?:(?P<rel>last|this|next)\s+)?(?P<hol>(?-i:(?=[A-Z])){holidays})(?:,?\s+(?P<year>{year4}))?"),
        ("clock_pod", rf"(?P<clock>\d{{1,2}}|{num_words})(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening)"),
        ("clock24", rf"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:hours\s+|hrs\s+)?(?P<tz>GMT|UTC|Zulu|local\s+time)"),
        ("century", rf"(?:the\s+)?(?:(?P<pos>early|mid-?|late)\s*)?(?P<cent>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century"),
        ("clock", rf"(?P<clock>{clock})(?:\s+(?P<deictic>today|tonight|yesterday|tomorrow))?"),
        ("weekday", rf"(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{weekday})(?P<poss>['’]s)?(?![\w-])(?:\s+(?P<pod>{pod}))?"),
        ("deictic", rf"(?:(?P<pos>early|late)\s+)?(?P<deictic>(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow)(?P<poss>['’]s)?(?:\s+(?P<pod>{pod}))?"),
        ("anaphoric", rf"(?:(?P<pos>earlier|later|early|late)\s+)?(?P<det>that\s+same|the\s+same|that|the\s+next|the\s+following|the\s+previous|the\s+preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)"),
        ("week_of", rf"(?:the\s+)?week\s+of\s+(?P<mon>{month})\s+(?P<day>{day})"),
        ("weekend", rf"(?P<rel>the|this|last|next|past|coming)\s+weekend"),
        ("rel_unit", rf"(?:(?P<pos>{position})\s*)?(?P<rel>(?:the\s+)?{rel}|the)\s+(?P<unit>week|month|year|decade|century|quarter|fiscal\s+year|season)(?![\w-])"),
        ("season", rf"(?:(?P<pos>early|mid-?|late)\s*)?(?:(?P<rel>last|this|next|past|coming|the)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<year>{year4}))?(?![\w-])"),
        ("quarter", rf"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<year>{year4})|(?P<rel>this|last|next|the)\s+year))?"),
        ("fiscal", rf"(?:fiscal|FY)\s*(?:year\s+)?(?P<year>{year4}|\d\d)"),
        ("decade", rf"(?:(?P<pos>early|mid-?|late)\s*)?(?P<decade>(?:1[5-9]|20)\d0)['’]?s"),
        ("decade2", rf"(?:(?P<pos>early|mid-?|late)\s*)?(?:the\s+)?['’](?P<dec2>\d0)s"),
        ("year", rf"(?:(?P<pos>early|mid-?|late|post-|pre-)\s*|(?<![\d$£€.,/-]))(?P<year>{year4})(?![\d,.]\d|%|\s*percent)"),
        ("ago", rf"(?:(?P<approx>{approx})\s+)?(?P<num>{num})\s+(?P<unit>{units})\s+(?P<dir>ago|from\s+now|hence)"),
        ("ndur_rel", rf"(?:(?P<the>the)\s+|(?P<approx>{approx})\s+)?(?P<rel>past|last|next|coming|first|previous|final|latest)\s+(?P<num>{num})\s+(?P<unit>{units})"),
        ("set_every", rf"(?P<q>every|each)\s+(?:(?P<num>other|{num})\s+)?(?P<unit>{units}|{weekday}|{pod})"),
        ("set_freq", rf"(?P<freq>once|twice|\d+\s+times|{num_words}\s+times)\s+(?:a|an|per|each)\s+(?P<unit>{units})"),
        ("set_word", rf"(?P<set>{sets})"),
        ("duration", rf"(?:(?P<approx>{approx})\s+)?(?P<num>{num})(?:\s+more)?[\s-]+(?P<unit>{units})(?P<long>-long)?(?![\w-])"),
        ("vague_dur", rf"(?P<rel>recent|coming|past|previous|the\s+past|the\s+coming|the\s+last|the\s+next|the)\s+(?P<unit>{plural_units})(?![\w-])"),
        ("bare_plural", rf"(?P<unit>{plural_units}|decades-long|years-long)(?![\w-])"),
        ("reference", rf"(?P<ref>{refs})(?![\w-])"),
    ]
    return tuple((name, re.compile(r"(?<![\w'’])" + pat + r"(?!\w)", re.I)) for name, pat in table)


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches, overlapping; :func:`select` picks among them."""
    out: list[Candidate] = []
    for name, pattern in rules():
        for m in pattern.finditer(text):
            if m.end() > m.start():
                out.append(Candidate(m.start(), m.end(), name, m.groupdict()))
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then the earlier (more specific) rule."""
    order = {name: i for i, (name, _) in enumerate(rules())}
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), order[c.rule], c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)
