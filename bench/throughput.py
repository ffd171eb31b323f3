"""Throughput of the full eventwire pipeline against bare spaCy, measured in the same run.

    .venv/bin/python bench/throughput.py [DATA_PATH] [--limit N] [--out results.json]

DATA_PATH (default ../shared/gold) is a file or folder of articles: .txt/.html/.jsonl files
as `eventwire run` reads them, plus the gold formats (LGL/GWN XML `<text>`, TimeML `.tml`,
IndiaPoliceEvents `docs*.jsonl` with `doc_text`). Both measurements see the same texts.

(a) bare spaCy: `en_core_web_sm` `nlp.pipe` over the texts;
(b) eventwire: clean → spaCy → every stage → DuckDB writes, in batches.
Reports articles/s and words/s for both, the ratio b/a, per-stage time, events/s and
peak RSS (the process's maximum resident set, which covers both runs).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.ingest.base import RawDoc  # noqa: E402
from eventwire.model import Document  # noqa: E402
from eventwire.nlp import load_nlp  # noqa: E402
from eventwire.pipeline import ALL_STAGES, Pipeline, article_id  # noqa: E402
from eventwire.store import Store  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "gold"
_TAG = re.compile(r"<[^>]+>")


def _gold_texts(path: Path) -> list[RawDoc]:
    """Article texts from the gold formats that `eventwire run` does not read itself."""
    docs: list[RawDoc] = []
    if path.suffix == ".xml":
        try:
            root = ElementTree.parse(path).getroot()
        except ElementTree.ParseError:
            return docs
        for i, node in enumerate(root.iter("text")):
            if node.text and node.text.strip():
                docs.append(RawDoc(node.text, f"{path}#{i}"))
    elif path.suffix == ".tml":
        m = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if m:
            docs.append(RawDoc(_TAG.sub("", m.group(1)), str(path)))
    elif path.name.startswith("docs") and path.suffix == ".jsonl":
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            rec = json.loads(line)
            if rec.get("doc_text"):
                docs.append(RawDoc(rec["doc_text"], f"{path}:{i + 1}"))
    return docs


def load_corpus(data: Path, limit: int) -> list[RawDoc]:
    files = [data] if data.is_file() else sorted(p for p in data.rglob("*") if p.is_file())
    docs: list[RawDoc] = []
    for f in files:
        if f.suffix in (".xml", ".tml") or (f.name.startswith("docs") and f.suffix == ".jsonl"):
            docs.extend(_gold_texts(f))
        elif f.suffix in (".txt", ".html", ".htm", ".jsonl") and "attributions" not in f.parts:
            docs.extend(d for d in read_inputs([str(f)]) if isinstance(d, RawDoc))
    # Interleave sources so a --limit sample is not all from one corpus; identical texts
    # (the gold sets share some stories) count once, as `eventwire run` would skip them.
    by_source: dict[str, list[RawDoc]] = {}
    seen: set[str] = set()
    for d in docs:
        if article_id(d.text) in seen:
            continue
        seen.add(article_id(d.text))
        by_source.setdefault(d.input_ref.split("#")[0].split(":")[0].rsplit("/", 2)[0], []).append(d)
    mixed: list[RawDoc] = []
    while any(by_source.values()) and len(mixed) < limit:
        for key in list(by_source):
            if by_source[key] and len(mixed) < limit:
                mixed.append(by_source[key].pop(0))
    return mixed


def bench_spacy(texts: list[str], batch_size: int) -> float:
    nlp = load_nlp()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def bench_pipeline(docs: list[RawDoc], batch_size: int, db: Path, stages: tuple[str, ...]) -> tuple[float, int, Pipeline]:
    pipe = Pipeline(batch_size=batch_size, stages=stages)
    events = 0
    t0 = time.perf_counter()
    with Store(db) as store:
        for i in range(0, len(docs), batch_size):
            results = pipe.run_batch(docs[i : i + batch_size])
            done = [r for r in results if isinstance(r, Document)]
            events += sum(len(d.events) for d in done)
            store.write_batch(done, [r for r in results if not isinstance(r, Document)])
    return time.perf_counter() - t0, events, pipe


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=300, help="articles to use (default 300)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--stages", default="all",
                    help="comma-separated stages to run after spaCy, 'all' (default) or 'none' (the foundation alone)")
    ap.add_argument("--out", help="write results JSON here")
    args = ap.parse_args(argv)
    if args.stages == "all":
        stages = ALL_STAGES
    elif args.stages == "none":
        stages = ()
    else:
        stages = tuple(x.strip() for x in args.stages.split(",") if x.strip())

    docs = load_corpus(Path(args.data), args.limit)
    if not docs:
        print(f"no articles found under {args.data}", file=sys.stderr)
        return 1
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)

    # Warm up both paths (model load, dictionaries, gazetteer) outside the timings.
    warm = Pipeline(stages=stages)
    warm.run_batch(docs[:4])
    bench_spacy(texts[:4], args.batch_size)

    spacy_s = bench_spacy(texts, args.batch_size)
    with tempfile.TemporaryDirectory() as tmp:
        full_s, events, pipe = bench_pipeline(docs, args.batch_size, Path(tmp) / "bench.duckdb", stages)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(docs)
    metrics = {
        "articles": n,
        "words": words,
        "spacy_articles_per_s": n / spacy_s,
        "spacy_words_per_s": words / spacy_s,
        "articles_per_s": n / full_s,
        "words_per_s": words / full_s,
        "ratio_vs_spacy": spacy_s / full_s,
        "events": events,
        "events_per_s": events / full_s,
        "peak_rss_mb": peak_rss_mb,
    }
    stage_total = sum(pipe.timings.values()) or 1.0
    for stage, secs in pipe.timings.items():
        metrics[f"share_{stage}"] = secs / stage_total

    print(f"{'measure':<28}{'value':>14}")
    print("-" * 42)
    for key in ("articles", "words", "spacy_articles_per_s", "articles_per_s", "spacy_words_per_s", "words_per_s",
                "ratio_vs_spacy", "events_per_s", "peak_rss_mb"):
        val = metrics[key]
        print(f"{key:<28}{val:>14,.2f}" if isinstance(val, float) else f"{key:<28}{val:>14,}")
    print("time per stage: " + ", ".join(f"{k} {v:.0%}" for k, v in metrics.items() if k.startswith("share_")))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps({"metrics": metrics, "data": args.data,
                                              "stages": pipe.active_stages}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
