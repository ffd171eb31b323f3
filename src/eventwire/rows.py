"""Flatten records into table rows (one dict per row, keys as in :mod:`eventwire.schema`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from eventwire.model import Actor, Document, Failure, Span
from eventwire.schema import TABLES

Row = dict[str, Any]


def span_fields(span: Span | None, prefix: str = "") -> Row:
    if span is None:
        return {f"{prefix}{k}": None for k in ("start_char", "end_char", "raw_start", "raw_end", "text")}
    return {
        f"{prefix}start_char": span.start,
        f"{prefix}end_char": span.end,
        f"{prefix}raw_start": span.raw_start,
        f"{prefix}raw_end": span.raw_end,
        f"{prefix}text": span.text,
    }


def actor_fields(actor: Actor | None, prefix: str) -> Row:
    row = span_fields(actor.span if actor else None, prefix)
    row[f"{prefix}name"] = actor.name if actor else None
    row[f"{prefix}code"] = actor.code if actor else None
    row[f"{prefix}country"] = actor.country if actor else None
    row[f"{prefix}role"] = actor.role if actor else None
    return row


def article_row(doc: Document, processed_at: Any) -> Row:
    a = doc.article
    return {
        "id": a.id,
        "input_ref": a.input_ref,
        "doc_id": a.doc_id,
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "date": a.date,
        "date_source": a.date_source,
        "language": a.language,
        "dateline": a.dateline,
        "status": a.status,
        "notes": list(a.notes),
        "text": a.text,
        "raw_text": a.raw_text,
        "offsets": json.dumps(a.offsets.segments),
        "captions": json.dumps([[c.start, c.end] for c in a.captions]),
        "n_sentences": len(doc.sentences),
        "n_events": len(doc.events),
        "processed_at": processed_at,
    }


def document_rows(doc: Document) -> dict[str, list[Row]]:
    """Rows of every per-article table for one document."""
    aid = doc.article.id
    out: dict[str, list[Row]] = {
        "sentences": [{"article_id": aid, "idx": s.index, **span_fields(s.span)} for s in doc.sentences],
        "mentions": [
            {"article_id": aid, "idx": i, "sentence": m.sentence, "label": m.label, "origin": m.origin,
             **span_fields(m.span)}
            for i, m in enumerate(doc.mentions)
        ],
        "actors": [
            {"article_id": aid, "idx": i, "sentence": a.sentence, **span_fields(a.span), "name": a.name,
             "code": a.code, "country": a.country, "role": a.role, "kind": a.kind,
             "confidence": a.confidence, "rule": a.rule}
            for i, a in enumerate(doc.actors)
        ],
        "places": [
            {"article_id": aid, "idx": i, "sentence": p.sentence, **span_fields(p.span), "name": p.name,
             "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "feature_class": p.feature_class,
             "feature_code": p.feature_code, "country": p.country, "admin1": p.admin1,
             "population": p.population, "confidence": p.confidence, "rule": p.rule}
            for i, p in enumerate(doc.places)
        ],
        "timexes": [
            {"article_id": aid, "idx": i, "sentence": t.sentence, **span_fields(t.span), "type": t.type,
             "value": t.value, "start_date": t.start, "end_date": t.end, "mod": t.mod, "anchor": t.anchor,
             "rule": t.rule}
            for i, t in enumerate(doc.timexes)
        ],
        "quotes": [],
        "events": [],
    }
    for i, q in enumerate(doc.quotes):
        whole = None
        if q.content:
            first, last = q.content[0], q.content[-1]
            whole = doc.article.span(first.start, last.end)
        out["quotes"].append(
            {"article_id": aid, "idx": i, "sentence": q.sentence, "kind": q.kind,
             **span_fields(whole, "content_"),
             "content_parts": json.dumps([[c.start, c.end] for c in q.content]),
             **span_fields(q.source, "source_"), **span_fields(q.cue, "cue_"),
             "speaker": q.speaker, "speaker_code": q.speaker_code, "anonymous": q.anonymous,
             "confidence": q.confidence, "rule": q.rule}
        )
    for i, e in enumerate(doc.events):
        loc = e.location
        out["events"].append(
            {"article_id": aid, "idx": i, "sentence": e.sentence,
             **span_fields(e.evidence, "evidence_"), **span_fields(e.trigger, "trigger_"),
             "event_type": e.event_type, "mode": e.mode, "context": list(e.context),
             "cameo_code": e.cameo_code, "quad_class": e.quad_class, "goldstein": e.goldstein,
             **actor_fields(e.source, "source_"), **actor_fields(e.target, "target_"),
             "negated": e.negated, "modality": e.modality,
             "reported_by_name": e.reported_by.name if e.reported_by else None,
             "reported_by_code": e.reported_by.code if e.reported_by else None,
             "confidence": e.confidence, "rule": e.rule,
             "location_name": loc.name if loc else None,
             "location_lat": loc.lat if loc else None,
             "location_lon": loc.lon if loc else None,
             "location_geonameid": loc.geonameid if loc else None,
             "location_country": loc.country if loc else None,
             "location_admin1": loc.admin1 if loc else None,
             "location_feature_class": loc.feature_class if loc else None,
             "location_start_char": loc.span.start if loc else None,
             "location_end_char": loc.span.end if loc else None,
             "location_rule": e.location_rule,
             "date_start": e.date_start, "date_end": e.date_end,
             "date_precision": e.date_precision, "date_source": e.date_source}
        )
    return out


def batch_rows(
    documents: Sequence[Document] = (),
    failures: Sequence[Failure] = (),
    duplicates: Sequence[tuple[str, str]] = (),
    skipped: Sequence[tuple[str, str]] = (),
    now: Any = None,
) -> dict[str, list[Row]]:
    """Rows of every table for one batch: the documents' records and each input's outcome.

    ``duplicates`` are (input_ref, article_id) pairs, ``skipped`` (input_ref, reason) pairs.
    Both writers, the DuckDB store and the Parquet shards, build their rows here, so an
    input's outcome reads the same whichever engine recorded it.
    """
    tables: dict[str, list[Row]] = {t: [] for t in TABLES}
    inputs = tables["inputs"]
    for doc in documents:
        tables["articles"].append(article_row(doc, now))
        for name, rows in document_rows(doc).items():
            tables[name].extend(rows)
        inputs.append(_input_row(doc.article.input_ref, doc.article.id, doc.article.status,
                                 "; ".join(doc.article.notes) or None, now))
    for f in failures:
        tables["failures"].append({"input_ref": f.input_ref, "reason": f.reason, "detail": f.detail, "failed_at": now})
        inputs.append(_input_row(f.input_ref, None, "failed", f.reason, now))
    for ref, article_id in duplicates:
        inputs.append(_input_row(ref, article_id, "duplicate", None, now))
    for ref, reason in skipped:
        inputs.append(_input_row(ref, None, "skipped", reason, now))
    return tables


def _input_row(ref: str, article_id: str | None, status: str, reason: str | None, now: Any) -> Row:
    return {"input_ref": ref, "article_id": article_id, "status": status, "reason": reason, "updated_at": now}
