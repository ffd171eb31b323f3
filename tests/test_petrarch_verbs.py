"""The PETRARCH-style coder, with tiny inline dictionaries (not the validation suite)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.events.petrarch_verbs import PetrarchDictionaries, code_sentence, verb_inflections

ACTORS = """ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
MORDOR [MOR]
ROHAN [ROH]
GOLLUM
\t[HOB < 19950601]
\t[HOBREB > 19950602]
THE_SHIRE [FRO/SAM]
"""
AGENTS = """POLICE {} [~COP]
MINISTER [~GOV]
SOLDIER [~MIL]
HUMAN_RIGHTS_BODY [NGO~]
"""
VERBS = """&TIES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- * &TIES_TIES  [065]
- NOT * RELATIONS  [112]

--- CONDEMN  [122]  ---
CONDEMN

--- MEET  [031:032]  ---
MEET {MET}

--- FREE  [066] ---
FREE
- + * FROM $  [099]

--- SAID  [023] ---
SAID

--- DELAY [---] ---
DELAY
- % HAVE *  [191]
"""
DISCARDS = "+FOOTBALL\n"


@pytest.fixture(scope="module")
def dicts(tmp_path_factory: pytest.TempPathFactory) -> PetrarchDictionaries:
    folder: Path = tmp_path_factory.mktemp("petr")
    (folder / "PETR.Validate.actors.txt").write_text(ACTORS)
    (folder / "PETR.Validate.agents.txt").write_text(AGENTS)
    (folder / "PETR.Validate.verbs.txt").write_text(VERBS)
    (folder / "PETR.Validate.discards.txt").write_text(DISCARDS)
    return PetrarchDictionaries.load(folder)


def test_simple_event_and_agents(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Arnor restored diplomatic ties with Gondor.", dicts) == [("ARN", "GON", "064")]
    got = code_sentence("The Arnorian minister condemned Gondor police on Monday.", dicts)
    assert got == [("ARNGOV", "GONCOP", "122")]


def test_patterns_synsets_and_adjacency(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Arnor restored military ties with Gondor.", dicts) == [("ARN", "GON", "065")]
    # "_" requires adjacency: a word in between falls back to the verb's own code
    assert code_sentence("Arnor restored military and trade ties with Gondor.", dicts) == [("ARN", "GON", "064")]


def test_compounds_and_symmetric_codes(dicts: PetrarchDictionaries) -> None:
    got = set(code_sentence("Arnor and Rohan condemned Mordor.", dicts))
    assert got == {("ARN", "MOR", "122"), ("ROH", "MOR", "122")}
    got = set(code_sentence("Arnor met Gondor on Monday.", dicts))
    assert got == {("ARN", "GON", "031"), ("GON", "ARN", "032")}
    got = set(code_sentence("The Shire condemned Mordor.", dicts))
    assert got == {("FRO", "MOR", "122"), ("SAM", "MOR", "122")}


def test_passive_with_agent_and_pattern_roles(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Gondor was condemned by Mordor.", dicts) == [("MOR", "GON", "122")]
    # "+ * FROM $": the phrase before the verb is the target, the one after "from" the source
    assert code_sentence("Rohan was freed from Mordor.", dicts) == [("MOR", "ROH", "099")]


def test_date_restrictions_and_dyads(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Gollum condemned Gondor.", dicts, dt.date(1990, 1, 1)) == [("HOB", "GON", "122")]
    assert code_sentence("Gollum condemned Gondor.", dicts, dt.date(2001, 1, 1)) == [("HOBREB", "GON", "122")]
    assert code_sentence("A minister said on Monday.", dicts) == []
    assert code_sentence("A minister said on Monday.", dicts, require_dyad=False) == [("---GOV", "---", "023")]


def test_discards(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Arnor condemned Gondor after the football match.", dicts) == []


def test_verb_inflections() -> None:
    assert {"restores", "restored", "restoring"} <= verb_inflections("restore")
    assert {"stabbed", "carries", "carried"} <= verb_inflections("stab") | verb_inflections("carry")


def test_new_actor_length_codes_unknown_short_phrases(dicts: PetrarchDictionaries) -> None:
    text = "The Ministry of Magic condemned Gondor."
    assert code_sentence(text, dicts) == []
    assert code_sentence(text, dicts, new_actor_length=4) == [('"THE MINISTRY OF MAGIC"', "GON", "122")]
    assert code_sentence(text, dicts, new_actor_length=3) == []


def test_an_adverbial_clause_under_a_coded_dyadic_verb_is_folded_into_it(dicts: PetrarchDictionaries) -> None:
    # PETRARCH2 codes the highest verb phrase: the condemnation beneath the restoration is not written
    text = "Arnor restored diplomatic ties with Gondor after Rohan condemned Mordor."
    assert code_sentence(text, dicts) == [("ARN", "GON", "064")]
    # ... unless the upper verb coded nothing: then the lower event stands
    text = "Arnor waited patiently after Rohan condemned Mordor."
    assert code_sentence(text, dicts) == [("ROH", "MOR", "122")]


def test_a_parenthetical_between_commas_does_not_break_adjacent_pattern_words(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Arnor restored military, it seems, ties with Gondor.", dicts) == [("ARN", "GON", "065")]
    assert code_sentence("Arnor restored, it seems, military ties with Gondor.", dicts) == [("ARN", "GON", "065")]


def test_a_described_apposition_adds_no_actor_but_a_list_of_names_does(dicts: PetrarchDictionaries) -> None:
    assert code_sentence("Arnor, the old enemy of Mordor, condemned Gondor.", dicts) == [("ARN", "GON", "122")]
    got = set(code_sentence("Arnor, the Shire, and Rohan condemned Mordor.", dicts))
    assert got == {("ARN", "MOR", "122"), ("FRO", "MOR", "122"), ("SAM", "MOR", "122"), ("ROH", "MOR", "122")}


def test_coordinated_agents_share_a_repaired_place_list(dicts: PetrarchDictionaries) -> None:
    # the parse that needs the repair, built by hand (the small model parses short sentences right):
    # "Gondor" coordinated with "Ministers" instead of with "Rohan"
    from spacy.tokens import Doc

    from eventwire.events.petrarch_verbs import code_doc
    from eventwire.nlp import load_nlp

    words = ["Ministers", "and", "soldiers", "in", "Rohan", "and", "Gondor", "condemned", "Mordor", "."]
    heads = [7, 0, 0, 0, 3, 0, 0, 7, 7, 7]
    deps = ["nsubj", "cc", "conj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "punct"]
    pos = ["NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"]
    tags = ["NNS", "CC", "NNS", "IN", "NNP", "CC", "NNP", "VBD", "NNP", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    got = set(code_doc(doc, dicts))
    assert got == {(a + b, "MOR", "122") for a in ("ROH", "GON") for b in ("GOV", "MIL")}
