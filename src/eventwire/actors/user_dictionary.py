"""User dictionaries: extra actors in a simple TSV/JSON or in the PETRARCH/TABARI formats.

Users bring their own vocabulary (local militias, new ministers). The simplest form is a
TSV ``phrase<TAB>code[<TAB>name[<TAB>kind]]`` or JSON (``{"phrase": "code"}`` or a list of
``{"phrase", "code", "name", "kind"}``); TABARI/PETRARCH ``.actors``/``.agents`` text
files are read with :mod:`eventwire.actors.petrarch_format` so old dictionaries carry over.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from eventwire.actors.lexicon import Entry, Lexicon, phrase_tokens, tokenizer

log = logging.getLogger(__name__)

ROLE_CODES = frozenset(
    "GOV MIL REB OPP COP JUD LEG MED CVL BUS IGO NGO PTY SPY UAF UNK AGR CRM EDU ELI JRN LAB REF PRE REL SOC HLH "
    "ENV IMG".split()
)


def split_code(code: str) -> tuple[str | None, str | None, str]:
    """(country, role, normalised code) of a CAMEO code: "USAGOV" -> ("USA", "GOV", "USA GOV")."""
    compact = code.replace(" ", "").replace("~", "").upper()
    if compact[:3] in ("IGO", "NGO"):
        rest = compact[3:]
        return None, compact[:3], f"{compact[:3]} {rest}" if rest else compact[:3]
    if compact in ROLE_CODES:
        return None, compact, compact
    if compact[:3] in ("IMG", "MNC", "NGM", "UIS"):
        return None, "REB" if compact.startswith("IMG") else None, compact
    country = compact[:3] if len(compact) >= 3 and compact[:3].isalpha() else None
    blocks = [compact[i : i + 3] for i in range(3, len(compact), 3)]
    role = next((b for b in blocks if b in ROLE_CODES), None)  # "PSEHMSGOV": Hamas' government
    if country and blocks:
        return country, role, f"{country} {compact[3:]}"
    return country, role, compact


def _pairs_to_entries(pairs: Iterable[tuple[str, str]], source: str) -> list[tuple[str, Entry]]:
    out = []
    for phrase, code in pairs:
        phrase = phrase.replace("_", " ").strip()
        if not phrase or not code:
            continue
        if code.startswith("~") or code.endswith("~"):  # PETRARCH agent: a role noun
            _, role, _ = split_code(code)
            if role:
                out.append((phrase, Entry(type="role", name=phrase, role=role, kind="collective", contextual=True,
                                          source=source)))
            continue
        country, role, normalised = split_code(code)
        out.append((phrase, Entry(type="user", name=phrase.title() if phrase.islower() else phrase, code=normalised,
                                  country=country, role=role, kind="organisation", source=source)))
    return out


def load_user_dictionary(path: str | Path) -> list[tuple[str, Entry]]:
    """(phrase, Entry) pairs from a user dictionary file; the format is chosen by its extension/content."""
    path = Path(path)
    source = f"user:{path.name}"
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return _pairs_to_entries(data.items(), source)
        entries = []
        for item in data:
            for phrase, entry in _pairs_to_entries([(item["phrase"], item["code"])], source):
                entries.append((phrase, replace(entry, name=item.get("name", entry.name), kind=item.get("kind", entry.kind))))
        return entries
    if path.suffix.lower() in (".tsv", ".csv"):
        entries = []
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split(delimiter)]
            if len(cols) < 2 or cols[:2] == ["phrase", "code"]:
                continue
            for phrase, entry in _pairs_to_entries([(cols[0], cols[1])], source):
                name = cols[2] if len(cols) > 2 and cols[2] else entry.name
                kind = cols[3] if len(cols) > 3 and cols[3] else entry.kind
                entries.append((phrase, replace(entry, name=name, kind=kind)))
        return entries
    return _petrarch_entries(path, source)


def _petrarch_entries(path: Path, source: str) -> list[tuple[str, Entry]]:
    """TABARI/PETRARCH text dictionaries, through the petrarch_format reader when installed."""
    try:
        from eventwire.actors import petrarch_format
    except ImportError:
        log.warning("PETRARCH dictionary reader not available: skipping %s", path)
        return []
    agents = "agent" in path.name.lower()
    reader = petrarch_format.read_agent_dictionary if agents else petrarch_format.read_actor_dictionary
    return _pairs_to_entries(reader(path), source)


def extend_lexicon(base: Lexicon, extra: Sequence[str | Path | Iterable[tuple[str, str]]]) -> Lexicon:
    """A copy of ``base`` with user entries added in front (they win over shipped ones)."""
    lexicon = Lexicon(
        exact={k: list(v) for k, v in base.exact.items()},
        folded={k: list(v) for k, v in base.folded.items()},
        places=base.places,
        max_len=base.max_len,
        first=dict(base.first),
        org_keywords=base.org_keywords,
    )
    tokenize = tokenizer()
    for item in extra:
        if isinstance(item, (str, Path)):
            entries = load_user_dictionary(item)
        else:
            entries = _pairs_to_entries(item, "user")
        for phrase, entry in entries:
            lexicon.add(phrase, entry, tokenize)
            key_exact = phrase_tokens(phrase)
            for table, key in ((lexicon.exact, key_exact), (lexicon.folded, tuple(t.lower() for t in key_exact))):
                if key in table and table[key][-1] is entry:
                    table[key].insert(0, table[key].pop())  # user entries first
    return lexicon
