"""How an event is asserted: negated, refused, failed, intended, threatened, demanded, reported.

Read from the words that govern the trigger in the dependency tree, never from the trigger's
neighbourhood: "has refused to discuss" governs "discuss" through ``xcomp``; "said Y attacked Z"
governs "attacked" through ``ccomp``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.arguments import is_infinitive
from eventwire.events.lexicon import Lexicon

NEGATORS = ("not", "n't", "never", "no")


@dataclass(slots=True)
class Reading:
    negated: bool = False
    modality: str = "asserted"
    refused_by: Token | None = None  # the refusing verb ("refused")
    failed: Token | None = None  # the failing verb ("failed to protect")
    demanded_by: Token | None = None  # the verb that demands it ("said ... must", "urged ... to")
    speech: Token | None = None  # the speech verb it is reported by
    denied: bool = False  # its speaker denies it happened ("denied that any arrest was made")
    future: bool = False  # promised or threatened for later, not attempted now


NOBODY = frozenset({"nobody", "none", "noone"})


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") or _nobody(c) for c in token.children)


def _nobody(subject: Token) -> bool:
    """A subject or object that names no one: "nobody", "none of the accused", "no one", "not a single activist"."""
    if subject.dep_ not in ("nsubj", "nsubjpass", "dobj"):  # "police arrested no one"
        return False
    return subject.lower_ in NOBODY or any(
        (c.dep_ == "det" and c.lower_ == "no")
        or (c.dep_ in ("neg", "preconj") and c.lower_ == "not" and c.nbor(1).lower_ != "only")  # "not only X but Y"
        for c in subject.children if c.i < subject.i)


def _aux_kinds(token: Token, lex: Lexicon) -> set[str]:
    kinds: set[str] = set()
    for c in token.children:
        if c.dep_ in ("aux", "auxpass"):
            for kind in ("intent", "demand", "hypothetical"):
                if lex.cue(c.lower_, kind):
                    kinds.add(kind)
            if lex.cue(c.lower_, "backshifted"):
                kinds.add("backshifted")
            elif lex.cue(c.lower_, "hypothetical"):
                kinds.add("modal")
        elif c.dep_ == "mark" and lex.cue(c.lower_, "hypothetical"):
            kinds |= {"hypothetical", "condition"}
    return kinds


def _conditional(clause: Token, lex: Lexicon) -> bool:
    """The clause carries its own condition ("would withdraw if ...", "unless ...")."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and lex.cue(m.lower_, "hypothetical") for m in c.children)
        for c in clause.children
    )


def _same_paragraph(a: Token, b: Token) -> bool:
    """The parser sometimes hangs a paragraph on the last verb of the one before."""
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def asked_for(noun: Token, lex: Lexicon) -> Reading | None:
    """"sought deployment of the army", "a request for deployment", "demanding the arrest of":
    a noun event that a word asks for has not happened; it is demanded."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if not lex.cue(head.lemma_.lower(), "ask-for"):
        return None
    return Reading(negated=_negated(head), modality="demanded", demanded_by=head)


CONTROL_KINDS = ("refusal", "failure", "threat", "demand", "intent", "attempt")
PRESENT_TAGS = ("VBP", "VBZ")


def controlled_complement(node: Token, lex: Lexicon) -> bool:
    """Is ``node`` the action its governing verb refuses, fails, threatens, demands, intends or
    attempts? That is its ``xcomp``; a time phrase between them makes the parser read the
    infinitive as an adverbial clause instead ("declined on Friday to meet"). A noun governs
    it as a clause of its own ("announced a plan to invade Fiji")."""
    if node.dep_ == "xcomp":
        return True
    if planned_for(node):  # "plans for banning the party"
        return any(lex.cue(node.head.head.lemma_.lower(), kind) for kind in CONTROL_KINDS)
    return (
        (node.dep_ == "advcl" or (node.dep_ == "acl" and node.head.pos_ == "NOUN"))  # "a plan to invade"
        and node.head.i < node.i
        and is_infinitive(node)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        and any(lex.cue(node.head.lemma_.lower(), kind) for kind in CONTROL_KINDS)
    )


def planned_for(node: Token) -> bool:
    """A gerund after a noun's "for": "plans for banning", "calls for arresting"."""
    return node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ == "for" and node.head.head.pos_ == "NOUN"


def controller(node: Token) -> Token:
    """The word a controlled complement hangs on: its head, or the noun before "for"."""
    return node.head.head if planned_for(node) else node.head


def _purpose_left_undone(node: Token, lex: Lexicon) -> bool:
    """"did little to stop the mob", "did nothing to protect", "did not do enough to help": the
    purpose of an action that amounted to nothing did not happen."""
    if node.dep_ not in ("advcl", "xcomp", "relcl", "acl") or not is_infinitive(node):
        return False
    head = node.head
    if node.dep_ in ("relcl", "acl"):  # "did nothing to protect": the parser hangs the purpose on "nothing"
        return lex.cue(head.lower_, "scant") and head.head.pos_ in ("VERB", "AUX")
    for obj in (c for c in head.children if c.dep_ in ("dobj", "advmod", "npadvmod") and c.i < node.i):
        word = obj.lower_
        if lex.cue(word, "scant") or (lex.cue(word, "sufficient") and _negated(head)):
            return True
    return False


def read(trigger: Token, lex: Lexicon, quad_class: int | None) -> Reading:
    r = Reading(negated=_negated(trigger) or _purpose_left_undone(trigger, lex))
    kinds = _aux_kinds(trigger, lex)
    node = trigger
    for _ in range(4):  # climb through infinitival complements and coordinated verbs
        if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
            # coordinated verbs share the auxiliaries of the first ("will attack and seize")
            kinds |= _aux_kinds(node.head, lex)
            node = node.head
            continue
        if not controlled_complement(node, lex):
            break
        head = controller(node)
        lemma = head.lemma_.lower()
        if lex.cue(lemma, "refusal"):
            if _negated(head):  # "did not refuse to" is (weakly) an assertion
                break
            r.refused_by = head
            return r
        if lex.cue(lemma, "failure"):
            r.failed = head
            r.negated = True
            return r
        if _negated(head):
            r.negated = True
        if lex.cue(lemma, "threat"):
            kinds.add("threat")
        elif lex.cue(lemma, "demand"):
            kinds.add("demand")
            r.demanded_by = head
        elif lex.cue(lemma, "intent"):
            kinds.add("intent")
        elif lex.cue(lemma, "attempt"):
            kinds.add("attempt")
        elif lex.cue(lemma, "obligation") and head.tag_ in PRESENT_TAGS:
            kinds.add("demand")  # "we have to arrest the guilty", as "must"; "police had to fire" did fire
        elif lex.cue(lemma, "likelihood"):
            kinds.add("hypothetical")  # "leaders are likely to be arrested on Friday"
        kinds |= _aux_kinds(head, lex)
        node = head
    if node.dep_ == "ccomp" and _same_paragraph(node, node.head):
        head = node.head
        lemma = head.lemma_.lower()
        if any(c.dep_ == "mark" and lex.cue(c.lower_, "hypothetical") for c in head.children):
            kinds.add("hypothetical")  # "not clear if this meant [they were pulling out]": as open as its host
        if lex.cue(lemma, "threat"):
            kinds.add("threat")
        elif lex.cue(lemma, "demand") and not lex.cue(lemma, "speech"):
            kinds.add("demand")
            r.demanded_by = head
        if lex.cue(lemma, "denial") and not _negated(head):
            r.negated = r.denied = True  # "police denied that any arrest had been made"
        if lex.cue(lemma, "speech") or lex.cue(lemma, "threat"):
            r.speech = head
            if "backshifted" in kinds and "modal" not in kinds and not _conditional(node, lex):
                # "said they would blockade Paris": the speaker's "will", reported
                kinds.discard("hypothetical")
                kinds.add("intent")
        if "demand" in kinds and r.demanded_by is None:  # "reiterated that Libya must hand over ..."
            r.demanded_by = head
    if "condition" in kinds:  # "if police tried to stop us": whatever was tried, threatened or meant, on a condition
        r.modality = "hypothetical"
    elif "demand" in kinds:
        r.modality = "demanded"
    elif "threat" in kinds:
        r.modality, r.future = "threatened", True
    elif "intent" in kinds:
        # a promise of violence is a threat; a promise of anything else an intention
        r.modality, r.future = ("threatened" if quad_class in (3, 4) else "intended"), True
    elif "attempt" in kinds:
        r.modality = "intended"
    elif "hypothetical" in kinds:
        r.modality = "hypothetical"
    elif r.speech is not None:
        r.modality = "reported"
    return r
