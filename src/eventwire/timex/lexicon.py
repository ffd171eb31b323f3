"""The temporal lexicon (``data/timex/lexicon.json``) and regex alternations built from it.

Words live in a data file so that adding a holiday or a spelling is a data change,
not a code change; this module only loads them once and turns word lists into
regex alternations (longest first, so "thanksgiving day" beats "thanksgiving").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def lexicon() -> dict[str, Any]:
    path = resources.files("eventwire") / "data" / "timex" / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


def alternation(words: list[str] | dict[str, Any], *, dotted: bool = False) -> str:
    """A non-capturing alternation of ``words``, longest first.

    Spaces match any run of whitespace; ``dotted`` lets abbreviations carry a period.
    """
    out = []
    for word in sorted(words, key=len, reverse=True):
        pat = re.escape(word).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        out.append(pat)
    alt = "(?:" + "|".join(out) + ")"
    return alt + (r"\.?" if dotted else "")


def number_value(text: str) -> float | str | None:
    """The number a count phrase denotes: 3, 5.5 ("5 1/2"), 25 ("twenty-five"), "X" (vague)."""
    lex = lexicon()
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in lex["vague_numbers"]:
        return "X"
    if m := re.fullmatch(r"(\d+)\s+(\d)/(\d)", t):
        return int(m[1]) + int(m[2]) / int(m[3])
    if re.fullmatch(r"\d+(?:\.\d+)?", t.replace(",", "")):
        n = float(t.replace(",", ""))
        return int(n) if n.is_integer() else n
    if t in lex["numbers"]:
        return lex["numbers"][t]
    parts = re.split(r"[- ]", t)
    if parts and all(p in lex["numbers"] for p in parts):
        return sum(lex["numbers"][p] for p in parts)
    return None
