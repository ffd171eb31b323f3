"""Turn scraped article text into clean prose, keeping the way back to the raw input.

Scraped news carries page furniture ("Share", "Advertisement"), photo captions glued to
paragraphs, the headline repeated at the foot, and wire datelines ("GENEVA (Reuters) -").
Left in, they become fake sentences, fake entities and wrong sentence boundaries.

The cleaner never rewrites characters: it keeps runs of raw text and joins them with
paragraph breaks, recording each run in an :class:`~eventwire.model.OffsetMap`, so every
span found later maps back to the raw input. The patterns it uses are data files under
``data/clean/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.model import OffsetMap

PARAGRAPH_BREAK = "\n\n"
_HEADLINE_MAX_CHARS = 200
_BOILERPLATE_MAX_CHARS = 200
_DATELINE_SEARCH_LINES = 3


@dataclass(slots=True)
class _Piece:
    raw_start: int
    raw_end: int
    kind: str = "body"  # body, headline, caption


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text and what was taken out of it."""

    text: str
    offsets: OffsetMap
    headline: str | None = None
    dateline: str | None = None
    captions: tuple[tuple[int, int], ...] = ()  # clean-text offsets of caption paragraphs
    caption_texts: tuple[str, ...] = ()
    publication_date_text: str | None = None  # "March 10, 2002" from "This story is from ..."
    removed: tuple[str, ...] = field(default=())  # the raw lines dropped, for `eventwire show`


def _read_patterns(name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    text = resources.files("eventwire").joinpath("data", "clean", name).read_text(encoding="utf-8")
    return tuple(
        re.compile(line, flags)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=None)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    return {
        "boilerplate": _read_patterns("boilerplate.txt", re.IGNORECASE),
        "captions": _read_patterns("captions.txt"),
        "datelines": _read_patterns("datelines.txt"),
        "published": _read_patterns("datelines_of_publication.txt", re.IGNORECASE),
    }


def _lines(raw: str) -> list[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) of each non-blank line, stripped of outer spaces."""
    out: list[tuple[int, int, bool]] = []
    blank_before = True
    pos = 0
    for line in raw.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            start = pos + lead
            out.append((start, start + len(stripped), blank_before))
            blank_before = False
        else:
            blank_before = True
        pos += len(line)
    return out


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _is_boilerplate(line: str) -> bool:
    if len(line) > _BOILERPLATE_MAX_CHARS:
        return False
    return any(p.fullmatch(line) for p in _patterns()["boilerplate"])


def _looks_like_headline(line: str) -> bool:
    return (
        len(line) <= _HEADLINE_MAX_CHARS
        and not line.endswith((".", "?", "!", ":", "”", '"', "’"))
        and len(line.split()) >= 3
    )


def _dateline_after_headline(line: str, patterns) -> tuple[int, re.Match] | None:
    """(end of the headline, dateline match) when a line runs a headline and a dateline together.

    Some archives flatten an article to one line, "Headline . CITY (AP) — Body", so the dateline
    opens no line and would stay in the text, where it reads as the subject of the first verb
    ("LEBANON (AP) — A pathologist ... says"). Only a sentence end within a headline's length that
    is followed by a dateline and a capitalised body counts.
    """
    for end in re.finditer(r"[.!?](?= )", line[:_HEADLINE_MAX_CHARS]):
        if len(line[: end.start()].split()) < 3:
            continue
        at = end.end() + 1
        for p in patterns:
            m = p.match(line, at)
            if m and m.end() < len(line) and not line[m.end()].islower():  # not "NATO -- the alliance --"
                return end.end(), m
    return None


def clean(raw: str, title: str | None = None) -> Cleaned:
    """Clean ``raw`` article text; ``title`` (from metadata) helps find repeated headlines."""
    pats = _patterns()
    pieces: list[tuple[_Piece, bool]] = []  # (piece, starts_paragraph)
    removed: list[str] = []
    headline: str | None = None
    dateline: str | None = None
    published: str | None = None
    seen_short: set[str] = set()
    title_norm = _norm(title) if title else None
    body_lines = 0

    for start, end, new_para in _lines(raw):
        line = raw[start:end]
        norm = _norm(line)
        if _is_boilerplate(line):
            removed.append(line)
            continue
        if published is None:
            m = next((p.fullmatch(line) for p in pats["published"] if p.fullmatch(line)), None)
            if m:
                published = m.group("date").strip()
                removed.append(line)
                continue
        if len(line) <= _HEADLINE_MAX_CHARS:
            if norm in seen_short or (title_norm and norm == title_norm and headline is not None):
                removed.append(line)  # repeated headline or repeated furniture
                continue
            seen_short.add(norm)
        if headline is None and not pieces and (
            (title_norm and norm == title_norm) or (title_norm is None and _looks_like_headline(line))
        ):
            headline = line
            pieces.append((_Piece(start, end, "headline"), True))
            continue
        if dateline is None and body_lines < _DATELINE_SEARCH_LINES:
            for p in pats["datelines"]:
                m = p.match(line)
                if m and m.end() < len(line):
                    dateline = m.group("dateline").strip()
                    start += m.end()
                    line = raw[start:end]
                    break
        if dateline is None and body_lines == 0 and not pieces:
            found = _dateline_after_headline(line, pats["datelines"])
            if found is not None:  # "Trial rests . LEBANON (AP) — A pathologist ...": one line
                head_end, m = found
                dateline = m.group("dateline").strip()
                kind = "headline" if headline is None else "body"
                headline = headline or raw[start:start + head_end]
                pieces.append((_Piece(start, start + head_end, kind), True))
                start += m.end()
                line = raw[start:end]
                new_para = True
        body_lines += 1
        caption = next((p.match(line) for p in pats["captions"] if p.match(line)), None)
        if caption:
            cap_end = start + caption.end("cap")
            pieces.append((_Piece(start, cap_end, "caption"), True))
            rest = raw[cap_end:end]
            lead = len(rest) - len(rest.lstrip())
            if rest.strip():
                pieces.append((_Piece(cap_end + lead, end, "body"), True))
            continue
        pieces.append((_Piece(start, end), new_para))

    return _assemble(raw, pieces, headline, dateline, published, removed)


def _assemble(
    raw: str,
    pieces: list[tuple[_Piece, bool]],
    headline: str | None,
    dateline: str | None,
    published: str | None,
    removed: list[str],
) -> Cleaned:
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    captions: list[tuple[int, int]] = []
    caption_texts: list[str] = []
    pos = 0
    prev_kind = None
    for i, (piece, new_para) in enumerate(pieces):
        if i:
            # Captions and headlines always stand alone, so no sentence runs across them.
            sep = PARAGRAPH_BREAK if new_para or piece.kind != "body" or prev_kind != "body" else "\n"
            parts.append(sep)
            pos += len(sep)
        text = raw[piece.raw_start : piece.raw_end]
        segments.append((pos, piece.raw_start, len(text)))
        if piece.kind == "caption":
            captions.append((pos, pos + len(text)))
            caption_texts.append(text)
        parts.append(text)
        pos += len(text)
        prev_kind = piece.kind
    return Cleaned(
        text="".join(parts),
        offsets=OffsetMap(tuple(segments)),
        headline=headline,
        dateline=dateline,
        captions=tuple(captions),
        caption_texts=tuple(caption_texts),
        publication_date_text=published,
        removed=tuple(removed),
    )
