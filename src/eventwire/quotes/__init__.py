"""Quotations and attributions: who said what, to whom, in which words.

``find_quotes(parsed, actors)`` returns :class:`eventwire.model.Quote` records;
``quote_containing(quotes, start, end)`` tells whether a char range lies inside a
quote's content (used to mark events inside quotes as reported speech);
``statement_class(quote)`` says whether the cue states, accuses, demands, threatens,
rejects, ... (for statement events).
"""

from eventwire.quotes.extract import find_quotes
from eventwire.quotes.lookup import cue_lemma, quote_containing, statement_class

__all__ = ["find_quotes", "quote_containing", "statement_class", "cue_lemma"]
