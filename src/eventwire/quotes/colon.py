"""Attributions introduced by a colon, the convention of transcripts and headlines:

    Limbaugh continued: the move reeks of fear.
    PENCE: Well, look, ...
    Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump

The content runs from the colon to the end of its paragraph; when a cue verb and its
colon end the paragraph ("The governor added:"), the next paragraph is the content. A speaker label counts
only when it is a name (a PERSON entity, or an all-capitals word as in transcripts),
so "Correction:" or "The Latest:" do not.

Transcripts are also printed inside the multi-paragraph quote convention, every paragraph
opening with a mark that no paragraph closes:

    "PENCE: Well, look, Mark Cuban has been out there …
    "But the truth is …
    "(CROSSTALK.)
    "WALLACE: Governor, …

There each labelled paragraph is one speaker's turn (not one long unattributed quote),
and the turn runs on over the following opened paragraphs until the next label or an
aside in parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.quotes.lexicon import Lexicon
from eventwire.quotes.syntax import cue_verb

MIN_BLOCK_WORDS = 3  # a block quote after "he added:" is a sentence, not a stray word
MAX_LABEL_TOKENS = 4  # "Sen. Bernie Sanders:" — longer prefixes are sentences, not labels


@dataclass(frozen=True, slots=True)
class ColonReport:
    """One colon-introduced report. ``verb`` is the cue verb ("he added:"), None after a label."""

    verb: Token | None
    colon: Token
    content: tuple[tuple[int, int], ...]
    quoted_turn: bool = False  # a labelled paragraph of a transcript printed inside quote marks


def colon_attributions(doc: Doc, lexicon: Lexicon, ents: tuple[SpacySpan, ...] = ()) -> list[ColonReport]:
    """Every colon-introduced report.

    With a verb ("he added:") the verb's subject is the source; without one the label
    before the colon is.
    """
    text = doc.text
    openers = lexicon.opening_marks
    marks = openers | frozenset(lexicon.closing_marks)
    out = []
    for tok in doc:
        if tok.text != ":":
            continue
        p_end = text.find("\n", tok.idx)
        p_end = len(text) if p_end < 0 else p_end
        start = tok.idx + 1
        while start < p_end and text[start].isspace():
            start += 1
        prev = tok.nbor(-1) if tok.i > 0 else None
        is_cue = prev is not None and cue_verb(prev, lexicon) is not None
        if p_end - start < 3:
            if is_cue and start == p_end:  # "The governor added:" closing its paragraph
                block = _next_paragraph(text, p_end)
                if block is not None:
                    out.append(ColonReport(prev, tok, (block,)))
            continue
        if is_cue:
            out.append(ColonReport(prev, tok, ((start, p_end),)))
            continue
        label = _speaker_label(doc, tok, ents, text, openers)
        if label is None:
            continue
        p_start = text.rfind("\n", 0, tok.idx) + 1
        if text[p_start : p_start + 1] in openers:
            turn = _quoted_turn(doc, text, (start, p_end), openers, marks, ents)
            out.append(ColonReport(None, tok, turn, quoted_turn=True))
        else:
            out.append(ColonReport(None, tok, ((start, p_end),)))
    return out


def _quoted_turn(
    doc: Doc, text: str, first: tuple[int, int], openers: frozenset[str], marks: frozenset[str],
    ents: tuple[SpacySpan, ...],
) -> tuple[tuple[int, int], ...]:
    """The paragraphs of one transcript turn, each without its opening mark (and any closing one)."""
    pieces = [_without_marks(text, *first, marks)]
    p_end = first[1]
    while True:
        start = p_end
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text) or text[start] not in openers or text[start - 1] != "\n":
            break
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        body = text[start + 1 : end].strip()
        if not body or body.startswith("(") or _labelled(doc, start, end, ents, text, openers):
            break
        pieces.append(_without_marks(text, start + 1, end, marks))
        p_end = end
    return tuple(p for p in pieces if p[1] > p[0])


def _without_marks(text: str, start: int, end: int, marks: frozenset[str]) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in marks):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in marks):
        start += 1
    return start, end


def _labelled(
    doc: Doc, start: int, end: int, ents: tuple[SpacySpan, ...], text: str, openers: frozenset[str]
) -> bool:
    """Does the paragraph at ``start`` open with a speaker label ("PENCE:")?"""
    colon = text.find(":", start, min(end, start + 60))
    if colon < 0:
        return False
    span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    return span is not None and span[0].text == ":" and _speaker_label(doc, span[0], ents, text, openers) is not None


def _next_paragraph(text: str, after: int) -> tuple[int, int] | None:
    """The paragraph after a cue that ends its own ("Limbaugh added:"): a block quote."""
    start = after
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if len(text[start:end].split()) >= MIN_BLOCK_WORDS else None


def _speaker_label(
    doc: Doc,
    colon: Token,
    ents: tuple[SpacySpan, ...],
    text: str | None = None,
    openers: frozenset[str] = frozenset(),
) -> Token | None:
    """Head of the paragraph-initial name before ``colon``, if it is one.

    ``text`` is ``doc.text`` when the caller has it: spaCy rebuilds that string on every access.
    A paragraph's opening quote mark (one of ``openers``) is not part of the label."""
    text = doc.text if text is None else text
    p_start = text.rfind("\n", 0, colon.idx) + 1
    while p_start < colon.idx and text[p_start] in openers:
        p_start += 1
    span = doc.char_span(p_start, colon.idx, alignment_mode="expand")
    if span is None or not 0 < len(span) <= MAX_LABEL_TOKENS:
        return None
    words = [t for t in span if not t.is_space]
    if not words:
        return None
    if all(t.text.isupper() and t.is_alpha and len(t) >= 3 for t in words):
        return words[-1]
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start >= words[0].i and ent.end == words[-1].i + 1:
            return ent.root
    return None


def label_before(doc: Doc, colon: Token, ents: tuple[SpacySpan, ...], lexicon: Lexicon) -> Token | None:
    return _speaker_label(doc, colon, ents, openers=lexicon.opening_marks)
