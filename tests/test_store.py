import json

import duckdb
import pytest

from eventwire.runner import run
from eventwire.store import SCHEMA_VERSION, SchemaTooNew, Store


def _corpus(tmp_path, palmyra_text):
    d = tmp_path / "in"
    d.mkdir()
    (d / "palmyra.txt").write_text(palmyra_text)
    (d / "copy-of-palmyra.txt").write_text(palmyra_text + "\n\n")  # same content: a duplicate
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "lines.jsonl").write_text(
        "\n".join([json.dumps({"id": "x", "text": "Police arrested two men in Surat on Friday."}), "{oops"])
    )
    return d


def test_every_input_ends_with_an_outcome_and_rerun_is_idempotent(tmp_path, palmyra_text):
    d = _corpus(tmp_path, palmyra_text)
    db = tmp_path / "ew.duckdb"
    stats = run([str(d)], db=db, batch_size=2)
    assert (stats.processed, stats.skipped, stats.failed) == (2, 1, 3)
    with Store(db, read_only=True) as s:
        statuses = dict(s.con.execute("SELECT status, count(*) FROM inputs GROUP BY 1").fetchall())
        assert statuses == {"processed": 2, "duplicate": 1, "failed": 3}
        reasons = {r[0].rsplit("/", 1)[-1]: r[1] for r in s.con.execute("SELECT input_ref, reason FROM failures").fetchall()}
        assert reasons["empty.txt"] == "empty document"
        assert "binary" in reasons["binary.txt"]
        assert reasons["lines.jsonl:2"].startswith("not valid JSON")
        counts = {t: s.count(t) for t in ("articles", "sentences", "mentions")}
    again = run([str(d)], db=db, batch_size=2)
    assert (again.processed, again.skipped, again.failed) == (0, 3, 3)
    with Store(db, read_only=True) as s:
        assert {t: s.count(t) for t in counts} == counts
        assert s.count("failures") == 3 and s.count("inputs") == 6
        statuses = dict(s.con.execute("SELECT status, count(*) FROM inputs GROUP BY 1").fetchall())
        assert statuses == {"processed": 2, "duplicate": 1, "failed": 3}


def test_interrupted_run_resumes_without_losses_or_duplicates(tmp_path, palmyra_text, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(5):
        (d / f"{i}.txt").write_text(f"Story {i}. Police arrested {i + 2} people in Surat on Friday.")
    db = tmp_path / "ew.duckdb"

    import eventwire.store as store_mod

    real = store_mod.Store.write_batch
    calls = {"n": 0}

    def flaky(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # killed while the second batch was in flight
        return real(self, *a, **k)

    monkeypatch.setattr(store_mod.Store, "write_batch", flaky)
    with pytest.raises(KeyboardInterrupt):
        run([str(d)], db=db, batch_size=2)
    monkeypatch.setattr(store_mod.Store, "write_batch", real)
    with Store(db, read_only=True) as s:
        assert s.count("articles") == 2  # first batch landed, second rolled back
    stats = run([str(d)], db=db, batch_size=2)
    assert (stats.processed, stats.skipped) == (3, 2)
    with Store(db, read_only=True) as s:
        assert s.count("articles") == 5
        assert s.con.execute("SELECT DISTINCT status FROM inputs").fetchall() == [("processed",)]
        assert s.con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == 5


def test_schema_version_and_too_new_database(tmp_path):
    db = tmp_path / "v.duckdb"
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(SchemaTooNew):
        Store(db)


def test_spans_in_store_point_at_text(tmp_path, palmyra_text):
    d = tmp_path / "in"
    d.mkdir()
    (d / "p.txt").write_text(palmyra_text)
    db = tmp_path / "ew.duckdb"
    run([str(d)], db=db)
    with Store(db, read_only=True) as s:
        text, raw = s.con.execute("SELECT text, raw_text FROM articles").fetchone()
        rows = s.con.execute("SELECT start_char, end_char, raw_start, raw_end, text FROM mentions").fetchall()
    assert rows
    for start, end, rs, re_, t in rows:
        assert text[start:end] == t
        assert raw[rs:re_] == t


def test_two_workers_give_the_same_result_as_one(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(6):
        (d / f"{i}.txt").write_text(f"Story {i}: rebels attacked a convoy near Aleppo on Monday, killing {i + 1} soldiers.")
    (d / "bad.txt").write_text("")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    s1 = run([str(d)], db=one, workers=1, batch_size=2)
    s2 = run([str(d)], db=two, workers=2, batch_size=2)
    assert (s1.processed, s1.failed) == (s2.processed, s2.failed) == (6, 1)
    q = "SELECT article_id, idx, label, text FROM mentions ORDER BY 1, 2"
    with Store(one, read_only=True) as a, Store(two, read_only=True) as b:
        assert a.con.execute(q).fetchall() == b.con.execute(q).fetchall()
