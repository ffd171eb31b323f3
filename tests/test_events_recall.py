"""Recall rules for police events in lowercased wire copy (IndiaPoliceEvents style)."""

from __future__ import annotations

import datetime as dt

from eventwire.events import code_events
from eventwire.model import Article
from eventwire.nlp import load_nlp, parse


def _events(text: str):
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2002, 3, 5))
    return code_events(parse(article, load_nlp()(text)), [], [])


def _police_kills(events) -> list:
    return [e for e in events if e.cameo_code == "1823" and e.source is not None and e.source.role == "COP"
            and not e.negated]


def test_death_in_a_sentence_with_a_police_firing_is_a_police_killing():
    events = _events("two persons were killed and five injured in bharuch on tuesday when the police opened fire on a mob.")
    kills = _police_kills(events)
    assert kills, [(e.rule, e.cameo_code, e.source) for e in events]


def test_negated_death_is_no_killing():
    events = _events("the police opened fire on the mob but no one died, officials said.")
    assert not _police_kills(events), [(e.rule, e.cameo_code) for e in events]


def test_firing_without_deaths_stays_force():
    events = _events("the police opened fire on the mob in the old city on tuesday.")
    assert not _police_kills(events)
    assert any((e.cameo_code or "").startswith(("18", "19")) and e.source is not None for e in events)


def test_two_forces_firing_leave_the_death_unattributed():
    events = _events("one person died after the police and the army fired at rioters who attacked the militants.")
    # two different shooters (or none resolved): the rule must not guess between them
    sources = {e.source.name.lower() for e in events if e.cameo_code == "1823" and e.source is not None
               and "sentence-cause" in e.rule}
    assert len(sources) <= 1


def test_their_inaction_is_the_blamed_forces_failure():
    events = _events("the leaders criticised the police for their inaction during the riots.")
    fails = [e for e in events if e.negated and e.rule.startswith("inaction:")]
    assert fails and fails[0].source is not None and fails[0].source.role == "COP", [(e.rule, e.source) for e in events]


def test_a_posse_of_policemen_is_police():
    events = _events("a posse of policemen failed to protect the passengers.")
    fails = [e for e in events if e.negated and e.source is not None]
    assert fails and fails[0].source.role == "COP", [(e.rule, e.source) for e in events]


def test_refusing_to_comment_is_declining_comment_not_rejecting():
    events = _events("the commissioner refused to comment on the threat.")
    assert not any((e.cameo_code or "").startswith("12") for e in events), [(e.rule, e.cameo_code) for e in events]


def test_refusing_to_act_is_a_rejection():
    events = _events("the commissioner refused to register the complaint.")
    assert any((e.cameo_code or "").startswith("12") for e in events), [(e.rule, e.cameo_code) for e in events]


def test_able_to_arrest_has_the_subject_of_able():
    events = _events("the police have been able to arrest only two persons so far.")
    arrests = [e for e in events if e.cameo_code == "173"]
    assert arrests and arrests[0].source is not None and arrests[0].source.role == "COP"


def test_a_count_of_rounds_is_not_a_date_in_history():
    events = _events("the police had fired 1649 rounds of ammunition at the mobs.")
    assert any(e.cameo_code == "193" and e.source is not None for e in events), [(e.rule, e.cameo_code) for e in events]


def test_headline_passive_subject_is_the_victim():
    events = _events("4 policemen and 4 civilians also killed.")
    assert not _police_kills(events), [(e.rule, e.source) for e in events]
    assert any(e.cameo_code == "1823" and e.target is not None for e in events)


def test_headline_passive_of_a_lethal_phrase_but_not_of_an_intransitive_verb():
    # "shoot dead" needs an object, so "two militants shot dead" were shot; "shot into the crowd" was done
    shot = [e for e in _events("two militants shot dead near the temple.") if e.cameo_code == "1823"]
    assert shot and shot[0].source is None and shot[0].target.span.text.endswith("militants")
    fired = [e for e in _events("soldiers shot into the crowd.") if e.trigger.text == "shot"]
    assert fired and fired[0].source is not None and fired[0].source.span.text == "soldiers"


def test_apprehend_with_a_clause_is_a_fear_not_an_arrest():
    assert not [e for e in _events("he apprehended that the kar sevaks would march to the site.")
                if (e.cameo_code or "").startswith("173")]
    assert [e for e in _events("police apprehended three men near the station.") if e.cameo_code == "173"]


def test_arrest_of_a_situation_halts_it_and_holds_nobody():
    assert not [e for e in _events("the army columns helped to arrest the fast deteriorating situation in the city.")
                if (e.cameo_code or "").startswith("173")]


def test_a_participle_naming_people_is_no_event():
    events = _events("police arrested the accused.")
    assert [e.cameo_code for e in events] == ["173"]


def test_a_noun_event_asked_for_is_demanded_not_done():
    asked = [e for e in _events("the governor has sought deployment of the army at the disputed site.")
             if e.cameo_code == "154"]
    assert asked and asked[0].modality == "demanded"
    done = [e for e in _events("the deployment of the army calmed the city.") if e.cameo_code == "154"]
    assert done and done[0].modality == "asserted"


def test_a_stabbing_alongside_a_police_action_is_no_police_killing():
    events = _events("one person was stabbed to death in surat even as police burst teargas shells to disperse a mob.")
    assert not _police_kills(events), [(e.rule, e.source) for e in events]


def test_announced_deployment_keeps_its_code():
    events = _events("around 3,000 police personnel will be deployed on friday.")
    assert any((e.cameo_code or "").startswith("15") for e in events), [(e.rule, e.cameo_code) for e in events]


def test_unwilling_to_act_is_a_refusal():
    events = _events("the police were unwilling to register cases against them.")
    assert any((e.cameo_code or "").startswith("12") and e.source is not None for e in events), \
        [(e.rule, e.cameo_code) for e in events]


def test_we_in_a_quote_whose_speaker_is_he_is_the_person_he_stands_for():
    from eventwire.actors import find_actors
    from eventwire.quotes import find_quotes

    text = ('Police commissioner Ramesh Pande toured the riot-hit areas on Monday. '
            '"We have arrested five persons who broke the curfew," he said.')
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2002, 3, 5))
    parsed = parse(article, load_nlp()(text))
    actors = find_actors(parsed)
    events = code_events(parsed, actors, find_quotes(parsed, actors))
    arrests = [e for e in events if e.cameo_code == "173"]
    assert arrests and arrests[0].source is not None and "Pande" in arrests[0].source.name, \
        [(e.rule, e.cameo_code, e.source) for e in events]


def test_standing_and_watching_is_inaction():
    events = _events("the police stood and watched a mob lynch two persons.")
    assert any(e.negated and e.rule.startswith("inaction:") and e.source is not None for e in events), \
        [(e.rule, e.negated) for e in events]
