"""Trigger words in a sense the lexicon does not code.

The lexicon gives each word its event sense ("fire" shoots, "capture" takes, "demonstrate" protests);
news also uses the same words in other senses ("fired him", "captured on video", "demonstrates the
commitment"). Each check below reads one such sense from the parse and a cues.tsv word list; a
trigger any of them recognises is no event. Checks are plain functions of (token, trigger, lexicon),
listed in ``VERB_SENSES``: adding a sense is adding a function and a row.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon, Trigger
from eventwire.events.participants import child_lemmas
from eventwire.events.recoding import is_person

# CAMEO codes of bodily harm (assault, fighting with weapons, mass violence): a medium ("shot on camera")
# records the harm, it does not replace it
HARM_PREFIXES = ("18", "190", "193", "194", "195", "196", "20")

# meeting, accusing and material conflict: the CAMEO roots whose verbs a figurative object makes a figure of
# speech ("meet the deadline", "fight crime", "charge a fee"); "investigated the crimes" and "rejected the tax"
# are still events
FIGURATIVE_ROOTS = ("04", "11", "15", "16", "17", "18", "19", "20")

# Codes whose verbs an object of one cues.tsv kind makes no such event: "requested anonymity" appeals to no one,
# "met the deadline" meets no one, "hosted the exhibition" hosts no visit, "protects national interests" guards
# no one ("troops protected the convoy" does)
FIGURATIVE_BY_CODE = (("02", "sourcing"), ("04", "aim"), ("043", "entertainment"), ("074", "abstract-good"))

AIMING_PREPS = ("at", "on", "upon", "into", "in")
THROW_AIMS = ("at", "on", "upon", "towards", "toward")  # "threw stones in the lake / into the river" aims at no one


def projectile(obj: Token, lex: Lexicon) -> bool:
    """What is fired as a shot (cues.tsv "projectile"): "rounds", "tear gas shells", "a total of 10 shots"."""
    return any(lex.cue(t.lemma_.lower(), "projectile") or lex.cue(t.lower_, "projectile")
               for t in [obj, *args.of_objects(obj)])


def _dated(prep: Token) -> bool:
    """A preposition that says when, not at whom: "on Monday", "in March"."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def dismissal(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"was fired from his position", "fired him", "fired critics" (not "fired at them", "fired rounds")."""
    if not lex.cue(tok.lemma_.lower(), "dismissal"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in AIMING_PREPS and not _dated(c) for c in tok.children):
        return False  # "fired at them", "fired on the crowd" (not "fired Reams on Monday")
    deps = {c.dep_: c for c in tok.children}
    subj, obj = deps.get("nsubjpass"), deps.get("dobj")
    if subj is not None and is_person(subj, lex):
        return True
    return obj is not None and not obj.like_num and not projectile(obj, lex)


def aspectual(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"stop thinking", "began laughing", "will end up fighting": the gerund is the action, not the verb
    ("stop fighting" is a phrase of its own)."""
    if (lex.cue(tok.lemma_.lower(), "aspectual") and not trig.modifiers
            and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in tok.children)):
        return True
    return any(c.dep_ == "prt" and lex.cue(f"{tok.lemma_.lower()} {c.lower_}", "aspectual") for c in tok.children)


def particle_sense(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"beat out a rival", "edged out his opponent": a particle that makes the verb another sense
    (cues.tsv "particle-sense"), a contest won, not a beating; "prices shot up": one that does so without an
    object ("particle-intransitive"; "gunmen shot up the bar" is a shooting)."""
    lemma = tok.lemma_.lower()
    objectless = not any(c.dep_ == "dobj" for c in tok.children)
    return any(c.dep_ == "prt" and (lex.cue(f"{lemma} {c.lower_}", "particle-sense")
                                    or objectless and lex.cue(f"{lemma} {c.lower_}", "particle-intransitive"))
               for c in tok.children)


def helping(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"helped to arrest the rioters" helps nobody in particular: the arrest is the act, coded on its own."""
    return (lex.cue(tok.lemma_.lower(), "helping") and not any(c.dep_ in ("dobj", "dative") for c in tok.children)
            and any(c.dep_ == "xcomp" and lex.match("VERB", c.lemma_.lower(), child_lemmas(c)) for c in tok.children))


def figurative(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"capture the students' interest", "seize the opportunity", "fight corruption", "charge a fee",
    "fighting two apartment fires", "the price charged", "the fee was charged", "requested anonymity",
    "will host the exhibition", "protects national interests"."""
    undergoers = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "the price charged"
        undergoers.append(tok.head)
    # "many of these disputes have been fought": a part stands for what it is part of
    undergoers += [g for u in list(undergoers) if u.pos_ in ("PRON", "NUM", "ADJ", "DET")
                   for c in u.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    objects = [u.lemma_.lower() for u in undergoers if u.lemma_.lower() not in trig.modifiers]
    # "fight fires" is figurative, "open fire" a phrase of its own; "met its target" aims, "destroyed a target" hits
    return (trig.cameo.startswith(FIGURATIVE_ROOTS) and any(lex.cue(w, "figurative") for w in objects)
            or any(trig.cameo.startswith(code) and any(lex.cue(w, kind) for w in objects)
                   for code, kind in FIGURATIVE_BY_CODE))


def objectless_missing(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"I stopped at a gas station": a verb that needs something acted on (cues.tsv "needs-object") has none."""
    return lex.cue(trig.phrase, "needs-object") and not any(
        c.dep_ in args.OBJ + args.PASS_SUBJ + ("xcomp", "ccomp") for c in tok.children)


def commercial(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"meet the growing demand", "demand for housing", "granted planning permission": a phrase's object in its
    commercial or administrative sense (a modifier of cues.tsv "commercial", or an unowned demand "for"
    something) concedes nothing; "met the protesters' demands" does."""
    if not trig.modifiers:
        return False
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in trig.modifiers):
        modifiers = [c for c in obj.children if c.dep_ in ("amod", "compound")]
        if any(lex.cue(w, "commercial") for c in modifiers for w in (c.lower_, c.lemma_.lower())):  # "growing": "grow"
            return True
        if obj.lemma_.lower() == "demand" and args.owner(obj) is None and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in obj.children):
            return True
    return False


def unaimed_throw(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"He threw a stone into the lake": a throw (cues.tsv "throwing") is a riot only when aimed at someone
    ("threw stones at the police", "pelted the police") or done by a crowd ("protesters threw stones")."""
    if not lex.cue(trig.phrase, "throwing"):
        return False
    aimed = any(c.dep_ == "prep" and c.lower_ in THROW_AIMS for c in tok.children)
    pelted = any(c.dep_ == "dobj" and c.lemma_.lower() not in trig.modifiers for c in tok.children)
    crowd = any(c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ in ("NNS", "NNPS") or lex.cue(c.lemma_.lower(), "crowd"))
                for c in tok.children)
    return not (aimed or pelted or crowd or tok.dep_ in ("acl", "relcl"))


def showing(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"the loan demonstrates the EU's commitment", "rallied support": an "objectless" verb with an object
    shows something, and so does one in the passive ("this was demonstrated by our decision"); protesters
    demonstrate without one."""
    return lex.cue(tok.lemma_.lower(), "objectless") and any(
        c.dep_ in ("dobj", "ccomp", "nsubjpass", "csubjpass", "auxpass") for c in tok.children)


def recording(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"captured on video", "caught on camera" (but "shot on camera" is still a shooting)."""
    return not trig.cameo.startswith(HARM_PREFIXES) and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(lex.cue(g.lemma_.lower(), "recording") for g in c.children)
        for c in tok.children)


def participation(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"helped in the attack": the attack is the event, and the helper one of its agents."""
    return lex.cue(tok.lemma_.lower(), "participation") and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and lex.match("NOUN", g.lemma_.lower(), child_lemmas(g)) for g in c.children)
        for c in tok.children)


def nobody_held(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"volunteers will pick up litter" and "the report was released" hold nobody, and "she posted on
    Facebook" posts nobody (cues.tsv "needs-person")."""
    if not lex.cue(trig.phrase, "needs-person"):
        return False
    undergoer = args.verb_arguments(tok)[1]  # the object, or the passive subject ("the report was released")
    if undergoer is None and tok.dep_ == "conj":  # "were arrested and later released"
        undergoer = args.verb_arguments(tok.head)[1]
    if undergoer is None:
        return True
    if undergoer.dep_ == "nsubjpass" and not any(c.dep_ in ("det", "poss") for c in undergoer.children):
        return False  # a bare passive subject is most often a name, untagged in lower-cased archives
    # "picked up 20", "20 were released": a count is people only when someone is held or freed, not when
    # a player "posted the third 20-20 game"
    counted = not lex.cue(trig.phrase, "uncounted")
    return not is_person(undergoer, lex, counted=counted)


def leaving_no_office(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"quit the speculation", "quit smoking": a verb of resigning (cues.tsv "resigning") whose object is no
    office (cues.tsv "office": "quit his post", "resigned her seat"); without an object it resigns."""
    if not lex.cue(trig.phrase, "resigning"):
        return False
    left = [c for c in tok.children if c.dep_ in ("dobj", "xcomp")]
    return any(c.tag_ == "VBG" or not lex.cue(c.lemma_.lower(), "office") for c in left)


def not_custody(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """"50 persons were held", "police held 50 persons": custody. A verb of many senses (cues.tsv
    "custody-sense") holds someone in custody only when the state holds a person, or a person or name is
    held with no holder named: not "elections were held", "was held responsible", "held up in traffic",
    "held her baby", "the court held that …", nor hostages (cues.tsv "captive")."""
    if not lex.cue(trig.phrase, "custody-sense"):
        return False
    if any(c.dep_ in ("prt", "acomp", "oprd", "xcomp", "ccomp", "dative") or c.lower_ == "from" for c in tok.children):
        return True  # "held up", "held responsible", "held the troops from advancing"
    holder, held, _ = args.verb_arguments(tok)
    if held is None or lex.cue(held.lemma_.lower(), "captive") or any(
            lex.cue(g.lemma_.lower(), "captive") for c in tok.children if c.dep_ == "prep" for g in c.children):
        return True  # "the hostages were held", "students are held at ransom"
    person = is_person(held, lex) or held.like_num  # "50 were held"; not "two meetings were held"
    sector = lex.agents.get(holder.lemma_.lower()) if holder is not None else None
    if sector is not None and lex.cue(sector, "state-sector"):
        return not (person or held.pos_ == "PROPN")  # "police held 50 persons", "Ansari is held by the police"
    if holder is not None or held.dep_ != "nsubjpass":
        return True  # "she held her baby", "held by the rebels"
    # no holder named: a person or a name ("Floyd is being held"), not an event's name ("the Games were held")
    # nor a capitalised first word ("Visitation will be held")
    named = held.ent_type_ == "PERSON" or (held.pos_ == "PROPN" and not held.ent_type_ and not held.is_sent_start
                                            and not any(c.dep_ in ("det", "amod") for c in held.children))
    return not (named or person)


SenseCheck = Callable[[Token, Trigger, Lexicon], bool]
VERB_SENSES: tuple[SenseCheck, ...] = (
    dismissal, aspectual, helping, figurative, objectless_missing, showing, recording, participation, nobody_held,
    leaving_no_office, unaimed_throw, commercial, not_custody, particle_sense,
)


def other_sense(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """Whether the verb trigger is used in a sense the lexicon does not code (any of ``VERB_SENSES``)."""
    return any(check(tok, trig, lex) for check in VERB_SENSES)


# Noun checks: an event noun in a sense the lexicon does not code.


def medical(noun: Token, lex: Lexicon) -> bool:
    """"had a cardiac arrest", "respiratory arrest": an event noun a medical modifier (cues.tsv "medical")
    makes a condition of the body."""
    return any(c.dep_ in ("amod", "compound") and lex.cue(c.lemma_.lower(), "medical") for c in noun.children)


def thing_kept(noun: Token, lex: Lexicon) -> bool:
    """"the land would be kept in the custody of the government", "the pillar will be under the safe custody of
    the administration": a state one is kept in (cues.tsv "kept-in") holds no one when what is kept is a thing."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep":
        return False
    verb = prep.head
    kept = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")), None)
    if kept is None or kept.lower_ in ("who", "whom"):
        return False
    if kept.lower_ in ("which", "that") and verb.dep_ == "relcl":
        kept = verb.head  # "the shila, which will be in the custody of …"
    return not is_person(kept, lex, counted=True)
