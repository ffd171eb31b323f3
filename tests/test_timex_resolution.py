"""Case-by-case tests of eventwire's temporal resolution rules (issue 5).

Anchor: 2016-03-23, a Wednesday (the Palmyra sample's date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Article, TimeExpr
from eventwire.nlp import load_nlp, parse
from eventwire.timex import find_timexes
from eventwire.timex import calendar as cal

WED = dt.date(2016, 3, 23)


def timexes(txt: str, date: dt.date | None = WED) -> dict[str, TimeExpr]:
    article = Article(id="t", text=txt, raw_text=txt, date=date)
    return {t.span.text: t for t in find_timexes(parse(article, load_nlp()(txt)))}


def only(txt: str, date: dt.date | None = WED) -> TimeExpr:
    found = timexes(txt, date)
    assert len(found) == 1, found
    return next(iter(found.values()))


# ---------------------------------------------------------------- Palmyra sentences


def test_will_adjourn_on_thursday_is_the_next_thursday():
    t = timexes("Negotiators are officially to adjourn on Thursday. The talks will adjourn on Thursday.")
    assert t["Thursday"].value == "2016-03-24"
    assert (t["Thursday"].start, t["Thursday"].end) == (dt.date(2016, 3, 24), dt.date(2016, 3, 24))


def test_said_on_wednesday_is_the_article_day():
    t = only("The High Negotiations Committee (HNC) said on Wednesday that talks continue.")
    assert t.span.text == "Wednesday"  # no leading "on"
    assert t.value == "2016-03-23"


def test_past_weekday_looks_back():
    assert only("The army said on Monday it had retaken the hills.").value == "2016-03-21"
    assert only("The army said on Friday it had retaken the hills.").value == "2016-03-18"


def test_future_weekday_looks_forward():
    assert only("The envoy will meet rebels on Monday.").value == "2016-03-28"


def test_last_week_is_previous_iso_week_with_range():
    t = only("Last week, the Russian military said its aircraft were flying sorties.")
    assert t.span.text == "Last week"
    assert t.value == "2016-W11"
    assert (t.start, t.end) == (dt.date(2016, 3, 14), dt.date(2016, 3, 20))


def test_this_week():
    t = only("There is hope that meetings in Moscow this week could deliver momentum.")
    assert t.value == "2016-W12"
    assert (t.start, t.end) == (dt.date(2016, 3, 21), dt.date(2016, 3, 27))


def test_month_without_year_past_tense_is_previous_may():
    t = only("The army is trying to retake Palmyra, which the militants seized in May.")
    assert t.span.text == "May"
    assert t.value == "2015-05"
    assert (t.start, t.end) == (dt.date(2015, 5, 1), dt.date(2015, 5, 31))


def test_planned_and_scheduled_look_forward():
    assert only("The summit is set for April.").value == "2016-04"
    assert only("The accession was planned for early February.").value == "2017-02"
    assert only("Officials postponed any action until Tuesday.").value == "2016-03-29"


def test_possessive_weekday_is_nearest_and_span_drops_s():
    t = only("Relatives said they would look for ways to get around Monday's ruling.")
    assert (t.span.text, t.value) == ("Monday", "2016-03-21")


def test_hedge_stays_outside_span_but_comparative_inside():
    assert only("The flight took about five hours.").span.text == "five hours"
    assert only("The statement came less than an hour later.").span.text == "less than an hour"


def test_clock_time_takes_the_day_of_its_sentence():
    t = timexes("The blast on Monday happened at 10:35 a.m., police said.")
    assert t["10:35 a.m."].value == "2016-03-21T10:35"


def test_bare_month_far_day_falls_back_to_nearest():
    # Said on the 23rd about "the March 30 deadline": past tense would give last year's.
    assert only("Officials announced the March 30 deadline.").value == "2016-03-30"


def test_names_are_not_months():
    assert timexes("Ministers Janos Martonyi and Jan Kavan met NATO officials.") == {}


def test_month_without_year_future_tense_is_next_occurrence():
    assert only("Elections will be held in February.").value == "2017-02"
    assert only("Elections will be held in April.").value == "2016-04"


def test_modal_may_is_not_a_month():
    assert timexes("The government may refuse to negotiate.") == {}


def test_start_of_the_month():
    t = only("The regime launched an offensive at the start of the month backed by air strikes.")
    assert t.span.text == "the start of the month"
    assert (t.value, t.mod) == ("2016-03", "START")


def test_earlier_this_month_and_late_month():
    assert only("Rebels captured the town earlier this month.").value == "2016-03"
    t = only("The ceasefire began in late February.")
    assert (t.value, t.mod) == ("2016-02", "END")


def test_a_few_hours_is_vague_duration():
    t = only("In a few hours forces will declare the city secure.")
    assert (t.span.text, t.type, t.value) == ("a few hours", "DURATION", "PTXH")


def test_over_the_years_is_vague_years():
    t = only("Opponents had been imprisoned and tortured over the years.")
    assert (t.span.text, t.type, t.value) == ("years", "DURATION", "PXY")  # TimeML: durations without "the"


def test_frequency_is_a_set():
    t = timexes("Aircraft were flying up to 25 sorties a day over Palmyra.")
    assert t["a day"].type == "SET" and t["a day"].value == "P1D"


def test_caption_date_is_absolute():
    t = only("Geneva, Switzerland, Wednesday, March 23, 2016.")
    assert (t.value, t.anchor) == ("2016-03-23", "text")


# ---------------------------------------------------------------- deictic and other relative forms


def test_yesterday_today_tomorrow():
    t = timexes("Yesterday the army advanced; today it holds the hills and tomorrow it may move on.")
    assert t["Yesterday"].value == "2016-03-22"
    assert t["today"].value == "2016-03-23"
    assert t["tomorrow"].value == "2016-03-24"


def test_tonight_is_the_article_night():
    t = only("The council meets tonight.")
    assert (t.type, t.value) == ("TIME", "2016-03-23TNI")
    assert t.start == WED


def test_weekday_with_part_of_day():
    t = only("The blast happened on Monday morning.")
    assert (t.span.text, t.type, t.value) == ("Monday morning", "TIME", "2016-03-21TMO")


def test_last_and_next_weekday():
    t = timexes("He arrived last Wednesday and leaves next Wednesday.")
    assert t["last Wednesday"].value == "2016-03-16"
    assert t["next Wednesday"].value == "2016-03-30"


def test_last_month_last_year_next_year():
    t = timexes("Prices rose last month and last year, and will fall next year.")
    assert t["last month"].value == "2016-02"
    assert t["last year"].value == "2015"
    assert t["next year"].value == "2017"


def test_ago_resolves_against_article_date():
    assert only("The town fell three days ago.").value == "2016-03-20"
    assert only("The war began five years ago.").value == "2011"


def test_durations():
    assert only("The siege lasted three days.").value == "P3D"
    assert only("a 16-hour standoff").value == "PT16H"
    assert only("They waited 5 1/2 hours.").value == "PT5H30M"
    assert only("The talks lasted more than two weeks.").mod == "MORE_THAN"


def test_past_n_months_is_a_duration_with_range():
    t = only("Fighting has intensified over the past four months.")
    assert (t.span.text, t.type, t.value) == ("past four months", "DURATION", "P4M")
    assert (t.start, t.end) == (dt.date(2015, 11, 23), WED)


def test_now_and_the_past_are_references():
    t = timexes("Now the town is quiet, as it was in the past.")
    assert t["Now"].value == "PRESENT_REF"
    assert t["the past"].value == "PAST_REF"


def test_absolute_dates_and_years():
    t = timexes("The treaty of March 5, 1946 was revised in 1995 and again in the 1990s.")
    assert t["March 5, 1946"].value == "1946-03-05"
    assert t["1995"].value == "1995"
    assert t["1990s"].value == "199X"


def test_number_before_plural_noun_is_not_a_year():
    assert "2000" not in timexes("About 2000 people fled the town.")


def test_holidays_and_seasons():
    t = timexes("Talks will resume after Easter and end by Christmas. They began last fall.")
    assert t["Easter"].value == "2016-03-27"  # future tense: the coming Easter
    assert t["Christmas"].value == "2016-12-25"
    assert t["last fall"].value == "2015-FA"


def test_quarter_and_fiscal():
    t = timexes("Profits fell in the first quarter of 2015 and in fiscal 2014.")
    assert t["the first quarter of 2015"].value == "2015-Q1"
    assert t["fiscal 2014"].value == "FY2014"


def test_sets():
    assert only("The paper is published daily.").value == "P1D"
    t = only("They meet every Monday.")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-1")


def test_no_article_date_leaves_relative_values_unresolved():
    t = timexes("Last week the army said on Thursday it took the town in May 2015.", date=None)
    assert t["Last week"].value is None
    assert t["Thursday"].value is None
    assert t["May 2015"].value == "2015-05"


# ---------------------------------------------------------------- calendar helpers


@pytest.mark.parametrize(
    ("weekday", "tense", "expected"),
    [(3, "past", dt.date(2016, 3, 17)), (3, "future", dt.date(2016, 3, 24)), (3, None, dt.date(2016, 3, 24)),
     (0, None, dt.date(2016, 3, 21)), (2, "future", WED), (2, "past", WED)],
)
def test_resolve_weekday(weekday, tense, expected):
    assert cal.resolve_weekday(WED, weekday, tense) == expected


def test_resolve_month_and_ranges():
    assert cal.resolve_month(WED, 5, "past") == 2015
    assert cal.resolve_month(WED, 5, "future") == 2016
    assert cal.resolve_month(WED, 11, None) == 2015
    assert cal.value_range("2016-W11") == (dt.date(2016, 3, 14), dt.date(2016, 3, 20))
    assert cal.value_range("199X") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert cal.precision_of("2016-03") == "month"
    assert cal.easter(2016) == dt.date(2016, 3, 27)


def test_anaphoric_day_follows_the_story():
    t = timexes("The doctor was shot on Oct. 23, 1998. Earlier that day, his family went to church. "
                "Police arrived the next morning.")
    assert t["Earlier that day"].value == "1998-10-23"
    assert t["the next morning"].value == "1998-10-24TMO"


def test_years_modifying_nouns():
    t = timexes("The leaders of the 1992 protests and the post-1959 politics; 1500 troops arrived.")
    assert t["1992"].value == "1992"
    assert (t["post-1959"].value, t["post-1959"].mod) == ("1959", "AFTER")
    assert "1500" not in t


def test_compound_numbers_and_article_before_number():
    assert only("It was a five-hour flight.").value == "PT5H"
    assert only("The siege lasted twenty-five days.").value == "P25D"


def test_last_month_day_and_until_in_past_clause():
    assert only("He was last seen last Oct. 23.").value == "2015-10-23"
    assert only("Until Tuesday, they had not called him a suspect.").value == "2016-03-22"


def test_month_day_without_tense_leans_to_the_past():
    # 23 Oct is 152 days back and 214 ahead; 1 May is 39 days ahead and 327 back.
    assert cal.resolve_month_day(WED, 10, 23, None) == dt.date(2015, 10, 23)
    assert cal.resolve_month_day(WED, 5, 1, None) == dt.date(2016, 5, 1)
    assert cal.resolve_month(WED, 9, None) == 2015
    assert cal.resolve_month(WED, 6, None) == 2016


def test_titles_are_not_times():
    assert timexes("He starred in the film ``High Noon.''") == {}
    assert timexes("He led the ``March of the Combatants'' in Havana.") == {}


def test_without_article_date_a_caption_or_dateline_anchors():
    from eventwire.model import Span
    from eventwire.timex.anchor import choose_anchor

    cap = "Staffan de Mistura arrives in Geneva, Switzerland, Wednesday, March 23, 2016."
    base = Article(id="t", text="x", raw_text="x")
    assert choose_anchor(base) == (None, "none")
    assert choose_anchor(Article(id="t", text="x", raw_text="x", captions=(Span(0, len(cap), cap),))) == (WED, "caption")
    assert choose_anchor(Article(id="t", text="x", raw_text="x", dateline="GENEVA, March 23, 2016 (Reuters)")) == (
        WED, "dateline")
    txt = "The talks will adjourn on Thursday."
    article = Article(id="t", text=txt, raw_text=txt, captions=(Span(0, len(cap), cap),))
    (t,) = find_timexes(parse(article, load_nlp()(txt)))
    assert (t.value, t.anchor) == ("2016-03-24", "caption")


def test_wire_clock_and_centuries():
    t = timexes("Jets struck on Monday at 1400 GMT, a tactic of the late 20th century.")
    assert t["1400 GMT"].value == "2016-03-21T14:00"
    assert (t["the late 20th century"].value, t["the late 20th century"].mod) == ("19", "END")
