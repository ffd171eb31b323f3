"""Train the learned attribution pass (eventwire.quotes.learned) on PolNeAR dev.

Usage: .venv/bin/python eval/train_quotes.py [DATA_PATH] [--model-dir DIR] [--cv K] [--seed N]
       [--no-save] [--out results.json]

Every proposal (a token governing a clause, an infinitive, an object or a topic phrase,
see ``learned.propose``) whose content does not clash with the rules' output is a
training row; it is positive when its content overlaps (≥50% tokens, as in
eval/quotes.py) a gold attribution the rules did not find. A logistic regression
(scikit-learn, L2, lbfgs, seeded) is fitted on all articles and written as plain JSON
weights to ``src/eventwire/data/quotes/model/cue_model.json`` (the runtime needs no
scikit-learn). A second logistic regression, the re-scorer, is trained on the rules' own
attributions (positive when one matches a gold attribution) and written to
``keep_model.json``; at run time a rule's attribution it scores below its threshold is
dropped. With ``--tagger``, a linear-chain CRF (python-crfsuite), the content tagger of
``eventwire.quotes.tagger``, is also trained on every paragraph's tokens (B/I/O of the gold
contents) and written to ``content_crf.crfsuite`` with its use in ``content_crf.json``;
where that file is installed, the stage re-bounds contents and adds the tagged spans nothing
claims (not shipped: +0.002 content F1 in 5-fold CV for 10-15 ms per article).

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
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes as Q  # noqa: E402  (eval/quotes.py: gold reading and scoring)

from eventwire.quotes.tagger import TaggerSettings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MODEL_DIR = REPO / "src" / "eventwire" / "data" / "quotes" / "model"
C = 0.3  # inverse L2 strength: the data are ~80 articles, keep the weights small
THRESHOLD = 0.4  # accept a proposal at this probability
KEEP_C = 0.3
KEEP_THRESHOLD = 0.3  # drop a rule's attribution below this probability
EXTEND_C = 0.3
EXTEND_THRESHOLD = 0.5  # run a rule's content on to the sentence end at this probability
SEED = 13
TAG_C1 = 0.0  # L1 / L2 strength of the content tagger (CRF); strong L2 generalised best in 5-fold CV
TAG_C2 = 0.5
TAG_ITERATIONS = 100


@dataclass
class Article:
    name: str
    text: str
    gold: list[Q.Attribution]
    parsed: object
    rows: list[dict[str, float]]  # proposals the rules left room for
    labels: list[int]
    keep_rows: list[dict[str, float]]  # the rules' own attributions
    keep_labels: list[int]
    extend_rows: list[dict[str, float]]  # rule contents that could run on to the sentence end
    extend_labels: list[int]
    tag_x: list = None  # the content tagger's paragraphs: token features ...
    tag_y: list = None  # ... and gold B/I/O labels


def _pieces(content: list[tuple[int, int]]) -> Q.Pieces:
    return tuple((a, b) for a, b in content)


def load(data: Path, limit: int | None = None, policy: str = "majority") -> list[Article]:
    """Parse every article once and read off its training rows."""
    from eventwire.model import Article as Art
    from eventwire.nlp import load_nlp, parse
    from eventwire.quotes.extract import UNIVOCAL_OVERLAP, candidate_features, extension_of, rule_candidates
    from eventwire.quotes.learned import propose
    from eventwire.quotes.lexicon import load_lexicon
    from eventwire.quotes.marks import find_quoted
    from eventwire.quotes.tagger import features as tag_features, labels as tag_labels

    lexicon = load_lexicon()
    nlp = load_nlp()
    out = []
    for txt, anns in Q.documents(data)[:limit]:
        text = txt.read_text(encoding="utf-8")
        gold = Q.majority(text, [Q.parse_ann(a) for a in anns], policy)
        parsed = parse(Art(id=txt.stem, text=text, raw_text=text, date=None), nlp(text))
        quoted = find_quoted(text, lexicon)
        cands = rule_candidates(parsed, lexicon, quoted, tuple(parsed.doc.ents))
        kept = [list(c.content) for c in cands]
        pairs = Q.match(text, gold, [Q.Attribution(_pieces(k)) for k in kept], Q.overlap_ok)
        found_gold, found_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        keep_rows = [candidate_features(parsed, c, lexicon, quoted) for c in cands]
        keep_labels = [int(i in found_pred) for i in range(len(cands))]
        missed = [g for gi, g in enumerate(gold) if gi not in found_gold]
        rows, labels = [], []
        for p in propose(parsed, lexicon, quoted, kept, UNIVOCAL_OVERLAP):
            rows.append(p.features)
            labels.append(int(any(Q.overlap_ok(text, _pieces(p.content), g.content) for g in missed)))
        extend_rows, extend_labels = [], []
        for c in cands:
            found = extension_of(parsed, c, quoted)
            if found is None:
                continue
            before = any(Q.overlap_ok(text, _pieces(c.content), g.content) for g in gold)
            after = any(Q.overlap_ok(text, (found[0],), g.content) for g in gold)
            if before != after:  # only where the choice matters
                extend_rows.append(found[1])
                extend_labels.append(int(after))
        units, tag_x = tag_features(parsed.doc, lexicon, quoted, kept)
        tag_y = [tag_labels(parsed.doc, unit, [g.content for g in gold]) for unit in units]
        out.append(Article(txt.name, text, gold, parsed, rows, labels, keep_rows, keep_labels,
                           extend_rows, extend_labels, tag_x, tag_y))
    return out


def fit(rows: list[dict[str, float]], labels: list[int], c: float, threshold: float, seed: int = SEED):
    """A CueModel (logistic regression as plain weights) from sparse feature rows, or None
    when the rows cannot teach anything (none, or all of one class): that part stays off."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from eventwire.quotes.learned import CueModel

    if len(set(labels)) < 2:
        return None
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, solver="lbfgs", random_state=seed, max_iter=2000)
    clf.fit(x, labels)
    weights = dict(zip(vec.get_feature_names_out(), clf.coef_[0].tolist()))
    return CueModel(weights, float(clf.intercept_[0]), threshold)


@dataclass(frozen=True)
class Settings:
    c: float = C
    threshold: float = THRESHOLD
    keep_c: float = KEEP_C
    keep_threshold: float = KEEP_THRESHOLD
    seed: int = SEED
    extend_c: float = EXTEND_C
    extend_threshold: float = EXTEND_THRESHOLD
    use_add: bool = True
    use_keep: bool = True
    use_extend: bool = True
    use_tagger: bool = False  # the CRF content tagger: off (CV +0.002 F1 for 10-15 ms per article)
    tag_c1: float = TAG_C1
    tag_c2: float = TAG_C2
    tagger: TaggerSettings = field(default_factory=TaggerSettings)  # how its spans are used, saved with it


def fit_tagger(articles: list[Article], s: Settings, path: Path):
    """The content tagger (CRF) trained on ``articles`` only, written to ``path``."""
    from eventwire.quotes.tagger import ContentTagger, train, without_rule_features

    xs = [x if s.tagger.rule_features else without_rule_features(x) for a in articles for x in a.tag_x]
    ys = [y for a in articles for y in a.tag_y]
    train(xs, ys, path, s.tag_c1, s.tag_c2, TAG_ITERATIONS)
    return ContentTagger(path, s.tagger)


def fit_models(articles: list[Article], s: Settings = Settings(), tagger_path: Path | None = None):
    """The learned pass (proposals, re-scorer, extender, tagger), trained on ``articles`` only."""
    import tempfile

    from eventwire.quotes.learned import LearnedModels

    add = keep = extend = tagger = None
    if s.use_tagger and tagger_path is not None:
        tagger = fit_tagger(articles, s, tagger_path)
    elif s.use_tagger:  # a fold's model: the tagger reads the file into memory, the file can go
        with tempfile.TemporaryDirectory(prefix="quotes-crf-") as tmp:
            tagger = fit_tagger(articles, s, Path(tmp) / "content_crf.crfsuite")
    if s.use_add:
        add = fit([r for a in articles for r in a.rows], [y for a in articles for y in a.labels], s.c, s.threshold, s.seed)
    if s.use_keep:
        keep = fit([r for a in articles for r in a.keep_rows], [y for a in articles for y in a.keep_labels],
                   s.keep_c, s.keep_threshold, s.seed)
    if s.use_extend:
        extend = fit([r for a in articles for r in a.extend_rows], [y for a in articles for y in a.extend_labels],
                     s.extend_c, s.extend_threshold, s.seed)
    return LearnedModels(add, keep, extend, tagger)


def folds(articles: list[Article], k: int, seed: int = SEED) -> list[list[int]]:
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def _predict(article: Article, models) -> list[Q.Attribution]:
    from eventwire.quotes import find_quotes

    out = []
    for q in find_quotes(article.parsed, [], learned=models):
        out.append(
            Q.Attribution(
                tuple((s.start, s.end) for s in q.content),
                ((q.source.start, q.source.end),) if q.source else (),
                ((q.cue.start, q.cue.end),) if q.cue else (),
            )
        )
    return out


def cross_validate(articles: list[Article], k: int, s: Settings = Settings()) -> tuple[Q.Tally, Q.Tally]:
    """(rules-only tally, rules + held-out-fold models tally) over all articles."""
    rules, learned = Q.Tally(), Q.Tally()
    for fold in folds(articles, k, s.seed):
        held = set(fold)
        models = fit_models([a for i, a in enumerate(articles) if i not in held], s)
        for i in fold:
            a = articles[i]
            Q.score(a.text, a.gold, _predict(a, None), rules)
            Q.score(a.text, a.gold, _predict(a, models), learned)
    return rules, learned


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(Q.DEFAULT_DATA))
    ap.add_argument("--model-dir", default=str(MODEL_DIR), help="where to write the models trained on all articles")
    ap.add_argument("--no-save", action="store_true", help="cross-validate only")
    ap.add_argument("--cv", type=int, default=5, help="folds for document-level cross-validation (0: none)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-C", type=float, default=C, help="inverse regularisation of the proposal model")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="accept proposals at this probability")
    ap.add_argument("--keep-C", type=float, default=KEEP_C, help="inverse regularisation of the re-scorer")
    ap.add_argument("--keep-threshold", type=float, default=KEEP_THRESHOLD,
                    help="drop a rule's attribution below this probability")
    ap.add_argument("--extend-C", type=float, default=EXTEND_C, help="inverse regularisation of the extender")
    ap.add_argument("--extend-threshold", type=float, default=EXTEND_THRESHOLD,
                    help="run a rule's content on to its sentence end at this probability")
    ap.add_argument("--tagger", action="store_true", help="also train the content tagger (CRF; needs python-crfsuite)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.exists():
        sys.exit(f"no such data: {data}")
    settings = Settings(args.C, args.threshold, args.keep_C, args.keep_threshold, args.seed,
                        args.extend_C, args.extend_threshold, use_tagger=args.tagger)
    t0 = time.perf_counter()
    articles = load(data, args.limit)
    n_rows = sum(len(a.rows) for a in articles)
    n_pos = sum(sum(a.labels) for a in articles)
    n_keep = sum(len(a.keep_rows) for a in articles)
    n_good = sum(sum(a.keep_labels) for a in articles)
    print(f"{len(articles)} articles; {n_rows} proposals ({n_pos} positive); {n_keep} rule attributions "
          f"({n_good} matching gold) ({time.perf_counter() - t0:.1f} s)")
    result: dict = {"metrics": {}, "data": str(data), "settings": asdict(settings)}
    if args.cv:
        rules, learned = cross_validate(articles, args.cv, settings)
        m_rules = Q.metrics_of(rules, len(articles))
        m_cv = Q.metrics_of(learned, len(articles))
        print(f"rules only ({len(articles)} articles):")
        Q.print_table(m_rules)
        print(f"rules + learned, {args.cv}-fold document cross-validation:")
        Q.print_table(m_cv)
        result["metrics"] = {f"cv_{k}": v for k, v in m_cv.items()} | {f"rules_{k}": v for k, v in m_rules.items()}
    if not args.no_save:
        from eventwire.quotes.learned import ADD_MODEL, EXTEND_MODEL, KEEP_MODEL
        from eventwire.quotes.tagger import TAGGER_MODEL, TAGGER_SETTINGS

        folder = Path(args.model_dir)
        models = fit_models(articles, settings, folder / TAGGER_MODEL)
        if models.tagger is not None:
            models.tagger.settings.save(folder / TAGGER_SETTINGS)
            print(f"trained on all {len(articles)} articles -> {folder / TAGGER_MODEL} "
                  f"({(folder / TAGGER_MODEL).stat().st_size / 1e6:.2f} MB)")
        for name, model in ((ADD_MODEL, models.add), (KEEP_MODEL, models.keep), (EXTEND_MODEL, models.extend)):
            if model is not None:
                model.save(folder / name)
                print(f"trained on all {len(articles)} articles -> {folder / name} "
                      f"({(folder / name).stat().st_size / 1e6:.2f} MB)")
    result["metrics"]["seconds"] = round(time.perf_counter() - t0, 1)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
