"""Small helpers over a spaCy Doc for the actor stage: phrase edges, names, casing.

Kept apart from the resolver so its logic reads as rules, not token plumbing. Results
that cost a pass over the document (entities, casing) are cached in ``doc.user_data``.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

NAME_LABELS = frozenset({"PERSON", "ORG"})
_ENTS_KEY, _STARTS_KEY, _LOWER_KEY = "eventwire.actors.ents", "eventwire.actors.ent_starts", "eventwire.actors.all_lower"
EDGE_PUNCT = frozenset({"(", ")", "[", "]", "“", "”", '"', "'", "‘", "’", ",", ":", ";", "-", "—", "–", "'s", "’s"})
SHOUTING_SHARE = 0.6  # a sentence with more capitalised words than this is a headline in capitals
LOWERCASE_TEXT_SHARE = 0.015  # news prose has ~3-4 % capitals; below this the archive lowercased it


def acts(tok) -> bool:
    """Is this word a participant of its clause (subject, object, agent) rather than a location?"""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("by", "with", "between")


def ents_within(doc: Doc, start: int, end: int) -> list:
    """PERSON/ORG entities inside tokens [start, end), by binary search over their starts."""
    ents = name_ents(doc)
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = [ent.start for ent in ents]
        doc.user_data[_STARTS_KEY] = starts
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(ents) and ents[i].start < end:
        if ents[i].end <= end:
            out.append(ents[i])
        i += 1
    return out


def noun_chunks(doc: Doc) -> list:
    """Noun chunks, or none when the pipeline has no parser (then anchors and names still count)."""
    try:
        return list(doc.noun_chunks)
    except ValueError:
        return []


def name_ents(doc: Doc) -> list:
    """PERSON/ORG entities of the doc, computed once per doc (``doc.ents`` rebuilds spans per call).

    Only token offsets go into ``doc.user_data`` (it must stay serialisable); see :func:`forget`.
    """
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        cached = [(ent.start, ent.end, ent.label_) for ent in doc.ents if ent.label_ in NAME_LABELS]
        doc.user_data[_ENTS_KEY] = cached
    return [Span(doc, s, e, label=label) for s, e, label in cached]


def forget(doc: Doc) -> None:
    """Drop this module's per-document caches, leaving ``doc.user_data`` as it was."""
    for key in (_ENTS_KEY, _STARTS_KEY, _LOWER_KEY):
        doc.user_data.pop(key, None)


def is_det(tok) -> bool:
    return tok.pos_ == "DET" or tok.lower_ == "the"


def text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def name(doc: Doc, start: int, end: int) -> str:
    """Canonical-ish name: the phrase without a leading determiner."""
    while start < end - 1 and is_det(doc[start]):
        start += 1
    return doc[start:end].text


def all_lower(doc: Doc) -> bool:
    """True for texts written all in lower case (some archives lowercase everything)."""
    user_data = doc.user_data
    if _LOWER_KEY not in user_data:
        letters = [c for c in doc.text[:5000] if c.isalpha()]
        upper = sum(1 for c in letters if c.isupper())
        user_data[_LOWER_KEY] = bool(letters) and upper / len(letters) < LOWERCASE_TEXT_SHARE
    return user_data[_LOWER_KEY]


def shouting(doc: Doc, i: int) -> bool:
    """Is token ``i`` inside a run of capitals ("WHAT IS IT"), where "IS"/"US" are words?"""
    try:
        sent = doc[i].sent
    except ValueError:  # no sentence boundaries: look at a window instead
        sent = doc[max(0, i - 10) : i + 10]
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    if len(words) < 3:
        neighbours = [t for t in (doc[i - 1] if i > 0 else None, doc[i + 1] if i + 1 < len(doc) else None) if t is not None]
        return any(t.is_alpha and len(t) > 1 and t.text.isupper() for t in neighbours)
    return sum(1 for t in words if t.text.isupper()) / len(words) > SHOUTING_SHARE


def cut_at_breaks(doc: Doc, start: int, end: int, root: int) -> tuple[int, int]:
    """Keep the part of a phrase on the root's side of any line break ("Share\\n\\nSyrian army")."""
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].whitespace_:
            if i < root:
                start = i + 1
            else:
                end = i if doc[i].is_space else i + 1
                break
    return start, end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Strip brackets, quotes and dangling possessives from the edges."""
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space):
        if doc[start].text == "(" and any(t.text == ")" for t in doc[start:end]):
            break  # "(government) forces": the bracket belongs to the phrase
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start:end]):
            break
        end -= 1
    return start, end


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
