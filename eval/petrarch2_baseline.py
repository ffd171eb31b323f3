"""PETRARCH2 itself on its own unit-test suite: the baseline for eval/petrarch.py.

Usage: .venv/bin/python eval/petrarch2_baseline.py [DATA_PATH] --petrarch2 SOURCE [--python python2.7]
                                                 [--pythonpath DIR] [--out results.json]

DATA_PATH is the suite, as for eval/petrarch.py (default ../shared/gold/petrarch2). SOURCE is the
``petrarch2/`` package folder of a checkout of github.com/openeventdata/petrarch2 (the folder
holding ``petrarch2.py``, ``PETRtree.py``, ``PETRreader.py``…), unmodified; ``--python`` an
interpreter PETRARCH2 runs on: Python 2.7 with ``python-dateutil`` and ``six`` (PETRARCH2's own
dependencies). Nothing of PETRARCH2 is shipped here: you bring its code.

The suite's header claims PETRARCH codes every record; the issue asks eventwire to code at least
the share PETRARCH2 itself does. This script measures that share: each record that
eval/petrarch.py scores (same selection, same expectations, same per-record ``require_dyad``
switches) is coded by PETRARCH2 from the suite's own Penn Treebank parse
(``eval/petrarch2_worker.py`` says how), and eventwire codes the same records
(``eval/petrarch.py``), so the two shares come from one run.

Metrics: ``petrarch2_exact_share`` / ``eventwire_exact_share`` (records whose set of (source,
target, code) equals the expected set), ``petrarch2_errors`` (records PETRARCH2 raised on: no
events), and the records each gets right that the other does not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import petrarch as P  # noqa: E402  (eval/petrarch.py: the suite's records and eventwire's run)

WORKER = Path(__file__).resolve().parent / "petrarch2_worker.py"


def run_petrarch2(records: list[P.Record], env: dict[str, str], folder: Path, source: Path, python: str,
                  workdir: Path, pythonpath: str | None = None) -> dict[str, dict]:
    """PETRARCH2's triples (and error, if it raised) per record id."""
    job = {
        "dictionaries": {key: str(folder / env[name]) for key, name in
                         (("verbs", "Verbfile"), ("actors", "Actorfile"), ("agents", "Agentfile"),
                          ("discards", "Discardfile"))},
        "records": [{"id": r.id, "text": r.text, "parse": r.parse, "date": r.date.strftime("%Y%m%d") if r.date else "",
                     "require_dyad": r.require_dyad, "new_actor_length": r.new_actor_length} for r in records],
    }
    job_path, out_path, log_path = workdir / "job.json", workdir / "petrarch2.json", workdir / "petrarch2.log"
    job_path.write_text(json.dumps(job), encoding="utf-8")
    child_env = dict(os.environ, PYTHONPATH=pythonpath) if pythonpath else None
    worker = Path(shutil.copy(WORKER, workdir))  # run from elsewhere: eval/time.py would shadow the stdlib's time
    done = subprocess.run([python, str(worker), str(source), str(job_path), str(out_path), str(log_path)],
                          capture_output=True, text=True, env=child_env)
    if done.returncode != 0:
        sys.exit(f"PETRARCH2 did not run ({python} {WORKER.name}):\n{done.stderr[-3000:]}")
    return json.loads(out_path.read_text(encoding="utf-8"))


def compare(records: list[P.Record], petrarch2: dict[str, dict], eventwire_failures: set[str]) -> dict:
    """Both systems' exact shares on the same records, and where they differ."""
    ids = [r.id for r in records]
    p2_right = {r.id for r in records if frozenset(map(tuple, petrarch2[r.id]["got"])) == r.expected}
    ew_right = {i for i in ids if i not in eventwire_failures}
    n = len(ids)
    metrics = {
        "records": n,
        "petrarch2_exact": len(p2_right),
        "petrarch2_exact_share": round(len(p2_right) / n, 4) if n else 0.0,
        "petrarch2_errors": sum(1 for i in ids if petrarch2[i].get("error")),
        "eventwire_exact": len(ew_right),
        "eventwire_exact_share": round(len(ew_right) / n, 4) if n else 0.0,
        "petrarch2_right_eventwire_wrong": len(p2_right - ew_right),
        "eventwire_right_petrarch2_wrong": len(ew_right - p2_right),
    }
    return {
        "metrics": metrics,
        "petrarch2_right_eventwire_wrong": [i for i in ids if i in p2_right and i not in ew_right],
        "both_wrong": [i for i in ids if i not in p2_right and i not in ew_right],
        "petrarch2_failures": {r.id: {"expected": sorted(r.expected), "got": petrarch2[r.id]["got"],
                                      "error": petrarch2[r.id].get("error")}
                               for r in records if r.id not in p2_right},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(P.DEFAULT_DATA))
    ap.add_argument("--petrarch2", required=True, help="PETRARCH2's package folder (holding petrarch2.py)")
    ap.add_argument("--python", default="python2.7", help="interpreter for PETRARCH2 (Python 2.7)")
    ap.add_argument("--pythonpath", default=None,
                    help="PYTHONPATH for that interpreter only (where its dateutil and six are installed)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    data, source = Path(args.data), Path(args.petrarch2)
    if not data.exists():
        print(f"no such data: {data}", file=sys.stderr)
        return 2
    if not (source / "petrarch2.py").is_file():
        print(f"no petrarch2.py in {source}: give the petrarch2/ package folder of a PETRARCH2 checkout",
              file=sys.stderr)
        return 2
    xml_path = data / P.XML_NAME if data.is_dir() else data
    records, env, _ = P.read_records(xml_path)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="petrarch2-") as tmp:
        petrarch2 = run_petrarch2(records, env, xml_path.parent, source, args.python, Path(tmp), args.pythonpath)
    seconds = time.perf_counter() - t0
    ours = P.evaluate(data)
    result = compare(records, petrarch2, set(ours["failures"]))
    result["metrics"]["petrarch2_seconds"] = round(seconds, 2)
    result["petrarch2_source"] = str(source.resolve())
    m = result["metrics"]
    print(f"\nPETRARCH2 unit-test records ({m['records']}), coded by PETRARCH2 itself and by eventwire")
    print(f"{'system':<12}{'exact':>8}{'share':>8}")
    print(f"{'PETRARCH2':<12}{m['petrarch2_exact']:>8}{m['petrarch2_exact_share']:>8.3f}"
          f"   ({m['petrarch2_errors']} records raised an error: no events)")
    print(f"{'eventwire':<12}{m['eventwire_exact']:>8}{m['eventwire_exact_share']:>8.3f}")
    print(f"right only by PETRARCH2: {m['petrarch2_right_eventwire_wrong']}; "
          f"right only by eventwire: {m['eventwire_right_petrarch2_wrong']}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
