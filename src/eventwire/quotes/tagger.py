"""A token tagger for attribution contents: a linear-chain CRF over each paragraph.

The rules and the learned pass read contents off the parse one cue at a time; PolNeAR
annotates hundreds of attitude and intention cues beyond any list, and its content
boundaries follow the annotators' reading more than the parser's subtrees. A CRF
(python-crfsuite) tags every token B/I/O for "inside some content", from the token,
its parse neighbourhood, the cue-likeness of its ancestors, quotation marks and the
rules' own proposal, so it can both add contents the rules miss and re-bound theirs.

The model file (``data/quotes/model/content_crf.crfsuite``, trained by
``eval/train_quotes.py``) is opened lazily, once; tagging is C code, the features are
the cost, so they are read off the parse without walking it more than once per token.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_QUOTE, LEMMA, LOWER, ORTH, POS, SENT_START
from spacy.tokens import Doc, Token

from eventwire.quotes.lexicon import Lexicon
from eventwire.quotes.marks import Quoted

TAGGER_MODEL = "content_crf.crfsuite"
TAGGER_SETTINGS = "content_crf.json"  # how the packaged model's spans are used
MAX_ANCESTORS = 4
MIN_SPAN_TOKENS = 3  # a shorter tagged run is noise (a name, a scare quote)
ADD_SCORE = 0.5
PARAGRAPH = re.compile(r"[^\n]+")

Labels = list[str]
Features = list[list[str]]


@dataclass(frozen=True)
class TaggerSettings:
    """How tagged spans meet the other passes' output (chosen by cross-validation)."""

    add: bool = True  # tagged spans where no attribution is become attributions
    rebound: bool = True  # an attribution's content takes the bounds of the tagged span it overlaps
    min_tokens: int = MIN_SPAN_TOKENS
    add_score: float = ADD_SCORE  # a span is added when its tokens' mean inside-probability reaches this
    add_needs_holder: bool = True  # ... and someone holds it (the head it hangs from has a subject)
    rule_features: bool = True  # the model sees the rules' proposal (set when it was trained so)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> TaggerSettings:
        return cls(**json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else cls()


class ContentTagger:
    """A CRF model file and how its spans are used."""

    def __init__(self, path: Path | str, settings: TaggerSettings = TaggerSettings()) -> None:
        import pycrfsuite

        self.path = str(path)
        self.settings = settings
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(self.path)

    def tag(self, features: Features) -> tuple[Labels, list[float]]:
        """Each token's label and its probability of being inside a content (not O)."""
        if not features:
            return [], []
        tags = self._tagger.tag(features)
        marginal = self._tagger.marginal  # only tagged tokens are scored: the others score no run
        return tags, [0.0 if t == "O" else 1.0 - marginal("O", i) for i, t in enumerate(tags)]


def paragraphs(doc: Doc) -> list[list[int]]:
    """Token indices of each paragraph (the unit of tagging: a content rarely leaves one)."""
    out: list[list[int]] = []
    text = doc.text
    starts = [m.start() for m in PARAGRAPH.finditer(text)]
    ends = [m.end() for m in PARAGRAPH.finditer(text)]
    p = 0
    current: list[int] = []
    for tok in doc:
        if tok.is_space:
            continue
        while p < len(ends) and tok.idx >= ends[p]:
            p += 1
            if current:
                out.append(current)
                current = []
        if p < len(starts) and tok.idx >= starts[p]:
            current.append(tok.i)
    if current:
        out.append(current)
    return out


class _Table:
    """The token attributes features read, taken off the parse arrays once: spaCy's Token
    objects are created on every access, and a ~1000-token article reads each ~15 times."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        arr = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, HEAD, SENT_START, IS_QUOTE, IS_PUNCT]).astype(np.int64)
        strings = doc.vocab.strings
        names: dict[int, str] = {}

        def name(h: int) -> str:
            found = names.get(h)
            if found is None:
                found = names[h] = strings[h & 0xFFFFFFFFFFFFFFFF] if h else ""
            return found

        n = len(doc)
        cols = arr.T.tolist() if n else [[] for _ in range(9)]
        orth, lower, lemma, pos, dep, head, start, quote, punct = cols
        self.lower = [name(h) for h in lower]
        self.lemma = [name(h).lower() for h in lemma]
        self.pos = [name(h) for h in pos]
        self.dep = [name(h) for h in dep]
        self.head = [i + off for i, off in enumerate(head)]
        self.shape = ["Q" if quote[i] else "P" if punct[i] else "X" if name(orth[i])[:1].isupper() else "x"
                      for i in range(n)]
        starts = [i == 0 or start[i] == 1 for i in range(n)]
        self.sent_pos = ["first" if starts[i] else "end" if i + 1 == n or starts[i + 1] else "mid" for i in range(n)]
        self.cue = [lem in lexicon.cue_verbs or lem in lexicon.cue_nouns for lem in self.lemma]
        self.non_cue = [lem in lexicon.non_cue_verbs for lem in self.lemma]


def _shape(tok: Token) -> str:
    if tok.is_quote:
        return "Q"
    if tok.is_punct:
        return "P"
    if tok.text[:1].isupper():
        return "X"
    return "x"


def _token_features(i: int, t: _Table, in_quote: bool, rule_tag: str | None, para_index: int) -> list[str]:
    h = t.head[i]
    f = [
        "bias",
        f"w={t.lower[i]}",
        f"l={t.lemma[i]}",
        f"p={t.pos[i]}",
        f"d={t.dep[i]}",
        f"s={t.shape[i]}",
        f"hl={t.lemma[h]}",
        f"hd={t.dep[h]}",
        f"hp={t.pos[h]}",
        f"dh={t.dep[i]}|{t.pos[h]}",
        f"hdir={'L' if h < i else 'R' if h > i else '0'}",
        f"q={in_quote}",
        f"sp={t.sent_pos[i]}",
        f"para={min(para_index, 3)}",
    ]
    if rule_tag is not None:
        f += [f"r={rule_tag}", f"rq={rule_tag}|{in_quote}"]
    if t.cue[i]:
        f.append("cue")
    # the nearest cue-like ancestor and how the path leaves it
    anc = child = i
    for depth in range(1, MAX_ANCESTORS + 1):
        if t.head[anc] == anc:
            f.append(f"root_at={depth - 1}")
            break
        child, anc = anc, t.head[anc]
        f.append(f"al={t.lemma[anc]}")
        if t.cue[anc]:
            f.append(f"cue_anc={depth}")
            f.append(f"cue_anc_dep={t.dep[child]}")
            f.append(f"cue_anc_side={'after' if i > anc else 'before'}")
            break
        if t.non_cue[anc]:
            f.append("noncue_anc")
    return f


def features(doc: Doc, lexicon: Lexicon, quoted: list[Quoted], rule_contents: list[list[tuple[int, int]]],
             rule_features: bool = True) -> tuple[list[list[int]], list[Features]]:
    """(token indices, feature lists) per paragraph; ``rule_features`` adds whether the
    rules' own contents start at or hold each token."""
    table = _Table(doc, lexicon)
    in_quote = [False] * len(doc)
    for q in quoted:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                in_quote[i] = in_quote[i] or doc[i].idx >= q.start
    rule_start: set[int] = set()
    rule_in: set[int] = set()
    for content in rule_contents:
        for s, e in content:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            rule_start.add(span.start)
            rule_in.update(range(span.start, span.end))
    units = paragraphs(doc)
    out: list[Features] = []
    for pi, unit in enumerate(units):
        tags = ["B" if i in rule_start else "I" if i in rule_in else "O" for i in unit]
        feats: Features = [
            _token_features(i, table, in_quote[i], tag if rule_features else None, pi) for i, tag in zip(unit, tags)
        ]
        n_unit = len(unit)
        for n in range(n_unit):
            extra = []
            for off in (-2, -1, 1, 2):
                m = n + off
                if 0 <= m < n_unit:
                    j = unit[m]
                    extra.append(f"{off}w={table.lower[j]}")
                    if abs(off) == 1:
                        extra.append(f"{off}d={table.dep[j]}")
                        if rule_features:
                            extra.append(f"{off}r={tags[m]}")
                else:
                    extra.append(f"{off}edge")
            feats[n] += extra
        out.append(feats)
    return units, out


RULE_FEATURE_PREFIXES = ("r=", "rq=", "-1r=", "1r=")


def without_rule_features(x: Features) -> Features:
    """A paragraph's features as :func:`features` gives them with ``rule_features=False``."""
    return [[f for f in tok if not f.startswith(RULE_FEATURE_PREFIXES)] for tok in x]


def labels(doc: Doc, unit: list[int], contents: list[tuple[tuple[int, int], ...]]) -> Labels:
    """B/I/O of each token of ``unit``: longest contents first, a token keeps its first label."""
    owner: dict[int, tuple[int, int]] = {}
    pieces = sorted((p for c in contents for p in c), key=lambda p: -(p[1] - p[0]))
    for s, e in pieces:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        if any(i in owner for i in range(span.start, span.end)):
            continue
        for i in range(span.start, span.end):
            owner[i] = (s, e)
    out: Labels = []
    prev = None
    for i in unit:
        o = owner.get(i)
        if o is None:
            out.append("O")
        else:
            out.append("I" if o == prev else "B")
        prev = o
    return out


def decode(doc: Doc, unit: list[int], tags: Labels, min_tokens: int = MIN_SPAN_TOKENS,
           inside: list[float] | None = None) -> list[tuple[tuple[int, int], float]]:
    """Char ranges of the tagged runs (a run starts at B, or at an I after O), each with
    its tokens' mean probability of being inside (1.0 without ``inside``)."""
    runs: list[list[int]] = []
    open_run = False
    for n, t in enumerate(tags):
        if t == "B" or (t == "I" and not open_run):
            runs.append([n])
        elif t == "I":
            runs[-1].append(n)
        open_run = t != "O"
    out = []
    for run in runs:
        if len(run) < min_tokens:
            continue
        a, b = doc[unit[run[0]]], doc[unit[run[-1]]]
        score = sum(inside[n] for n in run) / len(run) if inside else 1.0
        out.append(((a.idx, b.idx + len(b.text)), score))
    return out


def tag_spans(tagger: ContentTagger, doc: Doc, lexicon: Lexicon, quoted: list[Quoted],
              rule_contents: list[list[tuple[int, int]]]) -> list[tuple[tuple[int, int], float]]:
    """Every content span the tagger finds in the article (char range, score)."""
    units, feats = features(doc, lexicon, quoted, rule_contents, tagger.settings.rule_features)
    out: list[tuple[tuple[int, int], float]] = []
    for unit, f in zip(units, feats):
        tags, inside = tagger.tag(f)
        out.extend(decode(doc, unit, tags, tagger.settings.min_tokens, inside))
    return out


def train(xs: list[Features], ys: list[Labels], path: Path | str, c1: float = 0.05, c2: float = 0.05,
          max_iterations: int = 100, min_freq: int = 1) -> Path:
    """Fit a CRF on paragraphs' features and labels and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.minfreq": min_freq,
                        "feature.possible_transitions": True})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


@lru_cache(maxsize=1)
def load_tagger() -> ContentTagger | None:
    """The packaged tagger, or None when it or python-crfsuite is not installed (then the
    pass is off: an install without the CRF still gets the rules and the other models)."""
    resource = resources.files("eventwire").joinpath("data", "quotes", "model", TAGGER_MODEL)
    if not resource.is_file() or importlib.util.find_spec("pycrfsuite") is None:
        return None
    path = Path(str(resource))
    return ContentTagger(path, TaggerSettings.load(path.with_name(TAGGER_SETTINGS)))
