"""Sentence-level answers to questions about police activity, from coded events plus a light re-scorer.

Questions such as IndiaPoliceEvents' (did the police KILL, ARREST, FAIL to act, use FORCE, take ANY_ACTION
in this sentence?) are about sentences, while the coder produces events. ``rule_labels`` reads an event
as answers (a police killing answers KILL and FORCE, a negated police action answers FAIL, ...). Many
answers are phrased in ways that produce no police event ("pleas for help went unheeded", "the sparse
police presence"), so a logistic re-scorer over the sentence's words and its events' shapes
(``data/events/police_questions.json``) may add an ANY_ACTION answer the rules missed; it never removes one.

The re-scorer is plain weights and a sum (no scikit-learn at run time); it is trained on the
IndiaPoliceEvents dev documents by ``eval/events.py --train``, and its figures are only reported by
document-level cross-validation (``eval/events.py --cv 5``).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.events.lexicon import lexicon

LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")
# The re-scorer answers only where rules miss phrasing: police activity in general. KILL, ARREST and FORCE
# are read precisely from coded events; in cross-validation the re-scorer only added false positives to
# them, and, once the rules read police failures better (tenth session), to FAIL too (5-fold CV FAIL 0.461
# with it, 0.466 without).
LEARNED_LABELS = ("ANY_ACTION",)
KILL_CODES = ("1823", "186", "202")
POLICE = frozenset({"COP"})  # sectors read as "the police"
AUTHORITIES = frozenset({"COP", "GOV", "JUD", "MIL", "SPY"})  # state agents whose measures the police carry out
ARMED_GROUPS = frozenset({"REB", "INS"})  # whom only the security forces kill in an encounter
SECURITY_CODES = ("15", "1721", "1722", "1723", "1724", "173", "175", "191")  # deploy, curfew, ban, arrest, crowd control
MODEL_FILE = "police_questions.json"
EVENT_FEATURE_VALUE = 3.0  # an event's shape weighs more than any single word
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _has_sector(actor, sectors: frozenset[str]) -> bool:
    if actor is None:
        return False
    if actor.role in sectors:
        return True
    code = (actor.code or "").replace(" ", "")  # "IND COP" and PETRARCH-style "INDCOP" alike
    return any(code[i : i + 3] in sectors for i in range(0, len(code), 3))


def is_police(actor, forces: frozenset[str] = POLICE) -> bool:
    return _has_sector(actor, forces)


def is_authority(actor) -> bool:
    """A state agent: "the administration imposed curfew", "the state government arrested them"."""
    return _has_sector(actor, AUTHORITIES)


def police_weapon(ev, sentence_text: str = "") -> bool:
    """Whether the event's sentence names a crowd-control weapon only police use (cues.tsv "police-weapon")."""
    text = sentence_text or (ev.evidence.text if ev.evidence else ev.trigger.text)
    return any(lexicon().cue(w, "police-weapon") for w in _WORD.findall(text.lower()))


def _phrase(ev) -> str:
    return ev.rule.split(":", 1)[-1].split("/", 1)[0]


def custody_taking(ev) -> bool:
    """"arrested", "detained", "taken into custody": only the state does it, whoever the parse names as agent."""
    return lexicon().cue(_phrase(ev), "custody")


# a custody noun read as an arrest that happened: "the arrests", "after the arrest of ..." (not "failed to arrest")
_NOUN_BEFORE = frozenset({"the", "an", "his", "her", "their", "its", "of", "after", "for", "mass", "more", "these", "those"})


def arrest_nouns(text: str) -> bool:
    """Whether the sentence names arrests as done, with a custody noun where no event was coded ("the arrests
    followed the visit"): the coder leaves bare nouns alone, but the question is whether any arrest is reported."""
    words = _WORD.findall(text.lower())
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        if not lexicon().cue(w, "custody") or any(lexicon().cue(b, "unrealised") for b in words[max(0, i - 2):i]):
            continue
        if w.endswith(("s", "ion", "ions")) or before in _NOUN_BEFORE:
            return True
    return False


def case_filing(ev) -> bool:
    """"registered an offence", "lodged a case": CAMEO 173 legal action, but nobody was arrested."""
    phrase = _phrase(ev).split()
    return bool(phrase) and lexicon().cue(phrase[0], "case-filing")


def rule_labels(ev, sentence_text: str = "", forces: frozenset[str] = POLICE) -> set[str]:
    """The questions one event answers "yes" to (see eval/events.py for the reading of each)."""
    code = ev.cameo_code or ""
    out: set[str] = set()
    police = is_police(ev.source, forces)
    done = not ev.negated and ev.modality in ("asserted", "reported")
    # no agent named because the clause is passive ("40 persons were arrested", "curfew was imposed")
    agentless = ev.source is None and "agentless" in ev.rule and any(
        k in ev.rule for k in ("passive", "participle", "light-verb"))
    # Only the state arrests, and police carry out the state's security measures: an arrest with no
    # resolved agent ("we arrested five", "40 persons were arrested"; not the adjective in "the charged
    # atmosphere") or by a state agent is a police arrest; registering a case is police activity, not an
    # arrest; curfews, deployments and bans ordered by the administration are police activity.
    unnamed = ev.source is None and (ev.target is not None or (agentless and "participle" not in ev.rule))
    taken = ev.source is None and custody_taking(ev)  # "those arrested", "they arrested him" (unresolved)
    if code.startswith("173") and done and (police or unnamed or taken or is_authority(ev.source)):
        out |= {"ANY_ACTION"} if case_filing(ev) else {"ARREST", "ANY_ACTION"}
    # not done, and no one named who did not do it; a denial ("police denied that any arrest was made") is no failure
    left_undone = ev.negated and ev.source is None and "+denied" not in ev.rule
    if code.startswith("173") and left_undone and not case_filing(ev):
        out.add("FAIL")  # "by not arresting the leaders", "have not been arrested so far": only police arrest
    if code == "170" and left_undone and "light-verb" in ev.rule:
        out.add("FAIL")  # "no action was taken against the rioters": action against offenders is the police's
    if code.startswith(SECURITY_CODES) and done and is_authority(ev.source):
        out.add("ANY_ACTION")
    # tear gas and lathi charges are police weapons: "tear-gas shells were lobbed" needs no agent
    if code.startswith("175") and done and ev.source is None and police_weapon(ev, sentence_text):
        out |= {"FORCE", "ANY_ACTION"}
    # rounds fired with no agent and no one aimed at ("five rounds were fired", "prompting the personnel to open
    # fire"), and people hurt in such firing ("injured in the firing"): only the police fire at crowds; "he was
    # shot" is a crime, "fired the administration" a dismissal
    if (code.startswith("193") and done and ev.source is None and ev.target is None and "agentless" in ev.rule
            and ev.rule.startswith("verb:") and lexicon().cue(_phrase(ev), "volley")):
        out |= {"FORCE", "ANY_ACTION"}
    if code.startswith("18") and done and ev.source is None and "+cause-volley" in ev.rule:
        out |= {"FORCE", "ANY_ACTION"}
    # militants killed with no killer named ("two militants were killed in an encounter"): in this news the
    # security forces killed them
    if code.startswith("1823") and done and ev.source is None and _has_sector(ev.target, ARMED_GROUPS):
        out |= {"KILL", "FORCE", "ANY_ACTION"}
    deployed = ev.source is None and code.startswith("15") and ev.rule.startswith("noun:") and is_authority(ev.target)
    if deployed and not ev.negated and ev.modality != "demanded":
        out.add("ANY_ACTION")  # "the deployment of the army", "deployment of additional forces"
    if agentless and code.startswith(("15", "1723", "191")) and not ev.negated and (ev.target is None or is_authority(ev.target)):
        out.add("ANY_ACTION")  # "security was beefed up", "curfew was imposed": only the authorities do that
    if code.startswith(("15", "02", "10")) and not ev.negated and is_police(ev.target, forces):
        out.add("ANY_ACTION")  # "police were deployed", "police were asked to ..."
    if not police:
        return out
    if ev.negated or (ev.rule.startswith("refusal:") and code.startswith("12")):  # "police refused to register the complaint"
        out.add("FAIL")
        return out
    if ev.modality not in ("asserted", "reported"):
        out.add("ANY_ACTION")  # the corpus counts orders to the police and police plans as police activity
        return out
    if code.startswith(KILL_CODES):
        out |= {"KILL", "FORCE"}
    if code.startswith(("175", "18", "19", "20")) and not code.startswith(("191", "192")):
        out.add("FORCE")
    out.add("ANY_ACTION")
    return out


# ----------------------------------------------------------------------------- learned re-scorer


def _who(actor, forces: frozenset[str]) -> str:
    if actor is None:
        return "none"
    return "pol" if is_police(actor, forces) else "auth" if is_authority(actor) else "other"


def sentence_features(text: str, events: Iterable, forces: frozenset[str] = POLICE) -> dict[str, float]:
    """Words and word pairs of the sentence, plus each event's shape (kind of rule, who acted, CAMEO root,
    negation, modality) and the rules' answers: what the re-scorer weighs."""
    words = _WORD.findall(text.lower())
    feats: dict[str, float] = {f"w:{w}": 1.0 for w in words}
    feats.update({f"b:{a}_{b}": 1.0 for a, b in zip(words, words[1:])})
    for ev in events:
        kind = ev.rule.split(":", 1)[0]
        who = _who(ev.source, forces)
        root = (ev.cameo_code or "X")[:2]
        neg = "neg" if ev.negated else "pos"
        names = {f"e:{kind}_{who}", f"e:{kind}_{neg}", f"e:{root}_{who}_{neg}", f"e:{kind}_{who}_{neg}",
                 f"e:{ev.modality}_{who}"}
        if is_police(ev.target, forces):
            names.add(f"e:target-pol_{root}")
        names |= {f"r:{label}" for label in rule_labels(ev, text, forces)}
        feats.update(dict.fromkeys(names, EVENT_FEATURE_VALUE))
    return feats


@dataclass(slots=True)
class LabelModel:
    """Logistic regression over sparse string features, as plain weights."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def text_fingerprint(text: str) -> str:
    """A short digest of a document's words, so an evaluation can tell the documents the shipped
    re-scorer was trained on (scoring it on them would overstate it) without storing their text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class PoliceQuestionScorer:
    models: dict[str, LabelModel]
    trained_on: frozenset[str] = frozenset()  # text_fingerprint of each training document

    def labels(self, features: dict[str, float]) -> set[str]:
        return {label for label, m in self.models.items() if m.probability(features) >= m.threshold}

    def to_json(self) -> dict:
        models = {label: {"bias": round(m.bias, 5), "threshold": m.threshold,
                          "weights": {k: round(v, 4) for k, v in sorted(m.weights.items()) if abs(v) >= 0.01}}
                  for label, m in self.models.items()}
        return {"models": models, "trained_on": sorted(self.trained_on)}

    @classmethod
    def from_json(cls, data: dict) -> PoliceQuestionScorer:
        models = data.get("models", data)  # older files held the models at the top level
        return cls({label: LabelModel({k: float(v) for k, v in d["weights"].items()}, float(d["bias"]),
                                      float(d["threshold"])) for label, d in models.items()},
                   frozenset(data.get("trained_on", ())))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def shipped_scorer() -> PoliceQuestionScorer | None:
    """The re-scorer shipped with the package (None if it has not been trained)."""
    resource = resources.files("eventwire").joinpath("data", "events", MODEL_FILE)
    if not resource.is_file():
        return None
    return PoliceQuestionScorer.from_json(json.loads(resource.read_text(encoding="utf-8")))


def answer_sentence(text: str, events: Sequence, scorer: PoliceQuestionScorer | None = None,
                    forces: frozenset[str] = POLICE, learned: bool = True) -> set[str]:
    """The questions a sentence answers "yes" to: the rules' answers from its events, plus the re-scorer's."""
    out: set[str] = set()
    for ev in events:
        out |= rule_labels(ev, text, forces)
    if arrest_nouns(text):
        out |= {"ARREST", "ANY_ACTION"}
    model = scorer if scorer is not None else (shipped_scorer() if learned else None)
    if model is not None:
        out |= model.labels(sentence_features(text, events, forces))
    return out


def answer_document(parsed, events: Sequence, learned: bool = True) -> list[set[str]]:
    """Answers for each sentence of a parsed article (events placed by their sentence index)."""
    by_sentence: dict[int, list] = {}
    for ev in events:
        by_sentence.setdefault(ev.sentence, []).append(ev)
    return [answer_sentence(s.span.text, by_sentence.get(k, []), learned=learned)
            for k, s in enumerate(parsed.sentences)]
