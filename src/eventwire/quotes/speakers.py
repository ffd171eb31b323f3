"""Resolve a source phrase to the speaker it names.

Order of evidence: an actor from the actors stage overlapping the phrase; a named
entity inside it; for a relative pronoun, the noun it modifies; for a personal
pronoun, the nearest compatible name before it that is not itself inside quoted
speech (the "Obama" in “…Obama…,” he said is not "he"); for a nominal phrase with
no name ("the source", "a senior official"), the phrase itself, flagged anonymous.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.actors import gender
from eventwire.model import Actor
from eventwire.quotes.lexicon import Lexicon

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
KIND_LABELS = {
    "person": ("PERSON",),
    "organisation": ("ORG", "GPE"),
    "group": ("NORP", "ORG"),
    "place": ("GPE",),
}
ANTECEDENT_WINDOW_CHARS = 1500  # pronoun antecedents further back than this are guesses
RELATIVE_PRONOUNS = ("who", "which", "that")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    code: str | None
    anonymous: bool
    rule: str
    confidence: float

    def with_rule(self, prefix: str) -> Speaker:
        return Speaker(self.name, self.code, self.anonymous, f"{prefix}-{self.rule}", self.confidence)


def _actor_overlapping(actors: list[Actor], start: int, end: int) -> Actor | None:
    best = None
    for actor in actors:
        if actor.span.start < end and start < actor.span.end:
            if best is None or (actor.span.end - actor.span.start) > (best.span.end - best.span.start):
                best = actor
    return best


def _ent_overlapping(ents: tuple[SpacySpan, ...], start: int, end: int) -> SpacySpan | None:
    best = None
    for ent in ents:
        if ent.label_ in NAME_LABELS and ent.start_char < end and start < ent.end_char:
            if best is None or ent.label_ == "PERSON" and best.label_ != "PERSON":
                best = ent
    return best


def _full_name(ents: tuple[SpacySpan, ...], ent: SpacySpan) -> str:
    """"Trump" → "Donald Trump" when the article named him in full earlier."""
    if ent.label_ != "PERSON" or len(ent) > 1:
        return ent.text
    last = ent.text.lower()
    best = ent.text
    for other in ents:
        if other.start_char >= ent.start_char:
            break
        if other.label_ == "PERSON" and len(other) > 1 and other[-1].lower_ == last:
            best = other.text
    return best


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _antecedent(
    doc: Doc,
    ents: tuple[SpacySpan, ...],
    actors: list[Actor],
    before: int,
    kinds: frozenset[str],
    quoted: list[tuple[int, int]],
    pronoun: str = "",
    sexes: Mapping[str, str | None] | None = None,
    same_sex_only: bool = False,
) -> tuple[str, str | None] | None:
    """Nearest preceding compatible mention outside quoted speech (and, for he/she, not
    of the other sex by the article's titles and first names, ``sexes`` from
    ``gender.document_sexes``; with ``same_sex_only``, only a person the article shows to be
    of the pronoun's sex)."""
    sexes = sexes or {}
    sex = gender.PRONOUN_SEX.get(pronoun)

    def excluded(name: str) -> bool:
        """Of the other sex; with ``same_sex_only``, also of a sex the article does not tell."""
        if same_sex_only:
            return gender.sex_of(name, sexes) != sex
        return gender.contradicts(pronoun, name, sexes)

    labels = {label for kind in kinds for label in KIND_LABELS.get(kind, ())}
    floor = before - ANTECEDENT_WINDOW_CHARS
    if actors:
        for actor in sorted(actors, key=lambda a: a.span.start, reverse=True):
            if actor.span.end > before or actor.span.start < floor:
                continue
            if _inside(quoted, actor.span.start, actor.span.end):
                continue
            if actor.kind and actor.kind not in kinds:
                continue
            if same_sex_only:  # neither the name nor the mention shows the pronoun's sex
                unfit = excluded(actor.name) and excluded(actor.span.text)
            else:  # the name or the mention ("Mr. Trump") shows the other sex
                unfit = excluded(actor.name) or excluded(actor.span.text)
            if unfit:
                continue
            return actor.name, actor.code
    for ent in reversed(ents):
        if ent.end_char > before:
            continue
        if ent.start_char < floor:
            break
        if ent.label_ not in labels or _inside(quoted, ent.start_char, ent.end_char):
            continue
        if (ent.label_ == "PERSON" or same_sex_only) and excluded(_full_name(ents, ent)):
            continue
        return _full_name(ents, ent), None
    if same_sex_only:
        return None
    # The small model often labels a bare surname ORG or GPE ("Trump"); a proper-noun
    # subject nearby is then the best antecedent there is.
    lo, hi = 0, len(doc)  # first token at or after ``before``, by bisection
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < before:
            lo = mid + 1
        else:
            hi = mid
    for k in range(lo - 1, -1, -1):
        tok = doc[k]
        if tok.idx < floor:
            break
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN" and not _inside(quoted, tok.idx, tok.idx + 1):
            first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"])
            return doc[first : tok.i + 1].text, None
    return None


def _named_in_capitals(label: str, actors: list[Actor], ents: tuple[SpacySpan, ...]) -> Speaker | None:
    """A transcript's speaker label ("PENCE") is the person the article names ("Mike Pence")."""
    last = label.split()[-1].lower()
    for actor in actors:
        words = actor.span.text.split()
        if actor.kind in (None, "person") and words and words[-1].lower() == last and not actor.span.text.isupper():
            return Speaker(actor.name, actor.code, False, "label", 0.8)
    for ent in ents:
        if ent.label_ == "PERSON" and ent[-1].lower_ == last and not ent.text.isupper():
            return Speaker(_full_name(ents, ent), None, False, "label", 0.75)
    return None


def resolve_speaker(
    doc: Doc,
    source: tuple[int, int],
    head: Token,
    actors: list[Actor],
    lexicon: Lexicon,
    quoted: list[tuple[int, int]],
    ents: tuple[SpacySpan, ...] | None = None,
) -> Speaker:
    """Name (and code) behind the source phrase ``source`` (token range) whose head is ``head``.

    ``ents`` is ``tuple(doc.ents)``, passed in because building it costs more than the rest.
    """
    ents = tuple(doc.ents) if ents is None else ents
    start, end = doc[source[0]].idx, doc[source[1]].idx + len(doc[source[1]])
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        noun = head.head.head
        return resolve_speaker(doc, (noun.left_edge.i, noun.i), noun, actors, lexicon, quoted, ents).with_rule(
            "relative"
        )
    if head.pos_ == "PRON" and lower in lexicon.pronouns:
        sexes = gender.document_sexes(doc)
        found = None
        if gender.PRONOUN_SEX.get(lower) == "f":
            # Most people the news names are men, so a name of unknown sex is a poor "she":
            # a woman the article names within reach comes first.
            found = _antecedent(doc, ents, actors, start, lexicon.pronouns[lower], quoted, lower, sexes, True)
        found = found or _antecedent(doc, ents, actors, start, lexicon.pronouns[lower], quoted, lower, sexes)
        if found:
            return Speaker(found[0], found[1], False, "pronoun", 0.7)
        return Speaker(None, None, False, "pronoun-unresolved", 0.4)
    # The phrase names whoever its head (or the head's appositive) is: "An attorney for
    # Pagliano, Mark MacDougall" is MacDougall; "Pagliano's lawyer" is not Pagliano.
    names_person = any(e.label_ == "PERSON" and start <= e.start_char and e.end_char <= end for e in ents)
    anonymous = head.pos_ != "PROPN" and not names_person and head.lemma_.lower() in lexicon.anonymous_nouns
    anchors = [head] + [c for c in head.children if c.dep_ == "appos"]
    for anchor in anchors:
        a0, a1 = anchor.idx, anchor.idx + len(anchor)
        actor = _actor_overlapping(actors, a0, a1)
        if actor is not None:  # "the soldier" may be coded (SYR MIL) and still anonymous
            return Speaker(actor.name, actor.code, anonymous and anchor is head, "actor", 0.9)
        ent = _ent_overlapping(ents, a0, a1)
        if ent is not None:
            return Speaker(_full_name(ents, ent), None, False, "entity", 0.85)
    text = doc[source[0] : source[1] + 1].text  # not doc.text[...]: Doc.text rebuilds the whole text
    if text.isupper() and text.replace(" ", "").isalpha():
        named = _named_in_capitals(text, actors, ents)
        if named is not None:
            return named
    # Only modifiers are names ("a GOP source", "the Syrian army"): the phrase speaks, and
    # an actor among its modifiers lends it a code (the party, the country), not a name.
    code = None
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:
            actor = _actor_overlapping(actors, child.idx, child.idx + len(child))
            if actor is not None and actor.code:
                code = actor.code
                break
    return Speaker(text, code, anonymous, "nominal", 0.6)
