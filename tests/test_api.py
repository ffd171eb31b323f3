import datetime as dt

import pytest

import eventwire
from eventwire.ingest.base import RawDoc
from eventwire.model import Document, Failure
from eventwire.pipeline import Pipeline


def test_process_returns_typed_records(palmyra_doc):
    doc = palmyra_doc
    assert isinstance(doc, Document)
    assert doc.article.date == dt.date(2016, 3, 23) and doc.article.date_source == "caption"
    assert doc.article.title.startswith("Syrian army seizes hills")
    assert len(doc.sentences) >= 12
    for m in doc.mentions:
        assert doc.article.text[m.span.start : m.span.end] == m.span.text
        assert doc.article.raw_text[m.span.raw_start : m.span.raw_end] == m.span.text
    assert doc.to_dict()["article"]["date"] == "2016-03-23"


def test_process_metadata_and_errors():
    doc = eventwire.process("Police arrested two men in Surat.", date=dt.date(2002, 3, 1), url="https://x/y")
    assert doc.article.date == dt.date(2002, 3, 1) and doc.article.date_source == "metadata"
    assert doc.article.url == "https://x/y"
    with pytest.raises(eventwire.IngestError):
        eventwire.process("   ")
    with pytest.raises(ValueError):
        eventwire.process("Text.", date="sometime")


def test_process_many_streams_documents_and_failures():
    items = ["Police arrested two men.", {"text": "Troops withdrew.", "date": "2010-01-02"}, {"title": "x"}, 42, ""]
    out = list(eventwire.process_many(items, batch_size=2))
    assert len(out) == 5
    docs = [o for o in out if isinstance(o, Document)]
    fails = [o for o in out if isinstance(o, Failure)]
    assert {d.article.text for d in docs} == {"Police arrested two men.", "Troops withdrew."}
    assert len(fails) == 3
    assert any("no non-empty 'text'" in f.reason for f in fails)
    assert any("cannot process a int" in f.reason for f in fails)
    assert any(f.reason == "empty document" for f in fails)


def test_gigantic_document_is_truncated_and_recorded():
    pipe = Pipeline(max_chars=2000, stages=())
    text = "\n".join(f"Paragraph {i}: police arrested people in town number {i}." for i in range(200))
    (doc,) = pipe.run_batch([RawDoc(text=text, input_ref="big.txt")])
    assert isinstance(doc, Document)
    assert doc.article.status == "truncated"
    assert len(doc.article.raw_text) <= 2000
    assert "truncated from" in doc.article.notes[0]


def test_a_crashing_stage_fails_one_article_not_the_batch(monkeypatch):
    pipe = Pipeline(stages=())

    def boom(parsed):
        if "bad" in parsed.article.text:
            raise RuntimeError("kaboom")
        return []

    pipe._funcs["actors"] = boom
    out = pipe.run_batch([RawDoc("A good story about talks.", "good"), RawDoc("A bad story.", "bad")])
    assert isinstance(out[0], Document)
    assert isinstance(out[1], Failure)
    assert "internal error in stage actors: kaboom" in out[1].reason and "RuntimeError" in out[1].detail


def test_unknown_stage_is_rejected():
    with pytest.raises(ValueError, match="unknown stages"):
        Pipeline(stages=("actors", "astrology"))


def test_paragraph_break_always_ends_a_sentence():
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Syrian army seizes hills overlooking IS-held town of Palmyra\n\nThe army is trying to retake it.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("The army") in starts
