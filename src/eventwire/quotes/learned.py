"""A learned second pass: attributions the cue lexicon does not know.

PolNeAR-style attribution goes far beyond speech verbs: beliefs ("believes …"),
intentions ("plans to …"), evidence ("the poll shows …"), stances ("is a staunch
opponent of …"). No list covers that tail, so every verb, noun or adjective that
governs a clause, an infinitive, an object or a topic phrase becomes a *proposal*,
and a logistic-regression model (weights in ``data/quotes/model/cue_model.json``,
trained by ``eval/train_quotes.py``) scores it from the parse around it. Proposals
the model accepts fill only the gaps the rules left: a proposal whose content clashes
with a rule's attribution is dropped. A second model (``keep_model.json``) re-scores
the rules' own attributions from the rule that fired, its cue and its source, and
drops the ones that PolNeAR-style annotation would rarely count.

The runtime is a dictionary of weights and a sum, so the pass needs neither
scikit-learn nor noticeable time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from eventwire.quotes.boundary import ASIDE_MARKS, ASIDE_RELATIVES
from eventwire.quotes.headline import headline_span
from eventwire.quotes.lexicon import Lexicon
from eventwire.quotes.marks import Quoted
from eventwire.quotes.syntax import TokenRange, cue_range, noun_source, object_complements_end, subject_of, trim
from eventwire.quotes.wordclasses import word_classes

MODEL_DIR = ("data", "quotes", "model")
ADD_MODEL = "cue_model.json"
KEEP_MODEL = "keep_model.json"
EXTEND_MODEL = "extend_model.json"

CUE_POS = ("VERB", "AUX", "NOUN", "ADJ")
TOPIC_PREPS = ("about", "on", "of", "for", "with", "against", "to", "at", "over", "in")
COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "prep", "acl", "relcl")
ASIDE_START = re.compile(r",\s*(" + "|".join(ASIDE_RELATIVES + ASIDE_MARKS) + r")\b", re.IGNORECASE)
MIN_CONTENT_TOKENS = 2
MAX_CONTENT_TOKENS = 120


@dataclass(slots=True)
class Proposal:
    """A would-be attribution: its cue token, what it governs, and how it was read."""

    cue_token: Token
    complement: Token
    how: str  # ccomp, xcomp, dobj, prep:about, acl, ...
    content: list[tuple[int, int]]  # char ranges
    subject: Token | None
    features: dict[str, float]


@dataclass(frozen=True, slots=True)
class CueModel:
    """Logistic regression over sparse string features, as plain weights."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> CueModel:
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        weights = {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}
        data = {"bias": round(self.bias, 5), "threshold": self.threshold, "weights": weights}
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class LearnedModels:
    """``add`` scores proposals the rules did not make; ``keep`` re-scores the rules' own
    attributions (a rule's reading the model finds unlikely is dropped); ``extend`` decides
    whether a rule's content runs on to the end of its sentence (the parser often hangs a
    conjunct or a modifier of the content on the cue instead). Any may be None."""

    add: CueModel | None = None
    keep: CueModel | None = None
    extend: CueModel | None = None
    tagger: object | None = None  # a quotes.tagger.ContentTagger (CRF over tokens), run last


def _load(name: str) -> CueModel | None:
    resource = resources.files("eventwire").joinpath(*MODEL_DIR, name)
    if not resource.is_file():
        return None
    return CueModel.from_json(json.loads(resource.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load_models() -> LearnedModels:
    """The packaged models (any missing means that part of the pass is off)."""
    from eventwire.quotes.tagger import load_tagger

    return LearnedModels(_load(ADD_MODEL), _load(KEEP_MODEL), _load(EXTEND_MODEL), load_tagger())


def load_cue_model() -> CueModel | None:
    """The packaged proposal model, or None when it is not installed."""
    return load_models().add


def extension(parsed, content: list[tuple[int, int]], cue_token: Token | None) -> tuple[int, int] | None:
    """The content run on to the end of its sentence (and paragraph), when there is more
    to run on to and the cue is not in the way; None otherwise."""
    if len(content) != 1:
        return None
    text = parsed.article.text
    s, e = content[0]
    if e <= s:
        return None
    sentence = parsed.sentences[parsed.sentence_of_char(e - 1)].span
    p_end = text.find("\n", s)
    end = min(sentence.end, len(text) if p_end < 0 else p_end)
    while end > e and (text[end - 1].isspace() or text[end - 1] in ".;:,"):
        end -= 1
    if end <= e or not text[e:end].split():
        return None
    if cue_token is not None and e <= cue_token.idx < end:
        return None
    if ASIDE_START.match(text, e):
        return None  # ", which forced her to leave": the content was cut before the writer's aside
    return s, end


def extension_features(
    doc: Doc, rule: str, kind: str, cue_token: Token | None, content: tuple[int, int], extended: tuple[int, int],
    quoted: list[Quoted],
) -> dict[str, float]:
    """What decides whether the rest of the sentence belongs to the content: how the
    parser attaches it (into the content, or onto the cue) and how it starts."""
    s, e = content
    inside = doc.char_span(s, e, alignment_mode="expand")
    rest = doc.char_span(e, extended[1], alignment_mode="expand")
    f: dict[str, float] = {"bias": 1.0, f"rule={rule}": 1.0, f"kind={kind}": 1.0}
    if inside is None or rest is None or not len(rest):
        return f
    content_ids = set(range(inside.start, inside.end))
    rest_tokens = [t for t in rest if t.i not in content_ids]
    if not rest_tokens:
        return f
    first = rest_tokens[0]
    into = sum(1 for t in rest_tokens if any(a.i in content_ids for a in t.ancestors))
    onto_cue = sum(1 for t in rest_tokens if cue_token is not None and any(a.i == cue_token.i for a in t.ancestors))
    n = len(rest_tokens)
    lemma = cue_token.lemma_.lower() if cue_token is not None else "-"
    f.update({
        f"first={first.lower_}": 1.0,
        f"first_pos={first.pos_}": 1.0,
        f"first_dep={first.dep_}": 1.0,
        f"first_dep_rule={first.dep_}|{rule}": 1.0,
        f"rest_len={_bucket(n, (1, 3, 6, 12, 25))}": 1.0,
        f"content_len={_bucket(len(inside), (2, 5, 10, 20, 40))}": 1.0,
        "into": into / n,
        "onto_cue": onto_cue / n,
        f"into_all={into == n}": 1.0,
        f"has_verb={any(t.pos_ == 'VERB' for t in rest_tokens)}": 1.0,
        f"rest_quote={any(e <= q.start < extended[1] for q in quoted)}": 1.0,
        f"ends_quote={doc[inside.end - 1].is_quote}": 1.0,
        f"lemma={lemma}": 1.0,
        f"head_dep={inside.root.dep_}": 1.0,
    })
    if len(rest_tokens) > 1:
        f[f"second={rest_tokens[1].lower_}"] = 1.0
    return f


def rule_features(
    rule: str, kind: str, cue_token: Token | None, subject: Token | None, content: list[tuple[int, int]],
    confidence: float, lexicon: Lexicon, quoted: list[Quoted], text: str,
) -> dict[str, float]:
    """What the re-scorer sees of a rule's attribution: which rule fired on which cue,
    who the source is, how long and where the content is."""
    lemma = cue_token.lemma_.lower() if cue_token is not None else "-"
    s, e = min(a for a, _ in content), max(b for _, b in content)
    words = len(text[s:e].split())
    subj = _subject_kind(subject)
    head = headline_span(text) or (0, 0)
    in_quotes = any(q.start <= s and e <= q.end for q in quoted)
    has_quote = any(s <= q.start < e for q in quoted)
    entry = lexicon.cue_verbs.get(lemma) or lexicon.cue_nouns.get(lemma)
    f: dict[str, float] = {
        "bias": 1.0,
        f"rule={rule}": 1.0,
        f"kind={kind}": 1.0,
        f"lemma={lemma}": 1.0,
        f"rule_lemma={rule}|{lemma}": 1.0,
        f"class={entry.statement_class if entry else '-'}": 1.0,
        f"subj={subj}": 1.0,
        f"subj_rule={subj}|{rule}": 1.0,
        f"len={_bucket(words, (3, 6, 10, 20, 40, 80))}": 1.0,
        f"len_kind={_bucket(words, (3, 6, 10, 20, 40, 80))}|{kind}": 1.0,
        f"spans={min(len(content), 3)}": 1.0,
        f"conf={round(confidence, 1)}": 1.0,
        f"in_quotes={in_quotes}": 1.0,
        f"has_quote={has_quote}": 1.0,
        f"headline={head[0] <= s < head[1]}": 1.0,
        f"first={text[s:s + 1].isupper()}": 1.0,
        f"that={text[s:s + 5].lower() == 'that '}": 1.0,
    }
    if cue_token is not None:
        f[f"pos={cue_token.pos_}"] = 1.0
        f[f"dep={cue_token.dep_}"] = 1.0
        f[f"tag={cue_token.tag_}"] = 1.0
    return f


def _complements(tok: Token) -> list[tuple[Token, str]]:
    """What ``tok`` governs that could be reported content, with how it hangs."""
    out: list[tuple[Token, str]] = []
    for child in tok.children:
        dep = child.dep_
        if dep == "ccomp":
            out.append((child, "ccomp" if child.i > tok.i else "ccomp-before"))
        elif dep == "xcomp" and child.i > tok.i:
            out.append((child, "xcomp"))
        elif dep in ("dobj", "attr", "oprd") and child.i > tok.i:
            out.append((child, dep))
        elif dep == "prep" and child.i > tok.i and child.lower_ in TOPIC_PREPS:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    out.append((grand, f"prep:{child.lower_}"))
                    break
        elif dep in ("acl", "relcl") and child.i > tok.i and tok.pos_ in ("NOUN", "ADJ"):
            out.append((child, dep))
    return out


def _paragraph(text: str, anchor: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, anchor) + 1
    end = text.find("\n", anchor)
    return start, len(text) if end < 0 else end


def _content(
    doc: Doc, text: str, tok: Token, child: Token, how: str, sent_start: int, object_preps: frozenset[str]
) -> list[tuple[int, int]] | None:
    """The complement's subtree as char ranges in the cue's paragraph; a clause before
    the cue ("…, the poll found") runs from the sentence start up to the cue's subject;
    an object runs on over what the verb says of it, as in the rules ("attacked [Trump
    for …]")."""
    a, b = child.left_edge.i, child.right_edge.i  # the subtree's span (projective parse)
    if how == "dobj":
        b = object_complements_end(tok, b, object_preps)
    if how == "ccomp-before":
        subjects = [t.left_edge.i for t in tok.lefts if t.i > b and t.dep_ in ("nsubj", "nsubjpass")]
        a = min(a, sent_start)
        b = max(b, min(subjects + [tok.i]) - 1)
    rng = trim(doc, (a, b))
    if rng is None or not MIN_CONTENT_TOKENS <= rng[1] - rng[0] + 1 <= MAX_CONTENT_TOKENS:
        return None
    p0, p1 = _paragraph(text, tok.idx)
    s, e = max(doc[rng[0]].idx, p0), min(doc[rng[1]].idx + len(doc[rng[1]]), p1)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return [(s, e)] if e > s else None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _subject_kind(subject: Token | None) -> str:
    if subject is None:
        return "none"
    if subject.ent_type_:
        return f"ent:{subject.ent_type_}"
    if subject.pos_ == "PRON":
        return f"pron:{subject.lower_}"
    return f"pos:{subject.pos_}"


def _features(
    tok: Token, child: Token, how: str, subject: Token | None, content: list[tuple[int, int]],
    lexicon: Lexicon, quoted: list[Quoted], sentence_index: int,
) -> dict[str, float]:
    lemma = tok.lemma_.lower()
    lex = (
        "verb" if lemma in lexicon.cue_verbs
        else "noun" if lemma in lexicon.cue_nouns
        else "non" if lemma in lexicon.non_cue_verbs
        else "out"
    )
    kind = how.split(":")[0]
    marks = {g.lower_ for g in child.children if g.dep_ in ("mark", "aux")}
    deps = sorted({c.dep_ for c in tok.children})
    s, e = content[0]
    n_tokens = len(range(child.left_edge.i, child.right_edge.i + 1))
    in_quotes = any(q.start <= s and e <= q.end for q in quoted)
    has_quote = any(s <= q.start < e for q in quoted)
    subj = _subject_kind(subject)
    aux = sorted({c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")})
    f: dict[str, float] = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"lemma_how={lemma}|{how}": 1.0,
        f"lemma_kind={lemma}|{kind}": 1.0,
        f"how={how}": 1.0,
        f"pos={tok.pos_}": 1.0,
        f"tag={tok.tag_}": 1.0,
        f"dep={tok.dep_}": 1.0,
        f"pos_how={tok.pos_}|{how}": 1.0,
        f"lex={lex}": 1.0,
        f"lex_how={lex}|{how}": 1.0,
        f"subj={subj}": 1.0,
        f"subj_how={subj}|{how}": 1.0,
        f"subj_lex={subj}|{lex}": 1.0,
        f"child_pos={child.pos_}": 1.0,
        f"child_tag={child.tag_}": 1.0,
        f"child_lemma={child.lemma_.lower()}": 1.0,
        f"len={_bucket(n_tokens, (3, 6, 10, 20, 40))}": 1.0,
        f"len_how={_bucket(n_tokens, (3, 6, 10, 20, 40))}|{how}": 1.0,
        f"sent={_bucket(sentence_index, (0, 1, 3))}": 1.0,
        f"in_quotes={in_quotes}": 1.0,
        f"has_quote={has_quote}": 1.0,
        f"head_dep={tok.head.dep_ if tok.head.i != tok.i else 'ROOT'}": 1.0,
        f"head_lemma={tok.head.lemma_.lower() if tok.head.i != tok.i else '-'}": 1.0,
    }
    if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
        f[f"subj_lemma={subject.lemma_.lower()}"] = 1.0
    for m in marks:
        f[f"mark={m}"] = 1.0
        f[f"mark_how={m}|{how}"] = 1.0
    for d in deps:
        f[f"cdep={d}"] = 1.0
    for a in aux:
        f[f"aux={a}"] = 1.0
    if tok.i > 0:
        f[f"prev={tok.nbor(-1).lower_}"] = 1.0
    classes = word_classes(lemma, tok.pos_)
    first = classes[0] if classes else "-"
    f[f"wn1={tok.pos_}|{first}"] = 1.0
    f[f"wn1_how={first}|{how}"] = 1.0
    f[f"wn1_subj={first}|{subj}"] = 1.0
    for c in classes:
        f[f"wn={tok.pos_}|{c}"] = 1.0
    return f



def propose(
    parsed, lexicon: Lexicon, quoted: list[Quoted], kept: list[list[tuple[int, int]]] = (), share: float = 1.0
) -> list[Proposal]:
    """Every complement-governing token of the article as a scored-to-be proposal, except
    those whose content clashes (by ``share``, see :func:`clashes`) with a ``kept``
    content: they could never be taken, so they are not worth their features."""
    doc = parsed.doc
    text = parsed.article.text
    out: list[Proposal] = []
    headline = headline_span(text) or (0, 0)
    taken = Taken(kept, share)
    for i in _governors(doc):
        tok = doc[i]
        if tok.pos_ not in CUE_POS:
            continue
        comps = _complements(tok)
        if not comps or any(q.start <= tok.idx < q.end for q in quoted):
            continue
        sent_index = parsed.sentence_of_token(tok.i)
        subject = _holder(tok)
        if subject is not None and "\n" in text[min(subject.idx, tok.idx) : max(subject.idx, tok.idx)]:
            subject = None
        for child, how in comps:
            sent_start = _sentence_start(parsed, sent_index) if how == "ccomp-before" else 0
            content = _content(doc, text, tok, child, how, sent_start, lexicon.object_prepositions)
            if content is None or taken.clashes(content):
                continue
            features = _features(tok, child, how, subject, content, lexicon, quoted, sent_index)
            if headline[0] <= tok.idx < headline[1]:
                features["headline"] = 1.0
            out.append(Proposal(tok, child, how, content, subject, features))
    return out


def _governors(doc: Doc) -> list[int]:
    """Indices of tokens with a complement-like child, found on the parse arrays: asking
    every token for its children costs more than the rest of the pass."""
    if not len(doc):
        return []
    hashes = np.array([doc.vocab.strings[d] for d in COMPLEMENT_DEPS], dtype=np.uint64)
    arr = doc.to_array([HEAD, DEP])
    rows = np.nonzero(np.isin(arr[:, 1], hashes))[0]
    heads = rows + arr[rows, 0].astype(np.int64)
    return sorted(set(heads.tolist()))


def _sentence_start(parsed, index: int) -> int:
    """Token index where sentence ``index`` starts (``Token.sent`` rescans the whole doc)."""
    span = parsed.doc.char_span(parsed.sentences[index].span.start, parsed.sentences[index].span.end,
                                alignment_mode="expand")
    return span.start if span is not None else 0


def proposal_cue(p: Proposal, lexicon: Lexicon) -> TokenRange:
    """The cue words of an accepted proposal (only those need the phrase lookup)."""
    return cue_range(p.cue_token, lexicon) if p.cue_token.pos_ != "NOUN" else (p.cue_token.i, p.cue_token.i)


def _holder(tok: Token) -> Token | None:
    """Who holds the stance: the subject of a verb or of the copula of an adjective
    ("leaders are [optimistic] that …"), the possessor of a noun."""
    if tok.pos_ == "NOUN":
        return noun_source(tok)
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd") and tok.head.i != tok.i:
        return subject_of(tok.head)
    return subject_of(tok)


class Taken:
    """Contents already claimed, with their extents, so that a clash test skips the far
    ones cheaply (the pass tests every proposal against every attribution)."""

    def __init__(self, contents: list[list[tuple[int, int]]] = (), share: float = 1.0) -> None:
        self.share = share
        self.items: list[tuple[int, int, int, list[tuple[int, int]]]] = []
        for content in contents:
            self.add(content)

    def add(self, content: list[tuple[int, int]]) -> None:
        if content:
            lo, hi = min(a for a, _ in content), max(b for _, b in content)
            self.items.append((lo, hi, sum(e - s for s, e in content), list(content)))

    def clashes(self, content: list[tuple[int, int]]) -> bool:
        if not content:
            return False
        lo, hi = min(a for a, _ in content), max(b for _, b in content)
        size = sum(e - s for s, e in content)
        for o_lo, o_hi, o_size, other in self.items:
            if o_hi <= lo or hi <= o_lo:
                continue
            ov = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in content for s2, e2 in other)
            if ov and ov >= self.share * min(size, o_size):
                return True
        return False


def clashes(content: list[tuple[int, int]], others: list[list[tuple[int, int]]], share: float) -> bool:
    """Whether ``content`` overlaps any of ``others`` by ``share`` of the smaller one:
    attribution is univocal, each word belongs to one attribution."""
    return Taken(others, share).clashes(content)


def select(
    proposals: list[Proposal], model: CueModel, kept: list[list[tuple[int, int]]], share: float
) -> list[tuple[Proposal, float]]:
    """Accepted proposals, most probable first, none clashing with ``kept`` or each other."""
    scored = [(p, model.probability(p.features)) for p in proposals]
    scored = [(p, prob) for p, prob in scored if prob >= model.threshold]
    scored.sort(key=lambda pair: -pair[1])
    taken = Taken(kept, share)
    out = []
    for p, prob in scored:
        if taken.clashes(p.content):
            continue
        taken.add(p.content)
        out.append((p, prob))
    return out
