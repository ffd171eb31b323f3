"""Event coding: sentence -> source actor -> action -> target actor, in CAMEO and PLOVER.

Triggers are verbs and event nouns found in the lexicon; their arguments come from the
dependency parse (``arguments``), who they are from ``participants``, how they are asserted
from the words governing them (``modality``), and every code, Goldstein value and quad class
from the ontology tables. Constructions that change the event (refusals, failures, deaths,
demands, statements) live in ``constructions``. Each event keeps the rule that produced it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.build import confidence_for, make_event
from eventwire.events.constructions import (
    cause_agent,
    death_events,
    demand_event,
    failure_events,
    generic_events,
    inaction_events,
    lacking,
    leaves_dead,
    lethal,
    light_verbs,
    quote_statements,
    refusal_event,
    sentence_deaths,
    statement_events,
    uncoded_refusal,
    verb_arguments,
)
from eventwire.events.lexicon import Lexicon, Trigger, lexicon
from eventwire.events.modality import Reading, asked_for, controlled_complement, read
from eventwire.events.ontology import CameoCode, cameo
from eventwire.events.participants import Ctx, actor_at, child_lemmas, resolve_actor
from eventwire.events.senses import medical, other_sense, projectile, thing_kept
from eventwire.events.recoding import (
    Recoding,
    deployment_reading,
    firing_reading,
    halting_trigger,
    in_sector,
    is_person,
    offer_reading,
    provision_reading,
    sanction_reading,
    seizure_reading,
    strike_reading,
)
from eventwire.model import Actor, Event, Quote
from eventwire.nlp import Parsed


def _verb_events(ctx: Ctx, tok: Token, trig: Trigger) -> list[Event]:
    lex = ctx.lex
    code, etype, mode = trig.cameo, trig.event_type, trig.mode
    if lethal(tok, lex) and code[:2] in ("18", "19"):
        code, rule_extra = "1823", "+lethal"
    else:
        rule_extra = ""
    src_tok, tgt_tok, how = verb_arguments(ctx, tok)
    if (code.startswith(CONCESSION_ROOT) and tgt_tok is not None and tgt_tok.lemma_.lower() in trig.modifiers
            and _is_appeal(lex, tgt_tok) and (owner := args.owner(tgt_tok)) is not None):
        tgt_tok = owner  # a concession to a demand concedes to whose it is ("met the protesters' demands")
    if (tgt_tok is not None and tgt_tok.head == tok and resolve_actor(ctx, tgt_tok) is None
            and (tgt_tok.lemma_.lower() in trig.modifiers
                 or code.startswith(("175", "18", "19")) and projectile(tgt_tok, lex))):
        # the object is part of the phrase, or what is fired, and no actor ("lifted sanctions on Burma", "halted
        # aid to Serbia", "fired rounds at the mob"; not "expelled two diplomats"): the target is what the
        # object, or else the verb, is aimed at
        tgt_tok = args.phrase_object_target(tgt_tok) or args.phrase_object_target(tok) or tgt_tok
    if (how.startswith("passive") and src_tok is None and lex.cue(tok.lemma_.lower(), "stative")
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
        src_tok, tgt_tok, how = tgt_tok, None, "stative"  # "Israel is opposed to mediation": Israel opposes
    if (lex.cue(tok.lemma_.lower(), "accuse-if-active") and not trig.modifiers
            and "passive" not in how and "participle" not in how):  # "lathi charge" is no accusation
        code, etype, mode = "112", "ACCUSE", "allege"  # "he charged the minister with lying"
    entry = cameo(code)
    reading = read(tok, lex, entry.quad_class if entry else None)
    if src_tok is None and entry is not None and entry.root in ("18", "19") and args.is_passive(tok):
        src_tok, extra = cause_agent(ctx, tok)
        how += extra  # "+cause-volley" without an agent: "injured in the firing"
    if src_tok is None and tok.tag_ == "VBG" and tok.i > 0 and tok.dep_ in ("acl", "advcl"):
        prev = tok.nbor(-1)  # "the police firing" misparsed as police <-acl- firing
        if prev.pos_ in ("NOUN", "PROPN") and resolve_actor(ctx, prev) is not None:
            src_tok, how = prev, how + "+noun-compound"
    if src_tok is None:
        how += "+agentless"
    triggers = [tok] + [c for c in tok.children if c.dep_ == "prt" or (c.lemma_.lower() in trig.modifiers and c.i > tok.i)]
    events: list[Event] = []
    sources = args.with_conjuncts(src_tok) or [None]
    mutual = tgt_tok is None and _two_parties(sources) and entry is not None and entry.root in MUTUAL_ROOTS
    for n, s_tok in enumerate(sources):
        # "Ethiopia and Egypt agreed": each agreed with the other
        t_tok = sources[1 - n] if mutual else tgt_tok
        source = resolve_actor(ctx, s_tok)
        target = resolve_actor(ctx, t_tok)
        arg_tokens = [t for t in (s_tok, t_tok) if t is not None]
        rule = f"verb:{trig.phrase}/{how}{rule_extra}"
        taking = _taking(ctx, tok, trig, s_tok, t_tok, source, target, code)
        if taking is None:
            continue  # "a car struck a tree", "capture carbon dioxide", "the economy recovered"
        if taking[0] != code:
            code, etype, mode = taking
        if reading.refused_by is not None:
            ev = refusal_event(ctx, tok, reading, code, target, arg_tokens)
            if ev is not None:
                events.append(ev)
            continue
        if reading.failed is not None:
            rule = f"failure:{reading.failed.lemma_}->{trig.phrase}/{how}"
            if source is None:
                source = resolve_actor(ctx, args.verb_arguments(reading.failed)[0])
        if code.startswith("154") and target is not None and target.role == "COP":
            code, mode = "153", "police"  # "police were deployed": police power, not troops
        promised = _announced(lex, reading, entry, code)
        if promised is not None:
            code, etype, mode, rule, reading = promised[0], None, None, rule + promised[1], promised[2]
        ev = make_event(ctx, triggers, code, etype, mode, source, target, arg_tokens, reading,
                   confidence_for("VERB", source, target), rule)
        if ev is not None:
            events.append(ev)
            demand = demand_event(ctx, reading, code, source, s_tok)
            if demand is not None:
                events.append(demand)
    return events


def _taking(ctx: Ctx, tok: Token, trig: Trigger, s_tok, t_tok, source, target, code: str) -> Recoding | None:
    """A strike, firing, a seizure, an offer, a provision, a deployment or a sanction re-coded from who does it
    and to what (``recoding``); other triggers as they are."""
    lex = ctx.lex
    if lex.cue(tok.lemma_.lower(), "armed-agent") and code.startswith("19"):
        return strike_reading(ctx, tok, s_tok, source, target, code)
    phrase = trig.phrase
    if code != trig.cameo:  # re-coded already: "shot dead", or by an earlier conjunct's reading
        return code, None, None
    if lex.cue(phrase, "seizure") or lex.cue(phrase, "recovery"):
        return seizure_reading(ctx, phrase, s_tok, t_tok, source, target, code)
    if lex.cue(phrase, "offering"):
        return offer_reading(ctx, tok, t_tok, code)
    if lex.cue(phrase, "providing"):
        return provision_reading(ctx, tok, t_tok, code)
    if lex.cue(phrase, "force-movement"):
        return deployment_reading(ctx, source, target, code)
    if lex.cue(phrase, "approval-sense"):
        return sanction_reading(lex, t_tok, code)
    if lex.cue(phrase, "firing"):
        fired = next((c for c in tok.children if c.dep_ == "dobj"), None)
        return firing_reading(ctx, fired, code)
    return code, None, None


def _announced(
    lex: Lexicon, reading: Reading, entry: CameoCode | None, code: str
) -> tuple[str, str, Reading] | None:
    """The code CAMEO gives an action announced for later: an announced refusal is REJECT ("will not
    accept more refugees"), a promise EXPRESS INTENT (03x), announced violence THREATEN (13x).
    None when the action is not announced, or its code stays."""
    if not reading.future or entry is None:
        return None
    if reading.negated and reading.modality == "intended":
        refused = Reading(negated=False, modality="asserted", speech=reading.speech)
        return lex.by_prefix(lex.reject_codes, code) or "120", "+refused", refused
    if reading.negated:
        return None
    promised = lex.by_prefix(lex.threat_codes if entry.quad_class in (3, 4) else lex.intent_codes, code)
    if not promised and reading.modality == "threatened":
        # a demand, accusation or rejection announced for later is no threat: it keeps its code, intended
        return code, "+announced", replace(reading, modality="intended")
    if not promised or promised == code:
        return None
    return promised, f"+{reading.modality}", reading


CONCESSION_ROOT = "08"  # CAMEO yield
APPEAL_ROOTS = ("02", "10")  # appeals and demands: "of" names who makes them

# CAMEO roots of acts two parties do together (agree, consult, cooperate): "X and Y met" is X with Y
MUTUAL_ROOTS = ("03", "04", "05", "06")


def _two_parties(conjuncts: list) -> bool:
    """Exactly two coordinated parties ("X and Y", not "X, Y and Z"): only then is each the other's partner."""
    return len(conjuncts) == 2


def _noun_events(ctx: Ctx, tok: Token, trig: Trigger) -> list[Event]:
    anchor = tok
    while anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head  # "teargas shells": the arguments hang on "shells"
    own_words = frozenset(c.i for c in tok.children if c.lemma_.lower() in trig.modifiers)
    entry = cameo(trig.cameo)
    mutual = entry is not None and entry.root in MUTUAL_ROOTS  # talks, agreements, cooperation
    src_tok, tgt_tok, how = args.noun_arguments(
        anchor, light_verbs(ctx), own_words, lambda phrase: ctx.lex.cue(phrase, "participation"), topical=mutual,
        agentive_of=entry is not None and entry.root in APPEAL_ROOTS)
    if tgt_tok is None and src_tok is not None and mutual:
        partners = args.with_conjuncts(src_tok)  # "Ethiopia and Egypt agreed to resume talks": talks with Egypt
        tgt_tok = partners[1] if _two_parties(partners) else None
    if src_tok is not None and src_tok.i == tok.i:
        src_tok = None
    if how == "noun+between" and ctx.lex.cue(trig.head, "third-party"):
        # "a mediation effort between the Emirates and Saudi Arabia": the parties, not the mediator
        light = anchor.head if anchor.dep_ in args.OBJ and ctx.lex.cue(anchor.head.lemma_.lower(), "light") else None
        src_tok, tgt_tok = (args.verb_arguments(light)[0] if light is not None else None), src_tok
        how = "noun+light-verb+between" if src_tok is not None else how
    light_head = anchor.head if anchor.dep_ in args.OBJ + args.PASS_SUBJ and ctx.lex.cue(anchor.head.lemma_.lower(), "light") else None
    if (src_tok is not None and src_tok.dep_ == "compound" and light_head is not None and anchor.dep_ in args.OBJ
            and resolve_actor(ctx, src_tok) is None):
        # "police officers will hold peace committee meetings": the compound names the meeting, not who holds it
        src_tok, how = args.verb_arguments(light_head)[0], "noun+light-verb"
    if src_tok is None:
        how += "+agentless"
    source = resolve_actor(ctx, src_tok)
    target = resolve_actor(ctx, tgt_tok)
    if source is None and target is None and light_head is None:
        return []  # a bare noun ("the talks") restates an event coded elsewhere
    if light_head is not None:
        reading = read(light_head, ctx.lex, entry.quad_class if entry else None)
    else:
        reading = asked_for(anchor, ctx.lex) or Reading()
    if lacking(anchor, ctx.lex):
        reading.negated = True
    if reading.refused_by is not None:
        ev = refusal_event(ctx, tok, reading, trig.cameo, target, [t for t in (src_tok, tgt_tok) if t is not None])
        return [ev] if ev else []
    triggers = [tok] + [c for c in tok.children if c.lemma_.lower() in trig.modifiers]
    arg_tokens = [t for t in (src_tok, tgt_tok) if t is not None]
    code, etype, mode = trig.cameo, trig.event_type, trig.mode
    if code[:2] in ("18", "19") and leaves_dead(anchor, ctx.lex):
        code, how = "1823", how + "+lethal"
    promised = _announced(ctx.lex, reading, entry, code) if light_head is not None and source is not None else None
    # "is prepared to impose martial law": threatened; with nobody named as announcing it ("action will be
    # taken") the noun keeps its own code
    if promised is not None:
        code, etype, mode, how, reading = promised[0], None, None, how + promised[1], promised[2]
    ev = make_event(ctx, triggers, code, etype, mode, source, target, arg_tokens, reading,
               confidence_for("NOUN", source, target), f"noun:{trig.phrase}/{how}")
    return [ev] if ev else []


def _named_by_verb_phrase(noun: Token, lex: Lexicon) -> bool:
    """The object of a verb phrase the lexicon codes whole ("lifted the blockade", "imposed curfew",
    "stopped fighting"), or of an offer ("offered talks"): the phrase says what happened to the thing,
    so the noun (or the gerund) is not an event of its own."""
    head = noun.head
    if noun.dep_ == "pobj":  # "withdrew from the talks", "pulled out of talks"
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        return head.pos_ in ("VERB", "AUX") and _phrase_names(head, noun, lex)
    if noun.dep_ not in args.OBJ + args.PASS_SUBJ + ("xcomp",) or head.pos_ not in ("VERB", "AUX"):
        return False
    if lex.cue(head.lemma_.lower(), "offering") and noun.dep_ != "xcomp" and noun.pos_ in ("NOUN", "PROPN"):
        return True  # "offered talks": the offer is coded as the talks promised (036), no talks were held
    return _phrase_names(head, noun, lex)


def _is_appeal(lex: Lexicon, noun: Token) -> bool:
    """A demand or appeal noun ("demands", "appeal")."""
    trig = lex.match("NOUN", noun.lemma_.lower(), child_lemmas(noun))
    entry = cameo(trig.cameo) if trig is not None else None
    return entry is not None and entry.root in APPEAL_ROOTS


def _plural_as_verb(tok: Token) -> bool:
    """A plural noun the parser read as a verb: "journalists who languish in Azerbaijani jails" (jails/VBZ,
    after an adjective or a preposition's object, with no subject and no object). A headline's verb stays
    one: "Car Bomb Kills 20"."""
    return (tok.tag_ == "VBZ" and tok.dep_ != "conj" and tok.i > 0
            and (tok.nbor(-1).pos_ in ("ADJ", "DET") or tok.nbor(-1).dep_ == "pobj")
            and not any(c.dep_ in args.SUBJ + args.PASS_SUBJ + args.OBJ for c in tok.children))


def _phrase_names(verb: Token, word: Token, lex: Lexicon) -> bool:
    trig = lex.match("VERB", verb.lemma_.lower(), child_lemmas(verb))
    if trig is None or (word.lemma_.lower() not in trig.modifiers and word.lower_ not in trig.modifiers):
        return False
    # "met the protesters' demands": a concession to someone's demand leaves the demand theirs
    return not (trig.cameo.startswith(CONCESSION_ROOT) and _is_appeal(lex, word) and args.owner(word) is not None)


def _governs_coded_action(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    if not any(lex.cue(lemma, k) for k in ("refusal", "intent", "threat")):
        return False
    for c in tok.children:
        if not controlled_complement(c, lex):
            continue
        trig = lex.match("VERB", c.lemma_.lower(), child_lemmas(c))
        if trig is not None and not other_sense(c, trig, lex):
            return True  # "threatened to hold a strike" is no custody: the threat is coded here
    return False


def _prepositions_after_object(ctx: Ctx, verb: Token) -> frozenset[str]:
    """Prepositions hung on the verb after its direct object: "call the office for details". Forces moved
    keep their particle: "pulled forces out of the region" withdraws them."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)  # not "whatever it calls for"
    if obj is None:
        return frozenset()
    if in_sector(ctx.lex, resolve_actor(ctx, obj), "armed-sector"):
        return frozenset()
    return frozenset(c.lower_ for c in verb.children if c.dep_ == "prep" and c.i > obj.i)


def _nominal_gerund(tok: Token) -> bool:
    """"police firing" tagged as a verb: an -ing form in a noun's place, without a subject."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "compound", "conj")
        and not any(c.dep_ in ("nsubj", "dobj", "aux") for c in tok.children)
    )


YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _historical(tok: Token, article_year: int | None) -> bool:
    """A history lesson ("in 1984, soldiers killed ..."): the trigger's own clause is dated years back."""
    if article_year is None:
        return False
    for ent in tok.sent.ents:
        if ent.label_ != "DATE" or ent.root.dep_ == "nummod":  # "fired 1649 rounds" counts, it does not date
            continue
        years = [int(y) for y in YEAR.findall(ent.text)]
        if not years or max(years) >= article_year - 1:
            continue
        node, steps = ent.root, 0
        while node.i != tok.i and node.head.i != node.i and steps < 4 and node.dep_ not in ("ccomp", "advcl", "relcl"):
            node, steps = node.head, steps + 1
        if node.i == tok.i:
            return True
    return False


NOUN_SLOTS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")


def _participle_as_noun(tok) -> bool:
    """"police arrested the accused": a participle with a determiner, in a noun's slot, names people
    ("the accused", "the injured"); it reports no event of its own."""
    return tok.tag_ == "VBN" and tok.dep_ in NOUN_SLOTS and any(c.dep_ == "det" for c in tok.children)


def _shows_a_thing(ctx: Ctx, noun: Token) -> bool:
    """An "objectless" event noun whose "of" names a thing, not people: "a demonstration of military power"."""
    return any(not is_person(g, ctx.lex) and actor_at(ctx, g) is None for g in args.of_objects(noun))


NAME_ENTITIES = ("ORG", "LAW", "WORK_OF_ART", "FAC", "PRODUCT")


def _in_a_name(tok: Token) -> bool:
    """A capitalised word inside a name, not its head start: "Trade Agreement" in "the North American Free Trade
    Agreement", "Commission" in "the Truth and Reconciliation Commission". "Battle of Mosul" (an EVENT) still is one."""
    return tok.ent_type_ in NAME_ENTITIES and tok.ent_iob_ == "I" and tok.is_title


def _sports_words(parsed: Parsed, lex: Lexicon) -> list[frozenset[str]]:
    """Each sentence's sports or entertainment words (discard.tsv), read once for both uses below."""
    return [frozenset(t.lemma_.lower() for t in sent if t.lemma_.lower() in lex.discard) for sent in parsed.doc.sents]


def _discarded(words: frozenset[str]) -> bool:
    """A sports or entertainment sentence (two such words): its "attacks" and "beats" are metaphors."""
    return len(words) >= 2


SPORTING_WORDS = 3  # distinct sports or entertainment words (discard.tsv) that make a whole article one
SPORTING_WINDOW = 3  # sentences either side of an event in which a sports word makes it a metaphor
METAPHOR_ROOTS = ("17", "18", "19", "20")  # coercion and violence: what games and films "do" in words


def _sports_sentences(sports_words: list[frozenset[str]]) -> set[int]:
    """Indices of the sentences near a sports or entertainment word, in an article about sports or entertainment
    (empty otherwise). There "Petrojet beat Ismaili", "the Panthers stormed their way to the title" and "the crew
    spent three days shooting footage" are metaphors even in sentences without a sports word. A news round-up
    with a cricket score far below its riot report keeps the riots."""
    if len(frozenset().union(*sports_words)) < SPORTING_WORDS:
        return set()
    return {n + d for n, words in enumerate(sports_words) if words
            for d in range(-SPORTING_WINDOW, SPORTING_WINDOW + 1)}


def _metaphor(ev: Event, sports: set[int]) -> bool:
    """A conflict event near sports talk with no actor of the world's conflicts in it: teams and players are
    unresolved names; police, gunmen or a state that attack at a stadium are still coded."""
    known = [a for a in (ev.source, ev.target) if a is not None and (a.role is not None or a.country is not None)]
    return ev.sentence in sports and (ev.cameo_code or "").startswith(METAPHOR_ROOTS) and not known


def code_events(parsed: Parsed, actors: list[Actor], quotes: list[Quote]) -> list[Event]:
    """Code every event of an article, in text order."""
    lex = lexicon()
    ordered = sorted(actors, key=lambda a: a.span.start)
    ctx = Ctx(parsed, lex, [a.span.start for a in ordered], ordered, list(quotes))
    events: list[Event] = []
    seen: set[tuple] = set()
    year = parsed.article.date.year if parsed.article.date else None
    sports_words = _sports_words(parsed, lex)
    halts: dict[int, Trigger | None] = {}  # verb index -> its halting reading, read once for the verb and its object

    def halt(verb: Token) -> Trigger | None:
        if verb.i not in halts:
            halts[verb.i] = halting_trigger(ctx, verb)
        return halts[verb.i]

    for n, sent in enumerate(parsed.doc.sents):
        if _discarded(sports_words[n]):
            continue
        first = len(events)
        for tok in sent:
            lemma = tok.lemma_.lower()
            found: list[Event] = []
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else ""
            inaction = lex.match(pos, lemma, child_lemmas(tok, coordinated=True), "inaction") if pos else None
            if inaction is not None:
                found = inaction_events(ctx, tok, inaction)
            elif lex.cue(lemma, "failure") and pos == "VERB":
                found = failure_events(ctx, tok)
            elif lex.cue(lemma, "die") and pos == "VERB":
                found = death_events(ctx, tok)
            elif _nominal_gerund(tok) and (ntrig := lex.match("NOUN", tok.lower_, child_lemmas(tok))):
                found = _noun_events(ctx, tok, ntrig)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                if (lemma in ("be", "have") or _participle_as_noun(tok) or _plural_as_verb(tok)
                        or _named_by_verb_phrase(tok, lex)):
                    continue
                trig = lex.match("VERB", lemma, child_lemmas(tok), late_particles=_prepositions_after_object(ctx, tok))
                if trig is None or not trig.modifiers:  # "stop offensive" is the lexicon's; "suspend attack" the table's
                    trig = halt(tok) or trig
                if trig is None:
                    found = generic_events(ctx, tok)
                elif lex.cue(lemma, "refusal") and any(controlled_complement(c, lex) for c in tok.children):
                    found = uncoded_refusal(ctx, tok)  # a coded complement is coded (as REJECT) on its own
                elif lex.cue(lemma, "clause-sense") and any(c.dep_ == "ccomp" for c in tok.children):
                    continue  # "apprehended that the VHP would …": a fear, not an arrest
                elif lex.cue(lemma, "custody") and any(
                        c.dep_ == "dobj" and lex.cue(c.lemma_.lower(), "halted") for c in tok.children):
                    continue  # "helped to arrest the deteriorating situation": halted, nobody held
                elif other_sense(tok, trig, lex):
                    continue  # "was fired from his job", "stop thinking", "pick up litter"
                elif _governs_coded_action(tok, lex):
                    continue  # "promised/threatened to X": coded through X
                elif cameo(trig.cameo) is not None and cameo(trig.cameo).root == "01":
                    found = statement_events(ctx, tok, trig, events)
                else:
                    found = _verb_events(ctx, tok, trig)
            elif tok.pos_ in ("NOUN", "PROPN"):
                trig = lex.match("NOUN", lemma, child_lemmas(tok))
                if trig is None or _named_by_verb_phrase(tok, lex):
                    continue
                if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX") and halt(tok.head) is not None:
                    continue  # "suspended their attacks": coded as the halt, no attack was made
                if lex.cue(lemma, "plural-only") and tok.tag_ not in ("NNS", "NNPS"):
                    continue  # "Beijing's tough talk": rhetoric, not talks
                if lex.cue(lemma, "objectless") and _shows_a_thing(ctx, tok):
                    continue  # "a demonstration of military power" shows it; "a demonstration of farmers" is a protest
                if _in_a_name(tok):
                    continue  # "the North American Free Trade Agreement" names a treaty, nobody signs it here
                if medical(tok, lex):
                    continue  # "he had a cardiac arrest"
                if lex.cue(lemma, "kept-in") and thing_kept(tok, lex):
                    continue  # "the land would be kept in the custody of the government": no one is held
                found = _noun_events(ctx, tok, trig)
            if found and _historical(tok, year):
                continue
            for ev in found:
                key = (ev.trigger.start, ev.cameo_code, ev.source.span.start if ev.source else None,
                       ev.target.span.start if ev.target else None)
                if key in seen:
                    continue
                seen.add(key)
                events.append(ev)
                if ev.source is not None and not ev.source.rule.startswith("events:pronoun"):
                    ctx.recent.append(ev.source)
        events.extend(sentence_deaths(ctx, sent, events[first:]))
    sports = _sports_sentences(sports_words)
    if sports:
        events = [e for e in events if not _metaphor(e, sports)]
    coded = {e.trigger.start for e in events}
    events.extend(quote_statements(ctx, coded))
    events.sort(key=lambda e: (e.trigger.start, e.cameo_code or ""))
    return events
