"""The actor dictionaries' phrase tokens are kept in the cache folder, so a worker starts
without re-tokenizing ~11,000 phrases (~0.7 s), and get the same tokens as the tokenizer."""

from __future__ import annotations

from eventwire.actors.lexicon import PhraseTokenizer
from eventwire.nlp import load_nlp


def test_tokens_are_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    first = PhraseTokenizer()
    phrases = ["Foreign Minister", "U.S. Department of State", "Gen. Smith's", "al-Qaeda in Iraq"]
    expected = {p: [t.text for t in load_nlp().tokenizer(p) if not t.is_space] for p in phrases}
    assert {p: first(p) for p in phrases} == expected
    first.save()
    assert first.path.parent == tmp_path and first.path.exists()

    second = PhraseTokenizer()

    def no_tokenizer(text):
        raise AssertionError(f"tokenized again: {text}")

    second._tok = no_tokenizer
    assert {p: second(p) for p in phrases} == expected  # all from the cache


def test_a_broken_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    path = PhraseTokenizer().path
    path.write_text("{not json")
    tok = PhraseTokenizer()
    assert tok("Prime Minister") == ["Prime", "Minister"]
    tok.save()
    assert PhraseTokenizer()("Prime Minister") == ["Prime", "Minister"]
