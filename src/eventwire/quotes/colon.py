"""Attributions introduced by a colon, the convention of transcripts and headlines:

    Limbaugh continued: the move reeks of fear.
    PENCE: Well, look, ...
    Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump

The content runs from the colon to the end of its paragraph; when a cue verb and its
colon end the paragraph ("The governor added:"), the next paragraph is the content. A speaker label counts
only when it is a name (a PERSON entity, or an all-capitals word as in transcripts),
so "Correction:" or "The Latest:" do not.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.quotes.lexicon import Lexicon
from eventwire.quotes.syntax import cue_verb

MIN_BLOCK_WORDS = 3  # a block quote after "he added:" is a sentence, not a stray word
MAX_LABEL_TOKENS = 4  # "Sen. Bernie Sanders:" — longer prefixes are sentences, not labels


def colon_attributions(
    doc: Doc, lexicon: Lexicon, ents: tuple[SpacySpan, ...] = ()
) -> list[tuple[Token | None, Token, tuple[int, int]]]:
    """(cue verb or None, colon token, content char range) for every colon-introduced report.

    With a verb ("he added:") the verb's subject is the source; without one the label
    before the colon is.
    """
    text = doc.text
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
                    out.append((prev, tok, block))
            continue
        if is_cue:
            out.append((prev, tok, (start, p_end)))
            continue
        label = _speaker_label(doc, tok, ents, text)
        if label is not None:
            out.append((None, tok, (start, p_end)))
    return out


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


def _speaker_label(doc: Doc, colon: Token, ents: tuple[SpacySpan, ...], text: str | None = None) -> Token | None:
    """Head of the paragraph-initial name before ``colon``, if it is one.

    ``text`` is ``doc.text`` when the caller has it: spaCy rebuilds that string on every access."""
    text = doc.text if text is None else text
    p_start = text.rfind("\n", 0, colon.idx) + 1
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


def label_before(doc: Doc, colon: Token, ents: tuple[SpacySpan, ...]) -> Token | None:
    return _speaker_label(doc, colon, ents)
