"""Sharded runs on Dask (a LocalCluster in this process) and locally: Parquet per shard, markers,
resume without duplicates or losses, and the DuckDB catalogue over the files."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.engines.shards import MARKERS, build_catalogue, plan_shards, run_sharded

distributed = pytest.importorskip("distributed")

STORIES = [
    "Police arrested 12 protesters in Lagos on Monday after clashes near the state assembly, officials said.",
    "Egypt and Ethiopia agreed to resume talks on the Nile dam, the foreign ministry said on Tuesday.",
    "Syrian troops seized hills overlooking Palmyra, state media reported on Wednesday.",
    "Thousands of people protested in Baghdad against corruption and unemployment on Friday.",
    "The United Nations called for a ceasefire in Yemen to let aid convoys reach the port of Hodeidah.",
]


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(STORIES):
        (folder / f"s{i}.txt").write_text(text)
    (folder / "z_copy.txt").write_text(STORIES[0])  # the same story again, in another shard
    return folder


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def _counts(catalogue):
    con = duckdb.connect(str(catalogue), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "sentences", "inputs", "events")}
    finally:
        con.close()


def test_plan_is_stable_and_groups_small_files(corpus):
    a = plan_shards([str(corpus)], files_per_shard=2)
    assert [len(s.paths) for s in a] == [2, 2, 2]
    assert [s.id for s in a] == [s.id for s in plan_shards([str(corpus)], files_per_shard=2)]


def test_dask_run_resume_and_catalogue(corpus, tmp_path, client):
    out = tmp_path / "out"
    opts = {"stages": ()}
    stats = run_sharded([str(corpus)], out, engine="dask", scheduler=client, files_per_shard=2, options=opts)
    assert (stats.shards, stats.resumed, stats.processed) == (3, 0, 6)  # the copy is in its own shard
    assert len(list((out / MARKERS).glob("*.json"))) == 3
    assert len(list((out / "events").glob("*.parquet"))) == 3
    counts = _counts(stats.catalogue)
    assert counts["articles"] == 5 and counts["inputs"] == 6  # the cross-shard copy is read once
    before = counts

    again = run_sharded([str(corpus)], out, engine="dask", scheduler=client, files_per_shard=2, options=opts)
    assert (again.shards, again.resumed, again.processed) == (3, 3, 6)  # counts from the markers
    assert _counts(again.catalogue) == before

    # A worker killed mid-shard: its marker never written, a temporary file left behind.
    victim = sorted((out / MARKERS).glob("*.json"))[0]
    victim.unlink()
    (out / "articles" / f".tmp-{victim.stem}.parquet").write_bytes(b"partial")
    third = run_sharded([str(corpus)], out, engine="dask", scheduler=client, files_per_shard=2, options=opts)
    assert third.resumed == 2 and victim.exists()
    assert _counts(third.catalogue) == before

    # Files renamed into place but the marker not yet written: the catalogue does not read them.
    victim.unlink()
    partial = _counts(build_catalogue(out))
    assert partial["inputs"] < before["inputs"] and partial["articles"] < before["articles"]


def test_local_engine_writes_the_same_layout(corpus, tmp_path):
    out = tmp_path / "local"
    stats = run_sharded([str(corpus)], out, engine="local", workers=1, files_per_shard=4, options={"stages": ()})
    assert stats.processed == 6 and stats.shards == 2
    assert _counts(stats.catalogue)["articles"] == 5


def test_catalogue_of_empty_folder_has_no_views(tmp_path):
    path = build_catalogue(tmp_path)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0] == 0


def test_catalogue_is_a_database_for_dedup_and_exports(corpus, tmp_path, client):
    from eventwire.dedup import dedup_store
    from eventwire.export.formats import export_format
    from eventwire.store import Store

    stats = run_sharded([str(corpus)], tmp_path / "o", engine="dask", scheduler=client, files_per_shard=2,
                        options={"stages": ()})
    with Store(stats.catalogue) as store:
        assert dedup_store(store).articles == 5
        assert store.count("article_groups") == 5
        [(path, n)] = export_format(store.con, tmp_path / "gkg", "gkg")
    assert n == 5 and len(path.read_text().splitlines()) == 5


def test_cli_dask_engine_needs_out_dir_and_runs(corpus, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    runner = CliRunner()
    r = runner.invoke(app, ["run", str(corpus), "--engine", "dask"])
    assert r.exit_code == 2 and "--out-dir" in r.output
    r = runner.invoke(app, ["run", str(corpus), "--out-dir", str(tmp_path / "o"), "-q"])  # local, sharded
    assert r.exit_code == 0, r.output
    assert "catalogue" in r.output and (tmp_path / "o" / "catalogue.duckdb").exists()


def _worker_env(name):
    import os

    return os.environ.get(name)


def _worker_config(key):
    import dask

    return dask.config.get(key)


def test_dask_worker_processes(corpus, tmp_path, monkeypatch):
    """Tasks and results cross process boundaries (pickled), as on a real cluster; our local
    cluster's workers run without Dask's malloc trim threshold (10 % slower spaCy)."""
    from eventwire.engines.dask import local_cluster

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    cluster = local_cluster(1)
    try:
        with distributed.Client(cluster) as c:
            assert list(c.run(_worker_env, "MALLOC_TRIM_THRESHOLD_").values()) == [None]
            assert list(c.run(_worker_env, "OMP_NUM_THREADS").values()) == ["1"]  # Dask's other settings stay
            assert list(c.run(_worker_config, "distributed.worker.profile.enabled").values()) == [False]
            stats = run_sharded([str(corpus)], tmp_path / "p", engine="dask", scheduler=c, files_per_shard=3,
                                options={"stages": ()})
    finally:
        cluster.close()
    assert (stats.shards, stats.processed) == (2, 6) and stats.max_worker_rss_mb > 0
    assert _counts(stats.catalogue)["articles"] == 5


def test_large_jsonl_is_sliced_and_keeps_line_refs(tmp_path):
    import json

    from eventwire.engines.shards import read_shard

    path = tmp_path / "export.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": f"Story number {i}: " + STORIES[i % 5]}) for i in range(9)]
    lines.insert(4, "")  # a blank line still counts
    path.write_text("\n".join(lines) + "\n")
    shards = plan_shards([str(path)], shard_bytes=300)
    assert len(shards) > 2 and len({s.id for s in shards}) == len(shards)
    refs = [d.input_ref for s in shards for d in read_shard(s)]
    assert refs == [f"{path}:{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10)]  # each line once, numbered as a whole
    stats = run_sharded([str(path)], tmp_path / "o", files_per_shard=2, shard_bytes=300, options={"stages": ()})
    assert stats.processed == 9 and stats.shards == len(shards)


def test_biggest_shards_start_first(tmp_path, client):
    """Longest-processing-time-first: a run does not end with one worker alone on a big shard."""
    import json

    from eventwire.engines.shards import largest_first, shard_size

    folder = tmp_path / "in"
    folder.mkdir()
    for name, n in (("a", 2), ("b", 9), ("c", 1), ("d", 5), ("e", 7)):
        with open(folder / f"{name}.jsonl", "w") as fh:
            for i in range(n):
                text = f"{STORIES[i % len(STORIES)]} (Report {name}{i}.)"
                fh.write(json.dumps({"id": f"{name}{i}", "text": text}) + "\n")
    shards = largest_first(plan_shards([str(folder)]))
    assert [shard_size(s) for s in shards] == sorted((shard_size(s) for s in shards), reverse=True)
    seen: list[int] = []
    run_sharded([str(folder)], tmp_path / "o", engine="dask", scheduler=client, options={"stages": ()},
                progress=lambda st: seen.append(st.processed))
    done = [b - a for a, b in zip([0, *seen], seen)]
    assert done == [9, 7, 5, 2, 1]  # one worker thread: finished in the order started
