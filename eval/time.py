"""TempEval-3 style evaluation of eventwire's temporal tagger (TIMEX3).

    .venv/bin/python eval/time.py [DATA_PATH] [--out results.json]

DATA_PATH is a TimeML ``.tml`` file or a folder of them (default
``../shared/gold/time/aquaint``). Each document's creation time (DCT) is the
article date; the text is the ``<TEXT>`` content with tags removed. Metrics follow
TempEval-3: strict (exact span) and relaxed (overlap) precision/recall/F1, type and
value accuracy over relaxed matches, and value/type F1 = relaxed F1 × accuracy.
Values are compared as strings after one canonicalisation: ISO week numbers with
or without a leading zero (``2000-W7`` = ``2000-W07``). In the same run,
dateparser's ``search_dates`` (RELATIVE_BASE = DCT) is scored as a baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "gold" / "time" / "aquaint"
PUBLISHED = {  # HeidelTime, TempEval-3 platinum test (UzZaman et al. 2013); AQUAINT training value F1 per Strötgen & Gertz
    "strict_f1": 0.813,
    "relaxed_f1": 0.903,
    "value_f1": 0.776,
    "type_f1": 0.821,
}
PUBLISHED_AQUAINT_VALUE_F1 = 0.730


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: dt.date
    text: str
    gold: list[Gold]


def read_tml(path: Path) -> Doc:
    """Text of ``<TEXT>`` with tags stripped and entities decoded, and the gold TIMEX3s in it."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d{2}-\d{2})", raw)
    if not dct_m:
        raise ValueError(f"{path}: no DCT")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    pos = 0
    stack: list[tuple[int, dict[str, str]]] = []
    gold: list[Gold] = []
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|&[#\w]+;|[^<&]+", body):
        tok = m.group(0)
        if m.group(2):
            if m.group(2) != "TIMEX3":
                continue
            if m.group(1):
                start, attrs = stack.pop()
                gold.append(Gold(start, pos, attrs.get("type", ""), attrs.get("value", "")))
            else:
                stack.append((pos, dict(re.findall(r"(\w+)=\"([^\"]*)\"", m.group(3)))))
            continue
        piece = html.unescape(tok) if tok.startswith("&") else tok
        out.append(piece)
        pos += len(piece)
    return Doc(path.stem, dt.date.fromisoformat(dct_m.group(1)), "".join(out), gold)


def canonical(value: str | None) -> str:
    if value is None:
        return ""
    return re.sub(r"-W0(\d)\b", r"-W\1", value)


def score(docs: list[Doc], predicted: dict[str, list[tuple[int, int, str, str]]],
          canon=None) -> dict[str, float]:
    canon = canon or canonical
    n_gold = n_pred = strict = relaxed_p = relaxed_g = 0
    type_ok = value_ok = matched = 0
    for doc in docs:
        preds = predicted.get(doc.name, [])
        n_gold += len(doc.gold)
        n_pred += len(preds)
        for p in preds:
            if any(p[0] < g.end and g.start < p[1] for g in doc.gold):
                relaxed_p += 1
        used: set[int] = set()
        for g in doc.gold:
            overlapping = [(i, p) for i, p in enumerate(preds) if p[0] < g.end and g.start < p[1] and i not in used]
            if not overlapping:
                continue
            relaxed_g += 1
            exact = [x for x in overlapping if x[1][0] == g.start and x[1][1] == g.end]
            i, p = (exact or sorted(overlapping, key=lambda x: -min(x[1][1], g.end) + max(x[1][0], g.start)))[0]
            used.add(i)
            strict += bool(exact)
            matched += 1
            type_ok += p[2] == g.type
            value_ok += canon(p[3]) == canon(g.value)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    sp, sr = strict / max(n_pred, 1), strict / max(n_gold, 1)
    rp, rr = relaxed_p / max(n_pred, 1), relaxed_g / max(n_gold, 1)
    type_acc = type_ok / max(matched, 1)
    value_acc = value_ok / max(matched, 1)
    return {
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": f1(sp, sr),
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": f1(rp, rr),
        "type_accuracy": type_acc,
        "value_accuracy": value_acc,
        "value_f1": f1(rp, rr) * value_acc,
        "type_f1": f1(rp, rr) * type_acc,
        "n_gold": n_gold,
        "n_predicted": n_pred,
    }


def run_eventwire(docs: list[Doc]) -> dict[str, list[tuple[int, int, str, str]]]:
    from eventwire.model import Article
    from eventwire.nlp import load_nlp, parse
    from eventwire.timex import find_timexes

    nlp = load_nlp()
    out = {}
    for doc, sp in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        article = Article(id=doc.name, text=doc.text, raw_text=doc.text, date=doc.dct)
        out[doc.name] = [
            (t.span.start, t.span.end, t.type, t.value or "") for t in find_timexes(parse(article, sp))
        ]
    return out


def run_dateparser(docs: list[Doc]) -> dict[str, list[tuple[int, int, str, str]]] | None:
    """dateparser's search_dates: it returns (substring, datetime); spans are located in order."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    out = {}
    for doc in docs:
        base = dt.datetime.combine(doc.dct, dt.time(12))
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        preds, cursor = [], 0
        for sub, when in found:
            at = doc.text.find(sub, cursor)
            if at < 0:
                at = doc.text.find(sub)
            if at < 0:
                continue
            cursor = at + len(sub)
            preds.append((at, at + len(sub), "DATE", when.date().isoformat()))
        out[doc.name] = preds
    return out


def load(path: Path) -> list[Doc]:
    files = [path] if path.is_file() else sorted(path.glob("*.tml"))
    if not files:
        sys.exit(f"no .tml files in {path}")
    return [read_tml(f) for f in files]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=None)
    ap.add_argument("--errors", action="store_true", help="print mismatched values and misses")
    args = ap.parse_args()
    docs = load(Path(args.data))
    t0 = time.perf_counter()
    ours = run_eventwire(docs)
    elapsed = time.perf_counter() - t0
    metrics = score(docs, ours)
    base = run_dateparser(docs)
    base_metrics = score(docs, base) if base is not None else {}
    if args.errors:
        print_errors(docs, ours)
    report = dict(metrics)
    report["baseline_dateparser_relaxed_f1"] = base_metrics.get("relaxed_f1", float("nan"))
    report["baseline_dateparser_value_f1"] = base_metrics.get("value_f1", float("nan"))
    report["baseline_dateparser_strict_f1"] = base_metrics.get("strict_f1", float("nan"))
    report["value_f1_exact_strings"] = score(docs, ours, canon=lambda v: v or "")["value_f1"]
    report["seconds"] = elapsed
    names = ["strict_precision", "strict_recall", "strict_f1", "relaxed_precision", "relaxed_recall",
             "relaxed_f1", "type_accuracy", "value_accuracy", "type_f1", "value_f1"]
    print(f"TempEval-3 TIMEX3 on {args.data} ({len(docs)} docs, {metrics['n_gold']} gold timexes)")
    print(f"{'metric':<20}{'eventwire':>11}{'dateparser':>12}{'HeidelTime*':>13}")
    for n in names:
        pub = PUBLISHED.get(n)
        print(f"{n:<20}{metrics[n]:>11.3f}{base_metrics.get(n, float('nan')):>12.3f}"
              f"{(f'{pub:.3f}' if pub else '-'):>13}")
    print(f"value_f1 with exact value strings (no W07=W7 canonicalisation): {report['value_f1_exact_strings']:.3f}")
    print(f"* HeidelTime, TempEval-3 platinum test; on AQUAINT its value F1 is {PUBLISHED_AQUAINT_VALUE_F1}.")
    if args.out:
        Path(args.out).write_text(json.dumps({
            "metrics": report,
            "published_heideltime_tempeval3": PUBLISHED,
            "published_heideltime_aquaint_value_f1": PUBLISHED_AQUAINT_VALUE_F1,
            "data": str(args.data),
            "documents": len(docs),
        }, indent=2))


def print_errors(docs: list[Doc], ours: dict[str, list[tuple[int, int, str, str]]]) -> None:
    for doc in docs:
        preds = ours[doc.name]
        for g in doc.gold:
            ov = [p for p in preds if p[0] < g.end and g.start < p[1]]
            gtxt = doc.text[g.start:g.end]
            if not ov:
                print(f"MISS {doc.dct} {gtxt!r} {g.type} {g.value}  | ...{doc.text[max(0,g.start-40):g.end+20]!r}")
            else:
                p = ov[0]
                if canonical(p[3]) != canonical(g.value) or p[2] != g.type or (p[0], p[1]) != (g.start, g.end):
                    print(f"DIFF {doc.dct} gold {gtxt!r} {g.type} {g.value} | ours {doc.text[p[0]:p[1]]!r} {p[2]} {p[3]}")
        for p in preds:
            if not any(p[0] < g.end and g.start < p[1] for g in doc.gold):
                print(f"FP   {doc.dct} {doc.text[p[0]:p[1]]!r} {p[2]} {p[3]} | ...{doc.text[max(0,p[0]-30):p[1]+20]!r}")


if __name__ == "__main__":
    main()
