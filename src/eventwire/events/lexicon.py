"""The event lexicon: trigger words and phrases, modality cues, agent nouns, discard words.

Everything here is read from data files (see ``data/events/*.tsv``); the coder only asks
questions such as "is this verb a trigger, and with which code?".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.events.ontology import read_tsv


# English particles and prepositions (a closed class): a phrase's object word is more specific than its
# particle, so "take (to the) street" (141) outranks "take over" (192) when both could match.
PARTICLES = frozenset(
    "about across after against along around at away back by down for from in into off on onto out over "
    "through to up upon with".split()
)


@dataclass(frozen=True, slots=True)
class Trigger:
    phrase: str
    pos: str  # VERB or NOUN
    head: str  # lemma of the head word
    modifiers: tuple[str, ...]  # lemmas that must be children of the head
    cameo: str
    event_type: str | None
    mode: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (pos, head lemma) -> longest phrases first
    cues: dict[str, frozenset[str]]  # word -> kinds
    agents: dict[str, str]  # noun lemma -> sector
    discard: frozenset[str]
    reject_codes: dict[str, str]  # CAMEO prefix -> REJECT code
    demand_codes: dict[str, str]  # CAMEO prefix -> DEMAND code
    intent_codes: dict[str, str]  # CAMEO prefix -> EXPRESS INTENT code
    threat_codes: dict[str, str]  # CAMEO prefix -> THREATEN code
    halt_codes: dict[str, str]  # CAMEO prefix -> YIELD code of halting that action
    halt_types: dict[str, str]  # YIELD code -> its PLOVER type, where not the ontology's
    inaction: dict[tuple[str, str], tuple[Trigger, ...]]  # "stood by", "police inaction"
    nonactions: frozenset[str]  # verbs of being, thinking, saying: no generic action

    def cue(self, word: str, kind: str) -> bool:
        return kind in self.cues.get(word, ())

    def match(
        self, pos: str, lemma: str, child_lemmas: set[str], table: str = "triggers",
        late_particles: frozenset[str] = frozenset(),
    ) -> Trigger | None:
        """The most specific trigger whose head is ``lemma`` and whose modifiers are present.

        A phrase of particles only ("call for", "take over") does not match a particle in
        ``late_particles``, one that follows the verb's object: "call the office for details" calls
        for nothing, where "called for a ceasefire" and "called the strike off" do."""
        for trig in getattr(self, table).get((pos, lemma), ()):
            if not all(m in child_lemmas for m in trig.modifiers):
                continue
            if late_particles and all(m in PARTICLES for m in trig.modifiers) and late_particles & set(trig.modifiers):
                continue
            return trig
        return None

    def by_prefix(self, table: dict[str, str], code: str) -> str:
        for n in range(len(code), 0, -1):
            if code[:n] in table:
                return table[code[:n]]
        return table.get("0", "")


def _parse_phrase(phrase: str, pos: str) -> tuple[str, tuple[str, ...]]:
    words = phrase.split()
    starred = [w for w in words if w.endswith("*")]
    if starred:
        head = starred[0].rstrip("*")
    else:
        head = words[0] if pos == "VERB" else words[-1]
    mods = tuple(w.rstrip("*") for w in words if w.rstrip("*") != head)
    return head, mods


def _specificity(trig: Trigger) -> tuple[int, int]:
    """Sort key, most specific first: more modifier words, then fewer of them particles."""
    return -len(trig.modifiers), sum(m in PARTICLES for m in trig.modifiers)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for row in read_tsv("lexicon.tsv"):
        row += [""] * (5 - len(row))
        phrase, pos, code, etype, mode = (c.strip() for c in row[:5])
        head, mods = _parse_phrase(phrase, pos)
        trig = Trigger(phrase.replace("*", ""), pos, head, mods, code, etype or None, mode or None)
        triggers.setdefault((pos, head), []).append(trig)
    frozen = {k: tuple(sorted(v, key=_specificity)) for k, v in triggers.items()}
    cues: dict[str, set[str]] = {}
    for word, kind in (r[:2] for r in read_tsv("cues.tsv")):
        cues.setdefault(word.strip(), set()).add(kind.strip())
    agents = {r[0].strip(): r[1].strip() for r in read_tsv("agents.tsv")}
    discard = frozenset(r[0].strip() for r in read_tsv("discard.tsv"))
    refusal = read_tsv("refusal.tsv")
    reject = {r[0]: r[1] for r in refusal}
    demand = {r[0]: r[2] for r in refusal}
    intent = {r[0]: r[3] for r in refusal}
    threat = {r[0]: (r[4] if len(r) > 4 else "") for r in refusal}
    halting = read_tsv("halting.tsv")
    halt = {r[0].strip(): r[1].strip() for r in halting}
    halt_types = {r[1].strip(): r[2].strip() for r in halting if len(r) > 2 and r[2].strip()}
    inaction: dict[tuple[str, str], list[Trigger]] = {}
    for row in read_tsv("inaction.tsv"):
        phrase, pos = (c.strip() for c in row[:2])
        head, mods = _parse_phrase(phrase, pos)
        inaction.setdefault((pos, head), []).append(Trigger(phrase, pos, head, mods, "074", "AID", None))
    inaction_frozen = {k: tuple(sorted(v, key=lambda t: -len(t.modifiers))) for k, v in inaction.items()}
    nonactions = frozenset(r[0].strip() for r in read_tsv("nonactions.tsv"))
    return Lexicon(
        frozen, {k: frozenset(v) for k, v in cues.items()}, agents, discard, reject, demand, intent, threat,
        halt, halt_types, inaction_frozen, nonactions,
    )
