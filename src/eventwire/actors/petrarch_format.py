"""Readers for the PETRARCH / TABARI dictionary text formats.

Users arrive with years of curated TABARI/PETRARCH dictionaries (actors, agents, verbs,
discards). Reading those files as they are lets their vocabulary carry over unchanged,
so this module turns each format into small typed structures and never interprets them:
matching and coding live in :mod:`eventwire.events.petrarch_verbs`.

Format notes that shape the parsing (learnt from the files and PETRARCH's docs):

* comments are ``# ...``, legacy ``; ...`` and ``<!-- ... -->`` (possibly multi-line);
* phrases use ``_`` or blanks between words; a trailing ``_`` was TABARI's "no stemming"
  mark and is dropped (PETRARCH matches whole words only);
* actors: a primary phrase with an optional ``[CODE]``, ``+`` synonym lines, and indented
  ``[CODE <date]``, ``[CODE >date]``, ``[CODE d1-d2]`` restriction lines; dates are
  ``YYYYMMDD`` or ``YYMMDD``; the first restriction that holds wins, else the default;
* agents: ``PHRASE {plurals} [~CODE]`` (``{}`` = no plural; ``CODE~`` = prefix code) and
  ``!MARK! = A, B`` substitution sets used inside phrases;
* verbs: ``&SYNSET`` blocks of ``+`` phrases, ``--- NAME [code] ---`` groups of verbs
  (``{FORMS}``, own ``[code]``, ``+`` marking the verb inside a multi-word phrase) and
  ``- PATTERN [code]`` lines;
* discards: one phrase a line, ``+`` for story-level discards.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DateRestriction",
    "ActorEntry",
    "AgentEntry",
    "VerbForm",
    "VerbPattern",
    "VerbGroup",
    "VerbDictionary",
    "Discards",
    "read_actors",
    "read_agents",
    "read_verbs",
    "read_discards",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "plural_forms",
    "parse_dict_date",
]

NULL_CODE = "---"
_XML_COMMENT = re.compile(r"<!.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")


# ----------------------------------------------------------------------------- helpers


def _strip_comments(text: str) -> str:
    """Remove XML comments (multi-line too) so line readers only see content."""
    return _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _content_lines(path: str | Path) -> Iterator[str]:
    """Lines with ``#``/``;`` comments cut, right-stripped; leading blanks are kept
    because actor restriction lines are recognised by their indentation."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for raw in _strip_comments(text).splitlines():
        yield _cut_line_comment(raw).rstrip()


def _cut_line_comment(line: str) -> str:
    """Cut at the first ``#`` or ``;`` outside ``[...]`` (codes like ``[###]`` survive)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in "#;" and depth == 0:
            return line[:i]
    return line


def normalise_phrase(phrase: str) -> str:
    """Dictionary phrase -> lower-case words separated by single spaces."""
    words = phrase.replace("_", " ").split()
    return " ".join(w.lower() for w in words)


def parse_dict_date(token: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` (years < 30 read as 20xx, the TABARI convention)."""
    token = token.strip()
    if not token.isdigit() or len(token) not in (6, 8):
        raise ValueError(f"bad dictionary date {token!r}")
    if len(token) == 6:
        yy = int(token[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        return dt.date(year, int(token[2:4]), int(token[4:6]))
    return dt.date(int(token[:4]), int(token[4:6]), int(token[6:8]))


def plural_forms(phrase: str) -> list[str]:
    """Regular plural of the last word, by PETRARCH's rules (s / ies / es)."""
    words = phrase.split()
    if not words:
        return []
    last = words[-1]
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("ss", "sh", "ch", "x", "s")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [" ".join(words[:-1] + [plural])]


# ----------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class DateRestriction:
    """A code valid between ``start`` and ``end`` (inclusive; None = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class ActorEntry:
    """One actor record: all its phrases share the default code and restrictions."""

    phrases: list[str]
    default_code: str | None = None
    restrictions: list[DateRestriction] = field(default_factory=list)

    def code_on(self, day: dt.date | None = None) -> str | None:
        """The code for ``day``: the first restriction that holds, else the default.

        Without a date the default is used, or the open-ended (latest) restriction.
        """
        if day is not None:
            for r in self.restrictions:
                if r.holds(day):
                    return r.code
            return self.default_code
        if self.default_code is not None:
            return self.default_code
        open_ended = [r for r in self.restrictions if r.end is None]
        if open_ended:
            return open_ended[-1].code
        return self.restrictions[-1].code if self.restrictions else None


def _parse_restriction(body: str) -> DateRestriction | None:
    """``CODE``, ``CODE <d``, ``CODE >d``, ``CODE d1-d2`` (blanks around ops optional)."""
    body = body.strip()
    m = re.fullmatch(r"(\S+?)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?", body)
    if not m:
        return None
    code, op, d, d1, d2 = m.groups()
    if not re.search(r"[A-Za-z\-+#/~]", code):
        return None  # a restriction without a code, e.g. "[950601-990815]"
    try:
        if op == "<":
            return DateRestriction(code, None, parse_dict_date(d))
        if op == ">":
            return DateRestriction(code, parse_dict_date(d), None)
        if d1:
            return DateRestriction(code, parse_dict_date(d1), parse_dict_date(d2))
    except ValueError:
        return None
    return DateRestriction(code)


def read_actors(path: str | Path) -> list[ActorEntry]:
    """Parse a PETRARCH/TABARI ``.actors`` file into :class:`ActorEntry` records."""
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    for line in _content_lines(path):
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):  # an (indented) code or date restriction line
            if current is None:
                continue
            for block in _CODE_BLOCK.findall(stripped):
                r = _parse_restriction(block)
                if r is None:
                    continue
                if r.start is None and r.end is None and current.default_code is None:
                    current.default_code = r.code
                elif r.start is not None or r.end is not None:
                    current.restrictions.append(r)
            continue
        phrase_part, *codes = re.split(r"(?=\[)", stripped, maxsplit=1)
        if stripped.startswith("+"):
            if current is not None:
                phrase = normalise_phrase(phrase_part[1:])
                if phrase:
                    current.phrases.append(phrase)
            continue
        phrase = normalise_phrase(phrase_part)
        if not phrase:
            continue
        current = ActorEntry([phrase])
        entries.append(current)
        for block in _CODE_BLOCK.findall(codes[0] if codes else ""):
            r = _parse_restriction(block)
            if r is None:
                continue
            if r.start is None and r.end is None:
                current.default_code = r.code
            else:
                current.restrictions.append(r)
    return [e for e in entries if e.default_code is not None or e.restrictions]


def read_actor_dictionary(path: str | Path) -> list[tuple[str, str]]:
    """``(phrase, code)`` pairs for simple lookup: lower-case phrases, one pair per
    phrase and synonym; date-restricted actors get their undated code (see
    :meth:`ActorEntry.code_on`); null codes (``---``) are dropped."""
    pairs: list[tuple[str, str]] = []
    for entry in read_actors(path):
        code = entry.code_on(None)
        if not code or code == NULL_CODE:
            continue
        pairs.extend((p, code) for p in entry.phrases)
    return pairs


# ----------------------------------------------------------------------------- agents


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase; ``code`` keeps its ``~`` (``~GOV`` suffixes, ``NGO~`` prefixes)."""

    phrase: str
    code: str

    @property
    def is_prefix(self) -> bool:
        return self.code.endswith("~") and not self.code.startswith("~")

    @property
    def bare_code(self) -> str:
        return self.code.strip("~")


def read_agents(path: str | Path) -> list[AgentEntry]:
    """Parse a PETRARCH ``.agents`` file, expanding ``!MARK!`` sets and regular plurals."""
    subs: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for line in _content_lines(path):
        line = line.strip()
        if not line:
            continue
        m = re.fullmatch(r"(![A-Za-z0-9_]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1).upper()] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        code_m = _CODE_BLOCK.search(line)
        if not code_m:
            continue
        code = code_m.group(1).replace(" ", "").strip()
        if not code:
            continue
        head = line[: code_m.start()]
        plurals: list[str] | None = None
        brace = re.search(r"\{([^}]*)\}", head)
        if brace:
            plurals = [normalise_phrase(p) for p in brace.group(1).split() if p.strip()]
            head = head[: brace.start()] + head[brace.end():]
        raw = head.strip()
        if not raw:
            continue
        marker = re.search(r"![A-Za-z0-9_]+!", raw)
        if marker and marker.group(0).upper() in subs:
            # every substitution is a full form: no extra plurals are generated
            for value in subs[marker.group(0).upper()]:
                phrase = normalise_phrase(raw.replace(marker.group(0), value))
                entries.append(AgentEntry(phrase, code))
            continue
        phrase = normalise_phrase(raw)
        entries.append(AgentEntry(phrase, code))
        forms = plurals if plurals is not None else plural_forms(phrase)
        entries.extend(AgentEntry(f, code) for f in forms if f)
    return entries


def read_agent_dictionary(path: str | Path) -> list[tuple[str, str]]:
    """``(phrase, code)`` pairs, plurals included; codes keep their ``~``."""
    return [(a.phrase, a.code) for a in read_agents(path)]


# ----------------------------------------------------------------------------- verbs


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A verb of a group: ``words`` of a (possibly multi-word) phrase, ``head`` the index
    of the verb word in it, ``forms`` its irregular inflections (lower case, may be
    multi-word), ``code`` its own code or None (then the group code applies)."""

    words: tuple[str, ...]
    head: int = 0
    forms: tuple[str, ...] = ()
    code: str | None = None

    @property
    def lemma(self) -> str:
        return self.words[self.head]


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``- before * after [code]``: tokens are lower-case words, ``&SYNSET``, ``$``
    source, ``+`` target, ``%`` compound, ``^`` skip-a-phrase markers, in text order. A
    leading ``_`` marks a token that must directly follow the previous one (the verb for
    the first ``after`` token); ``glued_before`` says the verb directly follows the last
    ``before`` token."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    text: str = ""
    glued_before: bool = False


@dataclass(slots=True)
class VerbGroup:
    name: str
    code: str
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbDictionary:
    groups: list[VerbGroup] = field(default_factory=list)
    synsets: dict[str, list[str]] = field(default_factory=dict)  # "&NAME" -> phrases


def _pattern_tokens(text: str) -> list[str]:
    """Split a pattern into tokens. A blank lets other words come in between; ``_``
    glues a token to the previous one, which is recorded as a leading ``_``
    (``IN_*`` -> ``in``, ``_*``). A trailing ``_`` is TABARI's no-stemming mark: dropped."""
    tokens: list[str] = []
    for chunk in text.split():
        parts = chunk.split("_")
        glued = False
        for part in parts:
            if part == "":
                glued = False if not tokens else glued
                continue
            norm = part.upper() if part.startswith("&") else (part if part in {"*", "$", "+", "%", "^"} else part.lower())
            tokens.append(("_" if glued else "") + norm)
            glued = True
    return tokens


def _parse_pattern(body: str) -> VerbPattern | None:
    m = re.fullmatch(r"-\s*(.*?)\s*\[([^\]]*)\]\s*", body)
    if not m:
        return None
    tokens = _pattern_tokens(m.group(1))
    stars = [i for i, t in enumerate(tokens) if t.lstrip("_") == "*"]
    if not stars:
        return None
    i = stars[0]
    return VerbPattern(
        tuple(tokens[:i]), tuple(tokens[i + 1:]), m.group(2).strip(), body, tokens[i].startswith("_")
    )


def _parse_verb(line: str) -> VerbForm | None:
    """``WORD``, ``WORD {FORMS}``, ``A_+B [code]``, ``+SYN``: the verb word of a
    multi-word phrase is marked with ``+`` (else the first word)."""
    code_m = _CODE_BLOCK.search(line)
    code = code_m.group(1).strip() if code_m else None
    head = line[: code_m.start()] if code_m else line
    forms: tuple[str, ...] = ()
    brace = re.search(r"\{([^}]*)\}", head)
    if brace:
        forms = tuple(normalise_phrase(f.replace("+", "")) for f in brace.group(1).split() if f.strip("+"))
        head = head[: brace.start()]
    head = head.strip()
    if head.startswith("+"):
        head = head[1:]
    raw_words = [w for w in head.replace("_", " ").split() if w]
    if not raw_words:
        return None
    verb_at = next((i for i, w in enumerate(raw_words) if w.startswith("+")), 0)
    words = tuple(w.lstrip("+").lower() for w in raw_words)
    return VerbForm(words, verb_at, forms, code)


def read_verbs(path: str | Path) -> VerbDictionary:
    """Parse a PETRARCH ``.verbs`` file: synsets, verb groups and their patterns."""
    vd = VerbDictionary()
    group: VerbGroup | None = None
    synset: str | None = None
    for line in _content_lines(path):
        stripped = line.strip()
        if not stripped:
            synset = None
            continue
        header = re.fullmatch(r"---\s*(.*?)\s*---", stripped)
        if header:
            synset = None
            inner = header.group(1)
            codes = _CODE_BLOCK.findall(inner)
            name = _CODE_BLOCK.sub("", inner).strip()
            group = VerbGroup(name, codes[0].strip() if codes else NULL_CODE)
            vd.groups.append(group)
            continue
        if stripped.startswith("&"):
            synset = stripped.split()[0].rstrip("_").upper()
            vd.synsets.setdefault(synset, [])
            continue
        if synset is not None and stripped.startswith("+"):
            member = stripped[1:].strip()
            if member.startswith("&"):  # embedded synset: inline its phrases
                vd.synsets[synset].extend(vd.synsets.get(member.rstrip("_").upper(), []))
            else:
                vd.synsets[synset].append(normalise_phrase(member))
            continue
        if group is None:
            continue
        if stripped.startswith("-"):
            pattern = _parse_pattern(stripped)
            if pattern is not None:
                group.patterns.append(pattern)
            continue
        verb = _parse_verb(stripped)
        if verb is not None:
            group.verbs.append(verb)
    return vd


# ----------------------------------------------------------------------------- discards


@dataclass(slots=True)
class Discards:
    """Phrases that void a sentence, or (``+`` in the file) the whole story."""

    sentence: list[str] = field(default_factory=list)
    story: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[str]:
        return self.sentence + self.story


def read_discards(path: str | Path) -> Discards:
    out = Discards()
    for line in _content_lines(path):
        line = line.strip()
        if not line:
            continue
        if line.startswith("+"):
            phrase = normalise_phrase(line[1:])
            if phrase:
                out.story.append(phrase)
        else:
            phrase = normalise_phrase(line)
            if phrase:
                out.sentence.append(phrase)
    return out
