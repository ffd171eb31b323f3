"""Past or future? The clause tense that decides which "Thursday" or "May" is meant.

Read from the dependency parse: the verb governing the expression and its
auxiliaries. "will adjourn on Thursday" is future, "said on Wednesday" past,
"plans to visit on Monday" (an infinitive) future. Present tense gives no
direction, so the caller falls back to the nearer date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.timex.lexicon import lexicon

FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "should", "must", "can", "ca"}
VERB_POS = {"VERB", "AUX"}


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` in the parse tree."""
    seen = 0
    while seen < 50:
        if token.pos_ in VERB_POS and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
        seen += 1
    return None


def verb_tense(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if "going" in words and any(a.tag_ == "TO" for a in auxes):
        return "future"
    if verb.lemma_ in lexicon()["future_verbs"]:
        return "future"  # "planned for early March", "set for April", "postponed until Tuesday"
    if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes):
        # An infinitive looks ahead of its governing verb, unless that verb reports the past:
        # "launched an offensive to retake the town at the start of the month".
        head = governing_verb(verb.head) if verb.head.i != verb.i else None
        if head is not None and head.i != verb.i and verb_tense(head) == "past":
            return "past"
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (words & {"has", "have", "had", "'ve", "'s"}):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl"):  # "the town seized in May"
        return "past"
    return None


def tense_at(doc: Doc, start_char: int, end_char: int) -> str | None:
    """Tense of the clause the characters ``start_char:end_char`` belong to."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ == "poss" or (root.i + 1 < len(doc) and doc[root.i + 1].tag_ == "POS"):
        return None  # "Wednesday's ruling" names a known occasion: no clause tense applies
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in lexicon()["past_preps"]:
        return "past"
    verb = governing_verb(root)
    if prep is not None and prep.lower_ in lexicon()["future_preps"]:
        # "postponed until Tuesday" looks ahead; "until Thursday, they had not..." does not.
        if verb is None or verb_tense(verb) != "past" or verb.lemma_ in lexicon()["future_verbs"]:
            return "future"
    if verb is None:
        return None
    tense = verb_tense(verb)
    if tense == "present" and verb.tag_ == "VBG":
        # "are meeting on Thursday": progressive with a time is mostly a plan.
        head = governing_verb(verb.head) if verb.head.i != verb.i else None
        if head is not None and head.i != verb.i:
            return verb_tense(head) or tense
    return tense
