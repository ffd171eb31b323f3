"""Assembling an Event record: codes from the ontology, spans, reported speech, confidence."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.modality import Reading
from eventwire.events.ontology import cameo
from eventwire.events.participants import Ctx, quote_holding, resolve_actor, speaker_of
from eventwire.model import Actor, Event

CONFLICT_QUADS = (3, 4)  # CAMEO's verbal and material conflict


def span_of(ctx: Ctx, tokens: list[Token], sent_start: int, sent_end: int):
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return ctx.parsed.span(max(start, sent_start), min(end, sent_end))


def make_event(
    ctx: Ctx,
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
    evidence = span_of(ctx, trigger_tokens + arg_tokens, sent.start_char, sent.end_char)
    reported_by = None
    modality = reading.modality
    quote = quote_holding(ctx, head.idx)
    if quote is not None:
        reported_by = speaker_of(ctx, quote)
        if modality == "asserted":
            modality = "reported"
    elif reading.speech is not None:
        subj = args.verb_arguments(reading.speech)[0]
        reported_by = resolve_actor(ctx, subj)
    if entry.quad_class in CONFLICT_QUADS:
        source, target = _foreign_to(target, source), _foreign_to(source, target)
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
        rule=rule + ("+denied" if reading.denied else ""),
    )


def _foreign_to(opponent: Actor | None, actor: Actor | None) -> Actor | None:
    """An actor that took the article's country loses it when fighting that country itself.

    "Militants fired rockets at Israel": the militants of an article about Israel are not
    Israel's own (ISR REB), they attack it. Their country is unknown: plain REB, as CAMEO
    codes an actor whose country the text does not give. Only the state itself counts as the
    opponent: police arresting "Indians" or raiding an Indian town stay Indian police.
    """
    if (actor is None or opponent is None or not actor.rule.endswith("+article-country")
            or opponent.kind != "country" or opponent.role is not None or opponent.country != actor.country):
        return actor
    return replace(actor, code=actor.role, country=None, rule=actor.rule.removesuffix("+article-country"))


def confidence_for(kind: str, source: Actor | None, target: Actor | None) -> float:
    base = 0.8 if kind == "VERB" else 0.65
    if source is None:
        base -= 0.25
    elif source.code is None:
        base -= 0.05
    if target is None:
        base -= 0.1
    return base
