import json
import re

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def test_run_show_export_roundtrip(tmp_path, samples_dir):
    db = str(tmp_path / "ew.duckdb")
    r = runner.invoke(app, ["run", str(samples_dir), "--db", db, "--batch-size", "2"])
    assert r.exit_code == 0, r.output
    assert "processed" in r.output and "4" in r.output
    r = runner.invoke(app, ["run", str(samples_dir), "--db", db])
    assert r.exit_code == 0
    assert re.search(r"skipped \(already seen\)\s*│\s*4\s", r.output), r.output
    assert re.search(r"processed\s*│\s*0\s", r.output), r.output

    r = runner.invoke(app, ["articles", "--db", db])
    assert r.exit_code == 0 and "2016-03-23" in r.output
    from eventwire.store import Store

    with Store(db, read_only=True) as s:
        (aid,) = s.con.execute("SELECT id FROM articles WHERE date = '2016-03-23'").fetchone()
    r = runner.invoke(app, ["show", aid[:10], "--db", db])
    assert r.exit_code == 0, r.output
    assert "Tadmur prison" in r.output and "caption" in r.output
    r = runner.invoke(app, ["show", "nope", "--db", db])
    assert r.exit_code == 1

    for fmt, ext in (("jsonl", "jsonl"), ("parquet", "parquet"), ("csv", "csv")):
        out = tmp_path / f"out-{fmt}"
        r = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db])
        assert r.exit_code == 0, r.output
        for table in ("articles", "sentences", "mentions", "events", "failures", "inputs"):
            assert (out / f"{table}.{ext}").exists()
    rows = [json.loads(line) for line in (tmp_path / "out-jsonl" / "articles.jsonl").read_text().splitlines()]
    assert len(rows) == 4 and {"id", "text", "raw_text", "date"} <= set(rows[0])
    r = runner.invoke(app, ["export", "--format", "xml", "--out", str(tmp_path / "x"), "--db", db])
    assert r.exit_code == 2


def test_run_exits_nonzero_only_when_nothing_processed(tmp_path):
    db = str(tmp_path / "ew.duckdb")
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    r = runner.invoke(app, ["run", str(bad), "--db", db])
    assert r.exit_code == 1 and "empty document" in r.output
    good = tmp_path / "good.txt"
    good.write_text("Police arrested two men in Surat on Friday.")
    r = runner.invoke(app, ["run", str(bad), str(good), "--db", db])
    assert r.exit_code == 0


def test_stdin_jsonl(tmp_path):
    db = str(tmp_path / "ew.duckdb")
    data = json.dumps({"id": "s1", "text": "Rebels shelled the town on Monday."}) + "\n" + "garbage\n"
    r = runner.invoke(app, ["run", "-", "--db", db], input=data)
    assert r.exit_code == 0, r.output
    assert "-:2: not valid JSON" in r.output


def test_show_on_missing_database(tmp_path):
    r = runner.invoke(app, ["show", "x", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "no eventwire database" in r.output


def test_user_actor_dictionary_changes_the_codes(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("The Zorgan Liberation Front attacked a convoy near Aleppo on Monday.")
    plain, custom = str(tmp_path / "plain.duckdb"), str(tmp_path / "custom.duckdb")
    assert runner.invoke(app, ["run", str(text), "--db", plain]).exit_code == 0
    d = tmp_path / "mine.tsv"
    d.write_text("zorgan liberation front\tTURREB\n")
    r = runner.invoke(app, ["run", str(text), "--db", custom, "--actors-dict", str(d)])
    assert r.exit_code == 0, r.output
    from eventwire.store import Store

    q = "SELECT code FROM actors WHERE text LIKE '%Zorgan Liberation Front%'"
    with Store(plain, read_only=True) as s:
        assert [c for (c,) in s.con.execute(q).fetchall()] != ["TUR REB"]
    with Store(custom, read_only=True) as s:
        assert [c for (c,) in s.con.execute(q).fetchall()] == ["TUR REB"]


def test_show_and_events_print_brackets_in_text_and_modes_as_written(tmp_path):
    # rich reads "[...]" as markup: "[Assad]" vanished, "[/]" crashed the command
    db = str(tmp_path / "ew.duckdb")
    text = ("Syrian army seizes hills [/] near Palmyra\n\n"
            "The Syrian army seized the hills on Monday. \"He [Assad] must go,\" the opposition said. "
            "\"We will stay,\" the opposition said.")
    path = tmp_path / "b1.txt"
    path.write_text(text)
    r = runner.invoke(app, ["run", str(path), "--db", db])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["show", str(path), "--db", db])
    assert r.exit_code == 0, r.output
    assert "[Assad]" in r.output and "hills [/] near" in r.output
    r = runner.invoke(app, ["events", "--db", db, "--limit", "1"])
    assert r.exit_code == 0, r.output
    assert "COERCE [seize]" in r.output
    assert re.search(r"1 of \d+ events \(raise --limit", r.output), r.output
    r = runner.invoke(app, ["events", "--db", db])
    said = [line for line in r.output.splitlines() if "│ said" in line]
    assert said and not any("uncoded" in line for line in said), r.output  # a statement has CAMEO 010, no PLOVER type
    r = runner.invoke(app, ["articles", "--db", db])
    assert r.exit_code == 0 and "hills [/] near" in r.output, r.output
    bad = tmp_path / "empty [x] page.txt"
    bad.write_text("")
    r = runner.invoke(app, ["run", str(bad), str(path), "--db", db])
    assert r.exit_code == 0 and "empty [x] page.txt: empty document" in r.output, r.output
