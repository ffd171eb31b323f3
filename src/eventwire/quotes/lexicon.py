"""The quote stage's knowledge, read from ``eventwire/data/quotes``.

Kept out of the logic so that a user can widen the cue lexicon (PolNeAR-style
attribution covers "believes", "found", "called for", ...) without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.datafiles import tsv_rows


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    statement_class: str  # coarse statement type, for the events stage
    complements: frozenset[str]  # clause, to, for, obj


@dataclass(frozen=True, slots=True)
class QuoteMarkPair:
    open: str
    close: str
    kind: str  # double, angle, straight, single, single_straight
    other_closers: str = ""  # sloppy copy: “…" closes with a straight mark


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_verbs: dict[str, CueVerb]
    according_to: tuple[tuple[str, ...], ...]  # "according to" and friends, as token tuples
    verb_phrases: tuple[tuple[str, ...], ...]  # "went on to say", "told reporters"
    anonymous_nouns: frozenset[str]
    quote_marks: tuple[QuoteMarkPair, ...]
    pronouns: dict[str, frozenset[str]]  # pronoun -> kinds of antecedent
    topic_prepositions: frozenset[str] = frozenset()  # "talked about", "spoke of"
    cue_nouns: dict[str, CueVerb] = field(default_factory=dict)  # "his claim that ..."
    non_cue_verbs: frozenset[str] = frozenset()  # "ensure that ...": a that-clause, no report
    evidence_nouns: frozenset[str] = frozenset()  # "in the latest poll, …": findings that attribute a clause
    agent_nouns: frozenset[str] = frozenset()  # nouns that can hold a view: "official", "government", "report"
    cue_occasions: frozenset[str] = frozenset()  # "said in a statement": the occasion's phrase is the cue's
    object_prepositions: frozenset[str] = frozenset()  # "criticized Trump [for …]": part of the content

    @property
    def opening_marks(self) -> frozenset[str]:
        """Every mark that can open a quotation."""
        return frozenset(p.open for p in self.quote_marks)

    @property
    def closing_marks(self) -> str:
        """Every mark that can close a quotation, sloppy closers included."""
        return "".join(dict.fromkeys("".join(p.close + p.other_closers for p in self.quote_marks)))

    def unambiguous_marks(self) -> tuple[QuoteMarkPair, ...]:
        """The double and angle pairs: single marks are apostrophes too, so they part nothing for sure."""
        return tuple(p for p in self.quote_marks if p.kind in ("double", "straight", "angle"))


def data_rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated file of the quotes data folder (these files have no header)."""
    return tsv_rows("quotes", name, header=False)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every data file once per process."""
    cue_verbs: dict[str, CueVerb] = {}
    for lemma, cls, needs in data_rows("cue_verbs.tsv"):
        parts = needs.split("+")
        comps = frozenset(parts)
        if lemma in cue_verbs:  # a lemma listed twice keeps its first class, joins complements
            old = cue_verbs[lemma]
            cue_verbs[lemma] = CueVerb(lemma, old.statement_class, old.complements | comps)
        else:
            cue_verbs[lemma] = CueVerb(lemma, cls, comps)
    according, phrases = [], []
    for phrase, kind in data_rows("cue_phrases.tsv"):
        words = tuple(phrase.lower().split())
        (according if kind == "according_to" else phrases).append(words)
    anonymous = frozenset(row[0].lower() for row in data_rows("anonymous_nouns.txt"))
    marks = tuple(QuoteMarkPair(*row[:4]) for row in data_rows("quote_marks.tsv"))
    pronouns = {row[0].lower(): frozenset(row[1].split(",")) for row in data_rows("pronouns.tsv")}
    preps = frozenset(row[0].lower() for row in data_rows("topic_prepositions.txt"))
    nouns = {
        noun: CueVerb(noun, cls, frozenset(needs.split("+"))) for noun, cls, needs in data_rows("cue_nouns.tsv")
    }
    non_cue = frozenset(row[0].lower() for row in data_rows("non_cue_verbs.txt"))
    evidence = frozenset(row[0].lower() for row in data_rows("evidence_nouns.txt"))
    agents = frozenset(row[0].lower() for row in data_rows("agent_nouns.txt"))
    occasions = frozenset(row[0].lower() for row in data_rows("cue_occasions.txt"))
    object_preps = frozenset(row[0].lower() for row in data_rows("object_prepositions.txt"))
    return Lexicon(
        cue_verbs, tuple(according), tuple(phrases), anonymous, marks, pronouns, preps, nouns, non_cue,
        evidence, agents, occasions, object_preps,
    )
