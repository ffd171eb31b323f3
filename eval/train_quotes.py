"""Train the learned attribution pass (eventwire.quotes.learned) on PolNeAR dev.

Usage: .venv/bin/python eval/train_quotes.py [DATA_PATH] [--model PATH] [--cv K] [--seed N]
       [--out results.json]

Every proposal (a token governing a clause, an infinitive, an object or a topic phrase,
see ``learned.propose``) whose content does not clash with the rules' output is a
training row; it is positive when its content overlaps (≥50% tokens, as in
eval/quotes.py) a gold attribution the rules did not find. A logistic regression
(scikit-learn, L2, lbfgs, seeded) is fitted on all articles and written as plain JSON
weights to ``src/eventwire/data/quotes/model/cue_model.json`` (the runtime needs no
scikit-learn).

With ``--cv K`` (default 5) the figures printed are document-level cross-validated:
articles are shuffled with the seed into K folds, a model is trained on K-1 folds and
the held-out fold's articles are run through ``find_quotes`` with it; no article is
ever scored by a model that saw it. ``eval/quotes.py --cv K`` prints the same figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes as Q  # noqa: E402  (eval/quotes.py: gold reading and scoring)

REPO = Path(__file__).resolve().parent.parent
MODEL_PATH = REPO / "src" / "eventwire" / "data" / "quotes" / "model" / "cue_model.json"
C = 0.3  # inverse L2 strength: the data are ~80 articles, keep the weights small
THRESHOLD = 0.5
SEED = 13


@dataclass
class Article:
    name: str
    text: str
    gold: list[Q.Attribution]
    parsed: object
    rows: list[dict[str, float]]
    labels: list[int]


def _pieces(content: list[tuple[int, int]]) -> Q.Pieces:
    return tuple((a, b) for a, b in content)


def load(data: Path, limit: int | None = None, policy: str = "majority") -> list[Article]:
    """Parse every article once and read off its training rows."""
    from eventwire.model import Article as Art
    from eventwire.nlp import load_nlp, parse
    from eventwire.quotes import find_quotes
    from eventwire.quotes.extract import UNIVOCAL_OVERLAP
    from eventwire.quotes.learned import clashes, propose
    from eventwire.quotes.lexicon import load_lexicon
    from eventwire.quotes.marks import find_quoted

    lexicon = load_lexicon()
    nlp = load_nlp()
    out = []
    for txt, anns in Q.documents(data)[:limit]:
        text = txt.read_text(encoding="utf-8")
        gold = Q.majority(text, [Q.parse_ann(a) for a in anns], policy)
        parsed = parse(Art(id=txt.stem, text=text, raw_text=text, date=None), nlp(text))
        rules = find_quotes(parsed, [], cue_model=None)
        kept = [[(s.start, s.end) for s in q.content] for q in rules]
        rule_attrs = [Q.Attribution(_pieces(k)) for k in kept]
        found = {gi for gi, _ in Q.match(text, gold, rule_attrs, Q.overlap_ok)}
        missed = [g for gi, g in enumerate(gold) if gi not in found]
        rows, labels = [], []
        for p in propose(parsed, lexicon, find_quoted(text, lexicon)):
            if clashes(p.content, kept, UNIVOCAL_OVERLAP):
                continue
            rows.append(p.features)
            labels.append(int(any(Q.overlap_ok(text, _pieces(p.content), g.content) for g in missed)))
        out.append(Article(txt.name, text, gold, parsed, rows, labels))
    return out


def fit(articles: list[Article], c: float = C, threshold: float = THRESHOLD, seed: int = SEED):
    """A CueModel from the rows of ``articles``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from eventwire.quotes.learned import CueModel

    rows = [r for a in articles for r in a.rows]
    labels = [y for a in articles for y in a.labels]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, solver="lbfgs", random_state=seed, max_iter=2000)
    clf.fit(x, labels)
    weights = dict(zip(vec.get_feature_names_out(), clf.coef_[0].tolist()))
    return CueModel(weights, float(clf.intercept_[0]), threshold)


def folds(articles: list[Article], k: int, seed: int = SEED) -> list[list[int]]:
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def _predict(article: Article, model) -> list[Q.Attribution]:
    from eventwire.quotes import find_quotes

    out = []
    for q in find_quotes(article.parsed, [], cue_model=model):
        out.append(
            Q.Attribution(
                tuple((s.start, s.end) for s in q.content),
                ((q.source.start, q.source.end),) if q.source else (),
                ((q.cue.start, q.cue.end),) if q.cue else (),
            )
        )
    return out


def cross_validate(
    articles: list[Article], k: int, c: float = C, threshold: float = THRESHOLD, seed: int = SEED
) -> tuple[Q.Tally, Q.Tally]:
    """(rules-only tally, rules + held-out-fold model tally) over all articles."""
    rules, learned = Q.Tally(), Q.Tally()
    for fold in folds(articles, k, seed):
        held = set(fold)
        model = fit([a for i, a in enumerate(articles) if i not in held], c, threshold, seed)
        for i in fold:
            a = articles[i]
            Q.score(a.text, a.gold, _predict(a, None), rules)
            Q.score(a.text, a.gold, _predict(a, model), learned)
    return rules, learned


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(Q.DEFAULT_DATA))
    ap.add_argument("--model", default=str(MODEL_PATH), help="where to write the model trained on all articles")
    ap.add_argument("--no-save", action="store_true", help="cross-validate only")
    ap.add_argument("--cv", type=int, default=5, help="folds for document-level cross-validation (0: none)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-C", type=float, default=C)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        sys.exit(f"no such data: {data}")
    t0 = time.perf_counter()
    articles = load(data, args.limit)
    n_rows = sum(len(a.rows) for a in articles)
    n_pos = sum(sum(a.labels) for a in articles)
    print(f"{len(articles)} articles, {n_rows} proposals, {n_pos} positive ({time.perf_counter() - t0:.1f} s)")
    result: dict = {"metrics": {}, "data": str(data), "C": args.C, "threshold": args.threshold, "seed": args.seed}
    if args.cv:
        rules, learned = cross_validate(articles, args.cv, args.C, args.threshold, args.seed)
        m_rules = Q.metrics_of(rules, len(articles))
        m_cv = Q.metrics_of(learned, len(articles))
        print(f"rules only ({len(articles)} articles):")
        Q.print_table(m_rules)
        print(f"rules + learned, {args.cv}-fold document cross-validation:")
        Q.print_table(m_cv)
        result["metrics"] = {f"cv_{k}": v for k, v in m_cv.items()} | {f"rules_{k}": v for k, v in m_rules.items()}
    if not args.no_save:
        model = fit(articles, args.C, args.threshold, args.seed)
        model.save(Path(args.model))
        print(f"model trained on all {len(articles)} articles -> {args.model} "
              f"({Path(args.model).stat().st_size / 1e6:.2f} MB)")
    result["metrics"]["seconds"] = round(time.perf_counter() - t0, 1)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
