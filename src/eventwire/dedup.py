"""Stories: near-duplicate articles grouped, and event mentions merged into real-world events.

Wire copy is syndicated: the same Reuters story appears on fifty sites with a new headline,
a cut paragraph and each site's boilerplate. Exact content hashes (the article id) miss
these, so articles are compared by MinHash over word shingles and candidate pairs come from
LSH (datasketch), which keeps the post-pass near-linear on millions of articles.

Events are merged the way GDELT counts them: one real-world event per (source actor code,
target actor code, CAMEO code, location) whose mentions fall within a day of the first,
with NumMentions / NumSources / NumArticles counted over every mention, and every mention
kept (the ``event_groups`` table maps each stored event row to its merged event).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_WORD = re.compile(r"\w+", re.UNICODE)

DEFAULT_THRESHOLD = 0.8  # similarity above which two articles are one story
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE = 3  # words per shingle: short enough that a reworded word breaks few shingles
MERGE_WINDOW_DAYS = 1


# -- articles -----------------------------------------------------------------------
def shingles(text: str, size: int = DEFAULT_SHINGLE) -> set[bytes]:
    """Word n-grams of the lower-cased text; punctuation and spacing do not matter."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _datasketch() -> Any:
    try:
        import datasketch
    except ImportError as exc:  # optional dependency
        raise RuntimeError("near-duplicate detection needs datasketch: pip install 'eventwire[scale]'") from exc
    return datasketch


def minhash(text: str, num_perm: int = DEFAULT_NUM_PERM, size: int = DEFAULT_SHINGLE) -> Any:
    m = _datasketch().MinHash(num_perm=num_perm)
    grams = shingles(text, size)
    if grams:
        m.update_batch(list(grams))
    return m


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    """One story: its articles, the first of which names the group."""

    group_id: str
    members: tuple[str, ...]
    similarity: dict[str, float]  # estimated Jaccard similarity of each member to the first


def similarity(a: Any, b: Any, size_a: int, size_b: int) -> float:
    """The larger of Jaccard and containment, both estimated from the MinHashes.

    Containment (|A∩B| / min(|A|,|B|)) keeps a copy with a paragraph cut in the group:
    its Jaccard to the full story drops with every cut, its containment does not.
    """
    j = a.jaccard(b)
    if size_a == 0 or size_b == 0:
        return j
    inter = j * (size_a + size_b) / (1.0 + j)
    return max(j, min(1.0, inter / min(size_a, size_b)))


def find_article_groups(
    articles: Iterable[tuple[str, str]],
    threshold: float = DEFAULT_THRESHOLD,
    num_perm: int = DEFAULT_NUM_PERM,
    shingle: int = DEFAULT_SHINGLE,
) -> list[ArticleGroup]:
    """Group (article_id, text) pairs into stories; every article ends in exactly one group.

    Order matters only for naming: a group is named after its first article in input order
    (pass articles sorted by date to name stories after their earliest copy).
    """
    MinHashLSH = _datasketch().MinHashLSH  # noqa: N806

    # LSH finds candidates at a lower Jaccard than the threshold, so cut-down copies
    # (high containment, lower Jaccard) are still compared; each pair is then verified.
    lsh = MinHashLSH(threshold=max(0.2, threshold * 0.6), num_perm=num_perm)
    order: list[str] = []
    hashes: dict[str, Any] = {}
    sizes: dict[str, int] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid, text in articles:
        if aid in parent:
            continue
        grams = shingles(text, shingle)
        m = minhash(text, num_perm, shingle)
        parent[aid] = aid
        for other in lsh.query(m):
            if similarity(m, hashes[other], len(grams), sizes[other]) >= threshold:
                ra, rb = find(aid), find(other)
                if ra != rb:  # the earlier article stays the root, so names are stable
                    first, second = sorted((ra, rb), key=_position(order))
                    parent[second] = first
        lsh.insert(aid, m)
        hashes[aid], sizes[aid] = m, len(grams)
        order.append(aid)

    members: dict[str, list[str]] = defaultdict(list)
    for aid in order:
        members[find(aid)].append(aid)
    groups = []
    for root in sorted(members, key=_position(order)):
        ids = members[root]
        sim = {aid: (1.0 if aid == root else float(hashes[root].jaccard(hashes[aid]))) for aid in ids}
        groups.append(ArticleGroup(ids[0], tuple(ids), sim))
    return groups


def _position(order: list[str]):  # noqa: ANN202
    index = {aid: i for i, aid in enumerate(order)}
    return lambda aid: index.get(aid, len(index))


# -- events -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventMention:
    """What merging needs to know about one stored event row."""

    article_id: str
    idx: int
    date: dt.date | None
    source_code: str | None
    target_code: str | None
    cameo_code: str | None
    location: int | str | None  # geonameid, or a name when not resolved
    outlet: str | None  # publisher, or the URL's host
    negated: bool = False  # "did not attack" is never the same event as "attacked"


@dataclass(frozen=True, slots=True)
class MergedEvent:
    group_id: int
    members: tuple[tuple[str, int], ...]  # (article_id, idx), first mention first
    num_mentions: int
    num_sources: int
    num_articles: int


def event_id(article_id: str, idx: int) -> int:
    """A stable 63-bit id for an event named by its first mention (GDELT's GLOBALEVENTID)."""
    digest = hashlib.blake2b(f"{article_id}:{idx}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def outlet(source: str | None, url: str | None) -> str | None:
    """The outlet as GDELT names sources: the web domain, else the publisher's name."""
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return source.strip().lower() if source and source.strip() else None


def merge_events(mentions: Sequence[EventMention], window_days: int = MERGE_WINDOW_DAYS) -> list[MergedEvent]:
    """Merge mentions of the same event; a mention that cannot be keyed stays on its own.

    A key needs a CAMEO code, a date, and either a location or both actor codes: an
    unknown field is not a value two mentions can share, and "the government said" with
    neither a place nor a target would swallow every statement of the day. Within a key, mentions are taken
    in date order and join the current event while within ``window_days`` of its first
    mention, so a long-running series is not chained into one event.
    """
    keyed: dict[tuple, list[EventMention]] = defaultdict(list)
    alone: list[EventMention] = []
    for m in mentions:
        specific = m.location is not None and (m.source_code or m.target_code)
        if m.cameo_code and m.date is not None and (specific or (m.source_code and m.target_code)):
            keyed[(m.source_code, m.target_code, m.cameo_code, m.location, m.negated)].append(m)
        else:
            alone.append(m)
    clusters: list[list[EventMention]] = [[m] for m in alone]
    window = dt.timedelta(days=window_days)
    for group in keyed.values():
        group.sort(key=lambda m: (m.date, m.article_id, m.idx))
        current: list[EventMention] = []
        for m in group:
            if current and m.date - current[0].date > window:  # type: ignore[operator]
                clusters.append(current)
                current = []
            current.append(m)
        clusters.append(current)
    merged = []
    for c in clusters:
        first = c[0]
        articles = {m.article_id for m in c}
        # An article whose outlet is unknown counts as its own source: we cannot tell otherwise.
        sources = {m.outlet or f"article:{m.article_id}" for m in c}
        merged.append(
            MergedEvent(event_id(first.article_id, first.idx), tuple((m.article_id, m.idx) for m in c),
                        len(c), len(sources), len(articles))
        )
    return merged


# -- the post-pass over a database ----------------------------------------------------
@dataclass
class DedupStats:
    articles: int = 0
    article_groups: int = 0  # stories with more than one article
    duplicate_articles: int = 0  # articles that are a copy of an earlier one
    event_mentions: int = 0
    events: int = 0  # merged events


def dedup_store(store: Any, threshold: float = DEFAULT_THRESHOLD, num_perm: int = DEFAULT_NUM_PERM) -> DedupStats:
    """Recompute ``article_groups`` and ``event_groups`` for the whole database.

    Recomputed from scratch each time (one transaction), so it is idempotent and stays
    right after more articles are added.
    """
    import pyarrow as pa

    from eventwire.schema import arrow_schema

    con = store.con
    stats = DedupStats()
    cursor = con.execute("SELECT id, text FROM articles ORDER BY date NULLS LAST, id")

    def texts() -> Iterable[tuple[str, str]]:  # streamed: only the MinHashes stay in memory
        while chunk := cursor.fetchmany(2_000):
            yield from chunk

    groups = find_article_groups(texts(), threshold=threshold, num_perm=num_perm)
    stats.articles = sum(len(g.members) for g in groups)
    group_rows = []
    for g in groups:
        if len(g.members) > 1:
            stats.article_groups += 1
            stats.duplicate_articles += len(g.members) - 1
        for aid in g.members:
            group_rows.append({"article_id": aid, "group_id": g.group_id, "group_size": len(g.members),
                               "similarity": g.similarity[aid]})

    event_rows = con.execute(
        """SELECT e.article_id, e.idx, coalesce(e.date_start, a.date), e.source_code, e.target_code,
                  e.cameo_code, coalesce(CAST(e.location_geonameid AS VARCHAR), e.location_name),
                  a.source, a.url, coalesce(e.negated, false)
           FROM events e JOIN articles a ON a.id = e.article_id"""
    ).fetchall()
    mentions = [EventMention(r[0], r[1], r[2], r[3], r[4], r[5], r[6], outlet(r[7], r[8]), r[9]) for r in event_rows]
    stats.event_mentions = len(mentions)
    merged = merge_events(mentions)
    stats.events = len(merged)
    ev_rows = [
        {"article_id": aid, "idx": idx, "group_id": m.group_id, "num_mentions": m.num_mentions,
         "num_sources": m.num_sources, "num_articles": m.num_articles}
        for m in merged
        for aid, idx in m.members
    ]

    article_table = pa.Table.from_pylist(group_rows, schema=arrow_schema("article_groups"))  # noqa: F841
    event_table = pa.Table.from_pylist(ev_rows, schema=arrow_schema("event_groups"))  # noqa: F841
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM article_groups")
        con.execute("DELETE FROM event_groups")
        con.execute("INSERT INTO article_groups SELECT * FROM article_table")
        con.execute("INSERT INTO event_groups SELECT * FROM event_table")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return stats
