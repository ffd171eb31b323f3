"""Find stretches of text between quotation marks.

News uses several conventions at once: curly “…”, straight "…", guillemets «…»,
single ‘…’ (which collide with apostrophes), and the multi-paragraph convention in
which a paragraph ends without a closing mark and the next opens with a fresh one.
The scanner works paragraph by paragraph so that one stray mark cannot swallow the
rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.quotes.lexicon import Lexicon, QuoteMarkPair

MAX_QUOTE_CHARS = 4000  # longer "quotes" come from unbalanced marks, not speech


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch: ``start``/``end`` include the marks themselves."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark
    paragraphs: int = 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _is_opener(text: str, i: int, pair: QuoteMarkPair) -> bool:
    """Single and straight marks open only at a word's left edge."""
    if pair.kind in ("double", "angle"):
        return True
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    return prev.isspace() or prev in "([{—–-/:;" or i == 0


def _is_closer(text: str, i: int, pair: QuoteMarkPair) -> bool:
    """A single mark between letters is an apostrophe (don’t), not a closer. A straight
    mark after a space closes only a quote that ends on a nested one: “…outreach,' " he said”."""
    if pair.kind in ("double", "angle"):
        return True
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isspace():
        nested_end = pair.kind == "straight" and prev == " " and i >= 2 and text[i - 2] in "'’"
        return nested_end and not nxt.isalnum()
    return not nxt.isalnum()


def _scan_paragraph(text: str, start: int, end: int, pairs: tuple[QuoteMarkPair, ...]) -> list[tuple[int, int, bool]]:
    """Outermost quoted stretches of one paragraph; an unclosed one runs to its end."""
    found: list[tuple[int, int, bool]] = []
    i = start
    while i < end:
        ch = text[i]
        opened = next((p for p in pairs if p.open == ch and _is_opener(text, i, p)), None)
        if opened is None:
            i += 1
            continue
        j = i + 1
        depth = 0
        close_at = -1
        while j < end:
            c = text[j]
            closes = c == opened.close or (c in opened.other_closers and depth == 0)
            if closes and _is_closer(text, j, opened) and (depth == 0 or opened.open == opened.close):
                close_at = j
                break
            if opened.open != opened.close and c == opened.open and _is_opener(text, j, opened):
                depth += 1
            elif c == opened.close and depth > 0 and _is_closer(text, j, opened):
                depth -= 1
            j += 1
        if close_at >= 0:
            found.append((i, close_at + 1, True))
            i = close_at + 1
        else:
            if opened.kind in ("single", "single_straight"):
                i += 1  # an unmatched single mark is far more often an apostrophe
                continue
            if text[start:i].strip():
                i += 1  # a stray mark inside a paragraph: not a multi-paragraph quote
                continue
            found.append((i, end, False))
            i = end
    return found


def _misturned_openers(text: str, paragraphs: list[tuple[int, int]], lexicon: Lexicon) -> str:
    """A paragraph that starts with a closing mark right before a word opens a quote with it: the typo
    in ”Mr. Trump embodies …” ― Sonya Herridge. Scanned as the opening mark; offsets stay in place."""
    opening = lexicon.opening_marks
    turned = {p.close: p.open for p in lexicon.quote_marks
              if p.kind in ("double", "angle") and p.open != p.close and p.close not in opening}  # not „…“
    chars = list(text)
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end and text[i].isspace():
            i += 1
        if i + 1 < p_end and text[i] in turned and text[i + 1].isalnum() and text.count(text[i], i + 1, p_end):
            chars[i] = turned[text[i]]
    return "".join(chars)


def find_quoted(text: str, lexicon: Lexicon) -> list[Quoted]:
    """Quoted stretches of ``text``, joining quotes that run over paragraph breaks."""
    pairs = lexicon.quote_marks
    original = text
    # Typewriter double quotes written as two apostrophes (''like this'', ``or this''):
    # scan them as one straight mark; the placeholder keeps every offset in place.
    text = text.replace("``", '"\x01').replace("''", '"\x01')
    paragraphs = _paragraphs(text)  # both rewrites keep every offset, so the paragraphs stay where they are
    text = _misturned_openers(text, paragraphs, lexicon)
    openers = {p.open for p in lexicon.unambiguous_marks()}
    raw: list[tuple[int, int, bool]] = []
    for p_start, p_end in paragraphs:
        raw.extend(_scan_paragraph(text, p_start, p_end, pairs))
    merged: list[Quoted] = []
    for start, end, closed in raw:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and not prev.closed
            and text[start] in openers
            and text[prev.end : start].strip() == ""
        ):
            # "…paragraph one\n“Paragraph two…”": one quote over both paragraphs.
            merged[-1] = Quoted(prev.start, end, closed, prev.paragraphs + 1)
            continue
        merged.append(Quoted(start, end, closed))
    if text != original:
        merged = [
            Quoted(q.start, q.end + 1, q.closed, q.paragraphs) if text[q.end : q.end + 1] == "\x01" else q
            for q in merged
        ]
    return [q for q in merged if q.end - q.start <= MAX_QUOTE_CHARS and q.end - q.start > 2]
