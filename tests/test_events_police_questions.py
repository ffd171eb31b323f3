"""Sentence answers to police-activity questions: rules from coded events, and the shipped re-scorer."""

from __future__ import annotations

import datetime as dt
import json

from eventwire import process
from eventwire.events import code_events
from eventwire.events import police_questions as PQ
from eventwire.model import Article
from eventwire.nlp import load_nlp, parse


def _parsed_and_events(text: str):
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2002, 3, 5))
    parsed = parse(article, load_nlp()(text))
    return parsed, code_events(parsed, [], [])


def _rule_answers(text: str) -> set[str]:
    _, events = _parsed_and_events(text)
    return PQ.answer_sentence(text, events, learned=False)


def test_police_inaction_answers_fail_not_action():
    answers = _rule_answers("the police remained mute spectators as the mob burnt shops.")
    assert "FAIL" in answers
    assert "ANY_ACTION" not in answers


def test_inaction_by_a_named_force_after_of_or_by():
    for text in ("there is concern over the failure of the police to stop the mob.",
                 "the inaction by the police angered the residents."):
        _, events = _parsed_and_events(text)
        assert any(e.rule.startswith("inaction:") and PQ.is_police(e.source) for e in events), text


def test_failure_on_the_part_of_a_force_is_its_inaction():
    _, events = _parsed_and_events("the minister admitted the failure on the part of the police.")
    assert any(e.rule.startswith("inaction:") and PQ.is_police(e.source) for e in events)


def test_a_subject_parsed_as_a_conjunct_of_the_object_before_it_still_acts():
    # the parser reads "policemen" as a conjunct of "areas", leaving "act" with no subject
    text = ("they meandered menacingly close to known sensitive areas and the policemen on duty did not act "
            "despite their provocative slogans.")
    _, events = _parsed_and_events(text)
    acts = [e for e in events if e.trigger.text == "act"]
    assert acts and PQ.is_police(acts[0].source) and acts[0].negated
    assert "FAIL" in _rule_answers(text)


def test_a_participle_run_into_the_next_verb_is_a_reduced_relative_on_its_subject():
    # parsed as "sentries posted there" + a subjectless conjunct "killed": the sentries killed
    text = ("the militants arrived in a white car and opened fire, but police sentries posted there killed "
            "one of them on the spot.")
    _, events = _parsed_and_events(text)
    kills = [e for e in events if e.trigger.text == "killed"]
    assert kills and PQ.is_police(kills[0].source)
    assert "KILL" in _rule_answers(text)


def test_a_deployment_asked_for_is_no_police_action():
    assert "ANY_ACTION" not in _rule_answers("the governor has sought deployment of the army at the disputed site.")
    assert "ANY_ACTION" in _rule_answers("the deployment of additional forces calmed the city.")


def test_a_negated_arrest_with_no_agent_is_a_police_failure():
    answers = _rule_answers("by not arresting the leaders, the centre showed its nexus with the mob.")
    assert "FAIL" in answers
    assert "ARREST" not in answers


def test_a_police_firing_answers_force_and_action():
    answers = _rule_answers("the police opened fire on the mob in the old city on tuesday.")
    assert {"FORCE", "ANY_ACTION"} <= answers
    assert "FAIL" not in answers


def test_rounds_fired_with_no_agent_are_police_force_but_a_shooting_is_not():
    assert {"FORCE", "ANY_ACTION"} <= _rule_answers("five rounds were fired in the air to disperse the crowd.")
    assert "FORCE" not in _rule_answers("he was shot from close range in his ear.")
    assert {"FORCE", "ANY_ACTION"} <= _rule_answers("three persons were injured in the firing, police said.")


def test_a_death_in_the_sentence_of_one_police_firing_is_a_police_killing():
    # "the police firing" and "the police" are one force, so the death is theirs
    text = ("demanding an inquiry into the police firing that left one dead, he alleged that the police "
            "opened fire on devotees.")
    assert "KILL" in _rule_answers(text)


def test_arrests_named_by_a_noun_or_a_participle_are_arrests_but_demanded_ones_are_not():
    for text in ("the arrests followed the visit of the home minister.",
                 "those arrested also included a worker of the party."):
        assert "ARREST" in _rule_answers(text), text
    for text in ("he demanded the arrest of the leaders of the outfit.",
                 "we were apprehending acts of retaliation on people."):
        assert "ARREST" not in _rule_answers(text), text


def test_militants_killed_with_no_killer_named_were_killed_by_the_security_forces():
    assert "KILL" in _rule_answers("two militants were killed in an encounter with the police.")
    # the relative pronoun stands for its noun, so the victims of "who were shot dead" are the terrorists
    _, events = _parsed_and_events("idris, one of the two terrorists who were shot dead, gave a declaration.")
    (shot,) = [e for e in events if e.cameo_code == "1823"]
    assert shot.target is not None and "terrorists" in shot.target.name
    assert "KILL" not in _rule_answers("two villagers were killed in the attack.")


def test_scorer_threshold_and_json_round_trip():
    scorer = PQ.PoliceQuestionScorer({"FAIL": PQ.LabelModel({"w:inaction": 4.0}, -2.0, 0.5)})
    again = PQ.PoliceQuestionScorer.from_json(scorer.to_json())
    assert again.labels({"w:inaction": 1.0}) == {"FAIL"}
    assert again.labels({"w:weather": 1.0}) == set()


def test_shipped_scorer_serves_only_its_labels_and_ignores_unrelated_sentences():
    scorer = PQ.shipped_scorer()
    assert scorer is not None
    assert set(scorer.models) <= set(PQ.LEARNED_LABELS)
    text = "the film was released in cinemas across the country on friday."
    parsed, events = _parsed_and_events(text)
    assert PQ.answer_sentence(text, events) == set()
    police = "pleas for help went unheeded as policemen on duty looked on and the police did not act."
    parsed, events = _parsed_and_events(police)
    assert "FAIL" in PQ.answer_document(parsed, events)[0]  # from the rules: the re-scorer serves ANY_ACTION only
    active = "the police fired teargas shells and patrolled the old city through the night."
    parsed, events = _parsed_and_events(active)
    action = scorer.models["ANY_ACTION"]
    assert action.probability(PQ.sentence_features(active, events)) > action.probability(PQ.sentence_features(text, []))


def test_scorer_round_trip_keeps_training_fingerprints(tmp_path):
    """The eval tells documents the shipped re-scorer saw from new ones by these fingerprints."""
    scorer = PQ.PoliceQuestionScorer({"FAIL": PQ.LabelModel({"w:inaction": 2.0}, -1.0)},
                                     frozenset({PQ.text_fingerprint("Police  did not\nact.")}))
    path = tmp_path / "m.json"
    scorer.save(path)
    back = PQ.PoliceQuestionScorer.from_json(json.loads(path.read_text()))
    assert back.trained_on == scorer.trained_on and back.models["FAIL"].weights == {"w:inaction": 2.0}
    assert PQ.text_fingerprint("Police did not act.") in back.trained_on  # whitespace does not matter
    assert PQ.text_fingerprint("Police acted.") not in back.trained_on
    assert PQ.shipped_scorer() is not None and len(PQ.shipped_scorer().trained_on) > 100


def test_an_arrest_the_police_deny_is_neither_an_arrest_nor_a_failure():
    answers = _rule_answers("police, however, denied that any such arrest has been made.")
    assert "ARREST" not in answers and "FAIL" not in answers, answers
    _, events = _parsed_and_events("police, however, denied that any such arrest has been made.")
    assert any(e.cameo_code == "173" and e.negated for e in events), [(e.rule, e.negated) for e in events]
    _, events = _parsed_and_events("police did not deny that five people were arrested.")
    assert any(e.cameo_code == "173" and not e.negated for e in events), [(e.rule, e.negated) for e in events]


def test_police_nowhere_to_be_seen_and_no_action_taken_are_failures():
    assert "FAIL" in _rule_answers("the police were nowhere to be seen.")
    assert "FAIL" in _rule_answers("about 500 kar sevaks were inside the train, but no action was taken against them.")
    _, events = _parsed_and_events("the minister was absent from the meeting.")
    assert not any(e.rule.startswith("inaction:") for e in events), [e.rule for e in events]


def test_police_not_present_failed_to_act():
    assert "FAIL" in _rule_answers("the police were not present when the mob attacked the train.")
    for text in ("police were not available for comment.", "the minister was not present at the meeting.",
                 "divisional commissioner anil kumar gupta was not present when the shila daan was done."):
        events = process(text).events  # with the actors stage: a divisional commissioner is no police officer
        assert not any(e.rule.startswith("inaction:") and PQ.is_police(e.source) for e in events), \
            [(e.rule, e.source) for e in events]
