"""The records eventwire produces.

Every record that points at text carries a :class:`Span`: character offsets into the
*cleaned* article text (``Article.text``) and, through the article's offset map, back
into the raw input (``Article.raw_text``). That is what lets a user check any field
against the words it came from.

Records are plain frozen dataclasses (not pydantic models) because the pipeline makes
millions of them and they must pickle cheaply between worker processes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DateSource = Literal["metadata", "dateline", "caption", "text", "url", "none"]
ArticleStatus = Literal["processed", "truncated"]
Modality = Literal["asserted", "intended", "threatened", "demanded", "reported", "hypothetical"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned text, ``text == article.text[start:end]``.

    ``raw_start``/``raw_end`` are the same stretch in ``article.raw_text`` (``None``
    only when a record was built without an article, e.g. in a unit test).
    """

    start: int
    end: int
    text: str
    raw_start: int | None = None
    raw_end: int | None = None


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps cleaned-text offsets back to raw offsets.

    The cleaner keeps whole runs of raw characters; each run is one segment
    ``(clean_start, raw_start, length)``. Characters the cleaner inserts (paragraph
    separators) belong to no segment and map to the raw offset of the next kept run.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        """Raw offset of the clean character at ``offset`` (end offsets map too)."""
        segs = self.segments
        if not segs:
            return offset
        lo, hi = 0, len(segs) - 1
        while lo < hi:  # last segment starting at or before offset
            mid = (lo + hi + 1) // 2
            if segs[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        clean_start, raw_start, length = segs[lo]
        if offset < clean_start:
            return raw_start
        if offset <= clean_start + length:
            return raw_start + (offset - clean_start)
        # In an inserted separator after this segment: map to the next run's start.
        if lo + 1 < len(segs):
            return segs[lo + 1][1]
        return raw_start + length


@dataclass(frozen=True, slots=True)
class Article:
    """One input document after ingest and cleaning."""

    id: str  # content hash of the extracted text: the same story from two paths is one article
    text: str  # cleaned text: the coordinate system of every Span
    raw_text: str  # text as extracted from the input, before cleaning
    offsets: OffsetMap = field(default_factory=OffsetMap)
    source: str | None = None  # publisher / outlet
    url: str | None = None
    title: str | None = None
    date: dt.date | None = None
    date_source: DateSource = "none"
    language: str | None = None
    dateline: str | None = None  # "GENEVA (Reuters)" moved out of the text
    captions: tuple[Span, ...] = ()  # photo captions: kept as their own paragraphs of .text, marked here
    input_ref: str = ""  # where it came from: path, path:line, "-:line"
    status: ArticleStatus = "processed"
    notes: tuple[str, ...] = ()  # e.g. "truncated from 3,000,000 to 1,000,000 characters"
    doc_id: str | None = None  # the input's own id (JSONL "id"), kept for the user's joins

    def span(self, start: int, end: int) -> Span:
        """Build a Span of the cleaned text with its raw offsets filled in."""
        return Span(
            start,
            end,
            self.text[start:end],
            self.offsets.to_raw(start),
            self.offsets.to_raw(end),
        )


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention as found by NER (after eventwire's corrections)."""

    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, DATE, ...
    span: Span
    sentence: int
    origin: str = "spacy"  # "spacy", or the rule that added/relabelled it


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved (if possible) to a CAMEO actor code."""

    span: Span
    sentence: int
    name: str  # canonical name, e.g. "Bashar al-Assad", "Islamic State"
    code: str | None  # CAMEO-style code, e.g. "SYR GOV", "IGO UNO", "IMGMUSISI"
    country: str | None = None  # ISO-3
    role: str | None = None  # GOV, MIL, REB, OPP, COP, IGO, ...
    kind: str | None = None  # person / organisation / group / country
    confidence: float = 1.0
    rule: str = ""  # how it was resolved (dictionary name, coreference, ...)


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry."""

    span: Span
    sentence: int
    name: str  # gazetteer name
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature_class: str | None = None  # GeoNames: P populated place, A admin, ...
    feature_code: str | None = None
    country: str | None = None  # ISO-2
    admin1: str | None = None
    population: int | None = None
    confidence: float = 1.0
    rule: str = ""


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression normalised TIMEX3-style against the article date."""

    span: Span
    sentence: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None  # TIMEX3 value: 2016-03-24, 2016-W11, 2016-03, P3D, PAST_REF, ...
    start: dt.date | None = None  # calendar range the value covers (DATE/TIME only)
    end: dt.date | None = None
    mod: str | None = None  # START, END, MID, APPROX, ...
    anchor: str = ""  # what it was resolved against: "article-date", "caption", ...
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (source) said (cue) what (content)."""

    content: tuple[Span, ...]  # may be discontinuous: “…”, he said, “…”
    sentence: int
    kind: Literal["direct", "indirect", "mixed"]
    source: Span | None = None
    cue: Span | None = None
    speaker: str | None = None  # resolved name
    speaker_code: str | None = None  # actor code when resolved
    anonymous: bool = False  # "the source", "a senior official"
    confidence: float = 1.0
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Source actor → action → target actor, coded in PLOVER and CAMEO."""

    sentence: int
    evidence: Span  # the stretch of text that supports the event
    trigger: Span  # the predicate word(s): "seizes", "air strikes"
    event_type: str | None  # PLOVER type: ASSAULT, COERCE, CONSULT, ...
    mode: str | None
    cameo_code: str | None  # e.g. "190", "0211"
    quad_class: int | None  # 0 neutral, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None
    source: Actor | None
    target: Actor | None
    context: tuple[str, ...] = ()
    negated: bool = False
    modality: Modality = "asserted"
    reported_by: Actor | None = None  # speaker, when the event is reported inside a quote
    confidence: float = 0.0
    rule: str = ""  # the rule or model that produced the code
    # Filled by later stages; left empty (not faked) when they cannot decide.
    location: Place | None = None
    location_rule: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None  # day, week, month, year, range
    date_source: str | None = None  # timex-attached, timex-sentence, article-date, ...


@dataclass(frozen=True, slots=True)
class Document:
    """Everything eventwire found in one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly dict (dates as ISO strings)."""
        return _jsonable(asdict(self))


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, and why."""

    input_ref: str
    reason: str
    detail: str = ""  # digest of the traceback or the offending value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
