"""A whole run: read inputs, skip what is stored, process the rest, write each batch.

This is what ``eventwire run`` does, usable from Python too. Every input ends in the
``inputs`` table as processed, truncated, duplicate or failed, so a run's accounting adds up.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.engines.local import run_batches
from eventwire.engines.screen import screen
from eventwire.ingest import read_inputs
from eventwire.ingest.base import RawDoc
from eventwire.lang import DEFAULT_LANGUAGES
from eventwire.model import Document, Failure
from eventwire.store import Store


@dataclass
class RunStats:
    processed: int = 0
    truncated: int = 0
    skipped: int = 0  # already stored, or seen earlier in this run
    failed: int = 0
    events: int = 0
    words: int = 0
    started: float = field(default_factory=time.perf_counter)
    failures: list[Failure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.processed + self.skipped + self.failed

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def articles_per_s(self) -> float:
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0


Progress = Callable[[RunStats], None]


def run(
    paths: Sequence[str],
    db: str | Path = "eventwire.duckdb",
    workers: int = 1,
    batch_size: int = 32,
    stages: Sequence[str] | None = None,
    max_chars: int | None = None,
    progress: Progress | None = None,
    languages: Sequence[str] | None = DEFAULT_LANGUAGES,
    actor_dictionaries: Sequence[str] = (),
    follow_links: bool = False,
) -> RunStats:
    """Process ``paths`` into the database at ``db``; safe to interrupt and re-run.

    Inputs in a language outside ``languages`` are skipped and recorded (None: no filter).
    ``follow_links``: each feed entry is the page it links to, fetched, rather than its summary.
    """
    options: dict = {"batch_size": batch_size}
    if stages is not None:
        options["stages"] = tuple(stages)
    if max_chars is not None:
        options["max_chars"] = max_chars
    if actor_dictionaries:
        options["actor_dictionaries"] = tuple(str(p) for p in actor_dictionaries)
    stats = RunStats()
    with Store(db) as store:
        # Outcomes met while reading, written with the next batch (keyword arguments of write_batch):
        # failures, duplicates (input_ref, article_id) and skipped (input_ref, reason: another language).
        pending: dict[str, list] = {"failures": [], "duplicates": [], "skipped": []}

        def take_pending() -> dict[str, list]:
            taken = {k: list(v) for k, v in pending.items()}
            for v in pending.values():
                v.clear()
            return taken

        def batches() -> Iterator[list[RawDoc]]:
            batch: list[tuple[str, RawDoc]] = []

            def flush() -> Iterator[list[RawDoc]]:
                known = store.known_ids(aid for aid, _ in batch)
                fresh = []
                for aid, raw in batch:
                    if aid in known:
                        stats.skipped += 1
                        if known[aid] != raw.input_ref:  # re-reading the same input keeps its outcome
                            pending["duplicates"].append((raw.input_ref, aid))
                    else:
                        fresh.append(raw)
                batch.clear()
                if fresh:
                    yield fresh
                elif any(pending.values()):
                    yield []  # an empty batch still carries its failures/duplicates to the store

            for item in screen(read_inputs(paths, follow_links), languages):
                if item.kind != "kept":
                    key, row = item.record()
                    pending[key].append(row)
                    stats.skipped += item.kind != "failed"  # failures are counted as the store writes them
                    continue
                batch.append((item.article_id, item.raw))
                if len(batch) >= batch_size:
                    yield from flush()
            if batch or any(pending.values()):
                yield from flush()

        for results in run_batches(batches(), workers=workers, options=options):
            docs = [r for r in results if isinstance(r, Document)]
            outcomes = take_pending()
            failures = [r for r in results if isinstance(r, Failure)] + outcomes.pop("failures")
            store.write_batch(docs, failures, **outcomes)
            for d in docs:
                stats.processed += 1
                stats.truncated += d.article.status == "truncated"
                stats.events += len(d.events)
                stats.words += len(d.article.text.split())
            stats.failed += len(failures)
            stats.failures.extend(failures)
            if progress:
                progress(stats)
        if any(pending.values()):
            outcomes = take_pending()
            store.write_batch((), **outcomes)
            stats.failed += len(outcomes["failures"])
            stats.failures.extend(outcomes["failures"])
    return stats


def iter_documents(items: Iterable[object]) -> Iterator[RawDoc | Failure]:
    """Turn API inputs (str, dict, RawDoc) into RawDocs; bad items become Failures."""
    from eventwire.ingest.jsonl import record_to_raw
    from eventwire.ingest.base import IngestError

    for n, item in enumerate(items):
        ref = f"item:{n}"
        if isinstance(item, RawDoc):
            yield item
        elif isinstance(item, str):
            yield RawDoc(text=item, input_ref=ref)
        elif isinstance(item, dict):
            try:
                yield record_to_raw(item, str(item.get("id") or ref))
            except IngestError as exc:
                yield Failure(ref, str(exc))
        else:
            yield Failure(ref, f"cannot process a {type(item).__name__}: give text, a dict or a RawDoc")
