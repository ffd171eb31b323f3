"""Event coding: sentence -> source actor -> action -> target actor, in CAMEO and PLOVER.

Triggers are verbs and event nouns found in the lexicon; their arguments come from the
dependency parse (``arguments``), how they are asserted from the words governing them
(``modality``), and every code, Goldstein value and quad class from the ontology tables.
Each event keeps the rule that produced it so a user can see why it exists.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon, Trigger, lexicon
from eventwire.events.modality import Reading, read
from eventwire.events.ontology import cameo
from eventwire.model import Actor, Event, Quote
from eventwire.nlp import Parsed

try:  # the quotes stage's own lookup, when installed
    from eventwire.quotes.lookup import quote_containing as _quote_containing
except ImportError:  # pragma: no cover - the stage is optional
    _quote_containing = None

PRONOUNS_OK = ("PRON",)
DEATH_PREPS = ("in", "during", "after")
INACTION_CODE = "074"  # "provide protection": what a force that stands by fails to do


@dataclass(slots=True)
class _Ctx:
    parsed: Parsed
    lex: Lexicon
    actor_starts: list[int]
    actors: list[Actor]
    quotes: list[Quote]
    recent: list[Actor] = field(default_factory=list)  # sources of the latest events, for pronouns


# --------------------------------------------------------------------------- actors


def _actor_at(ctx: _Ctx, token: Token) -> Actor | None:
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


def _place_as_person(actor: Actor, token: Token) -> bool:
    """An unresolved "person" that is the object of a place preposition or a territorial verb is a place."""
    if actor.kind != "person" or actor.code is not None:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("in", "at", "over", "near", "to", "from", "into", "of"):
        return True
    return token.dep_ in ("dobj", "nsubjpass") and lexicon().cue(head.lemma_.lower(), "territorial")


def _antecedent(ctx: _Ctx, pron: Token) -> Actor | None:
    """A third-person subject pronoun read as the latest event source of a matching kind.

    A cheap stand-in for coreference when the actors stage leaves the pronoun unresolved:
    "he"/"she" take the latest person, "they"/"it" the latest group, within two sentences.
    """
    word = pron.lower_
    if word in ("we", "i"):  # "we have arrested five persons," the commissioner said
        quote = _quote_holding(ctx, pron.idx)
        speaker = _speaker(ctx, quote) if quote is not None else None
        if speaker is not None:
            return replace(speaker, span=ctx.parsed.span(pron.idx, pron.idx + len(pron)),
                           sentence=ctx.parsed.sentence_of_token(pron.i), rule="events:pronoun->speaker")
        return None
    if word not in ("he", "she", "they", "it") or pron.dep_ not in args.SUBJ + args.PASS_SUBJ + ("pobj",):
        return None
    sent = ctx.parsed.sentence_of_token(pron.i)
    for actor in reversed(ctx.recent):
        if sent - actor.sentence > 2 or actor.span.start >= pron.idx:
            continue
        person = actor.kind == "person"
        if (word in ("he", "she")) == person:
            return replace(
                actor, span=ctx.parsed.span(pron.idx, pron.idx + len(pron)), sentence=sent,
                confidence=round(actor.confidence * 0.6, 3), rule=f"events:pronoun->{actor.rule or actor.name}",
            )
    return None


def _sector(lex: Lexicon, token: Token) -> str | None:
    """Sector of an agent noun; a modifier naming a force wins ("police official", "army officer")."""
    for c in token.children:
        if c.dep_ in ("compound", "amod") and c.i < token.i:
            s = lex.agents.get(c.lemma_.lower()) or lex.agents.get(c.lower_)
            if s is not None and s not in ("CVL",):
                return s
    sector = lex.agents.get(token.lemma_.lower()) or lex.agents.get(token.lower_)
    if sector is None or token.pos_ == "PROPN":  # "city police commissioner D D Tuteja", "DG of police A K Mitra"
        for t in _title_tokens(token):
            s = lex.agents.get(t.lemma_.lower()) or lex.agents.get(t.lower_)
            if s is not None and t.pos_ != "PROPN":
                return s
    return sector


def _title_tokens(token: Token, depth: int = 0):
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
                yield from _title_tokens(g, depth + 1)


def _phrase_bounds(token: Token) -> tuple[int, int]:
    """Char bounds of a noun with its prenominal modifiers ("the Syrian army")."""
    left = token
    for c in token.lefts:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "det") and c.i < left.i:
            left = c
    start = left.left_edge.idx if left.dep_ == "poss" else left.idx
    return start, token.idx + len(token)


def resolve_actor(ctx: _Ctx, token: Token | None) -> Actor | None:
    """Actor for an argument head: the actors stage's record, else a typed agent noun."""
    if token is None:
        return None
    found = _actor_at(ctx, token)
    if found is not None:
        return None if _place_as_person(found, token) else found
    for c in token.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i:  # not poss: "Palmyra's prison" is no actor
            found = _actor_at(ctx, c)
            if found is not None and not (found.kind == "person" and found.code is None):
                return found
    if token.pos_ == "PROPN":  # "UN Special Envoy for Syria Staffan de Mistura": the name is inside
        for t in token.subtree:
            if t.i != token.i and t.dep_ in ("pobj", "appos", "compound") and t.head.i in range(token.left_edge.i, token.right_edge.i + 1):
                found = _actor_at(ctx, t)
                if found is not None and found.kind == "person":
                    return found
    if token.pos_ == "PRON":
        return _antecedent(ctx, token)
    sector = _sector(ctx.lex, token)
    if sector is None:
        return None
    start, end = _phrase_bounds(token)
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


# --------------------------------------------------------------------------- building


def _child_lemmas(token: Token) -> set[str]:
    out: set[str] = set()
    for c in token.children:
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        if c.dep_ in ("prep", "dobj", "prt", "acomp", "oprd", "npadvmod", "advmod"):
            for g in c.children:
                out.add(g.lemma_.lower())
    return out


def _lethal(token: Token, lex: Lexicon) -> bool:
    """"shot dead", "beaten to death"."""
    for c in token.children:
        if lex.cue(c.lower_, "lethal") and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj", "attr"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to":
            if any(lex.cue(g.lower_, "lethal") for g in c.children):
                return True
    return False


def _span_of(ctx: _Ctx, tokens: list[Token], sent_start: int, sent_end: int):
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return ctx.parsed.span(max(start, sent_start), min(end, sent_end))


def _make(
    ctx: _Ctx,
    trigger_tokens: list[Token],
    code: str,
    etype: str | None,
    mode: str | None,
    source: Actor | None,
    target: Actor | None,
    arg_tokens: list[Token],
    reading: Reading,
    confidence: float,
    rule: str,
) -> Event | None:
    entry = cameo(code)
    if entry is None:
        return None
    head = trigger_tokens[0]
    sent = head.sent
    trig_span = ctx.parsed.span(min(t.idx for t in trigger_tokens), max(t.idx + len(t) for t in trigger_tokens))
    evidence = _span_of(ctx, trigger_tokens + arg_tokens, sent.start_char, sent.end_char)
    reported_by = None
    modality = reading.modality
    quote = _quote_holding(ctx, head.idx)
    if quote is not None:
        reported_by = _speaker(ctx, quote)
        if modality == "asserted":
            modality = "reported"
    elif reading.speech is not None:
        subj = args.verb_arguments(reading.speech)[0]
        reported_by = resolve_actor(ctx, subj)
    if modality != "asserted":
        confidence *= 0.9
    if reading.negated:
        confidence *= 0.9
    return Event(
        sentence=ctx.parsed.sentence_of_token(head.i),
        evidence=evidence,
        trigger=trig_span,
        event_type=etype or entry.plover_type,
        mode=mode if etype else (mode or entry.plover_mode),
        cameo_code=entry.code,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        source=source,
        target=target,
        context=entry.plover_context,
        negated=reading.negated,
        modality=modality,  # type: ignore[arg-type]
        reported_by=reported_by,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
        rule=rule,
    )


def _quote_holding(ctx: _Ctx, char: int) -> Quote | None:
    if _quote_containing is not None:
        return _quote_containing(ctx.quotes, char, char + 1)
    for q in ctx.quotes:
        for s in q.content:
            if s.start <= char < s.end:
                return q
    return None


def _speaker(ctx: _Ctx, quote: Quote) -> Actor | None:
    if quote.source is None:
        return None
    tokens = ctx.parsed.doc.char_span(quote.source.start, quote.source.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    if tokens.root.pos_ == "PRON":  # a pronoun speaker is the actors stage's to resolve, not ours
        return _actor_at(ctx, tokens.root)
    return resolve_actor(ctx, tokens.root)


def _confidence(kind: str, source: Actor | None, target: Actor | None) -> float:
    base = 0.8 if kind == "VERB" else 0.65
    if source is None:
        base -= 0.25
    elif source.code is None:
        base -= 0.05
    if target is None:
        base -= 0.1
    return base


# --------------------------------------------------------------------------- triggers


def _verb_events(ctx: _Ctx, tok: Token, trig: Trigger) -> list[Event]:
    lex = ctx.lex
    code, etype, mode = trig.cameo, trig.event_type, trig.mode
    if _lethal(tok, lex) and code[:2] in ("18", "19"):
        code, rule_extra = "1823", "+lethal"
    else:
        rule_extra = ""
    src_tok, tgt_tok, how = args.verb_arguments(
        tok, lambda t: _actor_at(ctx, t) is not None, lambda lemma: lex.cue(lemma, "object-control"))
    if lex.cue(tok.lemma_.lower(), "accuse-if-active") and "passive" not in how and "participle" not in how:
        code, etype, mode = "112", "ACCUSE", "allege"  # "he charged the minister with lying"
    entry = cameo(code)
    reading = read(tok, lex, entry.quad_class if entry else None)
    if src_tok is None and entry is not None and entry.root in ("18", "19") and args.is_passive(tok):
        src_tok, extra = _cause_agent(ctx, tok)
        if src_tok is not None:
            how += extra
    if src_tok is None and tok.tag_ == "VBG" and tok.i > 0 and tok.dep_ in ("acl", "advcl"):
        prev = tok.nbor(-1)  # "the police firing" misparsed as police <-acl- firing
        if prev.pos_ in ("NOUN", "PROPN") and resolve_actor(ctx, prev) is not None:
            src_tok, how = prev, how + "+noun-compound"
    if src_tok is None:
        how += "+agentless"
    triggers = [tok] + [c for c in tok.children if c.dep_ == "prt" or (c.lemma_.lower() in trig.modifiers and c.i > tok.i)]
    events: list[Event] = []
    sources = args.with_conjuncts(src_tok) or [None]
    for s_tok in sources:
        source = resolve_actor(ctx, s_tok)
        target = resolve_actor(ctx, tgt_tok)
        arg_tokens = [t for t in (s_tok, tgt_tok) if t is not None]
        rule = f"verb:{trig.phrase}/{how}{rule_extra}"
        if reading.refused_by is not None:
            ev = _refusal(ctx, tok, reading, code, target, arg_tokens)
            if ev is not None:
                events.append(ev)
            continue
        if reading.failed is not None:
            rule = f"failure:{reading.failed.lemma_}->{trig.phrase}/{how}"
            if source is None:
                source = resolve_actor(ctx, args.verb_arguments(reading.failed)[0])
        if code.startswith("154") and target is not None and target.role == "COP":
            code, mode = "153", "police"  # "police were deployed": police power, not troops
        if reading.future and reading.negated and reading.modality == "intended" and entry is not None:
            # "will not accept more refugees": CAMEO codes an announced refusal as REJECT
            code, etype, mode, rule = lex.by_prefix(lex.reject_codes, code) or "120", None, None, rule + "+refused"
            reading = Reading(negated=False, modality="asserted", speech=reading.speech)
        elif reading.future and entry is not None and not reading.negated:
            # CAMEO codes promises as EXPRESS INTENT (03x) and announced violence as THREATEN (13x)
            table = lex.threat_codes if entry.quad_class in (3, 4) else lex.intent_codes
            promised = lex.by_prefix(table, code)
            if promised and promised != code:
                code, etype, mode, rule = promised, None, None, rule + f"+{reading.modality}"
        ev = _make(ctx, triggers, code, etype, mode, source, target, arg_tokens, reading,
                   _confidence("VERB", source, target), rule)
        if ev is not None:
            events.append(ev)
            demand = _demand_event(ctx, reading, code, source, s_tok)
            if demand is not None:
                events.append(demand)
    return events


def _demand_event(ctx: _Ctx, reading: Reading, code: str, must_act: Actor | None, must_tok) -> Event | None:
    """"X reiterated that Libya must hand over ...": X makes a demand of Libya (REQUEST 10x).

    Speech verbs ("said that ... must") and demand verbs code their own REQUEST; this covers the rest.
    """
    gov = reading.demanded_by
    if reading.modality != "demanded" or gov is None or gov.pos_ not in ("VERB", "AUX"):
        return None
    lemma = gov.lemma_.lower()
    if ctx.lex.cue(lemma, "speech") or ctx.lex.match("VERB", lemma, _child_lemmas(gov)) is not None:
        return None
    src_tok = args.verb_arguments(gov)[0]
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return None
    toks = [t for t in (src_tok, must_tok) if t is not None]
    return _make(ctx, [gov], ctx.lex.by_prefix(ctx.lex.demand_codes, code) or "100", None, None, source, must_act,
                 toks, Reading(), _confidence("VERB", source, must_act) - 0.1, f"demand:{lemma}")


def _cause_agent(ctx: _Ctx, verb: Token) -> tuple[Token | None, str]:
    """Who caused a passive killing: "killed in police firing", "killed when police fired"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in DEATH_PREPS:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    trig = ctx.lex.match("NOUN", pobj.lemma_.lower(), _child_lemmas(pobj)) or ctx.lex.match(
                        "NOUN", pobj.lower_, _child_lemmas(pobj))
                    if trig is not None:
                        src = args.noun_arguments(pobj, _light(ctx))[0]
                        if src is not None:
                            return src, "+cause-noun"
                    nxt = pobj.nbor(1) if pobj.i + 1 < len(pobj.doc) else None
                    if nxt is not None and nxt.tag_ == "VBG":  # "in police firing" parsed as police + firing
                        vt = ctx.lex.match("VERB", nxt.lemma_.lower(), _child_lemmas(nxt))
                        if vt is not None and vt.cameo[:2] in ("17", "18", "19"):
                            return pobj, "+cause-noun"
    # "killed and five injured when police opened fire": the clause may hang on a coordinated verb
    verbs = [verb, *([verb.head] if verb.dep_ == "conj" else []), *(c for c in verb.children if c.dep_ == "conj")]
    for c in (c for v in verbs for c in v.children if c.dep_ == "advcl"):
        trig = ctx.lex.match("VERB", c.lemma_.lower(), _child_lemmas(c))
        entry = cameo(trig.cameo) if trig else None
        if entry is not None and entry.root in ("17", "18", "19"):
            src = args.verb_arguments(c)[0]
            if src is not None:
                return src, "+cause-clause"
    return None, ""


def _death_events(ctx: _Ctx, tok: Token) -> list[Event]:
    """"97 died in police firing": a death whose cause names who killed."""
    src_tok, how = _cause_agent(ctx, tok)
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    victim = next((c for c in tok.children if c.dep_ in args.SUBJ), None)
    target = resolve_actor(ctx, victim)
    toks = [t for t in (src_tok, victim) if t is not None]
    ev = _make(ctx, [tok], "1823", None, None, source, target, toks, read(tok, ctx.lex, 4),
               _confidence("VERB", source, target) - 0.1, f"death:{tok.lemma_}{how}")
    return [ev] if ev else []


def _refusal(ctx: _Ctx, tok: Token, reading: Reading, code: str, target: Actor | None, arg_tokens) -> Event | None:
    refuser = reading.refused_by
    assert refuser is not None
    reject = ctx.lex.by_prefix(ctx.lex.reject_codes, code) or "120"
    src_tok = args.verb_arguments(refuser)[0]
    source = resolve_actor(ctx, src_tok)
    toks = arg_tokens + ([src_tok] if src_tok is not None else [])
    r = Reading(negated=False, modality="asserted", speech=read(refuser, ctx.lex, 3).speech)
    return _make(ctx, [refuser, tok], reject, None, None, source, target, toks, r,
                 _confidence("VERB", source, target), f"refusal:{refuser.lemma_}->{tok.lemma_}")


def _leaves_dead(noun: Token, lex: Lexicon) -> bool:
    """"firing that left one dead", "firing left two dead": the noun event killed."""
    verbs = [noun.head] if noun.dep_ in ("nsubj",) else []
    verbs += [c for c in noun.children if c.dep_ == "relcl"]
    return any(v.lemma_.lower() == "leave" and _lethal(v, lex) for v in verbs)


def _lacking(noun: Token, lex: Lexicon) -> bool:
    """"no police protection", "lack of police action": a nominal event that did not take place."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and lex.cue(head.head.lemma_.lower(), "lack")


def _light(ctx: _Ctx):
    return lambda lemma: ctx.lex.cue(lemma.lower(), "light")


def _noun_events(ctx: _Ctx, tok: Token, trig: Trigger) -> list[Event]:
    anchor = tok
    while anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head  # "teargas shells": the arguments hang on "shells"
    src_tok, tgt_tok, how = args.noun_arguments(anchor, _light(ctx))
    if src_tok is not None and src_tok.i == tok.i:
        src_tok = None
    if src_tok is None:
        how += "+agentless"
    source = resolve_actor(ctx, src_tok)
    target = resolve_actor(ctx, tgt_tok)
    light_head = anchor.head if anchor.dep_ in args.OBJ + args.PASS_SUBJ and ctx.lex.cue(anchor.head.lemma_.lower(), "light") else None
    if source is None and target is None and light_head is None:
        return []  # a bare noun ("the talks") restates an event coded elsewhere
    entry = cameo(trig.cameo)
    reading = read(light_head, ctx.lex, entry.quad_class if entry else None) if light_head is not None else Reading()
    if _lacking(anchor, ctx.lex):
        reading.negated = True
    if reading.refused_by is not None:
        ev = _refusal(ctx, tok, reading, trig.cameo, target, [t for t in (src_tok, tgt_tok) if t is not None])
        return [ev] if ev else []
    triggers = [tok] + [c for c in tok.children if c.lemma_.lower() in trig.modifiers]
    arg_tokens = [t for t in (src_tok, tgt_tok) if t is not None]
    code = trig.cameo
    if code[:2] in ("18", "19") and _leaves_dead(anchor, ctx.lex):
        code, how = "1823", how + "+lethal"
    ev = _make(ctx, triggers, code, trig.event_type, trig.mode, source, target, arg_tokens, reading,
               _confidence("NOUN", source, target), f"noun:{trig.phrase}/{how}")
    return [ev] if ev else []


def _inaction_events(ctx: _Ctx, tok: Token, trig: Trigger) -> list[Event]:
    """"police inaction", "the police stood by": a force that did not protect."""
    if trig.pos == "VERB":
        src_tok = args.verb_arguments(tok)[0]
    else:
        src_tok = args.noun_arguments(tok, _light(ctx))[0]
        if src_tok is None:  # "the apathy of the police"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    src_tok = next((g for g in c.children if g.dep_ == "pobj"), None)
        if src_tok is None and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            src_tok = None
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    r = Reading(negated=True)
    ev = _make(ctx, [tok], INACTION_CODE, None, None, source, None, [src_tok], r, 0.5, f"inaction:{trig.phrase}")
    return [ev] if ev else []


def _uncoded_refusal(ctx: _Ctx, tok: Token) -> list[Event]:
    """"refused to commit troops": a refusal is a REJECT even when the lexicon cannot code what is refused."""
    comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if comp is None or any(c.dep_ == "neg" for c in tok.children):
        return []
    if ctx.lex.match("VERB", comp.lemma_.lower(), _child_lemmas(comp)) is not None:
        return []
    src_tok = args.verb_arguments(tok)[0]
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    tgt_tok = args.verb_arguments(comp)[1]
    target = resolve_actor(ctx, tgt_tok)
    toks = [t for t in (src_tok, tgt_tok) if t is not None]
    ev = _make(ctx, [tok, comp], "120", None, None, source, target, toks, Reading(), 0.55,
               f"refusal:{tok.lemma_}->{comp.lemma_}")
    return [ev] if ev else []


def _failure_events(ctx: _Ctx, tok: Token) -> list[Event]:
    """"failed to prevent the influx": a failed action the lexicon does not know is still a failure."""
    comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if comp is None or ctx.lex.match("VERB", comp.lemma_.lower(), _child_lemmas(comp)) is not None:
        return []  # a known complement is coded (negated) through modality
    src_tok = args.verb_arguments(tok)[0]
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    ev = _make(ctx, [tok, comp], INACTION_CODE, None, None, source, None, [src_tok], Reading(negated=True), 0.5,
               f"failure:{tok.lemma_}->{comp.lemma_}")
    return [ev] if ev else []


def _statement_events(ctx: _Ctx, tok: Token, trig: Trigger, events_here: list[Event]) -> list[Event]:
    """A speech verb: a statement, or a demand when what it reports must happen."""
    src_tok, tgt_tok, how = args.verb_arguments(tok)
    source = resolve_actor(ctx, src_tok)
    if source is None:
        return []
    for c in tok.children:
        if c.dep_ == "ccomp":
            reading = read(c, ctx.lex, None)
            if reading.modality == "demanded":
                ctrig = ctx.lex.match("VERB", c.lemma_.lower(), _child_lemmas(c))
                code = ctx.lex.by_prefix(ctx.lex.demand_codes, ctrig.cameo) if ctrig else "100"
                ctgt_tok = args.verb_arguments(c)[0]
                target = resolve_actor(ctx, ctgt_tok)
                toks = [t for t in (src_tok, ctgt_tok) if t is not None]
                ev = _make(ctx, [tok], code or "100", None, None, source, target, toks, Reading(),
                           _confidence("VERB", source, target), f"demand:{tok.lemma_}->{c.lemma_}")
                return [ev] if ev else []
    target = resolve_actor(ctx, tgt_tok)
    reading = read(tok, ctx.lex, 0)
    toks = [t for t in (src_tok, tgt_tok) if t is not None]
    ev = _make(ctx, [tok], trig.cameo, trig.event_type, trig.mode, source, target, toks, reading,
               _confidence("VERB", source, target) - 0.1, f"statement:{trig.phrase}/{how}")
    return [ev] if ev else []


def _governs_coded_action(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    if not any(lex.cue(lemma, k) for k in ("refusal", "intent", "threat")):
        return False
    return any(
        c.dep_ == "xcomp" and lex.match("VERB", c.lemma_.lower(), _child_lemmas(c)) is not None for c in tok.children
    )


def _nominal_gerund(tok: Token) -> bool:
    """"police firing" tagged as a verb: an -ing form in a noun's place, without a subject."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "compound", "conj")
        and not any(c.dep_ in ("nsubj", "dobj", "aux") for c in tok.children)
    )


def _generic_events(ctx: _Ctx, tok: Token) -> list[Event]:
    """An action the lexicon cannot code, by a known force: kept uncoded rather than lost.

    Only verbs whose subject is an actor of a security sector (police, military) qualify, and
    never verbs of being, thinking or saying. These events carry no CAMEO/PLOVER code
    (``cameo_code is None``); exporters that need a code skip them.
    """
    lex = ctx.lex
    lemma = tok.lemma_.lower()
    if lemma in lex.nonactions or tok.dep_ in ("amod", "aux", "auxpass", "compound"):
        return []
    if any(lex.cue(lemma, k) for k in ("speech", "intent", "attempt", "threat", "refusal", "failure", "demand")):
        return []  # they govern an action; they are not one
    if any(lex.cue(c.lower_, "hypothetical") for c in tok.children if c.dep_ == "aux"):
        return []
    src_tok, tgt_tok, how = args.verb_arguments(tok)
    source = resolve_actor(ctx, src_tok)
    if source is None or not lex.cue(source.role or "", "generic-sector"):
        return []
    target = resolve_actor(ctx, tgt_tok)
    reading = read(tok, lex, None)
    if reading.refused_by is not None or reading.failed is not None:
        return []  # coded as a refusal or a failure
    toks = [t for t in (src_tok, tgt_tok) if t is not None]
    sent = tok.sent
    ev = Event(
        sentence=ctx.parsed.sentence_of_token(tok.i),
        evidence=_span_of(ctx, [tok, *toks], sent.start_char, sent.end_char),
        trigger=ctx.parsed.span(tok.idx, tok.idx + len(tok)),
        event_type=None, mode=None, cameo_code=None, quad_class=None, goldstein=None,
        source=source, target=target, negated=reading.negated, modality=reading.modality,  # type: ignore[arg-type]
        confidence=0.3, rule=f"generic:{lemma}/{how}",
    )
    return [ev]


def _quote_statements(ctx: _Ctx, coded_triggers: set[int]) -> list[Event]:
    """Attributions found by the quotes stage ("according to police, ...") as statements."""
    out: list[Event] = []
    doc = ctx.parsed.doc
    for q in ctx.quotes:
        if q.source is None:
            continue
        speaker = _speaker(ctx, q)
        if speaker is None:
            continue
        anchor = q.cue or q.source
        cue = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        if cue is None or len(cue) == 0 or any(t.idx in coded_triggers for t in cue):
            continue
        trig = ctx.lex.match("VERB", cue.root.lemma_.lower(), _child_lemmas(cue.root))
        code = trig.cameo if trig is not None and trig.cameo[:2] in ("01", "11") else "010"
        src = doc.char_span(q.source.start, q.source.end, alignment_mode="expand")
        sent = cue.root.sent
        ev = _make(ctx, list(cue), code, None, None, speaker, None, list(src or []) + list(cue), Reading(),
                   0.6 * q.confidence if q.confidence else 0.5, f"quote:{q.rule or q.kind}")
        if ev is not None and sent.start_char <= ev.trigger.start < sent.end_char:
            out.append(ev)
    return out


def _discarded(sent, lex: Lexicon) -> bool:
    """Sports and entertainment sentences: their "attacks" and "beats" are metaphors."""
    hits = {t.lemma_.lower() for t in sent if t.lemma_.lower() in lex.discard}
    return len(hits) >= 2


def code_events(parsed: Parsed, actors: list[Actor], quotes: list[Quote]) -> list[Event]:
    """Code every event of an article, in text order."""
    lex = lexicon()
    ordered = sorted(actors, key=lambda a: a.span.start)
    ctx = _Ctx(parsed, lex, [a.span.start for a in ordered], ordered, list(quotes))
    events: list[Event] = []
    seen: set[tuple] = set()
    for sent in parsed.doc.sents:
        if _discarded(sent, lex):
            continue
        for tok in sent:
            lemma = tok.lemma_.lower()
            found: list[Event] = []
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else ""
            inaction = lex.match(pos, lemma, _child_lemmas(tok), "inaction") if pos else None
            if inaction is not None:
                found = _inaction_events(ctx, tok, inaction)
            elif lex.cue(lemma, "failure") and pos == "VERB":
                found = _failure_events(ctx, tok)
            elif lex.cue(lemma, "die") and pos == "VERB":
                found = _death_events(ctx, tok)
            elif _nominal_gerund(tok) and (ntrig := lex.match("NOUN", tok.lower_, _child_lemmas(tok))):
                found = _noun_events(ctx, tok, ntrig)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                if lemma in ("be", "have"):
                    continue
                trig = lex.match("VERB", lemma, _child_lemmas(tok))
                if trig is None:
                    found = _generic_events(ctx, tok)
                elif lex.cue(lemma, "refusal") and any(c.dep_ == "xcomp" for c in tok.children):
                    found = _uncoded_refusal(ctx, tok)  # a coded complement is coded (as REJECT) on its own
                elif _governs_coded_action(tok, lex):
                    continue  # "promised/threatened to X": coded through X
                elif cameo(trig.cameo) is not None and cameo(trig.cameo).root == "01":
                    found = _statement_events(ctx, tok, trig, events)
                else:
                    found = _verb_events(ctx, tok, trig)
            elif tok.pos_ in ("NOUN", "PROPN"):
                trig = lex.match("NOUN", lemma, _child_lemmas(tok))
                if trig is None:
                    continue
                found = _noun_events(ctx, tok, trig)
            for ev in found:
                key = (ev.trigger.start, ev.cameo_code, ev.source.span.start if ev.source else None,
                       ev.target.span.start if ev.target else None)
                if key in seen:
                    continue
                seen.add(key)
                events.append(ev)
                if ev.source is not None and not ev.source.rule.startswith("events:pronoun"):
                    ctx.recent.append(ev.source)
    coded = {e.trigger.start for e in events}
    events.extend(_quote_statements(ctx, coded))
    events.sort(key=lambda e: (e.trigger.start, e.cameo_code or ""))
    return events
