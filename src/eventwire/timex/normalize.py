"""From a grammar candidate to a TIMEX3 type, value and modifier.

The relative-resolution rules are ours (the issue's list): weekday and month
names resolve by the clause's tense, "last week" is the ISO week before the
article's, "at the start of the month" is the month with ``mod=START``, and so on.
Without an article date, relative expressions get ``value=None`` (or an
``XXXX-`` value for a month or day without year): nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from eventwire.timex import calendar as cal
from eventwire.timex.lexicon import lexicon, number_value


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    start: int
    end: int
    anchor: dt.date | None
    tense: str | None  # "past", "future", "present" or None
    reference_day: dt.date | None = None  # the last day named before this expression
    reference_any: dt.date | None = None  # the last calendar date of any granularity

    def word_before(self) -> str:
        m = re.search(r"([\w'’-]+)\W*$", self.text[max(0, self.start - 40) : self.start])
        return m[1].lower() if m else ""

    def text_after(self, n: int = 20) -> str:
        return self.text[self.end : self.end + n]


@dataclass(frozen=True, slots=True)
class Norm:
    type: str
    value: str | None
    mod: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    anchored: bool = True  # False when the value came from the expression alone


Groups = dict[str, str | None]
Handler = Callable[[Groups, Context], Norm | None]
HANDLERS: dict[str, Handler] = {}


def handles(*names: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for n in names:
            HANDLERS[n] = fn
        return fn

    return register


def normalize(rule: str, groups: Groups, ctx: Context) -> Norm | None:
    """TIMEX3 reading of one candidate, or None to reject it."""
    norm = HANDLERS[rule](groups, ctx)
    if norm is None:
        return None
    if norm.start is None and norm.type in ("DATE", "TIME"):
        rng = cal.value_range(norm.value)
        if rng:
            norm = Norm(norm.type, norm.value, norm.mod, rng[0], rng[1], norm.anchored)
    return norm


# ---------------------------------------------------------------- word helpers


def _month(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return lexicon()["weekdays"][word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word)[0])


def _year(word: str, anchor: dt.date | None) -> int:
    y = int(word)
    if len(word) == 2:
        century = (anchor.year // 100 * 100) if anchor else 1900
        y += century if y <= (anchor.year % 100 if anchor else 99) + 10 else century - 100
    return y


def _pos_mod(pos: str | None) -> str | None:
    if not pos:
        return None
    key = re.sub(r"\s+", " ", pos.lower()).strip()
    key = key.rstrip("-") if key.startswith("mid") else key
    mods = lexicon()["position_modifiers"]
    return mods.get(key, mods.get(key.replace("the ", "")))


def _rel(word: str | None) -> int | None:
    if word is None:
        return None
    key = re.sub(r"\s+", " ", word.lower()).replace("the ", "").strip()
    return lexicon()["relative_words"].get(key)


def _unit(word: str) -> str:
    return lexicon()["units"][word.lower()]


def _tod(h: int, m: int) -> str:
    return f"T{h:02d}:{m:02d}"


def _clock(text: str) -> str | None:
    t = text.lower().strip()
    words = lexicon()["clock_words"]
    for w, v in words.items():
        if t.startswith(w):
            return "T" + v
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?", t)
    if not m:
        return None
    h, mi = int(m[1]), int(m[2] or 0)
    if h > 24 or mi > 59:
        return None
    if m[3] == "p" and h < 12:
        h += 12
    if m[3] == "a" and h == 12:
        h = 0
    return _tod(h, mi)


def _date(d: dt.date, tod: str | None = None) -> str:
    return d.isoformat() + (tod or "")


# ---------------------------------------------------------------- absolute and calendar dates


@handles("date_iso", "date_slash", "date_mdy", "date_dmy", "time_date", "week_of")
def _calendar_date(g: Groups, ctx: Context) -> Norm | None:
    tod = _clock(g["clock"]) if g.get("clock") else None
    kind = "TIME" if tod else "DATE"
    if g.get("mon") is None:  # time_date with a weekday only: "9 a.m. Tuesday"
        if ctx.anchor is None:
            return Norm(kind, None, anchored=False)
        day = cal.resolve_weekday(ctx.anchor, _weekday(g["wd"]), ctx.tense)
        return Norm(kind, _date(day, tod))
    mon = int(g["mon"]) if g["mon"].isdigit() else _month(g["mon"])
    dd = _day(g["day"])
    if g.get("year"):
        try:
            day = dt.date(_year(g["year"], ctx.anchor), mon, dd)
        except ValueError:
            return None
        anchored = False
    elif ctx.anchor is None:
        return Norm(kind, f"XXXX-{mon:02d}-{dd:02d}", anchored=False)
    else:
        tense = {"last": "past", "next": "future"}.get((g.get("dir") or "").lower(), ctx.tense)
        resolved = cal.resolve_month_day(ctx.anchor, mon, dd, tense)
        if resolved is None:
            return None
        day, anchored = resolved, True
    if g.get("rel") or ctx.text[ctx.start : ctx.end].lower().startswith(("week of", "the week of")):
        return Norm("DATE", cal.week_value(day), anchored=anchored)
    return Norm(kind, _date(day, tod), anchored=anchored)


@handles("month_year")
def _month_year(g: Groups, ctx: Context) -> Norm | None:
    return Norm("DATE", cal.month_value(int(g["year"]), _month(g["mon"])), _pos_mod(g["pos"]), anchored=False)


@handles("month", "month_rel")
def _month_name(g: Groups, ctx: Context) -> Norm | None:
    word = g["mon"]
    lex = lexicon()
    if word.lower().rstrip(".") in lex["ambiguous_months"] and not g.get("pos") and not g.get("rel"):
        if ctx.word_before() not in lex["month_cues"] or re.match(r"\s+of\s+(?!\d)", ctx.text_after(8)):
            return None  # "may refuse", "the March of the Combatants"
    if len(word) <= 4 and not word.endswith(".") and re.match(r"\s+[A-Z]", ctx.text_after(3)):
        return None  # "Jan Kavan", "Dec Smith": a name, not a month
    mon = _month(word)
    mod = _pos_mod(g.get("pos"))
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{mon:02d}", mod, anchored=False)
    rel = _rel(g.get("rel"))
    a = ctx.anchor
    if rel == -1:
        year = a.year if mon < a.month else a.year - 1
    elif rel == 1:
        year = a.year if mon > a.month else a.year + 1
    else:
        year = cal.resolve_month(a, mon, ctx.tense)
    return Norm("DATE", cal.month_value(year, mon), mod)


@handles("holiday")
def _holiday(g: Groups, ctx: Context) -> Norm | None:
    lex = lexicon()
    name = re.sub(r"\s+", " ", g["hol"].lower())
    week = name in lex["holiday_weeks"]
    spec = lex["holiday_weeks"][name] if week else lex["holidays"][name]

    def out(day: dt.date, anchored: bool = True) -> Norm:
        return Norm("DATE", cal.week_value(day) if week else day.isoformat(), anchored=anchored)

    if g.get("year"):
        return out(cal.holiday_date(spec, int(g["year"])), False)
    if ctx.anchor is None:
        return Norm("DATE", None, anchored=False)
    a = ctx.anchor
    options = [cal.holiday_date(spec, y) for y in (a.year - 1, a.year, a.year + 1)]
    rel = _rel(g.get("rel"))
    tense = {-1: "past", 1: "future"}.get(rel, ctx.tense) if rel is not None else ctx.tense
    return out(cal.nearest_by_tense(a, options, tense))


# ---------------------------------------------------------------- clock times and days


@handles("clock", "clock_pod")
def _clock_time(g: Groups, ctx: Context) -> Norm | None:
    if g.get("pod"):
        n = number_value(g["clock"])
        if not isinstance(n, int) or not 0 < n <= 12:
            return None
        h = n + 12 if g["pod"].lower() in ("afternoon", "evening") and n < 12 else n
        tod = _tod(h, 0)
    else:
        tod = _clock(g["clock"])
        if tod is None:
            return None
    if ctx.anchor is None:
        return Norm("TIME", None, anchored=False)
    offset = lexicon()["deictic_days"].get((g.get("deictic") or "today").lower(), 0)
    return Norm("TIME", _date(ctx.anchor + dt.timedelta(days=offset), tod))


@handles("clock24")
def _clock24(g: Groups, ctx: Context) -> Norm | None:
    """Wire-service times: "at 1400 GMT"."""
    tod = _tod(int(g["h"]), int(g["m"]))
    if ctx.anchor is None:
        return Norm("TIME", None, anchored=False)
    return Norm("TIME", _date(ctx.anchor, tod))


@handles("century")
def _century(g: Groups, ctx: Context) -> Norm | None:
    return Norm("DATE", f"{int(g['cent']) - 1:02d}", _pos_mod(g.get("pos")), anchored=False)


@handles("weekday")
def _weekday_name(g: Groups, ctx: Context) -> Norm | None:
    pod = lexicon()["parts_of_day"].get((g.get("pod") or "").lower())
    kind = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return Norm(kind, None, anchored=False)
    wd, a = _weekday(g["wd"]), ctx.anchor
    rel = _rel(g.get("rel"))
    if rel == -1:
        day = cal.weekday_on_or_before(a - dt.timedelta(days=1), wd)
    elif rel == 1:
        day = cal.weekday_on_or_after(a + dt.timedelta(days=1), wd)
    else:
        day = cal.resolve_weekday(a, wd, ctx.tense)
    return Norm(kind, _date(day, "T" + pod if pod else None))


@handles("deictic")
def _deictic(g: Groups, ctx: Context) -> Norm | None:
    lex = lexicon()
    word = re.sub(r"\s+", " ", g["deictic"].lower()).replace("the ", "")
    offset = {"day before yesterday": -2, "day after tomorrow": 2}.get(word, lex["deictic_days"].get(word))
    pod = lex["parts_of_day"].get((g.get("pod") or "").lower()) or lex["deictic_parts"].get(word)
    kind = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return Norm(kind, None, anchored=False)
    return Norm(kind, _date(ctx.anchor + dt.timedelta(days=offset), "T" + pod if pod else None))


@handles("anaphoric")
def _anaphoric(g: Groups, ctx: Context) -> Norm | None:
    """"that same day", "the next morning", "later that year": relative to the story's last date."""
    unit = g["unit"].lower()
    det = re.sub(r"\s+", " ", g["det"].lower())
    pod = lexicon()["parts_of_day"].get(unit)
    day_level = unit == "day" or pod is not None
    ref = (ctx.reference_day if day_level else ctx.reference_any) or ctx.anchor
    if ref is None:
        return Norm("TIME" if pod else "DATE", None, anchored=False)
    step = 1 if det in ("the next", "the following") else -1 if det in ("the previous", "the preceding") else 0
    if day_level:
        day = ref + dt.timedelta(days=step)
        return Norm("TIME" if pod else "DATE", _date(day, "T" + pod if pod else None))
    day = _shift(ref, unit, step)
    return Norm("DATE", _unit_value(day, unit))


@handles("weekend")
def _weekend(g: Groups, ctx: Context) -> Norm | None:
    if ctx.anchor is None:
        return Norm("DATE", None, anchored=False)
    a = ctx.anchor
    rel = _rel(g["rel"]) if g["rel"].lower() != "the" else None
    this_sat = a + dt.timedelta(days=5 - a.weekday())
    if rel == -1 or (rel is None and ctx.tense == "past") or (rel is None and ctx.tense is None and a.weekday() <= 2):
        sat = this_sat if a.weekday() >= 5 else this_sat - dt.timedelta(days=7)
    elif rel == 1 and a.weekday() >= 5:
        sat = this_sat + dt.timedelta(days=7)
    else:
        sat = this_sat
    return Norm("DATE", cal.week_value(sat) + "-WE", start=sat, end=sat + dt.timedelta(days=1))


# ---------------------------------------------------------------- this/last/next unit


def _shift(a: dt.date, unit: str, n: int) -> dt.date:
    if unit == "week":
        return a + dt.timedelta(weeks=n)
    if unit == "month":
        return a + relativedelta(months=n)
    if unit == "quarter":
        return a + relativedelta(months=3 * n)
    if unit == "decade":
        return a + relativedelta(years=10 * n)
    if unit == "century":
        return a + relativedelta(years=100 * n)
    return a + relativedelta(years=n)


def _unit_value(day: dt.date, unit: str) -> str:
    if unit == "week":
        return cal.week_value(day)
    if unit == "month":
        return cal.month_value(day.year, day.month)
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{day.year // 10}X"
    if unit == "century":
        return f"{day.year // 100}XX"
    if unit == "fiscal year":
        return f"FY{day.year}"
    return str(day.year)


DURATION_CODE = {"week": "P1W", "month": "P1M", "year": "P1Y", "decade": "P10Y", "century": "P100Y", "quarter": "P3M"}


@handles("rel_unit")
def _relative_unit(g: Groups, ctx: Context) -> Norm | None:
    unit = re.sub(r"\s+", " ", g["unit"].lower())
    if unit == "season":
        return None
    rel_word = re.sub(r"\s+", " ", g["rel"].lower())
    mod = _pos_mod(g.get("pos"))
    if rel_word == "the" and not g.get("pos"):
        return None  # "the year" alone is usually not a reference to a calendar year
    rel = 0 if rel_word == "the" else _rel(rel_word)
    if rel is None:
        return None
    has_the = rel_word.startswith("the ") and not g.get("pos")
    if has_the and rel == -1 and unit in DURATION_CODE:
        # "the past year": a period ending now, not a calendar year.
        if ctx.anchor is None:
            return Norm("DURATION", DURATION_CODE[unit], anchored=False)
        return Norm("DURATION", DURATION_CODE[unit], start=_shift(ctx.anchor, unit, -1), end=ctx.anchor)
    if ctx.anchor is None:
        return Norm("DATE", None, mod, anchored=False)
    day = _shift(ctx.anchor, unit, rel)
    return Norm("DATE", _unit_value(day, unit), mod)


@handles("season")
def _season(g: Groups, ctx: Context) -> Norm | None:
    lex = lexicon()
    code = lex["seasons"][g["season"].lower()]
    rel_word = (g.get("rel") or "").lower()
    if not g.get("year") and not rel_word and not g.get("pos"):
        if ctx.word_before() not in lex["season_cues"]:
            return None
    if g["season"][0].isupper() and ctx.word_before() not in lex["season_cues"] and not rel_word and not g.get("year"):
        return None
    mod = _pos_mod(g.get("pos"))
    if g.get("year"):
        return Norm("DATE", f"{g['year']}-{code}", mod, anchored=False)
    if ctx.anchor is None:
        return Norm("DATE", None, mod, anchored=False)
    a = ctx.anchor
    options = [(y, cal.value_range(f"{y}-{code}")) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    rel = _rel(rel_word) if rel_word and rel_word != "the" else None
    tense = {-1: "past", 1: "future"}.get(rel, ctx.tense) if rel else ctx.tense
    if rel == -1:
        year = max(y for y, (s, e) in options if e < a)
    elif rel == 1:
        year = min(y for y, (s, e) in options if s > a)
    elif tense == "past":
        year = max(y for y, (s, e) in options if s <= a)
    elif tense == "future":
        year = min(y for y, (s, e) in options if e >= a)
    else:
        year = next((y for y, (s, e) in options if s <= a <= e), a.year)
    return Norm("DATE", f"{year}-{code}", mod)


@handles("quarter")
def _quarter(g: Groups, ctx: Context) -> Norm | None:
    ords = lexicon()["quarter_words"]
    o = g["ord"].lower()
    n = int(o[0]) if o[0].isdigit() else ords[o]
    half = g["unit"].lower() == "half"
    if half and n > 2:
        n = 2 if o in ("last", "final") else None
        if n is None:
            return None
    code = f"H{n}" if half else f"Q{n}"
    if g.get("year"):
        return Norm("DATE", f"{g['year']}-{code}", anchored=False)
    if ctx.anchor is None:
        return Norm("DATE", None, anchored=False)
    shift = _rel(g.get("rel")) if g.get("rel") and g["rel"].lower() != "the" else 0
    return Norm("DATE", f"{ctx.anchor.year + (shift or 0)}-{code}")


@handles("fiscal")
def _fiscal(g: Groups, ctx: Context) -> Norm | None:
    return Norm("DATE", f"FY{_year(g['year'], ctx.anchor)}", anchored=False)


@handles("decade", "decade2")
def _decade(g: Groups, ctx: Context) -> Norm | None:
    if g.get("decade"):
        value = g["decade"][:3] + "X"
    else:
        d = int(g["dec2"])
        current = (ctx.anchor.year % 100) if ctx.anchor else 99
        value = ("19" if d > current else "20") + g["dec2"][0] + "X"
    return Norm("DATE", value, _pos_mod(g.get("pos")), anchored=False)


@handles("year")
def _year_number(g: Groups, ctx: Context) -> Norm | None:
    pos = (g.get("pos") or "").lower()
    mod = {"post-": "AFTER", "pre-": "BEFORE"}.get(pos) or _pos_mod(pos)
    return Norm("DATE", g["year"], mod, anchored=False)


# ---------------------------------------------------------------- durations and offsets


def _period(num: float | str, unit_word: str) -> str | None:
    """TIMEX3 duration: P3D, PT5H30M, P20Y, PXY."""
    code = _unit(unit_word)
    if code == "WE":
        return None
    is_time = unit_word.lower() in lexicon()["time_units"]
    m = re.fullmatch(r"(\d*)(\w+)", code)
    mult, letter = int(m[1] or 1), m[2]
    if letter == "Q":
        mult, letter = 3 * mult, "M"
    if num == "X":
        return ("PT" if is_time else "P") + "X" + ("Y" if mult >= 10 else letter)
    n = num * mult
    if isinstance(n, float) and not n.is_integer():
        if is_time and letter == "H":
            return f"PT{int(n)}H{round((n % 1) * 60)}M"
        if letter == "Y":
            return f"P{round(n * 12)}M"
        return ("PT" if is_time else "P") + f"{n:g}{letter}"
    return ("PT" if is_time else "P") + f"{int(n)}{letter}"


def _approx(g: Groups) -> str | None:
    if not g.get("approx"):
        return None
    return lexicon()["approx_modifiers"].get(re.sub(r"\s+", " ", g["approx"].lower()))


def _offset(a: dt.date, num: float, unit_word: str, sign: int) -> tuple[str, dt.date] | None:
    code = _unit(unit_word)
    m = re.fullmatch(r"(\d*)(\w+)", code)
    mult, letter = int(m[1] or 1), m[2]
    n = int(round(num * mult)) * sign
    if unit_word.lower() in lexicon()["time_units"]:
        return a.isoformat(), a
    if letter == "D":
        d = a + dt.timedelta(days=n)
        return d.isoformat(), d
    if letter == "W":
        d = a + dt.timedelta(weeks=n)
        return cal.week_value(d), d
    if letter in ("M", "Q"):
        d = a + relativedelta(months=n * (3 if letter == "Q" else 1))
        return cal.month_value(d.year, d.month), d
    if letter == "Y":
        d = a + relativedelta(years=n)
        return str(d.year), d
    return None


@handles("ago")
def _ago(g: Groups, ctx: Context) -> Norm | None:
    num = number_value(g["num"])
    if num is None:
        return None
    sign = -1 if g["dir"].lower() == "ago" else 1
    if num == "X":
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", _approx(g))
    if ctx.anchor is None:
        return Norm("DATE", None, _approx(g), anchored=False)
    res = _offset(ctx.anchor, num, g["unit"], sign)
    if res is None:
        return None
    return Norm("DATE", res[0], _approx(g))


@handles("ndur_rel")
def _recent_period(g: Groups, ctx: Context) -> Norm | None:
    num = number_value(g["num"])
    if num is None or g["unit"].lower() in ("second",):
        return None
    value = _period(num, g["unit"])
    if value is None:
        return None
    rel = _rel(g["rel"])
    if ctx.anchor is None or num == "X" or rel is None:
        return Norm("DURATION", value, _approx(g), anchored=False)
    res = _offset(ctx.anchor, num, g["unit"], -1 if rel == -1 else 1)
    if res is None:
        return Norm("DURATION", value, _approx(g))
    other = res[1]
    return Norm("DURATION", value, _approx(g), start=min(other, ctx.anchor), end=max(other, ctx.anchor))


@handles("duration")
def _duration(g: Groups, ctx: Context) -> Norm | None:
    num = number_value(g["num"])
    unit = g["unit"].lower()
    if num is None:
        return None
    if unit in ("second", "min") and g["num"].lower() in ("a", "an", "one"):
        return None  # "a second attack"
    if re.match(r"\s*(?:-|\s)?old\b", ctx.text_after(6)) or re.match(r"-old", ctx.text_after(4)):
        return None  # ages are not durations
    value = _period(num, unit)
    if value is None:
        return None
    return Norm("DURATION", value, _approx(g), anchored=False)


@handles("vague_dur")
def _vague_duration(g: Groups, ctx: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel == "the" and ctx.word_before() not in ("over", "for", "through", "throughout", "during", "in"):
        return None
    value = _period("X", g["unit"].rstrip("s") if g["unit"].lower() != "centuries" else "century")
    if rel in ("coming", "the coming", "next", "the next"):
        return Norm("DURATION", value, anchored=False)
    return Norm("DURATION", value, anchored=False)


@handles("bare_plural")
def _bare_plural(g: Groups, ctx: Context) -> Norm | None:
    word = g["unit"].lower()
    if word.endswith("-long"):
        return Norm("DURATION", _period("X", word.split("-")[0].rstrip("s")), anchored=False)
    if ctx.word_before() not in lexicon()["bare_plural_cues"]:
        return None
    if re.match(r"\s+(?:ago|old|of|later|earlier|before|after)\b", ctx.text_after(10)):
        return None
    unit = "century" if word == "centuries" else word.rstrip("s")
    return Norm("DURATION", _period("X", unit), anchored=False)


# ---------------------------------------------------------------- sets and references


@handles("set_every")
def _set_every(g: Groups, ctx: Context) -> Norm | None:
    unit = g["unit"].lower().rstrip(".")
    lex = lexicon()
    if unit in lex["weekdays"]:
        return Norm("SET", f"XXXX-WXX-{lex['weekdays'][unit] + 1}", anchored=False)
    if unit in lex["parts_of_day"]:
        return Norm("SET", "XXXX-XX-XXT" + lex["parts_of_day"][unit], anchored=False)
    num = g.get("num")
    n = 2 if num and num.lower() == "other" else (number_value(num) if num else 1)
    if n is None or n == "X":
        return None
    value = _period(n, unit)
    return Norm("SET", value, anchored=False) if value else None


@handles("set_freq")
def _set_freq(g: Groups, ctx: Context) -> Norm | None:
    value = _period(1, g["unit"])
    return Norm("SET", value, anchored=False) if value else None


@handles("set_word")
def _set_word(g: Groups, ctx: Context) -> Norm | None:
    return Norm("SET", lexicon()["sets"][g["set"].lower()], anchored=False)


@handles("reference")
def _reference(g: Groups, ctx: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", g["ref"].lower())
    if word == "the past" and ctx.word_before() not in ("in", "of", "from"):
        return None
    return Norm("DATE", lexicon()["references"][word], anchored=False)
