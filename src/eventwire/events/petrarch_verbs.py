"""A PETRARCH-style event coder over spaCy dependency parses.

PETRARCH2 coded (source, target, CAMEO code) triples by matching its verb-pattern
dictionaries against a CoreNLP constituency parse. Users bring those dictionaries, so
this module applies them unchanged to the parse we already have (spaCy dependencies):

1. actors and agents are found by longest-phrase matching on tokens (dictionary-driven,
   because news about unknown places defeats NER), then composed per noun phrase:
   ``NGO~`` prefix agents + actor code + ``~`` suffix agents ("Arnor's foreign minister"
   -> ``ARNGOVFRM``); coordinated phrases give one entity each;
2. every verb found in the verb dictionary (regular inflections generated, irregular
   ones from ``{...}``) is coded: source = its subject (inherited through ``xcomp``,
   ``conj``, pronoun subjects), target = the first entity to its right in its own
   clause; with a ``by`` agent the passive is turned around;
3. the verb's patterns are tried in dictionary order; words must appear in order (a
   blank allows words in between, ``_`` requires adjacency, though a parenthetical between
   commas may split adjacent words: "military, it seems, ties"), ``&SYNSET`` matches any of
   its phrases, ``$``/``+`` bind the source/target at that place, ``%`` asks for a
   compound subject whose members code each other;
4. ``A:B`` codes give the reverse event ``B`` too; null codes (``---``) give nothing;
   discard phrases void the sentence;
5. as PETRARCH2 writes only its highest verb phrase's coding, an event in an adverbial
   clause ("... after crowds burned its embassy") of a verb that coded an event with a
   target is folded into that event, not written on its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from eventwire.actors.petrarch_format import (
    NULL_CODE,
    ActorEntry,
    AgentEntry,
    Discards,
    VerbDictionary,
    VerbForm,
    VerbGroup,
    VerbPattern,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)
from eventwire.events.arguments import agent_of

__all__ = ["PetrarchDictionaries", "code_sentence", "code_doc", "verb_inflections"]

Triple = tuple[str, str, str]
PETRARCH_NAMES = {
    "verbs": "PETR.Validate.verbs.txt",
    "actors": "PETR.Validate.actors.txt",
    "agents": "PETR.Validate.agents.txt",
    "discards": "PETR.Validate.discards.txt",
}
_FILE_SUFFIXES = {"verbs": ".verbs", "actors": ".actors", "agents": ".agents", "discards": ".discards"}
_PRONOUNS = {"PRP", "PRP$", "WP", "EX"}
_NOUNISH = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"}
_DETACHED_PREFIX = re.compile(r"\b([A-Za-z]+)- (?=[A-Z])")
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "appos"}
PARENTHETICAL_MAX = 8  # words between commas that adjacent pattern words may skip (PETRARCH's comma_max)


# ----------------------------------------------------------------------------- dictionaries


def verb_inflections(base: str) -> set[str]:
    """Regular English inflections of a verb (PETRARCH generates these; it never stems)."""
    forms = {base, base + "s", base + "ed", base + "ing", base + "d"}
    if base.endswith("e"):
        forms |= {base[:-1] + "ing", base + "d"}
    if base.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(base + "es")
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if (
        len(base) >= 3
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    ):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def _tokenize(phrase: str) -> tuple[str, ...]:
    """Dictionary phrases are split like text is (spaCy's tokenizer), so "Barad-dur" or
    "didn't" line up with the sentence tokens."""
    from eventwire.nlp import load_nlp

    return tuple(t.lower_ for t in load_nlp().tokenizer(phrase))


def _tokenizations(phrase: str) -> set[tuple[str, ...]]:
    """The tokenizer splits by case ("K.U." vs "k.u."), so index every casing a
    phrase is likely to appear in."""
    return {_tokenize(v) for v in (phrase, phrase.upper(), phrase.title())}


@dataclass(slots=True)
class _Trie:
    """Token-sequence trie for longest-match lookup of phrases."""

    children: dict[str, "_Trie"] = field(default_factory=dict)
    values: list[object] = field(default_factory=list)

    def add(self, words: Sequence[str], value: object) -> None:
        node = self
        for w in words:
            node = node.children.setdefault(w, _Trie())
        node.values.append(value)

    def longest(self, words: Sequence[str], start: int) -> tuple[int, list[object]]:
        node, best = self, (0, [])
        for i in range(start, len(words)):
            node = node.children.get(words[i])
            if node is None:
                break
            if node.values:
                best = (i - start + 1, node.values)
        return best


@dataclass(slots=True)
class _VerbEntry:
    group: VerbGroup
    verb: VerbForm
    words: tuple[str, ...]  # the inflected phrase as tokens
    head: int  # index of the verb word inside ``words``


@dataclass
class PetrarchDictionaries:
    """The four PETRARCH dictionaries, read and indexed for matching."""

    actors: list[ActorEntry]
    agents: list[AgentEntry]
    verbs: VerbDictionary
    discards: Discards = field(default_factory=Discards)

    def __post_init__(self) -> None:
        self._actor_trie = _Trie()
        for entry in self.actors:
            for phrase in entry.phrases:
                for words in _tokenizations(phrase):
                    self._actor_trie.add(words, entry)
        self._agent_trie = _Trie()
        for agent in self.agents:
            for words in _tokenizations(agent.phrase):
                self._agent_trie.add(words, agent)
        self._verbs_by_word: dict[str, list[_VerbEntry]] = {}
        for group in self.verbs.groups:
            for verb in group.verbs:
                self._index_verb(group, verb)
        self._synsets = {k: [_tokenize(p) for p in v] for k, v in self.verbs.synsets.items()}
        self._discards = [_tokenize(p) for p in self.discards.all]

    def _index_verb(self, group: VerbGroup, verb: VerbForm) -> None:
        phrases: set[tuple[str, ...]] = set()
        for form in verb_inflections(verb.lemma):
            words = list(verb.words)
            words[verb.head] = form
            phrases.add(tuple(words))
        for irregular in verb.forms:
            phrases.add(tuple(irregular.split()))
        for words in phrases:
            head = verb.head if len(words) == len(verb.words) else 0
            entry = _VerbEntry(group, verb, words, head)
            self._verbs_by_word.setdefault(words[head], []).append(entry)

    @classmethod
    def load(
        cls,
        folder: str | Path | None = None,
        *,
        verbs: str | Path | None = None,
        actors: str | Path | None = None,
        agents: str | Path | None = None,
        discards: str | Path | None = None,
    ) -> "PetrarchDictionaries":
        """Read the dictionaries from ``folder`` (PETRARCH names, or any ``*.verbs*``,
        ``*.actors*`` ... file there) and/or explicit paths, which win."""
        paths: dict[str, Path | None] = {"verbs": None, "actors": None, "agents": None, "discards": None}
        if folder is not None:
            base = Path(folder)
            for kind, name in PETRARCH_NAMES.items():
                if (base / name).exists():
                    paths[kind] = base / name
                else:
                    found = sorted(p for p in base.iterdir() if _FILE_SUFFIXES[kind] in p.name.lower())
                    paths[kind] = found[0] if found else None
        for kind, value in (("verbs", verbs), ("actors", actors), ("agents", agents), ("discards", discards)):
            if value is not None:
                paths[kind] = Path(value)
        if paths["verbs"] is None or paths["actors"] is None:
            raise FileNotFoundError("a PETRARCH verbs and actors dictionary are required")
        return cls(
            actors=read_actors(paths["actors"]),
            agents=read_agents(paths["agents"]) if paths["agents"] else [],
            verbs=read_verbs(paths["verbs"]),
            discards=read_discards(paths["discards"]) if paths["discards"] else Discards(),
        )


# ----------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Mention:
    start: int
    end: int  # exclusive token index
    codes: list[str]  # actor codes (several for "FRO/BIL/SAM"), or agent code
    is_agent: bool


def _find_mentions(doc: Doc, d: PetrarchDictionaries, day: dt.date | None) -> list[_Mention]:
    """Longest-match actors and agents, left to right; an actor wins a tie."""
    words = [t.lower_ for t in doc]
    out: list[_Mention] = []
    i = 0
    while i < len(words):
        n_act, actors = d._actor_trie.longest(words, i)
        n_age, agents = d._agent_trie.longest(words, i)
        if n_act and n_act >= n_age:
            code = actors[0].code_on(day)  # type: ignore[union-attr]
            if code:
                out.append(_Mention(i, i + n_act, code.split("/"), False))
            i += n_act
        elif n_age:
            out.append(_Mention(i, i + n_age, [agents[0].code], True))  # type: ignore[union-attr]
            i += n_age
        else:
            i += 1
    return out


def _np_head(tok: Token, agent_tokens: frozenset[int] = frozenset()) -> Token:
    """Climb from a word inside a noun phrase to the phrase's head noun, through
    modifiers, coordination inside a modifier, and "of/in/from" attachments to an
    agent head ("the government of Gondor", "soldiers from Gondor")."""
    seen = 0
    while seen < 8:
        seen += 1
        if tok.dep_ in {"compound", "amod", "poss", "nmod", "nn", "det", "case"} and tok.head is not tok:
            tok = tok.head
            continue
        if _is_name_appos(tok):
            tok = tok.head
            continue
        if tok.dep_ == "conj" and tok.head.dep_ in {"compound", "amod", "poss", "nmod", "pobj"}:
            root = _coordination_root(tok)
            if root.dep_ != "pobj" or _np_head(root, agent_tokens) is not root:
                tok = root
                continue
        if tok.dep_ == "pobj" and (
            (tok.head.lower_ in {"of", "in", "from"} and tok.head.head.i in agent_tokens)
            or (tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "PROPN"})
        ):
            tok = tok.head.head
            continue
        break
    return tok


@dataclass(slots=True)
class _Entity:
    head: int
    codes: list[str]  # composed codes, one per alternative ("FRO", "BIL", "SAM")
    tokens: set[int]
    actors: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    named: bool = False  # the head word is itself part of an actor's name ("Fornost", not "enemy of Mordor")


def _is_name_appos(tok: Token) -> bool:
    """A name right after its title ("Deputy Prime Minister Telemar"): one phrase, unlike
    a comma-set apposition ("Osgiliath, the state's fiercest foe")."""
    return tok.dep_ == "appos" and tok.left_edge.i == tok.head.i + 1 and tok.pos_ == "PROPN"


def _np_tokens(head: Token) -> set[int]:
    """Tokens of the phrase headed by ``head``: its subtree minus coordinated heads,
    clauses and appositions (they are entities of their own); coordination inside a
    modifier stays ("Eriadori and Calenardhon leaders")."""
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ == "conj" and t is head:
                continue
            if (c.dep_ in {"cc"} | _CLAUSE_DEPS and not _is_name_appos(c)) or c.pos_ == "VERB":
                continue
            if c.dep_ == "prep" and c.lower_ not in {"of", "in", "from"}:
                continue
            stack.append(c)
    return out


def _compose(actor_codes: list[str], agents: list[str]) -> list[str]:
    prefix = "".join(a.strip("~") for a in agents if a.endswith("~") and not a.startswith("~"))
    suffixes = [a.strip("~") for a in agents if not (a.endswith("~") and not a.startswith("~"))]
    out = []
    for actor in actor_codes or [NULL_CODE]:
        code = actor
        for s in suffixes:
            if not code.endswith(s):
                code += s
        out.append(prefix + code)
    return out


def _entities(doc: Doc, mentions: list[_Mention]) -> dict[int, _Entity]:
    """Entities keyed by head token: each noun phrase holding an actor or an agent."""
    agent_tokens = frozenset(i for m in mentions if m.is_agent for i in range(m.start, m.end))
    by_head: dict[int, list[_Mention]] = {}
    for m in mentions:
        head = _np_head(doc[m.start:m.end].root, agent_tokens)
        by_head.setdefault(head.i, []).append(m)
    ents: dict[int, _Entity] = {}
    for h, ms in by_head.items():
        tokens = _np_tokens(doc[h])
        inside = [m for m in mentions if m.start in tokens]
        if not inside:
            continue
        actor_codes: list[str] = []
        actor_ms = [m for m in inside if not m.is_agent]
        if actor_ms:
            # the first actor and those coordinated with it; a later, separate actor
            # ("the parliament of Gondor in Eriador") is a location, not an alternative
            first = doc[actor_ms[0].start:actor_ms[0].end].root
            group = {t.i for t in _conjuncts(_coordination_root(first))}
            for m in actor_ms:
                root = doc[m.start:m.end].root
                heads_phrase = m.start <= h < m.end and not _is_name_appos(doc[h])
                of_phrase = root.dep_ == "pobj" and root.head.lower_ == "of"
                if m is actor_ms[0] or heads_phrase or of_phrase or root.i in group or _coordination_root(root).i in group:
                    actor_codes.extend(c for c in m.codes if c not in actor_codes)
        agents = [m.codes[0] for m in sorted(inside, key=lambda m: m.start) if m.is_agent]
        actor_codes = [c for c in actor_codes if c != NULL_CODE] or actor_codes
        named = any(m.start <= h < m.end for m in actor_ms)
        ents[h] = _Entity(h, _compose(actor_codes, agents), tokens, actor_codes, agents, named)
    # first the attachment repair, so a partner's repaired actors are what gets borrowed
    # ("Lawmakers and officials in Fornost and Gondor": the officials are Fornost's and Gondor's)
    _reattach_trailing_conjuncts(doc, ents)
    # coordinated agents without an actor borrow their partner's actor ("media and government")
    for h, e in ents.items():
        if e.actors:
            continue
        for other in _conjuncts(_coordination_root(doc[h])):
            partner = ents.get(other.i)
            if partner is not None and partner is not e and partner.actors:
                e.actors = list(partner.actors)
                e.codes = _compose(e.actors, e.agents)
                break
    return ents


def _reattach_trailing_conjuncts(doc: Doc, ents: dict[int, _Entity]) -> None:
    """Repair a common attachment slip: in "Lawmakers in Fornost and Gondor" the parser
    often coordinates "Gondor" with "Lawmakers"; a bare actor coordinated after an
    "in/of/from X" modifier of its partner is read as coordinated with X instead."""
    for h in sorted(ents):
        e = ents[h]
        tok = doc[h]
        if e.agents or tok.dep_ != "conj" or not e.actors:
            continue
        root = _coordination_root(tok)
        host = ents.get(root.i)
        if host is None or not host.agents or not host.actors:
            continue
        preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "from"} and c.i < h]
        if not any(g.dep_ == "pobj" for p in preps for g in p.children):
            continue
        host.actors = host.actors + [a for a in e.actors if a not in host.actors]
        host.codes = _compose(host.actors, host.agents)
        host.tokens |= e.tokens
        del ents[h]


def _coordination_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _conjuncts(root: Token) -> list[Token]:
    out = [root]
    stack = [root]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" or (c.dep_ == "appos" and c.pos_ in {"PROPN", "NOUN"}):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


# ----------------------------------------------------------------------------- clause roles


def _subject_of(verb: Token, ents: dict[int, _Entity] | None = None) -> tuple[Token | None, bool]:
    """The verb's own subject and whether it is a passive subject; with several
    subject candidates ("Old foes Gondor and Osgiliath") the one holding an entity."""
    subj_deps = {"nsubj", "csubj", "nsubjpass", "csubjpass"}
    subjects = [c for c in verb.children if c.dep_ in subj_deps]
    for aux in verb.children:  # small-model parses sometimes hang the subject on the auxiliary
        if aux.dep_ in {"aux", "auxpass"} and aux.i < verb.i:
            subjects.extend(c for c in aux.children if c.dep_ in subj_deps)
    if ents is not None:
        with_entity = [c for c in subjects if c.i in ents or any(c.i in e.tokens for e in ents.values())]
        subjects = with_entity or subjects
    passive = any(c.dep_.endswith("pass") for c in verb.children)
    return (subjects[0] if subjects else None), passive


def _governor(verb: Token) -> Token | None:
    """The clause a subject-less (or pronoun-subject) verb borrows its subject from."""
    tok = verb
    for _ in range(6):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
            return tok
    return None


_INHERIT_DEPS = {"xcomp", "conj", "ccomp", "acomp", "ROOT"}


def _source_head(verb: Token, ents: dict[int, _Entity]) -> Token | None:
    """Subject, inherited up through xcomp/conj/ccomp chains when missing or a pronoun
    (not through adverbial clauses or noun modifiers: "after leaving X" and "efforts
    to stop X" are not acts of the main subject)."""
    tok: Token | None = verb
    for _ in range(6):
        if tok is None:
            return None
        subj, passive = _subject_of(tok, ents)
        if subj is not None and subj.tag_ not in _PRONOUNS:
            return subj
        if subj is None and passive:
            return None  # "to be allowed to leave": the clause above names the patient
        chain = tok
        while chain.head is not chain and not (chain.head.pos_ in {"VERB", "AUX"} or chain.head.tag_.startswith("VB")):
            if chain.dep_ not in _INHERIT_DEPS:
                return None
            chain = chain.head
        if chain.dep_ not in _INHERIT_DEPS:
            return None
        tok = _governor(tok)
    return None


def _entity_tokens(head: Token, ents: dict[int, _Entity]) -> list[_Entity]:
    """Entities of a (possibly coordinated) phrase headed by ``head``."""
    out: list[_Entity] = []
    base = ents.get(head.i) or next((e for e in ents.values() if head.i in e.tokens), None)
    start = head.doc[base.head] if base is not None else head
    for conj in _conjuncts(_coordination_root(start)):
        found = ents.get(conj.i)
        if out and conj.dep_ == "appos" and not (found is not None and found.named):
            continue  # "Arnor, the old enemy of Mordor,": a described apposition adds nobody (a name may: lists)
        if found is None:
            # the phrase head may hold the actor deeper ("ties with X" is not one)
            for e in ents.values():
                if conj.i in e.tokens or e.head == conj.i:
                    found = e
                    break
        if found is not None and found not in out:
            out.append(found)
    return out


def _scope(verb: Token, exclude: set[int]) -> list[int]:
    """Token indices to the right of ``verb`` in its own clause (coordinated verbs and
    the subject excluded), in text order."""
    out: list[int] = []
    stack = [c for c in verb.children if c.i > verb.i]
    while stack:
        t = stack.pop()
        if t.dep_ == "conj" and t.head.i == verb.i and (t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")):
            continue
        if t.i in exclude:
            continue
        out.append(t.i)
        stack.extend(t.children)
    return sorted(out)


# ----------------------------------------------------------------------------- patterns


@dataclass(slots=True)
class _Match:
    source: int | None = None  # entity head index
    target: int | None = None


class _Matcher:
    """Matches one pattern side against a token window."""

    def __init__(self, words: list[str], ent_at: dict[int, _Entity], d: PetrarchDictionaries):
        self.words = words
        self.ent_at = ent_at
        self.d = d

    def _phrase_at(self, phrase: Sequence[str], pos: int, window: list[int]) -> int | None:
        """Length in window positions if ``phrase`` starts at window[pos]; adjacent words
        may be split by a parenthetical between commas ("military, it seems, ties")."""
        at = pos
        for k, w in enumerate(phrase):
            if k:
                at = self._next_adjacent(window, at)
                if at is None:
                    return None
            if at >= len(window) or self.words[window[at]] != w:
                return None
        return at + 1 - pos

    def _glued_positions(self, window: list[int]) -> list[int]:
        """Where a glued element may start: the window's first word, or the first word after a
        parenthetical that opens the window ("restored military, it seems, ties")."""
        if not window or self.words[window[0]] != ",":
            return [0]
        after = self._next_adjacent([window[0] - 1, *window], 0)
        return [0] if after is None else [0, after - 1]

    def _next_adjacent(self, window: list[int], at: int) -> int | None:
        """Window position of the word right after window[at], skipping one comma-delimited
        parenthetical of at most ``PARENTHETICAL_MAX`` words."""
        nxt = at + 1
        if nxt >= len(window):
            return None
        if window[nxt] == window[at] + 1 and self.words[window[nxt]] != ",":
            return nxt
        i = window[at] + 1
        if i >= len(self.words) or self.words[i] != ",":
            return None
        for j in range(i + 1, min(len(self.words), i + PARENTHETICAL_MAX + 2)):
            if self.words[j] == ",":
                after = j + 1
                return next((p for p in range(nxt, len(window)) if window[p] == after), None)
        return None

    def _alternatives(self, element: str) -> list[tuple[str, ...]]:
        if element.startswith("&"):
            return self.d._synsets.get(element.rstrip("_"), [])
        return [_tokenize_cached(element)]

    def match(self, elements: Sequence[tuple[str, bool]], window: list[int], start_glued: bool) -> _Match | None:
        """Elements must appear in order in ``window``; glued ones right after the
        previous element (or, for the first, at the window's start if ``start_glued``)."""
        return self._match(list(elements), 0, window, True, start_glued, _Match())

    def _match(self, els, k, window, first, start_glued, acc: _Match) -> _Match | None:
        if k == len(els):
            return acc
        element, glued = els[k]
        anchored = glued if not first else start_glued
        positions = self._glued_positions(window) if anchored else range(0, len(window))
        for pos in positions:
            if pos >= len(window):
                break
            if element in {"$", "+", "%"}:
                ent = self.ent_at.get(window[pos])
                if ent is None:
                    continue
                length = 1
                while pos + length < len(window) and window[pos + length] in ent.tokens:
                    length += 1
                new = _Match(acc.source, acc.target)
                if element == "$":
                    new.source = ent.head
                elif element == "+":
                    new.target = ent.head
                res = self._match(els, k + 1, window[pos + length:], False, False, new)
                if res is not None:
                    return res
                continue
            if element == "^":
                res = self._match(els, k + 1, window[pos + 1:], False, False, acc)
                if res is not None:
                    return res
                continue
            for alt in self._alternatives(element):
                n = self._phrase_at(alt, pos, window)
                if n is None:
                    continue
                res = self._match(els, k + 1, window[pos + n:], False, False, acc)
                if res is not None:
                    return res
        return None


_TOKEN_CACHE: dict[str, tuple[str, ...]] = {}


def _tokenize_cached(phrase: str) -> tuple[str, ...]:
    if phrase not in _TOKEN_CACHE:
        _TOKEN_CACHE[phrase] = _tokenize(phrase)
    return _TOKEN_CACHE[phrase]


def _split_glue(side: Sequence[str]) -> list[tuple[str, bool]]:
    """Pattern tokens carry adjacency as a leading "_" (see ``petrarch_format._pattern_tokens``)."""
    return [(t[1:], True) if t.startswith("_") and len(t) > 1 else (t, False) for t in side]


# ----------------------------------------------------------------------------- coding


def _verb_candidates(doc: Doc, i: int, d: PetrarchDictionaries) -> list[_VerbEntry]:
    """Dictionary verbs whose (multi-word) phrase is at token ``i``, longest first; a
    word listed in several groups ("SHOT") yields one entry per group."""
    tok = doc[i]
    if not (tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")):
        return []
    words = [t.lower_ for t in doc]
    found: list[_VerbEntry] = []
    for entry in d._verbs_by_word.get(words[i], []):
        start = i - entry.head
        if start < 0 or start + len(entry.words) > len(words):
            continue
        if tuple(words[start:start + len(entry.words)]) != entry.words:
            continue
        found.append(entry)
    found.sort(key=lambda e: -len(e.words))
    if found:
        longest = len(found[0].words)
        found = [e for e in found if len(e.words) == longest]
    return found


def _emit(code: str, sources: list[str], targets: list[str], require_dyad: bool) -> list[Triple]:
    if not code or code == NULL_CODE:
        return []
    forward, _, backward = code.partition(":")
    out: list[Triple] = []
    if require_dyad:  # a bare null code ("---", no agent either) is no actor at all
        sources = [c for c in sources if c != NULL_CODE]
        targets = [c for c in targets if c != NULL_CODE]
    srcs = sources or ([NULL_CODE] if not require_dyad else [])
    tgts = targets or ([NULL_CODE] if not require_dyad else [])
    for s, t in itertools.product(srcs, tgts):
        if s == t and s != NULL_CODE:
            continue
        if forward and forward != NULL_CODE:
            out.append((s, t, forward))
        if backward and backward != NULL_CODE and t != NULL_CODE and s != NULL_CODE:
            out.append((t, s, backward))
    return out


def _codes_of(ents: list[_Entity]) -> list[str]:
    out: list[str] = []
    for e in ents:
        out.extend(c for c in e.codes if c not in out)
    return out


def code_doc(doc: Doc, dictionaries: PetrarchDictionaries, date: dt.date | None = None,
             require_dyad: bool = True, new_actor_length: int = 0) -> list[Triple]:
    """Code one parsed sentence (or a short text) into (source, target, code) triples."""
    d = dictionaries
    words = [t.lower_ for t in doc]
    for phrase in d._discards:
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i:i + len(phrase)]) == phrase:
                return []
    mentions = _find_mentions(doc, d, date)
    ents = _entities(doc, mentions)
    mention_tokens = {i for m in mentions for i in range(m.start, m.end)}
    ent_at: dict[int, _Entity] = {}
    for e in ents.values():
        for i in e.tokens:
            if i in mention_tokens:
                ent_at.setdefault(i, e)
    matcher = _Matcher(words, ent_at, d)
    by_verb: dict[int, list[Triple]] = {}
    for tok in doc:
        candidates = _verb_candidates(doc, tok.i, d)
        if candidates:
            by_verb[tok.i] = _code_verb(doc, tok, candidates, ents, ent_at, matcher, require_dyad, new_actor_length)
    events: list[Triple] = []
    for i, triples in by_verb.items():
        if _folded_into_coded_verb(doc[i], by_verb):
            continue
        for t in triples:
            if t not in events:
                events.append(t)
    return events


def _verb_complex(head: Token) -> list[Token]:
    """A clause's verbs: its head and the verbs it carries ("is about to restore": is, restore)."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("xcomp", "acomp"))
    return out


def _folded_into_coded_verb(verb: Token, by_verb: dict[int, list[Triple]]) -> bool:
    """Whether ``verb`` heads an adverbial clause ("... after crowds burned its embassy", "jailed him for
    helping militants") of a clause whose verb coded an event with a target.

    PETRARCH2 codes only the highest verb phrase: a coded event found beneath it becomes part of the
    upper event (its nested target) and is not written on its own, unless the upper verb coded nothing.
    """
    if verb.dep_ == "advcl":
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = verb.head.head
    else:
        return False
    return any(t[1] and t[1] != "---" for v in _verb_complex(governor) for t in by_verb.get(v.i, ()))


def _code_verb(doc: Doc, verb: Token, candidates: list[_VerbEntry], ents: dict[int, _Entity],
               ent_at: dict[int, _Entity], matcher: _Matcher, require_dyad: bool,
               new_actor_length: int = 0) -> list[Triple]:
    """Events of one dictionary verb: default roles from the parse, then the first
    matching pattern (groups in dictionary order) may rebind roles and the code."""
    entry = candidates[0]
    last = verb.i - entry.head + len(entry.words) - 1  # last token of a multi-word verb
    subj_tok = _source_head(verb, ents)
    _, passive = _subject_of(verb, ents)
    subj_ents = _entity_tokens(subj_tok, ents) if subj_tok is not None else []
    exclude: set[int] = set()
    for e in subj_ents:
        exclude |= e.tokens
    scope = [i for i in _scope(verb, exclude) if i > last]
    target_ents: list[_Entity] = []
    for i in scope:
        if i in ent_at:
            target_ents = _entity_tokens(doc[ent_at[i].head], ents)
            target_ents = [e for e in target_ents if e not in subj_ents] or [ent_at[i]]
            break
    source_ents = subj_ents
    by = agent_of(verb)
    if passive and by is not None:
        agent_ents = _entity_tokens(by, ents)
        if agent_ents:
            source_ents, target_ents = agent_ents, subj_ents
    left = list(range(0, verb.i - entry.head))
    compound_subject = len(subj_ents) > 1
    code = next((c for c in (e.verb.code or e.group.code for e in candidates) if c != NULL_CODE), NULL_CODE)
    mutual = False
    matched = False
    for cand in candidates:
        for pattern in cand.group.patterns:
            before, after = _pattern_sides(pattern)
            if any(e == "%" for e, _ in before) and not compound_subject:
                continue
            before_els = [(e, g) for e, g in before if e != "%"]
            after_els = [("+" if e == "%" else e, g) for e, g in after]
            m_after = matcher.match(after_els, scope, start_glued=_glued_after(pattern)) if after_els else _Match()
            if m_after is None:
                continue
            m_before = _match_before(matcher, before_els, left, pattern.glued_before) if before_els else _Match()
            if m_before is None:
                continue
            code = pattern.code
            matched = True
            mutual = any(e == "%" for e, _ in before)
            src = m_after.source or m_before.source
            tgt = m_after.target or m_before.target
            if src is not None:
                source_ents = _entity_tokens(doc[src], ents)
            if tgt is not None:
                new_t = _entity_tokens(doc[tgt], ents)
                if subj_ents and {e.head for e in new_t} == {e.head for e in subj_ents} and src is None:
                    # "+" took the verb's own subject: the source comes from the clause above
                    gov = _governor(verb)
                    up = _source_head(gov, ents) if gov is not None else None
                    source_ents = _entity_tokens(up, ents) if up is not None else []
                target_ents = new_t
            break
        if matched:
            break
    if mutual or (not target_ents and compound_subject and source_ents is subj_ents and ":" in code):
        # "Gondor and Osgiliath renewed ties" (a two-way code): the members act on each other
        codes = _codes_of(subj_ents)
        out: list[Triple] = []
        pairs = itertools.combinations(codes, 2) if ":" in code else itertools.permutations(codes, 2)
        for a, b in pairs:
            out += _emit(code, [a], [b], require_dyad)
        return out
    sources, targets = _codes_of(source_ents), _codes_of(target_ents)
    if new_actor_length > 0:
        if not sources and subj_tok is not None:
            sources = _new_actor(subj_tok, new_actor_length)
        if not targets:
            obj = _first_object(verb, last)
            targets = _new_actor(obj, new_actor_length) if obj is not None else []
    return _emit(code, sources, targets, require_dyad)


def _first_object(verb: Token, last: int) -> Token | None:
    """The verb's first object noun to its right: a direct object or a prepositional one."""
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i <= last:
            continue
        if c.dep_ in {"dobj", "obj", "attr"}:
            return c
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _new_actor(head: Token, max_words: int) -> list[str]:
    """PETRARCH's ``new_actor_length`` option: a short noun phrase missing from the
    dictionary is coded by its own words, quoted and upper-cased."""
    tokens = sorted((head.doc[i] for i in _np_tokens(head)), key=lambda t: t.i)
    words = [t.text.upper() for t in tokens if not t.is_punct and t.tag_ != "POS"]
    if not words or len(words) > max_words:
        return []
    return ['"' + " ".join(words) + '"']


def _pattern_sides(p: VerbPattern) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    return _split_glue(p.before), _split_glue(p.after)


def _glued_after(p: VerbPattern) -> bool:
    return bool(p.after) and p.after[0].startswith("_")


def _match_before(matcher: _Matcher, els: list[tuple[str, bool]], left: list[int], glued_last: bool) -> _Match | None:
    """Match the part before ``*`` right-to-left, so the nearest words count first."""
    # mirror: reverse the window and the elements (multi-word phrases reversed too)
    rev_window = list(reversed(left))
    rev_els: list[tuple[str, bool]] = []
    glue_next = glued_last
    for element, glued in reversed(els):
        rev_els.append((element, glue_next))
        glue_next = glued
    mirrored = _MirrorMatcher(matcher)
    return mirrored.match(rev_els, rev_window, start_glued=glued_last)


class _MirrorMatcher(_Matcher):
    def __init__(self, base: _Matcher):
        super().__init__(base.words, base.ent_at, base.d)

    def _alternatives(self, element: str) -> list[tuple[str, ...]]:
        return [tuple(reversed(a)) for a in super()._alternatives(element)]

    def _phrase_at(self, phrase: Sequence[str], pos: int, window: list[int]) -> int | None:
        if pos + len(phrase) > len(window):
            return None
        for k, w in enumerate(phrase):
            idx = window[pos + k]
            if k and idx != window[pos + k - 1] - 1:
                return None
            if self.words[idx] != w:
                return None
        return len(phrase)


def code_sentence(text: str, dictionaries: PetrarchDictionaries, date: dt.date | None = None,
                  require_dyad: bool = True, new_actor_length: int = 0) -> list[tuple[str, str, str]]:
    """(source, target, code) triples for one sentence, PETRARCH-style.

    ``require_dyad`` (PETRARCH's option of that name) drops events lacking a source or
    target; when False the missing side is written as ``---``. ``new_actor_length`` > 0
    codes a source or target missing from the dictionaries by its own words (quoted)
    when its noun phrase has at most that many words.
    """
    from eventwire.nlp import load_nlp

    clean = " ".join(text.replace("_", " ").split())
    # "anti- Gondor": a prefix split from its name (old wire text, TABARI-era tests)
    clean = _DETACHED_PREFIX.sub(r"\1-", clean)
    return code_doc(load_nlp()(clean), dictionaries, date, require_dyad, new_actor_length)
