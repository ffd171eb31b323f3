"""The actor dictionaries, loaded once per process into token-tuple lookup tables.

Phrases are tokenised with the same spaCy tokenizer as the articles, so a lookup is a
dict probe on a tuple of token texts: per-article cost stays linear in the number of
tokens however large the dictionaries grow (no regex per entry).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.cache import cache_dir

MAX_PHRASE_TOKENS = 12


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary phrase and what it means.

    ``type`` says how the phrase behaves in a noun phrase: ``country`` / ``demonym`` /
    ``people`` / ``capital`` name a country; ``org`` and ``leader`` carry a full code;
    ``role`` and ``title`` carry only a role.
    """

    type: str
    name: str  # canonical name
    code: str | None = None
    country: str | None = None
    role: str | None = None
    kind: str | None = None
    contextual: bool = False  # role takes the article's country when the phrase names none
    weak: bool = False  # a role word that yields to any other in the same phrase ("rebel leaders")
    start: dt.date | None = None  # leaders: period in office
    end: dt.date | None = None
    source: str = ""  # which dictionary, for Actor.rule

    def in_office(self, date: dt.date | None) -> bool | None:
        """True/False when both a date and a period are known, else None."""
        if date is None or (self.start is None and self.end is None):
            return None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass
class Lexicon:
    """Phrase tables: ``exact`` keys are case-sensitive (acronyms such as "IS"), ``folded`` lowercase."""

    exact: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    folded: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    # lowercase tokens -> ISO3 codes of the provinces and large cities so named, most populous first
    places: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    max_len: int = 1
    first: dict[str, int] = field(default_factory=dict)  # lowercase first token -> longest phrase length
    org_keywords: dict[str, str] = field(default_factory=dict)  # lowercase word in an ORG name -> role
    portfolios: dict[tuple[str, ...], str] = field(default_factory=dict)  # "for health" after a title -> role
    # lowercase tokens -> (context word, entry): a role only in an article that mentions the word ("deputies")
    in_context: dict[tuple[str, ...], list[tuple[str, Entry]]] = field(default_factory=dict)

    def add(self, phrase: str, entry: Entry, tokenize) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        tokens = tuple(tokenize(phrase + " x"))[:-1] if phrase.endswith(".") else tuple(tokenize(phrase))
        # ("Gen." ends a text as "Gen" + "."; mid-sentence, where names follow it, it is one token.)
        if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
            return
        self.max_len = max(self.max_len, len(tokens))
        head = tokens[0].lower()
        self.first[head] = max(self.first.get(head, 0), len(tokens))
        if _case_sensitive(phrase, entry):
            self.exact.setdefault(tokens, []).append(entry)
        else:
            self.folded.setdefault(tuple(t.lower() for t in tokens), []).append(entry)

    def lookup(self, tokens: tuple[str, ...], lowered: tuple[str, ...] | None = None) -> list[Entry]:
        """Entries for a token tuple: case-sensitive ones first."""
        found = self.exact.get(tokens, [])
        folded = self.folded.get(lowered if lowered is not None else tuple(t.lower() for t in tokens))
        return found + folded if folded else found


def _case_sensitive(phrase: str, entry: Entry) -> bool:
    """Acronyms ("IS", "UN", "AU") and one-word surnames ("Abe", "Assad") must match as written."""
    letters = [c for c in phrase if c.isalpha()]
    if letters and len(letters) <= 6 and any(c.isupper() for c in letters[1:]):
        return True  # acronyms: "IS", "UN", "LeT" (never "let"), "JeM"
    single_word = " " not in phrase and "-" not in phrase
    return single_word and entry.type in ("leader", "org")  # "Amnesty", "Assad": not "amnesty"


def data_path(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "data" / "actors" / name))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV with a header line; lines starting with "#" are comments."""
    with open(path, encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def country_entries() -> Iterable[tuple[str, Entry]]:
    """Country names and demonyms; a phrase claimed by two countries (e.g. "Congolese") is dropped."""
    rows: dict[tuple[str, str], set[str]] = {}  # (type, phrase) -> iso3s
    for source in ("countries.tsv", "countries_extra.tsv"):
        for row in read_tsv(data_path(source)):
            iso3, kind, phrase = row["iso3"], row["type"], row["phrase"]
            if kind == "drop":
                for (_, p), isos in rows.items():
                    if p == phrase:
                        isos.discard(iso3)
                continue
            isos = rows.setdefault((kind, phrase), set())
            if source == "countries_extra.tsv":
                # The curated table is authoritative for a phrase it names.
                for (other_kind, p), others in rows.items():
                    if p == phrase and others is not isos:
                        others.discard(iso3)
            isos.add(iso3)
    names = _country_names(rows)
    for (kind, phrase), isos in rows.items():
        if len(isos) != 1:
            continue
        iso3 = next(iter(isos))
        yield phrase, Entry(type=kind if kind != "name" else "country", name=names.get(iso3, phrase), code=iso3,
                            country=iso3, kind="country", source="countries")


def _country_names(rows: dict[tuple[str, str], set[str]]) -> dict[str, str]:
    """A short English name per ISO3 for Actor.name (pycountry's common name where it has one)."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    return names


def role_entries() -> Iterable[tuple[str, Entry]]:
    for row in read_tsv(data_path("roles.tsv")):
        role = None if row["role"] == "*" else row["role"]
        yield row["phrase"], Entry(type="role", name=row["phrase"], role=role, kind=row["kind"],
                                   contextual=row["contextual"] == "1", weak=row.get("weak") == "1", source="roles")
    for row in read_tsv(data_path("titles.tsv")):
        yield row["phrase"], Entry(type="title", name=row["phrase"], role=row["role"], kind="person",
                                   contextual=True, source="titles")


def organisation_entries() -> Iterable[tuple[str, Entry]]:
    for row in read_tsv(data_path("organisations.tsv")):
        entry = Entry(type="org", name=row["name"], code=row["code"], country=row["country"] or None,
                      role=row["role"] or None, kind=row["kind"] or "organisation", source="organisations")
        yield row["name"], entry
        for alias in filter(None, row["aliases"].split("|")):
            yield alias, entry


def leader_entries() -> Iterable[tuple[str, Entry]]:
    for row in read_tsv(data_path("leaders.tsv")):
        entry = Entry(type="leader", name=row["name"], code=row["code"], country=row["country"] or None,
                      role=row["role"] or None, kind="person", start=_date(row["from"]), end=_date(row["to"]),
                      source="leaders")
        yield row["name"], entry
        for alias in filter(None, row["aliases"].split("|")):
            yield alias, entry


class PhraseTokenizer:
    """The articles' tokenizer, so dictionary phrases split exactly as text does.

    Tokenizing the ~11,000 dictionary phrases costs ~0.7 s, paid by every worker process at
    start; the phrases' tokens are therefore kept in the cache folder, under a name that
    carries the spaCy and model versions (the tokenizer's rules). Phrases not yet there
    (new or user dictionaries) are tokenized and added when the lexicon is built.
    """

    def __init__(self) -> None:
        from spacy import __version__ as spacy_version

        from eventwire.nlp import load_nlp

        nlp = load_nlp()
        self._tok = nlp.tokenizer
        version = f"{spacy_version}-{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
        self.path = cache_dir() / f"phrase-tokens-{_safe(version)}.json"
        self._known: dict[str, tuple[str, ...]] = _read_cache(self.path)
        self._added = 0

    def __call__(self, text: str) -> list[str]:
        tokens = self._known.get(text)
        if tokens is None:
            tokens = self._known[text] = tuple(t.text for t in self._tok(text) if not t.is_space)
            self._added += 1
        return list(tokens)

    def save(self) -> None:
        """Write the cache if phrases were added (atomically: workers may race; any winner is right)."""
        if not self._added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".phrase-tokens-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._known, fh, ensure_ascii=False, separators=(",", ":"))
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.path)
            self._added = 0
        except OSError:
            pass  # a read-only home: tokenize again next time


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in ".-_" else "_" for c in text)


def _read_cache(path: Path) -> dict[str, tuple[str, ...]]:
    """JSON, not pickle: a cache folder shared on a cluster must not be able to run code."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: tuple(v) for k, v in data.items()
            if isinstance(k, str) and isinstance(v, list) and all(isinstance(t, str) for t in v)}


@lru_cache(maxsize=1)
def tokenizer() -> PhraseTokenizer:
    return PhraseTokenizer()


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a dictionary phrase as they appear mid-sentence."""
    tokenize = tokenizer()
    return tuple(tokenize(phrase + " x"))[:-1] if phrase.endswith(".") else tuple(tokenize(phrase))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """All shipped dictionaries (built once per process: ~0.2 s)."""
    lexicon = Lexicon()
    tokenize = tokenizer()

    def folded(phrase: str) -> tuple[str, ...]:  # a table's phrase as lower-cased tokens
        return tuple(t.lower() for t in tokenize(phrase))

    for entries in (country_entries(), role_entries(), organisation_entries(), leader_entries()):
        for phrase, entry in entries:
            lexicon.add(phrase, entry, tokenize)
    lexicon.org_keywords = {row["word"].lower(): row["role"] for row in read_tsv(data_path("org_keywords.tsv"))}
    lexicon.portfolios = {folded(row["phrase"]): row["role"] for row in read_tsv(data_path("portfolios.tsv"))}
    for row in read_tsv(data_path("context_roles.tsv")):
        entry = Entry(type="role", name=row["phrase"], role=row["role"], kind=row["kind"],
                      contextual=row["contextual"] == "1", weak=row["weak"] == "1", source="context-roles")
        key = folded(row["phrase"])
        lexicon.in_context.setdefault(key, []).append((row["context"].lower(), entry))
        lexicon.first[key[0]] = max(lexicon.first.get(key[0], 0), len(key))
    for row in read_tsv(data_path("places.tsv")):
        tokens = folded(row["phrase"])
        if tokens and tokens not in lexicon.folded:
            lexicon.places[tokens] = tuple(row["iso3"].split("|"))
    tokenize.save()
    return lexicon
