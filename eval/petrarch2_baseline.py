"""PETRARCH2, and the older PETRARCH, on their own unit-test suite: the baselines for eval/petrarch.py.

Usage: .venv/bin/python eval/petrarch2_baseline.py [DATA_PATH] [--petrarch2 SOURCE] [--petrarch SOURCE]
                                                 [--python python2.7] [--pythonpath DIR] [--out results.json]

DATA_PATH is the suite, as for eval/petrarch.py (default ../shared/gold/petrarch2). ``--petrarch2``
is the ``petrarch2/`` package folder of a checkout of github.com/openeventdata/petrarch2 (the
folder holding ``petrarch2.py``, ``PETRtree.py``, ``PETRreader.py``…); ``--petrarch`` the folder of
an older PETRARCH (0.x) with a ``validate`` command (``petrarch.py``, ``PETRreader.py``…; for
instance ``petrarch/`` of that repository at commit cdda8a55). Both unmodified; give one or both.
``--python`` is an interpreter they run on: Python 2.7 with ``python-dateutil`` and ``six`` (their
own dependencies; ``--pythonpath`` if those live outside it). Nothing of PETRARCH is shipped here:
you bring its code.

The suite's header claims PETRARCH codes every record; the issue asks eventwire to code at least
the share PETRARCH2 itself does. This script measures that share: each record that
eval/petrarch.py scores (same selection, same expectations, same per-record ``require_dyad``
switches) is coded from the suite's own Penn Treebank parses, by PETRARCH2 record by record
(``eval/petrarch2_worker.py`` says how) and by the older PETRARCH in its own validation mode
(``eval/petrarch_worker.py``); eventwire codes the same records (``eval/petrarch.py``), so the
shares come from one run.

Metrics: ``petrarch2_exact_share`` / ``petrarch_exact_share`` / ``eventwire_exact_share`` (records
whose set of (source, target, code) equals the expected set), ``petrarch2_errors`` (records
PETRARCH2 raised on: no events), and the records PETRARCH2 and eventwire each get right that the
other does not.
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
OLD_WORKER = Path(__file__).resolve().parent / "petrarch_worker.py"


def run_petrarch2(records: list[P.Record], env: dict[str, str], folder: Path, source: Path, python: str,
                  workdir: Path, pythonpath: str | None = None) -> dict[str, dict]:
    """PETRARCH2's triples (and error, if it raised) per record id."""
    job = {
        "dictionaries": _dictionaries(env, folder),
        "records": [{"id": r.id, "text": r.text, "parse": r.parse, "date": r.date.strftime("%Y%m%d") if r.date else "",
                     "require_dyad": r.require_dyad, "new_actor_length": r.new_actor_length} for r in records],
    }
    return _run_worker(WORKER, job, source, python, workdir, pythonpath)


def run_petrarch(records: list[P.Record], env: dict[str, str], xml_path: Path, source: Path, python: str,
                 workdir: Path, pythonpath: str | None = None) -> dict[str, dict]:
    """The older PETRARCH's triples per record id, from its own validation run over the whole file."""
    job = {"dictionaries": _dictionaries(env, xml_path.parent), "xml": str(xml_path.resolve()),
           "ids": [r.id for r in records]}
    return _run_worker(OLD_WORKER, job, source, python, workdir, pythonpath)


def _dictionaries(env: dict[str, str], folder: Path) -> dict[str, str]:
    return {key: str((folder / env[name]).resolve()) for key, name in
            (("verbs", "Verbfile"), ("actors", "Actorfile"), ("agents", "Agentfile"), ("discards", "Discardfile"))}


# PETR_config.ini as both PETRARCHs ship it, with the suite's four dictionaries, no issue file and the
# output-only text options off (each reads the options it knows).
CONFIG = """[Dictionaries]
verbfile_name    = {verbs}
actorfile_list   = {actors}
agentfile_name   = {agents}
discardfile_name = {discards}

[Options]
textfile_list = unused.xml
eventfile_name = unused.txt
code_by_sentence = True
write_actor_root = False
write_actor_text = False
write_event_text = False
null_verbs  = False
null_actors = False
new_actor_length = 0
require_dyad = True
stop_on_error = False
comma_min = 2
comma_max = 8
comma_bmin = 0
comma_bmax = 0
comma_emin = 2
comma_emax = 8

[StanfordNLP]
stanford_dir = ~/stanford-corenlp/
"""


def _run_worker(worker: Path, job: dict, source: Path, python: str, workdir: Path,
                pythonpath: str | None) -> dict[str, dict]:
    workdir.mkdir(parents=True, exist_ok=True)
    job_path, out_path, log_path = workdir / "job.json", workdir / "out.json", workdir / "log.txt"
    config = workdir / "PETR_config.ini"
    config.write_text(CONFIG.format(**job["dictionaries"]), encoding="utf-8")
    job_path.write_text(json.dumps(dict(job, config=str(config))), encoding="utf-8")
    child_env = dict(os.environ, PYTHONPATH=pythonpath) if pythonpath else None
    copy = Path(shutil.copy(worker, workdir))  # run from elsewhere: eval/time.py would shadow the stdlib's time
    done = subprocess.run([python, str(copy), str(source.resolve()), str(job_path), str(out_path), str(log_path)],
                          capture_output=True, text=True, env=child_env)
    if done.returncode != 0:
        sys.exit(f"{source} did not run ({python} {worker.name}):\n{done.stderr[-3000:]}")
    return json.loads(out_path.read_text(encoding="utf-8"))


def _share(count: int, n: int) -> float:
    return round(count / n, 4) if n else 0.0


def _right(records: list[P.Record], coded: dict[str, dict]) -> set[str]:
    """Records whose set of (source, target, code) a PETRARCH run got exactly."""
    return {r.id for r in records if frozenset(map(tuple, coded[r.id]["got"])) == r.expected}


def _eventwire_metrics(records: list[P.Record], eventwire_failures: set[str]) -> dict:
    right = len(records) - len(eventwire_failures)
    return {"records": len(records), "eventwire_exact": right, "eventwire_exact_share": _share(right, len(records))}


def _against_eventwire(name: str, right: set[str], records: list[P.Record], eventwire_failures: set[str]) -> dict:
    """A PETRARCH run's exact share, and the records it and eventwire each get right that the other does not."""
    ew_right = {r.id for r in records if r.id not in eventwire_failures}
    return {
        f"{name}_exact": len(right),
        f"{name}_exact_share": _share(len(right), len(records)),
        f"{name}_right_eventwire_wrong": len(right - ew_right),
        f"eventwire_right_{name}_wrong": len(ew_right - right),
    }


def compare(records: list[P.Record], petrarch2: dict[str, dict], eventwire_failures: set[str]) -> dict:
    """Both systems' exact shares on the same records, and where they differ."""
    right = _right(records, petrarch2)
    metrics = {
        **_eventwire_metrics(records, eventwire_failures),
        **_against_eventwire("petrarch2", right, records, eventwire_failures),
        "petrarch2_errors": sum(1 for r in records if petrarch2[r.id].get("error")),
    }
    return {
        "metrics": metrics,
        "petrarch2_right_eventwire_wrong": [r.id for r in records if r.id in right and r.id in eventwire_failures],
        "both_wrong": [r.id for r in records if r.id not in right and r.id in eventwire_failures],
        "petrarch2_failures": {r.id: {"expected": sorted(r.expected), "got": petrarch2[r.id]["got"],
                                      "error": petrarch2[r.id].get("error")}
                               for r in records if r.id not in right},
    }


def compare_older(records: list[P.Record], petrarch: dict[str, dict], eventwire_failures: set[str]) -> dict:
    """The older PETRARCH's exact share on the same records, and where it and eventwire differ."""
    return _against_eventwire("petrarch", _right(records, petrarch), records, eventwire_failures)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(P.DEFAULT_DATA))
    ap.add_argument("--petrarch2", default=None, help="PETRARCH2's package folder (holding petrarch2.py)")
    ap.add_argument("--petrarch", default=None, help="an older PETRARCH's folder (holding petrarch.py)")
    ap.add_argument("--python", default="python2.7", help="interpreter for PETRARCH (Python 2.7)")
    ap.add_argument("--pythonpath", default=None,
                    help="PYTHONPATH for that interpreter only (where its dateutil and six are installed)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"no such data: {data}", file=sys.stderr)
        return 2
    checks = ((args.petrarch2, "petrarch2.py", "the petrarch2/ package folder of a PETRARCH2 checkout"),
              (args.petrarch, "petrarch.py", "the folder of an older PETRARCH (petrarch.py, PETRreader.py, ...)"))
    if not args.petrarch2 and not args.petrarch:
        print("give --petrarch2 SOURCE, --petrarch SOURCE or both", file=sys.stderr)
        return 2
    for folder, module, what in checks:
        if folder and not (Path(folder) / module).is_file():
            print(f"no {module} in {folder}: give {what}", file=sys.stderr)
            return 2
    xml_path = data / P.XML_NAME if data.is_dir() else data
    records, env, _ = P.read_records(xml_path)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="petrarch-") as tmp:
        petrarch2 = (run_petrarch2(records, env, xml_path.parent, Path(args.petrarch2), args.python,
                                   Path(tmp) / "petrarch2", args.pythonpath) if args.petrarch2 else None)
        older = (run_petrarch(records, env, xml_path, Path(args.petrarch), args.python, Path(tmp) / "petrarch",
                              args.pythonpath) if args.petrarch else None)
    seconds = time.perf_counter() - t0
    ours = P.evaluate(data)
    failures = set(ours["failures"])
    result = (compare(records, petrarch2, failures) if petrarch2 is not None
              else {"metrics": _eventwire_metrics(records, failures)})
    m = result["metrics"]
    if older is not None:
        m.update(compare_older(records, older, failures))
    m["baseline_seconds"] = round(seconds, 2)
    print(f"\nPETRARCH unit-test records ({m['records']}), coded by PETRARCH itself and by eventwire")
    print(f"{'system':<12}{'exact':>8}{'share':>8}")
    if petrarch2 is not None:
        print(f"{'PETRARCH2':<12}{m['petrarch2_exact']:>8}{m['petrarch2_exact_share']:>8.3f}"
              f"   ({m['petrarch2_errors']} records raised an error: no events; right only by PETRARCH2: "
              f"{m['petrarch2_right_eventwire_wrong']}, only by eventwire: {m['eventwire_right_petrarch2_wrong']})")
    if older is not None:
        print(f"{'PETRARCH 0.x':<12}{m['petrarch_exact']:>8}{m['petrarch_exact_share']:>8.3f}"
              f"   (right only by PETRARCH: {m['petrarch_right_eventwire_wrong']}, "
              f"only by eventwire: {m['eventwire_right_petrarch_wrong']})")
    print(f"{'eventwire':<12}{m['eventwire_exact']:>8}{m['eventwire_exact_share']:>8.3f}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
