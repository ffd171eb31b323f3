"""Attributions in a headline, which the parser reads badly (Title Case turns every
word into a proper noun). Three conventions cover most of them:

    Pence: Gennifer Flowers Won't Be at Debate          label, colon, content
    Clinton Hid Health Problems, Former Doctor Says      content, source, verb
    Chris Christie Calls Hillary Clinton 'A Disgrace'    source, verb, content

The headline is the article's first paragraph when it is short.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.quotes.lexicon import Lexicon

MAX_HEADLINE_WORDS = 25
MAX_SOURCE_WORDS = 6
WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class HeadlineAttribution:
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int]
    rule: str


@lru_cache(maxsize=1)
def _rubric_labels() -> frozenset[str]:
    text = resources.files("eventwire").joinpath("data", "quotes", "headline_labels.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _verb_lemma(word: str, lexicon: Lexicon) -> str | None:
    """Lemma of an inflected headline verb ("Says", "Urges", "Denies") if it is a cue."""
    w = word.lower()
    for cand in (w, w[:-1] if w.endswith("s") else None, w[:-2] if w.endswith("es") else None,
                 w[:-3] + "y" if w.endswith("ies") else None, "say" if w == "said" else None):
        if cand and cand in lexicon.cue_verbs:
            return cand
    return None


def headline_span(text: str) -> tuple[int, int] | None:
    """The first paragraph when it is short enough to be a headline and a body follows."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip()
    if not line or len(WORD.findall(line)) > MAX_HEADLINE_WORDS or not text[end:].strip():
        return None  # a one-paragraph text has no headline
    return start, start + len(line)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:"):
        b -= 1
    return a, b


def headline_attributions(
    text: str, lexicon: Lexicon, in_name: Callable[[int, int], bool] = lambda a, b: False
) -> list[HeadlineAttribution]:
    """``in_name(start, end)`` tells whether a word is part of a name ("Washington Post")
    and so cannot be the headline's verb."""
    span = headline_span(text)
    if span is None:
        return []
    h0, h1 = span
    line = text[h0:h1]
    # 1. "Label: content"
    colon = line.find(":")
    if 0 < colon:
        label = line[:colon].strip()
        if len(WORD.findall(label)) <= MAX_SOURCE_WORDS and label.lower() not in _rubric_labels() and label[:1].isupper():
            content = _trim(text, h0 + colon + 1, h1)
            if content[1] > content[0]:
                return [HeadlineAttribution(content, _trim(text, h0, h0 + colon), (h0 + colon, h0 + colon + 1), "headline-label")]
        return []
    words = [
        (m.start() + h0, m.start() + h0 + len(m.group().rstrip(".")), m.group().rstrip("."))
        for m in WORD.finditer(line)
    ]
    # 2. "Content, Source Says."
    comma = line.rfind(",")
    if comma > 0 and words and _verb_lemma(words[-1][2], lexicon) and words[-1][2][:1].isupper():
        src = _trim(text, h0 + comma + 1, words[-1][0])
        n = len(WORD.findall(text[src[0] : src[1]]))
        if 0 < n <= MAX_SOURCE_WORDS:
            return [HeadlineAttribution(_trim(text, h0, h0 + comma), src, (words[-1][0], words[-1][1]), "headline-says")]
    # 3. "Source Verb content": the first cue verb after a short capitalised source
    for k, (a, b, w) in enumerate(words[1 : MAX_SOURCE_WORDS + 1], start=1):
        if _verb_lemma(w, lexicon) and text[words[k - 1][0]].isupper() and not in_name(a, b):
            content = _trim(text, b, h1)
            if content[1] - content[0] < 3:
                break
            return [HeadlineAttribution(content, _trim(text, h0, a), (a, b), "headline-verb")]
    return []
