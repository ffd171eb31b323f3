"""The small curated knowledge files in ``eventwire/data/geo`` (cues, stop list, weights)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.geo.normalize import norm


def _rows(name: str) -> list[list[str]]:
    text = resources.files("eventwire").joinpath("data", "geo", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    strong_cues: frozenset[tuple[str, ...]]  # folded word tuples, e.g. ("town", "of")
    weak_cues: frozenset[tuple[str, ...]]
    stoplist: frozenset[str]
    feature_weights: dict[str, float]
    state_abbreviations: dict[str, tuple[str, str]]  # "La." -> ("US", "LA")
    demonyms: dict[str, str]  # folded form -> ISO-2 country or a gazetteer name ("Europe")
    modifiers: frozenset[str]  # "north", "northeast", "city": trimmed off an unknown NER place
    name_particles: frozenset[str]  # "az", "de": lower-case words inside place names
    institution_words: frozenset[str]  # "police", "county", "times": an ORG naming a place's institution
    opponent_cues: frozenset[str] = frozenset()  # "against", "vs.": the next name may be a sports team's city


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the curated files once per process."""
    strong, weak = set(), set()
    for cue, strength in _rows("cues.tsv"):
        (strong if strength.strip() == "strong" else weak).add(tuple(norm(cue).split()))
    abbreviations = {}
    for abbr, code in _rows("us_state_abbreviations.tsv"):
        country, sub = code.strip().split("-")
        abbreviations[abbr.strip()] = (country, sub)
    return Lexicon(
        strong_cues=frozenset(strong),
        weak_cues=frozenset(weak),
        stoplist=frozenset(norm(r[0]) for r in _rows("stoplist.txt")),
        feature_weights={code: float(w) for code, w in _rows("feature_weights.tsv")},
        state_abbreviations=abbreviations,
        demonyms={norm(form): target.strip() for form, target in _rows("demonyms.tsv")},
        modifiers=frozenset(norm(r[0]) for r in _rows("modifiers.txt")),
        institution_words=frozenset(norm(r[0]) for r in _rows("institution_words.txt")),
        name_particles=frozenset(r[0].strip() for r in _rows("name_particles.txt")),
        opponent_cues=frozenset(r[0].strip().lower() for r in _rows("opponent_cues.txt")),
    )
