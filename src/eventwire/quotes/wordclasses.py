"""WordNet lexicographer classes of verbs and nouns (``data/quotes/word_classes.tsv``).

The learned pass meets cue words it never saw in training ("has pooh-poohed",
"chronicles"); a lemma's own weight is then zero, but its class (a verb of
communication, of cognition, of emotion) carries over from the words it did see.
The file is built by ``tools/build_word_classes.py`` from WordNet 3.1.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.quotes.lexicon import data_rows

POS_OF = {"VERB": "v", "AUX": "v", "NOUN": "n"}


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    return {(lemma, pos): tuple(classes.split(",")) for lemma, pos, classes in data_rows("word_classes.tsv")}


def word_classes(lemma: str, pos: str) -> tuple[str, ...]:
    """Classes of ``lemma`` as a word of spaCy part of speech ``pos``, most frequent sense
    first; empty for other parts of speech and words WordNet does not list (or, for
    nouns, lists with no attitude-like sense)."""
    short = POS_OF.get(pos)
    if short is None:
        return ()
    return _table().get((lemma.lower(), short), ())
