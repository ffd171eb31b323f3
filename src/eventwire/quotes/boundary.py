"""Learned content boundaries: where a rule's content should start and end.

Most of the rules' near misses on PolNeAR are boundary errors, not wrong attributions:
the parse subtree of a cue's object or clause drags in trailing modifiers the
annotators leave out (", where 18 electoral votes are up for grabs", "on Thursday,
another example of …"), and a partial quote after a cue ("said that the agency could
not be sure … "the drug trade …"") is annotated from the words right after the cue,
not from the quotation mark. Both choices depend on the words and the parse, so each
the first is a binary decision scored by a logistic model (weights in ``data/quotes/model``,
trained by ``eval/train_quotes.py``, like the other learned parts):

*cut*: end the content before a trailing modifier subtree (one proposal per
modifier that reaches the content's end; the most probable one wins);
and a rule (:func:`back_start`) starts a content right after its cue (and the cue's
object) when the rule started it later in the same sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.quotes.marks import Quoted

# Dependents whose subtree, when it closes the content, may be a modifier the
# annotators leave out of the reported content.
CUT_DEPS = frozenset({
    "prep", "advcl", "relcl", "acl", "appos", "conj", "npadvmod", "advmod", "parataxis", "ccomp", "xcomp", "dep",
    "pobj", "dobj", "agent", "nmod",
})
GLUE = frozenset({",", ";", "—", "–", "--", "-", "and", "but", "or", "(", ":"})
MIN_KEPT_TOKENS = 1
# Objects and datives of the cue that sit between it and its content ("told [reporters] that").
SKIP_AFTER_CUE_DEPS = frozenset({"dobj", "dative", "npadvmod", "advmod", "prep", "punct", "mark", "cc"})


def _span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end - 1


def cut_points(doc: Doc, content: tuple[int, int]) -> list[tuple[Token, tuple[int, int]]]:
    """(modifier head, shortened char range) for every trailing modifier subtree that
    closes ``content``: cutting before it keeps a non-empty content."""
    rng = _span_tokens(doc, *content)
    if rng is None:
        return []
    a, b = rng
    while b > a and (doc[b].is_punct or doc[b].is_space) and not doc[b].is_quote:
        b -= 1
    out: list[tuple[Token, tuple[int, int]]] = []
    seen: set[int] = set()
    for i in range(a + 1, b + 1):
        tok = doc[i]
        if tok.dep_ not in CUT_DEPS or tok.right_edge.i < b or tok.left_edge.i <= a:
            continue
        left = tok.left_edge.i
        if left in seen:
            continue
        end = left - 1
        while end >= a and (doc[end].text in GLUE or doc[end].is_space):
            end -= 1
        if end - a + 1 < MIN_KEPT_TOKENS:
            continue
        # never cut inside a quotation: an open quote mark before the cut stays closed
        inside = doc[a : end + 1].text
        if inside.count("“") > inside.count("”") or inside.count('"') % 2:
            continue
        seen.add(left)
        out.append((tok, (doc[a].idx, doc[end].idx + len(doc[end]))))
    return out


def cut_features(
    doc: Doc, rule: str, kind: str, cue_token: Token | None, content: tuple[int, int], cut_at: Token,
    shortened: tuple[int, int], quoted: list[Quoted],
) -> dict[str, float]:
    """What decides whether a trailing modifier is part of what was reported: what
    kind of modifier it is, what starts it, how long both halves are."""
    first = doc[cut_at.left_edge.i]
    before = doc[cut_at.left_edge.i - 1] if cut_at.left_edge.i > 0 else first
    kept_words = len(doc.text[shortened[0] : shortened[1]].split())
    dropped_words = len(doc.text[shortened[1] : content[1]].split())
    lemma = cue_token.lemma_.lower() if cue_token is not None else "-"
    head_dep = cut_at.head.dep_ if cut_at.head.i != cut_at.i else "ROOT"
    f: dict[str, float] = {
        "bias": 1.0,
        f"rule={rule}": 1.0,
        f"kind={kind}": 1.0,
        f"dep={cut_at.dep_}": 1.0,
        f"dep_rule={cut_at.dep_}|{rule}": 1.0,
        f"pos={cut_at.pos_}": 1.0,
        f"tag={cut_at.tag_}": 1.0,
        f"first={first.lower_}": 1.0,
        f"first_pos={first.pos_}": 1.0,
        f"before={before.text.lower()}": 1.0,
        f"before_dep={before.text.lower()}|{cut_at.dep_}": 1.0,
        f"head_pos={cut_at.head.pos_}": 1.0,
        f"head_dep={head_dep}": 1.0,
        f"kept={_bucket(kept_words, (1, 2, 4, 8, 15, 30))}": 1.0,
        f"dropped={_bucket(dropped_words, (1, 2, 4, 8, 15, 30))}": 1.0,
        f"dropped_rule={_bucket(dropped_words, (2, 5, 12))}|{rule}": 1.0,
        f"lemma={lemma}": 1.0,
        f"ent={first.ent_type_ or '-'}": 1.0,
        f"dropped_quote={any(shortened[1] <= q.start < content[1] for q in quoted)}": 1.0,
        f"head_is_cue={cue_token is not None and cut_at.head.i == cue_token.i}": 1.0,
        f"has_verb={any(t.pos_ in ('VERB', 'AUX') for t in cut_at.subtree)}": 1.0,
    }
    return f


def back_start(doc: Doc, text: str, cue_end_token: int, content: tuple[int, int]) -> int | None:
    """The char where the content would start right after the cue (skipping the cue's
    object and punctuation), when that is earlier than where it starts now, in the
    same sentence and paragraph; None otherwise."""
    rng = _span_tokens(doc, *content)
    if rng is None or cue_end_token >= rng[0]:
        return None
    cue = doc[cue_end_token]
    if cue.sent.start != doc[rng[0]].sent.start or "\n" in text[cue.idx : content[0]]:
        return None
    i = cue_end_token + 1
    while i < rng[0]:
        t = doc[i]
        if t.is_punct or t.is_space or (t.head.i == cue.i and t.dep_ in ("dobj", "dative") and t.right_edge.i < rng[0]):
            i = t.right_edge.i + 1 if not (t.is_punct or t.is_space) else i + 1
            continue
        break
    if i >= rng[0]:
        return None
    start = doc[i].idx
    return start if start < content[0] else None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"
