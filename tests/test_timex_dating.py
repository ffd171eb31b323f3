"""date_events: attached timex, else sentence timex, else article date; history is not today."""

from __future__ import annotations

import datetime as dt

from eventwire.model import Article, Event
from eventwire.nlp import load_nlp, parse
from eventwire.timex import date_events, find_timexes

WED = dt.date(2016, 3, 23)


def dated(txt: str, trigger: str, date: dt.date | None = WED) -> Event:
    article = Article(id="t", text=txt, raw_text=txt, date=date)
    parsed = parse(article, load_nlp()(txt))
    at = txt.index(trigger)
    span = parsed.span(at, at + len(trigger))
    event = Event(sentence=parsed.sentence_of_char(at), evidence=span, trigger=span, event_type="ASSAULT",
                  mode=None, cameo_code=None, quad_class=None, goldstein=None, source=None, target=None)
    (out,) = date_events(parsed, [event], find_timexes(parsed))
    assert out.trigger == event.trigger  # a copy of the same event
    return out


def test_attached_weekday_dates_the_event():
    e = dated("Rebels attacked the convoy on Monday, officials said.", "attacked")
    assert (e.date_start, e.date_end, e.date_precision, e.date_source) == (
        dt.date(2016, 3, 21), dt.date(2016, 3, 21), "day", "timex-attached")


def test_attached_beats_nearer_timex_of_another_clause():
    e = dated("Troops seized the town in May, after talks that were held on Monday collapsed.", "seized")
    assert e.date_source == "timex-attached"
    assert (e.date_start, e.date_end, e.date_precision) == (dt.date(2015, 5, 1), dt.date(2015, 5, 31), "month")


def test_last_week_gives_a_week_range():
    e = dated("Last week, the Russian military said its aircraft were bombing Palmyra.", "said")
    assert (e.date_start, e.date_end, e.date_precision) == (dt.date(2016, 3, 14), dt.date(2016, 3, 20), "week")


def test_sentence_timex_on_governing_verb():
    e = dated("On Monday, officials said that rebels had attacked the convoy.", "attacked")
    assert (e.date_source, e.date_start, e.date_precision) == ("timex-sentence", dt.date(2016, 3, 21), "day")


def test_article_date_fallback():
    e = dated("Rebels attacked the convoy near the border.", "attacked")
    assert (e.date_start, e.date_end, e.date_precision, e.date_source) == (WED, WED, "day", "article-date")


def test_no_article_date_means_no_date():
    e = dated("Rebels attacked the convoy near the border.", "attacked", date=None)
    assert (e.date_start, e.date_source) == (None, "none")


def test_over_the_years_is_historical_not_article_day():
    e = dated("Opponents had been imprisoned and tortured over the years.", "tortured")
    assert e.date_source == "historical"
    assert e.date_start is None and e.date_end is None


def test_historical_clause_does_not_undate_main_event():
    txt = "IS demolished the prison, where opponents had been tortured over the years."
    e = dated(txt, "demolished")
    assert e.date_source == "article-date" and e.date_start == WED


def test_past_n_months_dates_as_range():
    e = dated("Government forces have shelled the town over the past four months.", "shelled")
    assert e.date_precision == "range"
    assert (e.date_start, e.date_end) == (dt.date(2015, 11, 23), WED)


def test_sentence_timex_never_crosses_a_paragraph_break():
    txt = "Army seizes hills near Palmyra\n\nThe militants seized the town in May."
    e = dated(txt, "seizes")
    assert e.date_source == "article-date" and e.date_start == WED


def test_scoping_timex_beats_nearer_one():
    txt = "Last week, the military said its jets were bombing the town that fell in May."
    e = dated(txt, "bombing")
    assert e.date_source == "timex-sentence"
    assert (e.date_start, e.date_end) == (dt.date(2016, 3, 14), dt.date(2016, 3, 20))


def test_coordinated_predicates_share_historical_modifier():
    e = dated("Opponents had been imprisoned and tortured over the years.", "imprisoned")
    assert e.date_source == "historical" and e.date_start is None


def test_timex_of_another_clause_does_not_date_the_event():
    e = dated("The army is trying to retake Palmyra, which the militants seized in May.", "retake")
    assert e.date_source == "article-date" and e.date_start == WED
