"""Who an argument is: the actors stage's record, else a typed agent noun, a title, or a pronoun's antecedent.

The events stage never invents names or codes: when the actors stage has no record for an
argument, it falls back only to what the words say about the sector ("police official" is
COP) and leaves ``code`` empty.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.actors import gender
from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon, lexicon
from eventwire.model import Actor, Quote
from eventwire.nlp import Parsed

try:  # the quotes stage's own lookups, when installed
    from eventwire.quotes.lookup import cue_lemma as _cue_lemma, quote_containing as _quote_containing
except ImportError:  # pragma: no cover - the stage is optional
    _cue_lemma = _quote_containing = None


@dataclass(slots=True)
class Ctx:
    """What every rule of one article needs: the parse, the lexicon, and actors indexed by offset."""

    parsed: Parsed
    lex: Lexicon
    actor_starts: list[int]
    actors: list[Actor]
    quotes: list[Quote]
    recent: list[Actor] = field(default_factory=list)  # sources of the latest events, for pronouns


def _sexes(ctx: Ctx) -> dict[str, str | None]:
    return gender.document_sexes(ctx.parsed.doc)  # surname -> sex the article gives (shared with the quotes stage)


def actor_at(ctx: Ctx, token: Token) -> Actor | None:
    """The actor record whose span covers ``token``."""
    i = bisect.bisect_right(ctx.actor_starts, token.idx) - 1
    while i >= 0:
        a = ctx.actors[i]
        if a.span.start <= token.idx < a.span.end:
            return a
        if token.idx - a.span.start > 200:
            break
        i -= 1
    return None


def place_as_person(actor: Actor, token: Token) -> bool:
    """An unresolved "person" that is the object of a place preposition or a territorial verb is a place."""
    if actor.kind != "person" or actor.code is not None:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("in", "at", "over", "near", "to", "from", "into", "of"):
        return True
    return token.dep_ in ("dobj", "nsubjpass") and lexicon().cue(head.lemma_.lower(), "territorial")


def _reporting_subject(ctx: Ctx, pron: Token) -> Actor | None:
    """"the farmers said they would blockade Paris", "Japan said it had halted aid": the subject of a
    clause reported by a speech verb, as a pronoun of the same kind, is the one who says it."""
    if pron.dep_ not in args.SUBJ + args.PASS_SUBJ + ("poss",):
        return None
    clause = pron.head
    for _ in range(3):  # "said their forces had completed their withdrawal": up to the reported clause
        if clause.dep_ == "ccomp" or clause.head is clause:
            break
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    speech = clause.head
    if not ctx.lex.cue(speech.lemma_.lower(), "speech"):
        return None
    subj = next((c for c in speech.children if c.dep_ in args.SUBJ), None) or args.inherited_subject(speech)[0]
    if subj is None or subj.pos_ == "PRON":
        return None
    actor = resolve_actor(ctx, subj)
    if actor is None:
        return None
    person = actor.kind == "person"
    plural = subj.tag_ in ("NNS", "NNPS")
    fits = {"he": person, "his": person, "she": person, "her": person, "it": not person and not plural,
            "its": not person and not plural, "they": not person and plural, "their": not person and plural}
    if pron.lower_ in gender.PRONOUN_SEX and gender.contradicts(pron.lower_, actor.name, _sexes(ctx)):
        return None  # "Trump said she would win": she is someone else
    return actor if fits.get(pron.lower_, False) else None


def antecedent(ctx: Ctx, pron: Token) -> Actor | None:
    """A third-person subject pronoun read as the latest event source of a matching kind.

    A cheap stand-in for coreference when the actors stage leaves the pronoun unresolved:
    "he"/"she" take the latest person, "they"/"it" the latest group, within two sentences.
    """
    word = pron.lower_
    if word in ("we", "i"):  # "we have arrested five persons," the commissioner said
        quote = quote_holding(ctx, pron.idx)
        speaker = speaker_of(ctx, quote) if quote is not None else None
        return _standing_for(ctx, pron, speaker, 1.0, "events:pronoun->speaker") if speaker is not None else None
    reporter = _reporting_subject(ctx, pron)
    if reporter is not None:
        return _standing_for(ctx, pron, reporter, 0.8, "events:pronoun->reporter")
    if word == "they" and pron.dep_ in args.SUBJ + args.PASS_SUBJ:
        return _group_before(ctx, pron)
    if word not in ("he", "she", "it") or pron.dep_ not in args.SUBJ + args.PASS_SUBJ + ("pobj",):
        return None
    sent = ctx.parsed.sentence_of_token(pron.i)
    candidates = [
        a for a in reversed(ctx.recent)
        if sent - a.sentence <= 2 and a.span.start < pron.idx and (word in ("he", "she")) == (a.kind == "person")
    ]
    if word != "it":  # "she" is not the Donald Trump of the sentence before
        candidates = [a for a in candidates if not gender.contradicts(word, a.name, _sexes(ctx))]
    if word == "she":  # most people the news names are men: a known woman first
        candidates.sort(key=lambda a: gender.sex_of(a.name, _sexes(ctx)) != "f")
    if not candidates:
        return None
    actor = candidates[0]
    return _standing_for(ctx, pron, actor, 0.6, f"events:pronoun->{actor.rule or actor.name}")


GROUP_KINDS = ("organisation", "collective", "group")
PAIR_NOUNS = frozenset({"pair", "couple", "duo", "trio", "family", "families"})
PLACE_PREPS = frozenset({"at", "in", "on", "near", "inside", "outside"})


def _group_before(ctx: Ctx, pron: Token) -> Actor | None:
    """"the main allegation against the Sabarkantha police is that they did not do enough": a "they" with no
    reporting subject is the nearest group named before it in its sentence, when that is a coded group or
    organisation. A nearer plural that is none ("the pair had taken money and they were arrested") stops the
    search; the noun a relative clause describes is not its subject ("the immigrants they must expel")."""
    described = {t.i for t in pron.head.head.subtree} if pron.head.dep_ == "relcl" else set()
    for tok in reversed(pron.sent[: pron.i - pron.sent.start]):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod", "poss") or tok.i in described:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            continue  # "appeared at Feltham Magistrates' Court, where they pleaded": a place, not a group
        actor = actor_at(ctx, tok)
        if actor is not None and actor.kind in GROUP_KINDS and actor.code is not None:
            return _standing_for(ctx, pron, actor, 0.6, f"events:pronoun->{actor.rule or actor.name}")
        plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
        if plural or tok.lemma_.lower() in PAIR_NOUNS:
            return None
    return None


def _standing_for(ctx: Ctx, pron: Token, actor: Actor, weight: float, rule: str) -> Actor:
    """The actor a pronoun stands for, placed at the pronoun, less sure by ``weight`` than the actor itself."""
    return replace(actor, span=ctx.parsed.span(pron.idx, pron.idx + len(pron)),
                   sentence=ctx.parsed.sentence_of_token(pron.i),
                   confidence=round(actor.confidence * weight, 3), rule=rule)


def sector_of(lex: Lexicon, token: Token) -> str | None:
    """Sector of an agent noun; a modifier naming a force wins ("police official", "army officer")."""
    for c in token.children:
        if c.dep_ in ("compound", "amod") and c.i < token.i:
            s = lex.agents.get(c.lemma_.lower()) or lex.agents.get(c.lower_)
            if s is not None and s not in ("CVL",):
                return s
    sector = lex.agents.get(token.lemma_.lower()) or lex.agents.get(token.lower_)
    if sector is None and lex.cue(token.lemma_.lower(), "collective"):
        # "a posse from the railway police", "a team comprising personnel of the city police"
        for c in token.children:
            inner = [g for g in c.children if g.dep_ in ("pobj", "dobj")] if c.dep_ in ("prep", "acl") else []
            for g in inner:
                s = sector_of(lex, g) or next(
                    (sector_of(lex, gg) for p in g.children if p.dep_ == "prep" for gg in p.children if gg.dep_ == "pobj"), None)
                if s is not None:
                    return s
    if sector is None or token.pos_ == "PROPN":  # "city police commissioner D D Tuteja", "DG of police A K Mitra"
        for t in title_tokens(token):
            s = lex.agents.get(t.lemma_.lower()) or lex.agents.get(t.lower_)
            if s is not None and t.pos_ != "PROPN":
                return s
    return sector


def title_tokens(token: Token, depth: int = 0):
    """Words of a name's title: its left compounds/modifiers, appositions and "of"-phrases, recursively."""
    if depth > 3:
        return
    for c in token.children:
        if (c.dep_ in ("compound", "amod", "appos") and c.i != token.i) or (c.dep_ == "prep" and c.lower_ == "of"):
            if c.dep_ != "prep":
                yield c
            for g in c.children if c.dep_ == "prep" else (c,):
                if g is not c:
                    yield g
                yield from title_tokens(g, depth + 1)


def phrase_bounds(token: Token) -> tuple[int, int]:
    """Char bounds of a noun with its prenominal modifiers ("the Syrian army")."""
    left = token
    for c in token.lefts:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "det") and c.i < left.i:
            left = c
    start = left.left_edge.idx if left.dep_ == "poss" else left.idx
    return start, token.idx + len(token)


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def resolve_actor(ctx: Ctx, token: Token | None) -> Actor | None:
    """Actor for an argument head: the actors stage's record, else a typed agent noun."""
    if token is None:
        return None
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head  # "two terrorists who were shot dead": the pronoun stands for its noun
    if ctx.lex.cue(token.lemma_.lower(), "collective") or token.like_num:  # "four of the officers"
        # "hundreds of policemen", "a group of students", "two companies of the SRP": the members are the actor,
        # before what the head alone would be (a company is a business)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
            for member in (g for g in prep.children if g.dep_ == "pobj"):
                found = resolve_actor(ctx, member)
                if found is not None and found.kind != "person":  # "the party of Lincoln" is no Lincoln
                    return found
    found = actor_at(ctx, token)
    if found is not None:
        if place_as_person(found, token) or (found.kind == "place" and found.code is None):
            return None  # a town is where things happen, not who does them
        if found.kind == "person" and found.code is None and token.pos_ == "NOUN" and not token.ent_type_:
            found = None  # "Palmyra's infamous prison": a common noun under a stray name is not that name
    if found is not None:
        if found.role is None and found.code is None:
            # "k g erda, senior police inspector": the title says the sector the name alone does not
            sector = sector_of(ctx.lex, token)
            if sector is not None:
                found = replace(found, role=sector)
        return found
    for c in token.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i:  # not poss: "Palmyra's prison" is no actor
            found = actor_at(ctx, c)
            if found is not None and not (found.kind == "person" and found.code is None):
                return found
    if token.pos_ == "PROPN":  # "UN Special Envoy for Syria Staffan de Mistura": the name is inside
        for t in token.subtree:
            if t.i != token.i and t.dep_ in ("pobj", "appos", "compound") and t.head.i in range(token.left_edge.i, token.right_edge.i + 1):
                found = actor_at(ctx, t)
                if found is not None and found.kind == "person":
                    return found
    if token.pos_ == "PRON":
        return antecedent(ctx, token)
    counted = token.tag_ == "NNS" and ctx.lex.cue(token.lemma_.lower(), "crowd-count") and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "from") for c in token.children)
    sector = "CVL" if counted else sector_of(ctx.lex, token)  # "thousands demonstrated": a crowd, counted
    if sector is None:
        return None
    start, end = phrase_bounds(token)
    p = ctx.parsed
    return Actor(
        span=p.span(start, end),
        sentence=p.sentence_of_token(token.i),
        name=p.article.text[start:end],
        code=None,
        role=sector,
        kind="group",
        confidence=0.5,
        rule="events:agent-noun",
    )


def child_lemmas(token: Token, coordinated: bool = False) -> set[str]:
    """The words a trigger phrase may name beside its head: its children, their objects and particles.
    A coordinated verb is no modifier ("cut to lengths and tied" has no "ties" to cut) unless
    ``coordinated``: inaction phrases are coordinations ("stood and watched"). What comes "without" is
    absent: "threatening to strike without a deal" strikes no deal."""
    out: set[str] = set()
    for c in token.children:
        if (c.dep_ in ("conj", "cc") and not coordinated) or c.lower_ == "without":
            continue
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        if c.dep_ in ("prep", "dobj", "prt", "acomp", "oprd", "npadvmod", "advmod"):
            for g in c.children:
                if c.dep_ == "dobj" and g.dep_ == "prep":
                    continue  # the object's own preposition: "take away their power over the budget" takes nothing over
                out.add(g.lemma_.lower())
                if g.dep_ == "compound":  # "fired tear gas shells": tear -> gas -> shells
                    out.update(gg.lemma_.lower() for gg in g.children if gg.dep_ in ("compound", "amod"))
                if c.dep_ == "prep" and g.dep_ == "prep":  # "pulled out of talks": out -> of -> talks
                    out.update(gg.lemma_.lower() for gg in g.children)
    return out


def quote_cue_lemma(quote: Quote) -> str | None:
    """The quote's cue lemma when the cue lexicon knows it (the quotes stage records it in ``Quote.rule``)."""
    return _cue_lemma(quote) if _cue_lemma is not None else None


def quote_holding(ctx: Ctx, char: int) -> Quote | None:
    if _quote_containing is not None:
        return _quote_containing(ctx.quotes, char, char + 1)
    for q in ctx.quotes:
        for s in q.content:
            if s.start <= char < s.end:
                return q
    return None


def speaker_of(ctx: Ctx, quote: Quote) -> Actor | None:
    if quote.source is None:
        return None
    tokens = ctx.parsed.doc.char_span(quote.source.start, quote.source.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    if tokens.root.dep_ == "poss":  # "Palmyra's prison, where ...": a possessor does not speak
        return None
    if tokens.root.pos_ == "PRON":  # the actors stage's record, else the latest source of the pronoun's kind
        return actor_at(ctx, tokens.root) or (antecedent(ctx, tokens.root) if tokens.root.lower_ not in ("we", "i") else None)
    return resolve_actor(ctx, tokens.root)
