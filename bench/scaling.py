"""Scaling from 1 to 2 workers with the local and Dask engines, on the same corpus, in one run.

    .venv/bin/python bench/scaling.py [DATA_PATH] [--limit N] [--shards S] [--out results.json]

The corpus is N gold article texts (read as bench/throughput.py reads them), written to S
JSONL files so every engine reads the same inputs. Measured, end to end (reading, model
loading in the workers, every stage, writing):

- local engine (``eventwire run --workers W`` into DuckDB), W = 1 and 2;
- local sharded (``--out-dir``: processes writing Parquet shards + catalogue), W = 1 and 2;
- Dask (``--engine dask`` on a ``distributed.LocalCluster`` of W single-thread worker
  processes), W = 1 and 2. The cluster is started before the clock starts, as a user's
  cluster would already be running; the workers' model loading is inside the timing.

Metrics: ``local_speedup_2w``, ``local_sharded_speedup_2w``, ``dask_speedup_2w`` (time with
1 worker / time with 2), ``dask_overhead_share`` (Dask time / local sharded time − 1, both
with 2 workers: the same work, so the difference is Dask's), ``rss_per_worker_mb`` (the
largest peak RSS of a Dask worker process), and articles/s for each run. Run it on a quiet
machine: other load on the cores makes scaling figures meaningless.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from throughput import DEFAULT_DATA, load_corpus  # noqa: E402

from eventwire.engines.shards import run_sharded  # noqa: E402
from eventwire.runner import run as run_local  # noqa: E402


def write_corpus(docs: list, folder: Path, shards: int) -> list[str]:
    """The texts as S JSONL files, round-robin, so shards are of even size."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"part-{i:03d}.jsonl" for i in range(shards)]
    handles = [open(f, "w", encoding="utf-8") for f in files]
    try:
        for i, d in enumerate(docs):
            rec = {"id": f"doc{i}", "text": d.text, "url": d.url, "title": d.title, "date": d.date}
            handles[i % shards].write(json.dumps(rec) + "\n")
    finally:
        for h in handles:
            h.close()
    return [str(f) for f in files]


def time_local(files: list[str], workers: int, tmp: Path) -> float:
    db = tmp / f"local-{workers}.duckdb"
    t0 = time.perf_counter()
    stats = run_local(files, db=db, workers=workers, batch_size=16)
    seconds = time.perf_counter() - t0
    assert stats.processed > 0, "nothing processed"
    return seconds


def time_sharded(files: list[str], workers: int, tmp: Path) -> float:
    t0 = time.perf_counter()
    stats = run_sharded(files, tmp / f"sharded-{workers}", engine="local", workers=workers,
                        options={"batch_size": 16})
    seconds = time.perf_counter() - t0
    assert stats.processed > 0, "nothing processed"
    return seconds


def time_dask(files: list[str], workers: int, tmp: Path) -> tuple[float, float]:
    from distributed import Client

    from eventwire.engines.dask import local_cluster

    cluster = local_cluster(workers, local_directory=str(tmp / "dask-scratch"))
    client = Client(cluster)
    try:
        client.wait_for_workers(workers)
        t0 = time.perf_counter()
        stats = run_sharded(files, tmp / f"dask-{workers}", engine="dask", scheduler=client,
                            options={"batch_size": 16})
        seconds = time.perf_counter() - t0
        assert stats.processed > 0, "nothing processed"
        return seconds, stats.max_worker_rss_mb
    finally:
        client.close()
        cluster.close()


def _child(queue, fn_name: str, files: list[str], workers: int, tmp: str) -> None:  # noqa: ANN001
    queue.put(globals()[fn_name](files, workers, Path(tmp)))


def fresh(fn_name: str, files: list[str], workers: int, tmp: Path):  # noqa: ANN201
    """Run one measurement in a fresh interpreter, so 1 and 2 workers both pay model loading
    (otherwise the in-process 1-worker run would reuse a model an earlier run loaded)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue, fn_name, files, workers, str(tmp)))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=240, help="articles (default 240)")
    ap.add_argument("--shards", type=int, default=8, help="input files = shards (default 8)")
    ap.add_argument("--out", help="write results JSON here")
    args = ap.parse_args(argv)

    docs = load_corpus(Path(args.data), args.limit)
    if not docs:
        print(f"no articles found under {args.data}", file=sys.stderr)
        return 1
    n = len(docs)
    times: dict[str, float] = {}
    rss = 0.0
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        files = write_corpus(docs, tmp / "corpus", args.shards)
        for w in (1, 2):
            times[f"local_{w}w"] = fresh("time_local", files, w, tmp)
            times[f"local_sharded_{w}w"] = fresh("time_sharded", files, w, tmp)
            times[f"dask_{w}w"], worker_rss = fresh("time_dask", files, w, tmp)
            rss = max(rss, worker_rss)

    metrics: dict[str, float] = {
        "articles": n,
        "cpu_count": os.cpu_count() or 0,
        "local_speedup_2w": times["local_1w"] / times["local_2w"],
        "local_sharded_speedup_2w": times["local_sharded_1w"] / times["local_sharded_2w"],
        "dask_speedup_2w": times["dask_1w"] / times["dask_2w"],
        "dask_overhead_share": times["dask_2w"] / times["local_sharded_2w"] - 1.0,
        "rss_per_worker_mb": rss,
    }
    for key, seconds in times.items():
        metrics[f"seconds_{key}"] = seconds
        metrics[f"articles_per_s_{key}"] = n / seconds

    print(f"{'measure':<36}{'value':>12}")
    print("-" * 48)
    for key, val in metrics.items():
        print(f"{key:<36}{val:>12,.3f}" if isinstance(val, float) else f"{key:<36}{val:>12,}")
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps({"metrics": metrics, "data": args.data, "shards": args.shards}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
