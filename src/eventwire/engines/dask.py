"""The Dask engine: shards of input files as tasks on an existing cluster (or a local one).

Each task runs :func:`eventwire.engines.shards.process_shard`, which writes its own Parquet
files and marker, so nothing flows back to the client but a few counts and no single
writer limits the cluster. Workers must see the input and output folders at the same
paths (a shared file system; see docs/cluster.md for Slurm/PBS and Kubernetes). Use one
thread per worker process: spaCy pipelines are not shared between threads.

A worker that dies mid-task has its task re-run elsewhere (``retries``); its partial files
were never renamed into place, so the re-run cannot duplicate rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from eventwire.engines.shards import Shard, ShardResult, process_shard

TASK_RETRIES = 2

#: Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in every worker's environment. Setting any
#: glibc malloc threshold turns off its dynamic mmap threshold, so every array above 128 KiB
#: that spaCy allocates and frees becomes an mmap/munmap pair: five times the page faults and
#: about 10 % more CPU per article (measured: 80 articles, 9.9 s → 11.0 s). Our workers hold a
#: model and stream small batches, so they gain nothing from trimming. ``None`` unsets it.
#: Nobody watches the dashboard of a cluster eventwire starts for itself, so its workers do not
#: sample their own stacks every 10 ms for the profile view (~3 % of a worker's CPU here).
WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


def local_cluster(workers: int, **kwargs: Any) -> Any:
    """A ``distributed.LocalCluster`` of single-thread worker processes tuned for the pipeline."""
    import logging

    import dask
    from distributed import LocalCluster

    options: dict[str, Any] = {"dashboard_address": ":0", "silence_logs": logging.WARNING}
    options.update(kwargs)
    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, **options)


def connect(scheduler: Any = None, workers: int = 1) -> tuple[Any, bool]:
    """A ``distributed.Client`` for ``scheduler`` (address or Client); a local cluster if None.

    Returns (client, owned): an owned client (and its cluster) is closed by the caller.
    """
    try:
        from distributed import Client
    except ImportError as exc:  # optional dependency
        raise RuntimeError("the Dask engine needs dask[distributed]: pip install 'eventwire[scale]'") from exc
    if scheduler is None:
        return Client(local_cluster(workers)), True
    if isinstance(scheduler, Client):
        return scheduler, False
    return Client(scheduler), True


def run_shards_dask(
    shards: Sequence[Shard],
    out_dir: str,
    options: dict[str, Any] | None = None,
    languages: Sequence[str] | None = None,
    scheduler: Any = None,
    workers: int = 1,
) -> Iterator[ShardResult]:
    """Submit one task per shard; yield results as they finish."""
    if not shards:
        return
    from distributed import as_completed

    client, owned = connect(scheduler, workers)
    try:
        futures = client.map(
            process_shard,
            list(shards),
            out_dir=out_dir,
            options=options,
            languages=languages,
            key=[f"eventwire-shard-{s.id}" for s in shards],
            retries=TASK_RETRIES,
            pure=False,
        )
        for future in as_completed(futures):
            yield future.result()
    finally:
        if owned:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
