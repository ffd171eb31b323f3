"""eval/geo.py's scoring, and its reader for other geoparsers' outputs as EUPEG publishes them."""

import sys
from pathlib import Path

import pytest
import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
import geo as eval_geo  # noqa: E402

TEXT = "Troops left Paris for Lyon. Springfield was quiet."


@pytest.fixture
def articles():
    art = eval_geo.GoldArticle("0", TEXT, [
        eval_geo.GoldToponym(12, 17, "Paris", 48.8534, 2.3488),
        eval_geo.GoldToponym(22, 26, "Lyon", 45.7485, 4.8467),
        eval_geo.GoldToponym(28, 39, "Springfield", 39.8017, -89.6437),
    ])
    return [art, eval_geo.GoldArticle("1", "Nothing here.", [])]


def test_reads_eupeg_output_in_corpus_order(tmp_path, articles):
    out = tmp_path / "LGL_CamCoder.txt"
    out.write_text("Paris,,Paris,,48.85,,2.35,,12,,17||Springfield City,,Springfield,,37.2,,-93.3,,28,,39||"
                   "No Gaz,,Lyon,,,,,,22,,26||\n\n", encoding="utf-8")
    systems = eval_geo.eupeg_systems(tmp_path, "lgl", articles)
    assert list(systems) == ["CamCoder"]
    first, second = systems["CamCoder"].predictions
    assert [(p.text, p.name, p.start, p.end, p.lat) for p in first] == [
        ("Paris", "Paris", 12, 17, 48.85), ("Springfield", "Springfield City", 28, 39, 37.2),
        ("Lyon", "No Gaz", 22, 26, None)]  # found but not placed: counts as recognised, resolved nowhere
    assert second == []
    assert eval_geo.eupeg_systems(tmp_path, "gwn", articles) == {}  # no GeoWebNews_* file there


def test_offsets_that_drift_a_few_chars_are_reanchored_on_their_words(tmp_path, articles):
    out = tmp_path / "LGL_Edinburgh.txt"
    out.write_text("Paris,,Paris,,48.85,,2.35,,14,,19||Lyon,,Lyon,,45.75,,4.85,,22,,26||\n\n", encoding="utf-8")
    read = eval_geo.read_eupeg(out, articles)
    assert [(p.start, p.end) for p in read.predictions[0]] == [(12, 17), (22, 26)]
    assert read.reanchored == 1


def test_refuses_an_output_whose_spans_do_not_fit_the_texts(tmp_path, articles):
    out = tmp_path / "LGL_Other.txt"
    out.write_text("Rome,,Rome,,41.9,,12.5,,0,,4||\n\n", encoding="utf-8")  # no "Rome" near there
    with pytest.raises(ValueError, match="spans match"):
        eval_geo.read_eupeg(out, articles)


def test_scores_recognition_and_distance_the_same_way_for_any_system(articles):
    doc = spacy.blank("en")(TEXT)
    preds = [
        eval_geo.Prediction(12, 17, "Paris", 48.85, 2.35),  # right
        eval_geo.Prediction(28, 39, "Springfield", 37.2, -93.3),  # Springfield, MO: ~430 km off
        eval_geo.Prediction(0, 6, "Troops", 10.0, 10.0),  # not a toponym
    ]
    tally = eval_geo.Tally()
    eval_geo.score(articles[0], doc, preds, tally)
    m = tally.metrics()
    assert (tally.tp_gold, tally.n_gold, tally.tp_pred, tally.n_pred) == (2, 3, 2, 3)
    assert m["toponym_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert m["acc_at_161km"] == 0.5
    assert [row[0] for row in tally.misses] == ["missed", "wrong", "spurious"]


def test_head_to_head_compares_only_the_toponyms_both_found(articles):
    doc = spacy.blank("en")(TEXT)
    ours, theirs = eval_geo.Tally(), eval_geo.Tally()
    eval_geo.score(articles[0], doc, [eval_geo.Prediction(12, 17, "Paris", 48.85, 2.35),
                                      eval_geo.Prediction(22, 26, "Lyon", 45.75, 4.85)], ours)
    eval_geo.score(articles[0], doc, [eval_geo.Prediction(12, 17, "Paris", 33.66, -95.56)], theirs)  # Paris, Texas
    assert eval_geo.head_to_head(ours, theirs) == {
        "common_toponyms": 1, "common_acc_at_161km": 0.0, "common_acc_at_161km_eventwire": 1.0}
    assert eval_geo.head_to_head(ours, eval_geo.Tally()) == {}
