"""spaCy loading: one model per process."""

from __future__ import annotations



def test_default_model_is_loaded_once_however_asked_for():
    """load_nlp() and load_nlp(None) (the pipeline's default) share one model: each load is ~0.5 s
    of every worker's start."""
    from eventwire.nlp import load_nlp

    assert load_nlp() is load_nlp(None) is load_nlp("")
