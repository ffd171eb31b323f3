"""The pipeline: ingest → clean → nlp → mentions → events, one article batch at a time.

Each stage is a plain function in its own module (see DEVELOPERS.md, "Stage contract").
A stage whose module does not provide its function yet is skipped, so the pipeline runs
at every step of the project's growth. Errors are contained per article: one article that
breaks a stage becomes a :class:`Failure` with the stage named, never a crashed run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.places import persons_placed
from eventwire.clean import clean
from eventwire.dates import article_date, parse_date
from eventwire.ingest.base import IngestError, RawDoc
from eventwire.model import Article, Document, Failure
from eventwire.nlp import Parsed, load_nlp, parse
from eventwire.store import traceback_digest

DEFAULT_MAX_CHARS = 300_000  # ~50k words: far beyond any news article, well within spaCy's limits

# (stage name, module, function). Order matters: each stage may read the ones before it.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("actors", "eventwire.actors", "find_actors"),
    ("places", "eventwire.geo", "find_places"),
    ("timexes", "eventwire.timex", "find_timexes"),
    ("quotes", "eventwire.quotes", "find_quotes"),
    ("events", "eventwire.events", "code_events"),
    ("locate", "eventwire.geo", "locate_events"),
    ("date", "eventwire.timex", "date_events"),
)
ALL_STAGES = tuple(name for name, _, _ in STAGES)


def article_id(text: str) -> str:
    """Content hash of the extracted text, insensitive to whitespace differences."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:24]


def _load_stage(module: str, func: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), func, None)
    except ImportError:
        return None


@dataclass
class Pipeline:
    """A configured pipeline; build one per process and reuse it."""

    stages: Sequence[str] = ALL_STAGES
    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 32
    # Extra actor dictionaries: TSV/JSON of eventwire's format, or PETRARCH/TABARI .actors/.agents files.
    actor_dictionaries: Sequence[str] = ()
    timings: dict[str, float] = field(default_factory=dict)  # seconds spent per stage, cumulative

    def __post_init__(self) -> None:
        unknown = set(self.stages) - set(ALL_STAGES)
        if unknown:
            raise ValueError(f"unknown stages: {', '.join(sorted(unknown))}; known: {', '.join(ALL_STAGES)}")
        self._funcs = {
            name: fn
            for name, module, func in STAGES
            if name in self.stages and (fn := _load_stage(module, func)) is not None
        }
        if self.actor_dictionaries and "actors" in self._funcs:
            from eventwire.actors import ActorResolver

            self._funcs["actors"] = ActorResolver(extra_dictionaries=tuple(self.actor_dictionaries)).find_actors

    @property
    def active_stages(self) -> list[str]:
        return list(self._funcs)

    # -- per article ------------------------------------------------------------
    def prepare(self, raw: RawDoc) -> Article:
        """Clean a raw document and date it; raises IngestError if nothing is left."""
        text = raw.text
        if not text.strip():
            raise IngestError("empty document")
        notes: list[str] = []
        status = "processed"
        if len(text) > self.max_chars:
            cut = text.rfind("\n", 0, self.max_chars)
            cut = cut if cut > self.max_chars // 2 else self.max_chars
            notes.append(f"truncated from {len(text):,} to {cut:,} characters (cap {self.max_chars:,})")
            text, status = text[:cut], "truncated"
        cleaned = clean(text, raw.title)
        if not cleaned.text.strip():
            raise IngestError("no article text left after removing boilerplate")
        date, date_source = article_date(
            raw.date, cleaned.dateline, cleaned.caption_texts, cleaned.publication_date_text, raw.url
        )
        if raw.date and date_source != "metadata":
            notes.append(f"metadata date {raw.date!r} not understood")
        article = Article(
            id=article_id(raw.text),
            text=cleaned.text,
            raw_text=text,
            offsets=cleaned.offsets,
            source=raw.source,
            url=raw.url,
            title=raw.title or cleaned.headline,
            date=date,
            date_source=date_source,
            language=raw.language,
            dateline=cleaned.dateline,
            input_ref=raw.input_ref,
            status=status,  # type: ignore[arg-type]
            notes=tuple(notes),
            doc_id=raw.doc_id,
        )
        return dataclasses.replace(article, captions=tuple(article.span(s, e) for s, e in cleaned.captions))

    def analyse(self, parsed: Parsed) -> Document:
        """Run every active stage on one parsed article."""
        f = self._funcs
        out: dict[str, Any] = {"actors": [], "places": [], "timexes": [], "quotes": [], "events": []}
        calls: list[tuple[str, Callable[[], Any]]] = [
            ("actors", lambda: f["actors"](parsed)),
            ("places", lambda: f["places"](parsed)),
            ("placed", lambda: persons_placed(out["actors"], out["places"])),  # "Palmyra" as PERSON is a place
            ("timexes", lambda: f["timexes"](parsed)),
            ("quotes", lambda: f["quotes"](parsed, out["actors"])),
            ("events", lambda: f["events"](parsed, out["actors"], out["quotes"])),
            ("locate", lambda: f["locate"](parsed, out["events"], out["places"])),
            ("date", lambda: f["date"](parsed, out["events"], out["timexes"])),
        ]
        for name, call in calls:
            if name not in f and name != "placed":  # "placed" only filters what the two stages found
                continue
            t0 = time.perf_counter()
            try:
                result = list(call())
            except Exception as exc:
                raise StageError(name, exc) from exc
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
            out[{"locate": "events", "date": "events", "placed": "actors"}.get(name, name)] = result
        return Document(
            article=parsed.article,
            sentences=parsed.sentences,
            mentions=parsed.mentions,
            actors=tuple(out["actors"]),
            places=tuple(out["places"]),
            timexes=tuple(out["timexes"]),
            quotes=tuple(out["quotes"]),
            events=tuple(out["events"]),
        )

    # -- per batch --------------------------------------------------------------
    def run_batch(self, raws: Sequence[RawDoc]) -> list[Document | Failure]:
        """Process a batch; the result has one Document or Failure per input, in order."""
        results: list[Document | Failure | None] = [None] * len(raws)
        articles: list[tuple[int, Article]] = []
        for i, raw in enumerate(raws):
            try:
                articles.append((i, self.prepare(raw)))
            except IngestError as exc:
                results[i] = Failure(raw.input_ref, str(exc))
            except Exception as exc:
                results[i] = Failure(raw.input_ref, f"internal error while cleaning: {exc}", traceback_digest(exc))
        nlp = load_nlp(self.model)
        t0 = time.perf_counter()
        docs = list(nlp.pipe((a.text for _, a in articles), batch_size=self.batch_size))
        self.timings["spacy"] = self.timings.get("spacy", 0.0) + time.perf_counter() - t0
        for (i, article), doc in zip(articles, docs, strict=True):
            try:
                results[i] = self.analyse(parse(article, doc))
            except StageError as exc:
                results[i] = Failure(
                    article.input_ref, f"internal error in stage {exc.stage}: {exc.cause}", traceback_digest(exc.cause)
                )
        return [r for r in results if r is not None]

    def process_raw(self, raw: RawDoc) -> Document:
        """One article, raising on failure (the Python API's single-document path)."""
        (result,) = self.run_batch([raw])
        if isinstance(result, Failure):
            raise IngestError(result.reason)
        return result


class StageError(Exception):
    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"{stage}: {cause}")
        self.stage = stage
        self.cause = cause


def coerce_date(value: Any) -> str | None:
    """Accept date, datetime or string for the API's ``date=``; validate strings early."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if parse_date(str(value)) is None:
        raise ValueError(f"date {value!r} is not a full calendar date (try YYYY-MM-DD)")
    return str(value)
