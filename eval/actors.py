"""Evaluate eventwire.actors (actor mentions resolved to CAMEO codes).

Usage: .venv/bin/python eval/actors.py [DATA_PATH] [--out results.json] [--limit N]

DATA_PATH is the gold folder (default ``../shared/gold``), or one of its files:

* ``events/plover-gsr/PLOVER_GSR_CAMEO.txt`` (CC BY-SA 4.0, OEDA): the CAMEO manual's
  example sentences with their source/target actors (text, country code, sector). For
  each gold actor located in the sentence, the predicted actor overlapping it is compared:
  ``gsr_found`` (an actor with a code overlaps it), ``gsr_country_accuracy`` (its
  country, or IGO/NGO prefix, equals the gold code), ``gsr_sector_accuracy`` (its role
  equals the gold sector, over gold actors that have one), ``gsr_code_accuracy`` (both,
  with "no sector" matching "no role").
* ``events/india-police-events/docs.dev.jsonl`` (Halterman et al. 2021, Times of India,
  Gujarat 2002): every "police"/"policemen" word should be covered by an actor coded
  ``IND COP`` (``india_police_ind_cop_share``) or at least with role COP
  (``india_police_cop_share``).

Also reports ``ms_per_article``: find_actors time alone (spaCy parsing excluded).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / ".." / "shared" / "gold"
GSR = Path("events/plover-gsr/PLOVER_GSR_CAMEO.txt")
INDIA = Path("events/india-police-events/docs.dev.jsonl")
POLICE_WORD = re.compile(r"\b(police|policemen|policeman)\b")


def _parse(texts: list[str], dates: list[dt.date | None]):
    from eventwire.model import Article
    from eventwire.nlp import load_nlp, parse

    nlp = load_nlp()
    for text, date, doc in zip(texts, dates, nlp.pipe(texts, batch_size=32), strict=True):
        yield parse(Article(id="eval", text=text, raw_text=text, date=date), doc)


def _timed_find(parsed, clock: list[float]):
    from eventwire.actors import find_actors

    t0 = time.perf_counter()
    actors = find_actors(parsed)
    clock.append(time.perf_counter() - t0)
    return actors


def eval_gsr(path: Path, limit: int | None, clock: list[float]) -> dict[str, float]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    texts = [r["text"] for r in records]
    dates = []
    for r in records:
        try:
            dates.append(dt.date.fromisoformat(r.get("date", "")))
        except ValueError:
            dates.append(None)
    n = found = country_ok = code_ok = sector_n = sector_ok = unlocated = 0
    for record, parsed in zip(records, _parse(texts, dates), strict=True):
        actors = _timed_find(parsed, clock)
        text = record["text"]
        for key in ("source", "target"):
            golds = record.get(key)
            if not isinstance(golds, list):
                continue
            for gold in golds:
                if not isinstance(gold, dict) or not gold.get("actorText") or not gold.get("code"):
                    continue
                start = text.find(gold["actorText"])
                if start < 0:
                    start = text.lower().find(gold["actorText"].lower())
                if start < 0:
                    unlocated += 1
                    continue
                end = start + len(gold["actorText"])
                n += 1
                hits = [a for a in actors if a.span.start < end and start < a.span.end and a.code]
                if not hits:
                    continue
                found += 1
                pred = hits[0]
                gold_code = gold["code"].upper()
                pred_country = pred.country or (pred.code or "")[:3]
                c_ok = pred_country == gold_code
                sector = (gold.get("sector") or "").strip()
                sector = re.sub(r"[a-z]+$", "", sector) if sector and sector != "***" else ""
                if sector:
                    sector_n += 1
                    sector_ok += pred.role == sector
                country_ok += c_ok
                code_ok += c_ok and ((pred.role or "") == sector or gold_code in ("IGO", "NGO") and not sector)
    sector_total = sector_n or 1
    return {
        "gsr_actors": n,
        "gsr_unlocated": unlocated,
        "gsr_found": found / n if n else 0.0,
        "gsr_country_accuracy": country_ok / n if n else 0.0,
        "gsr_sector_accuracy": sector_ok / sector_total,
        "gsr_code_accuracy": code_ok / n if n else 0.0,
    }


def eval_india(path: Path, limit: int | None, clock: list[float]) -> dict[str, float]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if POLICE_WORD.search(d["doc_text"])]
    docs = docs[:limit] if limit else docs
    texts = [d["doc_text"] for d in docs]
    words = ind_cop = cop = 0
    for text, parsed in zip(texts, _parse(texts, [None] * len(texts)), strict=True):
        actors = _timed_find(parsed, clock)
        for m in POLICE_WORD.finditer(text):
            words += 1
            hit = next((a for a in actors if a.span.start <= m.start() < a.span.end), None)
            if hit is not None and hit.role == "COP":
                cop += 1
                ind_cop += hit.code == "IND COP"
    return {
        "india_docs": len(docs),
        "india_police_words": words,
        "india_police_ind_cop_share": ind_cop / words if words else 0.0,
        "india_police_cop_share": cop / words if words else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=None)
    ap.add_argument("--limit", type=int, default=None, help="at most N records/documents per set")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        print(f"error: {data} does not exist", file=sys.stderr)
        return 2
    gsr = data if data.is_file() and data.name == GSR.name else data / GSR
    india = data if data.is_file() and data.name == INDIA.name else data / INDIA
    from eventwire.actors.lexicon import default_lexicon

    default_lexicon()  # load the dictionaries outside the timed calls
    metrics: dict[str, float] = {}
    clock: list[float] = []
    if gsr.exists():
        metrics.update(eval_gsr(gsr, args.limit, clock))
    if india.exists():
        metrics.update(eval_india(india, args.limit, clock))
    if not metrics:
        print(f"error: no PLOVER GSR or IndiaPoliceEvents file under {data}", file=sys.stderr)
        return 2
    metrics["articles"] = len(clock)
    metrics["ms_per_article"] = 1000 * sum(clock) / len(clock) if clock else 0.0
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="eventwire actors")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for k, v in metrics.items():
            table.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
        Console().print(table)
    except ImportError:
        for k, v in metrics.items():
            print(f"{k:32} {v}")
    if args.out:
        Path(args.out).write_text(json.dumps({"metrics": metrics, "data": str(data)}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
