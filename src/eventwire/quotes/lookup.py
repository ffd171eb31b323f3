"""Ask whether a stretch of text was reported speech: the events stage uses this to mark
events inside quotes ``modality="reported"`` with the speaker as reporting source."""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.model import Quote
from eventwire.quotes.lexicon import load_lexicon


def quote_containing(quotes: Iterable[Quote], start: int, end: int) -> Quote | None:
    """The quote whose content holds the char range ``[start, end)``, the tightest if several."""
    best: Quote | None = None
    best_size = 0
    for quote in quotes:
        for span in quote.content:
            if span.start <= start and end <= span.end:
                size = span.end - span.start
                if best is None or size < best_size:
                    best, best_size = quote, size
    return best


def cue_lemma(quote: Quote) -> str | None:
    """The cue's lemma ("say", "accuse", "according to"), when the stage recorded one."""
    for part in quote.rule.split(";"):
        if part.startswith("cue="):
            return part[4:]
    return None


def statement_class(quote: Quote) -> str | None:
    """Coarse kind of statement the cue makes, from ``data/quotes/cue_verbs.tsv``:
    statement, accuse, demand, threaten, reject, agree, promise, praise, belief,
    evidence, ask. The events stage maps these to PLOVER/CAMEO statement codes."""
    lemma = cue_lemma(quote)
    if lemma is None:
        return None
    if lemma == "according to":
        return "statement"
    lexicon = load_lexicon()
    entry = lexicon.cue_verbs.get(lemma) or lexicon.cue_nouns.get(lemma)
    return entry.statement_class if entry else None
