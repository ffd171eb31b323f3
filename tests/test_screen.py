"""Every input gets a first outcome before the pipeline: failed, skipped, duplicate or kept."""

from eventwire.engines.screen import screen
from eventwire.ingest.base import RawDoc
from eventwire.model import Failure

from test_lang import ENGLISH, GERMAN


def test_each_input_gets_one_outcome_in_order():
    items = [
        RawDoc(ENGLISH, "a.txt"),
        Failure("b.html", "no text"),
        RawDoc(GERMAN, "c.txt"),
        RawDoc("  " + ENGLISH.replace(" ", "\n"), "d.txt"),  # same text, other whitespace
    ]
    out = list(screen(items, ("en",)))
    assert [o.kind for o in out] == ["kept", "failed", "skipped", "duplicate"]
    assert out[0].raw.language == "en" and out[0].article_id == out[3].article_id
    assert out[1].failure.input_ref == "b.html"
    assert out[2].reason and out[2].raw.input_ref == "c.txt"


def test_no_language_filter_keeps_every_language():
    assert [o.kind for o in screen([RawDoc(GERMAN, "c.txt")], None)] == ["kept"]


def test_each_outcome_says_where_the_store_keeps_it():
    out = list(screen([Failure("b.html", "no text"), RawDoc(GERMAN, "c.txt"), RawDoc(ENGLISH, "a.txt"),
                       RawDoc(ENGLISH, "d.txt")], ("en",)))
    assert out[0].record() == ("failures", out[0].failure)
    assert out[1].record() == ("skipped", ("c.txt", out[1].reason))
    assert out[3].record() == ("duplicates", ("d.txt", out[2].article_id))
