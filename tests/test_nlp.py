"""spaCy loading: one model per process."""

from __future__ import annotations



def test_default_model_is_loaded_once_however_asked_for():
    """load_nlp() and load_nlp(None) (the pipeline's default) share one model: each load is ~0.5 s
    of every worker's start."""
    from eventwire.nlp import load_nlp

    assert load_nlp() is load_nlp(None) is load_nlp("")


def test_dictionary_verbs_the_model_lemmatizes_wrongly_get_their_lemma_back():
    """The small model reads "staged" as "stag" and "raped" as "rap": a dictionary verb must still match."""
    from eventwire.nlp import load_nlp

    doc = load_nlp()("Activists staged rallies and soldiers raped women.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["staged"] == "stage" and lemmas["raped"] == "rape", lemmas

