"""Ask whether a stretch of text was reported speech: the events stage uses this to mark
events inside quotes ``modality="reported"`` with the speaker as reporting source."""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.model import Quote


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
