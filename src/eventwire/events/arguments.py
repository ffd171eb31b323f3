"""Who did it and to whom: arguments of a trigger from the dependency parse.

Subjects are searched where English puts them even when the trigger has none of its own:
the ``by``-agent of a passive, the subject shared by coordinated verbs ("condemned ... and
promised aid"), the controller of an infinitive ("refused to discuss"), the head noun of a
relative or participial clause ("the man arrested by police").
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "attr")
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "of", "over")
NOUN_TARGET_PREPS = ("against", "on", "upon", "at", "with", "of")
TIME_ENTITIES = ("DATE", "TIME")
OWNER_ENTITIES = ("NORP", "GPE", "ORG")  # "an Indian proposal", "a U.S. plan"
TOPIC_PREPS = ("on", "upon", "of")  # what talks and agreements are about
AGENT_DEPS = ("poss", "compound", "amod", "nmod")


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ or c.dep_ in ("auxpass", "agent") for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The ``by X`` of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def with_conjuncts(token: Token | None) -> list[Token]:
    """``token`` and the nouns coordinated with it ("Russia and Iran"; "Russia, Iran and Turkey", where the
    parser hangs each on the one before)."""
    if token is None:
        return []
    out = [token]
    for node in out:  # grows as it goes: a conjunct's own conjuncts follow it
        if len(out) > 8:
            break
        out.extend(c for c in node.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return out


def is_infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to meet", "to invade")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's "of" phrases: what it measures or shows ("a total of 10 shots", "tons of food
    aid", "a demonstration of military power")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _first(verb: Token, deps: tuple[str, ...]) -> Token | None:
    for c in verb.children:
        if c.dep_ in deps:
            return c
    return None


def _subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb's subject: of two the parser gave it, the one nearer before it ("according to
    commissioner D D Tuteja, the police have been asked": the police were asked)."""
    found = [c for c in verb.children if c.dep_ in deps]
    before = [c for c in found if c.i < verb.i]
    return before[-1] if before else (found[0] if found else None)


def phrase_object_target(obj: Token) -> Token | None:
    """The actor a verb phrase's own object points at: "established ties *with Iran*", "lifted sanctions
    *on Burma*" (the object is part of the trigger, so the target hangs on it); a verb's indirect object
    ("granted *its citizens* the right to leave")."""
    for c in obj.children:
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
        if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS + ("to",) and c.lower_ != "of":
            pobj = _first(c, ("pobj",))
            if pobj is not None and pobj.ent_type_ not in TIME_ENTITIES:  # "lifted the curfew on Friday"
                return pobj
    return None


def owner(noun: Token) -> Token | None:
    """Whose the noun is: "*the protesters'* demands", "the demands *of the strikers*", "*hostage-takers*
    demands" (a plural or named compound; not "market demand")."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS")):
            return c
        if c.dep_ == "prep" and c.lower_ == "of" and (pobj := _first(c, ("pobj",))) is not None:
            return pobj
    return None


def _misparsed_subject(verb: Token, is_actor) -> Token | None:
    """An actor tagged as a passive auxiliary ("IS demolished the prison": IS read as "is")."""
    if is_actor is None or _subject(verb, PASS_SUBJ) is not None or _first(verb, OBJ) is None:
        return None
    aux = _first(verb, ("auxpass",))
    if aux is not None and aux.i < verb.i and is_actor(aux):
        return aux
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """A subject the parser joined to the object before it: in "they went close to the areas and
    the policemen did not act", "policemen" is read as a conjunct of "areas" and "act" is left with
    no subject. When only auxiliaries, negation or adverbs stand between a subjectless verb and a
    noun conjunct ending right before them, that conjunct is the verb's subject. A participle run
    into the verb is the other way the parser strands one (:func:`_reduced_relative_subject`)."""
    if verb.dep_ not in ("dep", "conj", "ROOT", "parataxis") or _first(verb, SUBJ + PASS_SUBJ) is not None:
        return None
    reduced = _reduced_relative_subject(verb)
    if reduced is not None:
        return reduced
    left = [c for c in verb.children if c.i < verb.i]
    if not left or any(c.dep_ not in ("aux", "neg", "advmod") for c in left):
        return None
    start = min(c.left_edge.i for c in left)
    if start == 0:
        return None
    end = verb.doc[start - 1]
    node = end
    while node.dep_ != "conj" and node.head.i != node.i and node.head.i < start and node.head.right_edge.i == end.i:
        node = node.head  # "the policemen on duty": from "duty" up to "policemen"
    if node.dep_ != "conj" or node.pos_ not in ("NOUN", "PROPN") or node.right_edge.i != end.i:
        return None
    return node


def _reduced_relative_subject(verb: Token) -> Token | None:
    """"but police sentries posted there killed one of them": the parser reads "posted" as a
    verb of its own with "sentries" as subject, and "killed" as a subjectless conjunct. Two
    verbs in a row with nothing joining them cannot both be finite: the first, a participle
    (whatever its tag), is a reduced relative on its subject, and that subject is the verb's."""
    if verb.dep_ != "conj" or verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    for sibling in verb.head.children:
        if sibling.dep_ == "conj" and sibling.tag_ in ("VBN", "VBD") and sibling.right_edge.i == before.i and sibling.i < verb.i:
            subject = _first(sibling, ("nsubj",))
            if subject is not None and not before.is_punct and before.dep_ != "cc":
                return subject
    return None


def _object_relative(noun: Token) -> Token | None:
    """The antecedent of a relative pronoun that opens the noun's phrase ("Palmyra, which [the
    militants] seized"): then the noun is the clause's subject and the antecedent its object. The
    small model reads such a clause as a participle on the noun ("militants seized in May")."""
    before = noun.left_edge.i - 1
    if before < 0:
        return None
    rel = noun.doc[before]
    if rel.tag_ not in ("WDT", "WP"):
        return None
    if rel.head is not rel and rel.head.pos_ in ("NOUN", "PROPN"):
        return rel.head
    prev = [t for t in noun.doc[max(0, before - 2):before] if not t.is_punct]  # "the man (,) who"
    return prev[-1] if prev and prev[-1].pos_ in ("NOUN", "PROPN") else None


def _headline_passive(verb: Token, transitive=lambda lemma: False) -> bool:
    """"4 policemen and 4 civilians also killed": a verb that always takes an object, used without one
    or an auxiliary, is a headline or caption passive whose subject underwent it. A phrase counts too
    ("two militants shot dead": "shoot dead" needs an object, "shoot" alone does not)."""
    lemma = verb.lemma_.lower()
    phrases = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("acomp", "oprd", "advmod", "prt")]
    return (
        verb.tag_ in ("VBN", "VBD")
        and verb.dep_ == "ROOT"
        and any(transitive(p) for p in phrases)
        and _subject(verb, SUBJ) is not None
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "ccomp", "xcomp") for c in verb.children)
    )


# How a passive infinitive takes the subject of the verb it complements: as the one it is done to.
PATIENT_CONTROL = ("control", "object-control", "passive-control")


def verb_arguments(
    verb: Token, is_actor=None, object_control=None, transitive=None, noun_control=None, opposing=None
) -> tuple[Token | None, Token | None, str]:
    """(source head, target head, how) for a verb trigger. ``noun_control(lemma)`` says whether a noun
    lends its owner as the subject of its infinitive ("a plan to invade"; not "orders to arrest");
    ``opposing(lemma)`` whether a verb opposes its object, so that its subject owns no plan it rejects."""
    how = []
    misread = _misparsed_subject(verb, is_actor)
    if misread is not None:
        return misread, _first(verb, OBJ), "active+aux-actor"
    if transitive is not None and _headline_passive(verb, transitive):  # "4 policemen and 4 civilians also killed": the subject was killed
        return None, _subject(verb, SUBJ), "headline-passive"
    if is_passive(verb):
        target = _subject(verb, PASS_SUBJ)
        source = agent_of(verb)
        how.append("passive")
        if verb.dep_ in ("acl", "relcl") and target is None:  # "protesters arrested by police"
            target = verb.head
    else:
        source = _subject(verb, SUBJ)
        target = _first(verb, OBJ)
        # a participle on a noun ("one militant killed on the spot") was done to that noun; a
        # prepositional phrase on it says where, not whom
        participle = verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and target is None and source is None
        if target is None and not participle:
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    pobj = _first(c, ("pobj",))
                    if pobj is not None:
                        target = pobj
                        break
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and source is None:  # "policemen examining bags"
            source = verb.head
            how.append("participle")
        antecedent = _object_relative(verb.head) if participle else None
        if antecedent is not None:
            # "Palmyra, which the militants seized in May": the parser hung the verb on its subject
            source, target = verb.head, antecedent
            how.append("object-relative")
        elif participle:
            target = verb.head
            source = agent_of(verb)
            how.append("participle")
    if source is not None and source.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        source = verb.head
        how.append("relcl")
    if source is None and not is_passive(verb):
        source = _stranded_subject(verb)
        if source is not None:
            how.append("stranded-subject")
    passive = is_passive(verb)
    if (target is None) if passive else (source is None):
        controller, inherited = inherited_subject(
            verb, object_control or (lambda lemma: False), noun_control or (lambda lemma: False),
            opposing or (lambda lemma: False))
        if passive and inherited in PATIENT_CONTROL:
            target = controller  # "leaders are likely to be arrested", "agreed to be questioned by police": done to them
            how.append(inherited)
        elif source is None and inherited:
            source = controller
            how.append(inherited)
    if target is None and verb.dep_ == "conj" and passive:  # "imprisoned and tortured"
        target = _first(verb.head, PASS_SUBJ)
    return source, target, "+".join(how) or "active"


def _noun_controller(noun: Token, opposing=lambda lemma: False) -> tuple[Token | None, str]:
    """Whose plan, refusal or call it is: its owner ("India's plan", "an Indian proposal"), or the subject
    of the verb that has it, unless that verb opposes it ("protesters opposed the plan to demolish …")."""
    whose = _first(noun, ("poss",)) or next(
        (c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in OWNER_ENTITIES), None)
    if whose is not None:  # not args.owner: an "of" phrase names what is planned, not who plans it
        return whose, "noun-owner"
    if noun.dep_ in OBJ and noun.head.pos_ in ("VERB", "AUX") and not opposing(noun.head.lemma_.lower()):
        subj = _first(noun.head, SUBJ)
        if subj is not None:
            return subj, "noun-control"
    return None, ""


def inherited_subject(
    verb: Token, object_control=lambda lemma: False, noun_control=lambda lemma: False, opposing=lambda lemma: False
) -> tuple[Token | None, str]:
    """The subject a verb without one shares with the verb it depends on.

    ``object_control(lemma)`` says whether the object of the governing verb is the one who acts
    ("prompting the police to open fire"); the lexicon knows which verbs do that.
    """
    node = verb
    for _ in range(4):
        dep = node.dep_
        head = node.head
        if head is node:
            break
        if dep == "conj":
            subj = _subject(head, SUBJ) or (agent_of(head) if is_passive(head) else None)
            if subj is not None:
                return subj, "conj"
        elif dep == "xcomp":
            obj = _first(head, OBJ)
            if obj is not None and object_control(head.lemma_.lower()):
                return obj, "object-control"
            for prep in head.children:  # "called on the government to protect": the government acts
                pobj = _first(prep, ("pobj",)) if prep.dep_ == "prep" else None
                if pobj is not None and object_control(f"{head.lemma_.lower()} {prep.lower_}"):
                    return pobj, "object-control"
            subj = _subject(head, SUBJ)
            if subj is not None:
                return subj, "control"
            if is_passive(head):  # "the police were directed to deploy": the police deploy
                subj = _subject(head, PASS_SUBJ)
                if subj is not None:
                    return subj, "passive-control"
        elif dep == "acomp" and node.pos_ == "ADJ":  # "the police were able to arrest": the police arrest
            subj = _subject(head, SUBJ)
            if subj is not None:
                return subj, "control"
        elif dep == "advcl" and (node.tag_ == "VBG" or is_infinitive(node)):
            subj = _subject(head, SUBJ)
            if subj is not None:
                return subj, "participle"
        elif (dep == "acl" and head.pos_ == "NOUN" and noun_control(head.lemma_.lower())
              and is_infinitive(node)):
            # "its refusal to meet", "announced a plan to invade": the one whose plan it is acts
            return _noun_controller(head, opposing)
        elif (dep == "pcomp" and node.tag_ == "VBG" and head.lower_ == "for" and head.head.pos_ == "NOUN"
              and noun_control(head.head.lemma_.lower())):
            return _noun_controller(head.head, opposing)  # "has plans for banning the party"
        elif dep in ("relcl",):
            return head, "relcl"
        elif dep in ("pcomp", "pobj") and head.dep_ == "prep":  # "told reporters after meeting the envoy"
            obj = _first(head.head, OBJ)
            object_acts = object_control(f"{head.head.lemma_.lower()} {head.lower_}")
            # "lauded the police for organising a meeting", "accused the police of firing": the object acts
            if obj is not None and (head.lower_ == "for" or object_acts):
                return obj, "pcomp-object"
            if head.head.dep_ in OBJ and object_control(f"{head.head.head.lemma_.lower()} {head.lower_}"):
                return head.head, "pcomp-object"  # "convicted [the soldiers of killing]": the parser hung it on the object
            # "King Hassan was quoted as saying", "he was accused of killing": the one quoted, or accused, acts
            passive_acts = head.lower_ in ("as", "for") or object_acts
            subj = _first(head.head, SUBJ) or (_first(head.head, PASS_SUBJ) if passive_acts else None)
            if subj is not None:
                return subj, "pcomp"
            # "the police had to resort to firing"; not "appear for questioning"
            if head.head.dep_ == "xcomp" and head.lower_ == "to":
                subj = inherited_subject(head.head, object_control, noun_control, opposing)[0]
                if subj is not None:
                    return subj, "pcomp"
            break
        else:
            break
        node = head
    return None, ""


def noun_arguments(
    noun: Token, light_verbs, trigger_words: frozenset[int] = frozenset(), participates=lambda phrase: False,
    topical: bool = False, agentive_of: bool = False,
) -> tuple[Token | None, Token | None, str]:
    """(source head, target head, how) for a nominal event such as "Russian air strikes on Palmyra".

    ``trigger_words``: token indices that belong to the trigger phrase itself ("cease" of "cease fire"),
    never its agent. ``participates(phrase)`` says whether a verb (or verb and noun, "take part") makes its
    subject one who did the event it is "in" ("policemen took part in the killings"). With ``topical``
    (talks, agreements), "on" and "of" say what the event is about, not whom: "talks on the dam". With
    ``agentive_of`` (demands, appeals), "of" names who makes it: "the demands of the strikers"."""
    source = target = None
    how = "noun"
    preps = [p for p in NOUN_TARGET_PREPS if not (topical and p in TOPIC_PREPS) and not (agentive_of and p == "of")]
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ == "by" or agentive_of and c.lower_ == "of"):
            source = _first(c, ("pobj",)) or source
        elif c.dep_ == "prep" and c.lower_ in preps and target is None:
            target = _first(c, ("pobj",))
        elif c.dep_ == "prep" and c.lower_ == "between":
            pobj = _first(c, ("pobj",))
            if pobj is not None:
                conj = [g for g in pobj.children if g.dep_ == "conj"]
                source, target = pobj, (conj[0] if conj else None)
                how = "noun+between"
    if source is None:
        for c in noun.children:
            if (c.dep_ in AGENT_DEPS and c.i < noun.i and c.i not in trigger_words
                    and (c.pos_ in ("PROPN", "NOUN", "PRON") or c.ent_type_ == "NORP")):
                source = c
                how = "noun+" + c.dep_
    if source is None:  # "arrests made by the city police"
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and agent_of(c) is not None:
                source, how = agent_of(c), "noun+acl-agent"
    if source is None and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "to"):
        taker = noun.head.head
        phrase = taker.lemma_.lower() + (" to" if noun.head.lower_ == "to" else "")  # "resorted to lathi charge"
        # "played a role in [the massacre]"
        if noun.head.lower_ == "in" and taker.pos_ == "NOUN" and taker.head.pos_ in ("VERB", "AUX"):
            taker, phrase = taker.head, f"{taker.head.lemma_.lower()} {taker.lemma_.lower()}"
        obj = _first(taker, OBJ)
        if obj is not None and participates(f"{phrase} {obj.lemma_.lower()}"):  # "took part [in the killings]"
            phrase = f"{phrase} {obj.lemma_.lower()}"
        if taker.pos_ in ("VERB", "AUX") and participates(phrase):
            source = _first(taker, SUBJ + PASS_SUBJ) or inherited_subject(taker)[0]
            how = "noun+participant"
    head = noun.head
    own_pronoun = source is not None and source.pos_ == "PRON" and source.dep_ == "poss"
    if ((source is None or own_pronoun) and noun.dep_ in OBJ + PASS_SUBJ + ("npadvmod",) and head.pos_ in ("VERB", "AUX")
            and light_verbs(head.lemma_)):
        # "the army intensified its offensive": "its" is the light verb's subject (an object the parser
        # reads as an adverbial noun too: "carried out the flag march")
        source = _subject(head, SUBJ) or inherited_subject(head)[0] or source
        how = "noun+light-verb"
    return source, target, how
