"""Calendar arithmetic for TIMEX3 values.

Kept apart from the grammar so that every relative rule ("last week", "the
Wednesday before") reduces to a handful of tested functions over ``datetime.date``.
TIMEX3 weeks are ISO weeks (Monday first), which is what TimeML annotators use.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

Range = tuple[dt.date, dt.date]


def add_months(day: dt.date, months: int) -> dt.date:
    return day + relativedelta(months=months)


def month_range(year: int, month: int) -> Range:
    first = dt.date(year, month, 1)
    return first, add_months(first, 1) - dt.timedelta(days=1)


def week_range(day: dt.date) -> Range:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def resolve_weekday(anchor: dt.date, weekday: int, tense: str | None) -> dt.date:
    """The weekday a news story means by a bare day name.

    Past tense looks back (the same day counts: "said on Wednesday" in a Wednesday
    story is that day), future tense looks forward; without a tense signal the
    nearer of the two wins, ties going to the past because news mostly reports.
    """
    before = weekday_on_or_before(anchor, weekday)
    after = weekday_on_or_after(anchor, weekday)
    if tense == "past":
        return before
    if tense == "future":
        return after
    return before if (anchor - before) <= (after - anchor) else after


# Tense decides only within this reach; beyond it the tense reading is usually a parse
# or reporting-frame artefact ("the Jan. 14 deadline" said on Jan. 5) and the nearer date wins.
MONTH_REACH = 11  # months: for a bare month name the tense always decides
DAY_REACH = 300  # days
# Without a tense, a later date is chosen only if it is this many times nearer than the
# earlier one: news reports more than it announces.
PAST_LEAN = 1.5


def resolve_month(anchor: dt.date, month: int, tense: str | None) -> int:
    """The year of a month named without one ("seized in May" in a March story → last May)."""
    if month == anchor.month:
        return anchor.year
    if tense == "past":
        year = anchor.year if month < anchor.month else anchor.year - 1
        if (anchor.year - year) * 12 + anchor.month - month <= MONTH_REACH:
            return year
    if tense == "future":
        year = anchor.year if month > anchor.month else anchor.year + 1
        if (year - anchor.year) * 12 + month - anchor.month <= MONTH_REACH:
            return year
    # No tense signal: the nearer occurrence, with news's lean to the past (PAST_LEAN).
    past_year = anchor.year if month < anchor.month else anchor.year - 1
    back = (anchor.year - past_year) * 12 + anchor.month - month
    return past_year if (12 - back) * PAST_LEAN >= back else past_year + 1


def resolve_month_day(anchor: dt.date, month: int, day: int, tense: str | None) -> dt.date | None:
    """The date of "March 12" without a year, by tense and nearness like :func:`resolve_month`."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return nearest_by_tense(anchor, candidates, tense)


def nearest_by_tense(anchor: dt.date, candidates: list[dt.date], tense: str | None) -> dt.date | None:
    """The candidate date the tense points to (within :data:`DAY_REACH`), else the nearest."""
    if not candidates:
        return None
    if tense in ("past", "future"):
        fits = [c for c in candidates if (c <= anchor if tense == "past" else c >= anchor)]
        fits = [c for c in fits if abs((c - anchor).days) <= DAY_REACH]
        if fits:
            return min(fits, key=lambda c: abs((c - anchor).days))
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c > anchor]
    if past and future:
        before, after = max(past), min(future)
        return after if (after - anchor).days * PAST_LEAN < (anchor - before).days else before
    return min(candidates, key=lambda c: abs((c - anchor).days))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based; -1 = last) given weekday of a month."""
    if nth > 0:
        first = weekday_on_or_after(dt.date(year, month, 1), weekday)
        return first + dt.timedelta(weeks=nth - 1)
    _, last = month_range(year, month)
    return weekday_on_or_before(last, weekday)


def holiday_date(spec: dict, year: int) -> dt.date:
    if "easter" in spec:
        return easter(year) + dt.timedelta(days=spec["easter"])
    if spec.get("rule") == "us-election":  # Tuesday after the first Monday of November
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if "weekday" in spec:
        return nth_weekday(year, spec["month"], spec["weekday"], spec["nth"])
    return dt.date(year, spec["month"], spec["day"])


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_range(value: str | None) -> Range | None:
    """Calendar range a TIMEX3 DATE/TIME value covers, or None for non-calendar values."""
    if not value:
        return None
    value = value.split("T")[0] if re.match(r"\d{4}-\d{2}-\d{2}T", value) else value
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return month_range(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            q = int(m[2])
            return dt.date(int(m[1]), 3 * q - 2, 1), month_range(int(m[1]), 3 * q)[1]
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            h = int(m[2])
            return dt.date(int(m[1]), 6 * h - 5, 1), month_range(int(m[1]), 6 * h)[1]
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year, (first, last) = int(m[1]), SEASON_MONTHS[m[2]]
            end_year = year + 1 if m[2] == "WI" else year
            return dt.date(year, first, 1), month_range(end_year, last)[1]
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})X", value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", value):  # a century: "19" is the 1900s
            return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
        if m := re.fullmatch(r"(\d{2})XX", value):
            return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def precision_of(value: str | None) -> str | None:
    """day / week / month / year / range, the granularity an event date is known to."""
    if not value:
        return None
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{1,2}", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "range" if value_range(value) else None
