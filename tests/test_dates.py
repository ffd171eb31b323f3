import datetime as dt

from eventwire.dates import article_date, date_from_url, parse_date


def test_parse_date_forms():
    assert parse_date("2016-03-23") == dt.date(2016, 3, 23)
    assert parse_date("2016-03-23T10:00:00Z") == dt.date(2016, 3, 23)
    assert parse_date("Wednesday, March 23, 2016") == dt.date(2016, 3, 23)
    assert parse_date("March 10, 2002") == dt.date(2002, 3, 10)
    assert parse_date("March 2016") is None  # not a full date
    assert parse_date("yesterday") is None
    assert parse_date("") is None


def test_url_dates():
    assert date_from_url("https://x.example/world/2016/03/23/syria-palmyra") == dt.date(2016, 3, 23)
    assert date_from_url("https://x.example/news/20160323-syria") == dt.date(2016, 3, 23)
    assert date_from_url("https://x.example/news/2016/13/45/x") is None
    assert date_from_url(None) is None


def test_article_date_precedence_and_source():
    caption = ("Envoy arrives in Geneva, Switzerland, Wednesday, March 23, 2016.",)
    assert article_date("2016-03-20", captions=caption) == (dt.date(2016, 3, 20), "metadata")
    assert article_date(None, captions=caption) == (dt.date(2016, 3, 23), "caption")
    assert article_date(None, publication_line="March 10, 2002") == (dt.date(2002, 3, 10), "text")
    assert article_date("not a date", url="https://x.example/2016/03/23/a") == (dt.date(2016, 3, 23), "url")
    assert article_date(None) == (None, "none")
