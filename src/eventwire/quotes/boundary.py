"""Content boundaries: where a rule's content should start and end.

Many of the rules' near misses on PolNeAR are boundary errors, not wrong attributions.
A partial quote after a cue ("said the plan would be “a disaster …”") is annotated
from the words right after the cue, not from the quotation mark; and the parser hangs
the final `."` of a quoted clause on the cue, so the reported clause stops one mark
short of its quotation. Both are corrected here, as general rules measured on
document cross-validation (see eval/quotes.py --cv).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.quotes.marks import Quoted

# A writer's aside that ends a content: ", which/who/where …" relative clauses and ", although …" clauses
# ("the test, which state media claimed …"). Cut by the rules, and the learned extension stops before them.
ASIDE_RELATIVES = ("which", "who", "whom", "whose", "where")
ASIDE_MARKS = ("although", "though")

# The cue's own objects and modifiers between it and its content ("told [reporters] [on Friday] that").
SKIP_AFTER_CUE_DEPS = frozenset({"dobj", "dative", "npadvmod", "advmod", "prep"})


def _span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end - 1


def back_start(doc: Doc, text: str, cue: Token, cue_end_token: int, content: tuple[int, int]) -> int | None:
    """The char where the content would start right after the cue (skipping the cue's
    object and punctuation), when that is earlier than where it starts now, in the
    same sentence and paragraph; None otherwise. ``cue`` is the cue's head word,
    ``cue_end_token`` the last token of its phrase ("told reporters")."""
    rng = _span_tokens(doc, *content)
    if rng is None or cue_end_token >= rng[0]:
        return None
    if cue.sent.start != doc[rng[0]].sent.start or "\n" in text[cue.idx : content[0]]:
        return None
    i = cue_end_token + 1
    while i < rng[0]:
        t = doc[i]
        if t.is_punct or t.is_space or (t.head.i == cue.i and t.dep_ in SKIP_AFTER_CUE_DEPS and t.right_edge.i < rng[0]):
            i = t.right_edge.i + 1 if not (t.is_punct or t.is_space) else i + 1
            continue
        break
    if i >= rng[0]:
        return None
    start = doc[i].idx
    return start if start < content[0] else None


def close_quote(piece: tuple[int, int], quoted: list[Quoted], max_gap: int = 3) -> tuple[int, int]:
    """``piece`` run on to the closing mark of a quotation it opens but stops just short
    of (the parser hangs the final `."` on the cue, not on the reported clause)."""
    s, e = piece
    for q in quoted:
        if s <= q.start < e < q.end <= e + max_gap:
            return s, q.end
    return piece
