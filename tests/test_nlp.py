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


def test_a_line_that_ends_a_sentence_ends_it_and_a_wrapped_line_does_not():
    """Single-line paragraphs have no blank line between them; hard-wrapped text breaks lines mid-sentence."""
    from eventwire.nlp import load_nlp

    doc = load_nlp()("He said the schools “are standing up.”\n“Let’s get back to work,” said Mulgrew.")
    assert [s.text.strip() for s in doc.sents][-1] == "“Let’s get back to work,” said Mulgrew."
    wrapped = load_nlp()("The council voted on Monday to close\nthe old bridge for repairs.")
    assert len(list(wrapped.sents)) == 1
