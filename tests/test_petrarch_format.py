"""Readers of the PETRARCH/TABARI dictionary formats, on small inline dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.actors.petrarch_format import (
    parse_dict_date,
    read_actor_dictionary,
    read_actors,
    read_agent_dictionary,
    read_discards,
    read_verbs,
)

ACTORS = """<!-- header comment
spanning lines [XXX] -->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN   # a comment
GOLLUM  # no code on this line
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
ENT
\t[ENT]
BOROMIR  [---]
#NASGUL  [###]
"""

AGENTS = """!PERSON! = MAN, MEN
POLICE {} [ ~COP] # no plural
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MINISTRY [~GOV]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS!PERSON! [~LEG]
"""

VERBS = """&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE    # comment
+BREAK_DOWN {BROKE_DOWN} [111]
WIRE_+TAP
- * FULL DIPLOMATIC  [+++]
- NOT * RELATIONS  [112]
- * &TIETYPES_TIES  [065]
- + WAS_ * TO_ ^ FROM $  [174]
- * DIPLXMATIC  [###]  # hash inside a code block
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actor_entries_synonyms_and_dates(tmp_path: Path) -> None:
    entries = read_actors(write(tmp_path, "a.actors.txt", ACTORS))
    by_first = {e.phrases[0]: e for e in entries}
    assert "xxx" not in str(entries).lower()
    assert by_first["arnor"].default_code == "ARN"
    assert by_first["gondor"].phrases == ["gondor", "minas tirith", "anorien"]
    gollum = by_first["gollum"]
    assert gollum.phrases == ["gollum", "smeagol"]
    assert gollum.code_on(dt.date(1990, 1, 1)) == "HOB"
    assert gollum.code_on(dt.date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on(dt.date(2005, 1, 1)) == "HOBREB"
    assert by_first["ent"].default_code == "ENT"
    assert "nasgul" not in by_first


def test_read_actor_dictionary_pairs(tmp_path: Path) -> None:
    pairs = read_actor_dictionary(write(tmp_path, "a.actors.txt", ACTORS))
    assert ("minas tirith", "GON") in pairs
    assert ("smeagol", "HOBREB") in pairs  # undated lookup: the open-ended restriction
    assert all(code != "---" for _, code in pairs)


def test_agents_plurals_substitutions_and_prefix_codes(tmp_path: Path) -> None:
    pairs = read_agent_dictionary(write(tmp_path, "a.agents.txt", AGENTS))
    assert ("police", "~COP") in pairs and ("polices", "~COP") not in pairs
    assert ("golden geese", "~GGS") in pairs
    assert ("ministries", "~GOV") in pairs
    assert ("human rights body", "NGO~") in pairs
    assert ("congressmen", "~LEG") in pairs and ("congressmans", "~LEG") not in pairs


def test_verbs_groups_patterns_and_synsets(tmp_path: Path) -> None:
    vd = read_verbs(write(tmp_path, "a.verbs.txt", VERBS))
    assert vd.synsets["&TIETYPES"] == ["military", "economic"]
    (group,) = vd.groups
    assert group.name == "RESTORE" and group.code == "064"
    assert group.verbs[1].words == ("break", "down") and group.verbs[1].lemma == "break"
    assert group.verbs[1].forms == ("broke down",) and group.verbs[1].code == "111"
    assert group.verbs[2].lemma == "tap" and group.verbs[2].words == ("wire", "tap")
    codes = [p.code for p in group.patterns]
    assert codes == ["+++", "112", "065", "174", "###"]
    assert group.patterns[1].before == ("not",) and group.patterns[1].after == ("relations",)
    assert group.patterns[2].after == ("&TIETYPES", "_ties")  # "_" = must follow directly
    assert group.patterns[3].before == ("+", "was") and group.patterns[3].after == ("to", "^", "from", "$")
    assert not group.patterns[3].glued_before


def test_discards_and_dates(tmp_path: Path) -> None:
    d = read_discards(write(tmp_path, "d.txt", "MONTHS LATER\n+Manchester United  # story\n"))
    assert d.sentence == ["months later"] and d.story == ["manchester united"]
    assert parse_dict_date("950601") == dt.date(1995, 6, 1)
    assert parse_dict_date("070723") == dt.date(2007, 7, 23)
    assert parse_dict_date("20130119") == dt.date(2013, 1, 19)
