"""Tests for the content tagger (eventwire.quotes.tagger): a CRF over paragraph tokens."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Article
from eventwire.nlp import Parsed, load_nlp, parse
from eventwire.quotes import find_quotes
from eventwire.quotes.learned import LearnedModels
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.tagger import ContentTagger, TaggerSettings, decode, features, labels, paragraphs, tag_spans, train

pytest.importorskip("pycrfsuite")  # the optional CRF tagger: eventwire[learn]

TRAIN = [
    ("Smith believes that the economy will recover soon.", "the economy will recover soon"),
    ("The minister believes that taxes must rise next year.", "taxes must rise next year"),
    ("Jones believes that the deal is a serious mistake.", "the deal is a serious mistake"),
    ("Analysts believe that oil prices will fall sharply.", "oil prices will fall sharply"),
    ("The mayor fears that the bridge could collapse again.", "the bridge could collapse again"),
    ("Voters think that the election was stolen from them.", "the election was stolen from them"),
    ("Officials expect the plan will fail badly.", "the plan will fail badly"),
    ("The coach hopes his team can win the cup.", "his team can win the cup"),
]


def parsed_of(text: str) -> Parsed:
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2016, 3, 23))
    return parse(article, load_nlp()(text))


def content_of(text: str, content: str) -> tuple[tuple[int, int], ...]:
    start = text.index(content)
    return ((start, start + len(content)),)


def tiny_tagger(tmp_path, settings: TaggerSettings = TaggerSettings()) -> ContentTagger:
    lexicon = load_lexicon()
    xs, ys = [], []
    for text, content in TRAIN * 3:
        doc = parsed_of(text).doc
        units, feats = features(doc, lexicon, [], [])
        xs.extend(feats)
        ys.extend(labels(doc, unit, [content_of(text, content)]) for unit in units)
    return ContentTagger(train(xs, ys, tmp_path / "crf.crfsuite", c1=0.0, c2=0.01, max_iterations=50), settings)


def test_labels_mark_the_first_content_token_b_and_the_rest_i():
    text = "Smith believes that the economy will recover soon."
    doc = parsed_of(text).doc
    unit = paragraphs(doc)[0]
    tags = labels(doc, unit, [content_of(text, "the economy will recover soon")])
    words = [doc[i].text for i in unit]
    assert tags[words.index("the")] == "B"
    assert tags[words.index("soon")] == "I"
    assert tags[words.index("believes")] == "O" and tags[words.index(".")] == "O"


def test_paragraphs_split_at_line_breaks():
    doc = parsed_of("First line here.\nSecond line here.").doc
    units = paragraphs(doc)
    assert len(units) == 2
    assert doc[units[1][0]].text == "Second"


def test_decode_gives_char_offsets_of_the_runs_and_drops_short_ones():
    text = "Smith believes that the economy will recover soon."
    doc = parsed_of(text).doc
    unit = paragraphs(doc)[0]
    tags = ["O", "B", "O", "B", "I", "I", "I", "I", "O"]
    assert decode(doc, unit, tags) == [(content_of(text, "the economy will recover soon")[0], 1.0)]
    assert decode(doc, unit, ["O", "I", "I", "I", "O", "O", "O", "O", "O"]) == [((6, 23), 1.0)]
    inside = [0.0, 0.2, 0.0, 0.9, 0.8, 0.9, 0.8, 0.6, 0.0]
    ((_, score),) = decode(doc, unit, tags, inside=inside)
    assert abs(score - 0.8) < 1e-9


def test_a_tiny_trained_tagger_tags_the_content_of_a_belief(tmp_path):
    tagger = tiny_tagger(tmp_path)
    text = "The governor believes that the new road will be finished quickly."
    parsed = parsed_of(text)
    spans = tag_spans(tagger, parsed.doc, load_lexicon(), [], [])
    assert len(spans) == 1
    (s, e), score = spans[0]
    assert 0.5 < score <= 1.0
    assert 0 <= s < e <= len(text)
    assert text[s:e].startswith("the new road") and "believes" not in text[s:e]


def test_find_quotes_rebounds_a_rule_content_to_the_tagged_span(tmp_path):
    tagger = tiny_tagger(tmp_path, TaggerSettings(add=False, rebound=True))
    text = "The governor believes that the new road will be finished quickly."
    rules = find_quotes(parsed_of(text), [], learned=None)
    assert [text[q.content[0].start : q.content[0].end] for q in rules] == ["that the new road will be finished quickly"]
    (q,) = find_quotes(parsed_of(text), [], learned=LearnedModels(tagger=tagger))
    assert text[q.content[0].start : q.content[0].end] == "the new road will be finished quickly"
    assert q.cue is not None and text[q.cue.start : q.cue.end] == "believes"
    assert q.source is not None and "governor" in text[q.source.start : q.source.end]


def test_find_quotes_adds_a_tagged_content_with_its_cue_and_holder(tmp_path):
    tagger = tiny_tagger(tmp_path, TaggerSettings(add=True, rebound=False, add_score=0.3))
    text = "The governor glorbs the new road will be finished quickly."  # a cue no lexicon knows, no "that"
    assert find_quotes(parsed_of(text), [], learned=None) == []
    (q,) = find_quotes(parsed_of(text), [], learned=LearnedModels(tagger=tagger))
    assert text[q.content[0].start : q.content[0].end].startswith("the new road")
    assert q.rule.startswith("tagger")
    assert q.cue is not None and text[q.cue.start : q.cue.end] == "glorbs"
    assert q.source is not None and "governor" in text[q.source.start : q.source.end]
