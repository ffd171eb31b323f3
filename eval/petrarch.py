"""PETRARCH2 validation suite: code its unit-test sentences with its own dictionaries.

Usage: .venv/bin/python eval/petrarch.py [DATA_PATH] [--out results.json] [--show-failures N]

DATA_PATH is the folder holding ``PETR.UnitTest.records.xml`` and the four
``PETR.Validate.*`` dictionaries (default ../shared/gold/petrarch2), or the XML file
itself (dictionaries then come from its folder, named by its ``<Environment>``).

Reading the suite's format:
* ``<Sentence sentence="false">`` records are disabled tests in the suite: skipped;
* ``<EventCoding noevents="True">`` and ``<EventCoding error="...">`` (discards,
  datelines, bad parses) expect no events;
* ``<Config option="require_dyad|new_actor_length">`` tags between records switch
  those coder options for the records that follow, as PETRARCH's validation run does;
  the comma-clause options are specific to PETRARCH's constituency-tree handling and
  are ignored.

Metrics: ``exact_share`` = records whose set of (source, target, code) equals the
expected set; ``precision``/``recall``/``f1`` over triples; ``records``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.events.petrarch_verbs import PetrarchDictionaries, code_sentence

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "gold" / "petrarch2"
XML_NAME = "PETR.UnitTest.records.xml"


@dataclass(slots=True)
class Record:
    id: str
    category: str
    date: dt.date | None
    text: str
    expected: frozenset[tuple[str, str, str]]
    require_dyad: bool
    new_actor_length: int = 0
    parse: str = ""  # the suite's Penn Treebank parse (eventwire parses the text itself; baselines use it)


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"true", "1", "yes"}


def read_records(xml_path: Path) -> tuple[list[Record], dict[str, str], int]:
    """Records to score, the <Environment> file names, and how many were skipped."""
    root = ET.parse(xml_path).getroot()
    env = {c.tag: (c.text or "").strip() for c in root.find("Environment") or []}
    sentences = root.find("Sentences")
    records: list[Record] = []
    skipped = 0
    require_dyad = True
    new_actor_length = 0
    for el in sentences if sentences is not None else []:
        if el.tag == "Config":
            if el.get("option") == "require_dyad":
                require_dyad = _truthy(el.get("value", "true"))
            elif el.get("option") == "new_actor_length":
                new_actor_length = int(el.get("value", "0") or 0)
            continue
        if el.tag != "Sentence":
            continue
        if not _truthy(el.get("sentence", "true")):
            skipped += 1
            continue
        expected: set[tuple[str, str, str]] = set()
        for ec in el.findall("EventCoding"):
            if ec.get("noevents") or ec.get("error"):
                continue
            expected.add((ec.get("sourcecode", ""), ec.get("targetcode", ""), ec.get("eventcode", "")))
        raw_date = el.get("date", "").strip()
        try:
            day = dt.datetime.strptime(raw_date, "%Y%m%d").date()
        except ValueError:
            day = None
        text = " ".join((el.findtext("Text") or "").split())
        records.append(Record(el.get("id", "").strip(), el.get("category", ""), day, text,
                              frozenset(expected), require_dyad, new_actor_length, el.findtext("Parse") or ""))
    return records, env, skipped


def evaluate(data: Path, show_failures: int = 0) -> dict:
    xml_path = data / XML_NAME if data.is_dir() else data
    folder = xml_path.parent
    records, env, skipped = read_records(xml_path)
    dicts = PetrarchDictionaries.load(
        folder,
        verbs=folder / env["Verbfile"] if env.get("Verbfile") else None,
        actors=folder / env["Actorfile"] if env.get("Actorfile") else None,
        agents=folder / env["Agentfile"] if env.get("Agentfile") else None,
        discards=folder / env["Discardfile"] if env.get("Discardfile") else None,
    )
    exact = tp = fp = fn = 0
    by_cat: Counter[str] = Counter()
    cat_ok: Counter[str] = Counter()
    failures = []
    t0 = time.perf_counter()
    for rec in records:
        got = frozenset(code_sentence(rec.text, dicts, rec.date, require_dyad=rec.require_dyad,
                                      new_actor_length=rec.new_actor_length))
        by_cat[rec.category] += 1
        tp += len(got & rec.expected)
        fp += len(got - rec.expected)
        fn += len(rec.expected - got)
        if got == rec.expected:
            exact += 1
            cat_ok[rec.category] += 1
        else:
            failures.append((rec, got))
    seconds = time.perf_counter() - t0
    n = len(records)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    metrics = {
        "exact_share": round(exact / n, 4) if n else 0.0,
        "exact": exact,
        "records": n,
        "skipped_disabled": skipped,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
        "seconds": round(seconds, 2),
    }
    print(f"PETRARCH2 unit-test records: {xml_path}")
    print(f"{'category':<12}{'records':>8}{'exact':>8}{'share':>8}")
    for cat in sorted(by_cat):
        print(f"{cat:<12}{by_cat[cat]:>8}{cat_ok[cat]:>8}{cat_ok[cat] / by_cat[cat]:>8.2f}")
    print("-" * 36)
    for key, value in metrics.items():
        print(f"{key:<18}{value}")
    for rec, got in failures[:show_failures]:
        print(f"\n[{rec.id}] {rec.text}")
        print(f"  expected: {sorted(rec.expected)}")
        print(f"  got:      {sorted(got)}")
    return {
        "metrics": metrics,
        "per_category": {c: {"records": by_cat[c], "exact": cat_ok[c]} for c in sorted(by_cat)},
        "failures": [r.id for r, _ in failures],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=None)
    ap.add_argument("--show-failures", type=int, default=0)
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"no such data: {data}", file=sys.stderr)
        return 2
    result = evaluate(data, args.show_failures)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
