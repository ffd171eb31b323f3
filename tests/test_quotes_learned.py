"""Tests for the learned attribution pass (eventwire.quotes.learned)."""

from __future__ import annotations

import datetime as dt
import math
from importlib import resources
from pathlib import Path

from eventwire.model import Article
from eventwire.nlp import Parsed, load_nlp, parse
from eventwire.quotes import find_quotes
from eventwire.quotes.learned import CueModel, LearnedModels, clashes, extension, load_cue_model, load_models, propose
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.marks import find_quoted


def parsed_of(text: str) -> Parsed:
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2016, 3, 23))
    return parse(article, load_nlp()(text))


def proposals_of(text: str):
    lexicon = load_lexicon()
    return propose(parsed_of(text), lexicon, find_quoted(text, lexicon))


ACCEPT_OPTIMISTIC = CueModel({"lemma=optimistic": 10.0}, -5.0, 0.5)
ACCEPT_ALL = CueModel({}, 5.0, 0.5)


def test_probability_is_the_logistic_of_the_weighted_sum():
    model = CueModel({"a": 1.0, "b": -2.0}, 0.5, 0.5)
    assert math.isclose(model.probability({"a": 1.0}), 1 / (1 + math.exp(-1.5)))
    assert math.isclose(model.probability({"b": 1.0, "unknown": 1.0}), 1 / (1 + math.exp(1.5)))


def test_model_survives_a_json_round_trip(tmp_path):
    model = CueModel({"lemma=believe": 1.25, "how=ccomp": -0.5}, 0.1, 0.4)
    path = tmp_path / "m.json"
    model.save(path)
    import json

    again = CueModel.from_json(json.loads(path.read_text()))
    assert again.weights == model.weights and again.bias == model.bias and again.threshold == 0.4


def test_belief_verb_proposes_its_clause():
    text = "Most voters believe that the economy is getting worse."
    props = [p for p in proposals_of(text) if p.cue_token.lemma_ == "believe"]
    assert props, "no proposal for 'believe'"
    p = props[0]
    assert p.how == "ccomp"
    assert text[p.content[0][0] : p.content[0][1]] == "that the economy is getting worse"
    assert p.subject is not None and p.subject.text == "voters"
    assert p.features["lemma=believe"] == 1.0 and p.features["mark=that"] == 1.0


def test_infinitive_intention_is_proposed():
    text = "The senator plans to introduce a bill on gun control next week."
    props = [p for p in proposals_of(text) if p.cue_token.lemma_ == "plan"]
    assert props and props[0].how == "xcomp"
    assert text[slice(*props[0].content[0])].startswith("to introduce a bill")


def test_an_object_proposal_runs_on_over_what_is_said_of_the_object():
    text = "The mayor thanked the volunteers for their work during the floods."
    props = [p for p in proposals_of(text) if p.cue_token.lemma_ == "thank" and p.how == "dobj"]
    assert props, "no object proposal for 'thanked'"
    assert text[slice(*props[0].content[0])] == "the volunteers for their work"  # not "during …"


def test_rules_alone_miss_what_the_model_adds():
    text = "Party leaders are optimistic that the bill will pass."
    parsed = parsed_of(text)
    rules = find_quotes(parsed, [], learned=None)
    assert not rules
    learned = find_quotes(parsed, [], learned=LearnedModels(ACCEPT_OPTIMISTIC))
    assert len(learned) == 1
    q = learned[0]
    assert q.rule.startswith("learned-ccomp")
    assert q.content[0].text == "that the bill will pass"
    assert q.cue is not None and q.cue.text == "optimistic"
    assert q.source is not None and q.source.text == "Party leaders"


def test_model_never_duplicates_or_overrides_a_rule_attribution():
    text = "The minister said that the talks would resume on Monday."
    parsed = parsed_of(text)
    rules = find_quotes(parsed, [], learned=None)
    both = find_quotes(parsed, [], learned=LearnedModels(ACCEPT_ALL))
    assert [(q.content, q.rule) for q in both if not q.rule.startswith("learned")] == [
        (q.content, q.rule) for q in rules
    ]
    contents = [[(s.start, s.end) for s in q.content] for q in both]
    for i, c in enumerate(contents):
        assert not clashes(c, contents[:i] + contents[i + 1 :], 0.2), "two attributions share their words"


def test_a_rejecting_proposal_model_changes_nothing():
    text = "Most voters believe that the economy is getting worse, the poll found."
    parsed = parsed_of(text)
    reject = CueModel({}, -5.0, 0.5)
    assert find_quotes(parsed, [], learned=LearnedModels(reject, None)) == find_quotes(parsed, [], learned=None)


def test_rescorer_drops_the_rule_readings_it_scores_low():
    text = "The minister said that the talks would resume on Monday. Most voters believe that taxes are too high."
    parsed = parsed_of(text)
    assert len(find_quotes(parsed, [], learned=None)) == 2
    drop_say = CueModel({"lemma=say": -10.0}, 5.0, 0.5)
    kept = find_quotes(parsed, [], learned=LearnedModels(None, drop_say))
    assert [q.cue.text for q in kept if q.cue] == ["believe"]


def test_packaged_model_is_small_finite_and_used_by_default():
    model = load_cue_model()
    assert model is not None
    assert all(math.isfinite(w) for w in model.weights.values())
    size = Path(str(resources.files("eventwire").joinpath("data", "quotes", "model", "cue_model.json"))).stat().st_size
    assert size < 5_000_000
    text = "Most voters believe that the economy is getting worse."
    parsed = parsed_of(text)
    assert find_quotes(parsed, []) == find_quotes(parsed, [], learned=load_models())


def test_extension_runs_a_content_to_its_sentence_end_unless_the_cue_is_in_the_way():
    text = "Clinton accused Trump of insulting veterans during the rally in Ohio on Monday."
    parsed = parsed_of(text)
    doc = parsed.doc
    trump = text.index("Trump")
    assert extension(parsed, [(trump, trump + 5)], doc[1]) == (trump, len(text) - 1)
    # the cue "accused" after the content: running on would swallow the cue
    assert extension(parsed, [(0, 7)], doc[1]) is None
    assert extension(parsed, [(trump, len(text) - 1)], doc[1]) is None  # nothing left to add
    assert extension(parsed, [(0, 7), (trump, trump + 5)], doc[1]) is None  # split contents stay


def test_extender_model_decides_whether_the_content_runs_on():
    text = "Clinton accused Trump of insulting veterans during the rally in Ohio on Monday."
    parsed = parsed_of(text)
    assert [q.content[0].text for q in find_quotes(parsed, [], learned=None)] == ["Trump of insulting veterans"]
    accept = LearnedModels(None, None, CueModel({}, 5.0, 0.5))
    reject = LearnedModels(None, None, CueModel({}, -5.0, 0.5))
    assert [q.content[0].text for q in find_quotes(parsed, [], learned=accept)] == [
        "Trump of insulting veterans during the rally in Ohio on Monday"
    ]
    assert [q.content[0].text for q in find_quotes(parsed, [], learned=reject)] == ["Trump of insulting veterans"]


def test_learned_attributions_always_have_a_holder_that_is_not_a_place(palmyra_doc):
    assert palmyra_doc.quotes
    assert all(q.speaker != "Palmyra" for q in palmyra_doc.quotes)
    for q in palmyra_doc.quotes:
        if q.rule.startswith("learned"):
            assert q.source is not None, q
    cues = {q.cue.text for q in palmyra_doc.quotes if q.cue is not None}
    assert not cues & {"overlooking", "allowing", "prison"}
