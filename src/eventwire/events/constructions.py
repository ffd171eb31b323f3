"""Constructions that change what an event is: deaths with a named cause, refusals, failures and
inaction, demands, statements and attributions, and actions the lexicon cannot code.

Each returns finished Event records (or nothing); ``coder`` decides which one a token calls for.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.build import confidence_for, make_event, span_of
from eventwire.events.lexicon import Lexicon, Trigger
from eventwire.events.modality import CONTROL_KINDS, Reading, controlled_complement, read
from eventwire.events.ontology import cameo
from eventwire.events.participants import Ctx, actor_at, child_lemmas, quote_cue_lemma, resolve_actor, speaker_of
from eventwire.events.recoding import in_sector
from eventwire.model import Actor, Event

DEATH_PREPS = ("in", "during", "after")
CONCESSIVE = ("even", "while", "whereas", "though", "although", "whilst")
INACTION_CODE = "074"  # "provide protection": what a force that stands by fails to do


def lethal(token: Token, lex: Lexicon) -> bool:
    """"shot dead", "beaten to death"."""
    for c in token.children:
        if lex.cue(c.lower_, "lethal") and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj", "attr"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to":
            if any(lex.cue(g.lower_, "lethal") for g in c.children):
                return True
    return False


def leaves_dead(noun: Token, lex: Lexicon) -> bool:
    """"firing that left one dead", "firing left two dead": the noun event killed."""
    verbs = [noun.head] if noun.dep_ in ("nsubj",) else []
    verbs += [c for c in noun.children if c.dep_ == "relcl"]
    return any(v.lemma_.lower() == "leave" and lethal(v, lex) for v in verbs)


def lacking(noun: Token, lex: Lexicon) -> bool:
    """"no police protection", "lack of police action": a nominal event that did not take place."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and lex.cue(head.head.lemma_.lower(), "lack")


def verb_arguments(ctx: Ctx, verb: Token) -> tuple[Token | None, Token | None, str]:
    """``arguments.verb_arguments`` with what the lexicon and the actors know: who is an actor, which
    verbs hand their action to their object ("persuaded them not to march": they would march), which
    never go without an object, which nouns lend their owner to an infinitive."""
    lex = ctx.lex
    return args.verb_arguments(
        verb, lambda t: actor_at(ctx, t) is not None, lambda lemma: lex.cue(lemma, "object-control"),
        lambda lemma: lex.cue(lemma, "transitive"), lambda lemma: any(lex.cue(lemma, k) for k in CONTROL_KINDS),
        lambda lemma: lex.cue(lemma, "opposing"))


def security_force(ctx: Ctx, actor: Actor) -> bool:
    """Police or military (cues.tsv "generic-sector"): the forces whose uncoded acts and failures to act count."""
    return in_sector(ctx.lex, actor, "generic-sector")


def light_verbs(ctx: Ctx):
    return lambda lemma: ctx.lex.cue(lemma.lower(), "light")


def cause_agent(ctx: Ctx, verb: Token) -> tuple[Token | None, str]:
    """Who caused a passive killing: "killed in police firing", "killed when police fired"; with no one
    named, "+cause-volley" says it was shots fired ("injured in the firing")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in DEATH_PREPS:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    trig = ctx.lex.match("NOUN", pobj.lemma_.lower(), child_lemmas(pobj)) or ctx.lex.match(
                        "NOUN", pobj.lower_, child_lemmas(pobj))
                    if trig is not None:
                        src = args.noun_arguments(pobj, light_verbs(ctx))[0]
                        if src is not None:
                            return src, "+cause-noun"
                        if ctx.lex.cue(pobj.lemma_.lower(), "volley"):
                            return None, "+cause-volley"  # "injured in the firing": shots, nobody named
                    nxt = pobj.nbor(1) if pobj.i + 1 < len(pobj.doc) else None
                    if nxt is not None and nxt.tag_ == "VBG":  # "in police firing" parsed as police + firing
                        vt = ctx.lex.match("VERB", nxt.lemma_.lower(), child_lemmas(nxt))
                        if vt is not None and vt.cameo[:2] in ("17", "18", "19"):
                            return pobj, "+cause-noun"
    # "killed and five injured when police opened fire": the clause may hang on a coordinated verb
    verbs = [verb, *([verb.head] if verb.dep_ == "conj" else []), *(c for c in verb.children if c.dep_ == "conj")]
    for c in (c for v in verbs for c in v.children if c.dep_ == "advcl"):
        if any(m.lower_ in CONCESSIVE for m in c.children if m.dep_ in ("mark", "advmod")):
            continue  # "stabbed to death even as police burst teargas shells": at the same time, not the cause
        trig = ctx.lex.match("VERB", c.lemma_.lower(), child_lemmas(c))
        entry = cameo(trig.cameo) if trig else None
        if entry is not None and entry.root in ("17", "18", "19"):
            src = args.verb_arguments(c)[0]
            if src is not None:
                return src, "+cause-clause"
    return None, ""


def death_events(ctx: Ctx, tok: Token) -> list[Event]:
    """"97 died in police firing": a death whose cause names who killed."""
    src_tok, how = cause_agent(ctx, tok)
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    victim = next((c for c in tok.children if c.dep_ in args.SUBJ), None)
    target = resolve_actor(ctx, victim)
    toks = [t for t in (src_tok, victim) if t is not None]
    ev = make_event(ctx, [tok], "1823", None, None, source, target, toks, read(tok, ctx.lex, 4),
               confidence_for("VERB", source, target) - 0.1, f"death:{tok.lemma_}{how}")
    return [ev] if ev else []


def refusal_event(ctx: Ctx, tok: Token, reading: Reading, code: str, target: Actor | None, arg_tokens) -> Event | None:
    refuser = reading.refused_by
    assert refuser is not None
    reject = ctx.lex.by_prefix(ctx.lex.reject_codes, code) or "120"
    src_tok = args.verb_arguments(refuser)[0]
    source = resolve_actor(ctx, src_tok)
    toks = arg_tokens + ([src_tok] if src_tok is not None else [])
    r = Reading(negated=False, modality="asserted", speech=read(refuser, ctx.lex, 3).speech)
    return make_event(ctx, [refuser, tok], reject, None, None, source, target, toks, r,
                 confidence_for("VERB", source, target), f"refusal:{refuser.lemma_}->{tok.lemma_}")


def demand_event(ctx: Ctx, reading: Reading, code: str, must_act: Actor | None, must_tok) -> Event | None:
    """"X reiterated that Libya must hand over ...": X makes a demand of Libya (REQUEST 10x).

    Speech verbs ("said that ... must") and demand verbs code their own REQUEST; this covers the rest.
    """
    gov = reading.demanded_by
    if reading.modality != "demanded" or gov is None or gov.pos_ not in ("VERB", "AUX"):
        return None
    lemma = gov.lemma_.lower()
    if ctx.lex.cue(lemma, "speech") or ctx.lex.match("VERB", lemma, child_lemmas(gov)) is not None:
        return None
    src_tok = args.verb_arguments(gov)[0]
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return None
    toks = [t for t in (src_tok, must_tok) if t is not None]
    return make_event(ctx, [gov], ctx.lex.by_prefix(ctx.lex.demand_codes, code) or "100", None, None, source, must_act,
                 toks, Reading(), confidence_for("VERB", source, must_act) - 0.1, f"demand:{lemma}")


def inaction_events(ctx: Ctx, tok: Token, trig: Trigger) -> list[Event]:
    """"police inaction", "the police stood by": a force that did not protect."""
    if trig.pos == "VERB":
        src_tok = args.verb_arguments(tok)[0]
    else:
        src_tok = args.noun_arguments(tok, light_verbs(ctx))[0]
        if src_tok is None:  # "the apathy of the police", "inaction by the police", "on the part of the police"
            src_tok = _holder_of_failing(tok)
        if src_tok is None and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            src_tok = None
    source = resolve_actor(ctx, src_tok)
    if source is None and src_tok is not None and src_tok.pos_ == "PRON":
        source, src_tok = _blamed(ctx, tok) or (None, src_tok)
    if source is None or ctx.lex.cue(trig.phrase, "force-only") and not security_force(ctx, source):
        return []
    r = Reading(negated=True)
    ev = make_event(ctx, [tok], INACTION_CODE, None, None, source, None, [src_tok], r, 0.5, f"inaction:{trig.phrase}")
    return [ev] if ev else []


def _holder_of_failing(noun: Token) -> Token | None:
    """Whose failure a failure noun names through a preposition: "of"/"by" X, "on the part of" X.

    A "by" phrase right after the noun that the parser hung on the verb instead ("indicates inaction
    by the police") is the noun's too.
    """
    preps = [c for c in noun.children if c.dep_ == "prep"]
    preps += [c for c in noun.head.children
              if c.dep_ == "prep" and c.lower_ == "by" and c.i == noun.right_edge.i + 1 and noun.head is not noun]
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is None:
            continue
        if prep.lower_ in ("of", "by"):
            return pobj
        if prep.lower_ == "on" and pobj.lower_ == "part":
            of = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "of"), None)
            if of is not None:
                return _pobj(of)
    return None


def _pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _blamed(ctx: Ctx, noun: Token) -> tuple[Actor, Token] | None:
    """"criticised the police for their inaction": whose inaction a possessive pronoun means.

    The object of the verb that blames (directly, or through "on"/"upon"/"against") is the one
    whose failure the noun names.
    """
    node = noun
    for _ in range(3):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    for c in node.children:
        cands = [c] if c.dep_ in args.OBJ else [g for g in c.children if g.dep_ == "pobj"] if (
            c.dep_ == "prep" and c.lower_ in ("on", "upon", "against")) else []
        for cand in cands:
            actor = resolve_actor(ctx, cand)
            if actor is not None:
                return actor, cand
    return None


def uncoded_refusal(ctx: Ctx, tok: Token) -> list[Event]:
    """"refused to commit troops": a refusal is a REJECT even when the lexicon cannot code what is refused."""
    comp = next((c for c in tok.children if controlled_complement(c, ctx.lex)), None)
    if comp is None or any(c.dep_ == "neg" for c in tok.children):
        return []
    if ctx.lex.match("VERB", comp.lemma_.lower(), child_lemmas(comp)) is not None:
        return []
    src_tok = args.verb_arguments(tok)[0]
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    tgt_tok = args.verb_arguments(comp)[1]
    target = resolve_actor(ctx, tgt_tok)
    toks = [t for t in (src_tok, tgt_tok) if t is not None]
    # "refused to comment": CAMEO 011 decline comment, not a rejection of an action
    code = "011" if ctx.lex.cue(comp.lemma_.lower(), "speech") else "120"
    ev = make_event(ctx, [tok, comp], code, None, None, source, target, toks, Reading(), 0.55,
               f"refusal:{tok.lemma_}->{comp.lemma_}")
    return [ev] if ev else []


def failure_events(ctx: Ctx, tok: Token) -> list[Event]:
    """"police failed to prevent the influx": a security force's failed action the lexicon does not know is
    still a failure to protect."""
    comp = next((c for c in tok.children if controlled_complement(c, ctx.lex)), None)
    if comp is None or ctx.lex.match("VERB", comp.lemma_.lower(), child_lemmas(comp)) is not None:
        return []  # a known complement is coded (negated) through modality
    src_tok = args.verb_arguments(tok)[0]
    source = resolve_actor(ctx, src_tok)
    if source is None or not security_force(ctx, source):
        return []  # a force failing to act withholds protection; "the Centre failed to frame guidelines" does not
    ev = make_event(ctx, [tok, comp], INACTION_CODE, None, None, source, None, [src_tok], Reading(negated=True), 0.5,
               f"failure:{tok.lemma_}->{comp.lemma_}")
    return [ev] if ev else []


def _light_with_event_object(verb: Token, lex: Lexicon) -> bool:
    """A light verb whose object is an event noun the lexicon codes: the noun carries the event."""
    return lex.cue(verb.lemma_.lower(), "light") and any(
        c.dep_ in args.OBJ + ("npadvmod",) and lex.match("NOUN", c.lemma_.lower(), child_lemmas(c)) for c in verb.children)


def statement_events(ctx: Ctx, tok: Token, trig: Trigger, events_here: list[Event]) -> list[Event]:
    """A speech verb: a statement, or a demand when what it reports must happen."""
    if _light_with_event_object(tok, ctx.lex):
        return []  # "declared a ceasefire": the declaration is the ceasefire, coded from the noun
    src_tok, tgt_tok, how = args.verb_arguments(tok)
    if src_tok is None and tgt_tok is not None and tgt_tok.i > tok.i and any(
            c.dep_ == "ccomp" and c.i < tok.i for c in tok.children):
        src_tok, tgt_tok, how = tgt_tok, None, "inverted"  # "“…,” opined another police officer": the parser's object speaks
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    for c in tok.children:
        if c.dep_ == "ccomp":
            reading = read(c, ctx.lex, None)
            if reading.modality == "demanded":
                ctrig = ctx.lex.match("VERB", c.lemma_.lower(), child_lemmas(c))
                code = ctx.lex.by_prefix(ctx.lex.demand_codes, ctrig.cameo) if ctrig else "100"
                ctgt_tok = args.verb_arguments(c)[0]
                target = resolve_actor(ctx, ctgt_tok)
                toks = [t for t in (src_tok, ctgt_tok) if t is not None]
                ev = make_event(ctx, [tok], code or "100", None, None, source, target, toks, Reading(),
                           confidence_for("VERB", source, target), f"demand:{tok.lemma_}->{c.lemma_}")
                return [ev] if ev else []
    target = resolve_actor(ctx, tgt_tok)
    reading = read(tok, ctx.lex, 0)
    toks = [t for t in (src_tok, tgt_tok) if t is not None]
    ev = make_event(ctx, [tok], trig.cameo, trig.event_type, trig.mode, source, target, toks, reading,
               confidence_for("VERB", source, target) - 0.1, f"statement:{trig.phrase}/{how}")
    return [ev] if ev else []


def generic_events(ctx: Ctx, tok: Token) -> list[Event]:
    """An action the lexicon cannot code, by a known force: kept uncoded rather than lost.

    Only verbs whose subject is an actor of a security sector (police, military) qualify, and
    never verbs of being, thinking or saying. These events carry no CAMEO/PLOVER code
    (``cameo_code is None``); exporters that need a code skip them.
    """
    lex = ctx.lex
    lemma = tok.lemma_.lower()
    if _light_with_event_object(tok, lex):
        return []  # "lodged a complaint", "intensified its offensive": the noun is the event
    if lemma in lex.nonactions or tok.dep_ in ("amod", "aux", "auxpass", "compound"):
        return []
    if any(lex.cue(lemma, k) for k in ("speech", "intent", "attempt", "threat", "refusal", "failure", "demand")):
        return []  # they govern an action; they are not one
    if any(lex.cue(c.lower_, "hypothetical") for c in tok.children if c.dep_ == "aux"):
        return []
    src_tok, tgt_tok, how = verb_arguments(ctx, tok)
    source = resolve_actor(ctx, src_tok)
    if source is None or not security_force(ctx, source):
        return []
    target = resolve_actor(ctx, tgt_tok)
    reading = read(tok, lex, None)
    if reading.refused_by is not None or reading.failed is not None:
        return []  # coded as a refusal or a failure
    toks = [t for t in (src_tok, tgt_tok) if t is not None]
    sent = tok.sent
    ev = Event(
        sentence=ctx.parsed.sentence_of_token(tok.i),
        evidence=span_of(ctx, [tok, *toks], sent.start_char, sent.end_char),
        trigger=ctx.parsed.span(tok.idx, tok.idx + len(tok)),
        event_type=None, mode=None, cameo_code=None, quad_class=None, goldstein=None,
        source=source, target=target, negated=reading.negated, modality=reading.modality,  # type: ignore[arg-type]
        confidence=0.3, rule=f"generic:{lemma}/{how}",
    )
    return [ev]


def quote_statements(ctx: Ctx, coded_triggers: set[int]) -> list[Event]:
    """Attributions found by the quotes stage ("according to police, ...") as statements."""
    out: list[Event] = []
    doc = ctx.parsed.doc
    for q in ctx.quotes:
        if q.source is None:
            continue
        if q.rule.startswith("learned-") and quote_cue_lemma(q) is None:
            continue  # the learned pass's readings beyond the cue lexicon ("appeared in court …") are no statements
        speaker = speaker_of(ctx, q)
        if speaker is None:
            continue
        anchor = q.cue or q.source
        cue = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        if cue is None or len(cue) == 0 or any(t.idx in coded_triggers for t in cue):
            continue
        coded_triggers = coded_triggers | {t.idx for t in cue}  # one statement per cue, however many contents
        trig = ctx.lex.match("VERB", cue.root.lemma_.lower(), child_lemmas(cue.root))
        code = trig.cameo if trig is not None and trig.cameo[:2] in ("01", "11") else "010"
        src = doc.char_span(q.source.start, q.source.end, alignment_mode="expand")
        sent = cue.root.sent
        ev = make_event(ctx, list(cue), code, None, None, speaker, None, list(src or []) + list(cue), Reading(),
                   0.6 * q.confidence if q.confidence else 0.5, f"quote:{q.rule or q.kind}")
        if ev is not None and sent.start_char <= ev.trigger.start < sent.end_char:
            out.append(ev)
    return out


def actor_key(actor) -> str:
    """Who an actor is, for telling apart the forces of one sentence: its code when it has one."""
    name = actor.name.lower()
    for article in ("the ", "a ", "an "):
        name = name.removeprefix(article)
    return actor.code or name


def sentence_deaths(ctx: Ctx, sent, events_here: list[Event]) -> list[Event]:
    """"four killed in police firing", "deaths due to police firing": the sentence's firing killed.

    News reports a lethal shooting as two clauses, a death with no agent and a firing by a named force;
    the parse rarely links them. When a sentence holds exactly one force that fired or assaulted, and a
    death word (lethal or die cues) that no event already attributes, that force killed.
    """
    lex = ctx.lex
    shooters = {}
    for ev in events_here:
        code = ev.cameo_code or ""
        if ev.source is not None and not ev.negated and code.startswith(("18", "19", "175")) and code != "1823":
            clause = ctx.parsed.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            if clause is not None and any(m.lower_ in CONCESSIVE for m in clause.root.children if m.dep_ in ("mark", "advmod")):
                continue  # "even as police burst teargas shells": alongside the deaths, not their cause
            shooters.setdefault(actor_key(ev.source), ev)  # "police" and "the police" are one force
    if len(shooters) != 1 or any((e.cameo_code or "") == "1823" and e.source is not None for e in events_here):
        return []
    shot = next(iter(shooters.values()))
    for tok in sent:
        lemma = tok.lemma_.lower()
        if not (lex.cue(lemma, "die") or lex.cue(tok.lower_, "lethal") or lex.cue(lemma, "lethal")
                or (lemma == "kill" and tok.tag_ == "VBN")):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children):
            continue
        manner = tok.head if tok.head.pos_ == "VERB" else tok.head.head  # "stabbed to death", "burnt to death"
        if manner.pos_ == "VERB" and manner.lemma_.lower() not in ("kill", "die", "leave", "be", "have") and (
                (trig := lex.match("VERB", manner.lemma_.lower(), child_lemmas(manner))) is not None
                and trig.cameo[:2] in ("18", "19", "20")):
            continue
        subjects = [c for c in (*tok.children, *tok.head.children) if c.dep_ in args.SUBJ + args.PASS_SUBJ]
        if any(s.lower_ in ("nobody", "none") or any(g.lower_ == "no" for g in s.children) for s in subjects):
            continue  # "no one died"
        reading = read(tok, ctx.lex, 4)
        if reading.negated:
            continue
        ev = make_event(ctx, [tok], "1823", None, None, shot.source, None, [], reading,
                        0.4, f"death:{lemma}+sentence-cause")
        if ev is not None:
            return [ev]
    return []
