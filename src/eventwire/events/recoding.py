"""Verbs whose event depends on who does them and to what: strikes, firing, seizures, offers, provisions,
deployments and halts.

"Struck" is an air raid when jets strike and a labour strike when teachers do, but a car that
struck a tree did nothing a researcher counts. "Captured" takes a town (CAMEO 192), a suspect
(an arrest, 173), weapons (a confiscation, 1711) or, figuratively, carbon dioxide (nothing).
"Offered talks" promises talks (036), "offered asylum" cooperation (030); a shop that offers
discounts offers nothing a researcher counts, nor does a report that provides estimates, where
troops that provide protection protect (074) and donors that provide food give relief (073).
Rebels who "suspended their attacks" de-escalate (087, halting.tsv) and attack no one.
The lexicon gives each verb its usual code; these readings re-code it from its arguments, or
drop it. The word lists are cues.tsv kinds.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon, Trigger
from eventwire.events.participants import Ctx, child_lemmas, resolve_actor
from eventwire.model import Actor

AERIAL_CODE = "195"  # employ aerial weapons
WALKOUT_CODE = "143"  # conduct strike or boycott
ARREST_CODE = "173"  # arrest, detain
ABDUCT_CODE = "181"  # abduct, hijack, take hostage
CONFISCATE_CODE = "1711"  # confiscate property
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
AMOUNT_ENTITIES = ("MONEY", "QUANTITY")
PERSON_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "me", "us", "you"})

# cues.tsv kinds of what is given as aid, and the CAMEO code of giving it
AID_KINDS = (("aid-economic", "071"), ("aid-military", "072"), ("aid-humanitarian", "073"))

# CAMEO code, PLOVER type and mode; a new code with no type takes its type and mode from cameo.tsv
Recoding = tuple[str, str | None, str | None]


def is_person(tok: Token, lex: Lexicon, counted: bool = False) -> bool:
    """A person or people; with ``counted``, also anything counted ("20 held"), as custody verbs hold only people."""
    return (tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRONOUNS or tok.lemma_.lower() in lex.agents
            or tok.lower_ in lex.agents or counted and (tok.like_num or any(c.dep_ == "nummod" for c in tok.children)))


def in_sector(lex: Lexicon, actor: Actor | None, kind: str) -> bool:
    """Whether the actor's role is one of a cues.tsv sector list ("armed-sector", "state-sector", …)."""
    return actor is not None and lex.cue(actor.role or "", kind)


def _armed(lex: Lexicon, actor: Actor | None) -> bool:
    return in_sector(lex, actor, "armed-sector")


def _bare_state(actor: Actor | None) -> bool:
    """A country named with no role ("Israel", "Iran"): the state itself acts."""
    return actor is not None and actor.role is None and actor.country is not None


def _no_actor_thing(lex: Lexicon, tok: Token | None, actor: Actor | None) -> bool:
    """A common noun that names no actor and no one: "bedrooms", "the economy", "security cameras"."""
    return tok is not None and actor is None and tok.pos_ == "NOUN" and not is_person(tok, lex)


def sanction_reading(lex: Lexicon, sanctioned: Token | None, code: str) -> Recoding | None:
    """Sanctioning (cues.tsv "approval-sense"), or None when what is sanctioned is a thing one approves
    (cues.tsv "approvable"): "the hotel and the office building were all sanctioned", "sanctioned the
    project"; "the US sanctioned five officials", "sanctioned Iran's oil exports" punish."""
    if sanctioned is None:
        return code, None, None
    things = [sanctioned, *args.with_conjuncts(sanctioned), *(c for c in sanctioned.children if c.dep_ == "appos")]
    return None if any(lex.cue(t.lemma_.lower(), "approvable") for t in things) else (code, None, None)


def strike_reading(
    ctx: Ctx, verb: Token, striker: Token | None, source: Actor | None, target: Actor | None, code: str,
) -> Recoding | None:
    """A strike, hit or pounding (cues.tsv "armed-agent"), or None: no event.

    Only an armed actor or a weapon makes these verbs an assault: "troops struck rebel positions", "a missile
    hit the convoy", but not "a car struck a tree" or "the recession hit exports". A state with no role named
    strikes when it strikes fighters ("Israel struck Hamas targets"). From the air ("jets", "drones") it is
    CAMEO 195. An unarmed actor that strikes without an object stops work ("teachers will strike"; cues.tsv
    "walkout"), where "the earthquake struck" is no actor's act."""
    lex = ctx.lex
    word = striker.lemma_.lower() if striker is not None else ""
    if lex.cue(word, "aerial") and code == "190":  # "jets struck them dead" stays a killing
        return AERIAL_CODE, "ASSAULT", "aerial"  # as "air strike" in lexicon.tsv
    if lex.cue(word, "weapon") or _armed(lex, source):
        return code, None, None
    if _bare_state(source) and _armed(lex, target):
        return code, None, None
    objectless = not any(c.dep_ in ("dobj", "dative") for c in verb.children) and not args.is_passive(verb)
    if source is not None and objectless and lex.cue(verb.lemma_.lower(), "walkout"):
        return WALKOUT_CODE, "PROTEST", "strike"
    return None


def _taken_kind(lex: Lexicon, tok: Token, actor: Actor | None) -> str:
    """What a seizure takes: "place", "people", "thing" or "unknown" (a name the small model may mistag:
    "Palmyra" is a PERSON to it, so an uncoded person is no sure person)."""
    if actor is not None and not (actor.span.start <= tok.idx < actor.span.end) and lex.cue(tok.lemma_.lower(), "place-noun"):
        return "place"  # "occupied the parliament building": the actor names the building's owner, not what was taken
    if actor is not None:
        if actor.kind in ("place", "country"):
            return "place"
        if actor.role is not None or (actor.kind == "person" and actor.code is not None):
            return "people"
        return "unknown"
    if tok.ent_type_ in PLACE_ENTITIES or lex.cue(tok.lemma_.lower(), "place-noun"):
        return "place"
    if tok.ent_type_ in AMOUNT_ENTITIES:  # "seize $1.7 billion"
        return "thing"
    if tok.pos_ == "NOUN":
        return "people" if is_person(tok, lex) else "thing"
    return "unknown"  # a pronoun or a name


def seizure_reading(
    ctx: Ctx, phrase: str, taker_tok: Token | None, taken_tok: Token | None,
    taker: Actor | None, taken: Actor | None, code: str,
) -> Recoding | None:
    """A taking (cues.tsv "seizure" and "recovery" verbs) re-coded from what is taken, or None: no event.

    - A place is occupied (192): "rebels captured the town".
    - People are arrested by the state or by no one named ("police captured the accused": 173), abducted by
      fighters outside it ("rebels captured two soldiers": 181).
    - A thing is confiscated (1711) where the verb is also a "confiscation" ("seized weapons") or fighters take
      it ("troops captured weapons"), otherwise it is no event ("took over the store", "capture carbon
      dioxide"); a figurative one never is.
    - Nothing taken: only fighters take ("the rebels took over"), "he took over" and "she is recovering"
      are no events; nor is a thing that takes ("bedrooms occupy the top floor", "the economy recovered")."""
    lex = ctx.lex
    if _no_actor_thing(lex, taker_tok, taker):
        return None
    if taken_tok is None:
        return (code, None, None) if _armed(lex, taker) and lex.cue(phrase, "seizure") else None
    if lex.cue(taken_tok.lemma_.lower(), "figurative"):
        return None
    if lex.cue(phrase, "recovery"):
        return code, None, None
    kind = _taken_kind(lex, taken_tok, taken)
    if kind == "people":
        state = taker is None or in_sector(lex, taker, "state-sector") or _bare_state(taker)
        return (ARREST_CODE if state else ABDUCT_CODE), None, None
    if kind == "thing":  # "seized weapons"; "troops captured weapons", but "capture carbon dioxide" takes nothing
        return (CONFISCATE_CODE, None, None) if lex.cue(phrase, "confiscation") or _armed(lex, taker) else None
    return code, None, None


def offer_reading(ctx: Ctx, verb: Token, offered: Token | None, code: str) -> Recoding | None:
    """An offer (cues.tsv "offering"), re-coded from what is offered, or None: no event.

    An event noun offered is that event promised ("offered talks": 036, "offered aid": 033); a thing of
    cooperation ("asylum", "concessions", money) keeps the offer's code; an infinitive is coded through it
    ("offered to mediate"); anything else is trade ("the company offers privacy controls")."""
    lex = ctx.lex
    if offered is None:
        return (code, None, None) if any(c.dep_ == "xcomp" for c in verb.children) else None
    noun = lex.match("NOUN", offered.lemma_.lower(), child_lemmas(offered))
    if noun is not None:
        promised = lex.by_prefix(lex.intent_codes, noun.cameo)
        return (promised, None, None) if promised else (code, None, None)
    for kind, aid in AID_KINDS:  # "offered food and other supplies": material aid promised
        if lex.cue(offered.lemma_.lower(), kind):
            return lex.by_prefix(lex.intent_codes, aid) or code, None, None
    if lex.cue(offered.lemma_.lower(), "offerable") or offered.ent_type_ == "MONEY":
        return code, None, None
    return None




def provision_reading(ctx: Ctx, verb: Token, given: Token | None, code: str) -> Recoding | None:
    """A provision (cues.tsv "providing"), re-coded from what is given, or None: no event.

    Aid the lexicon names is that aid ("provided protection": 074); money, arms and relief are economic,
    military and humanitarian aid (071-073, cues.tsv "aid-*"); a thing of cooperation ("offerable":
    "support", "security") keeps the verb's code; anything else is no aid ("the report provides estimates",
    "provide entertainment"). "Provided them with food" gives the food."""
    lex = ctx.lex
    with_obj = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"), None)
    given = with_obj or given
    if given is None:
        return None
    for thing in _things_given(given):
        word = thing.lemma_.lower()
        noun = lex.match("NOUN", word, child_lemmas(thing))
        if noun is not None and noun.cameo.startswith("07"):
            return noun.cameo, None, None
        for kind, aid in AID_KINDS:
            if lex.cue(word, kind):
                return aid, None, None
        if lex.cue(word, "offerable") or thing.ent_type_ == "MONEY":
            return code, None, None
    return None


def _things_given(given: Token) -> list[Token]:
    """The object, what it measures ("25,000 tons of food aid") and its conjuncts ("photographs and
    military intelligence")."""
    out = [given, *args.of_objects(given)]
    return out + [c for t in list(out) for c in args.with_conjuncts(t)[1:]]


HEAVY_FIRE_CODE = "194"  # fight with artillery and tanks


def firing_reading(ctx: Ctx, fired: Token | None, code: str) -> Recoding:
    """Firing (cues.tsv "firing") is small arms (the lexicon's 193) unless what is fired is a heavy weapon
    (cues.tsv "weapon"): "fired mortars at the village", "fired rockets" are 194."""
    if fired is not None and fired.pos_ == "NOUN" and ctx.lex.cue(fired.lemma_.lower(), "weapon"):
        return HEAVY_FIRE_CODE, None, None
    return code, None, None


def deployment_reading(ctx: Ctx, mover: Actor | None, moved: Actor | None, code: str) -> Recoding | None:
    """Moving forces (cues.tsv "force-movement"), or None when a mover with no forces moves: "the migrants
    rush", "activists kept vigil", "the company deployed a new system", a person with no role ("Dr. Olaopa
    mobilizes both"). Unnamed movers, states and those with forces
    (cues.tsv "deploying-sector") still deploy: "security personnel have been deployed", "the administration
    deployed six companies of para-military forces", "AU forces patrolled the coast"."""
    lex = ctx.lex
    if any(in_sector(lex, a, "deploying-sector") for a in (mover, moved)):
        return code, None, None
    if mover is not None and (mover.role is not None or mover.kind == "person"):
        return None  # "the company deployed a new system", "Dr. Olaopa mobilizes both": no forces moved
    return code, None, None


def halting_trigger(ctx: Ctx, verb: Token) -> Trigger | None:
    """The yielding (halting.tsv) a verb of halting codes when its object is its subject's own action
    ("the rebels suspended their attacks": 087), or None."""
    lex = ctx.lex
    lemma = verb.lemma_.lower()
    owned_only = lex.cue(lemma, "halting-owned")
    if not (owned_only or lex.cue(lemma, "halting")) or verb.pos_ not in ("VERB", "AUX"):
        return None
    halted = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    action = lex.match("NOUN", halted.lemma_.lower(), child_lemmas(halted)) if halted is not None else None
    code = lex.by_prefix(lex.halt_codes, action.cameo) if action is not None else ""
    if not code:
        return None
    owner = args.owner(halted)
    subject = resolve_actor(ctx, args.verb_arguments(verb)[0])
    if subject is None or subject.code is None or (owner is None and owned_only):
        return None  # "cannabis has stopped her seizures": no actor halts anything
    if owner is not None and owner.pos_ != "PRON":
        whose = resolve_actor(ctx, owner)
        if whose is None or subject.code != whose.code:
            return None  # "the army halted the rebels' attacks": someone else's
    return Trigger(f"{lemma} {halted.lemma_.lower()}", "VERB", lemma, (halted.lemma_.lower(),), code,
                   lex.halt_types.get(code), None)
