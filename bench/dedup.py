"""Near-duplicate detection (eventwire.dedup) on a corpus of lightly edited copies of gold articles.

    .venv/bin/python bench/dedup.py [DATA_PATH] [--limit N] [--copies K] [--seed S] [--out results.json]

The corpus is made in memory: N gold article texts (default ../shared/gold, read as
bench/throughput.py reads them), each followed by 1..K copies edited the way syndicated
wire copy is: a few words reworded, a paragraph cut, the boilerplate changed (dateline,
credit line). Every original with its copies is one true story; distinct gold articles are
different stories. Pairwise precision and recall compare the stories found with the true
ones (a pair counts when both articles are in the same group).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from eventwire.dedup import DEFAULT_THRESHOLD, find_article_groups, shingles  # noqa: E402
from throughput import DEFAULT_DATA, load_corpus  # noqa: E402

DATELINES = ["NEW DELHI (Reuters) - ", "WASHINGTON, (AP) — ", "By Staff Writer\n\n", "LONDON (AFP) - ", ""]
CREDITS = ["\n\nReporting by staff; editing by the desk.", "\n\n(c) 2016 The Wire. All rights reserved.",
           "\n\nRead more: subscribe to our newsletter.", ""]
_WORD = re.compile(r"[A-Za-z]{4,}")


def reword(text: str, rng: random.Random, vocab: list[str], share: float = 0.03) -> str:
    """Replace a few words (3% of them, at least two) with other words of the corpus."""
    spots = [m for m in _WORD.finditer(text)]
    if not spots:
        return text
    chosen = sorted(rng.sample(spots, min(len(spots), max(2, int(len(spots) * share)))), key=lambda m: m.start())
    out, last = [], 0
    for m in chosen:
        out.append(text[last:m.start()])
        out.append(rng.choice(vocab))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def cut_paragraph(text: str, rng: random.Random) -> str:
    """Drop one paragraph, if that leaves at least three quarters of the text."""
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paras) < 4:
        return text
    i = rng.randrange(1, len(paras))
    if len(paras[i]) > 0.25 * len(text):
        return text
    return "\n\n".join(paras[:i] + paras[i + 1:])


def rebrand(text: str, rng: random.Random) -> str:
    return rng.choice(DATELINES) + text.strip() + rng.choice(CREDITS)


def make_corpus(texts: list[str], copies: int, seed: int,
                reword_share: float = 0.03) -> tuple[list[tuple[str, str]], dict[str, int]]:
    rng = random.Random(seed)
    vocab = sorted({w.lower() for t in texts for w in _WORD.findall(t)})
    items: list[tuple[str, str]] = []
    story: dict[str, int] = {}
    for n, text in enumerate(texts):
        items.append((f"o{n}", text))
        story[f"o{n}"] = n
        for k in range(rng.randint(1, copies)):
            edited = text
            edits = rng.sample(["reword", "cut", "rebrand"], rng.randint(1, 3))
            if "reword" in edits:
                edited = reword(edited, rng, vocab, reword_share)
            if "cut" in edits:
                edited = cut_paragraph(edited, rng)
            if "rebrand" in edits:
                edited = rebrand(edited, rng)
            items.append((f"o{n}c{k}", edited))
            story[f"o{n}c{k}"] = n
    order = list(range(len(items)))
    rng.shuffle(order)  # copies need not follow their original
    return [items[i] for i in order], story


def pairs(groups: dict[str, int]) -> set[tuple[str, str]]:
    by: dict[int, list[str]] = {}
    for aid, g in groups.items():
        by.setdefault(g, []).append(aid)
    return {tuple(sorted(p)) for members in by.values() for p in itertools.combinations(members, 2)}  # type: ignore[misc]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=600, help="original articles (default 600)")
    ap.add_argument("--copies", type=int, default=3, help="at most this many edited copies per article")
    ap.add_argument("--min-words", type=int, default=80, help="originals shorter than this are left out")
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reword-share", type=float, default=0.03, help="share of words reworded in an edit")
    ap.add_argument("--out")
    args = ap.parse_args(argv)

    raw = load_corpus(Path(args.data), args.limit * 3)
    texts: list[str] = []
    kept: list[set[bytes]] = []
    dropped = 0
    for d in raw:
        # Originals must be distinct stories of news length. The gold sets hold some real
        # near-duplicates (a Times of India story republished, AP write-throughs); they are
        # left out by an exact shingle comparison, so the labels only claim what we made.
        if len(d.text.split()) < args.min_words:
            continue
        grams = shingles(d.text)
        if any(len(grams & other) >= 0.5 * min(len(grams), len(other)) for other in kept):
            dropped += 1
            continue
        kept.append(grams)
        texts.append(d.text)
        if len(texts) >= args.limit:
            break
    if not texts:
        print(f"no articles found under {args.data}", file=sys.stderr)
        return 1
    items, truth = make_corpus(texts, args.copies, args.seed, args.reword_share)
    t0 = time.perf_counter()
    groups = find_article_groups(items, threshold=args.threshold)
    seconds = time.perf_counter() - t0
    predicted = {aid: gi for gi, g in enumerate(groups) for aid in g.members}
    true_pairs, found_pairs = pairs(truth), pairs(predicted)
    hit = len(true_pairs & found_pairs)
    precision = hit / len(found_pairs) if found_pairs else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "dedup_precision": precision,
        "dedup_recall": recall,
        "dedup_f1": f1,
        "originals": len(texts),
        "originals_left_out_as_duplicates": dropped,
        "articles": len(items),
        "true_pairs": len(true_pairs),
        "found_pairs": len(found_pairs),
        "articles_per_s": len(items) / seconds if seconds else 0.0,
        "threshold": args.threshold,
    }
    print(f"{'measure':<34}{'value':>12}")
    print("-" * 46)
    for k, v in metrics.items():
        print(f"{k:<34}{v:>12.4f}" if isinstance(v, float) else f"{k:<34}{v:>12,}")
    misses = sorted(true_pairs - found_pairs)[:5]
    if misses:
        print("missed pairs (first 5):", ", ".join("/".join(p) for p in misses))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps({"metrics": metrics, "data": args.data, "seed": args.seed,
                                              "copies": args.copies,
                                              "reword_share": args.reword_share}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
