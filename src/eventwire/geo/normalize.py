"""One spelling key for place names.

News writes the same place as "Deir ez-Zor", "Deir ez Zor", "Deïr ez Zor" and
"DEIR EZ-ZOR"; GeoNames lists some of these and not others. Folding accents, case,
hyphens and punctuation into one key lets a single indexed equality lookup find them
all, so the gazetteer never needs fuzzy search at query time.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[.'\u2019\u2018`\u02bf\u02be\u02bb]")  # "U.S." -> "US", "Dar'a" -> "Dara"
_SEP = re.compile(r"[^0-9a-z]+")


def norm(name: str) -> str:
    """Lower-case ASCII key: accents stripped, punctuation dropped, separators folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_only = _DROP.sub("", ascii_only.lower())
    return _SEP.sub(" ", ascii_only).strip()


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (other scripts never occur in English text)."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = [c for c in decomposed if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)
