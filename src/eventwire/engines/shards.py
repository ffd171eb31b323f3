"""Sharded runs: each shard of input files becomes Parquet files per table, plus a marker.

This is how eventwire scales past one DuckDB writer: workers (local processes or a Dask
cluster) each process a shard and write their own files, ``out/<table>/<shard>.parquet``;
a DuckDB *catalogue* of views over those files then reads as one database. A shard is done
when its marker ``out/_shards/<shard>.json`` exists; files are written under temporary
names and renamed, the marker last, so a worker killed mid-shard leaves nothing that is
read, and the re-run redoes exactly that shard: no duplicates, no losses.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventwire.engines.malloc import relax_trim_threshold
from eventwire.engines.screen import screen
from eventwire.ingest import HTML_SUFFIXES, TEXT_SUFFIXES, expand_paths, read_inputs
from eventwire.ingest.base import RawDoc
from eventwire.ingest.url import is_url
from eventwire.lang import DEFAULT_LANGUAGES
from eventwire.model import Document, Failure
from eventwire.rows import batch_rows
from eventwire.schema import TABLES, TABLES_ADDED_IN, arrow_schema

SHARD_TABLES = tuple(t for t in TABLES if t not in {x for added in TABLES_ADDED_IN.values() for x in added})
MARKERS = "_shards"
DEFAULT_FILES_PER_SHARD = 64
DEFAULT_SHARD_BYTES = 32 * 1024 * 1024  # a larger uncompressed JSONL file is split into slices


@dataclass(frozen=True, slots=True)
class Shard:
    id: str
    paths: tuple[str, ...]
    byte_range: tuple[int, int] | None = None  # a slice [start, end) of one large JSONL file
    first_line: int = 1  # the line number at byte_range[0], so refs stay path:line


@dataclass
class ShardResult:
    shard: str
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    seconds: float = 0.0
    resumed: bool = False  # already done by an earlier run
    worker_rss_mb: float = 0.0


@dataclass
class ShardRunStats:
    shards: int = 0
    resumed: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    started: float = field(default_factory=time.perf_counter)
    catalogue: str | None = None
    max_worker_rss_mb: float = 0.0

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def add(self, r: ShardResult) -> None:
        self.shards += 1
        self.resumed += r.resumed
        self.processed += r.processed
        self.failed += r.failed
        self.skipped += r.skipped
        self.events += r.events
        self.max_worker_rss_mb = max(self.max_worker_rss_mb, r.worker_rss_mb)


def _shard_id(paths: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(p if is_url(p) else os.path.abspath(p) for p in paths).encode()).hexdigest()[:16]


def _jsonl_slices(path: str, shard_bytes: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, first line) slices of about ``shard_bytes``, cut at line ends."""
    start = pos = 0
    line_no = first = 1
    with open(path, "rb") as fh:
        for line in fh:
            pos += len(line)
            line_no += 1
            if pos - start >= shard_bytes:
                yield start, pos, first
                start, first = pos, line_no
    if pos > start:
        yield start, pos, first


def plan_shards(paths: Iterable[str], files_per_shard: int = DEFAULT_FILES_PER_SHARD,
                shard_bytes: int = DEFAULT_SHARD_BYTES) -> list[Shard]:
    """Files grouped into shards: one-article files in groups, container files (JSONL, WARC)
    alone, and uncompressed JSONL files larger than ``shard_bytes`` cut into line slices (an
    archive export is often one huge file; compressed files cannot be sliced without reading).

    A shard's id is a hash of its file paths (and slice), so the same inputs give the same
    shards and a re-run finds the markers of what is done.
    """
    shards: list[Shard] = []
    small: list[str] = []

    def flush() -> None:
        if small:
            shards.append(Shard(_shard_id(small), tuple(small)))
            small.clear()

    for p in expand_paths(paths):
        if p == "-":
            raise ValueError("sharded runs read files, not stdin")
        suffix = "" if is_url(p) else Path(p).suffix.lower()  # an address is a shard of its own
        if suffix in HTML_SUFFIXES | TEXT_SUFFIXES:
            small.append(p)
            if len(small) >= files_per_shard:
                flush()
        elif suffix in (".jsonl", ".ndjson") and os.path.getsize(p) > shard_bytes:
            for start, end, first in _jsonl_slices(p, shard_bytes):
                shards.append(Shard(_shard_id([f"{p}@{start}-{end}"]), (p,), (start, end), first))
        else:
            shards.append(Shard(_shard_id([p]), (p,)))
    flush()
    return shards


def shard_size(shard: Shard) -> int:
    """Bytes of input in a shard: the estimate of its work that orders the queue."""
    if shard.byte_range is not None:
        return shard.byte_range[1] - shard.byte_range[0]
    total = 0
    for p in shard.paths:
        try:
            total += os.path.getsize(p)
        except OSError:
            pass  # a missing file is recorded as failed when the shard runs
    return total


def largest_first(shards: Iterable[Shard]) -> list[Shard]:
    """Shards in the order to start them: the biggest first, so the run does not end with one
    worker busy on a big shard while the others are idle (longest-processing-time-first)."""
    return sorted(shards, key=shard_size, reverse=True)


def marker_path(out_dir: Path, shard_id: str) -> Path:
    return out_dir / MARKERS / f"{shard_id}.json"


# -- one shard, in a worker ---------------------------------------------------------
_PIPELINES: dict[str, Any] = {}


def _pipeline(options: dict[str, Any]) -> Any:
    """One Pipeline per worker process and options: spaCy loads once, not once per shard."""
    from eventwire.pipeline import Pipeline

    key = json.dumps(options, sort_keys=True, default=str)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(**options)
    return _PIPELINES[key]


class _TableWriters:
    """A Parquet writer per table, under temporary names until ``commit``."""

    def __init__(self, out_dir: Path, shard_id: str) -> None:
        import pyarrow.parquet as pq

        self._pq = pq
        self.final = {t: out_dir / t / f"{shard_id}.parquet" for t in SHARD_TABLES}
        self.tmp = {t: p.with_name(f".tmp-{p.name}") for t, p in self.final.items()}
        self.writers: dict[str, Any] = {}
        for t, path in self.tmp.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            self.writers[t] = pq.ParquetWriter(path, arrow_schema(t), compression="zstd")

    def write(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        import pyarrow as pa

        for t, table_rows in rows.items():
            if table_rows:
                self.writers[t].write_table(pa.Table.from_pylist(table_rows, schema=arrow_schema(t)))

    def commit(self) -> None:
        for w in self.writers.values():
            w.close()
        for t, tmp in self.tmp.items():
            os.replace(tmp, self.final[t])

    def abort(self) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
        for tmp in self.tmp.values():
            tmp.unlink(missing_ok=True)


def read_shard(shard: Shard, follow_links: bool = False) -> Iterator[RawDoc | Failure]:
    """The shard's documents: whole files, or one slice of a JSONL file with its line numbers."""
    if shard.byte_range is None:
        yield from read_inputs(shard.paths, follow_links)
        return
    import itertools

    from eventwire.ingest.jsonl import read_jsonl_lines

    path = shard.paths[0]
    start, end = shard.byte_range

    def lines() -> Iterator[bytes]:
        # Blank placeholders keep the reader's line count, so refs read path:line as usual.
        yield from itertools.repeat(b"", shard.first_line - 1)
        with open(path, "rb") as fh:
            fh.seek(start)
            pos = start
            for line in fh:
                if pos >= end:
                    break
                pos += len(line)
                yield line

    yield from read_jsonl_lines(lines(), path)


def _batches(shard: Shard, batch_size: int, languages: Sequence[str] | None,
             result: ShardResult, side: dict[str, list[Any]], follow_links: bool = False) -> Iterator[list[RawDoc]]:
    """RawDoc batches of a shard; failures, skips and duplicates are collected in ``side``
    (``batch_rows`` arguments) to be written with the shard."""
    batch: list[RawDoc] = []
    for item in screen(read_shard(shard, follow_links), languages):
        if item.kind != "kept":
            key, row = item.record()
            side[key].append(row)
            result.failed += item.kind == "failed"
            result.skipped += item.kind != "failed"
            continue
        batch.append(item.raw)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_shard(shard: Shard, out_dir: str, options: dict[str, Any] | None = None,
                  languages: Sequence[str] | None = DEFAULT_LANGUAGES) -> ShardResult:
    """Process one shard into ``out_dir`` (idempotent: a finished shard is not redone)."""
    out = Path(out_dir)
    marker = marker_path(out, shard.id)
    if marker.exists():
        done = json.loads(marker.read_text())
        done.update(resumed=True)
        return ShardResult(**{k: v for k, v in done.items() if k in ShardResult.__dataclass_fields__})
    t0 = time.perf_counter()
    relax_trim_threshold()
    options = dict(options or {})
    follow_links = bool(options.pop("follow_links", False))  # how to read, not a pipeline setting
    pipe = _pipeline(options)
    result = ShardResult(shard.id)
    writers = _TableWriters(out, shard.id)
    try:
        side: dict[str, list[Any]] = {"failures": [], "duplicates": [], "skipped": []}
        for batch in _batches(shard, options.get("batch_size", 32), languages, result, side, follow_links):
            results = pipe.run_batch(batch)
            docs = [r for r in results if isinstance(r, Document)]
            failures = [r for r in results if not isinstance(r, Document)]
            writers.write(batch_rows(docs, failures, now=_now()))
            result.processed += len(docs)
            result.events += sum(len(d.events) for d in docs)
            result.failed += len(failures)
        writers.write(batch_rows(**side, now=_now()))
        writers.commit()
    except BaseException:
        writers.abort()
        raise
    result.seconds = time.perf_counter() - t0
    result.worker_rss_mb = _rss_mb()
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_name(f".tmp-{marker.name}")
    tmp.write_text(json.dumps({**asdict(result), "paths": list(shard.paths)}))
    os.replace(tmp, marker)
    return result


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# -- the catalogue ----------------------------------------------------------------------
def _glob(out: Path, table: str) -> str:
    return str((out / table).resolve() / "*.parquet").replace("'", "''")


DONE_TABLE = "_done_shards"


def catalogue_sql(out_dir: Path) -> list[str]:
    """Views that read the shards' files as one database.

    Only shards listed in ``_done_shards`` (those with a marker when the catalogue was
    built) are read, so a shard being written, or one whose worker died between renaming
    its files and writing its marker, never shows half its tables. An article found in two
    shards (the same story in two crawls) is kept once: from the shard whose name sorts
    first, with that shard's rows in every per-article table.
    """
    out = Path(out_dir)
    shard_of = r"regexp_extract(filename, '([^/]+)\.parquet$', 1)"

    def files(table: str, alias: str = "") -> str:
        col = shard_of.replace("filename", f"{alias}.filename") if alias else shard_of
        return (f"read_parquet('{_glob(out, table)}', filename=true) {alias} "
                f"WHERE {col} IN (SELECT shard FROM {DONE_TABLE})")

    owner = f"SELECT id, min({shard_of}) AS shard FROM {files('articles')} GROUP BY id"
    sql = [
        f"""CREATE OR REPLACE VIEW articles AS
            SELECT * EXCLUDE (filename) FROM {files('articles')}
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY {shard_of}) = 1""",
        f"""CREATE OR REPLACE VIEW inputs AS
            SELECT * EXCLUDE (filename) FROM {files('inputs')}
            QUALIFY row_number() OVER (PARTITION BY input_ref ORDER BY updated_at DESC, {shard_of}) = 1""",
        f"""CREATE OR REPLACE VIEW failures AS
            SELECT * EXCLUDE (filename) FROM {files('failures')}
            QUALIFY row_number() OVER (PARTITION BY input_ref ORDER BY failed_at DESC, {shard_of}) = 1""",
    ]
    for table in SHARD_TABLES:
        if table in ("articles", "inputs", "failures"):
            continue
        sql.append(
            f"""CREATE OR REPLACE VIEW {table} AS
                SELECT t.* EXCLUDE (filename) FROM {files(table, 't')}
                AND (t.article_id, {shard_of.replace('filename', 't.filename')}) IN (SELECT (id, shard) FROM ({owner}))"""
        )
    return sql


def build_catalogue(out_dir: str | Path, db_path: str | Path | None = None) -> Path:
    """Create (or refresh) the DuckDB catalogue; ``eventwire show/events/export --db`` read it."""
    import duckdb

    out = Path(out_dir)
    path = Path(db_path) if db_path else out / "catalogue.duckdb"
    con = duckdb.connect(str(path))
    try:
        done = sorted(p.stem for p in (out / MARKERS).glob("*.json")) if (out / MARKERS).is_dir() else []
        if done and any((out / "articles").glob("*.parquet")):
            con.execute(f"CREATE OR REPLACE TABLE {DONE_TABLE} (shard VARCHAR PRIMARY KEY)")
            con.executemany(f"INSERT INTO {DONE_TABLE} VALUES (?)", [[d] for d in done])
            for statement in catalogue_sql(out):
                con.execute(statement)
            # Post-pass tables (``eventwire dedup``) are real tables in the catalogue, and the
            # schema version is recorded so ``Store`` opens it without migrating over the views.
            from eventwire.schema import create_table_sql
            from eventwire.store import SCHEMA_VERSION

            for table in (t for added in TABLES_ADDED_IN.values() for t in added):
                con.execute(create_table_sql(table))
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
            for version in range(1, SCHEMA_VERSION + 1):
                con.execute("INSERT OR IGNORE INTO schema_version VALUES (?, now())", [version])
    finally:
        con.close()
    return path


# -- running all shards ------------------------------------------------------------------
Progress = Callable[[ShardRunStats], None]


def run_sharded(
    paths: Sequence[str],
    out_dir: str | Path,
    engine: str = "local",
    workers: int = 1,
    scheduler: Any = None,
    files_per_shard: int = DEFAULT_FILES_PER_SHARD,
    options: dict[str, Any] | None = None,
    languages: Sequence[str] | None = DEFAULT_LANGUAGES,
    progress: Progress | None = None,
    shard_bytes: int = DEFAULT_SHARD_BYTES,
) -> ShardRunStats:
    """Process ``paths`` shard by shard with local processes or Dask, then build the catalogue."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(paths, files_per_shard, shard_bytes)
    stats = ShardRunStats()
    todo = []
    for s in shards:
        if marker_path(out, s.id).exists():
            stats.add(process_shard(s, str(out)))  # reads the marker: counts of the earlier run
        else:
            todo.append(s)
    todo = largest_first(todo)
    if engine == "dask":
        from eventwire.engines.dask import run_shards_dask

        results = run_shards_dask(todo, str(out), options, languages, scheduler=scheduler, workers=workers)
    elif engine == "local":
        results = _run_local(todo, str(out), options, languages, workers)
    else:
        raise ValueError(f"unknown engine {engine!r}: local or dask")
    for r in results:
        stats.add(r)
        if progress:
            progress(stats)
    stats.catalogue = str(build_catalogue(out))
    return stats


def _run_local(shards: list[Shard], out: str, options: dict[str, Any] | None,
               languages: Sequence[str] | None, workers: int) -> Iterator[ShardResult]:
    if workers <= 1 or len(shards) <= 1:
        for s in shards:
            yield process_shard(s, out, options, languages)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        futures = [pool.submit(process_shard, s, out, options, languages) for s in shards]
        for f in as_completed(futures):
            yield f.result()
