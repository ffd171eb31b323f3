"""Evaluate eventwire.quotes on PolNeAR (brat standoff attributions).

Usage: .venv/bin/python eval/quotes.py [DATA_PATH] [--out results.json] [--limit N] [--cv K] [--agreement]

Without ``--cv`` the stage runs as installed (rules + the packaged learned pass). The
packaged model was trained on PolNeAR dev, so on dev that figure is in-sample; the
figure to report is ``--cv 5``: document-level cross-validation, each article scored by
a model trained on the other folds only (eval/train_quotes.py).

DATA_PATH is a PolNeAR compartment folder with ``text/*.txt`` and ``attributions/*.ann``
(default ``../shared/gold/quotes/polnear/dev``) or one ``.txt`` file of such a folder.

Gold: an attribution is an ``E`` line (Attribution or Attribution-no-source) with its
Content, Cue and Source ``T`` spans (discontinuous ``a b;c d`` kept as several pieces).
When several annotators' files exist for an article (2 of the 84 dev articles have six),
we keep an attribution when a *majority* of the annotators have an attribution whose
content overlaps it (≥50% of the tokens of the longer), taking each such cluster once
(first annotator's spans); ``--gold-policy union`` keeps every cluster instead.

Matching (one-to-one, greedy by overlap):
- content overlap: shared tokens ≥ 50% of the tokens of the longer of the two spans;
  content exact: identical character sets after trimming edge whitespace.
- source: over matched content pairs; precision = pairs whose predicted source matches
  the gold source (≥50% token overlap, as for content) / matched pairs with a predicted
  source; recall = the same count / matched pairs with a gold source.
- cue: all predicted cues vs all gold cues of a document, ≥50% token overlap.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / ".." / "shared" / "gold" / "quotes" / "polnear" / "dev"
TOKEN = re.compile(r"\w+|[^\w\s]")

# Published figures, for the table (see README for citations).
PUBLISHED = {
    "citron (BBC) on PARC 3.0": {
        "cue_f1": 0.823,
        "source_f1": 0.820,
        "content_f1_exact": 0.593,
        "content_f1_overlap": 0.833,
    },
}

Pieces = tuple[tuple[int, int], ...]


@dataclass
class Attribution:
    content: Pieces
    source: Pieces = ()
    cue: Pieces = ()


@dataclass
class Counts:
    tp: float = 0
    pred: float = 0
    gold: float = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Tally:
    content_overlap: Counts = field(default_factory=Counts)
    content_exact: Counts = field(default_factory=Counts)
    source: Counts = field(default_factory=Counts)
    source_exact: Counts = field(default_factory=Counts)
    cue: Counts = field(default_factory=Counts)
    cue_exact: Counts = field(default_factory=Counts)


def parse_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, Pieces]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
            spans[parts[0]] = (label, pieces)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                role = re.sub(r"\d+$", "", role)
                roles.setdefault(role, "")
                roles[role] = (roles[role] + " " + ref).strip()
            events.append(roles)
    out = []
    for roles in events:
        def pieces(role: str) -> Pieces:
            refs = roles.get(role, "").split()
            return tuple(p for ref in refs if ref in spans for p in spans[ref][1])

        content = pieces("Content")
        if not content:
            continue
        out.append(Attribution(content, pieces("Source"), pieces("Cue")))
    return out


def tokens(text: str, pieces: Pieces) -> set[int]:
    """Token identities (start offsets) covered by ``pieces``."""
    out: set[int] = set()
    for a, b in pieces:
        for m in TOKEN.finditer(text, a, b):
            out.add(m.start())
    return out


def overlap_ok(text: str, a: Pieces, b: Pieces) -> bool:
    ta, tb = tokens(text, a), tokens(text, b)
    if not ta or not tb:
        return False
    return len(ta & tb) >= 0.5 * max(len(ta), len(tb))


def exact_ok(text: str, a: Pieces, b: Pieces) -> bool:
    def chars(pieces: Pieces) -> set[int]:
        out: set[int] = set()
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.update(range(s, e))
        return out

    return chars(a) == chars(b) and bool(chars(a))


def majority(text: str, annotators: list[list[Attribution]], policy: str = "majority") -> list[Attribution]:
    """Attributions a majority (or, with ``policy="union"``, any) of the annotators have
    (content overlap), each cluster once."""
    if len(annotators) == 1:
        return annotators[0]
    need = len(annotators) / 2 if policy == "majority" else 0
    kept: list[Attribution] = []
    for attrs in annotators:
        for attr in attrs:
            if any(overlap_ok(text, attr.content, k.content) for k in kept):
                continue
            votes = sum(any(overlap_ok(text, attr.content, o.content) for o in other) for other in annotators)
            if votes > need:
                kept.append(attr)
    return kept


def match(text: str, gold: list[Attribution], pred: list[Attribution], ok) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of contents by token overlap."""
    pairs = []
    for gi, g in enumerate(gold):
        tg = tokens(text, g.content)
        for pi, p in enumerate(pred):
            if ok(text, g.content, p.content):
                tp = tokens(text, p.content)
                pairs.append((len(tg & tp) / max(1, len(tg | tp)), gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def match_spans(text: str, gold: list[Pieces], pred: list[Pieces], ok) -> int:
    used: set[int] = set()
    tp = 0
    for p in pred:
        for gi, g in enumerate(gold):
            if gi not in used and ok(text, g, p):
                used.add(gi)
                tp += 1
                break
    return tp


def score(text: str, gold: list[Attribution], pred: list[Attribution], tally: Tally) -> None:
    for counts, ok in ((tally.content_overlap, overlap_ok), (tally.content_exact, exact_ok)):
        counts.pred += len(pred)
        counts.gold += len(gold)
        counts.tp += len(match(text, gold, pred, ok))
    for gi, pi in match(text, gold, pred, overlap_ok):
        g, p = gold[gi], pred[pi]
        for counts, ok in ((tally.source, overlap_ok), (tally.source_exact, exact_ok)):
            counts.pred += bool(p.source)
            counts.gold += bool(g.source)
            counts.tp += bool(p.source and g.source and ok(text, g.source, p.source))
    gold_cues = [g.cue for g in gold if g.cue]
    pred_cues = [p.cue for p in pred if p.cue]
    for counts, ok in ((tally.cue, overlap_ok), (tally.cue_exact, exact_ok)):
        counts.pred += len(pred_cues)
        counts.gold += len(gold_cues)
        counts.tp += match_spans(text, gold_cues, pred_cues, ok)


def predict(text: str, date: dt.date | None) -> list[Attribution]:
    from eventwire.model import Article
    from eventwire.nlp import load_nlp, parse
    from eventwire.quotes import find_quotes

    article = Article(id="eval", text=text, raw_text=text, date=date)
    parsed = parse(article, load_nlp()(text))
    out = []
    for q in find_quotes(parsed, []):
        out.append(
            Attribution(
                tuple((s.start, s.end) for s in q.content),
                ((q.source.start, q.source.end),) if q.source else (),
                ((q.cue.start, q.cue.end),) if q.cue else (),
            )
        )
    return out


def documents(data: Path) -> list[tuple[Path, list[Path]]]:
    """(text file, its annotators' .ann files) pairs."""
    if data.is_file():
        folder, txts = data.parent.parent, [data]
    else:
        folder, txts = data, sorted((data / "text").glob("*.txt"))
    ann_dir = folder / "attributions"
    out = []
    for txt in txts:
        anns = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if anns:
            out.append((txt, anns))
    return out


def metrics_of(tally: Tally, n_docs: int, elapsed: float = 0.0) -> dict[str, float]:
    """The flat metrics object of the eval contract, from a tally."""
    metrics: dict[str, float] = {}
    for name, counts in (
        ("content", tally.content_overlap),
        ("source", tally.source),
        ("cue", tally.cue),
    ):
        p, r, f = counts.prf()
        metrics[f"{name}_precision"] = round(p, 4)
        metrics[f"{name}_recall"] = round(r, 4)
        metrics[f"{name}_f1" if name != "content" else "content_f1_overlap"] = round(f, 4)
    metrics["content_f1_exact"] = round(tally.content_exact.prf()[2], 4)
    metrics["content_precision_exact"] = round(tally.content_exact.prf()[0], 4)
    metrics["content_recall_exact"] = round(tally.content_exact.prf()[1], 4)
    metrics["source_f1_exact"] = round(tally.source_exact.prf()[2], 4)
    metrics["cue_f1_exact"] = round(tally.cue_exact.prf()[2], 4)
    metrics["documents"] = n_docs
    metrics["gold_attributions"] = tally.content_overlap.gold
    metrics["predicted_attributions"] = tally.content_overlap.pred
    metrics["seconds"] = round(elapsed, 1)
    return metrics


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--out")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--dump", help="write per-document predictions and gold here (error analysis)")
    ap.add_argument("--gold-policy", choices=("majority", "union"), default="majority",
                    help="how to combine several annotators' files for one article")
    ap.add_argument("--cv", type=int, metavar="K",
                    help="K-fold document-level cross-validation of the learned pass (eval/train_quotes.py): "
                         "each article is scored by a model trained on the other folds only")
    ap.add_argument("--tagger", action="store_true",
                    help="with --cv: add the content tagger (CRF, python-crfsuite) to the learned pass; "
                         "not shipped: +0.002 content F1 in 5-fold CV, not worth its 10-15 ms per article")
    ap.add_argument("--agreement", action="store_true",
                    help="score each annotator against the majority of the others, on articles with several "
                         "annotators (the human ceiling of these metrics)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        sys.exit(f"no such data: {data}")
    if args.agreement:
        return agreement(data, args.out)
    if args.cv:
        return cross_validated(data, args.cv, args.limit, args.gold_policy, args.out, args.tagger)
    docs = documents(data)[: args.limit]
    tally = Tally()
    dump = []
    t0 = time.perf_counter()
    for txt, anns in docs:
        text = txt.read_text(encoding="utf-8")
        gold = majority(text, [parse_ann(a) for a in anns], args.gold_policy)
        pred = predict(text, None)
        score(text, gold, pred, tally)
        if args.dump:
            dump.append({"doc": txt.name, "gold": [a.__dict__ for a in gold], "pred": [a.__dict__ for a in pred]})
    elapsed = time.perf_counter() - t0
    metrics = metrics_of(tally, len(docs), elapsed)
    print_table(metrics)
    result = {
        "metrics": metrics,
        "data": str(data),
        "gold_policy": f"{args.gold_policy} over annotators (content overlap); single-annotator files as is",
        "published": PUBLISHED,
    }
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=1), encoding="utf-8")
    return result


def agreement(data: Path, out: str | None) -> dict:
    """Each annotator's file scored as a prediction against the majority of the other
    annotators, on every article with at least three: how far people agree on the same metrics."""
    tally = Tally()
    n_docs = n_files = 0
    for txt, anns in documents(data):
        if len(anns) < 3:
            continue
        text = txt.read_text(encoding="utf-8")
        parsed = [parse_ann(a) for a in anns]
        n_docs += 1
        for i, own in enumerate(parsed):
            score(text, majority(text, parsed[:i] + parsed[i + 1 :]), own, tally)
            n_files += 1
    if not n_docs:
        sys.exit("no article has three or more annotators' files")
    metrics = metrics_of(tally, n_docs)
    metrics["annotator_files"] = n_files
    print(f"annotator agreement: {n_files} annotators' files on {n_docs} articles, each scored against the "
          "majority of the others")
    print_table(metrics, "annotators")
    result = {"metrics": metrics, "data": str(data), "evaluation": "leave-one-annotator-out agreement"}
    if out:
        Path(out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def cross_validated(data: Path, k: int, limit: int | None, policy: str, out: str | None, tagger: bool = False) -> dict:
    """Rules + learned pass, scored on held-out folds only (the figure to report)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import train_quotes

    t0 = time.perf_counter()
    articles = train_quotes.load(data, limit, policy)
    if len(articles) < 2 or k < 2:
        sys.exit(f"--cv needs K >= 2 and at least 2 articles (got K={k}, {len(articles)} articles)")
    k = min(k, len(articles))
    _, tally = train_quotes.cross_validate(articles, k, train_quotes.Settings(use_tagger=tagger))
    metrics = metrics_of(tally, len(articles), time.perf_counter() - t0)
    metrics["cv_folds"] = k
    print(f"{k}-fold document-level cross-validation (train on {k - 1} folds, score the held-out one)")
    print_table(metrics)
    result = {
        "metrics": metrics,
        "data": str(data),
        "gold_policy": f"{policy} over annotators (content overlap); single-annotator files as is",
        "evaluation": f"{k}-fold document-level cross-validation, seed {train_quotes.SEED}"
                      + (", with the content tagger" if tagger else ""),
        "published": PUBLISHED,
    }
    if out:
        Path(out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def print_table(m: dict[str, float], who: str = "eventwire.quotes") -> None:
    pub = PUBLISHED["citron (BBC) on PARC 3.0"]
    rows = [
        ("content P / R (overlap)", f"{m['content_precision']:.3f} / {m['content_recall']:.3f}", ""),
        ("content F1 (overlap)", f"{m['content_f1_overlap']:.3f}", f"{pub['content_f1_overlap']:.3f}"),
        ("content F1 (exact)", f"{m['content_f1_exact']:.3f}", f"{pub['content_f1_exact']:.3f}"),
        ("source P / R", f"{m['source_precision']:.3f} / {m['source_recall']:.3f}", ""),
        ("source F1 (overlap | exact)", f"{m['source_f1']:.3f} | {m['source_f1_exact']:.3f}", f"{pub['source_f1']:.3f} (exact)"),
        ("cue P / R", f"{m['cue_precision']:.3f} / {m['cue_recall']:.3f}", ""),
        ("cue F1 (overlap | exact)", f"{m['cue_f1']:.3f} | {m['cue_f1_exact']:.3f}", f"{pub['cue_f1']:.3f}"),
    ]
    print(f"{who} on PolNeAR: {m['documents']} documents, {m['gold_attributions']:.0f} gold / "
          f"{m['predicted_attributions']:.0f} predicted attributions, {m['seconds']} s")
    print(f"{'metric':30} {who.split('.')[0]:>18} {'citron/PARC3':>16}")
    for name, ours, theirs in rows:
        print(f"{name:30} {ours:>18} {theirs:>16}")


if __name__ == "__main__":
    main()
