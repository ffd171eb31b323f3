"""The default engine: this process, or a pool of local worker processes.

Each worker loads spaCy and the dictionaries once (pool initializer) and processes whole
batches, so inter-process traffic is one pickle per batch. Results come back in input
order with a bounded number of batches in flight, so memory stays flat on huge inputs
(``multiprocessing.Pool.imap`` would read the whole input ahead).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from eventwire.ingest.base import RawDoc
from eventwire.model import Document, Failure
from eventwire.pipeline import Pipeline

BatchResult = list[Document | Failure]

_worker_pipeline: Pipeline | None = None


def _init_worker(options: dict[str, Any]) -> None:
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts us down
    _worker_pipeline = Pipeline(**options)
    from eventwire.nlp import load_nlp

    load_nlp(_worker_pipeline.model)


def _run_in_worker(batch: Sequence[RawDoc]) -> BatchResult:
    assert _worker_pipeline is not None
    return _worker_pipeline.run_batch(batch)


def run_batches(
    batches: Iterable[Sequence[RawDoc]],
    workers: int = 1,
    options: dict[str, Any] | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[BatchResult]:
    """Process batches, yielding each batch's results in input order."""
    options = options or {}
    if workers <= 1:
        pipe = pipeline or Pipeline(**options)
        for batch in batches:
            yield pipe.run_batch(batch)
        return
    ctx = multiprocessing.get_context("spawn")  # fork after DuckDB/threads is unsafe
    pending: deque[Future[BatchResult]] = deque()
    executor = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(options,))
    try:
        for batch in batches:
            pending.append(executor.submit(_run_in_worker, list(batch)))
            if len(pending) >= workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
