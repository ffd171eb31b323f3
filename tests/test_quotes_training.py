"""The learned pass's training and cross-validation scripts (eval/train_quotes.py, eval/quotes.py --cv)
on a tiny synthetic brat folder: reproducible, and never scoring an article with a model that saw it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("sklearn")
EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import quotes as eval_quotes  # noqa: E402
import train_quotes  # noqa: E402

ATTRIBUTED = {
    "a": "Most voters believe that the economy is getting worse. The senator plans to introduce a bill next week.",
    "b": "Party leaders are optimistic that the bill will pass. The governor said that taxes would rise.",
    "c": "Officials hope that the talks will resume soon. The mayor wants to build a new stadium downtown.",
    "d": "The campaign is confident that Clinton will win Ohio. Analysts expect the market to recover quickly.",
}
# not annotated: things that govern objects and clauses without reporting anything, and
# a report the annotators left out (a negative for the re-scorer)
FILLER = (
    " The stadium hosts concerts in the summer. Workers built a bridge over the river in two years."
    " The coach said that the field was wet."
)
ARTICLES = {name: text + FILLER for name, text in ATTRIBUTED.items()}


def _ann(text: str) -> str:
    """One attribution per sentence: source = first two words, cue = third, content = the rest."""
    lines, t, e = [], 1, 1
    start = 0
    for sentence in text.split(". ")[:2]:
        sentence = sentence.rstrip(".")
        words = sentence.split(" ")
        src_end = start + len(" ".join(words[:2]))
        cue_start = src_end + 1
        cue_end = cue_start + len(words[2]) if words[2] not in ("are", "is") else cue_start + len(" ".join(words[2:4]))
        content_start = cue_end + 1
        content_end = start + len(sentence)
        lines += [
            f"T{t}\tSource {start} {src_end}\t{text[start:src_end]}",
            f"T{t + 1}\tCue {cue_start} {cue_end}\t{text[cue_start:cue_end]}",
            f"T{t + 2}\tContent {content_start} {content_end}\t{text[content_start:content_end]}",
            f"E{e}\tAttribution:T{t + 1} Content:T{t + 2} Cue:T{t + 1} Source:T{t}",
        ]
        t, e = t + 3, e + 1
        start += len(sentence) + 2
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("polnear")
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    for name, text in ARTICLES.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"{name}_x.ann").write_text(_ann(text), encoding="utf-8")
    return root


def test_synthetic_gold_reads_back(corpus):
    text = ARTICLES["a"]
    gold = eval_quotes.parse_ann(corpus / "attributions" / "a_x.ann")
    assert [text[slice(*g.content[0])] for g in gold] == [
        "that the economy is getting worse",
        "to introduce a bill next week",
    ]


def test_training_is_reproducible(corpus, tmp_path):
    out1, out2 = tmp_path / "m1", tmp_path / "m2"
    train_quotes.main([str(corpus), "--cv", "0", "--model-dir", str(out1)])
    train_quotes.main([str(corpus), "--cv", "0", "--model-dir", str(out2)])
    names = sorted(p.name for p in out1.iterdir())
    assert "keep_model.json" in names
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()


def test_cross_validation_never_scores_a_training_article(corpus, monkeypatch):
    articles = train_quotes.load(corpus)
    folds = train_quotes.folds(articles, 2)
    assert sorted(i for f in folds for i in f) == list(range(len(articles)))
    seen: list[set[str]] = []
    real_fit = train_quotes.fit_models

    def spy(train, settings=train_quotes.Settings()):
        seen.append({a.name for a in train})
        return real_fit(train, settings)

    monkeypatch.setattr(train_quotes, "fit_models", spy)
    scored: list[str] = []
    real_predict = train_quotes._predict

    def spy_predict(article, models):
        if models is not None:
            assert article.name not in seen[-1], "an article was scored by a model trained on it"
            scored.append(article.name)
        return real_predict(article, models)

    monkeypatch.setattr(train_quotes, "_predict", spy_predict)
    train_quotes.cross_validate(articles, 2)
    assert sorted(scored) == sorted(a.name for a in articles)


def test_eval_cv_writes_contract_metrics(corpus, tmp_path):
    out = tmp_path / "r.json"
    eval_quotes.main([str(corpus), "--cv", "2", "--out", str(out)])
    metrics = json.loads(out.read_text())["metrics"]
    for key in ("content_f1_overlap", "content_f1_exact", "source_f1", "cue_f1"):
        assert 0.0 <= metrics[key] <= 1.0
    assert metrics["cv_folds"] == 2 and metrics["documents"] == 4


def test_agreement_scores_each_annotator_against_the_others(tmp_path):
    # annotators x and y mark both attributions, z only the first: each of x and y is scored against
    # the majority of the other two (the first only), z against both
    text = ARTICLES["a"]
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    full = _ann(text)
    for annotator in ("x", "y"):
        (tmp_path / "attributions" / f"a_{annotator}.ann").write_text(full, encoding="utf-8")
    first = "\n".join(full.splitlines()[:4]) + "\n"
    (tmp_path / "attributions" / "a_z.ann").write_text(first, encoding="utf-8")
    out = tmp_path / "agreement.json"
    eval_quotes.main([str(tmp_path), "--agreement", "--out", str(out)])
    metrics = json.loads(out.read_text())["metrics"]
    assert metrics["annotator_files"] == 3
    assert metrics["content_precision"] == pytest.approx(3 / 5)
    assert metrics["content_recall"] == pytest.approx(3 / 4)
